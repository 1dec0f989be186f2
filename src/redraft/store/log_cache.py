"""The versions ``git log`` gave for a commit, kept in .git for the next command.

Every command that names a draft reads its versions: one ``git log`` over the whole
history (a thousand commits: a tenth of a second of git, and as much to read its
output), although the history under a commit never changes. The versions are kept
by what they are made of: the commit id the branch pointed to (read from the ref
files, and the very id given to ``git log``, so that a save landing meanwhile cannot
put another history under it), the paths, the object format and the source of the
code that reads them. Anything unusual (a worktree, grafts, replaced objects, refs
that cannot be read as plain files) and the cache is not used; a damaged entry is
ignored: it is only ever a shortcut.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Version
from .files import read_cache, write_cache

_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
FORMAT = 1


def head_commit(git_dir: Path) -> str | None:
    """The commit id HEAD stands for, read from the ref files; None when unsure."""
    try:
        if (git_dir / "commondir").exists() or (git_dir / "info" / "grafts").exists():
            return None
        if (git_dir / "refs" / "replace").is_dir() and any(
            (git_dir / "refs" / "replace").iterdir()
        ):
            return None
        head = (git_dir / "HEAD").read_text(errors="replace").strip()
        if _ID.fullmatch(head):
            return head
        ref = head.removeprefix("ref: ")
        if ref == head or not ref.startswith("refs/") or ".." in ref:
            return None
        loose = git_dir / ref
        if loose.is_file():
            value = loose.read_text(errors="replace").strip()
            return value if _ID.fullmatch(value) else None
        packed = git_dir / "packed-refs"
        if not packed.is_file():
            return None
        for line in packed.read_text(errors="replace").splitlines():
            if "refs/replace/" in line:
                return None
            value, _, name = line.partition(" ")
            if name == ref:
                return value if _ID.fullmatch(value) else None
    except OSError:
        return None
    return None


def cache_name(paths: list[str]) -> str:
    return "redraft-versions/" + hashlib.sha1("\0".join(paths).encode()).hexdigest()[:20]


def entry_key(git_dir: Path, commit: str, paths: list[str]) -> str:
    try:
        shallow = (git_dir / "shallow").read_bytes()
    except OSError:
        shallow = b""
    parts = [FORMAT, commit, paths, _code(), hashlib.sha1(shallow).hexdigest()]
    return hashlib.sha1(json.dumps(parts).encode()).hexdigest()


def load(git_dir: Path, name: str, key: str) -> dict[str, list[Version]] | None:
    data = read_cache(git_dir, name)
    if data is None:
        return None
    head, _, body = data.partition(b"\n")
    if head != key.encode():  # another commit's (a save moved the branch): not even read
        return None
    try:
        document = json.loads(zlib.decompress(body))
        drafts = document["drafts"]
        return {str(draft): [_version(row) for row in rows] for draft, rows in drafts.items()}
    except (ValueError, TypeError, KeyError, AttributeError, zlib.error):
        return None


def save(git_dir: Path, name: str, key: str, found: dict[str, list[Version]]) -> None:
    drafts = {draft: [_row(version) for version in versions] for draft, versions in found.items()}
    data = json.dumps({"drafts": drafts}, ensure_ascii=False).encode("utf-8")
    # the key first, to be compared unread; the versions compressed: a checksum
    write_cache(git_dir, name, key.encode() + b"\n" + zlib.compress(data, 1))


def _row(v: Version) -> list[Any]:
    fields = [v.name, v.number, v.commit, v.date, v.by, v.symbol, v.message]
    return [*fields, list(v.sponsors), v.blob, v.translates]


def _version(row: Any) -> Version:
    if not isinstance(row, list) or len(row) != 10:
        raise ValueError("bad version")
    name, number, commit, date, by, symbol, message, sponsors, blob, translates = row
    texts = (name, commit, date, by, symbol, message, blob, translates)
    if not isinstance(number, int) or not all(isinstance(text, str) for text in texts):
        raise ValueError("bad version")
    return Version(
        name=name,
        number=number,
        commit=commit,
        date=date,
        by=by,
        symbol=symbol,
        message=message,
        sponsors=tuple(str(sponsor) for sponsor in sponsors),
        blob=blob,
        translates=translates,
    )


@lru_cache(maxsize=1)
def _code() -> str:
    """A digest of the code that turns ``git log`` into versions: another redraft's
    entries are never read."""
    from .. import __version__

    digest = hashlib.sha1(__version__.encode())
    here = Path(__file__).resolve().parent
    for path in (
        here / "objects.py",
        here / "revisions.py",
        here / "repository.py",
        here / "plumbing.py",  # runs the git log (moved out of repository.py)
        here.parent / "model.py",
        Path(__file__).resolve(),
    ):
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()
