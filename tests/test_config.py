"""Configuration: bad configs give one clear line naming the file and the line at fault
(exit 2); good ones come from redraft.toml, [tool.redraft] or --config."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from redraft.cli import cli
from redraft.config import before, find_config, load_config, parse_config
from redraft.errors import ConfigError

DRAFT = "---\nredraft: 1\n---\n\n1. *Decides* to act.\n"

BAD = [
    # (config text, what the one line must say)
    ("[check]\nmax_words = 3300\nmax_words 12\n", "line 3"),  # TOML syntax: tomllib's line
    (
        "[check]\nmax_word = 3300\n",
        "redraft.toml:2: unknown key 'max_word' in [check] (did you mean 'max_words'?)",
    ),
    (
        '# limits\n[check]\n\nmax_words = "many"\n',
        "redraft.toml:4: 'max_words' must be a whole number >= 0, not 'many'",
    ),
    ('[check]\nmax_growth = "a lot"\n', "redraft.toml:2: 'max_growth' must be a percentage"),
    ('[check]\npreset = "in-sesion"\n', "redraft.toml:2: unknown preset 'in-sesion'"),
    (
        '[check]\nmax_words = 1\nseverity = { max_words = "fatal" }\n',
        "redraft.toml:3: severity of 'max_words' must be one of error, warning, off",
    ),
    (
        '[check]\nseverity = { max_wrds = "error" }\n',
        "redraft.toml:2: unknown rule 'max_wrds' in severity (did you mean 'max_words'?)",
    ),
    ('[session]\nstart = "April"\n', "redraft.toml:2: 'start' must be a date"),
    (
        '[session]\nstart = 2012-04-23\ndeadline = "soon"\n',
        "redraft.toml:3: 'deadline' must be a period such as",
    ),
    ('[session]\nlanguages = "en"\n', "redraft.toml:2: 'languages' must be a list of strings"),
    ("[chek]\nmax_words = 1\n", "redraft.toml:1: unknown section [chek] (did you mean [check]?)"),
    ("[stats]\nwords_per_page = 0\n", "redraft.toml:2: 'words_per_page' must be above 0"),
    ("# limits\nmax_words = 3300\n", "redraft.toml:2: 'max_words' belongs in the [check] section"),
    (
        '[check]\nopeners = { preambular = ["Given"], operatve = ["Says"] }\n',
        "redraft.toml:2: unknown key 'operatve' in [check]",
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD, ids=[m[:30] for _, m in BAD])
def test_bad_config_is_one_line_with_the_line_at_fault(
    tmp_path: Path, text: str, message: str
) -> None:
    config = tmp_path / "redraft.toml"
    config.write_text(text)
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT)
    result = CliRunner().invoke(cli, ["check", str(draft), "--config", str(config)])
    assert result.exit_code == 2
    lines = result.output.strip().split("\n")
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"redraft: error: {config}")
    assert message in lines[0]


def test_pyproject_section_and_its_line_numbers(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "x"\n\n[tool.redraft.check]\nmax_words = 100\n'
        "[tool.redraft.session]\nstart = 2012-04-23\n"
    )
    config = load_config(pyproject)
    assert config.check.max_words == 100 and config.session.start == dt.date(2012, 4, 23)
    assert find_config(start=tmp_path) == pyproject
    pyproject.write_text('[project]\nname = "x"\n\n[tool.redraft.check]\nmax_wrds = 100\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml:5: unknown key 'max_wrds'"):
        load_config(pyproject)
    pyproject.write_text('[project]\nname = "x"\n\n[tool.redraft]\nmax_words = 100\n')
    with pytest.raises(ConfigError, match=r":5: 'max_words' belongs in the \[tool.redraft.check\]"):
        load_config(pyproject)


def test_store_config_and_other_sections_left_alone(tmp_path: Path) -> None:
    (tmp_path / "redraft.toml").write_text('[store]\nby = "EU"\n\n[check]\nmax_operative = 30\n')
    config = load_config(store=tmp_path)
    assert config.check.max_operative == 30
    assert config.source == str(tmp_path / "redraft.toml")


def test_missing_config_file_is_exit_2(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT)
    result = CliRunner().invoke(cli, ["check", str(draft), "--config", str(tmp_path / "no.toml")])
    assert result.exit_code == 2
    assert "no such configuration file" in result.output


def test_the_issue_example_reads() -> None:
    config = parse_config(
        '[check]\npreset = "in-session"\nmax_words = 3300\nmax_paragraph_words = 250\n'
        'max_operative = 30\nmax_growth = "20%"\n'
        'severity = { max_words = "error", max_growth = "warning" }\n\n'
        '[session]\nstart = 2012-04-23\ndeadline = "1 month"\n'
        'languages = ["ar", "zh", "en", "fr", "ru", "es"]\n'
    )
    assert (config.check.max_words, config.check.max_growth) == (3300, 20.0)
    assert config.check.severity_of("max_growth") == "warning"
    assert config.session.languages[1] == "zh"


def test_periods() -> None:
    start = dt.date(2012, 4, 23)
    assert before(start, "1 month") == dt.date(2012, 3, 23)
    assert before(start, "3 weeks") == dt.date(2012, 4, 2)
    assert before(dt.date(2012, 3, 31), "1 month") == dt.date(2012, 2, 29)
    assert before(dt.date(2012, 1, 15), "2 months") == dt.date(2011, 11, 15)


_VALUES = [
    "3300",
    '"20%"',
    "-1",
    "true",
    "2012-04-23",
    '"1 month"',
    '["en", "fr"]',
    "[1, 2]",
    '{ max_words = "error" }',
    "{ x = 1 }",
    '"in-session"',
    "1.5",
    '"soon"',
    '""',
]
_KEYS = [
    "max_words",
    "soft_max_words",
    "max_growth",
    "preset",
    "severity",
    "openers",
    "start",
    "deadline",
    "languages",
    "words_per_page",
    "preambular_openers",
    "nope",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["check", "session", "stats"]),
            st.sampled_from(_KEYS),
            st.sampled_from(_VALUES),
        ),
        max_size=6,
    )
)
def test_any_config_reads_or_fails_with_one_located_line(entries) -> None:  # type: ignore[no-untyped-def]
    sections: dict[str, dict[str, str]] = {}
    for section, key, value in entries:
        sections.setdefault(section, {})[key] = value
    text = "".join(
        f"[{name}]\n" + "".join(f"{k} = {v}\n" for k, v in body.items())
        for name, body in sections.items()
    )
    try:
        parse_config(text, "redraft.toml")
    except ConfigError as error:
        message = str(error)
        assert "\n" not in message
        assert message.startswith("redraft.toml:")  # every error names a line
