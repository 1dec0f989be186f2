"""Runs of a Word redline: the text of a changed paragraph with its italics, and its
footnotes as real Word footnotes that Word numbers itself.

Footnote references are real footnotes whenever Word can number them as the drafts do
(:func:`word_numbers`: numbered markers, consecutive in reading order, each cited once).
A reference is then a ``footnoteReference`` and its footnote's text lives in the
footnote: a paragraph whose only change is renumbered references shows no change at
all (Word renumbers, and Accept All or Reject All gives each side its own numbers); a
reference to the same footnote whose text changed, or now pointing to another
footnote's text, shows the change inside the footnote (the old text deleted, the new
inserted); a reference removed or added is a deleted or inserted footnote with its
text. Otherwise the references stay typed superscripts and the footnotes are
``UN Footnote`` paragraphs (the writer's fallback).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..diff.result import Change, DiffResult
from ..diff.tokens import Segment
from ..model import FOOTNOTE_REF, Footnote, footnote_ref, ref_marker
from .docx import Run
from .docx_draft import word_numbers


def note_start(result: DiffResult) -> int | None:
    """The start both drafts' footnotes share (1 when neither has any), or None."""
    old, new = word_numbers(result.old), word_numbers(result.new)
    if old is None or new is None:
        return None
    if old and new and old != new:
        return None
    return old or new or 1


@dataclass(frozen=True)
class _Ref:
    """A footnote reference met in the runs: its run's change and its marker."""

    change: str
    marker: str
    run: Run


class Notes:
    """Turns the footnote references in runs into real footnotes."""

    def __init__(
        self, result: DiffResult, tracked: Callable[[tuple[Segment, ...]], tuple[Segment, ...]]
    ) -> None:
        self.tracked = tracked  # which differences of a footnote's text are tracked
        self.old = {note.marker: note for note in result.old.footnotes()}
        self.new = {note.marker: note for note in result.new.footnotes()}
        self.change_of: dict[tuple[str, str], Change] = {}
        for change in result.changes:
            for unit in change.old_units:
                if isinstance(unit, Footnote):
                    self.change_of["-", unit.marker] = change
            for unit in change.new_units:
                if isinstance(unit, Footnote):
                    self.change_of["+", unit.marker] = change

    def runs(self, runs: list[Run]) -> list[Run]:
        pieces = _split(runs)
        out: list[Run] = []
        index = 0
        while index < len(pieces):
            piece = pieces[index]
            after = pieces[index + 1] if index + 1 < len(pieces) else None
            if not isinstance(piece, _Ref):
                out.append(piece)
            elif piece.change == "del" and isinstance(after, _Ref) and after.change == "ins":
                out.append(self._kept(piece.marker, after.marker))  # one place, both sides
                index += 1
            elif not piece.change:
                out.append(self._kept(piece.marker, piece.marker))
            elif piece.change in ("del", "moveFrom"):
                out.append(self._gone(piece, piece.change))
            else:
                out.append(self._come(piece, piece.change))
            index += 1
        return out

    def _same(self, old: str, new: str) -> bool:
        change = self.change_of.get(("-", old))
        return (
            change is not None
            and change is self.change_of.get(("+", new))
            and len(change.old_units) == len(change.new_units) == 1
        )

    def _kept(self, old: str, new: str) -> Run:
        """One reference for both sides: the footnote's text tracked inside it. The same
        footnote renumbered shows no change; a reference now pointing to another
        footnote shows the old text deleted and the new one inserted. (Two tracked
        references side by side at a paragraph's end make LibreOffice track that
        paragraph's end too, and Reject All then joined two paragraphs.)"""
        if self._same(old, new):
            segments = self.change_of["-", old].segments
        else:
            from ..diff.inline import diff_words

            segments = tuple(diff_words(self._text(self.old, old), self._text(self.new, new)))
        return Run("", role="footnote", note=tuple(segment_runs(self.tracked(segments), "", "")))

    @staticmethod
    def _text(notes: dict[str, Footnote], marker: str) -> str:
        note = notes.get(marker)
        return note.text if note is not None else ""

    def _gone(self, ref: _Ref, change: str) -> Run:
        note = self.old.get(ref.marker)
        if note is None:  # a reference to no footnote: the typed superscript
            return replace(ref.run, text=footnote_ref(ref.marker), change=change)
        return Run("", role="footnote", change=change, note=(Run(note.text),))

    def _come(self, ref: _Ref, change: str) -> Run:
        note = self.new.get(ref.marker)
        if note is None:
            return replace(ref.run, text=footnote_ref(ref.marker), change=change)
        return Run("", role="footnote", change=change, note=(Run(note.text),))


def _split(runs: list[Run]) -> list[Run | _Ref]:
    """The runs with each footnote reference in a text run taken out as a :class:`_Ref`."""
    out: list[Run | _Ref] = []
    for run in runs:
        if run.role != "text" or not FOOTNOTE_REF.search(run.text):
            out.append(run)
            continue
        position = 0
        for match in FOOTNOTE_REF.finditer(run.text):
            if match.start() > position:
                out.append(replace(run, text=run.text[position : match.start()]))
            out.append(_Ref(run.change, ref_marker(match.group(0)), run))
            position = match.end()
        if position < len(run.text):
            out.append(replace(run, text=run.text[position:]))
    return out


def segment_runs(segments: tuple[tuple[str, str], ...], old_cut: str, new_cut: str) -> list[Run]:
    """Runs of a modified paragraph. Italics follow the opening of the side a piece
    belongs to; a kept piece whose italics differ between the sides is split where
    they change and carries its old formatting as a tracked formatting change."""
    cuts = {"-": len(old_cut), "+": len(new_cut)}
    position = {"-": 0, "+": 0}
    runs: list[Run] = []
    for op, text in segments:
        if op == "=":
            runs.extend(kept_runs(text, position["-"], position["+"], cuts))
            position["-"] += len(text)
            position["+"] += len(text)
            continue
        change = "del" if op == "-" else "ins"
        start, cut = position[op], cuts[op]
        if start < cut:
            runs.append(Run(text[: cut - start], italic=True, change=change))
            if len(text) > cut - start:
                runs.append(Run(text[cut - start :], change=change))
        else:
            runs.append(Run(text, change=change))
        position[op] += len(text)
    return runs


def kept_runs(text: str, old_at: int, new_at: int, cuts: dict[str, int]) -> list[Run]:
    bounds = sorted(
        {0, len(text)} | {c for c in (cuts["-"] - old_at, cuts["+"] - new_at) if 0 < c < len(text)}
    )
    runs = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        italic = new_at + start < cuts["+"]
        was = old_at + start < cuts["-"]
        runs.append(Run(text[start:end], italic=italic, was_italic=None if was == italic else was))
    return runs
