"""``redraft stats`` over the whole store keeps each text's figures in the store's cache
(redraft.resolve.stats_cache): the figures are those of a fresh count, cold or warm,
after a new version or another page size, and a damaged cache is ignored."""

from __future__ import annotations

from pathlib import Path

from redraft import canonical
from redraft.measure.stats import draft_stats
from redraft.resolve import cache as cache_module
from redraft.resolve.stats import stats_report
from redraft.resolve.stats_cache import KIND, NAME
from redraft.store import Store

from .cli_helpers import run
from .test_scale_caches import BASE, build_store, versions_of


def fresh(store: Store, words_per_page: int = 530) -> list[object]:
    """The figures counted from the parsed texts, without the cache."""
    out = []
    for name, versions in sorted(store.all_versions().items()):
        draft = store.drafts([versions[-1]])[0]
        out.append(draft_stats(draft, name, words_per_page))
    return out


def cached(root: Path, words_per_page: int = 530) -> list[object]:
    return list(stats_report([], store=root, words_per_page=words_per_page).drafts)


def test_cold_and_warm_give_the_fresh_figures(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", versions_of(BASE, 3))
    assert store.load_cache(f"{cache_module.FOLDER}/{NAME}") is None
    assert cached(store.root) == fresh(store)  # cold: counted, then kept
    assert store.load_cache(f"{cache_module.FOLDER}/{NAME}") is not None
    assert cached(store.root) == fresh(store)  # warm: read back


def test_a_new_version_or_another_page_size_is_counted_again(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", versions_of(BASE, 2))
    before = cached(store.root)
    longer = BASE + "\n4. *Decides* to remain seized of the matter and to meet again;\n"
    store.save("other", canonical.parse(longer), by="Japan", date="2011-04-20")
    after = cached(store.root)
    assert after == fresh(store) and after != before
    assert cached(store.root, 100) == fresh(store, 100)
    assert [row.pages for row in cached(store.root, 100)] != [row.pages for row in after]


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", versions_of(BASE, 2))
    want = fresh(store)
    cached(store.root)
    path = store.git_dir / cache_module.FOLDER / NAME
    path.write_bytes(path.read_bytes()[:40])  # cut short
    assert cached(store.root) == want
    path.write_bytes(b"not a cache")
    assert cached(store.root) == want
    keys = [f"{v[-1].blob}:530" for v in store.all_versions().values()]
    bad: list[object] = [[1, 2], ["x"] * 12, [*[1] * 8, [["OP1", "many"]], [], "", ""]]
    entries = dict(zip(keys, bad, strict=False))
    cache_module.save_document(store, NAME, KIND, {"entries": entries})
    assert cached(store.root) == want
    cache_module.save_document(store, NAME, KIND, {"entries": ["not", "a", "mapping"]})
    assert cached(store.root) == want


def test_cli_stats_with_a_damaged_cache_prints_the_same(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s", versions_of(BASE, 3))
    args = ["stats", "--store", str(store.root), "--format", "json", "--paragraphs"]
    cold = run(*args)
    warm = run(*args)
    (store.git_dir / cache_module.FOLDER / NAME).write_bytes(b"\x00garbage")
    damaged = run(*args)  # a traceback fails the test
    assert cold == warm == damaged
    assert cold[0] == 0 and not cold[2]
