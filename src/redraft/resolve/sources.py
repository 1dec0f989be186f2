"""Where a draft comes from: a file, standard input, or a revision in the store.

Commands accept ``NAME[@REV]`` or a path wherever they take a draft; this module
decides which. A path that exists wins; anything else is a store revision. It is
the one place that turns what the user named into model objects: the layers below
(diff, measure, merge, negotiation) receive drafts and versions, never a path or git.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, NotFoundError, StoreError, did_you_mean
from ..jobs import NO_STEPS, Steps
from ..model import Draft, Loaded, Version
from ..readers import read_bytes, read_file_bytes, read_limited, read_path
from ..words import count_words
from .specs import split_language_spec

if TYPE_CHECKING:
    from ..store import Store

# The store (git, subprocess) is imported where a revision is looked up, not here: a
# command given files only (show, diff, stats, precedent) starts without it.


def load(spec: str, store: str | Path | None = None) -> Loaded:
    """Load ``spec``: "-" (stdin), an existing file, or a store revision ``NAME[@REV]``."""
    if spec == "-":
        result = read_bytes(read_limited(sys.stdin.buffer, "<stdin>"), name="<stdin>")
        return Loaded(result.draft, "-", result.warnings)
    path = Path(spec)
    if path.exists():
        result = read_path(path)
        return Loaded(result.draft, spec, result.warnings)
    return load_revision(spec, store)


def _check_store(spec: str, store: str | Path | None) -> None:
    """The errors :func:`load_revision` gives for a spec that names no draft."""
    from ..store import Store
    from ..store.revisions import split_spec

    try:
        split_spec(spec)
    except InputError:
        raise InputError(f"{spec}: no such file") from None
    try:
        Store.open(store)
    except StoreError as error:
        raise InputError(f"{spec}: no such file, and no store to look it up in ({error})") from None


def refuse_stdin_twice(*specs: str | None) -> None:
    """Standard input can be read once: "diff - -" would compare it with nothing."""
    if sum(1 for spec in specs if spec == "-") > 1:
        raise InputError("'-' (standard input) can be given only once")


def load_revision(spec: str, store: str | Path | None = None) -> Loaded:
    """``NAME[@REV]`` from the store, saying clearly when there is no store or no such draft;
    ``NAME[@REV]:LANG``, its version in another language (:mod:`.translations`)."""
    base, language = split_language_spec(spec)
    if language is not None:
        from .translations import load_translation

        _check_store(base, store)
        return load_translation(base, language, store)
    try:
        from ..store.revisions import split_spec  # the store only for a store revision

        name, rev = split_spec(spec)
    except InputError:
        if "@" in spec and _is_name(spec.partition("@")[0]):
            raise  # a draft name with a bad revision ("unodc@"): say what is wrong with it
        raise InputError(f"{spec}: no such file") from None
    try:
        opened = open_store(store)
    except StoreError as error:
        raise InputError(f"{spec}: no such file, and no store to look it up in ({error})") from None
    names = opened.names()
    if rev is None and name not in names:
        hint = did_you_mean(name, names)
        raise NotFoundError(
            f"{spec}: no such file, nor a draft of that name in {opened.root}{hint}"
        )
    return opened.read(name, rev)


def load_pair(old: str, new: str | None, store: Path | None) -> tuple[Loaded, Loaded]:
    """The two drafts; one argument means a store name (latest vs previous)."""
    refuse_stdin_twice(old, new)
    if new is not None:
        return load(old, store), load(new, store)
    if Path(old).exists() or old == "-":
        raise InputError("diff needs two drafts (or one store name: latest vs previous)")
    base, language = split_language_spec(old)
    if language is not None:
        if "@" in base:  # that revision in the language against the latest in it
            return load(old, store), load(f"{base.partition('@')[0]}:{language}", store)
        from .translations import language_draft

        old = language_draft(base, language, store)  # its latest against its previous
    name, at, _ = old.partition("@")
    if at:
        return load(old, store), load(name, store)
    latest = load(name, store)  # first: an unknown draft is reported as such
    try:
        return load(f"{name}@-1", store), latest
    except NotFoundError:
        raise NotFoundError(
            f"{name} has only one version: nothing to compare it with "
            f"(give two drafts or revisions: 'redraft diff {name} FILE')"
        ) from None


def tracked_sides(path: str, new: str | None) -> tuple[Loaded, Loaded]:
    """A Word document's text with its tracked changes rejected, and accepted."""
    from ..readers.docx import read_docx_sides  # python-docx: only for Word files

    if new is not None:
        raise InputError("--as-tracked compares one Word file with itself: give only that file")
    data = read_file_bytes(path)
    if not data.startswith(b"PK\x03\x04"):  # a Word document is a zip file
        raise InputError(f"{path}: --as-tracked reads a Word document (.docx), not this file")
    original, current, warnings = read_docx_sides(data, name=path)
    return (
        Loaded(original, f"{path} (before tracked changes)"),
        Loaded(current, f"{path} (after tracked changes)", tuple(warnings)),
    )


