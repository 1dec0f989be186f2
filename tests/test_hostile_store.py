"""The hostile collaborator, part 1: what a push to the team's git host can hold.

Each test is one attack, named after it: a collaborator (or anyone with push access)
commits with plain git what redraft would never write, pushes it, and a delegate runs
redraft on the result. Nothing stored may be lost, nothing outside the store may be
read, written or run, and one bad draft must not stop the others being worked on.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from redraft.store import Store

from .cli_helpers import run
from .hostile import attacker_clone, bare_remote, draft, git, text, tree_files

ESCAPES = ("\x1b", "\x07", "\x9b", "\r")


@pytest.fixture
def team(tmp_path: Path) -> tuple[Store, Path]:
    """A delegate's store with two drafts, shared through a bare repository."""
    store = Store.init(tmp_path / "delegate")
    store.save("unodc", draft(), by="Brazil", date="2011-04-12")
    store.save("other", draft({0: "1. *Urges* States to act;"}), by="EU", date="2011-04-12")
    remote = bare_remote(tmp_path, store.root)
    git(store.root, "remote", "add", "origin", str(remote))
    git(store.root, "fetch", "-q", "origin")
    git(store.root, "branch", "-q", "--set-upstream-to=origin/main")
    return store, remote


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder of the delegate's that the store must never touch."""
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / "secret.txt").write_text("the delegation's fallback position\n")
    return folder


def push(work: Path, message: str = "update", by: str = "Mallory") -> None:
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", message, by=by)
    git(work, "push", "-q", "origin", "HEAD:main")


def test_drafts_folder_pushed_as_a_symlink(
    tmp_path: Path, team: tuple[Store, Path], outside: Path
) -> None:
    store, remote = team
    work = attacker_clone(tmp_path, remote)
    git(work, "rm", "-q", "-r", "drafts")
    (work / "drafts").symlink_to(outside)
    push(work)
    before = tree_files(outside)

    code, _, err = run("sync", "--store", str(store.root))
    assert code == 2
    assert "drafts is a symbolic link" in err and err.count("\n") == 1
    assert (store.root / "drafts").is_dir() and not (store.root / "drafts").is_symlink()
    code, _, err = run("save", "unodc", "-", "--store", str(store.root), stdin=text({1: "2. X;"}))
    assert code == 0, err  # the delegate keeps working, nothing of theirs is lost
    assert len(store.versions("unodc")) == 2

    # a new member clones with plain git: the link is checked out, redraft refuses it
    fresh = tmp_path / "newcomer"
    git(tmp_path, "clone", "-q", "-b", "main", str(remote), str(fresh))
    assert (fresh / "drafts").is_symlink()
    code, _, err = run("save", "unodc", "-", "--store", str(fresh), stdin=text({2: "3. Y;"}))
    assert code == 2 and "drafts: is a symbolic link" in err and err.count("\n") == 1
    code, _, err = run("init", str(fresh))
    assert code == 2 and "drafts: is a symbolic link" in err
    assert tree_files(outside) == before  # nothing written through the link
    assert git(fresh, "status", "--porcelain") == ""


def test_a_draft_file_pushed_as_a_symlink(
    tmp_path: Path, team: tuple[Store, Path], outside: Path
) -> None:
    store, remote = team
    work = attacker_clone(tmp_path, remote)
    (work / "drafts" / "unodc.txt").unlink()
    (work / "drafts" / "unodc.txt").symlink_to(outside / "secret.txt")
    push(work)
    before = tree_files(outside)

    code, _, err = run("sync", "--store", str(store.root))
    assert code == 2 and "drafts/unodc.txt is a symbolic link" in err

    fresh = tmp_path / "newcomer"
    git(tmp_path, "clone", "-q", "-b", "main", str(remote), str(fresh))
    code, _, err = run("save", "unodc", "-", "--store", str(fresh), stdin=text({1: "2. X;"}))
    assert code == 2 and "drafts/unodc.txt: is a symbolic link" in err
    code, out, err = run("list", "--store", str(fresh))
    assert code == 0 and "other" in out and "unodc" not in out  # the rest is listed
    assert err == "redraft: warning: drafts/unodc.txt: a symbolic link, not a draft; left out\n"
    assert "fallback" not in out + err  # the linked file is never read
    assert tree_files(outside) == before
    # the host repaired with plain git: the draft's history goes on, the link no version
    git(work, "revert", "--no-edit", "HEAD")
    git(work, "push", "-q", "origin", "HEAD:main")
    assert run("sync", "--store", str(store.root))[0] == 0
    assert [(v.number, v.by) for v in store.versions("unodc")] == [(1, "Brazil")]


