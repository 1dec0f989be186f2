"""Writer for UN Akoma Ntoso (AKN4UN) XML, shaped like the UN's own resolution files.

``read_akn(render_akn(d))`` gives back the text, numbers, openings, footnotes and
labels of ``d`` (tests/test_render_akn.py), and its metadata: the usual AKN places
(FRBR, workflow, cover page) carry what a reader of UN files expects, and a
``<proprietary source="#redraft">`` block carries every field exactly.
The mapping is documented in docs/akn.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..formats import REDRAFT_NS
from ..model import FOOTNOTE_REF, Draft, Footnote, Kind, Meta, Paragraph, ref_marker

if TYPE_CHECKING:
    from lxml.etree import _Element

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_LANG3 = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "zh": "zho", "ar": "ara"}
#: organ -> (FRBR body, TLC id, ontology name), as the UN's files write them.
_BODIES = {
    "General Assembly": ("unga", "ga", "generalAssembly"),
    "Security Council": ("unsc", "sc", "securityCouncil"),
    "Economic and Social Council": ("ecosoc", "ecosoc", "economicAndSocialCouncil"),
}
_DOC_NAMES = {"draft resolution": "draftResolution", "draft decision": "draftDecision"}
#: A symbol that can stand in the schema's URI-typed attributes ("A/79/L.9/Rev.1").
_SYMBOL = re.compile(r"[A-Za-z0-9/.()\-]+")
#: Characters XML 1.0 cannot hold (controls, surrogates, U+FFFE/FFFF): dropped on output.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

FRONT = frozenset({Kind.DOC_HEADING, Kind.TITLE})


def render_akn(draft: Draft) -> bytes:
    """``draft`` as an AKN4UN document (UTF-8 bytes with an XML declaration)."""
    from lxml import etree

    writer = _Writer(draft.meta)
    root = writer.element("akomaNtoso")
    documents = split_documents(draft.blocks)
    if len(documents) <= 1:
        statement = writer.statement(root, documents[0] if documents else [])
        writer.cover(statement)
    else:
        collection = writer.sub(root, "documentCollection", name="publication")
        writer.meta_block(collection)
        preface_only = all(b.kind in FRONT for b in documents[0])
        if preface_only:
            writer.preface(collection, documents.pop(0))
        refs = writer.sub(collection, "collectionBody")
        components = writer.sub(root, "components")
        for index, blocks in enumerate(documents, start=1):
            writer.sub(
                writer.sub(refs, "component"),
                "documentRef",
                eId=f"compRef_{index}",
                href=f"#comp_{index}",
                showAs=f"Part {index}",
            )
            component = writer.sub(components, "component", eId=f"comp_{index}")
            writer.statement(component, blocks)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def split_documents(blocks: tuple[Paragraph, ...]) -> list[list[Paragraph]]:
    """Blocks grouped into documents: a heading, title or formula that comes after
    preamble or body text (or after a formula) starts the next one (resolutions A and B)."""
    documents: list[list[Paragraph]] = []
    current: list[Paragraph] = []
    past_front = False  # does ``current`` hold anything beyond its preface?
    for block in blocks:
        if block.kind in FRONT | {Kind.FORMULA} and past_front:
            documents.append(current)
            current, past_front = [], False
        current.append(block)
        past_front = past_front or block.kind not in FRONT
    if current:
        documents.append(current)
    return documents


@dataclass
class _Writer:
    meta: Meta
    counters: dict[str, int] = field(default_factory=dict)

    # -- elements --------------------------------------------------------------

    def element(self, name: str) -> _Element:
        from lxml import etree

        nsmap: Any = {None: AKN_NS, "redraft": REDRAFT_NS}  # AKN the default, as the UN does
        return etree.Element(f"{{{AKN_NS}}}{name}", nsmap=nsmap)

    def sub(
        self, parent: _Element, tag: str, attrib: dict[str, str] | None = None, **attrs: str
    ) -> _Element:
        from lxml import etree

        return etree.SubElement(parent, f"{{{AKN_NS}}}{tag}", {**(attrib or {}), **attrs})

    def eid(self, prefix: str) -> str:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}_{self.counters[prefix]}"

    # -- documents -------------------------------------------------------------

    def statement(self, parent: _Element, blocks: list[Paragraph]) -> _Element:
        """One document; the schema wants a meta in each, even inside a collection."""
        name = _DOC_NAMES.get(self.meta.doc_type, self.meta.doc_type or "resolution")
        statement = self.sub(parent, "statement", name=name.replace(" ", ""))
        self.meta_block(statement)
        front = [b for b in blocks if b.kind in FRONT]
        if front:
            self.preface(statement, front)
        rest = [b for b in blocks if b.kind not in FRONT]
        split = next(
            (i for i, b in enumerate(rest) if b.kind not in (Kind.FORMULA, Kind.PREAMBULAR)),
            len(rest),
        )
        if split:
            preamble = self.sub(statement, "preamble")
            for block in rest[:split]:
                self.preamble_block(preamble, block)
        body = self.sub(statement, "mainBody")  # required, even when empty
        for block in rest[split:]:
            self.body_block(body, block)
        if not len(body):
            self.sub(body, "p")
        return statement

    def cover(self, statement: _Element) -> None:
        """The cover page holds the symbol, session and agenda item, as on the UN's files."""
        if not self.meta.symbol:
            return
        cover = self.element("coverPage")
        number = self.sub(
            self.sub(cover, "p", {"class": "upperRight"}), "docNumber", refersTo="#symbol"
        )
        number.text = _xml_text(self.meta.symbol)
        if self.meta.get("session"):
            session = self.sub(self.sub(cover, "p"), "session", value=self.meta.get("session"))
            session.text = f"Session {self.meta.get('session')}"
        if self.meta.get("agenda_item"):
            item = self.sub(
                self.sub(cover, "p"),
                "inline",
                name="agenda item",
                title=self.meta.get("agenda_item"),
            )
            item.text = f"Agenda item {self.meta.get('agenda_item')}"
        place = 1 if len(statement) and _local(statement[0]) == "meta" else 0
        statement.insert(place, cover)

    def preface(self, parent: _Element, blocks: list[Paragraph]) -> None:
        p = self.sub(self.sub(parent, "preface"), "p")
        for block in blocks:
            if block.kind is Kind.DOC_HEADING:
                self.inline(self.sub(p, "docNumber"), block)
            else:
                title = self.sub(p, "docTitle", refersTo="#resolutionTitle")
                self.inline(self.sub(title, "span", {"class": "bold"}), block)

    def preamble_block(self, preamble: _Element, block: Paragraph) -> None:
        if block.kind is Kind.FORMULA:
            formula = self.sub(preamble, "formula", name="enactingFormula", eId="formula_1")
            self.inline(self.sub(formula, "p"), block, opening=True)
        else:
            self.container(preamble, block)

    def container(self, parent: _Element, block: Paragraph, in_body: bool = False) -> None:
        """A preambular paragraph: <container>, its sub-items in a <blockList>."""
        attrs = {"name": block.opening or _first_word(block.text), "eId": self.eid("container")}
        if in_body:
            attrs["refersTo"] = "#preamble"
        container = self.sub(parent, "container", attrs)
        if not block.children:
            self.inline(self.numbered(self.sub(container, "p"), block), block, opening=True)
            return
        block_list = self.sub(container, "blockList")
        intro = self.numbered(self.sub(block_list, "listIntroduction"), block)
        self.inline(intro, block, opening=True)
        for child in block.children:
            self.item(block_list, child)

    def numbered(self, element: _Element, block: Paragraph) -> _Element:
        """A preambular paragraph's negotiation number ("2bis"): a container has no <num>
        in the schema, so it opens the text as ``<inline name="paragraphNumber">``."""
        if block.number:
            number = self.sub(element, "inline", name="paragraphNumber")
            number.text = _xml_text(block.number)
            number.tail = " "
        return element

    def item(self, block_list: _Element, block: Paragraph) -> None:
        item = self.sub(block_list, "item")
        if block.number:
            self.sub(item, "num").text = _xml_text(block.number)
        self.inline(self.sub(item, "p"), block, opening=True)
        if block.children:
            inner = self.sub(item, "blockList")
            for child in block.children:
                self.item(inner, child)

    # -- body ------------------------------------------------------------------

    def body_block(self, body: _Element, block: Paragraph) -> None:
        kind = block.kind
        if kind is Kind.PREAMBULAR:  # (the UN's crossHeading is valid in sections only)
            self.container(body, block, in_body=True)
        elif kind is Kind.HEADING:
            paragraph = self.sub(body, "paragraph", {"class": "H23"}, eId=self.eid("para"))
            self.inline(self.sub(paragraph, "subheading"), block)
        elif kind is Kind.TABLE:
            self.table(self.sub(body, "container", name="table", eId=self.eid("container")), block)
        elif kind is Kind.FORMULA:  # a second formula inside one body: keep its words
            self.inline(self.sub(self.sub(body, "paragraph"), "content"), block)
        elif _tables_follow(block):  # as the UN does: the table right after its paragraph
            self.paragraph(body, block.with_children(()), "paragraph")
            for table in block.children:
                self.body_block(body, table)
        else:
            self.paragraph(body, block, "paragraph")

    def paragraph(self, parent: _Element, block: Paragraph, tag: str) -> None:
        """paragraph or point: num, then content, or list (intro + points) with children."""
        attrs = {"class": "SingleTxt"} if tag == "paragraph" else {}
        element = self.sub(parent, tag, attrs, eId=self.eid("para" if tag == "paragraph" else tag))
        if block.number:
            self.sub(element, "num").text = _xml_text(_printed_number(block.number, self.meta))
        if not block.children:
            self.inline(self.sub(self.sub(element, "content"), "p"), block, opening=True)
            return
        lst = self.sub(element, "list")
        self.inline(self.sub(self.sub(lst, "intro"), "p"), block, opening=True)
        for child in block.children:
            self.list_child(lst, child)

    def list_child(self, lst: _Element, block: Paragraph) -> None:
        """Every child is a <point> (a list holds only points): numbered, or holding an
        unnumbered text, a table or a heading."""
        if block.kind is Kind.TABLE:
            self.table(self.sub(self.sub(lst, "point", eId=self.eid("point")), "content"), block)
        elif block.kind is Kind.HEADING:
            point = self.sub(lst, "point", eId=self.eid("point"))
            self.inline(self.sub(point, "subheading"), block)
        else:
            self.paragraph(lst, block, "point")

    def table(self, parent: _Element, block: Paragraph) -> None:
        """Rows from lines, cells from tabs; each cited note goes into its cell."""
        table = self.sub(parent, "table", eId=self.eid("table"))
        notes = list(block.footnotes)
        for row in block.text.split("\n"):
            tr = self.sub(table, "tr")
            for cell in row.split("\t"):
                p = self.sub(self.sub(tr, "td"), "p")
                notes = self.write_text(p, cell, notes)
        self.orphan_notes(table[-1][-1][-1] if len(table) else table, notes)

    # -- text ------------------------------------------------------------------

    def inline(self, element: _Element, block: Paragraph, opening: bool = False) -> None:
        """Text with the opening in an italic span and footnotes as authorialNote."""
        text = block.text
        notes = list(block.footnotes)
        if opening and block.opening and text.startswith(block.opening):
            span = self.sub(element, "span", {"class": self.opening_style()})
            span.text = _xml_text(block.opening)
            text = text[len(block.opening) :]
        notes = self.write_text(element, text, notes)
        self.orphan_notes(element, notes)

    def opening_style(self) -> str:
        return {"zh": "bold", "ar": "bold italic"}.get(self.meta.language, "italic")

    def write_text(self, element: _Element, text: str, notes: list[Footnote]) -> list[Footnote]:
        """Append ``text`` to ``element``; references to ``notes`` become notes in place.
        Returns the notes not cited."""
        by_marker = {n.marker: n for n in notes}
        position = 0
        for match in FOOTNOTE_REF.finditer(text):
            note = by_marker.pop(ref_marker(match.group(0)), None)
            if note is None:
                continue  # a superscript that is no reference (or a second citation): text
            _append(element, text[position : match.start()])
            self.note(element, note)
            position = match.end()
        _append(element, text[position:])
        return [n for n in notes if n.marker in by_marker]

    def orphan_notes(self, element: _Element, notes: list[Footnote]) -> None:
        """Notes whose reference is missing from the text are placed at its end."""
        for note in notes:
            self.note(element, note)

    def note(self, element: _Element, note: Footnote) -> None:
        holder = self.sub(
            element,
            "authorialNote",
            marker=note.marker,
            placement="bottom",
            eId=self.eid("authorialNote"),
        )
        self.sub(holder, "p").text = _xml_text(note.text)

    # -- metadata --------------------------------------------------------------

    def meta_block(self, parent: _Element) -> None:
        from lxml import etree

        meta = self.meta
        body, author, ontology = _BODIES.get(meta.organ, ("un", "organ", "organ"))
        number = meta.symbol.replace("/", "-").strip("-") or "draft"
        date = meta.date or "0001-01-01"
        uri = f"/akn/un/statement/deliberation/{body}/{date}/{number}/"
        lang = _LANG3.get(meta.language, meta.language)
        element = self.sub(parent, "meta")
        ident = self.sub(element, "identification", source="#redraft")
        for level, this, event in (
            ("FRBRWork", uri, "adoption"),
            ("FRBRExpression", f"{uri}{lang}@/", "publication"),
            ("FRBRManifestation", f"{uri}{lang}@.xml", "markup"),
        ):
            frbr = self.sub(ident, level)
            self.sub(frbr, "FRBRthis", value=this)
            self.sub(frbr, "FRBRuri", value=this)
            self.sub(frbr, "FRBRdate", date=date, name=event)
            self.sub(frbr, "FRBRauthor", {"href": f"#{author}", "as": "author"})
            if level == "FRBRWork":
                self.sub(frbr, "FRBRcountry", value="un")
            if level == "FRBRExpression":
                self.sub(frbr, "FRBRlanguage", language=lang)
        self.workflow(element)
        refs = self.sub(element, "references", source="#redraft")
        self.sub(
            refs,
            "TLCOrganization",
            eId="redraft",
            showAs="redraft",
            href="/akn/ontology/organization/redraft",
        )
        if meta.organ:
            self.sub(
                refs,
                "TLCOrganization",
                eId=author,
                showAs=_xml_text(meta.organ),
                href=f"/akn/ontology/organization/un/{ontology}",
            )
        proprietary = self.sub(element, "proprietary", source="#redraft")
        for key, value in _meta_fields(meta):
            etree.SubElement(
                proprietary, f"{{{REDRAFT_NS}}}meta", {"key": key, "value": _xml_text(value)}
            )

    def workflow(self, parent: _Element) -> None:
        meta = self.meta
        if not (meta.sponsors or meta.get("draft_symbol") or meta.get("outcome")):
            return
        flow = self.sub(parent, "workflow", source="#un")
        by = _xml_text(join_sponsors(meta.sponsors))
        attrs = {
            "date": meta.get("draft_date") or meta.date or "0001-01-01",
            "outcome": "draftResolution",
            # `by` is an anyURI in the schema: a colon there would make it a scheme
            "by": "" if ":" in by else by,
        }
        if _SYMBOL.fullmatch(meta.get("draft_symbol")):
            attrs["as"] = meta.get("draft_symbol")
        self.sub(flow, "step", attrs)
        if meta.get("outcome"):
            step = {"date": meta.date or "0001-01-01", "outcome": meta.get("outcome"), "by": ""}
            if _SYMBOL.fullmatch(meta.get("meeting")):
                step["as"] = meta.get("meeting")
            self.sub(flow, "step", step)


