"""Drafts as flat unit sequences and back, and renumbering after a merge.

Merging works on the sequence the diff aligns (``Draft.units()``): every paragraph,
sub-paragraph and footnote, each with its depth. After a merge the sequence is
folded back into the block tree and renumbered, because inserted and deleted
paragraphs shift every number after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..blocktree import TreeBuilder
from ..labels import assign_labels
from ..model import Draft, Footnote, Kind, Meta, Paragraph
from ..numerals import latin_letters as letters
from ..numerals import roman

Unit = Paragraph | Footnote


@dataclass(frozen=True)
class Flat:
    """One unit without its children or footnotes, and its depth in the tree."""

    label: str
    depth: int
    unit: Unit


def flatten(draft: Draft) -> list[Flat]:
    """The units of ``draft`` in ``Draft.units()`` order."""
    out: list[Flat] = []
    for block in draft.blocks:
        _flatten_block(block, 0, out)
    return out


def _flatten_block(block: Paragraph, depth: int, out: list[Flat]) -> None:
    out.append(Flat(block.label, depth, replace(block, children=(), footnotes=())))
    out.extend(Flat(fn.label, depth, fn) for fn in block.footnotes)
    for child in block.children:
        _flatten_block(child, depth + 1, out)


def content_key(unit: Unit) -> tuple[str, ...]:
    """What a merge compares: the words and the style of the number, never its value
    (renumbering is not an edit; turning "1." into "(a)" is)."""
    if isinstance(unit, Footnote):
        return ("footnote", unit.marker, unit.text)  # the marker is cited in the text
    return (unit.kind.value, unit.text, unit.opening, number_style(unit.number))


def number_style(number: str) -> str:
    """ "1." and "12." and "3bis." -> "digits.", "(a)" -> "(letters)"; a number of no known
    style stands for itself; "" for none."""
    style = _numberer(number) if number else None
    if style is None:
        return number
    return "".join(style)


def rebuild(flats: Iterable[Flat], meta: Meta) -> Draft:
    """Fold a flat sequence back into a draft, renumbered and relabelled.

    A unit whose parent was deleted is attached to the nearest block above it, so
    nothing a delegation wrote is lost."""
    tree = TreeBuilder()
    waiting: list[Footnote] = []  # a footnote before any paragraph goes to the first one
    for flat in flats:
        if isinstance(flat.unit, Footnote):
            last = tree.last
            (last.footnotes if last else waiting).append(flat.unit)
            continue
        tree.place(flat.unit, flat.depth, clamp=True).footnotes.extend(waiting)
        waiting = []
    blocks = renumber(tree.freeze())
    return Draft(meta=meta, blocks=assign_labels(blocks))


# -- renumbering ----------------------------------------------------------------

_STYLE = re.compile(
    r"^(?P<open>\(?)(?P<body>[0-9]+|[a-z]+|[A-Z]+)(?:bis|ter|quater|alt)?(?P<close>[.)]?)$"
)


def _numberer(first: str) -> tuple[str, str, str] | None:
    """(open, kind, close) of a numbering style from a printed number, or None."""
    match = _STYLE.match("".join(first.split()))
    if not match:
        return None
    body = match["body"]
    if body.isdigit():
        kind = "digits"
    elif body.lower() in {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}:
        kind = "roman"
    else:
        kind = "letters"
    if body.isupper():
        kind += "-upper"
    return match["open"], kind, match["close"]


def _format(style: tuple[str, str, str], n: int) -> str:
    opening, kind, close = style
    if kind.startswith("digits"):
        body = str(n)
    elif kind.startswith("roman"):
        body = roman(n)
    else:
        body = letters(n)
    if kind.endswith("-upper"):
        body = body.upper()
    return f"{opening}{body}{close}"


def renumber(blocks: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """Number operative paragraphs 1, 2, 3... (sub-paragraphs (a), (b)... in the style
    each level already uses); "bis" numbers become plain, preambular ones are dropped."""
    out = []
    for block in blocks:
        if block.kind is Kind.PREAMBULAR and block.number:
            block = replace(block, number="")
        out.append(block)
    return _renumber_siblings(tuple(out))


def _renumber_siblings(blocks: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    numbered = [b for b in blocks if b.kind is Kind.OPERATIVE and b.number]
    style = next((s for b in numbered if (s := _numberer(b.number))), None)
    counter = 0
    out = []
    for block in blocks:
        if style and block.kind is Kind.OPERATIVE and block.number:
            counter += 1
            block = replace(block, number=_format(style, counter))
        if block.children:
            block = replace(block, children=_renumber_siblings(block.children))
        out.append(block)
    return tuple(out)
