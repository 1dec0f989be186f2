"""Changes inside one paragraph: a word-level redline that reads like a careful human's.

The text is cut into tokens (words, footnote references, runs of whitespace, single
punctuation marks); each distinct token is mapped to one character, the encoded
strings are diffed by fast-diff-match-patch with no time limit (its default
one-second limit silently degrades a large diff into "everything replaced") and a
semantic clean-up, and the result is mapped back to text. A change therefore never
cuts a word in two (``United Na{+foremen+}tions`` cannot happen), a footnote
reference is a token of its own, and punctuation is not glued to the word before it.

``--chars`` granularity diffs characters directly (for spotting a changed letter).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .. import dmp  # imported here, not per call: ``from .. import`` runs Python code
from ..accelerator import scan
from ..model import SUPERSCRIPT_DIGITS
from .tokens import Segment, count_words, tokenize

#: How a caller counts words (:func:`count_words`, or a memo of it).
WordCount = Callable[[str], int]


def _code_point(index: int) -> str:
    """The index-th character usable as a token code (surrogates skipped)."""
    point = _FIRST_CODE + index
    if point >= 0xD800:
        point += 0x800
    return chr(point)


_FIRST_CODE = 0x100
#: Tokens that fit below the surrogates: their codes are one ``range`` (made in C).
_PLAIN_CODES = 0xD800 - _FIRST_CODE


def _codes(old_tokens: list[str], new_tokens: list[str]) -> dict[str, str]:
    """One character per distinct token of either side. Which token gets which code does
    not matter (the diff compares codes for equality only), so the distinct tokens are
    numbered in one go rather than one by one."""
    distinct = set(old_tokens).union(new_tokens)
    if len(distinct) <= _PLAIN_CODES:
        codes = map(chr, range(_FIRST_CODE, _FIRST_CODE + len(distinct)))
        return dict(zip(distinct, codes, strict=True))
    return {token: _code_point(index) for index, token in enumerate(distinct)}


def _raw_diff(old: str, new: str) -> list[tuple[str, int]]:
    # No clean-up here: tokens are whole words already, and dmp's semantic clean-up
    # counts tokens, not words, so it swallows real equalities ("70/174, annex")
    # between long edits. :func:`tidy` does a clean-up counted in words instead.
    return dmp.diff(old, new, cleanup="No")


def diff_words(old: str, new: str, words_in: WordCount = count_words) -> list[Segment]:
    """Word-level segments: "=" and "-" rebuild ``old``, "=" and "+" rebuild ``new``."""
    if old == new:
        return [("=", old)] if old else []
    head, middle, tail = _word_pieces(old, new)
    return tidy([("=", head), *middle, ("=", tail)], words_in)


def _word_pieces(
    old: str, new: str, counted: dict[str, int] | None = None
) -> tuple[str, list[Segment], str]:
    """The common head, the word diff of the middle, the common tail (``old != new``);
    ``counted`` gets the words of each piece of the middle (see :func:`_diff_tokens`)."""
    head, tail = _common_ends(old, new)
    middle = _diff_tokens(old[head : len(old) - tail], new[head : len(new) - tail], counted)
    return old[:head], middle, old[len(old) - tail :]


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """Lengths of the common head and tail of two texts, cut at whitespace so that no
    word is split: most edits touch a few words, and only the middle needs tokens."""
    if scan is not None:  # the same in C, character by character
        return scan.common_ends(old, new)
    return py_common_ends(old, new)


def py_common_ends(old: str, new: str) -> tuple[int, int]:
    """:func:`_common_ends` in Python (the specification; see :mod:`redraft.accelerator`)."""
    limit = min(len(old), len(new))
    # binary searches with C-speed comparisons; only the part not yet known equal is
    # compared, so the slices halve each round
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old.startswith(new[lo:mid], lo):
            lo = mid
        else:
            hi = mid - 1
    # just after a space (" ", "\n" or "\t": three calls, cheaper than a loop over them)
    head = max(old.rfind(" ", 0, lo), old.rfind("\n", 0, lo), old.rfind("\t", 0, lo)) + 1
    lo, hi = 0, limit - head
    old_end, new_end = len(old), len(new)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old.endswith(new[new_end - mid : new_end - lo], 0, old_end - lo):
            lo = mid
        else:
            hi = mid - 1
    start = len(old) - lo  # the tail must start with a space
    if not lo:
        return head, 0
    spaces = (old.find(" ", start), old.find("\n", start), old.find("\t", start))
    found = [i for i in spaces if i >= 0]
    return head, len(old) - min(found) if found else 0


def _encode(old: str, new: str) -> tuple[list[str], list[str], str, str]:
    """Both texts' tokens, and each text as one code character per token."""
    if scan is not None:  # the same in C: tokens, numbering and codes in one call
        return scan.encode(old, new)
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    code = _codes(old_tokens, new_tokens).__getitem__
    return old_tokens, new_tokens, "".join(map(code, old_tokens)), "".join(map(code, new_tokens))


