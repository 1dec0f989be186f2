"""``redraft parity --format html``: one self-contained page (no external assets).

A table of findings by kind and language, then one table per language with the
reference's text and the language's side by side (right to left for Arabic). Every
piece of draft text goes through :func:`html.escape`.
"""

from __future__ import annotations

from html import escape

from ..parity.languages import LANGUAGE_NAMES
from ..parity.result import KINDS, Finding, ParityResult

RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})

STYLE = """
body{font-family:Georgia,serif;margin:1em 2em;max-width:80em}
h1,h2,.summary,th{font-family:sans-serif}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
td,th{vertical-align:top;padding:.35em .6em;border-top:1px solid #ddd;text-align:left}
th{background:#f4f6f8}td.label{white-space:nowrap;font-family:monospace}
.warning{color:#8a6d00}.error{color:#a00}.summary{font-weight:bold}
td.text{width:35%}
"""


def render_parity_html(result: ParityResult) -> str:
    reference = result.reference
    parts = [f"<h1>Parity against {escape(_name(reference))}</h1>", *parity_sections(result)]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>redraft parity against {escape(reference)}</title>"
        f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>\n"
    )


def parity_sections(result: ParityResult, level: int = 2, anchor: str = "") -> list[str]:
    """The summary line, the table of findings by kind and language, then a section per
    language (headings ``<h{level}>``, ids ``{anchor}{language}``): the body of the page,
    also a part of the report's draft pages."""
    reference = result.reference
    parts = [
        f'<p class="summary">{escape(result.summary_line())}</p>',
        _summary_table(result, anchor),
    ]
    for language in result.languages:
        if language == reference:
            continue
        findings = [f for f in result.findings if f.language == language]
        source = result.sources.get(language, "")
        title = _name(language) + (f" — {source}" if source else "")
        parts.append(f'<h{level} id="{escape(anchor + language)}">{escape(title)}</h{level}>')
        if not findings:
            parts.append("<p>No finding.</p>")
            continue
        rows = "".join(_row(f, reference) for f in findings)
        parts.append(
            "<table><tr><th>label</th><th>kind</th><th>detail</th>"
            f"<th>{escape(reference)}</th><th>{escape(language)}</th></tr>{rows}</table>"
        )
    missing = [f for f in result.findings if f.kind == "language"]
    if missing:
        items = "".join(f"<li>{escape(f.detail)}</li>" for f in missing)
        parts.append(f"<h{level}>Languages missing</h{level}><ul>{items}</ul>")
    return parts


def _name(code: str) -> str:
    return f"{LANGUAGE_NAMES.get(code, code)} ({code})"


def _summary_table(result: ParityResult, anchor: str = "") -> str:
    kinds = [k for k in KINDS if k in result.by_kind()]
    if not kinds:
        return ""
    head = "".join(f"<th>{escape(k)}</th>" for k in kinds)
    rows = []
    for language in result.by_language():
        cells = "".join(
            f"<td>{sum(1 for f in result.findings if f.language == language and f.kind == k)}</td>"
            for k in kinds
        )
        link = f'<a href="#{escape(anchor + language)}">{escape(language)}</a>'
        rows.append(f"<tr><td>{link}</td>{cells}</tr>")
    return f"<table><tr><th>language</th>{head}</tr>{''.join(rows)}</table>"


def _cell(text: str, language: str) -> str:
    direction = ' dir="rtl"' if language in RIGHT_TO_LEFT else ""
    body = escape(text).replace("\n", "<br>")
    return f'<td class="text" lang="{escape(language)}"{direction}>{body}</td>'


def _row(finding: Finding, reference: str) -> str:
    return (
        f'<tr class="{escape(finding.severity)}"><td class="label">{escape(finding.label)}</td>'
        f"<td>{escape(finding.kind)}</td><td>{escape(finding.detail)}</td>"
        f"{_cell(finding.reference_excerpt or finding.reference_text, reference)}"
        f"{_cell(finding.excerpt or finding.text, finding.language)}</tr>"
    )
