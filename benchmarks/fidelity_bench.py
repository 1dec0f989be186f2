"""Real documents in, no noise out: the 170 shared year-on-year pairs of General Assembly
resolutions read as AKN, as plain text, as Word and as PDF, diffed, and taken through
LibreOffice's Accept All, Reject All and re-save.

    python benchmarks/fidelity_bench.py [--corpus ../shared/corpus] [--pairs N]
        [--only NAME ...] [--processes 2] [--no-office] [--show 5]

(``--only 78_68 79_145``: only the pairs with one of these in a file name, for a quick
look at a few resolutions.)

For each form (the text and Word forms are made from the XML without redraft, by
benchmarks/un_forms.py; the PDF form is LibreOffice's print of the Word form, read by
``redraft.readers.pdf`` when that reader exists):

1. typography-only "modified": changes reported modified whose two sides differ only
   in typography (whitespace of any kind, zero-width and directional marks, soft
   hyphens; judged by this script's own normalisation, not redraft's). Target 0.
2. identical reported equal: paragraphs (and footnotes) whose text is the same in both
   versions up to typography and footnote numbers, and how many of them the diff
   reports equal. Target 100%.
3. against the AKN reading (text, Word, PDF): units whose label and text are exactly the
   AKN reader's. Target at least 99%. A second row counts them up to typography
   (``redraft.typography.comparable``: what the diff reports equal), since a PDF's text
   layer gives a non-breaking hyphen back as "-".

And for the redline of each pair (``diff --format docx`` of the two AKN readings), with
LibreOffice (tests/office.py: a Basic macro dispatching .uno:AcceptAllTrackedChanges /
.uno:RejectAllTrackedChanges, then saving as Word): Accept All must read back as the
new text, Reject All as the old text, and a plain open-and-save as both (current and
original views), every paragraph's number and text exactly. Target 170/170 each.

Times are printed per stage; the pairs are spread over a process pool (``--processes``,
2 by default) and LibreOffice runs as that many processes.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "benchmarks")]

from shared_corpus import DEFAULT_CORPUS, need  # noqa: E402
from un_forms import akn_to_docx, akn_to_text  # noqa: E402

from redraft.diff import diff_drafts  # noqa: E402
from redraft.model import Draft, Footnote  # noqa: E402
from redraft.readers.akn import read_akn  # noqa: E402
from redraft.readers.docx import read_docx  # noqa: E402
from redraft.readers.text import read_text  # noqa: E402
from redraft.render.docx_track import render_diff_docx  # noqa: E402
from redraft.typography import comparable  # noqa: E402

FORMS = ("AKN", "text", "Word", "PDF")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_REFS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^[^\]\s]+\]")


def plain(text: str) -> str:
    """This script's own idea of "the same words": typography and footnote numbers out."""
    return " ".join(_REFS.sub("\x01", _INVISIBLE.sub("", text)).split())


def pdf_available() -> bool:
    """Whether this checkout reads PDF (``redraft.readers.pdf``, through ``read_bytes``)."""
    from importlib.util import find_spec

    return find_spec("redraft.readers.pdf") is not None


