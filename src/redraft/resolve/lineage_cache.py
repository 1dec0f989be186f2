"""A draft's versions and the diffs between consecutive ones, kept in the store's cache.

``blame``, ``history``, ``blame --words`` and ``status --by-version`` follow a draft
through every version: a thousand versions are a thousand texts to read and parse and
a thousand diffs, and versions never change. One cache document per draft
(:mod:`.lineage_codec`) keeps each version's draft (with its words) by the git id of
its text, and each consecutive pair's diff by the ids of its two texts: only the
versions and pairs never seen are read, parsed and diffed (on the machine's cores
when there are many). A document that cannot be read back whole (damaged, another
format, another redraft) is ignored and rebuilt: the cache only ever saves time.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..jobs import NO_STEPS, Steps, parallel_map
from ..model import Draft, Version
from ..negotiation.lineage import Lineage, build_lineage, step_sources
from ..store import Store
from ..words import count_words
from .cache import load_document, save_document
from .lineage_codec import FORMAT, Decoder, Encoder, splice, unsplice

if TYPE_CHECKING:  # typing only (the diff engine is imported when a pair must be diffed)
    from ..diff.result import DiffResult

KIND = f"cache:lineage:{FORMAT}"

#: The pairs a worker process diffs, read by index (forked workers see it: the drafts
#: are not copied to them one by one).
_PENDING: list[tuple[Draft, Draft, str, str]] = []


def lineage(
    store: Store, name: str, history: list[tuple[Version, Draft]], steps: Steps = NO_STEPS
) -> Lineage:
    """:func:`redraft.negotiation.lineage.build_lineage` of ``history`` (read by the
    caller) with the diffs kept in the cache."""
    kept = _Kept.read(store, name, [version for version, _ in history])
    kept.add_drafts({version.blob: draft for version, draft in history})
    return build_lineage(name, kept.history(), kept.diffs(name, steps))


def stored_lineage(
    store: Store, name: str, versions: list[Version], steps: Steps = NO_STEPS, shown: str = ""
) -> Lineage:
    """The lineage of store draft ``name`` (``versions``: its versions, oldest first);
    ``shown`` is the name the user gave (``unodc:fr``), used in sources."""
    kept = _Kept.read(store, name, versions)
    kept.read_missing(store, steps)
    return build_lineage(shown or name, kept.history(), kept.diffs(shown or name, steps))


def stored_history(
    store: Store, name: str, versions: list[Version], steps: Steps = NO_STEPS
) -> list[tuple[Version, Draft]]:
    """Every version of store draft ``name`` with its draft and words, oldest first
    (what :meth:`Store.history` and ``with_words`` give), from the cache where it can."""
    kept = _Kept.read(store, name, versions)
    kept.read_missing(store, steps)
    if kept.changed:
        kept.save_drafts_and_known_pairs()
    return kept.history()


@dataclass
class _Kept:
    """What the cache document holds for these versions, and what was added to it."""

    store: Store
    name: str
    versions: list[Version]
    drafts: dict[str, Draft] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    decoder: Decoder | None = None
    pairs: dict[str, Any] = field(default_factory=dict)  # rows, decoded when used
    cached: set[str] = field(default_factory=set)  # blobs whose drafts the decoder made
    changed: bool = False

    @classmethod
    def read(cls, store: Store, name: str, versions: list[Version]) -> _Kept:
        kept = cls(store, name, versions)
        body = load_document(store, _document(name), KIND)
        try:
            kept._decode(body)
            # versions of other texts than these (a history rewritten) are dropped
            kept.changed = body is None or len(kept.cached) != len(body["versions"])
        except (TypeError, ValueError, KeyError, IndexError, AttributeError):
            kept.drafts, kept.words, kept.decoder, kept.pairs = {}, {}, None, {}
            kept.cached, kept.changed = set(), True
        return kept

    def _decode(self, body: dict[str, Any] | None) -> None:
        if body is None:
            return
        self.decoder = Decoder(body["tables"])
        rows: dict[str, tuple[Any, list[int], int]] = {}
        blocks: list[int] = []
        for row in _list(body["versions"]):
            if not isinstance(row, list) or len(row) != 4 or not isinstance(row[3], int):
                raise ValueError("bad version")
            blocks = unsplice(blocks, row[2])  # each version against the one before
            rows[str(row[0])] = (row[1], blocks, row[3])
        for version in self.versions:
            found = rows.get(version.blob)
            if found is not None and version.blob not in self.drafts:
                self.drafts[version.blob] = self.decoder.draft(found[0], found[1])
                self.words[version.blob] = found[2]
                self.cached.add(version.blob)
        changes: list[int] = []
        for row in _list(body["pairs"]):
            if not isinstance(row, list) or len(row) != 2:
                raise ValueError("bad pair")
            changes = unsplice(changes, row[1])
            self.pairs[str(row[0])] = changes

    def missing(self) -> list[Version]:
        seen: set[str] = set()
        out = []
        for version in self.versions:
            if version.blob not in self.drafts and version.blob not in seen:
                seen.add(version.blob)
                out.append(version)
        return out

    def add_drafts(self, drafts: dict[str, Draft]) -> None:
        for blob, draft in drafts.items():
            if blob not in self.drafts:
                self.drafts[blob] = draft
                self.words[blob] = count_words(draft)
                self.changed = True

    def read_missing(self, store: Store, steps: Steps) -> None:
        missing = self.missing()
        if missing:
            steps.start("Reading versions", len(missing))
            found = store.drafts(missing, steps)
            self.add_drafts({v.blob: d for v, d in zip(missing, found, strict=True)})

    def history(self) -> list[tuple[Version, Draft]]:
        return [
            (replace(version, words=self.words[version.blob]), self.drafts[version.blob])
            for version in self.versions
        ]

    def _cached_pair(self, key: str, old: Version, new: Version) -> tuple[Any, ...] | None:
        """The changes kept for this pair, when both drafts came from the document."""
        row = self.pairs.get(key)
        if row is None or self.decoder is None:
            return None
        if old.blob not in self.cached or new.blob not in self.cached:
            return None
        try:
            return self.decoder.changes(row)
        except (TypeError, ValueError, KeyError, IndexError):
            return None

    def diffs(self, shown: str, steps: Steps) -> list[DiffResult]:
        """Each consecutive pair's diff, from the document or made now; the document is
        written again when anything was added (or dropped)."""
        from ..diff.result import DiffResult

        versions = self.versions
        sources = step_sources(shown, versions)
        found: list[DiffResult | None] = []
        for index, (old, new) in enumerate(zip(versions, versions[1:], strict=False)):
            changes = self._cached_pair(f"{old.blob}:{new.blob}", old, new)
            if changes is not None:
                pair = (self.drafts[old.blob], self.drafts[new.blob])
                found.append(DiffResult(*pair, changes, *sources[index]))
            else:
                found.append(None)
        missing = [index for index, result in enumerate(found) if result is None]
        if missing:
            self._diff(found, missing, sources, steps)
        results = [result for result in found if result is not None]
        keys = {f"{old.blob}:{new.blob}" for old, new in zip(versions, versions[1:], strict=False)}
        if missing or self.changed or len(self.pairs) != len(keys):
            self._save(results)
        return results

    def _diff(
        self,
        found: list[DiffResult | None],
        missing: list[int],
        sources: list[tuple[str, str]],
        steps: Steps,
    ) -> None:
        from ..diff.compact import Plain, decode
        from ..diff.engine import diff_drafts

        drafts = [self.drafts[version.blob] for version in self.versions]
        _PENDING[:] = [(drafts[i], drafts[i + 1], *sources[i]) for i in missing]
        try:
            made = parallel_map(_diff_at, list(range(len(missing))), steps, "Comparing versions")
        finally:
            _PENDING.clear()
        plain: Plain = {}  # versions share unit objects: one change per unchanged pair of them
        for index, compact in zip(missing, made, strict=True):
            old, new = drafts[index], drafts[index + 1]
            result = decode(compact, old, new, *sources[index], plain) if compact else None
            if result is None:  # a draft whose units cannot be told apart by position
                result = diff_drafts(old, new, "words", *sources[index])
            found[index] = result

    def save_drafts_and_known_pairs(self) -> None:
        """Write the drafts read, keeping the pairs the document held for them."""
        from ..diff.result import DiffResult

        results = []
        for old, new in zip(self.versions, self.versions[1:], strict=False):
            changes = self._cached_pair(f"{old.blob}:{new.blob}", old, new)
            if changes is not None:
                results.append(DiffResult(self.drafts[old.blob], self.drafts[new.blob], changes))
        self._save(results)

    def _save(self, results: list[DiffResult]) -> None:
        encoder = Encoder()
        versions: list[list[Any]] = []
        blocks: list[int] = []
        seen: set[str] = set()
        for version in self.versions:
            if version.blob not in seen:
                seen.add(version.blob)
                meta, now = encoder.draft(self.drafts[version.blob])
                versions.append([version.blob, meta, splice(blocks, now), self.words[version.blob]])
                blocks = now
        names = {id(draft): blob for blob, draft in self.drafts.items()}
        pairs: list[list[Any]] = []
        changes: list[int] = []
        for result in results:
            old, new = names.get(id(result.old)), names.get(id(result.new))
            if old is not None and new is not None and f"{old}:{new}" not in seen:
                seen.add(f"{old}:{new}")
                now = encoder.changes(result)
                pairs.append([f"{old}:{new}", splice(changes, now)])
                changes = now
        body = {"tables": encoder.tables, "versions": versions, "pairs": pairs}
        save_document(self.store, _document(self.name), KIND, body)


def _list(found: Any) -> list[Any]:
    if not isinstance(found, list):
        raise ValueError("bad document")
    return found


def _document(name: str) -> str:
    return f"lineage/{name}"


def _diff_at(index: int) -> list[Any] | None:
    from ..diff.compact import encode
    from ..diff.engine import diff_drafts

    old, new, old_source, new_source = _PENDING[index]
    return encode(diff_drafts(old, new, "words", old_source, new_source))
