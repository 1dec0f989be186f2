"""What ``redraft report`` shows, read from the store: one overview per draft."""

from __future__ import annotations

from pathlib import Path

from ..overview import DraftOverview, draft_overview
from .sources import open_store, with_words


def overview(store: Path | None, warnings: list[str] | None = None) -> list[DraftOverview]:
    """Every draft of the store with its history, redlines and status, by name. A stored
    text that cannot be read is left out, and named in ``warnings``."""
    opened = open_store(store)
    found = []
    for name in opened.names():
        # a version whose stored text cannot be read (a hostile push) is left out and
        # named in the warnings; the draft's other versions, and the other drafts, are shown
        versions = opened.versions(name)
        drafts = opened.readable_drafts(versions)
        history = with_words([(v, d) for v, d in zip(versions, drafts, strict=True) if d])
        if history:
            found.append(draft_overview(name, history))
    if warnings is not None:
        warnings.extend(opened.warnings)
    return found
