"""The one result type of a diff: every renderer, the merge, blame and the Word
export read it. Its JSON form is schema ``redraft.diff/1`` (docs/diff.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Draft, Footnote, Paragraph

Unit = Paragraph | Footnote

#: Segment operations: "=" kept, "-" removed, "+" added. "=" and "-" rebuild the old
#: text, "=" and "+" the new text.
Segment = tuple[str, str]


@dataclass(frozen=True)
class VerbShift:
    old: str
    new: str
    shift: str  # "stronger" | "weaker" | "unknown" | "same"


@dataclass(frozen=True)
class Change:
    """One entry of ``changes``: every unit of both drafts is in exactly one Change."""

    op: str  # "equal" | "modified" | "inserted" | "deleted" | "split" | "merged"
    old: tuple[str, ...]  # labels in the old draft ([] for inserted)
    new: tuple[str, ...]  # labels in the new draft ([] for deleted)
    moved: bool = False
    renumbered: bool = False
    similarity: float = 1.0
    verb: VerbShift | None = None
    segments: tuple[Segment, ...] = ()
    old_units: tuple[Unit, ...] = field(default=(), compare=False, repr=False)
    new_units: tuple[Unit, ...] = field(default=(), compare=False, repr=False)

    @property
    def changed(self) -> bool:
        return self.op != "equal" or self.moved

    def old_text(self) -> str:
        return "".join(text for op, text in self.segments if op != "+")

    def new_text(self) -> str:
        return "".join(text for op, text in self.segments if op != "-")


@dataclass(frozen=True)
class DiffResult:
    old: Draft
    new: Draft
    changes: tuple[Change, ...]
    old_source: str = ""
    new_source: str = ""

    @property
    def differs(self) -> bool:
        return any(change.changed for change in self.changes)
