"""Word as it really travels: numbers typed in one run with the text, numbered styles,
emergency-session symbols, documents restyled by another program, the redline's
authors, tables, and footnotes that Word numbers itself."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from redraft import canonical
from redraft.diff import diff_drafts
from redraft.model import Draft, Footnote
from redraft.readers.akn import read_akn
from redraft.readers.docx import read_docx
from redraft.readers.text import read_text
from redraft.render.docx_draft import render_draft_docx
from redraft.render.docx_track import render_diff_docx
from redraft.typography import comparable

from .cli_helpers import run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATA = Path(__file__).parent / "data" / "word"
HEAD = "---\nredraft: 1\n---\n\n> *The General Assembly*,\n\n"


def units(draft: Draft) -> list[tuple[str, str, str]]:
    return [
        (u.label, u.marker if isinstance(u, Footnote) else u.number, u.text) for u in draft.units()
    ]


def _docx(build: Any) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _patch(data: bytes, member: str, edit: Any) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            target.writestr(info, edit(blob.decode()).encode() if info.filename == member else blob)
    return out.getvalue()


# -- numbers typed in one run -------------------------------------------------------------


@pytest.mark.parametrize("style", ["Normal", "List Number"])
def test_number_tab_and_text_in_one_run_read_as_the_operative_paragraph(style: str) -> None:
    def build(document: Any) -> None:
        document.add_paragraph("ES-11/6.")
        document.add_paragraph("Situation in Ukraine")
        p = document.add_paragraph()
        p.add_run("The General Assembly").italic = True
        p.add_run(",")
        p = document.add_paragraph()
        p.add_run("\tRecalling").italic = True  # a tab inside the italic opening word
        p.add_run(" its resolutions,")
        document.add_paragraph("1.\tUrges States to act;", style=style)
        p = document.add_paragraph(style=style)
        p.add_run("2.\t")
        p.add_run("Decides").italic = True
        p.add_run(" to remain\u00a0seized of the matter.")

    draft, _ = read_docx(_docx(build), "un.docx")
    assert units(draft) == [
        ("heading", "", "ES-11/6."),
        ("title", "", "Situation in Ukraine"),
        ("formula", "", "The General Assembly,"),
        ("PP1", "", "Recalling its resolutions,"),
        ("OP1", "1.", "Urges States to act;"),
        ("OP2", "2.", "Decides to remain\u00a0seized of the matter."),
    ]
    assert draft.find("PP1").opening == "Recalling"  # type: ignore[union-attr]
    assert not any(c in canonical.render(draft) for c in "\x00\t")


@pytest.mark.parametrize("styled", [True, False])
def test_number_style_run_holding_the_text_after_its_tab(styled: bool) -> None:
    """Typing after the number in Word continues its run (and its UN Number style)."""
    source = canonical.parse(HEAD + "1. *Urges* States to act;\n")

    def one_run(xml: str) -> str:
        return re.sub(
            r'(<w:r><w:rPr><w:rStyle w:val="UNNumber"/></w:rPr>'
            r'<w:t xml:space="preserve">1\.</w:t>)</w:r><w:r><w:tab/></w:r>'
            r"<w:r><w:rPr><w:i/></w:rPr>(<w:t[^>]*>Urges</w:t>)</w:r>",
            r"\1<w:tab/>\2</w:r>",
            xml,
        )

    data = _patch(render_draft_docx(source), "word/document.xml", one_run)
    if not styled:  # without redraft's metadata: read by content
        data = _patch(
            data, "word/settings.xml", lambda x: re.sub(r"<w:docVars>.*</w:docVars>", "", x)
        )
    draft, _ = read_docx(data, "one-run.docx")
    assert units(draft)[-1] == ("OP1", "1.", "Urges States to act;")


def test_emergency_session_symbols_are_the_heading_in_text() -> None:
    for symbol in ("ES-11/6.", "ES-10/21.", "S-30/1.", "79/102."):
        draft, _ = read_text(
            f"{symbol}\n\nSituation\n\nThe General Assembly,\n\n1. *Decides* so.\n"
        )
        assert draft.heading == symbol and draft.title == "Situation"


# -- documents another program restyled --------------------------------------------------


def _without_metadata(data: bytes) -> bytes:
    return _patch(data, "word/settings.xml", lambda x: re.sub(r"<w:docVars>.*</w:docVars>", "", x))


NOTING = '<w:pStyle w:val="{}"/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Noting'


def test_a_paragraph_in_the_footnote_style_without_a_marker_is_a_paragraph() -> None:
    """LibreOffice gives a paragraph after a deleted footnote the footnote's style."""
    source = canonical.parse(
        HEAD + "*Recalling* its resolution,¹\n[^1]: A/75/982.\n\n*Noting* the report,\n"
    )
    data = render_draft_docx(source)
    restyled = _patch(
        _without_metadata(data),
        "word/document.xml",
        lambda x: x.replace(NOTING.format("UNPreambular"), NOTING.format("UNFootnote")),
    )
    assert restyled != _without_metadata(data)
    draft, _ = read_docx(restyled, "restyled.docx")
    assert [u.text for u in draft.units()][-1] == "Noting the report,"


