"""``redraft export``: case files (canonical input, then the expected Markdown and plain
text) and the Word, AKN and JSON outputs through the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from redraft import canonical
from redraft.cli import cli
from redraft.readers import read_path
from redraft.render.markdown_export import render_markdown, render_plain

CASES = Path(__file__).parent / "cases" / "export"


def load_case(path: Path) -> dict[str, str]:
    """Sections of a case file: ``[input]``, ``[md]``, ``[text]``."""
    sections: dict[str, str] = {}
    current = ""
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        match = re.fullmatch(r"\[(\w+)\]\n", line)
        if match:
            current = match.group(1)
            sections[current] = ""
        elif current:
            sections[current] += line
    return sections


CASE_FILES = sorted(CASES.glob("*.case"))


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_markdown_and_text(path: Path) -> None:
    case = load_case(path)
    draft = canonical.parse(case["input"])
    assert render_markdown(draft) == case["md"]
    assert render_plain(draft) == case["text"]


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(load_case(CASE_FILES[0])["input"], encoding="utf-8")
    return path


def test_export_markdown_to_stdout(draft_file: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(draft_file), "--format", "md"])
    assert result.exit_code == 0
    assert result.stdout == load_case(CASE_FILES[0])["md"]


def test_export_docx_by_suffix_reads_back(draft_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "clean.docx"
    result = CliRunner().invoke(cli, ["export", str(draft_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"wrote {out}"
    assert read_path(out).draft == read_path(draft_file).draft


def test_export_akn_reads_back(draft_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.xml"
    result = CliRunner().invoke(cli, ["export", str(draft_file), "--format", "akn", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().lstrip().startswith(b"<?xml")
    back = read_path(out).draft
    original = read_path(draft_file).draft
    assert [u.text for u in back.units()] == [u.text for u in original.units()]


def test_export_json(draft_file: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(draft_file), "--format", "json"])
    document = json.loads(result.stdout)
    assert document["schema"] == "redraft.draft/1"
    assert document["labels"][-3:] == ["OP1(a)", "OP1(b)", "OP3bis"]


def test_export_docx_to_a_pipe_writes_bytes(draft_file: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(draft_file), "--format", "docx"])
    assert result.exit_code == 0
    assert result.stdout_bytes[:4] == b"PK\x03\x04"


def test_export_a_store_revision(tmp_path: Path, draft_file: Path) -> None:
    from redraft.store import Store

    store = Store.init(tmp_path / "store")
    store.save("tech", read_path(draft_file).draft, by="EU", date="2011-04-15")
    result = CliRunner().invoke(
        cli, ["export", "tech@1", "--format", "text", "--store", str(tmp_path / "store")]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == load_case(CASE_FILES[0])["text"]


def test_export_missing_draft_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["export", str(tmp_path / "nope.docx"), "--store", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("redraft: error: ")


def test_bundled_drafts_in_plain_text_read_back_with_the_same_paragraphs() -> None:
    from redraft.demo import bundled_drafts_dir
    from redraft.readers.text import read_text

    paths = sorted(bundled_drafts_dir().glob("*.txt"))
    if not paths:
        pytest.skip("no bundled drafts in this checkout")
    for path in paths:
        draft = read_path(path).draft
        back, _ = read_text(render_plain(draft))
        # italics are not printed in plain text: labels, numbers and words are
        assert [(u.label, u.text) for u in back.units()] == [
            (u.label, u.text) for u in draft.units()
        ], path.name
