"""What ``redraft overlap`` over the whole store keeps of each text in the store's cache
(``.git/redraft-cache/overlap``, :mod:`.cache`): the text's index
(:func:`~redraft.merge.overlap.index_drafts`: per compared paragraph its label, text,
words and shingles), by the git id of the text. The shingles (8 bytes each, about a
million in a session) are not in the JSON document but in a file of their bytes beside
it (``overlap-shingles``), named by offset in the document, which holds the file's
length and CRC32: as base64 in JSON they made a cold run go over 150 MB.

A stored text never changes, so its index holds for good, behind the digest of
redraft's code that :func:`.cache.load_document` checks. A run reads and parses only
the texts the cache lacks (after a save, the new version's): reading and indexing were
half the time of ``overlap`` over a session (docs/scale.md). Only the entries of this
run's texts are kept; an entry that does not read back (damaged, another shape) is made
again: the cache is only ever a shortcut. ``redraft import`` keeps the indexes of the texts
it stores (:func:`keep_imported`, from :mod:`.import_caches`), so that the first run after
it reads no text either.
"""

from __future__ import annotations

import sys
import zlib
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..jobs import NO_STEPS, Steps
from ..merge.overlap import DraftIndex, index_drafts
from .cache import FOLDER, DocumentWriter, load_document, string_map
from .sources import open_store

if TYPE_CHECKING:
    from ..model import Version
    from ..store import Store

NAME = "overlap"
KIND = "cache:overlap:2"
SHINGLES = "overlap-shingles"


def cached_latest_indexes(
    store: Path | None, steps: Steps = NO_STEPS
) -> tuple[list[tuple[str, DraftIndex]], list[str]]:
    """The index of the latest version of every draft in the store, by name, and
    warnings naming the drafts left out because their stored text cannot be read."""
    opened = open_store(store)
    found = opened.all_versions()
    names = sorted(found)
    blobs = {name: found[name][-1].blob for name in names}
    known, shingles = _load(opened)
    held = len(known)
    decoded: dict[str, DraftIndex | None] = {}  # (two drafts may hold the same text)
    for blob in blobs.values():
        if blob not in decoded:
            decoded[blob] = _decode(known.pop(blob, None), shingles)
    indexes = {name: index for name in names if (index := decoded[blobs[name]]) is not None}
    del known, shingles, decoded
    missing = [name for name in names if name not in indexes]
    if missing:
        drafts = opened.readable_drafts([found[name][-1] for name in missing])
        readable = [(n, d) for n, d in zip(missing, drafts, strict=True) if d is not None]
        made = index_drafts([draft for _, draft in readable], steps)
        indexes.update((name, index) for (name, _), index in zip(readable, made, strict=True))
        del drafts, readable  # the parsed drafts freed before the document is written
    if missing or len({blobs[name] for name in indexes}) != held:  # only after a change
        writer = IndexWriter()
        for name, index in indexes.items():
            writer.add(blobs[name], index)
        writer.save(opened)
    return [(name, indexes[name]) for name in names if name in indexes], opened.warnings


class IndexWriter:
    """The cache document and its shingles' file, made text by text (:meth:`add`): each
    index is bytes and compressed JSON as soon as it is added, so that a caller need
    not hold every index (an import of six languages: 4 million shingles, 60 MB of
    paragraph text) until the end."""

    def __init__(self) -> None:
        self._raw = bytearray()
        self._document = DocumentWriter(KIND, "entries")
        self._blobs: set[str] = set()

    def __contains__(self, blob: str) -> bool:
        return blob in self._blobs

    def add(self, blob: str, index: DraftIndex) -> None:
        """Keeps ``index``, the index of the text with git id ``blob`` (once)."""
        if blob in self._blobs:
            return
        self._blobs.add(blob)
        rows = []
        for label, text, size, shingles in index:
            if sys.byteorder != "little":
                shingles = array("Q", shingles)
                shingles.byteswap()
            rows.append([label, text, size, len(self._raw) // 8, len(shingles)])
            self._raw += shingles.tobytes()
        self._document.add(blob, rows)

    def save(self, opened: Store) -> None:
        raw = bytes(self._raw)
        opened.save_cache(f"{FOLDER}/{SHINGLES}", raw)
        self._document.save(opened, NAME, {"size": len(raw), "crc": zlib.crc32(raw)})


def keep_imported(opened: Store, writer: IndexWriter, found: dict[str, list[Version]]) -> None:
    """After an import: the indexes ``writer`` holds (made by
    :func:`~redraft.merge.overlap.draft_index` from the texts the store reads back),
    with those the cache holds of the other drafts' latest texts (``found``: the
    store's versions), kept as :func:`cached_latest_indexes` keeps them: the first
    ``overlap`` after the import then reads, parses and indexes no text."""
    known, shingles = _load(opened)
    for name in sorted(found):
        blob = found[name][-1].blob if found[name] else None
        if blob is not None and blob not in writer:
            index = _decode(known.pop(blob, None), shingles)
            if index is not None:
                writer.add(blob, index)
    writer.save(opened)


def _load(opened: Store) -> tuple[dict[str, Any], memoryview]:
    """The document's entries and the shingles' bytes, or nothing when the two do not
    belong together (one of them damaged, or written by another run)."""
    body = load_document(opened, NAME, KIND)
    raw = opened.load_cache(f"{FOLDER}/{SHINGLES}")
    if body is None or raw is None:
        return {}, memoryview(b"")
    if body.get("size") != len(raw) or body.get("crc") != zlib.crc32(raw):
        return {}, memoryview(b"")
    return string_map(body, "entries"), memoryview(raw)


def _decode(entry: Any, shingles: memoryview) -> DraftIndex | None:
    """The index :class:`IndexWriter` wrote, or None when ``entry`` is not one (a damaged
    document is indexed again, never half used)."""
    if not isinstance(entry, list):
        return None
    index: DraftIndex = []
    for item in entry:
        if not (isinstance(item, list) and len(item) == 5):
            return None
        label, text, size, start, count = item
        if not (isinstance(label, str) and isinstance(text, str)):
            return None
        if not all(type(n) is int and n >= 0 for n in (size, start, count)):
            return None
        if 8 * (start + count) > len(shingles):
            return None
        found = array("Q")  # (array("Q", a memoryview) would read it as ints, not bytes)
        found.frombytes(shingles[8 * start : 8 * (start + count)])
        if sys.byteorder != "little":
            found.byteswap()
        index.append((label, text, size, found))
    return index
