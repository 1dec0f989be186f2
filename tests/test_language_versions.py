"""A draft's versions in other languages kept beside it in the store (issue 14): save
--lang, NAME@REV:LANG and --lang, list, parity NAME@REV, status, report and check.

The store: resolution 79/220 (tests/data/parity, the UN's own six-language texts) in
English, French and Spanish as version 1 (A/79/L.30); a version 2 (A/79/L.30/Rev.1)
that drops the last operative paragraph, in English and French only. The French
holds two slips the UN published (PP1 "178/145", PP9 "75/223").
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from redraft import canonical
from redraft.readers import read_path
from tests.cli_helpers import run

DATA = Path(__file__).parent / "data" / "parity"
ENGLISH, FRENCH, SPANISH = (DATA / f"A_RES_79_220-2424332{x}.xml" for x in "EFS")


def without_last_paragraph(source: Path, target: Path) -> Path:
    """The draft of ``source`` without its last operative paragraph, as canonical text."""
    draft = read_path(source).draft
    target.write_text(canonical.render(replace(draft, blocks=draft.blocks[:-1])), "utf-8")
    return target


def save(store: Path, *args: str) -> tuple[int, str, str]:
    return run("save", *args, "--by", "Secretariat", "--store", str(store))


@pytest.fixture(scope="module")
def three_languages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("languages")
    store = root / "store"
    assert run("init", str(store))[0] == 0
    day1, day2 = ("--date", "2024-11-01"), ("--date", "2024-11-20")
    assert save(store, "tour", str(ENGLISH), "--symbol", "A/79/L.30", *day1)[0] == 0
    code, out, err = save(store, "tour", str(FRENCH), "--lang", "fr", *day1)
    assert code == 0, err
    assert out == "tour.fr: saved version 1 (A/79/L.30) by Secretariat, translating tour@1\n"
    assert save(store, "tour", str(SPANISH), "--lang", "Spanish", *day1)[0] == 0
    english2 = without_last_paragraph(ENGLISH, root / "en2.txt")
    french2 = without_last_paragraph(FRENCH, root / "fr2.txt")
    assert save(store, "tour", str(english2), "--symbol", "A/79/L.30/Rev.1", *day2)[0] == 0
    code, out, err = save(store, "tour", str(french2), "--lang", "fr", *day2)
    assert code == 0, err
    assert out == "tour.fr: saved version 2 (A/79/L.30/Rev.1) by Secretariat, translating tour@2\n"
    return store


@pytest.fixture
def store(three_languages: Path) -> Iterator[Path]:
    old = os.environ.get("REDRAFT_STORE")
    os.environ["REDRAFT_STORE"] = str(three_languages)
    yield three_languages
    if old is None:
        del os.environ["REDRAFT_STORE"]
    else:
        os.environ["REDRAFT_STORE"] = old


def first_line(*args: str) -> str:
    code, out, err = run(*args)
    assert code == 0, err
    return out.splitlines()[0]


# -- addressing ---------------------------------------------------------------------------


def test_a_revision_in_a_language_is_the_version_standing_for_it(store: Path) -> None:
    assert first_line("show", "tour@1:fr").startswith("tour.fr@1 · A/79/L.30 ·")
    assert first_line("show", "tour@Rev.1:fr").startswith("tour.fr@2 · A/79/L.30/Rev.1 ·")
    assert first_line("show", "tour:fr").startswith("tour.fr@2 ·")
    # no Spanish for Rev.1 yet: the Spanish of version 1 stands for it
    assert first_line("show", "tour@Rev.1:es").startswith("tour.es@1 · A/79/L.30 ·")
    # --lang says the same; a language's name or code; NAME.xx@REV keeps working
    assert first_line("show", "tour@L.30", "--lang", "French").startswith("tour.fr@1 ·")
    assert first_line("show", "tour.fr@1").startswith("tour.fr@1 ·")
    # the original's own language is the original
    assert first_line("show", "tour@1:en").startswith("tour@1 · A/79/L.30 ·")


def test_a_language_the_draft_lacks_is_an_error(store: Path) -> None:
    code, _, err = run("show", "tour@1:ru")
    assert code == 2
    assert err == (
        "redraft: error: tour@1:ru: tour has no Russian version "
        "(save one with 'redraft save tour FILE --lang ru')\n"
    )
    code, _, err = run("show", "tour@1", "--lang", "12")
    assert code == 2 and "unknown language" in err
    code, _, err = run("show", str(ENGLISH), "--lang", "fr")
    assert code == 2 and "picks a language version of a stored draft" in err


def test_a_version_before_the_first_translation(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run("init", str(store))
    assert save(store, "tour", str(ENGLISH), "--date", "2024-11-01")[0] == 0
    english2 = without_last_paragraph(ENGLISH, tmp_path / "en2.txt")
    assert save(store, "tour", str(english2), "--date", "2024-11-02")[0] == 0
    assert save(store, "tour", str(FRENCH), "--lang", "fr", "--date", "2024-11-03")[0] == 0
    code, _, err = run("show", "tour@1:fr", "--store", str(store))
    assert code == 2
    assert "no French version of tour@1 or an earlier version in tour.fr" in err
    assert "(its first translates tour@2)" in err


def test_diff_export_and_stats_in_a_language(store: Path, tmp_path: Path) -> None:
    code, out, _ = run("diff", "tour@1:fr", "tour@2:fr")
    assert code == 0
    assert out.splitlines()[0].startswith("--- tour.fr@1")
    assert "1 deleted (OP38)" in out
    code, same, _ = run("diff", "tour", "--lang", "fr")  # latest French against the previous
    assert code == 0 and same == out
    code, again, _ = run("diff", "tour@1:fr")  # that revision against the latest, in French
    assert code == 0 and again == out
    target = tmp_path / "fr.txt"
    assert run("export", "tour@1", "--lang", "fr", "-o", str(target))[0] == 0
    assert "L’Assemblée générale," in target.read_text("utf-8")
    code, out, _ = run("stats", "tour:fr", "tour@1:es", "--format", "json")
    assert code == 0
    names = [d["name"] for d in json.loads(out)["drafts"]]
    assert names == ["tour:fr", "tour@1:es"]
    code, out, _ = run("stats", "--by-version", "tour", "--lang", "fr", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["versions_of"] == "tour.fr" and len(document["versions"]) == 2


# -- list and log -------------------------------------------------------------------------


def test_list_shows_each_drafts_languages(store: Path) -> None:
    code, out, _ = run("list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[-1] == "languages"
    assert lines[1].startswith("tour ") and lines[1].endswith("en, fr, es (es of version 1)")
    assert lines[2].startswith("tour.es ") and lines[2].endswith("es of tour@1")
    assert lines[3].startswith("tour.fr ") and lines[3].endswith("fr of tour@2")
    drafts = {d["name"]: d for d in json.loads(run("list", "--format", "json")[1])["drafts"]}
    assert drafts["tour"]["languages"] == ["en", "fr", "es"]
    assert drafts["tour"]["language_versions"] == {
        "fr": {"name": "tour.fr", "version": 2, "translates": 2},
        "es": {"name": "tour.es", "version": 1, "translates": 1},
    }
    assert drafts["tour"]["original"] is None
    assert drafts["tour.es"]["languages"] == ["es"]
    assert drafts["tour.es"]["original"] == "tour"
    assert drafts["tour.es"]["translates"] == "tour@1"


def test_the_trailer_records_the_version_translated(store: Path) -> None:
    import subprocess

    body = subprocess.run(
        ["git", "log", "-1", "--format=%B", "--", "drafts/tour.fr.txt"],
        cwd=store,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(x for x in body.splitlines() if x.startswith("Redraft-Translates: "))
    name_number, blob = line.removeprefix("Redraft-Translates: ").split()
    assert name_number == "tour@2" and len(blob) == 40


# -- parity, status, check, report --------------------------------------------------------


def test_parity_of_a_revision_compares_its_language_versions(store: Path) -> None:
    code, out, _ = run("parity", "tour@1", "--expect", "given")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "parity against en: en=tour@1 fr=tour.fr@1 es=tour.es@1"
    assert "fr PP1  figure  178/145 where en has 78/145" in lines
    assert lines[-1] == "2 findings in 3 languages against en: 2 figure"
    code, out, _ = run("parity", "tour@Rev.1", "--expect", "given")
    assert code == 1
    assert out.splitlines()[0] == "parity against en: en=tour@2 fr=tour.fr@2 es=tour.es@1"
    # the Spanish of version 1 still has OP38, gone from Rev.1
    assert "es OP38  extra" in out
    # a revision in a language among files
    code, out, _ = run("parity", "tour@1", "tour@1:fr", "--expect", "given")
    assert code == 1 and "fr=tour.fr@1" in out


def test_status_shows_languages_and_parity(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # as wide as a pipe's, whatever the test runner's
    code, out, _ = run("status", "tour@1")
    assert code == 0
    tail = out.splitlines()[-4:]
    assert tail == [
        "languages: en, fr, es",
        "parity: 2 findings in 3 languages against en: 2 figure",
        "  fr PP1  figure  178/145 where en has 78/145",
        "  fr PP9  figure  75/223 where en has 75/233",
    ]
    code, out, _ = run("status", "tour")
    assert "languages: en, fr, es (es of version 1)" in out
    code, out, _ = run("status", "tour", "--by-version")
    assert code == 0
    header, first, second = out.splitlines()[:3]
    assert header.split()[-1] == "languages"
    assert first.rstrip().endswith("en fr es")
    assert second.rstrip().endswith("en fr es(v1)")  # the Spanish translates version 1
    document = json.loads(run("status", "tour", "--by-version", "--format", "json")[1])
    assert document["languages"] == ["en", "fr", "es"]
    assert document["language_versions"]["es"] == {
        "name": "tour.es",
        "version": 1,
        "translates": 1,
    }
    assert document["parity"]["schema"] == "redraft.parity/1"
    assert document["parity"]["summary"]["by_language"] == {"fr": 2, "es": 1}
    assert [v["languages"] for v in document["versions"]] == [["en", "fr", "es"]] * 2
    # the status of a language version, or of a file, says nothing of languages
    assert "languages:" not in run("status", "tour", "--lang", "fr")[1]
    assert "languages" not in json.loads(run("status", str(ENGLISH), "--format", "json")[1])


def test_check_reports_parity_at_the_configured_severity(
    three_languages: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(three_languages, store)
    code, out, _ = run("check", "tour@1", "--store", str(store))
    assert code == 0  # warnings by default
    assert out.splitlines() == [
        "tour PP1: warning: fr: figure: 178/145 where en has 78/145 [languages]",
        "tour PP9: warning: fr: figure: 75/223 where en has 75/233 [languages]",
        f"0 errors, 2 warnings in 1 draft (config: {store / 'redraft.toml'})",
    ]
    (store / "redraft.toml").write_text('[session]\nparity = "error"\n')
    code, out, _ = run("check", "--store", str(store))
    assert code == 1
    assert "tour OP38: error: es: extra: " in out
    levels = '{ default = "error", figure = "warning", extra = "off" }'
    (store / "redraft.toml").write_text(f"[session]\nparity = {levels}\n")
    code, out, _ = run("check", "--store", str(store))
    assert code == 0 and "extra" not in out
    assert "tour PP1: warning: fr: figure: 178/145 where en has 78/145 [languages]" in out
    (store / "redraft.toml").write_text('[check]\nseverity = { languages = "off" }\n')
    code, out, _ = run("check", "--store", str(store))
    assert code == 0 and "[languages]" not in out
    (store / "redraft.toml").write_text('[session]\nparity = { lenght = "off" }\n')
    code, _, err = run("check", "--store", str(store))
    assert code == 2
    assert "unknown kind of parity finding 'lenght' (did you mean 'length'?)" in err


def test_report_shows_languages_and_parity(store: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run("report", "-o", str(site))[0] == 0
    index = (site / "index.html").read_text("utf-8")
    assert "<th>Languages</th>" in index
    assert (
        'en · <a href="drafts/tour.fr.html">fr</a> · <a href="drafts/tour.es.html">es</a>' in index
    )
    assert 'es of <a href="drafts/tour.html">tour</a>' in index
    page = (site / "drafts" / "tour.html").read_text("utf-8")
    assert "<h2>Languages</h2>" in page
    assert '<a href="tour.es.html">tour.es@1</a> <span class="meta">(of version 1)</span>' in page
    assert "Parity of version 2 (A/79/L.30/Rev.1)" in page
    french = (site / "drafts" / "tour.fr.html").read_text("utf-8")
    assert 'French version of <a href="tour.html">tour</a>' in french


def test_a_report_in_one_language_is_as_before(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run("init", str(store))
    assert save(store, "tour", str(ENGLISH), "--date", "2024-11-01")[0] == 0
    site = tmp_path / "site"
    assert run("report", "-o", str(site), "--store", str(store))[0] == 0
    for page in (site / "index.html", site / "drafts" / "tour.html"):
        assert "Languages" not in page.read_text("utf-8")
    assert not list((store / ".git").glob("redraft-parity-cache*"))


# -- saving -------------------------------------------------------------------------------


def test_save_warns_when_the_document_is_in_another_language(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run("init", str(store))
    assert save(store, "tour", str(ENGLISH))[0] == 0
    code, out, err = save(store, "tour", str(ENGLISH), "--lang", "ru")
    assert code == 0 and out.startswith("tour.ru: saved version 1")
    assert "reads as English, not Russian (--lang ru): saved as Russian all the same" in err
    code, out, err = save(store, "tour", str(SPANISH))  # no --lang: over the English
    assert code == 0 and out.startswith("tour: saved version 2")
    assert "reads as Spanish and tour is in English" in err
    assert "redraft save tour FILE --lang es" in err


def test_save_lang_auto_and_translates(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run("init", str(store))
    assert save(store, "tour", str(ENGLISH), "--symbol", "A/79/L.30")[0] == 0
    english2 = without_last_paragraph(ENGLISH, tmp_path / "en2.txt")
    assert save(store, "tour", str(english2), "--symbol", "A/79/L.30/Rev.1")[0] == 0
    code, out, err = save(store, "tour", str(FRENCH), "--lang", "auto", "--translates", "L.30")
    assert code == 0, err
    assert out == "tour.fr: saved version 1 (A/79/L.30) by Secretariat, translating tour@1\n"
    code, out, _ = save(store, "tour.fr", str(FRENCH), "--lang", "fr", "--translates", "1")
    assert out == "tour.fr: identical to version 1; nothing recorded\n"
    code, _, err = save(store, "tour", str(FRENCH), "--translates", "1")
    assert code == 2 and "--translates goes with --lang" in err
    code, _, err = save(store, "tour", str(ENGLISH), "--lang", "en", "--translates", "1")
    assert code == 2 and "tour is itself in English" in err
    # a first save with --lang creates the original, in that language
    code, out, _ = save(store, "hotel", str(SPANISH), "--lang", "es")
    assert out.startswith("hotel: saved version 1")
    assert first_line("show", "hotel:es", "--store", str(store)).startswith("hotel ·")


def test_a_report_written_again_follows_a_new_language_version(
    three_languages: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(three_languages, store)
    site = tmp_path / "site"
    assert run("report", "-o", str(site), "--store", str(store))[0] == 0
    page = site / "drafts" / "tour.html"
    assert "(of version 1)" in page.read_text("utf-8")
    spanish2 = without_last_paragraph(SPANISH, tmp_path / "es2.txt")
    assert save(store, "tour", str(spanish2), "--lang", "es", "--date", "2024-11-22")[0] == 0
    assert run("report", "-o", str(site), "--store", str(store))[0] == 0
    text = page.read_text("utf-8")
    assert "(of version 1)" not in text and "tour.es@2" in text
    assert "es OP38" not in text  # the Spanish of Rev.1 has no OP38 either
