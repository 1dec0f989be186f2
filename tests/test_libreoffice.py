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
from redraft.render.docx import render_diff_docx, render_draft_docx
from tests.test_docx_writer import NEW, OLD

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
    assert "tracked revision(s) were pending" in warnings[0]
