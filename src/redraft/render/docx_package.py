"""The Word package around a document's body, assembled without re-reading a template.

python-docx opens its default template for every document: a 440 KB styles part
parsed, serialised and compressed again, 80 ms of the 90 a draft's Word file took,
and most of ``redraft report`` on a session. Here the template is read once per
process: the parts no document changes are kept compressed, the styles part is kept
as a compressed head to which each document appends only the UN styles it uses
(their XML made once by python-docx itself, so they are what it would write), and
settings, core properties, header, footnotes and relationships are small parts
filled per document. The zip is written with a fixed timestamp: the same draft gives
the same bytes, so a report written twice is the same, and Word files can be cached.
"""

from __future__ import annotations

import copy
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..formats import META_VARIABLE, NUMBER_STYLE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DC = "http://purl.org/dc/elements/1.1/"
HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
HEADER_RT = R + "/header"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_RT = R + "/footnotes"
#: The comment standing for a copied paragraph (:meth:`.docx.WordBuilder.copy_paragraph`);
#: no text can make it (XML writes a text's "<" as "&lt;").
KEPT_MARK = "redraft-kept-"
_MARK = re.compile(b"<!--" + KEPT_MARK.encode() + rb"(\d+)-->")
LEVEL = 1  # zlib level of the parts each document fills: fast (the template's get 9, once)
#: Languages written right to left, and the locale Word's complex-script w:lang takes for
#: each: a draft in one of them is laid out right to left (:func:`bidi_language`).
RTL_LANGUAGES: dict[str, str] = {"ar": "ar-SA", "he": "he-IL", "fa": "fa-IR", "ur": "ur-PK"}


def _q(tag: str, ns: str = W) -> str:
    return f"{{{ns}}}{tag}"


@dataclass
class _Member:
    """A zip member, compressed (raw deflate)."""

    name: str
    data: bytes
    crc: int
    size: int


def _deflate(name: str, raw: bytes, level: int = LEVEL) -> _Member:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return _Member(name, compressor.compress(raw) + compressor.flush(), zlib.crc32(raw), len(raw))


@dataclass
class _Template:
    """python-docx's default template, read once, with the base styles of every draft."""

    static: list[_Member]  # parts no document changes
    styles_head: bytes  # compressed, ends with a sync flush: more blocks may follow
    styles_head_crc: int
    styles_head_size: int
    styles_tail: bytes  # b"</w:styles>"
    style_xml: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # name -> (id, XML)
    document: Any = None  # the w:document element, body emptied but for w:sectPr
    settings: Any = None
    core: Any = None
    header: Any = None  # default-header.xml's w:hdr
    content_types: Any = None
    doc_rels: Any = None
    block_width: int = 0
    scratch: Any = None  # a python-docx document in which new styles are made


