"""``redraft demo``: what redraft does, shown on the bundled drafts.

Each step (``redraft.demo.<step>``, in the order of :data:`STEPS`) tells a short
story and runs real commands through ``ctx.run("redraft ...")``: the command line
is shown, then exactly what the command prints (the CLI runs it in-process; a
command ending in ``| head -n N`` shows its first lines, as a pipe would). The
demo works in a folder of its own: the bundled drafts are copied to ``drafts/``,
the illustrative histories written to ``examples/`` (the files docs/examples holds),
and the store is made in ``store/``, where the commands run.
"""

from __future__ import annotations

import importlib
import importlib.util
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Steps in the order the demo runs them.
STEPS = ("drafts", "store", "diff", "overlap", "merge", "status", "precedent", "word", "stats")


@dataclass
class DemoContext:
    console: Any  # rich.console.Console: the narration
    workdir: Path  # the demo's folder (drafts/, examples/, store/)
    drafts_dir: Path  # the bundled drafts (canonical text)
    #: runs one command line as a shell would ("redraft ...", "cd DIR", "| head -n N"),
    #: showing it and what it prints; returns its exit code (given by the CLI)
    runner: Callable[[str], int] | None = None
    notes: dict[str, Any] = field(default_factory=dict)  # what a step leaves for later ones

    def rule(self, title: str) -> None:
        self.console.print()
        self.console.rule(f"[bold]{title}")

    def say(self, text: str) -> None:
        self.console.print(text, highlight=False, markup=False)

    def run(self, command: str) -> int:
        if self.runner is None:
            raise RuntimeError("the demo runs commands through the CLI: no runner given")
        return self.runner(command)


def bundled_drafts_dir() -> Path:
    """The bundled drafts: inside the package when installed, else the repository's."""
    packaged = Path(__file__).resolve().parent.parent / "data" / "drafts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "drafts"


def prepare(ctx: DemoContext) -> None:
    """The demo's files: the bundled drafts (less the one whose history the examples
    tell) in ``drafts/``, the example files in ``examples/``."""
    from .examples import write_examples
    from .store import DRAFT

    drafts = ctx.workdir / "drafts"
    drafts.mkdir(parents=True, exist_ok=True)
    for path in sorted(ctx.drafts_dir.glob("*.txt")):
        if path.stem != DRAFT:
            shutil.copyfile(path, drafts / path.name)
    write_examples(ctx.workdir / "examples", ctx.drafts_dir)


def run_demo(ctx: DemoContext) -> None:
    prepare(ctx)
    for step in STEPS:
        name = f"{__name__}.{step}"
        if importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        module.run(ctx)
