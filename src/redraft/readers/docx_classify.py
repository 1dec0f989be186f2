"""From the paragraphs of a Word document to the draft's block tree.

Documents that redraft wrote say each paragraph's kind and depth in their style
names (:func:`build_tree`). Any other document is classified by its printed layout
(:func:`classify`): the document heading line ("Draft resolution II"), the title,
the enacting formula ("The General Assembly,"), unnumbered preambular paragraphs, then
numbered operative paragraphs whose depth comes from Word's list level or, for typed
numbers, from the number's style (1. / (a) / (i)).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..model import Footnote, Kind, Paragraph

if TYPE_CHECKING:
    from .docx import _Item

_DOC_HEADING = re.compile(
    r"^(?:draft\s+)?(?:resolution|decision)(?:\s+[\w/.()-]+){0,2}$", re.IGNORECASE
)
_FORMULA = re.compile(
    r"^The\s+(?:General Assembly|Security Council|Economic and Social Council|"
    r"Human Rights Council|Commission\b[^,]*|Conference\b[^,]*|Council\b[^,]*)\s*,?$"
)
_TYPED_NUMBER = re.compile(
    r"^(\d+(?:\s?(?:bis|ter|quater|quinquies|sexies|alt))?\.|\(\w{1,6}\)|[a-z]{1,4}[.)])[\t ]+"
)
_ROMAN = re.compile(r"^(?=[ivxl]+$)l?x{0,3}(?:ix|iv|v?i{0,3})$")


@dataclass
class _Node:
    block: Paragraph
    depth: int
    children: list[_Node] = field(default_factory=list)
    notes: list[Footnote] = field(default_factory=list)

    def freeze(self) -> Paragraph:
        return replace(
            self.block,
            children=tuple(child.freeze() for child in self.children),
            footnotes=self.block.footnotes + tuple(self.notes),
        )


def build_tree(placed: list[tuple[Kind | None, int, _Item]]) -> list[Paragraph]:
    """Place (kind, depth, item) triples; kind None is a footnote of the block before."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    last: _Node | None = None
    for kind, depth, item in placed:
        if kind is None:
            if last is not None:
                last.notes.append(Footnote(marker=item.number, text=item.text))
            continue
        opening = item.opening if item.text.startswith(item.opening) else ""
        block = Paragraph(
            kind=kind,
            text=item.text,
            number=item.number,
            opening=opening,
            footnotes=tuple(item.footnotes),
        )
        while stack and stack[-1].depth >= depth:
            stack.pop()
        node = _Node(block=block, depth=depth)
        (stack[-1].children if stack and depth > 0 else roots).append(node)
        stack.append(node)
        last = node
    return [node.freeze() for node in roots]


def classify(items: list[_Item]) -> list[Paragraph]:
    """Kinds and depths of a document written by hand, from its printed layout."""
    placed: list[tuple[Kind | None, int, _Item]] = []
    state = "front"
    seen_title = False
    last_letter = ""
    for item in items:
        if item.note_of_previous:
            placed.append((None, -1, item))
            continue
        if item.table:
            placed.append((Kind.TABLE, 0, item))
            continue
        item = _normalized(item)
        number, depth = item.number, item.depth
        if number and not item.auto:
            depth = _typed_depth(number, last_letter)
        if number and depth == 1:
            last_letter = number.strip("().").lower()
        text = item.text
        if number:
            state = "op"
            placed.append((Kind.OPERATIVE, depth, item))
        elif state == "front" and _DOC_HEADING.match(text):
            placed.append((Kind.DOC_HEADING, 0, item))
        elif state == "front" and _FORMULA.match(text):
            state = "pre"
            placed.append((Kind.FORMULA, 0, item))
        elif state == "front" and not seen_title:
            seen_title = True
            placed.append((Kind.TITLE, 0, item))
        elif state == "op":
            kind = Kind.HEADING if _looks_like_heading(text) else Kind.TEXT
            placed.append((kind, 0, item))
        else:
            state = "pre"
            placed.append((Kind.PREAMBULAR, 0, item))
    return build_tree(placed)


def _normalized(item: _Item) -> _Item:
    """Spaces collapsed, a typed number split off, the opening recomputed."""
    text = " ".join(item.text.split())
    number = item.number
    skip = 0
    if not number:
        match = _TYPED_NUMBER.match(item.text.lstrip())
        if match:
            number = "".join(match.group(1).split())
            skip = len(item.text) - len(item.text.lstrip()) + match.end()
            text = " ".join(item.text[skip:].split())
            item.auto = False
    opening = " ".join(_italic_lead(item.pieces, skip).split()).rstrip(",;:").rstrip()
    if not text.startswith(opening):
        opening = ""
    return replace(item, text=text, number=number, opening=opening)


def _italic_lead(pieces: list[tuple[str, bool]], skip: int) -> str:
    lead: list[str] = []
    position = 0
    for text, italic in pieces:
        if position + len(text) <= skip:
            position += len(text)
            continue
        text = text[max(0, skip - position) :]
        position = skip
        if not text.strip() and not lead:
            continue
        if not italic:
            break
        lead.append(text)
    return "".join(lead)


def _typed_depth(number: str, last_letter: str) -> int:
    token = number.strip("().").lower()
    if token[:1].isdigit():
        return 0
    if _ROMAN.match(token):
        follows_letter = (
            last_letter
            and len(last_letter) == 1
            and len(token) == 1
            and (ord(token) == ord(last_letter) + 1)
        )
        if not follows_letter and (last_letter or token != "i"):
            return 2
    return 1


def _looks_like_heading(text: str) -> bool:
    return 0 < len(text.split()) <= 12 and not text.rstrip().endswith((".", ",", ";", ":"))
