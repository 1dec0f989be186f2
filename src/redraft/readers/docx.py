"""Word (.docx) reader: paragraphs, automatic numbering, italics, footnotes, tables and
tracked changes, read safely.

The zip is checked before python-docx touches it (:func:`check_package`): a zip bomb,
XML carrying a DTD or entity declarations, a zip that is not a Word document and an
encrypted (password-protected) file each give one :class:`~redraft.errors.InputError`.

Documents written by :mod:`redraft.render.docx` carry ``UN ...`` paragraph styles and a
``UN Number`` character style; they are read back exactly (docx -> draft -> docx keeps
the text). Any other document is read by its printed layout: typed or automatic numbers
(the printed number is computed from numbering.xml), the leading italic words as the
opening, footnotes from footnotes.xml; the result, as UN printed text, is classified by
the plain-text reader (:func:`redraft.readers.text.read_text`), whose warnings follow.

Tracked changes are read as the current text (insertions kept, deletions dropped) with a
warning saying how many revisions were pending; ``view="original"`` reads the text as it
was before the revisions (see :func:`read_docx_sides`).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..english import noun, plural
from ..errors import InputError
from ..formats import FOOTNOTE_STYLE, META_VARIABLE, NUMBER_STYLE
from ..labels import assign_labels
from ..model import Draft, Footnote, Meta, footnote_ref
from ..typography import collapse_spaces, strip_invisible
from .docx_classify import (
    Item,
    attach_lettered_notes,
    exact_tables,
    printed_text,
    styled_blocks,
)
from .docx_safety import check_package, parse_part, refuse_ole

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


# -- public entry points ----------------------------------------------------------


def read_docx(
    data: bytes, name: str = "<docx>", view: str = "current", *, note_pending: bool = True
) -> tuple[Draft, list[str]]:
    """Read a .docx. ``view``: "current" (tracked changes accepted) or "original"
    (tracked changes rejected); ``note_pending``: warn that tracked changes were pending."""
    if view not in ("current", "original"):
        raise ValueError(f"view must be 'current' or 'original', not {view!r}")
    check_package(data, name)
    package = _open(data, name)
    try:
        reader = _Reader(package, view)
        items = reader.items()
        meta = reader.meta()
    except InputError as error:  # a damaged part: name the file
        raise InputError(f"{name}: {error}") from None
    except (KeyError, AttributeError, ValueError, TypeError, IndexError) as error:
        # python-docx on a package whose parts or relationships are damaged (found by
        # fuzzing: a dangling rId, a settings relationship to a part of another type)
        raise InputError(f"{name}: a damaged Word document ({type(error).__name__})") from None
    warnings: list[str] = []
    if reader.revisions and note_pending:
        side = "accepted (current text)" if view == "current" else "rejected (original text)"
        warnings.append(
            f"{name}: {plural(reader.revisions, 'tracked revision')} "
            f"{noun(reader.revisions, 'was')} pending; read with all {side}"
        )
    if reader.styled:
        blocks = tuple(styled_blocks(items, warnings, name))
        return Draft(meta=meta, blocks=assign_labels(blocks)), warnings
    from .text import read_text

    text = printed_text(items)
    if not text.strip():
        raise InputError(f"{name}: the Word document holds no text")
    draft, more = read_text(text, page_breaks=False)  # a Word paragraph is whole
    lettered = attach_lettered_notes(draft.blocks, items, warnings, name)
    if lettered is not draft.blocks:
        draft = replace(draft, blocks=assign_labels(lettered))
    draft = replace(draft, blocks=exact_tables(draft.blocks, items))
    if meta.symbol and not draft.meta.symbol:
        draft = replace(draft, meta=replace(draft.meta, symbol=meta.symbol))
    return draft, warnings + [f"{name}: {warning}" for warning in more]


def read_docx_sides(data: bytes, name: str = "<docx>") -> tuple[Draft, Draft, list[str]]:
    """Both sides of a document with tracked changes: (original, current, warnings)."""
    original, _ = read_docx(data, name, view="original")
    # both sides are shown: "read with all accepted" would mislead
    current, warnings = read_docx(data, name, view="current", note_pending=False)
    return original, current, warnings


def _open(data: bytes, name: str) -> Any:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds: one line for the user
        raise InputError(f"{name}: not a readable Word document ({type(error).__name__})") from None


# -- extraction ---------------------------------------------------------------------


class _Reader:
    def __init__(self, document: Any, view: str) -> None:
        from .docx_numbering import Numbering

        self.document = document
        self.keep = "ins" if view == "current" else "del"
        self.drop = "del" if view == "current" else "ins"
        self.dropped_marks = ("del", "moveFrom") if view == "current" else ("ins", "moveTo")
        self.revisions = 0
        self.styles = _style_names(document)
        self.numbering = Numbering(document, self.styles)
        self.pending_notes: list[Footnote] = []
        # Exact reading only while redraft's metadata variable is there: a program that
        # dropped it (LibreOffice does) may also have restyled paragraphs (LibreOffice gives
        # a paragraph joined by a tracked deletion the style of the one before), so such a
        # document is classified by its content like any other.
        self.styled = bool(_meta_variable(document))
        self.notes = _footnote_texts(document, self)
        self.note_counter = {"f": _note_start(document) - 1, "e": 0}

    # metadata
    def meta(self) -> Meta:
        raw_text = _meta_variable(self.document)
        if raw_text:
            try:
                raw = json.loads(raw_text)
                return Meta(
                    symbol=raw.get("symbol", ""),
                    organ=raw.get("organ", ""),
                    language=raw.get("language", "en"),
                    doc_type=raw.get("doc_type", ""),
                    date=raw.get("date", ""),
                    sponsors=tuple(raw.get("sponsors", ())),
                    extra=tuple((str(k), str(v)) for k, v in raw.get("extra", ())),
                )
            except (ValueError, TypeError, AttributeError):
                pass
        props = self.document.core_properties
        return Meta(symbol=_symbol_from_headers(self.document), language=_lang(props.language))

    # body
    def items(self) -> list[Item]:
        out: list[Item] = []
        carry: list[tuple[str, bool]] = []  # text of a paragraph whose mark was deleted
        for child in _blocks(self.document.element.body):
            if child.tag == _q("p"):
                pieces, mark_gone = self._pieces(child)
                if mark_gone:
                    carry.extend(pieces)
                    continue
                item = self._paragraph(child, carry + pieces)
                carry = []
                if item is not None:
                    out.append(item)
            elif child.tag == _q("tbl"):
                table = self._table(child)
                if table is not None:
                    out.append(table)
        if carry:
            item = self._paragraph(None, carry)
            if item is not None:
                out.append(item)
        return out

    def _pieces(self, p: Any) -> tuple[list[tuple[str, bool]], bool]:
        """(text, italic) pieces of the current text of ``p``, and whether its
        paragraph mark is deleted in this view (it then joins the next paragraph)."""
        pieces: list[tuple[str, bool]] = []
        self._collect(p, pieces)
        mark = p.find("w:pPr/w:rPr", NS)
        gone = False
        if mark is not None:
            for tag in ("ins", "del", "moveFrom", "moveTo"):
                if mark.find(f"w:{tag}", NS) is not None:
                    self.revisions += 1
                    gone = gone or tag in self.dropped_marks
        return pieces, gone

    def _collect(self, element: Any, pieces: list[tuple[str, bool]]) -> None:
        for node in element.iterchildren():
            tag = node.tag
            if tag == _q("r"):
                self._run(node, pieces)
            elif tag in (_q(self.drop), _q("moveFrom" if self.keep == "ins" else "moveTo")):
                self.revisions += 1
            elif tag in (_q(self.keep), _q("moveTo" if self.keep == "ins" else "moveFrom")):
                self.revisions += 1
                self._collect(node, pieces)
            elif tag in (_q("pPr"), _q("rPr")):
                continue
            elif tag in (
                _q("hyperlink"),
                _q("smartTag"),
                _q("sdt"),
                _q("sdtContent"),
                _q("fldSimple"),
                _q("customXml"),
            ):
                self._collect(node, pieces)

    def _run(self, run: Any, pieces: list[tuple[str, bool]]) -> None:
        rpr = run.find("w:rPr", NS)
        if rpr is not None and _on(rpr.find("w:vanish", NS)):
            return
        italic = _italic(rpr, self.styles)
        before = None if rpr is None else rpr.find("w:rPrChange/w:rPr", NS)
        if before is not None:  # a tracked formatting change
            self.revisions += 1
            if self.keep == "del":
                italic = _italic(before, self.styles)
        number_style = rpr is not None and self._rstyle(rpr) == NUMBER_STYLE
        superscript = rpr is not None and _val(rpr.find("w:vertAlign", NS)) == "superscript"
        custom = run.find("w:footnoteReference", NS)
        if custom is None:
            custom = run.find("w:endnoteReference", NS)
        if custom is not None:
            pieces.append((self._note_ref(custom, run), False))
            if node_true(custom.get(_q("customMarkFollows"))):
                return  # the run's text is the custom mark, already read
        in_number = number_style  # a typed number ends at its tab: text may follow it
        for node in run.iterchildren():
            tag = node.tag
            if tag in (_q("t"), _q("delText")):  # delText: only reached when deletions are kept
                text = strip_invisible(node.text or "")
                if in_number:
                    number, tab, text = text.partition("\t")
                    if number:
                        pieces.append(("\x00" + number, False))  # marks the typed number
                    if not tab:
                        continue
                    in_number = False
                    pieces.append(("\t", italic))
                if superscript and text.strip().isdigit():
                    text = footnote_ref(text.strip())
                pieces.append((text, italic))
            elif tag == _q("tab"):
                in_number = False
                pieces.append(("\t", italic))
            elif tag in (_q("br"), _q("cr")):
                pieces.append(("\n", italic))
            elif tag == _q("noBreakHyphen"):
                pieces.append(("\u2011", italic))

    def _note_ref(self, node: Any, run: Any) -> str:
        """A footnote or endnote reference; endnotes get Word's default i, ii, iii."""
        from ..numerals import roman

        kind = "e" if node.tag == _q("endnoteReference") else "f"
        note_id = node.get(_q("id"), "")
        if node_true(node.get(_q("customMarkFollows"))):
            marker = "".join(t.text or "" for t in run.iterfind("w:t", NS)).strip()
        else:
            self.note_counter[kind] += 1
            count = self.note_counter[kind]
            marker = roman(count) if kind == "e" else str(count)
        marker = marker or note_id
        text = self.notes.get(f"{kind}{note_id}", "")
        self.pending_notes.append(Footnote(marker=marker, text=text))
        return footnote_ref(marker)

    def _rstyle(self, rpr: Any) -> str:
        style_id = _val(rpr.find("w:rStyle", NS))
        return self.styles.get(style_id, style_id)

    def _paragraph(self, p: Any, pieces: list[tuple[str, bool]]) -> Item | None:
        notes, self.pending_notes = self.pending_notes, []
        style = ""
        if p is not None:
            style_id = _val(p.find("w:pPr/w:pStyle", NS))
            before = p.find("w:pPr/w:pPrChange/w:pPr", NS)
            if before is not None:
                self.revisions += 1
                if self.keep == "del":  # the original view: the style before the change
                    style_id = _val(before.find("w:pStyle", NS))
            style = self.styles.get(style_id, style_id)
        number, pieces = split_number(pieces)
        pieces = [(t.lstrip("\x00"), i) for t, i in pieces]  # a number style mid-paragraph
        text = "".join(t for t, _ in pieces)
        opening = _opening(pieces)
        depth = 0
        auto = None
        if p is not None and not number and not self.styled:
            auto = self.numbering.number(p)
            if auto is not None:
                number, depth = auto
        if style == FOOTNOTE_STYLE and (self.styled or _NOTE_MARKER.fullmatch(number)):
            # Without redraft's metadata (LibreOffice drops it) the style alone is not
            # trusted: LibreOffice gives a paragraph that follows a deleted footnote the
            # footnote's style. A footnote paragraph starts with its marker.
            return Item(text=text, number=number, style=style, note_of_previous=True)
        if not text.strip() and not number and not notes:
            # an empty paragraph is a block only in redraft's own layout
            if not self.styled or not style.startswith("UN "):
                return None
        return Item(
            text=text,
            number=number,
            opening=opening,
            depth=depth,
            style=style,
            footnotes=notes,
            pieces=pieces,
            auto=auto is not None,
        )

    def _table(self, tbl: Any) -> Item | None:
        rows = []
        for tr in tbl.iterfind("w:tr", NS):
            marks = tr.find("w:trPr", NS)
            if marks is not None and any(
                marks.find(f"w:{t}", NS) is not None for t in ("ins", "del")
            ):
                self.revisions += 1
                if marks.find(f"w:{self.drop}", NS) is not None:
                    continue  # a row inserted (original view) or deleted (current view)
            cells = []
            for tc in tr.iterfind("w:tc", NS):
                paras = []
                for p in tc.iterfind("w:p", NS):
                    pieces, _ = self._pieces(p)
                    paras.append("".join(t for t, _ in pieces))
                cells.append(" ".join(paras))
            rows.append("\t".join(cells))
        style = self.styles.get(_val(tbl.find("w:tblPr/w:tblStyle", NS)), "")
        caption = _val(tbl.find("w:tblPr/w:tblCaption", NS))
        notes, self.pending_notes = self.pending_notes, []  # footnotes cited in cells
        if not rows:
            return None
        return Item(text="\n".join(rows), table=True, style=caption or style, footnotes=notes)


