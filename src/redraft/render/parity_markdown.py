"""``redraft parity --format markdown``: a summary and one table per language."""

from __future__ import annotations

from ..parity.languages import LANGUAGE_NAMES
from ..parity.result import KINDS, Finding, ParityResult
from .markdown_export import md_escape

SHOWN = 200


def render_parity_markdown(result: ParityResult) -> str:
    out = [f"# Parity against {_name(result.reference)}", "", result.summary_line() + ".", ""]
    out.extend(_summary_table(result))
    for language in result.languages:
        if language == result.reference:
            continue
        findings = [f for f in result.findings if f.language == language]
        source = result.sources.get(language, "")
        out += ["", f"## {_name(language)}" + (f" ({md_escape(source)})" if source else ""), ""]
        if not findings:
            out.append("No finding.")
            continue
        out += [
            f"| label | kind | detail | {result.reference} | {language} |",
            "|---|---|---|---|---|",
        ]
        out.extend(_row(f) for f in findings)
    missing = [f for f in result.findings if f.kind == "language"]
    if missing:
        out += ["", "## Languages missing", ""]
        out.extend(f"- {md_escape(f.detail)}" for f in missing)
    return "\n".join(out) + "\n"


def _name(code: str) -> str:
    return f"{LANGUAGE_NAMES.get(code, code)} ({code})"


def _summary_table(result: ParityResult) -> list[str]:
    kinds = [k for k in KINDS if k in result.by_kind()]
    if not kinds:
        return []
    rows = ["| language | " + " | ".join(kinds) + " |", "|---|" + "---|" * len(kinds)]
    for language in result.by_language():
        counts = [
            sum(1 for f in result.findings if f.language == language and f.kind == k) for k in kinds
        ]
        rows.append(f"| {language} | " + " | ".join(str(c) for c in counts) + " |")
    return rows


def _row(finding: Finding) -> str:
    def cell(text: str) -> str:
        text = text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
        return md_escape(" ".join(text.split()))

    kind = finding.kind + ("" if finding.severity == "error" else " (warning)")
    return (
        f"| {cell(finding.label)} | {kind} | {cell(finding.detail)} "
        f"| {cell(finding.reference_excerpt or finding.reference_text)} "
        f"| {cell(finding.excerpt or finding.text)} |"
    )
