"""Two columns, old and new, one row per change (``redraft diff --format side``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..diff.result import DiffResult, change_heading, summary_line
from .diff_text import redline, shown

if TYPE_CHECKING:
    from rich.console import Group


def render_diff_side(result: DiffResult, show_all: bool = False) -> Group:
    """A rich table: left the old text with deletions marked, right the new with insertions."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    table.add_column(result.old_source or "old", ratio=1, overflow="fold")
    table.add_column(result.new_source or "new", ratio=1, overflow="fold")
    for change in shown(result, show_all):
        table.add_row(Text(change_heading(change), style="bold cyan"), "")
        table.add_row(redline(change, "-") if change.old else Text(""),
                      redline(change, "+") if change.new else Text(""))
    return Group(table, Text(summary_line(result.summary(), result.changes) + "\n", style="bold"))
