"""The figures of ``redraft log`` and ``redraft list``: words per version and a
one-line summary of paragraph changes per pair of consecutive versions.

Pure functions over canonical texts (no git: :mod:`redraft.store` reads the texts
and keeps the cache file). Versions never change, so each figure is computed once
and kept by blob id (.git/redraft-log-cache.json).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import canonical
from ..canonical import NUMBER_TOKEN, split_chunks
from ..diff.align_state import PAIR_MIN_ALONE
from ..diff.units import pair_score, words
from ..model import Version
from ..words import count_text_words, count_words
from .log_stretch import Body, changed_stretch, plain_body, whole_stretch


@dataclass(frozen=True)
class LogEntry:
    """One line of ``redraft log``: a version, its length and what changed since the previous."""

    version: Version
    words: int
    delta: int  # words added minus words removed since the previous version
    changes: tuple[tuple[str, int], ...]  # ("modified", 2), ("inserted", 1)... zero counts left out
    first: bool = False

    @property
    def summary(self) -> str:
        if self.first:
            return "first version"
        return ", ".join(f"{n} {op}" for op, n in self.changes) or "no paragraph changed"


@dataclass(frozen=True)
class DraftSummary:
    """One line of ``redraft list``."""

    name: str
    versions: int
    symbol: str
    words: int
    date: str
    by: str
    language: str = ""  # the language its latest text says it is in


#: Bump when the word rule or the change summary changes: older cached figures are dropped.
LOG_CACHE_FORMAT = 2


def new_log_cache() -> dict[str, Any]:
    """Figures per blob and per pair of blobs: versions are immutable, so once computed
    they hold for good (``Store.log`` keeps them in .git/redraft-log-cache.json)."""
    return {"format": LOG_CACHE_FORMAT, "words": {}, "changes": {}}


def read_log_cache(text: str) -> dict[str, Any]:
    """A cache read back; anything unexpected (older format, damage) gives an empty one."""
    try:
        cache = json.loads(text)
    except ValueError:
        return new_log_cache()
    if (
        isinstance(cache, dict)
        and cache.get("format") == LOG_CACHE_FORMAT
        and isinstance(cache.get("words"), dict)
        and isinstance(cache.get("changes"), dict)
    ):
        return cache
    return new_log_cache()


def missing_blobs(versions: list[Version], cache: dict[str, Any]) -> set[str]:
    """The blobs whose text :func:`build_log` needs because the cache lacks their figures."""
    needed = set()
    for before, version in zip([None, *versions], versions, strict=False):
        if version.blob not in cache["words"]:
            needed.add(version.blob)
        if before is not None and f"{before.blob}:{version.blob}" not in cache["changes"]:
            needed |= {before.blob, version.blob}
    return needed


def text_words(text: str) -> int:
    """Words of a stored text (:func:`redraft.words.count_words` of its draft), counted
    paragraph by paragraph without building the draft (tests/test_revisions.py)."""
    return sum(_chunk_words(chunk) for chunk in split_chunks(text)[1])


def build_log(
    versions: list[Version],
    texts: list[bytes] | dict[str, bytes],
    cache: dict[str, Any] | None = None,
) -> list[LogEntry]:
    """Log entries, oldest first. ``texts``: every version's canonical text, or by blob
    those :func:`missing_blobs` names; ``cache`` is read and completed.

    Consecutive versions share most paragraphs, so the work is done per top-level
    paragraph: each distinct paragraph is counted once, and only the paragraphs
    that differ are handed to the paragraph-aware diff. That keeps ``redraft log``
    over 1,000 versions near half a second where a full diff per pair takes ten.
    """
    if isinstance(texts, list):
        texts = {v.blob: t for v, t in zip(versions, texts, strict=True)}
    cache = cache if cache is not None else new_log_cache()
    words_of, changes_of = cache["words"], cache["changes"]

    @lru_cache(maxsize=2)  # each text is needed as "new", then as "old"
    def paragraphs(blob: str) -> _Paragraphs:
        return _paragraphs(split_chunks(texts[blob].decode("utf-8", "replace"))[1])

    @lru_cache(maxsize=2)
    def body(blob: str) -> Body | None:
        return plain_body(texts[blob])

    def compared(before: str, after: str) -> tuple[_Paragraphs, _Paragraphs]:
        """The two versions' paragraphs where they differ (or whole): see log_stretch."""
        old_body, new_body = body(before), body(after)
        if old_body is None or new_body is None:
            return paragraphs(before), paragraphs(after)
        old_chunks, new_chunks, tailed = changed_stretch(old_body, new_body)
        old, new = _paragraphs(old_chunks), _paragraphs(new_chunks)
        if tailed and _head_runs_out(old.keys, new.keys):
            old_chunks, new_chunks = whole_stretch(old_body, new_body)
            old, new = _paragraphs(old_chunks), _paragraphs(new_chunks)
        return old, new

    entries: list[LogEntry] = []
    for before, version in zip([None, *versions], versions, strict=False):
        pair = f"{before.blob}:{version.blob}" if before else ""
        if before is not None and pair not in changes_of:
            old, new = compared(before.blob, version.blob)
            found, gone, came = _changes(old, new)
            changes_of[pair] = [list(item) for item in found]
            if version.blob not in words_of and before.blob in words_of:
                # Only the paragraphs that differ change the count.
                words_of[version.blob] = (
                    words_of[before.blob]
                    - sum(_chunk_words(old.chunks[i]) for i in gone)
                    + sum(_chunk_words(new.chunks[j]) for j in came)
                )
        if version.blob not in words_of:
            words_of[version.blob] = sum(_chunk_words(c) for c in paragraphs(version.blob).chunks)
        words = words_of[version.blob]
        if before is None:
            entries.append(LogEntry(version, words, words, (), first=True))
            continue
        changes = tuple((str(op), int(n)) for op, n in changes_of[pair])
        entries.append(LogEntry(version, words, words - entries[-1].words, changes))
    return entries


