"""The index of adopted texts, behind a small interface.

:class:`PrecedentIndex` is all that tracing and searching need: update it with
documents, look paragraphs up, find where wordings and phrases occur. The one
implementation here, :class:`~redraft.precedent.sqlite_index.SqliteIndex`, is a single
SQLite file (the standard library's sqlite3, FTS5 for phrases): embedded, nothing to
start. A shared service would put PostgreSQL full-text search or OpenSearch behind
the same methods (docs/precedent.md, "Beyond one machine").

The interface speaks in words (``normalize.tokens``), not in an engine's terms: how
candidates are found (shingle sketches here, a ``more_like_this`` query in
OpenSearch) is the engine's business; how close they are is decided by
:mod:`redraft.precedent.classify`, the same for every engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .found import Candidate, CorpusInfo, SourceParagraph
    from .model import IndexedDocument


@dataclass(frozen=True)
class Lookup:
    """The index's answer for one query paragraph."""

    exact: int | None  # the id of an indexed wording with the same words, if any
    candidates: tuple[Candidate, ...]  # other wordings worth scoring, most promising first


class PrecedentIndex(Protocol):
    """What a store of adopted texts must answer."""

    def info(self) -> CorpusInfo:
        """Documents, paragraphs and languages held."""
        ...

    def fingerprints(self) -> dict[str, str]:
        """identity -> content hash of every document held (what an update compares)."""
        ...

    def update(
        self, documents: Iterable[IndexedDocument], remove: Iterable[str] = ()
    ) -> tuple[int, int]:
        """Drop the documents named in ``remove``, then add each document (replacing
        one with the same identity), in one transaction: (added, removed)."""
        ...

    def lookup(self, queries: Sequence[Sequence[str]], limit: int) -> list[Lookup]:
        """For each query (a paragraph's words), the exact wording and up to ``limit``
        candidates."""
        ...

    def occurrences(self, text_ids: Iterable[int]) -> Mapping[int, list[SourceParagraph]]:
        """Every indexed paragraph holding each wording."""
        ...

    def phrase(self, words: Sequence[str]) -> list[SourceParagraph]:
        """Every indexed paragraph holding these words in this order (case and
        diacritics aside)."""
        ...

    def get_setting(self, key: str) -> str:
        """A value the index keeps for its owner (the sources it was built from)."""
        ...

    def set_setting(self, key: str, value: str) -> None: ...

    def close(self) -> None: ...
