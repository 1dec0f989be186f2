"""``redraft show`` and ``redraft split`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redraft.cli import cli

BUNDLED = Path(__file__).parents[1] / "src" / "redraft" / "data" / "drafts"
SEED = Path(__file__).parent / "data" / "seed" / "ccpcj-20th-session-chapter-1.txt"
GA_I = BUNDLED / "ga-draft-resolution-i-follow-up-twelfth-united.txt"
RES_20_2 = BUNDLED / "ccpcj-resolution-20-2-implementation-budget-biennium-2010.txt"


def run(*args: object, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_show_prints_every_label_in_the_left_column() -> None:
    code, out, err = run("show", GA_I)
    assert (code, err) == (0, "")
    starts = [line.split()[0] for line in out.splitlines()[1:] if line[:1].strip()]
    assert starts == [
        "heading",
        "title",
        "formula",
        "PP1",
        "FN1",
        "PP2",
        "PP3",
        "PP4",
        "PP5",
        "FN2",
        "OP1",
        "FN3",
        "OP2",
        "FN4",
        "OP3",
        "OP4",
        "OP5",
        "OP6",
    ]
    assert "General Assembly · draft resolution" in out.splitlines()[0]
    assert not any(line.endswith(" ") for line in out.splitlines())


def test_show_para_prints_one_unit_with_its_children() -> None:
    code, out, _ = run(
        "show",
        BUNDLED / "ecosoc-draft-decision-i-report-commission-crime-prevention.txt",
        "--para",
        "op(c)",
    )
    assert code == 0
    labels = [line.split()[0] for line in out.splitlines() if line[:1].strip()]
    assert labels == ["OP(c)", "OP(c)(i)", "OP(c)(ii)", "OP(c)(ii)a", "OP(c)(ii)b", "OP(c)(iii)"]
    assert "    (i) Decides that" in out


def test_show_para_footnote() -> None:
    code, out, _ = run("show", GA_I, "--para", "FN3")
    assert code == 0 and out.startswith("FN3  ³ E/CN.15/2011/15.")


def test_show_unknown_para_says_what_exists() -> None:
    code, out, err = run("show", GA_I, "--para", "OP99")
    assert (code, out) == (2, "")
    assert err == f"redraft: error: no paragraph OP99 in {GA_I} (it has PP1–PP5, OP1–OP6)\n"


def test_show_json_is_the_draft_model() -> None:
    code, out, _ = run("show", RES_20_2, "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["schema"] == "redraft.draft/1"
    assert document["heading"] == "Resolution 20/2"
    assert document["labels"][-3:] == ["OP3", "OP3.T1", "OP4"]
    table = document["blocks"][-2]["children"][0]
    assert table["kind"] == "table" and table["text"].count("\n") == 13
    assert document["meta"]["organ"] == "Commission on Crime Prevention and Criminal Justice"


def test_show_json_para() -> None:
    code, out, _ = run("show", GA_I, "--para", "OP2", "--format", "json")
    document = json.loads(out)
    assert document["para"] == "OP2"
    assert [b["label"] for b in document["blocks"]] == ["OP2"]
    assert document["blocks"][0]["opening"] == "Reiterates"
    assert document["blocks"][0]["footnotes"][0]["marker"] == "4"


def test_show_reads_printed_text_from_stdin_with_warnings_on_stderr() -> None:
    text = "The Council,\n\n1. *Decides* to act.\n\n⁹ A note.\n"
    code, out, err = run("show", "-", stdin=text)
    assert code == 0 and "OP1" in out
    assert err.startswith("redraft: warning: <stdin>: footnote 9 cited nowhere")


def test_split_writes_eighteen_canonical_files(tmp_path: Path) -> None:
    code, out, err = run("split", SEED, tmp_path / "out")
    assert (code, err) == (0, "")
    files = sorted(p.name for p in (tmp_path / "out").glob("*.txt"))
    assert files == sorted(p.name for p in BUNDLED.glob("*.txt"))
    for name in files:
        assert (tmp_path / "out" / name).read_text() == (BUNDLED / name).read_text()
    assert "ga-draft-resolution-iv-strengthening-international-cooperation.txt" in out
    assert out.rstrip().endswith(f"18 drafts written to {tmp_path / 'out'}")
    row = next(line for line in out.splitlines() if line.startswith("ccpcj-resolution-20-1"))
    assert row.split()[-2:] == ["7", "21"]


def test_split_json(tmp_path: Path) -> None:
    code, out, _ = run("split", SEED, tmp_path, "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["schema"] == "redraft.split/1"
    assert len(document["drafts"]) == 18
    first = document["drafts"][0]
    assert (first["heading"], first["pp"], first["op"], first["organ"]) == (
        "Draft resolution I",
        5,
        6,
        "General Assembly",
    )
    assert Path(first["file"]).exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [("Nothing but prose.\n", "no drafts found"), ("", "the file is empty")],
)
def test_split_refuses_a_file_without_drafts(tmp_path: Path, content: str, message: str) -> None:
    report = tmp_path / "report.txt"
    report.write_text(content)
    code, out, err = run("split", report, tmp_path / "out")
    assert code == 2 and out == ""
    assert err.startswith("redraft: error: ") and message in err and err.count("\n") == 1


def test_split_into_a_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x")
    code, _, err = run("split", SEED, tmp_path / "taken")
    assert code == 2 and err.count("\n") == 1 and "redraft: error:" in err


def test_show_on_a_whole_report_suggests_split() -> None:
    code, _, err = run("show", SEED)
    assert code == 0
    assert err.splitlines()[0] == (
        f"redraft: warning: {SEED}: 18 draft headings: this looks like a report "
        "holding many drafts (redraft split writes one file for each)"
    )


def test_unknown_para_in_a_decision_lists_lettered_paragraphs() -> None:
    path = BUNDLED / "ccpcj-decision-20-1-organization-work-future-sessions.txt"
    code, _, err = run("show", path, "--para", "OP(d)")
    assert code == 2
    assert err.endswith("(it has OP(a)–OP(c))\n")
