"""Demo step 2: a store with the bundled drafts and a short negotiation history.

The bundled drafts are imported; one of them, the Council's draft resolution on
UNODC's integrated programme approach, is saved as ``unodc`` in four versions:
tabled as an L. document, amended by the European Union and by the Group of 77 and
China, issued as Rev.1 by the facilitator. The bundled text is the last version; the
earlier ones and their symbols are written for the demo (illustrative). The files of
the versions are docs/examples/unodc/ (``redraft.demo.examples`` writes them).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import DemoContext

DRAFT = "ecosoc-draft-resolution-ii-support-development-implementation"
L3, REV1 = "E/CN.15/2011/L.3", "E/CN.15/2011/L.3/Rev.1"

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
        raise ValueError(f"the bundled {DRAFT} no longer reads as the demo expects")
    # Rev.1 minus the G77 paragraph (OP10, later paragraphs numbered one lower).
    without_op10 = _renumber_after(final[: op10.start()] + final[op10.end() :], 10)
    eu = without_op10.replace(op6.group(0), TABLED_OP6)
    tabled = eu.replace(op3.group(0), TABLED_OP3)
    g77 = final.replace(op6.group(0), TABLED_OP6)
    return [
        (text, options) for text, options in zip((tabled, eu, g77, final), VERSIONS, strict=True)
    ]


#: Who saved each version, when, under which symbol and why (illustrative).
VERSIONS: tuple[dict[str, str], ...] = (
    {"by": "Main sponsor", "symbol": L3, "date": "2011-04-12", "message": "Tabled"},
    {"by": "EU", "date": "2011-04-13", "message": "OP3: Requests rather than Invites"},
    {"by": "Group of 77 and China", "date": "2011-04-14", "message": "New OP10"},
    {"by": "Facilitator", "symbol": REV1, "date": "2011-04-15", "message": "Rev.1"},
)


def _renumber_after(text: str, removed: int) -> str:
    def lower(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return f"{number - 1}. " if number > removed else match.group(0)

    return re.sub(r"^(\d+)\. ", lower, text, flags=re.MULTILINE)


#: The short name the demo and the docs give the draft in the store.
NAME = "unodc"
#: The file of each version, in the format it arrives in (``redraft.demo.examples``).
UNODC_FILES = (
    ("L3.docx", "docx"),
    ("eu-edits.txt", "printed"),
    ("g77-edits.txt", "printed"),
    ("rev1.xml", "akn"),
)


def save_commands(folder: str = "../examples/unodc") -> list[str]:
    """The ``redraft save`` command of each version, oldest first."""
    commands = []
    for (file, _), options in zip(UNODC_FILES, VERSIONS, strict=True):
        parts = [f"redraft save {NAME} {folder}/{file}", f'--by "{options["by"]}"']
        if options.get("symbol"):
            parts.append(f"--symbol {options['symbol']}")
        parts.append(f"--date {options['date']}")
        if options.get("message"):
            parts.append(f'-m "{options["message"]}"')
        commands.append(" ".join(parts))
    return commands


def run(ctx: DemoContext) -> None:
    ctx.rule("2. Every version kept: redraft init, import, save, log")
    ctx.say(
        "A store is a plain git repository: one canonical text per draft, one commit per "
        "version, who/symbol/sponsors as commit trailers; share it through any git host "
        "with redraft sync. The bundled drafts go in first, as the secretariat issued them:"
    )
    ctx.run("redraft init store")
    ctx.run("cd store")
    ctx.run("redraft import ../drafts/*.txt --by Secretariat --date 2011-04-11 | tail -n 3")
    ctx.say(
        "Then one draft's negotiation, each version as delegates send it (illustrative "
        "history, written for the demo): the L. document in Word, two delegations' edits "
        "as printed text, Rev.1 in Akoma Ntoso XML."
    )
    for command in save_commands():
        ctx.run(command)
    ctx.run(f"redraft log {NAME}")
    ctx.say(
        f"Any version is addressable: {NAME}@2, {NAME}@-1, {NAME}@Rev.1, {NAME}@{L3}, "
        f"{NAME}@2011-04-13."
    )
