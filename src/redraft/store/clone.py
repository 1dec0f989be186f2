"""A store cloned from a git host, made ready by ``redraft init .``.

A bare repository whose HEAD names a branch it does not have (``master``, while the
store was pushed as ``main``) clones as an empty checkout on an unborn branch. A fresh
store made there would share no history with the team's, and the next ``sync`` would
push it beside theirs. ``redraft init`` in such a clone checks out the branch that holds
the store instead, whatever the remote's HEAD says (docs/store.md, "Sharing").
"""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from .files import CONFIG_NAME
from .gitcli import run_git
from .objects import git_error_line


def check_out_remote_store(root: Path) -> str | None:
    """In a repository with no commit yet, check out the remote branch holding a redraft
    store (one with redraft.toml): the one named like the current branch, else ``main``,
    else the only one. Returns the branch checked out, or None when there is none."""
    if run_git(root, ["rev-parse", "-q", "--verify", "HEAD"], check=False).returncode == 0:
        return None  # the branch has commits: whatever they are, they are the user's
    listing = run_git(root, ["for-each-ref", "--format=%(refname)", "refs/remotes/"], check=False)
    refs = [
        ref
        for ref in listing.stdout.decode(errors="replace").split()
        if ref.count("/") >= 3 and not ref.endswith("/HEAD") and _sound(ref.split("/", 3)[3])
    ]
    stores = [ref for ref in refs if _holds_store(root, ref)]
    if not stores:
        return None
    current = _current_branch(root)
    by_branch: dict[str, list[str]] = {}
    for ref in stores:
        by_branch.setdefault(ref.split("/", 3)[3], []).append(ref)
    pick = next((b for b in (current, "main", "master") if len(by_branch.get(b, ())) == 1), None)
    if pick is None and len(stores) == 1:
        pick = stores[0].split("/", 3)[3]
    if pick is None:
        shown = ", ".join(r.removeprefix("refs/remotes/") for r in stores)
        raise StoreError(
            f"{root}: several remote branches hold a redraft store ({shown}): "
            "check one out ('git checkout BRANCH'), then run 'redraft init .' again"
        )
    ref = by_branch[pick][0]
    proc = run_git(
        root, ["checkout", "-q", "-b", pick, "--track", ref.removeprefix("refs/")], check=False
    )
    if proc.returncode != 0:
        raise StoreError(f"{root}: cannot check out {pick}: {git_error_line(proc.stderr)}")
    return pick


def _sound(branch: str) -> bool:
    """A branch name safe to hand to ``git checkout`` (a hostile remote could have one
    that reads as an option, ``-f``)."""
    return not branch.startswith("-") and branch.isprintable() and " " not in branch


def _holds_store(root: Path, ref: str) -> bool:
    proc = run_git(
        root, ["cat-file", "-e", "--end-of-options", f"{ref}:{CONFIG_NAME}"], check=False
    )
    return proc.returncode == 0


def _current_branch(root: Path) -> str:
    proc = run_git(root, ["symbolic-ref", "-q", "--short", "HEAD"], check=False)
    return proc.stdout.decode(errors="replace").strip()
