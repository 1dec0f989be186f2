"""Word output: a clean draft in UN layout, and a diff as real tracked changes.

Both documents use the ``UN ...`` paragraph styles of :mod:`redraft.formats`
(kind and depth in the style name) and type paragraph numbers as text in the
``UN Number`` character style followed by a tab, so that numbering survives tracked
changes and the reader gets every block back exactly. The draft's metadata travels in
a document variable (``w:docVar`` named ``redraft-meta`` in settings.xml).

The builder lives here; :mod:`redraft.render.docx_draft` writes a clean draft with it
(:func:`~redraft.render.docx_draft.render_draft_docx`, footnotes and all) and
:mod:`redraft.render.docx_track` a diff (:func:`~redraft.render.docx_track.render_diff_docx`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lxml.etree import SubElement  # only Word output imports this module

from ..formats import FOOTNOTE_STYLE, KIND_STYLES, NUMBER_STYLE
from ..model import (
    Kind,
    Meta,
)
from .docx_plain import clean

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _element(tag: str, attrs: dict[str, str] | None = None) -> Any:
    """A new ``w:`` element: plain lxml, as python-docx's ``OxmlElement`` writes it, without
    the lookup of python-docx's element classes (a quarter of a Word file's time)."""
    from lxml import etree

    return etree.Element(_q(tag), attrs or {}, nsmap=_NSMAP)


def _sub(parent: Any, tag: str, attrs: dict[str, str] | None = None) -> Any:
    """A new ``w:`` element appended to ``parent``, made in its document (a third of the
    cost of making an element of its own and moving it there: same XML)."""
    return SubElement(parent, tag, attrs)


_NSMAP = {"w": W}
# qualified names of the elements made for every run (formatted once, not per run)
_R, _RPR, _T, _DEL_TEXT, _TAB, _BR = (_q(t) for t in ("r", "rPr", "t", "delText", "tab", "br"))
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph: text, whether italic, its role, and its tracked change.

    ``role``: "text", "number" (typed paragraph number), "tab", "noteref" (a real
    footnote reference with a custom mark; ``text`` is "marker\\x00text"), "footnote"
    (a real footnote Word numbers itself; ``note`` holds its runs), "footnote-mark" (the
    number inside such a footnote). ``change``: "", "ins", "del", "moveFrom", "moveTo"."""

    text: str
    italic: bool = False
    role: str = "text"
    change: str = ""
    was_italic: bool | None = None  # the italics before a tracked formatting change
    note: tuple[Run, ...] = ()  # the runs of a "footnote"


def paragraph_xml(p: Any) -> bytes | None:
    """The XML of paragraph ``p`` as it is written inside a document (whose root declares
    the ``w`` namespace), or None when it uses any other namespace."""
    from lxml import etree

    xml = bytes(etree.tostring(p, encoding="UTF-8", xml_declaration=False))
    start = f'<w:p xmlns:w="{W}"'.encode()
    if not xml.startswith(start) or xml.count(b"xmlns") != 1:
        return None
    return b"<w:p" + xml[len(start) :]