def test_gitattributes_pushed_as_a_symlink_is_never_appended_to(
    tmp_path: Path, team: tuple[Store, Path], outside: Path
) -> None:
    _store, remote = team
    work = attacker_clone(tmp_path, remote)
    (work / ".gitattributes").unlink()
    (work / ".gitattributes").symlink_to(outside / "secret.txt")
    push(work)
    before = tree_files(outside)

    fresh = tmp_path / "newcomer"
    git(tmp_path, "clone", "-q", "-b", "main", str(remote), str(fresh))
    code, _, err = run("init", str(fresh))  # what the docs tell a new member to run
    assert code == 2
    assert err == (
        "redraft: error: .gitattributes: is a symbolic link; redraft never follows a link "
        "out of the store: replace it with the real file or folder ('git rm .gitattributes', "
        "then restore it)\n"
    )
    assert tree_files(outside) == before


def test_redraft_toml_pushed_as_a_symlink(
    tmp_path: Path, team: tuple[Store, Path], outside: Path
) -> None:
    _store, remote = team
    work = attacker_clone(tmp_path, remote)
    (work / "redraft.toml").unlink()
    (work / "redraft.toml").symlink_to(outside / "secret.txt")
    push(work)
    fresh = tmp_path / "newcomer"
    git(tmp_path, "clone", "-q", "-b", "main", str(remote), str(fresh))
    for args in (["list", "--store", str(fresh)], ["init", str(fresh)]):
        code, _, err = run(*args)
        assert code == 2 and "redraft.toml: is a symbolic link" in err
    assert "fallback" not in git(fresh, "log", "-p")  # never committed


def test_remote_name_beginning_with_dash_in_git_config_runs_nothing(
    tmp_path: Path, team: tuple[Store, Path]
) -> None:
    store, remote = team
    git(store.root, "remote", "remove", "origin")
    git(store.root, "config", "remote.--upload-pack=touch pwned;false.url", str(remote))
    code, _, err = run("sync", "--store", str(store.root))
    assert code == 2
    assert "remote '--upload-pack=touch pwned;false' in .git/config" in err
    assert not (store.root / "pwned").exists() and not Path("pwned").exists()
    # named as the branch's remote, it is refused the same way
    git(store.root, "config", "branch.main.remote", "--upload-pack=touch pwned;false")
    git(store.root, "remote", "add", "origin", str(remote))
    code, _, err = run("sync", "--store", str(store.root))
    assert code == 0, err  # origin is used: the configured odd name is never passed to git
    assert not (store.root / "pwned").exists()


def test_remote_named_on_the_command_line_beginning_with_dash(team: tuple[Store, Path]) -> None:
    store, _ = team
    code, _, err = run("sync", "--store", str(store.root), "--", "--upload-pack=touch pwned")
    assert code == 2 and "bad remote" in err
    assert not (store.root / "pwned").exists()


def test_draft_names_redraft_refuses_pushed_as_files(
    tmp_path: Path, team: tuple[Store, Path]
) -> None:
    store, remote = team
    work = attacker_clone(tmp_path, remote)
    for name in ("-rf", "\x1b[31mred\x1b[0m", "a b", "..x"):
        (work / "drafts" / f"{name}.txt").write_text(text())
    push(work)
    assert run("sync", "--store", str(store.root))[0] == 0
    code, out, err = run("list", "--store", str(store.root))
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["other", "unodc"]
    code, out, err = run("overlap", "--store", str(store.root), "--format", "json")
    assert code == 0 and '"-rf"' not in out
    assert not any(escape in out + err for escape in ESCAPES)


