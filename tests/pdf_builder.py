"""PDFs in a UN-like layout, built from the repo's own drafts: redraft's Word writer
(:func:`redraft.render.docx_draft.render_draft_docx`: the symbol as running head, real Word
footnotes), a footer added as the UN prints one (the page number, the job number
"11-12345 (E)", "Please recycle"), then LibreOffice prints it to PDF (tests/office.py).
The drafts are long enough to fill three pages or more, so paragraphs run over page
breaks.

    python -m tests.pdf_builder tests/data/pdf     # rewrite the committed fixtures

Used by tests/test_pdf_reader.py (live, when soffice is installed) and to make the
fixtures in tests/data/pdf/ that the tests read without it.
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

from redraft.labels import assign_labels
from redraft.model import FOOTNOTE_REF, Draft, Footnote, Paragraph, footnote_ref, ref_marker
from redraft.readers import read_path
from redraft.render.docx_draft import render_draft_docx
from tests.office import SOFFICE, run_jobs

ROOT = Path(__file__).resolve().parents[1]
JOB_NUMBER = "11-12345 (E)"

#: (fixture name, draft in drafts/, symbol printed as running head): three drafts with
#: footnotes, of three to five pages.
FIXTURES = (
    ("ga-i", "ga-draft-resolution-i-follow-up-twelfth-united.txt", "A/C.3/66/L.7"),
    (
        "ecosoc-iii",
        "ecosoc-draft-resolution-iii-international-cooperation-prevention.txt",
        "E/2011/30",
    ),
    ("ccpcj-20-5", "ccpcj-resolution-20-5-combating-problem-transnational.txt", "E/CN.15/2011/L.5"),
)

#: (fixture name, AKN file in tests/data/word/, symbol): a resolution of the 78th session
#: and its successor of the 79th, typed in Word as the UN types them.
RESOLUTIONS = (
    ("res-78-79", "A_RES_78_79-2324933E.xml", "A/RES/78/79"),
    ("res-79-92", "A_RES_79_92-2423546E.xml", "A/RES/79/92"),
)

#: (fixture name, AKN file in tests/data/word/, symbol): a resolution whose annex is a
#: table (a budget, printed without borders, its cells wrapping, over a page break).
TABLES = (("res-79-255", "A_RES_79_255-2424696E.xml", "A/RES/79/255"),)


def source_draft(file: str, symbol: str) -> Draft:
    """A draft of drafts/ with its symbol (printed as running head), footnotes numbered
    from 1 as the printed PDF numbers them."""
    draft = read_path(ROOT / "drafts" / file).draft
    return renumbered(replace(draft, meta=replace(draft.meta, symbol=symbol)))


def un_layout_docx(draft: Draft, job: str = JOB_NUMBER) -> bytes:
    """The draft as redraft writes it in Word (the symbol as running head), with a UN
    footer on every page."""
    return un_page(_single_marks(render_draft_docx(draft)), job=job)


def un_page(data: bytes, symbol: str = "", job: str = JOB_NUMBER) -> bytes:
    """A Word document with a UN page layout: the symbol as running head (when given),
    the page number, the job number and "Please recycle" at the foot of every page."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    if symbol:
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = symbol
    footer = section.footer
    footer.is_linked_to_previous = False
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer.paragraphs[0]._p.append(field)
    footer.add_paragraph(job)
    footer.add_paragraph("Please recycle")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def akn_docx(xml: bytes, symbol: str) -> bytes:
    """An adopted resolution (AKN XML) as a Word document typed the UN's way (the
    benchmarks' form, benchmarks/un_forms.py), in the UN page layout."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from un_forms import akn_to_docx

    return un_page(akn_to_docx(xml), symbol=symbol)


_TYPED_MARK = re.compile(
    r'<w:r><w:rPr><w:rStyle w:val="UNNumber"/></w:rPr><w:t xml:space="preserve">[^<]*</w:t></w:r>'
    r"<w:r><w:tab/></w:r>"
)
_CUSTOM_MARK = re.compile(
    r'<w:footnoteReference w:customMarkFollows="1" (w:id="\d+"/>)'
    r'<w:t xml:space="preserve">[^<]*</w:t>'
)
_SPACE_RUN = '<w:r><w:t xml:space="preserve"> </w:t></w:r>'


def _single_marks(data: bytes) -> bytes:
    """Footnotes numbered by the word processor, each mark printed once. redraft's Word
    footnotes carry the marker as a custom mark and type it again in the footnote: Word
    shows them once, LibreOffice twice ("³⁹³⁹", "11 Resolution 46/152"). Here they are
    plain numbered footnotes, as a UN document has (hence :func:`renumbered`)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            member = source.read(item)
            if item.filename == "word/footnotes.xml":
                member = _TYPED_MARK.sub(_SPACE_RUN, member.decode()).encode()
            elif item.filename == "word/document.xml":
                member = _CUSTOM_MARK.sub(r"<w:footnoteReference \1", member.decode()).encode()
            target.writestr(item, member)
    return out.getvalue()


def renumbered(draft: Draft) -> Draft:
    """The draft with its footnotes numbered 1, 2, 3... in reading order (the numbers
    the word processor prints for them)."""
    numbers: dict[str, str] = {}
    for unit in draft.units():
        if isinstance(unit, Footnote):
            numbers.setdefault(unit.marker, str(len(numbers) + 1))

    def ref(match: re.Match[str]) -> str:
        marker = ref_marker(match.group(0))
        return footnote_ref(numbers.get(marker, marker))

    def visit(block: Paragraph) -> Paragraph:
        notes = tuple(replace(n, marker=numbers.get(n.marker, n.marker)) for n in block.footnotes)
        return replace(
            block,
            text=FOOTNOTE_REF.sub(ref, block.text),
            footnotes=notes,
            children=tuple(visit(child) for child in block.children),
        )

    return replace(draft, blocks=assign_labels(tuple(visit(b) for b in draft.blocks)))


def build_pdfs(documents: list[tuple[str, bytes]], workdir: Path) -> dict[str, Path]:
    """Each (name, Word document) printed to ``workdir/NAME.pdf`` by one LibreOffice."""
    assert SOFFICE is not None, "LibreOffice (soffice) is not installed"
    jobs = []
    for name, data in documents:
        source = workdir / f"{name}.docx"
        source.write_bytes(data)
        jobs.append(("pdf", source, workdir / f"{name}.pdf"))
    run_jobs(jobs, workdir / "office")
    return {name: workdir / f"{name}.pdf" for name, _ in documents}


def fixture_documents() -> list[tuple[str, bytes]]:
    """The Word documents of every fixture, by fixture name."""
    documents = [
        (name, un_layout_docx(source_draft(file, symbol))) for name, file, symbol in FIXTURES
    ]
    for name, file, symbol in RESOLUTIONS + TABLES:
        xml = (ROOT / "tests" / "data" / "word" / file).read_bytes()
        documents.append((name, akn_docx(xml, symbol)))
    return documents


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="redraft-pdf-") as scratch:
        for name, path in build_pdfs(fixture_documents(), Path(scratch)).items():
            (out / f"{name}.pdf").write_bytes(path.read_bytes())
            print(f"{out / name}.pdf")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "tests" / "data" / "pdf"))
