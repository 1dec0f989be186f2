"""Git's formats read and written in Python (gitobjects.py), checked against git itself."""

from __future__ import annotations

import subprocess
import zlib
from pathlib import Path

import pytest

from redraft.store.objects import (
    build_tree,
    git_error_line,
    loose_object,
    parse_batch_objects,
    read_snapshot,
)


def git(root: Path, *args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(
        ["git", *args], cwd=root, input=data, capture_output=True, check=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text("first\n")
    (tmp_path / "redraft.toml").write_text("")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.name=EU", "-c", "user.email=", "commit", "-q", "-m", "one")
    return tmp_path


def test_loose_objects_are_what_git_stores(repo: Path) -> None:
    oid, compressed = loose_object("blob", b"first\n")
    assert oid == git(repo, "hash-object", "--stdin", data=b"first\n").decode().strip()
    assert zlib.decompress(compressed) == b"blob 6\0first\n"
    assert len(loose_object("blob", b"x", "sha256")[0]) == 64


def test_a_snapshot_reads_head_trees_and_blobs_from_one_batch(repo: Path) -> None:
    folders, paths = ["", "drafts"], ["drafts/a.txt", "drafts/new.txt"]
    names = ["HEAD", "HEAD^{tree}", "HEAD:drafts", *(f"HEAD:{p}" for p in paths)]
    out = git(repo, "cat-file", "--batch", data="".join(f"{n}\n" for n in names).encode())
    snap = read_snapshot(out, folders, paths)
    assert snap.head == git(repo, "rev-parse", "HEAD").decode().strip()
    assert set(snap.trees) == {"", "drafts"}
    assert snap.blobs["drafts/new.txt"] is None
    found = snap.blobs["drafts/a.txt"]
    assert found is not None and found[1] == b"first\n"


def test_a_tree_built_in_python_is_the_tree_git_commits(repo: Path) -> None:
    """Replacing drafts/a.txt and adding drafts/b.txt gives git's own tree id."""
    names = ["HEAD", "HEAD^{tree}", "HEAD:drafts"]
    out = git(repo, "cat-file", "--batch", data="".join(f"{n}\n" for n in names).encode())
    snap = read_snapshot(out, ["", "drafts"], [])
    written: dict[str, bytes] = {}

    def write(kind: str, body: bytes) -> str:
        oid = loose_object(kind, body)[0]
        written[oid] = body
        return oid

    files = {"drafts/a.txt": b"second\n", "drafts/b.txt": b"new\n"}
    tree = build_tree(snap.trees, files, write)
    for path, data in files.items():
        (repo / path).write_bytes(data)
    git(repo, "add", ".")
    assert tree == git(repo, "write-tree").decode().strip()


def test_a_short_batch_answer_is_an_error_and_unknown_names_are_none() -> None:
    assert parse_batch_objects(b"HEAD missing\n", 1) == [None]
    with pytest.raises(ValueError):
        parse_batch_objects(b"", 1)
    with pytest.raises(ValueError):
        read_snapshot(b"abc tree 0\n\n", [], [])  # HEAD is not a commit


def test_the_error_line_is_the_one_that_says_what_went_wrong() -> None:
    stderr = b"hint: something\nfatal: couldn't find remote ref refs/heads/main\n"
    assert git_error_line(stderr) == "fatal: couldn't find remote ref refs/heads/main"
    assert git_error_line("just one line\n") == "just one line"
    assert git_error_line(b"") == "no message"
