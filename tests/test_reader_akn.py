"""The AKN4UN reader on real UN files (tests/data/akn/) and on case files (tests/cases/akn/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from redraft import canonical
from redraft.errors import InputError
from redraft.model import Draft, Footnote, Kind, Paragraph
from redraft.readers import read_path
from redraft.readers.akn import read_akn, split_sponsors

from .strategies import word

DATA = Path(__file__).parent / "data" / "akn"
CASES = Path(__file__).parent / "cases" / "akn"
FILES = sorted(DATA.glob("*.xml"))
#: The four resolutions held in all six languages (file name suffix A, C, E, F, R, S).
SIX_LANGUAGES = [
    "A_RES_79_9-2421657",
    "A_RES_79_11-2421663",
    "A_RES_79_126-2423502",
    "A_RES_79_186-2424146",
]


def read(name: str) -> Draft:
    return read_akn((DATA / name).read_bytes(), name)[0]


def case_pairs(suffix: str) -> list[tuple[Path, Path]]:
    """Case files: an input ``NAME.xml`` then its expected output ``NAME<suffix>``."""
    return [
        (x, x.with_suffix(suffix))
        for x in sorted(CASES.glob("*.xml"))
        if x.with_suffix(suffix).exists()
    ]


def test_enough_real_files() -> None:
    assert len(FILES) >= 30
    assert (DATA / "SOURCES.md").exists()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_file_reads_with_unique_clean_labels(path: Path) -> None:
    draft, warnings = read_akn(path.read_bytes(), path.name)
    labels = draft.labels()
    assert len(labels) == len(set(labels))
    for unit in draft.units():
        assert unit.text.strip(), unit.label
        if isinstance(unit, Paragraph):
            assert not any(c.isspace() for c in unit.number), unit.number
            assert not unit.opening or unit.text.startswith(unit.opening)
    assert draft.operative() or draft.preambular()
    assert warnings == []


@pytest.mark.parametrize("stem", SIX_LANGUAGES)
def test_six_languages_give_the_same_labels(stem: str) -> None:
    drafts = {p.stem[-1]: read_akn(p.read_bytes(), p.name)[0] for p in DATA.glob(f"{stem}?.xml")}
    assert sorted(drafts) == ["A", "C", "E", "F", "R", "S"]
    english = drafts["E"].labels()
    for suffix, draft in drafts.items():
        assert draft.labels() == english, suffix
        assert draft.meta.symbol == drafts["E"].meta.symbol
    assert {d.meta.language for d in drafts.values()} == {"ar", "zh", "en", "fr", "ru", "es"}


def test_79_9_hand_checked() -> None:
    draft = read("A_RES_79_9-2421657E.xml")
    assert draft.heading == "79/9."
    assert draft.title == (
        "Cooperation between the United Nations and the Organization of Islamic Cooperation"
    )
    assert draft.formula == "The General Assembly,"
    assert len(draft.preambular()) == 29
    assert [p.label for p in draft.operative()] == [f"OP{n}" for n in range(1, 31)]
    op1 = draft.find("OP1")
    assert isinstance(op1, Paragraph)
    assert op1.opening == "Takes note with satisfaction"
    assert op1.text == "Takes note with satisfaction of the report of the Secretary-General;"
    pp2 = draft.find("PP2")
    assert isinstance(pp2, Paragraph)
    assert pp2.opening == "Recalling also"
    assert pp2.footnotes == (
        Footnote(
            "1",
            "On 28 June 2011, the Organization of the Islamic "
            "Conference changed its name to the Organization of "
            "Islamic Cooperation.",
        ),
    )
    assert "Islamic Conference¹ to participate" in pp2.text
    assert "22\u00a0October 1982" in draft.preambular()[0].text  # no-break spaces kept
    assert draft.labels()[:6] == ["heading", "title", "formula", "PP1", "PP2", "FN1"]
    meta = draft.meta
    assert (meta.symbol, meta.language, meta.organ, meta.date) == (
        "A/RES/79/9",
        "en",
        "General Assembly",
        "2024-11-18",
    )
    assert meta.sponsors[1:] == ("Congo", "Equatorial Guinea")
    assert meta.get("draft_symbol") == "A/79/L.9/Rev.1"
    assert (meta.get("draft_date"), meta.get("agenda_item"), meta.get("session")) == (
        "2024-11-15",
        "125 (b)",
        "79",
    )
    assert meta.get("vote") == "adoptedWithoutVote"


def test_79_9_french_chinese_arabic_openings() -> None:
    french = read("A_RES_79_9-2421657F.xml")
    assert french.formula == "L’Assemblée générale,"
    assert french.find("OP1").opening == "Prend note avec satisfaction"  # type: ignore[union-attr]
    chinese = read("A_RES_79_9-2421657C.xml")
    assert chinese.formula == "大会，"
    assert chinese.find("OP1").opening == "满意地注意到"  # type: ignore[union-attr]
    arabic = read("A_RES_79_9-2421657A.xml")
    assert arabic.find("OP30").number == "30."  # type: ignore[union-attr]  # printed "30 -"
    assert arabic.meta.language == "ar"


def test_lists_and_sublists() -> None:
    draft = read("A_RES_79_289-2508701E.xml")
    op4 = draft.find("OP4")
    assert isinstance(op4, Paragraph)
    assert op4.text.startswith("Decides that the organizational arrangements")
    assert [c.label for c in op4.children] == ["OP4(a)", "OP4(b)", "OP4(c)", "OP4(d)"]
    assert [c.label for c in op4.children[1].children] == ["OP4(b)(i)", "OP4(b)(ii)"]
    assert op4.children[1].children[0].text.startswith("Panel 1: Advancing implementation")


def test_preambular_block_list() -> None:
    draft = read("A_RES_79_171-2424211E.xml")
    pp = draft.find("PP38")
    assert isinstance(pp, Paragraph)
    assert pp.text == "Recalling the endorsement by the Committee on World Food Security of:"
    assert [c.number for c in pp.children][:3] == ["(a)", "(b)", "(c)"]
    assert pp.children[0].footnotes[0].label == "FN13"


def test_sections_titles_and_collections() -> None:
    draft = read("A_RES_79_252-2424692E.xml")
    headings = [b.text for b in draft.blocks if b.kind is Kind.HEADING]
    # the part number printed on its own line is a heading of its own (docs/labels.md);
    # "A.<TAB>Base/floor salary scale" is printed on one line: one heading
    assert headings[:4] == [
        "I",
        "Conditions of service of staff in the Professional and higher categories",
        "A. Base/floor salary scale",
        "B. Evolution of the United Nations/United States net remuneration margin",
    ]
    assert [b.text for b in draft.blocks if b.kind is Kind.DOC_HEADING] == ["79/252.", "A", "B"]
    # a preambular paragraph printed inside a section stays preambular
    index = [b.text for b in draft.blocks].index(headings[2])
    section_pp = draft.blocks[index + 1]
    assert section_pp.kind is Kind.PREAMBULAR and section_pp.opening == "Recalling"
    assert section_pp.text.startswith("Recalling its resolution 44/198, by which it established")


def test_tables_belong_to_the_paragraph_that_announces_them() -> None:
    draft = read("A_RES_79_250-2424689E.xml")
    table = draft.find("OP11.T1")
    assert isinstance(table, Paragraph) and table.kind is Kind.TABLE
    rows = table.text.split("\n")
    assert rows[0].split("\t") == [
        "Level",
        "Criterion",
        "Threshold in United States dollars (2025–2027)",
        "Discount (percentage)",
    ]
    assert all(row.strip("\t") for row in rows)


def test_security_council_draft() -> None:
    draft = read("S_2023_772-2320197E.xml")
    assert draft.meta.symbol == "S/2023/772"
    assert draft.meta.doc_type == "draft resolution"
    assert draft.meta.organ == "Security Council"
    assert draft.meta.get("outcome") == "notAdopted"
    assert draft.formula == "The Security Council,"
    assert [p.label for p in draft.operative()] == ["OP1", "OP2", "OP3", "OP4", "OP5"]
    assert "Russian Federation" in draft.meta.sponsors
    assert draft.meta.get("votes") == "inFavour 5, against 4, abstaining 6"
    vetoed = read("S_2024_239-2405580E.xml")
    assert (vetoed.meta.get("outcome"), vetoed.meta.get("meeting")) == ("veto", "S/PV.9574")
    assert vetoed.meta.sponsors == ("United States of America",)


@pytest.mark.parametrize("pair", case_pairs(".txt"), ids=lambda p: p[0].stem)
def test_case_files(pair: tuple[Path, Path]) -> None:
    source, expected = pair
    draft, _ = read_akn(source.read_bytes(), source.name)
    assert canonical.render(draft) == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("pair", case_pairs(".labels"), ids=lambda p: p[0].stem)
def test_case_labels(pair: tuple[Path, Path]) -> None:
    """The numbering forms of the other languages (``language-*.xml``) give English
    labels: every label of the case, one a line, in ``NAME.labels``."""
    source, expected = pair
    draft, _ = read_akn(source.read_bytes(), source.name)
    assert draft.labels() == expected.read_text(encoding="utf-8").split()


@pytest.mark.parametrize("pair", case_pairs(".error"), ids=lambda p: p[0].stem)
def test_bad_input(pair: tuple[Path, Path]) -> None:
    source, expected = pair
    with pytest.raises(InputError) as caught:
        read_akn(source.read_bytes(), source.name)
    assert str(caught.value) == expected.read_text(encoding="utf-8").strip()


def test_dispatch_through_read_path() -> None:
    result = read_path(DATA / "A_RES_79_11-2421663E.xml")
    assert result.format == "akn"
    assert result.draft.meta.symbol == "A/RES/79/11"


def test_split_sponsors() -> None:
    assert split_sponsors("Cameroon (on behalf of A, B and C), Congo and Equatorial Guinea") == [
        "Cameroon (on behalf of A, B and C)",
        "Congo",
        "Equatorial Guinea",
    ]
    assert split_sponsors("A, Trinidad and Tobago and Bosnia and Herzegovina") == [
        "A",
        "Trinidad and Tobago",
        "Bosnia and Herzegovina",
    ]
    assert split_sponsors("") == []


def test_cli_reports_bad_xml_in_one_line() -> None:
    from redraft.cli import cli

    if cli.get_command(None, "show") is None:  # type: ignore[arg-type]
        pytest.skip("the show command is not built yet")
    result = CliRunner().invoke(cli, ["show", str(CASES / "bad-not-akn.xml")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr.strip().endswith("XML but not Akoma Ntoso (root element <html>)")


def test_a_part_number_and_its_heading_are_two_headings() -> None:
    """<part> with subheadings "I" and "Support account...", as docs/labels.md says of a
    part number printed alone and as 79/144's bold paragraphs read."""
    draft = read("A_RES_79_298-2510811E.xml")
    headings = [(b.label, b.text) for b in draft.blocks if b.kind is Kind.HEADING]
    assert headings[:2] == [("H1", "I"), ("H2", "Support account for peacekeeping operations")]
    texts = [text for _, text in headings]
    index = texts.index("II")
    assert texts[index + 1] == "Support account and related funding issues"
    # numbering restarts in part II: the labels repeat with #2 (labels.py's rule)
    assert "OP1#2" in draft.labels()


