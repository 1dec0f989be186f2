"""``redraft log`` compares consecutive versions on the stretch where their bytes differ
(redraft/measure/log_stretch.py): its figures must be those of comparing the whole
texts, whatever the texts hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redraft.errors import InputError
from redraft.measure import log as measure_log
from redraft.measure.log import LogEntry, build_log
from redraft.measure.log_stretch import changed_stretch, plain_body
from redraft.model import Version

FRONT = "---\nredraft: 1\nsymbol: A/79/L.{n}\n---\n\n"
WORDS = "Member States the Secretariat report on crime urges invites all fund".split()

paragraph = st.one_of(
    st.builds(
        lambda lead, body: f"{lead}*Urges* {' '.join(body)};",
        st.sampled_from(["", "1. ", "2. ", "PP 3 ", "(a) "]),
        st.lists(st.sampled_from(WORDS), min_size=0, max_size=8),
    ),
    # what the split must not cut on: sub-paragraphs, footnotes, blank items, line ends
    st.sampled_from(
        [
            "    (a) a sub-paragraph;",
            "[^1]: A footnote.",
            " ",
            "\t",
            "\n",
            "\u00a0",
            "\u00e9tats membres",
            "## A heading",
            "> *The General Assembly*,",
            "| a | b |\n|---|---|\n| 1 | 2 |",
            "*Recalling*\nover two lines,",
            "",
        ]
    ),
)


def _text(paragraphs: list[str], n: int = 1, end: str = "\n") -> bytes:
    return (FRONT.format(n=n) + "\n\n".join(paragraphs) + end).encode()


def _log(texts: list[bytes]) -> list[LogEntry]:
    versions = [
        Version("d", n, f"c{n}", "2024-01-01", "EU", blob=f"b{n}") for n in range(1, 1 + len(texts))
    ]
    return build_log(versions, texts)


def _whole(texts: list[bytes], monkeypatch: pytest.MonkeyPatch) -> list[LogEntry]:
    with monkeypatch.context() as patched:
        patched.setattr(measure_log, "plain_body", lambda text: None)
        return _log(texts)


def _figures(entries: list[LogEntry]) -> list[tuple[int, int, str]]:
    return [(e.words, e.delta, e.summary) for e in entries]


def _outcome(texts: list[bytes], whole: bool) -> object:
    """The figures, or the error a text that is not canonical gives (the same both ways)."""
    try:
        if not whole:
            return _figures(_log(texts))
        with pytest.MonkeyPatch.context() as monkeypatch:
            return _figures(_whole(texts, monkeypatch))
    except InputError as error:
        return str(error)


@settings(max_examples=300, deadline=None)
@given(st.lists(paragraph, min_size=0, max_size=8), st.data())
def test_figures_from_the_changed_stretch_equal_those_of_the_whole_texts(first, data) -> None:
    texts, paragraphs = [_text(first)], list(first)
    for n in range(2, data.draw(st.integers(2, 5)) + 1):
        for _ in range(data.draw(st.integers(0, 3))):
            action = data.draw(st.sampled_from(["edit", "insert", "delete", "repeat"]))
            spot = data.draw(st.integers(0, len(paragraphs)))
            if action == "insert" or not paragraphs:
                paragraphs.insert(spot, data.draw(paragraph))
            elif action == "delete":
                del paragraphs[min(spot, len(paragraphs) - 1)]
            elif action == "repeat":  # the same paragraph again, next to itself
                spot = min(spot, len(paragraphs) - 1)
                paragraphs.insert(spot, paragraphs[spot])
            else:
                spot = min(spot, len(paragraphs) - 1)
                paragraphs[spot] += " " + data.draw(st.sampled_from(WORDS))
        symbol = data.draw(st.sampled_from([1, n]))
        texts.append(_text(paragraphs, symbol, data.draw(st.sampled_from(["\n", "\n\n", ""]))))
    assert _outcome(texts, whole=False) == _outcome(texts, whole=True)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (["A x;", "B y;"], ["A x;", "B y;", "C z;"]),  # added at the end
        (["A x;", "B y;", "C z;"], ["A x;", "C z;"]),
        (["A x;", "B y;"], ["A x;", "B y;", "B y;"]),  # a paragraph repeated
        (["A x;", "B y;", "B y;", "C z;"], ["A x;", "B y;", "C z;"]),
        (["B y;", "C z;"], ["B y;", "B y;", "C z;"]),
        (["1. *Urges* a;", "2. *Urges* b;"], ["1. *Urges* c;", "2. *Urges* a;", "3. *Urges* b;"]),
        (["A x;", "B y;"], ["A x;", "    (a) sub;", "B y;"]),
        (["A x;", "B y;"], ["A x;", "[^1]: note.", "B y;"]),
        (["A x;", "B y;"], ["A x;", "\nB y;"]),
        (["A x;"], []),
        ([], ["A x;"]),
    ],
)
def test_edge_cases_agree_with_the_whole_texts(old, new) -> None:
    texts = [_text(old), _text(new)]
    assert _outcome(texts, whole=False) == _outcome(texts, whole=True)


def test_only_the_changed_paragraphs_are_split() -> None:
    old = _text([f"{n}. *Urges* all States {n};" for n in range(1, 50)])
    new = old.replace(b"States 20;", b"States 20 now;")
    before, after = plain_body(old), plain_body(new)
    assert before is not None and after is not None
    assert changed_stretch(before, after) == (
        ["20. *Urges* all States 20;"],
        ["20. *Urges* all States 20 now;"],
        True,
    )


def test_texts_not_plain_enough_are_split_whole() -> None:
    assert plain_body(b"no front matter\n\nA x;\n") is None
    assert plain_body(_text(["A x;"]).replace(b"\n", b"\r\n")) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcd"), max_size=6), st.lists(st.sampled_from("abcd"), max_size=6))
def test_the_places_that_differ_are_those_the_matcher_finds(old, new) -> None:
    """The shortcut for one place (one paragraph for one, or only insertions or only
    deletions) gives what the matcher gives after the shared head and tail are trimmed."""
    from difflib import SequenceMatcher

    from redraft.measure.log import _unmatched

    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    matcher = SequenceMatcher(
        None, old[head : len(old) - tail], new[head : len(new) - tail], autojunk=False
    )
    expected = [
        (range(head + i1, head + i2), range(head + j1, head + j2))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]
    assert _unmatched(old, new) == expected