def _diff_tokens(old: str, new: str, counted: dict[str, int] | None = None) -> list[Segment]:
    """The word diff of two texts. With ``counted``, each segment's words are stored
    there by its text: the word tokens among its tokens, which is what
    :func:`count_words` finds in the text (a segment is whole tokens, and a word never
    spans two), without scanning it again."""
    old_tokens, new_tokens, old_code, new_code = _encode(old, new)
    segments: list[Segment] = []
    # with the accelerator, scanning a piece costs less than telling its tokens apart
    by_tokens = counted is not None and scan is None
    distinct: set[str] = set(old_tokens).union(new_tokens) if by_tokens else set()
    is_word = (_word_tokens(distinct) if by_tokens else distinct).__contains__
    i = j = 0
    for op, length in _raw_diff(old_code, new_code):
        if op == "+":
            tokens = new_tokens[j : j + length]
            j += length
        else:
            tokens = old_tokens[i : i + length]
            i += length
            if op == "=":
                j += length
        text = "".join(tokens)
        segments.append((op, text))
        if counted is not None:
            counted[text] = sum(map(is_word, tokens)) if by_tokens else count_words(text)
    return segments


def _word_tokens(tokens: Iterable[str]) -> set[str]:
    """The word tokens among distinct tokens of :func:`tokenize`: those that begin with
    a word character (``\\w``: a letter, a digit or "_") that is not a superscript digit
    (superscripts are references). Each counts one word; every other token (a
    reference, whitespace, punctuation) none."""
    return {
        token
        for token in tokens
        if ((first := token[0]).isalnum() or first == "_") and first not in SUPERSCRIPT_DIGITS
    }


def diff_chars(old: str, new: str, words_in: WordCount = count_words) -> list[Segment]:
    """Character-level segments (``--chars``)."""
    if old == new:
        return [("=", old)] if old else []
    ops: list[tuple[str, str]] = dmp.diff(old, new, cleanup="Semantic", counts_only=False)
    return tidy(ops, words_in)


def diff_text(
    old: str, new: str, granularity: str = "words", words_in: WordCount = count_words
) -> list[Segment]:
    if granularity == "chars":
        return diff_chars(old, new, words_in)
    return diff_words(old, new, words_in)


def diff_scored(old: str, new: str, granularity: str = "words") -> tuple[list[Segment], float]:
    """:func:`diff_text` and the :func:`ratio` of its segments. The clean-up and the
    ratio count the words of the same texts (the clean-up pass after pass): each text
    is counted once here."""
    counted = _Counts()
    words_in = counted.__getitem__
    if granularity == "chars" or old == new:
        segments = diff_text(old, new, granularity, words_in)
    else:
        head, middle, tail = _word_pieces(old, new, counted)
        _count_ends(head, middle, tail, counted)
        segments = tidy([("=", head), *middle, ("=", tail)], words_in, counted)
    return segments, ratio(segments, words_in)


class _Counts(dict[str, int]):
    """Words of texts by text, each counted on first use (:func:`count_words`)."""

    def __missing__(self, text: str) -> int:
        found = self[text] = count_words(text)
        return found


def _count_ends(head: str, middle: list[Segment], tail: str, counted: dict[str, int]) -> None:
    """Store the words of the common head and tail, and of the kept runs they make with
    a first or last kept piece of the middle (:func:`tidy` joins them). Only these two
    texts are scanned: the head ends with a space and the tail starts with one, so no
    word spans a join and the counts add up. A text not stored here (a run the clean-up
    folded) is counted when asked."""
    head_words, tail_words = count_words(head), count_words(tail)
    counted[head], counted[tail] = head_words, tail_words
    if middle and middle[0][0] == "=":
        first = middle[0][1]
        counted[head + first] = head_words + counted[first]
    if middle and middle[-1][0] == "=":
        last = middle[-1][1]
        counted[last + tail] = counted[last] + tail_words


