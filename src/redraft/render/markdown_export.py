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
from dataclasses import dataclass, replace

from ..model import FOOTNOTE_REF, Draft, Footnote, Kind, Paragraph, footnote_ref, ref_marker

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_EM_SPACE = "&emsp;"  # an entity: visible in the source, rendered by CommonMark


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


# -- reading the Markdown export back --------------------------------------------------
# The readers hand redraft's own Markdown to the text reader once it is turned back into
# the printed layout that render_plain writes: the shape is defined here, so its inverse
# lives next to it and the two cannot drift apart unnoticed (tests/test_markdown_read.py).

_MD_NUMBER = re.compile(r"^(?:&emsp;)*(?:\\\[)?[0-9]+[A-Za-z]*\\\.\s")  # "3\. ", "&emsp;&emsp;1\. "
_MD_NOTE = re.compile(r"^\[\^([0-9A-Za-z-]+)\]: ?")  # "[^1]: Resolution 46/152, annex."
_MD_HEADING = re.compile(r"^#{1,3} \S")
_MD_SYMBOL = re.compile(r"^\*\*(\S(?:[^*]|\\\*)*)\*\*$")  # "**A/C.3/66/L.5**" alone
_MD_PAD = re.compile(r"^((?:&emsp;)*)")
_MD_REF = re.compile(r"\[\^([0-9A-Za-z-]+)\]")
_MD_ESCAPED = re.compile(r"\\([\\`*_\[\]<>|#~.])")
_MD_SIGNAL_ESCAPE = re.compile(r"\\[*_\[\]#]")  # "\[", "\*": only Markdown escapes these
_MD_RULE = re.compile(r"^\|(?:-+\|)+$")


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` is Markdown as :func:`render_markdown` writes it: a paragraph
    number with its full stop escaped ("1\\. "), a footnote definition ("[^1]: "), an
    ``&emsp;`` indent, an escaped bracket or asterisk ("\\[", "\\*"), or a heading
    ("# Draft resolution I") as the first line after the symbol. Printed text has none
    of these (checked on the 526 resolutions of the 78th and 79th sessions in six
    languages printed by render_plain)."""
    lines = text.splitlines()
    if any(_MD_NUMBER.match(line) or _MD_NOTE.match(line) for line in lines):
        return True
    if any(line.startswith(_EM_SPACE) or _MD_SIGNAL_ESCAPE.search(line) for line in lines):
        return True
    first = next((line for line in lines if line.strip() and not _MD_SYMBOL.match(line)), "")
    return bool(_MD_HEADING.match(first))


@dataclass(frozen=True)
class MarkdownParts:
    """What :func:`markdown_to_plain` makes of the export."""

    plain: str  # the draft in the printed layout the text reader reads
    symbol: str  # from the bold first line
    notes: tuple[Footnote, ...]  # footnotes whose marker is not a number ("*")


def read_markdown(text: str) -> tuple[Draft, list[str]]:
    """A draft and warnings from Markdown written by :func:`render_markdown`."""
    from ..readers.text import read_text

    parts = markdown_to_plain(text)
    draft, warnings = read_text(parts.plain)
    if parts.notes:
        draft = _attach_notes(draft, parts.notes, warnings)
    if parts.symbol and not draft.meta.symbol:
        draft = replace(draft, meta=replace(draft.meta, symbol=parts.symbol))
    return draft, warnings


def markdown_to_plain(text: str) -> MarkdownParts:
    """The printed layout of Markdown written by :func:`render_markdown`. Italics
    (``*Urges*``) are kept: the text reader takes them for the opening words; numbered
    footnotes become printed ones ("¹ Resolution 46/152, annex."). Print has no form for
    a footnote marked "*": those are set apart, their references left as ``[^*]``."""
    chunks = [c for c in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")) if c.strip()]
    symbol = ""
    if chunks and (match := _MD_SYMBOL.match(chunks[0].strip())):
        symbol, chunks = _md_unescape(match.group(1)), chunks[1:]
    notes: list[Footnote] = []
    out = []
    for chunk in chunks:
        match = _MD_NOTE.match(chunk)
        marker = _marker_of(match.group(1)) if match else ""
        if match and not (marker.isdigit() and marker.isascii()):
            notes.append(Footnote(marker, _plain_text(chunk[match.end() :])))
        else:
            out.append(_plain_chunk(chunk.strip("\n")))
    plain = "\n\n".join(line for line in out if line.strip()) + "\n"
    return MarkdownParts(plain, symbol, tuple(notes))


def _attach_notes(draft: Draft, notes: tuple[Footnote, ...], warnings: list[str]) -> Draft:
    """Give each footnote to the first paragraph citing it, as the text reader does
    (one cited nowhere goes to the last paragraph, with the same warning)."""
    owner: dict[str, list[Footnote]] = {}
    orphans = []
    for note in notes:
        ref = footnote_ref(note.marker)
        citing = next((b for b in draft.walk() if ref in b.text), None)
        if citing is None:
            orphans.append(note)
        else:
            owner.setdefault(citing.label, []).append(note)
    if orphans and draft.blocks:
        markers = ", ".join(note.marker for note in orphans)
        warnings.append(f"footnote(s) {markers} cited nowhere: kept with the last paragraph")
        owner.setdefault(draft.blocks[-1].label, []).extend(orphans)
    return replace(draft, blocks=tuple(_with_notes(block, owner) for block in draft.blocks))


def _with_notes(block: Paragraph, owner: dict[str, list[Footnote]]) -> Paragraph:
    children = tuple(_with_notes(child, owner) for child in block.children)
    added = owner.get(block.label, [])
    if not added:
        return replace(block, children=children) if children != block.children else block

    def cited_at(note: Footnote) -> int:  # in the order the text cites them, as exported
        at = block.text.find(footnote_ref(note.marker))
        return at if at >= 0 else len(block.text) + 1

    notes = tuple(sorted((*block.footnotes, *added), key=cited_at))
    return replace(block, children=children, footnotes=notes)


def _plain_chunk(chunk: str) -> str:
    if chunk.lstrip().startswith("|"):
        return _plain_table(chunk)
    if match := _MD_NOTE.match(chunk):
        marker = _marker_of(match.group(1))
        return f"{footnote_ref(marker)} {_plain_text(chunk[match.end() :])}"
    if _MD_HEADING.match(chunk):
        return _plain_text(chunk.lstrip("#").strip())
    pad = _MD_PAD.match(chunk)
    depth = len(pad.group(1)) // (2 * len(_EM_SPACE)) if pad else 0
    body = chunk[pad.end() if pad else 0 :]
    return "" if body.strip() == "&nbsp;" else "    " * depth + _plain_text(body)


def _plain_text(text: str) -> str:
    text = _MD_REF.sub(lambda m: footnote_ref(_marker_of(m.group(1))), text)
    return _md_unescape(text)


def _md_unescape(text: str) -> str:
    return _MD_ESCAPED.sub(r"\1", text)


def _marker_of(note_id: str) -> str:
    """The inverse of :func:`_note_id` ("x2a" -> "*")."""
    return re.sub(r"x([0-9a-f]{2,6})", lambda m: chr(int(m.group(1), 16)), note_id)


def _plain_table(chunk: str) -> str:
    rows = []
    for line in chunk.splitlines():
        line = line.strip()
        if _MD_RULE.match(line):
            continue
        cells = re.split(r"(?<!\\) \| ", line.removeprefix("| ").removesuffix(" |"))
        while len(cells) > 1 and not cells[-1].strip():
            cells.pop()
        rows.append("\t".join(_md_unescape(cell) for cell in cells))
    return "\n".join(rows)