# -- headings the UN marks up as paragraphs (bold text, a heading class, a roman <num>) --

OCEANS_78, OCEANS_79 = "A_RES_78_69-2324917E.xml", "A_RES_79_144-2423832E.xml"


def test_bold_paragraphs_are_headings_as_in_print() -> None:
    """79/144 prints its parts as "I" / "Implementation of the Convention..." in paragraphs
    holding only bold text: headings, as 78/69 (which uses subheading) reads them."""
    draft = read(OCEANS_79)
    headings = [b.text for b in draft.blocks if b.kind is Kind.HEADING]
    assert headings[:4] == [
        "I",
        "Implementation of the Convention and related agreements and instruments",
        "II",
        "Capacity-building",
    ]
    assert headings[30:32] == ["XVI", "Eightieth session of the General Assembly"]
    assert len(headings) == 35  # 16 parts (number + title), "Annex" and two annex headings
    assert [b.text for b in draft.blocks if b.kind is Kind.TEXT] == ["Amend paragraph 8 to read:"]
    assert draft.find("H1") is draft.blocks[[b.text for b in draft.blocks].index("I")]


def test_a_part_number_in_a_heading_styled_paragraph_is_a_heading() -> None:
    """78/69 prints part XIII as <paragraph class="H23"><p><num>XIII</num></p>."""
    draft = read(OCEANS_78)
    texts = [b.text for b in draft.blocks if b.kind is Kind.HEADING]
    assert texts[24:26] == ["XIII", "Regional cooperation"]
    assert not [b for b in draft.blocks if b.kind is Kind.TEXT and b.text == "XIII"]


