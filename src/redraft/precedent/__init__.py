"""Agreed language: trace every paragraph of a draft to the adopted resolutions it
reuses (``redraft precedent``, docs/precedent.md).

A pure layer: drafts and an index in, result objects out. Reading files for the
index is the resolving layer's job (:mod:`redraft.resolve.precedent`); rendering is
:mod:`redraft.render`'s (``precedent_*`` modules).

* :func:`trace` (:mod:`.classify`): every paragraph's class (verbatim, adapted, new,
  boilerplate) and sources; :class:`~.model.PrecedentResult`;
* :func:`search` (:mod:`.phrases`): where a phrase was used;
* :class:`~.index.PrecedentIndex`, the interface of the index, and
  :class:`~.sqlite_index.SqliteIndex`, its implementation in one SQLite file;
* :func:`~.documents.indexed_document`: a draft as the index keeps it.

Names are imported on first use, so that ``search`` does not load the diff.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .classify import ADAPTED_THRESHOLD as ADAPTED_THRESHOLD
    from .classify import trace as trace
    from .documents import indexed_document as indexed_document
    from .index import PrecedentIndex as PrecedentIndex
    from .model import PrecedentResult as PrecedentResult
    from .model import SearchResult as SearchResult
    from .phrases import search as search
    from .sqlite_index import SqliteIndex as SqliteIndex

_HOMES = {
    "ADAPTED_THRESHOLD": "classify",
    "trace": "classify",
    "indexed_document": "documents",
    "PrecedentIndex": "index",
    "PrecedentResult": "model",
    "SearchResult": "model",
    "search": "phrases",
    "SqliteIndex": "sqlite_index",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{home}", __name__), name)
