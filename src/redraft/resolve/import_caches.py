"""After ``redraft import``: the cache entries of ``stats``, ``check`` and ``list`` for the
texts the import just stored (issue 17, docs/store.md "Caches").

The first ``stats``, ``check`` or ``list`` after an import used to read and parse every
text the import had just written, each command on its own (about 1 s each for the 336
drafts of a session). The import parses and measures each new text once, on the
machine's cores, and keeps what the three commands keep: the first of them then runs
as fast as a warm one. The entries are made exactly as the commands make them (the
stored bytes read back, parsed by :func:`redraft.canonical.parse`, measured by the same
functions, under the same keys), so no output can change; a text that cannot be read
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
from ..jobs import NO_STEPS, Steps, parallel_map
from ..measure.check import TextFindings
from ..measure.check_text import text_findings
from ..measure.stats import DraftStats, draft_stats
from ..model import Meta, Version
from ..store import Store
from .check_cache import CheckCache
from .log import note_listed
from .stats_cache import note_stats


@dataclass(frozen=True)
class Measured:
    """What the three commands keep of one stored text."""

    blob: str
    stats: DraftStats
    found: TextFindings
    meta: Meta


#: The texts and config the worker processes read (forked: nothing is copied to them).
_SHARED: list[Any] = []


def fill_import_caches(
    opened: Store, saved: list[Version], store: Path | None, steps: Steps = NO_STEPS
) -> None:
    """Keep the ``stats``, ``check`` and ``list`` figures of the versions ``saved`` (the
    config as those commands read it without ``--config``: ``store``'s, else the
    nearest one). Only the entries of the store's latest texts are kept, as the
    commands keep them."""
    if not saved:
        return
    try:
        config = load_config(None, store)
        _fill(opened, saved, config, steps)
    except RedraftError:
        # a config the commands will say is wrong, a store git cannot read back now: the
        # drafts are saved, and the commands make what is not kept, as without an import
        return


def _fill(opened: Store, saved: list[Version], config: Config, steps: Steps) -> None:
    texts = opened.texts(saved)
    _SHARED[:] = [saved, texts, config]
    try:
        made = parallel_map(_measure_at, range(len(saved)), steps, "Measuring drafts")
    finally:
        _SHARED.clear()
    measured = [item for item in made if item is not None]
    latest = {versions[-1].blob for versions in opened.all_versions().values() if versions}
    words_per_page = config.stats.words_per_page
    note_stats(opened, [(m.blob, m.stats) for m in measured], words_per_page, latest)
    cache = CheckCache(opened, config)
    for item in measured:
        cache.put(item.blob, item.found, item.meta)
    cache.save(latest)
    note_listed(opened, [(m.blob, m.found.words, m.meta.language or "en") for m in measured])


def _measure_at(index: int) -> Measured | None:
    saved, texts, config = _SHARED
    return measure_text(saved[index], texts[index], config)


def measure_text(version: Version, data: bytes, config: Config) -> Measured | None:
    """The figures of one stored text as the commands make them; None when the stored
    text cannot be read (the commands then leave the draft out and say so)."""
    try:
        draft = canonical.parse(data.decode("utf-8"))  # as Store reads a stored text
    except (UnicodeDecodeError, InputError):
        return None
    stats = draft_stats(draft, version.name, config.stats.words_per_page)
    return Measured(version.blob, stats, text_findings(draft, config), draft.meta)
