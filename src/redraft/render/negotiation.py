"""Text (rich) and JSON forms of the negotiation results (schemas in docs/json.md).

Every text form marks things in plain characters too (``{--old--}{++new++}``,
``█░`` bars), so nothing depends on colour. rich is imported inside functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..english import plural
from ..negotiation.blame import BlameResult, WordBlame
from ..negotiation.clean import CleanResult
from ..negotiation.history import ParagraphHistory
from ..negotiation.lineage import Stamp
from ..negotiation.markup import Problem
from ..negotiation.sponsors import SponsorsResult
from ..negotiation.status import Progress, StatusResult, Totals, summary_line
from .marks import marked

if TYPE_CHECKING:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

STATE_STYLE = {
    "agreed-ad-ref": "green",
    "agreed": "green",
    "open": "yellow",
    "proposed-deletion": "red",
    "clean": "",
}
BAR_WIDTH = 16
SPARKS = "▁▂▃▄▅▆▇█"


# -- status ---------------------------------------------------------------------------


def state_text(state: str, brackets: int, marker: str = "", note: str = "") -> str:
    """``open (2)``: the state as the table shows it, with its open brackets."""
    if note:
        return f"open ({note})"
    if state == "open" and brackets:
        return f"open ({brackets})"
    if state == "open" and marker == "pending":
        return "pending"
    if state == "open":
        return "open (bad markup)"
    return state.replace("-", " ")


def status_table(result: StatusResult) -> Group:
    from rich.console import Group
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    for column, justify in (
        ("label", "left"),
        ("state", "left"),
        ("brackets", "right"),
        ("proponents", "left"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    from rich.text import Text

    for p in result.paragraphs:
        table.add_row(  # Text cells: a name is never read as rich markup
            Text(p.label),
            Text(state_text(p.state, p.brackets, p.marker, p.note), style=STATE_STYLE[p.state]),
            str(p.brackets) if p.brackets else "",
            Text(", ".join(p.proponents)),
        )
    return Group(table, "", summary_line(result.totals))


def _totals_json(totals: Totals) -> dict[str, int | bool]:
    return {
        "paragraphs": totals.paragraphs,
        "agreed": totals.agreed,
        "agreed_ad_ref": totals.agreed_ad_ref,
        "open": totals.open,
        "proposed_deletion": totals.proposed_deletion,
        "clean": totals.clean,
        "brackets": totals.brackets,
        "with_brackets": totals.with_brackets,
        "settled": totals.settled,
    }


def problem_json(problem: Problem) -> dict[str, Any]:
    return {
        "label": problem.label,
        "offset": problem.offset,
        "kind": problem.kind,
        "message": problem.message,
        "excerpt": problem.excerpt,
    }


def status_json(result: StatusResult, progress: Progress | None = None) -> dict[str, Any]:
    """Schema ``redraft.status/1``; ``versions`` only with ``--by-version``."""
    document: dict[str, Any] = {
        "schema": "redraft.status/1",
        "source": result.source,
        "paragraphs": [
            {
                "label": p.label,
                "state": p.state,
                "brackets": p.brackets,
                "proponents": list(p.proponents),
            }
            for p in result.paragraphs
        ],
        "totals": _totals_json(result.totals),
        "problems": [problem_json(problem) for problem in result.problems],
    }
    if progress is not None:
        document["versions"] = [
            {
                "version": v.number,
                "symbol": v.symbol,
                "date": v.date,
                "by": v.by,
                "share_agreed": round(v.totals.share_agreed, 4),
                "totals": _totals_json(v.totals),
            }
            for v in progress.versions
        ]
    return document


def bar(share: float, width: int = BAR_WIDTH) -> str:
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)


def sparkline(shares: list[float]) -> str:
    return "".join(SPARKS[min(len(SPARKS) - 1, int(s * (len(SPARKS) - 1) + 0.5))] for s in shares)


_PROGRESS_COLUMNS = ("version", "agreed", "open", "brackets", "share agreed")


def _progress_cells(progress: Progress) -> list[list[str]]:
    """The cells of the versions table, without markup (the bar is plain)."""
    from ..negotiation.lineage import short_symbol

    rows = []
    for v in progress.versions:
        t = v.totals
        rows.append(
            [
                " ".join(x for x in (f"v{v.number}", short_symbol(v.symbol), v.by) if x),
                f"{t.agreed_in_all}/{t.paragraphs}",
                str(t.open + t.proposed_deletion),
                str(t.brackets),
                f"{bar(t.share_agreed)} {t.share_agreed:4.0%}",
            ]
        )
    return rows


def progress_line(progress: Progress) -> str:
    """The line under the table: a sparkline of the share agreed, first and last."""
    shares = [v.totals.share_agreed for v in progress.versions]
    return (
        f"progress: {sparkline(shares)}  {shares[0]:.0%} → {shares[-1]:.0%} agreed "
        f"over {plural(len(shares), 'version')}"
    )


def progress_chart(progress: Progress, languages: Mapping[int, str] | None = None) -> Group:
    """The table of versions with a bar of the share agreed, and the progress line;
    ``languages`` (version number -> "en, fr"): a column of the languages each has."""
    from rich.console import Group
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    columns = list(_PROGRESS_COLUMNS)
    if languages is not None:
        columns.append("languages")
    for column in columns:
        justify = "right" if column in ("agreed", "open", "brackets") else "left"
        wrap = column == "languages"  # the one column that may wrap in a narrow terminal
        table.add_column(column, justify=justify, no_wrap=not wrap)  # type: ignore[arg-type]
    rows = []
    for v, cells in zip(progress.versions, _progress_cells(progress), strict=True):
        share = v.totals.share_agreed
        row = [*cells[:4], f"[green]{bar(share)}[/] {share:4.0%}"]
        if languages is not None:
            row.append(languages.get(v.number, ""))
        rows.append(row)
    if languages is None and all(
        "\n" not in cell and "[" not in cell for r in rows for cell in r[:4]
    ):
        # No cell wraps and every row is one line: the rows as one row of multi-line
        # cells lay out the same, and rich lays out 5 cells instead of 5 per version
        # (a thousand versions: a second).
        rows = [["\n".join(column) for column in zip(*rows, strict=True)]] if rows else []
    for row in rows:
        table.add_row(*row)
    return Group(table, "", progress_line(progress))


def progress_table_plain(progress: Progress, width: int) -> str | None:
    """The versions table of :func:`progress_chart` (no languages) as rich lays it out
    on a console of ``width`` columns with neither colour nor style (a pipe): each
    column as wide as its widest cell, two spaces between, every cell padded. Padding
    is all rich does there; None when it would do more (a table wider than the
    console, a cell rich would read as markup or emoji, or with a character it shows
    otherwise): rich lays it out. tests/test_progress_table.py compares the two."""
    from rich.cells import cell_len

    rows = _progress_cells(progress)
    if not rows or not all(_plain_cell(cell) for row in rows for cell in row):
        return None
    table = [list(_PROGRESS_COLUMNS), *rows]
    widths = [max(cell_len(cell) for cell in column) for column in zip(*table, strict=True)]
    if sum(widths) + 2 * (len(widths) - 1) > width:
        return None
    lines = []
    for row in table:
        cells = []
        for index, (cell, size) in enumerate(zip(row, widths, strict=True)):
            pad = " " * (size - cell_len(cell))
            cells.append(pad + cell if index in (1, 2, 3) else cell + pad)
        lines.append("  ".join(cells) + "\n")
    return "".join(lines)


def _plain_cell(cell: str) -> bool:
    return cell.isprintable() and not any(sign in cell for sign in "[]:\\")


# -- blame ----------------------------------------------------------------------------


def stamp_json(stamp: Stamp) -> dict[str, Any]:
    return {"version": stamp.version, "by": stamp.by, "date": stamp.date, "symbol": stamp.symbol}


def blame_table(result: BlameResult) -> Table:
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    for column in ("label", "introduced", "last changed"):
        table.add_column(column)
    for entry in result.paragraphs:
        changed = "" if entry.last_changed == entry.introduced else entry.last_changed.short()
        table.add_row(entry.label, entry.introduced.short(), changed)
    return table


def blame_json(result: BlameResult, words: WordBlame | None = None) -> dict[str, Any]:
    """Schema ``redraft.blame/1``."""
    paragraphs = []
    for entry in result.paragraphs:
        item: dict[str, Any] = {
            "label": entry.label,
            "introduced": stamp_json(entry.introduced),
            "last_changed": stamp_json(entry.last_changed),
        }
        if words is not None and words.label == entry.label:
            item["words"] = [
                {
                    "text": p.text,
                    "introduced": stamp_json(p.stamp),
                    "proposed_by": list(p.proposed_by),
                }
                for p in words.passages
            ]
        paragraphs.append(item)
    return {
        "schema": "redraft.blame/1",
        "name": result.name,
        "version": stamp_json(result.version),
        "paragraphs": paragraphs,
    }


def words_text(words: WordBlame) -> Text:
    """One line per passage: the version that brought it in, then the passage."""
    from rich.text import Text

    out = Text()
    out.append(f"{words.label} in {words.version.short()}\n", style="bold cyan")
    width = max((len(p.stamp.short()) for p in words.passages), default=0)
    for passage in words.passages:
        out.append(f"{passage.stamp.short():<{width}}  ", style="dim")
        if passage.proposed_by:
            out.append(f"(- {', '.join(passage.proposed_by)}) ", style="cyan")
        out.append(f"{passage.text.strip()}\n")
    return out


# -- history --------------------------------------------------------------------------

_STYLES = {"-": "red strike", "+": "green underline"}


def history_text(history: ParagraphHistory) -> Text:
    from rich.text import Text

    out = Text()
    for step in history.steps:
        label = step.label or step.previous_label
        notes = [step.event]
        if step.renumbered and step.previous_label and step.label:
            notes.append(f"was {step.previous_label}")
        if step.moved:
            notes.append("moved")
        out.append(f"{label} in {step.stamp.short()}: {', '.join(notes)}\n", style="bold cyan")
        if step.event == "unchanged":
            out.append("    (text unchanged)\n")
            continue
        out.append("    ")
        for op, chunk in step.segments:
            if op == "=" or step.event == "introduced":
                out.append(chunk)
                continue
            out.append(marked(op, chunk), style=_STYLES[op])
        out.append("\n")
    changes = plural(history.changes, "change")
    out.append(f"{changes} over {plural(len(history.steps), 'version')}\n", style="bold")
    return out


def history_json(history: ParagraphHistory) -> dict[str, Any]:
    """Schema ``redraft.history/1``."""
    return {
        "schema": "redraft.history/1",
        "name": history.name,
        "label": history.label,
        "steps": [
            {
                **stamp_json(step.stamp),
                "label": step.label,
                "previous_label": step.previous_label,
                "event": step.event,
                "moved": step.moved,
                "renumbered": step.renumbered,
                "text": step.text,
                "segments": [list(s) for s in step.segments],
            }
            for step in history.steps
        ],
    }


# -- sponsors -------------------------------------------------------------------------


def sponsors_text(result: SponsorsResult) -> Text:
    from rich.text import Text

    out = Text()
    for step in result.steps:
        out.append(f"{step.stamp.short()}: ", style="bold cyan")
        out.append(plural(len(step.sponsors), "sponsor") + "\n")
        out.append("    " + (", ".join(step.sponsors) or "(none recorded)") + "\n")
        if step.stamp.version != result.steps[0].stamp.version:
            if step.joined:
                out.append("    joined: " + ", ".join(step.joined) + "\n", style="green")
            if step.left:
                out.append("    left: " + ", ".join(step.left) + "\n", style="red")
    return out


def sponsors_json(result: SponsorsResult) -> dict[str, Any]:
    """Schema ``redraft.sponsors/1``."""
    return {
        "schema": "redraft.sponsors/1",
        "name": result.name,
        "versions": [
            {
                **stamp_json(s.stamp),
                "sponsors": list(s.sponsors),
                "joined": list(s.joined),
                "left": list(s.left),
            }
            for s in result.steps
        ],
    }


# -- clean ----------------------------------------------------------------------------


def clean_json(result: CleanResult, source: str) -> dict[str, Any]:
    """Schema ``redraft.clean/1``: the clean draft (as ``redraft.draft/1``) and what is open."""
    from .json import draft_json

    draft = draft_json(result.draft, name=source, source=source)  # as show names it
    draft.pop("schema")
    return {
        "schema": "redraft.clean/1",
        "source": source,
        "complete": result.complete,
        "unresolved": [
            {"label": u.label, "state": u.state, "reason": u.reason} for u in result.unresolved
        ],
        "draft": draft,
    }
