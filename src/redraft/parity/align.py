"""Align two language versions unit by unit: by label first, and where labels do
not agree by structure, position, length and figures (never by translating).

1. The label lists are matched (longest common subsequence). A label match is
   trusted as an anchor when its content is plausible (usual length ratio, figures
   that agree) and so is its neighbour's: one chance fit among shifted labels (a
   paragraph dropped and the rest renumbered) does not anchor anything.
2. Between anchors, a dynamic programme in the manner of Gale and Church's sentence
   alignment chooses among 1-1 matches, a unit missing or extra, two units run
   together (2-1) or one split (1-2), scoring length against the language pair's
   usual ratio, shared and differing figures, kind and depth, and label agreement.
"""

from __future__ import annotations

import difflib
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .ratios import PairRatio
from .units import Unit

# Costs, in the same units as half a squared z-score of the length ratio.
LENGTH_CAP = 8.0  # a length as wrong as can be costs no more than this
SKIP = 7.0  # a unit with no counterpart
#: On top of the match, for two units run together or one split: as much as a unit
#: with no counterpart, so that a short paragraph dropped before a long one is not
#: taken for the two run together (the lengths can hardly tell them apart; the single
#: match fits better). A true merge wins by the misfit of the alternative.
JOIN = 7.0
#: Two units whose joined length is this far from the other's are not weighed as a join.
JOIN_LENGTH = 4.5
#: Letters of slack in the length ratio, so that two very short texts are never outliers.
LENGTH_SLACK = 3.0
SAME_LABEL = -1.5
OTHER_KIND = 3.0
#: Kinds that readers confuse across languages (a section title read as text, an
#: annex paragraph as unnumbered text): a weaker clue.
CONFUSED_KIND = 1.0
_CONFUSABLE_KINDS = frozenset({"preambular", "operative", "text", "heading"})
OTHER_DEPTH = 1.5
SHARED_FIGURE = {"symbol": -2.5, "resolution": -2.5, "year": -2.0, "month": -1.0}
OTHER_FIGURE = -1.0
DIFFERENT_FIGURE = {"symbol": 1.5, "resolution": 1.5, "year": 1.2}
OTHER_DIFFERENT = 0.6
FIGURE_CAP = 10.0
SHARED_MARKER = -1.0
DIFFERENT_MARKERS = 1.5
#: A label match whose length costs at most this (a z-score of 2) is plausible.
PLAUSIBLE = 2.0
#: Letters a unit needs for its length alone to confirm a label match.
TRUSTED_LENGTH = 20
#: Runs of trusted label matches this long need not beat their shifts (chance does
#: not fit so many), and shorter ones must beat them by this much.
LONG_RUN = 8
SHIFT_MARGIN = 2.0
#: How much figures widen the spread of a paragraph's length: 1 + this x figures per
#: letter, at most DENSITY_CAP times (a paragraph three times as long is no match).
FIGURE_DENSITY = 5.0
DENSITY_CAP = 2.0
#: The band of the dynamic programme around the diagonal, beyond the size difference.
BAND = 12


@dataclass(frozen=True)
class Link:
    """Units of the reference (``ref``) and of the other version (``other``) that
    correspond. ``op``: match (1-1), missing (1-0), extra (0-1), merged (2-1: two
    reference units run together in the other version), split (1-2)."""

    op: str
    ref: tuple[int, ...]
    other: tuple[int, ...]
    by_label: bool = False


