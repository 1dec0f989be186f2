"""``overlap``, ``merge-drafts``, ``merge``, ``compile``, ``rebase``, ``merge-driver``.

Each command loads its drafts, calls one function of :mod:`redraft.merge`, renders,
and picks the exit code: 0 clean, 1 when bracketed alternatives remain, 2 bad input.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..english import plural
from ..resolve import refuse_stdin_twice
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
    from ..merge.threeway import MergeResult
    from ..model import Draft
    from ..resolve import Loaded


def _load(spec: str, store: Path | None) -> Loaded:
    from ..resolve import load

    loaded = load(spec, store)
    show_warnings(loaded.warnings)
    return loaded


def _name(loaded: Loaded, fallback: str) -> str:
    """Who wrote a version: the store's ``--by``, else the file name, else ``fallback``."""
    by = loaded.version.get("by", "")
    if by:
        return by
    if loaded.source not in ("", "-"):
        return Path(loaded.source).stem if Path(loaded.source).exists() else loaded.source
    return fallback


# -- overlap -----------------------------------------------------------------------


@click.command()
@click.argument("drafts", nargs=-1)
@format_option("text", "json", "markdown", "md")
@click.option(
    "--min-similarity",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Word similarity for two paragraphs to count as shared.",
)
@click.option(
    "--boilerplate-min",
    type=click.IntRange(2),
    default=None,
    help="Language in this many drafts is boilerplate (default: 3, or 1 draft in 20).",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Report only pairs scoring at least this (pairs scoring 0 are never reported).",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Report only the best N pairs."
)
@output_option
@quiet_option
@store_option
def overlap(
    drafts: tuple[str, ...],
    fmt: str,
    min_similarity: float,
    boilerplate_min: int | None,
    min_score: float,
    limit: int | None,
    output: Path | None,
    quiet: bool,
    store: Path | None,
) -> None:
    """Find drafts that cover the same ground, best pairs first, with the paragraphs
    they share. DRAFTS are files or store names (default: every draft in the store).
    Standard language used by many drafts is reported apart as boilerplate. The same
    drafts give the same pairs in every run."""
    from ..merge.overlap import collector_paused, find_indexed_overlaps, find_overlaps
    from ..render import merge as report
    from ..render.console import progress_steps
    from ..render.json import dumps

    options = (min_similarity, boilerplate_min, min_score, limit)
    if drafts:
        with collector_paused():  # reading a session's drafts makes objects, not cycles
            named = _named_drafts(drafts, store)
        with progress_steps(quiet) as steps:
            result = find_overlaps(named, *options, steps)
    else:  # the whole store: each text's index is kept in the store's cache
        from ..resolve.overlap_cache import cached_latest_indexes

        with progress_steps(quiet) as steps, collector_paused():
            indexed, warnings = cached_latest_indexes(store, steps)
        show_warnings(warnings)
        with progress_steps(quiet) as steps:
            result = find_indexed_overlaps(indexed, *options, steps)
    if fmt == "json":
        emit(dumps(report.overlap_json(result)), output)
    elif fmt in ("markdown", "md"):
        emit(report.overlap_markdown(result), output)
    else:
        emit(report.overlap_text(result), output)


def _named_drafts(specs: tuple[str, ...], store: Path | None) -> list[tuple[str, Draft]]:
    from ..errors import InputError

    refuse_stdin_twice(*specs)
    loaded = [(spec, _load(spec, store).draft) for spec in specs]
    if len(loaded) < 2:
        raise InputError("overlap needs at least two drafts")
    short = [_short(spec) for spec, _ in loaded]
    if len(set(short)) == len(short):  # file names without folders, when they tell drafts apart
        return [(name, draft) for name, (_, draft) in zip(short, loaded, strict=True)]
    return loaded


# -- merge-drafts ------------------------------------------------------------------


@click.command("merge-drafts")
@click.argument("a")
@click.argument("b")
@format_option("text", "json", from_suffix=False)
@output_option
@store_option
def merge_drafts(a: str, b: str, fmt: str, output: Path | None, store: Path | None) -> None:
    """Propose one draft out of drafts A and B: shared paragraphs once, near-identical
    ones as bracketed alternatives, renumbered. The draft goes to -o (or stdout);
    the provenance table and the words saved to stderr (or into the JSON)."""
    from .. import canonical
    from ..merge.consolidate import consolidate
    from ..render import merge as report
    from ..render.json import dumps

    refuse_stdin_twice(a, b)
    first, second = _load(a, store), _load(b, store)
    result = consolidate((_short(a), first.draft), (_short(b), second.draft))
    text = canonical.render(result.draft)
    if fmt == "json":
        if output is not None:
            emit(text, output)
        emit(dumps(report.consolidation_json(result, text)))
        return
    emit(text, output)
    info(report.consolidation_text(result).rstrip("\n"))


def _short(spec: str) -> str:
    return Path(spec).stem if Path(spec).exists() else spec


# -- merge, compile, rebase ----------------------------------------------------------


def _finish(result: MergeResult, fmt: str, output: Path | None, word: str = "conflict") -> None:
    """Draft to -o or stdout (or inside the JSON); exit 1 while brackets remain."""
    from .. import canonical
    from ..render import merge as report
    from ..render.json import dumps

    text = canonical.render(result.draft)
    if fmt == "json":
        if output is not None:
            emit(text, output)
        emit(dumps(report.merge_json(result, text)))
    else:
        emit(text, output)
        info(report.merge_summary(result))
        for line in report.conflict_lines(result, word):
            info(line)
    if not result.clean:
        sys.exit(1)