@dataclass
class Figures:
    """What one form of one pair (or the sum of many) gives."""

    modified: int = 0
    typography_modified: int = 0
    typography_flagged: int = 0
    identical: int = 0
    identical_equal: int = 0
    units: int = 0  # units of the AKN reading (against which the form is compared)
    units_same: int = 0
    units_comparable: int = 0  # the same label and text up to typography
    examples: list[str] = field(default_factory=list)

    def add(self, other: Figures) -> None:
        for name in ("modified", "typography_modified", "typography_flagged", "identical"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.identical_equal += other.identical_equal
        self.units += other.units
        self.units_same += other.units_same
        self.units_comparable += other.units_comparable
        self.examples += other.examples


def units(draft: Draft) -> list[tuple[str, str]]:
    return [(u.label, u.text) for u in draft.units()]


def numbered(draft: Draft) -> list[tuple[str, str]]:
    """Each unit's printed number (a footnote's marker) and text, in reading order."""
    return [(u.marker if isinstance(u, Footnote) else u.number, u.text) for u in draft.units()]


def diff_figures(old: Draft, new: Draft, name: str) -> Figures:
    out = Figures()
    result = diff_drafts(old, new)
    equal_texts: Counter[str] = Counter()
    for change in result.changes:
        out.typography_flagged += change.typography
        if change.op == "modified":
            out.modified += 1
            if plain(change.old_text()) == plain(change.new_text()):
                out.typography_modified += 1
                out.examples.append(f"{name}: {'+'.join(change.new)} modified in typography only")
        elif change.op == "equal":
            equal_texts.update(plain(u.text) for u in change.new_units)
    before = Counter(plain(u.text) for u in old.units())
    after = Counter(plain(u.text) for u in new.units())
    for text, count in (before & after).items():
        out.identical += count
        out.identical_equal += min(count, equal_texts[text])
        if equal_texts[text] < count:
            out.examples.append(f"{name}: identical but not equal: {text[:70]!r}")
    return out


def against(reference: Draft, draft: Draft) -> tuple[int, int, int]:
    """(units of the reference, those with the same label and text in ``draft``, those
    the same up to typography)."""
    mine, theirs = units(reference), units(draft)
    same = sum((Counter(mine) & Counter(theirs)).values())
    loose = [Counter((label, comparable(text)) for label, text in side) for side in (mine, theirs)]
    return len(mine), same, sum((loose[0] & loose[1]).values())


@dataclass
class PairResult:
    name: str
    figures: dict[str, Figures]
    redline: bytes
    word: tuple[bytes, bytes]
    drafts: tuple[Draft, Draft]


def one_pair(corpus: Path, old_path: str, new_path: str) -> PairResult:
    name = Path(new_path).stem.split("-")[0]
    sides: dict[str, list[Draft]] = {form: [] for form in FORMS[:3]}
    words: list[bytes] = []
    figures = {form: Figures() for form in FORMS[:3]}
    for path in (old_path, new_path):
        data = (corpus / path).read_bytes()
        akn = read_akn(data, path)[0]
        word = akn_to_docx(data)
        words.append(word)
        text = read_text(akn_to_text(data))[0]
        docx = read_docx(word, path)[0]
        for form, draft in (("AKN", akn), ("text", text), ("Word", docx)):
            sides[form].append(draft)
            count, same, loose = against(akn, draft)
            figures[form].units += count
            figures[form].units_same += same
            figures[form].units_comparable += loose
            if same < count:
                first = next(
                    u
                    for u, v in zip(units(akn), units(draft) + [("", "")] * count, strict=False)
                    if u != v
                )
                figures[form].examples.append(f"{name} {form}: first difference at {first[0]}")
    for form, (old, new) in sides.items():
        figures[form].add(diff_figures(old, new, f"{name} {form}"))
    old_akn, new_akn = sides["AKN"]
    # typography tracked too (diff --format docx --typography): Reject All is then
    # compared with the old text exactly
    result = diff_drafts(old_akn, new_akn)
    redline = render_diff_docx(result, author_new="Bench", date="2024-12-01", typography=True)
    return PairResult(name, figures, redline, (words[0], words[1]), (old_akn, new_akn))


def round_trips(
    results: list[PairResult], workdir: Path, processes: int
) -> tuple[dict[str, int], list[str], float]:
    """LibreOffice's Accept All, Reject All and re-save of every redline."""
    from tests.office import run_jobs

    jobs = []
    for index, result in enumerate(results):
        source = workdir / f"r{index}.docx"
        source.write_bytes(result.redline)
        jobs.append(("all", source, workdir / f"r{index}"))
    start = time.perf_counter()
    run_jobs(jobs, workdir / "office", processes=processes)
    seconds = time.perf_counter() - start
    passed = Counter({mode: 0 for mode in MODES})
    problems: list[str] = []
    for index, result in enumerate(results):
        old, new = result.drafts
        for mode in MODES:
            ok, why = _check(workdir / f"r{index}-{mode}.docx", mode, old, new)
            passed[mode] += ok
            if not ok:
                problems.append(f"{result.name} {mode}: {why}")
    return dict(passed), problems, seconds


MODES = ("accept", "reject", "resave")


def _check(path: Path, mode: str, old: Draft, new: Draft) -> tuple[bool, str]:
    if not path.is_file():
        return False, "LibreOffice wrote nothing"
    data = path.read_bytes()
    current, warnings = read_docx(data, path.name)
    views = [("current", current, new)]
    if mode == "reject":
        views = [("current", current, old)]
    elif mode == "resave":
        views.append(("original", read_docx(data, path.name, view="original")[0], old))
    if mode != "resave" and any("tracked revision" in w for w in warnings):
        return False, "revisions left"
    for view, got, want in views:
        if numbered(got) != numbered(want):
            pairs = zip(numbered(want) + [("", "")], numbered(got) + [("", "")], strict=False)
            a, b = next((a, b) for a, b in pairs if a != b)
            return False, f"{view}: {a[0]} {a[1][:50]!r} read as {b[0]} {b[1][:50]!r}"
    return True, ""


def pdf_column(results: list[PairResult], workdir: Path, processes: int) -> Figures | None:
    """LibreOffice prints each Word form to PDF; redraft.readers.pdf reads it."""
    if not pdf_available():
        return None
    from tests.office import run_jobs

    from redraft.readers import read_bytes

    jobs = []
    for index, result in enumerate(results):
        for side, word in enumerate(result.word):
            source = workdir / f"w{index}-{side}.docx"
            source.write_bytes(word)
            jobs.append(("pdf", source, workdir / f"w{index}-{side}.pdf"))
    run_jobs(jobs, workdir / "office-pdf", processes=processes)
    total = Figures()
    for index, result in enumerate(results):
        drafts = []
        for side, reference in enumerate(result.drafts):
            path = workdir / f"w{index}-{side}.pdf"
            draft = read_bytes(path.read_bytes(), path.name).draft if path.is_file() else Draft()
            count, same, loose = against(reference, draft)
            total.units += count
            total.units_same += same
            total.units_comparable += loose
            drafts.append(draft)
        total.add(diff_figures(drafts[0], drafts[1], f"{result.name} PDF"))
    return total


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pairs", type=int, default=0, help="only the first N pairs")
    parser.add_argument(
        "--only", nargs="+", default=[], help="only the pairs with one of these in a file name"
    )
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--no-office", action="store_true", help="skip LibreOffice")
    parser.add_argument("--show", type=int, default=5, help="examples of each problem")
    args = parser.parse_args()
    table = args.corpus / "unxml-ga" / "pairs-78-79.tsv"
    need(table, "the 170 year-on-year pairs of General Assembly resolutions")
    rows = [line.split("\t")[:2] for line in table.read_text(encoding="utf-8").splitlines()[1:]]
    if args.only:
        rows = [row for row in rows if any(part in path for path in row for part in args.only)]
    rows = rows[: args.pairs] if args.pairs else rows

    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.processes) as pool:
        results = list(
            pool.map(one_pair, [args.corpus] * len(rows), *zip(*rows, strict=True), chunksize=4)
        )
    read_seconds = time.perf_counter() - start
    totals = {form: Figures() for form in FORMS}
    for result in results:
        for form, figures in result.figures.items():
            totals[form].add(figures)

    office, problems, office_seconds, pdf = None, [], 0.0, None
    from tests.office import SOFFICE

    with tempfile.TemporaryDirectory(prefix="redraft-fidelity-") as scratch:
        if not args.no_office and SOFFICE is not None:
            office, problems, office_seconds = round_trips(results, Path(scratch), args.processes)
            pdf = pdf_column(results, Path(scratch), args.processes)
    if pdf is not None:
        totals["PDF"] = pdf
    print_table(len(results), totals, pdf is not None, office, args.no_office or SOFFICE is None)
    print(
        f"times: reading, converting and diffing {read_seconds:.1f} s; "
        f"LibreOffice {office_seconds:.1f} s ({args.processes} processes)"
    )
    for form in FORMS:
        for line in totals[form].examples[: args.show]:
            print("  " + line)
    for line in problems[: args.show]:
        print("  " + line)


