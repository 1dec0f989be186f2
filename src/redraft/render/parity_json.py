"""``redraft parity --format json``: schema ``redraft.parity/1`` (docs/parity.md)."""

from __future__ import annotations

from typing import Any

from ..parity.result import Finding, ParityResult


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "language": finding.language,
        "label": finding.label,
        "kind": finding.kind,
        "detail": finding.detail,
        "reference_text": finding.reference_text,
        "text": finding.text,
        "reference_label": finding.reference_label,
        "label_in_language": finding.label_in_language,
        "severity": finding.severity,
        "figures": {side: list(values) for side, values in finding.figures.items()},
        "reference_excerpt": finding.reference_excerpt,
        "excerpt": finding.excerpt,
    }


def parity_json(result: ParityResult) -> dict[str, Any]:
    return {
        "schema": "redraft.parity/1",
        "reference": result.reference,
        "languages": list(result.languages),
        "expected": list(result.expected),
        "sources": dict(result.sources),
        "findings": [finding_json(f) for f in result.findings],
        "summary": {
            "findings": len(result.findings),
            "by_kind": result.by_kind(),
            "by_language": result.by_language(),
            "by_severity": result.by_severity(),
        },
        "alignment": {
            language: {
                "paragraphs": a.paragraphs,
                "by_label": a.by_label,
                "by_content": a.by_content,
                "footnotes": a.footnotes,
            }
            for language, a in result.alignment.items()
        },
    }
