"""The word count rule (redraft.words, docs/stats.md) as one regular expression equals
the rule as written: every whitespace-separated token holding a letter or digit, each
CJK character one word, footnote references not words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redraft.model import FOOTNOTE_REF
from redraft.words import CJK_CHAR, count_text_words


def by_the_rule(text: str) -> int:
    text = FOOTNOTE_REF.sub("", text)
    cjk = len(CJK_CHAR.findall(text))
    text = CJK_CHAR.sub(" ", text)
    return cjk + sum(1 for token in text.split() if any(c.isalnum() for c in token))


PIECES = st.sampled_from(
    ["a", "Z", "é", "7", "_", "-", "–", "…", ".", "(", ")", " ", "\u00a0", "\t", "\n",
     "\u3000", "\x1c", "第", "号", "ア", "¹", "²", "[^", "]", "/", "ß", "٣", "ж"]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=60))
def test_count_equals_the_rule_as_written(text: str) -> None:
    assert count_text_words(text) == by_the_rule(text)


def test_known_counts() -> None:
    assert count_text_words("-- – … _ __") == 0
    assert count_text_words("E/CN.15/2011/L.3 adopted in 2011") == 4
    assert count_text_words("第79/1号") == 3
    assert count_text_words("resolution¹² and[^3] more") == 3
