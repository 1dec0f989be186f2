"""Reader for UN Akoma Ntoso (AKN4UN) XML, the form of the UN's machine-readable
resolutions (UNxml/GAresolutions, UNxml/SCresolutions). Mapping: docs/akn.md.

Labels come from the printed ``<num>`` only: the files' eIds do not follow the
numbering. The parser is locked down (no network, no entity expansion, no huge
trees) because drafts arrive by e-mail from anyone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import InputError
from ..labels import assign_labels
from ..model import Draft, Footnote, Kind, Paragraph
from . import akn_languages as languages
from . import akn_repair as repair
from .akn_meta import all_text, children, local, meta_children, normalize, read_meta
from .akn_meta import split_sponsors as split_sponsors
from .akn_text import (
    Inline,
    add_note,
    clean_number,
    gather,
    make_paragraph,
    prefixed,
    take_number,
    typed_number_of,
    unique_notes,
)

if TYPE_CHECKING:
    from lxml.etree import _Element

#: Elements that group body blocks under a numbered heading.
_HIERARCHY = {
    "section",
    "part",
    "chapter",
    "title",
    "subsection",
    "division",
    "book",
    "subpart",
    "subtitle",
    "subchapter",
    "article",
    "clause",
    "hcontainer",
    "tblock",
}
_HEADINGS = {"heading", "subheading", "crossHeading"}

#: Element names whose text is not part of the draft (running furniture, metadata).
_SKIPPED = {"meta", "coverPage", "conclusions", "attachments", "components", "collectionBody"}

# -- parsing ----------------------------------------------------------------------


def parse_xml(data: bytes, name: str) -> _Element:
    """Parse untrusted XML safely; one clear error line for anything else than AKN."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position
        message = str(error.msg or error).split(", line ")[0]
        raise InputError(
            f"{name}: not well-formed XML (line {line}, column {column}: {message})"
        ) from None
    dtd = root.getroottree().docinfo.internalDTD if root is not None else None
    entities = list(dtd.iterentities()) if dtd is not None else []  # type: ignore[union-attr]
    if entities:
        raise InputError(f"{name}: XML that declares entities is refused (AKN files declare none)")
    if root is None or local(root) != "akomaNtoso":
        shown = local(root) if root is not None else "?"
        raise InputError(f"{name}: XML but not Akoma Ntoso (root element <{shown}>)")
    return root


def read_akn(data: bytes, name: str = "<input>") -> tuple[Draft, list[str]]:
    """Read one AKN4UN document into a :class:`Draft` (and warnings)."""
    root = parse_xml(data, name)
    document = next((c for c in root if local(c)), None)
    if document is None:
        raise InputError(f"{name}: Akoma Ntoso file with no document inside")
    meta = read_meta(document)
    reader = _Reader(name)
    reader.language = meta.language
    # A file redraft wrote has exact structure: the repairs for UN markup stay off.
    reader.repair = not any(
        local(p) == "proprietary" and p.get("source") == "#redraft" for p in meta_children(document)
    )
    blocks = reader.document(document, root)
    if not blocks:
        raise InputError(f"{name}: Akoma Ntoso file with no text (no preamble or body)")
    return Draft(meta=meta, blocks=assign_labels(tuple(blocks))), reader.warnings


# -- structure ----------------------------------------------------------------------