def test_oceans_78_to_79_diff_has_no_heading_to_text_change() -> None:
    from redraft.diff import diff_drafts

    result = diff_drafts(read(OCEANS_78), read(OCEANS_79))
    assert [c.kind_change for c in result.changes if c.kind_change] == []


def test_a_roman_numbered_bold_title_is_a_heading_not_an_operative_paragraph() -> None:
    draft = read("A_RES_79_1-2416433E.xml")
    assert "OPI" not in draft.labels()
    headings = [b.text for b in draft.blocks if b.kind is Kind.HEADING]
    assert "I. Sustainable development and financing for development" in headings


@pytest.mark.parametrize("name", [OCEANS_78, "A_RES_79_310-2510830E.xml"])
def test_text_and_akn_readers_agree_on_labels(name: str) -> None:
    """The same resolution printed as plain text reads with the same labels."""
    from redraft.readers.text import read_text
    from redraft.render.markdown_export import render_plain

    draft = read(name)
    assert read_text(render_plain(draft))[0].labels() == draft.labels()


def _body(*paragraphs: str) -> bytes:
    return (
        "<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'>"
        "<statement name='resolution'><mainBody>"
        + "".join(paragraphs)
        + "</mainBody></statement></akomaNtoso>"
    ).encode()


_TITLE = st.lists(word, min_size=1, max_size=12).map(" ".join)
_SECTION = st.sampled_from(["", "I.", "XIV.", "B.", "IV"])


