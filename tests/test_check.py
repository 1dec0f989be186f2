"""``redraft check``: every rule has a failing and a passing case through the CLI.

Case files (tests/cases/check/): ``NAME.txt`` the draft, ``NAME.toml`` its config,
``NAME.args`` extra arguments (optional), ``NAME.out`` the expected exit code
("exit N") then the expected violation lines of ``--format text``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from redraft import canonical
from redraft.cli import cli
from redraft.config import parse_config
from redraft.measure.check import check_drafts

from .strategies import drafts

CASES = Path(__file__).parent / "cases" / "check"
CASE_NAMES = sorted(p.stem for p in CASES.glob("*.toml"))
RULES = (
    "max_words",
    "max_paragraph_words",
    "max_preambular",
    "max_operative",
    "numbering",
    "duplicate_label",
    "preambular_opener",
    "operative_opener",
    "brackets",
    "deadline",
    "languages",
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def run_case(name: str):  # type: ignore[no-untyped-def]
    args = ["check", str(CASES / f"{name}.txt"), "--config", str(CASES / f"{name}.toml")]
    extra = CASES / f"{name}.args"
    if extra.exists():
        args += extra.read_text().split()
    return run(*args)


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    for rule in RULES:
        assert f"{rule}-fail" in CASE_NAMES and f"{rule}-pass" in CASE_NAMES, rule


@pytest.mark.parametrize("name", CASE_NAMES)
def test_case(name: str) -> None:
    expected = (CASES / f"{name}.out").read_text(encoding="utf-8").strip().split("\n")
    result = run_case(name)
    assert f"exit {result.exit_code}" == expected[0], result.output
    lines = result.output.strip().split("\n")
    assert lines[:-1] == expected[1:]  # the last line is the summary
    rule = name.rsplit("-", 1)[0]
    if name.endswith("-pass"):
        assert lines[-1].startswith("0 errors, 0 warnings in 1 draft")
    else:
        assert any(line.endswith(f"[{rule}]") for line in lines)


def long_draft(paragraphs: int, words: int = 20) -> str:
    body = "\n\n".join(f"{i}. *Decides* " + "word " * (words - 1) for i in range(1, paragraphs + 1))
    return "---\nredraft: 1\n---\n\n" + body.replace(" \n", "\n").rstrip() + "\n"


def test_presets(tmp_path: Path) -> None:
    draft = tmp_path / "long.txt"
    draft.write_text(long_draft(170))  # 3,400 words
    config = tmp_path / "redraft.toml"
    config.write_text('[check]\npreset = "in-session"\n')
    result = run("check", str(draft), "--config", str(config))
    assert result.exit_code == 1
    assert "3,400 words, over the limit of 3,300 (in-session preset) [max_words]" in result.output
    config.write_text('[check]\npreset = "un-reports"\n')
    assert run("check", str(draft), "--config", str(config)).exit_code == 0
    draft.write_text(long_draft(430))  # 8,600 words: over the Secretariat's 8,500
    result = run("check", str(draft), "--config", str(config))
    assert result.exit_code == 0
    assert "8,600 words, over the soft limit of 8,500 (un-reports preset)" in result.output
    assert parse_config('[check]\npreset = "un-reports"\n').check.max_words == 10700


def test_growth_against_base_file_and_store(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(long_draft(10))  # 200 words
    new.write_text(long_draft(13))  # 260 words: +30%
    config = tmp_path / "c.toml"
    config.write_text('[check]\nmax_growth = "20%"\nseverity = { max_growth = "error" }\n')
    result = run("check", str(new), "--base", str(old), "--config", str(config))
    assert result.exit_code == 1
    assert "grew 30% since" in result.output and "(200 -> 260 words)" in result.output
    config.write_text("[check]\nmax_growth = 30\n")
    assert run("check", str(new), "--base", str(old), "--config", str(config)).exit_code == 0

    from redraft.store import Store

    store = Store.init(tmp_path / "store")
    store.save("l3", canonical.parse(old.read_text()), by="EU", date="2012-03-01")
    store.save("l3", canonical.parse(new.read_text()), by="G77", date="2012-03-10")
    (tmp_path / "store" / "redraft.toml").write_text('[check]\nmax_growth = "25%"\n')
    result = run("check", "--store", str(tmp_path / "store"), "--format", "github")
    assert result.exit_code == 0
    assert result.output.startswith(
        "::warning file=drafts/l3.txt,title=redraft max_growth::l3: grew 30%25 since the first"
    )
    result = run("check", "l3", "--store", str(tmp_path / "store"), "--base", "2")
    assert "[max_growth]" not in result.output  # against version 2 itself: no growth


def test_language_versions_in_the_store(tmp_path: Path) -> None:
    from redraft.store import Store

    store = Store.init(tmp_path / "s")
    draft = canonical.parse(long_draft(2))
    store.save("l3", draft, by="EU", date="2012-03-01")
    (tmp_path / "s" / "redraft.toml").write_text(
        '[session]\nstart = 2012-04-23\nlanguages = ["en", "fr"]\n'
    )
    args = ["check", "--store", str(tmp_path / "s"), "--today", "2012-04-10"]
    assert "no fr version on 2012-04-10" in run(*args).output
    store.save("l3.fr", draft, by="EU", date="2012-03-02")
    assert "[languages]" not in run(*args).output
    assert "[languages]" not in run(*args[:-2], "--today", "2012-03-30").output


def test_json_and_github_formats() -> None:
    name = "numbering-fail"
    args = [str(CASES / f"{name}.txt"), "--config", str(CASES / f"{name}.toml")]
    document = json.loads(run("check", *args, "--format", "json").output)
    assert document["schema"] == "redraft.check/1"
    assert document["violations"][0] == {
        "draft": name,
        "rule": "numbering",
        "severity": "error",
        "label": "OP4",
        "message": "numbered 4 out of sequence (expected 3)",
        "file": str(CASES / f"{name}.txt"),
    }
    assert (document["errors"], document["warnings"], document["exit_code"]) == (2, 0, 1)
    github = run("check", *args, "--format", "github").output.split("\n")
    assert github[0] == (
        f"::error file={CASES / name}.txt,title=redraft numbering::"
        f"{name} OP4: numbered 4 out of sequence (expected 3)"
    )


def test_severity_can_demote_or_switch_off() -> None:
    draft = canonical.parse((CASES / "brackets-fail.txt").read_text())
    assert check_drafts([("d", draft)]).exit_code == 1
    demoted = parse_config('[check]\nseverity = { brackets = "warning" }\n')
    result = check_drafts([("d", draft)], demoted)
    assert (result.exit_code, result.warnings) == (0, 1)
    off = parse_config('[check]\nseverity = { brackets = "off" }\n')
    assert check_drafts([("d", draft)], off).violations == ()


def test_openers_are_not_linted_in_other_languages() -> None:
    draft = canonical.parse("---\nredraft: 1\nlanguage: fr\n---\n\n*Rappelant* sa résolution,\n")
    assert check_drafts([("fr", draft)], today=dt.date(2024, 1, 1)).violations == ()


def test_no_store_and_no_drafts_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REDRAFT_STORE", raising=False)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 2
    assert result.output.startswith("redraft: error:")


def test_real_resolution_with_numbers_outside_the_markup() -> None:
    """79/160 types "26<TAB>" and "27<TAB>" in the text instead of <num>: the AKN
    reader reads them (they continue 25.), so the numbering has no gap. The gap rule
    itself is tested by tests/cases/check/numbering-fail."""
    from redraft.resolve import load

    draft = load(str(Path(__file__).parent / "data" / "stats" / "A_RES_79_160-2424153E.xml")).draft
    result = check_drafts([("79/160", draft)])
    assert [v for v in result.violations if v.rule == "numbering"] == []
    numbers = [b.number for b in draft.blocks if b.kind.value == "operative"]
    assert numbers[24:28] == ["25.", "26.", "27.", "28."]
    assert draft.find("OP26").opening == "Condemns without reservation"
    assert draft.find("OP27").text.startswith("Affirms its deep commitment to the duty")


def numbered_list(keys: list[str]) -> str:
    return "---\nredraft: 1\n---\n\n" + "\n\n".join(f"{k} *Decides* to act;" for k in keys) + "\n"


SEQUENCES = {
    "numbers": [str(n) + "." for n in range(1, 40)],
    "letters": [f"({chr(97 + n)})" for n in range(26)] + ["(aa)", "(bb)"],
    "roman": [
        f"({r})"
        for r in ("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx").split()
    ],
}


@pytest.mark.parametrize("style", sorted(SEQUENCES))
def test_every_full_list_passes_and_every_gap_is_found(style: str) -> None:
    """Exhaustive over list lengths and gap positions: a full list gives no numbering
    violation; a list missing one number (not the first: lists may restart at 1, nor the
    last) gives exactly one, naming the missing number."""
    every = SEQUENCES[style]
    for size in range(2, len(every) + 1):
        keys = every[:size]
        full = canonical.parse(numbered_list(keys))
        assert not [v for v in check_drafts([("d", full)]).violations if v.rule == "numbering"]
        for gap in range(1, size - 1):
            holed = canonical.parse(numbered_list(keys[:gap] + keys[gap + 1 :]))
            found = [v for v in check_drafts([("d", holed)]).violations if v.rule == "numbering"]
            assert len(found) == 1, (keys, gap, found)
            assert f"expected {keys[gap].rstrip('.')}" in found[0].message


def test_base_without_max_growth_warns(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(long_draft(2))
    config = tmp_path / "c.toml"
    config.write_text("[check]\nmax_words = 1000\n")
    result = CliRunner().invoke(
        cli, ["check", str(draft), "--base", str(draft), "--config", str(config)]
    )
    assert result.exit_code == 0
    assert "redraft: warning: --base has no effect: the config sets no max_growth" in result.output


def test_github_escapes_properties_and_message(tmp_path: Path) -> None:
    folder = tmp_path / "a,b:c"
    folder.mkdir()
    draft = folder / "d.txt"
    draft.write_text("---\nredraft: 1\n---\n\n1. *Decides* to act [now.\n")
    line = run("check", str(draft), "--format", "github").output.split("\n")[0]
    assert line.startswith("::error file=")
    assert "a%2Cb%3Ac/d.txt,title=redraft brackets::d OP1: '[' is never closed" in line


def test_store_drafts_are_read_together_and_unknown_names_named(tmp_path: Path) -> None:
    from redraft.store import Store

    store = Store.init(tmp_path / "s")
    for name, paragraphs in (("a", 2), ("b", 3), ("c", 4)):
        store.save(name, canonical.parse(long_draft(paragraphs)), by="EU", date="2012-03-01")
    (tmp_path / "s" / "redraft.toml").write_text("[check]\nmax_operative = 3\n")
    result = run("check", "--store", str(tmp_path / "s"), "--format", "json")
    document = json.loads(result.output)
    assert document["drafts"] == ["a", "b", "c"]
    assert [(v["draft"], v["rule"]) for v in document["violations"]] == [("c", "max_operative")]
    result = CliRunner().invoke(cli, ["check", "a", "nosuch", "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert result.output.startswith("redraft: error: nosuch")
    stats = json.loads(run("stats", "--store", str(tmp_path / "s"), "--format", "json").output)
    assert [(d["name"], d["words"]) for d in stats["drafts"]] == [("a", 40), ("b", 60), ("c", 80)]


def test_a_store_file_given_by_path_uses_the_store_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redraft.store import Store

    store = Store.init(tmp_path / "s")
    store.save("l3", canonical.parse(long_draft(10)), by="EU", date="2012-03-30")
    (tmp_path / "s" / "redraft.toml").write_text(
        '[check]\nmax_growth = "10%"\n[session]\nstart = 2012-04-23\n'
    )
    edited = tmp_path / "s" / "drafts" / "l3.txt"
    edited.write_text(long_draft(12))  # the working copy a pre-commit hook checks: +20%
    monkeypatch.chdir(tmp_path / "s")
    monkeypatch.delenv("REDRAFT_STORE", raising=False)
    result = run("check", "drafts/l3.txt")
    assert result.exit_code == 1
    assert "l3: error: first version saved 2012-03-30, after the deadline 2012-03-23" in (
        result.output
    )
    assert "l3: warning: grew 20% since the first version (200 -> 240 words)" in result.output


@settings(max_examples=150, deadline=None)
@given(drafts())
def test_any_draft_checks_and_violations_point_at_its_labels(draft) -> None:  # type: ignore[no-untyped-def]
    config = parse_config(
        "[check]\nmax_words = 5\nmax_paragraph_words = 3\nmax_operative = 1\nmax_preambular = 1\n"
    )
    result = check_drafts([("d", draft)], config)
    labels = set(draft.labels())
    assert result.exit_code in (0, 1)
    assert all(v.label == "" or v.label in labels for v in result.violations)
    assert result.exit_code == (1 if any(v.severity == "error" for v in result.violations) else 0)
