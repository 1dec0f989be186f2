"""``redraft import`` keeps the figures ``stats``, ``check``, ``list`` and ``overlap`` keep
of the texts it stored (redraft.resolve.import_caches): the first run after an import
reads no text and prints what a run with no cache prints; a damaged cache is ignored by the import
as by the commands, and a config that cannot be read keeps nothing."""

from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path

import pytest

from redraft.resolve import cache as cache_module
from redraft.resolve import check_cache, overlap_cache, stats_cache
from redraft.resolve.log import LOG_CACHE
from redraft.store import Store

from .cli_helpers import run
from .test_scale_caches import BASE


def versions_of(base: str, count: int) -> list[str]:
    """``count`` distinct drafts, each a little longer than the one before."""
    texts = [base]
    for n in range(1, count):
        texts.append(texts[-1].rstrip("\n") + f"\n\n{3 + n}. *Decides* to consider item {n};\n")
    return texts


COMMANDS = (
    ("stats", "--paragraphs"),
    ("stats", "--format", "json"),
    ("check",),
    ("check", "--format", "json"),
    ("list",),
    ("list", "--format", "json"),
    ("overlap",),
    ("overlap", "--format", "json"),
)


def write_drafts(folder: Path, texts: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, text in enumerate(texts):
        path = folder / f"draft-{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def imported(tmp_path: Path, texts: list[str], config: str = "") -> Store:
    root = tmp_path / "store"
    assert run("init", str(root))[0] == 0
    if config:
        (root / "redraft.toml").write_text(config, encoding="utf-8")
    files = write_drafts(tmp_path / "in", texts)
    code, _, err = run("import", *files, "--store", str(root), "--date", "2024-05-01")
    assert code == 0, err
    return Store.open(root)


def outputs(store: Store) -> list[tuple[int, str, str]]:
    return [run(*command, "--store", str(store.root)) for command in COMMANDS]


def without_caches(store: Store) -> None:
    for path in store.git_dir.glob("redraft-*"):
        if path.is_dir():
            shutil.rmtree(path)
        elif path.name != "redraft.lock":
            path.unlink()


def cached_blobs(store: Store) -> tuple[set[str], set[str], set[str]]:
    stats = cache_module.load_document(store, stats_cache.NAME, stats_cache.KIND) or {}
    check = cache_module.load_document(store, check_cache.NAME, check_cache.KIND) or {}
    log = json.loads(store.load_cache(LOG_CACHE) or b"{}")
    return (
        {key.split(":")[0] for key in stats.get("entries", {})},
        set(check.get("entries", {})),
        set(log.get("listed", {})),
    )


def indexed_blobs(store: Store) -> set[str]:
    """The texts whose ``overlap`` index the store's cache holds."""
    body = cache_module.load_document(store, overlap_cache.NAME, overlap_cache.KIND) or {}
    return set(body.get("entries", {}))


def latest_blobs(store: Store) -> set[str]:
    return {versions[-1].blob for versions in store.all_versions().values()}


def test_the_first_run_after_an_import_reads_no_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = imported(tmp_path, versions_of(BASE, 5))
    blobs = latest_blobs(store)
    assert len(blobs) == 5
    assert cached_blobs(store) == (blobs, blobs, blobs)
    assert indexed_blobs(store) == blobs

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("a stored text was read, or an index made or written again")

    monkeypatch.setattr(Store, "readable_drafts", no_reading)
    monkeypatch.setattr(Store, "drafts", no_reading)
    monkeypatch.setattr(overlap_cache, "index_drafts", no_reading)
    monkeypatch.setattr(overlap_cache.IndexWriter, "save", no_reading)
    first = outputs(store)
    monkeypatch.undo()
    without_caches(store)
    assert outputs(store) == first  # the same as counted from every text
    assert all(code in (0, 1) for code, _, _ in first)


def test_a_second_import_keeps_the_entries_of_the_latest_texts(tmp_path: Path) -> None:
    texts = versions_of(BASE, 4)
    store = imported(tmp_path, texts)
    before = latest_blobs(store)
    changed = [*texts[:3], texts[3].replace("donors", "all donors")]
    files = write_drafts(tmp_path / "in", changed)
    assert run("import", *files, "--store", str(store.root))[0] == 0
    after = latest_blobs(store)
    assert len(after - before) == 1
    stats, check, listed = cached_blobs(store)
    assert stats == check == indexed_blobs(store) == after  # the replaced text's dropped
    assert after <= listed
    first = outputs(store)
    without_caches(store)
    assert outputs(store) == first


def test_the_config_of_the_store_is_the_one_kept(tmp_path: Path) -> None:
    config = "[stats]\nwords_per_page = 100\n\n[check]\nmax_words = 40\n"
    store = imported(tmp_path, versions_of(BASE, 3), config)
    stats = cache_module.load_document(store, stats_cache.NAME, stats_cache.KIND) or {}
    assert all(key.endswith(":100") for key in stats["entries"])
    first = outputs(store)
    assert run("stats", "--words-per-page", "530", "--store", str(store.root))[0] == 0
    without_caches(store)
    assert outputs(store) == first


def test_an_import_over_a_damaged_cache_keeps_what_it_stored(tmp_path: Path) -> None:
    texts = versions_of(BASE, 3)
    store = imported(tmp_path, texts)
    folder = store.git_dir / cache_module.FOLDER
    (folder / stats_cache.NAME).write_bytes(b"\x00garbage")
    (folder / check_cache.NAME).write_bytes(b"")
    (store.git_dir / LOG_CACHE).write_text(json.dumps({"listed": [1, 2]}), encoding="utf-8")
    shingles = folder / overlap_cache.SHINGLES
    shingles.write_bytes(shingles.read_bytes()[:-8])  # no longer the document's
    files = write_drafts(tmp_path / "in", [texts[0].replace("donors", "all donors"), *texts[1:]])
    code, _, err = run("import", *files, "--store", str(store.root))
    assert code == 0 and "Traceback" not in err
    first = outputs(store)
    without_caches(store)
    assert outputs(store) == first


def test_foreign_entries_are_not_used(tmp_path: Path) -> None:
    store = imported(tmp_path, versions_of(BASE, 2))
    want = outputs(store)
    # another redraft's documents, under the same names: ignored, made again
    for name, kind in (
        (stats_cache.NAME, stats_cache.KIND),
        (check_cache.NAME, check_cache.KIND),
        (overlap_cache.NAME, overlap_cache.KIND),
    ):
        body = cache_module.load_document(store, name, kind)
        document = {"kind": kind, "code": "another redraft", "body": body}
        raw = json.dumps(document).encode()
        store.save_cache(f"{cache_module.FOLDER}/{name}", zlib.compress(raw))
    assert outputs(store) == want


def test_a_config_that_cannot_be_read_keeps_nothing(tmp_path: Path) -> None:
    store = imported(tmp_path, versions_of(BASE, 2), "[check\nbroken")
    assert cached_blobs(store)[:2] == (set(), set())
    code, _, err = run("check", "--store", str(store.root))
    assert code == 2 and err.count("\n") == 1


def test_a_store_that_cannot_be_read_back_still_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redraft.errors import StoreError

    def failing(*args: object, **kwargs: object) -> None:
        raise StoreError("cat-file failed")

    monkeypatch.setattr(Store, "texts", failing)
    store = imported(tmp_path, versions_of(BASE, 2))  # exit 0: the drafts are saved
    monkeypatch.undo()
    assert cached_blobs(store) == (set(), set(), set())
    assert indexed_blobs(store) == set()
    assert len(latest_blobs(store)) == 2


def test_the_first_overlap_after_an_import_writes_nothing(tmp_path: Path) -> None:
    store = imported(tmp_path, versions_of(BASE, 2))  # (3 drafts: all is boilerplate)
    folder = store.git_dir / cache_module.FOLDER
    kept = [(folder / name).read_bytes() for name in (overlap_cache.NAME, overlap_cache.SHINGLES)]
    code, first, _ = run("overlap", "--store", str(store.root))
    assert code == 0 and first.startswith("2 drafts, 1 overlapping pair")
    again = [(folder / name).read_bytes() for name in (overlap_cache.NAME, overlap_cache.SHINGLES)]
    assert again == kept  # the index the import made is the one overlap keeps
    without_caches(store)
    assert run("overlap", "--store", str(store.root))[1] == first
    made = [(folder / name).read_bytes() for name in (overlap_cache.NAME, overlap_cache.SHINGLES)]
    assert zlib.decompress(made[0]) == zlib.decompress(kept[0]) and made[1] == kept[1]


def test_a_second_import_keeps_the_indexes_of_drafts_it_did_not_read(tmp_path: Path) -> None:
    texts = versions_of(BASE, 4)
    store = imported(tmp_path, texts)
    extra = tmp_path / "fifth.txt"
    extra.write_text(texts[1].replace("donors", "all donors"), encoding="utf-8")
    assert run("import", str(extra), "--store", str(store.root))[0] == 0
    assert indexed_blobs(store) == latest_blobs(store) and len(latest_blobs(store)) == 5
    first = outputs(store)
    without_caches(store)
    assert outputs(store) == first


def test_an_import_in_several_languages_keeps_no_overlap_index(tmp_path: Path) -> None:
    texts = versions_of(BASE, 3)
    french = texts[2].replace("symbol: A/C.3/79/L.12\n", "symbol: A/C.3/79/L.12\nlanguage: fr\n")
    assert "language: fr" in french
    store = imported(tmp_path, [*texts[:2], french])
    blobs = latest_blobs(store)
    assert cached_blobs(store) == (blobs, blobs, blobs)  # the other entries all kept
    assert indexed_blobs(store) == set()  # overlap compares one language's drafts
    first = outputs(store)
    assert indexed_blobs(store) == blobs  # made by overlap itself, as before
    without_caches(store)
    assert outputs(store) == first
