"""Text that is safe to print: what a collaborator wrote can never drive the terminal.

A draft, a commit message, a delegation's name or a file name may hold control
characters, among them the escape sequences that recolour a terminal, move its cursor,
rewrite its title or hide a line (``ESC [ 2 K``, ``ESC ] 0 ; ... BEL``, a carriage
return). :func:`printable` shows each as a visible sign instead; it is the one function
every text renderer and every terminal message of the CLI goes through (the rich
consoles of :mod:`.console`, ``emit``, ``warn`` and the error line). JSON escapes them
itself (:func:`redraft.render.json.dumps`).
"""

from __future__ import annotations

import re

#: Control characters: C0 except tab and newline, DEL, and C1 (U+0080-U+009F), which some
#: terminals read as escape sequences too (U+009B is a one-character CSI).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _sign(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␛ for ESC, ␍ for CR
    if code == 0x7F:
        return "\u2421"  # ␡
    if code in (0x2028, 0x2029):
        return " "
    return "\ufffd"


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline shown as a visible sign
    (``ESC`` as ``␛``, a carriage return as ``␍``, a C1 control as ``�``)."""
    if not CONTROL.search(text):
        return text
    return CONTROL.sub(_sign, text)


def printable_line(text: str) -> str:
    """The same for a one-line field (a name, a message's subject in a table): newlines
    and tabs become signs too, so a field never breaks the line it sits in."""
    if not _LINE_BREAKS.search(text):
        return text
    return _LINE_BREAKS.sub(_sign, text)
