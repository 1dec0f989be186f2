"""``redraft status --by-version``: the totals of each version, kept in the store's cache.

A version's totals (paragraphs agreed, open, bracketed...) depend on its text and on
the ``[negotiation]`` vocabulary only: one cache document per draft keeps them by the
git id of each text, under a digest of that vocabulary (:mod:`.cache` adds redraft's
own code), so that a change of configuration or of redraft counts everything again.
Once every version's totals are known, only the latest text is read (its paragraphs
are listed in full); a thousand versions then cost one parse, not a thousand. A
document that cannot be read back (damaged, another format) is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import astuple, fields

from ..jobs import NO_STEPS, Steps
from ..model import Version
from ..negotiation.config import MarkupConfig
from ..negotiation.status import Progress, Totals, VersionStatus, draft_status, status_by_version
from ..store import Store
from .cache import load_document, save_document, string_map
from .lineage_cache import stored_history

KIND = "cache:progress:1"
_SIZE = len(fields(Totals))


def progress(
    store: Store,
    draft: str,
    versions: list[Version],
    config: MarkupConfig,
    shown: str,
    steps: Steps = NO_STEPS,
) -> Progress:
    """:func:`redraft.negotiation.status.status_by_version` of store draft ``draft``
    (``versions``: its versions, oldest first; ``shown``: the name the user gave)."""
    settings = _digest(config)
    known = _known(load_document(store, _document(draft), KIND), settings)
    if all(version.blob in known for version in versions):
        last = versions[-1]
        latest = draft_status(store.drafts([last])[0], f"{shown}@{last.number}", config)
        rows = (VersionStatus(v.number, v.symbol, v.date, v.by, known[v.blob]) for v in versions)
        return Progress(shown, latest, tuple(rows))
    found = status_by_version(shown, stored_history(store, draft, versions, steps), config)
    totals = {
        v.blob: list(astuple(row.totals)) for v, row in zip(versions, found.versions, strict=True)
    }
    save_document(store, _document(draft), KIND, {"config": settings, "totals": totals})
    return found


def _known(body: dict[str, object] | None, settings: str) -> dict[str, Totals]:
    """The totals the document keeps, by text id; none when made with other settings."""
    if body is None or body.get("config") != settings:
        return {}
    out = {}
    for blob, row in string_map(body, "totals").items():
        if isinstance(row, list) and len(row) == _SIZE and all(type(n) is int for n in row):
            out[blob] = Totals(*row)
    return out


def _digest(config: MarkupConfig) -> str:
    """What the counts depend on besides the text: every setting of the vocabulary (the
    delegations sorted: a set's order changes from one run to the next)."""
    settings = [config.markers, config.actions, sorted(config.delegations)]
    return hashlib.sha1(json.dumps(settings, ensure_ascii=False).encode("utf-8")).hexdigest()


def _document(name: str) -> str:
    return f"progress/{name}"
