"""What the alignment knows of one unit: its family, its identity key, its bag of words,
and how alike two bags are. Kept apart from :mod:`redraft.diff.align` (the passes).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ..accelerator import scan
from ..model import SUPERSCRIPT_DIGITS, Footnote, Kind, Paragraph
from ..typography import comparable_table, py_comparable

Unit = Paragraph | Footnote

#: Kinds a draft has once: they pair with each other whatever their text.
SINGLETON_KINDS = frozenset({Kind.DOC_HEADING, Kind.TITLE, Kind.FORMULA})
CONTAINED_MIN_WORDS = 5  # a shorter unit this long may pair by containment

#: Kinds of running text that may turn into one another: a preambular paragraph made
#: operative, a line of text set as a heading (or read as one by another reader).
PROSE_KINDS = frozenset({Kind.PREAMBULAR, Kind.OPERATIVE, Kind.TEXT, Kind.HEADING})


def family(unit: Unit) -> str:
    """Only units of one family are ever paired: footnotes with footnotes, running text
    with running text (the engine reports a change of kind), and the document heading,
    title, formula and tables each with their own kind."""
    if isinstance(unit, Footnote):
        return "fn"
    return "prose" if unit.kind in PROSE_KINDS else unit.kind.value


def unit_key(unit: Unit) -> str:
    """What must be equal for two units to be "the same text": the comparison form of
    :mod:`redraft.typography` (spacing, no-break spaces, tabs, invisible marks and soft
    hyphens do not count), footnote references reduced to "a reference here"."""
    return family_key(unit, family(unit))


def family_key(unit: Unit, family: str) -> str:
    """:func:`unit_key` given the unit's :func:`family` (the alignment has it already)."""
    if isinstance(unit, Paragraph) and unit.kind is Kind.TABLE:
        return family + "\x00" + mask_refs(comparable_table(unit.text))
    return _text_key(family, unit.text)


def py_text_key(family: str, text: str) -> str:
    """The key of a text of one family (in C: :mod:`redraft.accelerator`)."""
    return family + "\x00" + py_mask_refs(py_comparable(text))


#: :func:`py_text_key`, cached: consecutive versions of a draft share most of their
#: paragraphs (each redline of a long history keys both of its sides), and within one
#: diff a paragraph kept as it was gets one key object for both sides, hashed once and
#: compared by identity by the alignment's dicts. The C twin is cached directly (no
#: Python frame per unit: the alignment keys every unit of both drafts).
_text_key = lru_cache(maxsize=16384)(py_text_key if scan is None else scan.text_key)


_BRACKET_REF = re.compile(r"\[\^[^\]\s]+\]")


def mask_refs(text: str) -> str:
    """Each footnote reference ("¹⁶", "[^a]") replaced by one "\x01"."""
    if scan is not None:  # one pass of C instead of up to eleven searches
        return scan.mask_refs(text)
    return py_mask_refs(text)


def py_mask_refs(text: str) -> str:
    """:func:`mask_refs` in Python (the specification; see :mod:`redraft.accelerator`)."""
    masked = False
    if not text.isascii():  # superscripts are not ASCII: most paragraphs skip ten scans
        for digit in SUPERSCRIPT_DIGITS:
            if digit in text:
                text = text.replace(digit, "\x01")
                masked = True
    if masked:
        while "\x01\x01" in text:
            text = text.replace("\x01\x01", "\x01")
    if "[^" in text:
        text = _BRACKET_REF.sub("\x01", text)
    return text


_BAG_WORD = re.compile(r"[^\W_]+(?:['’\-/.][^\W_]+)*")
#: The same words where the text holds no "_" (``\w`` is then ``[^\W_]``): plain
#: ``\w`` and possessive repeats make the scan, the alignment's main cost, a quarter faster.
_BAG_WORD_PLAIN = re.compile(r"\w++(?:['’\-/.]\w++)*+")
#: And for an ASCII text, with ``re.ASCII`` (``\w`` a table lookup: a fifth faster).
_BAG_WORD_ASCII = re.compile(r"\w++(?:['’\-/.]\w++)*+", re.ASCII)


def words(text: str) -> Counter[str]:
    """The bag of lowercased words of a text (footnote references left out)."""
    return Counter(word_list(text))


def word_list(text: str) -> list[str]:
    """The words of :func:`words`, in order."""
    text = _bag_text(text)
    if "_" in text:
        pattern = _BAG_WORD
    else:
        pattern = _BAG_WORD_ASCII if text.isascii() else _BAG_WORD_PLAIN
    return pattern.findall(text)


def _bag_text(text: str) -> str:
    """What the bag's words are found in: references out, lowercase."""
    return mask_refs(text).replace("\x01", " ").lower()


