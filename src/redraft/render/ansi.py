"""The terminal redline written directly as ANSI text, without rich.

``redraft diff`` to a terminal shows what :func:`redraft.render.diff_text.render_diff_text`
holds (headings, ``[-removed-]{+added+}`` in red struck and green underlined, the summary
line), wrapped at the terminal's width. Laying a long redline out through rich cost
twice the diff itself (importing rich included): this writes the same marks and styles
with a plain word wrap (wide CJK characters count two columns), in a few milliseconds.
Colours follow ``NO_COLOR`` (the other attributes stay, as rich does); ``TERM=dumb``
gets no escape codes at all.
"""

from __future__ import annotations

import os
import re
import unicodedata

from ..diff.result import DiffResult, change_heading, display_segments, summary_line
from .diff_text import shown
from .marks import marked

#: SGR codes of the styles :mod:`redraft.render.diff_text` names (colour, other attributes).
_STYLES = {
    "removed": ("31", "9"),  # red strike
    "added": ("32", "4"),  # green underline
    "heading": ("36", "1"),  # bold cyan
    "summary": ("", "1"),  # bold
}
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
    is cut); a styled stretch is opened and closed once on each line it reaches."""
    width = max(width, 10)
    lines: list[str] = []
    line: list[Run] = []
    used = 0

    def flush() -> None:
        nonlocal line, used
        while line and line[-1][0].isspace():
            line.pop()
        lines.append(_styled(line, codes))
        line, used = [], 0

    for word in _words(runs):
        text = word[0][0]
        if text == "\n":
            flush()
            continue
        if text.isspace():
            if used and used < width:
                line.append(word[0])
                used += 1
            continue
        size = sum(_cells(piece) for piece, _ in word)
        if used + size > width and used:
            flush()
        if size <= width:
            line.extend(word)
            used += size
            continue
        for piece, style in word:  # a word wider than the screen: cut it
            while piece:
                cut = _fit(piece, width - used) if used < width else 0
                if not cut:
                    flush()
                    continue
                line.append((piece[:cut], style))
                used += _cells(piece[:cut])
                piece = piece[cut:]
    flush()
    return lines


def _words(runs: list[Run]) -> list[list[Run]]:
    """The runs cut into words (the styled pieces between two spaces: a word may be
    part deleted, part added), each space and line break a word of its own."""
    words: list[list[Run]] = []
    joining = False  # the last word may go on (no space since)
    for text, style in runs:
        for piece in _PIECES.findall(text):
            if piece.isspace():
                words.append([(piece, style)])
                joining = False
            elif joining:
                words[-1].append((piece, style))
            else:
                words.append([(piece, style)])
                joining = True
    return words


def _styled(line: list[Run], codes: dict[str, tuple[str, str]]) -> str:
    out: list[str] = []
    current = ""
    for text, style in line:
        if style != current:
            if current:
                out.append(codes[current][1])
            if style:
                out.append(codes[style][0])
            current = style
        out.append(text)
    if current:
        out.append(codes[current][1])
    return "".join(out)


def _fit(word: str, room: int) -> int:
    """How many characters of ``word`` fit in ``room`` columns (0 when none does)."""
    used = 0
    for index, char in enumerate(word):
        used += _cells(char)
        if used > room:
            return index
    return len(word)
