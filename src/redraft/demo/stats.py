"""Demo closing step: how long the drafts are and how one grew, what could be cut, and
``redraft check`` with an illustrative config (the in-session preset and the deadlines
of decision 20/1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .precedent import INDEX
from .store import NAME

if TYPE_CHECKING:
    from . import DemoContext

#: What a CCPCJ bureau could write in its store's redraft.toml. The session is the
#: 20th (11-15 April 2011), the one that adopted decision 20/1.
CONFIG = """\
[check]
preset = "in-session"        # 3,300 words, UN Geneva's guidance for in-session documents
max_paragraph_words = 150
max_operative = 20
max_growth = "10%"           # against the first version saved

[session]
start = 2011-04-11
deadline = "1 month"         # decision 20/1: drafts due a month before the session
"""
#: Drafts the Commission recommends to the Council, measured against its adopted texts.
AGREED = (
    "ecosoc-draft-decision-i-report-commission-crime-prevention",
    "ecosoc-draft-decision-ii-improving-governance-financial-situation",
)
#: The draft whose repeated phrase the demo shows (GA draft resolution IV).
HINTED = "ga-draft-resolution-iv-strengthening-international-cooperation"


def run(ctx: DemoContext) -> None:
    ctx.rule("9. How long, and does it break a rule: redraft stats, redraft check")
    ctx.say(
        "Words are counted as Microsoft Word counts them, as secretariats do (paragraph "
        "numbers, footnote markers and footnotes apart). How the draft grew:"
    )
    ctx.run(f"redraft stats {NAME} --by-version")
    ctx.say("What could be cut: phrases said again and again, boilerplate, recall-only paragraphs.")
    ctx.run(f"redraft stats {HINTED} --hints --format text | cut -f 1-5 | head -n 5")
    ctx.say(
        "With the precedent index, each draft's agreed-language share (of its words, of its "
        "paragraphs) and its paragraphs of new language, beside the other figures:"
    )
    ctx.run(f"redraft stats {' '.join(AGREED)} --corpus {INDEX} | cut -f 1,2,12-14")
    ctx.say(
        "The rules a bureau sets in the store's redraft.toml (here in examples/check.toml, for "
        "the demo): the in-session preset, and the deadline of decision 20/1, adopted at this "
        "very session: drafts due a month before it. Tabled during the session, every one "
        "is late; in CI, --format github turns these lines into pull-request annotations."
    )
    ctx.say(CONFIG.rstrip())
    ctx.run(f"redraft check {NAME} {HINTED} --config ../examples/check.toml --today 2011-04-15")
