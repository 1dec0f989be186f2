"""What ``redraft report`` shows, read from the store: one overview per draft."""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from ..overview import DraftOverview, draft_overview
from .sources import open_store, with_words


def overview(store: Path | None, warnings: list[str] | None = None) -> list[DraftOverview]:
    """Every draft of the store with its history, redlines and status, by name. A draft
    whose stored texts cannot be read is left out, and named in ``warnings``."""
    opened = open_store(store)
    found = []
    for name in opened.names():
        try:
            history = with_words(opened.history(name))
        except StoreError as error:  # one bad draft (a hostile push) spoils no other
            opened.warnings.append(f"{error}; left out")
            continue
        if history:
            found.append(draft_overview(name, history))
    if warnings is not None:
        warnings.extend(opened.warnings)
    return found