class WordBuilder:
    """A Word document with the UN styles, filled paragraph by paragraph (the package
    around the body: :mod:`redraft.render.docx_package`)."""

    def __init__(self, meta: Meta, author: str = "redraft", date: str = "") -> None:
        from .docx_package import Parts, new_body

        self.body, self.sect = new_body()  # paragraphs go before the final w:sectPr
        self.parts = Parts()
        self.author, self.date = author, date
        # Each revision keeps its own identity: the revisions of neighbouring paragraphs
        # are two minutes apart. LibreOffice joins adjacent revisions of one author, one
        # type and times less than two minutes apart into one, even across a paragraph
        # end that was not changed: rejecting an insertion at the end of one paragraph
        # together with the inserted paragraph after it then joined two old paragraphs.
        self.dates = (date, _minutes_later(date, 2)) if date else ("", "")
        self.paragraphs = 0
        self.style_ids: dict[str, str] = {}
        self.notes: list[Any] = []
        self.next_id = 1
        self._mark: Any = None  # the mark of the last paragraphs copied (copy_paragraph)
        self._base_styles()
        self._meta(meta)

    # -- styles --------------------------------------------------------------
    def _base_styles(self) -> None:
        from .docx_package import style_xml

        self.style_ids[NUMBER_STYLE] = style_xml(NUMBER_STYLE, _make_style)[0]

    def style(self, name: str) -> str:
        """The style id of paragraph style ``name`` ("UN Operative 2"), added on first use."""
        found = self.style_ids.get(name)
        if found is None:
            from .docx_package import style_xml

            found = self.style_ids[name] = style_xml(name, _make_style)[0]
            self.parts.styles.append(name)
        return found

    def _meta(self, meta: Meta) -> None:
        from .docx_package import bidi_language

        raw = {
            "symbol": meta.symbol,
            "organ": meta.organ,
            "language": meta.language,
            "doc_type": meta.doc_type,
            "date": meta.date,
            "sponsors": list(meta.sponsors),
            "extra": [list(pair) for pair in meta.extra],
        }
        # a document variable (settings.xml): Word keeps it, and it has no length limit
        self.parts.meta_json = json.dumps(raw, ensure_ascii=True)
        self.parts.author = clean(self.author)[:200]
        self.parts.title = clean(meta.symbol)[:200]
        self.parts.language = clean(meta.language)[:20]
        self.parts.bidi_language = bidi_language(meta.language)  # "" left to right
        if meta.symbol.strip():
            self.parts.header_text = clean(meta.symbol)  # right-aligned, as the UN prints it

    # -- paragraphs ----------------------------------------------------------
    def paragraph(
        self, style_name: str, runs: Iterable[Run], mark: str = "", old_style: str = ""
    ) -> Any:
        """Append a paragraph; ``mark`` tracks the paragraph mark itself ("ins"/"del");
        ``old_style`` records a tracked change of paragraph style (w:pPrChange)."""
        self.date = self.dates[self.paragraphs % 2]
        self.paragraphs += 1
        p = _element("p")
        ppr = _sub(p, _q("pPr"))
        _sub(ppr, _q("pStyle"), {_q("val"): self.style(style_name)})
        if mark:
            _sub(ppr, _RPR).append(self.change_element(mark))
        if old_style and old_style != style_name:
            change = self.change_element("pPrChange")
            before = _sub(change, _q("pPr"))
            _sub(before, _q("pStyle"), {_q("val"): self.style(old_style)})
            ppr.append(change)
        self._fill(p, runs)
        self.sect.addprevious(p)
        return p

    def plain_paragraph(self, style_name: str, runs: list[Run]) -> bool:
        """:meth:`paragraph` of runs that make no revision, its XML written as text
        (:mod:`.docx_plain`, the same bytes); False, nothing appended, when one is not."""
        from .docx_plain import plain_paragraph_xml

        xml = plain_paragraph_xml(self.style(style_name), self.style_ids[NUMBER_STYLE], runs)
        if xml is None:
            return False
        self.copy_paragraph(style_name, xml)
        return True

    def copy_paragraph(self, style_name: str, xml: bytes) -> None:
        """Append a paragraph :meth:`paragraph` made in another document with this style
        and runs that make no revision (a paragraph kept as it was: most of a redline of a
        long text, the same in every version's redline), given as :func:`paragraph_xml`.
        A mark stands in the body for it (one for a run of them): the package writes
        ``xml`` in its place."""
        self.date = self.dates[self.paragraphs % 2]
        self.paragraphs += 1
        self.style(style_name)  # the style the copy names must be in this document
        mark = self.sect.getprevious()
        if mark is None or mark is not self._mark:  # something else came after the last
            from lxml import etree

            from .docx_package import KEPT_MARK

            self._mark = etree.Comment(f"{KEPT_MARK}{len(self.parts.kept)}")
            self.sect.addprevious(self._mark)
            self.parts.kept.append([])
        self.parts.kept[-1].append(xml)

    def _fill(self, p: Any, runs: Iterable[Run]) -> None:
        """Append the runs to paragraph ``p``, each tracked change in its wrapper."""
        wrapper: Any = None
        for run in runs:
            if not run.text and run.role not in ("tab", "footnote", "footnote-mark"):
                continue
            parent = p
            if run.change:
                if wrapper is None or wrapper.tag != _q(run.change):
                    wrapper = self.change_element(run.change)
                    p.append(wrapper)
                parent = wrapper
            else:
                wrapper = None
            self._run(parent, run)

    def table(self, rows: list[list[list[Run]]], depth: int, change: str = "") -> None:
        """A real Word table of ``rows`` of cells of runs (rows may have different
        numbers of cells: the last spans the rest); ``change`` ("ins"/"del") tracks
        every row."""
        self.date = self.dates[self.paragraphs % 2]
        self.paragraphs += 1
        from docx.oxml.table import CT_Tbl
        from docx.shared import Length
        from docx.table import Table

        from .docx_package import block_width

        width = max((len(row) for row in rows), default=1) or 1
        tbl = CT_Tbl.new_tbl(len(rows), width, Length(block_width()))
        tbl.tblStyle_val = "TableGrid"  # the template's "Table Grid"
        table = Table(tbl, None)  # type: ignore[arg-type]  # cells need no document part
        caption = tbl.tblPr.makeelement(
            _q("tblCaption"), {_q("val"): style_name(Kind.TABLE, depth)}
        )
        tbl.tblPr.append(caption)
        if self.parts.bidi_language:  # columns from the right; after w:tblStyle (CT_TblPr)
            tbl.tblPr.insert(1, tbl.tblPr.makeelement(_q("bidiVisual"), {}))
        for row, cells in zip(table.rows, rows, strict=True):
            for index, cell in enumerate(row.cells[: len(cells)]):
                self._fill(cell.paragraphs[0]._p, cells[index])
            tr = row._tr
            missing = width - len(cells)
            if missing:  # the last cell spans the rest (LibreOffice pads a w:gridAfter)
                for tc in tr.findall(_q("tc"))[len(cells) :]:
                    tr.remove(tc)
                tcpr = tr.findall(_q("tc"))[-1].get_or_add_tcPr()
                tcpr.append(tcpr.makeelement(_q("gridSpan"), {_q("val"): str(missing + 1)}))
            if change:
                trpr = tr.get_or_add_trPr()
                trpr.append(self.change_element(change))
        self.sect.addprevious(tbl)

    def change_element(self, change: str) -> Any:
        attrs = {_q("id"): str(self.next_id), _q("author"): clean(self.author) or "redraft"}
        if self.date:
            attrs[_q("date")] = self.date
        self.next_id += 1
        return _element(change, attrs)

    def _run(self, parent: Any, run: Run) -> Any:
        """A w:r of ``run``, appended to ``parent``."""
        r = _sub(parent, _R)
        role = run.role
        superscript = role in ("noteref", "footnote", "footnote-mark")
        if role == "number" or run.italic or superscript or run.was_italic is not None:
            rpr = _sub(r, _RPR)
            if role == "number":
                _sub(rpr, _q("rStyle"), {_q("val"): self.style_ids[NUMBER_STYLE]})
            if run.italic:
                _sub(rpr, _q("i"))
            if superscript:
                _sub(rpr, _q("vertAlign"), {_q("val"): "superscript"})
            if run.was_italic is not None:
                change = self.change_element("rPrChange")
                before = _sub(change, _RPR)
                if run.was_italic:
                    _sub(before, _q("i"))
                rpr.append(change)
        if role == "tab":
            _sub(r, _TAB)
            return r
        if role in ("footnote", "footnote-mark"):
            if role == "footnote-mark":
                _sub(r, _q("footnoteRef"))
                return r
            note_id = str(len(self.notes) + 1)
            mark = Run("", role="footnote-mark")
            self.notes.append((note_id, [mark, Run("", role="tab"), *run.note]))
            _sub(r, _q("footnoteReference"), {_q("id"): note_id})
            return r
        if role == "noteref":
            note_id = self._footnote(run.text, run.change)
            attrs = {_q("customMarkFollows"): "1", _q("id"): note_id}
            _sub(r, _q("footnoteReference"), attrs)
            marker = run.text.split("\x00", 1)[0]
            self._text(r, marker, run.change == "del")
            return r
        deleted = run.change in ("del", "moveFrom")
        # tabs and line breaks (table rows in a diff) are elements of their own
        text = clean(run.text)
        if "\n" not in text and "\t" not in text:  # most runs: one piece of text
            if text:
                self._text(r, text, deleted)
            return r
        for index, line in enumerate(text.split("\n")):
            if index:
                _sub(r, _BR)
            for cell, piece in enumerate(line.split("\t")):
                if cell:
                    _sub(r, _TAB)
                if piece:
                    self._text(r, piece, deleted)
        return r

    @staticmethod
    def _text(r: Any, text: str, deleted: bool) -> Any:
        t = _sub(r, _DEL_TEXT if deleted else _T, {_XML_SPACE: "preserve"})
        t.text = text
        return t

    # -- footnotes -----------------------------------------------------------
    def _footnote(self, spec: str, change: str) -> str:
        """A real footnote; ``spec`` is "marker\\x00text"."""
        marker, _, text = spec.partition("\x00")
        note_id = str(len(self.notes) + 1)
        runs = [Run(marker, role="number"), Run("", role="tab"), Run(text)]
        self.notes.append((note_id, runs))
        return note_id

    def number_notes_from(self, start: int) -> None:
        """Word numbers the footnotes from ``start`` (w:footnotePr/w:numStart)."""
        if start == 1:
            return
        before = next(
            (c for c in self.sect if c.tag not in (_q("headerReference"), _q("footerReference"))),
            None,
        )
        settings = self.sect.makeelement(_q("footnotePr"), {})
        settings.append(settings.makeelement(_q("numStart"), {_q("val"): str(start)}))
        if before is None:
            self.sect.append(settings)
        else:
            before.addprevious(settings)

    def finish(self) -> bytes:
        from .docx_package import package

        # a last empty paragraph: Word cannot track the deletion of the final paragraph mark
        self.sect.addprevious(self.sect.makeelement(_q("p"), {}))
        if self.notes:
            self.parts.footnotes = self._footnotes_part()
        return package(self.body, self.parts)

    def _footnotes_part(self) -> bytes:
        from lxml import etree

        root = etree.Element(_q("footnotes"), nsmap={"w": W})
        for special, note_id in (("separator", "-1"), ("continuationSeparator", "0")):
            note = etree.SubElement(root, _q("footnote"), {_q("type"): special, _q("id"): note_id})
            run = etree.SubElement(etree.SubElement(note, _q("p")), _q("r"))
            etree.SubElement(run, _q(special))
        style = self.style(FOOTNOTE_STYLE)
        for note_id, runs in self.notes:
            note = etree.SubElement(root, _q("footnote"), {_q("id"): note_id})
            p = etree.SubElement(note, _q("p"))
            etree.SubElement(etree.SubElement(p, _q("pPr")), _q("pStyle"), {_q("val"): style})
            self._fill(p, runs)
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _make_style(styles: Any, name: str) -> Any:
    """Paragraph style ``name`` added to python-docx ``styles`` (of a scratch document:
    :func:`redraft.render.docx_package.style_xml` keeps its XML for every document)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt

    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    fmt = style.paragraph_format
    fmt.space_after = Pt(6)
    depth = int(name.rsplit(" ", 1)[1]) - 1 if name[-1].isdigit() else 0
    if name.startswith(("UN Title", "UN Document Heading")):
        style.font.bold = True
    elif name.startswith("UN Footnote"):
        style.font.size = Pt(8)
    else:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY  # UN documents are justified
        fmt.left_indent = Cm(1.25 + 0.75 * depth)
        if name.startswith("UN Operative"):
            fmt.first_line_indent = Cm(-0.75)
            fmt.tab_stops.add_tab_stop(Cm(1.25 + 0.75 * depth))
        elif name.startswith("UN Preambular"):
            fmt.first_line_indent = Cm(1.25)
    return style


def _minutes_later(date: str, minutes: int) -> str:
    """Word's w:date form (``2011-04-15T00:00:00Z``), some minutes later."""
    from datetime import datetime, timedelta

    try:
        moment = datetime.strptime(date, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return date
    return (moment + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")


def style_name(kind: Kind, depth: int) -> str:
    base = KIND_STYLES.get(kind, KIND_STYLES[Kind.TEXT])
    return base if depth == 0 else f"{base} {depth + 1}"
