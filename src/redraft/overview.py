"""The store at a glance, as the HTML report shows it: per draft its versions (with
words), the redline between each pair of consecutive versions, and where the
negotiation stands. Pure: :mod:`redraft.resolve.report` reads the store and calls
:func:`draft_overview`; :mod:`redraft.render.site` writes the pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .diff.engine import diff_drafts
from .diff.result import DiffResult
from .model import Draft, Version
from .negotiation.status import draft_status
from .parity.result import ParityResult
from .parity.versions import Standing


@dataclass(frozen=True)
class LanguageOverview:
    """A draft's languages in the report: for an original, which language versions
    stand for each of its versions (``by_version``, oldest first) and the parity of
    its latest version with them; for a language version, its ``original`` and the
    original's version its latest translates (``translates``, "unodc@3")."""

    language: str  # the draft's own
    by_version: tuple[Mapping[str, Standing], ...] = ()
    parity: ParityResult | None = None
    original: str = ""
    translates: str = ""


if TYPE_CHECKING:
    from .precedent.model import PrecedentResult


@dataclass(frozen=True)
class DraftOverview:
    """One draft of the report: its history, its redlines and its status line."""

    name: str
    history: tuple[tuple[Version, Draft], ...]  # oldest first, versions with their words
    redlines: tuple[DiffResult, ...]  # version 1 -> 2, 2 -> 3, ...
    status: str = ""  # "12/30 agreed", or "" when the text has no paragraph to agree
    #: the latest version traced against the precedent index, when one is configured
    #: (its agreed-language share, and new language marked paragraph by paragraph)
    agreed: PrecedentResult | None = None
    languages: LanguageOverview | None = None  # None in a store without language versions


def version_name(version: Version) -> str:
    """ "version 2 (E/CN.15/2011/L.3)": several versions often share one symbol."""
    symbol = f" ({version.symbol})" if version.symbol else ""
    return f"version {version.number}{symbol}"


def draft_overview(name: str, history: Sequence[tuple[Version, Draft]]) -> DraftOverview:
    """The overview of draft ``name`` from its versions (oldest first)."""
    redlines = tuple(
        diff_drafts(old, new, old_source=version_name(before), new_source=version_name(after))
        for (before, old), (after, new) in zip(history, history[1:], strict=False)
    )
    return DraftOverview(name, tuple(history), redlines, status_line(history[-1][1]))


def status_line(draft: Draft) -> str:
    """ "12/30 agreed" for the index page, "" when there is nothing to agree."""
    totals = draft_status(draft, "").totals
    return f"{totals.agreed_in_all}/{totals.paragraphs} agreed" if totals.paragraphs else ""
