"""A draft flattened into what parity compares: paragraphs and footnotes, each with
its length, figures and place in the structure.

Paragraphs (every block and sub-paragraph, in reading order) and footnotes are two
separate sequences: each is aligned on its own, and a footnote's paragraph is
checked through the paragraph alignment.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Draft, Footnote, Kind, Paragraph, cited_markers, strip_footnote_refs
from .figures import Figure, extract_figures

_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")


def text_length(text: str, language: str) -> int:
    """How long a text is, comparably across languages: letters (any script), and
    for Chinese ideographs (Latin letters in a Chinese text are symbols and names)."""
    text = strip_footnote_refs(text)
    if language == "zh":
        return len(_IDEOGRAPH.findall(text))
    return len(_LETTER.findall(text))


@dataclass(frozen=True)
class Unit:
    """One paragraph, sub-paragraph or footnote of one language version."""

    index: int  # position in its sequence (paragraphs or footnotes)
    label: str
    kind: str  # Kind value ("preambular", "operative", "footnote"...)
    depth: int  # 0 for top-level blocks, 1 for sub-paragraphs...
    text: str
    length: int
    figures: tuple[Figure, ...]
    markers: tuple[str, ...] = ()  # footnotes cited (paragraphs only)
    parent: int = -1  # footnotes: index of the paragraph they are attached to
    values: Counter[str] = field(default_factory=Counter, compare=False)

    @property
    def is_table(self) -> bool:
        return self.kind == Kind.TABLE.value


@dataclass(frozen=True)
class Units:
    """A language version ready to compare."""

    language: str
    paragraphs: tuple[Unit, ...]
    footnotes: tuple[Unit, ...]


def draft_units(draft: Draft, language: str) -> Units:
    paragraphs: list[Unit] = []
    footnotes: list[Unit] = []

    def visit(block: Paragraph, depth: int) -> None:
        index = len(paragraphs)
        paragraphs.append(_unit(index, block.label, block.kind.value, depth, block.text, language))
        for note in block.footnotes:
            footnotes.append(_footnote(len(footnotes), note, index, language))
        for child in block.children:
            visit(child, depth + 1)

    for block in draft.blocks:
        visit(block, 0)
    return Units(language, tuple(paragraphs), tuple(footnotes))


def _unit(index: int, label: str, kind: str, depth: int, text: str, language: str) -> Unit:
    figures = tuple(extract_figures(text, language))
    return Unit(
        index=index,
        label=label,
        kind=kind,
        depth=depth,
        text=text,
        length=text_length(text, language),
        figures=figures,
        markers=tuple(cited_markers(text)),
        values=Counter(f.value for f in figures),
    )


def _footnote(index: int, note: Footnote, parent: int, language: str) -> Unit:
    figures = tuple(extract_figures(note.text, language))
    return Unit(
        index=index,
        label=note.label,
        kind="footnote",
        depth=0,
        text=note.text,
        length=text_length(note.text, language),
        figures=figures,
        parent=parent,
        values=Counter(f.value for f in figures),
    )
