"""A long negotiation (issue 17): 1,000 versions of one 20 KB draft in the store.

    python benchmarks/history_bench.py [--versions 1000] [--runs 5]

The history is written with ``git fast-import`` and then unpacked into loose objects,
as a thousand ``redraft save`` runs leave it. Each command runs as a user runs it (a
process, output piped), ``--runs`` times; medians are printed with CPU time and peak
memory, beside a reference measured in the same run:
  * log, blame OP5, blame --para OP5 --words, history OP5, status --by-version, stats
    --by-version: "cold" with the store's caches removed before each run, then warm;
    reference: ``git log -p`` of the draft file (every version's text, in C);
  * show bench@1 (reference: ``git show COMMIT:drafts/bench.txt``);
  * save: on a store holding 10 versions and on the 1,000-version one, whose objects
    saves left loose (reference: ``git add`` + ``git commit`` of the same text); flat
    means the two medians are alike;
  * report (cold), reference as for log.
Targets: log < 0.5 s, blame (also --words), history, status --by-version < 1 s,
show < 0.2 s, save flat as history grows, report < 5 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
from pathlib import Path

from benchtools import (
    Row,
    Sample,
    git,
    load_average,
    measure,
    print_rows,
    redraft,
    run_process,
)

VOCABULARY = (
    "the General Assembly recalls its resolution on crime prevention and criminal justice "
    "urges Member States to strengthen international cooperation technical assistance "
    "requests Secretary-General report Office Drugs Crime within existing resources"
).split()
WHO = ["Brazil", "EU", "Group of 77 and China", "Facilitator", "Japan", "Mexico"]


def paragraphs(words: int, rng: random.Random) -> list[str]:
    found, count = [], 0
    while count < words:
        size = rng.randint(25, 90)
        found.append(f"*Urges* {' '.join(rng.choice(VOCABULARY) for _ in range(size))};")
        count += size
    return found


def canonical(paras: list[str], symbol: str) -> str:
    head = f"---\nredraft: 1\nsymbol: {symbol}\nlanguage: en\n---\n\n## Bench draft\n\n"
    head += "> *The General Assembly*,"
    return head + "\n\n" + "\n\n".join(f"{i}. {p}" for i, p in enumerate(paras, 1)) + "\n"


def edit(paras: list[str], rng: random.Random) -> list[str]:
    """One negotiation step: a word changed in one or two paragraphs, sometimes one added,
    and now and then a paragraph marked agreed (so that status has something to count)."""
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
    if rng.random() < 0.05:
        i = rng.randrange(len(paras))
        if not paras[i].endswith("[agreed]"):
            paras[i] += " [agreed]"
    return paras


def build_history(store: Path, versions: int, seed: int = 2) -> None:
    """``versions`` versions of one ~20 KB draft, left as loose objects like saves leave them."""
    rng = random.Random(seed)
    paras = paragraphs(3000, rng)
    stream = [b"feature done\n"]
    for n in range(1, versions + 1):
        paras = edit(paras, rng) if n > 1 else paras
        symbol = f"A/C.3/79/L.12/Rev.{n // 100}" if n >= 100 else "A/C.3/79/L.12"
        data = canonical(paras, symbol).encode()
        by = WHO[n % len(WHO)]
        trailers = f"Redraft-Draft: bench\nRedraft-By: {by}\nRedraft-Symbol: {symbol}\n"
        message = f"Version {n}\n\n{trailers}Redraft-Tool: redraft bench\n"
        stamp = 1726000000 + n * 3600
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
    git("fast-import", "--quiet", cwd=store, data=b"".join(stream))
    git("reset", "-q", "--hard", cwd=store)
    explode(store)


def explode(store: Path) -> None:
    """Every object loose, as saves that never pack leave a store."""
    pack_dir = store / ".git" / "objects" / "pack"
    for pack in sorted(pack_dir.glob("*.pack")):
        moved = store / pack.name
        shutil.move(pack, moved)
        pack.with_suffix(".idx").unlink()
        git("unpack-objects", "-q", cwd=store, data=moved.read_bytes())
        moved.unlink()


def clear_caches(store: Path) -> None:
    for cache in (store / ".git").glob("redraft-*"):
        if cache.is_dir():
            shutil.rmtree(cache)
        elif cache.name != "redraft.lock":
            cache.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = args.runs
    start_load = load_average()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="redraft-history-bench-") as name:
        tmp = Path(name)
        store = tmp / "store"
        redraft("init", str(store))
        build_history(store, args.versions)
        where = ("--store", str(store))
        log_p = measure(lambda: git("log", "-p", "--", "drafts/bench.txt", cwd=store), runs)
        ref = "git log -p (every version's text)"

        # save first: it is what finds the store full of loose objects
        small = tmp / "small"
        redraft("init", str(small))
        build_history(small, 10, seed=3)
        plain = tmp / "plain"
        git("init", "-q", str(plain))
        text = (store / "drafts" / "bench.txt").read_text(encoding="utf-8")
        count = iter(range(10_000))

        def save_to(target: Path) -> Sample:
            n = next(count)
            new = tmp / "next.txt"
            new.write_text(text + f"\n{900 + n}. *Decides* to remain seized of it ({n}).\n")
            return redraft("save", "bench", str(new), "--store", str(target))

        def commit() -> Sample:
            n = next(count)
            (plain / "bench.txt").write_text(text + f"\n{n}\n")
            return run_process(["sh", "-c", "git add bench.txt && git commit -q -m v"], cwd=plain)

        commit_fig = measure(commit, runs)
        few = measure(lambda: save_to(small), runs)
        first = save_to(store)
        many = measure(lambda: save_to(store), runs)
        label = f"save, {args.versions:,} versions"
        rows.append(Row("save, 10 versions", few, 0.3, "git add + commit", commit_fig))
        rows.append(Row(f"{label}, first (loose)", measure(lambda: first, 1), 0.3, "", commit_fig))
        rows.append(Row(f"{label}, next ones", many, 0.3, "git add + commit", commit_fig))

        def cold(*command: str, codes: tuple[int, ...] = (0,)) -> Sample:
            clear_caches(store)
            return redraft(*command, *where, codes=codes)

        commands = [
            ("log", ("log", "bench"), 0.5),
            ("blame", ("blame", "bench"), 1.0),
            ("blame --para OP5", ("blame", "bench", "--para", "OP5"), 1.0),
            ("blame --para OP5 --words", ("blame", "bench", "--para", "OP5", "--words"), 1.0),
            ("history OP5", ("history", "bench", "OP5"), 1.0),
            ("status --by-version", ("status", "bench", "--by-version"), 1.0),
            ("stats --by-version", ("stats", "--by-version", "bench"), 1.0),
        ]
        for label, command, target in commands:
            rows.append(
                Row(f"{label}, cold", measure(lambda c=command: cold(*c), runs), target, ref, log_p)
            )
            redraft(*command, *where)
            warm = measure(lambda c=command: redraft(*c, *where), runs)
            rows.append(Row(f"{label}, warm", warm, target, ref, log_p))

        oldest = git("rev-list", "--reverse", "HEAD", cwd=store).out.split()[1].decode()
        show = measure(lambda: redraft("show", "bench@1", *where), runs)
        git_show = measure(lambda: git("show", f"{oldest}:drafts/bench.txt", cwd=store), runs)
        rows.append(Row("show bench@1", show, 0.2, "git show COMMIT:drafts/bench.txt", git_show))

        out = tmp / "report"

        def report() -> Sample:
            clear_caches(store)
            shutil.rmtree(out, ignore_errors=True)
            return redraft("report", "-o", str(out), *where)

        rows.append(Row("report, cold", measure(report, max(1, runs // 2)), 5.0, ref, log_p))
        again = measure(lambda: redraft("report", "-o", str(out), *where), runs)
        rows.append(Row("report again", again, 5.0, ref, log_p))
    title = f"{args.versions:,} versions of one 20 KB draft, medians of {runs} runs"
    print_rows(title, rows, start_load)
    growth = many.wall / few.wall
    print(f"save at {args.versions:,} versions / save at 10: {growth:.2f}x (flat: about 1)")


if __name__ == "__main__":
    main()
