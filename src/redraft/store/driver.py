"""``redraft`` as a git merge driver, so that ``git merge`` merges drafts paragraph by paragraph.

Installed by ``redraft init`` (or by hand, docs/merge.md) as two pieces of git setup:

    .gitattributes:   drafts/*.txt merge=redraft
    .git/config:      [merge "redraft"]
                          name = redraft paragraph-aware merge of UN drafts
                          driver = redraft merge-driver %O %A %B %P

Git then runs ``redraft merge-driver ANCESTOR CURRENT OTHER PATH`` for every draft both
branches changed; the driver writes the merged canonical text over CURRENT and exits 0
when clean, 1 when bracketed alternatives remain (git then reports a conflict).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import StoreError
from .files import atomic_write, refuse_link

ATTRIBUTES_LINE = "drafts/*.txt merge=redraft"
DRIVER_NAME = "redraft paragraph-aware merge of UN drafts"
DRIVER_COMMAND = "redraft merge-driver %O %A %B %P"
_WHO = "--format=%(trailers:key=Redraft-By,valueonly)%n%an"


def install_merge_driver(root: Path, command: str = DRIVER_COMMAND) -> None:
    """Write ``.gitattributes`` and the repository's git config in ``root`` (idempotent).
    A ``.gitattributes`` that is a symbolic link is refused, never written through."""
    attributes = root / ".gitattributes"
    refuse_link(root, ".gitattributes")
    try:
        data = attributes.read_bytes() if attributes.exists() else b""
        if not has_driver_line(data):
            atomic_write(attributes, with_driver_line(data))
    except OSError as error:
        raise StoreError(f"{attributes}: cannot write ({error.strerror or error})") from None
    _git(root, "config", "merge.redraft.name", DRIVER_NAME)
    _git(root, "config", "merge.redraft.driver", command)


def has_driver_line(attributes: bytes) -> bool:
    """Does this ``.gitattributes`` content route drafts to the merge driver?"""
    return ATTRIBUTES_LINE in attributes.decode("utf-8", "replace").splitlines()


def with_driver_line(attributes: bytes) -> bytes:
    """``.gitattributes`` content with the merge driver's line added at its end."""
    lines = attributes.decode("utf-8", "replace").splitlines()
    return ("\n".join([*lines, ATTRIBUTES_LINE]) + "\n").encode("utf-8")


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    except FileNotFoundError:
        raise StoreError("git is not installed (needed for the merge driver)") from None
    except subprocess.CalledProcessError as error:
        message = (error.stderr or "").strip().splitlines()
        raise StoreError(f"git {args[0]}: {message[-1] if message else 'failed'}") from None
    return done.stdout.strip()


def side_names(path: str) -> tuple[str, str]:
    """Who wrote each side: the delegation (store trailer ``Redraft-By``, else the commit
    author) of the last commit that touched the draft on HEAD and on the branch being
    merged (git names it in a ``GITHEAD_<commit>`` variable); else "ours" and "theirs"."""
    import os

    other = next((key[8:] for key in os.environ if key.startswith("GITHEAD_")), "")
    names = [_who("HEAD", path) or "ours", (_who(other, path) if other else "") or "theirs"]
    if names[0] == names[1]:
        return "ours", "theirs"
    return names[0], names[1]


def _who(rev: str, path: str) -> str:
    try:
        found = _git(
            Path.cwd(), "log", "-1", _WHO, "--end-of-options", rev, "--", *([path] if path else [])
        )
    except StoreError:
        return ""
    return next((line.strip() for line in found.splitlines() if line.strip()), "")
