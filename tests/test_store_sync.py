"""Plain git is the engine: two clones of a bare remote on disk share versions with sync."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from redraft import canonical
from redraft.cli import cli
from redraft.errors import StoreError
from redraft.model import Draft
from redraft.store import Store, SyncConflict

FRONT = "---\nredraft: 1\nlanguage: en\n---\n\n"
PARAGRAPHS = [f"{n}. *Requests* the Secretariat to act on point {n};" for n in range(1, 9)]


def draft(edits: dict[int, str] | None = None) -> Draft:
    paragraphs = list(PARAGRAPHS)
    for index, new in (edits or {}).items():
        paragraphs[index] = new
    return canonical.parse(FRONT + "> *The General Assembly*,\n\n" + "\n\n".join(paragraphs) + "\n")


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture
def team(tmp_path: Path) -> tuple[Store, Store, Path]:
    """A store pushed to a bare remote, and two delegates' clones of it."""
    origin = Store.init(tmp_path / "origin-work")
    origin.save("unodc", draft(), by="Brazil", symbol="E/CN.15/2011/L.3", date="2011-04-12")
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(origin.root), str(remote)], check=True)
    clones = []
    for who in ("eu", "g77"):
        subprocess.run(["git", "clone", "-q", str(remote), str(tmp_path / who)], check=True)
        clones.append(Store.open(tmp_path / who))
    return clones[0], clones[1], remote


def every_version(store: Store) -> dict[str, list[tuple[str, str, str]]]:
    return {
        name: [(v.by, v.date, v.blob) for v in versions]
        for name, versions in store.all_versions().items()
    }


def test_versions_made_in_two_clones_end_up_in_both(team: tuple[Store, Store, Path]) -> None:
    eu, g77, remote = team
    eu.save(
        "unodc",
        draft({0: "1. *Requests* the Secretariat to act at once on point 1;"}),
        by="EU",
        date="2011-04-13",
    )
    eu.save("eu-proposal", draft(), by="EU", date="2011-04-13")
    g77.save(
        "unodc",
        draft({7: "8. *Requests* the Secretariat to act on point 8 and report;"}),
        by="Group of 77 and China",
        date="2011-04-14",
    )
    g77.save("g77-proposal", draft(), by="Group of 77 and China", date="2011-04-14")

    first = eu.sync()
    assert (first.received, first.sent, first.rebased) == (0, 2, False)
    second = g77.sync()
    assert (second.received, second.sent, second.rebased) == (2, 2, True)
    third = eu.sync()
    assert (third.received, third.sent) == (2, 0)

    assert every_version(eu) == every_version(g77)
    assert sorted(eu.names()) == ["eu-proposal", "g77-proposal", "unodc"]
    assert [(v.number, v.by, v.day) for v in eu.versions("unodc")] == [
        (1, "Brazil", "2011-04-12"),
        (2, "EU", "2011-04-13"),
        (3, "Group of 77 and China", "2011-04-14"),
    ]
    # Both edits of the same draft are kept: the rebased version holds EU's and G77's.
    latest = eu.read("unodc").draft
    assert "at once" in latest.find("OP1").text and "and report" in latest.find("OP8").text
    assert (
        git(remote, "rev-parse", "main")
        == git(eu.root, "rev-parse", "HEAD")
        == git(g77.root, "rev-parse", "HEAD")
    )
    for store in (eu, g77):
        assert git(store.root, "status", "--porcelain") == ""
        git(store.root, "fsck", "--no-dangling")


def test_a_conflict_stops_sync_and_leaves_both_sides_recoverable(
    team: tuple[Store, Store, Path],
) -> None:
    eu, g77, remote = team
    eu.save("unodc", draft({2: "3. *Urges* the Secretariat to act on point 3;"}), by="EU")
    g77.save("unodc", draft({2: "3. *Invites* the Secretariat to consider point 3;"}), by="G77")
    eu.sync()
    before = git(g77.root, "rev-parse", "HEAD")
    remote_before = git(remote, "rev-parse", "main")

    result = CliRunner().invoke(cli, ["sync", "--store", str(g77.root)])
    assert result.exit_code == 1
    message = result.stderr.strip()
    assert message.startswith(
        "redraft: error: sync stopped: drafts/unodc.txt changed both here and on origin"
    )
    assert "nothing was pushed" in message and "git merge origin/main" in message
    assert len(message.splitlines()) == 1

    assert git(g77.root, "rev-parse", "HEAD") == before  # local versions untouched
    assert git(remote, "rev-parse", "main") == remote_before  # remote untouched, never forced
    assert (
        not (g77.git_dir / "rebase-merge").exists() and git(g77.root, "status", "--porcelain") == ""
    )
    assert "Urges" in git(g77.root, "show", "origin/main:drafts/unodc.txt")  # theirs, fetched
    assert g77.read("unodc").draft.find("OP3").text.startswith("Invites")


