"""Demo step 8: Word with real tracked changes, a clean draft, and the HTML report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .precedent import INDEX
from .store import NAME

if TYPE_CHECKING:
    from . import DemoContext


def run(ctx: DemoContext) -> None:
    ctx.rule("8. Where delegates work: Word and the HTML report")
    ctx.say(
        "The redline as a Word document whose changes are real tracked revisions, signed "
        "by the delegation that made the newer version (Review > Accept all gives Rev.1, "
        "Reject all the L. document); the clean draft in UN layout; a static site of the "
        "whole store (versions, redlines, length charts; with the precedent index, each "
        "draft's agreed-language share and its new language marked) to put on any web server:"
    )
    ctx.run(f"redraft diff {NAME}@L.3 {NAME}@Rev.1 -o changes.docx")
    ctx.run(f"redraft export {NAME}@Rev.1 -o {NAME}.docx")
    ctx.run(f"redraft report -o ../report --corpus {INDEX}")
