"""Every real pair of the shared corpus (last session's resolution -> this session's)
diffed in one process, checked for the diff's laws, with totals and time.

    python benchmarks/diff_corpus.py [--corpus ../shared/corpus] [--show N]

Checks on every pair: no error; every unit of both drafts in exactly one change;
segments rebuild both texts exactly; every unit whose text (and kind) is identical
in both versions and unique in each is reported equal. Target: all pairs < 5 s
(diffing only; reading the XML is timed apart).
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from pathlib import Path

from shared_corpus import need

from redraft.diff.align import unit_key
from redraft.diff.engine import JOIN, diff_drafts
from redraft.model import Draft, Paragraph
from redraft.readers import read_path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
TARGET_SECONDS = 5.0


def identity(unit: object) -> str:
    kind = unit.kind.value if isinstance(unit, Paragraph) else "footnote"
    return kind + "\x00" + unit_key(unit)  # type: ignore[arg-type]


def check(old: Draft, new: Draft) -> list[str]:
    """Broken laws for one pair (empty when all hold)."""
    result = diff_drafts(old, new)
    problems = []
    old_labels = [label for c in result.changes for label in c.old]
    new_labels = [label for c in result.changes for label in c.new]
    if Counter(old_labels) != Counter(old.labels()) or Counter(new_labels) != Counter(new.labels()):
        problems.append("labels in changes differ from the drafts' labels")
    for change in result.changes:
        if change.old_text() != JOIN.join(u.text for u in change.old_units) or (
            change.new_text() != JOIN.join(u.text for u in change.new_units)
        ):
            problems.append(f"segments do not rebuild {change.old} -> {change.new}")
    old_ids = Counter(identity(u) for u in old.units())
    new_ids = Counter(identity(u) for u in new.units())
    for change in result.changes:
        for unit in change.old_units:
            key = identity(unit)
            if old_ids[key] == 1 and new_ids[key] == 1 and change.op != "equal":
                problems.append(f"{unit.label}: identical in both, reported {change.op}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", type=int, default=5, help="problems to print")
    args = parser.parse_args()
    need(
        args.corpus / "unxml-ga" / "pairs-78-79.tsv",
        "the 170 pairs of resolutions (78th -> 79th session)",
    )
    with open(args.corpus / "unxml-ga" / "pairs-78-79.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))

    start = time.perf_counter()
    pairs = []
    for row in rows:
        old = read_path(args.corpus / row["old"]).draft
        new = read_path(args.corpus / row["new"]).draft
        pairs.append((row, old, new))
    read_seconds = time.perf_counter() - start

    start, cpu_start = time.perf_counter(), time.process_time()
    results = [diff_drafts(old, new) for _, old, new in pairs]
    diff_seconds = time.perf_counter() - start
    diff_cpu = (
        time.process_time() - cpu_start
    )  # what the neighbours on a shared machine cannot inflate

    totals: Counter[str] = Counter()
    for result in results:
        totals.update(result.summary())
    problems = []
    for row, old, new in pairs:
        problems += [f"{row['old_symbol']} -> {row['new_symbol']}: {p}" for p in check(old, new)]

    units = sum(len(old.labels()) + len(new.labels()) for _, old, new in pairs)
    print(f"pairs: {len(pairs)}   units: {units}   reading XML: {read_seconds:.2f} s")
    verdict = "ok" if diff_seconds < TARGET_SECONDS else "SLOW"
    print(
        f"diff of all pairs, one process: {diff_seconds:.2f} s wall, {diff_cpu:.2f} s CPU "
        f"(target < {TARGET_SECONDS:.0f} s) {verdict}"
    )
    print("totals: " + ", ".join(f"{key} {value}" for key, value in totals.items()))
    print(
        f"pairs with a broken law: {len({p.split(':')[0] for p in problems})}; "
        f"problems: {len(problems)}"
    )
    for problem in problems[: args.show]:
        print("  " + problem)


if __name__ == "__main__":
    main()
