"""What a new user meets in the first hour (issue 18): help, suggestions, plurals,
output that suits the terminal and the pipe, consistent options, exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from redraft.cli import cli
from redraft.render.marks import parse_marks
from redraft.store import Store
from tests.cli_helpers import run

ROOT = Path(__file__).parent.parent
DRAFTS = ROOT / "drafts"
GA1 = DRAFTS / "ga-draft-resolution-i-follow-up-twelfth-united.txt"
AKN = ROOT / "tests" / "data" / "akn" / "A_RES_79_9-2421657E.xml"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """ct-assist with two versions, dated, by two delegations."""
    from redraft.resolve import load

    opened = Store.init(tmp_path / "store")
    draft = load(str(GA1)).draft
    first = draft.__class__(meta=draft.meta, blocks=draft.blocks[:-1])
    opened.save("ct-assist", first, by="Brazil", symbol="E/CN.15/2011/L.3", date="2011-04-12")
    opened.save("ct-assist", draft, by="EU", symbol="E/CN.15/2011/L.3/Rev.1", date="2011-04-15")
    return opened.root


def test_bare_redraft_prints_help_to_stdout_with_exit_0() -> None:
    code, out, err = run()
    assert code == 0 and err == ""
    assert out.startswith("Usage: ") and "Commands:" in out and "diff" in out


def test_a_mistyped_command_gets_a_suggestion() -> None:
    code, _, err = run("dif", "a", "b")
    assert code == 2
    assert (
        err
        == "redraft: error: No such command 'dif'; did you mean 'diff'? (see 'redraft --help')\n"
    )


def test_a_mistyped_draft_gets_a_suggestion(store: Path) -> None:
    code, _, err = run("show", "ct-asist", "--store", str(store))
    assert code == 2 and err.count("\n") == 1
    assert err.rstrip().endswith("did you mean 'ct-assist'?")
    code, _, err = run("log", "ct-asist", "--store", str(store))
    assert code == 2 and err.rstrip().endswith("did you mean 'ct-assist'?")
    code, _, err = run("history", "ct-asist", "OP1", "--store", str(store))
    assert code == 2 and err.rstrip().endswith("did you mean 'ct-assist'?")


def test_plurals(store: Path) -> None:
    _, out, _ = run("check", str(GA1), "--today", "2011-01-01")
    assert out.rstrip().endswith("in 1 draft")
    from redraft.english import plural

    assert [plural(n, "contains") for n in (0, 1, 2)] == ["0 contain", "1 contains", "2 contain"]
    assert plural(1, "draft") == "1 draft" and plural(1_000, "word") == "1,000 words"


def test_plain_diff_opens_with_a_header_naming_both_versions(store: Path) -> None:
    code, out, _ = run("diff", "ct-assist@1", "ct-assist@Rev.1", "--store", str(store))
    assert code == 0
    assert out.splitlines()[:3] == [
        "--- ct-assist@1 · E/CN.15/2011/L.3 · 2011-04-12 · Brazil",
        "+++ ct-assist@2 · E/CN.15/2011/L.3/Rev.1 · 2011-04-15 · EU",
        "",
    ]


def test_redline_marks_are_never_negotiators_brackets(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    head = "The General Assembly,\n\n"
    old.write_text(head + "1. [Encourages - EU / Urges - G77] States to act;\n")
    new.write_text(head + "1. Encourages States to act;\n")
    code, out, _ = run("diff", str(old), str(new))
    assert code == 0
    redline = out.splitlines()[4]
    assert redline.startswith("{--[--}Encourages{--")  # not "[-[-]Encourages[-"
    segments = parse_marks(redline)
    assert (
        "".join(t for op, t in segments if op != "+")
        == "[Encourages - EU / Urges - G77] States to act;"
    )
    assert "".join(t for op, t in segments if op != "-") == "Encourages States to act;"


def test_export_infers_the_format_from_the_suffix_and_refuses_a_mismatch(tmp_path: Path) -> None:
    page = tmp_path / "x.html"
    code, _, err = run("export", str(GA1), "-o", str(page))
    assert code == 0, err
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, _, err = run("export", str(GA1), "--format", "md", "-o", str(page))
    assert code == 2 and "--format md does not go in a .html file" in err
    code, _, err = run("export", str(GA1), "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "cannot tell the format" in err
    assert not (tmp_path / "x.pdf").exists()


def test_dash_o_suffix_sets_the_format_of_other_commands(tmp_path: Path) -> None:
    csv = tmp_path / "lengths.csv"
    assert run("stats", str(GA1), "-o", str(csv))[0] == 0
    assert csv.read_text().startswith("name,words,")
    code, _, err = run("stats", str(GA1), "--format", "json", "-o", str(csv))
    assert code == 2 and "--format json does not go in a .csv file" in err
    code, _, err = run("show", str(GA1), "-o", str(tmp_path / "x.docx"))
    assert code == 2 and "does not write .docx files" in err


def test_akn_export_dates_the_version(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "rev1.xml"
    code, _, err = run("export", "ct-assist@Rev.1", "-o", str(out), "--store", str(store))
    assert code == 0, err
    xml = out.read_text(encoding="utf-8")
    assert 'FRBRdate date="2011-04-15"' in xml and "0001-01-01" not in xml


def test_show_list_and_log_take_dash_o(store: Path, tmp_path: Path) -> None:
    for args in (("show", "ct-assist"), ("list",), ("log", "ct-assist")):
        out = tmp_path / f"{args[0]}.txt"
        code, stdout, err = run(*args, "-o", str(out), "--store", str(store))
        assert code == 0 and stdout == "", err
        assert out.read_text(encoding="utf-8") == run(*args, "--store", str(store))[1]


def test_a_settled_text_is_all_agreed(tmp_path: Path) -> None:
    """No bracket left: 100% agreed, in status --by-version and in the report."""
    from redraft.resolve import load

    opened = Store.init(tmp_path / "store")
    marked = tmp_path / "marked.txt"
    marked.write_text(
        "The General Assembly,\n\n1. Decides to act; [Agreed ad ref]\n\n"
        "2. Requests [a report / an oral update - EU];\n\n3. Invites donors to contribute.\n"
    )
    opened.save("oceans", load(str(marked)).draft, by="Facilitator", date="2026-10-01")
    opened.save("oceans", load(str(GA1)).draft, by="Facilitator", date="2026-10-02")
    code, out, _ = run("status", "oceans", "--by-version", "--store", str(opened.root))
    assert code == 0
    assert re.search(r"progress: \S+  33% → 100% agreed over 2 versions", out), out
    document = json.loads(
        run("status", "oceans", "--by-version", "--format", "json", "--store", str(opened.root))[1]
    )
    assert [v["share_agreed"] for v in document["versions"]] == [0.3333, 1.0]
    assert document["totals"]["settled"] is True
    site = tmp_path / "site"
    assert run("report", "-o", str(site), "--store", str(opened.root))[0] == 0
    index = (site / "index.html").read_text(encoding="utf-8")
    paragraphs = document["totals"]["paragraphs"]
    assert f"{paragraphs}/{paragraphs} agreed" in index


def test_one_typo_is_one_finding(tmp_path: Path) -> None:
    """A mistyped number (7 for 5) gives one numbering error in check and no reader warning."""
    printed = tmp_path / "typo.txt"
    assert run("export", str(GA1), "-o", str(printed))[0] == 0
    text = printed.read_text(encoding="utf-8")
    printed.write_text(re.sub(r"(?m)^5\. ", "7. ", text), encoding="utf-8")
    code, out, err = run("check", str(printed), "--today", "2011-01-01")
    assert code == 1 and err == ""
    assert out.splitlines() == [
        "typo OP7: error: numbered 7 out of sequence (expected 5) [numbering]",
        "1 error, 0 warnings in 1 draft",
    ]


def test_reader_warnings_name_the_file_and_paragraph_once(tmp_path: Path) -> None:
    """A number whose place is a guess: the warning names the file and the label."""
    path = tmp_path / "guess.txt"
    path.write_text(
        "The General Assembly,\n\n1. Decides to act;\n\n(c) Requests a report;\n\n"
        "2. Invites donors to contribute.\n"
    )
    code, _, err = run("diff", str(path), str(path))
    assert code == 0
    assert err == f"redraft: warning: {path} OP1(c): numbered '(c)' after '1.': nesting guessed\n"


def test_rio20_rolling_text_reads_without_warnings() -> None:
    """Rolling texts keep their numbers when paragraphs go (6 then 12): no warning."""
    path = ROOT / "tests" / "cases" / "negotiation" / "drafts" / "rio20-rolling.txt"
    code, out, err = run("status", str(path))
    assert code == 0 and err == ""
    assert out.rstrip().endswith(
        "4 of 12 paragraphs agreed ad ref; 7 contain brackets; 2 proposed for deletion"
    )


def test_options_with_one_name_mean_one_thing() -> None:
    """Every option spelled alike takes a value everywhere or is a flag everywhere, and
    -o is always --output; every option of every command is in docs/cli.md."""
    import click

    from redraft.cli import COMMANDS

    ctx = click.Context(cli)
    seen: dict[str, tuple[bool, str]] = {}
    documented = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    problems = []
    commands: list[tuple[str, click.Command]] = []
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None
        commands.append((name, command))
        if isinstance(command, click.Group):  # redraft precedent index, search...
            commands += [(f"{name} {sub}", c) for sub, c in sorted(command.commands.items())]
    for name, command in commands:
        for param in command.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            for spelling in param.opts + param.secondary_opts:
                if spelling == "-o":
                    assert "--output" in param.opts, name
                kind = (param.is_flag, param.name or "")
                if spelling in seen and seen[spelling][0] != kind[0]:
                    problems.append(f"{spelling}: a flag in one command, a value in {name}")
                seen.setdefault(spelling, kind)
                if spelling.startswith("--") and f"`{spelling}" not in documented:
                    problems.append(f"redraft {name} {spelling}: not documented in docs/cli.md")
    assert not problems, "\n".join(problems)
