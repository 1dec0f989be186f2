"""`redraft overlap` over the 336 resolutions of the GA's 79th session: target under 10 s
(reading the AKN XML included), with cost growing near-linearly in the number of paragraphs.

    python benchmarks/overlap_bench.py [--corpus ../shared/corpus/unxml-ga/79session/English]
        [--runs 3]

Figures: reading time; overlap time on the first 84, 168 and 336 drafts with the number
of paragraphs, the time per 1,000 paragraphs and the growth ratio against doubling; and,
as a reference measured in the same run, the naive approach (the same word similarity
for every pair of paragraphs of different drafts): 20,000 random pairs timed, the cost
extrapolated to all pairs at each size (it grows with the square of the paragraphs).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from shared_corpus import need

from redraft.merge.overlap import (
    _token_similarity,
    _tokens,
    compared_paragraphs,
    default_boilerplate_min,
    find_overlaps,
    words_of,
)
from redraft.model import Draft
from redraft.readers import read_path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/unxml-ga/79session/English"


def read_all(corpus: Path) -> list[tuple[str, Draft]]:
    return [(path.stem, read_path(path).draft) for path in sorted(corpus.glob("*.xml"))]


def paragraphs(drafts: list[tuple[str, Draft]]) -> int:
    return sum(1 for _, draft in drafts for _ in compared_paragraphs(draft))


def best_of(
    runs: int, drafts: list[tuple[str, Draft]], boilerplate_min: int
) -> tuple[float, float]:
    """(wall, CPU) seconds, best of ``runs``: CPU time says less about other load."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        find_overlaps(drafts, boilerplate_min=boilerplate_min)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def naive_per_pair(drafts: list[tuple[str, Draft]], samples: int = 20_000) -> float:
    """Seconds per comparison of two paragraphs, measured on random pairs."""
    vocab: dict[str, str] = {}
    paras = [
        _tokens(words_of(p.text), vocab) for _, draft in drafts for p in compared_paragraphs(draft)
    ]
    rng = random.Random(79)
    pairs = [(rng.choice(paras), rng.choice(paras)) for _ in range(samples)]
    start = time.perf_counter()
    for a, b in pairs:
        _token_similarity(a, b)
    return (time.perf_counter() - start) / samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    need(args.corpus, "the 79th session's English resolutions (AKN XML)", pattern="*.xml")
    drafts = read_all(args.corpus)
    read_time = time.perf_counter() - start
    print(f"read {len(drafts)} drafts ({paragraphs(drafts)} paragraphs): {read_time:.2f} s")

    # the same boilerplate threshold at every size, so that only the size changes
    threshold = default_boilerplate_min(len(drafts))
    rows, cpu_rows = [], []
    for size in (84, 168, 336):
        subset = drafts[:size]
        wall, cpu = best_of(args.runs, subset, threshold)
        rows.append((size, paragraphs(subset), wall))
        cpu_rows.append(cpu)
    print(f"boilerplate threshold: {threshold} drafts at every size")
    header = f"{'drafts':>7} {'paragraphs':>11} {'wall s':>8} {'CPU s':>7} {'ms/1k para':>11}"
    print(header + f" {'x prev':>7}")
    previous = None
    for (size, count, seconds), cpu in zip(rows, cpu_rows, strict=True):
        ratio = f"{cpu / previous:.2f}" if previous else "-"
        print(
            f"{size:7d} {count:11d} {seconds:8.3f} {cpu:7.3f} {1e6 * cpu / count:11.1f} {ratio:>7}"
        )
        previous = cpu
    full = rows[-1][2]
    result = find_overlaps(drafts)
    print(f"pairs found: {len(result.pairs)}, boilerplate formulas: {len(result.boilerplate)}")
    total = read_time + full
    verdict = "OK" if total < 10 else "OVER"
    print(f"read + overlap on {len(drafts)} drafts: {total:.2f} s (target < 10 s: {verdict})")

    per_pair = naive_per_pair(drafts)
    estimates = [per_pair * count * count / 2 for _, count, _ in rows]
    print(
        "reference, every pair of paragraphs compared: "
        + ", ".join(f"{n} drafts ~{e:.0f} s" for (n, _, _), e in zip(rows, estimates, strict=True))
        + f" (x{estimates[-1] / estimates[0]:.1f} from 84 to 336); "
        f"{estimates[-1] / full:.0f}x the index on 336 drafts"
    )
    median = statistics.median(1e6 * cpu / c for (_, c, _), cpu in zip(rows, cpu_rows, strict=True))
    print(
        f"index growth 84 -> 336 drafts: x{cpu_rows[-1] / cpu_rows[0]:.2f} CPU time "
        f"for x{rows[-1][1] / rows[0][1]:.2f} paragraphs (median {median:.0f} ms per 1,000)"
    )


if __name__ == "__main__":
    main()
