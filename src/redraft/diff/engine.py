"""``diff_drafts``: align the units of two drafts, then diff the text inside each pair.

Every unit of both drafts lands in exactly one :class:`Change`, and changes come
in reading order: each change with a new side stands where its first new unit
stands; a deleted unit stands just before the new position of the next old unit
that kept its place (so a deletion shows where it happened).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InputError
from ..model import Draft, Footnote, Kind, Paragraph, cited_markers
from .align import Group, Unit, align_keyed
from .inline import diff_scored
from .result import Change, DiffResult, VerbShift, built_change, unchanged_change
from .units import mask_refs

GRANULARITIES = ("words", "chars")

#: Joins the texts of the several units on one side of a split or merge.
JOIN = "\n"


def diff_drafts(
    old: Draft,
    new: Draft,
    granularity: str = "words",
    old_source: str = "",
    new_source: str = "",
) -> DiffResult:
    """Compare two drafts paragraph by paragraph (see docs/diff.md)."""
    if granularity not in GRANULARITIES:
        raise InputError(f"unknown granularity {granularity!r} (words or chars)")
    old_units, new_units = list(old.units()), list(new.units())
    aligned, old_keys, new_keys = align_keyed(old_units, new_units)
    changes: list[Change] = []
    add = changes.append
    for group in _in_reading_order(aligned):
        olds, news = group.old, group.new
        if len(olds) == 1 and len(news) == 1:  # the common case, kept cheap (no call)
            before, after = old_units[olds[0]], new_units[news[0]]
            if before.text == after.text and _same_kind(before, after):
                add(_unchanged(before, after, group.in_order))
                continue
        add(_change(group, old_units, new_units, granularity, (old_keys, new_keys)))
    return DiffResult(old, new, tuple(changes), old_source=old_source, new_source=new_source)


def _in_reading_order(groups: list[Group]) -> list[Group]:
    """Sort groups by first new unit; a deletion goes just after the new position of
    the last old unit before it that kept its place (deletions before insertions)."""
    anchor_of_old: dict[int, int] = {}
    for group in groups:
        if group.in_order and group.old and group.new:
            for i in group.old:
                anchor_of_old[i] = group.new[-1]
    old_total = max((i for g in groups for i in g.old), default=-1) + 1
    prev_anchor = [-1] * (old_total + 1)
    for i in range(old_total):
        prev_anchor[i + 1] = anchor_of_old.get(i, prev_anchor[i])
    # the key (first new unit, 1, 0), or (anchor + 1, 0, old unit) for a deletion, as one
    # int (its parts in the same order: the old unit is below ``width``): ints sort
    # faster than tuples, and each group's key is made in one comprehension, not a call
    width = old_total + 1
    keys = [
        (g.new[0] * 2 + 1) * width if g.new else (prev_anchor[g.old[0]] + 1) * 2 * width + g.old[0]
        for g in groups
    ]
    return [groups[k] for k in sorted(range(len(groups)), key=keys.__getitem__)]


def _change(
    group: Group,
    old: Sequence[Unit],
    new: Sequence[Unit],
    granularity: str,
    keys: tuple[list[str], list[str]],
) -> Change:
    """The change of one group whose units are not one unit kept with its text (see
    :func:`diff_drafts`)."""
    old_units = tuple(old[i] for i in group.old)
    new_units = tuple(new[j] for j in group.new)
    old_text = _joined(old_units)
    new_text = _joined(new_units)
    old_labels = tuple(u.label for u in old_units)
    new_labels = tuple(u.label for u in new_units)
    if not old_units:
        op, segments, sim = "inserted", _whole("+", new_text), 0.0
    elif not new_units:
        op, segments, sim = "deleted", _whole("-", old_text), 0.0
    else:
        found, score = diff_scored(old_text, new_text, granularity)
        segments, sim = tuple(found), 1.0 if old_text == new_text else score
        same_key = keys[0][group.old[0]] == keys[1][group.new[0]]
        op = _op(old_units, new_units, same_key)
    # "equal" with different texts: footnote references renumbered, typography, or both
    same_refs_only = op == "equal" and old_text != new_text
    typography = same_refs_only and mask_refs(old_text) != mask_refs(new_text)
    refs_renumbered = same_refs_only and cited_markers(old_text) != cited_markers(new_text)
    return built_change(
        op=op,
        old=old_labels,
        new=new_labels,
        moved=not group.in_order,
        renumbered=bool(old_units and new_units)
        and (_numbers_differ(old_units, new_units) or refs_renumbered),
        similarity=sim,
        verb=None if op == "equal" else _verb(old_units, new_units),
        segments=segments,
        old_units=old_units,
        new_units=new_units,
        kind_change=_kind_change(old_units, new_units),
        typography=typography,
    )


def _joined(units: tuple[Unit, ...]) -> str:
    """The texts of one side of a group, joined (most groups are one unit: its text)."""
    return units[0].text if len(units) == 1 else JOIN.join(u.text for u in units)


def _same_kind(before: Unit, after: Unit) -> bool:
    if isinstance(before, Paragraph) and isinstance(after, Paragraph):
        return before.kind is after.kind
    return type(before) is type(after)


def _unchanged(before: Unit, after: Unit, in_order: bool) -> Change:
    """The common case, kept cheap: one unit, same text, same kind."""
    segments = (("=", before.text),) if before.text else ()
    return unchanged_change(before, after, not in_order, segments)


def _whole(op: str, text: str) -> tuple[tuple[str, str], ...]:
    return ((op, text),) if text else ()


def _op(old_units: tuple[Unit, ...], new_units: tuple[Unit, ...], same_key: bool) -> str:
    """``same_key``: the first units' :func:`~redraft.diff.units.unit_key` are equal."""
    if len(old_units) > 1:
        return "merged"
    if len(new_units) > 1:
        return "split"
    if _kind_change(old_units, new_units) is not None:
        return "modified"
    # Equal text, or text that differs only in footnote reference numbers.
    if old_units[0].text == new_units[0].text:
        return "equal"
    return "equal" if same_key else "modified"


