"""A draft's whole history (every version's draft and each consecutive pair's diff) in
one JSON-ready document, to be kept in the store's cache and read back fast.

A thousand versions of one draft share most of their paragraphs, and the diffs
between neighbours share most of their changes (an unchanged paragraph in its place
is the same change, made of the same two objects, from one pair to the next). The
document keeps each distinct string, paragraph, footnote, metadata and change once,
in tables, and each version and pair as a list of positions in them: reading a
thousand versions back builds a few thousand objects and a thousand tuples, instead
of parsing a thousand texts and rebuilding a hundred thousand changes. The objects
shared in memory stay shared after a round trip (the diff's ``plain`` memo and the
labeller's memo rely on it), and every field is kept, so the drafts and changes read
back equal those written (tests/test_lineage_cache.py).

Positions are checked when read (a position out of its table raises ValueError):
a damaged document is refused whole, never half used.
"""

from __future__ import annotations

from typing import Any, TypeVar

from ..diff.compact import unchanged
from ..diff.result import Change, DiffResult, Unit, VerbShift
from ..model import Draft, Footnote, Kind, Meta, Paragraph

T = TypeVar("T")

#: Bump when the form below changes (older documents are then rebuilt, never misread).
FORMAT = 1


class Encoder:
    """Collects drafts and diffs into tables (objects by identity, strings by value)."""

    def __init__(self) -> None:
        self._strings: dict[str, int] = {}
        self._paras: dict[int, int] = {}
        self._notes: dict[int, int] = {}
        self._metas: dict[int, int] = {}
        self._changes: dict[tuple[Any, ...], int] = {}
        self.tables: dict[str, list[Any]] = {
            "strings": [],
            "notes": [],
            "paras": [],
            "metas": [],
            "changes": [],
        }

    def draft(self, draft: Draft) -> tuple[int, list[int]]:
        return self._meta(draft.meta), [self._para(block) for block in draft.blocks]

    def changes(self, result: DiffResult) -> list[int]:
        return [self._change(change) for change in result.changes]

    def _string(self, text: str) -> int:
        found = self._strings.get(text)
        if found is None:
            found = self._strings[text] = len(self.tables["strings"])
            self.tables["strings"].append(text)
        return found

    def _meta(self, meta: Meta) -> int:
        found = self._metas.get(id(meta))
        if found is None:
            found = self._metas[id(meta)] = len(self.tables["metas"])
            fields = [meta.symbol, meta.organ, meta.language, meta.doc_type, meta.date]
            self.tables["metas"].append(
                [*fields, list(meta.sponsors), [list(pair) for pair in meta.extra]]
            )
        return found

    def _note(self, note: Footnote) -> int:
        found = self._notes.get(id(note))
        if found is None:
            found = self._notes[id(note)] = len(self.tables["notes"])
            self.tables["notes"].append([self._string(note.marker), self._string(note.text)])
        return found

    def _para(self, para: Paragraph) -> int:
        found = self._paras.get(id(para))
        if found is not None:
            return found
        children = [self._para(child) for child in para.children]  # before their parent
        notes = [self._note(note) for note in para.footnotes]
        texts = (para.text, para.number, para.label, para.opening)
        row = [para.kind.value, *(self._string(text) for text in texts), children, notes]
        found = self._paras[id(para)] = len(self.tables["paras"])
        self.tables["paras"].append(row)
        return found

    def _unit(self, unit: Unit) -> int:
        """Paragraphs by their position, footnotes by -1 - theirs."""
        if isinstance(unit, Footnote):
            return -1 - self._note(unit)
        return self._para(unit)

    def _change(self, change: Change) -> int:
        olds = tuple(self._unit(unit) for unit in change.old_units)
        news = tuple(self._unit(unit) for unit in change.new_units)
        key = (change, olds, news)  # Change compares every field but its units
        found = self._changes.get(key)
        if found is None and len(olds) == len(news) == 1 and change.op == "equal":
            if change == unchanged(change.old_units[0], change.new_units[0], change.moved):
                found = self._changes[key] = len(self.tables["changes"])
                self.tables["changes"].append([olds[0], news[0], int(change.moved)])
        if found is None:
            found = self._changes[key] = len(self.tables["changes"])
            verb = change.verb
            self.tables["changes"].append(
                [
                    change.op,
                    [self._string(label) for label in change.old],
                    [self._string(label) for label in change.new],
                    int(change.moved) | int(change.renumbered) << 1 | int(change.typography) << 2,
                    change.similarity,
                    [verb.old, verb.new, verb.shift] if verb else None,
                    [[op, self._string(text)] for op, text in change.segments],
                    list(olds),
                    list(news),
                    list(change.kind_change) if change.kind_change else None,
                ]
            )
        return found


