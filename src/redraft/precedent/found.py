"""What the index answers: what it holds, the wordings close to a paragraph, where a
wording occurs, and where a phrase was used.

Frozen dataclasses like :mod:`redraft.precedent.model`'s (which re-exports them),
apart so that a phrase search (``redraft precedent search``) defines only the classes
it uses: a frozen dataclass costs about a millisecond to create at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CorpusInfo:
    documents: int = 0
    paragraphs: int = 0
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A distinct indexed wording close to a query: the index's answer to a lookup."""

    text_id: int
    words: tuple[str, ...]
    hits: int  # shared sketch values (the prefilter's score)


@dataclass(frozen=True)
class SourceParagraph:
    """Where an indexed wording occurs: one paragraph of one document."""

    text_id: int
    symbol: str
    label: str
    date: str
    organ: str
    language: str
    text: str
    identity: str = ""


@dataclass(frozen=True)
class SearchHit:
    symbol: str
    label: str
    date: str
    organ: str
    language: str
    text: str


@dataclass(frozen=True)
class SearchResult:
    """Where a phrase was used, newest first (schema ``redraft.precedent-search/1``)."""

    phrase: str
    corpus: CorpusInfo
    hits: tuple[SearchHit, ...]  # newest first, cut at the caller's limit
    total: int  # every paragraph found, before the limit
    documents: int  # distinct documents found
    by_year: tuple[tuple[str, int], ...]  # ("2024", paragraphs), oldest first; "" = undated
    first: SearchHit | None  # the oldest use found
