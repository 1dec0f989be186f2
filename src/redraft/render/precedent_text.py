"""``redraft precedent`` in the terminal: one line per paragraph (its class and first
source), the word redline under each adapted paragraph, and the agreed-language
summary. Styled with rich for a terminal; plain (the redline marked
``[-old-]{+new+}``) for files and pipes.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..english import plural

if TYPE_CHECKING:
    from rich.text import Text

    from ..precedent.model import (
        CorpusInfo,
        ParagraphPrecedent,
        PrecedentResult,
        SearchHit,
        SearchResult,
        Source,
        UpdateReport,
    )

CLASS_STYLE = {
    "verbatim": "green",
    "adapted": "yellow",
    "new": "bold red",
    "boilerplate": "dim",
}
MARKS = {"-": ("[-", "-]"), "+": ("{+", "+}")}
MARK_STYLE = {"-": "red strike", "+": "green underline"}


def percent(share: float) -> str:
    """Whole percent, rounded down: 99.5% of agreed words is not "100%"."""
    return f"{math.floor(share * 100 + 1e-9)}%"


def similarity_text(value: float) -> str:
    """Two decimals, rounded down: a paragraph one word off its source is not "1.00"."""
    return f"{math.floor(value * 100 + 1e-9) / 100:.2f}"


def corpus_line(corpus: CorpusInfo) -> str:
    languages = ", ".join(corpus.languages) or "no language"
    return (
        f"{plural(corpus.documents, 'document')}, {plural(corpus.paragraphs, 'paragraph')} "
        f"({languages})"
    )


def found_line(result: SearchResult) -> str:
    """ "5 paragraphs in 3 documents" """
    return f"{plural(result.total, 'paragraph')} in {plural(result.documents, 'document')}"


def source_line(source: Source) -> str:
    """ "A/RES/79/144 OP57, 2024-12-12, similarity 0.96" """
    date = f", {source.date}" if source.date else ""
    return f"{source.symbol} {source.label}{date}, similarity {similarity_text(source.similarity)}"


def summary_line(result: PrecedentResult) -> str:
    s = result.summary
    agreed = s.verbatim + s.adapted
    agreed_words = s.words["verbatim"] + s.words["adapted"]
    counted_words = agreed_words + s.words["new"]
    return (
        f"Agreed language: {agreed} of {s.evidence_paragraphs} paragraphs "
        f"({percent(s.agreed_share_paragraphs)}), {agreed_words:,} of {counted_words:,} words "
        f"({percent(s.agreed_share_words)}); verbatim {s.verbatim}, adapted {s.adapted}, "
        f"new {s.new}, boilerplate {s.boilerplate} (not counted); adapted from similarity "
        f"{result.threshold:.2f}"
    )


def paragraph_note(paragraph: ParagraphPrecedent) -> str:
    """What follows the class on a paragraph's line."""
    if paragraph.cls == "boilerplate":
        return paragraph.boilerplate
    if paragraph.sources:
        more = paragraph.matches - 1
        tail = f" (+{more} more)" if more > 0 else ""
        return source_line(paragraph.sources[0]) + tail
    if paragraph.nearest is not None:
        return f"nearest: {source_line(paragraph.nearest)}"
    return "nothing close in the corpus"


#: Styled text without rich: (text, rich style or "") pieces. :func:`plain` joins
#: them for files and pipes (rich is not even imported), :func:`styled` makes a rich
#: Text for a terminal.
Chunks = list[tuple[str, str]]


def plain(chunks: Chunks) -> str:
    return "".join(text for text, _ in chunks)


def styled(chunks: Chunks) -> Text:
    from rich.text import Text

    out = Text()
    for text, style in chunks:
        out.append(text, style=style or None)
    return out


def redline_chunks(segments: tuple[tuple[str, str], ...]) -> Chunks:
    out: Chunks = []
    for op, chunk in segments:
        if op == "=":
            out.append((chunk, ""))
        else:
            opener, closer = MARKS[op]
            out.append((f"{opener}{chunk}{closer}", MARK_STYLE[op]))
    return out


def render_precedent_text(result: PrecedentResult, all_sources: bool = False) -> Chunks:
    name = result.symbol or result.source
    out: Chunks = [(name, "bold"), (f" against {corpus_line(result.corpus)}\n\n", "")]
    width = max((len(p.label) for p in result.paragraphs), default=5)
    for paragraph in result.paragraphs:
        out.append((f"{paragraph.label:<{width}}  ", ""))
        out.append((f"{paragraph.cls:<11}", CLASS_STYLE[paragraph.cls]))
        out.append((f" {paragraph_note(paragraph)}\n", ""))
        if all_sources:
            for source in paragraph.sources[1:]:
                out.append((" " * (width + 14) + source_line(source) + "\n", "dim"))
        if paragraph.cls == "adapted":
            out.append(("    ", ""))
            out.extend(redline_chunks(paragraph.segments))
            out.append(("\n", ""))
    out.append(("\n" + summary_line(result) + "\n", "bold"))
    return out


def hit_line(hit: SearchHit) -> str:
    date = hit.date or "undated"
    return f"{date}  {hit.symbol} {hit.label}"


def render_search_text(result: SearchResult) -> Chunks:
    out: Chunks = [
        (f"“{result.phrase}”", "bold"),
        (
            f": {found_line(result)} (of {corpus_line(result.corpus)})\n",
            "",
        ),
    ]
    if result.first is not None:
        out.append((f"First use found: {hit_line(result.first)}\n", "bold"))
    if result.by_year:
        years = ", ".join(f"{year or 'undated'}: {n}" for year, n in result.by_year)
        out.append((f"By year: {years}\n", ""))
    if result.hits:
        out.append(("\n", ""))
    out.extend((hit_line(hit) + "\n", "") for hit in result.hits)
    hidden = result.total - len(result.hits)
    if hidden > 0:
        out.append((f"... and {hidden:,} more (--limit)\n", "dim"))
    return out


def render_index_text(report: UpdateReport) -> str:
    lines = [
        f"{report.index}: {corpus_line(report.corpus)}, {report.size_bytes / 1048576:.1f} MB",
        f"added {len(report.added)}, changed {len(report.changed)}, removed "
        f"{len(report.removed)}, unchanged {report.unchanged}, could not read "
        f"{len(report.skipped)} ({report.seconds:.1f} s)",
    ]
    lines += [f"  not indexed: {error}" for _, error in report.skipped]
    return "\n".join(lines) + "\n"
