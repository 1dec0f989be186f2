"""The diff's output on real and generated pairs, written as JSON files: run it on the
code before and after a change to the diff, then compare the two folders byte for byte.

    python benchmarks/diff_snapshot.py [OUT] [--corpus ../shared/corpus] [--other-languages DIR]
    diff -r BEFORE AFTER && echo identical

Files: each of the 170 pairs of ``unxml-ga/pairs-78-79.tsv`` diffed both ways (and
every tenth by characters too); the cases of ``diff_bench.py`` (the real Oceans pair,
its light and heavy revisions, the 10x draft) and more generated revisions; with
``--other-languages`` (the folder holding ``Arabic``, ``Chinese``... of the 79th
session), revisions of six drafts of each language and pairs of unrelated drafts. Each
file is what ``redraft diff --format json`` writes for the pair (the memos emptied first,
so every diff is a first one).
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from diff_bench import DEFAULT_CORPUS, NEW_GLOB, OLD_GLOB, forget_memos, revise, tenfold
from shared_corpus import need

from redraft.diff.engine import diff_drafts
from redraft.model import Draft
from redraft.readers import read_path
from redraft.render.diff_json import render_diff_json

LANGUAGES = ("Arabic", "Chinese", "French", "Russian", "Spanish")


def write(out: Path, name: str, old: Draft, new: Draft, granularity: str = "words") -> None:
    forget_memos()
    (out / f"{name}.json").write_text(render_diff_json(diff_drafts(old, new, granularity)))


def corpus_pairs(corpus: Path, out: Path) -> None:
    with (corpus / "unxml-ga" / "pairs-78-79.tsv").open(encoding="utf-8") as table:
        rows = list(csv.DictReader(table, delimiter="\t"))
    for index, row in enumerate(rows):
        old, new = read_path(corpus / row["old"]).draft, read_path(corpus / row["new"]).draft
        write(out, f"pair{index:03d}-words", old, new)
        write(out, f"pair{index:03d}-rev", new, old)
        if index % 10 == 0:
            write(out, f"pair{index:03d}-chars", old, new, "chars")


def generated(corpus: Path, out: Path) -> None:
    old = read_path(next(corpus.glob(OLD_GLOB))).draft
    new = read_path(next(corpus.glob(NEW_GLOB))).draft
    big = tenfold(corpus, new)
    write(out, "case-real", old, new)
    write(out, "case-light", new, revise(new, 0.03, 1, 2, 1))
    write(out, "case-heavy", new, revise(new, 0.30, 10, 0, 0))
    write(out, "case-big", big, revise(big, 0.03, 1, 2, 1))
    for seed in range(3):
        write(out, f"case-heavy{seed}", new, revise(new, 0.5, 20, 5, 5, seed=seed))
        write(out, f"case-realrev{seed}", new, revise(old, 0.2, 5, 3, 3, seed=seed))


def other_languages(folder: Path, out: Path) -> None:
    for language in LANGUAGES:
        files = sorted((folder / language).glob("*.xml"))
        for path in random.Random(language).sample(files, min(6, len(files))):
            draft = read_path(path).draft
            for seed in range(2):
                revised = revise(draft, 0.3, 2, 1, 1, seed=seed)
                write(out, f"lang-{language}-{path.stem}-{seed}", draft, revised)
                write(out, f"lang-{language}-{path.stem}-{seed}-c", revised, draft, "chars")
        for a, b in zip(files[:5], files[5:10], strict=False):
            write(out, f"cross-{language}-{a.stem}", read_path(a).draft, read_path(b).draft)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path, nargs="?", default=Path("diff-snapshot"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--other-languages", type=Path)
    args = parser.parse_args()
    need(args.corpus, "the 78th -> 79th session pairs (AKN)", pattern="unxml-ga/pairs-78-79.tsv")
    args.out.mkdir(parents=True, exist_ok=True)
    corpus_pairs(args.corpus, args.out)
    generated(args.corpus, args.out)
    if args.other_languages is not None:
        other_languages(args.other_languages, args.out)
    print(f"{len(list(args.out.iterdir()))} files in {args.out}")


if __name__ == "__main__":
    main()
