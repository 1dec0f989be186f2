"""Tracing a draft to the adopted texts it reuses: every paragraph's class and sources.

* **verbatim**: the same words as an indexed paragraph (typography, footnote markers,
  punctuation and the first word's case apart: :mod:`redraft.precedent.normalize`);
* **adapted**: similarity at least :data:`ADAPTED_THRESHOLD` to an indexed paragraph;
* **new**: nothing that close;
* **boilerplate**: a formula every resolution carries (:mod:`.boilerplate`): shown as
  such, never looked up, never counted as evidence.

Similarity is the share of words two paragraphs have in common, in order: 2 x words
kept / (words of one + words of the other), from a word-level diff; the same measure
``redraft diff`` reports. Chinese compares characters.

Why 0.7 (benchmarks/precedent_bench.py measures all three figures again):

* for each of the 17,676 paragraphs of the 79th session's English resolutions
  (boilerplate apart), the best similarity to any paragraph of the 78th session is
  bimodal: 5,822 are verbatim, most others score below 0.5, and the trough between the
  two modes lies at 0.70-0.75 (145 paragraphs in that bucket of 0.05, against 2,279
  at 0.25-0.30 and 973 at 0.95-1.0);
* forty new paragraphs written for the benchmark, in the style of the General
  Assembly but on subjects it never addressed, score at most 0.53 against both
  sessions;
* paragraphs of eight words or more with one or two words substituted, inserted or
  deleted keep a similarity of at least 0.8 (200 random edits: lowest 0.818, 5th
  percentile 0.933).

At 0.7 a paragraph keeps at least seven words in ten of its source, in order.

Sources are ranked by similarity, then most recent first (by date; undated last),
then by symbol.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Draft, Paragraph
from ..words import count_text_words
from .boilerplate import boilerplate
from .index import Lookup, PrecedentIndex
from .model import (
    CLASSES,
    ParagraphPrecedent,
    PrecedentResult,
    PrecedentSummary,
    Source,
    SourceParagraph,
)
from .normalize import clean, is_cjk, tokens

#: The least similarity for "adapted" (see above).
ADAPTED_THRESHOLD = 0.7
#: Candidates the index proposes per paragraph, scored exactly.
CANDIDATES = 30
#: Sources kept per paragraph.
MAX_SOURCES = 5


class _Query:
    """A paragraph's words as bit masks, so that the words it keeps in common with any
    other paragraph, in order (the longest common subsequence), take a few integer
    operations per word of the other (the bit-parallel algorithm of Allison and Dix,
    1986, as Hyyro wrote it, 2004). That is what a minimal word diff keeps, exactly
    (tests/test_precedent_text.py compares it with diff-match-patch), ten times faster
    than running the diff."""

    def __init__(self, words: Sequence[str]) -> None:
        masks: dict[str, int] = {}
        for position, word in enumerate(words):
            masks[word] = masks.get(word, 0) | 1 << position
        self.masks = masks
        self.length = len(words)
        self.full = (1 << len(words)) - 1

    def kept(self, other: Sequence[str]) -> int:
        """Words in common, in order, with ``other``."""
        row, get = self.full, self.masks.get
        for word in other:
            matched = row & get(word, 0)
            row = (row + matched) | (row - matched)
        return self.length - (row & self.full).bit_count()


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of tokens in common, in order: 2 x kept / (len(a) + len(b)); 1.0 for
    two empty sequences."""
    if not a and not b:
        return 1.0
    return 2 * _Query(a).kept(b) / (len(a) + len(b))


def _bound(a: int, b: int) -> float:
    """The best similarity two texts of these lengths can reach."""
    return 2 * min(a, b) / (a + b) if a + b else 1.0


def rank(found: Sequence[tuple[float, SourceParagraph]]) -> list[tuple[float, SourceParagraph]]:
    """Best first: similarity, then most recent (undated last), then symbol and label."""
    ordered = sorted(found, key=lambda item: (item[1].symbol, item[1].label))
    ordered.sort(key=lambda item: item[1].date or "", reverse=True)
    ordered.sort(key=lambda item: item[0], reverse=True)
    return ordered


#: Below this, a wording is not worth naming even as the nearest to a new paragraph.
NEAREST_FLOOR = 0.3


def _score(words: Sequence[str], lookup: Lookup, threshold: float) -> list[tuple[int, float]]:
    """(wording id, similarity) of every candidate at or above the threshold, plus the
    best one below it (the "nearest" of a new paragraph), best first."""
    scored = [(lookup.exact, 1.0)] if lookup.exact is not None else []
    best_below: tuple[int, float] = (-1, NEAREST_FLOOR)
    query = _Query(words)
    for candidate in lookup.candidates:
        total = len(words) + len(candidate.words)
        if _bound(len(words), len(candidate.words)) < min(threshold, best_below[1]):
            continue
        # 1.0 is for the same words only (an exact match above): a long paragraph
        # with one word changed must not round to it
        value = min(round(2 * query.kept(candidate.words) / total, 3), 0.999)
        if value >= threshold:
            scored.append((candidate.text_id, value))
        elif value > best_below[1]:
            best_below = (candidate.text_id, value)
    scored.sort(key=lambda item: -item[1])
    if not scored and best_below[0] >= 0:
        scored.append(best_below)
    return scored


