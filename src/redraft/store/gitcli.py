"""Running git for the store: the processes, the branch's compare-and-swap, and the
working tree kept in step with the newest version, and the creation of a repository.
Driven by :mod:`redraft.store`; every git process of the store starts here, with an
argument list and never a shell (GitPython, for init and sync, is imported inside the
functions that need it)."""

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
            lock = Path(word)
            remove_if_stale(lock, warnings, older_than, root=_repository_of(lock))


def _repository_of(lock: Path) -> Path | None:
    """The working tree around a lock under ``.git`` (None when it is not under one)."""
    for parent in lock.parents:
        if parent.name == ".git":
            return parent.parent
    return None


def pack_loose_objects(store: GitContext, pack_limit: int) -> None:
    """Pack the loose objects saves leave, as ``git gc`` would (git itself waits for
    6,700): with a thousand versions loose, every ``git log`` of a save reads thousands
    of files and a save slows from 130 to 200 ms. Packing costs a fraction of a second
    once every ~60 saves; past ``pack_limit`` packs they are merged into one, and git's
    commit graph (with changed-path filters) is written for path-limited logs. A failure
    only leaves the store as it was: slower, never wrong."""
    run_git(store.root, ["repack", "-d", "-q", "--no-write-bitmap-index"], check=False)
    if len(list((store.git_dir / "objects" / "pack").glob("*.pack"))) > pack_limit:
        run_git(store.root, ["repack", "-a", "-d", "-q", "--no-write-bitmap-index"], check=False)
    run_git(store.root, ["commit-graph", "write", "--reachable", "--changed-paths"], check=False)


def _past_blobs(root: Path, path: str) -> set[str]:
    args = ["log", "--format=", "--raw", "--no-abbrev", "--diff-merges=first-parent"]
    out = run_git(root, [*args, "--end-of-options", "HEAD", "--", path]).stdout
    return {line.split()[3] for line in out.decode().splitlines() if line.startswith(":")}


def sync_worktree(store: GitContext, path: str, old_blob: str | None, data: bytes) -> None:
    """Show the new version in the working tree and index (:func:`sync_worktree_many`)."""
    sync_worktree_many(store, [(path, old_blob, data)])


def sync_worktree_many(store: GitContext, files: list[tuple[str, str | None, bytes]]) -> None:
    """Show each new version (path, blob of the version before, text) in the working tree
    and index, unless the user has edits there; one ``git update-index`` for them all.

    The commit already holds the versions: this is a convenience, and it never
    overwrites a file whose content no version has (that would lose work)."""
    stale: set[Path] = set()
    for folder in {(store.root / path).parent for path, _, _ in files}:
        if folder.is_dir():  # temporary files a killed save left: we hold the lock
            stale.update(p for p in folder.iterdir() if p.name.endswith(".tmp"))
    shown = [path for path, old, data in files if _show(store, path, old, data, stale)]
    if shown:
        _update_index(store, shown)


def _show(
    store: GitContext, path: str, old_blob: str | None, data: bytes, stale: set[Path]
) -> bool:
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
        return False
    if current != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        prefix = f".{target.name}."
        for left in [p for p in stale if p.name.startswith(prefix)]:
            left.unlink(missing_ok=True)
        atomic_write(target, data)
    return True


def _update_index(store: GitContext, paths: list[str]) -> None:
    # paths go on standard input: a session's thousands of drafts exceed no argument limit
    names = "".join(f"{path}\0" for path in paths).encode()
    command = ["update-index", "--add", "-z", "--stdin"]
    index_lock = store.git_dir / "index.lock"
    for _ in range(61):  # about three seconds, as for the branch's lock
        proc = run_git(store.root, command, names, check=False)
        if proc.returncode == 0 or not index_lock.exists():
            break
        # a lock a killed git left goes at once; a live git's is waited for
        if not remove_if_stale(index_lock, store.warnings, root=store.root):
            time.sleep(0.05)
    if proc.returncode != 0:
        shown = paths[0] if len(paths) == 1 else f"{len(paths)} drafts"
        store.warnings.append(f"git index not updated for {shown} (is a git command running?)")


def init_repository(root: Path) -> None:
    """A new git repository at ``root``, or check that the one there opens (GitPython:
    init is rare, so its import cost does not matter here)."""
    import git

    try:
        if (root / ".git").exists():
            git.Repo(root).close()
        else:
            git.Repo.init(root, initial_branch="main", quiet=True).close()
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise StoreError(f"{root}: corrupted store: .git is not a git repository") from None
    except git.GitCommandError as error:
        raise StoreError(
            f"{root}: git init failed: {git_error_line(gitpython_stderr(error))}"
        ) from None


def gitpython_stderr(error: Exception) -> str:
    """Git's own words from a GitPython error (it wraps them as "\\n  stderr: '...'")."""
    return str(getattr(error, "stderr", "")).partition("stderr: '")[2].rstrip("'")
