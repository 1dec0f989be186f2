"""From the paragraphs of a Word document to the draft's block tree.

Documents that redraft wrote say each paragraph's kind and depth in their style
names (:func:`build_tree`). Any other document is turned into UN printed text
(:func:`printed_text`: numbers typed, whether Word computed them or not, the italic
opening as ``*...*``, each footnote on its own line after its paragraph) and read by
the plain-text reader, so that a .docx and the same text pasted from a PDF are
classified by the same rules (heading, title, formula, preamble, operative nesting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..blocktree import TreeBuilder
from ..formats import KIND_STYLES
from ..model import Footnote, Kind, Paragraph, cited_markers
from ..typography import collapse_spaces


@dataclass
class Item:
    """One paragraph or table as printed, before classification."""

    text: str
    number: str = ""
    opening: str = ""
    depth: int = 0
    style: str = ""
    table: bool = False
    footnotes: list[Footnote] = field(default_factory=list)
    note_of_previous: bool = False  # an endnote-style footnote paragraph
    pieces: list[tuple[str, bool]] = field(default_factory=list)  # (text, italic) as printed
    auto: bool = False  # the number comes from Word's automatic numbering


_TYPED_NUMBER = re.compile(
    r"^(\d+(?:\s?(?:bis|ter|quater|quinquies|sexies|alt))?\.|\(\w{1,6}\)|[a-z]{1,4}[.)])[\t ]+"
)


def build_tree(
    placed: list[tuple[Kind | None, int, Item]], warnings: list[str], name: str
) -> list[Paragraph]:
    """Place (kind, depth, item) triples; kind None is a footnote of the block before
    (with no block before, it is kept as a paragraph of text, with a warning)."""
    tree = TreeBuilder()
    for kind, depth, item in placed:
        if kind is None and tree.last is not None:
            tree.last.footnotes.append(Footnote(marker=item.number, text=item.text))
            continue
        if kind is None:
            warnings.append(f"{name}: footnote {item.number} before any paragraph: kept as text")
            kind, depth = Kind.TEXT, 0
            item = replace(item, text=f"{item.number} {item.text}".strip())
        opening = item.opening if item.text.startswith(item.opening) else ""
        block = Paragraph(
            kind=kind,
            text=item.text,
            number=item.number,
            opening=opening,
            footnotes=tuple(item.footnotes),
        )
        tree.place(block, depth)
    return list(tree.freeze())


def styled_blocks(items: list[Item], warnings: list[str], name: str) -> list[Paragraph]:
    """Documents redraft wrote: the style names say kind and depth exactly."""
    placed: list[tuple[Kind | None, int, Item]] = []
    for item in items:
        if item.note_of_previous:
            placed.append((None, -1, item))
            continue
        name = item.style
        depth = 0
        match = re.match(r"^(UN [A-Za-z ]+?)(?: (\d+))?$", name)
        if match and match.group(2):
            name, depth = match.group(1), int(match.group(2)) - 1
        kind = next((k for k, s in KIND_STYLES.items() if s == name), Kind.TEXT)
        if item.table:
            kind = Kind.TABLE
        placed.append((kind, depth, item))
    return build_tree(placed, warnings, name)


def _normalized(item: Item) -> Item:
    """Spaces collapsed, a typed number split off, the opening recomputed."""
    text = collapse_spaces(item.text)
    number = item.number
    skip = 0
    if not number or item.auto:
        # a number typed in the text wins over the list numbering of the paragraph's
        # style ("1.<TAB>Urges" in a numbered style would otherwise read "1. 1. Urges")
        match = _TYPED_NUMBER.match(item.text.lstrip())
        if match:
            number = "".join(match.group(1).split())
            skip = len(item.text) - len(item.text.lstrip()) + match.end()
            text = collapse_spaces(item.text[skip:])
            item.auto = False
    opening = collapse_spaces(_italic_lead(item.pieces, skip)).rstrip(",;:").rstrip()
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


def printed_text(items: list[Item]) -> str:
    """The document as UN printed text (numbers typed, the opening as ``*...*``, each
    footnote on a line of its own after its paragraph), for :func:`readers.text.read_text`."""
    from ..model import footnote_ref

    chunks: list[str] = []
    cited: set[str] = set()
    for item in items:
        if item.note_of_previous or _restyled_note(item, cited):
            # a footnote typed as a paragraph: "16<tab>text"; lettered ones are
            # attached by attach_lettered_notes
            if item.number.isdigit():
                chunks.append(f"{footnote_ref(item.number)} {collapse_spaces(item.text)}")
            continue
        cited.update(cited_markers(item.text))
        if item.table:
            chunks.append(item.text)
            chunks.extend(_note_lines(item.footnotes))
            continue
        item = _normalized(item)
        if not item.text and not item.number:
            continue
        text = item.text
        if item.opening:
            text = f"*{item.opening}*{text[len(item.opening) :]}"
        chunks.append(f"{item.number} {text}" if item.number else text)
        chunks.extend(_note_lines(item.footnotes))
    return "\n\n".join(chunks) + "\n"


def _restyled_note(item: Item, cited: set[str]) -> bool:
    """A footnote paragraph that another program gave a body style: its typed marker is
    a bare number ("4", where a paragraph number is "4."), already cited above."""
    if item.table or item.auto or not item.number.isdigit() or item.number not in cited:
        return False
    item.note_of_previous = True
    return True


def _note_lines(notes: list[Footnote]) -> list[str]:
    """Numbered footnotes as printed ("¹⁶ text"): the text reader reads only those."""
    from ..model import footnote_ref

    return [
        f"{footnote_ref(n.marker)} {collapse_spaces(n.text)}" for n in notes if n.marker.isdigit()
    ]


def attach_lettered_notes(
    blocks: tuple[Paragraph, ...], items: list[Item], warnings: list[str], name: str
) -> tuple[Paragraph, ...]:
    """Give footnotes and endnotes whose marker is not a number ("*", "i") to the first
    block citing them (the plain-text reader only knows numbered footnotes); one that no
    block cites is kept with the last block, with a warning."""
    notes = {n.marker: n for n in _all_notes(items) if not n.marker.isdigit()}

    def visit(block: Paragraph) -> Paragraph:
        mine = [notes.pop(m) for m in cited_markers(block.text) if m in notes]
        children = tuple(visit(child) for child in block.children)
        if not mine and children == block.children:
            return block
        return replace(block, children=children, footnotes=block.footnotes + tuple(mine))

    if not notes:
        return blocks
    placed = tuple(visit(block) for block in blocks)
    if notes and placed:
        left = tuple(notes.values())
        warnings.append(
            f"{name}: footnote(s) {', '.join(n.marker for n in left)} cited nowhere: "
            "kept with the last paragraph"
        )
        last = placed[-1]
        placed = (*placed[:-1], replace(last, footnotes=last.footnotes + left))
    return placed


def _all_notes(items: list[Item]) -> list[Footnote]:
    notes = []
    for item in items:
        notes.extend(item.footnotes)
        if item.note_of_previous:
            notes.append(Footnote(marker=item.number, text=collapse_spaces(item.text)))
    return notes


def exact_tables(blocks: tuple[Paragraph, ...], items: list[Item]) -> tuple[Paragraph, ...]:
    """The tables as the Word document has them, cell for cell (printed text loses a
    row's trailing empty cells), when the reading found each of them."""
    tables = [item.text for item in items if item.table]
    found = [b for top in blocks for b in top.walk() if b.kind is Kind.TABLE]
    if not tables or len(found) != len(tables):
        return blocks
    exact = iter(tables)

    def visit(block: Paragraph) -> Paragraph:
        children = tuple(visit(child) for child in block.children)
        text = next(exact) if block.kind is Kind.TABLE else block.text
        if text == block.text and children == block.children:
            return block
        return replace(block, text=text, children=children)

    return tuple(visit(block) for block in blocks)
