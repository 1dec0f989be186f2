"""Derived results kept between runs in the store's cache area (``.git/redraft-cache``).

A version never changes, so what is computed from it (its words, a redline, a Word
file) holds for good. Every entry is keyed by what it is made of: the git ids of the
texts, the versions' metadata it shows, and a digest of redraft's own code, so that an
entry made from another text, another version or by another redraft is never used.
A cache document that cannot be read back (damaged, cut short, another format) is
ignored and rebuilt: the cache is only ever a shortcut, and safe to delete.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..store import Store

FOLDER = "redraft-cache"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of redraft's source code: any change to it (a renderer, the diff, the
    word rule) retires every cached result, with no version number to remember to bump."""
    from .. import __version__

    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha1(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        try:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
        except OSError:
            continue
    return digest.hexdigest()


def key(*parts: object) -> str:
    """A cache key for a result made of ``parts`` (strings, numbers), by this code."""
    raw = json.dumps([code_digest(), *parts], ensure_ascii=False, default=str)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def load_document(store: Store, name: str, kind: str) -> dict[str, Any] | None:
    """The cache document ``name`` written by :func:`save_document` for ``kind`` by this
    code, or None (missing, damaged, older, another kind)."""
    data = store.load_cache(f"{FOLDER}/{name}")
    if data is None:
        return None
    try:
        raw = zlib.decompress(data)
        del data  # freed before parsing: a large document's peak memory is lower
        document = json.loads(raw)
    except (zlib.error, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(document, dict):
        return None
    if document.get("kind") != kind or document.get("code") != code_digest():
        return None
    body = document.get("body")
    return body if isinstance(body, dict) else None


def save_document(store: Store, name: str, kind: str, body: dict[str, Any]) -> None:
    document = {"kind": kind, "code": code_digest(), "body": body}
    raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    store.save_cache(f"{FOLDER}/{name}", zlib.compress(raw, 1))


class DocumentWriter:
    """:func:`save_document` of a large body, compressed as it is made: the entries of
    its mapping ``field`` are written one by one (:meth:`add`), so that neither they
    nor the JSON of all of them is held whole (the ``overlap`` index of a session in six
    languages holds its 60 MB of paragraph text); the body's other fields at the end."""

    def __init__(self, kind: str, field: str) -> None:
        self._pack = zlib.compressobj(1)
        self._parts = [
            self._pack.compress(
                f'{{"kind":{_json(kind)},"code":{_json(code_digest())},'
                f'"body":{{{_json(field)}:{{'.encode()
            )
        ]
        self._first = True

    def add(self, key: str, value: Any) -> None:
        comma = "" if self._first else ","
        self._first = False
        self._parts.append(self._pack.compress(f"{comma}{_json(key)}:{_json(value)}".encode()))

    def save(self, store: Store, name: str, rest: dict[str, Any]) -> None:
        """Writes the document ``name``: the entries, then the fields ``rest``."""
        tail = "".join(f",{_json(key)}:{_json(value)}" for key, value in rest.items())
        self._parts.append(self._pack.compress(f"}}{tail}}}}}".encode()))
        self._parts.append(self._pack.flush())
        store.save_cache(f"{FOLDER}/{name}", b"".join(self._parts))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def string_map(body: dict[str, Any] | None, field: str) -> dict[str, Any]:
    """``body[field]`` when it is a mapping, else an empty one (a damaged document)."""
    found = body.get(field) if body else None
    return dict(found) if isinstance(found, dict) else {}