def _head_runs_out(old: list[str], new: list[str]) -> bool:
    """Whether the shared head of two stretches of unequal length takes the whole of the
    shorter: the comparison of the whole texts would then go on into the tail left out
    (:func:`_unmatched` trims the head first), so the tail must be compared too."""
    if len(old) == len(new):
        return False
    shorter = min(len(old), len(new))
    head = 0
    while head < shorter and old[head] == new[head]:
        head += 1
    return head == shorter


def _paragraphs(chunks: list[str]) -> _Paragraphs:
    return _Paragraphs(chunks, [_key(c) for c in chunks])


@dataclass(frozen=True)
class _Paragraphs:
    """A version's top-level paragraphs and their keys (:func:`_key`)."""

    chunks: list[str]
    keys: list[str]


_LEAD_NUMBER = re.compile(r"^(?:(?:PP|OP) \S+ |\S+ )")
_BARE_FRONT = "---\nredraft: 1\n---\n\n"


@lru_cache(maxsize=1 << 16)
def _key(chunk: str) -> str:
    """A paragraph without its own number, so that renumbering is not a change."""
    match = _LEAD_NUMBER.match(chunk)
    if match and (chunk.startswith(("PP ", "OP ")) or NUMBER_TOKEN.match(match.group(0).strip())):
        return chunk[match.end() :]
    return chunk


def paragraph_changes(
    old: tuple[str, list[str]], new: tuple[str, list[str]], fast: bool = True
) -> tuple[tuple[str, int], ...]:
    """Counts of changed paragraphs between two versions given as :func:`split_chunks`."""
    return _changes(_paragraphs(old[1]), _paragraphs(new[1]), fast)[0]


_ORDER = ("modified", "inserted", "deleted", "moved", "split", "merged")


def _changes(
    old: _Paragraphs, new: _Paragraphs, fast: bool = True
) -> tuple[tuple[tuple[str, int], ...], list[int], list[int]]:
    """(counts, positions of old paragraphs gone, of new paragraphs come)."""
    blocks = _unmatched(old.keys, new.keys)
    gone = [i for block, _ in blocks for i in block]
    came = [j for _, block in blocks for j in block]
    # A paragraph deleted in one place and inserted unchanged in another moved.
    moved_keys = {old.keys[i] for i in gone} & {new.keys[j] for j in came}
    counts = _block_counts(blocks, old.chunks, new.chunks) if fast and not moved_keys else None
    if counts is None:
        rest_old = [old.chunks[i] for i in gone if old.keys[i] not in moved_keys]
        rest_new = [new.chunks[j] for j in came if new.keys[j] not in moved_keys]
        counts = _diff_counts(rest_old, rest_new, fast)
    if moved_keys:
        counts["moved"] = counts.get("moved", 0) + len(moved_keys)
    return tuple((op, counts[op]) for op in _ORDER if counts.get(op)), gone, came


