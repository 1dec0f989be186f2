"""The terminal redline written directly as ANSI text, without rich.

``redraft diff`` to a terminal shows what :func:`redraft.render.diff_text.render_diff_text`
holds (headings, ``[-removed-]{+added+}`` in red struck and green underlined, the summary
line), wrapped at the terminal's width. Laying a long redline out through rich cost
twice the diff itself (importing rich included): this writes the same marks and styles
with a plain word wrap (wide CJK characters count two columns), in a few milliseconds.
Control characters in the texts show as visible signs (:mod:`.safe`); the only
escape codes written are the styles'. Colours follow ``NO_COLOR`` (the other
attributes stay, as rich does); ``TERM=dumb`` gets no escape codes at all.
"""

from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from ..diff.result import DiffResult, change_heading, display_segments, summary_line
from .diff_text import shown
from .marks import marked
from .safe import printable

#: SGR codes of the styles :mod:`redraft.render.diff_text` names (colour, other attributes).
_STYLES = {
    "removed": ("31", "9"),  # red strike
    "added": ("32", "4"),  # green underline
    "heading": ("36", "1"),  # bold cyan
    "summary": ("", "1"),  # bold
}
_ASCII = frozenset(map(chr, range(128)))
_PIECES = re.compile(r"\S+|\s")  # words, and each space or line break on its own

Run = tuple[str, str]  # (text, style name or "")


def render_diff_ansi(
    result: DiffResult,
    width: int,
    show_all: bool = False,
    header: tuple[str, str] | None = None,
    typography: bool = False,
) -> str:
    """The redline for a terminal ``width`` columns wide, with escape codes; ``header``
    names the two versions (``--- OLD``, ``+++ NEW``, as the plain redline does)."""
    codes = _codes()
    out: list[str] = []
    if header is not None:
        for line in (f"--- {header[0]}", f"+++ {header[1]}"):
            out.extend(_wrap([(line, "summary")], width, codes))
        out.append("")
    for change in shown(result, show_all, typography):
        out.extend(_wrap([(change_heading(change), "heading")], width, codes))
        runs: list[Run] = []
        for op, chunk in display_segments(change, "-+", typography):
            if op == "=":
                runs.append((chunk, ""))
            else:
                runs.append((marked(op, chunk), "removed" if op == "-" else "added"))
        out.extend(_wrap(runs, width, codes))
        out.append("")
    out.extend(_wrap([(summary_line(result.summary(), result.changes), "summary")], width, codes))
    return "\n".join(out) + "\n"


def _codes() -> dict[str, tuple[str, str]]:
    """style -> (escape before, escape after), as the terminal and NO_COLOR allow."""
    if os.environ.get("TERM") == "dumb":
        return {name: ("", "") for name in _STYLES}
    plain = "NO_COLOR" in os.environ
    found = {}
    for name, (colour, attribute) in _STYLES.items():
        parts = [p for p in (attribute, "" if plain else colour) if p]
        found[name] = (f"\x1b[{';'.join(parts)}m", "\x1b[0m")
    return found


def _cells(text: str) -> int:
    """Columns ``text`` takes: wide East Asian characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap(runs: list[Run], width: int, codes: dict[str, tuple[str, str]]) -> list[str]:
    """Lines of at most ``width`` columns, broken at spaces (a word longer than a line
    is cut); a styled stretch is opened and closed once on each line it reaches.

    The lines are found on the runs' text joined (a word is what lies between two
    spaces, whatever its styles: it may be part deleted, part added), as spans of it,
    then cut back into styled runs: one pass of arithmetic per word, not per piece."""
    width = max(width, 10)
    # control characters a collaborator typed shown as visible signs (one sign each, so
    # the runs' offsets hold), before the escape codes of the styles go in
    plain = printable("".join(text for text, _ in runs))
    starts: list[int] = []
    at = 0
    for text, _ in runs:
        starts.append(at)
        at += len(text)
    styles = [style for _, style in runs]
    return [
        _styled(plain, starts, styles, start, end, codes)
        for start, end in _line_spans(plain, width)
    ]


def _line_spans(plain: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line in ``plain``: spaces at the start of a line are dropped,
    spaces at its end too; every ``\\n`` ends a line; a word that does not fit goes to
    the next line, one wider than a line is cut at the columns left."""
    wide = not plain.isascii() and any(_cells(c) > 1 for c in set(plain).difference(_ASCII))
    if not wide and "\n" not in plain:  # a column a character
        words = plain.split()
        if len(words) - 1 == len(plain) - sum(map(len, words)) and max(map(len, words)) <= width:
            # words one space apart, none wider than a line (most paragraphs): each
            # line is the longest stretch of whole words that fits, found by a regex
            return [match.span(1) for match in _fitting(width).finditer(plain)]
    spans: list[tuple[int, int]] = []
    start = end = used = 0  # the line being filled: plain[start:end], ``used`` columns
    for match in _PIECES.finditer(plain):
        word = match.group()
        if word == "\n":
            spans.append((start, end))
            start = end = used = 0
            continue
        if word.isspace():
            if used and used < width:
                used += 1  # kept only if a word follows on this line
            continue
        size = _cells(word) if wide else len(word)
        if used + size > width and used:
            spans.append((start, end))
            start = end = used = 0
        at = match.start()
        if not used:
            start = at
        if size <= width:
            used += size
            end = match.end()
            continue
        while at < match.end():  # a word wider than the screen: cut it
            cut = _fit(plain[at : match.end()], width - used) if used < width else 0
            if not cut:
                spans.append((start, end))
                start = end = at
                used = 0
                continue
            used += _cells(plain[at : at + cut])
            at = end = at + cut
    spans.append((start, end))
    return spans


@lru_cache(maxsize=8)
def _fitting(width: int) -> re.Pattern[str]:
    """Up to ``width`` characters ending before a space or at the end: one line."""
    return re.compile(f"(.{{1,{width}}})(?:[^\\S\\n]|$)")


def _styled(
    plain: str,
    starts: list[int],
    styles: list[str],
    start: int,
    end: int,
    codes: dict[str, tuple[str, str]],
) -> str:
    """``plain[start:end]`` with the escape codes of the runs it crosses (``starts``:
    where each run begins; a run of the same style as the one before goes on)."""
    out: list[str] = []
    current = ""
    index = bisect_right(starts, start) - 1
    at = start
    while at < end:
        stop = min(starts[index + 1] if index + 1 < len(starts) else end, end)
        if stop > at:
            style = styles[index]
            if style != current:
                if current:
                    out.append(codes[current][1])
                if style:
                    out.append(codes[style][0])
                current = style
            out.append(plain[at:stop])
            at = stop
        index += 1
    if current:
        out.append(codes[current][1])
    return "".join(out)


def _fit(word: str, room: int) -> int:
    """How many characters of ``word`` fit in ``room`` columns (0 when none does)."""
    if word.isascii():
        return min(len(word), max(room, 0))
    used = 0
    for index, char in enumerate(word):
        used += _cells(char)
        if used > room:
            return index
    return len(word)
