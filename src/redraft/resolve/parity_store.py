"""Parity of a stored draft's language versions, for ``status``, ``check`` and the report.

:func:`stored_parity` compares the versions standing for one version of a draft
(:func:`redraft.resolve.translations.language_set`) with
:func:`redraft.parity.check_parity`. Versions never change, so a result is kept in
.git/redraft-parity-cache.json by the ids of the texts compared (safe to delete): a
report or a ``check`` run again compares only what changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..config import load_config
from ..errors import ConfigError
from ..model import Draft, Version
from ..overview import DraftOverview, LanguageOverview
from ..parity import check_parity
from ..parity.result import Finding, ParityResult, result_data, result_from_data
from ..parity.versions import Standing, language_drafts, languages_by_version, standings
from ..store import Store
from ..store.revisions import select, split_spec
from .specs import split_language_spec

PARITY_CACHE = "redraft-parity-cache.json"  # in .git: derived figures, safe to delete
#: Results kept at most (a session's drafts, a few versions each).
CACHE_LIMIT = 4000


class ParityCache:
    """Parity results by the texts they compare, read once and written once per command."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.entries: dict[str, object] = {}
        self.changed = False
        data = store.load_cache(PARITY_CACHE)
        if data:
            try:
                loaded = json.loads(data.decode("utf-8", "replace"))
            except ValueError:
                loaded = None
            if isinstance(loaded, dict) and isinstance(loaded.get("results"), dict):
                self.entries = dict(loaded["results"])

    def result(
        self,
        texts: Mapping[str, tuple[Version, Draft]],
        reference: str,
        expected: Sequence[str],
        sources: Mapping[str, str],
    ) -> ParityResult:
        """The parity of ``texts`` (language -> version and draft), from the cache when
        these texts were compared before."""
        key = _key(texts, reference, expected, sources)
        kept = self.entries.get(key)
        if isinstance(kept, dict):
            found = result_from_data(kept)
            if found is not None:
                return found
        result = check_parity(
            {code: draft for code, (_, draft) in texts.items()},
            reference=reference,
            expected=expected,
            sources=sources,
        )
        self.entries.pop(key, None)
        self.entries[key] = result_data(result)  # newest last: the first to go are the oldest
        self.changed = True
        return result

    def save(self) -> None:
        if not self.changed:
            return
        kept = list(self.entries.items())[-CACHE_LIMIT:]
        body = {"format": 1, "results": dict(kept)}
        self.store.save_cache(PARITY_CACHE, json.dumps(body, ensure_ascii=False).encode())
        self.changed = False


def _key(
    texts: Mapping[str, tuple[Version, Draft]],
    reference: str,
    expected: Sequence[str],
    sources: Mapping[str, str],
) -> str:
    parts = [__version__, reference, ",".join(expected)]
    for code, (version, _) in sorted(texts.items()):
        parts.append(f"{code}={version.blob}={sources.get(code, '')}")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class DraftParity:
    """One version of a stored draft in its languages: which language versions stand
    for it, and how they compare (``parity``, None when it has none)."""

    name: str
    original: Version
    language: str  # the original's own
    standings: dict[str, Standing]
    parity: ParityResult | None
    by_version: tuple[tuple[Version, dict[str, Standing]], ...] = field(default=())

    @property
    def languages(self) -> list[str]:
        return [self.language, *[code for code in self.standings if code != self.language]]


def session_languages(store: str | Path | None) -> tuple[str, ...]:
    """``[session] languages`` of the store's configuration: the languages expected."""
    try:
        return load_config(None, Path(store) if store else None).session.languages
    except ConfigError:  # reported by the commands that read the configuration
        return ()


