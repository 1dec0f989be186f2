"""What ``redraft parity`` found: findings and the summary every renderer prints."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..config import PARITY_KINDS
from .languages import language_order

#: Kinds of finding, in the order renderers list them (docs/parity.md); defined once in
#: config, which checks ``[session] parity`` against them.
KINDS: tuple[str, ...] = PARITY_KINDS


@dataclass(frozen=True)
class Finding:
    """One way a language version does not correspond to the reference.

    ``label`` is the reference's label of the affected unit (for a missing or merged
    paragraph, the reference paragraph that has no counterpart; for an extra one,
    which has none, its own label in its language). ``reference_label`` is None for
    an extra unit, ``label_in_language`` None for a missing one."""

    language: str
    label: str
    kind: str
    detail: str
    reference_text: str = ""
    text: str = ""
    reference_label: str | None = None
    label_in_language: str | None = None
    severity: str = "error"  # "error": the texts disagree; "warning": they may
    figures: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    reference_excerpt: str = ""  # a few words around what differs, for reading by eye
    excerpt: str = ""
    position: int = 0  # where the reference unit stands, to sort findings


@dataclass(frozen=True)
class Alignment:
    """How one language's units were paired with the reference's."""

    paragraphs: int  # paragraphs and sub-paragraphs in this language
    by_label: int  # paired with the reference unit of the same label
    by_content: int  # paired by length, figures and position (labels differ)
    footnotes: int


@dataclass(frozen=True)
class ParityResult:
    reference: str
    languages: tuple[str, ...]  # in the UN's order (ar, zh, en, fr, ru, es), then others
    findings: tuple[Finding, ...]
    sources: Mapping[str, str] = field(default_factory=dict)
    alignment: Mapping[str, Alignment] = field(default_factory=dict)
    expected: tuple[str, ...] = ()

    @property
    def exit_code(self) -> int:
        """1 when something was found (the CLI's convention), else 0."""
        return 1 if self.findings else 0

    def by_kind(self) -> dict[str, int]:
        counts = Counter(f.kind for f in self.findings)
        return {kind: counts[kind] for kind in KINDS if counts[kind]}

    def by_language(self) -> dict[str, int]:
        counts = Counter(f.language for f in self.findings)
        return {lang: counts[lang] for lang in sorted(counts, key=language_order)}

    def by_severity(self) -> dict[str, int]:
        counts = Counter(f.severity for f in self.findings)
        return {s: counts[s] for s in ("error", "warning") if counts[s]}

    def summary_line(self) -> str:
        if not self.findings:
            return f"{len(self.languages)} languages agree with {self.reference}: no finding"
        kinds = ", ".join(f"{n} {kind}" for kind, n in self.by_kind().items())
        count = len(self.findings)
        return (
            f"{count} finding{'s' * (count != 1)} in {len(self.languages)} languages "
            f"against {self.reference}: {kinds}"
        )


#: Bump when what parity finds changes: results kept by their texts' ids are dropped.
RESULT_FORMAT = 1


def result_data(result: ParityResult) -> dict[str, object]:
    """A result as plain data (JSON), to keep it (the store's parity cache)."""
    return {
        "format": RESULT_FORMAT,
        "reference": result.reference,
        "languages": list(result.languages),
        "expected": list(result.expected),
        "sources": dict(result.sources),
        "findings": [
            {
                **{name: getattr(f, name) for name in _FINDING_FIELDS},
                "figures": {side: list(values) for side, values in f.figures.items()},
            }
            for f in result.findings
        ],
        "alignment": {
            language: [a.paragraphs, a.by_label, a.by_content, a.footnotes]
            for language, a in result.alignment.items()
        },
    }


_FINDING_FIELDS = (
    "language",
    "label",
    "kind",
    "detail",
    "reference_text",
    "text",
    "reference_label",
    "label_in_language",
    "severity",
    "reference_excerpt",
    "excerpt",
    "position",
)


def result_from_data(data: Mapping[str, object]) -> ParityResult | None:
    """A result kept by :func:`result_data`; None when it is not one (another format,
    damage): the caller compares the versions again."""
    try:
        if data.get("format") != RESULT_FORMAT:
            return None
        findings = []
        for item in data["findings"]:  # type: ignore[attr-defined]
            fields = {name: item[name] for name in _FINDING_FIELDS}
            figures = {side: tuple(values) for side, values in item["figures"].items()}
            findings.append(Finding(**fields, figures=figures))
        alignment = {
            language: Alignment(*counts)
            for language, counts in data["alignment"].items()  # type: ignore[attr-defined]
        }
        return ParityResult(
            reference=str(data["reference"]),
            languages=tuple(data["languages"]),  # type: ignore[arg-type]
            findings=tuple(findings),
            sources=dict(data["sources"]),  # type: ignore[call-overload]
            alignment=alignment,
            expected=tuple(data["expected"]),  # type: ignore[arg-type]
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
