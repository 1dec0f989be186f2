"""The canonical text form: what the store keeps and what ``redraft split`` writes.

One block per line, a blank line between blocks, sub-paragraphs indented by four
spaces per level, metadata in a front-matter header. It reads like the printed
document and diffs and merges well under plain git. The grammar (docs/text-form.md):

    ---
    redraft: 1
    symbol: E/CN.15/2011/L.3
    ---

    # Draft resolution II            document heading line
    ## Technical assistance ...      title
    > *The General Assembly*,        enacting formula
    *Reaffirming* all ...            preambular paragraph (plain line, top level)
    PP 2bis *Stressing* ...          preambular paragraph with a negotiation number
    OP 1.1 ...                       operative paragraph whose number is unusual
    1. *Urges* Member States ...     operative paragraph: a number token, a space, the text
        (a) ...                      sub-paragraph (indented)
    ### Evaluation and oversight     heading inside the body
    ¶ Documentation                  unnumbered paragraph in the operative part
    [^5]: General Assembly ...       footnote, right after the paragraph that cites it
    | cell<TAB>cell                  table row (rows of one table on consecutive lines)

A line that would otherwise be misread starts with a backslash, which is dropped.
The law ``parse(render(d)) == d`` holds for every draft (tests/test_canonical.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from .blocktree import BlockNode, TreeBuilder, check_depth
from .errors import InputError
from .labels import LabelMemo, assign_labels
from .model import Draft, Footnote, Kind, Meta, Paragraph

FORMAT_VERSION = "1"
INDENT = "    "

#: A printed paragraph number: "5.", "12", "3bis.", "2.bis", "(a)", "(iv)", "a.", "ii)", "a)".
NUMBER_TOKEN = re.compile(
    r"^(?:\d+(?:\.?(?:bis|ter|quater|quinquies|sexies|alt))?\.?"
    r"|\(\w{1,6}\)"
    r"|[a-z]{1,4}[.)]"
    r"|\w\)"
    r")$"
)

_META_ORDER = ("symbol", "organ", "language", "doc_type", "date", "sponsors")


# -- writing ------------------------------------------------------------------


def render(draft: Draft) -> str:
    """The canonical text of ``draft`` (ends with one newline)."""
    parts = [_front_matter(draft.meta)]
    for block in draft.blocks:
        parts.extend(_block_lines(block, depth=0))
    return "\n\n".join(parts) + "\n"


def _meta_value(value: str | tuple[str, ...]) -> str:
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    plain = value == value.strip() and "\n" not in value and not value.startswith(('"', "["))
    return value if plain and value else json.dumps(value, ensure_ascii=False)


def _front_matter(meta: Meta) -> str:
    lines = ["---", f"redraft: {FORMAT_VERSION}"]
    for key in _META_ORDER:
        value = getattr(meta, key)
        if value or key == "language":
            lines.append(f"{key}: {_meta_value(value)}")
    for key, value in meta.extra:
        lines.append(f"x-{key}: {_meta_value(value)}")
    lines.append("---")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split()) if ("\n" in text or "\r" in text) else text


def _content(block: Paragraph) -> str:
    """The line of ``block`` without indentation."""
    if block.kind is Kind.TABLE:
        rows = block.text.split("\n")
        return "\n".join(("| " + row) if row else "|" for row in rows)
    text = _one_line(block.text)
    if block.opening and text.startswith(block.opening):
        body = f"*{block.opening}*{text[len(block.opening) :]}"
    else:
        body = text
    prefix = {
        Kind.DOC_HEADING: "# ",
        Kind.TITLE: "## ",
        Kind.FORMULA: "> ",
        Kind.HEADING: "### ",
        Kind.TEXT: "¶ ",
    }.get(block.kind)
    if prefix:
        return prefix + _escape_if_needed(body, block, plain=False)
    if block.kind is Kind.PREAMBULAR and block.number:
        return f"PP {_token(block.number)} " + _escape_if_needed(body, block, plain=False)
    if block.number:
        token = _token(block.number)
        lead = token if NUMBER_TOKEN.match(token) else f"OP {token}"
        return f"{lead} " + _escape_if_needed(body, block, plain=False)
    return _escape_if_needed(body, block, plain=True)


def _token(number: str) -> str:
    return "".join(number.split())


def _escape_if_needed(body: str, block: Paragraph, plain: bool) -> str:
    """Prefix a backslash when the body would not read back as this block's text."""
    if body.startswith("\\"):
        return "\\" + body
    if _split_opening(body) != (_opening_of(block), _one_line(block.text)):
        return "\\" + body
    if plain and _misread_as_plain(body):
        return "\\" + body
    return body


