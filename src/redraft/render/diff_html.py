"""One self-contained HTML page: side by side, a navigation list by label.

No external assets (styles inline), and every piece of draft text goes through
:func:`html.escape`: a draft holding ``<script>`` stays text.
"""

from __future__ import annotations

from html import escape

from ..diff.result import (
    Change,
    DiffResult,
    change_heading,
    display_segments,
    side_labels,
    summary_line,
)
from .diff_text import shown

STYLE = """
body{font-family:Georgia,serif;margin:0;display:flex}
nav{width:14em;padding:1em;border-right:1px solid #ccc;height:100vh;overflow:auto;
position:sticky;top:0;font-family:sans-serif;font-size:.85em}
nav ol{padding-left:1.2em}main{flex:1;padding:1em 2em}
table{border-collapse:collapse;width:100%}td{vertical-align:top;width:50%;padding:.4em .8em;
border-top:1px solid #eee}
th.change{text-align:left;font-family:sans-serif;background:#f4f6f8;padding:.3em .8em}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:underline}
.summary{font-family:sans-serif;font-weight:bold;margin:1em 0}
"""


def _anchor(index: int) -> str:
    return f"c{index}"


def _side(change: Change, side: str, typography: bool) -> str:
    tag = "del" if side == "-" else "ins"
    out = []
    for op, text in display_segments(change, side, typography):
        safe = escape(text).replace("\n", "<br>")
        if op == "=":
            out.append(safe)
        elif op == side:
            out.append(f"<{tag}>{safe}</{tag}>")
    return "".join(out)


def render_diff_html(result: DiffResult, show_all: bool = False, typography: bool = False) -> str:
    changes = shown(result, show_all, typography)
    nav, rows = [], []
    for index, change in enumerate(changes):
        label = side_labels(change.new or change.old)
        nav.append(f'<li><a href="#{_anchor(index)}">{escape(label)}</a> {escape(change.op)}</li>')
        rows.append(
            f'<tr id="{_anchor(index)}"><th class="change" colspan="2">'
            f"{escape(change_heading(change))}</th></tr>"
            f"<tr><td>{_side(change, '-', typography) if change.old else ''}</td>"
            f"<td>{_side(change, '+', typography) if change.new else ''}</td></tr>"
        )
    old, new = escape(result.old_source or "old"), escape(result.new_source or "new")
    summary = escape(summary_line(result.summary(), result.changes))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>redraft diff: {old} → {new}</title><style>{STYLE}</style></head><body>"
        f"<nav><strong>Changed paragraphs</strong><ol>{''.join(nav)}</ol></nav>"
        f'<main><h1>{old} → {new}</h1><p class="summary">{summary}</p>'
        f"<table><thead><tr><th>{old}</th><th>{new}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></main></body></html>\n"
    )
