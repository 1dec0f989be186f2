"""Building a block tree from blocks met in reading order, each with its depth.

Readers of indented canonical text, of Word documents and the merge's flat
sequences all do the same thing: keep a stack of open blocks, pop to the parent
of the new block, attach it, and freeze the whole into frozen Paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import InputError
from .model import Footnote, Paragraph

#: The deepest nesting redraft reads and writes: a paragraph, its sub-paragraphs, theirs...
#: Real drafts use five or six levels; the limit keeps every walk over a draft far from
#: Python's recursion limit, and every AKN file redraft writes readable again (libxml2
#: refuses documents more than 256 elements deep). docs/cli.md, "Limits".
MAX_DEPTH = 32


class NestingError(InputError):
    """A document nests paragraphs deeper than :data:`MAX_DEPTH` levels."""


def check_depth(depth: int, where: str = "") -> None:
    """Refuse a block at ``depth`` (0 = top level) when it would be level MAX_DEPTH + 1."""
    if depth >= MAX_DEPTH:
        at = f" ({where})" if where else ""
        raise NestingError(f"paragraphs nested more than {MAX_DEPTH} levels deep{at}")


def deepest(blocks: Iterable[Paragraph]) -> int:
    """How many levels ``blocks`` nest (1 for a flat draft, 0 for none), without recursion."""
    most = 0
    stack = [(block, 1) for block in blocks]
    while stack:
        block, level = stack.pop()
        most = max(most, level)
        if level <= MAX_DEPTH:  # deeper is refused anyway: stop counting there
            stack.extend((child, level + 1) for child in block.children)
    return most


@dataclass
class BlockNode:
    """A block under construction: children and extra footnotes still being added."""

    block: Paragraph
    depth: int
    children: list[BlockNode] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)  # added after block.footnotes

    def freeze(self) -> Paragraph:
        # The constructor, not dataclasses.replace: replace looks every field up by name,
        # a fifth of reading a stored text (every field is named here; a test checks
        # that Paragraph has no other)
        block = self.block
        return Paragraph(
            kind=block.kind,
            text=block.text,
            number=block.number,
            label=block.label,
            opening=block.opening,
            children=tuple(child.freeze() for child in self.children),
            footnotes=block.footnotes + tuple(self.footnotes),
        )


class TreeBuilder:
    """Places blocks by depth: a block nests under the nearest open block above it
    that is shallower."""

    def __init__(self) -> None:
        self.roots: list[BlockNode] = []
        self.stack: list[BlockNode] = []

    @property
    def last(self) -> BlockNode | None:
        """The block placed most recently (where a following footnote belongs)."""
        return self.stack[-1] if self.stack else None

    def place(self, block: Paragraph, depth: int, clamp: bool = False) -> BlockNode:
        """Attach ``block`` at ``depth``. With ``clamp``, a block deeper than one level
        below its parent is taken one level below it (nothing is left orphaned)."""
        while self.stack and self.stack[-1].depth >= depth:
            self.stack.pop()
        if clamp:
            depth = min(depth, self.stack[-1].depth + 1) if self.stack else 0
        check_depth(depth)
        node = BlockNode(block=block, depth=depth)
        (self.stack[-1].children if self.stack else self.roots).append(node)
        self.stack.append(node)
        return node

    def freeze(self) -> tuple[Paragraph, ...]:
        return tuple(node.freeze() for node in self.roots)
