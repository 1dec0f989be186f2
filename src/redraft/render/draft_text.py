"""A draft for the terminal: each block with its label in a left column, sub-paragraphs
indented, the opening words in italics, footnotes under the paragraph citing them.
Plain text when output is not a terminal (rich drops the styles)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Draft, Footnote, Kind, Paragraph, footnote_ref

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


INDENT = "    "
_STYLES = {
    Kind.DOC_HEADING: "bold",
    Kind.TITLE: "bold",
    Kind.HEADING: "bold underline",
    Kind.FORMULA: "italic",
}


def print_draft(console: Console, draft: Draft, source: str = "") -> None:
    """The whole draft, preceded by one line of metadata."""
    header = _header(draft, source)
    if header:
        console.print(header, style="dim", soft_wrap=True)
    print_units(console, list(draft.blocks))


def print_units(console: Console, units: list[Paragraph | Footnote]) -> None:
    """Blocks (with their sub-paragraphs and footnotes) and footnotes, labelled."""
    rows: list[tuple[str, int, Text]] = []
    for unit in units:
        if isinstance(unit, Footnote):
            rows.append((unit.label, 0, _footnote_text(unit)))
        else:
            _rows(rows, unit, depth=0)
    from rich.text import Text

    width = max((len(label) for label, _, _ in rows), default=0)
    lines = [
        line
        for label, depth, text in rows
        for line in _row_lines(console, label, width, depth, text)
    ]
    console.print(Text("\n").join(lines), soft_wrap=True)  # one print: much faster


def _header(draft: Draft, source: str) -> str:
    meta = draft.meta
    parts = [source, meta.symbol, meta.organ, meta.doc_type, meta.date]
    return " · ".join(p for p in parts if p)


def _rows(rows: list[tuple[str, int, Text]], block: Paragraph, depth: int) -> None:
    rows.append((block.label, depth, _block_text(block)))
    for footnote in block.footnotes:
        rows.append((footnote.label, depth, _footnote_text(footnote)))
    for child in block.children:
        _rows(rows, child, depth + 1)


def _row_lines(console: Console, label: str, width: int, depth: int, text: Text) -> list[Text]:
    """The label in a left column, the text indented by depth and wrapped beside it."""
    from rich.text import Text

    indent = INDENT * depth
    room = max(20, console.width - width - 2 - len(indent))
    lines = []
    for i, line in enumerate(text.split("\n")):
        # a terminal wraps beside the label column; a pipe or a file gets one line each
        parts = line.wrap(console, room) if console.is_terminal else [line]
        for j, part in enumerate(parts):
            part.rstrip()
            first = i == 0 and j == 0
            head = Text(label.ljust(width) if first else " " * width, style="cyan")
            lines.append(Text.assemble(head, "  ", indent, part))
    return lines


def _block_text(block: Paragraph) -> Text:
    from rich.text import Text

    if block.kind is Kind.TABLE:
        rows = block.text.split("\n")
        return Text("\n".join(" | ".join(r.split("\t")) for r in rows))
    text = Text(block.number + " " if block.number else "")
    style = _STYLES.get(block.kind, "")
    if block.opening and block.text.startswith(block.opening):
        text.append(block.opening, style=(style + " italic").strip())
        text.append(block.text[len(block.opening) :], style=style)
    else:
        text.append(block.text, style=style)
    return text


def _footnote_text(footnote: Footnote) -> Text:
    from rich.text import Text

    return Text(f"{footnote_ref(footnote.marker)} {footnote.text}", style="dim")
