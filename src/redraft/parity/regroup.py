"""Second looks at an alignment (:func:`redraft.parity.align.align_units`) before
findings are made of it: what the alignment leaves without counterpart on both sides
may be one paragraph that moved, and a few words a list ends with may stand in its
chapeau in another language.
"""

from __future__ import annotations

from collections.abc import Sequence

from .align import Link
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
MOVED_MIN = 80


def moved_links(links: list[Link], ref: Units, other: Units, ratio: PairRatio) -> list[Link]:
    """The alignment with each paragraph that moved as one ``moved`` link (in the
    reference's order) rather than a ``missing`` and an ``extra`` one: a reference
    paragraph and one of the language's, both left without counterpart, of the same
    kind and depth, with the same figures and a length within MOVED_Z spreads (a
    paragraph without figures must be MOVED_MIN letters long to be told apart; three
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
            if a.kind != b.kind or a.depth != b.depth or a.values != b.values:
                continue
            if not a.values and min(a.length, b.length) < MOVED_MIN:
                continue
            z = abs(ratio.z_score(a.length, b.length))
            # three figures or more in common say more than the length, which varies
            # most in a paragraph dense with figures (a list of resolutions and dates)
            telling = sum(a.values.values()) >= 3
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
