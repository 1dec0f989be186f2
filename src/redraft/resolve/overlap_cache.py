"""What ``redraft overlap`` over the whole store keeps of each text in the store's cache
(``.git/redraft-cache/overlap``, :mod:`.cache`): the text's index
(:func:`~redraft.merge.overlap.index_drafts`: per compared paragraph its label, text,
words and shingles), by the git id of the text.

A stored text never changes, so its index holds for good, behind the digest of
redraft's code that :func:`.cache.load_document` checks. A run reads and parses only
the texts the cache lacks (after a save, the new version's): reading and indexing were
half the time of ``overlap`` over a session (docs/scale.md). Only the entries of this
run's texts are kept; an entry that does not read back (damaged, another shape) is made
again: the cache is only ever a shortcut.
"""

from __future__ import annotations

import base64
import binascii
import sys
from array import array
from pathlib import Path
from typing import Any

from ..jobs import NO_STEPS, Steps
from ..merge.overlap import DraftIndex, index_drafts
from .cache import load_document, save_document, string_map
from .sources import open_store

NAME = "overlap"
KIND = "cache:overlap:1"


def cached_latest_indexes(
    store: Path | None, steps: Steps = NO_STEPS
) -> tuple[list[tuple[str, DraftIndex]], list[str]]:
    """The index of the latest version of every draft in the store, by name, and
    warnings naming the drafts left out because their stored text cannot be read."""
    opened = open_store(store)
    found = opened.all_versions()
    names = sorted(found)
    blobs = {name: found[name][-1].blob for name in names}
    known = string_map(load_document(opened, NAME, KIND), "entries")
    indexes: dict[str, DraftIndex] = {}
    entries: dict[str, Any] = {}
    for name in names:
        decoded = _decode(known.get(blobs[name]))
        if decoded is not None:
            indexes[name], entries[blobs[name]] = decoded, known[blobs[name]]
    missing = [name for name in names if name not in indexes]
    if missing:
        drafts = opened.readable_drafts([found[name][-1] for name in missing])
        readable = [(n, d) for n, d in zip(missing, drafts, strict=True) if d is not None]
        made = index_drafts([draft for _, draft in readable], steps)
        for (name, _), index in zip(readable, made, strict=True):
            indexes[name], entries[blobs[name]] = index, _encode(index)
    if missing or len(entries) != len(known):
        save_document(opened, NAME, KIND, {"entries": entries})
    return [(name, indexes[name]) for name in names if name in indexes], opened.warnings


def _encode(index: DraftIndex) -> list[Any]:
    # the shingles as their bytes, little-endian, in base64: a fifth of their digits
    return [[label, text, size, _pack(shingles)] for label, text, size, shingles in index]


def _pack(shingles: array[int]) -> str:
    if sys.byteorder != "little":
        shingles = array("Q", shingles)
        shingles.byteswap()
    return base64.b64encode(shingles.tobytes()).decode("ascii")


def _decode(entry: Any) -> DraftIndex | None:
    """The index :func:`_encode` wrote, or None when ``entry`` is not one (a damaged
    document is indexed again, never half used)."""
    if not isinstance(entry, list):
        return None
    index: DraftIndex = []
    for item in entry:
        if not (isinstance(item, list) and len(item) == 4):
            return None
        label, text, size, packed = item
        if not (isinstance(label, str) and isinstance(text, str) and isinstance(packed, str)):
            return None
        if type(size) is not int:
            return None
        try:
            raw = base64.b64decode(packed, validate=True)
        except (binascii.Error, ValueError):
            return None
        if len(raw) % 8:
            return None
        shingles = array("Q", raw)
        if sys.byteorder != "little":
            shingles.byteswap()
        index.append((label, text, size, shingles))
    return index
