"""Many drafts saved at once (``redraft import``): one commit, one pack, each draft with
its own symbol and sponsors; loose objects packed once there are many (issue 17)."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from redraft import canonical
from redraft.errors import InputError
from redraft.store import Incoming, Store
from redraft.store import repository as repository_module
from redraft.store.revisions import decode_version_message, encode_batch_message

from .cli_helpers import run

TEXT = """---
redraft: 1
symbol: {symbol}
sponsors: ["{sponsor}"]
---

## Draft {n}

> *The General Assembly*,

1. *Urges* Member States to act on item {n};
"""


def draft(n: int, symbol: str = "", sponsor: str = "Austria") -> canonical.Draft:
    return canonical.parse(TEXT.format(n=n, symbol=symbol or f"A/C.3/79/L.{n}", sponsor=sponsor))


def git(store: Store, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=store.root, capture_output=True, text=True, check=True
    ).stdout


def test_many_drafts_one_commit_each_with_its_own_metadata(tmp_path: Path) -> None:
    store = Store.init(tmp_path / "s")
    items = [Incoming(f"d{n:02d}", draft(n, sponsor=f"Country {n}"), "x") for n in range(20)]
    saved = store.save_many(items, by="Secretariat")
    assert all(version is not None and version.number == 1 for _, version in saved)
    assert git(store, "rev-list", "--count", "HEAD").strip() == "2"  # set-up + one
    in_pack = int(git(store, "count-objects", "-v").split("in-pack: ")[1].split()[0])
    assert in_pack >= 22  # 20 blobs, their tree, the commit: one pack, not loose files
    for n in (0, 7, 19):
        version = store.versions(f"d{n:02d}")[-1]
        assert (version.symbol, version.sponsors) == (f"A/C.3/79/L.{n}", (f"Country {n}",))
        assert version.by == "Secretariat" and version.message == ""
        assert store.read(f"d{n:02d}").draft == store.drafts([version])[0]
    assert not git(store, "status", "--porcelain")  # working tree and index in step


def test_saving_again_records_only_what_changed(tmp_path: Path) -> None:
    store = Store.init(tmp_path / "s")
    items = [Incoming(f"d{n}", draft(n), "x") for n in range(12)]
    store.save_many(items, by="EU")
    again = [Incoming(f"d{n}", draft(n), "x") for n in range(12)]
    again[3] = Incoming("d3", draft(33), "x")
    saved = store.save_many(again, by="EU", message="Rev.1 of d3")
    changed = [(item.name, v.number) for item, v in saved if v is not None]
    assert changed == [("d3", 2)]
    assert store.versions("d3")[-1].message == "Rev.1 of d3"
    # a version without symbol keeps the draft's symbol, as 'save' does
    plain = Incoming("d4", replace(draft(44), meta=replace(draft(44).meta, symbol="")), "x")
    store.save_many([plain, Incoming("d5", draft(55), "x")], by="EU")
    assert store.versions("d4")[-1].symbol == "A/C.3/79/L.4"


def test_batch_refuses_the_same_name_twice_and_case_clashes(tmp_path: Path) -> None:
    store = Store.init(tmp_path / "s")
    with pytest.raises(InputError):
        store.save_many([Incoming("a", draft(1), "x"), Incoming("a", draft(2), "y")])
    store.save("Alpha", draft(1), by="EU")
    with pytest.raises(InputError):
        store.save_many(
            [Incoming(f"n{i}", draft(i), "x") for i in range(9)]
            + [Incoming("alpha", draft(2), "x")]
        )
    with pytest.raises(InputError, match="already has 'Beta'"):  # within one batch
        store.save_many([Incoming("Beta", draft(3), "x"), Incoming("beta", draft(4), "y")])
    assert store.names() == ["Alpha"]  # nothing recorded


def test_batch_trailers_read_back() -> None:
    entries = [("a", "A/1", ("X", "Y; Z")), ("b-2", "", ())]
    text = encode_batch_message(entries, message="", by="EU", tool="test")
    message, trailers, metas = decode_version_message(text)
    assert message == "" and trailers["by"] == "EU"
    assert metas == {"a": ("A/1", ("X", "Y; Z")), "b-2": ("", ())}
    damaged = text.replace('{"symbol": "A/1"', '{"symbol": ')
    assert "a" not in decode_version_message(damaged)[2]


def test_loose_objects_are_packed_once_many(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repository_module, "LOOSE_LIMIT", 16)
    store = Store.init(tmp_path / "s")
    for n in range(12):
        store.save("d", draft(n), by="EU")
    counts = git(store, "count-objects", "-v")
    assert int(counts.split("count: ")[1].split()[0]) < 16 * 4
    assert "packs: 0" not in counts
    assert [v.number for v in store.versions("d")] == list(range(1, 13))
    assert store.read("d", "3").draft == draft(2)


def test_import_cli_one_commit(tmp_path: Path) -> None:
    files = []
    for n in range(10):
        path = tmp_path / f"draft-{n}.txt"
        path.write_text(TEXT.format(n=n, symbol=f"A/C.3/79/L.{n}", sponsor="Chile"))
        files.append(str(path))
    store = tmp_path / "s"
    Store.init(store)
    code, out, err = run("import", *files, "--store", str(store), "--by", "EU")
    assert code == 0 and "10 of 10 drafts saved" in out
    assert err == ""  # no progress bar on a pipe
    code, out, _ = run("log", "draft-3", "--store", str(store))
    assert "A/C.3/79/L.3" in out and "first version" in out


def _import_on_a_terminal(tmp_path: Path, extra: list[str], stdout: int | None) -> bytes:
    """stderr of ``redraft import`` on a pseudo-terminal (stdout: None for the terminal
    too, or subprocess.PIPE for a pipe)."""
    import os
    import pty
    import sys

    files = []
    for n in range(30):
        path = tmp_path / f"d{n}.txt"
        path.write_text(TEXT.format(n=n, symbol=f"A/C.3/79/L.{n}", sponsor="Chile"))
        files.append(str(path))
    store = tmp_path / f"s{len(extra)}{stdout}"
    Store.init(store)
    leader, follower = pty.openpty()
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "TERM": "xterm", "COLUMNS": "100"}
    command = [sys.executable, "-m", "redraft", "import", *files, "--store", str(store), *extra]
    proc = subprocess.Popen(
        command,
        stdout=stdout if stdout is not None else follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    proc.communicate()
    os.close(leader)
    assert proc.returncode == 0
    return shown


def test_progress_bar_on_a_terminal_none_piped_or_quiet(tmp_path: Path) -> None:
    pytest.importorskip("pty")
    assert b"Saving drafts" in _import_on_a_terminal(tmp_path, [], None)
    assert b"Saving drafts" not in _import_on_a_terminal(tmp_path, ["--quiet"], None)
    assert b"Saving drafts" not in _import_on_a_terminal(tmp_path, [], subprocess.PIPE)
