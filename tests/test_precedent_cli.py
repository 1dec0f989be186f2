"""``redraft precedent``, ``precedent index`` and ``precedent search`` through the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli_helpers import run

DATA = Path(__file__).parent / "data" / "precedent"
ANGUILLA_79 = DATA / "en" / "A_RES_79_100-2423545E.xml"


@pytest.fixture
def adopted(tmp_path: Path) -> Path:
    """A folder of adopted texts: Anguilla 78 and Bermuda 79."""
    folder = tmp_path / "adopted"
    folder.mkdir()
    for name in ("A_RES_78_87-2324949E.xml", "A_RES_79_101-2423543E.xml"):
        shutil.copy(DATA / "en" / name, folder / name)
    (folder / "SOURCES.md").write_text("not an adopted text\n")
    return folder


@pytest.fixture
def index(adopted: Path, tmp_path: Path) -> Path:
    path = tmp_path / "adopted.db"
    code, _, err = run("precedent", "index", str(adopted), "-o", str(path), "--quiet")
    assert code == 0, err
    return path


def test_index_reports_what_it_did_and_is_incremental(adopted: Path, tmp_path: Path) -> None:
    path = tmp_path / "i.db"
    code, out, err = run("precedent", "index", str(adopted), "-o", str(path), "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["schema"] == "redraft.precedent-index/1"
    assert len(report["added"]) == 2  # SOURCES.md is not an adopted text
    assert report["corpus"]["documents"] == 2 and report["corpus"]["languages"] == ["en"]
    assert err == ""  # no progress bar when stderr is not a terminal
    shutil.copy(ANGUILLA_79, adopted / ANGUILLA_79.name)
    code, out, _ = run("precedent", "index", "-o", str(path), "--format", "json")
    again = json.loads(out)
    assert [Path(p).name for p in again["added"]] == [ANGUILLA_79.name]
    assert again["unchanged"] == 2 and again["removed"] == []
    code, out, _ = run("precedent", "index", str(adopted), "-o", str(path))
    assert code == 0 and "added 0, changed 0, removed 0, unchanged 3" in out


def test_precedent_json_has_the_documented_shape(index: Path) -> None:
    code, out, err = run("precedent", str(ANGUILLA_79), "--corpus", str(index), "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["schema"] == "redraft.precedent/1"
    assert doc["draft"] == {
        "source": str(ANGUILLA_79),
        "symbol": "A/RES/79/100",
        "title": "Question of Anguilla",
        "language": "en",
    }
    assert doc["corpus"] == {"documents": 2, "paragraphs": 83, "languages": ["en"]}
    op17 = next(p for p in doc["paragraphs"] if p["label"] == "OP17")
    assert op17["class"] == "adapted"
    assert set(op17["sources"][0]) >= {"symbol", "label", "date", "similarity", "text"}
    assert ["-", "Bermuda"] in op17["segments"] and ["+", "Anguilla"] in op17["segments"]
    summary = doc["summary"]
    assert {k: summary[k] for k in ("verbatim", "adapted", "new", "boilerplate")} == {
        "verbatim": 37,
        "adapted": 6,
        "new": 1,
        "boilerplate": 2,
    }
    assert summary["agreed_share_words"] == 0.995
    code, out, _ = run("stats", str(ANGUILLA_79), "--format", "json")
    assert summary["total_words"] == json.loads(out)["drafts"][0]["words"]


def test_precedent_text_markdown_and_html(index: Path) -> None:
    code, out, _ = run("precedent", str(ANGUILLA_79), "--corpus", str(index))
    assert code == 0
    assert "OP17" in out and "[-Bermuda-]{+Anguilla+}" in out
    assert "Agreed language: 43 of 44 paragraphs (97%)" in out
    code, out, _ = run(
        "precedent", str(ANGUILLA_79), "--corpus", str(index), "--format", "markdown"
    )
    assert code == 0 and "~~Bermuda~~**Anguilla**" in out
    code, out, _ = run("precedent", str(ANGUILLA_79), "--corpus", str(index), "--format", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>")
    assert '<a href="https://undocs.org/en/A/RES/79/101">A/RES/79/101</a>' in out
    assert "<del>Bermuda</del>" in out and "<ins>Anguilla</ins>" in out
    assert "<script" not in out


def test_html_escapes_the_drafts_text(index: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "The General Assembly,\n\n1. Decides to <script>alert(1)</script> act now;\n",
        encoding="utf-8",
    )
    code, out, err = run("precedent", str(draft), "--corpus", str(index), "--format", "html")
    assert code == 0, err
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_corpus_may_be_a_folder(adopted: Path) -> None:
    code, out, err = run(
        "precedent", str(ANGUILLA_79), "--corpus", str(adopted), "--format", "json"
    )
    assert code == 0, err
    assert json.loads(out)["corpus"]["documents"] == 2


def test_the_default_index_comes_from_redraft_toml(
    index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "redraft.toml").write_text(f'[precedent]\nindex = "{index.name}"\n')
    monkeypatch.chdir(tmp_path)
    code, out, err = run("precedent", "search", "Question of Anguilla", "--format", "json")
    assert code == 0, err
    found = json.loads(out)
    assert found["schema"] == "redraft.precedent-search/1"
    assert found["first"]["symbol"] == "A/RES/78/87"
    assert [y["year"] for y in found["by_year"]] == ["2023"]


def test_search_text(index: Path) -> None:
    code, out, _ = run("precedent", "search", "Caribbean Community", "--corpus", str(index))
    assert code == 0
    assert "First use found: 2023-12-07  A/RES/78/87" in out
    lines = [line for line in out.splitlines() if line.startswith("20")]
    assert lines == [
        "2024-12-04  A/RES/79/101 PP17",  # newest first
        "2023-12-07  A/RES/78/87 PP18",  # then in reading order
        "2023-12-07  A/RES/78/87 PP24",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["precedent"], "give a DRAFT to trace"),
        (["precedent", "missing.txt", "--corpus", "x.db"], "missing.txt: no such file"),
        (["precedent", "search", "x"], "no precedent index"),
        (["precedent", "index", "."], "give the index file"),
        (["precedent", "search", "...", "--corpus", "INDEX"], "nothing to search for"),
        (["precedent", "search", "x", "--corpus", "DRAFT"], "not a precedent index"),
        (["precedent", "DRAFT", "--corpus", "nowhere.db"], "no such precedent index"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    args: list[str],
    message: str,
    index: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    args = [{"INDEX": str(index), "DRAFT": str(ANGUILLA_79)}.get(arg, arg) for arg in args]
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and message in err, err


def test_the_index_of_store_drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init", "negotiation")[0] == 0
    store = str(tmp_path / "negotiation")
    code, _, err = run("save", "anguilla", str(ANGUILLA_79), "--store", store, "--by", "Chair")
    assert code == 0, err
    path = tmp_path / "i.db"
    code, out, err = run(
        "precedent",
        "index",
        "--store-drafts",
        "-o",
        str(path),
        "--store",
        store,
        "--format",
        "json",
    )
    assert code == 0, err
    assert json.loads(out)["added"] == ["store:anguilla"]
    code, out, err = run(
        "precedent", "anguilla", "--corpus", str(path), "--store", store, "--include-self"
    )
    assert code == 0, err
    assert "verbatim 44, adapted 0, new 0, boilerplate 2" in out
