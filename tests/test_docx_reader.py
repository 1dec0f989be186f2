"""The Word reader: documents built here with python-docx (real list numbering in
numbering.xml, Word footnotes, tables, tracked changes) and hostile files.

Case files (tests/cases/docx/*.case) describe a document line by line, then the
canonical text expected from it. Line prefixes: ``p:`` a plain paragraph, ``n0:`` /
``n1:`` / ``n2:`` a paragraph numbered automatically at that list level, ``t:`` a table
(rows separated by " / ", cells by tabs). Inline: ``*italic*``, ``{+inserted+}``,
``{-deleted-}`` (tracked), ``{P-}`` at the start (the whole paragraph deleted, tracked),
``[fn: text]`` (a Word footnote), ``[en: text]`` (a Word endnote).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redraft import canonical
from redraft.errors import InputError
from redraft.readers import read_bytes
from redraft.readers.docx import read_docx, read_docx_sides

CASES = Path(__file__).parent / "cases" / "docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
NOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}"
INLINE = re.compile(r"\{-(.*?)-\}|\{\+(.*?)\+\}|\*(.*?)\*|\[(fn|en): (.*?)\]|([^*{\[]+|.)")


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


class DocBuilder:
    """A Word document written the way Word writes one (not the way redraft does)."""

    def __init__(self) -> None:
        import docx
        from lxml import etree

        self.document = docx.Document()
        self.body = self.document.element.body
        self.notes = {}
        for kind in ("footnote", "endnote"):
            root = self.notes[kind] = etree.Element(_q(kind + "s"), nsmap={"w": W})
            for special, note_id in (("separator", "-1"), ("continuationSeparator", "0")):
                note = etree.SubElement(root, _q(kind), {_q("type"): special, _q("id"): note_id})
                run = etree.SubElement(etree.SubElement(note, _q("p")), _q("r"))
                etree.SubElement(run, _q(special))
        self.revision = 0
        self._numbering()

    def _numbering(self) -> None:
        from lxml import etree

        root = self.document.part.numbering_part.element
        abstract = etree.Element(_q("abstractNum"), {_q("abstractNumId"): "90"})
        for level, fmt, text in (
            (0, "decimal", "%1."),
            (1, "lowerLetter", "(%2)"),
            (2, "lowerRoman", "(%3)"),
        ):
            lvl = etree.SubElement(abstract, _q("lvl"), {_q("ilvl"): str(level)})
            etree.SubElement(lvl, _q("start"), {_q("val"): "1"})
            etree.SubElement(lvl, _q("numFmt"), {_q("val"): fmt})
            etree.SubElement(lvl, _q("lvlText"), {_q("val"): text})
        root.find(_q("num")).addprevious(abstract)
        num = etree.SubElement(root, _q("num"), {_q("numId"): "90"})
        etree.SubElement(num, _q("abstractNumId"), {_q("val"): "90"})

    def _change(self, tag: str) -> Any:
        from lxml import etree

        self.revision += 1
        return etree.Element(
            _q(tag),
            {_q("id"): str(self.revision), _q("author"): "EU", _q("date"): "2011-04-15T00:00:00Z"},
        )

    def paragraph(self, line: str, level: int | None) -> None:
        p = self.document.add_paragraph()._p
        deleted = line.startswith("{P-}")
        if deleted:
            line = line[4:]
            mark = p.makeelement(_q("rPr"), {})
            mark.append(self._change("del"))
            p.get_or_add_pPr().append(mark)
        if level is not None:
            numpr = p.makeelement(_q("numPr"), {})
            numpr.append(p.makeelement(_q("ilvl"), {_q("val"): str(level)}))
            numpr.append(p.makeelement(_q("numId"), {_q("val"): "90"}))
            p.get_or_add_pPr().append(numpr)
        self._inline(p, line, deleted)

    def _inline(self, p: Any, line: str, deleted: bool = False) -> None:
        wrapper = self._change("del") if deleted else None
        for match in INLINE.finditer(line):
            dele, ins, italic, which, note, plain = match.groups()
            if note is not None:
                run = self._note_ref(note, "footnote" if which == "fn" else "endnote")
            elif dele is not None or ins is not None:
                holder = self._change("del" if dele is not None else "ins")
                holder.append(self._run(dele or ins or "", deleted=dele is not None))
                p.append(holder)
                continue
            else:
                run = self._run(
                    italic if italic is not None else plain,
                    italic=italic is not None,
                    deleted=deleted,
                )
            (wrapper if wrapper is not None else p).append(run)
        if wrapper is not None:
            p.append(wrapper)

    def _run(self, text: str, italic: bool = False, deleted: bool = False) -> Any:
        from lxml import etree

        run = etree.Element(_q("r"))
        if italic:
            etree.SubElement(etree.SubElement(run, _q("rPr")), _q("i"))
        for index, piece in enumerate(text.split("\t")):
            if index:
                etree.SubElement(run, _q("tab"))
            t = etree.SubElement(run, _q("delText" if deleted else "t"))
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return run

    def _note_ref(self, text: str, kind: str) -> Any:
        from lxml import etree

        note_id = str(len(self.notes[kind]) - 1)
        note = etree.SubElement(self.notes[kind], _q(kind), {_q("id"): note_id})
        p = etree.SubElement(note, _q("p"))
        ref = etree.SubElement(p, _q("r"))
        etree.SubElement(
            etree.SubElement(ref, _q("rPr")), _q("vertAlign"), {_q("val"): "superscript"}
        )
        etree.SubElement(ref, _q(kind + "Ref"))
        p.append(self._run(" " + text))
        run = etree.Element(_q("r"))
        etree.SubElement(
            etree.SubElement(run, _q("rPr")), _q("vertAlign"), {_q("val"): "superscript"}
        )
        etree.SubElement(run, _q(kind + "Reference"), {_q("id"): note_id})
        return run

    def table(self, spec: str) -> None:
        rows = [row.split("\t") for row in spec.split(" / ")]
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                self._inline(cell.paragraphs[0]._p, text)

    def save(self) -> bytes:
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part
        from lxml import etree

        for kind, root in self.notes.items():
            if len(root) > 2:
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
                uri, content_type = PackURI(f"/word/{kind}s.xml"), NOTES_CT.format(kind + "s")
                part = Part(uri, content_type, blob, self.document.part.package)
                self.document.part.relate_to(part, NOTES_RT.format(kind + "s"))
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def build(lines: list[str]) -> bytes:
    builder = DocBuilder()
    for line in lines:
        prefix, _, rest = line.partition(": ")
        if prefix == "t":
            builder.table(rest)
        else:
            builder.paragraph(rest, None if prefix == "p" else int(prefix[1:]))
    return builder.save()


def load_case(path: Path) -> tuple[list[str], str]:
    """(input lines, expected canonical text) of one case file."""
    text = path.read_text(encoding="utf-8")
    head, _, expected = text.partition("[expected]\n")
    lines = [line for line in head.partition("[input]\n")[2].splitlines() if line.strip()]
    return lines, expected


@pytest.mark.parametrize("path", sorted(CASES.glob("*.case")), ids=lambda p: p.stem)
def test_case(path: Path) -> None:
    lines, expected = load_case(path)
    draft, _ = read_docx(build(lines), path.name)
    assert canonical.render(draft) == expected


def test_automatic_numbers_give_labels() -> None:
    lines, _ = load_case(CASES / "auto_numbering.case")
    draft, warnings = read_docx(build(lines), "auto.docx")
    assert warnings == []
    assert draft.labels()[-6:] == ["OP2", "OP2(a)", "OP2(b)", "OP2(b)(i)", "OP2(b)(ii)", "OP3"]
    assert draft.find("OP2").opening == "Urges"  # type: ignore[union-attr]


def test_tracked_changes_warn_with_the_count() -> None:
    lines, _ = load_case(CASES / "tracked.case")
    _, warnings = read_docx(build(lines), "t.docx")
    # {-all -}, {+Member +}, {+ now+}, and the deleted paragraph (mark + content)
    assert warnings == [
        "t.docx: 5 tracked revisions were pending; read with all accepted (current text)"
    ]


def test_both_sides_of_tracked_changes() -> None:
    lines, _ = load_case(CASES / "tracked.case")
    original, current, _ = read_docx_sides(build(lines), "t.docx")
    assert [p.text for p in original.operative()] == [
        "Urges all States to act;",
        "Invites partners to cooperate;",
        "Decides to remain seized.",
    ]
    assert [p.number for p in current.operative()] == ["1.", "2."]


def test_read_bytes_routes_docx() -> None:
    result = read_bytes(build(["p: *The General Assembly*,", "n0: *Decides* to act."]), "d.docx")
    assert result.format == "docx"
    assert result.draft.labels() == ["formula", "OP1"]


def test_symbol_from_a_table_in_the_first_page_header() -> None:
    import docx

    document = docx.Document(io.BytesIO(build(["p: *The General Assembly*,", "n0: *Decides*."])))
    section = document.sections[0]
    section.different_first_page_header_footer = True
    from docx.shared import Cm

    table = section.first_page_header.add_table(rows=1, cols=2, width=Cm(15))
    table.cell(0, 0).text = "United Nations"
    table.cell(0, 1).text = "A/C.3/66/L.5"
    buffer = io.BytesIO()
    document.save(buffer)
    draft, _ = read_docx(buffer.getvalue(), "h.docx")
    assert draft.meta.symbol == "A/C.3/66/L.5"


def test_paragraphs_inside_content_controls_are_read() -> None:
    from lxml import etree

    data = build(
        ["p: *The General Assembly*,", "n0: *Decides* to act;", "n0: *Requests* a report."]
    )
    import docx

    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    paragraphs = body.findall(_q("p"))
    sdt = etree.Element(_q("sdt"))
    content = etree.SubElement(sdt, _q("sdtContent"))
    paragraphs[1].addprevious(sdt)
    content.append(paragraphs[1])
    buffer = io.BytesIO()
    document.save(buffer)
    draft, _ = read_docx(buffer.getvalue(), "sdt.docx")
    assert [p.text for p in draft.operative()] == ["Decides to act;", "Requests a report."]


# -- hostile files ------------------------------------------------------------------


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, blob in members.items():
            archive.writestr(name, blob)
    return buffer.getvalue()


def _docx_members() -> dict[str, bytes]:
    data = build(["p: *The General Assembly*,"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_zip_bomb_is_refused() -> None:
    members = _docx_members()
    members["word/media/padding.xml"] = b"\0" * 5_000_000
    with pytest.raises(InputError, match="zip bomb"):
        read_bytes(_zip(members), "bomb.docx")


def test_entity_expansion_is_refused() -> None:
    members = _docx_members()
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + members["word/document.xml"].split(b"?>", 1)[1]
    )
    members["word/document.xml"] = evil
    with pytest.raises(InputError, match="DTD or XML entities"):
        read_bytes(_zip(members), "xxe.docx")


def test_entities_in_utf16_xml_are_refused() -> None:
    members = _docx_members()
    members["word/styles.xml"] = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY b "c">]><a/>'.encode("utf-16")
    )
    with pytest.raises(InputError, match="word/styles.xml declares a DTD"):
        read_bytes(_zip(members), "xxe16.docx")


def test_member_larger_than_its_header_says_is_refused() -> None:
    data = bytearray(_zip(_docx_members(), compression=zipfile.ZIP_STORED))
    # shrink the declared size of document.xml in its central directory entry
    entry = data.rfind(
        b"PK\x01\x02", 0, data.find(b"word/document.xml", data.find(b"PK\x01\x02")) + 1
    )
    size = int.from_bytes(data[entry + 24 : entry + 28], "little")
    data[entry + 24 : entry + 28] = (size // 2).to_bytes(4, "little")
    with pytest.raises(InputError, match="word/document.xml"):
        read_bytes(bytes(data), "liar.docx")


def test_renamed_zip_is_refused() -> None:
    with pytest.raises(InputError, match="not a Word document"):
        read_bytes(_zip({"notes.txt": b"hello"}), "renamed.docx")


def test_opendocument_is_named() -> None:
    data = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    with pytest.raises(InputError, match="OpenDocument"):
        read_bytes(data, "draft.docx")


def test_damaged_zip_is_refused() -> None:
    data = _zip(_docx_members())[:400]
    with pytest.raises(InputError, match="zip"):
        read_bytes(data, "cut.docx")


def test_encrypted_word_file_is_refused() -> None:
    # An encrypted .docx is an OLE compound file holding an EncryptionInfo stream.
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 500
        + "EncryptionInfo".encode("utf-16-le")
        + b"\0" * 500
    )
    with pytest.raises(InputError, match="password-protected"):
        read_docx(data, "secret.docx")


def test_old_binary_word_is_named() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "WordDocument".encode("utf-16-le")
    with pytest.raises(InputError, match=r"\.doc\b"):
        read_docx(data, "old.doc")


def test_hostile_file_through_the_cli(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from redraft.cli import cli

    members = _docx_members()
    members["word/document.xml"] = (
        b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + members["word/document.xml"]
    )
    path = tmp_path / "x.docx"
    path.write_bytes(_zip(members))
    result = CliRunner().invoke(cli, ["export", str(path), "--format", "md"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"redraft: error: {path}: word/document.xml declares a DTD or XML entities; "
        "refused for safety (XXE)"
    ]


def test_number_formats() -> None:
    from redraft.readers.docx_numbering import format_value

    assert [format_value(n, "lowerLetter") for n in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert [format_value(n, "lowerRoman") for n in (4, 9, 14, 40)] == ["iv", "ix", "xiv", "xl"]
    assert format_value(3, "upperRoman") == "III" and format_value(7, "decimal") == "7"
    assert format_value(2, "bullet") == ""


def test_numbering_from_the_paragraph_style_with_a_start_override() -> None:
    """Word's "List Number" way: the style carries the list; a second list instance
    restarts at 5 (startOverride); multi-level text "%1.%2"."""
    from lxml import etree

    builder = DocBuilder()
    root = builder.document.part.numbering_part.element
    abstract = etree.Element(_q("abstractNum"), {_q("abstractNumId"): "91"})
    for level, fmt, text in ((0, "upperRoman", "%1."), (1, "decimal", "%1.%2")):
        lvl = etree.SubElement(abstract, _q("lvl"), {_q("ilvl"): str(level)})
        etree.SubElement(lvl, _q("start"), {_q("val"): "1"})
        etree.SubElement(lvl, _q("numFmt"), {_q("val"): fmt})
        etree.SubElement(lvl, _q("lvlText"), {_q("val"): text})
    root.find(_q("num")).addprevious(abstract)
    for num_id, start in (("91", None), ("92", 5)):
        num = etree.SubElement(root, _q("num"), {_q("numId"): num_id})
        etree.SubElement(num, _q("abstractNumId"), {_q("val"): "91"})
        if start:
            override = etree.SubElement(num, _q("lvlOverride"), {_q("ilvl"): "0"})
            etree.SubElement(override, _q("startOverride"), {_q("val"): str(start)})
    from docx.enum.style import WD_STYLE_TYPE

    style = builder.document.styles.add_style("Agenda", WD_STYLE_TYPE.PARAGRAPH)
    numpr = etree.SubElement(style.element.get_or_add_pPr(), _q("numPr"))
    etree.SubElement(numpr, _q("numId"), {_q("val"): "91"})
    first = builder.document.add_paragraph("Opening of the session", style="Agenda")
    second = builder.document.add_paragraph("Adoption of the agenda", style="Agenda")
    sub = builder.document.add_paragraph("Election of officers", style="Agenda")
    sub_numpr = etree.SubElement(sub._p.get_or_add_pPr(), _q("numPr"))
    etree.SubElement(sub_numpr, _q("ilvl"), {_q("val"): "1"})
    restarted = builder.document.add_paragraph("Other matters", style="Agenda")
    restarted_numpr = etree.SubElement(restarted._p.get_or_add_pPr(), _q("numPr"))
    etree.SubElement(restarted_numpr, _q("numId"), {_q("val"): "92"})
    del first, second
    from redraft.readers.docx import _open, _Reader

    items = _Reader(_open(builder.save(), "x"), "current").items()
    assert [(i.number, i.depth) for i in items] == [("I.", 0), ("II.", 0), ("II.1", 1), ("V.", 0)]


@pytest.fixture(scope="module")
def sample_members() -> dict[str, bytes]:
    data = build(
        ["p: *The General Assembly*,", "p: *Noting* it,[fn: A/1.]", "n0: *Decides* {+now+}."]
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    member=st.sampled_from(
        [
            "word/document.xml",
            "word/footnotes.xml",
            "word/numbering.xml",
            "word/styles.xml",
            "word/_rels/document.xml.rels",
        ]
    ),
    cuts=st.lists(
        st.tuples(
            st.floats(0, 1),
            st.integers(1, 30),
            st.sampled_from([b"", b"<w:p>", b"</w:r>", b'"', b"\xff", b"<w:ins>"]),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_damaged_documents_give_input_errors(
    sample_members: dict[str, bytes], member: str, cuts: list[tuple[float, int, bytes]]
) -> None:
    """Whatever is damaged inside the package: a draft, or one InputError; never a crash."""
    members = dict(sample_members)
    blob = bytearray(members[member])
    for where, length, insert in cuts:
        at = int(where * (len(blob) - 1))
        blob[at : at + length] = insert
    members[member] = bytes(blob)
    try:
        read_docx(_zip(members), "damaged.docx")
    except InputError as error:
        assert str(error).startswith("damaged.docx: ")
