"""``redraft check`` over the whole store keeps each text's own findings (length and
structure rules) and metadata in the store's cache (redraft.resolve.check_cache): the
result is the one of a run that reads every text, cold or warm, after a new version or
with another config, and a damaged cache is ignored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from redraft import canonical
from redraft.config import load_config
from redraft.measure.check import CheckResult
from redraft.resolve import cache as cache_module
from redraft.resolve.check_cache import KIND, NAME
from redraft.resolve.checks import run_check
from redraft.store import Store

from .cli_helpers import run
from .test_scale_caches import BASE, build_store, versions_of

TODAY = dt.date(2011, 5, 1)
CONFIG = """[check]
max_words = 60
max_paragraph_words = 12
operative_openers = ["Urges", "Requests"]

[session]
start = "2011-04-20"
languages = ["fr"]
"""


def make(tmp_path: Path) -> Store:
    store = build_store(tmp_path / "s", versions_of(BASE, 3))
    fr = BASE.replace("symbol: A/C.3/79/L.12", "symbol: A/C.3/79/L.12\nlanguage: fr")
    store.save("other.fr", canonical.parse(fr), by="France", date="2011-04-12")
    return store


def whole(store: Store, config: Path | None = None) -> CheckResult:
    return run_check([], store=store.root, config_file=config, today=TODAY)[0]


def every_text_read(store: Store, config: Path | None = None) -> CheckResult:
    """The same drafts named one by one: the path that reads each text."""
    names = sorted(store.all_versions())
    return run_check(names, store=store.root, config_file=config, today=TODAY)[0]


def config_file(tmp_path: Path, text: str = CONFIG) -> Path:
    path = tmp_path / "redraft.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_cold_and_warm_give_the_result_of_reading_every_text(tmp_path: Path) -> None:
    store = make(tmp_path)
    config = config_file(tmp_path)
    want = every_text_read(store, config)
    assert want.violations  # the config finds something
    assert store.load_cache(f"{cache_module.FOLDER}/{NAME}") is None
    assert whole(store, config) == want  # cold
    assert store.load_cache(f"{cache_module.FOLDER}/{NAME}") is not None
    assert whole(store, config) == want  # warm
    assert whole(store) == every_text_read(store)  # the store's own config: another cache


def test_a_new_version_or_another_config_is_checked_again(tmp_path: Path) -> None:
    store = make(tmp_path)
    config = config_file(tmp_path)
    before = whole(store, config)
    longer = BASE + "\n4. *Decides* to remain seized of the matter and to meet again soon;\n"
    store.save("other", canonical.parse(longer), by="Japan", date="2011-04-20")
    after = whole(store, config)
    assert after == every_text_read(store, config) and after != before
    looser = config_file(tmp_path, CONFIG.replace("max_words = 60", "max_words = 6000"))
    assert whole(store, looser) == every_text_read(store, looser) != after


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    store = make(tmp_path)
    config = config_file(tmp_path)
    want = every_text_read(store, config)
    whole(store, config)
    path = store.git_dir / cache_module.FOLDER / NAME
    path.write_bytes(path.read_bytes()[:50])  # cut short
    assert whole(store, config) == want
    path.write_bytes(b"not a cache")
    assert whole(store, config) == want
    blobs = [v[-1].blob for v in store.all_versions().values()]
    short_finding = [3, [["max_words"]], [], ["", "", "en", "", ""], [], []]
    bad: list[object] = [[1, 2], ["x"] * 6, short_finding]
    same_config = repr(load_config(config, store.root).check)
    body = {"config": same_config, "entries": dict(zip(blobs, bad, strict=False))}
    cache_module.save_document(store, NAME, KIND, body)
    assert whole(store, config) == want


def test_cli_check_with_a_damaged_cache_prints_the_same(tmp_path: Path) -> None:
    store = make(tmp_path)
    config = config_file(tmp_path)
    args = ["check", "--store", str(store.root), "--config", str(config), "--today", "2011-05-01"]
    cold = run(*args, "--format", "json")
    warm = run(*args, "--format", "json")
    (store.git_dir / cache_module.FOLDER / NAME).write_bytes(b"\x00garbage")
    damaged = run(*args, "--format", "json")  # a traceback fails the test
    assert cold == warm == damaged
    assert cold[0] == 1
