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
        status, _, err = _try(
            repo, "push", "--quiet", "--end-of-options", remote, f"HEAD:refs/heads/{branch}"
        )
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
    status, _, err = _try(
        repo, "fetch", "--quiet", "--end-of-options", remote, f"refs/heads/{branch}"
    )
    if status != 0:
        if "couldn't find remote ref" in err:
            _refuse_unrelated_branches(repo, remote, branch)
            return 0, False, 0  # a new branch on the remote: the push creates it
        raise StoreError(f"cannot fetch from {remote}: {git_error_line(err)}")
    theirs = repo.commit("FETCH_HEAD")
    _refuse_links(repo, theirs.hexsha, f"{remote}/{branch}")
    if not repo.head.is_valid():  # nothing here yet: take theirs
        repo.git.reset("-q", "--hard", theirs.hexsha)
        return 0, False, 0
    local = repo.head.commit
    if repo.is_ancestor(theirs, local):
        return 0, False, 0
    received = _count(repo, theirs.hexsha, local.hexsha)
    if repo.is_ancestor(local, theirs):
        repo.git.merge("-q", "--ff-only", "--end-of-options", theirs.hexsha)
        return received, False, 0
    if _try(repo, "merge-base", "--end-of-options", local.hexsha, theirs.hexsha)[0] != 0:
        # rebasing onto an unrelated history would rewrite every local version
        raise StoreError(
            f"{remote}/{branch} shares no history with this store (another repository?): "
            "nothing was changed or pushed"
        )
    # merge commits are not counted: the rebase flattens them, their text is kept
    ours = _count(repo, local.hexsha, theirs.hexsha, "--no-merges")
    rebase = ("rebase", "-q", "--end-of-options", theirs.hexsha)
    if _try(repo, *rebase, env=_committer(repo))[0] != 0:
        conflicted = repo.git.diff("--name-only", "--diff-filter=U").split()
        _try(repo, "rebase", "--abort")
        files = ", ".join(conflicted) or "some drafts"
        raise SyncConflict(
            f"sync stopped: {files} changed both here and on {remote}; nothing was pushed, "
            f"your versions are intact on {branch} and theirs are in {remote}/{branch}. "
            f"To resolve: 'git merge {remote}/{branch}', fix {files}, 'git commit -a', "
            "then 'redraft sync'"
        )
    kept = _count(repo, "HEAD", theirs.hexsha)
    return received, True, ours - kept


def _count(repo: git.Repo, tip: str, without: str, *options: str) -> int:
    """Commits in ``tip`` and not in ``without``."""
    found = repo.git.rev_list("--count", *options, "--end-of-options", tip, f"^{without}")
    return int(found or 0)


#: The store's own paths: a collaborator who commits a symbolic link at one of these
#: would have redraft read, write or commit through it (``drafts`` -> ``/home/me``).
_OWN_PATHS = ("redraft.toml", ".gitattributes", "drafts")


def _refuse_links(repo: git.Repo, commit: str, where: str) -> None:
    """Refuse a remote history whose store files are symbolic links (or submodules):
    nothing is brought in, so the working tree never holds such a link."""
    listing = repo.git.ls_tree("--end-of-options", commit, "--", *_OWN_PATHS)
    listing += "\n" + repo.git.ls_tree("--end-of-options", commit, "--", "drafts/")
    for line in listing.splitlines():
        meta, _, path = line.partition("\t")
        mode = meta.split()[0] if meta else ""
        if mode in ("120000", "160000"):
            what = "symbolic link" if mode == "120000" else "submodule"
            raise StoreError(
                f"{where}: {path} is a {what} (pushed by a collaborator?); nothing was "
                f"changed or pushed: redraft never follows a link out of the store. Have it "
                f"replaced by the real file on {where} ('git rm {path}', restore it, push)"
            )


def _refuse_unrelated_branches(repo: git.Repo, remote: str, branch: str) -> None:
    """The remote lacks ``branch``: pushing it is fine when it continues the history of the
    remote's branches (a new branch of the same store), not when it shares none with
    them (a fresh store made in an empty clone would sit beside the team's)."""
    if not repo.head.is_valid():
        return  # nothing here to push
    status, out, err = _try(repo, "ls-remote", "--heads", "--end-of-options", remote)
    heads = [line.split("\t")[1] for line in out.splitlines() if "\t" in line]
    if status != 0 or not heads:
        return  # an empty remote: the push creates the store there
    namespace = f"refs/redraft-sync/{_safe_ref(remote)}"
    fetch = ("fetch", "--quiet", "--no-tags", "--end-of-options", remote)
    if _try(repo, *fetch, *(f"+{h}:{namespace}/{h[11:]}" for h in heads))[0] != 0:
        return
    try:
        for head in heads:
            if (
                _try(repo, "merge-base", "--end-of-options", "HEAD", f"{namespace}/{head[11:]}")[0]
                == 0
            ):
                return
    finally:
        for head in heads:
            _try(repo, "update-ref", "-d", f"{namespace}/{head[11:]}")
    shown = ", ".join(h[11:] for h in heads)
    raise StoreError(
        f"{remote} has no branch {branch}, and its branches ({shown}) share no history with "
        f"this store: nothing was pushed. Is this a fresh store made in an empty clone? "
        f"Check out the team's store ('git checkout {heads[0][11:]}', or clone it again), "
        "then save and sync there"
    )


def _safe_ref(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name) or "remote"


def _pick_remote(repo: git.Repo, remote: str | None, branch: str) -> str:
    """REMOTE if given, else the branch's remote, else origin, else the only remote. A
    name beginning with "-" is refused wherever it comes from, the command line or
    .git/config (``[remote "--upload-pack=..."]``): git would read it as an option."""
    if remote is not None:
        if not _sound_remote(remote):
            raise InputError(f"bad remote {remote!r}")
        return remote
    remotes = [r.name for r in repo.remotes]
    tracking = repo.active_branch.tracking_branch()
    for candidate in (tracking.remote_name if tracking else "", "origin"):
        if candidate in remotes:
            return _configured(candidate)
    if len(remotes) == 1:
        return _configured(remotes[0])
    if not remotes:
        raise StoreError(
            "no remote to sync with: add one ('git remote add origin URL') or clone the store"
        )
    raise StoreError(f"several remotes ({', '.join(remotes)}): name one ('redraft sync REMOTE')")


def _sound_remote(name: str) -> bool:
    return bool(name.strip()) and not name.startswith("-") and name.isprintable()


def _configured(name: str) -> str:
    if not _sound_remote(name):
        raise StoreError(
            f"remote {name!r} in .git/config: a remote name beginning with '-' (or holding "
            "control characters) is refused, git would read it as an option; rename it "
            "('git remote rename -- OLD NEW') or name a remote: 'redraft sync REMOTE'"
        )
    return name


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
