"""Arabic PDFs (redraft.readers.pdf_arabic, pdf_bidi): the text layer's ligatures,
kashidas and reading order repaired from each character's box, on hand-made lines; and
real Arabic resolutions printed by LibreOffice read back as their AKN text (skipped, saying
why, without soffice)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from redraft.readers.pdf_arabic import repair
from redraft.readers.pdf_layout import Char, Line, Page, drop_furniture
from tests.office import SOFFICE

AKN = Path(__file__).parent / "data" / "akn"
SIZE = 11.0


def visual(text: str, x: float = 100.0, y: float = 500.0) -> list[Char]:
    """Glyphs printed left to right as ``text`` shows them (each 5 points wide, touching),
    given in the reverse order, as PDFium gives an Arabic line; "_" is a kashida (a flat
    "/"), "|" a tab (a space of no width and a wide gap)."""
    out = []
    for glyph in text:
        if glyph == "|":
            out.append(Char(" ", x, x, y, 1.0))
            x += 15
            continue
        flat = glyph == "_"
        out.append(Char("/" if flat else glyph, x, x + 5, y, SIZE, height=1.0 if flat else 8.0))
        x += 5
    return out[::-1]


def read(chars: list[Char]) -> str:
    line = Line(chars, 500.0, SIZE)
    repair(line)
    return line.text


def test_lam_alef_ligature_in_logical_order() -> None:
    # "الأمم": the ligature "لأ" is one glyph; PDFium gives its letters alef first
    glyphs = visual("ممأا")  # left to right: م م [لأ] ا; PDFium: ا أ ل م م
    ligature = glyphs[1]
    lam = Char("ل", ligature.x0, ligature.x1, ligature.y, SIZE, height=8.0)
    chars = [*glyphs[:2], lam, *glyphs[2:]]
    assert read(chars) == "الأمم"


def test_kashida_dropped_slash_kept() -> None:
    # "المؤرخ" stretched by two kashidas after its mim; "الأول/ديسمبر" keeps its slash
    assert read(visual("خرؤ__ملا")) == "المؤرخ"
    assert read(visual("رهش/لوأ")) == "أول/شهر"


def test_kashida_drawn_with_another_code() -> None:
    chars = visual("خرؤ_ملا")
    chars = [
        Char("$", c.x0, c.x1, c.y, c.size, height=c.height) if c.text == "/" else c for c in chars
    ]
    assert read(chars) == "المؤرخ"


def test_trailing_comma_stays_at_the_end() -> None:
    # a left-to-right paragraph prints the comma closing "إن الجمعية العامة،" at the right
    assert read(visual("ةماعلا ةيعمجلا نإ،")) == "إن الجمعية العامة،"


def test_numbers_and_brackets_in_an_arabic_line() -> None:
    # "(2005)" is drawn with its brackets mirrored, the digits left to right
    assert read(visual("خرؤملا (2005) 1631 رارق")) == "قرار 1631 (2005) المؤرخ"
    assert read(visual("ربمسيد/لوألا نوناك 9 خرؤملا 58/85 اهتارارق")) == (
        "قراراتها 58/85 المؤرخ 9 كانون الأول/ديسمبر"
    )


def test_latin_symbol_in_an_arabic_line() -> None:
    # a left-to-right paragraph prints its Arabic runs each right to left, in order
    assert read(visual("رظنا A/RES/79/1 ةقيثولا")) == "انظر A/RES/79/1 الوثيقة"


def test_paragraph_number_before_its_tab() -> None:
    assert read(visual("5.|ررقت")).split() == ["5.", "تقرر"]
    # an Arabic list number is drawn right to left: "(أ)" shows as ")أ("
    assert read(visual(")أ(|ررقت")).split() == ["(أ)", "تقرر"]


def test_resolution_number_atop_the_first_page_is_no_page_number() -> None:
    page = Page(number=1, width=595, height=842)
    page.lines = [Line(visual("79/14", y=800)[::-1], 800.0, SIZE)]
    page.lines.append(Line(visual("ةماعلا ةيعمجلا نإ", y=400), 400.0, SIZE))
    drop_furniture([page])
    assert page.lines[0].text == "79/14"
    footer = Page(number=1, width=595, height=842, lines=[Line(visual("1/1", y=30)[::-1], 30.0)])
    drop_furniture([footer])
    assert footer.lines == []


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_arabic_resolutions_through_word_and_pdf(tmp_path: Path) -> None:
    """79/14 and 79/186 in Arabic, written to Word by redraft with paragraphs set left to
    right (as any Word file without w:bidi: the draft's language left out, the writer sets
    right-to-left languages right to left) and printed by LibreOffice, read back with the
    AKN reading's labels and text (up to typography)."""
    from redraft.diff.units import unit_key
    from redraft.readers.akn import read_akn
    from redraft.readers.pdf import read_pdf
    from redraft.render.docx_draft import render_draft_docx
    from tests.pdf_builder import build_pdfs

    files = ("A_RES_79_14-2421675A.xml", "A_RES_79_186-2424146A.xml")
    sources = {name: read_akn((AKN / name).read_bytes(), name)[0] for name in files}
    ltr = {name: replace(d, meta=replace(d.meta, language="")) for name, d in sources.items()}
    pdfs = build_pdfs([(name[:-4], render_draft_docx(d)) for name, d in ltr.items()], tmp_path)
    for name, source in sources.items():
        read = read_pdf(pdfs[name[:-4]].read_bytes(), name)[0]
        assert [(u.label, unit_key(u)) for u in read.units()] == [
            (u.label, unit_key(u)) for u in source.units()
        ], name


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_arabic_resolution_set_right_to_left(tmp_path: Path) -> None:
    """79/14 exported as redraft writes Arabic (w:bidi, w:rtl), printed right to left by
    LibreOffice, read back whole: the page is read in a mirror (:func:`.pdf_arabic.mirror`)."""
    from redraft.diff.units import unit_key
    from redraft.readers.akn import read_akn
    from redraft.readers.pdf import read_pdf
    from redraft.render.docx_draft import render_draft_docx
    from tests.pdf_builder import build_pdfs

    name = "A_RES_79_14-2421675A"
    source = read_akn((AKN / f"{name}.xml").read_bytes(), name)[0]
    pdf = build_pdfs([(name, render_draft_docx(source))], tmp_path)[name]
    read = read_pdf(pdf.read_bytes(), name)[0]
    assert [(u.label, unit_key(u)) for u in read.units()] == [
        (u.label, unit_key(u)) for u in source.units()
    ]


