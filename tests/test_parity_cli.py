"""``redraft parity`` through the CLI: exit codes, formats, languages of the files."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_helpers import run

DATA = Path(__file__).parent / "data" / "parity"


def files(resolution: str, letters: str = "ACEFRS") -> list[str]:
    return [str(next(DATA.glob(f"A_RES_{resolution}-*{letter}.xml"))) for letter in letters]


def test_six_versions_that_correspond() -> None:
    code, out, err = run("parity", *files("79_11"))
    assert code == 0, err
    assert out.splitlines()[-1] == "6 languages agree with en: no finding"
    assert out.startswith("parity against en: ar=A_RES_79_11-2421663A.xml")


def test_findings_exit_1_and_name_the_figures() -> None:
    code, out, _ = run("parity", *files("79_220"))
    assert code == 1
    assert "fr PP1  figure  178/145 where en has 78/145" in out
    assert "  fr: …" in out and "résolution 178/145" in out
    assert out.splitlines()[-1] == "2 findings in 6 languages against en: 2 figure"


def test_json() -> None:
    code, out, _ = run("parity", *files("79_220"), "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["schema"] == "redraft.parity/1"
    assert document["reference"] == "en"
    assert document["languages"] == ["ar", "zh", "en", "fr", "ru", "es"]
    assert document["summary"] == {
        "findings": 2,
        "by_kind": {"figure": 2},
        "by_language": {"fr": 2},
        "by_severity": {"error": 2},
    }
    first = document["findings"][0]
    assert {k: first[k] for k in ("language", "label", "kind", "detail")} == {
        "language": "fr",
        "label": "PP1",
        "kind": "figure",
        "detail": "178/145 where en has 78/145",
    }
    assert first["reference_label"] == first["label_in_language"] == "PP1"
    assert first["figures"] == {"reference": ["78/145"], "language": ["178/145"]}
    assert "78/145" in first["reference_text"] and "178/145" in first["text"]
    assert document["alignment"]["fr"]["by_label"] == document["alignment"]["fr"]["paragraphs"]


def test_markdown_and_html() -> None:
    code, out, _ = run("parity", *files("79_220"), "--format", "markdown")
    assert code == 1
    assert out.startswith("# Parity against English (en)")
    assert "| PP1 | figure | 178/145 where en has 78/145 |" in out
    code, out, _ = run("parity", *files("79_220"), "--format", "html")
    assert code == 1
    assert out.startswith("<!DOCTYPE html>")
    assert 'lang="ar" dir="rtl"' not in out  # no Arabic finding here
    assert "178/145 where en has 78/145" in out


def test_html_escapes_draft_text(tmp_path: Path) -> None:
    english = tmp_path / "en.txt"
    french = tmp_path / "fr.txt"
    english.write_text("The General Assembly,\n\n1. Decides <script> to meet in 2015;\n")
    french.write_text("L’Assemblée générale,\n\n1. Décide <script> de se réunir en 2016;\n")
    code, out, _ = run("parity", str(english), str(french), "--format", "html", "--expect", "given")
    assert code == 1
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_missing_languages(tmp_path: Path) -> None:
    code, out, _ = run("parity", *files("79_11", "EF"))
    assert code == 1
    assert "ar -  language  no Arabic version" in out
    code, out, _ = run("parity", *files("79_11", "EF"), "--expect", "given")
    assert code == 0
    code, out, _ = run("parity", *files("79_11", "EF"), "--expect", "en,French")
    assert code == 0


def test_language_suffix_and_lang_option(tmp_path: Path) -> None:
    english, french = files("79_11", "EF")
    plain_french = tmp_path / "version.txt"  # a text file whose language is not said
    code, out, _ = run("export", french, "--format", "text", "-o", str(plain_french))
    assert code == 0, out
    code, out, _ = run("parity", english, f"{plain_french}:fr", "--expect", "given")
    assert code == 0, out
    assert "fr=version.txt" in out
    code, out, _ = run(
        "parity", english, str(plain_french), "--lang", "auto", "--lang", "fr", "--expect", "given"
    )
    assert code == 0, out


def test_two_versions_in_one_language_is_an_error() -> None:
    english = files("79_11", "E")[0]
    code, _, err = run("parity", english, english)
    assert code == 2
    assert "two versions in en" in err and "FILE:LANG" in err


def test_one_file_is_not_enough() -> None:
    code, _, err = run("parity", files("79_11", "E")[0])
    assert code == 2
    assert "two to six language versions" in err


def test_a_stored_draft_and_its_language_versions(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("init", str(store))[0] == 0
    english, french, spanish = files("79_220", "EFS")
    for name, path in (("tourism", english), ("tourism.fr", french), ("tourism.es", spanish)):
        code, _, err = run("save", name, path, "--store", str(store))
        assert code == 0, err
    code, out, err = run("parity", "tourism", "--store", str(store), "--expect", "given")
    assert code == 1, err
    assert "fr=tourism.fr" in out and "es=tourism.es" in out
    assert "fr PP1  figure  178/145 where en has 78/145" in out
    # a stored version and a file
    code, out, _ = run("parity", "tourism@1", french, "--store", str(store), "--expect", "en,fr")
    assert code == 1
    assert "178/145 where en has 78/145" in out


def test_a_stored_draft_without_language_versions(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("init", str(store))[0] == 0
    assert run("save", "alone", files("79_11", "E")[0], "--store", str(store))[0] == 0
    code, _, err = run("parity", "alone", "--store", str(store))
    assert code == 2
    assert "alone has no language versions in the store" in err
    assert "Traceback" not in err


def test_reference_option() -> None:
    code, out, _ = run("parity", *files("79_220"), "--reference", "French")
    assert code == 1
    assert "parity against fr" in out
    assert "en PP1  figure  78/145 where fr has 178/145" in out
    code, _, err = run("parity", *files("79_11", "EF"), "--reference", "ru")
    assert code == 2
    assert "no ru version" in err


def test_too_many_lang_options() -> None:
    code, _, err = run("parity", *files("79_11", "EF"), *["--lang", "en"] * 3)
    assert code == 2
    assert "3 --lang for 2 files" in err


def test_help_lists_the_command() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "parity" in out
    code, out, _ = run("parity", "--help")
    assert code == 0
    assert "FILE:LANG" in out and "--reference" in out
