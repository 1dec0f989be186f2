"""Paragraph-aware diff: align paragraphs by identity, then diff words inside pairs.

Public API (used by merge, blame, reports, Word export):

    from redraft.diff import diff_drafts
    result = diff_drafts(old, new)          # -> DiffResult
"""

from __future__ import annotations

from .result import Change, DiffResult, VerbShift

__all__ = ["Change", "DiffResult", "VerbShift", "diff_drafts"]


def diff_drafts(old, new, granularity="words", old_source="", new_source=""):  # type: ignore[no-untyped-def]
    """Compare two drafts. Implemented in :mod:`redraft.diff.engine`."""
    from .engine import diff_drafts as _diff

    return _diff(old, new, granularity=granularity, old_source=old_source, new_source=new_source)
