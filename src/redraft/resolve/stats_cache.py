"""``redraft stats`` over the whole store, with each text's figures kept in the store's
cache (``.git/redraft-cache/stats``, :mod:`.cache`).

A stored text never changes, so its statistics hold for good: they are kept by the git
id of the text and the words per page, behind the digest of redraft's code that
:func:`.cache.load_document` checks. A run reads and parses only the texts the cache
does not hold (after a save, the new version's), which is half the time of ``stats``
over a session (docs/scale.md). Only the entries of this run's texts are kept, so the
document does not grow with old versions. An entry that does not read back (damaged,
another shape) is computed again; the cache is only ever a shortcut.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..jobs import NO_STEPS, Steps
from ..measure.stats import DraftStats, ParagraphStats
from ..model import Draft
from .cache import load_document, save_document, string_map
from .sources import load_store_drafts

if TYPE_CHECKING:
    from ..store import Store, Version

NAME = "stats"
KIND = "cache:stats:1"

#: How the texts the cache lacks are measured: (name, draft) pairs and words per page in.
Measure = Callable[[list[tuple[str, Draft]], int], list[DraftStats]]


def cached_store_stats(
    opened: Store, words_per_page: int, measure: Measure, steps: Steps = NO_STEPS
) -> tuple[list[DraftStats], list[str]]:
    """The statistics of every draft of the store (as
    :func:`~redraft.resolve.stats.stats_report` makes them) and each draft's symbol;
    a draft whose stored text cannot be read is left out and named in
    ``opened.warnings``, as without the cache; ``measure`` measures the texts the
    cache lacks."""
    everything = opened.all_versions()
    names = opened.names()
    for name in names:
        if not everything.get(name):
            raise opened.no_draft(name)
    latest: dict[str, Version] = {name: everything[name][-1] for name in names}
    keys = {name: f"{latest[name].blob}:{words_per_page}" for name in names}
    known = string_map(load_document(opened, NAME, KIND), "entries")
    found: dict[str, DraftStats] = {}
    for name in names:
        row = _decode(known.get(keys[name]), name, words_per_page)
        if row is not None:
            found[name] = row
    missing = [name for name in names if name not in found]
    if missing:
        stored = load_store_drafts(opened, missing, skip_bad=True, steps=steps)
        made = measure([(d.name, d.draft) for d in stored], words_per_page)
        found.update((row.name, row) for row in made)
    rows = [found[name] for name in names if name in found]
    entries = {keys[row.name]: _encode(row) for row in rows}
    if missing or len(entries) != len(known):
        save_document(opened, NAME, KIND, {"entries": entries})
    symbols = [latest[row.name].symbol or row.symbol for row in rows]
    return rows, symbols


def note_stats(
    opened: Store, rows: list[tuple[str, DraftStats]], words_per_page: int, latest: set[str]
) -> None:
    """Keep the statistics of the texts ``rows`` names (by git id), as a run of
    :func:`cached_store_stats` would (``redraft import``, :mod:`.import_caches`); of the
    entries kept before, those of the store's ``latest`` texts stay."""
    known = string_map(load_document(opened, NAME, KIND), "entries")
    entries = {key: entry for key, entry in known.items() if key.split(":")[0] in latest}
    entries.update((f"{blob}:{words_per_page}", _encode(row)) for blob, row in rows)
    save_document(opened, NAME, KIND, {"entries": entries})


def _encode(row: DraftStats) -> list[Any]:
    return [
        row.words,
        row.characters,
        row.characters_no_spaces,
        row.preambular,
        row.operative,
        row.subparagraphs,
        row.footnotes,
        row.footnote_words,
        [[label, words] for label, words in row.longest],
        [
            [p.label, p.kind, p.words, p.characters, p.footnote_words, p.total_words]
            for p in row.paragraphs
        ],
        row.symbol,
        row.language,
    ]


def _decode(entry: Any, name: str, words_per_page: int) -> DraftStats | None:
    """The figures of ``entry`` under ``name``, or None when it is not one :func:`_encode`
    wrote (a damaged document is recomputed, never half used)."""
    if not isinstance(entry, list) or len(entry) != 12:
        return None
    counts, longest, paragraphs, symbol, language = entry[:8], *entry[8:]
    if not all(type(n) is int for n in counts) or not isinstance(longest, list):
        return None
    if not isinstance(paragraphs, list) or not _strings(symbol, language):
        return None
    pairs = []
    for item in longest:
        if not (isinstance(item, list) and len(item) == 2 and _strings(item[0])):
            return None
        if type(item[1]) is not int:
            return None
        pairs.append((item[0], item[1]))
    rows = []
    for item in paragraphs:
        if not (isinstance(item, list) and len(item) == 6 and _strings(*item[:2])):
            return None
        if not all(type(n) is int for n in item[2:]):
            return None
        rows.append(ParagraphStats(*item))
    words, characters, no_spaces, preambular, operative, subparagraphs, notes, note_words = counts
    return DraftStats(
        name=name,
        words=words,
        characters=characters,
        characters_no_spaces=no_spaces,
        preambular=preambular,
        operative=operative,
        subparagraphs=subparagraphs,
        footnotes=notes,
        footnote_words=note_words,
        words_per_page=words_per_page,
        longest=tuple(pairs),
        paragraphs=tuple(rows),
        symbol=symbol,
        language=language,
    )


def _strings(*values: Any) -> bool:
    return all(isinstance(value, str) for value in values)
