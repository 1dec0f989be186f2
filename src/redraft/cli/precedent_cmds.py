"""``redraft precedent``: agreed language (docs/precedent.md).

``redraft precedent DRAFT`` traces a draft; ``redraft precedent index SOURCE... -o
INDEX`` builds or updates an index; ``redraft precedent search "PHRASE"`` says where
a phrase was used. A first argument that is not ``index`` or ``search`` is a draft.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import emit, format_option, output_option, show_warnings, store_option, warn

if TYPE_CHECKING:
    from ..precedent.model import PrecedentResult, SearchResult, UpdateReport
    from ..precedent.sqlite_index import SqliteIndex

FORMATS = ("text", "json", "markdown", "html")

corpus_option = click.option(
    "--corpus",
    metavar="INDEX|FOLDER",
    default=None,
    help="An index built by 'redraft precedent index', or a folder of adopted texts "
    "indexed on the spot [default: [precedent] index in redraft.toml].",
)
config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A redraft.toml or pyproject.toml to read instead of the store's.",
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress bar.")


class PrecedentGroup(click.Group):
    """A group whose first argument is a draft unless it names a subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["trace", *args]
        return super().parse_args(ctx, args)


@click.group(
    "precedent",
    cls=PrecedentGroup,
    subcommand_metavar="DRAFT [OPTIONS] | index SOURCE... | search PHRASE",
    invoke_without_command=True,
    no_args_is_help=False,
)
@click.pass_context
def precedent(ctx: click.Context) -> None:
    """Agreed language: trace every paragraph of a draft to the adopted texts it reuses.

    \b
    redraft precedent DRAFT [--corpus INDEX|FOLDER]   each paragraph: verbatim, adapted,
                                                      new or boilerplate, with sources
    redraft precedent index SOURCE... -o INDEX        build or update an index
    redraft precedent search "PHRASE"                 where a phrase was used, since when

    See 'redraft precedent trace --help' for the options of the first form.
    """
    if ctx.invoked_subcommand is None:
        raise click.UsageError("give a DRAFT to trace, or 'index SOURCE...', or 'search PHRASE'")


