"""Schema ``redraft.diff/1`` (docs/json.md): every unit of both drafts in one change."""

from __future__ import annotations

from typing import Any

from ..diff.result import Change, DiffResult
from .json import dumps

SCHEMA = "redraft.diff/1"


def change_json(change: Change) -> dict[str, Any]:
    verb = None
    if change.verb is not None:
        verb = {"old": change.verb.old, "new": change.verb.new, "shift": change.verb.shift}
    return {
        "op": change.op,
        "old": list(change.old),
        "new": list(change.new),
        "moved": change.moved,
        "renumbered": change.renumbered,
        "similarity": change.similarity,
        "verb": verb,
        "kind_change": list(change.kind_change) if change.kind_change else None,
        "segments": [[op, text] for op, text in change.segments],
        "typography": change.typography,
    }


def diff_document(result: DiffResult) -> dict[str, Any]:
    """The JSON document: every unit of both drafts in exactly one change, always
    (``--all`` only concerns the formats people read)."""
    return {
        "schema": SCHEMA,
        "old": {"source": result.old_source, "symbol": result.old.meta.symbol},
        "new": {"source": result.new_source, "symbol": result.new.meta.symbol},
        "changes": [change_json(c) for c in result.changes],
        "summary": result.summary(),
    }


def render_diff_json(result: DiffResult) -> str:
    return dumps(diff_document(result))