#: A footnote's marker ("16", "*", "a"): a paragraph number ("2.", "(b)") is not one.
_NOTE_MARKER = re.compile(r"[^\s.()]{1,6}")

_CONTAINERS = (_q("sdt"), _q("sdtContent"), _q("customXml"), _q("smartTag"))


def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in reading order, looking inside content controls."""
    for child in parent.iterchildren():
        if child.tag in _CONTAINERS:
            yield from _blocks(child)
        elif child.tag in (_q("p"), _q("tbl")):
            yield child


def _meta_variable(document: Any) -> str:
    """The JSON metadata redraft leaves in settings.xml, or "" for other documents."""
    for variable in document.settings.element.iterfind("w:docVars/w:docVar", NS):
        if variable.get(_q("name")) == META_VARIABLE:
            return str(variable.get(_q("val"), ""))
    return ""


def split_number(pieces: list[tuple[str, bool]]) -> tuple[str, list[tuple[str, bool]]]:
    """The typed number (``UN Number`` runs, marked by NUL) and the pieces after it and
    the tab that follows it."""
    number = ""
    while pieces and pieces[0][0].startswith("\x00"):
        number += pieces[0][0][1:]
        pieces = pieces[1:]
    if number and pieces and pieces[0][0].startswith("\t"):
        rest = pieces[0][0][1:]
        pieces = ([(rest, pieces[0][1])] if rest else []) + pieces[1:]
    return number, pieces


def node_true(value: str | None) -> bool:
    return value in ("1", "true", "on")


def _on(element: Any) -> bool:
    if element is None:
        return False
    return element.get(_q("val"), "true") not in ("0", "false", "off")


def _val(element: Any) -> str:
    return "" if element is None else element.get(_q("val"), "")


def _italic(rpr: Any, styles: dict[str, str]) -> bool:
    if rpr is None:
        return False
    explicit = rpr.find("w:i", NS)
    if explicit is not None:
        return _on(explicit)
    return styles.get(_val(rpr.find("w:rStyle", NS)), "") in ("Emphasis", "Italic")


def _opening(pieces: list[tuple[str, bool]]) -> str:
    """The leading italic words, without trailing spaces or punctuation."""
    lead = []
    for text, italic in pieces:
        if not text:
            continue
        if not italic:
            break
        lead.append(text)
    opening = "".join(lead)
    stripped = opening.rstrip().rstrip(",;:").rstrip()
    return stripped if stripped and not stripped[0].isspace() else ""


def _style_names(document: Any) -> dict[str, str]:
    """style id -> style name (ids are what paragraphs cite)."""
    names = {}
    for style in document.styles.element.iterfind("w:style", NS):
        style_id = style.get(_q("styleId"), "")
        name = style.find("w:name", NS)
        names[style_id] = _val(name) or style_id
    return names


_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")


def _footnote_texts(document: Any, reader: _Reader) -> dict[str, str]:
    """ "f<id>" / "e<id>" -> the text of each footnote / endnote (footnotes.xml, endnotes.xml)."""

    out = {}
    for rel in document.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind not in ("footnotes", "endnotes") or rel.is_external:
            continue
        root = parse_part(rel.target_part.blob, f"word/{kind}.xml")
        for note in root.iterfind(f"w:{kind[:-1]}", NS):
            if note.get(_q("type")) in _SEPARATORS:
                continue
            texts = []
            for p in note.iterfind(".//w:p", NS):
                pieces: list[tuple[str, bool]] = []
                reader._collect(p, pieces)
                if p.find("w:r/w:footnoteRef", NS) is not None and pieces[:1] == [("\t", False)]:
                    pieces = pieces[1:]  # Word's own number, then a tab
                _, pieces = split_number(pieces)
                pieces = [(t.lstrip("\x00"), i) for t, i in pieces]
                texts.append("".join(t for t, _ in pieces))
            text = " ".join(texts)
            key = kind[0] + note.get(_q("id"), "")
            out[key] = text if reader.styled else collapse_spaces(text)
    reader.pending_notes = []
    return out


def _note_start(document: Any) -> int:
    """Where Word starts numbering footnotes (w:footnotePr/w:numStart), 1 by default."""
    body = document.element.body
    for where in (body.find("w:sectPr", NS), document.settings.element):
        start = None if where is None else where.find("w:footnotePr/w:numStart", NS)
        if start is not None and _val(start).isdigit():
            return max(1, min(int(_val(start)), 100_000))
    return 1


_SYMBOL = re.compile(r"\b(?:[A-Z]{1,5}/)+(?:[A-Za-z0-9.]+/)*[A-Za-z0-9.]+\b")


def _symbol_from_headers(document: Any) -> str:
    """The document symbol printed in a page header (UN documents put it in the
    first-page header, often inside a table), or ""."""
    for section in document.sections:
        for header in (section.first_page_header, section.header, section.even_page_header):
            if header.is_linked_to_previous and header is not section.header:
                continue
            text = " ".join(t.text or "" for t in header._element.iter(_q("t")))
            match = _SYMBOL.search(text)
            if match:
                return match.group(0)
    return ""


def _lang(language: str | None) -> str:
    return (language or "en").split("-")[0].lower() or "en"


# -- building the draft -----------------------------------------------------------------


__all__ = ["read_docx", "read_docx_sides", "check_package", "refuse_ole"]
