"""The diff on text that repeats itself (issue 17): a draft plus renumbered copies of
itself (a compilation text full of near-identical alternatives, an omnibus resolution)
against a light revision, beside the same sizes of text that does not repeat.

    python benchmarks/selfsimilar_bench.py [--corpus ../shared/corpus] [--runs 3]
        [--copies 1,2,5,10]

Each case runs in a process of its own (its peak memory is the figure): the library
diff of the two drafts (parsing excluded), best of ``--runs``. Self-similar: 79/144
("Oceans and the law of the sea", ~28,000 words) followed by k-1 copies of itself,
every paragraph renumbered, against a light revision (3% of paragraphs edited, 2
inserted, 1 deleted, 1 moved). Reference in the same run: unique text of the same
size (operative paragraphs of the session's other resolutions, as diff_bench's 10x
draft) with the same revision. Printed: time, peak memory, how many changes the diff
calls moved (they must not grow with the copies: the revision moved one paragraph),
and growth from 1x to the largest.
Targets: 10 copies under 2 s and 150 MB, growth near-linear (under 11x for 10x text).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from benchtools import ENV, corpus_or_exit, load_average
from shared_corpus import DEFAULT_CORPUS

ENGLISH = "the GA's 79th session in English (AKN)"
BASE_GLOB = "A_RES_79_144-*.xml"


def copies(base: object, k: int) -> object:
    """``base`` followed by k-1 copies of itself, paragraphs renumbered."""
    from diff_bench import _relabel

    from redraft.model import Draft

    assert isinstance(base, Draft)
    blocks = []
    for _ in range(k):
        for block in base.blocks:
            number = f"{len(blocks) + 1}." if block.number else ""
            blocks.append(replace(block, number=number))
    return _relabel(blocks)


def unique(corpus: Path, base: object, k: int) -> object:
    """Text of the same size that does not repeat: the session's operative paragraphs."""
    from diff_bench import _relabel

    from redraft.model import Draft
    from redraft.readers import read_path

    assert isinstance(base, Draft)

    def words(draft: Draft) -> int:
        return sum(len(unit.text.split()) for unit in draft.units())

    target, size = k * words(base), words(base)
    blocks = list(base.blocks)
    folder = corpus / "unxml-ga" / "79session" / "English"
    for path in sorted(folder.glob("*.xml")):
        if size >= target:
            break
        if path.name.startswith("A_RES_79_144-"):
            continue
        for block in read_path(path).draft.operative():
            blocks.append(replace(block, number=f"{len(blocks) + 1}."))
            size += words(Draft(blocks=(block,)))
    return _relabel(blocks)


def run_case(corpus: Path, kind: str, k: int, runs: int) -> None:
    """In a child process: build the case, diff it, print one JSON line."""
    import resource

    from diff_bench import revise

    from redraft.diff.engine import diff_drafts
    from redraft.readers import read_path

    folder = corpus_or_exit(corpus, "unxml-ga/79session/English", ENGLISH)
    base = read_path(next(folder.glob(BASE_GLOB))).draft
    old = copies(base, k) if kind == "copies" else unique(corpus, base, k)
    new = revise(old, 0.03, 1, 2, 1)  # type: ignore[arg-type]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = diff_drafts(old, new)  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - start)
    assert result is not None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    changed = [c for c in result.changes if c.changed]
    moved = sum(1 for c in changed if c.moved)
    words = sum(len(u.text.split()) for u in new.units())
    print(
        json.dumps(
            {
                "seconds": best,
                "peak_mb": peak,
                "before_mb": before,
                "moved": moved,
                "changed": len(changed),
                "units": len(list(new.units())),
                "words": words,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--copies", default="1,2,5,10")
    parser.add_argument("--case", nargs=2, metavar=("KIND", "K"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        run_case(args.corpus, args.case[0], int(args.case[1]), args.runs)
        return
    corpus_or_exit(args.corpus, "unxml-ga/79session/English", ENGLISH)
    start_load = load_average()
    sizes = [int(k) for k in args.copies.split(",")]
    found: dict[tuple[str, int], dict[str, float]] = {}
    print(f"{'case':28} {'words':>8} {'units':>6} {'best s':>8} {'peak MB':>8} {'moved':>6}")
    for k in sizes:
        for kind in ("copies", "unique"):
            command = [sys.executable, __file__, "--corpus", str(args.corpus)]
            command += ["--runs", str(args.runs), "--case", kind, str(k)]
            done = subprocess.run(command, capture_output=True, text=True, env=ENV)
            if done.returncode != 0:
                raise SystemExit(f"case {kind} {k} failed: {done.stderr.strip()[-300:]}")
            figures = found[kind, k] = json.loads(done.stdout.strip().splitlines()[-1])
            label = f"{k}x {'self-similar' if kind == 'copies' else 'unique text'}"
            print(
                f"{label:28} {figures['words']:8.0f} {figures['units']:6.0f} "
                f"{figures['seconds']:8.3f} {figures['peak_mb']:8.0f} {figures['moved']:6.0f}"
            )
    print(f"load average before: {start_load}; after: {load_average()} (2 cores)")
    small, large = min(sizes), max(sizes)
    for kind in ("copies", "unique"):
        growth = found[kind, large]["seconds"] / found[kind, small]["seconds"]
        print(f"growth {kind}: {large}x text / {small}x = {growth:.1f}x time")
    big = found["copies", large]
    ratio = big["seconds"] / found["unique", large]["seconds"]
    ok = big["seconds"] < 2 and big["peak_mb"] < 150
    print(
        f"{large} copies: {big['seconds']:.2f} s, {big['peak_mb']:.0f} MB "
        f"(target < 2 s and 150 MB: {'ok' if ok else 'MISSED'}); "
        f"{ratio:.1f}x the unique text of the same size; moved {big['moved']:.0f} "
        f"vs {found['copies', small]['moved']:.0f} at {small}x"
    )


if __name__ == "__main__":
    main()
