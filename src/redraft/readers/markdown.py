"""Markdown that redraft itself exported (:func:`redraft.render.markdown_export.render_markdown`),
read back: turned into the printed layout the text reader reads, with the symbol, the
italic openings, numbers, nesting and footnotes kept (docs/readers.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..english import noun
from ..formats import MD_EM_SPACE as _EM_SPACE
from ..model import Draft, Footnote, Paragraph, footnote_ref
from .text import read_text

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
        word = noun(len(orphans), "footnote")
        warnings.append(f"{word} {markers} cited nowhere: kept with the last paragraph")
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
