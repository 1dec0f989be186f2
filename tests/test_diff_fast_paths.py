"""The diff's fast paths compute exactly what their plain definitions compute."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from redraft.diff.inline import _diff_tokens, _word_tokens, diff_scored, diff_text, ratio, tidy
from redraft.diff.result import Change, VerbShift, built_change, unchanged_change
from redraft.diff.tokens import count_words, tokenize
from redraft.diff.units import (
    _BAG_WORD,
    common_words,
    mask_refs,
    pair_score,
    score_ceiling,
    words,
)
from redraft.model import FOOTNOTE_REF, Kind, Paragraph, cited_markers, ref_marker

#: Text mixing what the patterns treat specially: separators inside words, underscores,
#: superscript references, bracket references, digits, non-Latin letters.
texts = st.lists(
    st.sampled_from(
        [
            "a",
            "B",
            "é",
            "Ж",
            "1",
            "3",
            "_",
            "'",
            "’",
            "-",
            "/",
            ".",
            ",",
            " ",
            "\n",
            "\t",
            "\x1c",
            "\x1f",
            "\x0b",
            "\u00a0",
            "¹",
            "⁶",
            "[^x]",
            "[^",
            "]",
            "non-State",
            "A/RES/70/1",
        ]
    ),
    max_size=30,
).map("".join)
bags = st.dictionaries(st.sampled_from("abcdefgh"), st.integers(1, 4)).map(Counter)


@given(texts)
def test_words_match_the_reference_pattern(text: str) -> None:
    reference = Counter(_BAG_WORD.findall(mask_refs(text).replace("\x01", " ").lower()))
    assert words(text) == reference


def test_words_by_hand() -> None:
    assert words("Recalling A/RES/70/1¹ and non-State actors_x, and") == Counter(
        {"recalling": 1, "a/res/70/1": 1, "and": 2, "non-state": 1, "actors": 1, "x": 1}
    )


@given(bags, bags)
def test_common_words_is_the_multiset_intersection(a: Counter[str], b: Counter[str]) -> None:
    assert common_words(a, b) == sum((a & b).values())


def test_pair_score_by_hand() -> None:
    # 3 shared of 4 + 5 - 3 = 6 words: Jaccard 0.5; the shorter has 4 < 5 words
    a = Counter({"x": 2, "y": 1, "z": 1})
    b = Counter({"x": 2, "y": 1, "w": 2})
    assert pair_score(a, b) == 0.5


@given(bags, bags)
def test_score_ceiling_bounds_the_score(a: Counter[str], b: Counter[str]) -> None:
    size_a, size_b = sum(a.values()), sum(b.values())
    assert pair_score(a, b) <= score_ceiling(a, b, size_a, size_b)


def test_score_ceiling_by_hand() -> None:
    # shared distinct {x, y}: at most min(4 - 3 + 2, 5 - 3 + 2) = 3 common, 3 / 6 = 0.5
    a = Counter({"x": 2, "y": 1, "z": 1})
    b = Counter({"x": 2, "y": 1, "w": 2})
    assert score_ceiling(a, b, 4, 5) == 0.5
    # nothing shared: nothing common
    assert score_ceiling(Counter("ab"), Counter("cd"), 2, 2) == 0.0


@given(texts, texts, st.sampled_from(["words", "chars"]))
def test_diff_scored_counts_each_text_once_with_the_same_result(
    old: str, new: str, granularity: str
) -> None:
    segments = diff_text(old, new, granularity)
    assert diff_scored(old, new, granularity) == (segments, ratio(segments))


@given(texts, texts)
def test_word_diff_pieces_are_counted_as_count_words_counts_them(old: str, new: str) -> None:
    """diff_scored counts the words of a piece of the middle from its tokens, and of a
    run the clean-up folded as the sum of its parts: each must be count_words'."""
    counted: dict[str, int] = {}
    pieces = _diff_tokens(old, new, counted)
    assert {text for _, text in pieces} == set(counted)
    assert all(count_words(text) == words for text, words in counted.items())
    learned: dict[str, int] = {}
    tidy([("=", "a "), *pieces, ("=", " b")], count_words, learned)
    assert all(count_words(text) == words for text, words in learned.items())


