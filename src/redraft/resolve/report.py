"""What ``redraft report`` shows, read from the store: one overview per draft."""

from __future__ import annotations

from pathlib import Path

from ..overview import DraftOverview, draft_overview
from .sources import open_store, with_words


def overview(store: Path | None) -> list[DraftOverview]:
    """Every draft of the store with its history, redlines and status, by name."""
    opened = open_store(store)
    found = []
    for name in opened.names():
        history = with_words(opened.history(name))
        if history:
            found.append(draft_overview(name, history))
    return found
