"""The negotiation commands through click, on the demo negotiation recorded in a
temporary store (four versions, brackets resolved step by step)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from redraft.cli import cli
from redraft.demo.status import NAME, record

CASE = Path(__file__).parent / "cases" / "negotiation" / "drafts" / "compilation.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from redraft.store import Store

    root = tmp_path_factory.mktemp("negotiation") / "store"
    record(Store.init(root))
    return root


def run(store: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--store", str(store)])


def test_status_of_the_latest_version(store: Path) -> None:
    result = run(store, "status", NAME)
    assert result.exit_code == 0, result.output
    assert "7 of 8 paragraphs agreed ad ref; 1 agreed; 1 contains brackets" in result.stdout
    assert "OP4     agreed" in result.stdout


def test_status_of_the_first_version(store: Path) -> None:
    result = run(store, "status", f"{NAME}@1")
    assert result.exit_code == 0
    assert (
        "0 of 9 paragraphs agreed ad ref; 8 contain brackets; 1 proposed for deletion"
        in result.stdout
    )
    assert "OP5     proposed deletion" in result.stdout


def test_status_json(store: Path) -> None:
    result = run(store, "status", f"{NAME}@1", "--format", "json")
    document = json.loads(result.stdout)
    assert document["schema"] == "redraft.status/1"
    assert document["totals"]["paragraphs"] == 9
    assert document["totals"]["brackets"] == 10
    pp2 = next(p for p in document["paragraphs"] if p["label"] == "PP2")
    assert pp2 == {
        "label": "PP2",
        "state": "open",
        "brackets": 2,
        "proponents": ["US", "G77", "EU"],
    }


def test_status_by_version_chart_and_json(store: Path) -> None:
    result = run(store, "status", NAME, "--by-version")
    assert result.exit_code == 0
    assert "progress: ▁▄▆█  0% → 100% agreed over 4 versions" in result.stdout
    assert "v2 L.1/Rev.1 G77" in result.stdout
    document = json.loads(run(store, "status", NAME, "--by-version", "--format", "json").stdout)
    assert [v["totals"]["agreed"] for v in document["versions"]] == [0, 4, 6, 8]


def test_status_of_a_file_reports_bad_markup_on_stderr(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "compilation.txt"
    path.write_text(CASE.read_text(encoding="utf-8").split("\n=== expected")[0], encoding="utf-8")
    result = run(store, "status", str(path))
    assert result.exit_code == 0
    assert "2 of 12 paragraphs agreed ad ref" in result.stdout
    assert result.stderr.startswith("redraft: warning: OP3, character 21: '[' is never closed")


def test_by_version_needs_a_store_name(store: Path, tmp_path: Path) -> None:
    result = run(store, "status", f"{NAME}@2", "--by-version")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "redraft: error: --by-version follows" in result.stderr


def test_unknown_draft_is_one_line_exit_2(store: Path) -> None:
    result = run(store, "blame", "no-such-draft")
    assert result.exit_code == 2
    assert result.stderr.startswith("redraft: error: no-such-draft: no such draft")


def test_blame_json(store: Path) -> None:
    document = json.loads(run(store, "blame", NAME, "--format", "json").stdout)
    assert document["schema"] == "redraft.blame/1"
    entries = {p["label"]: p for p in document["paragraphs"]}
    assert entries["OP5"]["introduced"] == {
        "version": 1,
        "by": "Facilitator",
        "date": "2026-10-01T12:00:00+00:00",
        "symbol": "A/C.2/80/L.1",
    }
    assert entries["OP5"]["last_changed"]["by"] == "G77"  # "[Agreed ad ref]" added in Rev.1
    assert entries["PP2bis"]["last_changed"]["version"] == 4


def test_blame_passages(store: Path) -> None:
    result = run(store, "blame", NAME, "--para", "OP2", "--passages")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "OP2 in v4 L.1/Rev.3 Facilitator 2026-10-22"
    assert lines[1].endswith("Encourages all States to share data")
    assert lines[2].startswith("v3 L.1/Rev.2 EU")
    assert "including through regional centres" in lines[2]


def test_passages_need_para(store: Path) -> None:
    result = run(store, "blame", NAME, "--passages")
    assert result.exit_code == 2
    assert "redraft: error: --passages shows one paragraph" in result.stderr


def test_blame_words_is_the_old_name_of_passages(store: Path) -> None:
    old = run(store, "blame", NAME, "--para", "OP2", "--words")
    assert old.exit_code == 0
    assert old.stdout == run(store, "blame", NAME, "--para", "OP2", "--passages").stdout
    assert "'blame --words' is now 'blame --passages'" in old.stderr


def test_history_takes_the_paragraph_as_para_too(store: Path) -> None:
    assert run(store, "history", NAME, "--para", "OP5").stdout == (
        run(store, "history", NAME, "OP5").stdout
    )
    missing = run(store, "history", NAME)
    assert missing.exit_code == 2 and "give its label" in missing.stderr


def test_piped_history_and_passages_are_not_wrapped(store: Path) -> None:
    """One line per version and per passage when piped, however long (no 120-column wrap)."""
    for args in (("history", NAME, "PP1"), ("blame", NAME, "--para", "PP1", "--passages")):
        result = run(store, *args)
        assert result.exit_code == 0
        text_lines = [line for line in result.stdout.splitlines() if "2030 Agenda" in line]
        assert len(text_lines) >= 1
        assert all("Sustainable Development" in line for line in text_lines), result.stdout


def test_history_shows_the_label_at_each_step(store: Path) -> None:
    result = run(store, "history", NAME, "OP5")
    assert result.exit_code == 0
    assert "OP6 in v1 L.1 Facilitator 2026-10-01: introduced" in result.stdout
    assert "OP5 in v3 L.1/Rev.2 EU 2026-10-15: unchanged, was OP6" in result.stdout
    assert "{++ [Agreed ad ref]++}" in result.stdout
    document = json.loads(run(store, "history", NAME, "OP5", "--format", "json").stdout)
    assert [s["label"] for s in document["steps"]] == ["OP6", "OP6", "OP5", "OP5"]


def test_sponsors(store: Path) -> None:
    result = run(store, "sponsors", NAME)
    assert result.exit_code == 0
    assert "joined: Chile" in result.stdout and "left: Norway" in result.stdout
    document = json.loads(run(store, "sponsors", NAME, "--format", "json").stdout)
    assert document["versions"][-1]["sponsors"] == ["EU", "Fiji", "Chile"]


def test_clean_refuses_while_open(store: Path) -> None:
    result = run(store, "clean", f"{NAME}@2")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "redraft: open: PP2: 2 brackets open" in result.stderr
    assert "5 paragraphs are still open" in result.stderr


def test_clean_of_the_agreed_version(store: Path) -> None:
    result = run(store, "clean", NAME)
    assert result.exit_code == 0
    assert "[" not in result.stdout.split("---", 2)[2]
    assert (
        '*Recalling* its resolution 70/1 of 25 September 2015, entitled "Transforming our '
        'world: the 2030 Agenda for Sustainable Development"\n'
    ) in result.stdout


def test_clean_keep_open_to_a_file_and_json(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "clean.txt"
    result = run(store, "clean", f"{NAME}@2", "--keep-open", "-o", str(out))
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "that [extreme] poverty and [changing unsustainable / promoting sustainable]" in text
    result = run(store, "clean", f"{NAME}@2", "--keep-open", "--format", "json")
    document = json.loads(result.stdout)
    assert document["schema"] == "redraft.clean/1"
    assert document["complete"] is False
    assert [u["label"] for u in document["unresolved"]] == ["PP2", "PP2bis", "OP2", "OP4", "OP5"]


def test_sponsors_from_akn_metadata(tmp_path: Path) -> None:
    """Two AKN drafts saved as versions (the competing S/2023/638 and 639 stand in
    for two versions): sponsors come from the documents' own metadata."""
    data = Path(__file__).parent / "data" / "negotiation"
    store = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(store)]).exit_code == 0
    for name in ("S_2023_638-2316801E.xml", "S_2023_639-2316802E.xml"):
        saved = runner.invoke(
            cli, ["save", "sc-draft", str(data / name), "--by", "Council", "--store", str(store)]
        )
        assert saved.exit_code == 0, saved.output
    document = json.loads(run(store, "sponsors", "sc-draft", "--format", "json").stdout)
    first, second = document["versions"]
    assert first["sponsors"] == ["France", "United Arab Emirates"]
    assert second["sponsors"] == ["Russian Federation"]
    assert second["joined"] == ["Russian Federation"]
    assert second["left"] == ["France", "United Arab Emirates"]


