"""Independent work per draft on the machine's cores, and the progress of long work.

A session holds hundreds of drafts that are read, measured and written one by one,
each independently of the others: :func:`parallel_map` spreads them over worker
processes (forked, so nothing is imported or set up twice) and returns results in
the order of the input, so that using the cores never changes an output. By default
there are as many workers as idle cores (:func:`jobs`); ``REDRAFT_JOBS=1`` runs
everything in this process, ``REDRAFT_JOBS=N`` uses N workers.

Long work reports its progress through :class:`Steps`: the command line passes one
that draws a bar on stderr (:func:`redraft.render.console.progress_steps`); the
library's default, :data:`NO_STEPS`, says nothing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items, starting workers costs more than it saves.
MIN_PARALLEL = 24


class Steps(Protocol):
    """Where long work says how far it got."""

    def start(self, description: str, total: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...


class _Silent:
    def start(self, description: str, total: int) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass


NO_STEPS: Steps = _Silent()


def jobs() -> int:
    """Worker processes to use: ``REDRAFT_JOBS``, else the cores this process may run on
    that other work leaves idle (by the load average): on a machine already busy, more
    processes only add the cost of starting them and sending results back."""
    configured = os.environ.get("REDRAFT_JOBS", "").strip()
    if configured.isdigit() and int(configured) >= 1:
        return int(configured)
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:
        busy = 0.0
    # this process counts in the load once it runs: one core is ours whatever the load
    return max(1, min(cores, round(cores + 1 - busy)))


def _can_fork() -> bool:
    # fork shares what this process already loaded; spawn (macOS, Windows) would import
    # redraft again in every worker, which costs more than most of the work saves
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def parallel_map(
    work: Callable[[T], R],
    items: Sequence[T],
    steps: Steps = NO_STEPS,
    description: str = "",
    min_items: int = MIN_PARALLEL,
) -> list[R]:
    """``[work(item) for item in items]``, in that order, on several processes when there
    are enough items and cores. ``work`` must be a module-level function (it is called
    in the workers) whose result pickles; an exception in a worker is raised here."""
    return list(parallel_iter(work, items, steps, description, min_items))


def parallel_iter(
    work: Callable[[T], R],
    items: Sequence[T],
    steps: Steps = NO_STEPS,
    description: str = "",
    min_items: int = MIN_PARALLEL,
) -> Iterator[R]:
    """:func:`parallel_map` yielding each result as it comes (in input order), so that
    the caller need not hold them all at once."""
    if description:
        steps.start(description, len(items))
    workers = min(jobs(), max(1, len(items) // 4))
    if workers < 2 or len(items) < min_items or not _can_fork():
        yield from _serial(work, items, steps)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork")
    chunk = max(1, min(16, len(items) // (workers * 8)))
    with context.Pool(workers) as pool:
        for result in pool.imap(work, items, chunk):
            yield result
            steps.advance()


def _serial(work: Callable[[T], R], items: Sequence[T], steps: Steps) -> Iterator[R]:
    for item in items:
        yield work(item)
        steps.advance()