def print_table(
    pairs: int,
    totals: dict[str, Figures],
    with_pdf: bool,
    office: dict[str, int] | None,
    office_skipped: bool,
) -> None:
    width = 44
    print(f"{pairs} pairs (78th -> 79th session)".ljust(width) + "".join(f"{f:>12}" for f in FORMS))

    def row(label: str, cells: list[str]) -> None:
        print(label.ljust(width) + "".join(f"{c:>12}" for c in cells))

    def cell(form: str, value: str) -> str:
        return value if form != "PDF" or with_pdf else "n/a"

    row(
        "typography-only 'modified' (target 0)",
        [cell(f, str(totals[f].typography_modified)) for f in FORMS],
    )
    row("  of paragraphs reported modified", [cell(f, str(totals[f].modified)) for f in FORMS])
    row(
        "  equal, flagged typography",
        [cell(f, str(totals[f].typography_flagged)) for f in FORMS],
    )
    row(
        "identical reported equal (target 100%)",
        [cell(f, percent(totals[f].identical_equal, totals[f].identical)) for f in FORMS],
    )
    row(
        "  identical units",
        [cell(f, f"{totals[f].identical_equal}/{totals[f].identical}") for f in FORMS],
    )
    row(
        "label and text as AKN (target >= 99%)",
        [cell(f, percent(totals[f].units_same, totals[f].units)) for f in FORMS],
    )
    row(
        "  up to typography (what the diff calls equal)",
        [cell(f, percent(totals[f].units_comparable, totals[f].units)) for f in FORMS],
    )
    if not with_pdf:
        print("PDF: PDF reader not available (redraft.readers.pdf is not in this checkout)")
    if office is None:
        why = "skipped (--no-office)" if office_skipped else "LibreOffice not installed"
        print(f"LibreOffice round trips: {why}")
        return
    for mode, label in (("accept", "Accept All"), ("reject", "Reject All"), ("resave", "re-save")):
        row(f"LibreOffice {label} (target {pairs}/{pairs})", [f"{office[mode]}/{pairs}"])
    print("(the redlines of the AKN readings, written with --typography: compared exactly)")


if __name__ == "__main__":
    main()
