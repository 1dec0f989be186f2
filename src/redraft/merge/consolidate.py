"""One draft out of two (``redraft merge-drafts A B``): the first step of a merger.

Both drafts are taken paragraph by paragraph, sub-paragraphs included, each part apart
(the front: heading, title, formula; the preamble; the operative part). Paragraphs are
paired as ``redraft overlap`` pairs them (:func:`.overlap.find_overlaps` on the two
drafts), then the paragraphs still alone with their closest counterpart (the same
words, or a similarity of at least ``NEAR``), each paragraph used once. Then:

* a pair in the same words: kept once;
* a pair in different words: one paragraph holding both wordings as bracketed
  alternatives named after their drafts, ``[draft-ii: ... / res-20-1: ...]``, the
  convention ``redraft merge`` writes and ``redraft status`` reads;
* a paragraph of one draft only: kept. The consolidation follows draft A's order; a
  paragraph of B only goes right after the paragraph that precedes it in B, else
  before the first paragraph both share, else at the end of its part (before A's
  closing paragraphs: the report request, the agenda item).

A pair stands at the level of the more deeply nested of its two paragraphs, so that a
paragraph of A that B holds as a sub-paragraph ends up where B has it (decision 20/1 (a)
is ECOSOC draft decision I (c) (ii) a.), with B's paragraphs around it. Everything is
renumbered; a provenance row says where each paragraph came from, and the word counts
(:mod:`redraft.words`) show what the merger saves against the two drafts separately.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Draft, Footnote, Kind, Meta, Paragraph
from ..words import count_text_words, count_words
from .overlap import find_overlaps, similarity, words_of
from .tree import Flat, rebuild

NEAR = 0.5  # below this two paragraphs are different paragraphs, not two wordings

_FRONT = (Kind.DOC_HEADING, Kind.TITLE, Kind.FORMULA)


@dataclass(frozen=True)
class Provenance:
    label: str  # in the consolidated draft
    a_label: str  # "" when the paragraph is B's only
    b_label: str  # "" when the paragraph is A's only
    how: str  # "identical" | "alternatives" | "A only" | "B only"


@dataclass(frozen=True)
class Consolidation:
    draft: Draft
    provenance: tuple[Provenance, ...]
    a_name: str
    b_name: str
    words_a: int
    words_b: int
    words_merged: int
    saved: int  # words of A and B taken separately, minus the consolidated draft
    saved_settled: int  # the same once every alternative is settled on A's wording


@dataclass(frozen=True)
class _Unit:
    """One paragraph of a draft without its sub-paragraphs, where it stands."""

    paragraph: Paragraph  # children removed, footnotes kept
    depth: int
    part: str  # "front" | "preamble" | "body"
    parent: int  # index of the unit it hangs under, -1 at the top
    words: tuple[str, ...]


def _units(draft: Draft) -> list[_Unit]:
    out: list[_Unit] = []
    stack: list[tuple[Paragraph, int, str, int]] = [
        (block, 0, _part(block), -1) for block in reversed(draft.blocks)
    ]
    while stack:  # depth first, in reading order, without recursion
        block, depth, part, parent = stack.pop()
        index = len(out)
        words = tuple(words_of(block.text))
        out.append(_Unit(replace(block, children=()), depth, part, parent, words))
        stack.extend((child, depth + 1, part, index) for child in reversed(block.children))
    return out


def _part(block: Paragraph) -> str:
    if block.kind in _FRONT:
        return "front"
    return "preamble" if block.kind is Kind.PREAMBULAR else "body"


def proponent(name: str) -> str:
    """``name`` as the proponent word of a bracketed alternative (``NAME: text``): no
    space, colon, bracket, slash or comma, which would end or split it."""
    word = re.sub(r"[\s:\[\]/,]+", "-", name.strip()).strip("-")
    return word[:100] or "draft"


def consolidate(a: tuple[str, Draft], b: tuple[str, Draft]) -> Consolidation:
    """Propose one draft out of ``a`` and ``b`` (each a name and a draft)."""
    (a_name, a_draft), (b_name, b_draft) = a, b
    names = (proponent(a_name), proponent(b_name))
    if names[0] == names[1]:
        names = (f"{names[0]}-A", f"{names[1]}-B")
    a_units, b_units = _units(a_draft), _units(b_draft)
    pairs = _pairs(a_draft, b_draft, a_units, b_units)
    placed = _Weave(a_units, b_units, pairs, names).run()
    draft = rebuild((Flat("", depth, unit) for depth, unit, _ in placed), _meta(a_draft, b_draft))
    rows = tuple(
        Provenance(paragraph.label, row.a_label, row.b_label, row.how)
        for paragraph, (_, _, row) in zip(draft.walk(), placed, strict=True)
    )
    words_a, words_b, merged = count_words(a_draft), count_words(b_draft), count_words(draft)
    extra = sum(row.extra_words for _, _, row in placed)
    saved = words_a + words_b - merged
    return Consolidation(
        draft, rows, a_name, b_name, words_a, words_b, merged, saved, saved + extra
    )


def _meta(a: Draft, b: Draft) -> Meta:
    sponsors = tuple(dict.fromkeys(a.meta.sponsors + b.meta.sponsors))
    return Meta(
        organ=a.meta.organ,
        language=a.meta.language,
        doc_type=a.meta.doc_type,
        sponsors=sponsors,
    )


# -- pairing ----------------------------------------------------------------------


def _pairs(
    a_draft: Draft, b_draft: Draft, a_units: list[_Unit], b_units: list[_Unit]
) -> dict[int, int]:
    """A index -> B index: first every pair ``redraft overlap A B`` reports within one
    part (a title is no operative paragraph), then the closest of the rest."""
    a_at = {unit.paragraph.label: i for i, unit in reversed(list(enumerate(a_units)))}
    b_at = {unit.paragraph.label: j for j, unit in reversed(list(enumerate(b_units)))}
    pairs: dict[int, int] = {}
    found = find_overlaps([("a", a_draft), ("b", b_draft)], min_similarity=NEAR)
    for pair in found.pairs:
        for shared in pair.shared:
            i, j = a_at.get(shared.a_label), b_at.get(shared.b_label)
            if i is None or j is None or i in pairs or j in pairs.values():
                continue
            if _comparable(a_units[i], b_units[j]):
                pairs[i] = j
    used = set(pairs.values())
    scored = []
    for i, mine in enumerate(a_units):
        if i in pairs:
            continue
        vocab = set(mine.words)
        for j, theirs in enumerate(b_units):
            if j in used or not _comparable(mine, theirs):
                continue
            score = _closeness(mine, theirs, vocab)
            if score >= NEAR:
                scored.append((score, i, j))
    for _, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _comparable(a: _Unit, b: _Unit) -> bool:
    if a.part != b.part:
        return False
    if a.part == "front":  # a heading with a heading, a title with a title
        return a.paragraph.kind is b.paragraph.kind
    return (a.paragraph.kind is Kind.TABLE) == (b.paragraph.kind is Kind.TABLE)


def _closeness(a: _Unit, b: _Unit, a_vocab: set[str]) -> float:
    if not a.words or not b.words:  # no words ("—", an empty cell): the same text or nothing
        return 1.0 if a.paragraph.text.strip() == b.paragraph.text.strip() else 0.0
    if a.words == b.words:
        return 1.0
    common = len(a_vocab & set(b.words))  # a cheap test first: most pairs share little
    if common < NEAR * min(len(a_vocab), len(set(b.words))):
        return 0.0
    return similarity(a.words, b.words)


# -- weaving ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    a_label: str
    b_label: str
    how: str
    extra_words: int = 0  # words the alternative adds until it is settled on A's wording


#: Paragraphs that close a resolution by custom: the request for a report, the item on
#: the agenda of a future session, "remains seized of the matter".
_CLOSING = re.compile(
    r"^(?:(?:Also |Further )?[Rr]equests the (?:Secretary-General|Executive Director)\b.*"
    r"\b(?:report|submit)|Decides (?:to include|to remain seized|to continue its consideration)"
    r"|Decides that the .* shall remain)"
)


def _is_closing(unit: _Unit) -> bool:
    return unit.depth == 0 and bool(_CLOSING.match(unit.paragraph.text))


class _Weave:
    """A's units in A's order, each pair once, B's own units after their predecessor in B."""

    def __init__(
        self,
        a_units: list[_Unit],
        b_units: list[_Unit],
        pairs: dict[int, int],
        names: tuple[str, str],
    ) -> None:
        self.a, self.b, self.pairs, self.names = a_units, b_units, pairs, names
        self.partner = {j: i for i, j in pairs.items()}
        # an entry of the output: ("a", i) for A's unit or a pair, ("b", j) for B's own
        self.order: list[tuple[str, int]] = [("a", i) for i in range(len(a_units))]
        self.depth_a = self._depths(a_units, {i: self._pair_depth(i, j) for i, j in pairs.items()})
        self.depth_b = self._depths(b_units, {j: self._pair_depth(i, j) for i, j in pairs.items()})

    def _pair_depth(self, i: int, j: int) -> int:
        return max(self.a[i].depth, self.b[j].depth)

    @staticmethod
    def _depths(units: list[_Unit], fixed: dict[int, int]) -> list[int]:
        """Each unit's level in the consolidation: a pair's level, or the unit's own
        moved by as much as the nearest paired unit it hangs under moved."""
        out: list[int] = []
        shift: list[int] = []
        for index, unit in enumerate(units):
            if index in fixed:
                out.append(fixed[index])
                shift.append(fixed[index] - unit.depth)
            else:
                moved = shift[unit.parent] if unit.parent >= 0 else 0
                out.append(unit.depth + moved)
                shift.append(moved)
        return out

    def run(self) -> list[tuple[int, Paragraph, _Row]]:
        for part in ("front", "preamble", "body"):
            self._place_part(part)
        return [self._entry(side, index) for side, index in self.order]

    def _place_part(self, part: str) -> None:
        if part == "front":
            return  # a draft has one heading, title and formula: A's, or a pair of them
        pending: list[int] = []  # B's own units before any pair of this part
        anchor: tuple[str, int] | None = None
        for j, unit in enumerate(self.b):
            if unit.part != part:
                continue
            if j in self.partner:
                if anchor is None and pending:
                    self._insert_before(("a", self.partner[j]), pending)
                    pending = []
                anchor = ("a", self.partner[j])
            elif anchor is None:
                pending.append(j)
            else:
                anchor = self._insert_after(anchor, j)
        if pending:
            self._insert_at_end(part, pending)

    def _insert_before(self, entry: tuple[str, int], js: list[int]) -> None:
        at = self.order.index(entry)
        self.order[at:at] = [("b", j) for j in js]

    def _insert_after(self, anchor: tuple[str, int], j: int) -> tuple[str, int]:
        """Put B's unit ``j`` after ``anchor``, past A's own units nested deeper than it
        (they stay under their parent); B's top-level paragraph that follows a closing
        paragraph of A goes before A's closing run, unless it closes a resolution too."""
        at = self.order.index(anchor) + 1
        level = self.depth_b[j]
        while at < len(self.order) and self._level(self.order[at]) > level:
            at += 1
        if level == 0 and not _is_closing(self.b[j]):
            while at > 0 and self._closes(self.order[at - 1]) and self._in_tail(at):
                at -= 1
        self.order.insert(at, ("b", j))
        return ("b", j)

    def _insert_at_end(self, part: str, js: list[int]) -> None:
        """B's units of a part that shares nothing: after A's units of that part (before
        A's closing run), else where the part belongs among A's parts."""
        rank = {"front": 0, "preamble": 1, "body": 2}
        at = 0
        for k, entry in enumerate(self.order):
            if rank[self._unit(entry).part] <= rank[part]:
                at = k + 1
        while at > 0 and self._closes(self.order[at - 1]) and not _is_closing(self.b[js[0]]):
            at -= 1
        self.order[at:at] = [("b", j) for j in js]

    def _in_tail(self, at: int) -> bool:
        """Only closing paragraphs of A (and their sub-paragraphs) follow position ``at``."""
        return all(
            self._closes(entry) or self._level(entry) > 0 or entry[0] == "b"
            for entry in self.order[at:]
        )

    def _closes(self, entry: tuple[str, int]) -> bool:
        return entry[0] == "a" and _is_closing(self.a[entry[1]])

    def _unit(self, entry: tuple[str, int]) -> _Unit:
        return self.a[entry[1]] if entry[0] == "a" else self.b[entry[1]]

    def _level(self, entry: tuple[str, int]) -> int:
        return self.depth_a[entry[1]] if entry[0] == "a" else self.depth_b[entry[1]]

    def _entry(self, side: str, index: int) -> tuple[int, Paragraph, _Row]:
        if side == "b":
            unit = self.b[index]
            return self.depth_b[index], unit.paragraph, _Row("", unit.paragraph.label, "B only")
        mine = self.a[index]
        if index not in self.pairs:
            return self.depth_a[index], mine.paragraph, _Row(mine.paragraph.label, "", "A only")
        theirs = self.b[self.pairs[index]]
        return self.depth_a[index], *_combined(mine, theirs, self.names)


