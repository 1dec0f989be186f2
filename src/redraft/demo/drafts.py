"""Demo step 1: the bundled drafts, read with the labels negotiators use."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import DemoContext

#: The draft shown: short, with footnotes printed pages away from their paragraphs.
SHOWN = "ga-draft-resolution-i-follow-up-twelfth-united"


def run(ctx: DemoContext) -> None:
    count = len(list((ctx.workdir / "drafts").glob("*.txt")))
    ctx.rule("1. The drafts: redraft show")
    ctx.say(
        f"The demo works in {ctx.workdir}. drafts/ holds {count} of the 18 drafts of "
        "chapter I of the report of the Commission on Crime Prevention and Criminal Justice "
        "on its twentieth session (E/2011/30), split from the report with redraft split "
        "(the 18th is examples/unodc/, with a history). Every paragraph gets the label "
        "negotiators use (PP3, OP5(a), FN2); footnotes sit under the paragraph citing them:"
    )
    ctx.run(f"redraft show drafts/{SHOWN}.txt | head -n 12")
    ctx.say("The same labels whatever the format: Word, Akoma Ntoso XML, the text as printed.")
    ctx.run("redraft show examples/unodc/rev1.xml --para OP3")
