"""A diff's alignment in a compact, JSON-ready form, to be kept and read back.

Two stored versions never change, so neither does the diff between them: a command
that follows a draft through a thousand versions (blame, history) keeps each
consecutive pair's alignment (:mod:`redraft.resolve.lineage_cache`) and rebuilds the
:class:`~redraft.diff.result.DiffResult` from it and the two drafts, instead of
aligning them again. Units are named by their position in ``draft.units()``; an
unchanged unit in its place, the commonest change by far, is two numbers.
``decode(encode(result), old, new) == result`` (tests/test_lineage_cache.py).
"""

from __future__ import annotations

from typing import Any

from ..model import Draft
from .result import Change, DiffResult, Unit, VerbShift

#: Bump when the form below changes (older forms are then recomputed, never misread).
FORMAT = 1


def encode(result: DiffResult) -> list[Any] | None:
    """The changes of ``result`` (whose drafts are the ``old`` and ``new`` it was made of);
    None when a unit object stands twice in a draft (positions would be ambiguous)."""
    old_index = _index(list(result.old.units()))
    new_index = _index(list(result.new.units()))
    if old_index is None or new_index is None:
        return None
    out: list[Any] = []
    for change in result.changes:
        olds = [old_index[id(unit)] for unit in change.old_units]
        news = [new_index[id(unit)] for unit in change.new_units]
        if _plain(change):
            out.append([olds[0], news[0], 1] if change.moved else [olds[0], news[0]])
            continue
        out.append(
            {
                "o": olds,
                "n": news,
                "op": change.op,
                "m": change.moved,
                "r": change.renumbered,
                "s": change.similarity,
                "g": [list(segment) for segment in change.segments],
                "v": [change.verb.old, change.verb.new, change.verb.shift] if change.verb else None,
                "k": list(change.kind_change) if change.kind_change else None,
            }
        )
    return out


def _plain(change: Change) -> bool:
    """An unchanged unit: what :func:`decode` rebuilds from two positions alone."""
    if change.op != "equal" or len(change.old_units) != 1 or len(change.new_units) != 1:
        return False
    before, after = change.old_units[0], change.new_units[0]
    return change == unchanged(before, after, change.moved)


def unchanged(before: Unit, after: Unit, moved: bool) -> Change:
    """The change of a unit whose text did not change (renumbered or moved perhaps):
    the commonest change by far, kept as its two units and the flag."""
    return Change(
        op="equal",
        old=(before.label,),
        new=(after.label,),
        moved=moved,
        renumbered=before.label != after.label,
        segments=(("=", before.text),) if before.text else (),
        old_units=(before,),
        new_units=(after,),
    )


#: Changes of unchanged units already made, by the units' ids (see :func:`decode`).
Plain = dict[tuple[int, int, bool], tuple[Unit, Unit, Change]]


def decode(
    compact: Any,
    old: Draft,
    new: Draft,
    old_source: str = "",
    new_source: str = "",
    plain: Plain | None = None,
) -> DiffResult | None:
    """The :class:`DiffResult` of ``old`` and ``new`` from :func:`encode`'s form, or None
    when the form does not fit these drafts (damaged, or made of other texts). ``plain``
    (kept by a caller decoding the pairs of one history, whose versions share most unit
    objects) reuses the change of an unchanged unit already made for the same objects."""
    old_units, new_units = list(old.units()), list(new.units())
    old_index, new_index = _index(old_units), _index(new_units)
    if old_index is None or new_index is None or not isinstance(compact, list):
        return None
    try:
        changes = tuple(_change(item, old_units, new_units, plain) for item in compact)
    except (TypeError, ValueError, KeyError, IndexError):
        return None
    seen_old = sorted(old_index[id(unit)] for c in changes for unit in c.old_units)
    seen_new = sorted(new_index[id(unit)] for c in changes for unit in c.new_units)
    if seen_old != list(range(len(old_units))) or seen_new != list(range(len(new_units))):
        return None  # every unit in exactly one change, or it is not this pair's alignment
    return DiffResult(old, new, changes, old_source=old_source, new_source=new_source)


def _index(units: list[Unit]) -> dict[int, int] | None:
    found = {id(unit): position for position, unit in enumerate(units)}
    return found if len(found) == len(units) else None


def _change(
    item: Any, old_units: list[Unit], new_units: list[Unit], plain: Plain | None = None
) -> Change:
    if isinstance(item, list):
        if len(item) not in (2, 3) or not all(isinstance(x, int) for x in item):
            raise ValueError("bad plain change")
        before, after = _at(old_units, item[0]), _at(new_units, item[1])
        moved = len(item) == 3
        key = (id(before), id(after), moved)
        known = plain.get(key) if plain is not None else None
        if known is not None and known[0] is before and known[1] is after:
            return known[2]
        if before.text != after.text:
            raise ValueError("not the same text")
        change = unchanged(before, after, moved)
        if plain is not None:
            plain[key] = (before, after, change)
        return change
    if not isinstance(item, dict):
        raise ValueError("bad change")
    olds = tuple(_at(old_units, i) for i in item["o"])
    news = tuple(_at(new_units, j) for j in item["n"])
    verb = item["v"]
    kind = item["k"]
    return Change(
        op=str(item["op"]),
        old=tuple(unit.label for unit in olds),
        new=tuple(unit.label for unit in news),
        moved=bool(item["m"]),
        renumbered=bool(item["r"]),
        similarity=float(item["s"]),
        verb=VerbShift(str(verb[0]), str(verb[1]), str(verb[2])) if verb else None,
        segments=tuple((str(op), str(text)) for op, text in item["g"]),
        old_units=olds,
        new_units=news,
        kind_change=(str(kind[0]), str(kind[1])) if kind else None,
    )


def _at(units: list[Unit], index: Any) -> Unit:
    if not isinstance(index, int) or not 0 <= index < len(units):
        raise IndexError("no such unit")
    return units[index]
