"""Length statistics of drafts: how long, how many paragraphs, how it grew.

Words are counted by the rule of :mod:`redraft.words` (docs/stats.md), which follows
Microsoft Word, the tool secretariats use to enforce word limits.

Every function here is pure: drafts in, frozen results out. One result type,
:class:`DraftStats`, feeds the table, JSON and CSV renderers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Draft, Kind
from ..words import count_characters, count_text_words, count_words, paragraph_words

if TYPE_CHECKING:
    from .hints import Hint

#: Words per printed UN page, for the page estimate (GA resolution 52/214 counts
#: pages; a page of a UN document holds about 530 words).
WORDS_PER_PAGE = 530


@dataclass(frozen=True)
class ParagraphStats:
    """One row of the per-paragraph table (a block's own text, children apart)."""

    label: str
    kind: str
    words: int
    characters: int
    footnote_words: int
    total_words: int  # with its sub-paragraphs: the printed paragraph as a reader sees it


@dataclass(frozen=True)
class AgreedShare:
    """How much of a draft is agreed language (``redraft precedent``, docs/precedent.md).

    measure does not trace drafts: the resolving layer traces them against the
    precedent index (:func:`redraft.resolve.stats.stats_report`) and hands the figures
    here, so that every format of ``redraft stats`` shows them."""

    words: float  # words of verbatim and adapted paragraphs / words of all but boilerplate
    paragraphs: float  # the same, by paragraph (0..1, three decimals, as precedent's JSON)
    new: int  # paragraphs of new language


@dataclass(frozen=True)
class DraftStats:
    """Everything ``redraft stats`` says about one draft."""

    name: str
    words: int
    characters: int
    characters_no_spaces: int
    preambular: int
    operative: int
    subparagraphs: int
    footnotes: int
    footnote_words: int
    words_per_page: int
    longest: tuple[tuple[str, int], ...]  # (label, words with sub-paragraphs), longest first
    paragraphs: tuple[ParagraphStats, ...]
    symbol: str = ""
    language: str = ""
    agreed: AgreedShare | None = None  # with a precedent index only

    @property
    def pages(self) -> float:
        return round(self.words / self.words_per_page, 1) if self.words_per_page else 0.0

    def to_json(self, paragraphs: bool = False) -> dict[str, Any]:
        """The ``redraft.stats/1`` entry of this draft (docs/json.md)."""
        out: dict[str, Any] = {
            "name": self.name,
            "words": self.words,
            "characters": self.characters,
            "characters_no_spaces": self.characters_no_spaces,
            "preambular": self.preambular,
            "operative": self.operative,
            "subparagraphs": self.subparagraphs,
            "footnotes": self.footnotes,
            "footnote_words": self.footnote_words,
            "pages": self.pages,
            "symbol": self.symbol,
            "language": self.language,
            "longest": [{"label": label, "words": words} for label, words in self.longest],
        }
        if self.agreed is not None:
            out["agreed_share_words"] = self.agreed.words
            out["agreed_share_paragraphs"] = self.agreed.paragraphs
            out["new_paragraphs"] = self.agreed.new
        if paragraphs:
            out["paragraphs"] = [
                {
                    "label": p.label,
                    "kind": p.kind,
                    "words": p.words,
                    "characters": p.characters,
                    "footnote_words": p.footnote_words,
                    "total_words": p.total_words,
                }
                for p in self.paragraphs
            ]
        return out


def _paragraph_rows(draft: Draft) -> list[ParagraphStats]:
    rows = []
    for block in draft.walk():
        rows.append(
            ParagraphStats(
                label=block.label,
                kind=block.kind.value,
                words=count_text_words(block.text),
                characters=count_characters(block.text)[0],
                footnote_words=sum(count_text_words(fn.text) for fn in block.footnotes),
                total_words=paragraph_words(block),
            )
        )
    return rows


#: Kinds whose length a delegation negotiates (headings and titles are not "paragraphs").
_BODY_KINDS = frozenset({Kind.PREAMBULAR, Kind.OPERATIVE, Kind.TEXT, Kind.TABLE})


def draft_stats(
    draft: Draft, name: str = "", words_per_page: int = WORDS_PER_PAGE, longest: int = 3
) -> DraftStats:
    """The statistics of one draft."""
    rows = _paragraph_rows(draft)
    characters = no_spaces = 0
    for block in draft.walk():
        with_spaces, without = count_characters(block.text)
        characters += with_spaces
        no_spaces += without
    top = [(b.label, paragraph_words(b)) for b in draft.blocks if b.kind in _BODY_KINDS]
    top.sort(key=lambda item: -item[1])  # stable: ties keep reading order
    footnotes = draft.footnotes()
    return DraftStats(
        name=name,
        words=sum(row.words for row in rows),
        characters=characters,
        characters_no_spaces=no_spaces,
        preambular=len(draft.preambular()),
        operative=len(draft.operative()),
        subparagraphs=sum(1 for b in draft.blocks for sub in b.walk() if sub is not b),
        footnotes=len(footnotes),
        footnote_words=sum(count_text_words(fn.text) for fn in footnotes),
        words_per_page=words_per_page,
        longest=tuple(top[:longest]),
        paragraphs=tuple(rows),
        symbol=draft.meta.symbol,
        language=draft.meta.language,
    )


# -- growth over the versions of one draft -----------------------------------


@dataclass(frozen=True)
class VersionStats:
    """Words of one saved version and its growth since the first."""

    number: int
    date: str
    by: str
    words: int
    preambular: int
    operative: int
    growth: float | None  # percent against the first version; None when that had no words

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.number,
            "date": self.date,
            "by": self.by,
            "words": self.words,
            "preambular": self.preambular,
            "operative": self.operative,
            "growth": self.growth,
        }