def test_a_footnote_given_a_body_style_is_still_a_footnote() -> None:
    source = canonical.parse(HEAD + "*Recalling* its resolution,⁴\n\n1. *Urges* States;\n")
    typed = _patch(
        _without_metadata(render_draft_docx(source)),
        "word/document.xml",
        lambda x: x.replace(
            "<w:p/><w:sectPr",
            '<w:p><w:pPr><w:pStyle w:val="UNPreambular"/></w:pPr><w:r><w:rPr>'
            '<w:rStyle w:val="UNNumber"/></w:rPr><w:t>4</w:t></w:r><w:r><w:tab/>'
            "<w:t>Resolution 78/1, annex.</w:t></w:r></w:p><w:p/><w:sectPr",
        ),
    )
    draft, _ = read_docx(typed, "typed.docx")
    assert draft.find("FN4").text == "Resolution 78/1, annex."  # type: ignore[union-attr]


def test_a_footnote_no_paragraph_can_hold_is_kept_and_warned_about() -> None:
    source = canonical.parse(HEAD + "1. *Urges* States;\n[^*]: A note.\n")
    data = _patch(
        render_draft_docx(source),
        "word/document.xml",
        # a footnote paragraph moved before every paragraph
        lambda x: re.sub(
            r"(<w:body>)(.*?)(<w:p><w:pPr><w:pStyle w:val=\"UNFootnote\"/>.*?</w:p>)",
            r"\1\3\2",
            x,
            count=1,
            flags=re.S,
        ),
    )
    draft, warnings = read_docx(data, "odd.docx")
    assert any("A note." in u.text for u in draft.units())
    assert any("before any paragraph" in w for w in warnings)


# -- the redline: authors, tables, footnotes ------------------------------------------------


def _authors(data: bytes) -> set[str]:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    return set(re.findall(r'w:author="([^"]*)"', xml))


def test_the_redline_author_is_never_a_file_path(tmp_path: Path) -> None:
    old, new, out = tmp_path / "old.txt", tmp_path / "new.txt", tmp_path / "r.docx"
    old.write_text(HEAD + "1. *Urges* States to act;\n", encoding="utf-8")
    new.write_text(HEAD + "1. *Urges* all States to act;\n", encoding="utf-8")
    assert run("diff", str(old), str(new), "--format", "docx", "-o", str(out))[0] == 0
    assert _authors(out.read_bytes()) == {"redraft"}
    code, _, _ = run(
        "diff", str(old), str(new), "--format", "docx", "-o", str(out),
        "--author-old", "G77", "--author-new", "European Union",
    )  # fmt: skip
    assert code == 0 and _authors(out.read_bytes()) == {"European Union"}


def test_the_redline_takes_the_store_authors(tmp_path: Path) -> None:
    store, draft, out = tmp_path / "store", tmp_path / "d.txt", tmp_path / "r.docx"
    assert run("init", str(store))[0] == 0
    draft.write_text(HEAD + "1. *Urges* States to act;\n", encoding="utf-8")
    assert run("save", "d", str(draft), "--by", "G77", "--store", str(store))[0] == 0
    draft.write_text(HEAD + "1. *Urges* all States to act;\n", encoding="utf-8")
    assert run("save", "d", str(draft), "--by", "EU", "--store", str(store))[0] == 0
    code, _, _ = run("diff", "d", "--format", "docx", "-o", str(out), "--store", str(store))
    assert code == 0 and _authors(out.read_bytes()) == {"EU"}


def _pair(name_old: str, name_new: str) -> tuple[Draft, Draft]:
    old = read_akn((DATA / name_old).read_bytes(), name_old)[0]
    new = read_akn((DATA / name_new).read_bytes(), name_new)[0]
    return old, new