def _source(similarity_: float, found: SourceParagraph) -> Source:
    return Source(
        symbol=found.symbol,
        label=found.label,
        date=found.date,
        similarity=similarity_,
        text=found.text,
        organ=found.organ,
        language=found.language,
    )


def redline(source: str, draft: str) -> tuple[tuple[str, str], ...]:
    """Word redline from an adopted paragraph (old) to the draft's (new), typography
    and footnote markers apart; character by character for Chinese."""
    from ..diff.inline import diff_chars, diff_words  # only adapted paragraphs need it

    old, new = clean(source), clean(draft)
    diff = diff_chars if is_cjk(old + new) else diff_words
    return tuple(diff(old, new))


def trace(
    draft: Draft,
    index: PrecedentIndex,
    source: str = "",
    symbol: str = "",
    threshold: float = ADAPTED_THRESHOLD,
    max_sources: int = MAX_SOURCES,
    exclude_symbol: str = "",
) -> PrecedentResult:
    """Every paragraph of ``draft`` (each block and sub-paragraph, footnotes apart:
    the units ``redraft stats`` counts) with its class and sources in ``index``.
    Paragraphs of documents with the symbol ``exclude_symbol`` are not sources (an
    adopted text traced against an index that holds it)."""
    blocks = list(draft.walk())
    formulae = [boilerplate(block.text, block.kind) for block in blocks]
    words = [tokens(block.text) for block in blocks]
    asked = [i for i, block in enumerate(blocks) if not formulae[i] and words[i]]
    lookups = index.lookup([words[i] for i in asked], CANDIDATES)
    scored = {
        i: _score(words[i], lookup, threshold) for i, lookup in zip(asked, lookups, strict=True)
    }
    wanted = {text_id for found in scored.values() for text_id, _ in found}
    places = index.occurrences(wanted)
    if exclude_symbol:
        places = {
            text_id: [p for p in found if p.symbol != exclude_symbol]
            for text_id, found in places.items()
        }
    paragraphs = []
    for i, block in enumerate(blocks):
        if formulae[i] or not words[i]:
            paragraphs.append(_unlooked(block, formulae[i]))
        else:
            paragraphs.append(_traced(block, scored[i], places, threshold, max_sources))
    return PrecedentResult(
        source=source,
        symbol=symbol or draft.meta.symbol,
        language=draft.meta.language,
        corpus=index.info(),
        paragraphs=tuple(paragraphs),
        summary=summarize(paragraphs),
        threshold=threshold,
        title=draft.title,
    )


def _unlooked(block: Paragraph, formula: str) -> ParagraphPrecedent:
    """A boilerplate paragraph, or one with no word to look up (a new one)."""
    return ParagraphPrecedent(
        label=block.label,
        kind=block.kind.value,
        text=block.text,
        cls="boilerplate" if formula else "new",
        words=count_text_words(block.text),
        boilerplate=formula,
    )


def _traced(
    block: Paragraph,
    scored: list[tuple[int, float]],
    places: Mapping[int, list[SourceParagraph]],
    threshold: float,
    max_sources: int,
) -> ParagraphPrecedent:
    """A looked-up paragraph: verbatim, adapted or new, with its sources."""
    found = [(value, where) for text_id, value in scored for where in places.get(text_id, [])]
    ranked = rank(found)
    agreed = [(value, where) for value, where in ranked if value >= threshold]
    plain = ParagraphPrecedent(
        label=block.label,
        kind=block.kind.value,
        text=block.text,
        cls="new",
        words=count_text_words(block.text),
        segments=(("+", clean(block.text)),),
    )
    if not agreed:
        return replace(plain, nearest=_source(*ranked[0]) if ranked else None)
    sources = tuple(_source(value, where) for value, where in agreed[:max_sources])
    if sources[0].similarity >= 1.0:
        return replace(
            plain,
            cls="verbatim",
            sources=sources,
            segments=(("=", clean(block.text)),),
            matches=len(agreed),
        )
    return replace(
        plain,
        cls="adapted",
        sources=sources,
        segments=redline(sources[0].text, block.text),
        matches=len(agreed),
    )


def summarize(paragraphs: Sequence[ParagraphPrecedent]) -> PrecedentSummary:
    """Paragraphs and words per class; the words add up to ``redraft stats``' count."""
    counts = dict.fromkeys(CLASSES, 0)
    words = dict.fromkeys(CLASSES, 0)
    for paragraph in paragraphs:
        counts[paragraph.cls] += 1
        words[paragraph.cls] += paragraph.words
    return PrecedentSummary(
        verbatim=counts["verbatim"],
        adapted=counts["adapted"],
        new=counts["new"],
        boilerplate=counts["boilerplate"],
        words=words,
        total_words=sum(words.values()),
    )
