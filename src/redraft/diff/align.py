"""Which paragraph became which: pairing the units of two drafts by identity.

Units (blocks, sub-paragraphs, headings, footnotes: ``draft.units()``) are paired
in passes, each only looking at what the previous ones left unpaired, and only
within a family (:func:`redraft.diff.units.family`):

1. **Exact anchors** (patience diff): units whose text is identical and unique in
   both drafts, kept in order by a longest increasing subsequence, then the same
   recursively inside each gap, and a plain LCS for gaps with no unique text left
   (repeated boilerplate). Text is compared without numbers, and footnote
   references count as "a reference here" whatever their number, so an
   insertion that renumbers twenty paragraphs leaves twenty equal pairs.
2. **Exact moves**: identical text out of order, only for text unique in both
   drafts and at least ``MOVE_MIN_WORDS`` long (boilerplate never "moves"), a
   footnote (a unique citation that went with the paragraph citing it) or a heading
   (a section that moved); a bare part number ("XIV") only with its part (pass 3).
3. **Similar pairs in place**: inside each gap between anchors, the monotonic
   pairing with the greatest total similarity among pairs above ``PAIR_MIN``;
   below it, a paragraph is deleted + inserted, not "modified at 10%". Then the
   document heading, title and formula by kind, part numbers left in a gap in
   order, and the footnotes of paired paragraphs in order.
4. **Moved and edited**: similar text (``MOVE_MIN``) anywhere, long enough.
5. **Split** and **merged**: one unit whose text is better explained by two to
   four neighbouring units of the other side (OP5 -> OP5 + OP5bis, or OP5 -> OP5,
   OP5(a), OP5(b)).

Every pass but 2 and 4 keeps pairs in reading order on both sides.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Footnote, Kind, Paragraph
from .candidates import best_in_order, candidate_pairs, lcs_pairs, longest_increasing
from .units import (
    SINGLETON_KINDS,
    Bags,
    Unit,
    citing_blocks,
    common_words,
    family,
    pair_score,
    score_ceiling,
    similarity,
    sized_score,
    unit_key,
    words,
)

__all__ = ["Group", "Unit", "align", "family", "pair_score", "similarity", "unit_key", "words"]

#: A heading that is only a part number: "XIV", "B", "Part II", "Chapter 3".
PART_NUMBER = re.compile(r"(?:(?:Part|Chapter|Section)\s+)?(?:[IVXLC]+|[A-Z]|\d+)\.?")


def _is_part_number(unit: Unit) -> bool:
    return (
        isinstance(unit, Paragraph)
        and unit.kind is Kind.HEADING
        and PART_NUMBER.fullmatch(unit.text.strip()) is not None
    )


PAIR_MIN = 0.35  # similarity to pair two units inside one gap
PAIR_MIN_ALONE = 0.25  # ... when each is the only unpaired unit of its gap
MOVE_MIN = 0.6  # similarity to pair units out of order (moved and edited)
MOVE_MIN_WORDS = 6  # shorter units never count as moved (footnotes excepted)
SPLIT_GAIN = 0.1  # a split/merge must beat the plain pair by this much
SPLIT_MIN = 0.5  # and reach this similarity
SPLIT_LOST_WORDS = 2  # words a pair must lose before its neighbours can carry them
SPLIT_CONTAINED = 0.5  # share of an added unit's words found in the unit it comes from
MAX_GROUP = 4  # units on the wider side of a split/merge
LCS_CELLS = 250_000  # larger gaps without unique text: greedy instead of an LCS table
DENSE_CELLS = 10_000  # larger gaps: only pairs sharing a rare word are scored
WINDOW_RANGE = 12  # an unpaired unit seeks split/merge partners in gaps this small only


@dataclass(frozen=True)
class Group:
    """Indices of old and new units that correspond (one side empty: deleted/inserted)."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    in_order: bool = True  # False: the pair is out of reading order (moved)


