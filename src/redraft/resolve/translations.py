"""A stored draft's versions in other languages (docs/store.md, "Language versions").

Each language version is a draft of its own, ``NAME.xx`` (``unodc.fr``), whose versions
record the original's version they translate (:mod:`redraft.parity.versions`). This
module reads them for what the user named:

- ``NAME[@REV]:LANG`` (or ``--lang LANG``): the version in LANG that stands for
  ``NAME@REV``, the latest that translates REV or an earlier version
  (:func:`load_translation`); the original itself when LANG is its own language;
- ``NAME[@REV]`` for ``redraft parity``: every language's version standing for REV
  (:func:`language_set`);
- ``redraft save NAME FILE --lang LANG``: where the file goes and what it translates
  (:func:`save_language_version`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import InputError, NotFoundError
from ..model import Draft, Loaded, Version
from ..parity.languages import LANGUAGE_NAMES, guess_language, normalize_language
from ..parity.versions import (
    Standing,
    language_drafts,
    split_language_name,
    standing_for,
    standings,
    translated,
    translates_value,
)
from ..store import Store
from ..store.revisions import is_valid_name, select, split_spec
from .specs import split_language_spec


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def with_language(specs: Sequence[str], language: str | None) -> list[str]:
    """``--lang LANG`` applied to the store revisions among ``specs`` (``unodc@2`` ->
    ``unodc@2:fr``); files and ``-`` are what they are. An error when none is a
    store revision, or when one already names another language."""
    if not language:
        return list(specs)
    if not specs:
        raise InputError(f"--lang {language}: name the stored draft to read (NAME[@REV])")
    code = normalize_language(language)
    out, applied = [], False
    for spec in specs:
        if spec == "-" or Path(spec).exists():
            out.append(spec)
            continue
        base, suffix = split_language_spec(spec)
        if suffix is not None and normalize_language(suffix) != code:
            raise InputError(f"{spec} names another language than --lang {language}")
        out.append(f"{base}:{code}")
        applied = True
    if specs and not applied:
        raise InputError(
            f"--lang {language} picks a language version of a stored draft (NAME@REV); "
            "a file is read in its own language"
        )
    return out


def _open(store: str | Path | Store | None) -> Store:
    return store if isinstance(store, Store) else Store.open(store)


def load_translation(spec: str, language: str, store: str | Path | None = None) -> Loaded:
    """``NAME[@REV]`` in ``language``: the version of ``NAME.xx`` that stands for that
    version of NAME, or NAME itself when it is written in that language."""
    code = normalize_language(language)
    name, rev = split_spec(spec)
    opened = _open(store)
    split = split_language_name(name)
    if split is not None:  # "unodc.fr@2:fr" is "unodc.fr@2"
        if split[1] != code:
            raise InputError(f"{spec}:{language}: {name} is the {language_name(split[1])} version")
        return opened.read(name, rev)
    history = opened.existing(name)
    original = select(history, rev, name)
    target = f"{name}.{code}"
    versions = opened.versions(target) if is_valid_name(target) else []
    if versions:
        found = standing_for(original, history, versions, code)
        if found is None:
            first = translated(versions[0], history)
            since = f" (its first translates {name}@{first.number})" if first else ""
            raise NotFoundError(
                f"{spec}:{code}: no {language_name(code)} version of {name}@{original.number} "
                f"or an earlier version in {target}{since}"
            )
        return _loaded(opened, found)
    loaded = opened.read(name, rev)
    if (loaded.draft.meta.language or "en") == code:
        return loaded
    raise NotFoundError(
        f"{spec}:{code}: {name} has no {language_name(code)} version "
        f"(save one with 'redraft save {name} FILE --lang {code}')"
    )


def _loaded(opened: Store, standing: Standing) -> Loaded:
    version = standing.version
    draft = opened.drafts([version])[0]
    fields = version.as_dict()
    if standing.of is not None:
        fields["translates"] = f"{standing.of.name}@{standing.of.number}"
    return Loaded(draft, f"{version.name}@{version.number}", (), fields)


def language_draft(name: str, language: str, store: str | Path | Store | None = None) -> str:
    """The draft holding NAME's versions in ``language``: ``NAME.xx``, or NAME itself
    when it is written in that language (commands that follow one draft's history)."""
    code = normalize_language(language)
    opened = _open(store)
    target = f"{name}.{code}"
    if is_valid_name(target) and opened.versions(target):
        return target
    if (opened.read(name).draft.meta.language or "en") == code:
        return name
    raise NotFoundError(f"{name} has no {language_name(code)} version ({target})")


@dataclass(frozen=True)
class LanguageSet:
    """The versions of one version of a draft in every language the store has:
    ``versions`` (language -> the version read, the original's language first),
    ``standings`` (which version of the original each translates)."""

    name: str
    original: Version
    language: str  # the original's own language
    versions: dict[str, Loaded]
    standings: dict[str, Standing]


def language_set(spec: str, store: str | Path | None = None) -> LanguageSet:
    """``NAME[@REV]`` and its language versions standing for that version: one
    ``git log`` for the store's versions, one ``cat-file`` for their texts."""
    name, rev = split_spec(spec)
    opened = _open(store)
    everything = opened.all_versions()
    history = everything.get(name)
    if not history:
        raise opened.no_draft(name)
    original = select(history, rev, name)
    drafts = language_drafts(everything, name)
    found = standings(original, history, {code: everything[n] for code, n in drafts.items()})
    chosen = [original, *[standing.version for standing in found.values()]]
    texts = opened.drafts(chosen)
    own = texts[0].meta.language or "en"
    versions = {own: Loaded(texts[0], f"{name}@{original.number}", (), original.as_dict())}
    for (code, standing), draft in zip(found.items(), texts[1:], strict=True):
        if code == own:
            continue
        version = standing.version
        versions[code] = Loaded(draft, f"{version.name}@{version.number}", (), version.as_dict())
    return LanguageSet(name, original, own, versions, found)


# -- saving a language version ----------------------------------------------------------


@dataclass(frozen=True)
class SavedLanguage:
    """What ``redraft save NAME FILE --lang LANG`` did: the draft it saved to, the
    version (None when identical to the latest), and what it translates."""

    name: str
    version: Version | None
    translates: Version | None
    warnings: tuple[str, ...] = ()


def save_language_version(
    opened: Store,
    name: str,
    loaded: Loaded,
    language: str,
    translates_rev: str | None = None,
    **fields: Any,
) -> SavedLanguage:
    """Save ``loaded`` as NAME's version in ``language`` ("auto": the language the
    document says): ``NAME.xx`` recording the original's version it translates
    (``translates_rev``, default the latest), or NAME itself when the language is
    NAME's own or NAME has no version yet."""
    draft = loaded.draft
    warnings: list[str] = []
    code = document_language(draft) if language.lower() == "auto" else normalize_language(language)
    split = split_language_name(name)
    if split is not None and split[1] == code:
        name = split[0]  # "save unodc.fr fr.docx --lang fr": the French of unodc
    warnings.extend(language_mismatch(loaded, code, language.lower() == "auto"))
    draft = replace(draft, meta=replace(draft.meta, language=code))
    history = opened.versions(name)
    own = (opened.drafts([history[-1]])[0].meta.language or "en") if history else code
    if code == own:
        if translates_rev is not None:
            raise InputError(f"--translates: {name} is itself in {language_name(code)}")
        version = opened.save(name, draft, **fields)
        return SavedLanguage(name, version, None, tuple(warnings))
    original = select(history, translates_rev, name)
    target = f"{name}.{code}"
    fields = dict(fields)
    # the symbol of the version translated (one symbol in every language), unless given
    fields["symbol"] = fields.get("symbol") or original.symbol or draft.meta.symbol
    fields["sponsors"] = fields.get("sponsors") or original.sponsors or draft.meta.sponsors
    version = opened.save(target, draft, translates=translates_value(original), **fields)
    return SavedLanguage(target, version, original, tuple(warnings))


def document_language(draft: Draft) -> str:
    """The language a document is in: what its text reads as when that is clear (a
    Word file's properties often say en-US whatever its text), else its metadata."""
    return guess_language(_sample(draft)) or draft.meta.language or "en"


def language_mismatch(loaded: Loaded, code: str, auto: bool = False) -> list[str]:
    """A warning when the document says, or reads as, another language than ``code``."""
    said = loaded.draft.meta.language or "en"
    reads = guess_language(_sample(loaded.draft))
    where = "standard input" if loaded.source == "-" else loaded.source
    if auto:
        if reads and said != reads:
            name = language_name(reads)
            return [f"{where}: reads as {name} though it says {said}: saved as {name}"]
        return []
    if reads is not None and reads != code:
        return [
            f"{where}: reads as {language_name(reads)}, not {language_name(code)} "
            f"(--lang {code}): saved as {language_name(code)} all the same"
        ]
    if reads is None and said != code:
        return [
            f"{where}: the document says {said}, not {code} (--lang {code}): saved as "
            f"{language_name(code)} all the same"
        ]
    return []


def reads_as_other_language(loaded: Loaded, name: str, opened: Store) -> str | None:
    """A warning for ``redraft save NAME FILE`` without --lang when FILE reads as another
    language than NAME's (the French text saved over the English original): only
    documents that do not read as English are looked at, so a plain save costs nothing
    more."""
    reads = guess_language(_sample(loaded.draft))
    if reads is None or reads == "en":
        return None
    history = opened.versions(name)
    if not history:
        return None
    own = opened.drafts([history[-1]])[0].meta.language or "en"
    if own == reads:
        return None
    where = "standard input" if loaded.source == "-" else loaded.source
    return (
        f"{where} reads as {language_name(reads)} and {name} is in {language_name(own)}: "
        f"saved as a version of {name}; to keep it as {name}'s {language_name(reads)} "
        f"version: redraft save {name} FILE --lang {reads}"
    )


def _sample(draft: Draft, limit: int = 4000) -> str:
    """Enough of a draft's text to tell its language."""
    parts, size = [], 0
    for unit in draft.units():
        parts.append(unit.text)
        size += len(unit.text)
        if size > limit:
            break
    return " ".join(parts)


def standings_of(
    history: Sequence[Version], by_language: Mapping[str, Sequence[Version]]
) -> dict[str, Standing]:
    """The standings for the latest version of the original (``status``, ``list``)."""
    return standings(history[-1], history, by_language) if history else {}


# -- what redraft list shows ----------------------------------------------------------------


@dataclass(frozen=True)
class DraftLanguages:
    """The languages of one draft as ``redraft list`` shows them: its own ``language``;
    for an original, its language versions standing for its latest version
    (``standings``); for a language version, its ``original`` and what its latest
    version ``translates`` (``unodc@3``)."""

    name: str
    language: str
    standings: dict[str, Standing]
    original: str = ""
    translates: str = ""

    @property
    def languages(self) -> list[str]:
        """Its own language, then its language versions' (UN order)."""
        return [self.language, *[code for code in self.standings if code != self.language]]

    def shown(self, latest: Version) -> str:
        """ "en, fr, es (es of version 2)" for an original with language versions,
        "fr of unodc@3" for a language version, its own language otherwise."""
        if self.original:
            return f"{self.language} of {self.translates or self.original}"
        from ..parity.versions import describe_languages

        return describe_languages(self.language, self.standings, latest)


def draft_languages(
    found: Mapping[str, Sequence[Version]], own: Mapping[str, str]
) -> dict[str, DraftLanguages]:
    """The languages of every draft in ``found`` (``Store.all_versions``), given the
    language each latest text says it is in (``own``, from ``redraft list``'s figures):
    language versions are known by their names and trailers, nothing more is read."""
    from ..parity.versions import originals

    names = sorted(name for name, versions in found.items() if versions)
    groups = originals(names)
    out = {}
    for name in names:
        history = found[name]
        drafts = groups.get(name, {})
        by_language = {code: found[other] for code, other in drafts.items()}
        language = own.get(name) or "en"
        out[name] = DraftLanguages(name, language, standings(history[-1], history, by_language))
    for original, drafts in groups.items():
        for code, other in drafts.items():
            of = translated(found[other][-1], found[original])
            out[other] = DraftLanguages(
                other, code, {}, original, f"{original}@{of.number}" if of else ""
            )
    return out


def translations_of(opened: Store, versions: Sequence[Version]) -> dict[str, str]:
    """Commit -> "unodc@3", the original's version each language version translates
    (``redraft log``): read from its trailer, then found in the original's history by
    its text, so that a version renumbered by a sync is named by its number today."""
    from ..parity.versions import parse_translates

    found: dict[str, str] = {}
    histories: dict[str, list[Version]] = {}
    for version in versions:
        parsed = parse_translates(version.translates)
        if parsed is None:
            continue
        name = parsed[0]
        if name not in histories:
            histories[name] = opened.versions(name) if is_valid_name(name) else []
        of = translated(version, histories[name])
        found[version.commit] = f"{name}@{of.number if of else parsed[1]}"
    return found
