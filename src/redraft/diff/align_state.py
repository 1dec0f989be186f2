"""What the passes of the alignment share: both drafts' units with their keys, word
bags and families, the pairs found so far, and the similarity of two units (computed
once). :mod:`.align` runs the passes; :mod:`.splits` is the last one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .units import (
    Bags,
    Unit,
    citing_blocks,
    family,
    family_key,
    score_ceiling,
    sized_score,
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
LCS_CELLS = 250_000  # larger gaps without unique text: Myers instead of an LCS table
MYERS_EDITS = 2_000  # ... and greedy when they differ by more insertions and deletions
DENSE_CELLS = 10_000  # larger gaps: only pairs sharing a rare word are scored
WINDOW_RANGE = 12  # an unpaired unit seeks split/merge partners in gaps this small only


class Group(NamedTuple):
    """Indices of old and new units that correspond (one side empty: deleted/inserted).
    A named tuple: a long draft makes thousands, and a tuple is built faster than a
    frozen dataclass (one ``tuple.__new__``, no ``object.__setattr__`` per field)."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    in_order: bool = True  # False: the pair is out of reading order (moved)


class AlignState:
    """The units of both drafts and the pairs found so far."""

    def __init__(self, old: Sequence[Unit], new: Sequence[Unit]) -> None:
        self.old, self.new = old, new
        self.old_words = Bags(old)
        self.new_words = Bags(new)
        #: every index, made once: each pass asks which are still free
        self.all_old, self.all_new = frozenset(range(len(old))), frozenset(range(len(new)))
        self.old_fam = [family(u) for u in old]
        self.new_fam = [family(u) for u in new]
        self.old_keys = list(map(family_key, old, self.old_fam))  # unit_key, family known
        self.new_keys = list(map(family_key, new, self.new_fam))
        self.pair: dict[int, int] = {}  # old index -> new index, in order
        self.moves: dict[int, int] = {}  # old index -> new index, out of order
        self.groups: list[Group] = []  # splits and merges
        self.scores: dict[tuple[int, int], float] = {}  # pair_score, computed once
        self._parents: tuple[list[int], list[int]] | None = None

    def sim(self, i: int, j: int) -> float:
        if self.old_fam[i] != self.new_fam[j]:
            return 0.0
        score = self.scores.get((i, j))
        if score is None:
            (a, size_a), (b, size_b) = self.old_words.entry(i), self.new_words.entry(j)
            score = self.scores[i, j] = sized_score(a, b, size_a, size_b)
        return score

    def score_if(self, i: int, j: int, floor: float) -> float:
        """:meth:`sim` if the pair can reach ``floor``, else 0.0 (then the score may be
        anything below ``floor``). The bound, cheaper than the score, comes first: most
        pairs a pass tries are far apart, and those need no counting. Units of two
        families never pair (:meth:`sim` is 0): their bags are not even made."""
        if self.old_fam[i] != self.new_fam[j]:
            return 0.0
        score = self.scores.get((i, j))
        if score is not None:
            return score
        (a, size_a), (b, size_b) = self.old_words.entry(i), self.new_words.entry(j)
        if score_ceiling(a, b, size_a, size_b) < floor:
            return 0.0
        score = self.scores[i, j] = sized_score(a, b, size_a, size_b)
        return score

    def scores_from(self, i: int, news: Iterable[int], floor: float) -> list[tuple[float, int]]:
        """(score, j) for each new unit ``j`` whose pair with old unit ``i`` reaches
        ``floor``: :meth:`score_if` for one old unit and many new ones, in one loop (the
        moved-and-edited pass tries a thousand pairs on a long draft, most far apart)."""
        fam, new_fam, scores = self.old_fam[i], self.new_fam, self.scores
        a, size_a = self.old_words.entry(i)
        entry = self.new_words.entry
        found = []
        for j in news:
            if new_fam[j] != fam:
                continue
            score = scores.get((i, j))
            if score is None:
                b, size_b = entry(j)
                if score_ceiling(a, b, size_a, size_b) < floor:
                    continue
                score = scores[i, j] = sized_score(a, b, size_a, size_b)
            if score >= floor:
                found.append((score, j))
        return found

    def parents(self) -> tuple[list[int], list[int]]:
        """Each unit's citing block in both drafts (:func:`citing_blocks`), computed once."""
        if self._parents is None:
            self._parents = (citing_blocks(self.old), citing_blocks(self.new))
        return self._parents
