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

from ..config import Config, load_config
from ..errors import NotFoundError, RedraftError, StoreError
from ..jobs import NO_STEPS, Steps
from ..measure.check import CheckResult, Target, check_targets
from ..measure.check_text import all_text_findings
from ..model import Draft, Version
from ..store import DRAFTS, Store
from .check_cache import CheckCache
from .parity_store import parity_findings
from .sources import load, load_store_drafts, open_store


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
    specs: Sequence[str],
    config: Config,
    store: Path | None = None,
    base: str | None = None,
    steps: Steps = NO_STEPS,
) -> tuple[list[Target], list[str]]:
    """The targets for ``specs`` (files or ``NAME[@REV]``; every draft of the store
    when empty) and the warnings met while reading them. Plain store names are read
    together (:func:`~redraft.resolve.load_store_drafts`)."""
    _listdir.cache_clear()  # a listing is good for one run only
    _load_base.cache_clear()
    opened: Store | None = None
    whole_store = not specs
    if whole_store:
        opened = open_store(store)
        specs = list(opened.names())
    warnings: list[str] = []
    found: dict[int, Target] = {}
    names: dict[int, str] = {}
    stored: set[int] = set()  # store revisions, whose language versions parity compares
    in_store = _StoreFiles(store)
    for index, spec in enumerate(specs):
        if spec == "-" or Path(spec).exists():
            loaded = load(spec, store)
            found[index] = in_store.target(spec, loaded.draft, config, base) or _file_target(
                spec, loaded.draft, config, base, store
            )
            warnings.extend(loaded.warnings)
        elif "@" in spec or opened is None and not _has_store(store):
            loaded = load(spec, store)  # its error names the spec
            opened = opened or open_store(store)
            found[index] = _store_target(spec, loaded.draft, config, base, opened, store)
            stored.add(index)
        else:
            names[index] = spec
            stored.add(index)
    if names:
        opened = opened or open_store(store)
        found.update(_store_targets(names, config, base, opened, store, whole_store, steps))
    order = [index for index in range(len(specs)) if index in found]
    targets = [found[index] for index in order]
    if opened is not None and stored and _parity_wanted(config):
        kept = [specs[index] if index in stored else None for index in order]
        findings = parity_findings(opened, kept)
        targets = [replace(t, parity=f) for t, f in zip(targets, findings, strict=True)]
    if config.session.languages:
        targets = _with_languages(targets, opened)
    if opened is not None:
        warnings.extend(opened.warnings)  # drafts of the store left out, named
    return targets, warnings


def _parity_wanted(config: Config) -> bool:
    """Whether the languages rule reports parity findings at all (docs/check.md)."""
    return config.session.parity_on and config.check.severity_of("languages") != "off"


class _StoreFiles:
    """A file given by path that is a store's own ``drafts/NAME.txt`` (a pre-commit hook
    passes paths) is checked with the store's knowledge of NAME: its versions' dates and
    its first version, while its text is the file's (what is about to be committed)."""

    def __init__(self, store: Path | None) -> None:
        self.store = store
        self.opened: Store | None = None
        self.versions: dict[str, list[Version]] | None = None

    def target(self, spec: str, draft: Draft, config: Config, base: str | None) -> Target | None:
        if spec == "-" or Path(spec).suffix != ".txt":
            return None
        try:
            if self.opened is None:
                self.opened = open_store(self.store or _store_above(Path(spec)))
                self.versions = self.opened.all_versions()
            path = Path(spec).resolve()
            if path.parent != (Path(self.opened.root) / "drafts").resolve():
                return None
        except (RedraftError, OSError):
            return None
        versions = (self.versions or {}).get(path.stem)
        if not versions:
            return None
        target = _store_target(
            path.stem, draft, config, base, self.opened, self.store, versions=versions
        )
        growth = config.check.max_growth is not None
        if growth and not base:
            target = replace(target, base=self.opened.drafts([versions[0]])[0])
        return replace(target, file=spec)


def _store_above(path: Path) -> Path | None:
    """The store holding ``path`` (the nearest parent with redraft.toml), if any."""
    for folder in path.resolve().parents:
        if (folder / "redraft.toml").is_file():
            return folder
    return None


def _has_store(store: Path | None) -> bool:
    try:
        open_store(store)
    except StoreError:
        return False
    return True


