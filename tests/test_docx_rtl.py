"""Word files of right-to-left drafts (Arabic): paragraphs, runs, footnotes and tables
laid out right to left through the Normal style every UN style is based on; left-to-right
drafts keep the bytes they had before."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from redraft.model import Draft
from redraft.readers import read_path
from redraft.readers.docx import read_docx
from redraft.render.docx_draft import render_draft_docx
from redraft.render.docx_package import RTL_LANGUAGES, bidi_language

DATA = Path(__file__).parent / "data"
ARABIC = sorted((DATA / "akn").glob("A_RES_*A.xml"))
#: RTL languages the writer must lay out right to left
RTL_CODES = frozenset({"ar", "he", "fa", "ur"})
#: sha256 of the content (:func:`_content_digest`) of the exports made by the writer before
#: right-to-left output (integ f871ab7, whose bytes the first version of this test pinned):
#: a left-to-right draft's Word file must not change by one byte
LTR_BYTES = {
    "A_RES_79_11-2421663E": "ab8195d72dd2f252ef4224d7e53102cf6d75e6ac45d5a9dc8e213ae0839735b9",
    "A_RES_79_126-2423502E": "1a69e150fd7941af8e0fb355ff1ad3c0caa90924b6e32b914ae292550dc850ed",
    "A_RES_79_186-2424146F": "82ad889664576c31f204bd39811c01ab5cc3f6e0371e6ff8d6cdf72176da92f6",
    "A_RES_79_92-2423546E": "cf5c8397c5717e7b25893e123f5a730896bbf751f7eb15be23575eea63285d0b",
    "A_RES_79_9-2421657R": "50fddca354d3f270bb893d1c0da0d2b0f9e6a61b70ea7c20e0e15d3f520d6143",
}


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")


def _normal(styles: str) -> str:
    found = re.search(
        r'<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?</w:style>', styles
    )
    assert found
    return found.group(0)


def test_the_rtl_language_codes() -> None:
    assert set(RTL_LANGUAGES) == RTL_CODES
    assert bidi_language("ar") == "ar-SA"
    assert bidi_language("AR-eg") == "ar-SA"
    assert bidi_language("he") == "he-IL"
    assert bidi_language("en") == bidi_language("") == bidi_language("fr") == ""


@pytest.mark.skipif(not ARABIC, reason="no Arabic drafts in tests/data/akn")
def test_arabic_export_is_right_to_left_and_english_is_not() -> None:
    arabic = render_draft_docx(read_path(ARABIC[0]).draft)
    normal = _normal(_part(arabic, "word/styles.xml"))
    # schema order: pPr before rPr; in rPr sz, szCs, rtl, lang
    assert "<w:pPr><w:bidi/></w:pPr><w:rPr>" in normal
    assert re.search(r"<w:szCs [^>]*/><w:rtl/><w:lang w:bidi=\"ar-SA\"/></w:rPr>", normal)
    english = render_draft_docx(read_path(DATA / "akn" / "A_RES_79_11-2421663E.xml").draft)
    for part in ("word/styles.xml", "word/document.xml"):
        assert "<w:bidi/>" not in _part(english, part)
        assert "<w:rtl/>" not in _part(english, part)


def test_every_style_of_an_arabic_draft_is_based_on_normal() -> None:
    """bidi and rtl come from Normal: each UN style must inherit them."""
    draft = read_path(ARABIC[0]).draft if ARABIC else None
    assert draft is not None
    styles = _part(render_draft_docx(draft), "word/styles.xml")
    for style in re.findall(
        r'<w:style w:type="paragraph"[^>]*w:styleId="UN[^"]*">.*?</w:style>', styles
    ):
        assert '<w:basedOn w:val="Normal"/>' in style


def test_an_arabic_table_has_bidi_visual() -> None:
    draft = _with_table(read_path(ARABIC[0]).draft)
    document = _part(render_draft_docx(draft), "word/document.xml")
    assert '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:bidiVisual/><w:tblW' in document
    english = replace(draft, meta=replace(draft.meta, language="en"))
    assert "bidiVisual" not in _part(render_draft_docx(english), "word/document.xml")


def _with_table(draft: Draft) -> Draft:
    from redraft.model import Kind, Paragraph

    table = Paragraph(Kind.TABLE, "أ\tب\n1\t2", "", "table-1")
    return replace(draft, blocks=(*draft.blocks, table))


@pytest.mark.parametrize("path", ARABIC, ids=lambda p: p.stem)
def test_arabic_export_reads_back_identically(path: Path) -> None:
    draft = read_path(path).draft
    assert draft.meta.language == "ar"
    back, warnings = read_docx(render_draft_docx(draft), path.name)
    assert warnings == []
    assert back == draft


@pytest.mark.parametrize("name", sorted(LTR_BYTES))
def test_left_to_right_export_keeps_its_bytes(name: str) -> None:
    path = sorted(DATA.glob(f"*/{name}.xml"))[0]  # akn/ before word/, as hashed
    data = render_draft_docx(read_path(path).draft)
    assert _content_digest(data) == LTR_BYTES[name]


def _content_digest(data: bytes) -> str:
    """sha256 of every member's name and uncompressed bytes, in order: the Word file's
    content, whatever zlib version compressed it."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for info in package.infolist():
            digest.update(info.filename.encode() + b"\0" + package.read(info) + b"\0")
    return digest.hexdigest()


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_NUMBERED = re.compile(r"(?m)^\s*(\.\d+|\d+\.)(?= )")


def _number_positions(pdf: Path) -> tuple[float, list[float]]:
    """(page width, the x of each paragraph number "1." that opens a line of text)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf.read_bytes())
    width, found = 0.0, []
    for page in document:
        width = page.get_size()[0]
        text = page.get_textpage()
        full = text.get_text_range()
        found += [text.get_charbox(m.start(1))[0] for m in _NUMBERED.finditer(full)]
    return width, found


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(not ARABIC, reason="no Arabic drafts in tests/data/akn")
def test_libreoffice_prints_arabic_numbers_on_the_right(tmp_path: Path) -> None:
    from tests.test_libreoffice import convert

    name = "A_RES_79_126-2423502"
    for suffix, right in (("A", True), ("E", False)):
        source = tmp_path / f"{name}{suffix}.docx"
        source.write_bytes(render_draft_docx(read_path(DATA / "akn" / f"{name}{suffix}.xml").draft))
        width, numbers = _number_positions(convert(source, "pdf", tmp_path))
        assert len(numbers) >= 5
        if right:
            assert all(x > width * 0.6 for x in numbers), (suffix, numbers)
        else:
            assert all(x < width * 0.4 for x in numbers), (suffix, numbers)