class _Scorer:
    """Costs of putting units in correspondence (cached for 1-1 matches)."""

    def __init__(self, ref: Sequence[Unit], other: Sequence[Unit], ratio: PairRatio) -> None:
        self.ref, self.other = ref, other
        self._centre = ratio.log_ratio
        self._sigma2 = ratio.sigma**2
        self._short = ratio.short
        self._slack_other = LENGTH_SLACK * ratio.ratio
        self.ratio = ratio.ratio
        self._kinds = {f.value: f.kind for u in (*ref, *other) for f in u.figures}
        self._cache: dict[tuple[int, int], float] = {}

    def match(self, i: int, j: int) -> float:
        key = (i, j)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self.cost((self.ref[i],), (self.other[j],))
        return found

    def trusted(self, i: int, j: int) -> bool:
        """A label match the content confirms on its own: the same figures, the same
        kind, a length within the usual spread, and either enough text for the length
        to say something or a figure ("Article 16" against "Article 17" is not
        confirmed; shared figures do not excuse a paragraph twice as long)."""
        a, b = self.ref[i], self.other[j]
        if a.values != b.values or a.kind != b.kind:
            return False
        if a.length < TRUSTED_LENGTH and not a.values:
            return False
        return self.length_cost(a.length, b.length, len(a.figures)) <= PLAUSIBLE

    def length_cost(self, length_ref: int, length_other: int, figures: int = 0) -> float:
        """Half the squared z-score of the length ratio (see PairRatio.z_score). A
        paragraph dense with figures ("37/4 of 22 October 1982, 38/4 of ...") has few
        words between them, whose length varies most: its spread is wider."""
        observed = math.log((length_other + self._slack_other) / (length_ref + LENGTH_SLACK))
        z2 = (observed - self._centre) ** 2 / (self._sigma2 + self._short / max(length_ref, 1))
        if figures:
            z2 /= min(DENSITY_CAP, 1 + FIGURE_DENSITY * figures / max(length_ref, 1)) ** 2
        return min(z2 / 2, LENGTH_CAP)

    def cost(self, refs: Sequence[Unit], others: Sequence[Unit], labels: bool = True) -> float:
        if len(refs) == len(others) == 1:
            first = refs[0]
            cost = self.length_cost(first.length, others[0].length, len(first.figures))
        else:
            cost = self.length_cost(
                sum(u.length for u in refs),
                sum(u.length for u in others),
                sum(len(u.figures) for u in refs),
            )
        cost += self.figure_cost(_values(refs), _values(others))
        first, second = refs[0], others[0]
        if first.kind != second.kind:
            confusable = first.kind in _CONFUSABLE_KINDS and second.kind in _CONFUSABLE_KINDS
            cost += CONFUSED_KIND if confusable else OTHER_KIND
        if first.depth != second.depth:
            cost += OTHER_DEPTH
        cost += self.marker_cost(refs, others)
        if labels and any(a.label == b.label for a in refs for b in others):
            cost += SAME_LABEL
        return cost

    @staticmethod
    def marker_cost(refs: Sequence[Unit], others: Sequence[Unit]) -> float:
        """Footnote references travel with their paragraph into every language."""
        a = [m for u in refs for m in u.markers]
        b = [m for u in others for m in u.markers]
        if not a and not b:
            return 0.0
        shared = len(set(a) & set(b))
        return DIFFERENT_MARKERS * abs(len(a) - len(b)) + SHARED_MARKER * min(shared, 3)

    def joined(self, refs: Sequence[Unit], others: Sequence[Unit]) -> float:
        """The cost of a 2-1 or 1-2 correspondence; infinite when the lengths do not
        add up (then it is no merge, and the programme need not weigh it)."""
        length_ref = sum(u.length for u in refs)
        length_other = sum(u.length for u in others)
        figures = sum(len(u.figures) for u in refs)
        if self.length_cost(length_ref, length_other, figures) > JOIN_LENGTH:
            return math.inf
        # Labels say nothing of a join: after one, the rest may be numbered again.
        return JOIN + self.cost(refs, others, labels=False)

    def figure_cost(self, a: Mapping[str, int], b: Mapping[str, int]) -> float:
        """Shared figures are evidence for a match, figures on one side only against."""
        if not a and not b:
            return 0.0
        kinds = self._kinds
        cost = 0.0
        for value, count in a.items():
            kind = kinds.get(value, "")
            there = b.get(value, 0)
            if there:
                cost += SHARED_FIGURE.get(kind, OTHER_FIGURE) * min(count, there, 2)
            if count > there:
                cost += DIFFERENT_FIGURE.get(kind, OTHER_DIFFERENT) * min(count - there, 2)
        for value, count in b.items():
            here = a.get(value, 0)
            if count > here:
                kind = kinds.get(value, "")
                cost += DIFFERENT_FIGURE.get(kind, OTHER_DIFFERENT) * min(count - here, 2)
        return max(-FIGURE_CAP, min(FIGURE_CAP, cost))


def _values(units: Sequence[Unit]) -> Mapping[str, int]:
    if len(units) == 1:
        return units[0].values
    total: Counter[str] = Counter()
    for unit in units:
        total.update(unit.values)
    return total


