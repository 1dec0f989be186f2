"""A ref lock left by a git process killed mid-save (kill -9 of the whole process
group) is cleared by the next save, even when it is only seconds old: the saver holds
the store's writer lock, and git holds a ref lock for milliseconds."""

from __future__ import annotations

import os
import time
from pathlib import Path

from redraft import canonical
from redraft.store import Store

TEXT = "---\nredraft: 1\nlanguage: en\n---\n\n> The General Assembly,\n\n1. *Decides* {}.\n"


def test_a_young_ref_lock_of_a_killed_git_does_not_block_the_next_save(tmp_path: Path) -> None:
    store = Store.init(tmp_path / "store")
    store.save("d", canonical.parse(TEXT.format("one")), by="EU")
    lock = store.git_dir / "refs" / "heads" / "main.lock"
    lock.write_text("")
    two_seconds_ago = time.time() - 2
    os.utime(lock, (two_seconds_ago, two_seconds_ago))
    version = store.save("d", canonical.parse(TEXT.format("two")), by="EU")
    assert version is not None and version.number == 2
    assert not lock.exists()
    assert any("main.lock" in warning for warning in store.warnings)
