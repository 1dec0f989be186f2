"""Where agreed language shows beside the other commands (issue 16): ``redraft stats``
gives each draft's agreed-language share, the HTML report gives it and marks new
language paragraph by paragraph, both with an index given (``--corpus``) or named in
redraft.toml; without one, nothing changes."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from redraft.store import Store
from tests.cli_helpers import run

DATA = Path(__file__).parent / "data" / "precedent"
ANGUILLA_78 = DATA / "en" / "A_RES_78_87-2324949E.xml"
ANGUILLA_79 = DATA / "en" / "A_RES_79_100-2423545E.xml"
BERMUDA_79 = DATA / "en" / "A_RES_79_101-2423543E.xml"
GA1 = Path(__file__).parent.parent / "drafts" / "ga-draft-resolution-i-follow-up-twelfth-united.txt"


@pytest.fixture
def index(tmp_path: Path) -> Path:
    """An index of the Anguilla resolution of 2023 and the Bermuda one of 2024."""
    folder = tmp_path / "adopted"
    folder.mkdir()
    for path in (ANGUILLA_78, BERMUDA_79):
        shutil.copy(path, folder / path.name)
    built = tmp_path / "adopted.db"
    code, _, err = run("precedent", "index", str(folder), "-o", str(built))
    assert code == 0, err
    return built


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store holding the 2024 Anguilla resolution (as a draft) and an unrelated draft."""
    opened = Store.init(tmp_path / "store")
    for name, path in (("anguilla", ANGUILLA_79), ("congress", GA1)):
        code, _, err = run("save", name, str(path), "--by", "Bureau", "--store", str(opened.root))
        assert code == 0, err
    return opened.root


def _trace_summary(draft: Path, index: Path) -> dict[str, object]:
    code, out, err = run("precedent", str(draft), "--corpus", str(index), "--format", "json")
    assert code == 0, err
    summary: dict[str, object] = json.loads(out)["summary"]
    return summary