def test_a_token_is_a_word_when_count_words_says_so() -> None:
    """Every character as a one-character token (all of the Basic Multilingual Plane,
    every 7th code point beyond): a word token for _word_tokens exactly when
    count_words counts it."""
    points = [*range(0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x110000, 7)]
    for point in points:
        char = chr(point)
        assert bool(_word_tokens([char])) == (count_words(char) == 1), hex(point)


#: The token patterns as they were before the fast paths (backtracking repeats, the
#: superscript-aware class for every text): what tokenize and count_words must match.
_W_REFERENCE = r"[^\W⁰¹²³⁴⁵⁶⁷⁸⁹]"
_TOKEN_REFERENCE = re.compile(
    r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+"
    r"|\[\^[^\]\s]+\]"
    rf"|{_W_REFERENCE}+(?:['’\-/.]{_W_REFERENCE}+|(?<=\d),\d+)*"
    r"|\s+"
    r"|.",
    re.DOTALL,
)
_WORD_REFERENCE = re.compile(rf"{_W_REFERENCE}+(?:['’\-/.]{_W_REFERENCE}+|(?<=\d),\d+)*")


@given(texts)
def test_tokens_match_the_reference_patterns(text: str) -> None:
    assert tokenize(text) == _TOKEN_REFERENCE.findall(text)
    plain = re.sub(r"\[\^[^\]\s]+\]", " ", text)
    assert count_words(text) == len(_WORD_REFERENCE.findall(plain))


@given(st.booleans(), st.sampled_from(["PP1", "OP3", "FN2"]), st.sampled_from(["PP1", "OP4"]))
def test_unchanged_change_is_the_constructors(moved: bool, old_label: str, new_label: str) -> None:
    before = Paragraph(Kind.OPERATIVE, "Decides to remain seized of the matter.", label=old_label)
    after = Paragraph(Kind.OPERATIVE, before.text, label=new_label)
    segments = (("=", before.text),)
    built = Change(
        op="equal",
        old=(old_label,),
        new=(new_label,),
        moved=moved,
        renumbered=old_label != new_label,
        segments=segments,
        old_units=(before,),
        new_units=(after,),
    )
    fast = unchanged_change(before, after, moved, segments)
    assert fast == built
    assert list(vars(fast).items()) == list(vars(built).items())


@given(st.sampled_from(["equal", "modified", "split"]), st.booleans(), st.floats(0, 1))
def test_built_change_is_the_constructors(op: str, flag: bool, similarity: float) -> None:
    before = Paragraph(Kind.OPERATIVE, "Urges States", label="OP1")
    after = Paragraph(Kind.OPERATIVE, "Calls upon States", label="OP2")
    fields = {
        "op": op,
        "old": ("OP1",),
        "new": ("OP2",),
        "moved": flag,
        "renumbered": not flag,
        "similarity": similarity,
        "verb": VerbShift("Urges", "Calls upon", "weaker") if flag else None,
        "segments": (("-", "Urges"), ("+", "Calls upon"), ("=", " States")),
        "old_units": (before,),
        "kind_change": ("text", "operative") if flag else None,
        "new_units": (after,),
        "typography": flag,
    }
    built = Change(**fields)  # type: ignore[arg-type]
    fast = built_change(**fields)  # type: ignore[arg-type]
    assert fast == built
    assert list(vars(fast).items()) == list(vars(built).items())


@given(texts)
def test_cited_markers_match_the_reference_pattern(text: str) -> None:
    expected = [ref_marker(m.group(0)) for m in FOOTNOTE_REF.finditer(text)]
    assert cited_markers(text) == expected
    assert cited_markers(text + " [¹²[^a]³") == [*expected, "12", "a", "3"]
