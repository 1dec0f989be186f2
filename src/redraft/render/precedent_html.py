"""``redraft precedent`` as one self-contained HTML page: each paragraph beside its
source, the redline marked in both (removed words struck in the source, added words
underlined in the draft), sources linked by symbol to the UN's document resolver
(undocs.org). No script, no external asset; every text goes through
:func:`html.escape`.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

from .precedent_text import (
    corpus_line,
    found_line,
    render_index_text,
    similarity_text,
    source_line,
    summary_line,
)

if TYPE_CHECKING:
    from ..precedent.model import PrecedentResult, SearchResult, Source, UpdateReport

STYLE = """
body{font-family:Georgia,serif;margin:1.5em 2em;max-width:90em}
h1{font-family:sans-serif;font-size:1.3em}p.meta,p.summary{font-family:sans-serif}
p.summary{font-weight:bold}
table{border-collapse:collapse;width:100%}
td,th{vertical-align:top;padding:.4em .7em;border-top:1px solid #ddd;text-align:left}
th{font-family:sans-serif;background:#f4f6f8}
td.label{font-family:sans-serif;white-space:nowrap;width:7em}
td.para{width:45%}
.cls{display:inline-block;font-size:.8em;padding:0 .4em;border-radius:.3em}
.verbatim{background:#dfd}.adapted{background:#ffd}.new{background:#fdd}
.boilerplate{background:#eee;color:#555}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:underline}
.src{font-family:sans-serif;font-size:.85em;color:#444}ul.more{margin:.3em 0 0 1em;padding:0}
"""

#: The UN's document resolver: a symbol, a language, the document.
RESOLVER = "https://undocs.org"


def symbol_link(symbol: str, language: str = "en") -> str:
    """The symbol as a link to the document when it is a UN symbol, else as text."""
    if "/" not in symbol or " " in symbol.strip():
        return escape(symbol)
    url = f"{RESOLVER}/{quote(language or 'en')}/{quote(symbol, safe='/()')}"
    return f'<a href="{escape(url)}">{escape(symbol)}</a>'


def _side(segments: tuple[tuple[str, str], ...], side: str) -> str:
    tag = "del" if side == "-" else "ins"
    out = []
    for op, text in segments:
        if op == "=":
            out.append(escape(text))
        elif op == side:
            out.append(f"<{tag}>{escape(text)}</{tag}>")
    return "".join(out)


def _source_head(source: Source) -> str:
    date = f", {escape(source.date)}" if source.date else ""
    return (
        f'<div class="src">{symbol_link(source.symbol, source.language)} '
        f"{escape(source.label)}{date}, similarity {similarity_text(source.similarity)}</div>"
    )


def _page(title: str, body: list[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def render_precedent_html(result: PrecedentResult) -> str:
    name = result.symbol or result.source
    body = [
        f"<h1>Agreed language: {escape(name)}</h1>",
        f'<p class="meta">Against {escape(corpus_line(result.corpus))}.</p>',
        f'<p class="summary">{escape(summary_line(result))}</p>',
        "<table><tr><th>Paragraph</th><th>Draft</th><th>Source</th></tr>",
    ]
    for p in result.paragraphs:
        label = (
            f'<td class="label">{escape(p.label)}<br><span class="cls {p.cls}">{p.cls}</span></td>'
        )
        if p.cls == "adapted":
            draft = _side(p.segments, "+")
            source = _source_head(p.sources[0]) + _side(p.segments, "-")
        elif p.sources:
            draft = escape(p.text)
            source = _source_head(p.sources[0]) + escape(p.sources[0].text)
        elif p.cls == "boilerplate":
            draft, source = escape(p.text), f'<div class="src">{escape(p.boilerplate)}</div>'
        else:
            draft = escape(p.text)
            near = f"nearest: {source_line(p.nearest)}" if p.nearest else "nothing close"
            source = f'<div class="src">{escape(near)}</div>'
        more = "".join(
            f"<li>{symbol_link(s.symbol, s.language)} {escape(s.label)}"
            f"{', ' + escape(s.date) if s.date else ''}, {similarity_text(s.similarity)}</li>"
            for s in p.sources[1:]
        )
        if more:
            source += f'<ul class="more src">{more}</ul>'
        body.append(
            f'<tr id="{escape(p.label)}">{label}<td class="para">{draft}</td>'
            f'<td class="para">{source}</td></tr>'
        )
    body.append("</table>")
    return _page(f"Agreed language: {name}", body)


def render_search_html(result: SearchResult) -> str:
    body = [
        f"<h1>“{escape(result.phrase)}”</h1>",
        f'<p class="meta">{found_line(result)} (of {escape(corpus_line(result.corpus))}).</p>',
    ]
    if result.first is not None:
        first = result.first
        body.append(
            f'<p class="summary">First use found: {escape(first.date or "undated")} '
            f"{symbol_link(first.symbol, first.language)} {escape(first.label)}</p>"
        )
    if result.by_year:
        rows = "".join(
            f"<tr><td>{escape(year or 'undated')}</td><td>{n}</td></tr>"
            for year, n in result.by_year
        )
        body.append(f"<table><tr><th>Year</th><th>Paragraphs</th></tr>{rows}</table>")
    rows = "".join(
        f"<tr><td>{escape(h.date or 'undated')}</td><td>{symbol_link(h.symbol, h.language)}</td>"
        f"<td>{escape(h.label)}</td><td>{escape(h.text)}</td></tr>"
        for h in result.hits
    )
    body.append(
        "<h2>Uses, newest first</h2><table><tr><th>Date</th><th>Symbol</th>"
        f"<th>Paragraph</th><th>Text</th></tr>{rows}</table>"
    )
    return _page(f"Where “{result.phrase}” was used", body)


def render_index_html(report: UpdateReport) -> str:
    return _page("Precedent index", [f"<pre>{escape(render_index_text(report))}</pre>"])