def growth_percent(base_words: int, words: int) -> float | None:
    """Growth of ``words`` over ``base_words`` in percent, one decimal."""
    if base_words <= 0:
        return None
    return round((words - base_words) * 100.0 / base_words, 1)


def version_stats(history: Iterable[tuple[Any, Draft]]) -> list[VersionStats]:
    """Per-version words from ``Store.history(name)`` (oldest first).

    ``Version`` objects are read by attribute (``number``, ``date``, ``by``) so that
    this module does not import the store."""
    out: list[VersionStats] = []
    first: int | None = None
    for position, (version, draft) in enumerate(history, start=1):
        words = count_words(draft)
        first = words if first is None else first
        out.append(
            VersionStats(
                number=int(getattr(version, "number", position) or position),
                date=str(getattr(version, "date", "") or "")[:19],
                by=str(getattr(version, "by", "") or ""),
                words=words,
                preambular=len(draft.preambular()),
                operative=len(draft.operative()),
                growth=growth_percent(first, words),
            )
        )
    return out


# -- the report behind ``redraft stats`` --------------------------------------


@dataclass(frozen=True)
class StatsReport:
    """What ``redraft stats`` prints, whatever the format."""

    drafts: tuple[DraftStats, ...]
    hints: tuple[Hint, ...] = ()
    versions: tuple[VersionStats, ...] = ()
    versions_of: str = ""  # the draft of ``--by-version``
    warnings: tuple[str, ...] = ()
    precedent_index: str = ""  # the index the drafts' agreed-language shares come from

    @property
    def with_agreed(self) -> bool:
        """Whether the drafts carry their agreed-language share (a precedent index)."""
        return any(d.agreed is not None for d in self.drafts)

    def to_json(self, paragraphs: bool = False) -> dict[str, Any]:
        """Schema ``redraft.stats/1`` (docs/json.md)."""
        out: dict[str, Any] = {
            "schema": "redraft.stats/1",
            "drafts": [d.to_json(paragraphs) for d in self.drafts],
        }
        if self.precedent_index:
            out["precedent_index"] = self.precedent_index
        if self.hints:
            out["hints"] = [h.to_json() for h in self.hints]
        if self.versions_of:
            out["versions_of"] = self.versions_of
            out["versions"] = [v.to_json() for v in self.versions]
        return out
