"""A draft as clean Markdown, and as plain text in the UN printed layout.

Markdown: the heading and title as headings, the enacting formula and the opening words
in italics, printed numbers kept as typed (``3bis.`` too: they are escaped so that no
Markdown renderer renumbers them), sub-paragraphs indented with ``&emsp;`` entities, footnotes as
Markdown footnotes. Plain text: what the printed document shows, one paragraph per
line with a blank line between, sub-paragraphs indented, each footnote on its own line
after the paragraph that cites it (``¹ Resolution 46/152, annex.``), as in the seed report.
"""

from __future__ import annotations

import re

from ..formats import MD_EM_SPACE as _EM_SPACE
from ..model import FOOTNOTE_REF, Draft, Footnote, Kind, Paragraph, footnote_ref, ref_marker

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_text(block: Paragraph, notes: set[str]) -> str:
    """Text with the opening in italics and cited footnotes as ``[^m]``."""
    text = block.text
    cut = len(block.opening) if block.opening and text.startswith(block.opening) else 0
    out = []
    position = 0
    for match in FOOTNOTE_REF.finditer(text):
        out.append(_escaped_piece(text, position, match.start(), cut))
        marker = ref_marker(match.group(0))
        out.append(f"[^{_note_id(marker)}]" if marker in notes else md_escape(match.group(0)))
        position = match.end()
    out.append(_escaped_piece(text, position, len(text), cut))
    return "".join(out)


def _escaped_piece(text: str, start: int, end: int, cut: int) -> str:
    if start >= cut:
        return md_escape(text[start:end])
    italic = text[start : min(cut, end)]
    rest = text[min(cut, end) : end]
    lead = f"*{md_escape(italic)}*" if italic.strip() == italic and italic else md_escape(italic)
    return lead + md_escape(rest)


def _note_id(marker: str) -> str:
    return re.sub(r"[^0-9A-Za-z-]", lambda m: f"x{ord(m.group(0)):x}", marker)


def render_markdown(draft: Draft) -> str:
    """Clean Markdown of ``draft`` (ends with one newline)."""
    notes = {note.marker: note for note in draft.footnotes()}
    lines: list[str] = []
    if draft.meta.symbol:
        lines.append(f"**{md_escape(draft.meta.symbol)}**")
    for block in draft.blocks:
        _md_block(block, 0, set(notes), lines)
    for note in notes.values():
        lines.append(f"[^{_note_id(note.marker)}]: {md_escape(' '.join(note.text.split()))}")
    return "\n\n".join(lines) + "\n"


def _md_block(block: Paragraph, depth: int, notes: set[str], lines: list[str]) -> None:
    pad = _EM_SPACE * (2 * depth)
    if block.kind is Kind.TABLE:
        lines.append(_md_table(block.text))
    else:
        body = _md_text(block, notes)
        prefix = {Kind.DOC_HEADING: "# ", Kind.TITLE: "## ", Kind.HEADING: "### "}.get(block.kind)
        if prefix:
            lines.append(prefix + " ".join(body.split()))
        elif block.number:
            lines.append(f"{pad}{md_escape(block.number).replace('.', chr(92) + '.')} {body}")
        else:
            lines.append(pad + (body if body.strip() else "&nbsp;"))
    for child in block.children:
        _md_block(child, depth + 1, notes, lines)


def _md_table(text: str) -> str:
    rows = [[md_escape(cell) for cell in row.split("\t")] for row in text.split("\n")]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    head = "| " + " | ".join(rows[0]) + " |"
    rule = "|" + "---|" * width
    return "\n".join([head, rule] + ["| " + " | ".join(row) + " |" for row in rows[1:]])


def render_plain(draft: Draft) -> str:
    """The draft as printed: plain text, one paragraph per line (ends with a newline)."""
    lines: list[str] = []
    for block in draft.blocks:
        _plain_block(block, 0, lines)
    return "\n\n".join(lines) + "\n"


def _plain_block(block: Paragraph, depth: int, lines: list[str]) -> None:
    pad = "    " * depth
    if block.kind is Kind.TABLE:
        lines.append("\n".join(pad + row for row in block.text.split("\n")))
    elif block.number:
        lines.append(f"{pad}{block.number} {block.text}")
    else:
        lines.append(pad + block.text)
    lines.extend(_plain_note(note) for note in block.footnotes)
    for child in block.children:
        _plain_block(child, depth + 1, lines)


def render_printed(draft: Draft) -> str:
    """The draft as the UN prints it, as the plain-text reader reads it: one paragraph per
    block, no indentation, numbers and *italic openings* as printed, each footnote after
    the paragraph citing it (tests and benchmarks read drafts back from this)."""
    parts: list[str] = []

    def add(block: Paragraph) -> None:
        body = block.text
        if block.opening:
            body = f"*{block.opening}*{block.text[len(block.opening) :]}"
        parts.append(f"{block.number} {body}" if block.number else body)
        parts.extend(_plain_note(note) for note in block.footnotes)
        for child in block.children:
            add(child)

    for block in draft.blocks:
        add(block)
    return "\n\n".join(parts) + "\n"


def _plain_note(note: Footnote) -> str:
    return f"{footnote_ref(note.marker)} {note.text}"
