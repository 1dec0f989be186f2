"""``status --by-version`` keeps each version's totals in the store's cache
(resolve/progress_cache.py): the result is what counting every version gives, the
configuration's vocabulary is part of the key, and a damaged entry is ignored."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from redraft.demo.status import NAME, record
from redraft.negotiation.status import Progress, status_by_version
from redraft.resolve import negotiation as api
from redraft.resolve.cache import FOLDER, code_digest
from redraft.resolve.progress_cache import KIND
from redraft.store import Store

ENTRY = f"{FOLDER}/progress/{NAME}"


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    record(Store.init(root))
    return root


def _counted(root: Path) -> Progress:
    """Every version read and counted, without the cache."""
    return status_by_version(NAME, Store.open(root).history(NAME), api._config(root))


def _entry(root: Path) -> Path:
    return root / ".git" / ENTRY


def test_cached_totals_give_the_same_progress(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _counted(root)
    assert api.progress_of(NAME, root) == expected  # cold: counted, then kept
    assert _entry(root).is_file()
    read: list[int] = []
    drafts = Store.drafts

    def counting(self: Store, versions: list, *args: object) -> list:  # type: ignore[type-arg]
        read.append(len(versions))
        return drafts(self, versions, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "drafts", counting)
    assert api.progress_of(NAME, root) == expected  # warm: only the latest text is read
    assert read == [1]


def test_a_change_of_vocabulary_counts_again(root: Path) -> None:
    before = api.progress_of(NAME, root)
    with (root / "redraft.toml").open("a", encoding="utf-8") as config:
        config.write('\n[negotiation]\nagreed-ad-ref = ["no such marker"]\n')
    after = api.progress_of(NAME, root)
    assert after == _counted(root)
    assert [v.totals for v in after.versions] != [v.totals for v in before.versions]


@pytest.mark.parametrize(
    "data",
    [
        b"not zlib at all",
        zlib.compress(b"{not json"),
        zlib.compress(json.dumps([1, 2]).encode()),
    ],
)
def test_a_damaged_entry_is_ignored(root: Path, data: bytes) -> None:
    api.progress_of(NAME, root)
    _entry(root).write_bytes(data)
    assert api.progress_of(NAME, root) == _counted(root)


def test_an_entry_with_bad_rows_is_counted_again(root: Path) -> None:
    expected = api.progress_of(NAME, root)
    document = json.loads(zlib.decompress(_entry(root).read_bytes()))
    assert document["kind"] == KIND and document["code"] == code_digest()
    for blob in document["body"]["totals"]:
        document["body"]["totals"][blob] = [1, 2, "three"]
    _entry(root).write_bytes(zlib.compress(json.dumps(document).encode()))
    assert api.progress_of(NAME, root) == expected
    document["body"]["totals"] = "not a mapping"
    _entry(root).write_bytes(zlib.compress(json.dumps(document).encode()))
    assert api.progress_of(NAME, root) == expected
