"""A diff as a Word document with real tracked changes.

Each :class:`~redraft.diff.result.Change` becomes paragraphs of the new draft's layout:
kept text as plain runs, removed words as ``w:del`` runs, added words as ``w:ins`` runs,
all by the delegation that made the new version and dated with it, so that a delegate
can accept or reject them in Word or LibreOffice. Inserted and deleted paragraphs carry a
tracked paragraph mark too, so accepting every change gives exactly the new draft and
rejecting every change gives exactly the old one (tests/test_docx_writer.py reads both
views back). A paragraph moved without edits is a Word move (``w:moveFrom`` at its old
place, ``w:moveTo`` at its new place); a moved and edited one is deleted at its old place
and inserted at its new place. Paragraph numbers are typed text: a renumbered paragraph
shows its old number deleted and the new one inserted.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ..diff.result import Change, DiffResult, Unit, fold_typography
from ..diff.tokens import Segment
from ..formats import FOOTNOTE_STYLE
from ..model import Draft, Footnote, Kind, Paragraph
from .docx import Run, W, WordBuilder, paragraph_xml, style_name
from .docx_notes import Notes, note_start, segment_runs


def render_diff_docx(
    result: DiffResult,
    author_old: str = "",
    author_new: str = "",
    date: str = "",
    typography: bool = False,
) -> bytes:
    """Tracked changes from ``result.old`` to ``result.new``.

    ``author_new`` (the delegation that made the new version) signs every revision;
    ``author_old`` is named in the document's description. ``date`` is an ISO date or
    date-time (default: the new draft's date, else now). Differences of typography
    alone (redraft.typography) are not tracked: the new side's is written, so Accept
    All gives the new text exactly and Reject All the old text with the new typography;
    with ``typography`` they are tracked too, and Reject All gives the old text exactly."""
    # never the new side's source: that is a local file path, not a person
    author = author_new.strip() or result.new.meta.get("by") or "redraft"
    when = _word_date(date or result.new.meta.date)
    builder = WordBuilder(result.new.meta, author=author, date=when)
    if author_old:
        builder.parts.subject = f"Changes to the version by {author_old}"[:250]
    writer = _Writer(builder, result, typography)
    for change, place, moved in _with_old_places(result):
        writer.write(change, place, moved)
    return builder.finish()


def _word_date(value: str) -> str:
    """Word's w:date form (``2011-04-15T00:00:00Z``); now when ``value`` is unusable."""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00")) if value else None
    except ValueError:
        moment = None
    if moment is None:
        moment = datetime.now(UTC).replace(microsecond=0)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _positions(draft: Draft) -> dict[str, int]:
    return {unit.label: index for index, unit in enumerate(draft.units())}


def _in_order(indices: list[int]) -> set[int]:
    """Positions of a longest increasing subsequence of ``indices``."""
    from bisect import bisect_left

    tails: list[int] = []  # tails[k]: position ending the best subsequence of length k+1
    values: list[int] = []  # indices[tails[k]], kept sorted for bisect
    parent: list[int] = []
    for position, value in enumerate(indices):
        k = bisect_left(values, value)
        parent.append(tails[k - 1] if k else -1)
        if k == len(tails):
            tails.append(position)
            values.append(value)
        else:
            tails[k], values[k] = position, value
    keep, position = set(), tails[-1] if tails else -1
    while position >= 0:
        keep.add(position)
        position = parent[position]
    return keep


def _with_old_places(result: DiffResult) -> list[tuple[Change, str, bool]]:
    """(change, place, moved) in document order. Changes are in the new draft's order;
    those whose old side would then be out of the old draft's order (or that the diff
    calls moved) are "moved": their old side is also written at its old position
    (place "from"), so that rejecting every change gives back the old order."""
    old_index = _positions(result.old)
    with_old = [c for c in result.changes if c.old]
    order = _in_order([old_index.get(c.old[0], -1) for c in with_old])
    moved = {id(c) for i, c in enumerate(with_old) if i not in order or (c.moved and c.new)}
    staying = [c for c in with_old if id(c) not in moved]
    before: dict[int, list[Change]] = {}
    at_end: list[Change] = []
    for change in (c for c in with_old if id(c) in moved):
        mine = old_index.get(change.old[0], -1)
        target = next((c for c in staying if old_index.get(c.old[0], -1) > mine), None)
        if target is None:
            at_end.append(change)
        else:
            before.setdefault(id(target), []).append(change)

    # Old sides that land at one spot go in the old draft's order, not the new one's:
    # reading the old view attaches each footnote paragraph to the paragraph above it, so
    # a footnote written after its block's moved child would change owner on rejecting.
    def old_order(changes: list[Change]) -> list[Change]:
        return sorted(changes, key=lambda c: old_index.get(c.old[0], -1))

    out: list[tuple[Change, str, bool]] = []
    for change in result.changes:
        out.extend((m, "from", True) for m in old_order(before.get(id(change), [])))
        out.append((change, "to", id(change) in moved))
    out.extend((m, "from", True) for m in old_order(at_end))
    return out


class _Writer:
    def __init__(self, builder: WordBuilder, result: DiffResult, typography: bool) -> None:
        self.builder = builder
        self.exact = typography
        self.old_depth = _depths(result.old)
        self.new_depth = _depths(result.new)
        self.move_names: dict[int, str] = {}  # both ends of one move share a range name
        self.style = ""  # the style of the paragraph :meth:`_restyled` looked at last
        start = note_start(result)
        self.notes = Notes(result, self.segments) if start is not None else None
        if start is not None:
            builder.number_notes_from(start)

    def segments(self, segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
        """What is tracked: every difference, or all but those of typography alone."""
        return segments if self.exact else tuple(fold_typography(segments))

    def runs(self, runs: list[Run]) -> list[Run]:
        """Footnote references as real footnotes, when Word numbers them (docx_notes)."""
        return runs if self.notes is None else self.notes.runs(runs)

    def write(self, change: Change, place: str, moved: bool) -> None:
        if self.notes is not None and isinstance(
            (change.old_units + change.new_units)[0], Footnote
        ):
            return  # written inside the paragraph citing it, as a real footnote
        if place == "from":  # the old side of a moved change, at its old position
            if change.op == "equal" and change.new:
                self._move(change, change.old_units, self.old_depth, "moveFrom")
            else:
                self._whole(change.old_units, self.old_depth, "del")
        elif moved:  # its new side (a displaced deletion has none)
            if change.op == "equal":
                self._move(change, change.new_units, self.new_depth, "moveTo")
            else:
                self._whole(change.new_units, self.new_depth, "ins")
        elif change.op in ("equal", "modified") and not self._restyled(change):
            self._modified(change, self.style)
        else:  # inserted, deleted, split, merged: old units out, new units in
            self._whole(change.old_units, self.old_depth, "del")
            self._whole(change.new_units, self.new_depth, "ins")

    def _table(self, old: Paragraph, new: Paragraph) -> None:
        """A table changed in place: cell by cell when its shape is the same, else the
        old table deleted and the new one inserted (every row tracked)."""
        before = [row.split("\t") for row in _rows(old)]
        after = [row.split("\t") for row in _rows(new)]
        if [len(row) for row in before] != [len(row) for row in after]:
            self._whole((old,), self.old_depth, "del")
            self._whole((new,), self.new_depth, "ins")
            return
        from ..diff.inline import diff_words

        rows = [
            [
                self.runs(segment_runs(self.segments(tuple(diff_words(a, b))), "", ""))
                for a, b in zip(x, y, strict=True)
            ]
            for x, y in zip(before, after, strict=True)
        ]
        self.builder.table(rows, self.new_depth.get(new.label, 0))

    def _restyled(self, change: Change) -> bool:
        """A paragraph whose style changes (another kind or depth) is written deleted
        at its old style and inserted at its new one: LibreOffice drops a deletion
        inside a paragraph that carries a tracked change of style (w:pPrChange)."""
        old, new = change.old_units[0], change.new_units[0]
        self.style = _style(new, self.new_depth)  # the style :meth:`_modified` writes
        return _style(old, self.old_depth) != self.style

    # whole paragraphs ----------------------------------------------------------
    def _whole(self, units: tuple[Unit, ...], depths: dict[str, int], change: str) -> None:
        for unit in units:
            if _is_table(unit):
                rows = [
                    [self.runs([Run(cell, change=change)]) for cell in row.split("\t")]
                    for row in _rows(unit)
                ]
                self.builder.table(rows, depths.get(unit.label, 0), change=change)
                continue
            runs = _number_runs(_number(unit), change) + self.runs(_text_runs(unit, change))
            self.builder.paragraph(_style(unit, depths), runs, mark=change)

    def _move(
        self, move: Change, units: tuple[Unit, ...], depths: dict[str, int], change: str
    ) -> None:
        name = self.move_names.setdefault(id(move), f"move{len(self.move_names) + 1}")
        for unit in units:
            if _is_table(unit):  # a Word move holds paragraphs: a table is deleted and inserted
                self._whole((unit,), depths, "del" if change == "moveFrom" else "ins")
                continue
            runs = _number_runs(_number(unit), change) + self.runs(_text_runs(unit, change))
            p = self.builder.paragraph(_style(unit, depths), runs, mark=change)
            self._range(p, change, name)

    def _range(self, p: Any, change: str, name: str) -> None:
        """Word wants a named range around the moved text (w:moveFromRangeStart...End)."""
        start = self.builder.change_element(f"{change}RangeStart")
        start.set(f"{{{W}}}name", name)
        end = p.makeelement(f"{{{W}}}{change}RangeEnd", {f"{{{W}}}id": start.get(f"{{{W}}}id")})
        p.insert(1, start)
        p.append(end)

    # a paragraph changed in place -------------------------------------------------
    def _modified(self, change: Change, style: str) -> None:
        """``change`` in place; ``style``: the paragraph's, the same on both sides."""
        old, new = change.old_units[0], change.new_units[0]
        if isinstance(old, Paragraph) and isinstance(new, Paragraph):
            if _is_table(old) and _is_table(new):
                self._table(old, new)
                return
        # What the paragraph is made of. A template is kept only when its runs make no
        # revision: then its text cites no footnote either (a reference becomes a
        # footnote run or a tracked one), so that footnotes change nothing in it.
        numbers, openings = (_number(old), _number(new)), (_opening(old), _opening(new))
        key = (change.segments, numbers, openings, style, self.exact)
        template = _KEPT.get(key)
        if template is not None:
            self.builder.copy_paragraph(style, template)
            return
        runs = _renumber_runs(_number(old), _number(new))
        segments = self.segments(change.segments)
        runs += self.runs(segment_runs(segments, _opening(old), _opening(new)))
        # no revision: its XML written as text (the same bytes), kept for the next redline
        # (plain runs are untracked ones: docx_plain refuses a revision or a footnote)
        if self.builder.plain_paragraph(style, runs):
            _keep_xml(key, self.builder.parts.kept[-1][-1])
            return
        p = self.builder.paragraph(style, runs)  # the old side's style is the same
        if all(map(_untracked, runs)):
            _keep(key, p)


#: The XML of paragraphs without a tracked change, by what they are made of
#: (:meth:`_Writer._modified`): the redlines of consecutive versions of a long draft share
#: most of them, and writing one out as it was costs a tenth of building it.
_KEPT: dict[tuple[Any, ...], bytes] = {}
_KEPT_MAX = 20_000


def _keep(key: tuple[Any, ...], p: Any) -> None:
    xml = paragraph_xml(p)
    if xml is not None:
        _keep_xml(key, xml)


def _keep_xml(key: tuple[Any, ...], xml: bytes) -> None:
    if len(_KEPT) >= _KEPT_MAX:
        _KEPT.clear()
    _KEPT[key] = xml


def _untracked(run: Run) -> bool:
    """A run that makes no revision (whose id and date would differ in each document)."""
    return not run.change and run.was_italic is None and run.role in ("text", "number", "tab")


def _is_table(unit: Unit) -> bool:
    return isinstance(unit, Paragraph) and unit.kind is Kind.TABLE


def _rows(unit: Unit) -> list[str]:
    return unit.text.split("\n")


def _depths(draft: Draft) -> dict[str, int]:
    out: dict[str, int] = {}

    def visit(block: Paragraph, depth: int) -> None:
        out[block.label] = depth
        for child in block.children:
            visit(child, depth + 1)

    for block in draft.blocks:
        visit(block, 0)
    return out


def _style(unit: Unit, depths: dict[str, int]) -> str:
    if isinstance(unit, Footnote):
        return FOOTNOTE_STYLE
    return style_name(
        unit.kind if unit.kind is not Kind.FOOTNOTE else Kind.TEXT, depths.get(unit.label, 0)
    )


def _number(unit: Unit) -> str:
    return unit.marker if isinstance(unit, Footnote) else unit.number


def _opening(unit: Unit) -> str:
    if isinstance(unit, Footnote) or not unit.opening or not unit.text.startswith(unit.opening):
        return ""
    return unit.opening


def _number_runs(number: str, change: str = "") -> list[Run]:
    if not number:
        return []
    return [Run(number, role="number", change=change), Run("", role="tab", change=change)]


def _renumber_runs(old: str, new: str) -> list[Run]:
    if old == new:
        return _number_runs(new)
    runs = [Run(old, role="number", change="del")] if old else []
    runs += [Run(new, role="number", change="ins")] if new else []
    if old and new:
        return runs + [Run("", role="tab")]
    return runs + [Run("", role="tab", change="del" if old else "ins")]


def _text_runs(unit: Unit, change: str) -> list[Run]:
    cut = len(_opening(unit))
    text = unit.text
    runs = [Run(text[:cut], italic=True, change=change)] if cut else []
    return runs + [Run(text[cut:], change=change)]
