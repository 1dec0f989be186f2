"""Which figures of a paragraph a translation changed, dropped or added.

Figures are compared as multisets of normalised values. What is left on both sides
is paired into substitutions ("2025 where en has 2015") when the two look like the
same figure mistyped or changed: same kind, and for plain numbers a one-keystroke
difference. Figures left on one side only are reported for the kinds a translator
never writes in words (symbols, resolution numbers, years, months, percentages,
amounts); a plain number alone on one side is usually a number written in words on
the other ("ten", "18º" for "Eighteenth") and is not reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .. import numerals
from .figures import Figure

#: Kinds whose figure alone on one side is reported.
ALWAYS_DIGITS = frozenset({"symbol", "resolution", "year", "month", "percent", "amount"})
#: Kinds that pair with any figure of the same kind (others need a near miss).
_PAIR_ANY = frozenset({"year", "month", "percent", "amount"})


@dataclass(frozen=True)
class FigureDiff:
    substituted: tuple[tuple[Figure, Figure], ...] = ()  # (reference, language)
    missing: tuple[Figure, ...] = ()  # in the reference only
    added: tuple[Figure, ...] = ()  # in the other language only

    def __bool__(self) -> bool:
        return bool(self.substituted or self.missing or self.added)


def compare_figures(reference: Sequence[Figure], other: Sequence[Figure]) -> FigureDiff:
    ref_counts = Counter(f.value for f in reference)
    other_counts = Counter(f.value for f in other)
    ref_only = ref_counts - other_counts
    other_only = other_counts - ref_counts
    _cancel_alternatives(reference, ref_only, other_only)
    _cancel_alternatives(other, other_only, ref_only)
    _cancel_symbol_numbers(ref_only, other_only)
    _cancel_symbol_numbers(other_only, ref_only)
    _cancel_split_numbers(ref_only, other_only)
    _cancel_split_numbers(other_only, ref_only)
    _cancel_decades(ref_only, other_only)
    _cancel_decades(other_only, ref_only)
    left_ref = _figures(reference, ref_only)
    left_other = _figures(other, other_only)
    pairs = _pair(left_ref, left_other)
    paired_ref = {id(a) for a, _ in pairs}
    paired_other = {id(b) for _, b in pairs}
    # A value present on both sides, only more often on one, is not reported alone;
    # nor a corrigendum of a document both sides cite (corrigenda are often issued in
    # some languages only: "A/69/53/Add.1/Corr.1" in English, not in French).
    both = set(ref_counts) & set(other_counts)
    missing = tuple(
        f
        for f in left_ref
        if id(f) not in paired_ref
        and _alone_counts(f)
        and not other_counts[f.value]
        and not _corrigendum_of(f.value, both)
    )
    added = tuple(
        f
        for f in left_other
        if id(f) not in paired_other
        and _alone_counts(f)
        and not ref_counts[f.value]
        and not _corrigendum_of(f.value, both)
    )
    return FigureDiff(tuple(pairs), missing, added)


#: "1 billion" is "un milliard", "одного миллиарда", "1 dollar" "للدولار الواحد": words
#: elsewhere.
_ROUND_AMOUNTS = frozenset(str(10**k) for k in (0, 3, 6, 9, 12))


def _alone_counts(figure: Figure) -> bool:
    """Whether a figure alone on one side is worth reporting."""
    return figure.kind in ALWAYS_DIGITS and figure.value not in _ROUND_AMOUNTS


def _cancel_alternatives(side: Sequence[Figure], own: Counter[str], others: Counter[str]) -> None:
    """An Arabic number read both ways matches the other side under either reading."""
    for figure in side:
        if own[figure.value] <= 0:
            continue
        for alternative in figure.alternatives:
            if others[alternative] > 0:
                own[figure.value] -= 1
                others[alternative] -= 1
                break
    for counter in (own, others):
        for value in [v for v, n in counter.items() if n <= 0]:
            del counter[value]


_ROMAN_PART = re.compile(r"(?<![A-Za-z])[IVXLC]+(?![A-Za-z])")


def _cancel_symbol_numbers(symbols: Counter[str], numbers: Counter[str]) -> None:
    """A symbol on one side, its numbers alone on the other: "SS.XI/9" where the
    Arabic writes "دإ-11/9", "GC.18/Res.9" where it writes "م ع-18/ق-9" (the letters
    are translated, the numbers stay)."""
    for value in [v for v in symbols if v.startswith("symbol:")]:
        tail = _symbol_tail(value)
        if tail and numbers[tail] > 0:
            symbols[value] -= 1
            numbers[tail] -= 1
            continue
        wanted = Counter(_symbol_numbers(value))
        if wanted and all(numbers[n] >= k for n, k in wanted.items()):
            symbols[value] -= 1
            numbers.subtract(wanted)
    for counter in (symbols, numbers):
        for value in [v for v, n in counter.items() if n <= 0]:
            del counter[value]


_CORRIGENDUM = re.compile(r"/Corr\.\d+$", re.IGNORECASE)


def _corrigendum_of(value: str, cited: set[str]) -> bool:
    """ "symbol:A/69/53/Add.1/Corr.1" when "symbol:A/69/53/Add.1" is in ``cited``."""
    if not value.startswith("symbol:"):
        return False
    base = _CORRIGENDUM.sub("", value)
    return base != value and base in cited


def _cancel_decades(decades: Counter[str], years: Counter[str]) -> None:
    """ "the 1990s" is "el Decenio de 1990", "1990年代": a decade matches its first year."""
    for value in [v for v in decades if v.startswith("decade:")]:
        year = value.split(":", 1)[1]
        while decades[value] > 0 and years[year] > 0:
            decades[value] -= 1
            years[year] -= 1
    for counter in (decades, years):
        for value in [v for v, n in counter.items() if n <= 0]:
            del counter[value]


def _cancel_split_numbers(numbers: Counter[str], others: Counter[str]) -> None:
    """A number written N/YYYY on one side, N and YYYY apart on the other: "Law No.
    10/2018" is "la loi no 10 de 2018", "القانون رقم 10 لعام 2018"."""
    for value in [v for v in numbers if v.startswith("resolution:")]:
        first, _, second = value.split(":", 1)[1].partition("/")
        if len(second) != 4 or first == second:
            continue
        if numbers[value] > 0 and others[first] > 0 and others[second] > 0:
            numbers[value] -= 1
            others[first] -= 1
            others[second] -= 1
    for counter in (numbers, others):
        for value in [v for v, n in counter.items() if n <= 0]:
            del counter[value]


