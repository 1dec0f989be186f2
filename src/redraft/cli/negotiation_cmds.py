"""``redraft status | blame | history | sponsors | clean`` (docs/negotiation.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .common import (
    emit,
    format_option,
    in_language,
    info,
    language_option,
    output_option,
    quiet_option,
    show_warnings,
    store_option,
    warn,
)

if TYPE_CHECKING:
    from rich.console import Console

    from ..negotiation.status import Progress
    from ..resolve.parity_store import DraftParity


def _print(renderable: Any, output: Path | None) -> None:
    """Through rich to the terminal (colour when it is one), or plain to a pipe or a
    file, where text is not wrapped (one line per passage, for grep)."""
    from ..render.console import file_console, print_plain, stdout_console

    console = stdout_console() if output is None else file_console(width=160)
    print_plain(console, renderable)
    if output is not None:
        emit(console.export_text(), output)


def _print_progress(progress: Progress, console: Console | None = None) -> None:
    """The versions table and progress line on stdout (or ``console``). On a pipe, where
    rich would only pad the cells (a thousand versions: half a second of its layout),
    the table is padded here; the line under it is rich's (it wraps it)."""
    from ..render import negotiation as render
    from ..render.console import print_plain, stdout_console

    console = console or stdout_console()
    table = None
    if not console.is_terminal and console.color_system is None:
        table = render.progress_table_plain(progress, console.width)
    if table is None:
        print_plain(console, render.progress_chart(progress))
        return
    console.file.write(table)
    console.print("")
    console.print(render.progress_line(progress))


def _json(document: dict[str, Any], output: Path | None) -> None:
    from ..render.json import dumps

    emit(dumps(document), output)


@click.command()
@click.argument("spec", metavar="NAME[@REV]|FILE")
@click.option(
    "--by-version",
    "by_version",
    is_flag=True,
    help="The share agreed at each version of NAME: a table and a chart.",
)
@language_option
@format_option("text", "json")
@output_option
@quiet_option
@store_option
def status(
    spec: str,
    by_version: bool,
    language: str | None,
    fmt: str,
    output: Path | None,
    quiet: bool,
    store: Path | None,
) -> None:
    """Where each paragraph stands: agreed ad ref, agreed, open, proposed deletion.

    Bad markup (unbalanced brackets, unknown markers or tag words) is reported on
    standard error with its place; the table is still printed. A stored draft with
    versions in other languages: which languages the version has, and whether they
    correspond (redraft parity).
    """
    from ..render import negotiation as render
    from ..render.console import progress_steps
    from ..resolve import negotiation as api
    from ..resolve.parity_store import draft_parity

    spec = in_language([spec], language)[0]
    if by_version:
        with progress_steps(quiet) as steps:
            progress = api.progress_of(spec, store, steps)
        result = progress.latest
    else:
        progress = None
        result, warnings = api.status_of(spec, store)
        show_warnings(warnings)
    for problem in result.problems:
        warn(str(problem))
    languages = draft_parity(spec, store, by_version)
    if fmt == "json":
        document = render.status_json(result, progress)
        if languages is not None:
            _add_languages(document, languages)
        _json(document, output)
    elif progress is not None and languages is None and output is None:
        _print_progress(progress)
    elif progress is not None:
        shown = _languages_by_number(languages) if languages is not None else None
        _print(render.progress_chart(progress, shown), output)
    else:
        _print(_with_languages(render.status_table(result), languages), output)


def _add_languages(document: dict[str, Any], languages: DraftParity) -> None:
    from ..render.parity_status import languages_json

    document.update(languages_json(languages.language, languages.standings, languages.parity))
    by_number = _languages_by_number(languages, codes=True)
    for row in document.get("versions", []):
        row["languages"] = by_number.get(row["version"], [languages.language])


def _languages_by_number(languages: DraftParity, codes: bool = False) -> dict[int, Any]:
    """Version number -> its languages: "en fr es(v1)" (es translates version 1), or
    with ``codes`` the list of their codes."""
    from ..parity.versions import short_languages

    own = languages.language
    return {
        version.number: [own, *[code for code in row if code != own]]
        if codes
        else short_languages(own, row, version)
        for version, row in languages.by_version
    }


def _with_languages(table: Any, languages: DraftParity | None) -> Any:
    if languages is None:
        return table
    from rich.console import Group
    from rich.text import Text

    from ..render.parity_status import languages_lines

    lines = languages_lines(
        languages.language, languages.standings, languages.original, languages.parity
    )
    return Group(table, "", *[Text(line) for line in lines])


