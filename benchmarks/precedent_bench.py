"""`redraft precedent`: quality of tracing seeded drafts, and speed at 1,700 resolutions.

    python benchmarks/precedent_bench.py [--corpus ../shared/corpus] [--size 1700]
        [--seeds 200] [--runs 7] [--skip-evidence] [--skip-quality]

Quality (targets >= 0.95), against an index of the 78th and 79th sessions (English):
drafts seeded with paragraphs copied from indexed resolutions, verbatim and with one or
two words substituted, inserted or deleted, and with the new paragraphs of
benchmarks/data/precedent_new_paragraphs.txt (written for this benchmark: no adopted text
holds them). Reported: the share of seeded paragraphs whose first source is the right
resolution and paragraph, classes right, new paragraphs called new; and the evidence for
the adapted threshold (similarity of the edited seeds, of the new paragraphs, and the
78th -> 79th session histogram of best similarities).

Speed, each with a reference measured in the same run:

* the index of SIZE resolutions through the CLI (reference: parsing the same files with
  lxml alone); the shared corpus holds 506 English resolutions (78th and 79th sessions),
  so the rest are copies re-labelled with other symbols and years (said in the output:
  copies repeat wordings, which the index stores once, so the disk size is also
  projected from the real documents alone);
* incremental re-index after one new document (reference: `redraft --version`, the
  command line's start-up, and hashing every file, the least any update must do);
* `redraft precedent` on a draft of 100 paragraphs (reference: `redraft stats` on it);
* `redraft precedent search` (reference: `grep -r -l -F` over the same files);
* the index's size on disk (reference: the size of the files indexed).

The two commands a user waits for at every use (tracing a draft, searching a phrase)
are timed as the median of --runs runs, interleaved with their references so that both
meet the same load, with the load average: on a shared machine wall time follows the
load, CPU time (user + system of the child) much less. The commands run from bytecode
compiled once, as an installed redraft does.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from shared_corpus import DEFAULT_CORPUS, need

from redraft import canonical
from redraft.labels import assign_labels
from redraft.model import Draft, Kind, Meta, Paragraph
from redraft.precedent import SqliteIndex, trace
from redraft.precedent.boilerplate import boilerplate
from redraft.precedent.classify import CANDIDATES, similarity
from redraft.precedent.normalize import tokens
from redraft.readers import read_path
from redraft.resolve.precedent import update_index

ROOT = Path(__file__).resolve().parents[1]
NEW_PARAGRAPHS = Path(__file__).parent / "data" / "precedent_new_paragraphs.txt"
SEEDED_KINDS = (Kind.PREAMBULAR, Kind.OPERATIVE)
TARGET = 0.95


def sessions(corpus: Path) -> list[Path]:
    folders = [corpus / "unxml-ga" / f"{n}session" / "English" for n in (78, 79)]
    return [path for folder in folders for path in sorted(folder.glob("*.xml"))]


# -- quality --------------------------------------------------------------------


def seed_pool(files: list[Path]) -> tuple[list[tuple[str, str, str, tuple[str, ...]]], list[str]]:
    """(symbol, label, text, words) of every paragraph worth seeding, and the vocabulary."""
    pool, vocabulary = [], []
    for path in files:
        draft = read_path(path).draft
        for block in draft.walk():
            words = tuple(tokens(block.text))
            vocabulary.extend(words)
            if block.kind in SEEDED_KINDS and len(words) >= 8 and not boilerplate(block.text):
                pool.append((draft.meta.symbol, block.label, block.text, words))
    return pool, vocabulary


def edit(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    """One or two words substituted, inserted or deleted (never the first word)."""
    words = text.split(" ")
    for _ in range(rng.choice((1, 2))):
        at = rng.randrange(1, len(words))
        how = rng.choice(("substitute", "insert", "delete"))
        if how == "substitute":
            words[at] = rng.choice(vocabulary)
        elif how == "insert":
            words.insert(at, rng.choice(vocabulary))
        elif len(words) > 2:
            del words[at]
    return " ".join(words)


def seeded_drafts(
    pool: list[tuple[str, str, str, tuple[str, ...]]],
    vocabulary: list[str],
    seeds: int,
    rng: random.Random,
) -> tuple[list[Draft], list[tuple[str, tuple[str, str, tuple[str, ...]] | None]]]:
    """Drafts of 20 paragraphs mixing verbatim, edited and new ones; the truth for each
    paragraph in order: (expected class, (symbol, label, words) of its origin or None)."""
    new = [
        line.strip()
        for line in NEW_PARAGRAPHS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    items: list[tuple[str, str, tuple[str, str, tuple[str, ...]] | None]] = []
    for symbol, label, text, words in rng.sample(pool, seeds):
        items.append(("verbatim", text, (symbol, label, words)))
    for symbol, label, text, words in rng.sample(pool, seeds):
        edited = edit(text, rng, vocabulary)
        if tuple(tokens(edited)) != words:
            items.append(("adapted", edited, (symbol, label, words)))
    items += [("new", text, None) for text in new]
    rng.shuffle(items)
    drafts, truth = [], []
    for start in range(0, len(items), 20):
        chunk = items[start : start + 20]
        blocks = tuple(
            Paragraph(Kind.OPERATIVE, text, number=f"{n}.")
            for n, (_, text, _) in enumerate(chunk, 1)
        )
        drafts.append(Draft(Meta(), assign_labels(blocks)))
        truth += [(cls, origin) for cls, _, origin in chunk]
    return drafts, truth


def quality(index: SqliteIndex, files: list[Path], seeds: int, rng: random.Random) -> None:
    pool, vocabulary = seed_pool(files)
    drafts, truth = seeded_drafts(pool, vocabulary, seeds, rng)
    results = [p for draft in drafts for p in trace(draft, index).paragraphs]
    seeded = right_source = exact_source = right_class = 0
    by_class: Counter[str] = Counter()
    edited_similarity, new_similarity = [], []
    for paragraph, (expected, origin) in zip(results, truth, strict=True):
        by_class[expected] += 1
        right_class += paragraph.cls == expected
        if expected == "new":
            new_similarity.append(best_similarity(index, tokens(paragraph.text)))
            continue
        assert origin is not None
        seeded += 1
        if expected == "adapted" and paragraph.sources:
            edited_similarity.append(paragraph.sources[0].similarity)
        if not paragraph.sources:
            continue
        first = paragraph.sources[0]
        if (first.symbol, first.label) == origin[:2]:
            exact_source += 1
            right_source += 1
        elif tuple(tokens(first.text)) == origin[2]:
            right_source += 1  # the same wording, adopted again more recently: ranked first
    new_right = sum(
        1 for p, (cls, _) in zip(results, truth, strict=True) if cls == "new" and p.cls == "new"
    )
    print(
        f"seeded drafts: {len(drafts)} drafts, {len(results)} paragraphs "
        f"({by_class['verbatim']} verbatim, {by_class['adapted']} with one or two words "
        f"edited, {by_class['new']} new)"
    )
    _check("first source is the right resolution and paragraph", right_source / seeded)
    print(
        f"    of which the very paragraph copied: {exact_source / seeded:.3f}; the rest are "
        "the same wording in a more recent resolution (ranked first by the rule)"
    )
    _check("classes right", right_class / len(results))
    _check("new paragraphs called new", new_right / by_class["new"])
    print(
        f"threshold evidence: edited seeds' similarity min {min(edited_similarity):.3f}, "
        f"5th percentile {_percentile(edited_similarity, 5):.3f}; new paragraphs' best "
        f"similarity max {max(new_similarity):.3f}, median {statistics.median(new_similarity):.3f}"
    )


def _check(what: str, share: float) -> None:
    verdict = "ok" if share >= TARGET else "BELOW TARGET"
    print(f"  {what}: {share:.3f} (target >= {TARGET}) {verdict}")


def _percentile(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, len(ordered) * percent // 100)]


def best_similarity(index: SqliteIndex, words: list[str]) -> float:
    """The best similarity of a paragraph to the candidates the index proposes (what
    tracing sees, without the floor under which it names no nearest wording)."""
    lookup = index.lookup([words], CANDIDATES)[0]
    if lookup.exact is not None:
        return 1.0
    return max((similarity(words, c.words) for c in lookup.candidates), default=0.0)


def evidence(files_78: list[Path], files_79: list[Path], work: Path) -> None:
    """Best similarity of every 79th-session paragraph against the 78th session."""
    index = SqliteIndex.open(work / "78.db", create=True)
    update_index(index, [str(path) for path in files_78])
    buckets: Counter[int] = Counter()
    for path in files_79:
        for block in read_path(path).draft.walk():
            words = tokens(block.text)
            if words and not boilerplate(block.text, block.kind):
                buckets[min(int(best_similarity(index, words) * 20), 20)] += 1
    index.close()
    total = sum(buckets.values())
    histogram = " ".join(f"{b / 20:.2f}:{buckets[b]}" for b in range(21))
    print(f"78th -> 79th best similarity ({total} paragraphs, buckets of 0.05): {histogram}")


# -- the 1,700 ------------------------------------------------------------------

_SYMBOL = re.compile(rb"A/RES/(7[89])/")
_NUMBER = re.compile(rb">(7[89])/(\d+)")
_FRBR = re.compile(rb"/(7[89])-(\d+)/")
_DATE = re.compile(rb"\b(20\d\d)-(\d\d)-(\d\d)\b")


def relabel(data: bytes, shift: int) -> bytes:
    """A copy of an AKN resolution moved ``shift`` sessions (and years) back."""
    session = lambda m: str(int(m.group(1)) - shift).encode()  # noqa: E731
    data = _SYMBOL.sub(lambda m: b"A/RES/" + session(m) + b"/", data)
    data = _NUMBER.sub(lambda m: b">" + session(m) + b"/" + m.group(2), data)
    data = _FRBR.sub(lambda m: b"/" + session(m) + b"-" + m.group(2) + b"/", data)
    year = lambda m: str(int(m.group(1)) - shift).encode()  # noqa: E731
    return _DATE.sub(lambda m: year(m) + b"-" + m.group(2) + b"-" + m.group(3), data)


def build_folder(files: list[Path], size: int, folder: Path) -> int:
    """``size`` resolutions: the real ones, then re-labelled copies. Returns the copies."""
    folder.mkdir(parents=True)
    for path in files[:size]:
        shutil.copy(path, folder / path.name)
    copies = 0
    while len(files) + copies < size:
        source = files[copies % len(files)]
        shift = 2 * (copies // len(files) + 1)
        name = f"copy{shift:02d}-{source.name}"
        (folder / name).write_bytes(relabel(source.read_bytes(), shift))
        copies += 1
    return copies


#: Child processes run as an installed redraft does: from bytecode compiled once (pip
#: compiles it at install), here into a folder of the run's own, whatever
#: PYTHONDONTWRITEBYTECODE says in the calling shell.
_PYCACHE: dict[str, str] = {}


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **_PYCACHE}
    if _PYCACHE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cli(*args: str) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, stdout) of ``python -m redraft ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "redraft", *args], capture_output=True, text=True, env=_env()
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"precedent_bench: redraft {' '.join(args)} failed: {done.stderr}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, done.stdout


@dataclass(frozen=True)
class Timing:
    """Medians of several runs of one command, and the load average around them."""

    wall: float
    cpu: float
    load: float

    def text(self, unit: str = "s") -> str:
        scale, digits = (1000, 0) if unit == "ms" else (1, 2)
        return (
            f"{self.wall * scale:.{digits}f} {unit} wall, {self.cpu * scale:.{digits}f} {unit} CPU"
        )


def median(runs: int, *args: str) -> Timing:
    """Medians of ``runs`` runs of ``redraft ARGS`` after one unmeasured run (which
    writes the bytecode and brings the files into the page cache)."""
    cli(*args)
    loads = [os.getloadavg()[0]]
    timings = [cli(*args)[:2] for _ in range(runs)]
    loads.append(os.getloadavg()[0])
    return Timing(
        statistics.median(t[0] for t in timings),
        statistics.median(t[1] for t in timings),
        statistics.mean(loads),
    )


def interleaved(runs: int, *commands: tuple[str, ...]) -> list[Timing]:
    """:func:`median` of each command, their runs interleaved (A B C A B C ...) so that
    a target and its reference meet the same load."""
    for args in commands:
        cli(*args)
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    loads = [os.getloadavg()[0]]
    for _ in range(runs):
        for position, args in enumerate(commands):
            wall, cpu, _ = cli(*args)
            walls[position].append(wall)
            cpus[position].append(cpu)
    loads.append(os.getloadavg()[0])
    load = statistics.mean(loads)
    return [
        Timing(statistics.median(w), statistics.median(c), load)
        for w, c in zip(walls, cpus, strict=True)
    ]


def timed(runs: int, job: object) -> float:
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        job()  # type: ignore[operator]
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def lxml_parse(folder: Path) -> None:
    from lxml import etree

    for path in sorted(folder.iterdir()):
        etree.parse(str(path))


def hash_all(folder: Path) -> None:
    for path in sorted(folder.iterdir()):
        hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def hundred_paragraphs(files: list[Path], rng: random.Random, path: Path) -> None:
    """A draft of 100 paragraphs: 40 verbatim, 30 edited, 30 new."""
    pool, vocabulary = seed_pool(files)
    new = [
        line.strip()
        for line in NEW_PARAGRAPHS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    texts = [text for _, _, text, _ in rng.sample(pool, 40)]
    texts += [edit(text, rng, vocabulary) for _, _, text, _ in rng.sample(pool, 30)]
    texts += new[:30]
    rng.shuffle(texts)
    blocks = (Paragraph(Kind.FORMULA, "The General Assembly,"),) + tuple(
        Paragraph(Kind.OPERATIVE, text, number=f"{n}.") for n, text in enumerate(texts, 1)
    )
    draft = Draft(Meta(organ="General Assembly"), assign_labels(blocks))
    path.write_text(canonical.render(draft), encoding="utf-8")


def speed(files: list[Path], size: int, runs: int, work: Path, rng: random.Random) -> None:
    folder = work / "adopted"
    copies = build_folder(files, size, folder)
    real = min(size, len(files))
    corpus_bytes = sum(p.stat().st_size for p in folder.iterdir())
    print(
        f"index of {size} resolutions: {real} real English resolutions (78th and 79th "
        f"sessions) and {copies} copies re-labelled with other symbols and years (the "
        "shared corpus holds no other session in English)"
    )
    index = work / "adopted.db"
    _PYCACHE["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    wall, cpu, out = cli("precedent", "index", str(folder), "-o", str(index), "--quiet")
    lxml_wall = timed(1, lambda: lxml_parse(folder))
    print(f"  build through the CLI: {wall:.1f} s wall, {cpu:.1f} s CPU (target < 60 s)")
    print(
        f"    reference, lxml parsing the same files only: {lxml_wall:.1f} s "
        f"(x{wall / lxml_wall:.1f})"
    )
    print(f"    {out.strip().splitlines()[0]}")
    size_mb = index.stat().st_size / 1048576
    print(
        f"  size on disk: {size_mb:.1f} MB (target < 100 MB); reference, the files indexed: "
        f"{corpus_bytes / 1048576:.1f} MB (x{index.stat().st_size / corpus_bytes:.2f})"
    )

    extra = folder / "A_RES_80_1-new.xml"
    extra.write_bytes(relabel(files[-1].read_bytes(), -1))  # a 79th-session text as the 80th
    inc_wall, inc_cpu, out = cli("precedent", "index", "-o", str(index), "--quiet")
    start = median(runs, "--version")
    hash_wall = timed(1, lambda: hash_all(folder))
    print(
        f"  incremental re-index after one new document: {inc_wall:.2f} s wall, "
        f"{inc_cpu:.2f} s CPU (target < 2 s); {out.strip().splitlines()[-1]}"
    )
    print(
        f"    reference: start-up (redraft --version) {start.wall:.2f} s; hashing all "
        f"{size + 1} files {hash_wall:.2f} s"
    )

    draft = work / "draft-100.txt"
    hundred_paragraphs(files, rng, draft)
    phrase = "Transforming our world"
    print(
        f"  the commands below: medians of {runs} runs each, interleaved with their "
        "references (the same load for both), after one unmeasured run"
    )
    traced, stats, version = interleaved(
        runs,
        ("precedent", str(draft), "--corpus", str(index), "--format", "json"),
        ("stats", str(draft)),
        ("--version",),
    )
    print(
        f"  precedent on a draft of 100 paragraphs: {traced.text()} (target < 1 s), "
        f"load average {traced.load:.1f}; reference, redraft stats on it: {stats.text()} "
        f"(x{traced.wall / stats.wall:.2f} wall); start-up (redraft --version): "
        f"{version.text()} (x{traced.wall / version.wall:.2f} wall)"
    )
    searched, version = interleaved(
        runs, ("precedent", "search", phrase, "--corpus", str(index)), ("--version",)
    )
    grep_wall = timed(
        runs,
        lambda: subprocess.run(
            ["grep", "-r", "-l", "-F", phrase, str(folder)], capture_output=True
        ),
    )
    print(
        f"  precedent search {phrase!r}: {searched.text('ms')} (target < 200 ms), load "
        f"average {searched.load:.1f}; reference, start-up (redraft --version): "
        f"{version.text('ms')} (x{searched.wall / version.wall:.2f} wall, "
        f"x{searched.cpu / version.cpu:.2f} CPU); grep -r -l -F over the files: "
        f"{grep_wall * 1000:.0f} ms"
    )


def quality_figures(files: list[Path], seeds: int, work: Path, with_evidence: bool) -> None:
    """The index of the two sessions, the seeded drafts' figures and the evidence."""
    rng = random.Random(16)
    start = time.perf_counter()
    index = SqliteIndex.open(work / "quality.db", create=True)
    update_index(index, [str(path) for path in files])
    built = time.perf_counter() - start
    real_mb = (work / "quality.db").stat().st_size / 1048576
    print(
        f"index of the 78th and 79th sessions: {len(files)} resolutions, "
        f"{index.info().paragraphs:,} paragraphs, built in {built:.1f} s, {real_mb:.1f} MB "
        f"({real_mb / len(files) * 1700:.0f} MB projected for 1,700 distinct resolutions)"
    )
    quality(index, files, seeds, rng)
    index.close()
    if with_evidence:
        files_78 = [p for p in files if "78session" in str(p)]
        files_79 = [p for p in files if "79session" in str(p)]
        evidence(files_78, files_79, work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--size", type=int, default=1700)
    parser.add_argument("--seeds", type=int, default=200, help="verbatim and edited seeds, each")
    parser.add_argument("--runs", type=int, default=7, help="runs per timed command")
    parser.add_argument("--skip-evidence", action="store_true", help="no 78th -> 79th histogram")
    parser.add_argument("--skip-quality", action="store_true", help="speed figures only")
    parser.add_argument("--skip-speed", action="store_true", help="quality figures only")
    args = parser.parse_args()
    need(
        args.corpus / "unxml-ga" / "79session" / "English",
        "the General Assembly's adopted resolutions in AKN (78th and 79th sessions)",
        pattern="*.xml",
    )
    files = sessions(args.corpus)
    with tempfile.TemporaryDirectory(prefix="precedent-bench-") as scratch:
        work = Path(scratch)
        if not args.skip_quality:
            quality_figures(files, args.seeds, work, not args.skip_evidence)
        if not args.skip_speed:
            speed(files, args.size, args.runs, work, random.Random(100))


if __name__ == "__main__":
    main()
