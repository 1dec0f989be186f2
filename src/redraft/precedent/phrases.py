"""``redraft precedent search "PHRASE"``: where a phrase was used, newest first, with
a count per year and the first use found ("since when do we say this?")."""

from __future__ import annotations

from collections import Counter

from ..errors import InputError
from .found import SearchHit, SearchResult, SourceParagraph
from .index import PrecedentIndex
from .normalize import tokens

#: Hits listed by default (the counts cover them all).
LIMIT = 50


def _hit(found: SourceParagraph) -> SearchHit:
    return SearchHit(
        symbol=found.symbol,
        label=found.label,
        date=found.date,
        organ=found.organ,
        language=found.language,
        text=found.text,
    )


def search(index: PrecedentIndex, phrase: str, limit: int = LIMIT) -> SearchResult:
    """Every indexed paragraph holding ``phrase`` (its words in order; case,
    punctuation, typography and diacritics aside)."""
    words = tokens(phrase)
    if not words:
        raise InputError("nothing to search for: the phrase holds no word")
    found = index.phrase(words)
    # The index lists them newest first, then in reading order; a stable sort keeps
    # that order across the index's batches.
    found.sort(key=lambda hit: hit.date or "", reverse=True)
    years = Counter(hit.date[:4] for hit in found)
    dated = [hit for hit in found if hit.date] or found
    first = min(dated, key=lambda hit: (hit.date, hit.symbol, hit.label)) if dated else None
    return SearchResult(
        phrase=phrase,
        corpus=index.info(),
        hits=tuple(_hit(hit) for hit in found[:limit]),
        total=len(found),
        documents=len({(hit.symbol, hit.date, hit.language) for hit in found}),
        by_year=tuple(sorted(years.items())),
        first=None if first is None else _hit(first),
    )