def _block_counts(
    blocks: list[tuple[range, range]], old: list[str], new: list[str]
) -> dict[str, int] | None:
    """Counts read block by block, without the diff, in the commonest case: each place
    that changed holds one paragraph edited in place (the shortcut's "modified"), or
    only insertions, or only deletions. None when a paragraph could have moved and been
    edited, or been split or merged, between places: the diff decides those."""
    counts = {"modified": 0, "inserted": 0, "deleted": 0}
    for gone, came in blocks:
        if len(gone) == len(came) == 1:
            if _one_for_one(old[gone[0]], new[came[0]]) != {"modified": 1}:
                return None
            counts["modified"] += 1
        elif gone and came:
            return None
        else:
            counts["inserted"] += len(came)
            counts["deleted"] += len(gone)
    if counts["inserted"] and counts["deleted"]:
        return None
    return counts


def _unmatched(old: list[str], new: list[str]) -> list[tuple[range, range]]:
    """The places where paragraphs have no equal partner, as (old positions, new
    positions); the shared head and tail are skipped first, since consecutive versions
    differ in a few places only."""
    from difflib import SequenceMatcher

    shorter = min(len(old), len(new))
    head = 0
    while head < shorter and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < shorter - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    middle_old, middle_new = old[head : len(old) - tail], new[head : len(new) - tail]
    if not middle_old or not middle_new or len(middle_old) == len(middle_new) == 1:
        # what the matcher says of these (one block), without building it
        if not middle_old and not middle_new:
            return []
        return [(range(head, len(old) - tail), range(head, len(new) - tail))]
    matcher = SequenceMatcher(None, middle_old, middle_new, autojunk=False)
    return [
        (range(head + i1, head + i2), range(head + j1, head + j2))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]


def _diff_counts(old: list[str], new: list[str], fast: bool = True) -> dict[str, int]:
    """Changes among the paragraphs that differ: the paragraph-aware diff when it is
    installed, else pairs in order (modified), the rest inserted or deleted."""
    if not old or not new:
        return {"inserted": len(new), "deleted": len(old)}
    if fast and len(old) == len(new) == 1:
        verdict = _one_for_one(old[0], new[0])
        if verdict is not None:
            return verdict
    from ..diff.engine import diff_drafts  # rarely needed: most pairs are read place by place

    before = canonical.parse(_BARE_FRONT + "\n\n".join(old) + "\n")
    after = canonical.parse(_BARE_FRONT + "\n\n".join(new) + "\n")
    counts: dict[str, int] = {}
    for change in diff_drafts(before, after).changes:
        if change.changed:
            counts[change.op] = counts.get(change.op, 0) + 1
    return counts


def _one_for_one(old: str, new: str) -> dict[str, int] | None:
    """The diff's verdict on one plain paragraph replaced by another, without running
    it (the commonest step of a negotiation, and most of the time ``log`` takes): the
    two pair when their bags of words score ``PAIR_MIN_ALONE`` (diff/align.py, pass 3),
    else one is deleted and the other inserted. None for anything less simple
    (sub-paragraphs, footnotes, tables, headings, a change of markup only): the full
    diff decides. tests/test_revisions.py checks both verdicts agree."""
    a, b = _key(old), _key(new)
    if "\n" in a or "\n" in b or a.startswith(_NOT_PLAIN) or b.startswith(_NOT_PLAIN):
        return None
    if a.replace("*", "") == b.replace("*", ""):
        return None
    paired = pair_score(words(a.replace("*", "")), words(b.replace("*", ""))) >= PAIR_MIN_ALONE
    return {"modified": 1} if paired else {"inserted": 1, "deleted": 1}


_NOT_PLAIN = ("#", ">", "|", "\\", "¶", "[^")


@lru_cache(maxsize=1 << 16)
def _chunk_words(chunk: str) -> int:
    """Words of one top-level paragraph with its sub-paragraphs (footnotes apart).

    A plain one-line paragraph is counted on its text as written (the number is no
    word, and the opening's asterisks do not change a count of tokens); anything else
    is parsed first."""
    if "\n" not in chunk and not chunk.startswith(_NOT_PLAIN):
        return count_text_words(_key(chunk))
    return count_words(canonical.parse(_BARE_FRONT + chunk + "\n"))
