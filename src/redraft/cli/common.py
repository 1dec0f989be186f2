"""Options and helpers shared by every command module."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def format_option(*choices: str, default: str = "text") -> Callable[[F], F]:
    """``--format`` with the given choices (text and json everywhere)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="Output format.",
    )


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)

store_option = click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="REDRAFT_STORE",
    default=None,
    help="The store folder (default: $REDRAFT_STORE, else the nearest parent with redraft.toml).",
)

quiet_option = click.option(
    "-q",
    "--quiet",
    is_flag=True,
    default=False,
    help="No progress bar (there is none either when standard error is not a terminal "
    "or the output is piped).",
)


def emit(text: str, output: Path | None = None) -> None:
    """Write a result to stdout or to ``output``."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
        sys.stdout.flush()
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        from ..errors import InputError

        raise InputError(f"{output}: cannot write ({error.strerror or error})") from None


def warn(message: str) -> None:
    click.echo(f"redraft: warning: {message}", err=True)


def info(message: str) -> None:
    click.echo(message, err=True)


def show_warnings(warnings: tuple[str, ...] | list[str]) -> None:
    for message in warnings:
        warn(message)