def test_right_to_left_paragraph() -> None:
    # set right to left, as the UN prints Arabic: the comma closing the formula at the
    # left, the number "5 -" at the right after its tab
    line = Line(visual("،ةماعلا ةيعمجلا نإ"), 500.0, SIZE)
    repair(line, rtl=True)
    assert line.text == "إن الجمعية العامة،"
    line = Line(visual("ررقت|- 5"), 500.0, SIZE)
    repair(line, rtl=True)
    assert line.text.split() == ["5", "-", "تقرر"]


def test_quotation_closing_a_paragraph_set_left_to_right() -> None:
    # "... المعنون ”التعاون“." broken after "المعنون": the last line opens with the quote
    # (at the Arabic words' level, drawn mirrored) and ends the paragraph with the
    # closing quote and the full stop at the right
    assert read(visual("نواعتلا“”.")) == "”التعاون“."


def test_brackets_around_latin_text_made_a_pair() -> None:
    from redraft.readers.pdf_bidi import _latin_brackets

    for drawn, text in (("(A/74/20(،", "(A/74/20)،"), (")S/INF/69).", "(S/INF/69).")):
        chars = [Char(ch, 0, 1, 0, SIZE) for ch in drawn]
        assert "".join(c.text for c in _latin_brackets(chars)) == text
    chars = [Char(ch, 0, 1, 0, SIZE) for ch in ")قرار("]  # Arabic inside: not touched
    assert "".join(c.text for c in _latin_brackets(chars)) == ")قرار("