class Decoder:
    """The tables of a document read back into shared objects; raises ValueError (or
    TypeError, KeyError) when they do not hold together."""

    def __init__(self, tables: dict[str, Any]) -> None:
        strings = tables["strings"]
        if not isinstance(strings, list) or not all(isinstance(s, str) for s in strings):
            raise ValueError("bad strings")
        self.strings: list[str] = strings
        self.notes = [Footnote(*self._texts(row, 2)) for row in _rows(tables["notes"])]
        self.paras: list[Paragraph] = []
        for row in _rows(tables["paras"]):
            self.paras.append(self._paragraph(row))
        self.metas = [_meta(row) for row in _rows(tables["metas"])]
        self._change_rows = _rows(tables["changes"])
        self._changes: list[Change] | None = None

    def draft(self, meta: Any, blocks: list[int]) -> Draft:
        return Draft(meta=_pick(self.metas, [meta])[0], blocks=tuple(_pick(self.paras, blocks)))

    def changes(self, row: Any) -> tuple[Change, ...]:
        if self._changes is None:  # only commands that follow paragraphs need them
            self._changes = [self._change(item) for item in self._change_rows]
        return tuple(_pick(self._changes, row))

    def _texts(self, row: list[Any], count: int) -> list[str]:
        if len(row) != count:
            raise ValueError("bad row")
        return _pick(self.strings, row)

    def _paragraph(self, row: list[Any]) -> Paragraph:
        if len(row) != 7:
            raise ValueError("bad paragraph")
        text, number, label, opening = _pick(self.strings, row[1:5])
        return Paragraph(
            kind=Kind(row[0]),
            text=text,
            number=number,
            label=label,
            opening=opening,
            # children are written before their parent
            children=tuple(_pick(self.paras, row[5])) if row[5] else (),
            footnotes=tuple(_pick(self.notes, row[6])) if row[6] else (),
        )

    def _string(self, at: Any) -> str:
        if not isinstance(at, int) or not 0 <= at < len(self.strings):
            raise ValueError("position out of its table")
        return self.strings[at]

    def _unit(self, position: Any) -> Unit:
        if not isinstance(position, int):
            raise ValueError("bad unit")
        if position < 0:
            if -1 - position >= len(self.notes):
                raise ValueError("position out of its table")
            return self.notes[-1 - position]
        if position >= len(self.paras):
            raise ValueError("position out of its table")
        return self.paras[position]

    def _change(self, row: Any) -> Change:
        if isinstance(row, list) and len(row) == 3:  # a unit unchanged
            return unchanged(self._unit(row[0]), self._unit(row[1]), bool(row[2]))
        if not isinstance(row, list) or len(row) != 10:
            raise ValueError("bad change")
        op, olds, news, flags, similarity, verb, segments, old_units, new_units, kind = row
        if not isinstance(flags, int) or not isinstance(similarity, int | float):
            raise ValueError("bad change")
        return Change(
            op=str(op),
            old=tuple(_pick(self.strings, olds)),
            new=tuple(_pick(self.strings, news)),
            moved=bool(flags & 1),
            renumbered=bool(flags & 2),
            similarity=float(similarity),
            verb=VerbShift(*(str(part) for part in verb)) if verb else None,
            segments=tuple((str(kind_of), self._string(at)) for kind_of, at in segments),
            old_units=tuple(self._unit(unit) for unit in old_units),
            new_units=tuple(self._unit(unit) for unit in new_units),
            kind_change=(str(kind[0]), str(kind[1])) if kind else None,
            typography=bool(flags & 4),
        )


def splice(before: list[int], after: list[int]) -> list[Any]:
    """``after`` as [kept at the start, kept at the end, what lies between] against
    ``before``: a version differs from the one before it in a few places."""
    most = min(len(before), len(after))
    start = 0
    while start < most and before[start] == after[start]:
        start += 1
    end = 0
    while end < most - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return [start, end, after[start : len(after) - end]]


def unsplice(before: list[int], row: Any) -> list[int]:
    """What :func:`splice` made ``row`` of, given ``before``."""
    if not isinstance(row, list) or len(row) != 3:
        raise ValueError("bad splice")
    start, end, middle = row
    if not isinstance(start, int) or not isinstance(end, int) or not isinstance(middle, list):
        raise ValueError("bad splice")
    if start < 0 or end < 0 or start + end > len(before):
        raise ValueError("bad splice")
    return before[:start] + middle + before[len(before) - end :]


def _rows(found: Any) -> list[list[Any]]:
    if not isinstance(found, list) or not all(isinstance(row, list) for row in found):
        raise ValueError("bad table")
    return found


def _pick(table: list[T], positions: Any) -> list[T]:
    """``table[i]`` for each ``i`` of ``positions``, each checked to be in the table (a
    negative one would silently count from the end)."""
    if not isinstance(positions, list):
        raise ValueError("bad positions")
    if positions and (min(positions) < 0 or max(positions) >= len(table)):
        raise ValueError("position out of its table")
    return [table[i] for i in positions]


def _meta(row: list[Any]) -> Meta:
    if len(row) != 7 or not all(isinstance(field, str) for field in row[:5]):
        raise ValueError("bad metadata")
    symbol, organ, language, doc_type, date, sponsors, extra = row
    return Meta(
        symbol=symbol,
        organ=organ,
        language=language,
        doc_type=doc_type,
        date=date,
        sponsors=tuple(str(name) for name in sponsors),
        extra=tuple((str(key), str(value)) for key, value in extra),
    )
