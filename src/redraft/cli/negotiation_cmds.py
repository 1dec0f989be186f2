"""``redraft status | blame | history | sponsors | clean`` (docs/negotiation.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .common import (
    emit,
    format_option,
    output_option,
    quiet_option,
    show_warnings,
    store_option,
    warn,
)


def _print(renderable: Any, output: Path | None) -> None:
    """Through rich to the terminal (colour when it is one), or plain to a file."""
    if output is None:
        from ..render.console import stdout_console

        stdout_console().print(renderable)
        return
    import io

    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=160, color_system=None, highlight=False).print(renderable)
    emit(buffer.getvalue(), output)


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
@format_option("text", "json")
@output_option
@store_option
def status(spec: str, by_version: bool, fmt: str, output: Path | None, store: Path | None) -> None:
    """Where each paragraph stands: agreed ad ref, agreed, open, proposed deletion.

    Bad markup (unbalanced brackets, unknown markers or tag words) is reported on
    standard error with its place; the table is still printed.
    """
    from ..render import negotiation as render
    from ..resolve import negotiation as api

    if by_version:
        progress = api.progress_of(spec, store)
        result = progress.latest
    else:
        progress = None
        result, warnings = api.status_of(spec, store)
        show_warnings(warnings)
    for problem in result.problems:
        warn(str(problem))
    if fmt == "json":
        _json(render.status_json(result, progress), output)
    elif progress is not None:
        _print(render.progress_chart(progress), output)
    else:
        _print(render.status_table(result), output)


@click.command()
@click.argument("name")
@click.option("--para", metavar="LABEL", default=None, help="Only this paragraph (OP5, PP2bis).")
@click.option(
    "--words", is_flag=True, help="Which delegation brought in each passage (needs --para)."
)
@format_option("text", "json")
@output_option
@quiet_option
@store_option
def blame(
    name: str,
    para: str | None,
    words: bool,
    fmt: str,
    output: Path | None,
    quiet: bool,
    store: Path | None,
) -> None:
    """Who introduced and who last changed each paragraph of draft NAME.

    Paragraphs are followed across renumbering, moves and edits.
    """
    from ..render import negotiation as render
    from ..render.console import progress_steps
    from ..resolve import negotiation as api

    with progress_steps(quiet) as steps:
        blamed = api.blame_of(name, store, para, words, steps)
    if fmt == "json":
        _json(render.blame_json(blamed.result, blamed.words), output)
    elif blamed.words is not None:
        _print(render.words_text(blamed.words), output)
    else:
        _print(render.blame_table(blamed.result), output)


@click.command()
@click.argument("name")
@click.argument("label")
@format_option("text", "json")
@output_option
@quiet_option
@store_option
def history(
    name: str, label: str, fmt: str, output: Path | None, quiet: bool, store: Path | None
) -> None:
    """The life of paragraph LABEL of draft NAME, redlined version by version."""
    from ..render import negotiation as render
    from ..render.console import progress_steps
    from ..resolve import negotiation as api

    with progress_steps(quiet) as steps:
        result = api.history_of(name, label, store, steps)
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
        click.echo(f"redraft: open: {item.label}: {item.reason}", err=True)
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
