"""The store's git plumbing: the processes it runs to read a repository, and its lock.

:class:`GitPlumbing` is the base of :class:`redraft.store.repository.Store`. It holds
the low-level steps every command builds on (run git, find HEAD, look up the blobs a
save builds on, ``git log`` through the cache of :mod:`.log_cache`, read blobs with one
``git cat-file --batch``, parse a stored text, take the writer lock), kept apart from
the Store's public reading and writing methods so that each module stays short. Like
the rest of :mod:`redraft.store` it starts git only through :mod:`.gitcli`.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from .. import canonical
from ..errors import InputError, StoreError
from ..model import Draft, Version
from . import log_cache
from .files import writer_lock
from .gitcli import GitContext, git_failure, run_git
from .objects import LOG_FORMAT, Snapshot, parse_batch, parse_log, read_snapshot

DRAFTS = "drafts"
LOCK_TIMEOUT = float(os.environ.get("REDRAFT_LOCK_TIMEOUT", "30"))


class GitPlumbing:
    """Git access for a store at ``root`` whose repository is ``git_dir``."""

    root: Path
    git_dir: Path
    id_size: int  # bytes of an object id: 20 (sha1) or 32 (sha256)
    warnings: list[str]  # things a command should tell the user

    def _git(
        self,
        args: list[str],
        data: bytes | None = None,
        *,
        env: dict[str, str] | None = None,
        check: bool = True,
    ) -> bytes:
        proc = self._proc(args, data, env=env)
        if check and proc.returncode != 0:
            raise StoreError(git_failure(self.root, args, proc.stderr))
        return proc.stdout

    def _git_context(self) -> GitContext:
        return GitContext(self.root, self.git_dir, self.id_size, self.warnings)

    def _proc(
        self, args: list[str], data: bytes | None = None, *, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        return run_git(self.root, args, data, env=env, check=False)

    def _head(self) -> str | None:
        out = (
            self._git(["rev-parse", "-q", "--verify", "--end-of-options", "HEAD"], check=False)
            .decode()
            .strip()
        )
        return out or None

    def _check_on_branch(self) -> None:
        if (self.git_dir / "MERGE_HEAD").exists():
            # a version written now would drop the merge's second parent: the other
            # side's versions would vanish from the history of the merged text
            raise StoreError(
                f"{self.root}: a git merge is in progress: finish it ('git commit -a') "
                "or abort it ('git merge --abort') before saving"
            )
        head = (self.git_dir / "HEAD").read_text(errors="replace").strip()
        if head.startswith("ref: "):
            return
        if re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", head):
            raise StoreError(f"{self.root}: not on a branch (detached HEAD); check one out")
        raise StoreError(
            f"{self.root}: corrupted store: .git/HEAD is neither a branch nor a commit"
        )

    def _unborn(self) -> bool:
        """True for a sound repository whose branch has no commit yet (rev-parse exits 1);
        a broken one (exit 128) is not empty, it is corrupted."""
        return (
            self._proc(["rev-parse", "-q", "--verify", "--end-of-options", "HEAD"]).returncode == 1
        )

    def _lookup(self, paths: list[str]) -> Snapshot:
        """The head commit, the trees the paths sit in and the paths' blobs: one process."""
        folders = sorted({"", *(path.rpartition("/")[0] for path in paths)})
        names = ["HEAD", *[f"HEAD:{f}" if f else "HEAD^{tree}" for f in folders]]
        out = self._git(
            ["cat-file", "--batch"],
            "".join(f"{n}\n" for n in [*names, *(f"HEAD:{p}" for p in paths)]).encode(),
        )
        try:
            return read_snapshot(out, folders, paths)
        except ValueError as error:
            raise StoreError(f"{self.root}: {error} (corrupted store?)") from None

    def _log(self, paths: list[str], keep: bool = True) -> dict[str, list[Version]]:
        """Versions per draft under ``paths``: from the cache of the commit HEAD stands
        for (:mod:`.log_cache`), else one ``git log`` of that very commit (kept with
        ``keep``)."""
        commit = log_cache.head_commit(self.git_dir) if keep else None
        if commit is None:
            return self._git_log(paths, "HEAD")
        name = log_cache.cache_name(paths)
        key = log_cache.entry_key(self.git_dir, commit, paths)
        found = log_cache.load(self.git_dir, name, key)
        if found is None:
            try:
                found = self._git_log(paths, commit)
            except StoreError:  # said as a log of HEAD says it
                return self._git_log(paths, "HEAD")
            log_cache.save(self.git_dir, name, key, found)
        return found

    def _git_log(self, paths: list[str], commit: str) -> dict[str, list[Version]]:
        # A merge that settles a draft (after a sync conflict) is a version too: its
        # text is shown against its first parent, so that the latest is what HEAD holds.
        args = ["log", "--topo-order", "--reverse", "--no-renames", "--raw", "--no-abbrev"]
        args.append("--diff-merges=first-parent")
        args += [f"--format={LOG_FORMAT}", "--end-of-options", commit, "--", *paths]
        proc = self._proc(args)
        if proc.returncode != 0:
            if self._unborn():  # a repository with no commit yet
                return {}
            raise StoreError(git_failure(self.root, args, proc.stderr))
        return parse_log(proc.stdout.decode("utf-8", errors="replace"), DRAFTS)

    def _blobs(self, ids: list[str]) -> list[bytes]:
        if not ids:
            return []
        out = self._git(["cat-file", "--batch"], "".join(f"{i}\n" for i in ids).encode())
        try:
            return parse_batch(out, len(ids))
        except ValueError as error:
            raise StoreError(f"{self.root}: {error} (corrupted store?)") from None

    @staticmethod
    def _parse(data: bytes, where: str, reader: Callable[[str], Draft] = canonical.parse) -> Draft:
        try:
            return reader(data.decode("utf-8"))
        except (UnicodeDecodeError, InputError) as error:
            raise StoreError(f"{where}: stored text is not canonical text ({error})") from None

    def _lock(self) -> AbstractContextManager[None]:
        """Exclusive lock on the store for writers (readers never wait)."""
        return writer_lock(self.git_dir / "redraft.lock", self.root, LOCK_TIMEOUT)