BAD_DRAFTS = {
    "not canonical": "---\nredraft: 1\n---\n\n        an indented line with no parent\n",
    "nested too deep": "---\nredraft: 1\n---\n\n"
    + "".join(f"{'    ' * depth}(a) Level {depth};\n\n" for depth in range(40)),
}


@pytest.mark.parametrize("attack", sorted(BAD_DRAFTS))
def test_one_bad_draft_pushed_leaves_the_rest_of_the_store_working(
    tmp_path: Path, team: tuple[Store, Path], attack: str
) -> None:
    store, remote = team
    work = attacker_clone(tmp_path, remote)
    (work / "drafts" / "broken.txt").write_text(BAD_DRAFTS[attack])
    push(work)
    assert run("sync", "--store", str(store.root))[0] == 0
    root = str(store.root)
    for args in (
        ["list", "--store", root],
        ["overlap", "--store", root],
        ["stats", "--store", root],
        ["check", "--store", root],
        ["report", "--store", root, "-o", str(tmp_path / "site")],
    ):
        code, out, err = run(*args)
        assert code in (0, 1), (args, err)  # check may find something; nothing stops
        assert "broken@1: stored text is not canonical text" in err, (args, err)
        assert "left out" in err
    code, out, _ = run("list", "--store", root)
    assert "unodc" in out and "other" in out and "broken" not in out
    assert (tmp_path / "site" / "index.html").exists()
    code, _, err = run("show", "broken", "--store", root)
    assert code == 2 and err.startswith("redraft: error: broken@1:") and err.count("\n") == 1


def test_escape_sequences_in_a_pushed_draft_message_and_author(
    tmp_path: Path, team: tuple[Store, Path]
) -> None:
    store, remote = team
    work = attacker_clone(tmp_path, remote)
    hostile = text({1: "2. *Urges* \x1b]0;owned\x07 States \x1b[2J to act\x9b31m now;"})
    (work / "drafts" / "unodc.txt").write_text(hostile)
    push(work, message="Edit \x1b[31mOP2\x1b[0m\x1b]0;title\x07", by="Mal\x1b[5mlory")
    assert run("sync", "--store", str(store.root))[0] == 0
    root = str(store.root)
    for args in (
        ["show", "unodc", "--store", root],
        ["log", "unodc", "--store", root],
        ["list", "--store", root],
        ["diff", "unodc", "--store", root],
        ["blame", "unodc", "--store", root],
        ["history", "unodc", "OP2", "--store", root],
        ["status", "unodc", "--store", root],
        ["stats", "unodc", "--store", root],
        ["log", "unodc", "--store", root, "--format", "json"],
        ["show", "unodc", "--store", root, "--format", "json"],
    ):
        code, out, err = run(*args)
        assert code in (0, 1), (args, err)
        leaked = [escape for escape in ESCAPES if escape in out + err]
        assert not leaked, (args, leaked)
    code, out, _ = run("show", "unodc", "--store", root)
    assert "\u241b]0;owned" in out  # shown, as a visible sign: nothing is hidden either
    code, out, _ = run("log", "unodc", "--store", root)
    assert "Mal\u241b[5mlory" in out