@lru_cache(maxsize=1)
def _template() -> _Template:
    import os
    import zipfile

    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt
    from lxml import etree

    folder = os.path.join(os.path.dirname(docx.__file__), "templates")
    scratch = docx.Document()
    normal = scratch.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(10)
    scratch.styles.add_style(NUMBER_STYLE, WD_STYLE_TYPE.CHARACTER)
    styles = etree.tostring(
        scratch.styles.element, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    head, _, _ = styles.rpartition(b"</w:styles>")
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    packed_head = compressor.compress(head) + compressor.flush(zlib.Z_SYNC_FLUSH)
    filled = {
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "docProps/core.xml",
        "[Content_Types].xml",
        "word/_rels/document.xml.rels",
    }
    static = []
    with zipfile.ZipFile(os.path.join(folder, "default.docx")) as package:
        for info in package.infolist():
            if info.filename not in filled:
                static.append(_deflate(info.filename, package.read(info), 9))
        parts = {name: etree.fromstring(package.read(name)) for name in filled}
    document = parts["word/document.xml"]
    body: Any = document.find(_q("body"))
    for child in list(body)[:-1]:  # keep w:sectPr only
        body.remove(child)
    from docx.oxml.parser import parse_xml  # python-docx's element classes: the header
    # paragraph is filled through python-docx's own Paragraph, as before

    with open(os.path.join(folder, "default-header.xml"), "rb") as handle:
        header = parse_xml(handle.read())
    return _Template(
        static=static,
        styles_head=packed_head,
        styles_head_crc=zlib.crc32(head),
        styles_head_size=len(head),
        styles_tail=b"</w:styles>",
        style_xml={NUMBER_STYLE: (scratch.styles[NUMBER_STYLE].style_id, b"")},
        document=document,
        settings=parts["word/settings.xml"],
        core=parts["docProps/core.xml"],
        header=header,
        content_types=parts["[Content_Types].xml"],
        doc_rels=parts["word/_rels/document.xml.rels"],
        block_width=int(scratch._block_width),
        scratch=scratch,
    )


def style_xml(name: str, make: Callable[[Any, str], Any]) -> tuple[str, bytes]:
    """(style id, the XML of the style) of paragraph style ``name``: made once per process
    by ``make(styles, name)`` (python-docx's ``document.styles`` of a scratch document),
    which returns the new style."""
    from lxml import etree

    template = _template()
    found = template.style_xml.get(name)
    if found is None:
        style = make(template.scratch.styles, name)
        xml = etree.tostring(style.element, encoding="UTF-8")
        found = template.style_xml[name] = (str(style.style_id), xml)
    return found


def new_body() -> tuple[Any, Any]:
    """(w:body, w:sectPr) of a new document: paragraphs go before the sectPr."""
    body = copy.deepcopy(_template().document.find(_q("body")))
    return body, body[-1]


def block_width() -> int:
    """The width between the template's margins (EMU): what python-docx gives a table."""
    return _template().block_width


@dataclass
class Parts:
    """What one document sets beyond its body."""

    styles: list[str] = field(default_factory=list)  # names of the UN styles used, in order
    meta_json: str = ""
    author: str = ""
    title: str = ""
    language: str = ""
    subject: str = ""
    header_text: str = ""
    footnotes: bytes = b""
    kept: list[list[bytes]] = field(default_factory=list)  # copied paragraphs, per mark
    bidi_language: str = ""  # "ar-SA" when the document is right to left, else ""


def bidi_language(language: str) -> str:
    """Word's complex-script locale ("ar-SA") when ``language`` ("ar", "ar-EG") is written
    right to left, else "" (the document is left to right, as before)."""
    return RTL_LANGUAGES.get(language.strip().split("-")[0].split("_")[0].lower(), "")


def package(body: Any, parts: Parts) -> bytes:
    """The .docx file of ``body`` (a w:body element) with ``parts``."""
    from lxml import etree

    template = _template()
    members = list(template.static)
    types, rels, header_id = _relations(bool(parts.header_text), bool(parts.footnotes))
    sect = body[-1]
    if parts.header_text:
        reference = sect.makeelement(
            _q("headerReference"), {_q("type"): "default", _q("id", R): header_id}
        )
        sect.insert(0, reference)
        members.append(_header_member(parts.header_text))
    if parts.footnotes:
        members.append(_deflate("word/footnotes.xml", parts.footnotes))
    document = etree.Element(template.document.tag, nsmap=template.document.nsmap)
    for name, value in template.document.attrib.items():
        document.set(name, value)
    document.append(body)
    xml = _xml(document)
    if parts.kept:  # each mark of a copied paragraph replaced by its XML
        xml = _MARK.sub(lambda found: b"".join(parts.kept[int(found.group(1))]), xml)
    members.append(_deflate("word/document.xml", xml))
    members.append(_styles(tuple(parts.styles), parts.bidi_language))
    members.append(_settings_member(parts.meta_json))
    members.append(_core_member(parts.author, parts.title, parts.subject, parts.language))
    members.append(rels)
    members.insert(0, types)
    return _zip(members)


# The parts below depend only on their arguments: the redlines of one draft's versions
# share them, and each is made and compressed once (a fifth of a Word file's time).


@lru_cache(maxsize=4)
def _relations(header: bool, footnotes: bool) -> tuple[_Member, _Member, str]:
    """(content types, the document's relationships, the header's relationship id)."""
    template = _template()
    content_types = copy.deepcopy(template.content_types)
    rels = copy.deepcopy(template.doc_rels)
    next_id = 1 + max(int(r.get("Id", "rId0")[3:]) for r in rels)
    header_id = ""
    if header:
        header_id = f"rId{next_id}"
        next_id += 1
        _relate(rels, header_id, HEADER_RT, "header1.xml")
        _override(content_types, "/word/header1.xml", HEADER_CT)
    if footnotes:
        _relate(rels, f"rId{next_id}", FOOTNOTES_RT, "footnotes.xml")
        _override(content_types, "/word/footnotes.xml", FOOTNOTES_CT)
    types = _deflate("[Content_Types].xml", _xml(content_types))
    return types, _deflate("word/_rels/document.xml.rels", _xml(rels)), header_id


@lru_cache(maxsize=64)
def _header_member(text: str) -> _Member:
    return _deflate("word/header1.xml", _xml(_header(_template(), text)))


@lru_cache(maxsize=64)
def _settings_member(meta_json: str) -> _Member:
    return _deflate("word/settings.xml", _xml(_settings(_template(), meta_json)))


@lru_cache(maxsize=64)
def _core_member(author: str, title: str, subject: str, language: str) -> _Member:
    parts = Parts(author=author, title=title, subject=subject, language=language)
    return _deflate("docProps/core.xml", _xml(_core(_template(), parts)))


def _xml(element: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True))


def _relate(rels: Any, rel_id: str, kind: str, target: str) -> None:
    rels.append(
        rels.makeelement(_q("Relationship", RELS), {"Id": rel_id, "Type": kind, "Target": target})
    )