@click.command()
@click.argument("base")
@click.argument("ours")
@click.argument("theirs")
@click.option(
    "--name",
    "names",
    multiple=True,
    help="Authors of OURS then THEIRS, as compile takes them (default: each one's --by).",
)
@click.option("--ours-name", default=None, help="Author of OURS (default: its --by).")
@click.option("--theirs-name", default=None, help="Author of THEIRS (default: its --by).")
@format_option("text", "json", from_suffix=False)
@output_option
@store_option
def merge(
    base: str,
    ours: str,
    theirs: str,
    names: tuple[str, ...],
    ours_name: str | None,
    theirs_name: str | None,
    fmt: str,
    output: Path | None,
    store: Path | None,
) -> None:
    """Three-way merge: OURS and THEIRS both changed BASE (files or store revisions).
    Paragraphs changed differently become bracketed alternatives [EU: ... / G77: ...].

    Exit codes: 0 clean, 1 brackets of conflict remain, 2 bad input."""
    from ..errors import InputError
    from ..merge.threeway import three_way

    if len(names) > 2:
        raise InputError(f"--name given {len(names)} times for two proposals (OURS, THEIRS)")
    ours_name = ours_name or (names[0] if names else None)
    theirs_name = theirs_name or (names[1] if len(names) > 1 else None)
    refuse_stdin_twice(base, ours, theirs)
    loaded = [_load(spec, store) for spec in (base, ours, theirs)]
    authors = (ours_name or _name(loaded[1], "ours"), theirs_name or _name(loaded[2], "theirs"))
    if authors[0] == authors[1]:
        authors = (f"{authors[0]} (ours)", f"{authors[1]} (theirs)")
    result = three_way(loaded[0].draft, loaded[1].draft, loaded[2].draft, *authors)
    _finish(result, fmt, output)


@click.command("compile")
@click.argument("base")
@click.argument("proposals", nargs=-1, required=True)
@click.option(
    "--name",
    "names",
    multiple=True,
    help="Author of each proposal, in order (default: each one's --by or file name).",
)
@format_option("text", "json", from_suffix=False)
@output_option
@store_option
def compile_(
    base: str,
    proposals: tuple[str, ...],
    names: tuple[str, ...],
    fmt: str,
    output: Path | None,
    store: Path | None,
) -> None:
    """The facilitator's compilation text: every PROPOSAL made on BASE merged, the
    paragraphs they change differently as bracketed alternatives.

    Exit codes: 0 clean, 1 brackets remain, 2 bad input."""
    from ..errors import InputError
    from ..merge.threeway import merge_proposals

    if names and len(names) != len(proposals):
        raise InputError(f"--name given {len(names)} times for {len(proposals)} proposals")
    refuse_stdin_twice(base, *proposals)
    base_loaded = _load(base, store)
    loaded = [_load(spec, store) for spec in proposals]
    authors = list(names) or [_name(item, f"P{k}") for k, item in enumerate(loaded, 1)]
    if len(set(authors)) < len(authors):
        authors = [f"{author} ({k})" for k, author in enumerate(authors, 1)]
    result = merge_proposals(
        base_loaded.draft, [(n, i.draft) for n, i in zip(authors, loaded, strict=True)]
    )
    _finish(result, fmt, output)


@click.command()
@click.argument("proposal")
@click.option("--onto", "onto", required=True, help="The new base (file or store revision).")
@click.option(
    "--from",
    "old_base",
    default=None,
    help="The base PROPOSAL was written on (default, in a store: the earlier version "
    "of the draft closest to PROPOSAL).",
)
@format_option("text", "json", from_suffix=False)
@output_option
@store_option
def rebase(
    proposal: str,
    onto: str,
    old_base: str | None,
    fmt: str,
    output: Path | None,
    store: Path | None,
) -> None:
    """Carry a pending PROPOSAL onto a newer base, reporting the paragraphs where it
    collides with changes made since (written as bracketed alternatives).

    Exit codes: 0 no collision, 1 collisions, 2 bad input."""
    from ..merge.threeway import rebase as rebase_onto
    from ..resolve.merge import closest_earlier

    refuse_stdin_twice(proposal, onto, old_base)
    mine, new = _load(proposal, store), _load(onto, store)
    old = _load(old_base, store) if old_base else closest_earlier(mine.draft, onto, store)
    result = rebase_onto(
        old.draft, mine.draft, new.draft, _name(mine, "proposal"), _name(new, "new base")
    )
    _finish(result, fmt, output, word="collision")


# -- the git merge driver ------------------------------------------------------------


@click.command("merge-driver")
@click.argument("ancestor", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("current", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("other", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("path", default="")
def merge_driver(ancestor: Path, current: Path, other: Path, path: str) -> None:
    """Git merge driver (%O %A %B %P): merge OTHER into CURRENT against ANCESTOR,
    paragraph by paragraph; exit 0 clean, 1 bracketed alternatives remain.
    Installed by `redraft init` (docs/merge.md)."""
    from ..resolve.merge_driver import run_merge_driver

    outcome = run_merge_driver(ancestor, current, other, path)
    if not outcome.clean:
        info(f"redraft: {path or current}: {plural(outcome.conflicts, 'paragraph')} in brackets")
        sys.exit(1)
