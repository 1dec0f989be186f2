"""The text of AKN elements: inline markup gathered into plain text with its italic
opening and the footnotes it cites, and the paragraph numbers typed into it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Footnote, Kind, Paragraph, footnote_ref
from . import akn_repair as repair
from .akn_meta import all_text, children, local, normalize

if TYPE_CHECKING:
    from lxml.etree import _Element


@dataclass
class Inline:
    """Text gathered from inline markup: the words, the italic lead, the notes cited."""

    parts: list[str] = field(default_factory=list)
    lead: str | None = None  # the first styled span, if the text starts with one
    lead_style: str = ""  # its class: "italic", "bold", "bold italic"
    notes: list[Footnote] = field(default_factory=list)

    @property
    def text(self) -> str:
        return normalize("".join(self.parts))

    def opening(self, text: str, bold: bool = False) -> str:
        """The styled lead if the text starts with it: italic, or bold where the
        language prints openings in bold (Chinese)."""
        if "italic" not in self.lead_style and not (bold and "bold" in self.lead_style):
            return ""
        lead = normalize(self.lead or "")
        return lead if lead and text.startswith(lead) else ""


def gather(elements: Iterable[_Element], into: Inline | None = None) -> Inline:
    """The inline text of ``elements``: their text and children, not their tails."""
    out = into if into is not None else Inline()
    for element in elements:
        _add(out, element.text)
        _gather_children(element, out)
        if local(element) == "p":
            out.parts.append(" ")  # two <p> in one element read as one paragraph
    return out


def _add(out: Inline, text: str | None) -> None:
    if not text:
        return
    if out.lead is None and text.strip() and not repair.TYPED_ONLY.match(text):
        out.lead = ""  # plain text came first: there is no italic opening
    out.parts.append(text)


def add_note(out: Inline, note: _Element) -> None:
    """An authorialNote: a footnote, and its reference where it stands in the text."""
    marker = "".join(note.get("marker", "").split()) or str(len(out.notes) + 1)
    inline = gather(children(note) or [note])
    out.notes.append(Footnote(marker=marker, text=inline.text))
    out.notes.extend(inline.notes)
    _add(out, footnote_ref(marker))


def _gather_children(element: _Element, out: Inline) -> None:
    for child in element:
        name = local(child)
        if name == "authorialNote":
            add_note(out, child)
        elif name in ("eol", "br"):
            out.parts.append(" ")
        elif name:
            style = child.get("class", "")
            if name == "span" and out.lead is None and ("italic" in style or "bold" in style):
                out.lead = all_text(child) or None
                out.lead_style = style
            gather([child], out)
        _add(out, child.tail)


#: Kinds whose bold or italic lead is layout, not an opening phrase.
NO_OPENING = frozenset({Kind.DOC_HEADING, Kind.TITLE, Kind.HEADING, Kind.TABLE})


def make_paragraph(
    kind: Kind,
    inline: Inline,
    number: str = "",
    kids: Iterable[Paragraph] = (),
    bold: bool = False,
) -> Paragraph:
    text = inline.text
    opening = "" if kind in NO_OPENING else inline.opening(text, bold)
    if number and text.startswith("\u00a0"):
        # the no-break space typed after the number ("a)\u00a0Redoubler": French and Spanish
        # files) spaces the number from the text and is not part of it, as in print
        text, opening = text.lstrip("\u00a0 "), opening.lstrip("\u00a0 ")
    return Paragraph(
        kind=kind,
        text=text,
        number=number,
        opening=opening,
        children=tuple(kids),
        footnotes=tuple(unique_notes(inline.notes)),
    )


def unique_notes(notes: list[Footnote]) -> Iterator[Footnote]:
    seen: set[str] = set()
    for note in notes:
        if note.marker not in seen:
            seen.add(note.marker)
            yield note


def clean_number(raw: str) -> str:
    """A printed number without spaces; Arabic "5 -" (or "5 –") is the Latin "5." (same
    label). Marks of direction (U+200E, U+200F) around it are not part of it."""
    number = "".join(raw.split()).strip("\u200e\u200f")
    if re.fullmatch(r"[0-9\u0660-\u0669]+[-–]", number):
        number = number[:-1] + "."
    return number


def take_number(element: _Element) -> str:
    """A number that opens the text as <inline name="paragraphNumber">, taken out of it."""
    head = next(iter(element), None)
    if (
        head is None
        or local(head) != "inline"
        or head.get("name") != "paragraphNumber"
        or (element.text or "").strip()
    ):
        return ""
    element.text = (element.text or "") + (head.tail or "")
    element.remove(head)
    return clean_number(all_text(head))


def prefixed(number: str, inline: Inline) -> Inline:
    """``inline`` with a section number printed before it ("I", "A.")."""
    if number:
        inline.parts.insert(0, number + " ")
        inline.lead = ""
    return inline


def typed_number_of(inline: Inline, first: bool = False) -> str:
    """The number typed in the text ("(a)<TAB>"), removed from it; "" if none. ``first``:
    only the first item of a list, "(a)" or "(i)" (a paragraph that opens with its first
    sub-paragraph: "3." then "(a)<TAB>Each State Party ...", 79/243)."""
    number, rest = repair.typed_number("".join(inline.parts))
    if first and repair.key(number) not in ("(a)", "(i)"):
        return ""
    if number:
        inline.parts = [rest]
    return number
