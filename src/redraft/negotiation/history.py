"""The life of one paragraph across versions: its label at each step (OP5 in L.3,
OP6 in Rev.1...), what happened to it, and the redline from the step before.

The paragraph is found in the latest version holding the label asked for, then
followed backwards to where it was introduced and forwards to the latest version
(or to where it was deleted), through the diff's alignment (:mod:`.lineage`).
Where a paragraph was merged from several, the first of them is followed back;
where it was split, the first part is followed on.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diff.result import Change
from ..diff.tokens import Segment
from .lineage import Lineage, Stamp


@dataclass(frozen=True)
class HistoryStep:
    """One version in the life of the paragraph."""

    stamp: Stamp
    label: str  # its label in this version ("" once deleted)
    event: str  # introduced | unchanged | modified | split | merged | deleted
    text: str  # its text in this version ("" once deleted)
    segments: tuple[Segment, ...] = ()  # the redline from the step before
    moved: bool = False
    renumbered: bool = False
    previous_label: str = ""


@dataclass(frozen=True)
class ParagraphHistory:
    name: str
    label: str  # as asked
    steps: tuple[HistoryStep, ...]

    @property
    def changes(self) -> int:
        """Versions that changed the paragraph's text (its introduction not counted)."""
        return sum(1 for s in self.steps if s.event in ("modified", "split", "merged", "deleted"))


def paragraph_history(lineage: Lineage, label: str) -> ParagraphHistory:
    index, found = lineage.latest_with(label)
    back = _backwards(lineage, index, found)
    forward = _forwards(lineage, index, found)
    return ParagraphHistory(lineage.name, label, tuple(back + forward))


def _text(lineage: Lineage, index: int, label: str) -> str:
    unit = lineage.drafts[index].find(label)
    return unit.text if unit is not None else ""


def _step(lineage: Lineage, index: int, label: str, change: Change, previous: str) -> HistoryStep:
    event = {"equal": "unchanged"}.get(change.op, change.op)
    return HistoryStep(
        stamp=lineage.stamps[index],
        label=label,
        event=event,
        text=_text(lineage, index, label),
        segments=change.segments,
        moved=change.moved,
        renumbered=change.renumbered,
        previous_label=previous,
    )


def _backwards(lineage: Lineage, index: int, label: str) -> list[HistoryStep]:
    """Steps from the introduction up to and including version ``index``."""
    steps: list[HistoryStep] = []
    while index > 0:
        change = lineage.change_into(index - 1, label)
        if not change.old:
            break
        previous = change.old[0]
        steps.append(_step(lineage, index, label, change, previous))
        index, label = index - 1, previous
    text = _text(lineage, index, label)
    steps.append(HistoryStep(lineage.stamps[index], label, "introduced", text, (("+", text),)))
    return steps[::-1]


def _forwards(lineage: Lineage, index: int, label: str) -> list[HistoryStep]:
    """Steps after version ``index`` (it is the latest holding the label, so at most a deletion)."""
    steps: list[HistoryStep] = []
    while index + 1 < len(lineage.drafts):
        change = lineage.change_from(index, label)
        if not change.new:
            stamp = lineage.stamps[index + 1]
            gone = HistoryStep(stamp, "", "deleted", "", change.segments, previous_label=label)
            steps.append(gone)
            break
        following = change.new[0]
        steps.append(_step(lineage, index + 1, following, change, label))
        index, label = index + 1, following
    return steps
