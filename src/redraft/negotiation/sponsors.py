"""Sponsors per version, and who joined or left.

The sponsors of a version are those recorded with it (``redraft save --sponsors``,
:attr:`Version.sponsors`), else those of the draft itself (``Meta.sponsors``: the
AKN reader fills them from the document's metadata). An entry that lists several
delegations ("Belarus, China and Nicaragua") is split into one name each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Draft
from .lineage import Stamp, VersionLike, stamp_of

#: Names that hold " and " themselves: never split there.
_NAMES_WITH_AND = (
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "São Tomé and Príncipe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
    "Group of 77 and China",
    "G77 and China",
)


@dataclass(frozen=True)
class SponsorStep:
    stamp: Stamp
    sponsors: tuple[str, ...]
    joined: tuple[str, ...]  # not sponsors of the version before (all, at the first)
    left: tuple[str, ...]


@dataclass(frozen=True)
class SponsorsResult:
    name: str
    steps: tuple[SponsorStep, ...]

    @property
    def latest(self) -> tuple[str, ...]:
        return self.steps[-1].sponsors if self.steps else ()


def sponsors_by_version(name: str, history: Sequence[tuple[VersionLike, Draft]]) -> SponsorsResult:
    steps = []
    before: tuple[str, ...] = ()
    for version, draft in history:
        recorded = tuple(getattr(version, "sponsors", ()) or ()) or draft.meta.sponsors
        now = split_sponsors(recorded)
        joined = tuple(s for s in now if s not in before)
        left = tuple(s for s in before if s not in now)
        steps.append(SponsorStep(stamp_of(version), now, joined, left))
        before = now
    return SponsorsResult(name, tuple(steps))


def split_sponsors(entries: Iterable[str]) -> tuple[str, ...]:
    """``["Belarus, China and Nicaragua", "EU"]`` -> ``("Belarus", "China", "Nicaragua", "EU")``."""
    names: list[str] = []
    for entry in entries:
        names.extend(_split_one(entry))
    return tuple(dict.fromkeys(n for n in names if n))


def _split_one(entry: str) -> list[str]:
    protected = entry
    for index, name in enumerate(_NAMES_WITH_AND):
        protected = protected.replace(name, f"\x00{index}\x00")
    pieces = re.split(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+", protected)
    out = []
    for piece in pieces:
        for index, name in enumerate(_NAMES_WITH_AND):
            piece = piece.replace(f"\x00{index}\x00", name)
        out.append(piece.strip())
    return out