def _numbered(draft: Draft) -> list[tuple[str, str]]:
    return [(b, c) for _, b, c in units(draft)]


def test_tables_are_word_tables_in_the_redline() -> None:
    old, new = _pair("A_RES_78_249-2326263E.xml", "A_RES_79_255-2424696E.xml")
    data = render_diff_docx(diff_drafts(old, new), author_new="Fifth Committee", typography=True)
    assert b"<w:tbl>" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert _numbered(read_docx(data, "n")[0]) == _numbered(new)
    assert _numbered(read_docx(data, "o", view="original")[0]) == _numbered(old)


def test_renumbered_references_are_no_change_in_word() -> None:
    old = canonical.parse(HEAD + "*Recalling* its resolution,¹\n[^1]: Resolution 67/123.\n")
    new = canonical.parse(
        HEAD + "*Noting* the report,¹\n[^1]: A/79/9.\n\n"
        "*Recalling* its resolution,²\n[^2]: Resolution 67/123.\n"
    )
    data = render_diff_docx(diff_drafts(old, new), author_new="EU")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    recalling = next(p for p in re.findall(r"<w:p>.*?</w:p>", xml) if "Recalling" in p)
    assert "<w:ins " not in recalling and "<w:del " not in recalling
    assert "<w:footnoteReference " in recalling
    assert read_docx(data, "n")[0].blocks == new.blocks
    assert read_docx(data, "o", view="original")[0].blocks == old.blocks


def test_a_reference_to_changed_footnote_text_is_tracked_inside_the_footnote() -> None:
    old = canonical.parse(HEAD + "1. *Urges* States to act;¹\n[^1]: A/79/1.\n")
    new = canonical.parse(HEAD + "1. *Urges* States to act;¹\n[^1]: A/79/2.\n")
    data = render_diff_docx(diff_drafts(old, new), author_new="EU")
    notes = zipfile.ZipFile(io.BytesIO(data)).read("word/footnotes.xml").decode()
    assert "<w:del " in notes and "<w:ins " in notes
    assert read_docx(data, "n")[0].blocks == new.blocks
    assert read_docx(data, "o", view="original")[0].blocks == old.blocks


@pytest.mark.parametrize(
    "names",
    [
        ("A_RES_78_79-2324933E.xml", "A_RES_79_92-2423546E.xml"),
        ("A_RES_78_174-2325975E.xml", "A_RES_79_146-2424130E.xml"),
    ],
)
def test_real_redlines_read_back_both_sides(names: tuple[str, str]) -> None:
    """With --typography every difference is tracked: both sides come back exactly."""
    old, new = _pair(*names)
    data = render_diff_docx(diff_drafts(old, new), author_new="Third Committee", typography=True)
    assert read_docx(data, "n")[0].blocks == new.blocks
    assert read_docx(data, "o", view="original")[0].blocks == old.blocks


def test_typography_is_not_tracked_by_default() -> None:
    """By default a difference of typography alone is no revision: the new side's is
    written (Accept All gives the new text exactly, Reject All the old words)."""
    old, new = _pair("A_RES_78_174-2325975E.xml", "A_RES_79_146-2424130E.xml")
    result = diff_drafts(old, new)
    assert any(c.typography for c in result.changes)
    data = render_diff_docx(result, author_new="Third Committee")
    assert read_docx(data, "n")[0].blocks == new.blocks
    rejected = read_docx(data, "o", view="original")[0]
    assert [(label, comparable(text)) for label, _, text in units(rejected)] == [
        (label, comparable(text)) for label, _, text in units(old)
    ]
    exact = render_diff_docx(result, author_new="Third Committee", typography=True)
    assert _revisions(data) < _revisions(exact)


def test_typography_changes_only_give_a_redline_without_revisions() -> None:
    old = canonical.parse(HEAD + "1. *Urges* States to act by 18 December 2025;\u200e\n")
    new = canonical.parse(HEAD + "1. *Urges* States to act by 18\u00a0December 2025;\n")
    assert _revisions(render_diff_docx(diff_drafts(old, new))) == 0
    assert _revisions(render_diff_docx(diff_drafts(old, new), typography=True)) > 0


def _revisions(data: bytes) -> int:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    return len(re.findall(r"<w:(?:ins|del) ", xml))
