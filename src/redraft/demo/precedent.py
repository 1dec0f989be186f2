"""Demo step 7: agreed language (``redraft precedent``) on the bundled drafts.

At its twentieth session the Commission adopted its own resolutions 20/1 to 20/7 and
decision 20/1, and recommended drafts to the Economic and Social Council and the
General Assembly. The Commission's texts are indexed as adopted language; the draft
decision it recommends to the Council on the governance and financial situation of
UNODC is traced against them: the paragraphs it takes from resolution 20/1 (verbatim,
or adapted, with the redline), and the new language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import DemoContext

#: The index the step builds (beside the store), which the later steps use too.
INDEX = "../adopted.db"
#: The Council's draft decision II, recommended by the Commission at the same session.
TRACED = "ecosoc-draft-decision-ii-improving-governance-financial-situation"


def run(ctx: DemoContext) -> None:
    ctx.rule("7. Agreed language: redraft precedent")
    ctx.say(
        "The strongest argument for a sentence is that the body has already adopted it. At "
        "this session the Commission adopted its resolutions 20/1 to 20/7 and decision 20/1: "
        "an index of those texts (any format redraft reads; one SQLite file, updated "
        "incrementally):"
    )
    ctx.run(f"redraft precedent index ../drafts/ccpcj-*.txt -o {INDEX}")
    ctx.say(
        "The draft decision the Commission recommends to the Council on UNODC's governance "
        "and finances, traced paragraph by paragraph: verbatim or adapted from resolution "
        "20/1 (with the redline against it), or new language; boilerplate set apart:"
    )
    ctx.run(f"redraft precedent {TRACED} --corpus {INDEX}")
    ctx.say("Where a phrase was used (with --format json, every use, by year):")
    ctx.run(f'redraft precedent search "Office on Drugs and Crime" --corpus {INDEX} | head -n 1')
    ctx.say(
        'Name the index in the store\'s redraft.toml ([precedent] index = "adopted.db"), or '
        "give it with --corpus, and redraft stats and the HTML report show each draft's "
        "agreed-language share too."
    )
