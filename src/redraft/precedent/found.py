"""What the index answers: what it holds, the wordings close to a paragraph, where a
wording occurs, and where a phrase was used.

Apart from :mod:`redraft.precedent.model` (which re-exports them) so that a phrase
search (``redraft precedent search``) defines only the classes it uses: a frozen
dataclass costs about a millisecond to define at start-up. The rows the index returns
by the thousand (:class:`Candidate`, :class:`SourceParagraph`) are named tuples,
immutable too and several times cheaper to define and to make; the results are frozen
dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class CorpusInfo:
    documents: int = 0
    paragraphs: int = 0
    languages: tuple[str, ...] = ()


class Candidate(NamedTuple):
    """A distinct indexed wording close to a query: the index's answer to a lookup."""

    text_id: int
    words: tuple[str, ...]
    hits: int  # shared sketch values (the prefilter's score)


class SourceParagraph(NamedTuple):
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
