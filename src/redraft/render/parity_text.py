"""``redraft parity``: findings as plain text, one block per finding.

    es PP3  figure  2025 where en has 2015
      en: …its resolution 69/313 of 27 July 2015 on the Addis Ababa…
      es: …su resolución 69/313, de 27 de julio de 2025, relativa a…

No colour and no table: the output reads the same in a terminal, a pipe or a file.
"""

from __future__ import annotations

from ..parity.result import Finding, ParityResult

#: Characters of a paragraph shown when a finding has no excerpt.
SHOWN = 160


def render_parity_text(result: ParityResult) -> str:
    lines = [_heading(result)]
    for finding in result.findings:
        lines.extend(_finding(finding, result.reference))
    lines.append(result.summary_line())
    return "\n".join(lines) + "\n"


def _heading(result: ParityResult) -> str:
    given = " ".join(
        f"{lang}={_file_name(result.sources[lang])}" if lang in result.sources else lang
        for lang in result.languages
    )
    return f"parity against {result.reference}: {given}"


def _file_name(source: str) -> str:
    """The last part of a path (the whole of "-" or "NAME@REV")."""
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def _finding(finding: Finding, reference: str) -> list[str]:
    label = finding.label or "-"
    mark = "" if finding.severity == "error" else " (warning)"
    lines = [f"{finding.language} {label}  {finding.kind}{mark}  {finding.detail}"]
    ref_text = finding.reference_excerpt or _cut(finding.reference_text)
    text = finding.excerpt or _cut(finding.text)
    if ref_text:
        lines.append(f"  {reference}: {_one_line(ref_text)}")
    if text:
        lines.append(f"  {finding.language}: {_one_line(text)}")
    return lines


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def _one_line(text: str) -> str:
    return " / ".join(part.strip() for part in text.splitlines() if part.strip())
