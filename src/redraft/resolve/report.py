"""What ``redraft report`` shows, read from the store: one overview per draft."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..overview import DraftOverview, draft_overview
from .parity_store import with_languages
from .sources import open_store, with_words


def overview(
    store: Path | None, warnings: list[str] | None = None, corpus: str | None = None
) -> list[DraftOverview]:
    """Every draft of the store with its history, redlines and status, by name. A stored
    text that cannot be read is left out, and named in ``warnings``. With ``corpus`` (a
    precedent index or a folder of adopted texts), each latest version traced against it."""
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
    found = with_languages(opened, found)  # languages and parity, in a store that has them
    if warnings is not None:
        warnings.extend(opened.warnings)
    if corpus is not None and found:
        found = with_agreed_language(found, corpus, store)
    return found


def with_agreed_language(
    found: Sequence[DraftOverview], corpus: str, store: Path | None
) -> list[DraftOverview]:
    """Each overview with its latest version traced against ``corpus`` (a draft is never
    its own precedent: sources with its symbol are left out)."""
    from ..precedent import trace
    from .precedent import open_corpus

    index = open_corpus(corpus, store)
    try:
        out = []
        for draft in found:
            version, latest = draft.history[-1]
            symbol = version.symbol or latest.meta.symbol
            source = f"{draft.name}@{version.number}"
            result = trace(latest, index, source=source, symbol=symbol, exclude_symbol=symbol)
            out.append(replace(draft, agreed=result))
        return out
    finally:
        index.close()
