"""What counts as the same words, in each of the six official languages.

Agreed language is judged on words, not on typesetting. Two texts that differ only in
the ways below are the same text here ("verbatim"):

* footnote markers: ``¹⁶``, ``[^a]``, and the Arabic form ``(¹)``;
* spaces: no-break, thin and ideographic spaces, tabs and line breaks are one space;
* invisible marks: zero-width spaces and joiners, directional marks (Arabic and Hebrew
  runs in mixed text), the byte-order mark, soft hyphens, the Arabic tatweel (ـ, a
  stretching stroke);
* compatibility forms (Unicode NFKC): full-width Latin letters and digits in Chinese
  text, Arabic presentation forms, ligatures;
* digits: Arabic-Indic and Persian digits are the digits 0-9;
* quotation marks and dashes: curly or straight, guillemets or quotes, en or em dash;
* Russian ``ё`` is ``е`` (UN Russian texts write either);
* punctuation: only words and numbers are compared, so a paragraph that ends with ","
  in the preamble and ";" in the operative part is the same wording;
* the case of the first word: "Urges" opening a paragraph and "urges" opening a
  sub-paragraph or a Russian preambular paragraph are the same word.

Tokens are words (a run of letters and digits, with the inner ``' - / .`` of
"non-State", "A/RES/70/1" and "E/CN.15/2011/L.3"), except that each Chinese or Japanese
character is a token of its own, as ``redraft stats`` counts it: Chinese is compared
character by character.
"""

from __future__ import annotations

import functools
import heapq
import re
import unicodedata
from collections.abc import Iterable, Sequence

try:  # hashlib's own blake2b, without loading OpenSSL (a few ms at each start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the module
    from hashlib import blake2b

# redraft.model (FOOTNOTE_REF) is imported where a footnote marker is found: a phrase
# search starts without the draft model.

#: A footnote marker in brackets with nothing else in them once the marker is gone:
#: Arabic texts print references as "(¹)".
_EMPTY_BRACKETS = re.compile(r"[(\[]\s*[)\]]")
_INVISIBLE = (
    "\u00ad\u0640\u061c\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff"
    # Arabic vowel marks (tashkil), written or left out at will
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
)
_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys(_INVISIBLE),
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u0451": "\u0435",  # ё -> е
        "\u0401": "\u0415",  # Ё -> Е
        "\u066b": ".",  # Arabic decimal separator
        "\u066c": ",",  # Arabic thousands separator
    }
)
#: The characters the table changes: replacing only those is ten times faster than
#: ``str.translate``, which looks up every character of a non-ASCII text.
_TYPOGRAPHIC = re.compile("[" + "".join(re.escape(chr(code)) for code in _TYPOGRAPHY) + "]")
#: model.SUPERSCRIPT_DIGITS (tests/test_precedent_text.py checks they agree) or "[^".
_MAY_HOLD_REF = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]|\\[\\^")

#: Characters that each make a token, as redraft.stats counts them (CJK, kana).
_CJK = (
    "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0002fa1f"
)
_WORD = rf"[^\W{_CJK}]+"
#: The same tokens in ASCII text (most English once typography is cleaned), found faster.
_ASCII_TOKEN = re.compile(r"\w+(?:['\-/.]\w+|(?<=\d),\d+)*", re.ASCII)


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    """Tokens in any text (compiled on first use: its CJK ranges take milliseconds)."""
    return re.compile(rf"[{_CJK}]|{_WORD}(?:['\-/.]{_WORD}|(?<=\d),\d+)*")


@functools.cache
def _cjk_pattern() -> re.Pattern[str]:
    return re.compile(rf"[{_CJK}]")


def clean(text: str) -> str:
    """``text`` as it reads, typography and footnote markers apart (see above): the
    form shown in redlines, so that a redline marks only real changes."""
    return " ".join(_unmarked(text).split())  # str.split's whitespace is re's \s


def _unmarked(text: str) -> str:
    """``text`` without footnote markers, typography normalised; spaces as they are
    (tokens do not need them made one)."""
    if ("[^" in text or not text.isascii()) and _MAY_HOLD_REF.search(text):
        from ..model import FOOTNOTE_REF

        text = _EMPTY_BRACKETS.sub("", FOOTNOTE_REF.sub("", text))
    if not text.isascii():
        text = _typography(text)
        if not unicodedata.is_normalized("NFKC", text):
            text = _typography(unicodedata.normalize("NFKC", text))
    return text


def _typography(text: str) -> str:
    """``text.translate(_TYPOGRAPHY)``, faster."""
    return _TYPOGRAPHIC.sub(lambda found: _TYPOGRAPHY[ord(found.group())] or "", text)


def tokens(text: str) -> list[str]:
    """The words (Chinese: characters) of ``text`` that comparison looks at: punctuation
    dropped, the first word's case folded."""
    text = _unmarked(text)
    found = (_ASCII_TOKEN if text.isascii() else _token_pattern()).findall(text)
    if found:
        found[0] = found[0].lower()
    return found


def is_cjk(text: str) -> bool:
    """Whether ``text`` is written in Chinese or Japanese characters (its redline is
    then drawn character by character)."""
    return not text.isascii() and bool(_cjk_pattern().search(text))


def text_key(words: Sequence[str]) -> int:
    """A 64-bit identity of a token sequence: equal keys mean verbatim."""
    digest = blake2b("\x1f".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


_TOKEN_IDS: dict[str, int] = {}


def _token_id(token: str) -> int:
    # Stable across processes (Python's str hash is not): the index persists shingles.
    digest = blake2b(token.encode("utf-8"), digest_size=8).digest()
    value = _TOKEN_IDS[token] = int.from_bytes(digest, "big") >> 2
    return value


_MASK = (1 << 63) - 1
#: Odd multipliers, one per position in a shingle: "a b c" and "c b a" differ.
_P1, _P2, _P3, _P4 = (
    0x9E3779B97F4A7C15,
    0xC2B2AE3D27D4EB4F,
    0x165667B19E3779F9,
    0x27D4EB2F165667C5,
)


def shingle_size(words: Sequence[str]) -> int:
    """Words per shingle: 3 words; 4 Chinese characters (a character says less)."""
    first = words[0] if words else ""
    return 4 if len(first) == 1 and not first.isascii() and _cjk_pattern().match(first) else 3


def shingles(words: Sequence[str]) -> set[int]:
    """Hashes of every run of :func:`shingle_size` consecutive tokens (non-negative
    64-bit integers, stable across processes); one shingle for a shorter text."""
    known = _TOKEN_IDS
    ids = [known.get(w) or _token_id(w) for w in words]
    size = shingle_size(words)
    if len(ids) < size:
        ids += [0] * (size - len(ids))  # a short text is one shingle, padded
    if size == 3:
        triples = zip(ids, ids[1:], ids[2:], strict=False)
        return {(a * _P1 ^ b * _P2 ^ c * _P3) & _MASK for a, b, c in triples}
    quads = zip(ids, ids[1:], ids[2:], ids[3:], strict=False)
    return {(a * _P1 ^ b * _P2 ^ c * _P3 ^ d * _P4) & _MASK for a, b, c, d in quads}


def sketch(values: Iterable[int], size: int) -> list[int]:
    """The ``size`` smallest shingle hashes (a bottom-k MinHash sketch): texts that
    share most of their shingles share most of their sketch."""
    return heapq.nsmallest(size, values)
