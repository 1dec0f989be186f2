"""Shared set-up of the hostile-collaborator suite (tests/test_hostile_*.py): a team store
on a bare "git host" on disk, and a collaborator who pushes whatever plain git lets
them push."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from redraft import canonical
from redraft.model import Draft

FRONT = "---\nredraft: 1\nlanguage: en\n---\n\n"
PARAGRAPHS = [f"{n}. *Requests* the Secretariat to act on point {n};" for n in range(1, 7)]


def draft(edits: dict[int, str] | None = None) -> Draft:
    paragraphs = list(PARAGRAPHS)
    for index, new in (edits or {}).items():
        paragraphs[index] = new
    return canonical.parse(FRONT + "> *The General Assembly*,\n\n" + "\n\n".join(paragraphs) + "\n")


def text(edits: dict[int, str] | None = None) -> str:
    return canonical.render(draft(edits))


def git_env(home: Path, by: str = "Tester") -> dict[str, str]:
    return {
        **os.environ,
        "GIT_AUTHOR_NAME": by,
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": by,
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(home),
    }


def git(root: Path, *args: str, by: str = "Tester", check: bool = True) -> str:
    """Plain git, as a collaborator runs it; an AssertionError when it fails and ``check``."""
    done = subprocess.run(
        ["git", *args], cwd=root, env=git_env(root, by), capture_output=True, text=True
    )
    if check and done.returncode != 0:
        raise AssertionError(f"git {args}: {done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def bare_remote(tmp_path: Path, store_root: Path, head: str = "main") -> Path:
    """A bare repository holding the store's branch, its HEAD naming ``head``."""
    remote = tmp_path / "host.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(remote, "symbolic-ref", "HEAD", f"refs/heads/{head}")
    git(store_root, "push", "-q", str(remote), "main:refs/heads/main")
    return remote


def attacker_clone(tmp_path: Path, remote: Path, name: str = "mallory") -> Path:
    """A collaborator's plain git clone, on the store's branch."""
    work = tmp_path / name
    git(tmp_path, "clone", "-q", "-b", "main", str(remote), str(work))
    return work


def tree_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (links not followed), to show nothing changed there."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }
