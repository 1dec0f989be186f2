"""Demo step 4: which drafts in the store cover the same ground (``redraft overlap``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import DemoContext


def run(ctx: DemoContext) -> None:
    ctx.rule("4. Drafts that should become one: redraft overlap")
    ctx.say(
        "Decision 20/1 asks delegations to merge drafts in the month before the session. "
        "Pairs of drafts sharing paragraphs, best first; standard language many drafts "
        "use is set apart as boilerplate and never counts as overlap:"
    )
    ctx.run("redraft overlap | head -n 16")
    ctx.say("redraft merge-drafts A B proposes one text out of two drafts.")
