"""The version store: a plain git repository holding every version of every draft.

The only part of redraft that runs git. Its public face is here; the modules behind it:

- :mod:`.repository`: :class:`Store` (open, init, read, save, sync);
- :mod:`.revisions`: draft names, revision specs (``NAME@Rev.1``), commit-message trailers;
- :mod:`.objects`: git's object, tree, log and batch formats, encoded and decoded in Python;
- :mod:`.gitcli`: git processes, the branch's compare-and-swap, the working tree;
- :mod:`.files`: atomic writes, loose objects, the writer lock, finding a store;
- :mod:`.sync`: the sync protocol (fetch, rebase, push) on GitPython;
- :mod:`.driver`: the git merge driver's set-up, and who wrote each side of a merge.
"""

from __future__ import annotations

from ..model import Version
from .files import CONFIG_NAME
from .repository import DRAFTS, Store
from .revisions import Incoming
from .sync import SyncConflict, SyncResult

__all__ = [
    "CONFIG_NAME",
    "DRAFTS",
    "Incoming",
    "Store",
    "SyncConflict",
    "SyncResult",
    "Version",
]
