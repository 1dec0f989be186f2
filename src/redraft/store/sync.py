"""``redraft sync``: fetch, put local versions after the remote's, push; never force.

Runs on a GitPython ``Repo`` that :meth:`redraft.store.Store.sync` opens (store.py is
the only module that imports GitPython, and only for init and sync) while holding the
writers' lock; GitPython's errors are turned into one-line store errors there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ExitCode, InputError, StoreError
from .objects import git_error_line

if TYPE_CHECKING:
    import git


class SyncConflict(StoreError):
    """Both sides changed the same text: sync stopped, nothing was pushed."""

    exit_code = ExitCode.FOUND


@dataclass(frozen=True)
class SyncResult:
    remote: str
    branch: str
    received: int  # commits from the remote now in the local branch
    sent: int  # local commits pushed
    rebased: bool
    # local versions whose text the remote already had: git's rebase leaves them out, as
    # 'redraft save' records nothing for an unchanged text; the user is told
    dropped: int = 0


def run_sync(repo: git.Repo, root: Path, git_dir: Path, remote: str | None) -> SyncResult:
    """Fetch, rebase local versions onto the remote's, push (docs/store.md, "Sharing")."""
    _check_idle(repo, root, git_dir)
    branch = _branch(repo, root)
    remote = _pick_remote(repo, remote, branch)
    for _attempt in range(3):  # the remote may move between our fetch and our push
        received, rebased, dropped = _integrate(repo, remote, branch)
        sent = int(repo.git.rev_list("--count", "HEAD", "--not", "--remotes") or 0)
        status, _, err = _try(repo, "push", "--quiet", remote, f"HEAD:refs/heads/{branch}")
        if status == 0:
            return SyncResult(remote, branch, received, sent, rebased, dropped)
        if "rejected" not in err and "fetch first" not in err:
            raise StoreError(f"cannot push to {remote}: {git_error_line(err)}")
    raise StoreError(f"{remote} keeps moving while syncing; run 'redraft sync' again")


def _check_idle(repo: git.Repo, root: Path, git_dir: Path) -> None:
    for state in ("rebase-merge", "rebase-apply", "MERGE_HEAD"):
        if (git_dir / state).exists():
            raise StoreError(
                f"{root}: a git rebase or merge is in progress; finish or abort it first"
            )
    dirty = repo.git.status("--porcelain", "--untracked-files=no").splitlines()
    if dirty:
        first = dirty[0][3:]
        raise StoreError(
            f"{first} has changes no version holds: save them ('redraft save') or discard them "
            f"('git checkout -- {first}') before syncing"
        )


def _branch(repo: git.Repo, root: Path) -> str:
    if repo.head.is_detached:
        raise StoreError(f"{root}: not on a branch (detached HEAD); check out a branch first")
    return str(repo.active_branch.name)


def _integrate(repo: git.Repo, remote: str, branch: str) -> tuple[int, bool, int]:
    """Bring the remote's versions in: fast-forward, or rebase ours on top of them.
    (received, rebased, local versions left out because the remote already had their text)"""
    status, _, err = _try(repo, "fetch", "--quiet", remote, f"refs/heads/{branch}")
    if status != 0:
        if "couldn't find remote ref" in err:
            return 0, False, 0  # an empty remote: the push creates the branch
        raise StoreError(f"cannot fetch from {remote}: {git_error_line(err)}")
    theirs = repo.commit("FETCH_HEAD")
    if not repo.head.is_valid():  # nothing here yet: take theirs
        repo.git.reset("-q", "--hard", theirs.hexsha)
        return 0, False, 0
    local = repo.head.commit
    if repo.is_ancestor(theirs, local):
        return 0, False, 0
    received = int(repo.git.rev_list("--count", theirs.hexsha, "--not", local.hexsha))
    if repo.is_ancestor(local, theirs):
        repo.git.merge("-q", "--ff-only", theirs.hexsha)
        return received, False, 0
    if _try(repo, "merge-base", local.hexsha, theirs.hexsha)[0] != 0:
        # rebasing onto an unrelated history would rewrite every local version
        raise StoreError(
            f"{remote}/{branch} shares no history with this store (another repository?): "
            "nothing was changed or pushed"
        )
    # merge commits are not counted: the rebase flattens them, their text is kept
    ours = int(repo.git.rev_list("--count", "--no-merges", local.hexsha, "--not", theirs.hexsha))
    if _try(repo, "rebase", "-q", theirs.hexsha, env=_committer(repo))[0] != 0:
        conflicted = repo.git.diff("--name-only", "--diff-filter=U").split()
        _try(repo, "rebase", "--abort")
        files = ", ".join(conflicted) or "some drafts"
        raise SyncConflict(
            f"sync stopped: {files} changed both here and on {remote}; nothing was pushed, "
            f"your versions are intact on {branch} and theirs are in {remote}/{branch}. "
            f"To resolve: 'git merge {remote}/{branch}', fix {files}, 'git commit -a', "
            "then 'redraft sync'"
        )
    kept = int(repo.git.rev_list("--count", "HEAD", "--not", theirs.hexsha))
    return received, True, ours - kept


def _pick_remote(repo: git.Repo, remote: str | None, branch: str) -> str:
    """REMOTE if given, else the branch's remote, else origin, else the only remote."""
    if remote is not None:
        if remote.startswith("-") or not remote.strip() or not remote.isprintable():
            raise InputError(f"bad remote {remote!r}")
        return remote
    remotes = [r.name for r in repo.remotes]
    tracking = repo.active_branch.tracking_branch()
    for candidate in (tracking.remote_name if tracking else "", "origin"):
        if candidate in remotes:
            return candidate
    if len(remotes) == 1:
        return remotes[0]
    if not remotes:
        raise StoreError(
            "no remote to sync with: add one ('git remote add origin URL') or clone the store"
        )
    raise StoreError(f"several remotes ({', '.join(remotes)}): name one ('redraft sync REMOTE')")


def _try(repo: git.Repo, command: str, *args: str, **options: Any) -> tuple[int, str, str]:
    """(status, stdout, stderr) of a git command whose failure the caller handles."""
    result: tuple[int, str, str] = getattr(repo.git, command)(
        *args, with_extended_output=True, with_exceptions=False, **options
    )
    return result


def _committer(repo: git.Repo) -> dict[str, str]:
    """Rebasing writes commits: give git a committer name when none is configured."""
    if str(repo.config_reader().get_value("user", "name", "")).strip():
        return {}
    return {"GIT_COMMITTER_NAME": "redraft sync", "GIT_COMMITTER_EMAIL": ""}
