"""Demo step 2: a store with the bundled drafts and a short negotiation history.

Every bundled draft is imported; one of them, the Council's draft resolution on
UNODC's integrated programme approach, then gets four versions: tabled as an
L. document, amended by the European Union and by the Group of 77 and China,
issued as Rev.1 by the facilitator. The bundled text is the last version; the
earlier ones and their symbols are written for the demo and say so (illustrative).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .. import canonical
from ..resolve.log import log, summaries

if TYPE_CHECKING:
    from ..store import Store
    from . import DemoContext

DRAFT = "ecosoc-draft-resolution-ii-support-development-implementation"
L3, REV1 = "E/CN.15/2011/L.3", "E/CN.15/2011/L.3/Rev.1"
NOTE = " (illustrative history written for the redraft demo)"

# What the earlier versions said where the adopted text says otherwise.
TABLED_OP3 = (
    "3. *Invites* the Secretariat to promote a culture of evaluation throughout the organization;"
)
TABLED_OP6 = (
    "6. *Encourages* Member States to continue to support the regional and thematic programmes "
    "of the United Nations Office on Drugs and Crime through voluntary contributions;"
)
OP10 = re.compile(r"^10\. .*\n\n", re.MULTILINE)


def history(final: str) -> list[tuple[str, dict[str, Any]]]:
    """(text, save options) of each version, oldest first; the last is ``final``."""
    op3 = re.search(r"^3\. .*$", final, re.MULTILINE)
    op6 = re.search(r"^6\. .*$", final, re.MULTILINE)
    op10 = OP10.search(final)
    if not (op3 and op6 and op10):
        return [(final, {"by": "Facilitator", "symbol": REV1, "date": "2011-04-15"})]
    # Rev.1 minus the G77 paragraph (OP10, later paragraphs numbered one lower).
    without_op10 = _renumber_after(final[: op10.start()] + final[op10.end() :], 10)
    eu = without_op10.replace(op6.group(0), TABLED_OP6)
    tabled = eu.replace(op3.group(0), TABLED_OP3)
    g77 = final.replace(op6.group(0), TABLED_OP6)
    return [
        (
            tabled,
            {"by": "Main sponsor", "symbol": L3, "date": "2011-04-12", "message": "Tabled" + NOTE},
        ),
        (
            eu,
            {
                "by": "EU",
                "date": "2011-04-13",
                "message": "OP3: 'Requests' rather than 'Invites', with training of staff" + NOTE,
            },
        ),
        (
            g77,
            {
                "by": "Group of 77 and China",
                "date": "2011-04-14",
                "message": "New OP10 on centres of excellence in Latin America" + NOTE,
            },
        ),
        (
            final,
            {
                "by": "Facilitator",
                "symbol": REV1,
                "date": "2011-04-15",
                "message": "Rev.1 after informal consultations: OP6 on unearmarked funding" + NOTE,
            },
        ),
    ]


def _renumber_after(text: str, removed: int) -> str:
    def lower(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return f"{number - 1}. " if number > removed else match.group(0)

    return re.sub(r"^(\d+)\. ", lower, text, flags=re.MULTILINE)


def build(ctx: DemoContext) -> Store:
    """The demo store: every bundled draft, then the history of :data:`DRAFT`."""
    from ..store import Store

    store = Store.init(ctx.workdir / "store")
    for path in sorted(ctx.drafts_dir.glob("*.txt")):
        if path.stem != DRAFT:
            draft = canonical.parse(path.read_text(encoding="utf-8"))
            store.save(
                path.stem,
                draft,
                by="Secretariat",
                date="2011-04-11",
                message="Imported from E/2011/30, chapter I",
            )
    final = ctx.drafts_dir / f"{DRAFT}.txt"
    if final.is_file():
        for text, options in history(final.read_text(encoding="utf-8")):
            store.save(DRAFT, canonical.parse(text), **options)
    return store


def run(ctx: DemoContext) -> None:
    from rich.table import Table

    console = ctx.console
    console.rule("[bold]2. Every version kept: redraft save, list, log")
    store = build(ctx)
    ctx.store_dir = store.root
    ctx.notes["demo_draft"] = DRAFT
    console.print(
        "A store is a plain git repository: one canonical text per draft, one commit per "
        "version, who/symbol/sponsors as commit trailers. Share it through any git host "
        "with [bold]redraft sync[/bold].\n"
    )
    console.print("[dim]$ redraft list[/dim]   (symbol column left out here for width)")
    table = Table(box=None, header_style="bold", pad_edge=False, padding=(0, 1))
    table.add_column("draft", overflow="fold", width=max(30, console.width - 43))
    for column in ("versions", "words", "last change", "by"):
        table.add_column(column, justify="right" if column != "by" else "left", no_wrap=True)
    for s in summaries(store):
        table.add_row(s.name, str(s.versions), f"{s.words:,}", s.date[:10], s.by)
    console.print(table)
    console.print(f"\n[dim]$ redraft log {DRAFT}[/dim]")
    table = Table(box=None, header_style="bold", pad_edge=False, padding=(0, 1))
    for column in ("#", "date", "by", "symbol", "words", "delta", "changes"):
        right = column in ("#", "words", "delta")
        table.add_column(column, justify="right" if right else "left", no_wrap=column != "by")
    for e in reversed(log(store, DRAFT)):
        v = e.version
        delta = "" if e.first else f"{e.delta:+,}"
        table.add_row(str(v.number), v.day, v.by, v.symbol, f"{e.words:,}", delta, e.summary)
    console.print(table)
    console.print(f"\nAny version is addressable: {DRAFT}@2, @-1, @Rev.1, @{L3}, @2011-04-13.\n")