def test_init_in_a_clone_whose_remote_head_names_master(
    tmp_path: Path, team: tuple[Store, Path]
) -> None:
    store, _ = team
    remote = tmp_path / "github.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "master", str(remote))
    git(store.root, "remote", "add", "github", str(remote))
    assert run("sync", "github", "--store", str(store.root))[0] == 0
    clone = tmp_path / "colleague"
    git(tmp_path, "clone", "-q", str(remote), str(clone))  # "remote HEAD refers to nonexistent ref"
    assert not (clone / "redraft.toml").exists()
    code, out, err = run("init", str(clone))
    assert code == 0 and out == f"{clone} holds the team's store (branch main checked out): " + (
        "save drafts with 'redraft save NAME FILE'\n"
    )
    assert git(clone, "branch", "--show-current").strip() == "main"
    code, out, _ = run("list", "--store", str(clone))
    assert "unodc" in out and "other" in out
    code, _, err = run(
        "save", "unodc", "-", "--store", str(clone), "--by", "EU", stdin=text({3: "4. Z;"})
    )
    assert code == 0, err
    code, out, err = run("sync", "--store", str(clone))
    assert code == 0 and "synced with origin/main" in out, err
    assert git(remote, "branch", "--format=%(refname:short)").split() == ["main"]
    assert len(Store.open(clone).versions("unodc")) == 2


def test_sync_refuses_to_push_a_history_unrelated_to_the_remote(
    tmp_path: Path, team: tuple[Store, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, remote = team
    # made by someone else: two stores created in the same second by the same person
    # start with the same commit, and git rightly calls their histories related
    monkeypatch.setenv("REDRAFT_BY", "Someone else")
    # a fresh store on another branch name: the remote lacks that branch
    stray = tmp_path / "stray"
    stray.mkdir()
    git(stray, "init", "-q", "-b", "master")
    Store.init(stray).save("unodc", draft({0: "1. Other;"}), by="X")
    git(stray, "remote", "add", "origin", str(remote))
    code, _, err = run("sync", "--store", str(stray))
    assert code == 2 and "share no history with this store: nothing was pushed" in err
    assert git(remote, "branch", "--format=%(refname:short)").split() == ["main"]
    # and on the same branch name, as before
    other = Store.init(tmp_path / "other")
    other.save("unodc", draft({0: "1. Other;"}), by="X")
    git(other.root, "remote", "add", "origin", str(remote))
    code, _, err = run("sync", "--store", str(other.root))
    assert code == 2 and "shares no history" in err


def test_init_on_an_existing_store_never_commits_redraft_toml_edits(
    team: tuple[Store, Path],
) -> None:
    store, _ = team
    head = git(store.root, "rev-parse", "HEAD")
    config = store.root / "redraft.toml"
    config.write_text(config.read_text() + '\n[store]\nby = "my own, not yet shared"\n')
    code, out, _ = run("init", str(store.root))
    assert code == 0 and "is already a redraft store" in out
    assert git(store.root, "rev-parse", "HEAD") == head
    assert "my own" in config.read_text()
    assert git(store.root, "status", "--porcelain").strip() == "M redraft.toml"


def test_nothing_outside_the_test_folder_was_touched() -> None:
    assert not Path(os.getcwd(), "pwned").exists()


def test_drafts_deleted_by_a_push_then_restored_keep_their_history(
    tmp_path: Path, team: tuple[Store, Path]
) -> None:
    store, remote = team
    store.save("unodc", draft({1: "2. *Urges* States to act;"}), by="EU")
    git(store.root, "push", "-q", "origin", "main")
    work = attacker_clone(tmp_path, remote)
    git(work, "rm", "-q", "-r", "drafts")
    push(work, "wipe")
    git(work, "revert", "--no-edit", "HEAD")  # the team repairs the host with plain git
    git(work, "push", "-q", "origin", "HEAD:main")
    assert run("sync", "--store", str(store.root))[0] == 0
    assert [(v.number, v.by) for v in store.versions("unodc")] == [(1, "Brazil"), (2, "EU")]
    # a draft deleted and written again with another text starts over, as documented
    git(work, "rm", "-q", "drafts/other.txt")
    push(work, "drop other")
    (work / "drafts" / "other.txt").write_text(text({5: "6. *Decides* otherwise;"}))
    push(work, "other again")
    assert run("sync", "--store", str(store.root))[0] == 0
    assert [v.message for v in store.versions("other")] == ["other again"]
