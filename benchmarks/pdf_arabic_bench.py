"""Arabic resolutions through Word and PDF, read back: how many units the PDF reader reads
as the AKN reader reads the source.

    python benchmarks/pdf_arabic_bench.py [--corpus ../shared/corpus] [--languages-dir DIR]
                                          [-n 24] [--only 79/11] [--show]

Each Arabic resolution of the General Assembly's 79th session (from
``unxml-ga-79-other-languages.tar.xz``, unpacked into a temporary folder unless
``--languages-dir`` names a folder holding ``Arabic/``) is read with the AKN reader,
written to Word by redraft (``redraft export F -o F.docx``), printed to PDF by LibreOffice
(one soffice for all) and read back with the PDF reader. First 79/11, 79/2 and 79/60, then
the others in session order up to ``-n``. Printed: per resolution, the units (paragraphs,
headings, footnotes) whose label and text agree up to typography (the diff's comparison
form: ``redraft diff`` calls them equal) out of the AKN reading's; then the totals.
``--show`` prints the first units that differ. Needs LibreOffice (soffice).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "benchmarks")]

from languages_bench import languages_dir  # noqa: E402
from shared_corpus import DEFAULT_CORPUS, need  # noqa: E402

FIRST = ("79/11", "79/2", "79/60")


def resolution_of(path: Path) -> str:
    match = re.match(r"A_RES_(\d+)_(\d+)", path.name)
    return f"{match.group(1)}/{match.group(2)}" if match else path.stem


def chosen(folder: Path, count: int, only: str) -> list[Path]:
    """The resolutions to print: ``only``, or 79/11, 79/2, 79/60 then session order."""
    files = {resolution_of(path): path for path in folder.glob("*.xml")}
    if only:
        return [files[name] for name in only.split(",") if name in files]
    order = sorted(files, key=lambda name: int(name.split("/")[1]))
    names = [name for name in FIRST if name in files]
    names += [name for name in order if name not in names]
    return [files[name] for name in names[:count]]


def agreement(source: object, read: object) -> tuple[int, int, list[str]]:
    """(units agreeing in label and text, units of the source, the labels that differ)."""
    from redraft.diff.units import unit_key
    from redraft.model import Draft

    assert isinstance(source, Draft) and isinstance(read, Draft)
    got = {unit.label: unit_key(unit) for unit in read.units()}
    differ = [u.label for u in source.units() if got.get(u.label) != unit_key(u)]
    total = sum(1 for _ in source.units())
    return total - len(differ), total, differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--languages-dir", type=Path, default=None)
    parser.add_argument("-n", type=int, default=24, help="how many resolutions (default 24)")
    parser.add_argument("--only", default="", help="these resolutions only: 79/11,79/2")
    parser.add_argument("--show", action="store_true", help="print the units that differ")
    parser.add_argument("--keep", type=Path, default=None, help="keep the PDFs in this folder")
    args = parser.parse_args()
    if args.languages_dir is None:
        need(args.corpus / "unxml-ga-79-other-languages.tar.xz", "the UN's AKN XML in Arabic")
    else:
        need(args.languages_dir / "Arabic", "an Arabic/ folder of AKN XML", "--languages-dir")
    from tests.office import SOFFICE

    if SOFFICE is None:
        print("pdf_arabic_bench.py: needs LibreOffice (soffice) to print PDFs", file=sys.stderr)
        sys.exit(2)
    with languages_dir(args.corpus, args.languages_dir) as folder:
        run(chosen(folder / "Arabic", args.n, args.only), args.show, args.keep)


def run(files: list[Path], show: bool, keep: Path | None = None) -> None:
    from tests.pdf_builder import build_pdfs

    from redraft.readers.akn import read_akn
    from redraft.readers.pdf import read_pdf
    from redraft.render.docx_draft import render_draft_docx

    sources = {resolution_of(path): read_akn(path.read_bytes(), path.name)[0] for path in files}
    with tempfile.TemporaryDirectory(prefix="redraft-pdf-arabic-") as scratch:
        documents = [
            (name.replace("/", "-"), render_draft_docx(draft)) for name, draft in sources.items()
        ]
        pdfs = build_pdfs(documents, Path(scratch))
        reads = {}
        for name in sources:
            pdf = pdfs[name.replace("/", "-")]
            reads[name] = read_pdf(pdf.read_bytes(), pdf.name)[0] if pdf.exists() else None
            if keep is not None and pdf.exists():
                keep.mkdir(parents=True, exist_ok=True)
                (keep / pdf.name).write_bytes(pdf.read_bytes())
    agreed = units = whole = 0
    for name, source in sources.items():
        read = reads[name]
        if read is None:
            print(f"{name:8} LibreOffice printed no PDF")
            units += sum(1 for _ in source.units())
            continue
        same, total, differ = agreement(source, read)
        agreed, units, whole = agreed + same, units + total, whole + (same == total)
        print(
            f"{name:8} {same:4} of {total:4} units"
            + (f"  differ: {_some(differ)}" if differ else "")
        )
        if show:
            _show(source, read, differ[:3])
    print(
        f"Arabic through Word and PDF: {whole} of {len(sources)} resolutions read whole, "
        f"{agreed} of {units} units ({100 * agreed / max(units, 1):.1f}%) "
        "as the AKN reader reads them"
    )


def _some(labels: list[str]) -> str:
    return " ".join(labels[:5]) + (f" ... ({len(labels)})" if len(labels) > 5 else "")


def _show(source: object, read: object, labels: list[str]) -> None:
    from redraft.model import Draft

    assert isinstance(source, Draft) and isinstance(read, Draft)
    got = {unit.label: unit.text for unit in read.units()}
    for unit in source.units():
        if unit.label in labels:
            print(f"    {unit.label} AKN: {unit.text[:160]}")
            print(f"    {unit.label} PDF: {got.get(unit.label, '(none)')[:160]}")


if __name__ == "__main__":
    main()
