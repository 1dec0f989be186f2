"""The one result type of a diff: every renderer, the merge, blame and the Word
export read it. Its JSON form is schema ``redraft.diff/1`` (docs/diff.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Draft, Footnote, Paragraph
from ..typography import IGNORED, differences, typography_only, visible
from .tokens import Segment, word_counts

Unit = Paragraph | Footnote

#: The counts of ``redraft.diff/1``'s summary, in their order.
SUMMARY_KEYS = (
    "equal",
    "modified",
    "inserted",
    "deleted",
    "moved",
    "renumbered",
    "split",
    "merged",
    "words_added",
    "words_removed",
    "typography",
)


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
    #: (old kind, new kind) when a block changed kind (heading -> text...), else None
    kind_change: tuple[str, str] | None = None
    new_units: tuple[Unit, ...] = field(default=(), compare=False, repr=False)
    #: "equal" although the texts differ in typography (redraft.typography): spaces,
    #: no-break spaces, tabs, invisible marks, soft hyphens
    typography: bool = False

    @property
    def changed(self) -> bool:
        return self.op != "equal" or self.moved

    def old_text(self) -> str:
        return "".join(text for op, text in self.segments if op != "+")

    def new_text(self) -> str:
        return "".join(text for op, text in self.segments if op != "-")


def unchanged_change(
    before: Unit, after: Unit, moved: bool, segments: tuple[Segment, ...]
) -> Change:
    """``Change(op="equal", ...)`` of one unit kept with its text: what most changes of
    a long draft are. Built as the dataclass builds it, fields in their order, but with
    one dict update instead of the twelve ``object.__setattr__`` calls of a frozen
    dataclass's ``__init__`` (half the cost of a first diff of a light revision went
    into those). tests/test_diff_result.py checks it equals the constructor's."""
    old_label, new_label = before.label, after.label  # a footnote's is made per call
    change = object.__new__(Change)
    change.__dict__.update(
        {
            "op": "equal",
            "old": (old_label,),
            "new": (new_label,),
            "moved": moved,
            "renumbered": old_label != new_label,
            "similarity": 1.0,
            "verb": None,
            "segments": segments,
            "old_units": (before,),
            "kind_change": None,
            "new_units": (after,),
            "typography": False,
        }
    )
    return change


def built_change(
    *,
    op: str,
    old: tuple[str, ...],
    new: tuple[str, ...],
    moved: bool,
    renumbered: bool,
    similarity: float,
    verb: VerbShift | None,
    segments: tuple[Segment, ...],
    old_units: tuple[Unit, ...],
    kind_change: tuple[str, str] | None,
    new_units: tuple[Unit, ...],
    typography: bool,
) -> Change:
    """``Change(...)`` with every field given: built as :func:`unchanged_change` builds
    it (fields in their order, one dict update instead of twelve ``object.__setattr__``).
    tests/test_diff_fast_paths.py checks it equals the constructor's."""
    change = object.__new__(Change)
    change.__dict__.update(
        {
            "op": op,
            "old": old,
            "new": new,
            "moved": moved,
            "renumbered": renumbered,
            "similarity": similarity,
            "verb": verb,
            "segments": segments,
            "old_units": old_units,
            "kind_change": kind_change,
            "new_units": new_units,
            "typography": typography,
        }
    )
    return change


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

    def summary(self) -> dict[str, int]:
        """Counts of schema ``redraft.diff/1``: one op per change, plus flags and words."""
        counts = {op: 0 for op in ("equal", "modified", "inserted", "deleted", "split", "merged")}
        counts.update(moved=0, renumbered=0, words_added=0, words_removed=0, typography=0)
        for change in self.changes:
            counts[change.op] += 1
            counts["moved"] += change.moved
            counts["renumbered"] += change.renumbered
            counts["typography"] += change.typography
            if change.op == "equal":
                # typography only, or renumbered: no word changed, even where a segment is
                # a whole run of Chinese ("组织-古阿姆" / "组织‑古阿姆" counts 10 words a side)
                continue
            added, removed = word_counts(change.segments)
            counts["words_added"] += added
            counts["words_removed"] += removed
        return {key: counts[key] for key in SUMMARY_KEYS}


# -- helpers every renderer shares ------------------------------------------------

ARROW = "→"


def side_labels(labels: tuple[str, ...]) -> str:
    return " + ".join(labels)


def change_heading(change: Change) -> str:
    """``OP5 → OP6 · modified · Urges → Encourages (weaker)``."""
    if change.old and change.new and change.old != change.new:
        where = f"{side_labels(change.old)} {ARROW} {side_labels(change.new)}"
    else:
        where = side_labels(change.new or change.old)
    return " · ".join([where, *change_details(change)])


