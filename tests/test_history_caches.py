"""A long negotiation's history (issue 17): the cached drafts, diffs and versions give
what reading, parsing and diffing afresh gives; a damaged or foreign entry is ignored."""

from __future__ import annotations

import zlib
from pathlib import Path

from redraft import canonical
from redraft.diff.engine import diff_drafts
from redraft.negotiation.blame import blame, blame_words
from redraft.negotiation.history import paragraph_history
from redraft.negotiation.lineage import build_lineage
from redraft.negotiation.status import (
    StatusResult,
    Totals,
    draft_status,
    status_by_version,
)
from redraft.resolve.lineage_cache import stored_history, stored_lineage
from redraft.resolve.lineage_codec import Decoder, Encoder, splice, unsplice
from redraft.resolve.sources import with_words
from redraft.store import Store, log_cache

from .test_scale_caches import BASE, build_store, versions_of

DOCUMENT = "redraft-cache/lineage/crime"


def test_codec_round_trip_keeps_every_field_and_the_sharing() -> None:
    texts = versions_of(BASE, 6)
    texts.append(texts[-1].replace("1. *Urges*", "1. *Strongly urges*").replace("[", "("))
    parser = canonical.HistoryParser()
    drafts = [parser.parse_text(text) for text in texts]
    diffs = [diff_drafts(a, b, "words") for a, b in zip(drafts, drafts[1:], strict=False)]
    encoder = Encoder()
    rows = [encoder.draft(draft) for draft in drafts]
    pairs = [encoder.changes(result) for result in diffs]
    decoder = Decoder(encoder.tables)
    back = [decoder.draft(meta, blocks) for meta, blocks in rows]
    assert back == drafts
    for (meta, blocks), draft in zip(rows, back, strict=True):
        assert decoder.draft(meta, blocks).blocks[0] is draft.blocks[0]  # shared objects
    for row, result in zip(pairs, diffs, strict=True):
        changes = decoder.changes(row)
        assert changes == result.changes
        for got, want in zip(changes, result.changes, strict=True):
            assert got.old_units == want.old_units and got.new_units == want.new_units


def test_splice_rebuilds_the_list() -> None:
    for before, after in [([], [1, 2]), ([1, 2, 3], [1, 9, 3]), ([1, 2], []), ([5], [5, 5])]:
        assert unsplice(before, splice(before, after)) == after


def _expected(store: Store) -> tuple[object, ...]:
    history = with_words(store.history("crime"))
    fresh = build_lineage("crime", history)
    return history, blame(fresh), blame_words(fresh, "OP1"), paragraph_history(fresh, "OP2")


def _cached(store: Store) -> tuple[object, ...]:
    versions = store.existing("crime")
    found = stored_lineage(store, "crime", versions)
    history = stored_history(store, "crime", versions)
    return history, blame(found), blame_words(found, "OP1"), paragraph_history(found, "OP2")


def test_stored_lineage_cold_warm_damaged_and_after_a_version(tmp_path: Path) -> None:
    texts = versions_of(BASE, 6)
    store = build_store(tmp_path / "store", texts)
    expected = _expected(store)
    assert _cached(store) == expected  # cold
    assert store.load_cache(DOCUMENT) is not None
    assert _cached(store) == expected  # warm
    good = store.load_cache(DOCUMENT)
    assert good is not None
    for damaged in (b"", b"junk", good[: len(good) // 2], zlib.compress(b'{"a": 1}')):
        store.save_cache(DOCUMENT, damaged)
        assert _cached(store) == expected
    store.save("crime", canonical.parse(texts[-1].replace("Invites", "Calls upon")), by="EU")
    assert _cached(store) == _expected(store)


def test_status_by_version_equals_each_version_read_alone(tmp_path: Path) -> None:
    texts = versions_of(BASE, 5)
    texts.append(texts[-1].replace("3. *Invites*", "3alt. *Invites* [EU: delete]"))
    texts.append(texts[-1].replace("[EU: delete]", "[agreed]"))
    store = build_store(tmp_path / "store", texts)
    history = with_words(store.history("crime"))
    progress = status_by_version("crime", history)
    for (version, draft), row in zip(history, progress.versions, strict=True):
        alone = draft_status(draft, f"crime@{version.number}")
        assert row.totals == alone.totals
    last_version, last = history[-1]
    assert progress.latest == draft_status(last, f"crime@{last_version.number}")
    assert StatusResult("x", (), Totals()).totals == Totals()


def test_log_cache_is_keyed_by_the_commit_and_ignored_when_damaged(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 4))
    fresh = store._git_log(["drafts/crime.txt"], "HEAD")
    assert store.versions("crime") == fresh["crime"]  # made and kept
    name = log_cache.cache_name(["drafts/crime.txt"])
    assert store.load_cache(name) is not None
    assert store.versions("crime") == fresh["crime"]  # read back
    good = store.load_cache(name)
    assert good is not None
    key = good.partition(b"\n")[0]
    for damaged in (b"", b"junk", good[:-9], key + b"\n" + zlib.compress(b'{"drafts": 1}')):
        store.save_cache(name, damaged)
        assert store.versions("crime") == fresh["crime"]
    store.save("crime", canonical.parse(BASE.replace("Urges", "Calls upon")), by="EU")
    assert len(store.versions("crime")) == len(fresh["crime"]) + 1  # another commit
    assert log_cache.head_commit(store.git_dir) == store._head()
