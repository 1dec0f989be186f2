"""Speed of the version store (issue 3 targets), each figure beside plain git doing
the same job in the same run, so that the ratio survives a busy machine.

    python benchmarks/store_bench.py [--runs 9] [--versions 1000]

Measured (median of --runs, whole processes, as a user sees them: wall-clock time, and
the CPU time of the processes, steadier when other work shares the machine):
  * save one version of a 5,000-word draft   (`redraft save`)      target < 150 ms
    reference: `git add` + `git commit` of the same file
  * log over 1,000 versions                   (`redraft log`)       target < 1 s
    reference: `git log -p` of the draft file (every version's text, in C);
    "cold" is the first run (its figures are then cached in .git), the other the next ones
  * show one old version                      (`redraft show NAME@N`) target < 300 ms
    reference: `git show COMMIT:drafts/NAME.txt`
  * import the 18 drafts of the seed report   (`redraft import --split`) target < 3 s
    reference: 18 `git add` + `git commit` pairs of the same texts
  * `redraft --help`                                                 target < 250 ms
    reference: `python -c pass`
The 1,000-version history is built with `git fast-import` (a fraction of a second).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "tests" / "data" / "seed" / "ccpcj-20th-session-chapter-1.txt"
PY = sys.executable
VOCABULARY = (
    "the General Assembly recalls its resolution on crime prevention and criminal justice "
    "urges Member States to strengthen international cooperation technical assistance "
    "requests Secretary-General report Office Drugs Crime within existing resources"
).split()
# An installed package runs from cached bytecode: let this run cache it, outside the
# repository (PYTHONDONTWRITEBYTECODE in a CI environment would add ~40 ms of compiling).
PYCACHE = tempfile.mkdtemp(prefix="redraft-bench-pycache-")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV |= {
    "PYTHONPYCACHEPREFIX": PYCACHE,
    "REDRAFT_BY": "EU",
    "GIT_AUTHOR_NAME": "EU",
    "GIT_AUTHOR_EMAIL": "eu@example.org",
    "GIT_COMMITTER_NAME": "EU",
    "GIT_COMMITTER_EMAIL": "eu@example.org",
}


def paragraphs(words: int, rng: random.Random) -> list[str]:
    found, count, n = [], 0, 0
    while count < words:
        n += 1
        size = rng.randint(25, 90)
        found.append(f"*Urges* {' '.join(rng.choice(VOCABULARY) for _ in range(size))};")
        count += size
    return found


def canonical(paras: list[str], symbol: str = "E/CN.15/2011/L.3") -> str:
    head = f"---\nredraft: 1\nsymbol: {symbol}\nlanguage: en\n---\n\n## Bench draft\n\n"
    head += "> *The General Assembly*,"
    return head + "\n\n" + "\n\n".join(f"{i}. {p}" for i, p in enumerate(paras, 1)) + "\n"


def edit(paras: list[str], rng: random.Random) -> list[str]:
    """One negotiation step: a word changed in one or two paragraphs, sometimes one added."""
    paras = list(paras)
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(paras))
        words = paras[i].split()
        words[rng.randrange(1, len(words))] = rng.choice(VOCABULARY)
        paras[i] = " ".join(words)
    if rng.random() < 0.1:
        paras.insert(
            rng.randrange(len(paras)), f"*Decides* {' '.join(rng.sample(VOCABULARY, 12))};"
        )
    return paras


class Figure(NamedTuple):
    wall: float  # median wall-clock ms, what a user waits
    cpu: float  # median CPU ms of the processes run (user + system): steadier on a busy machine


def timed(action: Callable[[], object], runs: int) -> Figure:
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        action()
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return Figure(statistics.median(walls) * 1000, statistics.median(cpus) * 1000)


def run(*command: str, cwd: Path | None = None, data: bytes | None = None) -> bytes:
    done = subprocess.run(command, cwd=cwd, input=data, capture_output=True, env=ENV)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}: {done.stderr.decode()[-500:]}")
    return done.stdout


def redraft(*args: str, cwd: Path | None = None) -> bytes:
    return run(PY, "-m", "redraft", *args, cwd=cwd)


def bench_save(tmp: Path, runs: int) -> tuple[Figure, Figure]:
    rng = random.Random(1)
    paras = paragraphs(5000, rng)
    store, plain = tmp / "save-store", tmp / "save-git"
    redraft("init", str(store))
    run("git", "init", "-q", str(plain))
    texts = []
    for _ in range(runs):
        paras = edit(paras, rng)
        texts.append(canonical(paras))
    files = []
    for i, text in enumerate(texts):
        files.append(tmp / f"save-{i}.txt")
        files[-1].write_text(text)
    counter = iter(range(10**6))

    def save() -> None:
        redraft("save", "bench", str(files[next(counter) % len(files)]), "--store", str(store))

    plain_counter = iter(range(10**6))

    def commit() -> None:
        i = next(plain_counter)
        (plain / "bench.txt").write_text(texts[i % len(texts)] + f"\n{i}\n")
        run("git", "add", "bench.txt", cwd=plain)
        run("git", "commit", "-q", "-m", "version", cwd=plain)

    return timed(save, runs), timed(commit, runs)


def build_history(store: Path, versions: int) -> None:
    """``versions`` versions of one 3,000-word draft through git fast-import."""
    rng = random.Random(2)
    paras = paragraphs(3000, rng)
    stream = [b"feature done\n"]
    who = ["Brazil", "EU", "Group of 77 and China", "Facilitator", "Japan", "Mexico"]
    for n in range(1, versions + 1):
        paras = edit(paras, rng) if n > 1 else paras
        symbol = f"E/CN.15/2011/L.3/Rev.{n // 100}" if n >= 100 else "E/CN.15/2011/L.3"
        data = canonical(paras, symbol).encode()
        by = who[n % len(who)]
        trailers = f"Redraft-Draft: bench\nRedraft-By: {by}\nRedraft-Symbol: {symbol}\n"
        message = f"Version {n}\n\n{trailers}Redraft-Tool: redraft bench\n"
        stamp = 1302600000 + n * 3600
        stream.append(f"commit refs/heads/main\nauthor {by} <> {stamp} +0000\n".encode())
        stream.append(
            f"committer {by} <> {stamp} +0000\ndata {len(message.encode())}\n{message}\n".encode()
        )
        if n == 1:
            stream.append(b"from refs/heads/main^0\n")
        stream.append(
            f"M 100644 inline drafts/bench.txt\ndata {len(data)}\n".encode() + data + b"\n"
        )
    stream.append(b"done\n")
    run("git", "fast-import", "--quiet", cwd=store, data=b"".join(stream))
    run("git", "reset", "-q", "--hard", cwd=store)
    run("git", "gc", "-q", cwd=store)


def bench_import(tmp: Path, runs: int) -> tuple[Figure, Figure]:
    counter = iter(range(10**6))

    def import_seed() -> None:
        store = tmp / f"import-{next(counter)}"
        redraft("init", str(store))
        redraft("import", str(SEED), "--split", "--store", str(store))

    # The reference commits the same 18 texts one by one with plain git.
    sample = tmp / "import-sample"
    redraft("init", str(sample))
    redraft("import", str(SEED), "--split", "--store", str(sample))
    texts = sorted((sample / "drafts").glob("*.txt"))
    plain_counter = iter(range(10**6))

    def commit_each() -> None:
        plain = tmp / f"import-git-{next(plain_counter)}"
        run("git", "init", "-q", str(plain))
        for text in texts:
            (plain / text.name).write_bytes(text.read_bytes())
            run("git", "add", text.name, cwd=plain)
            run("git", "commit", "-q", "-m", text.stem, cwd=plain)

    return timed(import_seed, max(3, runs // 3)), timed(commit_each, max(3, runs // 3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--versions", type=int, default=1000)
    args = parser.parse_args()
    rows: list[tuple[str, Figure, str, Figure, float]] = []
    start_load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="redraft-store-bench-") as name:
        tmp = Path(name)
        save, commit = bench_save(tmp, args.runs)
        rows.append(("save, 5,000-word draft", save, "git add + commit", commit, 150))

        store = tmp / "history"
        redraft("init", str(store))
        build_history(store, args.versions)
        cache = store / ".git" / "redraft-log-cache.json"

        def cold_log() -> None:
            cache.unlink(missing_ok=True)
            redraft("log", "bench", "--store", str(store))

        cold = timed(cold_log, max(3, args.runs // 2))
        log = timed(lambda: redraft("log", "bench", "--store", str(store)), args.runs)
        git_log = timed(
            lambda: run("git", "log", "-p", "--", "drafts/bench.txt", cwd=store), args.runs
        )
        rows.append((f"log, {args.versions:,} versions, cold", cold, "git log -p", git_log, 1000))
        rows.append((f"log, {args.versions:,} versions", log, "git log -p", git_log, 1000))

        old = run(
            "git", "rev-list", "-n", "1", "--skip", str(args.versions // 2), "HEAD", cwd=store
        )
        commit_id = old.decode().strip()
        number = str(args.versions - args.versions // 2)
        show = timed(lambda: redraft("show", f"bench@{number}", "--store", str(store)), args.runs)
        git_show = timed(
            lambda: run("git", "show", f"{commit_id}:drafts/bench.txt", cwd=store), args.runs
        )
        rows.append((f"show bench@{number}", show, "git show", git_show, 300))
        # The same read without the terminal rendering (render/draft_text.py, rich).
        as_json = timed(
            lambda: redraft("show", f"bench@{number}", "--format", "json", "--store", str(store)),
            args.runs,
        )
        rows.append((f"show bench@{number} json", as_json, "git show", git_show, 300))

        imported, plain = bench_import(tmp, args.runs)
        rows.append(("import 18 seed drafts", imported, "18 git add + commit", plain, 3000))

    redraft("--help")  # warm the bytecode cache
    help_ms = timed(lambda: redraft("--help"), args.runs)
    bare = timed(lambda: run(PY, "-c", "pass"), args.runs)
    rows.append(("redraft --help", help_ms, "python -c pass", bare, 250))

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"load average before: {start_load}; after: {load} (2 cores: above 2, wall times stretch)"
    )
    header = ("operation", "wall ms", "cpu ms", "reference", "ref wall", "ratio", "target")
    print("{:32} {:>8} {:>7}  {:20} {:>8} {:>6} {:>7}".format(*header))
    for label, mine, ref_label, ref, target in rows:
        verdict = "ok" if mine.wall < target else "SLOW"
        cells = (
            label,
            mine.wall,
            mine.cpu,
            ref_label,
            ref.wall,
            mine.wall / ref.wall,
            f"<{target:.0f}",
        )
        print("{:32} {:8.1f} {:7.1f}  {:20} {:8.1f} {:5.1f}x {:>7} {}".format(*cells, verdict))


if __name__ == "__main__":
    main()