def sized_bag(text: str) -> tuple[Counter[str], int]:
    """:func:`words` and how many words it holds (``sum(bag.values())``)."""
    if scan is not None:  # counted in C straight into the bag
        bag: Counter[str] = Counter()
        return bag, scan.count_bag(_bag_text(text), bag)
    found = word_list(text)
    return Counter(found), len(found)


class Bags:
    """Bags of words computed on first use: most units are paired by exact text."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = units
        #: index -> (bag, words in it): the size is wanted with the bag, and one dict
        #: lookup serves both
        self.sized: dict[int, tuple[Counter[str], int]] = {}

    def entry(self, index: int) -> tuple[Counter[str], int]:
        """The unit's bag and its size (``sum(bag.values())``), computed once."""
        found = self.sized.get(index)
        if found is None:
            found = self.sized[index] = sized_bag(self.units[index].text)
        return found

    def __getitem__(self, index: int) -> Counter[str]:
        return self.entry(index)[0]

    def size(self, index: int) -> int:
        """Words in the unit's bag."""
        return self.entry(index)[1]


def pair_score(a: Counter[str], b: Counter[str]) -> float:
    """How likely two units are one paragraph, edited: the multiset Jaccard, or half the
    share of the shorter one found in the longer when that is long enough, so that a
    paragraph cut down to its first line still pairs with what it was."""
    return sized_score(a, b, sum(a.values()), sum(b.values()))


def sized_score(a: Counter[str], b: Counter[str], size_a: int, size_b: int) -> float:
    """:func:`pair_score` given the bags' sizes (``sum(bag.values())``, kept by
    :class:`Bags`: the alignment scores each bag against several others)."""
    if scan is not None:  # the same operations in C, so the same float
        return scan.sized_score(a, b, size_a, size_b, CONTAINED_MIN_WORDS)
    return py_sized_score(a, b, size_a, size_b)


def py_sized_score(a: Counter[str], b: Counter[str], size_a: int, size_b: int) -> float:
    """:func:`sized_score` in Python (the specification; see :mod:`redraft.accelerator`)."""
    if not a or not b:
        return 1.0 if not a and not b else 0.0
    common = py_common_words(a, b)
    score = common / (size_a + size_b - common)
    shorter = min(size_a, size_b)
    if shorter >= CONTAINED_MIN_WORDS:
        score = max(score, 0.5 * common / shorter)
    return score


def score_ceiling(a: Counter[str], b: Counter[str], size_a: int, size_b: int) -> float:
    """An upper bound of :func:`sized_score` from the bags' shared distinct words alone
    (one set intersection in C, no counting): each distinct word of a bag absent from the
    other takes at least one occurrence out of the common part. The bound is computed
    with the score's own formulas, so float rounding cannot put it below the score."""
    if scan is not None:  # the same operations in C, so the same float
        return scan.score_ceiling(a, b, size_a, size_b, CONTAINED_MIN_WORDS)
    return py_score_ceiling(a, b, size_a, size_b)


def py_score_ceiling(a: Counter[str], b: Counter[str], size_a: int, size_b: int) -> float:
    """:func:`score_ceiling` in Python (the specification)."""
    if not a or not b:
        return 1.0
    shared = len(a.keys() & b.keys())
    most = min(size_a - len(a) + shared, size_b - len(b) + shared)
    ceiling = most / (size_a + size_b - most)
    shorter = min(size_a, size_b)
    if shorter >= CONTAINED_MIN_WORDS:
        ceiling = max(ceiling, 0.5 * most / shorter)
    return ceiling


def common_words(a: Counter[str], b: Counter[str]) -> int:
    """Size of the multiset intersection (faster than ``sum((a & b).values())``: the
    loop over shared words runs in C, through ``map``)."""
    if scan is not None:  # one loop in C, no set made
        return scan.common_count(a, b)
    return py_common_words(a, b)


def py_common_words(a: Counter[str], b: Counter[str]) -> int:
    """:func:`common_words` in Python (the specification)."""
    shared = a.keys() & b.keys()
    return sum(map(min, map(a.__getitem__, shared), map(b.__getitem__, shared)))


def similarity(a: Counter[str], b: Counter[str]) -> float:
    """Multiset Jaccard of two bags of words (0 when either is empty)."""
    if not a or not b:
        return 1.0 if not a and not b else 0.0
    common = common_words(a, b)
    return common / (sum(a.values()) + sum(b.values()) - common)


def citing_blocks(units: Sequence[Unit]) -> list[int]:
    """For each footnote the index of the block citing it (-1 for blocks)."""
    out, last = [], -1
    for index, unit in enumerate(units):
        if isinstance(unit, Footnote):
            out.append(last)
        else:
            out.append(-1)
            last = index
    return out
