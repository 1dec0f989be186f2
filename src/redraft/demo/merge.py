"""Demo step 5: two delegations' proposals on one bundled draft, merged (``redraft merge``).

The proposals are written for the demo and are illustrative, not UN text: the EU
and the G77 both rework OP3 (one conflict), each also changes a paragraph of its own,
and the EU inserts a new paragraph (everything after it is renumbered).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import canonical
from ..merge.threeway import three_way

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
        out.append(text)
    return out[0], out[1]


def run(ctx: DemoContext) -> None:
    from rich.markup import escape

    console = ctx.console
    console.rule("[bold]5. One text out of two proposals: redraft merge")
    path = ctx.drafts_dir / f"{BASE}.txt"
    found = proposals(path.read_text(encoding="utf-8")) if path.exists() else None
    if found is None:
        console.print("(the demo's draft is not bundled)")
        return
    base_text = path.read_text(encoding="utf-8")
    for name, text in (("base", base_text), ("eu", found[0]), ("g77", found[1])):
        (ctx.workdir / f"{name}.txt").write_text(text, encoding="utf-8")
    console.print(
        "Two delegations' proposals on ECOSOC draft resolution II (written for the demo, "
        "illustrative):\n"
    )
    console.print(
        "[dim]$ redraft merge base.txt eu.txt g77.txt --ours-name EU --theirs-name G77[/dim]\n"
    )
    base, eu, g77 = (canonical.parse(t) for t in (base_text, *found))
    result = three_way(base, eu, g77, "EU", "G77")
    width = max(60, console.width - 12)
    for paragraph in result.paragraphs:
        who = f" ({'/'.join(paragraph.by)})" if paragraph.by else ""
        console.print(f"[bold]{paragraph.label or paragraph.base:5}[/bold] {paragraph.status}{who}")
        if paragraph.alternatives:
            for alt in paragraph.alternatives:
                text = "delete" if alt.deleted else alt.text
                who = escape(f"[{'/'.join(alt.by)}]")
                console.print(f"      {who} {escape(_clip(text, width))}")
        else:
            unit = result.draft.find(paragraph.label) if paragraph.label else None
            console.print(f"      {escape(_clip(unit.text if unit else '', width))}")
    verdict = "clean" if result.clean else f"{len(result.conflicts)} conflict in brackets"
    console.print(
        f"\nExit code {0 if result.clean else 1} ({verdict}). Edits to different paragraphs "
        "are combined, the inserted paragraph keeps its place and the rest is renumbered; "
        "the paragraph both changed stays in UN brackets, attributed, for the room to "
        "settle. `git merge` does the same with the merge driver `redraft init` installs.\n"
    )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