def test_status_of_printed_text_reads_bis_ter_alt(store: Path) -> None:
    printed = CASE.parent / "rio20-printed.txt"
    result = run(store, "status", str(printed), "--format", "json")
    assert result.exit_code == 0, result.output
    paragraphs = json.loads(result.stdout)["paragraphs"]
    rows = {p["label"]: (p["state"], p["brackets"]) for p in paragraphs}
    assert rows == {
        "PP1": ("open", 0),
        "PP1alt": ("open", 0),
        "OP1": ("agreed-ad-ref", 0),
        "OP2": ("open", 1),
        "OP2bis": ("open", 1),
        "OP3": ("open", 1),
        "OP3ter": ("proposed-deletion", 1),
        "OP4": ("agreed-ad-ref", 0),
    }


def test_markers_configured_in_the_store(tmp_path: Path) -> None:
    from redraft.store import Store

    root = tmp_path / "store"
    Store.init(root)
    with (root / "redraft.toml").open("a", encoding="utf-8") as config:
        config.write('\n[negotiation]\npending = ["under consultation"]\n')
    draft = tmp_path / "d.txt"
    draft.write_text(
        "---\nredraft: 1\n---\n\n1. *Decides* to act. [Under consultation]\n", encoding="utf-8"
    )
    result = run(root, "status", str(draft), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["paragraphs"][0]["state"] == "open"
    assert result.stderr == ""
    with (root / "redraft.toml").open("a", encoding="utf-8") as config:
        config.write('agreed = "agreed"\n')
    result = run(root, "status", str(draft))
    assert result.exit_code == 2
    assert result.stderr == (
        f"redraft: error: {root / 'redraft.toml'}: [negotiation] agreed must be a list of strings\n"
    )
