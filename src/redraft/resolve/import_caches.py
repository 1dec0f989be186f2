"""After ``redraft import``: the cache entries of ``stats``, ``check``, ``list`` and
``overlap`` for the texts the import just stored (issue 17, docs/store.md "Caches").

The first ``stats``, ``check``, ``list`` or ``overlap`` after an import used to read and
parse every text the import had just written, each command on its own (about 1 s each
for the 336 drafts of a session, ``overlap`` 1 s more to index them). The import
parses, measures and indexes each new text once, on the machine's cores, and keeps
what the four commands keep: the first of them then runs as fast as a warm one. The
entries are made exactly as the commands make them (the stored bytes read back, parsed
by :func:`redraft.canonical.parse`, measured and indexed by the same functions, under
the same keys), so no output can change. Files in several languages get no ``overlap``
index (``overlap`` then makes it, as before): for a session in six languages it cost
nearly half as much again as the import, about what it saved ``overlap``. A text that cannot be read
gets no entry, and the command names it as before. The cache stays a shortcut: any
entry missing or damaged is made again by the command that needs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import canonical
from ..config import Config, load_config
from ..errors import InputError, RedraftError
from ..jobs import NO_STEPS, Steps, parallel_iter
from ..measure.check import TextFindings
from ..measure.check_text import text_findings
from ..measure.stats import DraftStats, draft_stats
from ..merge.overlap import DraftIndex, WordIds, draft_index, word_ids
from ..model import Meta, Version
from ..store import Store
from .check_cache import CheckCache
from .log import note_listed
from .overlap_cache import IndexWriter, keep_imported
from .stats_cache import note_stats


@dataclass(frozen=True)
class Measured:
    """What the four commands keep of one stored text."""

    blob: str
    stats: DraftStats
    found: TextFindings
    meta: Meta


#: The texts and config the worker processes read (forked: nothing is copied to them).
_SHARED: list[Any] = []


def fill_import_caches(
    opened: Store,
    saved: list[Version],
    store: Path | None,
    steps: Steps = NO_STEPS,
    overlap: bool = True,
) -> None:
    """Keep the ``stats``, ``check`` and ``list`` figures of the versions ``saved`` (the
    config as those commands read it without ``--config``: ``store``'s, else the
    nearest one), and with ``overlap`` their ``overlap`` indexes. Only the entries of
    the store's latest texts are kept, as the commands keep them."""
    if not saved:
        return
    try:
        config = load_config(None, store)
        _fill(opened, saved, config, steps, overlap)
    except RedraftError:
        # a config the commands will say is wrong, a store git cannot read back now: the
        # drafts are saved, and the commands make what is not kept, as without an import
        return


def _fill(opened: Store, saved: list[Version], config: Config, steps: Steps, overlap: bool) -> None:
    found = opened.all_versions()
    latest = {versions[-1].blob for versions in found.values() if versions}
    indexes = IndexWriter()  # each index written as it comes: never all of them held
    measured: list[Measured] = []
    _SHARED[:] = [saved, opened.texts(saved), config, word_ids() if overlap else None]
    try:
        for made in parallel_iter(_measure_at, range(len(saved)), steps, "Measuring drafts"):
            if made is not None:
                figures, index = made
                measured.append(figures)
                if index is not None and figures.blob in latest:
                    indexes.add(figures.blob, index)
    finally:
        _SHARED.clear()
    if overlap:
        keep_imported(opened, indexes, found)
    del indexes
    words_per_page = config.stats.words_per_page
    note_stats(opened, [(m.blob, m.stats) for m in measured], words_per_page, latest)
    cache = CheckCache(opened, config)
    for item in measured:
        cache.put(item.blob, item.found, item.meta)
    cache.save(latest)
    note_listed(opened, [(m.blob, m.found.words, m.meta.language or "en") for m in measured])


def _measure_at(index: int) -> tuple[Measured, DraftIndex | None] | None:
    saved, texts, config, ids = _SHARED
    return measure_text(saved[index], texts[index], config, ids)


def measure_text(
    version: Version, data: bytes, config: Config, ids: WordIds | None
) -> tuple[Measured, DraftIndex | None] | None:
    """The figures of one stored text as the commands make them, and its ``overlap``
    index unless ``ids`` is None (``ids``: :func:`~redraft.merge.overlap.word_ids`, kept
    from one text to the next); None when the stored text cannot be read (the commands
    then leave the draft out and say so)."""
    try:
        draft = canonical.parse(data.decode("utf-8"))  # as Store reads a stored text
    except (UnicodeDecodeError, InputError):
        return None
    stats = draft_stats(draft, version.name, config.stats.words_per_page)
    measured = Measured(version.blob, stats, text_findings(draft, config), draft.meta)
    return measured, None if ids is None else draft_index(draft, ids)
