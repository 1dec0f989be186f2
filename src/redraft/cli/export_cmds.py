"""``redraft export`` (a draft as Word, Markdown, plain text, AKN or JSON) and
``redraft report`` (a static HTML site for a negotiation store)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..english import plural
from .common import (
    agreed_corpus,
    agreed_corpus_option,
    emit,
    format_option,
    in_language,
    info,
    language_option,
    output_option,
    quiet_option,
    show_warnings,
    store_option,
)

if TYPE_CHECKING:
    from ..model import Draft, Loaded
    from ..render.site import PageInfo

EXPORT_FORMATS = ("text", "txt", "md", "markdown", "docx", "akn", "json", "html")
#: Spellings of one format.
_ALIASES = {"txt": "text", "markdown": "md"}


def export_bytes(spec: str, fmt: str, store: Path | None = None) -> tuple[bytes, tuple[str, ...]]:
    """The draft ``spec`` (path, "-" or NAME[@REV]) in format ``fmt``, and reader warnings."""
    from ..resolve import load

    loaded = load(spec, store)
    draft = loaded.draft if fmt == "json" else _dated(loaded)  # JSON: the model, as show gives it
    if fmt == "html":
        from ..render.site import render_draft_html

        return render_draft_html(draft).encode("utf-8"), loaded.warnings
    if fmt == "docx":
        from ..render.docx_draft import render_draft_docx

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


def _dated(loaded: Loaded) -> Draft:
    """The draft, dated with its store version's day when its text names no date
    (the AKN export writes it in FRBRdate, the Word export in its properties)."""
    from dataclasses import replace

    day = loaded.version.get("date", "")[:10]
    if not day or loaded.draft.meta.date:
        return loaded.draft
    return replace(loaded.draft, meta=replace(loaded.draft.meta, date=day))


def export_format(fmt: str | None, output: Path | None) -> str:
    """The format to write: --format, else the one -o's suffix names, else text. A
    suffix that names another format, or none redraft writes, is refused."""
    from .common import format_for_output

    if output is not None:
        fmt = format_for_output(fmt, output, EXPORT_FORMATS, unknown_ok=False)
    chosen = fmt or "text"
    return _ALIASES.get(chosen, chosen)


@click.command()
@click.argument("spec")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(EXPORT_FORMATS)),
    default=None,
    help="docx, md (markdown), text (txt), akn, json or html "
    "[default: from the -o suffix, else text].",
)
@language_option
@output_option
@store_option
def export(
    spec: str, fmt: str | None, language: str | None, output: Path | None, store: Path | None
) -> None:
    """Write the draft SPEC (a file, "-" or NAME[@REV]) as a clean document: Word in UN
    layout, Markdown, plain text as printed, AKN4UN XML, HTML, or JSON (redraft.draft/1).
    Without --format, the suffix of -o decides (.docx, .md, .txt, .xml, .html, .json).

    Exit codes: 0 written, 2 bad input."""
    from ..errors import InputError

    spec = in_language([spec], language)[0]
    chosen = export_format(fmt, output)
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
@store_option
@agreed_corpus_option
@quiet_option
def report(out_dir: Path, fmt: str, store: Path | None, corpus: str | None, quiet: bool) -> None:
    """Write a static, self-contained HTML site for the store: an index of drafts, and
    per draft its versions, the redline between consecutive versions and a length chart.
    With a precedent index (--corpus, or [precedent] index in redraft.toml), each
    draft's agreed-language share, and its new language marked paragraph by paragraph.

    What a page is made of is kept in the store's cache (.git/redraft-cache): writing
    the report again after a new version redoes only that version's redline.

    Exit codes: 0 written, 2 no store or unwritable folder."""
    from ..config import load_config
    from ..render.console import progress_steps
    from ..render.site import write_site
    from ..resolve.report import build_report, overview

    warnings: list[str] = []
    chosen = agreed_corpus(corpus, load_config(None, store))
    if chosen is None:  # the pages cached by what they show (docs/report.md, "Speed")
        with progress_steps(quiet) as steps:
            site = build_report(out_dir, store, steps, warnings)
    else:  # traced against a precedent index, which the cache keys do not cover
        drafts = overview(store, warnings, chosen)
        site = write_site(out_dir, drafts)
    show_warnings(warnings)
    if fmt == "json":
        from ..render.json import dumps

        emit(
            dumps(
                {
                    "schema": "redraft.report/1",
                    "dir": str(site.root),
                    "index": str(site.root / "index.html"),
                    "drafts": [_page_json(p) for p in site.pages],
                }
            )
        )
        return
    emit(f"wrote {plural(len(site.pages), 'draft page')}: {site.root / 'index.html'}")


def _page_json(page: PageInfo) -> dict[str, object]:
    out: dict[str, object] = {"name": page.name, "page": page.page, "versions": page.versions}
    if page.agreed_share_words is not None:  # with a precedent index
        out["agreed_share_words"] = page.agreed_share_words
    return out
