"""A draft's versions and the diff between each pair of neighbours: what blame,
history and the word attribution follow a paragraph through.

A paragraph keeps its identity across renumbering (OP5 -> OP6), moves and edits
because :func:`redraft.diff.diff_drafts` aligns it; this module reads that
alignment (``Change.old`` -> ``Change.new``) and adds one rule of its own: a
unit the diff calls deleted and a unit it calls inserted *with the same label and
kind* in the same step are one paragraph rewritten. Resolving a bracket often
removes most of a paragraph's words ("science [, in accordance with ... -G77; US
delete.]" -> "science, [Agreed ad ref]"), which is below the diff's similarity
threshold, yet negotiators still speak of the same PP2bis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..errors import InputError, NotFoundError
from ..model import Draft, normalize_label

if TYPE_CHECKING:
    from ..diff.result import Change, DiffResult


class VersionLike(Protocol):
    """What negotiation needs of a store :class:`~redraft.model.Version`."""

    @property
    def number(self) -> int: ...
    @property
    def symbol(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def by(self) -> str: ...


@dataclass(frozen=True)
class Stamp:
    """Which version: its number, the delegation that recorded it, its date and symbol."""

    version: int
    by: str
    date: str
    symbol: str

    @property
    def day(self) -> str:
        return self.date[:10]

    def short(self) -> str:
        """``v3 L.3 EU 2012-06-02``, for tables."""
        symbol = short_symbol(self.symbol)
        return " ".join(x for x in (f"v{self.version}", symbol, self.by, self.day) if x)


def short_symbol(symbol: str) -> str:
    """``E/CN.15/2011/L.3/Rev.1`` -> ``L.3/Rev.1``: the part negotiators say."""
    parts = symbol.split("/")
    for index, part in enumerate(parts):
        if part.startswith(("L.", "CRP.", "WP.", "Rev.")):
            return "/".join(parts[index:])
    return symbol


def stamp_of(version: VersionLike) -> Stamp:
    return Stamp(version.number, version.by, version.date, version.symbol)


@dataclass(frozen=True)
class Lineage:
    """Versions oldest first, their drafts, and ``steps[i]`` = diff(drafts[i], drafts[i+1])."""

    name: str
    stamps: tuple[Stamp, ...]
    drafts: tuple[Draft, ...]
    steps: tuple[DiffResult, ...]

    def change_into(self, step: int, label: str) -> Change:
        """The change of ``steps[step]`` whose new side holds ``label``."""
        return next(c for c in self.steps[step].changes if label in c.new)

    def change_from(self, step: int, label: str) -> Change:
        """The change of ``steps[step]`` whose old side holds ``label``."""
        return next(c for c in self.steps[step].changes if label in c.old)

    def latest_with(self, label: str) -> tuple[int, str]:
        """(index of the latest version holding ``label``, the label as spelled there)."""
        for index in range(len(self.drafts) - 1, -1, -1):
            unit = self.drafts[index].find(label)
            if unit is not None:
                return index, unit.label
        raise NotFoundError(f"{self.name}: no paragraph {label} in any version")


def build_lineage(
    name: str,
    history: Sequence[tuple[VersionLike, Draft]],
    diffs: Sequence[DiffResult] | None = None,
) -> Lineage:
    """Diff each version against the one before (``history`` oldest first). ``diffs``,
    when given, are those diffs already made (``diff_drafts(old, new, "words",
    step_sources(...))`` of each consecutive pair: the resolving layer keeps them)."""
    from ..diff.engine import diff_drafts  # the typed implementation behind redraft.diff

    if not history:
        raise InputError(f"{name}: no versions")
    stamps = tuple(stamp_of(version) for version, _ in history)
    drafts = tuple(draft for _, draft in history)
    sources = step_sources(name, [version for version, _ in history])
    if diffs is None:
        diffs = [
            diff_drafts(old, new, "words", old_source, new_source)
            for old, new, (old_source, new_source) in zip(drafts, drafts[1:], sources, strict=False)
        ]
    steps = tuple(_same_label_rewrites(result) for result in diffs)
    return Lineage(name, stamps, drafts, steps)


def step_sources(name: str, versions: Sequence[VersionLike]) -> list[tuple[str, str]]:
    """(old source, new source) of each consecutive pair: ``NAME@3``, ``NAME@4``."""
    names = [f"{name}@{version.number}" for version in versions]
    return list(zip(names, names[1:], strict=False))


def _same_label_rewrites(result: DiffResult) -> DiffResult:
    """Pair a deleted and an inserted unit of the same label and kind as "modified"."""
    from dataclasses import replace

    from ..diff.inline import diff_text, ratio
    from ..diff.result import Change

    deleted = {c.old[0]: c for c in result.changes if c.op == "deleted" and len(c.old) == 1}
    if not deleted:  # most steps of a long history: nothing to pair
        return result
    changes: list[Change] = []
    paired: set[str] = set()
    for change in result.changes:
        single = change.op == "inserted" and len(change.new) == 1
        gone = deleted.get(change.new[0]) if single else None
        if gone is None or not _same_kind(gone.old_units[0], change.new_units[0]):
            changes.append(change)
            continue
        old_unit, new_unit = gone.old_units[0], change.new_units[0]
        segments = tuple(diff_text(old_unit.text, new_unit.text))
        changes.append(
            Change(
                op="modified",
                old=gone.old,
                new=change.new,
                similarity=ratio(segments),
                segments=segments,
                old_units=gone.old_units,
                new_units=change.new_units,
            )
        )
        paired.add(gone.old[0])
    kept = [c for c in changes if not (c.op == "deleted" and c.old[0] in paired)]
    return replace(result, changes=tuple(kept))


def _same_kind(old: object, new: object) -> bool:
    return type(old) is type(new) and getattr(old, "kind", None) == getattr(new, "kind", None)


def same_label(a: str, b: str) -> bool:
    return normalize_label(a) == normalize_label(b)