def _misread_as_plain(body: str) -> bool:
    """Would this body, alone on an unindented line, read as something else?"""
    if not body.strip() or body[0].isspace() or body.startswith("|"):
        return True
    if body.startswith("[^") and "]: " in body:
        return True
    return _classify(body, depth=0) != (Kind.PREAMBULAR, "", body)


def _opening_of(block: Paragraph) -> str:
    return block.opening if block.opening and block.text.startswith(block.opening) else ""


def _block_lines(block: Paragraph, depth: int) -> list[str]:
    pad = INDENT * depth
    content = _content(block)
    lines = ["\n".join(pad + line for line in content.split("\n"))]
    for footnote in block.footnotes:
        lines.append(f"{pad}[^{footnote.marker}]: {_one_line(footnote.text)}")
    for child in block.children:
        lines.extend(_block_lines(child, depth + 1))
    return lines


# -- reading ------------------------------------------------------------------


def looks_canonical(text: str) -> bool:
    head = text.lstrip("\ufeff")[:200]
    return head.startswith("---\nredraft:") or head.startswith("---\r\nredraft:")


def parse(text: str) -> Draft:
    """Read the canonical text form back into a :class:`Draft`."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    meta, body = _read_front_matter(text)
    builder = _TreeBuilder()
    for lineno, line in enumerate(body, start=1):
        builder.add_line(line, lineno)
    return Draft(meta=meta, blocks=assign_labels(builder.finish()))


def _read_front_matter(text: str) -> tuple[Meta, list[str]]:
    lines = text.split("\n")
    if not lines or lines[0] != "---":
        raise InputError("not redraft canonical text: missing '---' front matter")
    try:
        end = lines.index("---", 1)
    except ValueError:
        raise InputError("canonical text: front matter is not closed by '---'") from None
    fields: dict[str, str | tuple[str, ...]] = {}
    extra: list[tuple[str, str]] = []
    for number, line in enumerate(lines[1:end], start=2):
        key, sep, raw = line.partition(": ")
        if not sep:
            raise InputError(f"canonical text, line {number}: expected 'key: value'")
        value = _read_meta_value(raw, number)
        if key.startswith("x-"):
            extra.append((key[2:], value if isinstance(value, str) else ", ".join(value)))
        elif key in _META_ORDER:
            if key == "sponsors":
                fields[key] = value if isinstance(value, tuple) else (value,)
            else:
                fields[key] = value if isinstance(value, str) else ", ".join(value)
        elif key != "redraft":
            extra.append((key, value if isinstance(value, str) else ", ".join(value)))
    meta = Meta(**fields, extra=tuple(extra))  # type: ignore[arg-type]
    return meta, lines[end + 1 :]


def _read_meta_value(raw: str, lineno: int) -> str | tuple[str, ...]:
    if raw.startswith(('"', "[")):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            raise InputError(f"canonical text, line {lineno}: bad quoted value") from None
        if isinstance(value, list):
            return tuple(str(v) for v in value)
        return str(value)
    return raw


def _split_opening(body: str) -> tuple[str, str]:
    """``*Urges* Member States`` -> ("Urges", "Urges Member States")."""
    if body.startswith("*"):
        end = body.find("*", 1)
        if end > 1:
            opening = body[1:end]
            return opening, opening + body[end + 1 :]
    return "", body


def _classify(content: str, depth: int) -> tuple[Kind, str, str]:
    """(kind, number, body) of one line's content (indentation removed).

    The body keeps a leading backslash if it had one: see :func:`_read_body`."""
    for prefix, kind in (
        ("# ", Kind.DOC_HEADING),
        ("## ", Kind.TITLE),
        ("### ", Kind.HEADING),
        ("> ", Kind.FORMULA),
        ("¶ ", Kind.TEXT),
    ):
        if content.startswith(prefix):
            return kind, "", content[len(prefix) :]
    if content.startswith("\\"):
        return (Kind.PREAMBULAR if depth == 0 else Kind.TEXT), "", content
    if content.startswith("PP ") or content.startswith("OP "):
        number, _, rest = content[3:].partition(" ")
        kind = Kind.PREAMBULAR if content.startswith("PP") else Kind.OPERATIVE
        return kind, number, rest
    first, _, rest = content.partition(" ")
    if NUMBER_TOKEN.match(first):
        return Kind.OPERATIVE, first, rest
    return (Kind.PREAMBULAR if depth == 0 else Kind.TEXT), "", content


def _read_body(body: str) -> tuple[str, str]:
    """(opening, text) of a body; an escaped body is literal text with no opening."""
    if body.startswith("\\"):
        return "", body[1:]
    return _split_opening(body)


class _TreeBuilder:
    """Turns indented lines into the block tree."""

    def __init__(self) -> None:
        self.tree = TreeBuilder()
        self.table: BlockNode | None = None

    def add_line(self, line: str, lineno: int) -> None:
        if not line.strip():
            self.table = None
            return
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        depth = indent // len(INDENT)
        if stripped.startswith("|") and self.table is not None and self.table.depth == depth:
            row = stripped[2:] if stripped.startswith("| ") else stripped[1:]
            old = self.table.block
            self.table.block = replace(old, text=old.text + "\n" + row)
            return
        self.table = None
        if stripped.startswith("[^") and "]: " in stripped:
            self._add_footnote(stripped, lineno)
            return
        if stripped.startswith("|"):
            row = stripped[2:] if stripped.startswith("| ") else stripped[1:]
            self.table = self._place(Paragraph(kind=Kind.TABLE, text=row), depth, lineno)
            return
        kind, number, body = _classify(stripped, depth)
        opening, text = _read_body(body)
        block = Paragraph(kind=kind, text=text, number=number, opening=opening)
        self._place(block, depth, lineno)

    def _add_footnote(self, stripped: str, lineno: int) -> None:
        marker, _, text = stripped[2:].partition("]: ")
        last = self.tree.last
        if last is None:
            raise InputError(f"canonical text, line {lineno}: footnote before any paragraph")
        last.footnotes.append(Footnote(marker=marker, text=text))

    def _place(self, block: Paragraph, depth: int, lineno: int) -> BlockNode:
        if depth > 0 and not any(node.depth < depth for node in self.tree.stack):
            raise InputError(f"canonical text, line {lineno}: indented line with no parent")
        check_depth(depth, f"canonical text, line {lineno}")
        return self.tree.place(block, depth)

    def finish(self) -> tuple[Paragraph, ...]:
        return self.tree.freeze()


# -- reading a stored text in pieces ------------------------------------------------


def split_chunks(text: str) -> tuple[str, list[str]]:
    """(front matter, top-level paragraphs with their sub-paragraphs and footnotes)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    end = text.find("\n---\n", 3)
    front, body = (
        (text[: end + 5], text[end + 5 :]) if text.startswith("---\n") and end > 0 else ("", text)
    )
    return front, body_chunks(body)


