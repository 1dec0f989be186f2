"""Word-level diff inside a paragraph: tokens, clean-up, counts."""

from __future__ import annotations

from redraft.diff.inline import diff_chars, diff_words, ratio, tidy
from redraft.diff.tokens import count_words, tokenize, word_counts


def test_tokens_keep_words_footnote_refs_and_punctuation_apart():
    assert tokenize("resolution¹⁶ of non-State actors, [^a]") == [
        "resolution",
        "¹⁶",
        " ",
        "of",
        " ",
        "non-State",
        " ",
        "actors",
        ",",
        " ",
        "[^a]",
    ]


def test_word_count_skips_footnote_markers_and_punctuation():
    assert count_words("Recalling its resolution 70/1,¹ in which it adopted") == 8


def test_a_change_never_cuts_a_word():
    assert diff_words("United Nations", "United Foremen Nations") == [
        ("=", "United "),
        ("+", "Foremen "),
        ("=", "Nations"),
    ]
    assert diff_words("organization", "organizations") == [
        ("-", "organization"),
        ("+", "organizations"),
    ]


def test_opening_verb_and_footnote_marker_changes():
    segments = diff_words(
        "Urges Member States, as appropriate,¹ to act",
        "Encourages Member States, where appropriate,² to act",
    )
    assert segments == [
        ("-", "Urges"),
        ("+", "Encourages"),
        ("=", " Member States, "),
        ("-", "as"),
        ("+", "where"),
        ("=", " appropriate,"),
        ("-", "¹"),
        ("+", "²"),
        ("=", " to act"),
    ]
    assert word_counts(segments) == (2, 2)


def test_whitespace_between_two_replacements_is_folded():
    assert tidy([("-", "a"), ("+", "c"), ("=", " "), ("-", "b"), ("+", "d"), ("=", " e")]) == [
        ("-", "a b"),
        ("+", "c d"),
        ("=", " e"),
    ]
    # ... but not between a deletion and a plain insertion
    assert tidy([("-", "a"), ("=", " "), ("+", "d")]) == [("-", "a"), ("=", " "), ("+", "d")]


def test_tidy_puts_deletion_before_insertion_and_merges():
    assert tidy([("+", "x"), ("-", "y"), ("-", "z"), ("=", ""), ("=", "k")]) == [
        ("-", "yz"),
        ("+", "x"),
        ("=", "k"),
    ]


def test_chars_granularity_finds_one_letter():
    assert diff_chars("organisation", "organization") == [
        ("=", "organi"),
        ("-", "s"),
        ("+", "z"),
        ("=", "ation"),
    ]


def test_identical_and_empty_texts():
    assert diff_words("same", "same") == [("=", "same")]
    assert diff_words("", "") == []
    assert diff_words("", "new text") == [("+", "new text")]


def test_ratio_counts_kept_words():
    # 3 kept words of 4 on each side: 2*3 / (3+1 + 3+1) = 0.75
    assert ratio(diff_words("one two three four", "one two three five")) == 0.75
    assert ratio([]) == 1.0


def test_long_paragraph_is_not_degraded_by_a_timeout():
    words = [f"w{i}" for i in range(6000)]
    edited = words.copy()
    edited[100] = "changed"
    edited[5000] = "again"
    segments = diff_words(" ".join(words), " ".join(edited))
    assert word_counts(segments) == (2, 2)