def draft_parity(
    spec: str, store: str | Path | None = None, by_version: bool = False
) -> DraftParity | None:
    """The languages of store draft ``NAME[@REV]`` and their parity; None for a file,
    a language version or a draft without language versions."""
    if spec == "-" or Path(spec).exists():
        return None
    if split_language_spec(spec)[1] is not None:
        return None
    name, rev = split_spec(spec)
    opened = Store.open(store)
    everything = opened.all_versions()
    history = everything.get(name)
    drafts = language_drafts(everything, name)
    if not history or not drafts:
        return None
    by_language = {code: everything[other] for code, other in drafts.items()}
    original = select(history, rev, name)
    cache = ParityCache(opened)
    result = parity_of(opened, cache, original, history, by_language, session_languages(store))
    cache.save()
    rows: tuple[tuple[Version, dict[str, Standing]], ...] = ()
    if by_version:
        rows = tuple(zip(history, languages_by_version(history, by_language), strict=True))
    found = standings(original, history, by_language)
    own = result.reference if result else opened.drafts([original])[0].meta.language or "en"
    return DraftParity(name, original, own, found, result, rows)


def parity_of(
    opened: Store,
    cache: ParityCache,
    original: Version,
    history: Sequence[Version],
    by_language: Mapping[str, Sequence[Version]],
    expected: Sequence[str] = (),
) -> ParityResult | None:
    """The parity of ``original`` with the language versions standing for it."""
    found = standings(original, history, by_language)
    if not found:
        return None
    chosen = [original, *[standing.version for standing in found.values()]]
    drafts = opened.drafts(chosen)
    own = drafts[0].meta.language or "en"
    texts = {own: (original, drafts[0])}
    sources = {own: f"{original.name}@{original.number}"}
    for (code, standing), draft in zip(found.items(), drafts[1:], strict=True):
        if code != own:
            texts[code] = (standing.version, draft)
            sources[code] = f"{standing.version.name}@{standing.version.number}"
    return cache.result(texts, own, tuple(expected), sources)


def with_languages(opened: Store, drafts: Sequence[DraftOverview]) -> list[DraftOverview]:
    """The report's drafts with their languages (:class:`~redraft.overview.LanguageOverview`)
    when the store has language versions; as they are otherwise (the same pages)."""
    from dataclasses import replace

    found = language_overviews(opened, opened.all_versions())
    return [replace(d, languages=found[d.name]) if d.name in found else d for d in drafts]


def language_overviews(
    opened: Store, everything: Mapping[str, Sequence[Version]]
) -> dict[str, LanguageOverview]:
    """Per draft of ``everything`` (name -> versions, oldest first) that has language
    versions or is one, its :class:`~redraft.overview.LanguageOverview`, the parity of
    each original's latest version included (kept in the parity cache); {} in a store
    with one language."""
    from ..overview import LanguageOverview
    from ..parity.versions import originals, translated

    groups = originals(name for name, versions in everything.items() if versions)
    if not groups:
        return {}
    expected = session_languages(opened.root)
    cache = ParityCache(opened)
    seen: dict[str, LanguageOverview] = {}
    for original, names in groups.items():
        history = everything[original]
        by_language = {code: everything[name] for code, name in names.items()}
        result = parity_of(opened, cache, history[-1], history, by_language, expected)
        rows = tuple(languages_by_version(history, by_language))
        own = result.reference if result else "en"
        seen[original] = LanguageOverview(own, rows, result)
        for code, name in names.items():
            of = translated(everything[name][-1], history)
            shown = f"{original}@{of.number}" if of else ""
            seen[name] = LanguageOverview(code, original=original, translates=shown)
    cache.save()
    return seen


def parity_findings(opened: Store, specs: Sequence[str | None]) -> list[tuple[Finding, ...]]:
    """For each store revision ``NAME[@REV]`` (None: not one), the parity findings of
    its language versions (``check``'s languages rule); () for a draft without them."""
    from ..parity.versions import originals

    everything = opened.all_versions()
    groups = originals(everything)
    cache = ParityCache(opened)
    out: list[tuple[Finding, ...]] = []
    for spec in specs:
        name, rev = split_spec(spec) if spec else ("", None)
        if name not in groups:
            out.append(())
            continue
        history = everything[name]
        by_language = {code: everything[other] for code, other in groups[name].items()}
        result = parity_of(opened, cache, select(history, rev, name), history, by_language)
        out.append(result.findings if result else ())
    cache.save()
    return out
