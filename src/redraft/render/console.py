"""All terminal output goes through these consoles (rich, imported lazily).

rich honours ``NO_COLOR`` and turns colour off when stdout is not a terminal;
renderers must also mark changes in plain characters so that nothing depends on
colour (``[-old-]{+new+}``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def stdout_console(width: int | None = None) -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=width is None, width=width)


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def progress(console: Console | None = None, transient: bool = True):  # type: ignore[no-untyped-def]
    """A rich progress bar on stderr, for work that can take over a second."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console or stderr_console(),
        transient=transient,
    )
