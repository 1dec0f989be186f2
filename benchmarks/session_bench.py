"""A whole session in the store (issue 17): the 336 English resolutions of the GA's 79th
session, or the same session in the six official languages (about 1,900 files).

    python benchmarks/session_bench.py [--corpus ../shared/corpus] [--languages english|six]
        [--runs 3] [--other-languages DIR]

Each command runs as a user runs it (a process, output piped), ``--runs`` times; the
median is printed with its CPU time and peak memory, beside a reference measured in the
same run:
  * import of every file (``redraft import FILES``), a new store each run;
    reference: plain git storing the same canonical texts (``git add -A`` + one commit);
  * report from cold (new folder, the store's caches removed), report again with nothing
    changed, and report after one new version of one draft (same folder);
  * overlap (time and peak memory), stats, check, list over the store;
    reference for the reading commands: one ``git log --raw`` and one ``git cat-file
    --batch`` of every stored text (the least any reader of the store does).
Then the report written with one process (REDRAFT_JOBS=1) is compared byte for byte
with the default one: using the machine's cores must not change a byte.

Targets: English: import < 5 s, report < 5 s cold and < 1 s after one new version,
overlap < 2 s and < 150 MB, stats/check/list < 1 s. Six languages: import < 20 s,
report < 20 s cold, check < 5 s. The other languages are unpacked from
``unxml-ga-79-other-languages.tar.xz`` into a temporary folder unless --other-languages
names a folder holding them (Arabic/, Chinese/, ...).
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from benchtools import (
    ENV,
    PY,
    Row,
    Sample,
    corpus_or_exit,
    git,
    load_average,
    measure,
    print_rows,
    redraft,
    run_process,
)
from shared_corpus import DEFAULT_CORPUS, need

ENGLISH = "the GA's 79th session in English (AKN)"
OTHER = ("Arabic", "Chinese", "French", "Russian", "Spanish")
ARCHIVE = "unxml-ga-79-other-languages.tar.xz"
TARGETS = {
    "english": {"import": 5, "report": 5, "again": 1, "one": 1, "overlap": 2, "read": 1},
    "six": {"import": 20, "report": 20, "again": 5, "one": 5, "overlap": 10, "read": 5},
}
ROWS = ("import", "report", "again", "one", "overlap", "stats", "check", "list", "identical")
GIT_FLOOR = (
    "git log --format= --raw --no-abbrev -- drafts/ | awk '{print $4}' "
    "| git cat-file --batch > /dev/null"
)


def session_files(corpus: Path, languages: str, other: Path | None, tmp: Path) -> list[Path]:
    english = corpus_or_exit(corpus, "unxml-ga/79session/English", ENGLISH)
    files = sorted(english.glob("*.xml"))
    if languages == "english":
        return files
    if other is None:
        archive = corpus / ARCHIVE
        need(archive, "the GA's 79th session in the five other languages (AKN archive)")
        subprocess.run(["tar", "-xJf", str(archive), "-C", str(tmp)], check=True)
        other = tmp / "79session"
    for language in OTHER:
        files += sorted((other / language).glob("*.xml"))
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--languages", choices=("english", "six"), default="english")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--other-languages", type=Path, default=None)
    parser.add_argument(
        "--rows",
        default=",".join(ROWS),
        help=f"which figures to measure (import is always run), among {', '.join(ROWS)}",
    )
    args = parser.parse_args()
    wanted = set(args.rows.split(","))
    target = TARGETS[args.languages]
    start_load = load_average()
    with tempfile.TemporaryDirectory(prefix="redraft-session-bench-") as name:
        tmp = Path(name)
        files = [
            str(f) for f in session_files(args.corpus, args.languages, args.other_languages, tmp)
        ]
        rows: list[Row] = []
        runs = args.runs
        count = iter(range(1000))

        def import_all() -> Sample:
            store = tmp / f"store-{next(count)}"
            redraft("init", str(store))
            return redraft("import", *files, "--store", str(store))

        imported = measure(import_all, runs)
        store = tmp / f"store-{runs - 1}"
        drafts = sorted((store / "drafts").glob("*.txt"))
        count_plain = iter(range(1000))

        def plain_git() -> Sample:
            repo = tmp / f"plain-{next(count_plain)}"
            git("init", "-q", str(repo))
            for path in drafts:
                shutil.copyfile(path, repo / path.name)
            return run_process(["sh", "-c", "git add -A && git commit -q -m session"], cwd=repo)

        reference = measure(plain_git, runs)
        label = f"import {len(files)} files"
        rows.append(Row(label, imported, target["import"], "git add -A + one commit", reference))

        floor = measure(lambda: run_process(["sh", "-c", GIT_FLOOR], cwd=store), runs)
        floor_label = "one git log + one cat-file --batch"

        def clear_caches() -> None:
            for cache in (store / ".git").glob("redraft-*"):
                if cache.is_dir():
                    shutil.rmtree(cache)
                elif cache.name != "redraft.lock":
                    cache.unlink()

        out = tmp / "report"

        def cold_report() -> Sample:
            clear_caches()
            shutil.rmtree(out, ignore_errors=True)
            return redraft("report", "-o", str(out), "--store", str(store))

        if "report" in wanted or "again" in wanted:
            cold = measure(cold_report, runs)
            rows.append(Row("report, cold", cold, target["report"], floor_label, floor))
        if "again" in wanted:
            again = measure(lambda: redraft("report", "-o", str(out), "--store", str(store)), runs)
            rows.append(
                Row("report again, nothing changed", again, target["again"], floor_label, floor)
            )

        edited = iter(range(1000))
        changing = drafts[len(drafts) // 2].stem

        def one_new_version() -> Sample:
            text = (store / "drafts" / f"{changing}.txt").read_text(encoding="utf-8")
            new = tmp / "new.txt"
            n = next(edited)
            new.write_text(text + f"\n{900 + n}. *Decides* to remain seized of it ({n}).\n")
            redraft("save", changing, str(new), "--store", str(store))
            return redraft("report", "-o", str(out), "--store", str(store))

        if "one" in wanted:
            if not (out / "index.html").exists():
                redraft("report", "-o", str(out), "--store", str(store))
            one = measure(one_new_version, runs)  # the save is not timed: the report alone
            rows.append(Row("report after one new version", one, target["one"], floor_label, floor))
        if "overlap" in wanted:
            overlap = measure(lambda: redraft("overlap", "--store", str(store), codes=(0, 1)), runs)
            rows.append(
                Row("overlap", overlap, target["overlap"], floor_label, floor, memory_target=150)
            )
        for command, codes in (("stats", (0,)), ("check", (0, 1)), ("list", (0,))):
            if command in wanted:
                figure = measure(
                    lambda c=command, k=codes: redraft(c, "--store", str(store), codes=k), runs
                )
                rows.append(Row(command, figure, target["read"], floor_label, floor))
        same = (
            _same_on_one_core_and_two(tmp, store, clear_caches) if "identical" in wanted else None
        )
        print_rows(
            f"Session scale, {args.languages} ({len(files)} files, {len(drafts)} drafts), "
            f"medians of {runs} runs",
            rows,
            start_load,
        )
        if same is not None:
            verdict = "identical" if same else "DIFFERENT"
            print(f"report written by one process (REDRAFT_JOBS=1) vs two: {verdict}")


def _same_on_one_core_and_two(tmp: Path, store: Path, clear_caches: Any) -> bool:
    """Cores change no byte: the report written by one process and by two, from cold."""
    written = []
    for jobs in ("1", "2"):
        clear_caches()
        out = tmp / f"report-jobs-{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        command = [PY, "-m", "redraft", "report", "-o", str(out), "--store", str(store)]
        run_process(command, env={**ENV, "REDRAFT_JOBS": jobs})
        written.append(out)
    return _same_tree(*written)


def _same_tree(a: Path, b: Path) -> bool:
    """Same files with the same bytes; Word files compared by their parts (a zip also
    records when it was written)."""
    left = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    right = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if left != right:
        return False
    return all(
        _same_parts(a / p, b / p) if p.suffix == ".docx" else filecmp.cmp(a / p, b / p, False)
        for p in left
    )


def _same_parts(a: Path, b: Path) -> bool:
    with zipfile.ZipFile(a) as left, zipfile.ZipFile(b) as right:
        names = left.namelist()
        return names == right.namelist() and all(left.read(n) == right.read(n) for n in names)


if __name__ == "__main__":
    main()