def _override(types: Any, part: str, content_type: str) -> None:
    types.append(
        types.makeelement(_q("Override", CT), {"PartName": part, "ContentType": content_type})
    )


@lru_cache(maxsize=64)
def _styles(names: tuple[str, ...], bidi: str = "") -> _Member:
    """The styles part with the UN styles ``names`` (each made before: its XML is fixed);
    right to left when ``bidi`` names a locale (:func:`_rtl_head`)."""
    template = _template()
    added = b"".join(template.style_xml[name][1] for name in names) + template.styles_tail
    head, head_crc = template.styles_head, template.styles_head_crc
    head_size = template.styles_head_size
    if bidi:
        added = _SIZE.sub(rb"\g<0><w:szCs\g<1>/>", added)  # complex script: same size
        head, head_crc, head_size = _rtl_head(bidi)
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    data = head + compressor.compress(added) + compressor.flush()
    crc = zlib.crc32(added, head_crc)
    return _Member("word/styles.xml", data, crc, head_size + len(added))


_SIZE = re.compile(rb"<w:sz( w:val=\"\d+\")/>(?!<w:szCs)")
_CS_FONT = b' w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'  # Arabic in the same font
_NORMAL = re.compile(
    rb'(<w:style w:type="paragraph" w:default="1" w:styleId="Normal">(?:(?!</w:style>).)*?)'
    rb"<w:rPr>(.*?)</w:rPr>",
    re.S,
)


@lru_cache(maxsize=4)
def _rtl_head(bidi: str) -> tuple[bytes, int, int]:
    """(compressed head, CRC, size) of the styles part of a right-to-left document: the
    Normal style, on which every UN style and the footnotes, tables and header are based,
    lays paragraphs out right to left (w:bidi) and runs as right-to-left text (w:rtl,
    Arabic in Times New Roman at the same size, w:lang w:bidi). One change in the base
    style keeps the paragraphs' XML as for any other language: the writers stay as fast."""
    template = _template()
    head = zlib.decompressobj(-15).decompress(template.styles_head)
    # schema order: pPr before rPr in a style; in rPr sz, szCs, rtl, lang (CT_RPr)
    tail = b'<w:rtl/><w:lang w:bidi="' + bidi.encode("ascii") + b'"/>'

    def rtl(found: re.Match[bytes]) -> bytes:
        rpr = found.group(2).replace(b' w:hAnsi="Times New Roman"/>', _CS_FONT)
        rpr = _SIZE.sub(rb"\g<0><w:szCs\g<1>/>", rpr)
        return found.group(1) + b"<w:pPr><w:bidi/></w:pPr><w:rPr>" + rpr + tail + b"</w:rPr>"

    head, count = _NORMAL.subn(rtl, head)
    if count != 1:
        raise RuntimeError("the template's Normal style has changed")  # a python-docx update
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    packed = compressor.compress(head) + compressor.flush(zlib.Z_SYNC_FLUSH)
    return packed, zlib.crc32(head), len(head)


def _settings(template: _Template, meta_json: str) -> Any:
    settings = copy.deepcopy(template.settings)
    variables = settings.makeelement(_q("docVars"), {})
    variables.append(
        settings.makeelement(_q("docVar"), {_q("name"): META_VARIABLE, _q("val"): meta_json})
    )
    anchor = settings.find(_q("rsids"))
    if anchor is not None:
        anchor.addprevious(variables)
    else:
        settings.append(variables)
    return settings


def _core(template: _Template, parts: Parts) -> Any:
    core = copy.deepcopy(template.core)
    for tag, value in (
        ("creator", parts.author),
        ("title", parts.title),
        ("subject", parts.subject),
        ("language", parts.language),
    ):
        element = core.find(_q(tag, DC))
        if element is None:
            if not value:
                continue
            element = core.makeelement(_q(tag, DC), {})
            core.append(element)
        element.text = value
    return core


def _header(template: _Template, text: str) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.text.paragraph import Paragraph

    header = copy.deepcopy(template.header)
    line = Paragraph(header.find(_q("p")), None)  # type: ignore[arg-type]  # no part needed
    line.text = text
    line.alignment = WD_ALIGN_PARAGRAPH.RIGHT  # where the UN prints the symbol
    return header


def _zip(members: list[_Member]) -> bytes:
    """A zip file of deflated members, every date 1980-01-01 (the zip epoch)."""
    out, central, offset = [], [], 0
    for member in members:
        name = member.name.encode("utf-8")
        fixed = (20, 0, 8, 0, 0x21, member.crc, len(member.data), member.size, len(name))
        local = struct.pack("<4s5H3L2H", b"PK\x03\x04", *fixed, 0) + name
        out += [local, member.data]
        central.append(
            struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fixed, 0, 0, 0, 0, 0, offset) + name
        )
        offset += len(local) + len(member.data)
    directory = b"".join(central)
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0
    )
    return b"".join(out) + directory + end
