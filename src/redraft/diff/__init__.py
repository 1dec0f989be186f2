"""Paragraph-aware diff: align paragraphs by identity, then diff words inside pairs.

Public API (used by merge, blame, reports, Word export):

    from redraft.diff import diff_drafts
    result = diff_drafts(old, new)          # -> DiffResult
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .result import Change, DiffResult, VerbShift

if TYPE_CHECKING:
    from ..model import Draft

__all__ = ["Change", "DiffResult", "VerbShift", "diff_drafts"]


def diff_drafts(
    old: Draft,
    new: Draft,
    granularity: str = "words",
    old_source: str = "",
    new_source: str = "",
) -> DiffResult:
    """Compare two drafts. Implemented in :mod:`redraft.diff.engine` (imported on use,
    so that importing the result type stays cheap)."""
    from .engine import diff_drafts as _diff

    return _diff(old, new, granularity=granularity, old_source=old_source, new_source=new_source)
