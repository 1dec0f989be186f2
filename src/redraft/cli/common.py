"""Options and helpers shared by every command module."""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from ..config import Config

F = TypeVar("F", bound=Callable[..., Any])


def cycle_collector_paused(command: F) -> F:
    """Run ``command`` with Python's cyclic garbage collector paused, resumed after.
    For ``redraft diff`` of two drafts its ~50 passes freed nothing (reference counting
    frees the program's objects): paused, the process runs 1% fewer instructions
    (docs/diff.md "Speed"). Only for commands whose memory is bounded by their inputs."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return command(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return run  # type: ignore[return-value]


#: The formats an output file's suffix allows, the first being the one it implies
#: (``-o changes.html`` writes html, ``-o lengths.csv`` csv).
SUFFIX_FORMATS: dict[str, tuple[str, ...]] = {
    ".json": ("json",),
    ".html": ("html",),
    ".htm": ("html",),
    ".md": ("markdown", "md"),
    ".markdown": ("markdown", "md"),
    ".csv": ("csv",),
    ".docx": ("docx",),
    ".xml": ("akn",),
    ".akn": ("akn",),
    ".txt": ("text", "table", "side", "github", "txt"),
}


def format_option(
    *choices: str,
    default: str | None = "text",
    from_suffix: bool = True,
    default_help: str | None = None,
) -> Callable[[F], F]:
    """``--format`` with the given choices (text and json everywhere). With
    ``from_suffix``, a command given ``-o FILE`` and no --format writes the format
    the suffix names (.json, .html, .md, .csv...), and a --format the suffix
    contradicts is refused (``--format json -o x.html``). ``default`` None leaves
    the choice to the command when neither says."""

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def resolved(*args: Any, **kwargs: Any) -> Any:
            fmt, output = kwargs.get("fmt"), kwargs.get("output")
            if from_suffix and isinstance(output, Path):
                fmt = format_for_output(fmt, output, choices)
            kwargs["fmt"] = fmt or default
            return command(*args, **kwargs)

        shown = default_help or str(default)
        if from_suffix:
            shown += ", or what the -o suffix names"
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices)),
            default=None,
            help=f"Output format [default: {shown}].",
        )(resolved)  # type: ignore[return-value]

    return decorate


def format_for_output(
    fmt: str | None, output: Path, choices: tuple[str, ...], unknown_ok: bool = True
) -> str | None:
    """The format ``-o output`` asks for among ``choices``, or an InputError when its
    suffix contradicts ``fmt`` or names a format the command does not write. A suffix
    that names no format (.diff, .out, none) leaves ``fmt`` as it is, unless
    ``unknown_ok`` is false and no ``fmt`` is given (export must know what to write)."""
    from ..errors import InputError

    suffix = output.suffix.lower()
    allowed = [f for f in SUFFIX_FORMATS.get(suffix, ()) if f in choices]
    if suffix not in SUFFIX_FORMATS:
        if fmt is None and not unknown_ok:
            raise InputError(
                f"{output}: cannot tell the format from '{suffix or output.name}' "
                f"(name it {_suffixes(choices)}, or give --format)"
            )
        return fmt
    if fmt is None and not allowed:
        raise InputError(
            f"{output}: this command does not write {suffix} files (it writes {_suffixes(choices)})"
        )
    if fmt is None:
        return allowed[0]
    if fmt not in SUFFIX_FORMATS[suffix]:
        raise InputError(
            f"{output}: --format {fmt} does not go in a {suffix} file "
            f"(name it {_suffixes((fmt,))}, or leave --format out)"
        )
    return fmt


def _suffixes(formats: tuple[str, ...]) -> str:
    """ "a .txt, .json or .csv file": where these formats go."""
    found = [s for s, held in SUFFIX_FORMATS.items() if any(f in held for f in formats)]
    if not found:
        return "any other file"
    return ", ".join(found[:-1]) + (" or " if len(found) > 1 else "") + found[-1]


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


language_option = click.option(
    "--lang",
    "language",
    default=None,
    metavar="LANG",
    help="Read the stored draft in this language (fr, French): its version NAME.LANG "
    "standing for REV, as NAME@REV:LANG says (docs/store.md).",
)


def in_language(specs: tuple[str, ...] | list[str], language: str | None) -> list[str]:
    """``--lang`` applied to the store revisions among ``specs``."""
    if language is None:
        return list(specs)
    from ..resolve.translations import with_language

    return with_language(specs, language)


#: ``--corpus`` of the commands that show agreed language beside other figures (stats,
#: report); ``redraft precedent`` has its own, which needs an index.
agreed_corpus_option = click.option(
    "--corpus",
    metavar="INDEX|FOLDER",
    help="Add each draft's agreed-language share (redraft precedent): an index built by "
    "'redraft precedent index', or a folder of adopted texts [default: [precedent] index "
    "in redraft.toml, when it exists].",
)


def agreed_corpus(corpus: str | None, config: Config) -> str | None:
    """The precedent index to measure agreed language against: ``--corpus``, else the
    configured index when it exists (a warning when it does not: the figures that need
    it are left out, the rest is shown)."""
    if corpus is not None:
        return corpus
    configured = config.precedent_index()
    if configured is None:
        return None
    if not configured.exists():
        warn(
            f"{configured}: no such precedent index ([precedent] index in {config.source}): "
            "no agreed-language share (build it with 'redraft precedent index')"
        )
        return None
    return str(configured)


def emit(text: str, output: Path | None = None) -> None:
    """Write a result to stdout or to ``output``. On stdout, control characters (a
    terminal's escape sequences) show as visible signs (:mod:`redraft.render.safe`);
    a file gets the text as it is."""
    if output is None:
        from ..render.safe import printable

        text = printable(text)
        sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
        sys.stdout.flush()
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        from ..errors import InputError

        raise InputError(f"{output}: cannot write ({error.strerror or error})") from None
    info(f"wrote {output}")


def warn(message: str) -> None:
    info(f"redraft: warning: {message}")


def info(message: str) -> None:
    """A message on stderr, control characters shown as visible signs."""
    from ..render.safe import printable

    click.echo(printable(message), err=True)


#: Warnings already shown by the running command: a file read twice warns once.
_shown: set[str] = set()


def forget_warnings() -> None:
    """A new command starts (the CLI calls this before each)."""
    _shown.clear()


def show_warnings(warnings: tuple[str, ...] | list[str]) -> None:
    for message in warnings:
        if message not in _shown:
            _shown.add(message)
            warn(message)
