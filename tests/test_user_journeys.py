"""End-to-end journeys a delegate or secretariat officer takes through the CLI, each
pinned by a problem found while trying redraft as its users would."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .cli_helpers import run

FRONT = "---\nredraft: 1\nlanguage: en\n---\n\n"
L3 = (
    FRONT
    + "## Governance of UNODC\n\n> *The General Assembly*,\n\n"
    + "1. *Urges* Member States to act;\n\n2. *Decides* to remain seized of the matter.\n"
)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("REDRAFT_STORE", raising=False)
    monkeypatch.setenv("REDRAFT_BY", "Secretariat")
    root = tmp_path / "store"
    assert run("init", str(root))[0] == 0
    monkeypatch.chdir(root)
    (tmp_path / "l3.txt").write_text(L3)
    return root


def test_a_store_with_a_broken_head_is_reported_not_shown_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The store sits inside another repository: git must not wander up to it and read
    # (or commit to) the enclosing repository when the store's own .git is broken.
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.delenv("REDRAFT_STORE", raising=False)
    root = tmp_path / "inner"
    assert run("init", str(root))[0] == 0
    monkeypatch.chdir(root)
    (tmp_path / "l3.txt").write_text(L3)
    assert run("save", "unodc", str(tmp_path / "l3.txt"), "--by", "EU")[0] == 0
    (root / ".git" / "HEAD").write_text("garbage\n")

    code, out, err = run("list")
    assert (code, out) == (2, "")
    assert err.startswith("redraft: error: ") and "corrupted store" in err
    code, _, err = run("save", "unodc", str(tmp_path / "l3.txt"), "--by", "EU")
    assert code == 2
    assert "corrupted store: .git/HEAD is neither a branch nor a commit" in err
    code, _, err = run("log", "unodc")
    assert code == 2 and "corrupted store" in err and "no such draft" not in err


def test_merge_drafts_of_identical_texts_says_identical_for_the_front_too(store: Path) -> None:
    l3 = str(store.parent / "l3.txt")
    code, out, _ = run("merge-drafts", l3, l3, "--format", "json")
    assert code == 0
    rows = json.loads(out)["provenance"]
    assert [(r["label"], r["how"], r["b"]) for r in rows[:2]] == [
        ("title", "identical", "title"),
        ("formula", "identical", "formula"),
    ]
    assert {r["how"] for r in rows} == {"identical"}


def test_diff_of_a_draft_with_one_version_says_so(store: Path) -> None:
    assert run("save", "unodc", str(store.parent / "l3.txt"), "--by", "EU")[0] == 0
    code, out, err = run("diff", "unodc")
    assert (code, out) == (2, "")
    assert err == (
        "redraft: error: unodc has only one version: nothing to compare it with "
        "(give two drafts or revisions: 'redraft diff unodc FILE')\n"
    )
    # an unknown draft is still reported as unknown, not as a one-version draft
    code, _, err = run("diff", "nosuch")
    assert code == 2 and "nosuch: no such file, nor a draft of that name" in err


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("unodc@", "unodc@: empty revision after '@'"),
        ("unodc@-9", "unodc@-9: no version 9 before the latest (versions 1 to 1;"),
        ("../x@1", "../x@1: no such file"),
    ],
)
def test_a_malformed_revision_is_named_for_what_it_is(store: Path, spec: str, message: str) -> None:
    assert run("save", "unodc", str(store.parent / "l3.txt"), "--by", "EU")[0] == 0
    code, out, err = run("show", spec)
    assert (code, out) == (2, "")
    assert err.startswith(f"redraft: error: {message}")
    assert err.count("\n") == 1


def test_sync_says_when_a_local_version_is_left_out_because_the_remote_had_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Norway and Japan both restore the same wording; Japan also edits OP2. Norway's
    # version adds nothing to Japan's, so git's rebase leaves it out: sync must say so
    # rather than report it as "moved after the remote's".
    monkeypatch.delenv("REDRAFT_STORE", raising=False)
    origin = tmp_path / "origin"
    assert run("init", str(origin))[0] == 0
    monkeypatch.chdir(origin)
    files = tmp_path / "files"
    files.mkdir()
    urges, encourages = files / "urges.txt", files / "encourages.txt"
    urges.write_text(L3)
    encourages.write_text(L3.replace("*Urges*", "*Encourages*"))
    japan_text = files / "japan.txt"
    japan_text.write_text(L3.replace("remain seized", "remain actively seized"))
    assert run("save", "unodc", str(urges), "--by", "Brazil")[0] == 0
    assert run("save", "unodc", str(encourages), "--by", "EU")[0] == 0
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(origin), str(remote)], check=True)
    clones = {}
    for who in ("norway", "japan"):
        clones[who] = tmp_path / who
        subprocess.run(["git", "clone", "-q", str(remote), str(clones[who])], check=True)
        subprocess.run(["git", "-C", str(clones[who]), "config", "user.name", who], check=True)
    monkeypatch.chdir(clones["japan"])
    assert run("save", "unodc", str(japan_text), "--by", "Japan")[0] == 0
    assert run("sync")[0] == 0
    monkeypatch.chdir(clones["norway"])
    assert run("save", "unodc", str(urges), "--by", "Norway")[0] == 0

    code, out, err = run("sync")
    assert code == 0
    assert "received 1, sent 0 commits" in err + out
    assert (
        "1 local version not sent: origin already had its text ('git reflog' still holds it)"
        in (err + out)
    )
    code, out, _ = run("log", "unodc", "--format", "json")
    assert [v["by"] for v in json.loads(out)["versions"]] == ["Japan", "EU", "Brazil"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("save", "a\nb", "-"), "bad draft name 'a\\nb': use letters"),
        (("save", "unodc", "-", "--by", "A\nB"), "--by 'A\\nB': control characters"),
    ],
)
def test_a_control_character_is_shown_escaped_once(
    store: Path, args: tuple[str, ...], message: str
) -> None:
    code, _, err = run(*args, stdin=L3)
    assert code == 2
    assert err.startswith(f"redraft: error: {message}")


def test_export_json_names_the_draft_as_show_json_does(store: Path) -> None:
    assert run("save", "unodc", str(store.parent / "l3.txt"), "--by", "EU")[0] == 0
    shown = json.loads(run("show", "unodc@1", "--format", "json")[1])
    exported = json.loads(run("export", "unodc@1", "--format", "json")[1])
    assert shown["name"] == exported["name"] == "unodc@1"
    assert shown == exported


def test_init_where_no_folder_can_be_made_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    code, out, err = run("init", str(tmp_path / "a-file" / "store"))
    assert (code, out) == (2, "")
    assert err == (
        f"redraft: error: {tmp_path / 'a-file' / 'store'}: cannot create a store there "
        "(Not a directory)\n"
    )


def test_a_version_made_by_git_merge_keeps_the_draft_s_symbol_and_sponsors(
    store: Path,
) -> None:
    # After a sync conflict the user settles it with 'git merge' and 'git commit', as
    # sync's message says: that version has no trailers, yet the draft's symbol and
    # sponsors have not changed (sponsors must not report everyone as having left).
    l3 = str(store.parent / "l3.txt")
    saved = run("save", "unodc", l3, "--by", "EU", "--symbol", "A/C.3/L.3", "--sponsors", "Chile")
    assert saved[0] == 0
    text = (store / "drafts" / "unodc.txt").read_text()
    (store / "drafts" / "unodc.txt").write_text(text.replace("to act", "to act now"))
    subprocess.run(["git", "-C", str(store), "commit", "-qam", "settled"], check=True)

    log = json.loads(run("log", "unodc", "--format", "json")[1])["versions"]
    assert [(v["symbol"], v["message"]) for v in log] == [
        ("A/C.3/L.3", "settled"),
        ("A/C.3/L.3", ""),
    ]
    sponsors = json.loads(run("sponsors", "unodc", "--format", "json")[1])["versions"]
    assert [v["sponsors"] for v in sponsors] == [["Chile"], ["Chile"]]


def test_as_tracked_takes_one_word_file(store: Path) -> None:
    l3 = store.parent / "l3.txt"
    edited = store.parent / "edited.txt"
    edited.write_text(L3.replace("to act", "to act now"))
    tracked = store.parent / "tracked.docx"
    assert run("diff", str(l3), str(edited), "--format", "docx", "-o", str(tracked))[0] == 0
    code, _, err = run("diff", str(tracked), "--as-tracked", "--exit-code")
    # both sides are compared, so no warning that the changes were read as accepted
    assert (code, err) == (1, "")

    code, _, err = run("diff", str(tracked), str(edited), "--as-tracked")
    assert (code, err) == (
        2,
        "redraft: error: --as-tracked compares one Word file with itself: give only that file\n",
    )
    code, _, err = run("diff", str(l3), "--as-tracked")
    assert (code, err) == (
        2,
        f"redraft: error: {l3}: --as-tracked reads a Word document (.docx), not this file\n",
    )


def test_show_with_an_empty_paragraph_label_is_an_error_not_the_whole_draft(
    store: Path,
) -> None:
    code, out, err = run("show", str(store.parent / "l3.txt"), "--para", "")
    assert (code, out) == (2, "")
    assert err.startswith("redraft: error: no paragraph '' in ")


def test_clean_json_names_its_draft(store: Path) -> None:
    assert run("save", "unodc", str(store.parent / "l3.txt"), "--by", "EU")[0] == 0
    code, out, _ = run("clean", "unodc", "--format", "json")
    assert code == 0
    assert json.loads(out)["draft"]["name"] == "unodc"


def test_save_during_a_git_merge_is_refused(store: Path) -> None:
    # Two branches change the same paragraph; 'git merge' stops with the draft in
    # brackets. A save then would record a one-parent version and lose the merge.
    l3 = store.parent / "l3.txt"
    assert run("save", "unodc", str(l3), "--by", "EU")[0] == 0

    def git(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(["git", "-C", str(store), *args], capture_output=True)

    git("checkout", "-q", "-b", "us")
    (store.parent / "us.txt").write_text(L3.replace("to act", "to act firmly"))
    assert run("save", "unodc", str(store.parent / "us.txt"), "--by", "US")[0] == 0
    git("checkout", "-q", "main")
    (store.parent / "ru.txt").write_text(L3.replace("to act", "to act kindly"))
    assert run("save", "unodc", str(store.parent / "ru.txt"), "--by", "RU")[0] == 0
    assert git("merge", "-q", "us", "-m", "merge").returncode == 1  # a conflict
    head = git("rev-parse", "HEAD").stdout

    code, _, err = run("save", "unodc", str(store / "drafts" / "unodc.txt"), "--by", "X")
    assert code == 2
    assert "a git merge is in progress: finish it ('git commit -a')" in err
    assert git("rev-parse", "HEAD").stdout == head


def _clone(remote: Path, where: Path, who: str) -> Path:
    subprocess.run(["git", "clone", "-q", str(remote), str(where)], check=True)
    subprocess.run(["git", "-C", str(where), "config", "user.name", who], check=True)
    subprocess.run(["git", "-C", str(where), "config", "user.email", ""], check=True)
    return where


def test_sync_with_an_unrelated_repository_changes_nothing(store: Path, tmp_path: Path) -> None:
    assert run("save", "unodc", str(store.parent / "l3.txt"), "--by", "EU")[0] == 0
    other = tmp_path / "other"
    subprocess.run(["git", "init", "-q", "-b", "main", str(other)], check=True)
    (other / "README").write_text("another project\n")
    subprocess.run(["git", "-C", str(other), "add", "README"], check=True)
    subprocess.run(
        ["git", "-C", str(other), "-c", "user.name=o", "-c", "user.email=o", "commit", "-qm", "o"],
        check=True,
    )
    subprocess.run(["git", "-C", str(store), "remote", "add", "other", str(other)], check=True)
    before = subprocess.run(["git", "-C", str(store), "rev-parse", "HEAD"], capture_output=True)

    code, _, err = run("sync", "other")
    assert code == 2
    assert "other/main shares no history with this store" in err
    after = subprocess.run(["git", "-C", str(store), "rev-parse", "HEAD"], capture_output=True)
    assert after.stdout == before.stdout


def test_sync_after_a_settled_conflict_does_not_count_the_merge_as_left_out(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    l3 = store.parent / "l3.txt"
    assert run("save", "unodc", str(l3), "--by", "EU")[0] == 0
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(store), str(remote)], check=True)
    ours, theirs = _clone(remote, tmp_path / "ours", "A"), _clone(remote, tmp_path / "theirs", "B")
    edits = {name: tmp_path / f"{name}.txt" for name in ("a", "b", "c", "d")}
    edits["a"].write_text(L3.replace("to act", "to act firmly"))
    edits["b"].write_text(L3.replace("to act", "to act kindly"))
    edits["c"].write_text(L3.replace("remain seized", "remain actively seized"))
    monkeypatch.chdir(theirs)
    assert run("save", "unodc", str(edits["b"]), "--by", "RU")[0] == 0
    assert run("sync")[0] == 0
    monkeypatch.chdir(ours)
    assert run("save", "unodc", str(edits["a"]), "--by", "US")[0] == 0
    assert run("sync")[0] == 1  # both changed OP1
    subprocess.run(["git", "merge", "-q", "origin/main"], capture_output=True)
    (ours / "drafts" / "unodc.txt").write_text((ours / "drafts" / "unodc.txt").read_text())
    subprocess.run(["git", "commit", "-qam", "settled"], check=True)
    # the other side moves on again, so this sync rebases the merge away
    monkeypatch.chdir(theirs)
    assert run("save", "unodc", str(edits["c"]), "--by", "RU")[0] == 0
    assert run("sync")[0] == 0
    monkeypatch.chdir(ours)

    code, out, err = run("sync")
    assert code == 0, err
    assert "not sent" not in out + err


def test_import_of_two_files_named_alike_imports_nothing(store: Path) -> None:
    for folder in ("a", "b"):
        (store.parent / folder).mkdir()
        (store.parent / folder / "same.txt").write_text(L3)
    first, second = store.parent / "a" / "same.txt", store.parent / "b" / "same.txt"
    code, _, err = run("import", str(first), str(second))
    assert code == 2
    assert err == (
        f"redraft: error: {first} and {second} would both be saved as draft 'same': nothing "
        "imported (rename one, or record versions with 'redraft save')\n"
    )
    assert run("list", "--format", "json")[1].count('"name"') == 0


@pytest.mark.parametrize("spec", ["FILE", "unodc@1"])
def test_stats_by_version_of_a_file_or_a_revision_asks_for_a_name(store: Path, spec: str) -> None:
    assert run("save", "unodc", str(store.parent / "l3.txt"), "--by", "EU")[0] == 0
    target = str(store.parent / "l3.txt") if spec == "FILE" else spec
    code, _, err = run("stats", "--by-version", target)
    assert (code, err) == (
        2,
        f"redraft: error: --by-version follows a draft through the store: give its NAME, "
        f"not '{target}'\n",
    )
