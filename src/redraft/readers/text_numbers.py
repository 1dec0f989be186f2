"""Paragraph numbers as printed, and the nesting they imply.

A printed number has a *style* ("1.", "(a)", "(i)", "a.", "i.", "(1)", "a)") and a
value. Nesting follows the usual UN scheme (1. -> (a) -> (i) -> a. -> i.) without
assuming it: the first number of a new style opens a level below the current one,
a number that continues a level's sequence returns to that level. "(i)" after "(h)"
continues the letters; "(i)" anywhere else opens a roman level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import numerals

SUFFIXES = "bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|alt"

#: Letters that number items, in every official language: Latin, Russian (Cyrillic
#: letters, and their look-alikes typed in Latin lists), Arabic (abjad, "هـ" with its
#: tatweel), and the earthly branches of older Chinese texts (子 丑 寅).
_LETTER = "[a-z\u0430-\u044f\u0456\u0458\u0455\u0501子丑寅卯辰巳午未申酉戌亥]"
_ARABIC_LETTER = "[\u0621-\u064a]\u0640?"
_CJK = "[一二三四五六七八九十]{1,3}"

#: The number at the start of a paragraph, and what follows it. ``\d`` matches the
#: Eastern Arabic (٣) and full-width (３) digits as well.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("arabic", re.compile(rf"^(?:OP|PP)\s?(\d{{1,3}}(?:\s*\.?\s*(?:{SUFFIXES}))?\.?)(?=\s)")),
    ("arabic", re.compile(rf"^(\d{{1,3}}(?:\s*\.?\s*(?:{SUFFIXES})\.?|[.．]))(?=\s)")),
    ("arabic)", re.compile(r"^(\d{1,3}\))(?=\s)")),
    # Arabic "5 -", "5 –" (the dash is the period of the other languages), also before an
    # italic opening that holds a tab ("5 -<TAB>*<TAB>تشجع*": 79/51) or follows the dash
    # with no space ("8 –*<TAB>تهيب*": 79/223)
    (
        "arabic",
        re.compile(r"^(\d{1,3})\s*[-–](?=\s+[*“\"(]?\s*[\u0600-\u06ff]|\*\s*[\u0600-\u06ff])"),
    ),
    ("arabic", re.compile(rf"^({_CJK}、)")),  # Chinese "一、": the top level, no space after
    (
        "(alpha)",
        re.compile(rf"^(\((?:[a-z]{{1,4}}|\d{{1,2}}|[A-Z])\)(?:\s?(?:{SUFFIXES}))?)(?=\s|$)"),
    ),
    (
        "(alpha)",
        re.compile(rf"^(\((?:{_LETTER}{{1,3}}|{_ARABIC_LETTER}(?: ?{_ARABIC_LETTER})?)\))(?=\s)"),
    ),
    ("(alpha)", re.compile(r"^([（(][\d]{1,2}[)）])(?=\s|[^\s\w]|[\u4e00-\u9fff])")),
    ("’roman‘", re.compile(r"^([’‘']\d{1,2}[’‘'])(?=\s)")),  # Arabic roman items: ’1‘ = (i)
    ("(cjk)", re.compile(rf"^([（(]{_CJK}[)）]|[\u3220-\u3229])")),  # Chinese "（一）", "㈠"
    ("alpha)", re.compile(rf"^({_LETTER}{{1,4}}\))(?=\s)")),
    ("alpha.", re.compile(r"^([a-z]{1,4}\.)(?=\s)")),
)
_NEGOTIATION = re.compile(rf"({SUFFIXES})\.?\)?$")
_ROMAN = re.compile(r"^[ivxlc]+$")


@dataclass(frozen=True)
class Number:
    """A printed number: ``text`` as printed minus spaces ("3bis.", "(a)"), the
    prefix it carried ("OP", "PP" or ""), and the styles it may belong to with
    its value in each (an "(i)" is both the ninth letter and roman one)."""

    text: str
    prefix: str
    readings: tuple[tuple[str, int], ...]
    inserted: bool  # a negotiation number: "3bis", "5alt"


def parse_number(text: str) -> tuple[Number | None, str]:
    """The number at the start of ``text`` and the rest, or (None, text). A paragraph
    proposed wholly in brackets, number included ("[1 bis. Decides ... - G77]"), has
    its number read through the bracket; the rest keeps the "["."""
    if text.startswith("["):
        number, rest = _parse_number(text[1:])
        return (number, "[" + rest) if number is not None else (None, text)
    return _parse_number(text)


def _parse_number(text: str) -> tuple[Number | None, str]:
    for family, pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        printed = "".join(match.group(1).split())
        rest = text[match.end() :].strip()
        prefix = match.group(0)[:2] if match.group(0).startswith(("OP", "PP")) else ""
        return Number(
            printed, prefix, _readings(family, printed), bool(_NEGOTIATION.search(printed))
        ), rest
    return None, text


def _readings(family: str, printed: str) -> tuple[tuple[str, int], ...]:
    core = numerals.fold(_NEGOTIATION.sub("", printed)).strip("()（）.．、’‘'- –")
    if family.startswith("arabic"):
        digits = re.match(r"\d+", core)
        if digits:
            return ((family, int(digits.group(0))),)
        return ((family, numerals.cjk_value(core) or 0),)
    if family == "’roman‘":
        return (("(alpha)roman", int(core)),)  # the roman level, as "(i)" reads
    if family == "(cjk)":
        return ((family, numerals.cjk_value(core) or 0),)
    if core.isdigit():
        return (("(digit)", int(core)),)
    if core.isupper():
        return (("(UPPER)", ord(core) - 64),)
    if not core.isascii():
        letters = numerals.letter_values(numerals.arabic_letter(core).replace(" ", ""))
        return tuple((family, value) for value in letters) or ((family, 0),)
    readings = []
    if len(core) == 1 or (len(set(core)) == 1 and len(core) <= 3 and not _ROMAN.match(core)):
        readings.append((family, (ord(core[0]) - 96) + 26 * (len(core) - 1)))
    if _ROMAN.match(core):
        readings.append((family + "roman", roman_value(core)))
    return tuple(readings) or ((family, 0),)  # "(ab)": a style, no place in a sequence


def roman_value(text: str) -> int:
    """A roman item number read leniently ("iiii" -> 4): the printed text decides."""
    return numerals.roman_sum(text, "ivxlc") or 0


@dataclass
class Level:
    """One open level of numbering: its style and the last value seen."""

    style: str
    last: int


def place(levels: list[Level], number: Number) -> tuple[int, str]:
    """Where ``number`` goes: the depth (0 = top level) it takes in ``levels``,
    which is updated. Returns (depth, how) with how in "continue", "open", "skip" (a
    style already open, out of sequence: its place is certain, its number is for
    ``check`` to judge) or "guess" (nothing fits: the place is a guess)."""
    # 1. continue the sequence of an open level, deepest first
    for depth in range(len(levels) - 1, -1, -1):
        level = levels[depth]
        for style, value in number.readings:
            if style == level.style and _follows(level.last, value, number.inserted):
                del levels[depth + 1 :]
                level.last = value
                return depth, "continue"
    # 2. the first number of a new style opens a level below the current one
    for style, value in number.readings:
        if value == 1 and not number.inserted:
            levels.append(Level(style, value))
            return len(levels) - 1, "open"
    style, value = number.readings[0]
    # 3. a style already open, out of sequence (a skipped or repeated number)
    for depth in range(len(levels) - 1, -1, -1):
        if levels[depth].style in {s for s, _ in number.readings}:
            del levels[depth + 1 :]
            levels[depth].last = value
            return depth, "skip"
    # 4. nothing fits: the first level, or a sibling of the deepest sub-level
    if len(levels) <= 1:
        levels.append(Level(style, value))
    else:
        levels[-1] = Level(style, value)
    return len(levels) - 1, "guess"


def _follows(last: int, value: int, inserted: bool) -> bool:
    """The next number of a sequence, or an inserted one ("3bis" after "3")."""
    return value == last + 1 or (inserted and value == last)