class _Reader:
    """Walks a document's preface, preamble and body, collecting blocks and warnings."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.warnings: list[str] = []
        self.language = ""
        #: ids of paragraphs whose number is typed in their text ("(a)<TAB>..."), not in <num>
        self.typed: set[int] = set()
        #: the same paragraphs as unnumbered text, for a typed "26" that does not follow "25."
        self.untyped: dict[int, Paragraph] = {}
        self.repair = True  # fix what UN markup forgot: typed numbers, misplaced sub-paragraphs

    def make(
        self, kind: Kind, inline: Inline, number: str = "", kids: Iterable[Paragraph] = ()
    ) -> Paragraph:
        return make_paragraph(kind, inline, number, kids, bold=self.language == "zh")

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def document(self, document: _Element, root: _Element) -> list[Paragraph]:
        blocks = self.parts(document)
        components = next(root.iter("{*}components"), None)
        for component in children(components) if components is not None else []:
            for inner in children(component):
                blocks.extend(self.parts(inner))
        for attachment in document.iter("{*}attachment"):
            for inner in children(attachment):
                blocks.extend(self.parts(inner))
        return blocks

    def parts(self, document: _Element) -> list[Paragraph]:
        blocks: list[Paragraph] = []
        operatives: list[Paragraph] = []  # the operative part, when the preamble holds it
        for part in children(document):
            name = local(part)
            if name == "preface":
                blocks.extend(self.preface(part))
            elif name == "preamble":
                found = self.preamble(part)
                follows = languages.body_opens_with_item(document)
                start = languages.operative_tail(found, follows) if self.repair else len(found)
                blocks.extend(found[:start])
                operatives = languages.split_operatives(found[start:])
            elif name in ("mainBody", "body"):
                found = self.body(part, operatives)
                operatives = []
                blocks.extend(repair.preamble_in_body(found) if self.repair else found)
            elif name not in _SKIPPED:
                self.warn(f"{self.name}: <{name}> not read")
        return blocks + self.nest(operatives)

    def preface(self, preface: _Element) -> list[Paragraph]:
        """docNumber -> heading line, docTitle -> title; a note beside them joins the one before."""
        parts: list[tuple[Kind, Inline]] = []
        for element in preface.iter():
            name = local(element)
            if name in ("docNumber", "docTitle"):
                kind = Kind.DOC_HEADING if name == "docNumber" else Kind.TITLE
                parts.append((kind, gather([element])))
            elif (
                name == "authorialNote"
                and parts
                and not any(local(a) in ("docNumber", "docTitle") for a in element.iterancestors())
            ):
                add_note(parts[-1][1], element)
        blocks = [self.make(kind, inline) for kind, inline in parts]
        return [b for b in blocks if b.text]

    def preamble(self, preamble: _Element) -> list[Paragraph]:
        blocks = []
        for element in children(preamble):
            name = local(element)
            if name == "formula":
                blocks.append(self.make(Kind.FORMULA, gather(children(element, "p"))))
            elif name == "container" and element.get("name") == "table":
                blocks.extend(self.tables(element))
            elif name == "container":
                blocks.append(self.container(element))
            elif name in _HEADINGS:
                blocks.append(self.make(Kind.HEADING, gather([element])))
            elif name == "p":
                blocks.append(self.make(Kind.PREAMBULAR, gather([element])))
            else:
                self.warn(f"{self.name}: <{name}> in the preamble not read")
        return [b for b in blocks if b.text or b.children]

    def container(self, container: _Element) -> Paragraph:
        """A preambular paragraph; a blockList inside gives it numbered sub-items."""
        inline = Inline()
        kids: list[Paragraph] = []
        number = ""
        for element in children(container):
            if local(element) == "num":
                number = clean_number(all_text(element))
            elif local(element) == "blockList":
                for item in children(element):
                    if local(item) == "listIntroduction":
                        number = number or take_number(item)
                        gather([item], inline)
                    elif local(item) == "item":
                        kids.append(self.item(item))
            elif local(element) == "table":
                kids.append(self.table(element))
            else:
                if not inline.parts:
                    number = number or take_number(element)
                gather([element], inline)
        return self.make(Kind.PREAMBULAR, inline, number, kids)

    def item(self, item: _Element) -> Paragraph:
        number = ""
        inline = Inline()
        kids: list[Paragraph] = []
        for element in children(item):
            if local(element) == "num":
                number = clean_number(all_text(element))
            elif local(element) == "blockList":
                kids.extend(self.item(i) for i in children(element, "item"))
            else:
                gather([element], inline)
        kind = Kind.OPERATIVE if number else Kind.TEXT
        return self.make(kind, inline, number, kids)

    # -- body ------------------------------------------------------------------

    def body(self, body: _Element, lead: Iterable[Paragraph] = ()) -> list[Paragraph]:
        """The blocks of a body (``lead``: operative paragraphs read before it)."""
        blocks: list[Paragraph] = list(lead)
        for element in children(body):
            name = local(element)
            if name == "paragraph":
                found = self.section_title(element) or self.paragraph(element)
                blocks.extend(repair.lift_headings(found) if self.repair else found)
            elif name in _HIERARCHY:
                blocks.extend(self.division(element))
            elif name in _HEADINGS:
                blocks.append(self.heading(element))
            elif name == "container" and element.get("name") == "table":
                self.attach_tables(blocks, self.tables(element))
            elif name == "table":
                self.attach_tables(blocks, [self.table(element)])
            elif name == "container" and element.get("refersTo") == "#preamble":
                blocks.append(self.container(element))
            elif name in ("p", "container", "blockContainer"):
                blocks.append(self.make(Kind.TEXT, gather([element])))
            elif name == "num":
                self.warn(f"{self.name}: a <num> outside any paragraph not read")
            else:
                self.warn(f"{self.name}: <{name}> in the body not read")
        if self.repair:
            blocks = languages.titles_under_numbers(languages.join_lone_numbers(blocks))
        return self.nest([b for b in blocks if b.text or b.children])

    def nest(self, blocks: list[Paragraph]) -> list[Paragraph]:
        """Paragraphs numbered in their text, "(a)<TAB>We commit...", are sub-paragraphs
        of the paragraph before them, as printed (the markup forgot their <num>)."""
        if not self.repair:
            return blocks
        out: list[Paragraph] = []
        notes = False  # in the notes under a table: "(أ)<TAB>See A/79/555." (79/255)
        for block in blocks:
            typed = id(block) in self.typed
            previous = out[-1] if out else None
            last_operative = next((b for b in reversed(out) if b.kind is Kind.OPERATIVE), None)
            notes = languages.table_note(block, notes, previous)
            if notes:
                block, typed = self.untyped.get(id(block)) or languages.as_text(block), False
            elif id(block) in self.untyped and block.number[:1].isdigit():
                if not repair.continues_numbering(last_operative, block.number):
                    block, typed = self.untyped[id(block)], False
            quoted = languages.quoted_item(previous, block) if previous else None
            block = quoted or block
            continued = repair.continue_with(previous, block) if previous else None
            if continued is None and self.language == "zh" and languages.plain_heading(block):
                block = replace(block, kind=Kind.HEADING, opening="")  # printed without bold
            if typed and repair.joins_mixed_list(out, block):
                continue
            chinese = languages.under_chinese_item(previous, block)
            if chinese is not None:
                out[-1] = chinese
            elif previous is not None and repair.belongs_under(previous, block, typed):
                out[-1] = repair.place(previous, block)
            elif continued is not None:
                out[-1] = continued
            elif not (block.kind is Kind.OPERATIVE and repair.resume_list(out, block)):
                out.append(block)
        return out

    def heading(self, element: _Element) -> Paragraph:
        if element.get("refersTo") == "#preamble":  # a preambular paragraph inside a section
            return self.make(Kind.PREAMBULAR, gather([element]))
        return self.make(Kind.HEADING, gather([element]))

    def division(self, division: _Element) -> list[Paragraph]:
        """A section, part or title: its number and heading make one heading block
        ("A. Base/floor salary scale", printed on one line), but a part number printed
        on a line of its own ("I", then "Enterprise resource planning project, Umoja")
        is a heading of its own, as docs/labels.md says and the text reader reads it."""
        number = ""
        rest: list[_Element] = []
        heads: list[_Element] = []
        for element in children(division):
            name = local(element)
            if name == "num" and not heads:
                number = normalize(all_text(element))
            elif name in ("heading", "subheading") and not rest:
                heads.append(element)
            else:
                rest.append(element)
        blocks: list[Paragraph] = []
        if repair.PART_NUMBER.fullmatch(number):
            blocks.append(Paragraph(kind=Kind.HEADING, text=number))
            number = ""
        if heads:
            blocks.append(self.make(Kind.HEADING, prefixed(number, gather(heads[:1]))))
            blocks.extend(self.make(Kind.HEADING, gather([h])) for h in heads[1:])
        elif number:
            blocks.append(Paragraph(kind=Kind.HEADING, text=number))
        wrapper = division.makeelement(division.tag, {})
        for element in rest:
            wrapper.append(element)  # moves the element: the tree is ours alone
        return blocks + self.body(wrapper)

    def section_title(self, paragraph: _Element) -> list[Paragraph]:
        """A body paragraph the UN's files use as a heading (a part number "I" alone, a
        title, "XI." + a bold title: see ``akn_repair.section_number``) as one HEADING
        block; [] if it is not one. redraft's own files say HEADING explicitly."""
        plain = self.language == "zh"  # Chinese prints its titles without bold
        number = repair.section_number(paragraph, plain) if self.repair else None
        if number is None:
            return []
        inline = gather(e for e in children(paragraph) if local(e) != "num")
        if not inline.text and not number:  # "<p><num>XIII</num></p>" in class "H23"
            text = normalize(all_text(paragraph))
            return [Paragraph(kind=Kind.HEADING, text=text)] if repair.is_title_text(text) else []
        if not repair.is_title_text(inline.text):
            return []
        return [self.make(Kind.HEADING, prefixed(number, inline))]

    def attach_tables(self, blocks: list[Paragraph], tables: list[Paragraph]) -> None:
        """A table right after an operative paragraph that ends with a colon is its own."""
        last = blocks[-1] if blocks else None
        if last is not None and last.kind is Kind.OPERATIVE and repair.ends_with_colon(last.text):
            blocks[-1] = last.with_children(last.children + tuple(tables))
        else:
            blocks.extend(tables)

    def paragraph(self, paragraph: _Element) -> list[Paragraph]:
        """A body paragraph: num, content or list (intro + points), or a bare heading."""
        number = ""
        inline = Inline()
        kids: list[Paragraph] = []
        headings: list[Paragraph] = []
        for element in children(paragraph):
            name = local(element)
            if name == "num":
                number = clean_number(all_text(element))
            elif name in ("content", "intro", "wrapUp"):
                self.content(element, inline, kids)
            elif name in ("list", "sublist"):
                kids.extend(self.list_items(element, inline))
            elif name in ("point", "paragraph", "subparagraph"):
                kids.extend(self.paragraph(element))
            elif name in _HEADINGS:
                headings.append(self.heading(element))
            elif name == "container" and element.get("name") == "table":
                kids.extend(self.tables(element))
            elif name == "table":
                kids.append(self.table(element))
            else:
                gather([element], inline)
        if not number and not inline.text and (not kids or _all_tables(kids)):
            return headings + kids  # a point that only holds a heading or a table
        untouched = list(inline.parts)
        typed = "" if number or not self.repair else typed_number_of(inline)
        opens = (number or typed) and self.repair and not typed[:1].isdigit()
        inner = typed_number_of(inline, first=True) if opens else ""
        if opens and not inner and languages.CJK_PAREN.match(number or typed):
            inner = languages.take_first_item(inline.parts)  # "㈠ 1. 明知 ..." (79/243)
        if inner:  # "(a) (i)<TAB>The conversion ...": (a) opens with its sub-item (i)
            kids = [self.make(Kind.OPERATIVE, inline, inner, kids)]
            inline = Inline()
        kind = Kind.OPERATIVE if number or typed else Kind.TEXT
        block = self.make(kind, inline, number or typed, kids)
        if typed:
            self.typed.add(id(block))
        if typed:  # a typed "26" is read only if it continues the numbering (see nest)
            inline.parts = untouched
            self.untyped[id(block)] = self.make(Kind.TEXT, inline, "", kids)
        return headings + [block]

    def content(self, content: _Element, inline: Inline, kids: list[Paragraph]) -> None:
        """The first text of a paragraph is its own; later <p> become unnumbered children."""
        for element in children(content):
            name = local(element)
            if name == "table":
                kids.append(self.table(element))
            elif name in ("list", "sublist", "blockList"):
                kids.extend(self.list_items(element, inline))
            elif not inline.parts or not inline.text:
                gather([element], inline)
            else:
                kids.append(self.make(Kind.TEXT, gather([element])))

    def list_items(self, lst: _Element, inline: Inline) -> list[Paragraph]:
        """Points of a list; the intro text belongs to the paragraph that holds the list."""
        kids: list[Paragraph] = []
        for element in children(lst):
            name = local(element)
            if name in ("intro", "listIntroduction"):
                if inline.text:
                    kids.append(self.make(Kind.TEXT, gather([element])))
                else:
                    gather([element], inline)
            elif name in ("point", "item", "paragraph"):  # "A." + a bold title: a heading
                kids.extend(self.section_title(element) or self.paragraph(element))
            elif name in ("wrapUp", "listWrapUp", "p"):
                kids.append(self.make(Kind.TEXT, gather([element])))
            elif name == "table":
                kids.append(self.table(element))
            elif name in _HEADINGS:
                kids.append(self.heading(element))
            elif name in ("list", "sublist", "blockList"):
                # A sublist after a point holds that point's sub-points: (b) then (i), (ii).
                inner = self.list_items(element, Inline())
                if kids and inner and languages.continues_sequence(kids[-1], inner[0]):
                    kids.extend(inner)  # the Russian 79/136: "с)" then a sublist "d)", "e)"
                elif kids and kids[-1].number:
                    kids[-1] = kids[-1].with_children(kids[-1].children + tuple(inner))
                else:
                    kids.extend(inner)
        # a typed "26<TAB>" is an operative number only at the top level (see nest)
        kids = [self.untyped.get(id(k), k) if k.number[:1].isdigit() else k for k in kids]
        return [k for k in kids if k.text or k.children]

    # -- tables ----------------------------------------------------------------

    def tables(self, container: _Element) -> list[Paragraph]:
        found = [self.table(t) for t in container.iter("{*}table")]
        return [t for t in found if t.text]

    def table(self, table: _Element) -> Paragraph:
        """Rows separated by newlines, cells by tabs; notes in cells go to the table."""
        rows: list[str] = []
        notes: list[Footnote] = []
        for row in table.iter("{*}tr"):
            cells = []
            for cell in children(row, "td", "th"):
                inline = gather([cell])
                cells.append(inline.text.replace("\t", " "))
                notes.extend(inline.notes)
            if any(cells):  # rows of empty cells are spacing in the layout
                rows.append("\t".join(cells))
        return Paragraph(
            kind=Kind.TABLE, text="\n".join(rows), footnotes=tuple(unique_notes(notes))
        )


def _all_tables(blocks: list[Paragraph]) -> bool:
    return all(b.kind is Kind.TABLE for b in blocks)
