"""How long the PDF reader takes on a long real resolution: General Assembly resolution
79/144 (oceans and the law of the sea, the longest of the 79th session), typed in Word the
UN's way (benchmarks/un_forms.py) in a UN page layout (tests/pdf_builder.py) and printed to
PDF by LibreOffice, then read.

    python benchmarks/pdf_reader.py [--corpus ../shared/corpus] [--runs 5]

Prints, per stage, the median wall time and CPU time (user + system of this process) per
page and for the document, beside references measured in the same run on the same file:
PDFium's plain text (pypdfium2 ``get_text_range``: the floor any PDFium reader pays) and,
when it is installed, pdfplumber (pdfminer.six) giving the same per-character data
(``page.chars``) and its own text. Needs LibreOffice (soffice) and the shared corpus; says so
in one line when either is missing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "benchmarks")]

from shared_corpus import DEFAULT_CORPUS, need  # noqa: E402

RESOLUTION = "unxml-ga/79session/English/A_RES_79_144-2423832E.xml"


def timed(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median (wall, CPU) seconds of ``runs`` calls."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def pdfium_text(data: bytes) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    for page in document:
        page.get_textpage().get_text_range()


def plumber(data: bytes, what: str) -> None:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text() if what == "text" else page.chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    source = args.corpus / RESOLUTION
    need(source, "General Assembly resolution 79/144 in AKN XML")
    from tests.office import SOFFICE

    if SOFFICE is None:
        print("pdf_reader.py: needs LibreOffice (soffice) to print the PDF", file=sys.stderr)
        sys.exit(2)
    from tests.pdf_builder import akn_docx, build_pdfs

    from redraft.readers import read_bytes
    from redraft.readers.pdf import read_pages

    with tempfile.TemporaryDirectory(prefix="redraft-pdf-bench-") as scratch:
        docx = akn_docx(source.read_bytes(), "A/RES/79/144")
        data = build_pdfs([("res-79-144", docx)], Path(scratch))["res-79-144"].read_bytes()
    pages = len(read_pages(data, "79/144"))
    draft = read_bytes(data, "79/144").draft
    print(
        f"A/RES/79/144 as PDF: {pages} pages, {len(data) // 1024} KB, "
        f"{sum(1 for _ in draft.units())} units; median of {args.runs} runs; "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    stages: list[tuple[str, Callable[[], object]]] = [
        ("redraft read_bytes (the whole reader)", lambda: read_bytes(data, "79/144")),
        ("  of which PDFium characters and lines", lambda: read_pages(data, "79/144")),
        ("reference: PDFium plain text", lambda: pdfium_text(data)),
    ]
    try:
        import pdfplumber  # noqa: F401

        stages += [
            ("reference: pdfplumber page.chars", lambda: plumber(data, "chars")),
            ("reference: pdfplumber extract_text", lambda: plumber(data, "text")),
        ]
    except ImportError:
        print("(pdfplumber not installed: its rows are left out)")
    figures = {label: timed(work, args.runs) for label, work in stages}
    floor = figures["reference: PDFium plain text"][1]
    print(f"{'stage':44}{'wall ms':>10}{'CPU ms':>10}{'CPU ms/page':>13}{'x floor':>9}")
    for label, (wall, cpu) in figures.items():
        print(
            f"{label:44}{wall * 1000:>10.0f}{cpu * 1000:>10.0f}"
            f"{cpu * 1000 / pages:>13.1f}{cpu / floor:>9.1f}"
        )


if __name__ == "__main__":
    main()
