"""Nothing lost: concurrent saves, saves killed with SIGKILL, stale locks (real processes)."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from redraft.store import Store
from redraft.store.files import git_running_in

FRONT = "---\nredraft: 1\nlanguage: en\n---\n\n"


def text(n: int, words: int = 40) -> str:
    body = " ".join(f"word{n}x{i}" for i in range(words))
    return FRONT + f"> *The General Assembly*,\n\n1. *Urges* {body};\n\n2. *Decides* version {n}.\n"


def save_process(root: Path, name: str, file: Path, **popen: object) -> subprocess.Popen[bytes]:
    env = {**os.environ, "REDRAFT_BY": "EU", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "redraft", "save", name, str(file), "--store", str(root)]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, **popen
    )  # type: ignore[call-overload]


def fsck_clean(root: Path) -> None:
    done = subprocess.run(
        ["git", "fsck", "--full", "--no-dangling"], cwd=root, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert not any(
        word in done.stdout + done.stderr for word in ("error", "missing", "broken", "corrupt")
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.init(tmp_path / "store")


def test_concurrent_saves_all_land(store: Store, tmp_path: Path) -> None:
    files = []
    for n in range(4):
        files.append(tmp_path / f"v{n}.txt")
        files[-1].write_text(text(n))
    # Two drafts, two processes each, all started at once.
    procs = [save_process(store.root, f"d{n % 2}", f) for n, f in enumerate(files)]
    results = [p.communicate(timeout=60) + (p.returncode,) for p in procs]
    assert all(code == 0 for _, _, code in results), results
    assert [len(store.versions(name)) for name in ("d0", "d1")] == [2, 2]
    fsck_clean(store.root)
    assert (
        subprocess.run(
            ["git", "status", "--porcelain"], cwd=store.root, capture_output=True, text=True
        ).stdout
        == ""
    )


@pytest.mark.parametrize("group", [False, True], ids=["kill-redraft", "kill-redraft-and-git"])
def test_sigkill_at_any_moment_leaves_a_consistent_store(
    store: Store, tmp_path: Path, group: bool
) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_text(text(0, words=3000))
    start = time.monotonic()
    with save_process(store.root, "d", seed) as first:  # closes its pipes
        assert first.wait(timeout=60) == 0
    # Kill moments spread over the time a whole save takes on this machine right now.
    took = time.monotonic() - start
    delays = [took * f for f in (0.0, 0.2, 0.4, 0.55, 0.7, 0.8, 0.9, 1.0, 1.2)]
    for n, delay in enumerate(delays, start=1):
        file = tmp_path / f"v{n}.txt"
        file.write_text(text(n, words=3000))
        with save_process(store.root, "d", file, start_new_session=True) as proc:
            time.sleep(delay)
            if group:
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
        time.sleep(0.05)  # orphaned git children of a killed save finish on their own
        fsck_clean(store.root)
        versions = store.versions("d")
        texts = [draft for _, draft in store.history("d")]  # every version reads back whole
        assert len(texts) == len(versions) >= 1
    # The next save works and lands on top of whatever survived.
    before = len(store.versions("d"))
    final = tmp_path / "final.txt"
    final.write_text(text(99))
    proc = save_process(store.root, "d", final)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert len(store.versions("d")) == before + 1
    assert store.read("d").draft.find("OP2").text == "Decides version 99."
    fsck_clean(store.root)
    # The working tree and index caught up too: nothing half-written is left in view.
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"],
        cwd=store.root,
        capture_output=True,
        text=True,
        check=True,
    )
    assert status.stdout == ""


def test_stale_git_locks_left_by_killed_processes_are_recovered(
    store: Store, tmp_path: Path
) -> None:
    stale = time.time() - 3600
    for lock in (store.git_dir / "refs" / "heads" / "main.lock", store.git_dir / "index.lock"):
        lock.parent.mkdir(parents=True, exist_ok=True)
        lock.write_text("")
        os.utime(lock, (stale, stale))
    file = tmp_path / "v.txt"
    file.write_text(text(1))
    proc = save_process(store.root, "d", file)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert b"removed main.lock" in err and b"removed index.lock" in err
    assert len(store.versions("d")) == 1
    fsck_clean(store.root)


def test_a_fresh_lock_a_killed_git_left_is_removed_when_no_git_runs_there(
    store: Store, tmp_path: Path
) -> None:
    # kill -9 of a save's process group leaves index.lock just written: with no git
    # running in the store, the next save removes it and updates the index at once
    for lock in (store.git_dir / "refs" / "heads" / "main.lock", store.git_dir / "index.lock"):
        lock.parent.mkdir(parents=True, exist_ok=True)
        lock.write_text("")
    file = tmp_path / "v.txt"
    file.write_text(text(1))
    proc = save_process(store.root, "d", file)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert b"removed main.lock" in err and b"removed index.lock" in err
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=store.root, capture_output=True, text=True
    )
    assert status.stdout == ""


@pytest.mark.skipif(not Path("/proc/self/cwd").exists(), reason="needs Linux's /proc")
def test_a_live_git_in_the_store_is_seen_and_one_elsewhere_is_not(
    store: Store, tmp_path: Path
) -> None:
    assert not git_running_in(store.root)
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    subprocess.run(["git", "init", "-q", str(elsewhere)], check=True)
    for where, seen in ((elsewhere, False), (store.root, True)):
        # cat-file --batch waits on its input: a git process alive in ``where``
        live = subprocess.Popen(
            ["git", "-C", str(where), "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        try:
            time.sleep(0.2)  # let it start and change to its directory
            assert git_running_in(store.root) is seen
        finally:
            live.communicate(b"", timeout=10)
    assert not git_running_in(store.root)


def test_a_busy_store_makes_a_writer_wait_then_give_up_in_one_line(
    store: Store, tmp_path: Path
) -> None:
    file = tmp_path / "v.txt"
    file.write_text(text(1))
    handle = os.open(store.git_dir / "redraft.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(handle, fcntl.LOCK_EX)
    try:
        env = {**os.environ, "REDRAFT_LOCK_TIMEOUT": "0.3"}
        done = subprocess.run(
            [sys.executable, "-m", "redraft", "save", "d", str(file), "--store", str(store.root)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
    finally:
        os.close(handle)
    assert done.returncode == 2
    assert (
        done.stderr.strip()
        == "redraft: error: the store is busy (another redraft is writing); try again"
    )
    assert store.versions("d") == []
