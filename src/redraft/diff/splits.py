"""Pass 5 of the alignment: splits and merges. One unit whose text is better explained
by two to four neighbouring units of the other side (OP5 -> OP5 + OP5bis, or OP5 ->
OP5, OP5(a), OP5(b)), or several units joined into one."""

from __future__ import annotations

import bisect
from collections import Counter

from .align_state import (
    MAX_GROUP,
    SPLIT_CONTAINED,
    SPLIT_GAIN,
    SPLIT_LOST_WORDS,
    SPLIT_MIN,
    WINDOW_RANGE,
    AlignState,
    Group,
)
from .units import common_words, similarity


class SplitMergePass(AlignState):
    """The split and merge pass, run on the pairs the earlier passes found."""

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
        # a unit an earlier pass paired as moved is taken too: grouping it again would put
        # it in two changes (an equal footnote moved, and merged from two others)
        in_groups.update(self.moves if split else self.moves.values())
        # the units to try, in order: unpaired, or paired with another text and a free
        # neighbour; most units of a long draft are paired with their own text, and are
        # ruled out here in one pass rather than one by one in the loop below
        candidates = set(range(len(keys_mine))).difference(partner)
        candidates.update(
            x
            for x, y in ordered
            if keys_mine[x] != keys_other[y] and (y - 1 in free or y + 1 in free)
        )
        for x in sorted(candidates.difference(in_groups)):
            current = partner.get(x)
            if current is not None and current - 1 not in free and current + 1 not in free:
                continue  # no free neighbour (any more): nothing to split into or merge from
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
        if current is None and hi - lo > WINDOW_RANGE:
            return None
        mine = self.old_words[x] if split else self.new_words[x]
        fam = self.old_fam[x] if split else self.new_fam[x]
        other_words = self.new_words if split else self.old_words
        other_fam = self.new_fam if split else self.old_fam
        best, best_score = None, max(SPLIT_MIN, base + SPLIT_GAIN)
        leftover: Counter[str] = Counter()
        if current is not None:
            starts = range(max(lo, current - MAX_GROUP + 1), current + 1)
            leftover = mine - other_words[current]
        else:
            starts = range(lo, hi)
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
