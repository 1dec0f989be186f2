"""``redraft overlap`` over the whole store keeps each text's index in the store's cache
(redraft.resolve.overlap_cache): the pairs are those of the drafts read afresh, cold or
warm, after a new version, and a damaged cache is ignored without a traceback."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from redraft import canonical
from redraft.merge.overlap import (
    OverlapResult,
    find_indexed_overlaps,
    find_overlaps,
    index_drafts,
)
from redraft.resolve import cache as cache_module
from redraft.resolve.overlap_cache import (
    KIND,
    NAME,
    SHINGLES,
    IndexWriter,
    cached_latest_indexes,
)
from redraft.store import Store

from .cli_helpers import run
from .test_scale_caches import BASE, build_store, versions_of


def fresh(store: Store) -> OverlapResult:
    """The overlaps of the drafts read from the store, without the cache."""
    found = sorted(store.all_versions().items())
    drafts = store.drafts([versions[-1] for _, versions in found])
    return find_overlaps([(name, d) for (name, _), d in zip(found, drafts, strict=True)])


def cached(root: Path) -> OverlapResult:
    indexed, warnings = cached_latest_indexes(root)
    assert not warnings
    return find_indexed_overlaps(indexed)


def cache_path(store: Store) -> Path:
    return store.git_dir / cache_module.FOLDER / NAME


def test_cold_and_warm_give_the_fresh_overlaps(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", versions_of(BASE, 3))
    assert store.load_cache(f"{cache_module.FOLDER}/{NAME}") is None
    want = fresh(store)
    assert want.pairs  # the two drafts share paragraphs
    assert cached(store.root) == want  # cold: indexed, then kept
    assert store.load_cache(f"{cache_module.FOLDER}/{NAME}") is not None
    assert cached(store.root) == want  # warm: read back
    found = sorted(store.all_versions().items())
    made = index_drafts(store.drafts([versions[-1] for _, versions in found]))
    indexed, _ = cached_latest_indexes(store.root)
    assert indexed == [(name, index) for (name, _), index in zip(found, made, strict=True)]


def test_the_cache_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = build_store(tmp_path / "s", versions_of(BASE, 2))
    want = cached(store.root)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("a text the cache holds was read again")

    monkeypatch.setattr(Store, "readable_drafts", no_reading)
    assert cached(store.root) == want


def test_a_new_version_is_indexed_again(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", versions_of(BASE, 2))
    before = cached(store.root)
    longer = BASE.replace("report at its next session", "report on the regional mechanisms")
    store.save("other", canonical.parse(longer), by="Japan", date="2011-04-20")
    after = cached(store.root)
    assert after == fresh(store) and after != before


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", versions_of(BASE, 2))
    want = fresh(store)
    cached(store.root)
    path = cache_path(store)
    path.write_bytes(path.read_bytes()[:40])  # cut short
    assert cached(store.root) == want
    path.write_bytes(b"not a cache")
    assert cached(store.root) == want
    cached(store.root)  # a sound cache again
    shingles = store.git_dir / cache_module.FOLDER / SHINGLES
    shingles.write_bytes(shingles.read_bytes()[:-8])  # the shingles cut short
    assert cached(store.root) == want
    blobs = [versions[-1].blob for versions in store.all_versions().values()]
    raw = shingles.read_bytes()
    sound = {"size": len(raw), "crc": zlib.crc32(raw)}
    bad: list[object] = [
        [["OP1", "text", 7, 0, 10**6]],  # beyond the shingles
        [["OP1", "text", 7, -1, 1]],
        [["OP1", "text", "seven", 0, 1]],
        [["OP1", 7, 7, 0, 1]],
        "not a list",
    ]
    for entry in bad:
        entries = dict.fromkeys(blobs, entry)
        cache_module.save_document(store, NAME, KIND, {**sound, "entries": entries})
        assert cached(store.root) == want
    cache_module.save_document(store, NAME, KIND, {**sound, "entries": ["not", "a", "mapping"]})
    assert cached(store.root) == want


def test_cli_overlap_with_a_damaged_cache_prints_the_same(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", versions_of(BASE, 3))
    args = ["overlap", "--store", str(store.root), "--format", "json", "-q"]
    cold = run(*args)
    warm = run(*args)
    cache_path(store).write_bytes(b"\x00garbage")
    damaged = run(*args)  # a traceback fails the test
    assert cold == warm == damaged
    assert cold[0] == 0 and '"pairs"' in cold[1]


def test_two_drafts_holding_the_same_text_share_one_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = build_store(tmp_path / "s", versions_of(BASE, 2))
    store.save("copy", canonical.parse(BASE), by="Japan", date="2011-04-21")  # as "other"
    want = fresh(store)
    assert cached(store.root) == want
    body = cache_module.load_document(store, NAME, KIND) or {}
    assert len(body["entries"]) == 2  # three drafts, two texts

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("a text the cache holds was read, or the cache written again")

    monkeypatch.setattr(Store, "readable_drafts", no_work)
    monkeypatch.setattr(IndexWriter, "save", no_work)
    assert cached(store.root) == want
