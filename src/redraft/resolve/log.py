"""``redraft log`` and ``redraft list``: the store's versions with their figures.

The figures (words, word delta, paragraph changes) are computed by
:mod:`redraft.measure.log` from the stored texts; versions never change, so they are
kept by blob id in a cache file inside .git that the store holds for us.
"""

from __future__ import annotations

import json

from ..measure.log import (
    DraftSummary,
    LogEntry,
    build_log,
    missing_blobs,
    new_log_cache,
    read_log_cache,
)
from ..store import Store
from ..words import count_words

LOG_CACHE = "redraft-log-cache.json"  # in .git: derived figures, safe to delete


def log(store: Store, name: str, limit: int | None = None) -> list[LogEntry]:
    """Versions of ``name`` with words, word delta and paragraph changes, oldest first;
    with ``limit``, only the newest ``limit``. Only the texts still needed are read."""
    versions = store.existing(name)
    if limit is not None and limit < len(versions):
        versions = versions[-(limit + 1) :]  # the first shown needs its predecessor
    cached = store.load_cache(LOG_CACHE)
    cache = read_log_cache(cached.decode("utf-8", "replace")) if cached else new_log_cache()
    needed = sorted(missing_blobs(versions, cache))
    texts = dict(zip(needed, store.blobs(needed), strict=True))
    entries = build_log(versions, texts, cache)
    if needed:
        store.save_cache(LOG_CACHE, json.dumps(cache).encode())
    return entries[1:] if limit is not None and len(entries) > limit else entries


def summaries(store: Store) -> list[DraftSummary]:
    """One line per draft: from one ``git log`` and one ``cat-file``. A draft whose
    stored text cannot be read is left out, and named in the store's warnings."""
    found = store.all_versions()
    latest = [found[name][-1] for name in sorted(found)]
    drafts = store.readable_drafts(latest)
    return [
        DraftSummary(v.name, v.number, v.symbol, count_words(d), v.date, v.by)
        for v, d in zip(latest, drafts, strict=True)
        if d is not None
    ]
