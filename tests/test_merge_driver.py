"""The git merge driver: two branches merged by plain ``git merge``."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from redraft.store.driver import ATTRIBUTES_LINE, DRIVER_COMMAND, install_merge_driver

CASES = Path(__file__).parent / "cases" / "merge"
#: The documented driver line runs ``redraft`` from PATH; the test runs this interpreter's.
COMMAND = DRIVER_COMMAND.replace("redraft", f"{shlex.quote(sys.executable)} -m redraft", 1)


def git(root: Path, *args: str, by: str = "Tester", check: bool = True) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": by,
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": by,
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(root),
    }
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise AssertionError(f"git {args}: {done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def repository(tmp_path: Path, case: str, with_driver: bool = True) -> Path:
    """A repository with the case's base on main, ours on branch eu, theirs on g77."""
    root = tmp_path / "repo"
    (root / "drafts").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    if with_driver:
        install_merge_driver(root, command=COMMAND)
    draft = root / "drafts" / "evaluation.txt"
    for branch, part, by in (
        ("main", "base", "Secretariat"),
        ("eu", "ours", "EU"),
        ("g77", "theirs", "G77"),
    ):
        if branch != "main":
            git(root, "checkout", "-q", "-b", branch, "main")
        draft.write_text((CASES / case / f"{part}.txt").read_text())
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"{part}", by=by)
    git(root, "checkout", "-q", "eu")
    return root


def test_install_writes_attributes_and_config(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    install_merge_driver(tmp_path)
    install_merge_driver(tmp_path)  # idempotent
    assert (tmp_path / ".gitattributes").read_text() == ATTRIBUTES_LINE + "\n"
    assert git(tmp_path, "config", "merge.redraft.driver").strip() == DRIVER_COMMAND
    assert git(tmp_path, "config", "merge.redraft.name").strip()


def test_git_merge_with_renumbering_is_clean(tmp_path: Path) -> None:
    """Ours inserts a paragraph and renumbers; theirs edits a later one: plain git sees a
    conflict on the renumbered line, the driver merges it paragraph by paragraph."""
    root = repository(tmp_path, "renumbered-insertion-and-edit")
    out = git(root, "merge", "--no-edit", "g77")
    assert "CONFLICT" not in out
    merged = (root / "drafts" / "evaluation.txt").read_text()
    expected = (CASES / "renumbered-insertion-and-edit" / "expected.txt").read_text()
    assert merged == expected


def test_git_merge_without_driver_conflicts(tmp_path: Path) -> None:
    root = repository(tmp_path, "renumbered-insertion-and-edit", with_driver=False)
    out = git(root, "merge", "--no-edit", "g77", check=False)
    assert "CONFLICT" in out


@pytest.mark.parametrize("case", ["conflict-same-paragraph", "deletion-against-edit"])
def test_git_merge_conflict_leaves_brackets_by_author(tmp_path: Path, case: str) -> None:
    root = repository(tmp_path, case)
    out = git(root, "merge", "--no-edit", "g77", check=False)
    assert "CONFLICT" in out
    merged = (root / "drafts" / "evaluation.txt").read_text()
    # the authors of the last commits on each side name the alternatives
    assert merged == (CASES / case / "expected.txt").read_text()
    assert "<<<<<<<" not in merged


def test_draft_added_on_both_branches(tmp_path: Path) -> None:
    """No ancestor (git passes an empty file): the same paragraphs once; the two wordings
    of OP3 (near-duplicates inserted at one place) are one bracketed proposal."""
    root = tmp_path / "repo"
    (root / "drafts").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    install_merge_driver(root, command=COMMAND)
    (root / "README").write_text("store\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    draft = root / "drafts" / "new.txt"
    for branch, part in (("eu", "base"), ("g77", "theirs")):
        git(root, "checkout", "-q", "-b", branch, "main")
        draft.parent.mkdir(exist_ok=True)  # git removed the empty folder
        draft.write_text((CASES / "conflict-same-paragraph" / f"{part}.txt").read_text())
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", part, by=branch.upper())
    git(root, "checkout", "-q", "eu")
    out = git(root, "merge", "--no-edit", "g77", check=False)
    assert "1 paragraph in brackets" in out  # a conflict for git: the room settles it
    merged = draft.read_text()
    assert merged.count("culture of evaluation") == 2  # EU's OP3 and G77's OP3 both kept...
    assert "3. [EU: Requests the Secretariat to promote" in merged  # ...as one paragraph
    assert " / G77: Encourages the Secretariat to promote" in merged
    assert merged.count("Welcomes* the launch") == 1
