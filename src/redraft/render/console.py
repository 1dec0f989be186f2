"""All terminal output goes through these consoles (rich, imported lazily).

rich honours ``NO_COLOR`` and turns colour off when stdout is not a terminal;
renderers must also mark changes in plain characters so that nothing depends on
colour (``{--old--}{++new++}``, render/marks.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..jobs import NO_STEPS, Steps

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.progress import Progress, TaskID
    from rich.segment import Segment


#: Width of tables when output goes to a pipe or a file (rich would use 80 columns).
PIPE_WIDTH = 120


def safe_console(**options: Any) -> Console:
    """A rich console that shows control characters in what it prints as visible signs
    (:func:`redraft.render.safe.printable`): every piece of text a renderable yields
    passes through it, while rich's own styles and cursor moves are kept."""
    from rich.console import Console
    from rich.segment import Segment

    from .safe import printable

    class _Console(Console):
        def render(
            self, renderable: RenderableType, options: ConsoleOptions | None = None
        ) -> Iterable[Segment]:
            for segment in super().render(renderable, options):
                if segment.control or not segment.text:
                    yield segment
                else:
                    yield Segment(printable(segment.text), segment.style)

        def on_broken_pipe(self) -> None:
            # rich exits with 1 when the reader goes away (| head): not an error here
            raise BrokenPipeError

    return _Console(**options)


def stdout_console(width: int | None = None) -> Console:
    import os
    import sys

    if width is None and not sys.stdout.isatty() and not os.environ.get("COLUMNS"):
        width = PIPE_WIDTH
    return safe_console(highlight=False, width=width)


def file_console(width: int = PIPE_WIDTH) -> Console:
    """A console writing plain text into memory, for ``-o FILE``: call
    ``export_text()`` for what was printed. Not a terminal: nothing wraps that
    would not wrap in a pipe."""
    import io

    from rich.console import Console

    return Console(file=io.StringIO(), width=width, color_system=None, highlight=False, record=True)


def print_plain(console: Console, renderable: object) -> None:
    """Print ``renderable``; a Text goes out unwrapped when the console is not a
    terminal (a pipe, a file): one line per line, for grep and cut."""
    from rich.text import Text

    if isinstance(renderable, Text) and not console.is_terminal:
        console.print(renderable, soft_wrap=True, crop=False)
    else:
        console.print(renderable)


def stderr_console() -> Console:
    return safe_console(stderr=True, highlight=False)


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


def shows_progress(quiet: bool = False) -> bool:
    """A progress bar goes to stderr when it is a terminal and the output is not piped
    into another program (whose screen it would garble), never with ``--quiet``."""
    import os
    import stat
    import sys

    if quiet or not sys.stderr.isatty():
        return False
    try:
        return not stat.S_ISFIFO(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError):
        return True


@contextmanager
def progress_steps(quiet: bool = False) -> Iterator[Steps]:
    """:class:`redraft.jobs.Steps` drawn as a rich bar on stderr (:func:`shows_progress`),
    gone when the work is done. The bar is redrawn by the steps themselves, at most ten
    times a second, not by a thread: work spread over forked processes
    (:func:`redraft.jobs.parallel_map`) must not fork a process that runs one."""
    if not shows_progress(quiet):
        yield NO_STEPS
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=stderr_console(),
        transient=True,
        auto_refresh=False,
    )
    with bar:
        yield _BarSteps(bar)


class _BarSteps:
    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.task: TaskID | None = None
        self.drawn = 0.0

    def start(self, description: str, total: int) -> None:
        if self.task is not None:
            self.bar.remove_task(self.task)
        self.task = self.bar.add_task(description, total=total)
        self.bar.refresh()

    def advance(self, count: int = 1) -> None:
        import time

        if self.task is None:
            return
        self.bar.advance(self.task, count)
        now = time.monotonic()
        if now - self.drawn > 0.1:
            self.drawn = now
            self.bar.refresh()
