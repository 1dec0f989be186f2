"""No-break spaces given back to what the plain-text reader read.

The reader's passes see no-break, narrow and thin spaces as plain spaces (their
patterns are written with spaces: "4 December 2002", "We, the Heads of State"). The
stored text must keep what the document had, as the AKN and Word readers do, so once
the draft is built each paragraph is found again in the document's own text and each of
its spaces takes the character printed there. A paragraph is a subsequence of the
document (the reader only drops numbers, asterisks, line-end hyphens and page furniture
and joins lines), matched greedily from where the previous one ended; a match that
spreads much wider than the paragraph (a paragraph split by a long page foot) is not
trusted and that paragraph keeps plain spaces.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Footnote, Paragraph
from .text_passes import NO_BREAK_SPACES

#: How much wider than the paragraph a trusted match may spread (furniture, markers).
SLACK = 240


def restore_spaces(blocks: tuple[Paragraph, ...], document: str) -> tuple[Paragraph, ...]:
    """``blocks`` with the no-break spaces of ``document`` (the text as read, line ends
    normalised, invisible characters removed) where the blocks have spaces."""
    if not any(char in document for char in NO_BREAK_SPACES):
        return blocks
    return _Restorer(document).blocks(blocks)


class _Restorer:
    def __init__(self, document: str) -> None:
        self.document = document
        self.spaced = document.translate({ord(c): " " for c in NO_BREAK_SPACES})
        self.cursor = 0

    def blocks(self, blocks: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
        return tuple(self.block(block) for block in blocks)

    def block(self, block: Paragraph) -> Paragraph:
        text = self.text(block.text, advance=True)
        footnotes = tuple(self.footnote(note) for note in block.footnotes)
        children = self.blocks(block.children)
        opening = text[: len(block.opening)] if block.opening else ""
        return replace(block, text=text, opening=opening, footnotes=footnotes, children=children)

    def footnote(self, note: Footnote) -> Footnote:
        return replace(note, text=self.text(note.text, advance=False))

    def text(self, text: str, advance: bool) -> str:
        if " " not in text:
            return text
        first = text.split(" ", 1)[0][:16]
        start = self.spaced.find(first, self.cursor) if first else self.cursor
        if start < 0:
            return text
        found = self._match(text, start)
        if found is None:
            return text
        restored, end = found
        if advance:
            self.cursor = end
        return restored

    def _match(self, text: str, start: int) -> tuple[str, int] | None:
        """Each character of ``text`` matched in order in the document (a space to any
        whitespace); None when the match spreads too wide."""
        document, limit = self.document, start + 2 * len(text) + SLACK
        size = min(len(document), limit)
        out: list[str] = []
        at = start
        for char in text:
            if char == " ":
                while at < size and not document[at].isspace():
                    at += 1
            else:
                while at < size and document[at] != char:
                    at += 1
            if at >= size:
                return None
            out.append(document[at] if char == " " and document[at] in NO_BREAK_SPACES else char)
            at += 1
        return "".join(out), at
