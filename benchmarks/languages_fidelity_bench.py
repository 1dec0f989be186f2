"""Real documents in, no noise out, in the six official languages: resolutions of the
General Assembly's 79th session read as plain text, as Word and as PDF, against the AKN
reading of the same file.

    python benchmarks/languages_fidelity_bench.py [--corpus ../shared/corpus]
        [--languages-dir DIR] [--language French ...] [--documents 40] [--only 79/2 ...]
        [--processes 2] [--no-office] [--no-pdf Arabic] [--show 5]

The resolutions are those published in all six languages (benchmarks/languages_bench.py
finds them: English in ``unxml-ga/79session/English/``, the five others unpacked from the
corpus's archive unless ``--languages-dir`` names a folder holding ``Arabic/``,
``Chinese/``, ...); ``--documents N`` takes the first N by number, the same ones in every
language. Each is turned into plain text and Word without redraft (benchmarks/un_forms.py,
as benchmarks/fidelity_bench.py does for English) and LibreOffice prints the Word form to
PDF (skipped with ``--no-office`` or without soffice; ``--no-pdf Arabic``: not for that
language, as LibreOffice hangs on some Arabic forms). Printed, per language and form: the
share of the AKN reading's units (paragraphs, headings, footnotes) whose label and text the
form's reading has exactly, and up to typography (``redraft.typography.comparable``, what
the diff calls equal), then the worst resolutions with their first differing unit.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "benchmarks")]

from fidelity_bench import against, percent, units  # noqa: E402
from languages_bench import LANGUAGES, _order, collect, languages_dir, need_six_languages  # noqa: E402
from shared_corpus import DEFAULT_CORPUS  # noqa: E402
from un_forms import akn_to_docx, akn_to_text  # noqa: E402

from redraft.model import Draft  # noqa: E402
from redraft.readers.akn import read_akn  # noqa: E402
from redraft.readers.docx import read_docx  # noqa: E402
from redraft.readers.text import read_text  # noqa: E402
from redraft.typography import comparable  # noqa: E402

FORMS = ("text", "Word", "PDF")


@dataclass
class Score:
    """One form of one resolution (or the sum of many) against its AKN reading."""

    units: int = 0
    same: int = 0
    loose: int = 0  # the same up to typography
    worst: list[tuple[float, str]] = field(default_factory=list)  # (share, what differs)

    def add(self, other: Score) -> None:
        self.units += other.units
        self.same += other.same
        self.loose += other.loose
        self.worst += other.worst


def score(reference: Draft, draft: Draft, name: str) -> Score:
    count, same, loose = against(reference, draft)
    out = Score(count, same, loose)
    if loose < count:
        out.worst.append(
            (loose / count if count else 0.0, f"{name}: {differences(reference, draft)}")
        )
    return out


def differences(reference: Draft, draft: Draft, limit: int = 2) -> str:
    """The first units (label and text) of the AKN reading the form reads otherwise,
    compared up to typography."""
    mine = [(label, comparable(text)) for label, text in units(reference)]
    theirs = [(label, comparable(text)) for label, text in units(draft)]
    matcher = difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False)
    said = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old = mine[a1] if a1 < a2 else ("", "")
        new = theirs[b1] if b1 < b2 else ("", "")
        said.append(
            f"{old[0]} {old[1][:60]!r} -> {new[0]} {new[1][:60]!r} ({op} {a2 - a1}:{b2 - b1})"
        )
    more = f" (+{len(said) - limit} more)" if len(said) > limit else ""
    return "; ".join(said[:limit]) + more


def one_document(path: Path, name: str) -> tuple[Draft, bytes, dict[str, Score]]:
    """The AKN reading, the Word form (for the PDF) and the text and Word scores."""
    data = path.read_bytes()
    akn = read_akn(data, path.name)[0]
    word = akn_to_docx(data)
    scores = {}
    for form, read in (
        ("text", lambda: read_text(akn_to_text(data))[0]),
        ("Word", lambda: read_docx(word, path.name)[0]),
    ):
        try:
            scores[form] = score(akn, read(), name)
        except Exception as error:  # a reader failing is a result too: nothing read
            scores[form] = score(akn, Draft(), name)
            scores[form].worst[-1:] = [(0.0, f"{name}: {type(error).__name__}: {error}")]
    return akn, word, scores


def pdf_scores(
    done: dict[str, dict[str, tuple[Draft, bytes]]], workdir: Path, processes: int
) -> dict[str, Score]:
    """LibreOffice prints every Word form to PDF; redraft's PDF reader reads it back. One
    LibreOffice run per language, with a time limit: one that hangs on a document (some
    Arabic ones) loses that language's PDFs, not the others'; a PDF not written reads as
    nothing and is said."""
    from tests.office import run_jobs

    from redraft.readers import read_bytes

    out = {}
    for code, documents in done.items():
        jobs, where = [], {}
        for index, (name, (_, word)) in enumerate(documents.items()):
            source = workdir / f"{code}{index}.docx"
            source.write_bytes(word)
            where[name] = workdir / f"{code}{index}.pdf"
            jobs.append(("pdf", source, where[name]))
        limit = 60 + 20 * len(jobs) / processes
        run_jobs(jobs, workdir / f"office-{code}", processes=processes, timeout=limit)
        out[code] = Score()
        for name, (akn, _) in documents.items():
            path = where[name]
            if not path.is_file():
                out[code].add(score(akn, Draft(), name))
                out[code].worst[-1:] = [(0.0, f"{name}: LibreOffice wrote no PDF")]
                continue
            out[code].add(score(akn, read_bytes(path.read_bytes(), path.name).draft, name))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--languages-dir", type=Path, default=None)
    parser.add_argument(
        "--language", action="append", choices=list(LANGUAGES), help="default: all six"
    )
    parser.add_argument("--documents", type=int, default=0, help="the first N resolutions")
    parser.add_argument("--only", nargs="+", default=[], help="these resolutions (79/2 ...)")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--no-office", action="store_true", help="no PDF (no LibreOffice)")
    parser.add_argument(
        "--no-pdf", action="append", default=[], choices=list(LANGUAGES), help="not for these"
    )
    parser.add_argument("--show", type=int, default=5, help="worst resolutions per form")
    args = parser.parse_args()
    english = need_six_languages(args.corpus, args.languages_dir)
    with languages_dir(args.corpus, args.languages_dir) as others:
        sets = collect(english, others)
        names = sorted(sets, key=_order)
        if args.only:
            names = [name for name in names if name in args.only]
        names = names[: args.documents] if args.documents else names
        codes = [LANGUAGES[language] for language in args.language or LANGUAGES]
        run(sets, names, codes, args)


def run(
    sets: dict[str, dict[str, Path]], names: list[str], codes: list[str], args: argparse.Namespace
) -> None:
    start = time.perf_counter()
    tasks = [(sets[name][code], name, code) for code in codes for name in names]
    with ProcessPoolExecutor(max_workers=args.processes) as pool:
        results = list(pool.map(one_document, *zip(*[t[:2] for t in tasks], strict=True)))
    seconds = time.perf_counter() - start
    totals = {code: {form: Score() for form in FORMS} for code in codes}
    done: dict[str, dict[str, tuple[Draft, bytes]]] = {code: {} for code in codes}
    for (_, name, code), (akn, word, scores) in zip(tasks, results, strict=True):
        done[code][name] = (akn, word)
        for form, one in scores.items():
            totals[code][form].add(one)
    from tests.office import SOFFICE

    with_pdf = not args.no_office and SOFFICE is not None
    office = time.perf_counter()
    if with_pdf:
        with tempfile.TemporaryDirectory(prefix="redraft-languages-fidelity-") as scratch:
            skip = {LANGUAGES[language] for language in args.no_pdf}
            wanted = {code: documents for code, documents in done.items() if code not in skip}
            for code, one in pdf_scores(wanted, Path(scratch), args.processes).items():
                totals[code]["PDF"] = one
    office = time.perf_counter() - office
    print_table(len(names), codes, totals, with_pdf)
    why = (
        ""
        if with_pdf
        else " (PDF skipped: " + ("--no-office)" if args.no_office else "no soffice)")
    )
    print(f"times: text and Word {seconds:.1f} s; LibreOffice and PDF {office:.1f} s{why}")
    for code in codes:
        for form in FORMS:
            worst = sorted(totals[code][form].worst)[: args.show]
            for share, line in worst:
                print(f"  {code} {form} {100 * share:5.1f}%  {line}")


def print_table(
    documents: int, codes: list[str], totals: dict[str, dict[str, Score]], with_pdf: bool
) -> None:
    print(
        f"79th session, {documents} resolutions per language: units whose label and text "
        "are the AKN reader's (exactly / up to typography; target >= 99%)"
    )
    print(f"{'language':<10}{'units':>7}" + "".join(f"{form:>20}" for form in FORMS))
    for code in codes:
        cells = []
        for form in FORMS:
            one = totals[code][form]
            if form == "PDF" and (not with_pdf or not one.units):
                cells.append("n/a")
            else:
                cells.append(f"{percent(one.same, one.units)} / {percent(one.loose, one.units)}")
        units_count = totals[code]["text"].units
        print(f"{code:<10}{units_count:>7}" + "".join(f"{cell:>20}" for cell in cells))


if __name__ == "__main__":
    main()
