"""`redraft parity` over the whole 79th session of the General Assembly in six languages.

    python benchmarks/parity_bench.py [--corpus ../shared/corpus] [--languages-dir DIR]
        [--samples 20] [--seed 14] [--recall-sets 60] [--learn-ratios PATH]

English comes from ``unxml-ga/79session/English`` of the shared corpus; the five other
languages from ``--languages-dir`` (a folder holding ``79session/{Arabic,...}``), else
from the archive ``unxml-ga-79-other-languages.tar.xz`` unpacked into a temporary
folder (not timed). Prints:

1. parity findings by kind and language over every resolution (English reference);
2. recall on defects the script injects in each language, one at a time, into sets
   whose versions it then compares with the untouched English: a paragraph dropped, a
   figure changed (a year one digit off), a footnote dropped, two paragraphs merged, a
   paragraph moved two to four places.
   A defect counts as found when a finding of its kind, at its label, appears that
   the untouched set did not have;
3. times: one six-language set through the CLI (target under 1 s) against
   `redraft stats` of the same six files (the same start-up and reading, no
   comparison), and the whole session in one process (target under 60 s) against
   reading the same files, both measured in this run;
4. ``--samples`` findings picked at random, to be checked by hand.

``--learn-ratios PATH`` also learns the usual length ratio of every language pair from
this corpus and writes it to PATH (src/redraft/parity/ratios.json is made this way).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from shared_corpus import DEFAULT_CORPUS, need

from redraft.labels import assign_labels
from redraft.model import Draft, Kind, Paragraph, footnote_ref
from redraft.parity import KINDS, OFFICIAL_LANGUAGES, Finding, check_parity, learn_ratios
from redraft.readers import read_path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {
    "ar": "Arabic",
    "zh": "Chinese",
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
}
ARCHIVE = "unxml-ga-79-other-languages.tar.xz"
DEFECTS = ("drop paragraph", "change figure", "drop footnote", "merge paragraphs", "move paragraph")
EXPECTED_KIND = {
    "drop paragraph": "missing",
    "change figure": "figure",
    "drop footnote": "footnote",
    "merge paragraphs": "merged",
    "move paragraph": "moved",
}
Set = dict[str, Draft]


def main() -> None:
    args = _arguments()
    english = args.corpus / "unxml-ga" / "79session" / "English"
    need(english, "the 79th session's English resolutions (AKN XML)", pattern="*.xml")
    with _other_languages(args) as others:
        files = _files(english, others)
        complete = sorted(k for k, v in files.items() if len(v) == len(OFFICIAL_LANGUAGES))
        print(
            f"79th session: {len(files)} resolutions, {len(complete)} in all six languages "
            f"({sum(len(v) for v in files.values())} files)"
        )
        sets, read_seconds = _read_all(files)
        if args.learn_ratios:
            _learn(sets, args.learn_ratios, args.corpus)
        findings, parity_seconds = _session(sets)
        _print_findings(findings, sets)
        _print_recall(sets, complete, args.recall_sets, args.seed)
        _print_times(files, complete, read_seconds, parity_seconds, args.cli_runs)
        _print_samples(findings, args.samples, args.seed)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--languages-dir",
        type=Path,
        default=None,
        help="a folder holding 79session/{Arabic,Chinese,French,Russian,Spanish}",
    )
    parser.add_argument("--samples", type=int, default=20, help="findings to print")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--recall-sets", type=int, default=60, help="sets to inject into")
    parser.add_argument("--cli-runs", type=int, default=3)
    parser.add_argument("--learn-ratios", type=Path, default=None, metavar="PATH")
    return parser.parse_args()


@contextmanager
def _other_languages(args: argparse.Namespace) -> Iterator[Path]:
    """The folder holding 79session/<Language>/ for the five other languages."""
    if args.languages_dir is not None:
        need(
            args.languages_dir / "79session",
            "the 79th session in Arabic, Chinese, French, Russian and Spanish",
            option="--languages-dir",
        )
        yield args.languages_dir
        return
    archive = args.corpus / ARCHIVE
    need(archive, "the archive of the 79th session in the five other languages")
    with tempfile.TemporaryDirectory(prefix="parity-bench-") as scratch:
        start = time.perf_counter()
        with tarfile.open(archive, "r:xz") as tar:
            tar.extractall(scratch, filter="data")
        print(f"(unpacked {archive.name} in {time.perf_counter() - start:.1f} s, not timed)")
        yield Path(scratch)


def _files(english: Path, others: Path) -> dict[str, dict[str, Path]]:
    """Resolution ("A_RES_79_9-2421657") -> language -> file."""
    found: dict[str, dict[str, Path]] = defaultdict(dict)
    for language, folder in FOLDERS.items():
        where = english if language == "en" else others / "79session" / folder
        for path in where.glob("*.xml"):
            found[path.stem[:-1]][language] = path
    return dict(found)


def _read_all(files: dict[str, dict[str, Path]]) -> tuple[dict[str, Set], float]:
    start = time.perf_counter()
    sets = {
        key: {lang: read_path(path).draft for lang, path in versions.items()}
        for key, versions in files.items()
    }
    return sets, time.perf_counter() - start


def _learn(sets: dict[str, Set], path: Path, corpus: Path) -> None:
    pairs = learn_ratios(sets.values())
    document = {
        "about": "Usual length of a paragraph in language b against language a (key 'a>b').",
        "measure": "letters (Unicode letters) of the paragraph's prose: text without footnote "
        "references, document symbols, web addresses and month names; Chinese: CJK ideographs "
        "(see redraft.parity.units.text_length)",
        "method": "every paragraph and footnote of every resolution whose two versions have "
        "identical label lists, tables left out, reference length at least 20; log_ratio is the "
        "median of log(length b / length a); the spread of a paragraph of n letters is "
        "sqrt(sigma^2 + short / n), fitted by weighted least squares on the squared median "
        "absolute deviation (x 1.4826) of each length band (powers of two)",
        "source": "UN General Assembly resolutions of the 79th session in AKN XML "
        "(UNxml/GAresolutions, commit 42a69b67bb92d23969fc45bba151320b82eb8e52), "
        f"{len(sets)} resolutions",
        "command": "python benchmarks/parity_bench.py "
        "--learn-ratios src/redraft/parity/ratios.json",
        "learned": dt.date.today().isoformat(),
        "pairs": pairs,
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"learned {len(pairs)} language pairs into {path}")


# -- 1. findings over the session -----------------------------------------------


def _session(sets: dict[str, Set]) -> tuple[list[tuple[str, Finding]], float]:
    from redraft.render.console import progress

    findings: list[tuple[str, Finding]] = []
    start = time.perf_counter()
    with progress() as bar:
        task = bar.add_task("Parity of the session", total=len(sets))
        for key, versions in sorted(sets.items()):
            if "en" in versions:
                result = check_parity(versions, reference="en")
                findings.extend((key, f) for f in result.findings)
            bar.advance(task)
    return findings, time.perf_counter() - start


def _print_findings(findings: list[tuple[str, Finding]], sets: dict[str, Set]) -> None:
    agree = sum(
        1
        for versions in sets.values()
        if len(versions) == 6 and len({tuple(d.labels()) for d in versions.values()}) == 1
    )
    print(f"\nlabel lists identical in all six languages: {agree} sets (readers' work, issue 14)")
    print("\nParity findings by kind and language (reference en)")
    languages = [lang for lang in OFFICIAL_LANGUAGES if lang != "en"]
    counts = Counter((f.kind, f.language) for _, f in findings)
    with_findings = Counter(lang for _, lang in {(key, f.language) for key, f in findings})
    rows = [["kind", *languages, "all"]]
    for kind in KINDS:
        row = [counts[(kind, lang)] for lang in languages]
        if any(row):
            rows.append([kind, *map(str, row), str(sum(row))])
    totals = [sum(counts[(k, lang)] for k in KINDS) for lang in languages]
    rows.append(["all", *map(str, totals), str(sum(totals))])
    rows.append(["sets with any", *(str(with_findings[lang]) for lang in languages), ""])
    _table(rows)
    severity = Counter(f.severity for _, f in findings if f.kind == "figure")
    print(f"figure findings: {severity['error']} substitutions, {severity['warning']} one-sided")


# -- 2. recall on injected defects ----------------------------------------------


def _print_recall(sets: dict[str, Set], complete: list[str], count: int, seed: int) -> None:
    rng = random.Random(seed)
    chosen = rng.sample(complete, min(count, len(complete)))
    found: Counter[tuple[str, str]] = Counter()
    tried: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    for key in chosen:
        versions = sets[key]
        for language in OFFICIAL_LANGUAGES:
            if language == "en":
                continue
            pair = {"en": versions["en"], language: versions[language]}
            baseline = _keys(check_parity(pair, expected=()).findings)
            for defect in DEFECTS:
                injected = INJECT[defect](versions["en"], versions[language], rng)
                if injected is None:
                    continue
                draft, label = injected
                tried[(defect, language)] += 1
                result = check_parity({"en": versions["en"], language: draft}, expected=())
                new = [f for f in result.findings if _key(f) not in baseline]
                if _detected(new, defect, label):
                    found[(defect, language)] += 1
                elif len(misses) < 8:
                    got = ", ".join(f"{f.kind} {f.label}" for f in new[:3]) or "nothing"
                    misses.append(f"  {key} {language} {defect} at {label}: {got}")
    print(f"\nRecall on injected defects ({len(chosen)} sets, each defect alone, per language)")
    languages = [lang for lang in OFFICIAL_LANGUAGES if lang != "en"]
    rows = [["defect", *languages, "all"]]
    for defect in DEFECTS:
        cells = [_rate(found[(defect, lang)], tried[(defect, lang)]) for lang in languages]
        total_found = sum(found[(defect, lang)] for lang in languages)
        total_tried = sum(tried[(defect, lang)] for lang in languages)
        rows.append([defect, *cells, _rate(total_found, total_tried)])
    _table(rows)
    if misses:
        print("first misses:")
        print("\n".join(misses))


def _rate(found: int, tried: int) -> str:
    return f"{found}/{tried} ({100 * found / tried:.0f}%)" if tried else "-"


def _keys(findings: tuple[Finding, ...]) -> set[tuple[str, str, str]]:
    return {_key(f) for f in findings}


def _key(finding: Finding) -> tuple[str, str, str]:
    return (finding.kind, finding.label, finding.detail)


def _detected(new: list[Finding], defect: str, label: str) -> bool:
    kind = EXPECTED_KIND[defect]
    for finding in new:
        labels = {finding.label, finding.reference_label or ""}
        if defect == "merge paragraphs" and finding.kind == "merged":
            labels |= set(re.findall(r"[A-Z]+\d+\S*", finding.detail))
        if finding.kind == kind and label in labels:
            return True
    return False


Injector = Callable[[Draft, Draft, random.Random], tuple[Draft, str] | None]


def _drop_paragraph(en: Draft, other: Draft, rng: random.Random) -> tuple[Draft, str] | None:
    """Drop one top-level preambular or operative paragraph (its footnotes go with it);
    the rest is labelled again as a reader would."""
    candidates = [
        i for i, b in enumerate(other.blocks) if b.kind in (Kind.PREAMBULAR, Kind.OPERATIVE)
    ]
    candidates = [i for i in candidates if en.find(other.blocks[i].label) is not None]
    if len(candidates) < 3:
        return None
    index = rng.choice(candidates)
    label = other.blocks[index].label
    blocks = other.blocks[:index] + other.blocks[index + 1 :]
    return replace(other, blocks=assign_labels(blocks)), label


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-2]\d)(?!\d)")


def _change_figure(en: Draft, other: Draft, rng: random.Random) -> tuple[Draft, str] | None:
    """Change a year of a paragraph by one in its last digit (2015 -> 2016), a year
    that the English paragraph of the same label has too."""
    candidates = []
    for unit in other.walk():
        ref = en.find(unit.label)
        if ref is None:
            continue
        for match in _YEAR.finditer(unit.text):
            if match.group(1) in ref.text:
                candidates.append((unit.label, match))
    if not candidates:
        return None
    label, match = rng.choice(candidates)
    year = match.group(1)
    changed = year[:3] + str((int(year[3]) + 1) % 10)

    def edit(block: Paragraph) -> Paragraph:
        if block.label == label:
            text = block.text[: match.start()] + changed + block.text[match.end() :]
            opening = block.opening if text.startswith(block.opening) else ""
            return replace(block, text=text, opening=opening)
        return replace(block, children=tuple(edit(c) for c in block.children))

    return replace(other, blocks=tuple(edit(b) for b in other.blocks)), label


def _drop_footnote(en: Draft, other: Draft, rng: random.Random) -> tuple[Draft, str] | None:
    """Drop one footnote and its reference from the paragraph citing it."""
    notes = [fn for fn in other.footnotes() if en.find(fn.label) is not None]
    if not notes:
        return None
    note = rng.choice(notes)
    reference = footnote_ref(note.marker)

    def edit(block: Paragraph) -> Paragraph:
        if note in block.footnotes:
            return replace(
                block,
                text=block.text.replace(reference, "", 1),
                footnotes=tuple(f for f in block.footnotes if f != note),
            )
        return replace(block, children=tuple(edit(c) for c in block.children))

    return replace(other, blocks=tuple(edit(b) for b in other.blocks)), note.label


def _merge_paragraphs(en: Draft, other: Draft, rng: random.Random) -> tuple[Draft, str] | None:
    """Run two consecutive paragraphs of the same kind together (no sub-paragraphs);
    the rest is labelled again. The defect is at the second paragraph."""
    blocks = other.blocks
    candidates = [
        i
        for i in range(len(blocks) - 1)
        if blocks[i].kind == blocks[i + 1].kind
        and blocks[i].kind in (Kind.PREAMBULAR, Kind.OPERATIVE)
        and not blocks[i].children
        and not blocks[i + 1].children
        and en.find(blocks[i + 1].label) is not None
    ]
    if not candidates:
        return None
    i = rng.choice(candidates)
    first, second = blocks[i], blocks[i + 1]
    merged = replace(
        first,
        text=f"{first.text} {second.text}",
        footnotes=first.footnotes + second.footnotes,
    )
    return replace(
        other, blocks=assign_labels(blocks[:i] + (merged,) + blocks[i + 2 :])
    ), second.label


def _move_paragraph(en: Draft, other: Draft, rng: random.Random) -> tuple[Draft, str] | None:
    """Move one preambular paragraph (no sub-paragraphs) two to four places down; the
    rest is labelled again (preambular labels follow the order). The defect is at the
    paragraph moved."""
    blocks = other.blocks
    candidates = [
        i
        for i, b in enumerate(blocks)
        if b.kind is Kind.PREAMBULAR
        and not b.children
        and en.find(b.label) is not None
        and i + 2 < len(blocks)
        and blocks[i + 2].kind is Kind.PREAMBULAR
    ]
    if not candidates:
        return None
    i = rng.choice(candidates)
    shift = rng.randint(2, 4)
    while i + shift >= len(blocks) or blocks[i + shift].kind is not Kind.PREAMBULAR:
        shift -= 1
    moved = list(blocks)
    paragraph = moved.pop(i)
    moved.insert(i + shift, paragraph)
    return replace(other, blocks=assign_labels(tuple(moved))), paragraph.label


INJECT: dict[str, Injector] = {
    "drop paragraph": _drop_paragraph,
    "change figure": _change_figure,
    "drop footnote": _drop_footnote,
    "merge paragraphs": _merge_paragraphs,
    "move paragraph": _move_paragraph,
}


# -- 3. times -------------------------------------------------------------------


def _print_times(
    files: dict[str, dict[str, Path]],
    complete: list[str],
    read_seconds: float,
    parity_seconds: float,
    runs: int,
) -> None:
    print("\nTimes")
    sizes = sorted(complete, key=lambda k: sum(p.stat().st_size for p in files[k].values()))
    for what, key in (("median set", sizes[len(sizes) // 2]), ("largest set", sizes[-1])):
        paths = [str(files[key][lang]) for lang in OFFICIAL_LANGUAGES]
        parity = _best(runs, [sys.executable, "-m", "redraft", "parity", "--quiet", *paths])
        stats = _best(runs, [sys.executable, "-m", "redraft", "stats", "--format", "json", *paths])
        print(
            f"  one six-language set through the CLI ({what}, {key}): parity {parity:.2f} s "
            f"(target < 1 s); redraft stats of the same files {stats:.2f} s; "
            f"ratio {parity / stats:.1f}"
        )
    key = sizes[len(sizes) // 2]
    stored = _stored_set_times(files[key], runs)
    print(
        f"  the same median set stored as a draft and its language versions ({key}): "
        f"parity NAME {stored[0]:.2f} s (target < 1 s); redraft show NAME {stored[1]:.2f} s; "
        f"status NAME, parity cached {stored[2]:.2f} s"
    )
    total = read_seconds + parity_seconds
    print(
        f"  the session ({len(files)} resolutions, one process): read {read_seconds:.1f} s + "
        f"parity {parity_seconds:.1f} s = {total:.1f} s (target < 60 s); "
        f"parity adds {parity_seconds / read_seconds:.1f} x the reading time"
    )


def _stored_set_times(paths: dict[str, Path], runs: int) -> tuple[float, float, float]:
    """``redraft parity NAME`` on a store holding the set as NAME and NAME.xx (saved with
    ``save --lang``), against ``redraft show NAME`` (start-up and one stored read); and
    ``redraft status NAME`` once its parity is in the store's cache."""
    with tempfile.TemporaryDirectory(prefix="parity-store-") as scratch:
        store = Path(scratch) / "store"
        redraft = [sys.executable, "-m", "redraft"]
        subprocess.run([*redraft, "init", str(store)], capture_output=True, check=True)
        for lang in OFFICIAL_LANGUAGES:
            save = [*redraft, "save", "set", str(paths[lang]), "--store", str(store), "--by", "x"]
            if lang != "en":
                save += ["--lang", lang]
            subprocess.run(save, capture_output=True, check=True, cwd=ROOT)
        where = ["--store", str(store)]
        parity = _best(runs, [*redraft, "parity", "set", "--quiet", *where])
        show = _best(runs, [*redraft, "show", "set", *where])
        subprocess.run([*redraft, "status", "set", *where], capture_output=True, check=False)
        status = _best(runs, [*redraft, "status", "set", *where])
    return parity, show, status


def _best(runs: int, command: list[str]) -> float:
    """The fastest of ``runs`` runs (the others suffer the machine's load)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return min(times)


# -- 4. samples -----------------------------------------------------------------


def _print_samples(findings: list[tuple[str, Finding]], count: int, seed: int) -> None:
    pool = [(k, f) for k, f in findings if f.kind != "language"]
    chosen = random.Random(seed).sample(pool, min(count, len(pool)))
    print(f"\n{len(chosen)} findings picked at random (seed {seed}), to check by hand")
    for number, (key, f) in enumerate(chosen, 1):
        print(f"{number:2}. {key} {f.language} {f.label} {f.kind} ({f.severity}): {f.detail}")
        ref = f.reference_excerpt or _cut(f.reference_text)
        text = f.excerpt or _cut(f.text)
        if ref:
            print(f"    en: {ref}")
        if text:
            print(f"    {f.language}: {text}")


def _cut(text: str, width: int = 200) -> str:
    text = " / ".join(text.split("\n"))
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(rows: list[list[str]]) -> None:
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [
            str(c).ljust(w) if i == 0 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  " + "  ".join(cells))


if __name__ == "__main__":
    main()
