"""What ``redraft check`` over the whole store keeps of each text in the store's cache
(``.git/redraft-cache/check``, :mod:`.cache`): the findings of the rules that read only
the text and the config (:class:`~redraft.measure.check.TextFindings`) and the text's
metadata, by the git id of the text.

A stored text never changes, so a run reads and parses only the texts the cache lacks
(after a save, the new version's). The document holds the config the findings were
made with (its ``[check]`` table as read) and the digest of redraft's code: another
config or another redraft uses none of it. The rules that read more than the text
(deadlines, growth, language versions) run every time. Only the entries of this run's
texts are kept; an entry that does not read back is made again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..config import Config
from ..measure.check import TextFindings
from ..model import Meta
from .cache import load_document, save_document, string_map

if TYPE_CHECKING:
    from ..store import Store

NAME = "check"
KIND = "cache:check:1"


class CheckCache:
    """The cache of one store for one config; :meth:`save` keeps the entries of ``used``."""

    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.config = repr(config.check)  # every field the text's rules read, as read
        body = load_document(store, NAME, KIND)
        same = body is not None and body.get("config") == self.config
        self.entries = string_map(body, "entries") if same else {}
        self.changed = False

    def get(self, blob: str) -> tuple[TextFindings, Meta] | None:
        """The findings and metadata kept for the text ``blob``, or None."""
        entry = self.entries.get(blob)
        try:
            return _decode(entry) if entry is not None else None
        except (TypeError, ValueError):  # damaged: made again
            return None

    def put(self, blob: str, found: TextFindings, meta: Meta) -> None:
        self.entries[blob] = _encode(found, meta)
        self.changed = True

    def save(self, used: set[str]) -> None:
        kept = {blob: entry for blob, entry in self.entries.items() if blob in used}
        if self.changed or len(kept) != len(self.entries):
            save_document(self.store, NAME, KIND, {"config": self.config, "entries": kept})


def _encode(found: TextFindings, meta: Meta) -> list[Any]:
    return [
        found.words,
        [list(item) for item in found.length],
        [list(item) for item in found.structure],
        [meta.symbol, meta.organ, meta.language, meta.doc_type, meta.date],
        list(meta.sponsors),
        [list(pair) for pair in meta.extra],
    ]


def _decode(entry: Any) -> tuple[TextFindings, Meta]:
    """An entry :func:`_encode` wrote; ValueError or TypeError when it is not one."""
    words, length, structure, fields, sponsors, extra = entry
    if type(words) is not int:
        raise ValueError("bad words")
    symbol, organ, language, doc_type, date = _strings(fields, 5)
    meta = Meta(
        symbol=symbol,
        organ=organ,
        language=language,
        doc_type=doc_type,
        date=date,
        sponsors=tuple(_strings(sponsors, len(sponsors))),
        extra=tuple(_pair(item) for item in extra),
    )
    found = TextFindings(words, _findings(length), _findings(structure))
    return found, meta


def _findings(rows: Any) -> tuple[tuple[str, str, str], ...]:
    out = []
    for row in rows:
        rule, message, label = _strings(row, 3)
        out.append((rule, message, label))
    return tuple(out)


def _pair(row: Any) -> tuple[str, str]:
    key, value = _strings(row, 2)
    return key, value


def _strings(row: Any, count: int) -> list[str]:
    if not isinstance(row, list) or len(row) != count or not all(isinstance(s, str) for s in row):
        raise ValueError("bad row")
    return row
