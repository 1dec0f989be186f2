"""The report's cache packs (issue 17): a run writes its pieces into one file, a damaged,
cut short or foreign entry is made again (never a traceback), and what the packs hold
stays about what is used, run after run."""

from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path

from redraft import canonical
from redraft.render.site import write_site
from redraft.resolve import report_cache
from redraft.resolve.cache import load_document, save_document
from redraft.resolve.report import build_report, overview
from redraft.store import Store

from .test_scale_caches import BASE, build_store, tree, versions_of

PACKS = "redraft-cache/packs"


def reference(store: Store, folder: Path) -> dict[str, bytes]:
    shutil.rmtree(folder, ignore_errors=True)
    write_site(folder, overview(store.root))
    return tree(folder)


def index(store: Store) -> dict[str, list[object]]:
    body = load_document(store, report_cache.FIGURES, report_cache.KIND)
    assert body is not None
    return body["entries"]


def test_a_cold_report_writes_one_pack(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 6))
    build_report(tmp_path / "site", store.root)
    assert len(store.cache_names(PACKS)) == 1
    # the page of each draft: latest text and Word file, and each redline's HTML and Word
    redlines = sum(len(store.versions(name)) - 1 for name in store.names())
    assert len(index(store)) == 2 * len(store.names()) + 2 * redlines
    assert not (store.git_dir / "redraft-cache" / "word").exists()


def test_a_pack_cut_short_or_gone_is_made_again(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 5))
    expected = reference(store, tmp_path / "reference")
    build_report(tmp_path / "first", store.root)
    (pack,) = store.cache_names(PACKS)
    data = store.load_cache(pack) or b""
    store.save_cache(pack, data[: len(data) // 2])
    build_report(tmp_path / "second", store.root)
    assert tree(tmp_path / "second") == expected
    for pack in store.cache_names(PACKS):
        (store.git_dir / pack).unlink()
    build_report(tmp_path / "third", store.root)
    assert tree(tmp_path / "third") == expected


def test_foreign_entries_in_the_index_are_ignored(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 4))
    expected = reference(store, tmp_path / "reference")
    build_report(tmp_path / "first", store.root)
    body = load_document(store, report_cache.FIGURES, report_cache.KIND)
    assert body is not None
    foreign: list[object] = [
        ["../../config", 0, 10, 0],
        ["0123456789abcdef", -1, 10, 0],
        ["0123456789abcdef", 0, "ten", 0],
        ["0123456789abcdef", 10**12, 10, 0],  # beyond the end of a pack that is not there
        {"pack": "x"},
        None,
        [True, 0, 1, 2],
    ]
    keys = sorted(body["entries"])
    body["entries"] = {k: foreign[n % len(foreign)] for n, k in enumerate(keys)}
    body["entries"]["not a key"] = ["0123456789abcdef", 0, 1, 0]
    save_document(store, report_cache.FIGURES, report_cache.KIND, body)
    build_report(tmp_path / "second", store.root)
    assert tree(tmp_path / "second") == expected
    # another program's index (not JSON, another shape) is ignored as well
    store.save_cache("redraft-cache/report", zlib.compress(json.dumps([1, 2]).encode()))
    build_report(tmp_path / "third", store.root)
    assert tree(tmp_path / "third") == expected


def test_entry_pointing_at_other_bytes_of_a_pack_is_made_again(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 4))
    expected = reference(store, tmp_path / "reference")
    build_report(tmp_path / "first", store.root)
    body = load_document(store, report_cache.FIGURES, report_cache.KIND)
    assert body is not None
    entries = list(body["entries"].values())
    for n, entry in enumerate(entries):  # each names the next one's bytes
        entry[:3] = entries[(n + 1) % len(entries)][:3]
    save_document(store, report_cache.FIGURES, report_cache.KIND, body)
    build_report(tmp_path / "second", store.root)
    assert tree(tmp_path / "second") == expected


def test_packs_hold_about_what_is_used_run_after_run(tmp_path: Path) -> None:
    texts = versions_of(BASE, 12)
    store = build_store(tmp_path / "store", texts[:3])
    out = tmp_path / "site"
    for n, text in enumerate(texts[3:]):
        store.save("crime", canonical.parse(text), by="EU", date=f"2011-06-{n + 10:02d}")
        build_report(out, store.root)
        assert tree(out) == reference(store, tmp_path / "reference")
        live = sum(int(entry[2]) for entry in index(store).values())  # type: ignore[call-overload]
        held = sum((store.git_dir / p).stat().st_size for p in store.cache_names(PACKS))
        assert held <= 2 * live + 4096
        assert len(store.cache_names(PACKS)) <= 3


def test_the_cache_of_earlier_redraft_is_removed(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 3))
    store.save_cache("redraft-cache/word/0123", b"old")
    store.save_cache("redraft-cache/html/4567", b"old")
    build_report(tmp_path / "site", store.root)
    assert store.cache_names("redraft-cache/word") == []
    assert store.cache_names("redraft-cache/html") == []


def test_a_store_whose_cache_cannot_be_written_still_reports(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 4))
    expected = reference(store, tmp_path / "reference")
    cache = store.git_dir / "redraft-cache"
    cache.mkdir()
    (cache / "packs").write_text("a file where the packs' folder would be")
    build_report(tmp_path / "site", store.root)
    assert tree(tmp_path / "site") == expected
