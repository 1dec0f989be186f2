"""``redraft check`` as text, and as GitHub workflow commands (annotations on a pull request)."""

from __future__ import annotations

from ..english import plural
from ..measure.check import CheckResult


def render_check_text(result: CheckResult) -> str:
    lines = []
    for v in result.violations:
        where = f"{v.draft} {v.label}" if v.label else v.draft
        lines.append(f"{where}: {v.severity}: {v.message} [{v.rule}]")
    lines.append(
        _totals(result) + (f" (config: {result.config_source})" if result.config_source else "")
    )
    return "\n".join(lines)


def _totals(result: CheckResult) -> str:
    """ "1 error, 0 warnings in 1 draft"."""
    return (
        f"{plural(result.errors, 'error')}, {plural(result.warnings, 'warning')} "
        f"in {plural(len(result.drafts), 'draft')}"
    )


def _escape(text: str, prop: bool = False) -> str:
    """GitHub workflow-command escaping (properties also escape ':' and ',')."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_check_github(result: CheckResult) -> str:
    """One ``::error``/``::warning`` workflow command per violation."""
    lines = []
    for v in result.violations:
        props = [f"file={_escape(v.file, True)}"] if v.file else []
        props.append(f"title={_escape(f'redraft {v.rule}', True)}")
        where = f"{v.draft} {v.label}" if v.label else v.draft
        lines.append(f"::{v.severity} {','.join(props)}::{_escape(f'{where}: {v.message}')}")
    lines.append(f"redraft check: {_totals(result)}")
    return "\n".join(lines)
