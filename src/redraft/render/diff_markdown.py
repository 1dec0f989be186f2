"""A redline in Markdown, for a pull-request comment or an e-mail.

Deletions are ``~~struck~~``, insertions ``**bold**``; the text around them is
escaped so that a draft's own asterisks or brackets print as themselves.
"""

from __future__ import annotations

import re

from ..diff.result import Change, DiffResult, change_heading, display_segments, summary_line
from .diff_text import shown

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape(text: str) -> str:
    """Backslash the characters Markdown would read as markup (and a leading # + -)."""
    text = _SPECIAL.sub(r"\\\1", text)
    return "\\" + text if text[:1] in ("#", "+", "-") else text


def _marked(op: str, text: str) -> str:
    """Markup must hug the words: ``~~ a ~~`` does not render, so spaces stay outside."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    mark = "~~" if op == "-" else "**"
    body = escape(core).replace("\n", f"{mark} ¶ {mark}")
    return f"{lead}{mark}{body}{mark}{trail}"


def markdown_redline(change: Change, typography: bool = False) -> str:
    parts = []
    for op, text in display_segments(change, "-+", typography):
        parts.append(escape(text).replace("\n", " ¶ ") if op == "=" else _marked(op, text))
    return "".join(parts)


def render_diff_markdown(
    result: DiffResult, show_all: bool = False, typography: bool = False
) -> str:
    title = f"{result.old_source or 'old'} → {result.new_source or 'new'}"
    lines = [f"## Changes: {escape(title)}", ""]
    for change in shown(result, show_all, typography):
        redline = markdown_redline(change, typography)
        lines += [f"#### {escape(change_heading(change))}", "", redline, ""]
    lines.append(f"*{escape(summary_line(result.summary(), result.changes))}*")
    return "\n".join(lines) + "\n"