def _combined(a: _Unit, b: _Unit, names: tuple[str, str]) -> tuple[Paragraph, _Row]:
    """One paragraph for a pair: in the numbering of the more nested of the two (so that
    it reads like its neighbours), with the footnotes of both."""
    frame = b.paragraph if b.depth > a.depth else a.paragraph
    extra = tuple(note for note in b.paragraph.footnotes if note not in a.paragraph.footnotes)
    footnotes: tuple[Footnote, ...] = a.paragraph.footnotes + extra
    labels = (a.paragraph.label, b.paragraph.label)
    if a.words == b.words and (a.words or a.paragraph.text.strip() == b.paragraph.text.strip()):
        same = replace(frame, text=a.paragraph.text, opening=a.paragraph.opening)
        return replace(same, footnotes=footnotes), _Row(*labels, "identical")
    text = f"[{names[0]}: {a.paragraph.text} / {names[1]}: {b.paragraph.text}]"
    block = replace(frame, text=text, opening="", footnotes=footnotes)
    extra_words = count_text_words(text) - count_text_words(a.paragraph.text)
    return block, _Row(*labels, "alternatives", extra_words)


def pair_labels(result: Consolidation) -> list[tuple[str, str]]:
    """(A label, B label) of every pair the consolidation made, in its order."""
    return [(r.a_label, r.b_label) for r in result.provenance if r.a_label and r.b_label]


__all__: Sequence[str] = ["Consolidation", "Provenance", "consolidate", "pair_labels", "proponent"]