def align_units(ref: Sequence[Unit], other: Sequence[Unit], ratio: PairRatio) -> list[Link]:
    """Links covering every unit of both sequences once, in order."""
    scorer = _Scorer(ref, other, ratio)
    anchors = _anchors(ref, other, scorer)
    links: list[Link] = []
    i = j = 0
    for a, b in [*anchors, (len(ref), len(other))]:
        links.extend(_fill(scorer, i, a, j, b))
        if a < len(ref):
            links.append(Link("match", (a,), (b,), by_label=True))
        i, j = a + 1, b + 1
    return _regroup(links, scorer)


#: A run of units with no counterpart is folded into the unit before it when that
#: makes the length fit (cost at most REGROUP_FIT) where it did not (at least
#: REGROUP_MISFIT): "OP4" and its sub-paragraphs (a) to (g) printed as one paragraph.
REGROUP_FIT = 2.0
REGROUP_MISFIT = 4.0


def _regroup(links: list[Link], scorer: _Scorer) -> list[Link]:
    """Many-to-one correspondences the programme (which joins two units at most)
    leaves as a match followed by missing (or extra) units."""
    out: list[Link] = []
    k = 0
    while k < len(links):
        link = links[k]
        if link.op in ("match", "merged", "split"):
            for side, op, plural in (("ref", "missing", "merged"), ("other", "extra", "split")):
                run = _run(links, k + 1, op)
                if run:
                    grown = _grow(link, links[k + 1 : k + 1 + run], side, plural, scorer)
                    if grown is not None:
                        link, k = grown[0], k + grown[1]
                        break
        out.append(link)
        k += 1
    return out


def _run(links: list[Link], start: int, op: str) -> int:
    end = start
    while end < len(links) and links[end].op == op:
        end += 1
    return end - start


def _grow(
    link: Link, run: list[Link], side: str, op: str, scorer: _Scorer
) -> tuple[Link, int] | None:
    """``link`` with the best number of the following units folded in, and how many."""

    def cost(refs: tuple[int, ...], others: tuple[int, ...]) -> float:
        return scorer.length_cost(
            sum(scorer.ref[i].length for i in refs),
            sum(scorer.other[j].length for j in others),
            sum(len(scorer.ref[i].figures) for i in refs),
        )

    if cost(link.ref, link.other) < REGROUP_MISFIT:
        return None
    best: tuple[float, int] | None = None
    refs, others = link.ref, link.other
    for taken, extra in enumerate(run, 1):
        refs, others = (refs + extra.ref, others) if side == "ref" else (refs, others + extra.other)
        fit = cost(refs, others)
        if fit <= REGROUP_FIT and (best is None or fit < best[0]):
            best = (fit, taken)
    if best is None:
        return None
    taken = best[1]
    added = run[:taken]
    if side == "ref":
        grown = Link(op, link.ref + tuple(i for x in added for i in x.ref), link.other)
    else:
        grown = Link(op, link.ref, link.other + tuple(j for x in added for j in x.other))
    return grown, taken


def _anchors(ref: Sequence[Unit], other: Sequence[Unit], scorer: _Scorer) -> list[tuple[int, int]]:
    """Label matches to trust: runs of at least two whose content confirms them, near
    the diagonal (a heading "H4" matched 200 paragraphs away is a coincidence of
    labels numbered by position), and that fit better than the same run shifted by
    one (after a paragraph dropped or two run together the labels that follow are
    shifted, and paragraphs of like length may fit them by chance)."""
    matcher = difflib.SequenceMatcher(
        None, [u.label for u in ref], [u.label for u in other], autojunk=False
    )
    n, m = len(ref), len(other)
    reach = _band(n, m)
    anchors: list[tuple[int, int]] = []
    for block in matcher.get_matching_blocks():
        plausible = [
            scorer.trusted(block.a + k, block.b + k)
            and abs(block.b + k - (block.a + k) * m / max(n, 1)) <= reach
            for k in range(block.size)
        ]
        for start, end in _runs(plausible):
            i, j, size = block.a + start, block.b + start, end - start
            if size >= 2 and (size >= LONG_RUN or _beats_shifts(scorer, i, j, size)):
                anchors.extend((i + k, j + k) for k in range(size))
    return anchors


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each run of True."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for k, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = k
        elif not flag and start is not None:
            runs.append((start, k))
            start = None
    return runs


def _beats_shifts(scorer: _Scorer, i: int, j: int, size: int) -> bool:
    def total(di: int, dj: int) -> float:
        cost = 0.0
        for k in range(size):
            a, b = i + k + di, j + k + dj
            if a >= len(scorer.ref) or b >= len(scorer.other):
                cost += LENGTH_CAP
            else:
                cost += scorer.match(a, b) - (SAME_LABEL if di == dj == 0 else 0.0)
        return cost

    return total(0, 0) + SHIFT_MARGIN <= min(total(1, 0), total(0, 1))


