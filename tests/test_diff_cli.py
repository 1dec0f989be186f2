"""``redraft diff`` through click's CliRunner: formats, options, exit codes, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redraft import canonical
from redraft.cli import cli

CASES = Path(__file__).parent / "cases" / "diff"
OLD = str(CASES / "verb_stronger_and_weaker.old.txt")
NEW = str(CASES / "verb_stronger_and_weaker.new.txt")


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["diff", *args], env=env)


def test_text_redline_with_headings_marks_and_summary():
    result = run(OLD, NEW)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"--- {OLD}" and lines[1] == f"+++ {NEW}" and lines[2] == ""
    lines = lines[3:]
    assert lines[0] == "OP1 · modified · Invites → Urges (stronger)"
    assert lines[1] == (
        "{--Invites--}{++Urges++} Member States to ratify the Convention against "
        "Transnational Organized Crime;"
    )
    assert lines[3] == "OP2 · modified · Urges → Encourages (weaker)"
    assert lines[-1] == "2 modified; +2 −2 words"


def test_all_shows_unchanged_paragraphs():
    plain = run(OLD, NEW).output
    everything = run(OLD, NEW, "--all").output
    assert "Decides to remain seized of the matter." not in plain
    assert "OP3 · equal" in everything


def test_json_document():
    result = run(OLD, NEW, "--format", "json")  # complete with or without --all
    doc = json.loads(result.output)
    assert doc["schema"] == "redraft.diff/1"
    assert doc["old"] == {"source": OLD, "symbol": ""}
    assert doc["summary"]["modified"] == 2 and doc["summary"]["equal"] == 4
    assert [c["op"] for c in doc["changes"]].count("equal") == 4


def test_exit_code_option():
    assert run(OLD, NEW, "--exit-code").exit_code == 1
    same = run(OLD, OLD, "--exit-code")
    assert same.exit_code == 0
    assert same.output.strip().splitlines()[-1] == "no differences"


def test_chars_granularity():
    result = run(OLD, NEW, "--chars", "--format", "json")
    changes = json.loads(result.output)["changes"]
    segments = next(c for c in changes if c["op"] == "modified")["segments"]
    assert ["-", "Invit"] in segments and ["+", "Urg"] in segments


@pytest.mark.parametrize("fmt", ["side", "markdown", "html"])
def test_other_formats(fmt):
    result = run(OLD, NEW, "--format", fmt)
    assert result.exit_code == 0
    assert "Encourages" in result.output


def test_markdown_marks():
    output = run(OLD, NEW, "--format", "markdown").output
    assert "#### OP1 · modified · Invites → Urges (stronger)" in output
    assert "~~Invites~~**Urges** Member States" in output


def test_html_is_self_contained_and_escaped(tmp_path):
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("---\nredraft: 1\n---\n\n1. *Urges* States to act;\n", encoding="utf-8")
    new.write_text(
        "---\nredraft: 1\n---\n\n1. *Urges* States to act <script>alert(1)</script>;\n",
        encoding="utf-8",
    )
    out = tmp_path / "diff.html"
    result = run(str(old), str(new), "--format", "html", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'href="#c0"' in page and "http" not in page


def test_output_file_is_plain(tmp_path):
    out = tmp_path / "redline.txt"
    assert run(OLD, NEW, "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "\x1b[" not in text and "{--Urges--}{++Encourages++}" in text


def test_missing_file_is_one_line_exit_2(tmp_path):
    result = run(OLD, str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.output.strip().startswith("redraft: error:")


def test_one_file_is_a_usage_error():
    result = run(OLD)
    assert result.exit_code == 2
    assert "needs two drafts" in result.output


def test_unknown_format_is_usage_error():
    assert run(OLD, NEW, "--format", "pdf").exit_code == 2


def test_docx_format_writes_word_or_says_unavailable(tmp_path):
    out = tmp_path / "diff.docx"
    result = run(OLD, NEW, "--format", "docx", "-o", str(out))
    if result.exit_code == 0:
        assert out.read_bytes()[:2] == b"PK"
    else:
        assert result.exit_code == 2 and "docx" in result.output


def test_store_name_compares_latest_with_previous(tmp_path):
    store_mod = pytest.importorskip("redraft.store")
    store = store_mod.Store.init(tmp_path / "neg")
    read = lambda p: canonical.parse(Path(p).read_text(encoding="utf-8"))  # noqa: E731
    store.save("crime", read(OLD), by="EU")
    store.save("crime", read(NEW), by="G77")
    result = run("crime", "--store", str(tmp_path / "neg"), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["summary"]["modified"] == 2
    assert doc["old"]["source"] == "crime@-1" and doc["new"]["source"] == "crime"
    result = run("crime@1", "crime@2", "--store", str(tmp_path / "neg"), "--exit-code")
    assert result.exit_code == 1


def test_unknown_revision_is_exit_2(tmp_path):
    pytest.importorskip("redraft.store")
    result = run("nosuchdraft", "--store", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.startswith("redraft: error:")


def test_terminal_redline_reads_like_the_plain_one():
    from redraft.diff.engine import diff_drafts
    from redraft.render.diff_text import render_diff_plain, render_diff_text

    read = lambda p: canonical.parse(Path(p).read_text(encoding="utf-8"))  # noqa: E731
    result = diff_drafts(read(OLD), read(NEW))
    styled = render_diff_text(result, show_all=True)
    assert styled.plain == render_diff_plain(result, show_all=True)
    assert any("strike" in str(span.style) for span in styled.spans)
