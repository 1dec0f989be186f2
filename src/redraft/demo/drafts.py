"""Demo step 1: the bundled drafts, and one of them with its paragraph labels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import canonical
from ..outline import counts
from ..render.draft_text import print_draft

if TYPE_CHECKING:
    from pathlib import Path

    from . import DemoContext

#: The draft printed in full: short, with footnotes printed pages away from their paragraphs.
SHOWN = "ga-draft-resolution-i-follow-up-twelfth-united"
_SERIES = ("ga-", "ecosoc-", "ccpcj-")


def _report_order(path: Path) -> tuple[int, bool, str]:
    """The report's order: General Assembly, then Council, then Commission texts;
    resolutions before decisions (roman numerals happen to sort right)."""
    name = path.stem
    rank = next((i for i, prefix in enumerate(_SERIES) if name.startswith(prefix)), len(_SERIES))
    return rank, "decision" in name, name


def run(ctx: DemoContext) -> None:
    from rich.table import Table

    console = ctx.console
    paths = sorted(ctx.drafts_dir.glob("*.txt"), key=_report_order)
    drafts = {path.stem: canonical.parse(path.read_text(encoding="utf-8")) for path in paths}
    ctx.notes["drafts"] = drafts
    console.rule("[bold]1. The drafts")
    console.print(
        f"{len(drafts)} drafts split from chapter I of the report of the Commission on Crime "
        "Prevention and Criminal Justice on its twentieth session (E/2011/30) with "
        "[bold]redraft split[/bold]. Each is kept as canonical text, one paragraph per line.\n"
    )
    table = Table(box=None, header_style="bold", pad_edge=False)
    # Fixed columns first; name and title share what is left (rich would rather drop
    # the figures than cut the titles);
    # the name (what a user types) folds rather than being cut.
    rest = max(30, console.width - 46)
    name_width = min(max(len(name) for name in drafts), rest * 3 // 5)
    table.add_column("name", overflow="fold", width=name_width)
    table.add_column("heading", no_wrap=True, width=20)
    table.add_column("title", no_wrap=True, overflow="ellipsis", width=rest - name_width)
    for column, width in (("PP", 3), ("OP", 3), ("words", 5)):
        table.add_column(column, justify="right", no_wrap=True, width=width)
    for name, draft in drafts.items():
        figures = counts(draft)
        table.add_row(
            name,
            draft.heading,
            draft.title,
            str(figures.preambular),
            str(figures.operative),
            str(figures.words),
        )
    console.print(table)
    shown = drafts.get(SHOWN) or next(iter(drafts.values()), None)
    if shown is None:
        return
    console.print(
        f"\n[bold]redraft show drafts/{SHOWN}.txt[/bold]: every paragraph with the label "
        "negotiators use (PP3, OP5(a), FN2); footnotes sit under the paragraph citing them.\n"
    )
    print_draft(console, shown)
