"""Agreed language: trace every paragraph of a draft to the adopted resolutions it
reuses (``redraft precedent``, docs/precedent.md).

A pure layer: drafts and an index in, result objects out. Reading files for the
index is the resolving layer's job (:mod:`redraft.resolve.precedent`); rendering is
:mod:`redraft.render`'s (``precedent_*`` modules).

* :func:`trace` (:mod:`.classify`): every paragraph's class (verbatim, adapted, new,
  boilerplate) and sources; :class:`~.model.PrecedentResult`;
* :func:`search` (:mod:`.search`): where a phrase was used;
* :class:`~.index.PrecedentIndex`, the interface of the index, and
  :class:`~.sqlite_index.SqliteIndex`, its implementation in one SQLite file;
* :func:`~.documents.indexed_document`: a draft as the index keeps it.
"""

from __future__ import annotations

from .classify import ADAPTED_THRESHOLD, trace
from .documents import indexed_document
from .index import PrecedentIndex
from .model import PrecedentResult, SearchResult
from .search import search
from .sqlite_index import SqliteIndex

__all__ = [
    "ADAPTED_THRESHOLD",
    "PrecedentIndex",
    "PrecedentResult",
    "SearchResult",
    "SqliteIndex",
    "indexed_document",
    "search",
    "trace",
]
