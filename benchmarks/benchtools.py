"""Shared by the session-scale benchmarks (session_bench, history_bench, selfsimilar_bench):
run a command several times, keep the median wall-clock time, CPU time and peak memory,
and print rows beside a reference measured in the same run.

The machine these run on has 2 cores shared with other work: a median says what a user
waits on that machine, CPU time says what the work costs, and the ratio to a reference
run at the same moment (plain git doing the same job, or a fixed Python workload) is
what survives from one run to the next.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

PY = sys.executable
# An installed package runs from cached bytecode: let this run cache it, outside the repository.
PYCACHE = tempfile.mkdtemp(prefix="redraft-bench-pycache-")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV |= {
    "PYTHONPYCACHEPREFIX": PYCACHE,
    "REDRAFT_BY": "bench",
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
    "NO_COLOR": "1",
}


@dataclass(frozen=True)
class Sample:
    """One process run: wall seconds, CPU seconds (user + system), peak memory in MB."""

    wall: float
    cpu: float
    rss_mb: float
    code: int
    out: bytes
    err: bytes


@dataclass(frozen=True)
class Figure:
    """Medians over several runs (peak memory: the largest)."""

    wall: float
    cpu: float
    rss_mb: float
    runs: int


def run_process(
    command: Sequence[str],
    cwd: Path | None = None,
    data: bytes | None = None,
    env: dict[str, str] | None = None,
) -> Sample:
    """Run ``command`` once; its own rusage (``os.wait4``) gives CPU time and peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(command),
            cwd=cwd,
            stdin=subprocess.PIPE if data is not None else subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env or ENV,
        )
        if data is not None:
            assert proc.stdin is not None
            proc.stdin.write(data)
            proc.stdin.close()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Sample(
            wall,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,
            proc.returncode,
            out.read(),
            err.read(),
        )


def check(sample: Sample, what: str, codes: tuple[int, ...] = (0,)) -> Sample:
    if sample.code not in codes:
        tail = sample.err.decode(errors="replace").strip().splitlines()[-3:]
        raise SystemExit(f"{what} failed (exit {sample.code}): {' / '.join(tail)}")
    return sample


def redraft(*args: str, cwd: Path | None = None, codes: tuple[int, ...] = (0,)) -> Sample:
    """``python -m redraft ARGS`` as a user runs it (output piped: no progress bar)."""
    return check(run_process([PY, "-m", "redraft", *args], cwd=cwd), f"redraft {args[0]}", codes)


def git(*args: str, cwd: Path | None = None, data: bytes | None = None) -> Sample:
    return check(run_process(["git", *args], cwd=cwd, data=data), f"git {args[0]}")


def measure(action: Callable[[], Sample | None], runs: int) -> Figure:
    """Medians of ``runs`` runs of ``action``, which runs one process and returns it
    (or returns None and is timed here, CPU time then unknown)."""
    walls, cpus, peak = [], [], 0.0
    for _ in range(runs):
        start = time.perf_counter()
        sample = action()
        if sample is None:
            walls.append(time.perf_counter() - start)
            cpus.append(float("nan"))
        else:
            walls.append(sample.wall)
            cpus.append(sample.cpu)
            peak = max(peak, sample.rss_mb)
    return Figure(statistics.median(walls), statistics.median(cpus), peak, runs)


def load_average() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


@dataclass(frozen=True)
class Row:
    label: str
    figure: Figure
    target: float  # seconds (the figure must stay under it)
    reference: str
    ref: Figure
    memory_target: float = 0.0  # MB, 0 for none


def print_rows(title: str, rows: list[Row], start_load: str) -> None:
    print(f"\n{title}")
    print(f"load average before: {start_load}; after: {load_average()} (2 cores)")
    head = ("operation", "median s", "cpu s", "MB", "target", "", "reference", "ref s", "ratio")
    print("{:44} {:>9} {:>7} {:>6} {:>8} {:4}  {:34} {:>7} {:>7}".format(*head))
    for row in rows:
        fig, ref = row.figure, row.ref
        good = fig.wall < row.target and (not row.memory_target or fig.rss_mb < row.memory_target)
        target = f"<{row.target:g}s" + (f",{row.memory_target:.0f}MB" if row.memory_target else "")
        print(
            "{:44} {:9.3f} {:7.3f} {:6.0f} {:>8} {:4}  {:34} {:7.3f} {:6.1f}x".format(
                row.label,
                fig.wall,
                fig.cpu,
                fig.rss_mb,
                target,
                "ok" if good else "SLOW",
                row.reference,
                ref.wall,
                fig.wall / ref.wall if ref.wall else float("nan"),
            )
        )


def corpus_or_exit(corpus: Path, inside: str, what: str) -> Path:
    """``corpus/inside``, or one line on stderr and exit 2 when the shared corpus is missing
    (:func:`shared_corpus.need`)."""
    from shared_corpus import need

    need(corpus / inside, what)
    return corpus / inside
