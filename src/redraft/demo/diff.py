"""Demo step 3: a redline, paragraph by paragraph.

With the store step's history (``ctx.store_dir`` and ``ctx.notes["demo_draft"]``),
the first recorded version (the L. document) against Rev.1, the latest when no
version carries that symbol; without it, two bundled drafts on the same subject:
the Commission's resolution 20/1 and the Council decision recommending it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import canonical
from ..diff.engine import diff_drafts
from ..render.diff_text import render_diff_text

if TYPE_CHECKING:
    from ..model import Draft
    from . import DemoContext

SHOWN_CHANGES = 6

#: Bundled drafts that overlap (the same working group's recommendations).
BUNDLED_PAIR = (
    "ecosoc-draft-decision-ii-improving-governance-financial-situation",
    "ccpcj-resolution-20-1-improving-governance-financial-situation",
)


def run(ctx: DemoContext) -> None:
    console = ctx.console
    console.rule("[bold]3. What changed: redraft diff")
    pair = _from_store(ctx) or _bundled(ctx)
    if pair is None:
        console.print("(no drafts to compare)")
        return
    command, old, new = pair
    console.print(f"[dim]$ {command}[/dim]\n")
    result = diff_drafts(old, new)
    console.print(render_diff_text(result, limit=SHOWN_CHANGES))
    console.print(
        "Paragraphs are paired by identity, not position: renumbered ones are not "
        "reported as changes; changes inside a paragraph are marked word by word, "
        "[-removed-]{+added+}, in colour or not.\n"
    )


def _from_store(ctx: DemoContext) -> tuple[str, Draft, Draft] | None:
    name = ctx.notes.get("demo_draft")
    if ctx.store_dir is None or not name:
        return None
    try:
        from ..store import Store

        store = Store.open(ctx.store_dir)
        versions = store.versions(name)
        if len(versions) < 2:
            return None
        newer = next((v for v in versions if v.symbol.endswith("/Rev.1")), versions[-1])
        old = store.read(name, "1").draft
        new = store.read(name, str(newer.number)).draft
    except Exception:  # the demo goes on with the bundled drafts
        return None
    target = "Rev.1" if newer.symbol.endswith("/Rev.1") else str(newer.number)
    return f"redraft diff {name}@1 {name}@{target}", old, new


def _bundled(ctx: DemoContext) -> tuple[str, Draft, Draft] | None:
    paths = [ctx.drafts_dir / f"{stem}.txt" for stem in BUNDLED_PAIR]
    if not all(path.is_file() for path in paths):
        return None
    old, new = (canonical.parse(p.read_text(encoding="utf-8")) for p in paths)
    return f"redraft diff {paths[0].name} {paths[1].name}", old, new