def change_details(change: Change) -> list[str]:
    """What happened, without the labels: ``["modified", "Urges → Encourages (weaker)"]``."""
    parts = [change.op]
    if change.moved:
        parts.append("moved")
    elif change.renumbered and change.op == "equal":
        parts.append("renumbered")
    if change.typography:
        kinds = differences(change.old_text(), change.new_text())
        parts.append(f"typography only ({', '.join(kinds)})")
    if change.kind_change is not None:
        parts.append(f"{change.kind_change[0]} {ARROW} {change.kind_change[1]}")
    if change.verb is not None:
        parts.append(f"{change.verb.old} {ARROW} {change.verb.new} ({change.verb.shift})")
    return parts


def summary_line(counts: dict[str, int], changes: tuple[Change, ...]) -> str:
    """``2 modified, 1 inserted (OP3bis), 1 moved (PP6 → PP2), 12 renumbered; +54 −12 words``."""

    def labels(picked: list[str]) -> str:
        return f" ({', '.join(picked)})" if 0 < len(picked) <= 3 else ""

    parts = []
    if counts["modified"]:
        parts.append(f"{counts['modified']} modified")
    if counts["inserted"]:
        picked = [side_labels(c.new) for c in changes if c.op == "inserted"]
        parts.append(f"{counts['inserted']} inserted{labels(picked)}")
    if counts["deleted"]:
        picked = [side_labels(c.old) for c in changes if c.op == "deleted"]
        parts.append(f"{counts['deleted']} deleted{labels(picked)}")
    if counts["moved"]:
        picked = [f"{side_labels(c.old)} {ARROW} {side_labels(c.new)}" for c in changes if c.moved]
        parts.append(f"{counts['moved']} moved{labels(picked)}")
    for key in ("renumbered", "split", "merged"):
        if counts[key]:
            parts.append(f"{counts[key]} {key}")
    if counts["typography"]:
        parts.append(f"{counts['typography']} typography only")
    if not parts:
        return "no differences"
    return f"{', '.join(parts)}; +{counts['words_added']} −{counts['words_removed']} words"


def display_segments(change: Change, sides: str = "-+", typography: bool = False) -> list[Segment]:
    """The segments a person is shown for ``sides`` ("-" the old side, "+" the new one,
    "-+" one redline of both). The segments themselves stay exact (JSON, Word); here:

    - an "equal" change shows its text with no marks (footnote references renumbered,
      typography): nothing changed that a delegate negotiates;
    - inside a modified paragraph, a replacement that differs in typography only (a
      no-break space for a space, a tab) shows as kept text, and an invisible mark
      added or removed is not shown;
    - ``typography`` (``--typography``): differences of typography show where they
      are instead, their characters drawn (:func:`redraft.typography.visible`), in a
      change reported equal for its typography and in a modified paragraph alike.
    """
    if change.op == "equal" and not (typography and change.typography):
        text = change.old_text() if sides == "-" else change.new_text()
        return [("=", text)] if text else []
    return fold_typography(change.segments, sides, draw=typography)


def fold_typography(
    segments: tuple[Segment, ...], sides: str = "+", draw: bool = False
) -> list[Segment]:
    """``segments`` with the differences of typography alone taken as kept text: a
    replacement that differs only in typography keeps the text of ``sides`` ("+" the
    new side's, "-" the old side's), an invisible mark added or removed is kept on its
    own side only. The Word redline writes these unless asked for exact typography.
    ``draw``: keep those differences as changes instead, their characters drawn."""
    out: list[Segment] = []
    index = 0
    while index < len(segments):
        op, text = segments[index]
        after = segments[index + 1] if index + 1 < len(segments) else ("", "")
        if op == "-" and after[0] == "+" and _same_but_typography(text, after[1]):
            if draw:
                out += [("-", visible(text)), ("+", visible(after[1]))]
            else:
                _keep(out, text if sides == "-" else after[1])
            index += 2
            continue
        if op == "=":
            _keep(out, text)
        elif text.strip(IGNORED):
            out.append((op, text))
        elif draw:
            out.append((op, visible(text)))
        elif op in sides:  # only invisible marks: kept where they are
            _keep(out, text)
        index += 1
    return out


def _same_but_typography(old: str, new: str) -> bool:
    """A replacement that changes no word: a space may become another space, never
    nothing (that would join two words)."""
    return typography_only(old, new) and _spaced(old) == _spaced(new)


def _spaced(text: str) -> bool:
    return any(char.isspace() for char in text)


def _keep(out: list[Segment], text: str) -> None:
    if out and out[-1][0] == "=":
        out[-1] = ("=", out[-1][1] + text)
    else:
        out.append(("=", text))