def _symbol_numbers(value: str) -> list[str]:
    text = _ROMAN_PART.sub(lambda m: str(_roman(m.group(0))), value.split(":", 1)[1])
    return [str(int(n)) for n in re.findall(r"\d+", text)]


def _symbol_tail(value: str) -> str:
    """ "symbol:SS.XI/9" -> "resolution:11/9"; "" when the symbol does not end in
    two numbers."""
    numbers = _symbol_numbers(value)
    if len(numbers) < 2:
        return ""
    return f"resolution:{numbers[-2]}/{numbers[-1]}"


def _roman(numeral: str) -> int:
    return numerals.roman_sum(numeral, "ivxlc") or 0


def _figures(side: Sequence[Figure], counts: Counter[str]) -> list[Figure]:
    """One figure object per surplus occurrence (the last ones, in reading order)."""
    wanted = Counter(counts)
    picked: list[Figure] = []
    for figure in reversed(side):
        if wanted[figure.value] > 0:
            picked.append(figure)
            wanted[figure.value] -= 1
    picked.reverse()
    return picked


def _pair(reference: list[Figure], other: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Substitutions: each reference figure with its closest unpaired counterpart."""
    candidates = []
    for a_index, a in enumerate(reference):
        for b_index, b in enumerate(other):
            distance = _distance(_digits(a), _digits(b))
            if _pairable(a, b, distance):
                candidates.append((distance, a_index, b_index))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, a_index, b_index in candidates:
        if a_index in used_a or b_index in used_b:
            continue
        used_a.add(a_index)
        used_b.add(b_index)
        pairs.append((reference[a_index], other[b_index]))
    pairs.sort(key=lambda pair: reference.index(pair[0]))
    return pairs


def _pairable(a: Figure, b: Figure, distance: int) -> bool:
    kinds = {a.kind, b.kind}
    if kinds <= {"year", "number"} and "year" in kinds:
        return a.kind == b.kind or distance <= 1
    if a.kind != b.kind:
        return False
    if a.kind in _PAIR_ANY:
        return True
    if a.kind == "symbol":
        return distance <= 2 or a.value.split("/")[0] == b.value.split("/")[0]
    if a.kind == "resolution":
        return distance <= 1  # 78/145 for 178/145, 74/156 for 75/156
    # Plain numbers: one digit changed or two swapped, in numbers of two digits or
    # more ("1" against "4" is too likely two different numbers).
    return distance <= 1 and len(a.value) == len(b.value) >= 2


def _digits(figure: Figure) -> str:
    return figure.value.split(":", 1)[-1]


def _distance(a: str, b: str) -> int:
    """Edit distance with transpositions (Damerau), capped at 3: a mistyped figure is
    one keystroke away."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > 2:
        return 3
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (ca != cb),
            )
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return min(previous[-1], 3)