def tidy(
    segments: Iterable[Segment],
    words_in: WordCount = count_words,
    learned: dict[str, int] | None = None,
) -> list[Segment]:
    """Make a redline easy to read without changing what it rebuilds.

    Within each run of edits the deletion comes first and neighbours of one op
    merge. Then a semantic clean-up counted in words: a coincidental equality
    between two replacements (whitespace, or one or two words that are short
    beside the edits around them, like the " to " in a rewritten sentence) is
    folded into them, so that ``[-a-]{+c+} [-b-]{+d+}`` reads ``[-a b-]{+c d+}``.

    ``learned``: where a caller whose segments are whole tokens (:func:`_diff_tokens`)
    gets the words of each folded text, the sum of its parts' (no word spans a token
    boundary), instead of counting them again.
    """
    runs = _runs(segments)
    # a fold needs an equality between two edits: three runs at least (most word diffs
    # of a pair are one edit between its common head and tail)
    changed = len(runs) >= 3
    while changed:
        changed = False
        out: list[_Run] = []
        index = 0
        while index < len(runs):
            run = runs[index]
            if (
                out
                and index + 1 < len(runs)
                and _coincidental(out[-1], run, runs[index + 1], words_in)
            ):
                before, after = out.pop(), runs[index + 1]
                removed = before[0] + run[0] + after[0]
                added = (before[1] or "") + run[0] + (after[1] or "")
                if learned is not None:
                    kept = words_in(run[0])
                    learned[removed] = words_in(before[0]) + kept + words_in(after[0])
                    learned[added] = words_in(before[1] or "") + kept + words_in(after[1] or "")
                out.append((removed, added))
                index += 2
                changed = True
                continue
            out.append(run)
            index += 1
        runs = out
    return _segments(runs)


def _coincidental(before: _Run, run: _Run, after: _Run, words_in: WordCount) -> bool:
    if run[1] is not None or not (_is_replacement(before) and _is_replacement(after)):
        return False
    if run[0].isspace():
        return True
    kept = words_in(run[0])
    if not 1 <= kept <= 2:
        return False
    smaller_edit = min(_edit_words(before, words_in), _edit_words(after, words_in))
    return 2 * kept < smaller_edit


def _edit_words(run: _Run, words_in: WordCount) -> int:
    return max(words_in(run[0]), words_in(run[1] or ""))


#: A run: (text, None) for kept text, (removed, added) for an edit.
_Run = tuple[str, "str | None"]


def _is_replacement(run: _Run) -> bool:
    return run[1] is not None and bool(run[0]) and bool(run[1])


def _runs(segments: Iterable[Segment]) -> list[_Run]:
    runs: list[_Run] = []
    removed: list[str] = []
    added: list[str] = []
    for op, text in segments:
        if not text:
            continue
        if op == "=":
            if removed or added:
                runs.append(("".join(removed), "".join(added)))
                removed, added = [], []
            if runs and runs[-1][1] is None:
                runs[-1] = (runs[-1][0] + text, None)
            else:
                runs.append((text, None))
        elif op == "-":
            removed.append(text)
        else:
            added.append(text)
    if removed or added:
        runs.append(("".join(removed), "".join(added)))
    return runs


def _segments(runs: Iterable[_Run]) -> list[Segment]:
    out: list[Segment] = []
    for first, second in runs:
        if second is None:
            out.append(("=", first))
            continue
        if first:
            out.append(("-", first))
        if second:
            out.append(("+", second))
    return out


def rebuild(segments: Iterable[Segment], side: str) -> str:
    """The old (side "-") or new (side "+") text a list of segments stands for."""
    return "".join(text for op, text in segments if op in ("=", side))


def ratio(segments: Sequence[Segment], words_in: WordCount = count_words) -> float:
    """Share of words kept: 2 * kept / (old words + new words), 1.0 for two empty texts."""
    kept = removed = added = 0
    for op, text in segments:
        words = words_in(text)
        if op == "=":
            kept += words
        elif op == "-":
            removed += words
        else:
            added += words
    total = 2 * kept + removed + added
    if total == 0:
        # no words at all: compare characters so that "." -> ";" is not "identical"
        same = sum(len(t) for op, t in segments if op == "=")
        chars = sum(len(t) for _, t in segments) + same
        return 1.0 if chars == 0 else round(2 * same / chars, 3)
    return round(2 * kept / total, 3)
