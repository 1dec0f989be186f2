"""Small fixes before the release: ``split`` counts one draft in the singular, ``blame
--para ''`` refuses the empty label as ``show --para ''`` does."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from redraft.cli import cli
from redraft.demo.status import NAME, record

SEED = Path(__file__).parent / "data" / "seed" / "ccpcj-20th-session-chapter-1.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from redraft.store import Store

    root = tmp_path_factory.mktemp("release") / "store"
    record(Store.init(root))
    return root


def test_split_of_one_draft_says_draft_in_the_singular(tmp_path: Path) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    report = tmp_path / "one.txt"
    report.write_text("".join(lines[:48]), encoding="utf-8")  # draft resolution I only
    result = CliRunner().invoke(cli, ["split", str(report), str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith(f"1 draft written to {tmp_path / 'out'}")
    assert len(list((tmp_path / "out").iterdir())) == 1


def test_split_of_many_drafts_says_drafts(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["split", str(SEED), str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "18 drafts written to" in result.stdout


@pytest.mark.parametrize("label", ["", "  "])
def test_blame_refuses_an_empty_paragraph_label(store: Path, label: str) -> None:
    result = CliRunner().invoke(cli, ["blame", NAME, "--para", label, "--store", str(store)])
    assert result.exit_code == 2 and result.stdout == ""
    expected = f"redraft: error: {NAME}: no paragraph '' in version 4 (it has "
    assert result.stderr.startswith(expected)
    assert result.stderr.count("\n") == 1


def test_blame_unknown_paragraph_lists_what_the_version_has(store: Path) -> None:
    result = CliRunner().invoke(cli, ["blame", NAME, "--para", "OP99", "--store", str(store)])
    assert result.exit_code == 2
    assert "no paragraph OP99 in version 4 (it has PP" in result.stderr