def test_sync_refuses_to_run_over_unsaved_edits(team: tuple[Store, Store, Path]) -> None:
    eu, _, _ = team
    path = eu.root / "drafts" / "unodc.txt"
    path.write_text(path.read_text().replace("point 1;", "point one;"))
    with pytest.raises(StoreError, match="drafts/unodc.txt has changes no version holds"):
        eu.sync()


def test_sync_to_an_empty_remote_creates_its_branch(tmp_path: Path) -> None:
    store = Store.init(tmp_path / "s")
    store.save("unodc", draft(), by="EU")
    remote = tmp_path / "empty.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git(store.root, "remote", "add", "origin", str(remote))
    result = store.sync()
    assert result.sent == 2 and git(remote, "rev-parse", "main") == git(
        store.root, "rev-parse", "HEAD"
    )


def test_conflict_is_exit_code_1() -> None:
    assert SyncConflict("x").exit_code == 1


def test_an_unreachable_remote_is_one_line_exit_2(
    team: tuple[Store, Store, Path], tmp_path: Path
) -> None:
    eu, _, _ = team
    for remote, message in (
        (str(tmp_path / "nowhere.git"), "cannot fetch from"),
        ("--upload-pack=x", "bad remote"),
    ):
        result = CliRunner().invoke(cli, ["sync", "--store", str(eu.root), "--", remote])
        assert result.exit_code == 2 and message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_the_suggested_resolution_makes_the_merged_text_the_latest_version(
    team: tuple[Store, Store, Path],
) -> None:
    eu, g77, remote = team
    eu.save("unodc", draft({2: "3. *Urges* the Secretariat to act on point 3;"}), by="EU")
    g77.save("unodc", draft({2: "3. *Invites* the Secretariat to consider point 3;"}), by="G77")
    eu.sync()
    with pytest.raises(SyncConflict):
        g77.sync()
    # What the message says: git merge, fix the draft, git commit -a, redraft sync.
    subprocess.run(["git", "merge", "-q", "origin/main"], cwd=g77.root, capture_output=True)
    settled = canonical.render(draft({2: "3. *Urges* the Secretariat to consider point 3;"}))
    (g77.root / "drafts" / "unodc.txt").write_text(settled)
    git(
        g77.root,
        "-c",
        "user.name=G77",
        "-c",
        "user.email=g@example.org",
        "commit",
        "-qam",
        "Settled",
    )
    assert g77.sync().sent >= 1
    eu.sync()
    for store in (eu, g77):
        latest = store.versions("unodc")[-1]
        assert latest.message == "Settled" and store.read("unodc").draft.find(
            "OP3"
        ).text.startswith("Urges the Secretariat to consider")
    assert {v.by for v in eu.versions("unodc")} >= {"Brazil", "EU", "G77"}


def test_the_remote_is_the_branch_s_then_origin_then_the_only_one(
    team: tuple[Store, Store, Path], tmp_path: Path
) -> None:
    eu, _, remote = team
    git(eu.root, "remote", "rename", "origin", "hub")
    git(eu.root, "config", "--unset", "branch.main.remote")
    assert eu.sync().remote == "hub"  # the only remote
    git(eu.root, "remote", "add", "mirror", str(remote))
    with pytest.raises(StoreError, match=r"several remotes \(hub, mirror\)"):
        eu.sync()
    git(eu.root, "config", "branch.main.remote", "mirror")
    assert eu.sync().remote == "mirror"  # the branch's remote first
    git(eu.root, "config", "--unset", "branch.main.remote")
    git(eu.root, "remote", "rename", "mirror", "origin")
    assert eu.sync().remote == "origin"


def test_sync_in_a_detached_head_or_during_a_rebase_is_refused(
    team: tuple[Store, Store, Path],
) -> None:
    eu, _, _ = team
    git(eu.root, "checkout", "-q", "--detach")
    with pytest.raises(StoreError, match="detached HEAD"):
        eu.sync()
    git(eu.root, "checkout", "-q", "main")
    (eu.git_dir / "rebase-merge").mkdir()
    with pytest.raises(StoreError, match="rebase or merge is in progress"):
        eu.sync()
