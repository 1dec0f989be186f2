"""A draft flattened into what parity compares: paragraphs and footnotes, each with
its length, figures and place in the structure.

Paragraphs (every block and sub-paragraph, in reading order) and footnotes are two
separate sequences: each is aligned on its own, and a footnote's paragraph is
checked through the paragraph alignment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Draft, Footnote, Kind, Paragraph, cited_markers, strip_footnote_refs
from .figures import Figure, read_figures

_NOT_IDEOGRAPHS = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def text_length(text: str, language: str) -> int:
    """How long a text is, comparably across languages: letters (any script), and
    for Chinese ideographs (Latin letters in a Chinese text are symbols and names).
    Document symbols, web addresses and month names are not counted: they are
    figures, and the Arabic month names are twice as long as others'."""
    return prose_length(read_figures(text, language).prose, language)


def prose_length(text: str, language: str) -> int:
    """The length of a text whose figures are already blanked out."""
    text = strip_footnote_refs(text)
    # Runs of what is not counted are fewer than the characters counted: count them.
    skipped = _NOT_IDEOGRAPHS if language == "zh" else _NOT_LETTERS
    return len(text) - sum(map(len, skipped.findall(text)))


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


#: A heading that holds only its number ("VII", "B.", "سابعا", "七"): some
#: versions print it on a line of its own, others on the title's line.
_NUMBER_ONLY = re.compile(
    r"\s*(?:[IVXLCDM]+|[A-Z]|\d+|[一二三四五六七八九十百]+"
    r"|(?:ال)?(?:[أا]ول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي)[اًى]?"
    r"(?:\s+(?:عشر|و\S+))?)\s*[.)、]?\s*"
)


#: An article's heading that holds only its number: "Article 2", "Artículo 14",
#: "Статья 3", "المادة 4", "第5条", "Article premier". Some versions print the
#: article's title on the same line ("Article 2 Terminologie").
_ARTICLE_ONLY = re.compile(
    r"\s*(?:(?:Article|Artículo|Articulo|Статья|المادة)\s+(?:\d+|premier|primero)"
    r"|第[\d一二三四五六七八九十百]+条)\s*[.:]?\s*",
    re.IGNORECASE,
)


#: A heading that holds a word or two and a number: "Chapter I", "Chapitre premier",
#: "Part II", "Section 3", "الباب 1", "الجزء الأول", "第5条"; printed on the title's
#: line in some versions: :func:`numbered_heading_pair` tells that from a real merge.
_NUMBERED_ONLY = re.compile(
    r"\s*(?:[^\W\d_]+\s+){1,2}(?:\d+|[IVXLC]+|premier|première|primero|primera"
    r"|(?:ال)?(?:[أا]ول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي)[اةى]?)"
    r"\s*[.:]?\s*"
    r"|\s*\S{0,2}第[\d一二三四五六七八九十百]+[条章部节编篇款]\s*",
    re.IGNORECASE,
)


def numbered_heading_pair(units: Sequence[Unit]) -> bool:
    """Two headings, the first holding only a word and a number ("Chapter I" then
    "General provisions"): one heading where another version prints them on one line."""
    return (
        len(units) == 2
        and all(u.kind == Kind.HEADING.value for u in units)
        and bool(_NUMBERED_ONLY.fullmatch(units[0].text) or _NUMBER_ONLY.fullmatch(units[0].text))
    )


#: A note saying the document was issued again ("* Reissued for technical reasons on
#: 5 May 2025"): printed in the versions reissued, not part of the text.
_REISSUED = re.compile(
    r"^\*?\s*(?:Reissued for technical reasons|Nouveau tirage pour raisons techniques"
    r"|Publicado nuevamente por razones técnicas|Переиздано по техническим причинам"
    r"|أعيد إصدار\S* لأسباب فنية|因技术原因重新印发)",
    re.IGNORECASE,
)


def draft_units(draft: Draft, language: str) -> Units:
    paragraphs: list[Unit] = []
    footnotes: list[Unit] = []
    prefix = ""  # a number-only heading waiting for the heading it numbers

    def visit(block: Paragraph, depth: int) -> None:
        nonlocal prefix
        if depth == 0 and not block.children and _REISSUED.match(block.text):
            return  # printed in a reissued version only, as a title, a heading or text
        lone = depth == 0 and block.kind in (Kind.HEADING, Kind.TEXT) and not block.children
        if (
            lone
            and not block.footnotes
            and (_NUMBER_ONLY.fullmatch(block.text) or _ARTICLE_ONLY.fullmatch(block.text))
        ):
            prefix += block.text + " "
            return
        text = prefix + block.text if prefix else block.text
        prefix = ""
        index = len(paragraphs)
        paragraphs.append(_unit(index, block.label, block.kind.value, depth, text, language))
        for note in block.footnotes:
            footnotes.append(_footnote(len(footnotes), note, index, language))
        for child in block.children:
            visit(child, depth + 1)

    for block in draft.blocks:
        visit(block, 0)
    if prefix and paragraphs:  # a number left at the very end: keep it as a unit
        index = len(paragraphs)
        paragraphs.append(_unit(index, "", Kind.HEADING.value, 0, prefix.strip(), language))
    return Units(language, tuple(paragraphs), tuple(footnotes))


def _unit(index: int, label: str, kind: str, depth: int, text: str, language: str) -> Unit:
    reading = read_figures(text, language)
    figures = reading.figures
    return Unit(
        index=index,
        label=label,
        kind=kind,
        depth=depth,
        text=text,
        length=prose_length(reading.prose, language),
        figures=figures,
        markers=tuple(cited_markers(text)),
        values=Counter(f.value for f in figures),
    )


def _footnote(index: int, note: Footnote, parent: int, language: str) -> Unit:
    reading = read_figures(note.text, language)
    figures = reading.figures
    return Unit(
        index=index,
        label=note.label,
        kind="footnote",
        depth=0,
        text=note.text,
        length=prose_length(reading.prose, language),
        figures=figures,
        parent=parent,
        values=Counter(f.value for f in figures),
    )