def _is_name(text: str) -> bool:
    from ..store.revisions import validate_name

    try:
        from ..store.revisions import validate_name

        validate_name(text)
    except InputError:
        return False
    return True


def open_store(store: str | Path | None) -> Store:
    """The store named by ``--store``, $REDRAFT_STORE or the nearest parent with redraft.toml.
    (Imported here: comparing two files needs no store, nor the git machinery.)"""
    from ..store import Store

    return Store.open(store)


def history(
    name: str, store: str | Path | Store | None, what: str, steps: Steps = NO_STEPS
) -> list[tuple[Version, Draft]]:
    """Every version of store draft ``name`` with its words (oldest first); a clear error
    when the user gave a file or a revision to a command (``what``) that follows a draft."""
    if "@" in name or Path(name).exists():
        raise InputError(f"{what} follows a draft through the store: give its NAME, not {name!r}")
    from ..store import Store

    opened = store if isinstance(store, Store) else open_store(store)
    base, language = split_language_spec(name)
    if language is not None:  # "unodc:fr": the history of unodc's French version
        from .translations import language_draft

        name = language_draft(base, language, opened)
    return with_words(opened.history(name, steps))


def with_words(found: list[tuple[Version, Draft]]) -> list[tuple[Version, Draft]]:
    """Versions with their ``words`` filled in (the rule of docs/stats.md)."""
    return [(replace(version, words=count_words(draft)), draft) for version, draft in found]


@dataclass(frozen=True)
class StoredDraft:
    """The latest version of a store draft, its versions, and its first version's text."""

    name: str
    draft: Draft
    versions: tuple[Version, ...]  # oldest first
    first: Draft | None = None


def load_store_drafts(
    opened: Store,
    names: Sequence[str],
    first: bool = False,
    skip_bad: bool = False,
    steps: Steps = NO_STEPS,
) -> list[StoredDraft]:
    """Many store drafts at once: one ``git log`` and one ``cat-file --batch`` (two with
    ``first``), instead of a log and a read per draft (a 336-draft store: 1 s, not 90 s).
    Names the store lacks raise :class:`NotFoundError`. With ``skip_bad`` (a command run
    over the whole store) a draft whose stored text cannot be read is left out and
    named in ``opened.warnings``; otherwise its error stops the command."""
    everything = opened.all_versions()
    for name in names:
        if not everything.get(name):
            raise opened.no_draft(name)
    histories = [everything[name] for name in names]
    steps.start("Reading drafts", len(histories) * (2 if first else 1))
    read = opened.readable_drafts if skip_bad else opened.drafts
    latest: list[Draft | None] = list(read([versions[-1] for versions in histories], steps))
    firsts: list[Draft | None] = [None] * len(names)
    if first:
        firsts = list(read([versions[0] for versions in histories], steps))
    return [
        StoredDraft(name=name, draft=draft, versions=tuple(versions), first=firsts[index])
        for index, (name, versions, draft) in enumerate(zip(names, histories, latest, strict=True))
        if draft is not None and (not first or firsts[index] is not None)
    ]
