"""What ``redraft split`` writes: one canonical file per draft found in a report, and the
summary of what was written (a table, or JSON with schema ``redraft.split/1``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .. import canonical
from ..errors import InputError
from ..model import Draft

if TYPE_CHECKING:
    from rich.table import Table


class NamedDraft(Protocol):
    """A draft found in a report (:class:`redraft.readers.report.SplitDraft`)."""

    @property
    def name(self) -> str: ...
    @property
    def draft(self) -> Draft: ...
    @property
    def warnings(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class SplitRow:
    """One line of the summary of a split: a file written and what it holds."""

    file: str
    name: str
    heading: str
    title: str
    organ: str
    doc_type: str
    pp: int
    op: int
    warnings: tuple[str, ...]


def summary(found: Sequence[NamedDraft], paths: list[Path]) -> list[SplitRow]:
    return [
        SplitRow(
            str(path),
            item.name,
            item.draft.heading,
            item.draft.title,
            item.draft.meta.organ,
            item.draft.meta.doc_type,
            len(item.draft.preambular()),
            len(item.draft.operative()),
            item.warnings,
        )
        for item, path in zip(found, paths, strict=True)
    ]


def split_json(rows: list[SplitRow], source: str, outdir: str) -> dict[str, object]:
    """Schema ``redraft.split/1`` (docs/json.md)."""
    return {
        "schema": "redraft.split/1",
        "source": source,
        "outdir": outdir,
        "drafts": [
            {
                "file": r.file,
                "name": r.name,
                "heading": r.heading,
                "title": r.title,
                "organ": r.organ,
                "doc_type": r.doc_type,
                "pp": r.pp,
                "op": r.op,
                "warnings": list(r.warnings),
            }
            for r in rows
        ],
    }


def write_drafts(found: Sequence[NamedDraft], outdir: str | Path) -> list[Path]:
    """Write each draft as ``OUTDIR/<name>.txt`` in canonical form; the paths written."""
    outdir = Path(outdir)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        paths = []
        for item in found:
            path = outdir / f"{item.name}.txt"
            path.write_text(canonical.render(item.draft), encoding="utf-8")
            paths.append(path)
    except FileExistsError:
        raise InputError(f"{outdir}: exists and is not a folder") from None
    except OSError as error:
        raise InputError(f"{outdir}: cannot write ({error.strerror or error})") from None
    return paths


def split_table(rows: list[SplitRow]) -> Table:
    """The summary ``redraft split`` prints: one row per file written."""
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    for column in ("file", "heading", "title", "PP", "OP"):
        table.add_column(
            column,
            justify="right" if column in ("PP", "OP") else "left",
            no_wrap=column != "heading",
            overflow="ellipsis",
            max_width=48 if column == "title" else None,
        )
    for row in rows:
        table.add_row(Path(row.file).name, row.heading, row.title, str(row.pp), str(row.op))
    return table
