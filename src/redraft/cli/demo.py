"""``redraft demo``: run every capability on the bundled drafts."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click


@click.command()
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the demo's store and files in this folder (default: a temporary folder).",
)
def demo(keep: Path | None) -> None:
    """Show what redraft does, on the bundled drafts of the CCPCJ's 20th session."""
    from ..demo import DemoContext, bundled_drafts_dir, run_demo
    from ..errors import InputError
    from ..render.console import stdout_console

    drafts = bundled_drafts_dir()
    if not any(drafts.glob("*.txt")):
        raise InputError(f"no bundled drafts in {drafts}")
    console = stdout_console()
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        run_demo(DemoContext(console=console, workdir=keep.resolve(), drafts_dir=drafts))
        console.print(f"\nThe demo's files are in {keep}")
        return
    with tempfile.TemporaryDirectory(prefix="redraft-demo-") as tmp:
        run_demo(DemoContext(console=console, workdir=Path(tmp), drafts_dir=drafts))
        console.print(
            "\n(The demo worked in a temporary folder; use --keep DIR to keep its files.)"
        )
