"""``redraft demo``: what redraft does, shown on the bundled drafts.

Each capability adds one step module here (``redraft.demo.<step>``) with a
``run(ctx)`` function; a step whose module is absent is skipped. Steps print
through ``ctx.console`` and may leave files in ``ctx.workdir``.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Steps in the order the demo runs them.
STEPS = ("drafts", "store", "diff", "overlap", "merge", "status", "word", "stats")


@dataclass
class DemoContext:
    console: Any  # rich.console.Console
    workdir: Path  # a temporary folder the demo may fill
    drafts_dir: Path  # the bundled drafts (canonical text)
    store_dir: Path | None = None  # set by the store step
    notes: dict[str, Any] = field(default_factory=dict)  # what a step leaves for later ones


def bundled_drafts_dir() -> Path:
    """The bundled drafts: inside the package when installed, else the repository's."""
    packaged = Path(__file__).resolve().parent.parent / "data" / "drafts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "drafts"


def run_demo(ctx: DemoContext) -> None:
    for step in STEPS:
        name = f"{__name__}.{step}"
        if importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        module.run(ctx)