def body_chunks(body: str) -> list[str]:
    """The top-level paragraphs of a text after its front matter (:func:`split_chunks`)."""
    items = body.strip("\n").split("\n\n")
    if "\n\n " not in body and "\n\n[^" not in body:  # no sub-paragraph, no footnote
        return [item for item in items if item.strip()]
    chunks: list[str] = []
    for item in items:
        if chunks and (item[:1] == " " or item.startswith("[^")):
            chunks[-1] += "\n\n" + item
        elif item.strip():
            chunks.append(item)
    return chunks


class HistoryParser:
    """Reads many texts that share most of their paragraphs, as the versions of one draft
    do: each distinct top-level paragraph (with its sub-paragraphs and footnotes) is read
    once and labelled once (:func:`redraft.labels.assign_labels` with a memo), so a
    thousand versions cost little more than their differences. ``parse_text(text)``
    equals :func:`parse` ``(text)`` (tests/test_canonical.py); anything unusual (carriage
    returns, a paragraph that does not stand alone) is read by :func:`parse` itself."""

    def __init__(self) -> None:
        self._blocks: dict[str, Paragraph | None] = {}
        self._fronts: dict[str, Meta] = {}
        self._labels: LabelMemo = {}

    def parse_text(self, text: str) -> Draft:
        if "\r" in text or text.startswith("\ufeff"):
            return parse(text)
        front, chunks = split_chunks(text)
        meta = self._fronts.get(front)
        if meta is None:
            if not front:
                return parse(text)  # says what is wrong
            meta = self._fronts[front] = parse(front).meta
        blocks = []
        for chunk in chunks:
            if chunk not in self._blocks:
                self._blocks[chunk] = _one_block(chunk)
            block = self._blocks[chunk]
            if block is None:
                return parse(text)
            blocks.append(block)
        return Draft(meta=meta, blocks=assign_labels(tuple(blocks), self._labels))


def _one_block(chunk: str) -> Paragraph | None:
    """The one unlabelled top-level block a chunk of :func:`split_chunks` holds, or None."""
    builder = _TreeBuilder()
    try:
        for line in chunk.split("\n"):
            builder.add_line(line, 0)
        blocks = builder.finish()
    except InputError:
        return None
    return blocks[0] if len(blocks) == 1 else None


def front_meta(data: bytes) -> Meta:
    """The metadata of a stored text, read from its front matter alone."""
    front, _ = split_chunks(data.decode("utf-8", errors="replace"))
    return parse(front).meta if front else Meta()
