"""Shortening hints: what a delegation could cut, each with the words it would save.

Three kinds (docs/stats.md):

* ``repeated-phrase``: a long phrase said several times in one draft. GA draft
  resolution IV of the CCPCJ's 20th session repeats "including, as appropriate, drug
  trafficking and related offences provided for in the United Nations Convention
  against Transnational Organized Crime" about ten times; its own footnote 19 shows the
  remedy of defining a term once. Saving: keep the first occurrence and add
  ``(hereinafter "the offences")`` (3 words), then say the 2-word term at every other
  occurrence: ``(n - 1) * (length - 2) - 3`` words.
* ``boilerplate``: a paragraph found word for word in another draft checked in the
  same run (or said twice in one draft): standard wording, a candidate to cut where the
  other text already says it; saving: its words.
* ``recall-only``: preambular paragraphs that do nothing but recall or reaffirm
  earlier resolutions ("Recalling its resolution 65/232 of 21 December 2010,"): two
  or more can be listed in one paragraph; a single one can be cited in another
  paragraph that recalls. Saving: their words less about 4 per text cited (and 3
  for a merged paragraph's opening).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import FOOTNOTE_REF, Draft, Kind, Paragraph
from ..words import count_text_words

#: A phrase must be this long (in words) to be worth defining as a term.
MIN_PHRASE_WORDS = 8
#: ... and keep this many once trimmed of the little words at its ends.
MIN_TRIMMED_WORDS = 5
#: ... and be said at least this many times.
MIN_OCCURRENCES = 3
#: Words a defined term costs: the term itself at each use, and the definition once.
TERM_WORDS = 2
DEFINITION_WORDS = 3
#: A paragraph shorter than this is not worth a boilerplate hint.
MIN_BOILERPLATE_WORDS = 15


@dataclass(frozen=True)
class Hint:
    kind: str  # "repeated-phrase" | "boilerplate" | "recall-only"
    draft: str
    labels: tuple[str, ...]  # where it occurs
    text: str  # the phrase or paragraph
    saves: int  # words saved by the remedy
    advice: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "draft": self.draft,
            "labels": list(self.labels),
            "text": self.text,
            "saves": self.saves,
            "advice": self.advice,
        }


_FIXED = frozenset({Kind.DOC_HEADING, Kind.TITLE, Kind.FORMULA})
_EDGE_PUNCT = ",;:.()\"'“”‘’"


def _norm(token: str) -> str:
    return token.strip(_EDGE_PUNCT).lower()


def _units(draft: Draft) -> list[tuple[str, list[str]]]:
    """(label, tokens) of each block and footnote, footnote references removed."""
    out = []
    for unit in draft.units():
        if isinstance(unit, Paragraph) and unit.kind in _FIXED:
            continue  # the title and the formula cannot take a defined term
        out.append((unit.label, FOOTNOTE_REF.sub("", unit.text).split()))
    return out


def _maximal(
    units: list[tuple[str, list[str]]], starts: list[tuple[int, int]], length: int
) -> tuple[list[tuple[int, int]], int, int]:
    """Grow a repeated n-gram to the left and right while every occurrence agrees.

    Returns the new start positions and the new length."""

    def word(u: int, i: int) -> str | None:
        tokens = units[u][1]
        return _norm(tokens[i]) if 0 <= i < len(tokens) else None

    left = 0
    while True:
        before = {word(u, i - left - 1) for u, i in starts}
        if len(before) != 1 or None in before:
            break
        left += 1
    right = length
    while True:
        after = {word(u, i + right) for u, i in starts}
        if len(after) != 1 or None in after:
            break
        right += 1
    return [(u, i - left) for u, i in starts], left + right, left


def repeated_phrases(draft: Draft, name: str = "") -> list[Hint]:
    """Long phrases said at least :data:`MIN_OCCURRENCES` times, maximal and not overlapping."""
    units = _units(draft)
    grams: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    n = MIN_PHRASE_WORDS
    for u, (_, tokens) in enumerate(units):
        normed = [_norm(t) for t in tokens]
        for i in range(len(normed) - n + 1):
            grams[tuple(normed[i : i + n])].append((u, i))
    taken: set[tuple[int, int]] = set()
    found: list[Hint] = []
    candidates = [(key, starts) for key, starts in grams.items() if len(starts) >= MIN_OCCURRENCES]
    # Longest-saving phrases first; positions they cover are not reported twice.
    grown = [_maximal(units, starts, n) for _, starts in candidates]
    grown.sort(key=lambda g: (-len(g[0]) * g[1], g[0]))
    for starts, length, _ in grown:
        cover = {(u, i + k) for u, i in starts for k in range(length)}
        if cover & taken:
            continue
        taken |= cover
        u0, i0 = starts[0]
        phrase = _trimmed(units[u0][1][i0 : i0 + length])
        words = count_text_words(phrase)
        if words < MIN_TRIMMED_WORDS:
            continue
        saves = (len(starts) - 1) * (words - TERM_WORDS) - DEFINITION_WORDS
        if saves <= 0:
            continue
        labels = tuple(dict.fromkeys(units[u][0] for u, _ in starts))
        found.append(
            Hint(
                kind="repeated-phrase",
                draft=name,
                labels=labels,
                text=phrase,
                saves=saves,
                advice=(
                    f"said {len(starts)} times ({words} words each): define it once "
                    '(hereinafter "...") or in a footnote, then use a short term'
                ),
            )
        )
    return found


#: Words a repeated phrase neither starts nor ends with: "the Conference of the States
#: Parties to the" reads as "the Conference of the States Parties".
_LEADING = frozenset("and or to of in for on by with at as that which".split())
_TRAILING = _LEADING | frozenset("the a an its their".split())


def _trimmed(tokens: list[str]) -> str:
    start, end = 0, len(tokens)
    while start < end and _norm(tokens[start]) in _LEADING:
        start += 1
    while end > start and _norm(tokens[end - 1]) in _TRAILING:
        end -= 1
    return " ".join(tokens[start:end]).strip(",;: ")


_RECALL = re.compile(
    r"^(?:(?:also|further|once again|again)\s+)?"
    r"(?:recalling|reaffirming|recalling also|recalling further|reaffirming also|"
    r"bearing in mind|taking note of|noting)\b",
    re.IGNORECASE,
)
#: A reference to an earlier text: "resolution 65/232 of 21 December 2010", "decision 20/1".
_REFERENCE = re.compile(
    r"\b(?:resolutions?|decisions?)\s+[\dA-Z][\w/.()-]*(?:\s+[A-Z])?"
    r"(?:\s+of\s+\d{1,2}\s+\w+\s+\d{4})?",
)
_FILLER = re.compile(
    r"\b(?:its|all|and|the|also|further|relevant|previous|general assembly|"
    r"economic and social council|security council|commission|human rights council|"
    r"on|of|in|this|matter|subject|question|regard|including|as well as|"
    r"recalling|reaffirming|bearing in mind|taking note|noting|once again|again)\b",
    re.IGNORECASE,
)


def recall_only(paragraph: Paragraph) -> bool:
    """True for a preambular paragraph that only recalls earlier resolutions or decisions.

    Once the opener, the references and filler words are taken out, nothing of
    substance may remain (at most two words)."""
    if paragraph.kind is not Kind.PREAMBULAR or paragraph.children:
        return False
    text = FOOTNOTE_REF.sub("", paragraph.text)
    if not _RECALL.match(text) or not _REFERENCE.search(text):
        return False
    rest = _FILLER.sub(" ", _REFERENCE.sub(" ", text))
    rest = re.sub(r"\d{1,2}\s+\w+\s+\d{4}|[\d/]+|\b(?:and|,)\b", " ", rest)
    return count_text_words(rest) <= 2


def recall_hints(draft: Draft, name: str = "") -> list[Hint]:
    """Recall-only paragraphs: two or more can become one list; a single one can join
    another paragraph that recalls or reaffirms. Each cited text costs about 4 words in
    the merged list ("and 65/232 of 21 December 2010"), the merged opening 3."""
    preambular = draft.preambular()
    only = [p for p in preambular if recall_only(p)]
    if not only:
        return []
    references = sum(len(_REFERENCE.findall(p.text)) for p in only)
    words = sum(count_text_words(p.text) for p in only)
    if len(only) >= 2:
        saves = words - 3 - 4 * references
        advice = (
            f"{len(only)} preambular paragraphs only recall earlier texts: "
            'list them in one ("Recalling its resolutions ... and ...,")'
        )
    else:
        host = next((p for p in preambular if p is not only[0] and _RECALL.match(p.text)), None)
        if host is None:
            return []
        saves = words - 4 * references
        advice = f"it only recalls an earlier text: cite it in {host.label}, which also recalls"
    if saves <= 0:
        return []
    return [
        Hint(
            kind="recall-only",
            draft=name,
            labels=tuple(p.label for p in only),
            text=" | ".join(p.text for p in only),
            saves=saves,
            advice=advice,
        )
    ]


def boilerplate_hints(drafts: Sequence[tuple[str, Draft]]) -> list[Hint]:
    """Paragraphs said word for word more than once across the drafts checked together."""
    seen: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, draft in drafts:
        for block in draft.walk():
            if block.kind not in (Kind.PREAMBULAR, Kind.OPERATIVE, Kind.TEXT):
                continue
            key = " ".join(_norm(t) for t in FOOTNOTE_REF.sub("", block.text).split())
            if count_text_words(key) >= MIN_BOILERPLATE_WORDS:
                seen[key].append((name, block.label))
    hints = []
    for places in seen.values():
        if len(places) < 2:
            continue
        first_name, first_label = places[0]
        text = _block_text(drafts, first_name, first_label)
        words = count_text_words(text)
        for name, label in places[1:]:
            hints.append(
                Hint(
                    kind="boilerplate",
                    draft=name,
                    labels=(label,),
                    text=text,
                    saves=words,
                    advice=(
                        f"word for word as {first_name} {first_label}: boilerplate; "
                        "cut it where the other text already says it, or shorten both"
                    ),
                )
            )
    return hints


def _block_text(drafts: Sequence[tuple[str, Draft]], name: str, label: str) -> str:
    for draft_name, draft in drafts:
        if draft_name == name:
            unit = draft.find(label)
            if unit is not None:
                return unit.text
    return ""


def hints(drafts: Iterable[tuple[str, Draft]]) -> list[Hint]:
    """Every hint for these drafts, largest saving first within each draft."""
    pairs = list(drafts)
    out: list[Hint] = []
    for name, draft in pairs:
        out.extend(repeated_phrases(draft, name))
        out.extend(recall_hints(draft, name))
    out.extend(boilerplate_hints(pairs))
    order = {name: i for i, (name, _) in enumerate(pairs)}
    out.sort(key=lambda h: (order.get(h.draft, 0), -h.saves))
    return out
