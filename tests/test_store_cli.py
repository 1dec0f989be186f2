"""Store commands through click's CliRunner: exit codes, output, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .cli_helpers import run

FRONT = "---\nredraft: 1\nlanguage: en\n---\n\n"
L3 = (
    FRONT
    + "## Governance of UNODC\n\n> *The General Assembly*,\n\n1. *Urges* Member States to act;\n"
)
EDIT = L3.replace("Member States", "all Member States")
REV1 = EDIT + "\n2. *Decides* to remain seized of the matter.\n"
SEED = Path(__file__).parent / "data" / "seed" / "ccpcj-20th-session-chapter-1.txt"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("REDRAFT_STORE", raising=False)
    monkeypatch.setenv("REDRAFT_BY", "Secretariat")
    root = tmp_path / "store"
    assert run("init", str(root))[0] == 0
    monkeypatch.chdir(root)
    for name, text in (("l3.txt", L3), ("edit.txt", EDIT), ("rev1.txt", REV1)):
        (tmp_path / name).write_text(text)
    return root


@pytest.fixture
def negotiated(store: Path) -> Path:
    files = store.parent
    steps = [
        (
            "l3.txt",
            "--by",
            "Brazil",
            "--symbol",
            "E/CN.15/2011/L.3",
            "--date",
            "2011-04-12",
            "--sponsors",
            "Brazil; Italy",
            "--sponsors",
            "Chile",
            "-m",
            "Tabled",
        ),
        ("edit.txt", "--by", "EU", "--date", "2011-04-13", "-m", "Adds 'all'"),
        (
            "rev1.txt",
            "--by",
            "Facilitator",
            "--symbol",
            "E/CN.15/2011/L.3/Rev.1",
            "--date",
            "2011-04-15",
        ),
    ]
    for file, *options in steps:
        code, out, err = run("save", "unodc", str(files / file), *options)
        assert code == 0, err
    return store


def test_init_twice_says_the_store_exists(store: Path) -> None:
    code, out, _ = run("init", str(store))
    assert code == 0 and "already a redraft store" in out


def test_save_reports_the_new_version_and_identical_text_records_nothing(store: Path) -> None:
    code, out, _ = run("save", "unodc", "-", "--by", "Brazil", "--symbol", "L.3", stdin=L3)
    assert (code, out) == (0, "unodc: saved version 1 (L.3) by Brazil\n")
    code, out, _ = run("save", "unodc", "-", stdin=L3)
    assert (code, out) == (0, "unodc: identical to version 1; nothing recorded\n")


def test_log_lists_versions_newest_first_with_words_and_changes(negotiated: Path) -> None:
    # Words by hand: title 3 + formula 3 + OP1 5 = 11; "all" makes 12; OP2 adds 7 = 19.
    code, out, _ = run("log", "unodc")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == [
        "#",
        "date",
        "by",
        "symbol",
        "words",
        "delta",
        "changes",
        "message",
    ]
    assert lines[1].split() == [
        "3",
        "2011-04-15",
        "12:00",
        "Facilitator",
        "E/CN.15/2011/L.3/Rev.1",
        "19",
        "+7",
        "1",
        "inserted",
    ]
    assert lines[2].split()[:10] == [
        "2",
        "2011-04-13",
        "12:00",
        "EU",
        "E/CN.15/2011/L.3",
        "12",
        "+1",
        "1",
        "modified",
        "Adds",
    ]
    assert lines[3].split() == [
        "1",
        "2011-04-12",
        "12:00",
        "Brazil",
        "E/CN.15/2011/L.3",
        "11",
        "first",
        "version",
        "Tabled",
    ]


def test_log_json(negotiated: Path) -> None:
    code, out, _ = run("log", "unodc", "--format", "json", "-n", "2")
    document = json.loads(out)
    assert document["schema"] == "redraft.log/1" and document["name"] == "unodc"
    newest, previous = document["versions"]
    assert (newest["number"], newest["words"], newest["delta"], newest["changes"]) == (
        3,
        19,
        7,
        {"inserted": 1},
    )
    assert (
        previous["sponsors"] == ["Brazil", "Italy", "Chile"] and previous["message"] == "Adds 'all'"
    )


def test_list_text_and_json(negotiated: Path) -> None:
    code, out, _ = run("list")
    assert code == 0
    assert out.splitlines()[1].split() == [
        "unodc",
        "3",
        "E/CN.15/2011/L.3/Rev.1",
        "19",
        "2011-04-15",
        "12:00",
        "Facilitator",
    ]
    document = json.loads(run("list", "--format", "json")[1])
    assert document["schema"] == "redraft.list/1"
    assert document["drafts"] == [
        {
            "name": "unodc",
            "versions": 3,
            "symbol": "E/CN.15/2011/L.3/Rev.1",
            "words": 19,
            "date": "2011-04-15T12:00:00+00:00",
            "by": "Facilitator",
            "languages": ["en"],  # its own; then its language versions' (issue 14)
            "language_versions": {},
            "original": None,
            "translates": None,
        }
    ]


def test_show_reaches_revisions_through_sources(negotiated: Path) -> None:
    code, out, _ = run("show", "unodc@L.3", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["labels"] == ["title", "formula", "OP1"]
    assert document["blocks"][-1]["text"] == "Urges Member States to act;"


def test_store_option_and_environment_variable(
    negotiated: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("list", "--store", str(negotiated))[0] == 0
    monkeypatch.setenv("REDRAFT_STORE", str(negotiated))
    assert "unodc" in run("list")[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("save", "../x", "l3.txt"), "bad draft name"),
        (("save", "--", "-x", "../l3.txt"), "bad draft name"),
        (("save", "a\x1bb", "../l3.txt"), "bad draft name"),
        (("save", "unodc", "missing.txt"), "missing.txt: no such file"),
        (("save", "unodc", "../l3.txt", "--date", "soon"), "bad date"),
        (("log", "nope"), "nope: no such draft"),
        (("log", "a/b"), "bad draft name"),
        (("show", "unodc@9"), "no such version"),
        (("show", "unodc@Rev.7"), "unknown revision"),
        (("sync",), "no remote to sync with"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    negotiated: Path, args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(*args)
    assert code == 2 and message in err
    assert len(err.strip().splitlines()) <= 2 and "Traceback" not in err


def test_not_a_store_is_one_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("REDRAFT_STORE", raising=False)
    monkeypatch.chdir(tmp_path)
    code, _, err = run("list")
    assert code == 2 and err.startswith("redraft: error: no redraft store here")
    code, _, err = run("log", "x", "--store", str(tmp_path))
    assert code == 2 and "not a redraft store" in err


def test_option_like_symbols_and_messages_are_stored_as_data(store: Path) -> None:
    code, _, err = run(
        "save", "unodc", "../l3.txt", "--symbol", "--force", "-m", "--help", "--by", "-rf"
    )
    assert code == 0, err
    body = subprocess.run(
        ["git", "log", "-1", "--format=%an%n%B"],
        cwd=store,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert body.startswith("-rf\n--help\n") and "Redraft-Symbol: --force" in body


def test_import_split_saves_every_draft_of_the_seed_report(store: Path) -> None:
    code, out, err = run("import", str(SEED), "--split", "--by", "Secretariat", "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert document["schema"] == "redraft.import/1"
    assert len(document["drafts"]) == 18 and {d["status"] for d in document["drafts"]} == {"new"}
    code, out, _ = run("import", str(SEED), "--split")
    assert "0 of 18 drafts saved" in out
    assert len(run("list", "--format", "json")[1].split('"name"')) == 19


def test_import_names_plain_files_after_the_file(store: Path) -> None:
    code, out, _ = run("import", "../l3.txt", "../rev1.txt")
    assert code == 0 and "2 of 2 drafts saved" in out
    assert [line.split()[0] for line in run("list")[1].splitlines()[1:]] == ["l3", "rev1"]


def test_save_log_show_and_help_never_import_gitpython(store: Path) -> None:
    """GitPython costs 100-150 ms to import: only init and sync may load it."""
    script = f"""
import sys
from click.testing import CliRunner
from redraft.cli import cli
calls = [["--help"], ["save", "unodc", {str(store.parent / "l3.txt")!r}],
         ["save", "unodc", {str(store.parent / "rev1.txt")!r}, "--symbol", "L.3/Rev.1"],
         ["log", "unodc"], ["list"], ["show", "unodc@1"], ["show", "unodc@Rev.1"]]
for args in calls:
    store = [] if args[0] == "--help" else ["--store", {str(store)!r}]
    result = CliRunner().invoke(cli, [*args, *store])
    assert result.exit_code == 0, (args, result.output)
print(sorted(m for m in sys.modules if m == "git" or m.startswith("git.")))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
