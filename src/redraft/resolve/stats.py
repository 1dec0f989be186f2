"""The drafts ``redraft stats`` measures: files, store revisions, or the whole store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..jobs import NO_STEPS, Steps, parallel_map
from ..measure.hints import hints as find_hints
from ..measure.stats import (
    WORDS_PER_PAGE,
    AgreedShare,
    DraftStats,
    StatsReport,
    VersionStats,
    draft_stats,
    version_stats,
)
from ..model import Draft
from .sources import load, load_store_drafts, open_store
from .specs import split_language_spec
from .stats_cache import cached_store_stats

#: The drafts the worker processes measure (forked: nothing is copied to them).
_SHARED: list[Any] = []


def all_stats(named: list[tuple[str, Draft]], words_per_page: int) -> list[DraftStats]:
    """:func:`draft_stats` of each draft, on the machine's cores when there are many."""
    _SHARED[:] = [named, words_per_page]
    try:
        return parallel_map(_stats_at, range(len(named)))
    finally:
        _SHARED.clear()


def _stats_at(index: int) -> DraftStats:
    named, words_per_page = _SHARED
    name, draft = named[index]
    return draft_stats(draft, name, words_per_page)


def spec_name(spec: str) -> str:
    """The name a draft is shown under: the store name with its revision, or the file name."""
    if spec == "-":
        return "<stdin>"
    return Path(spec).stem if Path(spec).exists() else spec


def stats_report(
    specs: Sequence[str],
    store: Path | None = None,
    words_per_page: int = WORDS_PER_PAGE,
    with_hints: bool = False,
    by_version: str | None = None,
    corpus: str | None = None,
    steps: Steps = NO_STEPS,
) -> StatsReport:
    """Load ``specs`` (files or ``NAME[@REV]``; every draft in the store when empty and
    no ``by_version``) and measure them; with ``corpus`` (a precedent index or a folder
    of adopted texts), give each its agreed-language share."""
    opened = None
    warnings: list[str] = []
    symbols: list[str] = []  # each draft's symbol: a draft is never its own precedent
    cached: list[DraftStats] | None = None
    if not specs and not by_version and not with_hints and corpus is None:
        # the figures alone: each text's are kept in the store's cache (no draft read)
        opened = open_store(store)
        cached, symbols = cached_store_stats(opened, words_per_page, all_stats, steps)
        named = []
        warnings.extend(opened.warnings)
    elif not specs and not by_version:
        opened = open_store(store)
        stored = load_store_drafts(opened, opened.names(), skip_bad=True, steps=steps)
        named = [(d.name, d.draft) for d in stored]
        symbols = [d.versions[-1].symbol or d.draft.meta.symbol for d in stored]
        warnings.extend(opened.warnings)
    else:
        named = []
        for spec in specs:
            item = load(spec, store)
            named.append((spec_name(spec), item.draft))
            symbols.append(item.symbol)
            warnings.extend(item.warnings)
    versions: list[VersionStats] = []
    if by_version:
        if "@" in by_version or Path(by_version).exists():  # as blame and history say it
            raise InputError(
                f"--by-version follows a draft through the store: give its NAME, not '{by_version}'"
            )
        opened = opened or open_store(store)
        base, language = split_language_spec(by_version)
        if language is not None:  # "unodc:fr": the versions of unodc's French version
            from .translations import language_draft

            by_version = language_draft(base, language, opened)
        history = opened.history(by_version, steps)
        if not history:
            raise opened.no_draft(by_version)
        versions = version_stats(history)
    drafts = cached if cached is not None else all_stats(named, words_per_page)
    if corpus is not None and drafts:
        drafts = with_agreed(drafts, [d for _, d in named], symbols, corpus, store)
    return StatsReport(
        drafts=tuple(drafts),
        hints=tuple(find_hints(named)) if with_hints else (),
        versions=tuple(versions),
        versions_of=by_version or "",
        warnings=tuple(warnings),
        precedent_index=corpus if corpus is not None and drafts else "",
    )


def with_agreed(
    rows: Sequence[DraftStats],
    drafts: Sequence[Draft],
    symbols: Sequence[str],
    corpus: str,
    store: Path | None,
) -> list[DraftStats]:
    """``rows`` with each draft's agreed-language share, traced against ``corpus``."""
    from ..precedent import trace
    from .precedent import open_corpus

    index = open_corpus(corpus, store)
    try:
        out = []
        for row, draft, symbol in zip(rows, drafts, symbols, strict=True):
            summary = trace(draft, index, symbol=symbol, exclude_symbol=symbol).summary
            share = AgreedShare(
                summary.agreed_share_words, summary.agreed_share_paragraphs, summary.new
            )
            out.append(replace(row, agreed=share))
        return out
    finally:
        index.close()
