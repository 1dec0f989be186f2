"""Demo step 3: a redline, paragraph by paragraph, of the L. document against Rev.1."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .store import NAME

if TYPE_CHECKING:
    from . import DemoContext


def run(ctx: DemoContext) -> None:
    ctx.rule("3. What changed: redraft diff")
    ctx.say(
        "Paragraphs are paired by identity, not position: the G77's new OP10 renumbers "
        "the paragraphs after it, and they are reported as renumbered, not changed. "
        "Inside a paragraph, changes are marked word by word: {--removed--}{++added++} "
        "(in colour in a terminal), with the shift of the opening verb."
    )
    ctx.run(f"redraft diff {NAME}@L.3 {NAME}@Rev.1 | head -n 20")