def _store_targets(
    names: dict[int, str],
    config: Config,
    base: str | None,
    opened: Store,
    store: Path | None,
    whole_store: bool = False,
    steps: Steps = NO_STEPS,
) -> dict[int, Target]:
    """Targets for plain store names, read in one batch; an unknown name falls back to
    :func:`~redraft.resolve.load`, whose error names it. Over the whole store, a draft
    whose stored text cannot be read is left out (the store's warnings name it)."""
    growth = config.check.max_growth is not None
    if whole_store and not growth:
        known = _known_targets(names, config, opened, steps)
        if known is not None:
            return known
    try:
        first = growth and not base
        stored = load_store_drafts(
            opened, list(names.values()), first=first, skip_bad=whole_store, steps=steps
        )
    except NotFoundError:
        for spec in names.values():
            load(spec, store)  # raises the usual one-line error for the unknown one
        raise
    out = {}
    by_name = {item.name: item for item in stored}  # a draft left out is not there
    for index, name in names.items():
        item = by_name.get(name)
        if item is None:
            continue
        target = _store_target(
            item.name, item.draft, config, base, opened, store, versions=item.versions
        )
        if item.first is not None:
            target = replace(target, base=item.first)
        out[index] = target
    return out


def _known_targets(
    names: dict[int, str], config: Config, opened: Store, steps: Steps
) -> dict[int, Target] | None:
    """The targets of the whole store, each text's own findings taken from the store's
    cache (:mod:`.check_cache`) or made and kept there: only the texts the cache lacks
    are read. None when a name has no version (the usual path then names it)."""
    everything = opened.all_versions()
    if not all(everything.get(name) for name in names.values()):
        return None
    cache = CheckCache(opened, config)
    out: dict[int, Target] = {}
    missing: dict[int, str] = {}
    for index, name in names.items():
        versions = everything[name]
        hit = cache.get(versions[-1].blob)
        if hit is None:
            missing[index] = name
            continue
        stub = Draft(meta=hit[1])  # the rules that read the text are answered by the cache
        target = _store_target(name, stub, config, None, opened, None, versions=versions)
        out[index] = replace(target, known=hit[0])
    if missing:
        stored = load_store_drafts(opened, list(missing.values()), skip_bad=True, steps=steps)
        made = all_text_findings([item.draft for item in stored], config)
        by_name = {item.name: (item, found) for item, found in zip(stored, made, strict=True)}
        for index, name in missing.items():
            if name not in by_name:  # its text cannot be read: the store's warnings say so
                continue
            item, found = by_name[name]
            cache.put(item.versions[-1].blob, found, item.draft.meta)
            target = _store_target(name, item.draft, config, None, opened, None, item.versions)
            out[index] = replace(target, known=found)
    cache.save({everything[name][-1].blob for name in names.values()})
    return out


@functools.lru_cache(maxsize=8)
def _load_base(spec: str, store: Path | None) -> Draft:
    """``--base`` read once for all the files of a run."""
    return load(spec, store).draft


def _file_target(
    spec: str, draft: Draft, config: Config, base: str | None, store: Path | None
) -> Target:
    name = "<stdin>" if spec == "-" else Path(spec).stem  # "L3.fr.txt" -> "L3.fr"
    growth = config.check.max_growth is not None
    base_draft = _load_base(base, store) if base and growth else None
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
    spec: str,
    draft: Draft,
    config: Config,
    base: str | None,
    opened: Store,
    store: Path | None,
    versions: Sequence[Version] | None = None,
) -> Target:
    """One store draft's target; ``versions`` when the caller already has them (batch),
    else one `git log` for the dates and the first version's text when growth needs it."""
    name = spec.split("@", 1)[0]
    first_saved: dt.date | None = None
    base_draft: Draft | None = None
    base_label = "the first version"
    growth = config.check.max_growth is not None
    if versions is None and (config.session.start is not None or (growth and not base)):
        versions = opened.versions(name)
        if versions and growth and not base:
            base_draft = opened.drafts([versions[0]])[0]
    if versions:
        first_saved = _to_date(versions[0].date)
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


def _store_file(opened: Store, name: str) -> str:
    """The file that holds ``name``, relative to the store (the repository a CI checks out)."""
    return f"{DRAFTS}/{name}.txt"


def _with_languages(targets: list[Target], opened: Store | None) -> list[Target]:
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
        others = [name for name in opened.names() if name not in seen]
        for item in load_store_drafts(opened, others, skip_bad=True):
            note(item.name, item.draft)
    out = []
    for target in targets:
        extra = names.get(target.name, set()) | by_symbol.get(target.draft.meta.symbol, set())
        out.append(replace(target, languages=target.languages | frozenset(extra)))
    return out


def run_check(
    specs: Sequence[str],
    store: Path | None = None,
    config_file: Path | None = None,
    base: str | None = None,
    today: dt.date | None = None,
    steps: Steps = NO_STEPS,
) -> tuple[CheckResult, list[str]]:
    """What ``redraft check`` does: read the config, gather the drafts, run the rules.
    Returns the result and the warnings met while reading drafts."""
    config = load_config(config_file, store)
    targets, warnings = gather_targets(specs, config, store, base, steps)
    if base and config.check.max_growth is None:
        warnings.append("--base has no effect: the config sets no max_growth")
    return check_targets(targets, config, today), warnings