def _fill(scorer: _Scorer, i0: int, i1: int, j0: int, j1: int) -> list[Link]:
    """The best links for ref[i0:i1] against other[j0:j1] (a gap between anchors).
    The programme runs in a band around the diagonal, widened while the best path
    runs along the band's edge."""
    n, m = i1 - i0, j1 - j0
    if n == 0 or m == 0:
        return [Link("missing", (i0 + k,), ()) for k in range(n)] + [
            Link("extra", (), (j0 + k,)) for k in range(m)
        ]
    band = BAND + abs(n - m)
    while True:
        links, edge = _programme(scorer, i0, n, j0, m, band)
        if not edge or band >= n + m:
            return links
        band *= 2


def _programme(
    scorer: _Scorer, i0: int, n: int, j0: int, m: int, band: int
) -> tuple[list[Link], bool]:
    inf = math.inf
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    ref, other, match, joined = scorer.ref, scorer.other, scorer.match, scorer.joined
    # A join is weighed only when the lengths are within a factor of e of adding up
    # (a cheap test before the exact one in joined(): this loop is the hot path).
    ref_len = [u.length + LENGTH_SLACK for u in ref[i0 : i0 + n]]
    other_len = [(u.length + LENGTH_SLACK) / scorer.ratio for u in other[j0 : j0 + m]]
    low_factor, high_factor = math.exp(-1.0), math.exp(1.0)

    def may_join(length_ref: float, length_other: float) -> bool:
        return low_factor * length_ref <= length_other <= high_factor * length_ref

    for i in range(n + 1):
        low, high = _row(i, n, m, band)
        row, above = best[i], best[i - 1] if i else None
        for j in range(low, high + 1):
            if i == 0 and j == 0:
                continue
            cost, move = inf, (0, 0)
            if above is not None:
                if j and above[j - 1] < inf:
                    cost, move = above[j - 1] + match(i0 + i - 1, j0 + j - 1), (1, 1)
                if above[j] + SKIP < cost:
                    cost, move = above[j] + SKIP, (1, 0)
            if j and row[j - 1] + SKIP < cost:
                cost, move = row[j - 1] + SKIP, (0, 1)
            if (
                i > 1
                and j
                and best[i - 2][j - 1] < cost
                and may_join(ref_len[i - 2] + ref_len[i - 1], other_len[j - 1])
            ):
                pair = (ref[i0 + i - 2], ref[i0 + i - 1])
                total = best[i - 2][j - 1] + joined(pair, (other[j0 + j - 1],))
                if total < cost:
                    cost, move = total, (2, 1)
            if (
                above is not None
                and j > 1
                and above[j - 2] < cost
                and may_join(ref_len[i - 1], other_len[j - 2] + other_len[j - 1])
            ):
                pair = (other[j0 + j - 2], other[j0 + j - 1])
                total = above[j - 2] + joined((ref[i0 + i - 1],), pair)
                if total < cost:
                    cost, move = total, (1, 2)
            row[j], step[i][j] = cost, move
    return _trace(step, n, m, i0, j0, band)


def _row(i: int, n: int, m: int, band: int) -> tuple[int, int]:
    centre = i * m // n
    return max(0, centre - band), min(m, centre + band)


def _band(n: int, m: int) -> int:
    """How far from the diagonal a correspondence may stand: the size difference,
    plus a margin that grows with the text (long annexes drift further)."""
    return BAND + abs(n - m) + max(n, m) // 10


_OPS = {(1, 1): "match", (1, 0): "missing", (0, 1): "extra", (2, 1): "merged", (1, 2): "split"}


def _trace(
    step: list[list[tuple[int, int]]], n: int, m: int, i0: int, j0: int, band: int
) -> tuple[list[Link], bool]:
    """The links of the best path, and whether it ran along the band's edge."""
    links = []
    edge = False
    i, j = n, m
    while i or j:
        low, high = _row(i, n, m, band)
        if (j == low and low > 0) or (j == high and high < m):
            edge = True
        di, dj = step[i][j]
        links.append(
            Link(
                _OPS[(di, dj)],
                tuple(i0 + k for k in range(i - di, i)),
                tuple(j0 + k for k in range(j - dj, j)),
            )
        )
        i, j = i - di, j - dj
    links.reverse()
    return links, edge
