"""Two columns, old and new, one row per change (``redraft diff --format side``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..diff.result import DiffResult, change_details, side_labels, summary_line
from .diff_text import redline, shown

if TYPE_CHECKING:
    from rich.console import Group


def render_diff_side(
    result: DiffResult,
    show_all: bool = False,
    header: tuple[str, str] | None = None,
    typography: bool = False,
) -> Group:
    """A rich table: left the old text with deletions marked, right the new with insertions;
    the columns are headed by ``header`` (the two versions), else the sources."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    old_title, new_title = header or (result.old_source or "old", result.new_source or "new")
    table.add_column(old_title, ratio=1, overflow="fold")
    table.add_column(new_title, ratio=1, overflow="fold")
    for change in shown(result, show_all, typography):
        # Each cell opens with its own labels, so the two columns stay level.
        left = Text(side_labels(change.old) or "—", style="bold cyan")
        right = Text(side_labels(change.new) or "—", style="bold cyan")
        right.append(" · " + " · ".join(change_details(change)), style="cyan")
        if change.old:
            left.append("\n")
            left.append_text(redline(change, "-", typography))
        if change.new:
            right.append("\n")
            right.append_text(redline(change, "+", typography))
        table.add_row(left, right)
    return Group(table, Text(summary_line(result.summary(), result.changes) + "\n", style="bold"))
