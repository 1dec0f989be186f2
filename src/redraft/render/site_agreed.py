"""Agreed language on the pages of ``redraft report`` (docs/report.md): the share in
the index of drafts, and on each draft's page a summary, a table of its paragraphs'
classes and first sources, and the new-language paragraphs marked in its latest text.

:mod:`redraft.render.site` calls these when a draft's overview carries a trace
(:attr:`redraft.overview.DraftOverview.agreed`, made when a precedent index is
configured); without one the pages are what they always were. Every text is escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

from .precedent_html import symbol_link
from .precedent_text import percent, source_line, summary_line

if TYPE_CHECKING:
    from ..precedent.model import ParagraphPrecedent, PrecedentResult

#: The heading of the index page's column.
COLUMN = "Agreed language"


def index_cell(result: PrecedentResult | None) -> str:
    """The index page's cell: the share of the words that is agreed language."""
    return "" if result is None else percent(result.summary.agreed_share_words)


def paragraph_marks(result: PrecedentResult | None) -> dict[str, tuple[str, str]]:
    """label -> (class, note) for the latest text: new language is marked ("new"),
    agreed language says its first source in a tooltip; boilerplate is left alone."""
    if result is None:
        return {}
    marks = {}
    for paragraph in result.paragraphs:
        if paragraph.cls == "new":
            marks[paragraph.label] = ("new", "new language: no adopted text close enough")
        elif paragraph.cls in ("verbatim", "adapted") and paragraph.sources:
            marks[paragraph.label] = ("", f"{paragraph.cls}: {source_line(paragraph.sources[0])}")
    return marks


def mark_html(mark: tuple[str, str] | None) -> tuple[str, str, str]:
    """(extra class, title attribute, tag) for a paragraph of the latest text."""
    if mark is None:
        return "", "", ""
    css, note = mark
    title = f' title="{escape(note)}"'
    tag = '<span class="tag">new language</span>' if css == "new" else ""
    return (f" {css}" if css else ""), title, tag


def agreed_section(result: PrecedentResult) -> str:
    """The draft page's section: the summary and each paragraph's class and source."""
    rows = "".join(_row(p, result.language) for p in result.paragraphs if p.cls != "boilerplate")
    new = [p.label for p in result.paragraphs if p.cls == "new"]
    where = (
        f"{result.corpus.documents:,} adopted "
        f"{'document' if result.corpus.documents == 1 else 'documents'}"
    )
    marked = f" New language is marked in the latest text: {escape(', '.join(new))}." if new else ""
    return (
        f'<section id="agreed"><h2>Agreed language</h2><p class="summary">'
        f"{escape(summary_line(result).removeprefix('Agreed language: '))} (against {where})."
        f"{marked}</p>"
        f'<table class="agreed"><thead><tr><th>Paragraph</th><th>Class</th><th>First source'
        f"</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _row(paragraph: ParagraphPrecedent, language: str) -> str:
    label = escape(paragraph.label)
    link = f'<a href="#p-{escape(quote(paragraph.label))}">{label}</a>'
    source = "no adopted text close enough" if paragraph.cls == "new" else ""
    if paragraph.sources:
        first = paragraph.sources[0]
        rest = escape(source_line(first)[len(first.symbol) :])
        source = f"{symbol_link(first.symbol, first.language or language)}{rest}"
    return f"<tr><td>{link}</td><td>{escape(paragraph.cls)}</td><td>{source}</td></tr>"
