"""The team story end to end, with real git and real processes (issue 15).

A facilitator shares a store through a bare repository (the git host); three delegations
clone it as the docs say (``git clone``, ``redraft init .``), save and sync at the same
moment, collide on one paragraph and settle it through the merge driver, while a
collaborator pushes what redraft would never write. At the end nothing anyone saved is
lost, every clone holds the same history, the history is linear wherever sync promises
it (only the settled conflict is a merge), and ``git fsck --strict`` is clean everywhere.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from redraft.store import Store

from .hostile import attacker_clone, git, git_env, text, tree_files

#: The driver as redraft init writes it runs ``redraft`` from PATH; here, this interpreter.
DRIVER = f"{shlex.quote(sys.executable)} -m redraft merge-driver %O %A %B %P"
DELEGATIONS = ("EU", "G77", "US")


def redraft(
    where: Path, *args: str, stdin: str | None = None, by: str = "Tester"
) -> subprocess.Popen[str]:
    """``redraft ARGS`` started in ``where``, as a delegate types it (not waited for)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "redraft", *args],
        cwd=where,
        env={**git_env(where, by), "REDRAFT_BY": by},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    if stdin is not None:
        process.stdin.write(stdin)  # a draft: far below a pipe's buffer, never blocks
    process.stdin.close()
    process.stdin = None  # written: communicate() only reads the outputs
    return process


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=300)
    assert "Traceback" not in err and "internal error" not in err, err
    return process.returncode, out, err


def done(where: Path, *args: str, stdin: str | None = None, by: str = "Tester") -> str:
    code, out, err = finish(redraft(where, *args, stdin=stdin, by=by))
    assert code == 0, (args, err)
    return out


def sync_all(clones: dict[str, Path]) -> None:
    """Everyone syncs at once; whoever lost the race syncs again, until all are in."""
    pending = dict(clones)
    for _round in range(6):
        running = {who: redraft(path, "sync", by=who) for who, path in pending.items()}
        pending = {}
        for who, process in running.items():
            code, _, err = finish(process)
            if code != 0:
                assert "keeps moving" in err or "cannot push" in err or "busy" in err, err
                pending[who] = clones[who]
        if not pending:
            return
    raise AssertionError(f"never synced: {sorted(pending)}")


def versions(path: Path) -> set[tuple[str, str, str]]:
    """(draft, by, message) of every version in the clone."""
    store = Store.open(path)
    return {(v.name, v.by, v.message) for vs in store.all_versions().values() for v in vs}


