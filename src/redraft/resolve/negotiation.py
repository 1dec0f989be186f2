"""One library call per negotiation command: load what it needs, compute the result.

The CLI (cli/negotiation_cmds.py) only parses arguments, calls one of these,
renders and picks the exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import read_section
from ..errors import InputError
from ..jobs import NO_STEPS, Steps
from ..model import Version
from ..negotiation.blame import BlameResult, WordBlame, blame, blame_words
from ..negotiation.clean import CleanResult, clean_draft
from ..negotiation.config import DEFAULT_CONFIG, MarkupConfig, config_from_table
from ..negotiation.history import ParagraphHistory, paragraph_history
from ..negotiation.lineage import Lineage
from ..negotiation.sponsors import SponsorsResult, sponsors_by_version
from ..negotiation.status import Progress, StatusResult, draft_status
from .lineage_cache import stored_lineage
from .sources import history, load, open_store
from .specs import split_language_spec

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class Blamed:
    result: BlameResult
    words: WordBlame | None = None


def _config(store: Path | None) -> MarkupConfig:
    """The ``[negotiation]`` settings of the store's configuration, else the defaults."""
    table, source = read_section("negotiation", store)
    return config_from_table(table, source) if source else DEFAULT_CONFIG


def status_of(spec: str, store: Path | None = None) -> tuple[StatusResult, tuple[str, ...]]:
    """The status of ``NAME[@REV]`` or a file, and the reader's warnings."""
    loaded = load(spec, store)
    return draft_status(loaded.draft, loaded.source, _config(store)), loaded.warnings


def progress_of(name: str, store: Path | None = None, steps: Steps = NO_STEPS) -> Progress:
    """The share agreed at each version of store draft ``name``."""
    from .progress_cache import progress

    opened, draft, versions = _versions(name, store, "--by-version")
    return progress(opened, draft, versions, _config(store), name, steps)


def blame_of(
    name: str,
    store: Path | None = None,
    para: str | None = None,
    words: bool = False,
    steps: Steps = NO_STEPS,
) -> Blamed:
    """Who introduced and last changed each paragraph of store draft ``name``."""
    if words and not para:
        raise InputError("--passages shows one paragraph: give it with --para LABEL")
    lineage = _lineage(name, store, "blame", steps)
    result = blame(lineage, para)
    return Blamed(result, blame_words(lineage, para) if words and para else None)


def history_of(
    name: str, label: str, store: Path | None = None, steps: Steps = NO_STEPS
) -> ParagraphHistory:
    """One paragraph of store draft ``name``, version by version."""
    return paragraph_history(_lineage(name, store, "history", steps), label)


def _lineage(name: str, store: Path | None, what: str, steps: Steps) -> Lineage:
    """The draft's versions and the diffs between them (kept in the store's cache)."""
    opened, draft, versions = _versions(name, store, what)
    return stored_lineage(opened, draft, versions, steps, shown=name)


def _versions(name: str, store: Path | None, what: str) -> tuple[Store, str, list[Version]]:
    """The store, the draft ``name`` stands for (``unodc:fr``: unodc's French version)
    and its versions; the errors :func:`.sources.history` gives for a file or a revision."""
    if "@" in name or Path(name).exists():
        raise InputError(f"{what} follows a draft through the store: give its NAME, not {name!r}")
    opened = open_store(store)
    base, language = split_language_spec(name)
    if language is not None:
        from .translations import language_draft

        name = language_draft(base, language, opened)
    return opened, name, opened.existing(name)


def sponsors_of(name: str, store: Path | None = None) -> SponsorsResult:
    """Sponsors per version of store draft ``name``, who joined and who left."""
    return sponsors_by_version(name, history(name, store, "sponsors"))


def clean_of(
    spec: str, store: Path | None = None, keep_open: bool = False
) -> tuple[CleanResult, str, tuple[str, ...]]:
    """The clean text of ``NAME[@REV]`` or a file, its source and the reader's warnings."""
    loaded = load(spec, store)
    return clean_draft(loaded.draft, keep_open, _config(store)), loaded.source, loaded.warnings
