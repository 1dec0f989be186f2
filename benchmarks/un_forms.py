"""The same UN resolution in the forms it circulates in, made from its AKN XML without
redraft: plain text and Word, each as another tool would write them (for
benchmarks/fidelity_bench.py).

- :func:`akn_to_text`: a plain-text conversion, as a careless export gives it: each
  paragraph on one line, its number then a tab, the italic spans as ``*...*`` with
  whatever the XML has inside them (``*<TAB>Convinced*``: the UN's XML puts a tab
  there), no-break spaces and directional marks as they are, footnotes printed under the
  paragraph citing them (``¹ text``), table rows with tab-separated cells.
- :func:`akn_to_docx`: a Word document as UN documents are typed: Normal paragraphs,
  the number, a tab and the first words in one run ("1.<TAB>Urges..."), italic runs as
  the XML marks them (tabs inside included), real auto-numbered Word footnotes, Word
  tables, nothing of redraft's own styles or metadata.

Both only read the XML: the point is to compare redraft's readers of these forms with
its AKN reader.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARTS = ("preface", "preamble", "mainBody")
_BLOCKS = (
    "p",
    "heading",
    "subheading",
    "crossHeading",
    "docNumber",
    "docTitle",
    "listIntroduction",
)
_SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _local(element: Any) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


@dataclass
class Piece:
    """A piece of a paragraph: text, whether italic, or a footnote (its marker and text)."""

    text: str
    italic: bool = False
    note: tuple[str, str] | None = None


@dataclass
class Block:
    number: str = ""
    pieces: list[Piece] = field(default_factory=list)
    rows: list[list[str]] | None = None  # a table
    bold: bool = False


def _layout_space(text: str) -> str:
    """Indentation of the pretty-printed XML (a line end and what follows) is no text."""
    out, lines = [], text.split("\n")
    for index, line in enumerate(lines):
        out.append(line.lstrip(" ") if index else line)
    return " ".join(out) if len(lines) > 1 else text


def _squeeze(text: str) -> str:
    """Line ends, tabs and runs of spaces as one space (no-break spaces kept)."""
    text = text.replace("\n", " ").replace("\t", " ")
    return " ".join(part for part in text.split(" ") if part)


def _words(element: Any) -> str:
    return _squeeze("".join(element.itertext()))


def _pieces(element: Any, italic: bool, out: list[Piece]) -> None:
    if element.text:
        out.append(Piece(_layout_space(element.text), italic))
    for child in element:
        name = _local(child)
        if name == "authorialNote":
            notes: list[Piece] = []
            for p in child.iter("{*}p"):
                _pieces(p, False, notes)
            text = _squeeze("".join(n.text for n in notes))
            out.append(Piece("", note=(child.get("marker", "").strip(), text)))
        elif name in ("eol", "br"):
            out.append(Piece(" ", italic))
        elif name:
            _pieces(child, italic or "italic" in child.get("class", ""), out)
        if child.tail:
            out.append(Piece(_layout_space(child.tail), italic))


def blocks(data: bytes) -> list[Block]:
    """The printed paragraphs of an AKN document, in reading order."""
    root = etree.fromstring(data)
    out: list[Block] = []
    for part in root.iter(*(f"{{*}}{name}" for name in _PARTS)):
        _walk(part, out, [""])
    return _join_lone_numbers(out)


def _join_lone_numbers(found: list[Block]) -> list[Block]:
    """A number alone in an empty paragraph is printed before the paragraph after it: the
    French and Spanish 79/1 and the French 79/323 hold "<num>6.</num>" with an empty <p>,
    then "Nous savons ..." unnumbered (as the AKN reader reads them: ``join_lone_numbers``)."""
    out: list[Block] = []
    for block in found:
        before = out[-1] if out else None
        if (
            before is not None
            and before.number
            and before.rows is None
            and not any(piece.note or piece.text.strip() for piece in before.pieces)
            and block.rows is None
            and not block.number
            and any(piece.text.strip() for piece in block.pieces)
        ):
            block.number = before.number
            out[-1] = block
        else:
            out.append(block)
    return out


def _walk(element: Any, out: list[Block], number: list[str]) -> None:
    for child in element:
        name = _local(child)
        if name == "num":
            number[0] = _words(child)
        elif name == "table":
            rows = [[_words(cell) for cell in row if _local(cell)] for row in child.iter("{*}tr")]
            out.append(Block(rows=rows))
        elif name == "p" and any(_local(c) in ("docNumber", "docTitle") for c in child):
            _walk(child, out, number)
        elif name in _BLOCKS:
            if number[0] and name in ("heading", "subheading"):
                # a part's number is printed on a line of its own, above its heading
                out.append(Block(pieces=[Piece(number[0])]))
                number[0] = ""
            pieces: list[Piece] = []
            _pieces(child, False, pieces)
            bold = name == "docTitle"
            out.append(Block(number=number[0], pieces=pieces, bold=bold))
            number[0] = ""
        elif name and name != "authorialNote":
            _walk(child, out, number)


# -- plain text ---------------------------------------------------------------------------


def akn_to_text(data: bytes) -> str:
    chunks: list[str] = []
    for block in blocks(data):
        if block.rows is not None:
            chunks.append("\n".join("\t".join(row) for row in block.rows))
            continue
        parts, notes = [], []
        for piece in block.pieces:
            if piece.note:
                marker, text = piece.note
                parts.append(marker.translate(_SUPER))
                notes.append(f"{marker.translate(_SUPER)} {text}")
            elif piece.italic and piece.text.strip():
                parts.append(f"*{piece.text}*")
            else:
                parts.append(piece.text)
        text = "".join(parts).replace("**", "").strip(" \n")
        if not text:
            continue
        chunks.append(f"{block.number}\t{text.lstrip()}" if block.number else text)
        chunks.extend(notes)
    return "\n\n".join(chunks) + "\n"


# -- Word ---------------------------------------------------------------------------------


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _run(parent: Any, text: str, italic: bool = False, bold: bool = False) -> None:
    run = etree.SubElement(parent, _q("r"))
    if italic or bold:
        rpr = etree.SubElement(run, _q("rPr"))
        if bold:
            etree.SubElement(rpr, _q("b"))
        if italic:
            etree.SubElement(rpr, _q("i"))
    for index, piece in enumerate(text.split("\t")):
        if index:
            etree.SubElement(run, _q("tab"))
        if piece:
            node = etree.SubElement(run, _q("t"))
            node.text = piece
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _note_run(parent: Any, note_id: int) -> None:
    run = etree.SubElement(parent, _q("r"))
    rpr = etree.SubElement(run, _q("rPr"))
    etree.SubElement(rpr, _q("vertAlign"), {_q("val"): "superscript"})
    etree.SubElement(run, _q("footnoteReference"), {_q("id"): str(note_id)})


def akn_to_docx(data: bytes) -> bytes:
    import docx

    document = docx.Document()
    body = document.element.body
    end = body[-1]  # w:sectPr
    notes: list[str] = []
    first_marker = ""
    for block in blocks(data):
        if block.rows is not None:
            width = max((len(row) for row in block.rows), default=1)
            table = document.add_table(rows=len(block.rows), cols=max(width, 1))
            for row, cells in zip(table.rows, block.rows, strict=True):
                for cell, text in zip(row.cells, cells, strict=False):
                    cell.paragraphs[0].add_run(text)
            end.addprevious(table._tbl)
            continue
        p = etree.Element(_q("p"))
        pieces = [piece for piece in block.pieces if piece.note or piece.text]
        while pieces and not pieces[0].note and not pieces[0].text.strip(" \n"):
            pieces.pop(0)
        if not pieces:
            continue
        if block.number:  # the number, a tab and the first words in one run
            first = pieces[0]
            if first.note is None and not first.italic:
                _run(p, f"{block.number}\t{first.text.lstrip()}", bold=block.bold)
                pieces = pieces[1:]
            else:
                _run(p, f"{block.number}\t")
        for piece in pieces:
            if piece.note:
                first_marker = first_marker or piece.note[0]
                notes.append(piece.note[1])
                _note_run(p, len(notes))
            else:
                _run(p, piece.text, piece.italic, block.bold)
        end.addprevious(p)
    if notes:
        _footnotes(document, notes)
        if first_marker.isdigit() and int(first_marker) > 1:
            # Word numbers from here, as the document does (78/262 starts at 2)
            settings = etree.Element(_q("footnotePr"))
            etree.SubElement(settings, _q("numStart"), {_q("val"): first_marker})
            end.insert(0, settings)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _footnotes(document: Any, notes: list[str]) -> None:
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    root = etree.Element(_q("footnotes"), nsmap={"w": W})
    for special, note_id in (("separator", "-1"), ("continuationSeparator", "0")):
        note = etree.SubElement(root, _q("footnote"), {_q("type"): special, _q("id"): note_id})
        etree.SubElement(etree.SubElement(etree.SubElement(note, _q("p")), _q("r")), _q(special))
    for number, text in enumerate(notes, start=1):
        note = etree.SubElement(root, _q("footnote"), {_q("id"): str(number)})
        p = etree.SubElement(note, _q("p"))
        run = etree.SubElement(p, _q("r"))
        rpr = etree.SubElement(run, _q("rPr"))
        etree.SubElement(rpr, _q("vertAlign"), {_q("val"): "superscript"})
        etree.SubElement(run, _q("footnoteRef"))
        _run(p, "\t" + text)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    relation = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
    part = Part(PackURI("/word/footnotes.xml"), content_type, blob, document.part.package)
    document.part.relate_to(part, relation)
