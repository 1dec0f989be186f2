"""``redraft export`` (a draft as Word, Markdown, plain text, AKN or JSON) and
``redraft report`` (a static HTML site for a negotiation store)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import (
    emit,
    format_option,
    info,
    output_option,
    quiet_option,
    show_warnings,
    store_option,
)

EXPORT_FORMATS = ("text", "txt", "md", "docx", "akn", "json")
_SUFFIXES = {
    ".docx": "docx",
    ".md": "md",
    ".txt": "text",
    ".xml": "akn",
    ".akn": "akn",
    ".json": "json",
}


def export_bytes(spec: str, fmt: str, store: Path | None = None) -> tuple[bytes, tuple[str, ...]]:
    """The draft ``spec`` (path, "-" or NAME[@REV]) in format ``fmt``, and reader warnings."""
    from ..resolve import load

    loaded = load(spec, store)
    draft = loaded.draft
    if fmt == "docx":
        from ..render.docx import render_draft_docx

        return render_draft_docx(draft), loaded.warnings
    if fmt == "akn":
        from ..render.akn import render_akn

        return render_akn(draft), loaded.warnings
    if fmt == "md":
        from ..render.markdown_export import render_markdown

        return render_markdown(draft).encode("utf-8"), loaded.warnings
    if fmt == "json":
        from ..render.json import draft_json, dumps

        document = draft_json(draft, name=spec, source=loaded.source)  # as 'show' names it
        return dumps(document).encode("utf-8"), loaded.warnings
    from ..render.markdown_export import render_plain

    return render_plain(draft).encode("utf-8"), loaded.warnings


@click.command()
@click.argument("spec")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(EXPORT_FORMATS)),
    default=None,
    help="docx, md, text (txt), akn or json (default: from the -o suffix, else text).",
)
@output_option
@store_option
def export(spec: str, fmt: str | None, output: Path | None, store: Path | None) -> None:
    """Write the draft SPEC (a file, "-" or NAME[@REV]) as a clean document: Word in UN
    layout, Markdown, plain text as printed, AKN4UN XML, or JSON (redraft.draft/1).

    Exit codes: 0 written, 2 bad input."""
    from ..errors import InputError

    chosen = fmt or (_SUFFIXES.get(output.suffix.lower(), "text") if output else "text")
    chosen = "text" if chosen == "txt" else chosen
    if chosen == "docx" and output is None and sys.stdout.isatty():
        raise InputError("--format docx writes a Word file: use -o FILE.docx")
    data, warnings = export_bytes(spec, chosen, store)
    show_warnings(warnings)
    if output is None:
        if chosen == "docx":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            emit(data.decode("utf-8"))
        return
    try:
        output.write_bytes(data)
    except OSError as error:
        raise InputError(f"{output}: cannot write ({error.strerror or error})") from None
    info(f"wrote {output}")


@click.command()
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("redraft-report"),
    show_default=True,
    help="Folder to write the site into.",
)
@format_option("text", "json")
@quiet_option
@store_option
def report(out_dir: Path, fmt: str, quiet: bool, store: Path | None) -> None:
    """Write a static, self-contained HTML site for the store: an index of drafts, and
    per draft its versions, the redline between consecutive versions and a length chart.

    What a page is made of is kept in the store's cache (.git/redraft-cache): writing
    the report again after a new version redoes only that version's redline.

    Exit codes: 0 written, 2 no store or unwritable folder."""
    from ..render.console import progress_steps
    from ..resolve.report import build_report

    with progress_steps(quiet) as steps:
        site = build_report(out_dir, store, steps)
    if fmt == "json":
        from ..render.json import dumps

        emit(
            dumps(
                {
                    "schema": "redraft.report/1",
                    "dir": str(site.root),
                    "index": str(site.root / "index.html"),
                    "drafts": [
                        {"name": p.name, "page": p.page, "versions": p.versions} for p in site.pages
                    ],
                }
            )
        )
        return
    emit(f"wrote {len(site.pages)} draft page(s): {site.root / 'index.html'}")
