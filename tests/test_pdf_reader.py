"""The PDF reader (redraft.readers.pdf): PDFs printed by LibreOffice in a UN layout
(tests/pdf_builder.py; the fixtures in tests/data/pdf/ are its output) read back as the
drafts they were printed from, and each pass on hand-made lines.

The fixtures are read without LibreOffice; the live test builds one again and is
skipped, saying why, when soffice is not installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from redraft.errors import InputError
from redraft.model import Footnote
from redraft.readers import read_bytes
from redraft.readers.akn import read_akn
from redraft.readers.pdf_layout import Char, Line, Page, drop_furniture, furniture_kind, group_lines
from redraft.readers.pdf_paragraphs import footnotes, line_pieces, paragraphs
from tests.office import SOFFICE
from tests.pdf_builder import FIXTURES, RESOLUTIONS, build_pdfs, source_draft, un_layout_docx

DATA = Path(__file__).parent / "data" / "pdf"
WORD = Path(__file__).parent / "data" / "word"


def units(draft: object) -> list[tuple[str, str]]:
    return [(u.label, u.text) for u in draft.units()]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "file", "symbol"), FIXTURES)
def test_fixture_reads_as_its_source(name: str, file: str, symbol: str) -> None:
    source = source_draft(file, symbol)
    result = read_bytes((DATA / f"{name}.pdf").read_bytes(), f"{name}.pdf")
    assert result.format == "pdf"
    assert result.warnings == ()
    assert units(result.draft) == units(source)
    assert result.draft.blocks == source.blocks  # kinds, numbers, openings, footnotes
    assert result.draft.meta.symbol == symbol  # from the running head


@pytest.mark.parametrize(("name", "file", "symbol"), RESOLUTIONS)
def test_resolution_reads_as_the_akn_reader_reads_it(name: str, file: str, symbol: str) -> None:
    akn = read_akn((WORD / file).read_bytes(), file)[0]
    draft = read_bytes((DATA / f"{name}.pdf").read_bytes(), f"{name}.pdf").draft
    # a non-breaking hyphen ("COVID\u201119") too: LibreOffice prints it with the
    # hyphen's glyph and code, but as a text object of its own
    assert units(draft) == units(akn)
    assert draft.meta.symbol == symbol


def test_fixtures_are_un_like() -> None:
    """At least three pages, furniture on each, footnotes, a paragraph over a page break."""
    from redraft.readers.pdf import read_pages
    from redraft.readers.pdf_layout import split_notes

    pages = read_pages((DATA / "ccpcj-20-5.pdf").read_bytes(), "ccpcj-20-5.pdf")
    assert len(pages) >= 3
    drop_furniture(pages)
    assert all("11-12345 (E)" in page.dropped for page in pages)
    assert all("E/CN.15/2011/L.5" in page.dropped for page in pages)
    assert "Please recycle" in pages[0].dropped and "2" in pages[1].dropped
    split_notes(pages)
    assert pages[0].notes
    across = [
        p for p in paragraphs(pages) if len({id(_page_of(line, pages)) for line in p.lines}) > 1
    ]
    assert across


def _page_of(line: Line, pages: list[Page]) -> Page:
    return next(page for page in pages if any(line is other for other in page.lines))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_live_build_reads_as_its_source(tmp_path: Path) -> None:
    name, file, symbol = FIXTURES[0]
    source = source_draft(file, symbol)
    pdf = build_pdfs([(name, un_layout_docx(source))], tmp_path)[name]
    assert units(read_bytes(pdf.read_bytes(), pdf.name).draft) == units(source)


# -- bad input ------------------------------------------------------------------------


def _blank_pdf() -> bytes:
    """A PDF with a page and no text: what a scan without OCR gives."""
    import io

    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_scan_without_text_layer_is_one_line() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(_blank_pdf(), "scan.pdf")
    assert str(caught.value) == (
        "scan.pdf: this PDF has no text layer (a scan?); redraft does not do OCR"
    )


@pytest.mark.parametrize(
    "data", [b"%PDF-1.7\n" + b"\x00garbage" * 20, (DATA / "ga-i.pdf").read_bytes()[:3000]]
)
def test_damaged_pdf_is_one_line(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, "bad.pdf")
    message = str(caught.value)
    assert message.startswith("bad.pdf: ") and "\n" not in message and "PDF" in message


# -- the passes on hand-made characters -----------------------------------------------


def chars(text: str, x: float, y: float, size: float = 10.0, **kw: bool) -> list[Char]:
    """A word printed from ``x`` on baseline ``y`` (each character 0.5 em wide)."""
    out = []
    for char in text:
        out.append(Char(char, x, x + size / 2, y, size, **kw))
        x += size / 2
    return out


def test_raised_marker_joins_its_line_and_is_a_footnote_reference() -> None:
    # PDFium ends a line at a raised marker; the pieces on one baseline are one line
    pieces = chars("Charter,", 100, 500) + [Char("\n", 0, 0, 0, 0, generated=True)]
    pieces += chars("12", 140, 504, size=6) + [Char("\n", 0, 0, 0, 0, generated=True)]
    pieces += [Char(" ", 146, 149, 500, 10)] + chars("and", 150, 500)
    lines = group_lines(pieces)
    assert len(lines) == 1
    assert "".join(text for text, _ in line_pieces(lines[0])) == "Charter,¹² and"


def test_a_gap_before_a_raised_marker_is_not_a_space() -> None:
    # a justified line spreads "as amended, ⁹³": PDFium infers a space in the gap
    line = Line(
        chars("amended,", 100, 500)
        + [Char(" ", 140, 146, 500, 1, generated=True)]
        + chars("93", 146, 504, size=6),
        500,
        10,
    )
    assert "".join(text for text, _ in line_pieces(line)) == "amended,⁹³"


def test_a_marker_carried_to_the_next_line_follows_its_word() -> None:
    before = Line(chars("as amended,", 100, 500), 500, 10)
    after = Line(chars("93", 100, 486, size=6) + chars(" including", 106, 482), 482, 10)
    page = Page(1, 600, 800, lines=[before, after])
    text = "".join(p.text for p in paragraphs([page]))
    assert "amended,⁹³ including" in text


def test_chinese_is_read_without_the_gaps_set_around_latin_text() -> None:
    # LibreOffice sets digits apart from Chinese by a narrow gap ("第 58/85 号"); the
    # tab after a paragraph number is a wide gap and stays a space
    gap = [Char(" ", 0, 0, 500, 1, generated=True)]
    line = Line(
        chars("1.", 100, 500)
        + gap
        + chars("第", 130, 500)
        + gap
        + chars("58/85", 137, 500)
        + gap
        + chars("号", 164, 500),
        500,
        10,
    )
    assert "".join(text for text, _ in line_pieces(line)) == "1. 第58/85号"
    page = Page(1, 600, 800, lines=[line, Line(chars("决议", 100, 482), 482, 10)])
    assert "号决议" in "".join(p.text for p in paragraphs([page]))


def test_no_break_space_is_an_inferred_narrow_space() -> None:
    line = Line(
        chars("of", 100, 500)
        + [Char(" ", 110, 113, 500, 10)]
        + chars("18", 113, 500)
        + [Char(" ", 123, 123, 500, 1, generated=True)]
        + chars("December", 127, 500),
        500,
        10,
    )
    assert "".join(text for text, _ in line_pieces(line)) == "of 18\u00a0December"
    # the same line flush with the right edge of justified text: a plain space
    assert "".join(text for text, _ in line_pieces(line, flush=True)) == "of 18 December"


def _page(lines: list[list[Char]], number: int = 1) -> Page:
    return Page(number, 600, 800, lines=[Line(c, c[0].y, max(x.size for x in c)) for c in lines])


def test_soft_hyphen_is_undone_and_a_real_hyphen_kept() -> None:
    page = _page(
        [
            chars("the inter\u00ad", 100, 700),
            chars("national follow-", 100, 688),
            chars("up of the", 100, 676),
        ]
    )
    (para,) = paragraphs([page])
    assert para.text == "the international follow-up of the"


def test_paragraph_goes_on_over_a_page_break_unless_it_ended() -> None:
    first = _page([chars("1. Urges all", 100, 700), chars("States to act on", 100, 688)], 1)
    second = _page([chars("the matter;", 100, 700), chars("2. Decides", 100, 680)], 2)
    texts = [p.text for p in paragraphs([first, second])]
    assert texts == ["1. Urges all States to act on the matter;", "2. Decides"]


def test_italic_opening_is_a_piece_of_its_own() -> None:
    line = Line(chars("Recalling", 100, 700, italic=True) + chars(" its", 145, 700), 700, 10)
    assert line_pieces(line) == [("Recalling", True), (" its", False)]


def test_page_furniture_kinds() -> None:
    assert furniture_kind("24-12345 (E)") == "job number"
    assert furniture_kind("24-12345 (E)    061124") == "job number"
    assert furniture_kind("3/12") == "page number"
    assert furniture_kind("- 3 -") == "page number"
    assert furniture_kind("Please recycle") == "recycling note"
    assert furniture_kind("*2412345*") == "barcode"
    assert furniture_kind("A/RES/79/92") == "running head"
    assert furniture_kind("1. Decides to act;") == ""


def test_furniture_dropped_only_in_the_margins() -> None:
    top = chars("A/79/L.3", 400, 760)
    page = _page([top, chars("A/79/L.3", 100, 400), chars("3", 300, 30)])
    assert drop_furniture([page]) == "A/79/L.3"
    assert [line.text for line in page.lines] == ["A/79/L.3"]  # the one in the body stays


def test_footnote_block_continues_over_lines_and_pages() -> None:
    first = Page(1, 600, 800)
    first.notes = [
        Line(
            [
                *chars("1", 90, 100),
                Char(" ", 95, 95, 100, 1, generated=True),
                *chars("Official", 126, 100),
            ],
            100,
            10,
        ),
        Line(chars("Records, Supplement", 90, 88), 88, 10),
    ]
    second = Page(2, 600, 800)
    second.notes = [
        Line(chars("5 (A/79/5).", 90, 100), 100, 10),  # goes on: footnote 5 is not cited next
        Line(chars("2 A/79/779.", 90, 88), 88, 10),  # footnote 2, cited next, after a space
    ]
    assert footnotes([first, second], ["1", "2"]) == [
        Footnote("1", "Official Records, Supplement 5 (A/79/5)."),
        Footnote("2", "A/79/779."),
    ]


def test_footnote_rule_above_the_middle_of_the_page() -> None:
    """A page with three lines of text and a long footnote block: the rule is in the
    upper half of the page, and what is under it is still footnotes."""
    from redraft.readers.pdf_layout import split_notes

    body = [chars("Summit Outcome,1 the Doha", 90, 700 - 15 * i) for i in range(3)]
    notes = [chars(f"{i + 1} Resolution 60/{i}.", 90, 500 - 25 * i) for i in range(12)]
    page = _page(body + notes)
    page.rules = [(89.9, 198.1, 520.0)]
    split_notes([page])
    assert [line.text for line in page.lines] == ["Summit Outcome,1 the Doha"] * 3
    assert len(page.notes) == 12


def test_part_number_alone_at_the_top_of_a_page_is_a_paragraph_of_its_own() -> None:
    # the page before ends with a full line ending in ";": it could go on, but a part
    # number alone on its line does not go on with a paragraph
    full = "x" * 80
    first = _page([chars(f"110. Requests {full}", 100, 700), chars(f"their {full};", 100, 688)])
    second = _page([chars("VIII", 100, 700), chars("Maritime safety", 100, 680)], 2)
    texts = [p.text for p in paragraphs([first, second])]
    assert texts[1:] == ["VIII", "Maritime safety"]


def test_line_joins_after_a_dash_a_slash_and_a_suspended_hyphen() -> None:
    page = _page(
        [
            chars("Copenhagen, 6–", 100, 700),
            chars("12 March, in low-", 100, 688),
            chars("and middle-income sro-ea/", 100, 676),
            chars("blue-future and agreements/ ", 100, 664),
            chars("fish_stocks", 100, 652),
        ]
    )
    (para,) = paragraphs([page])
    assert para.text == (
        "Copenhagen, 6–12 March, in low- and middle-income sro-ea/blue-future and "
        "agreements/ fish_stocks"
    )
    page.notes, page.lines = page.lines, []
    page.notes[0].chars[:0] = chars("4", 90, 700) + [Char(" ", 95, 100, 700, 1, generated=True)]
    assert footnotes([page], ["4"]) == [Footnote("4", para.text)]


def test_a_number_already_used_as_a_marker_goes_on_with_the_footnote() -> None:
    """A justified footnote line starting "1 August" (a wide inferred space after the 1)
    is not footnote 1 again."""
    gap = [Char(" ", 95, 95, 100, 1, generated=True)]
    page = Page(1, 600, 800)
    page.notes = [
        Line([*chars("1", 90, 100), *gap, *chars("Treaty Series.", 126, 100)], 100, 10),
        Line([*chars("2", 90, 88), *gap, *chars("Decisions, 1 August", 126, 88)], 88, 10),
        Line([*chars("1", 90, 76), *gap, *chars("August 2015.", 126, 76)], 76, 10),
    ]
    assert footnotes([page], ["1", "2"]) == [
        Footnote("1", "Treaty Series."),
        Footnote("2", "Decisions, 1 August 1 August 2015."),
    ]


def test_a_hyphen_drawn_alone_is_non_breaking_only_inside_a_word() -> None:
    from redraft.readers.pdf_layout import _non_breaking

    word = chars("COVID\u201119", 100, 700)
    nil = chars("nil \u2011 ", 100, 680)  # a dash for nil, drawn alone
    assert "".join(c.text for c in _non_breaking(word + nil)) == "COVID\u201119nil - "


def test_a_web_address_cut_at_a_line_end_is_joined_without_a_space() -> None:
    page = Page(1, 600, 800)
    page.notes = [
        Line(chars("3 See www.un.org/depts/los/SGReportTrustFunds1August20223", 90, 100), 100, 10),
        Line(chars("1July2023.pdf. And www.un.org/depts/los/general_assembly.", 90, 88), 88, 10),
        Line(chars("Next.", 90, 76), 76, 10),
    ]
    assert footnotes([page], ["3"]) == [
        Footnote(
            "3",
            "See www.un.org/depts/los/SGReportTrustFunds1August202231July2023.pdf. "
            "And www.un.org/depts/los/general_assembly. Next.",
        )
    ]


def test_no_break_spaces_on_a_line_that_draws_no_space() -> None:
    def nbsp(x: float) -> Char:  # inferred by PDFium: no space drawn, a narrow gap
        return Char(" ", x, x, 500, 1, generated=True)

    line = Line(
        chars("(1", 100, 500)
        + [nbsp(110)]
        + chars("July–30", 112, 500)
        + [nbsp(147)]
        + chars("June);", 149, 500),
        500,
        10,
    )
    assert "".join(text for text, _ in line_pieces(line)) == "(1\u00a0July–30\u00a0June);"


def test_one_line_paragraphs_do_not_set_the_line_pitch() -> None:
    """A short Chinese text (79/14 printed from Word) has mostly one-line paragraphs: the
    distance between them (2.25 times the size) is seen often, the line pitch of its one
    wrapped paragraph once. That distance is not the pitch: each paragraph is its own."""
    wrapped = "决定在大会第八十一届会议临时议程题为联合国同各区域组织及其他组织的合作的项目下列入"
    page = _page(
        [
            chars("79/14.", 90, 709.8, 11),
            chars("联合国同全面禁止核试验条约组织筹备委员会的合作", 90, 684.9, 11),
            chars("大会，", 90, 660.3, 11),
            chars("表示注意到秘书长的报告，", 126, 635.6, 11),
            chars("又表示注意到执行秘书的报告，", 126, 610.9, 11),
            chars(wrapped, 126, 586.2, 11),
            chars("的分项。", 90, 571.5, 11),
        ]
    )
    texts = [p.text for p in paragraphs([page])]
    assert texts[:3] == ["79/14.", "联合国同全面禁止核试验条约组织筹备委员会的合作", "大会，"]
    assert len(texts) == 6 and texts[-1] == wrapped + "的分项。"


def test_the_space_after_a_footnote_reference_in_chinese_stays() -> None:
    # "《最后文件》¹ 和国际社会" (79/33): the space after the reference is the text's, not the
    # narrow gap LibreOffice sets between Chinese and Latin text
    gap = [Char(" ", 0, 0, 500, 1, generated=True)]
    line = Line(
        chars("文件》", 100, 500) + chars("1", 115, 504, size=6) + gap + chars("和国际", 121, 500),
        500,
        10,
    )
    assert "".join(text for text, _ in line_pieces(line)) == "文件》¹ 和国际"


def test_the_no_break_space_between_a_reference_and_french_punctuation() -> None:
    # "résolution 78/7¹ ;" (79/7 in French): LibreOffice leaves a bare gap for the no-break
    # space, PDFium infers no space there
    line = Line(
        chars("78/7", 100, 500) + chars("1", 121, 504, size=6) + chars(";", 128, 500), 500, 10
    )
    assert "".join(text for text, _ in line_pieces(line)) == "78/7¹\u00a0;"
    close = Line(
        chars("78/7", 100, 500) + chars("1", 121, 504, size=6) + chars(";", 124, 500), 500, 10
    )
    assert "".join(text for text, _ in line_pieces(close)) == "78/7¹;"


def test_the_space_after_a_number_in_chinese_stays() -> None:
    # "行动10. 我们将" (79/1): the space after a number's full stop is the text's
    gap = [Char(" ", 0, 0, 500, 1, generated=True)]
    line = Line(chars("行动10.", 100, 500) + gap + chars("我们将", 128, 500), 500, 10)
    assert "".join(text for text, _ in line_pieces(line)) == "行动10. 我们将"
