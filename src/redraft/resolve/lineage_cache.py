"""The diffs between consecutive versions of a draft, kept in the store's cache.

``blame``, ``history`` and ``blame --words`` follow paragraphs through every version:
a thousand versions are a thousand diffs, and versions never change. Each pair's
alignment is kept by the git ids of its two texts (:mod:`redraft.diff.compact`, one
cache document per draft), so only pairs never seen are diffed, on the machine's
cores when there are many. An entry that does not fit the texts it is read with (damaged,
another format) is diffed again: the cache can only save time, never change a result.
"""

from __future__ import annotations

from typing import Any

from ..diff.compact import FORMAT, Plain, decode, encode
from ..diff.engine import diff_drafts
from ..diff.result import DiffResult
from ..jobs import NO_STEPS, Steps, parallel_map
from ..model import Draft, Version
from ..negotiation.lineage import Lineage, build_lineage, step_sources
from ..store import Store
from .cache import load_document, save_document, string_map

KIND = f"cache:pairs:{FORMAT}"

#: The pairs a worker process diffs, read by index (forked workers see it: the drafts
#: are not copied to them one by one).
_PENDING: list[tuple[Draft, Draft, str, str]] = []


def lineage(
    store: Store, name: str, history: list[tuple[Version, Draft]], steps: Steps = NO_STEPS
) -> Lineage:
    """:func:`redraft.negotiation.lineage.build_lineage` with the diffs kept in the cache."""
    return build_lineage(name, history, pair_diffs(store, name, history, steps))


def pair_diffs(
    store: Store, name: str, history: list[tuple[Version, Draft]], steps: Steps = NO_STEPS
) -> list[DiffResult]:
    """The diff of each consecutive pair of ``history`` (oldest first), from the cache
    where it holds them; the missing ones are made (in parallel) and kept."""
    document = f"pairs/{name}"
    known = string_map(load_document(store, document, KIND), "pairs")
    versions = [version for version, _ in history]
    sources = step_sources(name, versions)
    keys = [f"{a.blob}:{b.blob}" for a, b in zip(versions, versions[1:], strict=False)]
    found: list[DiffResult | None] = []
    plain: Plain = {}  # versions share unit objects: one change per unchanged pair of them
    for index, key in enumerate(keys):
        compact = known.get(key)
        old, new = history[index][1], history[index + 1][1]
        result = decode(compact, old, new, *sources[index], plain) if compact is not None else None
        found.append(result)
    missing = [index for index, result in enumerate(found) if result is None]
    if missing:
        _PENDING[:] = [(history[i][1], history[i + 1][1], *sources[i]) for i in missing]
        try:
            made = parallel_map(_diff_at, list(range(len(missing))), steps, "Comparing versions")
        finally:
            _PENDING.clear()
        for index, compact in zip(missing, made, strict=True):
            old, new = history[index][1], history[index + 1][1]
            result = decode(compact, old, new, *sources[index], plain) if compact else None
            if result is None:  # a draft whose units cannot be told apart by position
                result = diff_drafts(old, new, "words", *sources[index])
            found[index] = result
            if compact is not None:
                known[keys[index]] = compact
    kept: dict[str, Any] = {key: known[key] for key in keys if key in known}
    if missing or len(kept) != len(known):
        save_document(store, document, KIND, {"pairs": kept})
    return [result for result in found if result is not None]


def _diff_at(index: int) -> list[Any] | None:
    old, new, old_source, new_source = _PENDING[index]
    return encode(diff_drafts(old, new, "words", old_source, new_source))
