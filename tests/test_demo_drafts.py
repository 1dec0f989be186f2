"""The demo's first step: the bundled drafts listed, one printed with its labels."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from redraft.demo import DemoContext, bundled_drafts_dir
from redraft.demo.drafts import run


def test_drafts_step_lists_the_eighteen_drafts_and_shows_one(tmp_path: Path) -> None:
    console = Console(record=True, width=160, force_terminal=False)
    ctx = DemoContext(console=console, workdir=tmp_path, drafts_dir=bundled_drafts_dir())
    run(ctx)
    out = console.export_text()
    assert len(ctx.notes["drafts"]) == 18
    rows = [line for line in out.splitlines() if line.startswith(("ga-", "ecosoc-", "ccpcj-"))]
    assert len(rows) == 18
    assert rows[0].startswith("ga-draft-resolution-i-follow-up-twelfth-united")
    assert rows[0].split()[-3:] == ["5", "6", "679"]
    assert rows[-1].startswith("ccpcj-decision-20-1")
    shown = [line.split()[0] for line in out.splitlines() if line.startswith(("PP", "OP", "FN"))]
    assert shown == [
        "PP1",
        "FN1",
        "PP2",
        "PP3",
        "PP4",
        "PP5",
        "FN2",
        "OP1",
        "FN3",
        "OP2",
        "FN4",
        "OP3",
        "OP4",
        "OP5",
        "OP6",
    ]
