"""``redraft precedent`` in Markdown: a table of paragraphs with their class and first
source, each adapted paragraph's redline (``~~removed~~`` **added**), the summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .diff_markdown import escape
from .precedent_text import (
    corpus_line,
    found_line,
    hit_line,
    paragraph_note,
    render_index_text,
    similarity_text,
    summary_line,
)

if TYPE_CHECKING:
    from ..precedent.model import PrecedentResult, SearchResult, UpdateReport


def _cell(text: str) -> str:
    return escape(text).replace("\n", " ")


def _marked(op: str, text: str) -> str:
    """Markup hugs the words (``~~ a ~~`` does not render): spaces stay outside."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    mark = "~~" if op == "-" else "**"
    return f"{lead}{mark}{_cell(core)}{mark}{trail}"


def markdown_segments(segments: tuple[tuple[str, str], ...]) -> str:
    return "".join(_cell(t) if op == "=" else _marked(op, t) for op, t in segments)


def render_precedent_markdown(result: PrecedentResult) -> str:
    name = result.symbol or result.source
    lines = [
        f"## Agreed language: {escape(name)}",
        "",
        f"Against {escape(corpus_line(result.corpus))}.",
        "",
        "| paragraph | class | source |",
        "|---|---|---|",
    ]
    for p in result.paragraphs:
        lines.append(f"| {_cell(p.label)} | {p.cls} | {_cell(paragraph_note(p))} |")
    adapted = [p for p in result.paragraphs if p.cls == "adapted"]
    if adapted:
        lines += ["", "### Adapted paragraphs", ""]
        for p in adapted:
            source = p.sources[0]
            lines += [
                f"**{_cell(p.label)}** from {_cell(source.symbol)} {_cell(source.label)} "
                f"({similarity_text(source.similarity)}):",
                "",
                markdown_segments(p.segments),
                "",
            ]
    lines += ["", f"*{escape(summary_line(result))}*"]
    return "\n".join(lines) + "\n"


def render_search_markdown(result: SearchResult) -> str:
    lines = [
        f"## “{escape(result.phrase)}”",
        "",
        f"{found_line(result)} (of {escape(corpus_line(result.corpus))}).",
        "",
    ]
    if result.first is not None:
        lines += [f"First use found: **{escape(hit_line(result.first))}**", ""]
    if result.by_year:
        lines += ["| year | paragraphs |", "|---|---|"]
        lines += [f"| {year or 'undated'} | {n} |" for year, n in result.by_year]
        lines.append("")
    if result.hits:
        lines += ["| date | symbol | paragraph |", "|---|---|---|"]
        lines += [
            f"| {h.date or 'undated'} | {_cell(h.symbol)} | {_cell(h.label)} |" for h in result.hits
        ]
    return "\n".join(lines) + "\n"


def render_index_markdown(report: UpdateReport) -> str:
    return "\n".join(f"    {line}" for line in render_index_text(report).splitlines()) + "\n"
