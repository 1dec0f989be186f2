"""The redline marks of every plain-text output (docs/diff.md).

Deletions and insertions are written in CriticMarkup, ``{--removed--}`` and
``{++added++}``: curly braces doubled with the sign, which no UN text uses, so a
mark can never be confused with the square brackets negotiators type
(``[- EU]``, ``[annually / biennially]``). git's ``[-..-]{+..+}`` collided with them:
``[-[-]Encourages``. A terminal also shows the marks in colour; files, pipes and
``NO_COLOR`` rely on the characters alone.
"""

from __future__ import annotations

import re

DELETED = ("{--", "--}")
ADDED = ("{++", "++}")
#: diff segment op ("-" or "+") -> (opening mark, closing mark)
MARKS = {"-": DELETED, "+": ADDED}

_MARKED = re.compile(r"\{--(.*?)--\}|\{\+\+(.*?)\+\+\}", re.DOTALL)


def marked(op: str, text: str) -> str:
    """``text`` between the marks of ``op`` ("=" leaves it as it is)."""
    if op == "=":
        return text
    opener, closer = MARKS[op]
    return f"{opener}{text}{closer}"


def parse_marks(redline: str) -> list[tuple[str, str]]:
    """The segments ``[(op, text)]`` of a marked redline: the inverse of :func:`marked`
    over a paragraph's segments (for scripts and tests that read plain output)."""
    out: list[tuple[str, str]] = []
    at = 0
    for match in _MARKED.finditer(redline):
        if match.start() > at:
            out.append(("=", redline[at : match.start()]))
        removed, added = match.group(1), match.group(2)
        out.append(("-", removed) if removed is not None else ("+", added))
        at = match.end()
    if at < len(redline):
        out.append(("=", redline[at:]))
    return out
