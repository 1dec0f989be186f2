"""``redraft stats`` and ``redraft check`` (docs/stats.md, docs/check.md)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from .common import (
    agreed_corpus,
    agreed_corpus_option,
    emit,
    format_option,
    in_language,
    language_option,
    output_option,
    quiet_option,
    show_warnings,
    store_option,
)


@click.command()
@click.argument("specs", nargs=-1, metavar="[NAME[@REV]|FILE]...")
@click.option("--paragraphs", is_flag=True, help="A table of every paragraph's words.")
@click.option(
    "--by-version",
    "by_version",
    is_flag=True,
    help="Words of every version of the store draft NAME and its growth since the first.",
)
@click.option(
    "--hints",
    "with_hints",
    is_flag=True,
    help="What could be cut: repeated phrases, boilerplate, recall-only paragraphs.",
)
@click.option(
    "--words-per-page",
    type=click.IntRange(min=1),
    default=None,
    help="Words per printed page for the page estimate [default: 530, or the config's].",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A redraft.toml or pyproject.toml to read instead of the store's.",
)
@language_option
@agreed_corpus_option
@format_option(
    "table",
    "text",
    "json",
    "csv",
    default=None,
    default_help="table in a terminal, text (tab-separated) in a pipe",
)
@output_option
@quiet_option
@store_option
def stats(
    specs: tuple[str, ...],
    paragraphs: bool,
    by_version: bool,
    with_hints: bool,
    words_per_page: int | None,
    config_file: Path | None,
    language: str | None,
    corpus: str | None,
    fmt: str | None,
    output: Path | None,
    quiet: bool,
    store: Path | None,
) -> None:
    """Length statistics: words, characters, paragraphs, footnotes and pages.

    Words are counted as Microsoft Word does (docs/stats.md): printed numbers,
    footnote markers and footnotes are not counted in "words". Without drafts,
    every draft in the store. With --by-version, give one store draft NAME.
    With a precedent index (--corpus, or [precedent] index in redraft.toml), each
    draft's agreed-language share too (docs/precedent.md).
    """
    from ..config import load_config
    from ..errors import InputError
    from ..render.console import progress_steps
    from ..render.stats import render_stats_csv, render_stats_table, render_stats_text
    from ..resolve.stats import stats_report

    specs = tuple(in_language(specs, language))
    config = load_config(config_file, store)
    if words_per_page is None:
        words_per_page = config.stats.words_per_page
    if by_version and len(specs) != 1:
        raise InputError("--by-version follows one draft through the store: give its NAME")
    with progress_steps(quiet) as steps:
        if by_version:
            report = stats_report((), store, words_per_page, with_hints, specs[0], steps=steps)
        else:
            chosen = agreed_corpus(corpus, config)
            report = stats_report(
                specs, store, words_per_page, with_hints, corpus=chosen, steps=steps
            )
    show_warnings(report.warnings)
    # a table for a person at a terminal; tab-separated text for pipes and files
    fmt = fmt or ("table" if output is None and sys.stdout.isatty() else "text")
    if fmt == "json":
        from ..render.json import dumps

        emit(dumps(report.to_json(paragraphs)), output)
    elif fmt == "csv":
        emit(render_stats_csv(report, paragraphs), output)
    elif fmt == "text":
        emit(render_stats_text(report, paragraphs), output)
    else:
        emit(render_stats_table(report, paragraphs), output)


@click.command()
@click.argument("specs", nargs=-1, metavar="[NAME[@REV]|FILE]...")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A redraft.toml or pyproject.toml to read instead of the store's.",
)
@click.option(
    "--base",
    metavar="REV",
    help="Measure growth against this revision (default: the first version).",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="DATE",
    help="The date the deadlines are checked on (default: today).",
)
@format_option("text", "json", "github")
@output_option
@quiet_option
@store_option
def check(
    specs: tuple[str, ...],
    config_file: Path | None,
    base: str | None,
    today: dt.datetime | None,
    fmt: str,
    output: Path | None,
    quiet: bool,
    store: Path | None,
) -> None:
    """Check length limits, structure and deadlines (rules in redraft.toml).

    Exit 0 when no rule at error severity is broken, 1 when one is, 2 for a bad
    config or unreadable draft. Without drafts, every draft in the store.
    """
    from ..render.check import render_check_github, render_check_text
    from ..render.console import progress_steps
    from ..resolve.checks import run_check

    day = today.date() if today else None
    with progress_steps(quiet) as steps:
        result, warnings = run_check(specs, store, config_file, base, day, steps)
    show_warnings(warnings)
    if fmt == "json":
        from ..render.json import dumps

        emit(dumps(result.to_json()), output)
    elif fmt == "github":
        emit(render_check_github(result), output)
    else:
        emit(render_check_text(result), output)
    raise SystemExit(result.exit_code)
