"""The languages of a stored draft and their parity, as ``redraft status`` prints them
(text lines under the status table, and fields of ``redraft.status/1``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import Version
from ..parity.result import Finding, ParityResult
from ..parity.versions import Standing, describe_languages
from .parity_json import parity_json


def languages_lines(
    language: str, standings: Mapping[str, Standing], original: Version, parity: ParityResult | None
) -> list[str]:
    """ "languages: en, fr, es (es of version 2)", the parity summary line and one line
    per finding."""
    lines = [f"languages: {describe_languages(language, standings, original)}"]
    if parity is None:
        return lines
    lines.append(f"parity: {parity.summary_line()}")
    lines.extend(f"  {finding_line(finding)}" for finding in parity.findings)
    return lines


def finding_line(finding: Finding) -> str:
    """ "fr PP1  figure  178/145 where en has 78/145" (as ``redraft parity`` heads a finding)."""
    mark = "" if finding.severity == "error" else " (warning)"
    return f"{finding.language} {finding.label or '-'}  {finding.kind}{mark}  {finding.detail}"


def standings_json(standings: Mapping[str, Standing]) -> dict[str, Any]:
    """Language -> the version standing for the original's version, and which it translates."""
    return {
        code: {
            "name": standing.version.name,
            "version": standing.version.number,
            "translates": standing.of.number if standing.of else None,
        }
        for code, standing in standings.items()
    }


def languages_json(
    language: str, standings: Mapping[str, Standing], parity: ParityResult | None
) -> dict[str, Any]:
    """The fields ``redraft status`` adds to ``redraft.status/1`` for a stored draft with
    language versions: ``languages``, ``language_versions`` and ``parity``
    (a ``redraft.parity/1`` document, null when none stands for that version)."""
    return {
        "languages": [language, *[code for code in standings if code != language]],
        "language_versions": standings_json(standings),
        "parity": parity_json(parity) if parity is not None else None,
    }
