"""The drafts ``redraft check`` runs on, and what is known about each besides its text:
its first version and date from the store, its base for growth, its language versions
(docs/check.md, "Language versions")."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .check import Target
from .config import Config
from .model import Draft
from .stats import open_store


def _to_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def gather_targets(
    specs: Sequence[str], config: Config, store: Path | None = None, base: str | None = None
) -> tuple[list[Target], list[str]]:
    """The targets for ``specs`` (files or ``NAME[@REV]``; every draft of the store
    when empty) and the warnings met while reading them."""
    from .sources import load

    opened: Any = None
    if not specs:
        opened = open_store(store)
        specs = list(opened.names())
    warnings: list[str] = []
    targets = []
    for spec in specs:
        if spec == "-" or Path(spec).exists():
            loaded = load(spec, store)
            target = _file_target(spec, loaded.draft, config, base, store)
        else:
            loaded = load(spec, store)  # first: its error names the spec
            if opened is None:
                opened = open_store(store)
            target = _store_target(spec, loaded.draft, config, base, opened, store)
        warnings.extend(loaded.warnings)
        targets.append(target)
    if config.session.languages:
        targets = _with_languages(targets, opened)
    return targets, warnings


def _file_target(
    spec: str, draft: Draft, config: Config, base: str | None, store: Path | None
) -> Target:
    from .sources import load

    name = "<stdin>" if spec == "-" else Path(spec).stem  # "L3.fr.txt" -> "L3.fr"
    base_draft = load(base, store).draft if base else None
    return Target(
        name=name,
        draft=draft,
        file="" if spec == "-" else spec,
        base=base_draft,
        base_label=base or "the first version",
        first_saved=_to_date(draft.meta.date) if draft.meta.date else None,
        languages=frozenset(_sibling_languages(spec, config.session.languages)),
    )


def _sibling_languages(spec: str, languages: Iterable[str]) -> set[str]:
    """Languages of the files next to ``spec`` named ``STEM.xx.*`` (``L3.fr.txt``)."""
    if spec == "-":
        return set()
    path = Path(spec)
    stem = path.name.split(".", 1)[0]
    wanted = set(languages)
    found = set()
    for name in _listdir(path.parent):
        parts = name.split(".")
        if len(parts) >= 3 and parts[0] == stem and parts[1] in wanted:
            found.add(parts[1])
    return found


@functools.lru_cache(maxsize=64)
def _listdir(folder: Path) -> tuple[str, ...]:
    """One listing per folder per run: checking a session's 336 files globbed 2,000 times."""
    try:
        return tuple(entry.name for entry in os.scandir(folder))
    except OSError:
        return ()


def _store_target(
    spec: str, draft: Draft, config: Config, base: str | None, opened: Any,
    store: Path | None,
) -> Target:
    from .sources import load

    name = spec.split("@", 1)[0]
    first_saved: dt.date | None = None
    base_draft: Draft | None = None
    base_label = "the first version"
    growth = config.check.max_growth is not None
    if config.session.start is not None or (growth and not base):
        # One `git log` for the dates; the first version's text only when growth needs it.
        versions = opened.versions(name)
        if versions:
            first_saved = _to_date(versions[0].date)
            if growth and not base:
                base_draft = opened.read(name, str(versions[0].number)).draft
    if base and growth:
        base_spec = base if ("@" in base or Path(base).exists()) else f"{name}@{base}"
        base_draft = load(base_spec, store).draft
        base_label = base_spec
    return Target(
        name=name,
        draft=draft,
        file=_store_file(opened, name),
        base=base_draft,
        base_label=base_label,
        first_saved=first_saved,
    )


def _store_file(opened: Any, name: str) -> str:
    """The file that holds ``name``, relative to the store (the repository a CI checks out)."""
    from .store import DRAFTS

    return f"{DRAFTS}/{name}.txt"


def _with_languages(targets: list[Target], opened: Any) -> list[Target]:
    """Add the languages found elsewhere: drafts named ``NAME.xx`` in the store or in
    this run, and drafts sharing the symbol in another ``language``."""
    by_symbol: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}

    def note(name: str, draft: Draft) -> None:
        stem, dot, suffix = name.rpartition(".")
        if dot and stem and len(suffix) == 2:
            names.setdefault(stem, set()).add(suffix)
        if draft.meta.symbol:
            by_symbol.setdefault(draft.meta.symbol, set()).add(draft.meta.language)

    for target in targets:
        note(target.name, target.draft)
    if opened is not None:
        seen = {t.name for t in targets}
        for other in opened.names():
            if other not in seen:
                note(other, opened.read(other).draft)
    out = []
    for target in targets:
        extra = names.get(target.name, set()) | by_symbol.get(target.draft.meta.symbol, set())
        out.append(replace(target, languages=target.languages | frozenset(extra)))
    return out
