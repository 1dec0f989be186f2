"""Second looks at an alignment (:func:`redraft.parity.align.align_units`) before
findings are made of it: what the alignment leaves without counterpart on both sides
may be one paragraph that moved, and a few words a list ends with may stand in its
chapeau in another language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .align import Link
from .figure_diff import ALWAYS_DIGITS
from .ratios import PairRatio
from .units import Unit, Units

#: A paragraph is a length outlier when its length is this many spreads away from
#: the pair's usual ratio (redraft.parity.compare) ...
LENGTH_Z = 5.0
#: ... and it has at least this many letters per figure.
LETTERS_PER_FIGURE = 12

#: A paragraph left without counterpart in each version is the same one moved when
#: their lengths are this close (in spreads of the pair's ratio) ...
MOVED_Z = 2.0
#: ... and, when they hold no figure to tell them apart, at least this long (letters).
MOVED_MIN = 60


def moved_links(links: list[Link], ref: Units, other: Units, ratio: PairRatio) -> list[Link]:
    """The alignment with each paragraph that moved as one ``moved`` link (in the
    reference's order) rather than a ``missing`` and an ``extra`` one: a reference
    paragraph and one of the language's, both left without counterpart, of the same
    kind and depth, with the same figures and a length within MOVED_Z spreads (a
    paragraph without figures must be MOVED_MIN letters long to be told apart; plain
    numbers, which may be words in another language, are not compared; three
    figures or more in common allow up to LENGTH_Z spreads, or any length in a
    paragraph dense with figures)."""
    missing = [link.ref[0] for link in links if link.op == "missing"]
    extra = [link.other[0] for link in links if link.op == "extra"]
    if not missing or not extra:
        return links
    pairs: list[tuple[float, int, int]] = []
    for i in missing:
        a = ref.paragraphs[i]
        for j in extra:
            b = other.paragraphs[j]
            telling_a, telling_b = _telling(a), _telling(b)
            if a.kind != b.kind or a.depth != b.depth or telling_a != telling_b:
                continue
            if not telling_a and a.length < MOVED_MIN:  # letters of the reference
                continue
            z = abs(ratio.z_score(a.length, b.length))
            # three figures or more in common say more than the length, which varies
            # most in a paragraph dense with figures (a list of resolutions and dates)
            telling = sum(telling_a.values()) >= 3
            dense = len(a.figures) * LETTERS_PER_FIGURE > a.length
            if z <= MOVED_Z or (telling and (dense or z <= LENGTH_Z)):
                pairs.append((z - (0.5 if a.label == b.label else 0.0), i, j))
    chosen: dict[int, int] = {}
    for _, i, j in sorted(pairs):
        if i not in chosen and j not in chosen.values():
            chosen[i] = j
    if not chosen:
        return links
    taken = set(chosen.values())
    out = []
    for link in links:
        if link.op == "missing" and link.ref[0] in chosen:
            out.append(Link("moved", link.ref, (chosen[link.ref[0]],)))
        elif not (link.op == "extra" and link.other[0] in taken):
            out.append(link)
    return out


#: The words after a list ("..., in the territory of that State Party.") that another
#: language puts in the list's chapeau: at most this many letters.
ABSORBED_MAX = 80
#: ... when the chapeau's length fits at least this much better with them.
ABSORBED_GAIN = 1.0


def absorbed_links(links: list[Link], ref: Units, other: Units, ratio: PairRatio) -> list[Link]:
    """The alignment without the ``missing`` links of short continuations of a list
    (a sub-paragraph's text after the items, ``OP1.p1``) whose words another language
    prints in the paragraph that opens the list: the chapeau's counterpart is longer
    by about their length (docs/parity.md)."""
    counterpart = {link.ref[0]: link.other[0] for link in links if link.op == "match"}
    out = []
    for link in links:
        if link.op == "missing" and _absorbed(link.ref[0], ref, other, counterpart, ratio):
            continue
        out.append(link)
    return out


def _telling(unit: Unit) -> Counter[str]:
    """The figures of a unit that a translation keeps as figures (years, symbols,
    resolution numbers, months, amounts, percentages): a plain number may be a word in
    another language."""
    return Counter(f.value for f in unit.figures if f.kind in ALWAYS_DIGITS)


def list_tail(units: Sequence[Unit]) -> bool:
    """A list's last item and the words after the list ("..., in the territory of that
    State Party.") that another language prints with the item or in the chapeau."""
    return len(units) > 1 and all(_continuation(u) for u in units[1:])


def _continuation(unit: Unit) -> bool:
    return unit.depth > 0 and ".p" in unit.label and unit.length <= ABSORBED_MAX and not unit.values


def _absorbed(
    index: int, ref: Units, other: Units, counterpart: dict[int, int], ratio: PairRatio
) -> bool:
    unit = ref.paragraphs[index]
    if not _continuation(unit):
        return False
    # the paragraph that opens the list: the nearest one before it, less deep
    opener = next((u for u in reversed(ref.paragraphs[:index]) if u.depth < unit.depth), None)
    if opener is None or opener.index not in counterpart:
        return False
    other_length = other.paragraphs[counterpart[opener.index]].length
    alone = abs(ratio.z_score(opener.length, other_length))
    together = abs(ratio.z_score(opener.length + unit.length, other_length))
    return together + ABSORBED_GAIN <= alone or together < alone and alone > 2


#: A run of one-to-one matches is read again as one paragraph moved when that fits
#: better by this much (the sum of squared spreads, each figure differing counting as
#: FIGURE_COST) ...
ROTATION_GAIN = 25.0
FIGURE_COST = 9.0
#: ... every pair of the new reading within this many spreads ...
ROTATION_Z = 2.5
#: ... over at most this many paragraphs.
ROTATION_WINDOW = 5


def rotated_links(links: list[Link], ref: Units, other: Units, ratio: PairRatio) -> list[Link]:
    """One-to-one matches that fit better with one paragraph moved: a paragraph moved a
    few places, each pair of the run between matched with its neighbour by the alignment
    (lengths that do not fit, figures that differ), matches once it is put back."""
    costs = _PairCosts(ref, other, ratio)
    out = list(links)
    start = 0
    while start < len(out):
        window = _match_run(out, start)
        found = costs.best_rotation(window) if len(window) >= 3 else None
        if found is None:
            start += 1
            continue
        size, down = found
        refs = [link.ref[0] for link in window[:size]]
        others = [link.other[0] for link in window[:size]]
        if down:  # the first reference paragraph stands last in the language
            new = [Link("moved", (refs[0],), (others[-1],))]
            new += [Link("match", (r,), (o,)) for r, o in zip(refs[1:], others[:-1], strict=True)]
        else:  # the last reference paragraph stands first
            new = [Link("match", (r,), (o,)) for r, o in zip(refs[:-1], others[1:], strict=True)]
            new.append(Link("moved", (refs[-1],), (others[0],)))
        out[start : start + size] = new
        start += size
    return out


def _match_run(links: list[Link], start: int) -> list[Link]:
    """The one-to-one matches from ``start`` on, consecutive on both sides."""
    run: list[Link] = []
    for link in links[start : start + ROTATION_WINDOW]:
        if link.op != "match" or len(link.ref) != 1 or len(link.other) != 1:
            break
        if run and (link.ref[0] != run[-1].ref[0] + 1 or link.other[0] != run[-1].other[0] + 1):
            break
        run.append(link)
    return run


class _PairCosts:
    """How badly a reference paragraph and one of the language's fit (squared spreads of
    length, FIGURE_COST per figure that differs), each pair computed once."""

    def __init__(self, ref: Units, other: Units, ratio: PairRatio) -> None:
        self.ref, self.other, self.ratio = ref.paragraphs, other.paragraphs, ratio
        self.memo: dict[tuple[int, int], tuple[float, bool]] = {}
        self.figures: dict[tuple[int, int], Counter[str]] = {}

    def cost(self, i: int, j: int, strict: bool = False) -> float | None:
        """The cost of pairing ref[i] with other[j]; None when ``strict`` and they cannot
        be the same paragraph (another kind or depth, a length off by ROTATION_Z)."""
        if (i, j) not in self.memo:
            a, b = self.ref[i], self.other[j]
            z = self.ratio.z_score(a.length, b.length)
            ta, tb = self._telling(0, i), self._telling(1, j)
            differing = sum(((ta - tb) + (tb - ta)).values())
            fits = a.kind == b.kind and a.depth == b.depth and abs(z) <= ROTATION_Z
            self.memo[(i, j)] = (z * z + FIGURE_COST * differing, fits)
        cost, fits = self.memo[(i, j)]
        return None if strict and not fits else cost

    def _telling(self, side: int, index: int) -> Counter[str]:
        key = (side, index)
        if key not in self.figures:
            self.figures[key] = _telling((self.ref if side == 0 else self.other)[index])
        return self.figures[key]

    def best_rotation(self, run: list[Link]) -> tuple[int, bool] | None:
        """(size, down) of the rotation of the run's first ``size`` links that fits best,
        when it fits better by ROTATION_GAIN; None otherwise."""
        refs = [link.ref[0] for link in run]
        others = [link.other[0] for link in run]
        kept = [self.cost(i, j) or 0.0 for i, j in zip(refs, others, strict=True)]
        best: tuple[float, int, bool] | None = None
        for size in range(3, len(run) + 1):
            identity = sum(kept[:size])
            if identity < ROTATION_GAIN:
                continue  # nothing to gain: the run fits as it is
            for down in (True, False):
                if down:
                    pairs = [(refs[0], others[size - 1])]
                    pairs += list(zip(refs[1:size], others[: size - 1], strict=True))
                else:
                    pairs = list(zip(refs[: size - 1], others[1:size], strict=True))
                    pairs.append((refs[size - 1], others[0]))
                costs = [self.cost(i, j, strict=True) for i, j in pairs]
                if any(c is None for c in costs):
                    continue
                total = sum(c for c in costs if c is not None)
                gain = identity - total
                if gain >= ROTATION_GAIN and (best is None or gain > best[0]):
                    best = (gain, size, down)
        return (best[1], best[2]) if best else None
