"""One library call per negotiation command: load what it needs, compute the result.

The CLI (cli/negotiation_cmds.py) only parses arguments, calls one of these,
renders and picks the exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .config import MarkupConfig, load_config

if TYPE_CHECKING:
    from ..model import Draft
    from ..revisions import Version
    from .blame import BlameResult, WordBlame
    from .clean import CleanResult
    from .history import ParagraphHistory
    from .sponsors import SponsorsResult
    from .status import Progress, StatusResult


@dataclass(frozen=True)
class Blamed:
    result: BlameResult
    words: WordBlame | None = None


def _config(store: Path | None) -> MarkupConfig:
    return load_config(store)


def _history(name: str, store: Path | None, what: str) -> list[tuple[Version, Draft]]:
    """Every version of store draft ``name``; a clear error for a file or a revision."""
    if "@" in name or Path(name).exists():
        raise InputError(f"{what} follows a draft through the store: give its NAME, not {name!r}")
    from ..store import Store

    return Store.open(store).history(name)


def status_of(spec: str, store: Path | None = None) -> tuple[StatusResult, tuple[str, ...]]:
    """The status of ``NAME[@REV]`` or a file, and the reader's warnings."""
    from ..sources import load
    from .status import draft_status

    loaded = load(spec, store)
    return draft_status(loaded.draft, loaded.source, _config(store)), loaded.warnings


def progress_of(name: str, store: Path | None = None) -> Progress:
    from .status import status_by_version

    return status_by_version(name, _history(name, store, "--by-version"), _config(store))


def blame_of(
    name: str, store: Path | None = None, para: str | None = None, words: bool = False
) -> Blamed:
    from .blame import blame, blame_words
    from .lineage import build_lineage

    if words and not para:
        raise InputError("--words shows one paragraph: give it with --para LABEL")
    lineage = build_lineage(name, _history(name, store, "blame"))
    result = blame(lineage, para)
    return Blamed(result, blame_words(lineage, para) if words and para else None)


def history_of(name: str, label: str, store: Path | None = None) -> ParagraphHistory:
    from .history import paragraph_history
    from .lineage import build_lineage

    return paragraph_history(build_lineage(name, _history(name, store, "history")), label)


def sponsors_of(name: str, store: Path | None = None) -> SponsorsResult:
    from .sponsors import sponsors_by_version

    return sponsors_by_version(name, _history(name, store, "sponsors"))


def clean_of(
    spec: str, store: Path | None = None, keep_open: bool = False
) -> tuple[CleanResult, str, tuple[str, ...]]:
    """The clean text of ``NAME[@REV]`` or a file, its source and the reader's warnings."""
    from ..sources import load
    from .clean import clean_draft

    loaded = load(spec, store)
    return clean_draft(loaded.draft, keep_open, _config(store)), loaded.source, loaded.warnings
