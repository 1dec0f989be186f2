"""Words and tokens as the diff sees them: what a redline segment is, how a text is cut
into tokens, and how the words of a segment are counted (the diff's summary)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..accelerator import scan

#: Segment operations: "=" kept, "-" removed, "+" added. "=" and "-" rebuild the old
#: text, "=" and "+" the new text.
Segment = tuple[str, str]

#: Tokens: a footnote reference ("¹⁶", "[^a]"), a word (letters/digits, with inner
#: apostrophes, hyphens, slashes or periods: "non-State", "A/RES/70/1", "E/CN.15/2011/L.3",
#: and digit groups "3,000"), whitespace, or one other character.
_W = r"[^\W⁰¹²³⁴⁵⁶⁷⁸⁹]"  # word characters except superscript digits (references)
#: The repeats are possessive (``++``, ``*+``): nothing after a repeat can match what
#: it gave back, so the tokens are the same, and the scan keeps no backtracking points.
_TOKEN = re.compile(
    r"[⁰¹²³⁴⁵⁶⁷⁸⁹]++"
    r"|\[\^[^\]\s]++\]"
    rf"|{_W}++(?:['’\-/.]{_W}++|(?<=\d),\d++)*+"
    r"|\s++"
    r"|.",
    re.DOTALL,
)
_WORD_TOKEN = re.compile(rf"{_W}++(?:['’\-/.]{_W}++|(?<=\d),\d++)*+")
#: The same for a text with no superscript digit (most of them): plain ``\w`` is then
#: the same class, and a quarter faster to scan.
_TOKEN_PLAIN = re.compile(r"\[\^[^\]\s]++\]|\w++(?:['’\-/.]\w++|(?<=\d),\d++)*+|\s++|.", re.DOTALL)
_WORD_TOKEN_PLAIN = re.compile(r"\w++(?:['’\-/.]\w++|(?<=\d),\d++)*+")
#: The same again for an ASCII text (half of a UN draft's paragraphs), compiled with
#: ``re.ASCII``: ``\w`` is then one table lookup, not a Unicode category, and the scan
#: a fifth faster. ``\s`` is spelled out: Unicode ``\s`` also takes the separators
#: U+001C to U+001F, and ASCII ``\s`` does not.
_ASCII_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f "
_TOKEN_ASCII = re.compile(
    rf"\[\^[^\]{_ASCII_SPACE}]++\]|\w++(?:['’\-/.]\w++|(?<=\d),\d++)*+|[{_ASCII_SPACE}]++|.",
    re.DOTALL | re.ASCII,
)
_WORD_TOKEN_ASCII = re.compile(r"\w++(?:['’\-/.]\w++|(?<=\d),\d++)*+", re.ASCII)
_SUPERSCRIPT = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]")
_REF_MARK = re.compile(r"\[\^[^\]\s]+\]")


def _plain(text: str) -> bool:
    """No superscript digit in ``text`` (none in ASCII, else one scan in C)."""
    return text.isascii() or _SUPERSCRIPT.search(text) is None


def tokenize(text: str) -> list[str]:
    """Tokens whose concatenation is exactly ``text``."""
    if scan is not None:  # the same in C, three to seven times faster
        return scan.tokenize(text)
    return py_tokenize(text)


def py_tokenize(text: str) -> list[str]:
    """:func:`tokenize` by regular expressions: the specification, and the fallback where
    the C accelerator is not built."""
    if text.isascii():
        return _TOKEN_ASCII.findall(text)
    return (_TOKEN_PLAIN if _plain(text) else _TOKEN).findall(text)


def count_words(text: str) -> int:
    """Words as the summary counts them: word tokens (footnote markers excluded)."""
    if scan is not None:  # the same in C, three to seven times faster
        return scan.count_words(text)
    return py_count_words(text)


def py_count_words(text: str) -> int:
    """:func:`count_words` by regular expressions (as :func:`py_tokenize`)."""
    if "[^" in text:
        text = _REF_MARK.sub(" ", text)
    if text.isascii():
        return len(_WORD_TOKEN_ASCII.findall(text))
    return len((_WORD_TOKEN_PLAIN if _plain(text) else _WORD_TOKEN).findall(text))


def word_counts(segments: Iterable[Segment]) -> tuple[int, int]:
    """(words added, words removed)."""
    added = removed = 0
    for op, text in segments:
        if op == "+":
            added += count_words(text)
        elif op == "-":
            removed += count_words(text)
    return added, removed
