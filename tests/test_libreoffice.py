"""The Word files redraft writes, opened for real by LibreOffice (headless).

A clean draft converts to PDF and to text with its numbers and words; the tracked-changes
document, saved again by LibreOffice as .docx, still holds the revisions: reading it with
all changes accepted gives the new draft, with all rejected the old one.

Skipped when LibreOffice is not installed (Debian package ``libreoffice-writer-nogui``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from redraft import canonical
from redraft.diff.engine import diff_drafts
from redraft.readers.docx import read_docx
from redraft.render.docx import render_draft_docx
from redraft.render.docx_track import render_diff_docx
from tests.test_docx_writer import NEW, OLD, moved_pair

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def convert(source: Path, target: str, workdir: Path) -> Path:
    """Convert ``source`` with soffice into ``workdir``; a private profile per call so
    that parallel test workers never share one."""
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    command = [
        str(SOFFICE),
        f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        target,
        "--outdir",
        str(out),
        str(source),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    produced = out / f"{source.stem}.{target.split(':')[0]}"
    assert produced.is_file(), done.stdout + done.stderr
    return produced


def test_clean_draft_converts_to_pdf_and_text(tmp_path: Path) -> None:
    source = tmp_path / "draft.docx"
    source.write_bytes(render_draft_docx(canonical.parse(NEW)))
    pdf = convert(source, "pdf", tmp_path)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = convert(source, "txt:Text", tmp_path).read_text(encoding="utf-8-sig")
    lines = [line for line in text.splitlines() if line.strip()]
    assert "The General Assembly," in lines
    assert "1.\tStrongly urges States to act;" in lines
    assert "(a)\tIncluding regional organizations;" in lines


def test_tracked_changes_survive_libreoffice(tmp_path: Path) -> None:
    old, new = canonical.parse(OLD), canonical.parse(NEW)
    source = tmp_path / "changes.docx"
    source.write_bytes(render_diff_docx(diff_drafts(old, new), author_new="EU", date="2011-04-15"))
    again = convert(source, "docx:MS Word 2007 XML", tmp_path).read_bytes()
    current, warnings = read_docx(again, "lo.docx")
    original, _ = read_docx(again, "lo.docx", view="original")
    assert current.blocks == new.blocks
    assert original.blocks == old.blocks
    assert "tracked revisions were pending" in warnings[0]


def test_word_moves_survive_libreoffice(tmp_path: Path) -> None:
    old_text, new_text = moved_pair()
    old, new = canonical.parse(old_text), canonical.parse(new_text)
    source = tmp_path / "moves.docx"
    source.write_bytes(render_diff_docx(diff_drafts(old, new), author_new="G77"))
    again = convert(source, "docx:MS Word 2007 XML", tmp_path).read_bytes()
    import io
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(again)).read("word/document.xml")
    assert b"<w:moveFrom " in xml and b"<w:moveTo " in xml
    current, _ = read_docx(again, "lo.docx")
    original, _ = read_docx(again, "lo.docx", view="original")
    assert [p.text for p in current.operative()] == [p.text for p in new.operative()]
    assert [p.text for p in original.operative()] == [p.text for p in old.operative()]


def test_documents_libreoffice_wrote_read_like_their_text(tmp_path: Path) -> None:
    """A .docx that redraft did not write (LibreOffice's, from the printed text of each
    bundled draft without a table) reads exactly like that printed text."""
    from redraft.demo import bundled_drafts_dir
    from redraft.model import Kind
    from redraft.readers import read_path
    from redraft.readers.text import read_text
    from redraft.render.markdown_export import render_plain

    sources = []
    for path in sorted(bundled_drafts_dir().glob("*.txt")):
        draft = read_path(path).draft
        if any(block.kind is Kind.TABLE for block in draft.walk()):
            continue  # a table printed as text is not a Word table
        target = tmp_path / path.name
        target.write_text(render_plain(draft), encoding="utf-8")
        sources.append(target)
    if not sources:
        pytest.skip("no bundled drafts in this checkout")
    out = tmp_path / "out"
    command = [
        str(SOFFICE),
        f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
        "--headless",
        "--infilter=Text (encoded):UTF8,LF,,,",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out),
        *map(str, sources),
    ]
    subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    for source in sources:
        from_word, _ = read_docx((out / f"{source.stem}.docx").read_bytes(), source.name)
        from_text, _ = read_text(source.read_text(encoding="utf-8"))
        assert from_word.blocks == from_text.blocks, source.name
        assert from_word.operative(), source.name
