"""The merge commands through click: exit codes, output, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from redraft.cli import cli

CASES = Path(__file__).parent / "cases" / "merge"
SEED = Path(__file__).parent / "data" / "merge" / "seed"
DRAFT_II = SEED / "ecosoc-draft-resolution-ii-support-development-implementation.txt"
RES_20_1 = SEED / "ccpcj-resolution-20-1-improving-governance-financial-situation.txt"


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def case(name: str) -> list[Path]:
    return [CASES / name / f"{part}.txt" for part in ("base", "ours", "theirs")]


def test_merge_clean_prints_the_draft_and_exits_0() -> None:
    code, out, err = run(
        "merge", *case("clean-different-paragraphs"), "--ours-name", "EU", "--theirs-name", "G77"
    )
    assert code == 0
    assert out == (CASES / "clean-different-paragraphs" / "expected.txt").read_text()
    assert "2 changed" in err and "clean" in err


def test_merge_conflict_exits_1_with_brackets(tmp_path: Path) -> None:
    target = tmp_path / "merged.txt"
    code, out, err = run(
        "merge",
        *case("conflict-same-paragraph"),
        "--ours-name",
        "EU",
        "--theirs-name",
        "G77",
        "-o",
        target,
    )
    assert code == 1
    assert out == ""
    assert target.read_text() == (CASES / "conflict-same-paragraph" / "expected.txt").read_text()
    assert "conflict: OP3" in err


def test_merge_json() -> None:
    code, out, _ = run("merge", *case("deletion-against-edit"), "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["schema"] == "redraft.merge/1"
    assert doc["names"] == ["ours", "theirs"]  # named after the files
    assert (doc["clean"], doc["conflicts"]) == (False, 1)
    (conflict,) = [p for p in doc["paragraphs"] if p["status"] == "conflict"]
    assert conflict["base"] == "OP4"
    assert conflict["alternatives"][0] == {"by": ["ours"], "text": "", "deleted": True}
    assert doc["text"].startswith("---\nredraft: 1\n")


def test_compile_and_names() -> None:
    base, ours, theirs = case("conflict-same-paragraph")
    code, out, err = run("compile", base, ours, theirs, "--name", "EU", "--name", "G77")
    assert code == 1
    assert "[EU: Requests the Secretariat" in out and " / G77: Encourages" in out
    code, _, err = run("compile", base, ours, theirs, "--name", "EU")
    assert code == 2 and err.startswith("redraft: error: --name given 1 times")


def test_rebase_with_from() -> None:
    base, ours, theirs = case("conflict-same-paragraph")
    code, out, err = run("rebase", theirs, "--onto", ours, "--from", base)
    assert code == 1
    assert "collision: OP3" in err
    code, out, _ = run("rebase", theirs, "--onto", base, "--from", base)
    assert code == 0 and out == theirs.read_text()


def test_rebase_without_base_on_files_is_a_usage_error() -> None:
    base, ours, theirs = case("conflict-same-paragraph")
    code, _, err = run("rebase", theirs, "--onto", ours)
    assert code == 2
    assert err.startswith("redraft: error: give --from") and err.count("\n") == 1


def test_overlap_json_schema() -> None:
    code, out, _ = run("overlap", *sorted(SEED.glob("*.txt")), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "redraft.overlap/1"
    assert set(doc) >= {"pairs", "boilerplate"}
    first = doc["pairs"][0]
    assert set(first) == {"a", "b", "score", "shared"}
    assert set(first["shared"][0]) == {"a", "b", "similarity"}
    assert all(set(b) == {"text", "drafts"} for b in doc["boilerplate"])


def test_overlap_text_and_markdown() -> None:
    code, out, _ = run("overlap", DRAFT_II, RES_20_1)
    assert code == 0
    assert "OP3 ~ OP7" in out or "OP7 ~ OP3" in out
    code, out, _ = run("overlap", DRAFT_II, RES_20_1, "--format", "markdown")
    assert code == 0 and out.startswith("# Overlapping drafts\n")


def test_overlap_needs_two_drafts() -> None:
    code, _, err = run("overlap", DRAFT_II)
    assert code == 2 and err == "redraft: error: overlap needs at least two drafts\n"


def test_merge_drafts(tmp_path: Path) -> None:
    target = tmp_path / "merged.txt"
    code, out, err = run("merge-drafts", DRAFT_II, RES_20_1, "-o", target)
    assert code == 0 and out == ""
    assert "alternatives" in err and "Words:" in err
    assert "[ecosoc-draft-resolution-ii-support-development-implementation: " in (
        target.read_text()
    )
    code, out, _ = run("merge-drafts", DRAFT_II, RES_20_1, "--format", "json")
    doc = json.loads(out)
    assert doc["schema"] == "redraft.consolidation/1"
    assert doc["words"]["saved"] == doc["words"]["a"] + doc["words"]["b"] - doc["words"]["merged"]


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    base, ours, _ = case("clean-different-paragraphs")
    code, out, err = run("merge", base, ours, empty)
    assert code == 2 and out == ""
    assert err.startswith("redraft: error: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_store_revisions_authors_and_rebase_base(tmp_path: Path) -> None:
    """Store revisions name their authors by --by; rebase finds the base by itself."""
    store = tmp_path / "store"
    assert run("init", store)[0] == 0
    base, ours, theirs = case("conflict-same-paragraph")
    for path, by in ((base, "Secretariat"), (ours, "EU"), (theirs, "G77")):
        assert run("save", "evaluation", path, "--by", by, "--store", store)[0] == 0
    code, out, _ = run(
        "merge",
        "evaluation@1",
        "evaluation@2",
        "evaluation@3",
        "--store",
        store,
        "--format",
        "json",
    )
    assert code == 1 and json.loads(out)["names"] == ["EU", "G77"]
    code, out, err = run("rebase", "evaluation@3", "--onto", "evaluation@2", "--store", store)
    assert code == 1 and "collision: OP3" in err
    assert "[EU: Requests the Secretariat" in out and "/ G77: Encourages" in out
    assert run("save", "draft-ii", DRAFT_II, "--store", store)[0] == 0
    code, out, _ = run("overlap", "--store", store, "--format", "json")
    assert code == 0
    (found,) = json.loads(out)["pairs"]
    assert {found["a"], found["b"]} == {"evaluation", "draft-ii"}
