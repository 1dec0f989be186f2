"""``redraft stats`` and ``redraft check`` (docs/stats.md, docs/check.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import emit, format_option, output_option, show_warnings, store_option

if TYPE_CHECKING:
    from ..check import CheckResult
    from ..stats import StatsReport


@click.command()
@click.argument("specs", nargs=-1, metavar="[NAME[@REV]|FILE]...")
@click.option("--paragraphs", is_flag=True, help="A table of every paragraph's words.")
@click.option(
    "--by-version",
    "by_version",
    metavar="NAME",
    help="Words of every version of NAME and its growth since the first.",
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
@format_option("table", "text", "json", "csv", default="table")
@output_option
@store_option
def stats(
    specs: tuple[str, ...],
    paragraphs: bool,
    by_version: str | None,
    with_hints: bool,
    words_per_page: int | None,
    config_file: Path | None,
    fmt: str,
    output: Path | None,
    store: Path | None,
) -> None:
    """Length statistics: words, characters, paragraphs, footnotes and pages.

    Words are counted as Microsoft Word does (docs/stats.md): printed numbers,
    footnote markers and footnotes are not counted in "words". Without drafts,
    every draft in the store.
    """
    from ..config import load_config
    from ..stats import stats_report

    if words_per_page is None:
        words_per_page = load_config(config_file, store).stats.words_per_page
    report = stats_report(specs, store, words_per_page, with_hints, by_version)
    show_warnings(report.warnings)
    if fmt == "json":
        from ..render.json import dumps

        emit(dumps(report.to_json(paragraphs)), output)
    elif fmt == "csv":
        emit(_stats_csv(report, paragraphs), output)
    else:
        emit(_stats_table(report, paragraphs), output)


_COLUMNS = (
    "name",
    "words",
    "characters",
    "characters_no_spaces",
    "preambular",
    "operative",
    "subparagraphs",
    "footnotes",
    "footnote_words",
    "pages",
)


def _stats_csv(report: StatsReport, paragraphs: bool) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if report.versions_of and not report.drafts:
        writer.writerow(
            ["name", "version", "date", "by", "words", "preambular", "operative", "growth"]
        )
        for v in report.versions:
            writer.writerow(
                [
                    report.versions_of,
                    v.number,
                    v.date,
                    v.by,
                    v.words,
                    v.preambular,
                    v.operative,
                    "" if v.growth is None else v.growth,
                ]
            )
    elif paragraphs:
        writer.writerow(
            ["name", "label", "kind", "words", "characters", "footnote_words", "total_words"]
        )
        for d in report.drafts:
            for p in d.paragraphs:
                writer.writerow(
                    [
                        d.name,
                        p.label,
                        p.kind,
                        p.words,
                        p.characters,
                        p.footnote_words,
                        p.total_words,
                    ]
                )
    else:
        writer.writerow(_COLUMNS)
        for d in report.drafts:
            row = d.to_json()
            writer.writerow([row[key] for key in _COLUMNS])
    return buffer.getvalue()


def _render(*renderables: object, width: int = 120) -> str:
    """Render rich objects to plain text (no colour when not a terminal)."""
    from ..render.console import stdout_console

    console = stdout_console(width=width)
    with console.capture() as capture:
        for item in renderables:
            console.print(item)
    return capture.get()


def _stats_table(report: StatsReport, paragraphs: bool) -> str:
    from rich.table import Table

    parts: list[object] = []
    if report.drafts:
        table = Table(title="Length statistics (words as Microsoft Word counts them)")
        for heading in (
            "draft",
            "words",
            "chars",
            "chars no sp.",
            "PP",
            "OP",
            "sub",
            "FN",
            "FN words",
            "pages",
            "longest",
        ):
            table.add_column(
                heading, justify="left" if heading in ("draft", "longest") else "right"
            )
        for d in report.drafts:
            longest = ", ".join(f"{label} {words}" for label, words in d.longest)
            table.add_row(
                d.name,
                f"{d.words:,}",
                f"{d.characters:,}",
                f"{d.characters_no_spaces:,}",
                str(d.preambular),
                str(d.operative),
                str(d.subparagraphs),
                str(d.footnotes),
                str(d.footnote_words),
                f"{d.pages:.1f}",
                longest,
            )
        if len(report.drafts) > 1:
            total = sum(d.words for d in report.drafts)
            table.caption = f"{len(report.drafts)} drafts, {total:,} words in all"
        parts.append(table)
    if paragraphs:
        parts.extend(_paragraph_table(d) for d in report.drafts)
    if report.versions_of:
        parts.extend(_versions_parts(report))
    if report.hints:
        parts.append(_hints_table(report))
    # Wide enough that draft names (long slugs) are never folded.
    names = max((len(d.name) for d in report.drafts), default=0)
    return _render(*parts, width=max(120, names + 95))


def _paragraph_table(d: object) -> object:
    from rich.table import Table

    from ..stats import DraftStats

    assert isinstance(d, DraftStats)
    table = Table(title=f"{d.name}: words per paragraph")
    for heading in ("label", "kind", "words", "chars", "FN words", "with sub-paragraphs"):
        table.add_column(heading, justify="left" if heading in ("label", "kind") else "right")
    for p in d.paragraphs:
        table.add_row(
            p.label,
            p.kind,
            str(p.words),
            str(p.characters),
            str(p.footnote_words),
            str(p.total_words),
        )
    return table


def _versions_parts(report: StatsReport) -> list[object]:
    from rich.table import Table
    from rich.text import Text

    from ..stats import bar_chart

    table = Table(title=f"{report.versions_of}: words per version")
    for heading in ("version", "date", "by", "words", "PP", "OP", "growth"):
        table.add_column(heading, justify="left" if heading in ("date", "by") else "right")
    for v in report.versions:
        growth = "" if v.growth is None else f"{v.growth:+.1f}%"
        table.add_row(
            str(v.number), v.date, v.by, f"{v.words:,}", str(v.preambular), str(v.operative), growth
        )
    chart = bar_chart([(f"v{v.number}", v.words) for v in report.versions])
    return [table, Text("\n".join(chart))]


def _hints_table(report: StatsReport) -> object:
    from rich.table import Table

    table = Table(title="Shortening hints", show_lines=True)
    for heading in ("draft", "kind", "where", "saves", "what"):
        table.add_column(heading, justify="right" if heading == "saves" else "left")
    for h in report.hints:
        text = h.text if len(h.text) <= 160 else h.text[:157] + "..."
        table.add_row(
            h.draft,
            h.kind,
            ", ".join(h.labels),
            str(h.saves),
            f"{text}\n[italic]{h.advice}[/italic]",
        )
    table.caption = f"{sum(h.saves for h in report.hints):,} words could be saved in all"
    return table


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
@store_option
def check(
    specs: tuple[str, ...],
    config_file: Path | None,
    base: str | None,
    today: dt.datetime | None,
    fmt: str,
    output: Path | None,
    store: Path | None,
) -> None:
    """Check length limits, structure and deadlines (rules in redraft.toml).

    Exit 0 when no rule at error severity is broken, 1 when one is, 2 for a bad
    config or unreadable draft. Without drafts, every draft in the store.
    """
    from ..check import run_check

    result, warnings = run_check(specs, store, config_file, base, today.date() if today else None)
    show_warnings(warnings)
    if fmt == "json":
        from ..render.json import dumps

        emit(dumps(result.to_json()), output)
    elif fmt == "github":
        emit(_github(result), output)
    else:
        emit(_check_text(result), output)
    raise SystemExit(result.exit_code)


def _check_text(result: CheckResult) -> str:
    lines = []
    for v in result.violations:
        where = f"{v.draft} {v.label}" if v.label else v.draft
        lines.append(f"{where}: {v.severity}: {v.message} [{v.rule}]")
    drafts = len(result.drafts)
    lines.append(
        f"{result.errors} error{'s' * (result.errors != 1)}, "
        f"{result.warnings} warning{'s' * (result.warnings != 1)} "
        f"in {drafts} draft{'s' * (drafts != 1)}"
        + (f" (config: {result.config_source})" if result.config_source else "")
    )
    return "\n".join(lines)


def _escape(text: str, prop: bool = False) -> str:
    """GitHub workflow-command escaping (properties also escape ':' and ',')."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _github(result: CheckResult) -> str:
    """One ``::error``/``::warning`` workflow command per violation."""
    lines = []
    for v in result.violations:
        props = [f"file={_escape(v.file, True)}"] if v.file else []
        props.append(f"title={_escape(f'redraft {v.rule}', True)}")
        where = f"{v.draft} {v.label}" if v.label else v.draft
        lines.append(f"::{v.severity} {','.join(props)}::{_escape(f'{where}: {v.message}')}")
    lines.append(
        f"redraft check: {result.errors} errors, {result.warnings} warnings "
        f"in {len(result.drafts)} drafts"
    )
    return "\n".join(lines)
