"""The negotiation markup reader, on case files built from the Rio+20 patterns
(tests/cases/negotiation/*.txt, format in its README.md) and on laws."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redraft.errors import ConfigError
from redraft.negotiation.clean import clean_text
from redraft.negotiation.config import config_from_table
from redraft.negotiation.markup import Bracket, Markup, Option, parse_markup

CASES = Path(__file__).parent / "cases" / "negotiation"


def load_cases(path: Path) -> list[tuple[str, str, dict[str, list[str]]]]:
    """(label, text, expected) for each case of a case file: expected maps a key to
    its values (several ``problem:`` lines give several values)."""
    cases = []
    for chunk in path.read_text(encoding="utf-8").split("\n=====\n"):
        lines = [line for line in chunk.splitlines() if not line.startswith("#")]
        head, expected_lines = lines[: lines.index("---")], lines[lines.index("---") + 1 :]
        fields = dict(line.partition(": ")[::2] for line in head)
        expected: dict[str, list[str]] = {}
        for line in expected_lines:
            if line.strip():
                key, _, value = line.partition(":")
                expected.setdefault(key, []).append(value.strip())
        cases.append((fields.get("label", ""), fields["text"], expected))
    return cases


def all_cases() -> list[object]:
    return [
        pytest.param(label, text, expected, id=f"{path.stem}-{index}")
        for path in sorted(CASES.glob("*.txt"))
        for index, (label, text, expected) in enumerate(load_cases(path), start=1)
    ]


def _tag_string(markup: Markup) -> str:
    return "; ".join(f"{','.join(t.delegations)}/{t.action}" for t in markup.tags())


def _option_text(option: Option) -> str:
    out = []
    for part in option.parts:
        if isinstance(part, Bracket):
            out.append("[" + " / ".join(_option_text(o) for o in part.options) + "]")
        else:
            out.append(part)
    return "".join(out)


def _options_string(markup: Markup) -> str:
    tops = [p for p in markup.parts if isinstance(p, Bracket)]
    return "; ".join("|".join(_option_text(o) for o in b.options) for b in tops)


@pytest.mark.parametrize(("label", "text", "expected"), all_cases())
def test_case(label: str, text: str, expected: dict[str, list[str]]) -> None:
    markup = parse_markup(text, label)
    actual = {
        "state": lambda: markup.state,
        "marker": lambda: markup.marker,
        "brackets": lambda: str(len(markup.brackets())),
        "proponents": lambda: ", ".join(markup.proponents()),
        "tags": lambda: _tag_string(markup),
        "options": lambda: _options_string(markup),
        "clean": lambda: clean_text(markup)[0],
        "unresolved": lambda: clean_text(markup)[1],
    }
    for key, values in expected.items():
        if key == "problem":
            got = [f"{p.kind} {p.offset}" for p in markup.problems]
            assert got == values, markup.problems
        else:
            assert actual[key]() == values[0], key


def test_case_files_exist_and_cover_the_issue_patterns() -> None:
    names = {p.stem for p in CASES.glob("*.txt")}
    assert {"rio20", "markers", "tags", "bad-markup"} <= names
    assert sum(len(load_cases(p)) for p in CASES.glob("*.txt")) >= 25


def test_problem_names_label_offset_and_excerpt() -> None:
    problem = parse_markup("Decides to convene [a meeting in 2028;", "OP5").problems[0]
    assert (problem.label, problem.offset, problem.kind) == ("OP5", 19, "unclosed")
    assert "[a meeting in 2028;" in problem.excerpt
    assert str(problem).startswith("OP5, character 19: '[' is never closed")


def test_configured_markers_and_delegations() -> None:
    config = config_from_table(
        {
            "agreed-ad-ref": ["ad ref", "agreed ad ref"],
            "pending": ["under consultation"],
            "delegations": ["US", "EU"],
        }
    )
    assert parse_markup("Text. [Under consultation]", "OP1", config).state == "open"
    assert parse_markup("Text. [Under consultation]", "OP1", config).marker == "pending"
    # "agreed ad referendum" is a default phrase, no longer configured here
    assert parse_markup("Text. [Agreed ad referendum]", "OP1", config).marker == ""
    markup = parse_markup("Text [more - G77].", "OP1", config)
    assert [(p.kind, p.offset) for p in markup.problems] == [("unknown-delegation", 13)]


def test_bad_config_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="must be a list of strings"):
        config_from_table({"agreed": "agreed"})
    with pytest.raises(ConfigError, match="no setting 'colour'"):
        config_from_table({"colour": ["red"]})


# -- laws ------------------------------------------------------------------------

_word = st.sampled_from(["States", "the", "oceans", "data", "2030", "urge", "fund", "(a)"])
_phrase = st.lists(_word, min_size=1, max_size=4).map(" ".join)


@st.composite
def _bracketed(draw: st.DrawFn, depth: int = 0) -> tuple[str, int]:
    """A bracket of one to three alternatives, maybe nesting more: (text, pairs)."""
    options, count = [], 1
    for _ in range(draw(st.integers(1, 3))):
        text = draw(_phrase)
        if depth < 2 and draw(st.booleans()):
            inner, inner_count = draw(_bracketed(depth + 1))
            text = f"{text} {inner}"
            count += inner_count
        options.append(text)
    return "[" + " / ".join(options) + "]", count


@st.composite
def _paragraph(draw: st.DrawFn) -> tuple[str, int]:
    pieces, count = [draw(_phrase)], 0
    for _ in range(draw(st.integers(0, 3))):
        bracket, n = draw(_bracketed())
        pieces += [bracket, draw(_phrase)]
        count += n
    return " ".join(pieces), count


@settings(max_examples=200, deadline=None)
@given(_paragraph())
def test_balanced_brackets_are_counted_and_kept(case: tuple[str, int]) -> None:
    """Without tags or markers, every pair is found, nothing is reported, and the
    clean text of an open paragraph is the text itself."""
    text, count = case
    markup = parse_markup(text, "OP1")
    assert not markup.problems
    assert len(markup.brackets()) == count
    assert markup.state == ("open" if count else "clean")
    assert clean_text(markup)[0] == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab []()/-.;:EU", max_size=40))
def test_any_text_parses_and_unbalanced_is_reported(text: str) -> None:
    markup = parse_markup(text, "OP1")
    assert all(0 <= p.offset < len(text) for p in markup.problems)
    if text.count("[") != text.count("]"):
        assert any(p.kind in ("unclosed", "unopened") for p in markup.problems)


# -- "NAME: text" prefixes (the alternatives redraft merge writes) -------------------


def test_prefix_names_are_restricted_to_configured_delegations() -> None:
    config = config_from_table({"delegations": ["US", "EU", "G77", "eu-proposal"]})
    assert parse_markup("Recalls [UNCLOS: article 76];", config=config).proponents() == ()
    assert parse_markup("Recalls [UNCLOS: article 76];").proponents() == ("UNCLOS",)
    markup = parse_markup("[eu-proposal: Urges States / G77: Invites States]", config=config)
    assert markup.proponents() == ("eu-proposal", "G77")
    assert not markup.problems
    merged = parse_markup("[ours: Urges States / G77: Invites States]", "OP2", config)
    assert merged.proponents() == ("ours", "G77")
    assert [(p.kind, p.offset) for p in merged.problems] == [("unknown-delegation", 1)]


_NAMES = st.sampled_from(
    [
        "EU",
        "G77",
        "US",
        "Russian Federation",
        "Republic of Korea",
        "G77 and China",
        "Democratic Republic of the Congo",
        "Holy See",
    ]
)
_WORDS = st.lists(
    st.sampled_from(["urges", "States", "to", "act", "the", "Office", "now"]),
    min_size=1,
    max_size=6,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(_NAMES, min_size=1, max_size=2, unique=True), _WORDS),
        min_size=2,
        max_size=4,
    )
)
def test_prefixed_alternatives_read_back(options: list[tuple[list[str], str]]) -> None:
    """Law: ``[N1/N2: t1 / N3: t2]`` has the options t1, t2 and the proponents named in
    order of first mention, as merge.threeway.bracket_text writes them."""
    from redraft.merge.threeway import Alternative, bracket_text

    text = "Decides " + bracket_text([Alternative(tuple(n), t) for n, t in options]) + ";"
    markup = parse_markup(text)
    assert not markup.problems
    assert _options_string(markup) == "|".join(t for _, t in options)
    assert markup.proponents() == tuple(dict.fromkeys(n for names, _ in options for n in names))


def test_blame_words_name_the_prefix_of_each_alternative() -> None:
    from redraft import canonical
    from redraft.negotiation.blame import blame_words
    from redraft.negotiation.lineage import build_lineage

    def version(number: int) -> object:
        return type(
            "V",
            (),
            {"number": number, "by": "Facilitator", "date": "", "symbol": "", "sponsors": ()},
        )()

    def draft(text: str) -> object:
        return canonical.parse(f"---\nredraft: 1\n---\n\n1. {text}\n")

    history = [
        (version(1), draft("Urges States to act;")),
        (version(2), draft("[EU: Urges States to act; / G77: Encourages States to act;]")),
    ]
    words = blame_words(build_lineage("x", history), "OP1")  # type: ignore[arg-type]
    assert [(p.text, p.stamp.version, p.proposed_by) for p in words.passages] == [
        ("[EU: ", 2, ("EU",)),
        ("Urges States to act;", 1, ("EU",)),  # the words of version 1, now EU's wording
        (" / G77: Encourages States to act;]", 2, ("G77",)),
    ]