@click.command()
@click.argument("name")
@click.option("--para", metavar="LABEL", default=None, help="Only this paragraph (OP5, PP2bis).")
@click.option(
    "--passages",
    is_flag=True,
    help="Which version and delegation brought in each passage of the paragraph (needs --para).",
)
@click.option("--words", "old_words", is_flag=True, hidden=True)  # the old name of --passages
@format_option("text", "json")
@output_option
@quiet_option
@store_option
def blame(
    name: str,
    para: str | None,
    passages: bool,
    old_words: bool,
    fmt: str,
    output: Path | None,
    quiet: bool,
    store: Path | None,
) -> None:
    """Who introduced and who last changed each paragraph of draft NAME.

    Paragraphs are followed across renumbering, moves and edits. With --para LABEL
    --passages, who brought in each passage of that paragraph.
    """
    from ..render import negotiation as render
    from ..render.console import progress_steps
    from ..resolve import negotiation as api

    if old_words:
        warn("'blame --words' is now 'blame --passages' (--words keeps working for now)")
    with progress_steps(quiet) as steps:
        blamed = api.blame_of(name, store, para, passages or old_words, steps)
    if fmt == "json":
        _json(render.blame_json(blamed.result, blamed.words), output)
    elif blamed.words is not None:
        _print(render.words_text(blamed.words), output)
    else:
        _print(render.blame_table(blamed.result), output)


@click.command()
@click.argument("name")
@click.argument("label", required=False)
@click.option("--para", metavar="LABEL", default=None, help="The paragraph (OP5, PP2bis).")
@format_option("text", "json")
@output_option
@quiet_option
@store_option
def history(
    name: str,
    label: str | None,
    para: str | None,
    fmt: str,
    output: Path | None,
    quiet: bool,
    store: Path | None,
) -> None:
    """The life of one paragraph of draft NAME, redlined version by version: give it
    as LABEL or --para LABEL (as show and blame take it)."""
    from ..errors import InputError
    from ..render import negotiation as render
    from ..render.console import progress_steps
    from ..resolve import negotiation as api

    if label and para and label != para:
        raise InputError(f"two paragraphs given ({label} and --para {para}): give one")
    if not (label or para):
        raise InputError("which paragraph? give its label: redraft history NAME --para OP5")
    with progress_steps(quiet) as steps:
        result = api.history_of(name, label or para or "", store, steps)
    if fmt == "json":
        _json(render.history_json(result), output)
    else:
        _print(render.history_text(result), output)


@click.command()
@click.argument("name")
@format_option("text", "json")
@output_option
@store_option
def sponsors(name: str, fmt: str, output: Path | None, store: Path | None) -> None:
    """Sponsors of draft NAME at each version, and who joined or left."""
    from ..render import negotiation as render
    from ..resolve import negotiation as api

    result = api.sponsors_of(name, store)
    if fmt == "json":
        _json(render.sponsors_json(result), output)
    else:
        _print(render.sponsors_text(result), output)


@click.command()
@click.argument("spec", metavar="NAME[@REV]|FILE")
@click.option(
    "--keep-open",
    "keep_open",
    is_flag=True,
    help="Write the text even with open paragraphs (their brackets kept).",
)
@format_option("text", "json")
@output_option
@store_option
def clean(spec: str, keep_open: bool, fmt: str, output: Path | None, store: Path | None) -> None:
    """The clean text (canonical form): markers and tags removed, agreed brackets resolved.

    Refuses with exit 1, listing them, while paragraphs are still open, unless --keep-open.
    """
    from ..render import negotiation as render
    from ..resolve import negotiation as api

    result, source, warnings = api.clean_of(spec, store, keep_open)
    show_warnings(warnings)
    for item in result.unresolved:
        info(f"redraft: open: {item.label}: {item.reason}")
    if result.unresolved and not keep_open:
        count = len(result.unresolved)
        click.echo(
            f"redraft: {count} paragraph{'s are' if count != 1 else ' is'} still open: "
            "no clean text written (use --keep-open to write it anyway)",
            err=True,
        )
        sys.exit(1)
    if fmt == "json":
        _json(render.clean_json(result, source), output)
    else:
        from .. import canonical

        emit(canonical.render(result.draft), output)
