"""``redraft diff A [B]``: what changed, paragraph by paragraph."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .common import (
    cycle_collector_paused,
    format_option,
    in_language,
    info,
    language_option,
    output_option,
    show_warnings,
    store_option,
)

if TYPE_CHECKING:
    from ..diff.result import DiffResult

FORMATS = ("text", "side", "json", "markdown", "md", "html", "docx")


@click.command()
@click.argument("old")
@click.argument("new", required=False)
@format_option(*FORMATS)
@click.option("--all", "show_all", is_flag=True, help="Show unchanged paragraphs too.")
@click.option(
    "--typography",
    is_flag=True,
    help="Also show paragraphs reported equal because they differ in typography only "
    "(spaces, no-break spaces, tabs, invisible marks, soft hyphens), with the characters "
    "drawn; in a Word redline, track them too (Reject All then gives the old text exactly).",
)
@click.option(
    "--words/--chars",
    "words",
    default=True,
    help="Granularity of changes inside a paragraph (default: words).",
)
@click.option("--exit-code", is_flag=True, help="Exit with 1 when the drafts differ.")
@click.option(
    "--as-tracked",
    is_flag=True,
    help="With one Word file: compare its text before and after its pending tracked changes.",
)
@language_option
@click.option(
    "--author-old",
    metavar="NAME",
    help="Word redline: the author of the old version (default: the store's, if any).",
)
@click.option(
    "--author-new",
    metavar="NAME",
    help="Word redline: the author of the revisions (default: the store's author of the "
    "new version, else 'redraft').",
)
@output_option
@store_option
@cycle_collector_paused
def diff(
    old: str,
    new: str | None,
    fmt: str,
    show_all: bool,
    words: bool,
    exit_code: bool,
    as_tracked: bool,
    language: str | None,
    output: Path | None,
    store: Path | None,
    typography: bool = False,
    author_old: str | None = None,
    author_new: str | None = None,
) -> None:
    """Compare two versions of a draft: OLD and NEW are files (any format), "-",
    or store revisions (NAME@Rev.1, NAME@3; NAME@Rev.1:fr or --lang fr for the French
    versions). With one NAME, compare its latest version with the previous one; with
    one NAME@REV, that revision with the latest.

    Exit codes: 0 done (1 with --exit-code when they differ), 2 bad input."""
    from ..diff.engine import diff_drafts
    from ..resolve import load_pair, tracked_sides

    if language is not None:
        specs = in_language([old] if new is None else [old, new], language)
        old, new = specs[0], (specs[1] if new is not None else None)
    before, after = tracked_sides(old, new) if as_tracked else load_pair(old, new, store)
    show_warnings(before.warnings + after.warnings)
    result = diff_drafts(
        before.draft,
        after.draft,
        granularity="words" if words else "chars",
        old_source=before.source,
        new_source=after.source,
    )
    authors = (
        _author(author_old, before.version),
        _author(author_new, after.version),
    )
    header = (before.describe(), after.describe())
    _render(result, fmt, show_all, output, authors=authors, header=header, typography=typography)
    if exit_code and result.differs:
        sys.exit(1)


def _author(given: str | None, version: dict[str, str]) -> dict[str, str]:
    """The store's version metadata, with the author named on the command line."""
    return {**version, "by": given} if given is not None else version


def _render(
    result: DiffResult,
    fmt: str,
    show_all: bool,
    output: Path | None,
    authors: tuple[dict[str, str], dict[str, str]] = ({}, {}),
    typography: bool = False,
    header: tuple[str, str] | None = None,
) -> None:
    from .common import emit

    shown = {"show_all": show_all, "typography": typography}
    if fmt == "json":
        from ..render.diff_json import render_diff_json

        emit(render_diff_json(result), output)
    elif fmt in ("markdown", "md"):
        from ..render.diff_markdown import render_diff_markdown

        emit(render_diff_markdown(result, **shown), output)
    elif fmt == "html":
        from ..render.diff_html import render_diff_html

        emit(render_diff_html(result, **shown), output)
    elif fmt == "docx":
        _write_docx(result, output, authors, typography)
    elif fmt == "side":
        from ..render.diff_side import render_diff_side

        _print_rich(render_diff_side(result, **shown, header=header), output)
    elif output is not None or not sys.stdout.isatty():
        from ..render.diff_text import render_diff_plain

        # Files and pipes get plain text (the marks {--..--}{++..++} are in it): laying
        # out a long redline through rich costs more than the diff itself.
        emit(render_diff_plain(result, **shown, header=header), output)
    else:
        import shutil

        from ..render.ansi import render_diff_ansi

        # To a terminal: the same redline, styled and wrapped without rich's layout
        # (which cost twice the diff itself on a long draft).
        width = shutil.get_terminal_size().columns  # COLUMNS when set
        # not through emit: its safety pass would show the styles' own escape codes as
        # signs; render_diff_ansi already shows every control character of the texts so
        sys.stdout.write(render_diff_ansi(result, width, **shown, header=header))
        sys.stdout.flush()


def _print_rich(renderable: Any, output: Path | None) -> None:
    """To the terminal through rich (colour when it is a terminal), or plain to a file."""
    from ..render.console import stdout_console
    from .common import emit

    if output is None:
        stdout_console().print(renderable, end="")
        return
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=160, color_system=None, highlight=False).print(renderable, end="")
    emit(buffer.getvalue(), output)


def _write_docx(
    result: DiffResult,
    output: Path | None,
    authors: tuple[dict[str, str], dict[str, str]],
    typography: bool = False,
) -> None:
    """Tracked changes signed by the delegations that made the two versions (typography
    tracked too with --typography)."""
    from ..errors import InputError
    from ..render.docx_track import render_diff_docx

    old, new = authors
    data: bytes = render_diff_docx(
        result,
        author_old=old.get("by", ""),
        author_new=new.get("by", ""),
        date=new.get("date", ""),
        typography=typography,
    )
    if output is None:
        if sys.stdout.isatty():
            raise InputError("--format docx writes a Word file: use -o FILE.docx")
        sys.stdout.buffer.write(data)
        return
    try:
        output.write_bytes(data)
    except OSError as error:
        raise InputError(f"{output}: cannot write ({error.strerror or error})") from None
    info(f"wrote {output}")
