"""Running git for the store: the processes, the branch's compare-and-swap, and the
working tree kept in step with the newest version. Driven by :mod:`redraft.store`
(which alone imports GitPython); every git process of the store starts here, with an
argument list and never a shell."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError
from .files import (
    STALE_GIT_LOCK,
    STALE_HELD_GIT_LOCK,
    atomic_write,
    remove_if_stale,
)
from .objects import blob_id, git_error_line

GIT_ENV = {"LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}


@dataclass(frozen=True)
class GitContext:
    """What the helpers below need to know of a store."""

    root: Path
    git_dir: Path
    id_size: int  # bytes of an object id: 20 (sha1) or 32 (sha256)
    warnings: list[str]  # the store's own list: the CLI prints it


def run_git(
    root: Path,
    args: list[str],
    data: bytes | None = None,
    *,
    env: dict[str, str] | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess[bytes]:
    # Git must never climb past the store: with the store's .git broken, it would find an
    # enclosing repository and read (or commit to) that one instead.
    ceiling = {"GIT_CEILING_DIRECTORIES": str(root.resolve().parent)}
    full_env = {**os.environ, **GIT_ENV, **ceiling, **(env or {})}
    try:
        proc = subprocess.run(
            ["git", *args], cwd=root, input=data, capture_output=True, env=full_env
        )
    except FileNotFoundError:
        raise StoreError("git is not installed (redraft stores are git repositories)") from None
    if check and proc.returncode != 0:
        raise StoreError(git_failure(root, args, proc.stderr))
    return proc


def git_failure(root: Path, args: list[str], stderr: bytes | str) -> str:
    return f"{root}: git {args[0]} failed: {git_error_line(stderr)} (corrupted store?)"


def move_branch(root: Path, commit: str, old: str | None, warnings: list[str]) -> bool:
    """Compare-and-swap of the current branch from ``old`` to ``commit``; False when
    the branch moved meanwhile (the caller rebuilds on the new head)."""
    expected = old or "0" * len(commit)
    for waited in range(61):
        proc = run_git(
            root,
            ["update-ref", "-m", "redraft save", "--end-of-options", "HEAD", commit, expected],
            check=False,
        )
        if proc.returncode == 0:
            return True
        error = proc.stderr.decode(errors="replace")
        if ".lock" not in error:
            return False
        # only locks older than STALE_GIT_LOCK, then, once they outlived three
        # seconds of retries, any older than STALE_HELD_GIT_LOCK (a killed git's)
        _clear_stale_ref_lock(error, warnings, late=waited >= 59)
        time.sleep(0.05)
    raise StoreError("the branch is locked by another git process; try again")


def _clear_stale_ref_lock(error: str, warnings: list[str], late: bool) -> None:
    older_than = STALE_HELD_GIT_LOCK if late else STALE_GIT_LOCK
    for word in error.replace("'", " ").split():
        if word.endswith(".lock") and os.path.isabs(word):
            remove_if_stale(Path(word), warnings, older_than)


def _past_blobs(root: Path, path: str) -> set[str]:
    args = ["log", "--format=", "--raw", "--no-abbrev", "--diff-merges=first-parent"]
    out = run_git(root, [*args, "--end-of-options", "HEAD", "--", path]).stdout
    return {line.split()[3] for line in out.decode().splitlines() if line.startswith(":")}


def sync_worktree(store: GitContext, path: str, old_blob: str | None, data: bytes) -> None:
    """Show the new version in the working tree and index, unless the user has edits there.

    The commit already holds the version: this is a convenience, and it never
    overwrites a file whose content no version has (that would lose work)."""
    target = store.root / path
    try:
        current = target.read_bytes() if target.exists() else None
    except OSError:
        current = b""
    unchanged = current is None or current == data
    if not unchanged and old_blob is not None:
        unchanged = blob_id(current or b"", len(old_blob)) == old_blob
    if not unchanged and current:
        # An older version left there (a save killed before this step) is no edit.
        unchanged = blob_id(current, store.id_size * 2) in _past_blobs(store.root, path)
    if not unchanged:
        store.warnings.append(
            f"{path} in the working tree has edits no version holds: left as is "
            f"(the new version is in the store; 'git diff HEAD -- {path}' shows them)"
        )
        return
    if current != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        for stale in target.parent.glob(f".{target.name}.*.tmp"):
            stale.unlink(missing_ok=True)  # left by a killed save: we hold the lock
        atomic_write(target, data)
    _update_index(store, path)


def _update_index(store: GitContext, path: str) -> None:
    proc = run_git(store.root, ["update-index", "--add", "--", path], check=False)
    if proc.returncode != 0:
        index_lock = store.git_dir / "index.lock"
        if index_lock.exists() and remove_if_stale(index_lock, store.warnings):
            proc = run_git(store.root, ["update-index", "--add", "--", path], check=False)
    if proc.returncode != 0:
        store.warnings.append(f"git index not updated for {path} (is a git command running?)")
