"""What the user named, as model objects: a file, standard input, ``NAME@Rev.1``.

The one layer between the commands and the store and readers. The commands call
it, then hand the drafts and histories it returns to the pure layers (diff, measure,
merge, negotiation), which know no git and read no file.
"""

from __future__ import annotations

from ..model import Loaded
from .sources import (
    StoredDraft,
    history,
    load,
    load_pair,
    load_revision,
    load_store_drafts,
    open_store,
    refuse_stdin_twice,
    tracked_sides,
    with_words,
)

__all__ = [
    "Loaded",
    "StoredDraft",
    "history",
    "load",
    "load_pair",
    "load_revision",
    "load_store_drafts",
    "open_store",
    "refuse_stdin_twice",
    "tracked_sides",
    "with_words",
]
