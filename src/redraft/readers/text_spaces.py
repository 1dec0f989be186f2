"""No-break spaces given back to what the plain-text reader read.

The reader's passes see no-break, narrow and thin spaces as plain spaces (their
patterns are written with spaces: "4 December 2002", "We, the Heads of State"). The
stored text must keep what the document had, as the AKN and Word readers do, so once
the draft is built each paragraph is found again in the document's own text and each of
its spaces takes the character printed there. A paragraph is a subsequence of the
document (the reader only drops numbers, asterisks, line-end hyphens and page furniture
and joins lines): its words are found one after the other from where the previous
paragraph ended, with only whitespace and italic asterisks between them; a paragraph
not found so (one split by a page foot) keeps plain spaces.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Footnote, Paragraph
from .text_passes import NO_BREAK_SPACES

_FIRST_WORD = re.compile(r"\W{0,3}\w+")
#: Places tried for one paragraph (where its first word stands).
TRIES = 400


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
        text = self.text(block.text, advance=True, opening=block.opening)
        footnotes = tuple(self.footnote(note) for note in block.footnotes)
        children = self.blocks(block.children)
        opening = text[: len(block.opening)] if block.opening else ""
        return replace(block, text=text, opening=opening, footnotes=footnotes, children=children)

    def footnote(self, note: Footnote) -> Footnote:
        return replace(note, text=self.text(note.text, advance=False))

    def text(self, text: str, advance: bool, opening: str = "") -> str:
        if " " not in text:
            return text
        # the first word without what follows it: "*Recalling*, its" has "Recalling";
        # in Chinese the italic opening runs into the text ("*认识到*关岛"), so it is
        # looked for alone
        lead = _FIRST_WORD.match(text)
        first = lead.group(0)[:16] if lead else text[:1]
        if opening and text.startswith(opening) and len(opening) < len(first):
            first = opening
        start = self.spaced.find(first, self.cursor)
        for _ in range(TRIES):  # the first word may stand earlier in another paragraph
            if start < 0:
                return text
            found = self._match(text, start)
            if found is not None:
                restored, end = found
                if advance:
                    self.cursor = end
                return restored
            start = self.spaced.find(first, start + 1)
        return text

    def _match(self, text: str, start: int) -> tuple[str, int] | None:
        """The words of ``text`` found one after the other in the document from
        ``start``, each space of ``text`` taking the whitespace found there; None when
        anything else stands between two words (the paragraph is not here)."""
        document = self.document
        out: list[str] = []
        at = start
        for index, word in enumerate(text.split(" ")):
            if index:
                gap = _GAP.match(document, at)
                if gap is None:
                    return None
                out.append(_space_of(gap.group(0)))
                at = gap.end()
            if document.startswith(word, at):
                at += len(word)
            else:  # a word cut by a line-end hyphen, or holding the asterisks of italics
                end = _loose(document, word, at)
                if end is None:
                    return None
                at = end
            out.append(word)
        return "".join(out), at


def _space_of(gap: str) -> str:
    """The space a paragraph's one space stands for, given the document's ``gap``: a
    plain space, the no-break space printed there, or all of a run of no-break spaces
    ("резолюцией\u00a0\u00a01514": the AKN and Word readers keep both)."""
    if all(char in NO_BREAK_SPACES for char in gap):
        return gap
    return next((char for char in gap if char in NO_BREAK_SPACES), " ")


#: What stands between two words of a paragraph: whitespace, and the asterisks that
#: mark its italic opening.
_GAP = re.compile(r"[\s*]+")
_INSIDE_WORD = "*-\n"


def _loose(document: str, word: str, at: int) -> int | None:
    """Where ``word`` ends if it stands at ``at`` with asterisks or a line-end hyphen
    inside it ("*Recalling*," for "Recalling,", "imple-/mentation")."""
    for char in word:
        skipped = 0
        while at < len(document) and document[at] != char and document[at] in _INSIDE_WORD:
            at += 1
            skipped += 1
            if skipped > 3:
                return None
        if at >= len(document) or document[at] != char:
            return None
        at += 1
    return at