def test_stats_gives_the_share_precedent_computes(index: Path) -> None:
    code, out, err = run(
        "stats", str(ANGUILLA_79), str(GA1), "--corpus", str(index), "--format", "json"
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["precedent_index"] == str(index)
    anguilla, congress = report["drafts"]
    summary = _trace_summary(ANGUILLA_79, index)
    assert anguilla["agreed_share_words"] == summary["agreed_share_words"] > 0.9
    assert anguilla["agreed_share_paragraphs"] == summary["agreed_share_paragraphs"]
    assert anguilla["new_paragraphs"] == summary["new"]
    assert congress["agreed_share_words"] == 0.0 and congress["new_paragraphs"] > 0
    assert anguilla["words"] == summary["total_words"]  # one count of words everywhere


def test_every_stats_format_shows_the_share(index: Path) -> None:
    args = ("stats", str(ANGUILLA_79), "--corpus", str(index))
    _, text, _ = run(*args, "--format", "text")
    header, row = (line.split("\t") for line in text.splitlines())
    assert header[-3:] == ["agreed_share_words", "agreed_share_paragraphs", "new_paragraphs"]
    assert header[:2] == ["name", "words"] and header[10] == "longest"  # columns kept in place
    shares = dict(zip(header, row, strict=True))
    _, out, _ = run(*args, "--format", "csv")
    (parsed,) = csv.DictReader(io.StringIO(out))
    assert parsed["agreed_share_words"] == shares["agreed_share_words"]
    assert float(parsed["agreed_share_words"]) > 0.9
    _, table, _ = run(*args, "--format", "table")
    assert "agreed" in table and "99%" in table  # 0.995 of the words: not rounded up


def test_without_an_index_stats_says_what_it_always_said(index: Path) -> None:
    _, plain, _ = run("stats", str(ANGUILLA_79), "--format", "json")
    assert "agreed_share_words" not in plain and "precedent_index" not in plain
    _, text, _ = run("stats", str(ANGUILLA_79))
    assert "agreed" not in text


def test_stats_reads_the_index_named_in_redraft_toml(store: Path, index: Path) -> None:
    shutil.copy(index, store / "adopted.db")
    with (store / "redraft.toml").open("a", encoding="utf-8") as config:
        config.write('\n[precedent]\nindex = "adopted.db"\n')
    code, out, err = run("stats", "--store", str(store), "--format", "json")
    assert code == 0, err
    drafts = {d["name"]: d for d in json.loads(out)["drafts"]}
    assert drafts["anguilla"]["agreed_share_words"] > 0.9
    assert drafts["congress"]["agreed_share_words"] == 0.0


def test_a_configured_index_not_built_yet_is_a_warning(store: Path) -> None:
    with (store / "redraft.toml").open("a", encoding="utf-8") as config:
        config.write('\n[precedent]\nindex = "adopted.db"\n')
    code, out, err = run("stats", "--store", str(store), "--format", "json")
    assert code == 0
    assert "agreed_share_words" not in out
    assert err.startswith("redraft: warning: ") and "no such precedent index" in err
    assert err.count("\n") == 1


def test_a_missing_corpus_given_is_an_error(tmp_path: Path) -> None:
    code, out, err = run("stats", str(GA1), "--corpus", str(tmp_path / "none.db"))
    assert code == 2 and out == ""
    assert err == f"redraft: error: {tmp_path / 'none.db'}: no such precedent index or folder\n"


def test_stats_with_a_folder_of_adopted_texts(tmp_path: Path) -> None:
    code, out, err = run(
        "stats", str(ANGUILLA_79), "--corpus", str(DATA / "en"), "--format", "json"
    )
    assert code == 0, err
    (draft,) = json.loads(out)["drafts"]
    assert draft["agreed_share_words"] == 0.995  # its own text in the folder is left out


# -- the HTML report ---------------------------------------------------------------------


def test_report_gives_the_share_and_marks_new_language(store: Path, index: Path) -> None:
    site = store / "site"
    code, out, err = run(
        "report", "-o", str(site), "--store", str(store), "--corpus", str(index), "--format", "json"
    )
    assert code == 0, err
    pages = {p["name"]: p for p in json.loads(out)["drafts"]}
    assert (
        pages["anguilla"]["agreed_share_words"]
        == _trace_summary(ANGUILLA_79, index)["agreed_share_words"]
    )
    assert pages["congress"]["agreed_share_words"] == 0.0
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "<th>Agreed language</th>" in front and "<td>99%</td>" in front
    anguilla = (site / "drafts" / "anguilla.html").read_text(encoding="utf-8")
    assert '<section id="agreed"><h2>Agreed language</h2>' in anguilla
    # PP17, the one paragraph no adopted text holds, is marked; PP2 (verbatim) is not
    assert re.search(r'<p class="para d0 new" id="p-PP17"[^>]*>.*?new language</span>', anguilla)
    assert re.search(r'<p class="para d0" id="p-PP2" title="verbatim: A/RES/78/87 PP2', anguilla)
    assert anguilla.count('<span class="tag">new language</span>') == 1
    assert 'href="https://undocs.org/en/A/RES/78/87"' in anguilla  # sources linked by symbol
    congress = (site / "drafts" / "congress.html").read_text(encoding="utf-8")
    assert congress.count('<span class="tag">new language</span>') == 12  # nothing adopted


def test_report_reads_the_configured_index_and_without_one_is_unchanged(
    store: Path, index: Path
) -> None:
    code, _, err = run("report", "-o", str(store / "plain"), "--store", str(store))
    assert code == 0, err
    plain = (store / "plain" / "drafts" / "anguilla.html").read_text(encoding="utf-8")
    assert "Agreed language" not in plain and "new language" not in plain
    assert "Agreed language" not in (store / "plain" / "index.html").read_text(encoding="utf-8")
    shutil.copy(index, store / "adopted.db")
    with (store / "redraft.toml").open("a", encoding="utf-8") as config:
        config.write('\n[precedent]\nindex = "adopted.db"\n')
    code, _, err = run("report", "-o", str(store / "site"), "--store", str(store))
    assert code == 0 and err == ""
    assert "<td>99%</td>" in (store / "site" / "index.html").read_text(encoding="utf-8")


def test_the_report_escapes_what_the_index_holds() -> None:
    from redraft.precedent.classify import summarize
    from redraft.precedent.model import (
        CorpusInfo,
        ParagraphPrecedent,
        PrecedentResult,
        Source,
    )
    from redraft.render.site_agreed import agreed_section, mark_html, paragraph_marks

    hostile = '<script>alert("x")</script>'
    source = Source(f"A/RES/1/{hostile}", f"OP1{hostile}", "2024-01-01", 1.0, hostile)
    paragraphs = (
        ParagraphPrecedent(f"OP1{hostile}", "operative", hostile, "verbatim", 4, (source,)),
        ParagraphPrecedent("OP2", "operative", hostile, "new", 4),
    )
    result = PrecedentResult(
        "x", "", "en", CorpusInfo(1, 1, ("en",)), paragraphs, summarize(paragraphs), 0.7
    )
    html = agreed_section(result) + "".join(
        "".join(mark_html(mark)) for mark in paragraph_marks(result).values()
    )
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.skipif(
    shutil.which("chromium") is None and shutil.which("chromium-browser") is None,
    reason="chromium is not installed",
)
def test_the_marked_pages_load_in_a_browser(store: Path, index: Path, tmp_path: Path) -> None:
    from tests.test_report_browser import chromium

    site = store / "site"
    assert run("report", "-o", str(site), "--store", str(store), "--corpus", str(index))[0] == 0
    dom, messages = chromium(
        (site / "drafts" / "anguilla.html").as_uri(), tmp_path / "profile", "--dump-dom"
    )
    assert messages == []
    assert '<span class="tag">new language</span>' in dom and "</html>" in dom
