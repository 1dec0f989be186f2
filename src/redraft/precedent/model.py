"""The objects of agreed-language tracing: what the index holds, what a query returns.

Frozen dataclasses, no behaviour beyond small derived figures: the index fills
:class:`IndexedDocument`, :func:`redraft.precedent.trace` returns a
:class:`PrecedentResult`, :func:`redraft.precedent.search` a :class:`SearchResult`;
renderers read them and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .found import Candidate as Candidate
from .found import CorpusInfo as CorpusInfo
from .found import SearchHit as SearchHit
from .found import SearchResult as SearchResult
from .found import SourceParagraph as SourceParagraph

#: The classes of a paragraph, in the order summaries list them.
CLASSES = ("verbatim", "adapted", "new", "boilerplate")


@dataclass(frozen=True)
class IndexedParagraph:
    """One paragraph of an adopted text, ready for the index."""

    label: str
    kind: str
    text: str  # as the document prints it (footnote markers included)
    words: tuple[str, ...]  # normalize.tokens(text)


@dataclass(frozen=True)
class IndexedDocument:
    """An adopted text as the index keeps it. ``identity`` names where it came from (a
    resolved path, ``store:NAME@REV``); ``content_hash`` changes when its bytes do."""

    identity: str
    content_hash: str
    symbol: str
    date: str  # ISO, or "" when unknown
    organ: str
    language: str
    title: str
    paragraphs: tuple[IndexedParagraph, ...]


@dataclass(frozen=True)
class Source:
    """A source of a draft paragraph: an adopted paragraph and how close it is."""

    symbol: str
    label: str
    date: str
    similarity: float
    text: str
    organ: str = ""
    language: str = ""


@dataclass(frozen=True)
class ParagraphPrecedent:
    """One draft paragraph, its class and its sources (best first)."""

    label: str
    kind: str
    text: str
    cls: str  # one of CLASSES
    words: int  # counted as redraft stats counts them
    sources: tuple[Source, ...] = ()
    #: word redline from the first source (old) to the draft (new); adapted only
    segments: tuple[tuple[str, str], ...] = ()
    matches: int = 0  # indexed paragraphs at or above the adapted threshold
    #: for a new paragraph, the closest wording found below the threshold (if any)
    nearest: Source | None = None
    boilerplate: str = ""  # which formula, for a boilerplate paragraph


@dataclass(frozen=True)
class PrecedentSummary:
    verbatim: int
    adapted: int
    new: int
    boilerplate: int
    words: dict[str, int]  # words per class
    total_words: int  # equals `redraft stats` words of the draft

    @property
    def evidence_paragraphs(self) -> int:
        """Paragraphs that count for the share: all but boilerplate."""
        return self.verbatim + self.adapted + self.new

    @property
    def agreed_share_paragraphs(self) -> float:
        total = self.evidence_paragraphs
        return round((self.verbatim + self.adapted) / total, 3) if total else 0.0

    @property
    def agreed_share_words(self) -> float:
        agreed = self.words.get("verbatim", 0) + self.words.get("adapted", 0)
        total = agreed + self.words.get("new", 0)
        return round(agreed / total, 3) if total else 0.0


@dataclass(frozen=True)
class PrecedentResult:
    """What ``redraft precedent DRAFT`` says (schema ``redraft.precedent/1``)."""

    source: str
    symbol: str
    language: str
    corpus: CorpusInfo
    paragraphs: tuple[ParagraphPrecedent, ...]
    summary: PrecedentSummary
    threshold: float
    title: str = ""


@dataclass(frozen=True)
class UpdateReport:
    """What an index update did (schema ``redraft.precedent-index/1``)."""

    index: str
    added: tuple[str, ...] = ()  # identities
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: int = 0
    skipped: tuple[tuple[str, str], ...] = ()  # (identity, reason): could not be read
    corpus: CorpusInfo = field(default_factory=CorpusInfo)
    size_bytes: int = 0
    seconds: float = 0.0