class _Aligner:
    def __init__(self, old: Sequence[Unit], new: Sequence[Unit]) -> None:
        self.old, self.new = old, new
        self.old_keys = [unit_key(u) for u in old]
        self.new_keys = [unit_key(u) for u in new]
        self.old_words = Bags(old)
        self.new_words = Bags(new)
        self.old_fam = [family(u) for u in old]
        self.new_fam = [family(u) for u in new]
        self.pair: dict[int, int] = {}  # old index -> new index, in order
        self.moves: dict[int, int] = {}  # old index -> new index, out of order
        self.groups: list[Group] = []  # splits and merges
        self.scores: dict[tuple[int, int], float] = {}  # pair_score, computed once
        self._parents: tuple[list[int], list[int]] | None = None

    # -- pass 1: exact anchors ---------------------------------------------
    def anchor(self) -> None:
        stack = [(0, len(self.old), 0, len(self.new))]
        while stack:
            lo, hi, nlo, nhi = stack.pop()
            while lo < hi and nlo < nhi and self.old_keys[lo] == self.new_keys[nlo]:
                self.pair[lo] = nlo
                lo, nlo = lo + 1, nlo + 1
            while lo < hi and nlo < nhi and self.old_keys[hi - 1] == self.new_keys[nhi - 1]:
                self.pair[hi - 1] = nhi - 1
                hi, nhi = hi - 1, nhi - 1
            if lo == hi or nlo == nhi:
                continue
            anchors = self._unique_lis(lo, hi, nlo, nhi)
            if not anchors:
                self._lcs(lo, hi, nlo, nhi)
                continue
            prev_o, prev_n = lo, nlo
            for i, j in anchors:
                self.pair[i] = j
                stack.append((prev_o, i, prev_n, j))
                prev_o, prev_n = i + 1, j + 1
            stack.append((prev_o, hi, prev_n, nhi))

    def _unique_lis(self, lo: int, hi: int, nlo: int, nhi: int) -> list[tuple[int, int]]:
        """Pairs of text unique in both ranges, longest increasing subsequence."""
        old_count = Counter(self.old_keys[lo:hi])
        new_pos: dict[str, int] = {}
        new_count: Counter[str] = Counter()
        for j in range(nlo, nhi):
            key = self.new_keys[j]
            new_count[key] += 1
            new_pos[key] = j
        candidates = [
            (i, new_pos[key])
            for i in range(lo, hi)
            if old_count[(key := self.old_keys[i])] == 1 and new_count[key] == 1
        ]
        return longest_increasing(candidates)

    def _lcs(self, lo: int, hi: int, nlo: int, nhi: int) -> None:
        """Plain LCS on keys (repeated boilerplate); greedy when the table is too big."""
        a, b = self.old_keys[lo:hi], self.new_keys[nlo:nhi]
        if not set(a) & set(b):
            return
        if len(a) * len(b) > LCS_CELLS:
            j = 0
            for i, key in enumerate(a):
                try:
                    found = b.index(key, j)
                except ValueError:
                    continue
                self.pair[lo + i] = nlo + found
                j = found + 1
            return
        for i, j in lcs_pairs(a, b):
            self.pair[lo + i] = nlo + j

    # -- gaps ---------------------------------------------------------------
    def gaps(self) -> list[tuple[list[int], list[int]]]:
        """Unpaired old and new indices between consecutive in-order pairs (a pair or
        the first units of a split/merge), in order; only gaps with something in them."""
        anchors = sorted([*self.pair.items(), *((g.old[0], g.new[0]) for g in self.groups)])
        anchor_old = [i for i, _ in anchors]
        anchor_new = [j for _, j in anchors]
        taken_old = set(self.pair).union(self.moves, *(g.old for g in self.groups))
        taken_new = set(self.pair.values()).union(
            self.moves.values(), *(g.new for g in self.groups)
        )
        found: dict[int, tuple[list[int], list[int]]] = {}
        for i in set(range(len(self.old))).difference(taken_old):
            found.setdefault(bisect.bisect_left(anchor_old, i), ([], []))[0].append(i)
        for j in set(range(len(self.new))).difference(taken_new):
            found.setdefault(bisect.bisect_left(anchor_new, j), ([], []))[1].append(j)
        for olds, news in found.values():
            olds.sort()
            news.sort()
        return [found[key] for key in sorted(found)]

    # -- pass 2: exact moves ---------------------------------------------------
    def exact_moves(self) -> None:
        old_count, new_count = Counter(self.old_keys), Counter(self.new_keys)
        gaps = self.gaps()
        keys = self.new_keys
        free_new = {keys[j]: j for _, news in gaps for j in news if new_count[keys[j]] == 1}
        for olds, _ in gaps:
            for i in olds:
                key = self.old_keys[i]
                j = free_new.get(key)
                if j is not None and old_count[key] == 1 and self._may_move(i):
                    self.moves[i] = j

    def _may_move(self, i: int) -> bool:
        """Long enough to be called moved: a footnote unique in both is a citation that
        followed its paragraph, and a unique heading is a section that moved, however
        short; a bare part number ("XIV") is numbering and never moves."""
        unit = self.old[i]
        if self.old_fam[i] == "fn":
            return True
        if isinstance(unit, Paragraph) and unit.kind is Kind.HEADING:
            return not PART_NUMBER.fullmatch(unit.text.strip())  # numbering: see part_numbers
        return self.old_words.size(i) >= MOVE_MIN_WORDS

    def part_numbers(self) -> None:
        """Part numbers left unpaired ("XV" and "XIV" after a part was deleted) are the
        numbering of the parts around them: the same number printed in both drafts pairs
        with itself (in place when both stand in one gap; else the part changed place
        and its number went with it), then the numbers left in each gap pair in order
        (the old number became the new)."""
        gaps = self.gaps()
        gap_of_new = {j: g for g, (_, news) in enumerate(gaps) for j in news}
        free_old = [
            (g, i) for g, (olds, _) in enumerate(gaps) for i in olds if _is_part_number(self.old[i])
        ]
        free_new = [j for _, news in gaps for j in news if _is_part_number(self.new[j])]
        old_count = Counter(self.old[i].text.strip() for _, i in free_old)
        new_count = Counter(self.new[j].text.strip() for j in free_new)
        position = {self.new[j].text.strip(): j for j in free_new}
        for g, i in free_old:
            text = self.old[i].text.strip()
            if old_count[text] == 1 and new_count[text] == 1:
                j = position[text]
                (self.pair if gap_of_new[j] == g else self.moves)[i] = j
        for olds, news in self.gaps():
            old_parts = [i for i in olds if _is_part_number(self.old[i])]
            new_parts = [j for j in news if _is_part_number(self.new[j])]
            for i, j in zip(old_parts, new_parts, strict=False):
                self.pair[i] = j

    # -- pass 3: similar pairs inside gaps ---------------------------------------
    def similar_in_gaps(self) -> None:
        for olds, news in self.gaps():
            if not olds or not news:
                continue
            floor = PAIR_MIN_ALONE if len(olds) == len(news) == 1 else PAIR_MIN
            for i, j in self._best_monotonic(olds, news, floor):
                self.pair[i] = j

    def sim(self, i: int, j: int) -> float:
        if self.old_fam[i] != self.new_fam[j]:
            return 0.0
        score = self.scores.get((i, j))
        if score is None:
            old_words, new_words = self.old_words, self.new_words
            score = self.scores[i, j] = sized_score(
                old_words[i], new_words[j], old_words.size(i), new_words.size(j)
            )
        return score

    # -- footnotes of paired paragraphs ------------------------------------------------
    def footnotes_by_parent(self) -> None:
        """Unpaired footnotes of two paired paragraphs pair in order ("A/78/67" ->
        "A/79/68": every word differs, but it is the same footnote, updated)."""
        old_parent, new_parent = self.parents()
        for olds, news in self.gaps():
            by_parent: dict[int, list[int]] = {}
            for j in news:
                if new_parent[j] >= 0:
                    by_parent.setdefault(new_parent[j], []).append(j)
            last = -1
            for i in olds:
                partner = self.pair.get(old_parent[i])
                waiting = by_parent.get(partner, []) if partner is not None else []
                if waiting and old_parent[i] >= 0 and waiting[0] > last:
                    last = self.pair[i] = waiting.pop(0)

    def singletons(self) -> None:
        """The document heading, title and enacting formula pair by kind when left
        unpaired inside one gap ("78/58." -> "79/67.": one heading, renumbered)."""
        for olds, news in self.gaps():
            last = -1
            for i in olds:
                before = self.old[i]
                if isinstance(before, Footnote) or before.kind not in SINGLETON_KINDS:
                    continue
                j = next(
                    (j for j in news if getattr(self.new[j], "kind", None) is before.kind), None
                )
                if j is None:
                    continue
                news.remove(j)
                if j > last:  # in order
                    self.pair[i] = j
                    last = j
                else:  # the title went after the formula: a move
                    self.moves[i] = j

    def _best_monotonic(
        self, olds: list[int], news: list[int], floor: float
    ) -> list[tuple[int, int]]:
        """Monotonic pairing maximising total similarity (pairs below ``floor`` excluded):
        a full table for the usual small gaps, scored candidates for large ones."""
        n, m = len(olds), len(news)
        if n * m > DENSE_CELLS:
            candidates = candidate_pairs(
                {i: self.old_words[i] for i in olds}, {j: self.new_words[j] for j in news}, floor
            )
            good = [(i, j) for i, j in candidates if self.sim(i, j) >= floor]
            return best_in_order(good, self.sim)
        score = [[0.0] * (m + 1) for _ in range(n + 1)]
        for a in range(n - 1, -1, -1):
            for b in range(m - 1, -1, -1):
                best = max(score[a + 1][b], score[a][b + 1])
                i, j = olds[a], news[b]
                s = self.sim(i, j) if self.may_reach(i, j, floor) else 0.0
                if s >= floor:
                    best = max(best, s + score[a + 1][b + 1])
                score[a][b] = best
        pairs = []
        a = b = 0
        while a < n and b < m:
            if score[a][b] == score[a + 1][b]:
                a += 1
            elif score[a][b] == score[a][b + 1]:
                b += 1
            else:
                pairs.append((olds[a], news[b]))
                a, b = a + 1, b + 1
        return pairs

    # -- pass 4: moved and edited ---------------------------------------------------
    def similar_moves(self) -> None:
        gaps = self.gaps()
        olds = [i for o, _ in gaps for i in o if self.old_words.size(i) >= MOVE_MIN_WORDS]
        news = [j for _, n in gaps for j in n if self.new_words.size(j) >= MOVE_MIN_WORDS]
        if not olds or not news:
            return
        size_old = {i: self.old_words.size(i) for i in olds}
        size_new = {j: self.new_words.size(j) for j in news}

        def may_match(i: int, j: int) -> bool:
            # Jaccard <= shorter / longer: skip pairs of very different lengths unscored
            small, large = sorted((size_old[i], size_new[j]))
            return small >= MOVE_MIN * large

        if len(olds) * len(news) > DENSE_CELLS:
            pairs: Iterable[tuple[int, int]] = candidate_pairs(
                {i: self.old_words[i] for i in olds},
                {j: self.new_words[j] for j in news},
                MOVE_MIN,
            )
        else:
            pairs = ((i, j) for i in olds for j in news)
        scored = sorted(
            (
                (s, i, j)
                for i, j in pairs
                if may_match(i, j)
                and self.may_reach(i, j, MOVE_MIN)
                and (s := self.sim(i, j)) >= MOVE_MIN
            ),
            reverse=True,
        )
        used_old: set[int] = set()
        used_new: set[int] = set()
        for _, i, j in scored:
            if i not in used_old and j not in used_new:
                self.moves[i] = j
                used_old.add(i)
                used_new.add(j)

    def may_reach(self, i: int, j: int, floor: float) -> bool:
        """Whether the pair can score ``floor``, by a bound cheaper than the score: most
        pairs a pass tries are far apart, and those need no counting."""
        if (i, j) in self.scores:
            return self.scores[i, j] >= floor
        old_words, new_words = self.old_words, self.new_words
        ceiling = score_ceiling(old_words[i], new_words[j], old_words.size(i), new_words.size(j))
        return ceiling >= floor

    # -- splits and merges ------------------------------------------------------
    def splits(self) -> None:
        self._groups(split=True)
        self._groups(split=False)

    def _groups(self, split: bool) -> None:
        """split: one old -> several new; else several old -> one new."""
        if split:
            ordered = sorted(self.pair.items())
            keys_mine, keys_other = self.old_keys, self.new_keys
        else:
            ordered = sorted((j, i) for i, j in self.pair.items())
            keys_mine, keys_other = self.new_keys, self.old_keys
        partner = dict(ordered)
        free = self._free_other(split)
        mine = [a for a, _ in ordered]
        size_other = len(self.new) if split else len(self.old)
        in_groups = {i for g in self.groups for i in (g.old if split else g.new)}
        for x in range(len(keys_mine)):
            current = partner.get(x)
            if x in in_groups or (current is not None and keys_mine[x] == keys_other[current]):
                continue
            base = self._pair_sim(x, current, split) if current is not None else 0.0
            if base >= 0.9:
                continue
            at = bisect.bisect_left(mine, x)
            lo = ordered[at - 1][1] + 1 if at > 0 else 0
            after = at + 1 if current is not None else at
            hi = ordered[after][1] if after < len(ordered) else size_other
            window = self._best_window(x, current, split, base, free, (lo, hi))
            if window is None:
                continue
            if current is not None:
                del self.pair[x if split else current]
            free.difference_update(window)
            olds, news = ((x,), window) if split else (window, (x,))
            self.groups.append(Group(tuple(olds), tuple(news)))

    def _pair_sim(self, x: int, y: int, split: bool) -> float:
        return self.sim(x, y) if split else self.sim(y, x)

    def _best_window(
        self,
        x: int,
        current: int | None,
        split: bool,
        base: float,
        free: set[int],
        bounds: tuple[int, int],
    ) -> tuple[int, ...] | None:
        """The best run of 2..MAX_GROUP other-side units explaining unit ``x``."""
        lo, hi = bounds
        mine = self.old_words[x] if split else self.new_words[x]
        fam = self.old_fam[x] if split else self.new_fam[x]
        other_words = self.new_words if split else self.old_words
        other_fam = self.new_fam if split else self.old_fam
        best, best_score = None, max(SPLIT_MIN, base + SPLIT_GAIN)
        leftover: Counter[str] = Counter()
        if current is not None:
            if current - 1 not in free and current + 1 not in free:
                return None  # no free neighbour: nothing to split into or merge from
            starts = range(max(lo, current - MAX_GROUP + 1), current + 1)
            leftover = mine - other_words[current]
        elif hi - lo <= WINDOW_RANGE:
            starts = range(lo, hi)
        else:
            return None
        for start in starts:
            bag: Counter[str] = Counter()
            for end in range(start, min(start + MAX_GROUP, hi)):
                usable = end in free or end == current
                if not usable or other_fam[end] != fam:
                    break
                bag += other_words[end]
                if end == start or (current is not None and not start <= current <= end):
                    continue
                window = tuple(range(start, end + 1))
                score = similarity(mine, bag)
                if current is not None:
                    carried = self._carried(mine, leftover, window, current, split)
                    if carried >= SPLIT_MIN:  # on its own scale: ranks above any bag score
                        score = max(score, base + SPLIT_GAIN + carried)
                if score > best_score:
                    best, best_score = window, score
        return best

    def _carried(
        self,
        mine: Counter[str],
        leftover: Counter[str],
        window: tuple[int, ...],
        current: int,
        split: bool,
    ) -> float:
        """How well the units added to a pair carry the words the pair lost.

        OP2 "... session, and to consult States on its preparation" -> OP2 "...
        session" + OP2bis "Also requests ... to consult States on the preparation":
        the whole-bag similarity barely moves, but OP2bis is made of OP2's words and
        holds most of what OP2 lost. Returns the share of the lost words carried
        (0 when any added unit is not mostly made of ``mine``'s words)."""
        lost = sum(leftover.values())
        if lost < SPLIT_LOST_WORDS or lost < 0.1 * sum(mine.values()):
            return 0.0
        other_words = self.new_words if split else self.old_words
        carried: Counter[str] = Counter()
        for index in window:
            if index == current:
                continue
            bag = other_words[index]
            size = sum(bag.values())
            if not size or common_words(bag, mine) < SPLIT_CONTAINED * size:
                return 0.0
            if common_words(bag, leftover) < 2:
                return 0.0
            carried |= bag & leftover
        return sum(carried.values()) / lost

    def _free_other(self, split: bool) -> set[int]:
        if split:
            taken = set(self.pair.values()) | set(self.moves.values())
            taken.update(j for g in self.groups for j in g.new)
            return set(range(len(self.new))) - taken
        taken = set(self.pair) | set(self.moves)
        taken.update(i for g in self.groups for i in g.old)
        return set(range(len(self.old))) - taken

    def _stayed(self, i: int, j: int) -> bool:
        """A footnote that went on with the paragraph citing it did not move: only its
        place among that paragraph's footnotes changed (references cited in a new order)."""
        if self.old_fam[i] != "fn":
            return False
        old_parent, new_parent = self.parents()
        parent = old_parent[i]
        return parent >= 0 and self.pair.get(parent) == new_parent[j]

    def parents(self) -> tuple[list[int], list[int]]:
        """Each unit's citing block in both drafts (:func:`citing_blocks`), computed once."""
        if self._parents is None:
            self._parents = (citing_blocks(self.old), citing_blocks(self.new))
        return self._parents

    # -- result ---------------------------------------------------------------------
    def result(self) -> list[Group]:
        groups = [Group((i,), (j,)) for i, j in self.pair.items()]
        groups += [Group((i,), (j,), in_order=self._stayed(i, j)) for i, j in self.moves.items()]
        groups += self.groups
        used_old = {i for g in groups for i in g.old}
        used_new = {j for g in groups for j in g.new}
        groups += [Group((i,), ()) for i in range(len(self.old)) if i not in used_old]
        groups += [Group((), (j,)) for j in range(len(self.new)) if j not in used_new]
        return groups


def align(old: Sequence[Unit], new: Sequence[Unit]) -> list[Group]:
    """Every old and new index in exactly one :class:`Group` (unordered)."""
    return align_keyed(old, new)[0]


def align_keyed(
    old: Sequence[Unit], new: Sequence[Unit]
) -> tuple[list[Group], list[str], list[str]]:
    """:func:`align`, with the :func:`unit_key` of every old and new unit (the engine
    needs them again to tell "equal but for footnote numbers" from "modified")."""
    aligner = _Aligner(old, new)
    aligner.anchor()
    aligner.exact_moves()
    aligner.similar_in_gaps()
    aligner.singletons()
    aligner.part_numbers()
    aligner.footnotes_by_parent()
    aligner.similar_moves()
    aligner.splits()
    return aligner.result(), aligner.old_keys, aligner.new_keys
