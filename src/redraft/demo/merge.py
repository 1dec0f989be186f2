"""Demo step 5: two delegations' proposals on one bundled draft, merged (``redraft merge``).

The proposals are written for the demo and are illustrative, not UN text: the EU
and the G77 both rework OP3 (one conflict), each also changes a paragraph of its own,
and the EU inserts a new paragraph (everything after it is renumbered). They are the
files docs/examples/unodc/{eu,g77}-proposal.txt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .store import NAME

if TYPE_CHECKING:
    from . import DemoContext

BASE = "ecosoc-draft-resolution-ii-support-development-implementation"

#: (old, new) replacements in the base's canonical text. Illustrative.
EU_EDITS = (
    (
        "culture of evaluation throughout the organization,",
        "culture of evaluation throughout the United Nations Office on Drugs and Crime,",
    ),
    (
        "\n\n5. *Welcomes* the launch",
        "\n\n5. *Stresses* the importance of independent evaluation of every regional "
        "programme;\n\n6. *Welcomes* the launch",
    ),
)
G77_EDITS = (
    ("3. *Requests* the Secretariat to promote", "3. *Invites* the Secretariat to promote"),
    ("through unearmarked voluntary contributions", "through voluntary contributions"),
)


def proposals(base_text: str) -> tuple[str, str] | None:
    """The two proposals' texts, or None when the bundled draft no longer reads as
    the demo expects."""
    out = []
    for edits in (EU_EDITS, G77_EDITS):
        text = base_text
        for old, new in edits:
            if old not in text:
                return None
            text = text.replace(old, new, 1)
        out.append(_renumbered(text))
    return out[0], out[1]


def _renumbered(text: str) -> str:
    """Operative paragraphs numbered 1, 2, 3... again after an insertion."""
    import re

    count = iter(range(1, 1000))
    return re.sub(r"(?m)^\d+\. ", lambda _: f"{next(count)}. ", text)


def run(ctx: DemoContext) -> None:
    ctx.rule("5. One text out of two proposals: redraft merge")
    ctx.say(
        "Two delegations' proposals on Rev.1 (written for the demo, illustrative): both "
        "rework OP3, each changes a paragraph of its own, and the EU inserts one. Edits to "
        "different paragraphs are combined, the insertion renumbers what follows, and the "
        "paragraph both changed stays in UN brackets, each wording named, for the room to "
        "settle (exit code 1 while brackets remain):"
    )
    ctx.run(
        f"redraft merge {NAME} ../examples/unodc/eu-proposal.txt "
        "../examples/unodc/g77-proposal.txt -o merged.txt"
    )
    ctx.run("redraft show merged.txt --para OP3")
    ctx.say(
        "git merge and redraft sync merge the same way, through the merge driver that "
        "redraft init installs."
    )
