"""Adopted texts as the index keeps them: a :class:`~redraft.model.Draft` in, an
:class:`~redraft.precedent.model.IndexedDocument` out.

Symbol, date, organ and language come from the draft's metadata (AKN files carry
them all; the text reader finds the organ and language in the formula). When the
metadata has no symbol, the heading gives one: "79/144." or "Resolution 79/144" of
the General Assembly is A/RES/79/144; a heading that already is a symbol
("A/RES/79/144", "S/RES/2728 (2024)") is taken as it is; any other heading
("Resolution 20/1" of a commission) is the symbol as printed.
"""

from __future__ import annotations

import re

from ..model import Draft, Kind, Meta
from .model import IndexedDocument, IndexedParagraph
from .normalize import tokens

#: Kinds whose text is indexed: the title and every paragraph of the body. The
#: document heading is a number, the formula and footnotes say nothing to reuse.
INDEXED_KINDS = frozenset(
    {Kind.TITLE, Kind.PREAMBULAR, Kind.OPERATIVE, Kind.TEXT, Kind.HEADING, Kind.TABLE}
)

_SYMBOL = re.compile(r"\b[A-Z]{1,2}(?:/[A-Za-z0-9.()\-]+)+(?: \(\d{4}\))?")
_GA_NUMBER = re.compile(r"(?<![\d/])(\d{1,3})/(\d{1,4})(?![\d/])")
_GENERAL_ASSEMBLY = {"general assembly", "assemblée générale", "asamblea general"}


def symbol_of(meta: Meta, heading: str) -> str:
    """The document's symbol: its metadata's, else one read from its heading."""
    if meta.symbol:
        return meta.symbol
    heading = heading.strip()
    found = _SYMBOL.search(heading)
    if found:
        return found.group(0)
    number = _GA_NUMBER.search(heading)
    if number and meta.organ.lower() in _GENERAL_ASSEMBLY | {""}:
        return f"A/RES/{number.group(1)}/{number.group(2)}"
    return heading.rstrip(".")


def indexed_document(
    draft: Draft,
    identity: str,
    content_hash: str,
    symbol: str = "",
    date: str = "",
) -> IndexedDocument:
    """The index's form of ``draft``; ``symbol`` and ``date`` (from a store version,
    say) win over the draft's own."""
    meta = draft.meta
    paragraphs = []
    for block in draft.walk():
        if block.kind not in INDEXED_KINDS:
            continue
        words = tokens(block.text)
        if words:
            paragraphs.append(
                IndexedParagraph(block.label, block.kind.value, block.text, tuple(words))
            )
    return IndexedDocument(
        identity=identity,
        content_hash=content_hash,
        symbol=symbol or symbol_of(meta, draft.heading),
        date=date or meta.date,
        organ=meta.organ,
        language=meta.language,
        title=draft.title,
        paragraphs=tuple(paragraphs),
    )
