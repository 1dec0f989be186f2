"""The XML of a plain Word paragraph, written as text (no lxml element per run).

A draft's Word file is mostly paragraphs whose runs make no revision: text, italics, a
typed number, a tab. Building each as lxml elements (a paragraph, its properties, a run,
its properties, its text) was half of a session's cold report; here their XML is written
directly, the same bytes :func:`redraft.render.docx.paragraph_xml` gives for the
paragraph :meth:`redraft.render.docx.WordBuilder.paragraph` builds, and the document
holds it as it holds a kept paragraph (``WordBuilder.copy_paragraph``). Anything else (a
revision, a footnote, a character lxml would write otherwise) is None: built as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Drop characters XML 1.0 cannot hold (they cannot be in a Word document)."""
    return _XML_ILLEGAL.sub("", text)


class Run(Protocol):
    """What is read of a :class:`redraft.render.docx.Run` (imported by it, not from it)."""

    @property
    def text(self) -> str: ...
    @property
    def italic(self) -> bool: ...
    @property
    def role(self) -> str: ...
    @property
    def change(self) -> str: ...
    @property
    def was_italic(self) -> bool | None: ...


PLAIN_ROLES = frozenset({"text", "number", "tab"})
_SAFE_ID = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_. ")


def plain_paragraph_xml(style_id: str, number_style_id: str, runs: Iterable[Run]) -> bytes | None:
    """``<w:p>`` of style ``style_id`` holding ``runs`` (text already :func:`clean`), as
    lxml writes it inside a document; None when a run is not plain."""
    if not (set(style_id) <= _SAFE_ID and set(number_style_id) <= _SAFE_ID):
        return None
    out = [f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>']
    for run in runs:
        role = run.role
        if run.change or run.was_italic is not None or role not in PLAIN_ROLES:
            return None
        if not run.text and role != "tab":
            continue  # as WordBuilder._fill: an empty run is not written
        if role == "number" or run.italic:
            style = f'<w:rStyle w:val="{number_style_id}"/>' if role == "number" else ""
            out.append(f"<w:r><w:rPr>{style}{'<w:i/>' if run.italic else ''}</w:rPr>")
        else:
            out.append("<w:r>")
        if role == "tab":
            out.append("<w:tab/></w:r>")
            continue
        text = clean(run.text)
        if "\r" in text:  # lxml writes it as a character reference
            return None
        if "\n" in text or "\t" in text:
            pieces = _lines(text)
        else:
            pieces = _piece(text)
        if pieces:
            out.append(pieces + "</w:r>")
        elif out[-1] == "<w:r>":
            out[-1] = "<w:r/>"
        else:
            out.append("</w:r>")
    out.append("</w:p>")
    try:
        return "".join(out).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: lxml's own error, as before
        return None


def _piece(text: str) -> str:
    if not text:
        return ""
    # str.replace, three passes in C, is many times faster than str.translate with a table
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<w:t xml:space="preserve">{escaped}</w:t>'


def _lines(text: str) -> str:
    """Line breaks and tabs as elements of their own, as ``WordBuilder._run`` writes them."""
    out = []
    for index, line in enumerate(text.split("\n")):
        if index:
            out.append("<w:br/>")
        for cell, piece in enumerate(line.split("\t")):
            if cell:
                out.append("<w:tab/>")
            out.append(_piece(piece))
    return "".join(out)