def test_three_delegations_share_a_store_through_a_git_host(tmp_path: Path) -> None:
    host = tmp_path / "host.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(host))
    facilitator = tmp_path / "facilitator"
    done(tmp_path, "init", str(facilitator))
    done(facilitator, "save", "unodc", "-", "-m", "Tabled", stdin=text(), by="Facilitator")
    git(facilitator, "remote", "add", "origin", str(host))
    done(facilitator, "sync", by="Facilitator")

    clones: dict[str, Path] = {}
    for who in DELEGATIONS:
        clones[who] = tmp_path / who.lower()
        git(tmp_path, "clone", "-q", str(host), str(clones[who]))
        done(clones[who], "init", ".", by=who)
        git(clones[who], "config", "merge.redraft.driver", DRIVER)
    expected = {("unodc", "Facilitator", "Tabled")}

    # concurrent saves: each delegation two drafts of its own at once, then one more
    running = []
    for k, (who, path) in enumerate(clones.items()):
        for n in (1, 2):
            name = f"{who.lower()}-proposal-{n}"
            edit = {k: f"{k + 1}. *Urges* {who} idea {n};"}
            running.append(
                redraft(path, "save", name, "-", "-m", f"{who} {n}", stdin=text(edit), by=who)
            )
            expected.add((name, who, f"{who} {n}"))
    for process in running:
        assert finish(process)[0] == 0
    # the same draft, different paragraphs: combined by sync's rebase, no conflict
    for k, (who, path) in enumerate(clones.items()):
        edit = {3 + k: f"{4 + k}. *Requests* the Secretariat, as {who} asks, to act;"}
        done(path, "save", "unodc", "-", "-m", f"{who} on OP{4 + k}", stdin=text(edit), by=who)
        expected.add(("unodc", who, f"{who} on OP{4 + k}"))
    sync_all(clones)
    sync_all(clones)  # the first ones in now receive the last ones' versions
    for path in clones.values():
        assert versions(path) == expected
        assert git(path, "rev-list", "--merges", "HEAD").strip() == ""  # linear, as promised
    settled = Store.open(clones["EU"]).read("unodc").draft
    for k, who in enumerate(DELEGATIONS):
        paragraph = settled.find(f"OP{4 + k}")
        assert paragraph is not None and f"as {who} asks" in paragraph.text

    # a collision: EU and G77 rewrite OP2 differently
    eu, g77 = clones["EU"], clones["G77"]
    current = Path(eu, "drafts", "unodc.txt").read_text()
    mine = current.replace("act on point 2;", "act on point 2 without delay;")
    theirs = current.replace("act on point 2;", "act on point 2 within existing resources;")
    done(eu, "save", "unodc", "-", "-m", "EU on OP2", stdin=mine, by="EU")
    done(g77, "save", "unodc", "-", "-m", "G77 on OP2", stdin=theirs, by="G77")
    expected |= {("unodc", "EU", "EU on OP2"), ("unodc", "G77", "G77 on OP2")}
    done(eu, "sync", by="EU")
    code, _, err = finish(redraft(g77, "sync", by="G77"))
    assert code == 1 and "git merge origin/main" in err
    # G77 follows the message: the merge driver brackets the paragraph, attributed
    out = git(g77, "merge", "origin/main", by="G77", check=False)
    assert "1 paragraph in brackets" in out
    merged = Path(g77, "drafts", "unodc.txt").read_text()
    bracket = next(line for line in merged.splitlines() if line.startswith("2. ["))
    assert bracket == (  # ours (G77, in this clone) first
        "2. [G77: Requests the Secretariat to act on point 2 within existing resources; "
        "/ EU: Requests the Secretariat to act on point 2 without delay;]"
    )
    settled_text = merged.replace(
        bracket,
        "2. *Requests* the Secretariat to act on point 2 without delay and within existing "
        "resources;",
    )
    Path(g77, "drafts", "unodc.txt").write_text(settled_text)
    git(g77, "commit", "-q", "-a", "-m", "Settled OP2", by="G77")
    expected.add(("unodc", "G77", "Settled OP2"))
    done(g77, "sync", by="G77")

    # a hostile push: a broken draft is taken (and named), a symbolic link is refused
    mallory = attacker_clone(tmp_path, host)
    Path(mallory, "drafts", "broken.txt").write_text("---\nredraft: 1\n---\n\n    no parent\n")
    git(mallory, "add", "-A")
    git(mallory, "commit", "-q", "-m", "\x1b[2Joops", by="Mallory")
    git(mallory, "push", "-q", "origin", "HEAD:main")
    expected.add(("broken", "Mallory", "\x1b[2Joops"))
    sync_all(clones)
    code, out, err = finish(redraft(clones["US"], "list", by="US"))
    assert code == 0 and "unodc" in out and "broken@1" in err and "\x1b" not in out + err
    outside = tmp_path / "home"
    outside.mkdir()
    (outside / "notes.txt").write_text("private\n")
    git(mallory, "pull", "-q", "--rebase", "origin", "main")
    git(mallory, "rm", "-q", "-r", "drafts")
    (mallory / "drafts").symlink_to(outside)
    git(mallory, "add", "-A")
    git(mallory, "commit", "-q", "-m", "links", by="Mallory")
    git(mallory, "push", "-q", "origin", "HEAD:main")
    for who, path in clones.items():
        code, _, err = finish(redraft(path, "sync", by=who))
        assert code == 2 and "drafts is a symbolic link" in err
        assert (path / "drafts").is_dir() and not (path / "drafts").is_symlink()
    # work goes on locally meanwhile, and the host is repaired with plain git
    done(
        clones["US"],
        "save",
        "us-proposal-1",
        "-",
        "-m",
        "US 3",
        stdin=text({0: "1. Later;"}),
        by="US",
    )
    expected.add(("us-proposal-1", "US", "US 3"))
    git(mallory, "revert", "--no-edit", "HEAD", by="Facilitator")
    git(mallory, "push", "-q", "origin", "HEAD:main")
    sync_all(clones)
    sync_all(clones)

    assert tree_files(outside) == {"notes.txt": b"private\n"}
    histories = {git(path, "rev-parse", "HEAD").strip() for path in clones.values()}
    assert len(histories) == 1  # every clone holds the same history
    for path in clones.values():
        assert versions(path) >= expected  # nothing anyone saved is lost
        assert git(path, "fsck", "--strict", "--no-dangling").strip() == ""
        assert len(git(path, "rev-list", "--merges", "HEAD").split()) == 1  # the settled OP2
    assert git(host, "fsck", "--strict", "--no-dangling").strip() == ""
    final = Store.open(clones["US"]).read("unodc").draft.find("OP2")
    assert final is not None and "without delay and within existing resources" in final.text
