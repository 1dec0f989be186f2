"""Which language version of a stored draft stands for which version of the original.

A draft's versions in other languages are drafts of their own, named ``NAME.xx``
(``unodc.fr``), so that history, log, sync and the merge driver work per language
unchanged (docs/store.md, "Language versions"). Each language version records the
version of the original it translates in a commit trailer::

    Redraft-Translates: unodc@3 4f2a9c1e...   (NAME@NUMBER, then the git id of its text)

The number is what a reader sees; the text's id is what survives a ``redraft sync``
that moves local versions after the remote's (their numbers and commits change, their
texts do not). A language version recorded without the trailer (by plain git, or saved
under ``NAME.fr`` directly) translates the original's latest version on or before its
date.

Pure: it works on :class:`~redraft.model.Version` lists that :mod:`redraft.resolve`
reads from the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from ..model import Version
from .languages import LANGUAGE_NAMES, language_order

_TRANSLATES = re.compile(r"^(?P<name>[^@\s]+)@(?P<number>\d+)(?:\s+(?P<blob>[0-9a-f]{40,64}))?$")


def translates_value(original: Version) -> str:
    """The trailer's value for a language version of ``original``: ``unodc@3 <text id>``."""
    return f"{original.name}@{original.number} {original.blob}".strip()


def parse_translates(value: str) -> tuple[str, int, str] | None:
    """``"unodc@3 4f2a..."`` -> ("unodc", 3, "4f2a..."); None when it is not one."""
    match = _TRANSLATES.match(value.strip())
    if match is None:
        return None
    return match.group("name"), int(match.group("number")), match.group("blob") or ""


def language_suffix(name: str, original: str) -> str | None:
    """ "fr" for ``unodc.fr`` when ``original`` is "unodc" and fr is a language code."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or stem != original:
        return None
    return suffix if is_language_code(suffix) else None


def is_language_code(code: str) -> bool:
    """A suffix that names a language version: the six official languages' codes."""
    return code in LANGUAGE_NAMES


def split_language_name(name: str) -> tuple[str, str] | None:
    """ "unodc.fr" -> ("unodc", "fr"); None for a name that is no language version."""
    stem, dot, suffix = name.rpartition(".")
    if dot and stem and is_language_code(suffix):
        return stem, suffix
    return None


def language_drafts(names: Iterable[str], original: str) -> dict[str, str]:
    """Language code -> the name of ``original``'s version in it (``{"fr": "unodc.fr"}``),
    in the UN's order."""
    found = {}
    for name in names:
        suffix = language_suffix(name, original)
        if suffix is not None:
            found[suffix] = name
    return {code: found[code] for code in sorted(found, key=language_order)}


def originals(names: Iterable[str]) -> dict[str, dict[str, str]]:
    """Every draft that has language versions among ``names`` -> its language drafts.
    A language version whose original is not among the names is an original itself."""
    present = set(names)
    out: dict[str, dict[str, str]] = {}
    for name in sorted(present):
        split = split_language_name(name)
        if split is not None and split[0] in present:
            out.setdefault(split[0], {})[split[1]] = name
    return {
        original: {code: found[code] for code in sorted(found, key=language_order)}
        for original, found in out.items()
    }


def translated(version: Version, history: Sequence[Version]) -> Version | None:
    """The version of the original (``history``, oldest first) that the language version
    ``version`` translates: by its trailer (the text's id first, then the number), else
    the latest dated on or before it; None when the original has no version then."""
    if not history:
        return None
    parsed = parse_translates(version.translates)
    if parsed is not None:
        _, number, blob = parsed
        same_text = [v for v in history if blob and v.blob == blob]
        if same_text:  # a sync may have renumbered it: the nearest of that text
            return min(same_text, key=lambda v: (abs(v.number - number), -v.number))
        if 1 <= number <= len(history):
            return history[number - 1]
    moment = _moment(version.date)
    earlier = [v for v in history if _moment(v.date) <= moment]
    return earlier[-1] if earlier else None


def _moment(iso: str) -> datetime:
    """An ISO date as an aware datetime (dates recorded in different zones compare)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Standing:
    """The language version that stands for one version of the original: ``version``
    translates ``of`` (the original's version, at or before the one asked for)."""

    language: str
    version: Version
    of: Version | None

    def current(self, original: Version) -> bool:
        """True when it translates exactly ``original`` (not an earlier version)."""
        return self.of is not None and self.of.number == original.number


def standing_for(
    original: Version, history: Sequence[Version], versions: Sequence[Version], language: str
) -> Standing | None:
    """The latest of ``versions`` (one language's, oldest first) that translates
    ``original`` or an earlier version of it; None when none does yet."""
    found: Standing | None = None
    for version in versions:
        of = translated(version, history)
        if of is not None and of.number <= original.number:
            found = Standing(language, version, of)
    return found


def standings(
    original: Version,
    history: Sequence[Version],
    by_language: Mapping[str, Sequence[Version]],
) -> dict[str, Standing]:
    """Language -> the version standing for ``original`` in it, for every language
    that has one (in the UN's order)."""
    out = {}
    for language in sorted(by_language, key=language_order):
        found = standing_for(original, history, by_language[language], language)
        if found is not None:
            out[language] = found
    return out


def languages_by_version(
    history: Sequence[Version], by_language: Mapping[str, Sequence[Version]]
) -> list[dict[str, Standing]]:
    """For each version of the original (oldest first), its standings (as
    :func:`standings`): which languages each version has."""
    translations = {
        language: [(translated(v, history), v) for v in versions]
        for language, versions in by_language.items()
    }
    out = []
    for original in history:
        row = {}
        for language in sorted(translations, key=language_order):
            found = None
            for of, version in translations[language]:
                if of is not None and of.number <= original.number:
                    found = Standing(language, version, of)
            if found is not None:
                row[language] = found
        out.append(row)
    return out


def describe_languages(own: str, row: Mapping[str, Standing], original: Version) -> str:
    """ "en, fr, es, ru (fr, es of version 2)": the languages a version has, saying
    which ones translate an earlier version."""
    names = [own or "en", *[code for code in row if code != own]]
    earlier: dict[int, list[str]] = {}
    for code, standing in row.items():
        if standing.of is not None and not standing.current(original):
            earlier.setdefault(standing.of.number, []).append(code)
    notes = "; ".join(
        f"{', '.join(codes)} of version {number}" for number, codes in sorted(earlier.items())
    )
    return ", ".join(names) + (f" ({notes})" if notes else "")


def short_languages(own: str, row: Mapping[str, Standing], original: Version) -> str:
    """ "en fr es(v1)": the languages a version has, each that translates an earlier
    version followed by that version's number (a table's column)."""
    shown = [own or "en"]
    for code, standing in row.items():
        if code == own:
            continue
        late = standing.of is not None and not standing.current(original)
        shown.append(f"{code}(v{standing.of.number})" if late and standing.of else code)
    return " ".join(shown)
