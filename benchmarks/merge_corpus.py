"""The merge's laws on every real pair of the shared corpus (78th session's resolution ->
79th session's), with the time they take.

    python benchmarks/merge_corpus.py [--corpus ../shared/corpus]

For each pair (BASE = the 78th session's text, X = the 79th's), the merged draft must equal X
renumbered, with no conflict, in three merges: merge(BASE, X, BASE), merge(BASE, BASE, X) (a
change made by one side only is taken whole, moves included) and merge(BASE, X, X) (the same
change on both sides is taken once). Reading the XML is timed apart.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from shared_corpus import need

from redraft import canonical
from redraft.merge.threeway import three_way
from redraft.merge.tree import flatten, rebuild
from redraft.model import Draft
from redraft.readers import read_path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus"


def body(draft: Draft) -> str:
    return canonical.render(draft).split("---", 2)[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    need(
        args.corpus / "unxml-ga" / "pairs-78-79.tsv",
        "the 170 pairs of resolutions (78th -> 79th session)",
    )
    with open(args.corpus / "unxml-ga" / "pairs-78-79.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    start = time.perf_counter()
    pairs = [
        (
            row["new_symbol"],
            read_path(args.corpus / row["old"]).draft,
            read_path(args.corpus / row["new"]).draft,
        )
        for row in rows
    ]
    read_time = time.perf_counter() - start
    start = time.perf_counter()
    failures = []
    for symbol, old, new in pairs:
        want = body(rebuild(flatten(new), new.meta))
        for label, result in (
            ("merge(B, X, B)", three_way(old, new, old)),
            ("merge(B, B, X)", three_way(old, old, new)),
            ("merge(B, X, X)", three_way(old, new, new)),
        ):
            if not result.clean or body(result.draft) != want:
                failures.append(f"{symbol}: {label}")
    merge_time = time.perf_counter() - start
    print(
        f"{len(pairs)} pairs read in {read_time:.2f} s; {3 * len(pairs)} merges in "
        f"{merge_time:.2f} s ({1000 * merge_time / (3 * len(pairs)):.1f} ms each)"
    )
    print(f"laws broken: {len(failures)}")
    for line in failures[:20]:
        print("  " + line)


if __name__ == "__main__":
    main()
