"""`.pdf` is an input like any other: show, save, diff, stats and check read the PDFs of
tests/data/pdf/ (printed by LibreOffice from the repo's drafts and from two General
Assembly resolutions: tests/pdf_builder.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redraft.readers import read_path
from tests.cli_helpers import run
from tests.pdf_builder import FIXTURES

DATA = Path(__file__).parent / "data" / "pdf"
OLD, NEW = DATA / "res-78-79.pdf", DATA / "res-79-92.pdf"
WORD = Path(__file__).parent / "data" / "word"


def test_show_reads_the_pdf_with_its_footnotes() -> None:
    code, out, err = run("show", str(DATA / "ga-i.pdf"))
    assert (code, err) == (0, "")
    assert out.splitlines()[0].endswith(
        "ga-i.pdf · A/C.3/66/L.7 · General Assembly · draft resolution"
    )
    assert "OP1      1. Takes note of the report of the Secretary-General" in out
    assert "FN1      ¹ Resolution 46/152, annex." in out


def test_diff_of_two_pdfs_is_the_diff_of_the_akn_readings() -> None:
    code, out, err = run("diff", str(OLD), str(NEW), "--format", "json")
    assert code in (0, 1) and err == ""
    akn_old = str(WORD / "A_RES_78_79-2324933E.xml")
    akn_new = str(WORD / "A_RES_79_92-2423546E.xml")
    _, reference, _ = run("diff", akn_old, akn_new, "--format", "json")
    summary = json.loads(out)["summary"]
    expected = json.loads(reference)["summary"]
    # the PDF holds hyphens where the XML has non-breaking hyphens ("COVID‑19"): the same
    # changes, a word counted otherwise
    counts = ("equal", "modified", "inserted", "deleted", "moved", "renumbered", "typography")
    assert {k: summary[k] for k in counts} == {k: expected[k] for k in counts}


def test_stats_of_a_pdf_are_those_of_its_source() -> None:
    code, out, err = run("stats", str(DATA / "ccpcj-20-5.pdf"), "--format", "json")
    assert (code, err) == (0, "")
    source = Path(__file__).parents[1] / "drafts" / FIXTURES[2][1]
    _, reference, _ = run("stats", str(source), "--format", "json")
    (mine,), (theirs,) = json.loads(out)["drafts"], json.loads(reference)["drafts"]
    for key in ("name", "symbol"):
        mine.pop(key), theirs.pop(key, None)
    assert mine == theirs


def test_check_a_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REDRAFT_STORE", raising=False)
    code, out, err = run("check", str(DATA / "ecosoc-iii.pdf"), "--today", "2011-04-15")
    assert (code, out, err) == (0, "0 errors, 0 warnings in 1 draft\n", "")


def test_save_a_pdf_then_show_it_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REDRAFT_STORE", raising=False)
    store = tmp_path / "store"
    assert run("init", str(store))[0] == 0
    monkeypatch.chdir(store)
    code, out, err = run("save", "ga", str(DATA / "ga-i.pdf"), "--by", "Secretariat")
    assert (code, err) == (0, "")
    assert out == "ga: saved version 1 (A/C.3/66/L.7) by Secretariat\n"
    code, shown, _ = run("show", "ga", "--format", "json")
    assert code == 0
    assert json.loads(shown)["labels"] == list(read_path(DATA / "ga-i.pdf").draft.labels())


def test_scanned_pdf_is_one_line_and_exit_2(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    scan = tmp_path / "scan.pdf"
    document.save(str(scan))
    code, out, err = run("show", str(scan))
    assert code == 2 and out == ""
    assert err == (
        f"redraft: error: {scan}: this PDF has no text layer (a scan?); redraft does not do OCR\n"
    )


def test_damaged_pdf_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes((DATA / "ga-i.pdf").read_bytes()[:2000])
    code, out, err = run("stats", str(bad))
    assert code == 2 and out == ""
    assert err.startswith(f"redraft: error: {bad}: ") and err.count("\n") == 1
