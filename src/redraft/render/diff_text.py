"""The terminal redline: one block per changed paragraph, headed by its labels.

Deletions and insertions are coloured (red struck / green underlined) *and* marked
``{--old--}{++new++}`` (:mod:`.marks`), so the redline survives ``NO_COLOR``, pipes
and files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..diff.result import Change, DiffResult, change_heading, display_segments, summary_line
from .marks import MARKS, marked

if TYPE_CHECKING:
    from rich.text import Text

REMOVED_STYLE = "red strike"
ADDED_STYLE = "green underline"
HEADING_STYLE = "bold cyan"


def shown(result: DiffResult, show_all: bool, typography: bool = False) -> list[Change]:
    """The changes a human wants to read: changed ones, or every one with ``--all``;
    ``typography`` adds those reported equal for their typography (``--typography``)."""
    return [c for c in result.changes if show_all or c.changed or (typography and c.typography)]


def redline(change: Change, sides: str = "-+", typography: bool = False) -> Text:
    """The segments of one change as marked, styled text (``sides`` picks - and/or +;
    what is shown: :func:`redraft.diff.result.display_segments`)."""
    from rich.text import Text

    text = Text()
    for op, chunk in display_segments(change, sides, typography):
        if op == "=":
            text.append(chunk)
        elif op in sides:
            opener, closer = MARKS[op]
            style = REMOVED_STYLE if op == "-" else ADDED_STYLE
            text.append(opener, style=style)
            text.append(chunk, style=style)
            text.append(closer, style=style)
    return text


def header_lines(header: tuple[str, str] | None) -> str:
    """``--- OLD`` and ``+++ NEW``: which two versions the redline compares."""
    if header is None:
        return ""
    return f"--- {header[0]}\n+++ {header[1]}\n\n"


def render_diff_text(
    result: DiffResult,
    show_all: bool = False,
    limit: int | None = None,
    header: tuple[str, str] | None = None,
    typography: bool = False,
) -> Text:
    """The whole redline as one rich Text (``.plain`` is the uncoloured form);
    ``limit`` keeps the first changes only (the summary still counts them all);
    ``header`` names the two versions (:func:`header_lines`)."""
    from rich.text import Text

    out = Text(header_lines(header), style="bold")
    changes = shown(result, show_all, typography)
    if limit is not None and len(changes) > limit:
        hidden = len(changes) - limit
        changes = changes[:limit]
    else:
        hidden = 0
    for change in changes:
        out.append(change_heading(change), style=HEADING_STYLE)
        out.append("\n")
        out.append_text(redline(change, typography=typography))
        out.append("\n\n")
    if hidden:
        out.append(f"… and {hidden} more\n\n", style="dim")
    out.append(summary_line(result.summary(), result.changes), style="bold")
    out.append("\n")
    return out


def plain_redline(change: Change, typography: bool = False) -> str:
    return "".join(marked(op, text) for op, text in display_segments(change, "-+", typography))


def render_diff_plain(
    result: DiffResult,
    show_all: bool = False,
    header: tuple[str, str] | None = None,
    typography: bool = False,
) -> str:
    """The same redline as :func:`render_diff_text` without colour, and without
    importing rich: for files and pipes, one line per paragraph."""
    parts = [header_lines(header)]
    for change in shown(result, show_all, typography):
        parts.append(f"{change_heading(change)}\n{plain_redline(change, typography)}\n\n")
    parts.append(summary_line(result.summary(), result.changes) + "\n")
    return "".join(parts)
