"""Store commands: ``init``, ``save``, ``import``, ``list``, ``log``, ``sync`` (docs/store.md).

Each command parses its arguments, calls one :class:`redraft.store.Store` method
and prints the result. Tables are plain aligned text: ``redraft log`` over a
thousand versions must print in well under a second, and rich would cost more
than the log itself; rich is used only for the progress bar of ``import``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..english import noun, plural
from .common import (
    emit,
    format_option,
    info,
    output_option,
    quiet_option,
    show_warnings,
    store_option,
)

if TYPE_CHECKING:
    from ..measure.log import DraftSummary, LogEntry
    from ..model import Loaded, Version
    from ..resolve.translations import DraftLanguages
    from ..store import Incoming, Store


def _open(store: Path | None) -> Store:
    from ..store import Store

    return Store.open(store)


def _version_fields(
    by: str, message: str, symbol: str, date: str | None, sponsors: tuple[str, ...]
) -> dict[str, Any]:
    from ..store.revisions import parse_date, split_sponsors

    return {
        "by": by,
        "message": message,
        "symbol": symbol,
        "date": parse_date(date) if date else None,
        "sponsors": split_sponsors(sponsors),
    }


by_option = click.option("--by", default="", help="Delegation recording the version (the author).")
message_option = click.option("-m", "--message", default="", help="What this version changes.")
date_option = click.option(
    "--date",
    default=None,
    help="Date of the version (YYYY-MM-DD[THH:MM]), to record history after the fact.",
)


@click.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path | None) -> None:
    """Create a store in DIRECTORY (default: here), or make the git repository there one.

    Safe to run again: an existing store is left as it is. In a clone whose checkout
    is empty (the host's HEAD names another branch), checks out the branch that holds
    the store."""
    from ..store import CONFIG_NAME, Store

    target = directory or Path(".")
    existed = (target / CONFIG_NAME).is_file() and (target / ".git").exists()
    store = Store.init(target)
    show_warnings(store.warnings)
    verb = "is already a redraft store" if existed else "is now a redraft store"
    if store.checked_out:
        verb = f"holds the team's store (branch {store.checked_out} checked out)"
    emit(f"{directory or '.'} {verb}: save drafts with 'redraft save NAME FILE'")


@click.command()
@click.argument("name")
@click.argument("file")
@by_option
@message_option
@click.option(
    "--symbol", default="", help="Document symbol of this version (E/CN.15/2011/L.3/Rev.1)."
)
@date_option
@click.option(
    "--sponsors",
    multiple=True,
    help='Sponsors of this version: "Austria; Brazil", or repeat the option.',
)
@click.option(
    "--lang",
    "language",
    default=None,
    metavar="LANG",
    help="FILE is NAME's version in LANG (fr, French; 'auto': the language the document "
    "says): kept as the draft NAME.LANG, recording which version of NAME it translates.",
)
@click.option(
    "--translates",
    default=None,
    metavar="REV",
    help="With --lang: the version of NAME that FILE translates [default: the latest].",
)
@store_option
def save(
    name: str,
    file: str,
    by: str,
    message: str,
    symbol: str,
    date: str | None,
    sponsors: tuple[str, ...],
    language: str | None,
    translates: str | None,
    store: Path | None,
) -> None:
    """Record FILE (any readable draft, - for standard input, or a revision OTHER@REV)
    as the next version of NAME; the first save creates the draft.

    With --lang, FILE is NAME's version in another language, kept beside it as the
    draft NAME.LANG (NAME.fr); it records which version of NAME it translates, so
    that NAME@REV:fr finds it.

    A text identical to the latest version records nothing (exit 0)."""
    from ..errors import InputError
    from ..resolve import load
    from ..store.revisions import validate_name

    validate_name(name)
    if translates is not None and language is None:
        raise InputError("--translates goes with --lang: the version a language version translates")
    fields = _version_fields(by, message, symbol, date, sponsors)
    opened = _open(store)
    loaded = load(file, opened.root)
    show_warnings(loaded.warnings)
    if language is not None:
        _save_language(opened, name, loaded, language, translates, fields)
        return
    from ..resolve.translations import reads_as_other_language

    mismatch = reads_as_other_language(loaded, name, opened)
    if mismatch:
        show_warnings([mismatch])
    version = opened.save(name, loaded.draft, **fields)
    _saved(opened, name, version)


def _saved(opened: Store, name: str, version: Version | None, translated: str = "") -> None:
    show_warnings(opened.warnings)
    if version is None:
        latest = opened.versions(name)[-1]
        emit(f"{name}: identical to version {latest.number}; nothing recorded")
        return
    symbol_part = f" ({version.symbol})" if version.symbol else ""
    emit(f"{name}: saved version {version.number}{symbol_part} by {version.by}{translated}")


def _save_language(
    opened: Store,
    name: str,
    loaded: Loaded,
    language: str,
    translates: str | None,
    fields: dict[str, Any],
) -> None:
    from ..resolve.translations import save_language_version

    saved = save_language_version(opened, name, loaded, language, translates, **fields)
    show_warnings(saved.warnings)
    original = saved.translates
    translated = f", translating {original.name}@{original.number}" if original else ""
    _saved(opened, saved.name, saved.version, translated)


@click.command("import")
@click.argument("files", nargs=-1, required=True)
@click.option("--split", is_flag=True, help="Each FILE is a report: save every draft it holds.")
@by_option
@message_option
@date_option
@format_option("text", "json")
@output_option
@quiet_option
@store_option
def import_(
    files: tuple[str, ...],
    split: bool,
    by: str,
    message: str,
    date: str | None,
    fmt: str,
    output: Path | None,
    quiet: bool,
    store: Path | None,
) -> None:
    """Save many drafts at once: one per FILE (named after the file), or with --split
    every draft found in a report (named after its organ, heading and title).

    The drafts are recorded in one commit: a whole session imports in seconds."""
    from ..render.console import progress_steps
    from ..resolve.import_caches import fill_import_caches
    from ..resolve.imports import drafts_from_files

    fields = _version_fields(by, message, "", date, ())
    opened = _open(store)
    with progress_steps(quiet) as steps:
        items = drafts_from_files(list(files), split, steps)
    for item in items:
        show_warnings(item.warnings)
    with progress_steps(quiet) as steps:
        steps.start("Saving drafts", len(items))
        results = opened.save_many(items, done=lambda _: steps.advance(), **fields)
    shown = _import_json(results) if fmt == "json" else _import_text(results)
    saved = [version for _, version in results if version is not None]
    # overlap compares the drafts of one language: indexing a session in six (+40% to
    # the import) would cost about what it saves overlap over such a store (docs/scale.md)
    one_language = len({item.draft.meta.language for item in items}) <= 1
    del items, results  # the drafts read from the files: their memory for what follows
    with progress_steps(quiet) as steps:
        # what the first stats, check, list and overlap would read, measure and index,
        # done once here
        fill_import_caches(opened, saved, store, steps, overlap=one_language)
    show_warnings(opened.warnings)
    emit(shown, output)


def _import_rows(results: list[tuple[Incoming, Version | None]]) -> list[dict[str, Any]]:
    return [
        {
            "name": item.name,
            "source": item.source,
            "status": "unchanged" if v is None else ("new" if v.number == 1 else "updated"),
            "version": v.number if v is not None else None,
            "paragraphs": len(item.draft.labels()),
        }
        for item, v in results
    ]


def _import_text(results: list[tuple[Incoming, Version | None]]) -> str:
    rows = _import_rows(results)
    table = [("draft", "status", "version", "paragraphs")]
    table += [
        (r["name"], r["status"], str(r["version"] or "-"), str(r["paragraphs"])) for r in rows
    ]
    saved = sum(1 for r in rows if r["status"] != "unchanged")
    footer = f"\n{saved} of {plural(len(rows), 'draft')} saved\n"
    return _columns(table, right=frozenset({2, 3})) + footer


def _import_json(results: list[tuple[Incoming, Version | None]]) -> str:
    from ..render.json import dumps

    return dumps({"schema": "redraft.import/1", "drafts": _import_rows(results)})


@click.command("list")
@format_option("text", "json")
@output_option
@store_option
def list_(fmt: str, output: Path | None, store: Path | None) -> None:
    """The drafts in the store: versions, latest symbol, words, last change."""
    from ..resolve.log import summaries as list_summaries
    from ..resolve.translations import draft_languages

    opened = _open(store)
    found = opened.all_versions()
    summaries = list_summaries(opened, found)
    opened.names()  # one ls-tree: names what a push put among the drafts that is none
    show_warnings(opened.warnings)  # drafts left out, named
    listed = {s.name: found.get(s.name, []) for s in summaries}
    languages = draft_languages(listed, {s.name: s.language for s in summaries})
    if fmt == "json":
        from ..render.json import dumps

        drafts = [_summary_json(s, languages.get(s.name)) for s in summaries]
        document = {"schema": "redraft.list/1", "store": str(opened.root), "drafts": drafts}
        emit(dumps(document), output)
        return
    if not summaries:
        info(f"no drafts yet in {opened.root}: add one with 'redraft save NAME FILE'")
        return
    several = any(lang.original or lang.standings for lang in languages.values())
    table: list[tuple[str, ...]] = [("draft", "versions", "symbol", "words", "last change", "by")]
    if several:  # a store with language versions: which languages each draft has
        table = [(*table[0], "languages")]
    for s in summaries:
        row: tuple[str, ...] = (
            s.name,
            str(s.versions),
            s.symbol or "-",
            f"{s.words:,}",
            _when(s.date),
            s.by,
        )
        if several:
            known = languages.get(s.name)
            row = (*row, known.shown(found[s.name][-1]) if known else "")
        table.append(row)
    emit(_columns(table, right=frozenset({1, 3})), output)


def _summary_json(summary: DraftSummary, languages: DraftLanguages | None) -> dict[str, Any]:
    document: dict[str, Any] = {
        "name": summary.name,
        "versions": summary.versions,
        "symbol": summary.symbol,
        "words": summary.words,
        "date": summary.date,
        "by": summary.by,
    }
    if languages is not None:
        document["languages"] = languages.languages
        document["language_versions"] = {
            code: {
                "name": standing.version.name,
                "version": standing.version.number,
                "translates": standing.of.number if standing.of else None,
            }
            for code, standing in languages.standings.items()
        }
        document["original"] = languages.original or None
        document["translates"] = languages.translates or None
    return document


@click.command()
@click.argument("name")
@click.option(
    "-n", "--max-count", type=click.IntRange(min=1), default=None, help="Show only the newest N."
)
@format_option("text", "json")
@output_option
@store_option
def log(
    name: str, max_count: int | None, fmt: str, output: Path | None, store: Path | None
) -> None:
    """The versions of NAME, newest first: number, date, by, symbol, words, changes, message."""
    from ..resolve.log import log as version_log
    from ..resolve.translations import translations_of
    from ..store.revisions import validate_name

    validate_name(name)
    opened = _open(store)
    entries = list(reversed(version_log(opened, name, max_count)))
    translated = translations_of(opened, [e.version for e in entries])
    if fmt == "json":
        from ..render.json import dumps

        emit(
            dumps(
                {
                    "schema": "redraft.log/1",
                    "name": name,
                    "versions": [_entry_json(e, translated) for e in entries],
                }
            ),
            output,
        )
        return
    table: list[tuple[str, ...]] = [
        ("#", "date", "by", "symbol", "words", "delta", "changes", "message")
    ]
    translations = bool(translated)  # a language version: what each translates
    if translations:
        table = [(*table[0][:7], "translates", "message")]
    for e in entries:
        v = e.version
        delta = "" if e.first else f"{e.delta:+,}"
        row: tuple[str, ...] = (
            str(v.number),
            _when(v.date),
            v.by,
            v.symbol or "-",
            f"{e.words:,}",
            delta,
            e.summary,
        )
        if translations:
            row = (*row, translated.get(v.commit, "-"))
        table.append((*row, v.message.split("\n", 1)[0]))
    emit(_columns(table, right=frozenset({0, 4, 5})), output)


def _entry_json(entry: LogEntry, translated: dict[str, str]) -> dict[str, Any]:
    v = entry.version
    return {
        "number": v.number,
        "commit": v.commit,
        "date": v.date,
        "by": v.by,
        "symbol": v.symbol,
        "message": v.message,
        "sponsors": list(v.sponsors),
        "words": entry.words,
        "delta": entry.delta,
        "changes": dict(entry.changes),
        "summary": entry.summary,
        "translates": translated.get(v.commit),
    }


@click.command()
@click.argument("remote", required=False)
@store_option
def sync(remote: str | None, store: Path | None) -> None:
    """Share versions with REMOTE (default: the branch's remote, else origin): fetch,
    put local versions after the remote's, push. Never overwrites the remote.

    Exit codes: 0 synced, 1 conflict (nothing pushed, both sides kept), 2 error."""
    result = _open(store).sync(remote)
    how = " (local versions moved after the remote's)" if result.rebased else ""
    if result.dropped:
        how += (
            f"; {plural(result.dropped, 'local version')} not sent: {result.remote} already "
            f"had {noun(result.dropped, 'its', 'their')} text ('git reflog' still holds "
            f"{noun(result.dropped, 'it', 'them')})"
        )
    emit(
        f"synced with {result.remote}/{result.branch}: received {result.received}, "
        f"sent {plural(result.sent, 'commit')}{how}"
    )


# -- plain text tables ---------------------------------------------------------------


def _when(iso: str) -> str:
    """ "2011-04-12T12:00:00+00:00" -> "2011-04-12 12:00" (the recorded zone, as git shows it)."""
    return iso[:16].replace("T", " ")


def _columns(rows: Sequence[tuple[str, ...]], right: frozenset[int] = frozenset()) -> str:
    from ..render.safe import printable_line

    rows = [tuple(printable_line(cell) for cell in row) for row in rows]  # one line each
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
