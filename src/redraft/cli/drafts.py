"""``redraft show`` and ``redraft split``: read drafts and print them with their labels."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import (
    emit,
    format_option,
    in_language,
    language_option,
    output_option,
    show_warnings,
    store_option,
    warn,
)

if TYPE_CHECKING:
    from ..model import Draft, Footnote, Paragraph


@click.command()
@click.argument("spec", metavar="DRAFT")
@click.option(
    "--para",
    default=None,
    metavar="LABEL",
    help="Print only this paragraph (OP3, PP2, OP9(a), FN16), with its sub-paragraphs.",
)
@language_option
@format_option("text", "json")
@output_option
@store_option
def show(
    spec: str,
    para: str | None,
    language: str | None,
    fmt: str,
    output: Path | None,
    store: Path | None,
) -> None:
    """Print DRAFT with its paragraph labels. DRAFT is a file (UN printed text,
    canonical text, AKN XML, Word), - for standard input, or a store revision
    NAME[@REV] (NAME@REV:fr or --lang fr: its French version)."""
    from ..resolve import load

    spec = in_language([spec], language)[0]
    loaded = load(spec, store)
    show_warnings(loaded.warnings)
    draft = loaded.draft
    units = None
    if para is not None:  # "" is no label
        from ..outline import find_unit

        units = [find_unit(draft, para, spec)]
    if fmt == "json":
        emit(_json(draft, spec, loaded.source, units), output)
        return
    from ..render.console import file_console, stdout_console
    from ..render.draft_text import print_draft, print_units

    console = stdout_console() if output is None else file_console()
    if units is None:
        print_draft(console, draft, loaded.source)
    else:
        print_units(console, units)
    if output is not None:
        emit(console.export_text(), output)


def _json(draft: Draft, spec: str, source: str, units: list[Paragraph | Footnote] | None) -> str:
    """Schema ``redraft.draft/1``; with --para, ``blocks`` holds that unit alone."""
    from dataclasses import replace

    from ..model import Footnote, Kind, Paragraph
    from ..render.json import draft_json, dumps

    if units is None:
        return dumps(draft_json(draft, name=spec, source=source))
    unit = units[0]
    if isinstance(unit, Footnote):
        unit = Paragraph(kind=Kind.FOOTNOTE, text=unit.text, number=unit.marker, label=unit.label)
    assert isinstance(unit, Paragraph)
    document = draft_json(replace(draft, blocks=(unit,)), name=spec, source=source)
    document["para"] = unit.label
    return dumps(document)


@click.command()
@click.argument("report", type=click.Path(path_type=Path))
@click.argument("outdir", type=click.Path(path_type=Path))
@format_option("text", "json")
def split(report: Path, outdir: Path, fmt: str) -> None:
    """Split REPORT (a report holding many drafts, as printed) into one canonical
    file per draft in OUTDIR, named after its heading and title; print a summary."""
    from ..readers.report import split_file
    from ..render.split import split_json, summary, write_drafts

    found, warnings = split_file(report)
    show_warnings(warnings)
    paths = write_drafts(found, outdir)
    rows = summary(found, paths)
    for row in rows:
        for message in row.warnings:
            warn(f"{row.name}: {message}")
    if fmt == "json":
        from ..render.json import dumps

        emit(dumps(split_json(rows, str(report), str(outdir))))
        return
    from ..render.console import stdout_console
    from ..render.split import split_table

    console = stdout_console()
    if not console.is_terminal:  # piped: do not squeeze the table into 80 columns
        console = stdout_console(width=160)
    console.print(split_table(rows))
    console.print(f"{len(rows)} draft{'' if len(rows) == 1 else 's'} written to {outdir}")
