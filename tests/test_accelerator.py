"""The C accelerator (src/redraft/_scan*.c) gives exactly what its pure-Python twins give.

The twins (``py_*``) are the specification: regular expressions and ``str`` methods.
Each function is checked on random text mixing every character the scans treat
specially, and on every unit of the real resolutions kept in tests/data (six
languages). The end-to-end test diffs drafts with the accelerator turned off
(``REDRAFT_PURE_PYTHON=1``) and on, and compares the JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redraft.accelerator import scan
from redraft.diff.inline import py_common_ends
from redraft.diff.tokens import py_count_words, py_tokenize
from redraft.diff.units import (
    CONTAINED_MIN_WORDS,
    _bag_text,
    py_common_words,
    py_mask_refs,
    py_score_ceiling,
    py_sized_score,
    word_list,
)
from redraft.readers import read_path
from redraft.typography import py_comparable

pytestmark = pytest.mark.skipif(
    scan is None, reason="the C accelerator is not built here (no C compiler at install)"
)

DATA = Path(__file__).parent / "data"

#: Pieces of text each scan treats specially: word joiners, digit groups, underscores,
#: superscript and bracket references, whitespace of every kind (the ASCII separators
#: U+001C-U+001F too), ignored characters, hyphens, letters of six scripts, final sigma.
PIECES = [
    "a", "B", "é", "Ж", "ع", "中", "Σ", "ς", "İ", "1", "3", "٣", "_", "'", "’", "-", "/",
    ".", ",", " ", "  ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85",
    "\u00a0", "\u202f", "\u3000", "\u2009", "¹", "²", "³", "⁰", "⁶", "ⁿ", "\x01",
    "[^x]", "[^", "]", "[", "^", "\u200b", "\u200c", "\u200d", "\u00ad", "\ufeff",
    "\u2010", "\u2011", "\u2013", "non-State", "A/RES/70/1", "3,000", "1,a", "x'-y",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
any_text = st.text(max_size=60)


def c_bag(text: str) -> tuple[Counter[str], int]:
    bag: Counter[str] = Counter()
    return bag, scan.count_bag(_bag_text(text), bag)


def py_bag(text: str) -> tuple[Counter[str], int]:
    found = word_list(text)
    return Counter(found), len(found)


def check_all(text: str) -> None:
    assert scan.tokenize(text) == py_tokenize(text)
    assert "".join(scan.tokenize(text)) == text
    assert scan.count_words(text) == py_count_words(text)
    assert scan.mask_refs(text) == py_mask_refs(text)
    assert scan.comparable(text) == py_comparable(text)
    assert scan.text_key("prose", text) == "prose\x00" + py_mask_refs(py_comparable(text))
    assert c_bag(text) == py_bag(text)


@settings(max_examples=400)
@given(texts)
def test_every_scan_matches_its_twin_on_special_text(text: str) -> None:
    check_all(text)


@settings(max_examples=200)
@given(any_text)
def test_every_scan_matches_its_twin_on_any_text(text: str) -> None:
    check_all(text)


@given(texts, texts)
def test_encode_gives_each_token_one_code(old: str, new: str) -> None:
    old_tokens, new_tokens, old_code, new_code = scan.encode(old, new)
    assert (old_tokens, new_tokens) == (py_tokenize(old), py_tokenize(new))
    tokens, codes = old_tokens + new_tokens, old_code + new_code
    assert len(codes) == len(tokens)
    # one code per distinct token, and never a surrogate (fast-diff-match-patch reads
    # the codes as text)
    assert len(dict(zip(tokens, codes, strict=True))) == len(set(codes)) == len(set(tokens))
    assert not any(0xD800 <= ord(code) < 0xE000 for code in codes)


def test_encode_skips_the_surrogates() -> None:
    words = [f"w{index}" for index in range(0xD800 - 0x100 + 10)]
    _, _, code, _ = scan.encode(" ".join(words), "")
    assert len(set(code)) == len(words) + 1  # and the space
    assert not any(0xD800 <= ord(c) < 0xE000 for c in code)


bags = st.dictionaries(st.sampled_from("abcdefgh"), st.integers(1, 4)).map(Counter)


@given(bags, bags)
def test_bag_intersections_match_the_set_operations(a: Counter[str], b: Counter[str]) -> None:
    assert scan.shared_keys(a, b) == len(a.keys() & b.keys())
    assert scan.common_count(a, b) == sum((a & b).values()) == py_common_words(a, b)


@given(bags, bags, st.integers(0, 3), st.integers(0, 3))
def test_scores_are_the_same_floats(
    a: Counter[str], b: Counter[str], more_a: int, more_b: int
) -> None:
    # the sizes may exceed the counted words (a bag's size is its word list's length)
    size_a, size_b = sum(a.values()) + more_a * bool(a), sum(b.values()) + more_b * bool(b)
    for score, twin in ((scan.sized_score, py_sized_score), (scan.score_ceiling, py_score_ceiling)):
        found = score(a, b, size_a, size_b, CONTAINED_MIN_WORDS)
        assert found == twin(a, b, size_a, size_b)
        assert type(found) is float


@given(texts, texts, texts)
def test_common_ends_match_the_twin(shared_head: str, middle: str, shared_tail: str) -> None:
    old, new = shared_head + middle + shared_tail, shared_head + shared_tail
    for pair in ((old, new), (new, old), (old, old), (middle, shared_tail)):
        assert scan.common_ends(*pair) == py_common_ends(*pair)


@cache
def real_texts() -> list[str]:
    """The text of every unit of the AKN resolutions in tests/data (six languages)."""
    found = []
    for path in sorted(DATA.rglob("*.xml")):
        try:
            draft = read_path(path).draft
        except Exception:  # not a resolution (a fixture of another kind): not a text here
            continue
        found.extend(unit.text for unit in draft.units())
    return found


def test_every_scan_matches_its_twin_on_real_resolutions() -> None:
    texts = real_texts()
    assert len(texts) > 5_000
    assert any(not text.isascii() and "ع" not in text for text in texts)
    for text in texts:
        check_all(text)


def test_the_scans_by_hand() -> None:
    assert scan.tokenize("Recalls 3,000 A/RES/70/1¹² [^a]x_y") == [
        "Recalls",
        " ",
        "3,000",
        " ",
        "A/RES/70/1",
        "¹²",
        " ",
        "[^a]",
        "x_y",
    ]
    assert scan.count_words("Recalls 3,000 A/RES/70/1¹² [^a]x_y") == 4
    assert scan.mask_refs("a¹²\x01 b[^c] d") == "a\x01 b\x01 d"
    assert scan.comparable(" a\u00a0\u200b b\u2011c\t") == "a b-c"
    text = "a\x1cb"  # ASCII: kept as the Python twin's fast path keeps it
    assert scan.comparable(text) == py_comparable(text) == text


def test_the_pure_python_fallback_gives_the_same_diff() -> None:
    old, new = (
        DATA / "word" / "A_RES_78_79-2324933E.xml",
        DATA / "word" / "A_RES_79_92-2423546E.xml",
    )

    def diff_json(pure: bool) -> object:
        env = {key: value for key, value in os.environ.items() if key != "REDRAFT_PURE_PYTHON"}
        if pure:
            env["REDRAFT_PURE_PYTHON"] = "1"
        code = (
            "import sys; from redraft.accelerator import scan; "
            "print('accelerated' if scan else 'pure', file=sys.stderr); "
            "from redraft.cli import main; main()"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, "diff", "--format", "json", str(old), str(new)],
            capture_output=True,
            text=True,
            env=env,
        )
        assert done.returncode in (0, 1), done.stderr
        assert done.stderr.strip().endswith("pure" if pure else "accelerated")
        return json.loads(done.stdout)

    assert diff_json(pure=True) == diff_json(pure=False)