@given(title=_TITLE, section=_SECTION, style=st.sampled_from(["bold", "italic", "bold italic"]))
def test_a_paragraph_of_styled_text_only_is_one_heading(
    title: str, section: str, style: str
) -> None:
    num = f"<num>{section}</num>" if section else ""
    xml = _body(
        f"<paragraph>{num}<content><p>\t<span class='{style}'>{title}</span> </p>"
        "</content></paragraph>",
        "<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>",
    )
    draft, _ = read_akn(xml)
    assert [(b.kind, b.text, b.label) for b in draft.blocks] == [
        (Kind.HEADING, f"{section} {title}".strip(), "H1"),
        (Kind.OPERATIVE, "Decides.", "OP1"),
    ]


@given(title=_TITLE, plain=word, number=st.sampled_from(["", "3.", "(a)"]))
def test_plain_words_or_an_arithmetic_number_keep_a_paragraph(
    title: str, plain: str, number: str
) -> None:
    num = f"<num>{number}</num>" if number else ""
    xml = _body(
        f"<paragraph>{num}<content><p><span class='bold'>{title}</span> {plain}</p>"
        f"</content></paragraph>",
        f"<paragraph>{num}<content><p><span class='bold'>{title}</span>:</p></content></paragraph>",
    )
    kinds = {b.kind for b in read_akn(xml)[0].walk()}
    assert Kind.HEADING not in kinds