@contextmanager
def _progress(quiet: bool, what: str) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr: none when stderr is not a terminal or --quiet."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from ..render.console import progress

    with progress() as bar:
        task = bar.add_task(what, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


def _open_corpus(
    corpus: str | None, config_file: Path | None, store: Path | None, quiet: bool
) -> SqliteIndex:
    from ..errors import InputError

    if corpus is None:
        from ..config import load_config

        default = load_config(config_file, store).precedent_index()
        if default is None:
            raise InputError(
                "no precedent index: give --corpus INDEX|FOLDER, or name one in "
                'redraft.toml ([precedent] index = "adopted.db")'
            )
        corpus = str(default)
    if Path(corpus).is_file():  # an index: no need for the readers and the store
        from ..precedent.sqlite_index import SqliteIndex

        return SqliteIndex.open(corpus)
    from ..resolve.precedent import open_corpus

    with _progress(quiet, "Indexing the corpus") as advance:
        return open_corpus(corpus, store, progress=advance)


@precedent.command("trace")
@click.argument("draft", metavar="DRAFT")
@corpus_option
@click.option(
    "--sources",
    "max_sources",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Sources kept per paragraph.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=None,
    help="Least similarity for 'adapted' [default: 0.7, see docs/precedent.md].",
)
@click.option("--all-sources", is_flag=True, help="Text: list every source kept, not the first.")
@click.option(
    "--include-self",
    is_flag=True,
    help="Keep sources with the draft's own symbol (by default an adopted text traced "
    "against an index holding it is not its own source).",
)
@format_option(*FORMATS)
@output_option
@store_option
@config_option
@quiet_option
def trace(
    draft: str,
    corpus: str | None,
    max_sources: int,
    threshold: float | None,
    all_sources: bool,
    include_self: bool,
    fmt: str,
    output: Path | None,
    store: Path | None,
    config_file: Path | None,
    quiet: bool,
) -> None:
    """Each paragraph of DRAFT (a file or NAME[@REV]): verbatim, adapted (with its
    redline), new or boilerplate, with its sources ranked by similarity, then most
    recent first; and the draft's agreed-language share."""
    from ..precedent import ADAPTED_THRESHOLD
    from ..precedent import trace as trace_draft
    from ..resolve import load

    loaded = load(draft, store)
    show_warnings(loaded.warnings)
    index = _open_corpus(corpus, config_file, store, quiet)
    result = trace_draft(
        loaded.draft,
        index,
        source=loaded.source,
        symbol=loaded.symbol,
        threshold=threshold or ADAPTED_THRESHOLD,
        max_sources=max_sources,
        exclude_symbol="" if include_self else loaded.symbol,
    )
    index.close()
    _show_trace(result, fmt, output, all_sources)


def _show_trace(result: PrecedentResult, fmt: str, output: Path | None, all_sources: bool) -> None:
    if fmt == "json":
        from ..render.precedent_json import render_precedent_json

        emit(render_precedent_json(result), output)
    elif fmt == "markdown":
        from ..render.precedent_markdown import render_precedent_markdown

        emit(render_precedent_markdown(result), output)
    elif fmt == "html":
        from ..render.precedent_html import render_precedent_html

        emit(render_precedent_html(result), output)
    else:
        from ..render.precedent_text import render_precedent_text

        _print_text(render_precedent_text(result, all_sources), output)


def _print_text(chunks: list[tuple[str, str]], output: Path | None) -> None:
    """Styled to a terminal, plain (marks included) to a file or a pipe."""
    from ..render.precedent_text import plain, styled

    if output is None and sys.stdout.isatty():
        from ..render.console import stdout_console

        stdout_console().print(styled(chunks), end="")
    else:
        emit(plain(chunks), output)


@precedent.command("index")
@click.argument("sources", nargs=-1, metavar="SOURCE...")
@click.option(
    "-o",
    "--output",
    "index_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The index file to build or update [default: [precedent] index in redraft.toml].",
)
@click.option("--store-drafts", is_flag=True, help="Index the latest version of every store draft.")
@click.option("--prune", is_flag=True, help="Drop every document not found in this run's sources.")
@format_option(*FORMATS)
@store_option
@config_option
@quiet_option
def index(
    sources: tuple[str, ...],
    index_path: Path | None,
    store_drafts: bool,
    prune: bool,
    fmt: str,
    store: Path | None,
    config_file: Path | None,
    quiet: bool,
) -> None:
    """Build or update the index of adopted texts at INDEX from folders (searched
    recursively) and files in any format redraft reads, and from store drafts
    (NAME[@REV]). Incremental: new and changed documents are read, documents gone
    from these sources are dropped, the rest is left as it is. With no SOURCE, the
    sources the index was built from are scanned again."""
    from ..resolve.precedent import open_index, update_index

    if index_path is None:
        index_path = _default_index(config_file, store)
    opened = open_index(index_path, create=True)
    try:
        with _progress(quiet, "Indexing") as advance:
            report = update_index(opened, sources, store, store_drafts, prune, advance)
    finally:
        opened.close()
    for _, error in report.skipped:
        warn(f"not indexed: {error}")  # through the one sanitising function
    _show_index(report, fmt)


def _default_index(config_file: Path | None, store: Path | None) -> Path:
    from ..config import load_config
    from ..errors import InputError

    default = load_config(config_file, store).precedent_index()
    if default is None:
        raise InputError(
            "give the index file (-o INDEX), or name one in redraft.toml "
            '([precedent] index = "adopted.db")'
        )
    return default


def _show_index(report: UpdateReport, fmt: str) -> None:
    if fmt == "json":
        from ..render.precedent_json import render_index_json

        emit(render_index_json(report))
    elif fmt == "markdown":
        from ..render.precedent_markdown import render_index_markdown

        emit(render_index_markdown(report))
    elif fmt == "html":
        from ..render.precedent_html import render_index_html

        emit(render_index_html(report))
    else:
        from ..render.precedent_text import render_index_text

        emit(render_index_text(report))


@precedent.command("search")
@click.argument("phrase")
@corpus_option
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="Uses listed (the counts cover them all).",
)
@format_option(*FORMATS)
@output_option
@store_option
@config_option
@quiet_option
def search(
    phrase: str,
    corpus: str | None,
    limit: int,
    fmt: str,
    output: Path | None,
    store: Path | None,
    config_file: Path | None,
    quiet: bool,
) -> None:
    """Where PHRASE was used (symbol, paragraph, date), newest first, with a count per
    year and the first use found. Case, punctuation and typography do not matter."""
    from ..precedent import search as search_phrase

    opened = _open_corpus(corpus, config_file, store, quiet)
    result = search_phrase(opened, phrase, limit)
    opened.close()
    _show_search(result, fmt, output)


def _show_search(result: SearchResult, fmt: str, output: Path | None) -> None:
    if fmt == "json":
        from ..render.precedent_json import render_search_json

        emit(render_search_json(result), output)
    elif fmt == "markdown":
        from ..render.precedent_markdown import render_search_markdown

        emit(render_search_markdown(result), output)
    elif fmt == "html":
        from ..render.precedent_html import render_search_html

        emit(render_search_html(result), output)
    else:
        from ..render.precedent_text import render_search_text

        _print_text(render_search_text(result), output)