def _tables_follow(block: Paragraph) -> bool:
    """A paragraph announcing tables ("...as follows:") whose only children are tables:
    the reader attaches a table that follows such a paragraph to it."""
    return (
        block.kind is Kind.OPERATIVE
        and block.text.endswith(":")
        and bool(block.children)
        and all(c.kind is Kind.TABLE for c in block.children)
    )


def _meta_fields(meta: Meta) -> Iterator[tuple[str, str]]:
    """Every metadata field, for the proprietary block that carries them exactly."""
    for key in ("symbol", "organ", "language", "doc_type", "date"):
        yield key, getattr(meta, key)
    for sponsor in meta.sponsors:
        yield "sponsor", sponsor
    for key, value in meta.extra:
        yield f"x-{key}", value


def join_sponsors(sponsors: tuple[str, ...]) -> str:
    """ "A, B and C", as the UN prints a sponsor list."""
    if len(sponsors) <= 1:
        return "".join(sponsors)
    return ", ".join(sponsors[:-1]) + " and " + sponsors[-1]


def _printed_number(number: str, meta: Meta) -> str:
    """Arabic prints "5 -" where other languages print "5." (the reader maps it back)."""
    if meta.language == "ar" and re.fullmatch(r"[0-9]+\.", number):
        return number[:-1] + " -"
    return number


def _first_word(text: str) -> str:
    words = text.split(maxsplit=1)
    return _xml_text(words[0].rstrip(",;:")) if words else ""


def _xml_text(text: str) -> str:
    return NOT_XML.sub("", text)


def _local(element: _Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _append(element: _Element, text: str) -> None:
    """Append text after the last child of ``element`` (or as its text)."""
    if not text:
        return
    text = _xml_text(text)
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text
