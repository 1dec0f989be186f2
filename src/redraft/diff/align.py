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

from ..model import Footnote, Kind, Paragraph
from .align_state import (
    DENSE_CELLS,
    LCS_CELLS,
    MOVE_MIN,
    MOVE_MIN_WORDS,
    MYERS_EDITS,
    PAIR_MIN,
    PAIR_MIN_ALONE,
    Group,
)
from .candidates import (
    best_in_order,
    candidate_pairs,
    lcs_pairs,
    longest_increasing,
    myers_pairs,
)
from .splits import SplitMergePass
from .units import SINGLETON_KINDS, Unit, family, pair_score, similarity, unit_key, words

__all__ = [
    "PAIR_MIN_ALONE",
    "Group",
    "Unit",
    "align",
    "family",
    "pair_score",
    "similarity",
    "unit_key",
    "words",
]

#: A heading that is only a part number: "XIV", "B", "Part II", "Chapter 3".
PART_NUMBER = re.compile(r"(?:(?:Part|Chapter|Section)\s+)?(?:[IVXLC]+|[A-Z]|\d+)\.?")


def _is_part_number(unit: Unit) -> bool:
    return (
        isinstance(unit, Paragraph)
        and unit.kind is Kind.HEADING
        and PART_NUMBER.fullmatch(unit.text.strip()) is not None
    )


class _Aligner(SplitMergePass):
    """Passes 1 to 4 (docstring above); pass 5 comes from :class:`SplitMergePass`."""

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
        new_keys = self.new_keys[nlo:nhi]
        new_count = Counter(new_keys)  # counted in C: ``+= 1`` calls Counter.__missing__
        new_pos = {key: nlo + j for j, key in enumerate(new_keys)}
        candidates = [
            (i, new_pos[key])
            for i in range(lo, hi)
            if old_count[(key := self.old_keys[i])] == 1 and new_count.get(key) == 1
        ]
        return longest_increasing(candidates)

    def _lcs(self, lo: int, hi: int, nlo: int, nhi: int) -> None:
        """Plain LCS on keys (repeated boilerplate). When the table would be too big (a
        compilation or omnibus text made of near-copies, where no paragraph is unique),
        Myers' algorithm, whose cost grows with the differences rather than with the
        square of the length; greedy only when even that would take too long."""
        a, b = self.old_keys[lo:hi], self.new_keys[nlo:nhi]
        if not set(a) & set(b):
            return
        if len(a) * len(b) > LCS_CELLS:
            path = myers_pairs(a, b, MYERS_EDITS)
            if path is not None:
                for i, j in path:
                    self.pair[lo + i] = nlo + j
                return
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
        first_new = dict(self.pair)
        first_new.update((g.old[0], g.new[0]) for g in self.groups)
        anchor_old = sorted(first_new)  # ints sort faster than (old, new) pairs
        anchor_new = list(map(first_new.__getitem__, anchor_old))
        free_old, free_new = self._free()
        found: dict[int, tuple[list[int], list[int]]] = {}
        for i in free_old:
            found.setdefault(bisect.bisect_left(anchor_old, i), ([], []))[0].append(i)
        for j in free_new:
            found.setdefault(bisect.bisect_left(anchor_new, j), ([], []))[1].append(j)
        for olds, news in found.values():
            olds.sort()
            news.sort()
        return [found[key] for key in sorted(found)]

    def _free(self) -> tuple[frozenset[int], frozenset[int]]:
        """Old and new indices in no pair, move or group yet (set operations in C)."""
        free_old = self.all_old.difference(self.pair, self.moves, *(g.old for g in self.groups))
        free_new = self.all_new.difference(
            self.pair.values(), self.moves.values(), *(g.new for g in self.groups)
        )
        return free_old, free_new

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
        if n == m == 1:
            # one paragraph edited between two anchors, the usual gap: its pair is the
            # table's answer, and it nearly always passes, so the bound would be wasted
            i, j = olds[0], news[0]
            return [(i, j)] if self.sim(i, j) >= floor else []
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
                s = self.score_if(olds[a], news[b], floor)
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
        if len(olds) * len(news) > DENSE_CELLS:
            size_old = {i: self.old_words.size(i) for i in olds}
            size_new = {j: self.new_words.size(j) for j in news}
            pairs: Iterable[tuple[int, int]] = (
                (i, j)
                for i, j in candidate_pairs(
                    {i: self.old_words[i] for i in olds},
                    {j: self.new_words[j] for j in news},
                    MOVE_MIN,
                )
                if _sizes_may_match(size_old[i], size_new[j])
            )
            found = [
                (s, i, j) for i, j in pairs if (s := self.score_if(i, j, MOVE_MIN)) >= MOVE_MIN
            ]
        else:
            found = [
                (s, i, j)
                for i, partners in self._sized_partners(olds, news)
                for s, j in self.scores_from(i, partners, MOVE_MIN)
            ]
        scored = sorted(found, reverse=True)
        used_old: set[int] = set()
        used_new: set[int] = set()
        for _, i, j in scored:
            if i not in used_old and j not in used_new:
                self.moves[i] = j
                used_old.add(i)
                used_new.add(j)

    def _sized_partners(self, olds: list[int], news: list[int]) -> list[tuple[int, list[int]]]:
        """Each old unit with the new units whose sizes pass :func:`_sizes_may_match`:
        with the new units sorted by size those of one old unit are one run, found by
        bisection instead of a test per pair (the same comparisons, so the same pairs)."""
        by_size = sorted(news, key=self.new_words.size)
        sizes = [self.new_words.size(j) for j in by_size]
        scaled = [MOVE_MIN * b for b in sizes]  # nondecreasing, as sizes
        partners = []
        for i in olds:
            a = self.old_words.size(i)
            lo = bisect.bisect_left(sizes, MOVE_MIN * a)  # first b >= MOVE_MIN * a
            hi = bisect.bisect_right(scaled, a)  # first b with a < MOVE_MIN * b
            partners.append((i, by_size[lo:hi]))
        return partners

    def _stayed(self, i: int, j: int) -> bool:
        """A footnote that went on with the paragraph citing it did not move: only its
        place among that paragraph's footnotes changed (references cited in a new order)."""
        if self.old_fam[i] != "fn":
            return False
        old_parent, new_parent = self.parents()
        parent = old_parent[i]
        return parent >= 0 and self.pair.get(parent) == new_parent[j]

    # -- result ---------------------------------------------------------------------
    def result(self) -> list[Group]:
        groups = [Group((i,), (j,)) for i, j in self.pair.items()]
        groups += [Group((i,), (j,), in_order=self._stayed(i, j)) for i, j in self.moves.items()]
        groups += self.groups
        free_old, free_new = self._free()
        groups += [Group((i,), ()) for i in sorted(free_old)]
        groups += [Group((), (j,)) for j in sorted(free_new)]
        return groups


def _sizes_may_match(a: int, b: int) -> bool:
    """Jaccard <= shorter / longer: pairs of very different lengths cannot score
    MOVE_MIN (the shorter at least MOVE_MIN times the longer, compared both ways rather
    than sorted: the longer passes its own test)."""
    return a >= MOVE_MIN * b and b >= MOVE_MIN * a


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
