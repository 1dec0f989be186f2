"""PDF reader: UN documents as published (L-documents, revisions, adopted resolutions),
read from the characters PDFium places on each page (pypdfium2).

The reader is a list of small named passes, as the plain-text reader is:

    pages       each page's characters (box, baseline, font size, italic) as lines
                (:mod:`.pdf_layout`)
    arabic      Arabic lines repaired: ligatures in logical order, kashidas dropped
                (:mod:`.pdf_arabic`)
    furniture   running heads (the symbol), job numbers ("24-12345 (E)"), page numbers,
                "Please recycle", barcodes in the page margins: dropped
    notes       the footnote block under each page's footnote rule set apart
    repeated    other body lines repeated at the same place on most pages: dropped
    paragraphs  lines joined into paragraphs, across page breaks; soft hyphens undone;
                raised markers as footnote references (:mod:`.pdf_paragraphs`)
    footnotes   the footnote block's lines as ``Footnote(marker, text)``
    classify    the paragraphs as UN printed text (the number typed, the italic
                opening as ``*...*``, each footnote after the paragraph citing it),
                read by :func:`redraft.readers.text.read_text` exactly as the Word
                reader hands over a document without redraft's styles

A PDF without a text layer (a scan) or one that cannot be opened (encrypted, damaged)
is one :class:`~redraft.errors.InputError`; redraft does no OCR.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..errors import InputError
from ..labels import assign_labels
from ..model import Draft, Footnote, cited_markers
from .pdf_arabic import arabic_lines
from .pdf_layout import Page, drop_furniture, drop_repeated, page_of, split_notes
from .pdf_paragraphs import Para, footnotes, paragraphs
from .pdf_tables import tables_on


def read_pdf(data: bytes, name: str = "<pdf>") -> tuple[Draft, list[str]]:
    """Read a PDF; returns the draft and warnings, as the other readers do."""
    pages = read_pages(data, name)
    if not any(page.lines for page in pages):
        raise InputError(f"{name}: this PDF has no text layer (a scan?); redraft does not do OCR")
    arabic_lines(pages)
    symbol = drop_furniture(pages)
    split_notes(pages)
    drop_repeated(pages)
    paras = paragraphs(pages, tables_on)
    notes = footnotes(pages, [m for para in paras for m in cited_markers(para.text)])
    if not paras:
        raise InputError(f"{name}: this PDF holds no text but page furniture")
    return classify(paras, notes, symbol, name)


def read_pages(data: bytes, name: str) -> list[Page]:
    """Every page of the PDF as lines (PDFium), or one InputError saying why not."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise InputError(f"{name}: {_why(error)}") from None
    try:
        return [_page(document, index) for index in range(len(document))]
    except pdfium.PdfiumError as error:
        raise InputError(f"{name}: a damaged PDF ({error})") from None
    finally:
        document.close()


def _page(document: Any, index: int) -> Page:
    pdf_page = document[index]
    try:
        return page_of(pdf_page, index + 1)
    finally:
        pdf_page.close()


def _why(error: Exception) -> str:
    message = str(error).lower()
    if "password" in message or "security" in message:
        return "this PDF is encrypted (password-protected); save an unprotected copy"
    detail = re.search(r"PDFium: ([^)]*)", str(error))
    return f"not a readable PDF ({detail.group(1).lower() if detail else 'damaged'})"


def classify(
    paras: list[Para], notes: list[Footnote], symbol: str, name: str
) -> tuple[Draft, list[str]]:
    """The paragraphs and footnotes as UN printed text, classified by the text reader."""
    from .docx_classify import Item, attach_lettered_notes, printed_text
    from .text import read_text

    items = [
        Item(text=para.text, pieces=list(para.pieces), table=para.table is not None)
        for para in paras
    ]
    waiting = {note.marker: note for note in notes}
    for item in items:
        for marker in cited_markers(item.text):
            note = waiting.pop(marker, None)
            if note is not None:
                item.footnotes.append(note)
    if waiting and items:  # cited nowhere: kept at the end (the text reader warns)
        items[-1].footnotes.extend(waiting.values())
    warnings: list[str] = []
    draft, more = read_text(printed_text(items), page_breaks=False)
    lettered = attach_lettered_notes(draft.blocks, items, warnings, name)
    if lettered is not draft.blocks:
        draft = replace(draft, blocks=assign_labels(lettered))
    if symbol and not draft.meta.symbol:
        draft = replace(draft, meta=replace(draft.meta, symbol=symbol))
    return draft, warnings + [f"{name}: {warning}" for warning in more]
