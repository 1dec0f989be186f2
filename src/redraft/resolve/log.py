"""``redraft log`` and ``redraft list``: the store's versions with their figures.

The figures (words, word delta, paragraph changes) are computed by
:mod:`redraft.measure.log` from the stored texts; versions never change, so they are
kept by blob id in a cache file inside .git that the store holds for us.
"""

from __future__ import annotations

import json

from ..canonical import looks_canonical
from ..measure.log import (
    DraftSummary,
    LogEntry,
    build_log,
    missing_blobs,
    new_log_cache,
    read_log_cache,
    text_words,
)
from ..model import Version
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


def summaries(store: Store, found: dict[str, list[Version]] | None = None) -> list[DraftSummary]:
    """One line per draft: from one ``git log`` (or ``found``, what
    :meth:`Store.all_versions` gave); the words and language of each latest text the
    store read before come from the cache ``log`` keeps (by blob id), and only the texts
    it lacks are read (one ``cat-file``). A draft whose stored text cannot be read is
    left out, and named in the store's warnings."""
    found = store.all_versions() if found is None else found
    latest = [found[name][-1] for name in sorted(found) if found[name]]
    cached = store.load_cache(LOG_CACHE)
    cache = read_log_cache(cached.decode("utf-8", "replace")) if cached else new_log_cache()
    listed = cache.setdefault("listed", {})  # words of texts read whole (log counts others)
    languages = cache.setdefault("languages", {})  # the language each text says it is in
    needed = [v for v in latest if not isinstance(listed.get(v.blob), int)]
    changed = bool(needed)
    if needed:
        for version, draft in zip(needed, store.readable_drafts(needed), strict=True):
            if draft is not None:
                listed[version.blob] = count_words(draft)
                languages[version.blob] = draft.meta.language or "en"
    unknown = [v.blob for v in latest if v.blob in listed and v.blob not in languages]
    if unknown:  # figures cached before languages were: their front matter only
        for blob, data in zip(unknown, store.blobs(unknown), strict=True):
            languages[blob] = _language_of(data)
        changed = True
    if changed:
        store.save_cache(LOG_CACHE, json.dumps(cache).encode())
    return [
        DraftSummary(
            v.name, v.number, v.symbol, int(listed[v.blob]), v.date, v.by, languages[v.blob]
        )
        for v in latest
        if v.blob in listed
    ]


def note_listed(store: Store, figures: list[tuple[str, int, str]]) -> None:
    """Keep the words and language of texts (git id, words, language) for
    :func:`summaries`, as its run would (``redraft import``, :mod:`.import_caches`)."""
    cached = store.load_cache(LOG_CACHE)
    cache = read_log_cache(cached.decode("utf-8", "replace")) if cached else new_log_cache()
    listed, languages = cache.get("listed"), cache.get("languages")
    if not isinstance(listed, dict) or not isinstance(languages, dict):  # damaged: anew
        listed = cache["listed"] = {}
        languages = cache["languages"] = {}
    for blob, words, language in figures:
        listed[blob] = words
        languages[blob] = language
    store.save_cache(LOG_CACHE, json.dumps(cache).encode())


def _language_of(data: bytes) -> str:
    """The language a stored text's front matter says ("en" when it cannot be read)."""
    from .. import canonical
    from ..errors import InputError

    try:
        return canonical.front_meta(data).language or "en"
    except InputError:
        return "en"


def _words_of(store: Store, version: Version, data: bytes) -> int:
    """The words of one stored text; a text that is not canonical is read as the store
    reads it, which says what is wrong with it."""
    text = data.decode("utf-8", "replace")
    if not looks_canonical(text):
        return count_words(store.drafts([version])[0])
    return text_words(text)