def _kind_change(
    old_units: tuple[Unit, ...], new_units: tuple[Unit, ...]
) -> tuple[str, str] | None:
    """A one-to-one pair of blocks whose kind changed (heading -> text...)."""
    if len(old_units) != 1 or len(new_units) != 1:
        return None
    before, after = old_units[0], new_units[0]
    if isinstance(before, Paragraph) and isinstance(after, Paragraph):
        if before.kind is not after.kind:
            return (before.kind.value, after.kind.value)
    return None


def _numbers_differ(old_units: tuple[Unit, ...], new_units: tuple[Unit, ...]) -> bool:
    """Renumbered: the unit is the same but its label changed (OP5 -> OP6, FN3 -> FN4)."""
    return old_units[0].label != new_units[0].label


def _verb(old_units: tuple[Unit, ...], new_units: tuple[Unit, ...]) -> VerbShift | None:
    """The change of opening phrase of a paragraph pair, with its direction."""
    if not old_units or not new_units:
        return None
    before, after = old_units[0], new_units[0]
    if isinstance(before, Footnote) or isinstance(after, Footnote) or before.text == after.text:
        return None
    if not _has_opener(before) or not _has_opener(after):
        return None
    # An opener with its modifiers ("Once again strongly calls upon") fits in eight words.
    if before.opening == after.opening and _head(before.text) == _head(after.text):
        return None
    from .. import verbs

    old_phrase = verbs.opening_phrase(before).strip(" ,;:")
    new_phrase = verbs.opening_phrase(after).strip(" ,;:")
    if not old_phrase or not new_phrase or old_phrase == new_phrase:
        return None
    kind = Kind.PREAMBULAR if after.kind is Kind.PREAMBULAR else Kind.OPERATIVE
    direction = verbs.shift(old_phrase, new_phrase, kind)
    if direction == "same" and old_phrase.lower() == new_phrase.lower():
        return None
    return VerbShift(old=old_phrase, new=new_phrase, shift=direction)


def _head(text: str) -> list[str]:
    return text.split(None, 8)[:8]


def _has_opener(paragraph: Paragraph) -> bool:
    """Only preambular and top-level operative text opens with a negotiated verb."""
    return paragraph.kind in (Kind.PREAMBULAR, Kind.OPERATIVE) and bool(paragraph.text)
