"""How many words a text has: the rule every figure of redraft uses.

The word count rule (docs/stats.md) follows Microsoft Word, the tool secretariats
use to enforce word limits:

* a word is a whitespace-separated token holding at least one letter or digit
  ("--" and "-" are not words, "2011" and "E/CN.15/2011/L.3" are one word each);
* each Chinese or Japanese character (CJK ideographs, kana) is one word; a run of
  other letters or digits next to them is one word more ("第79/1号" is 3 words);
* Arabic, Russian and the other languages written with spaces count tokens;
* printed paragraph numbers ("5.", "(a)") and footnote reference markers ("¹⁶")
  are not words; footnotes are counted apart (``footnote_words``), not in ``words``.
"""

from __future__ import annotations

import functools
import re

from .model import FOOTNOTE_REF, SUPERSCRIPT_DIGITS, Draft, Paragraph

#: Characters that each count as one word: CJK ideographs (with extensions and
#: compatibility forms), hiragana, katakana (with phonetic extensions and
#: half-width forms).
CJK_CHAR = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0002fa1f]"
)
#: A word: a token's first letter or digit and the rest of the token, so that a token
#: with none ("--", "–", "…") is no match. One pass in C, from one letter to the next
#: (a pattern starting with a character class is scanned for fast; a lookbehind is not).
_WORD = re.compile(r"[^\W_]\S*")
#: Cheaper than FOOTNOTE_REF.sub on the many paragraphs that cite no footnote.
_MAY_HOLD_REF = re.compile("[" + SUPERSCRIPT_DIGITS + "]")


def strip_refs(text: str) -> str:
    """``text`` without footnote references (a fast path for the many paragraphs with none)."""
    if "[^" in text or _MAY_HOLD_REF.search(text):
        return FOOTNOTE_REF.sub("", text)
    return text


@functools.lru_cache(maxsize=65536)
def count_text_words(text: str) -> int:
    """Words in ``text`` by the rule above (footnote references are not words).

    Cached: ``check`` and ``stats`` count the same paragraphs several times (the
    draft, each paragraph, each paragraph with its sub-paragraphs)."""
    text = strip_refs(text)
    cjk = 0
    if CJK_CHAR.search(text):
        # Each CJK character is a word; what is left between them is counted
        # like any spaced text, so "第79/1号" gives 第, 号 and "79/1".
        text, cjk = CJK_CHAR.subn(" ", text)
    # Every token holding a letter or digit (\w less "_": str.isalnum), in C, not a loop.
    return cjk + len(_WORD.findall(text))


@functools.lru_cache(maxsize=65536)
def count_characters(text: str) -> tuple[int, int]:
    """(characters with spaces, characters without spaces) of ``text``, footnote
    references removed. Line breaks inside a table count as spaces."""
    text = strip_refs(text)
    return len(text), len("".join(text.split()))  # split() drops every kind of space, in C


def paragraph_words(paragraph: Paragraph, deep: bool = True) -> int:
    """Words of one block; with ``deep``, its sub-paragraphs too (footnotes never)."""
    blocks = paragraph.walk() if deep else (paragraph,)
    return sum(count_text_words(block.text) for block in blocks)


def count_words(draft: Draft) -> int:
    """Words of a draft: every block's text, footnotes excluded."""
    return sum(count_text_words(block.text) for block in draft.walk())
