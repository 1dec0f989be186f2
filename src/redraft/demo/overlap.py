"""Demo step 4: which bundled drafts cover the same ground (``redraft overlap``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import canonical
from ..merge.overlap import find_overlaps

if TYPE_CHECKING:
    from . import DemoContext

SHOWN_PAIRS = 4
SHOWN_BOILERPLATE = 3


def run(ctx: DemoContext) -> None:
    from rich.markup import escape

    console = ctx.console
    console.rule("[bold]4. Drafts that should become one: redraft overlap")
    paths = sorted(ctx.drafts_dir.glob("*.txt"))
    drafts = [(p.stem, canonical.parse(p.read_text(encoding="utf-8"))) for p in paths]
    if len(drafts) < 2:
        console.print("(fewer than two drafts)")
        return
    console.print("[dim]$ redraft overlap drafts/*.txt[/dim]\n")
    result = find_overlaps(drafts)
    console.print(f"{len(drafts)} drafts, {len(result.pairs)} overlapping pairs; the strongest:")
    for pair in result.pairs[:SHOWN_PAIRS]:
        console.print(f"\n[bold]{pair.score:.2f}[/bold]  {escape(pair.a)}\n   ~  {escape(pair.b)}")
        for shared in pair.shared:
            console.print(f"      {shared.a_label} ~ {shared.b_label}  {shared.similarity:.2f}")
    console.print(
        f"\nBoilerplate, in {result.boilerplate_min} drafts or more (reported apart, "
        "never counted as overlap):"
    )
    for item in result.boilerplate[:SHOWN_BOILERPLATE]:
        width = max(40, console.width - 14)
        text = item.text if len(item.text) <= width else item.text[: width - 1] + "…"
        console.print(f"  {len(item.drafts):2d} drafts  {escape(text)}")
    console.print(
        "\nDecision 20/1 asks delegations to merge drafts in the month before the session: "
        "[bold]redraft merge-drafts A B[/bold] proposes the merged text.\n"
    )
