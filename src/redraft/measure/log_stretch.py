"""The stretch two consecutive versions differ in, found on their stored bytes.

``redraft log`` compares each version with the one before. Splitting two whole 20 KB
texts into paragraphs for every pair is most of what a cold ``log`` over a thousand
versions costs, though a step of a negotiation changes a paragraph or two: here the
shared head and tail of the two texts are found by comparing bytes (in C), cut back
to paragraph boundaries, and only the paragraphs between are split and decoded.

:func:`changed_stretch` gives the paragraphs of that stretch, which the log's
comparison (:func:`redraft.measure.log._unmatched`) turns into the very blocks it
finds on the whole texts: the paragraphs left out are equal, at equal positions, at
both ends. Nothing is copied but the stretch: a text is its bytes and where its body lies
(:class:`Body`). Anything unusual (carriage returns, no front matter) and
:func:`plain_body` gives None: the whole texts are split as before.
"""

from __future__ import annotations

from typing import NamedTuple

from ..canonical import body_chunks

_WINDOW = 2048  # bytes compared at a time before the search narrows down


class Body(NamedTuple):
    """A stored text and where its paragraphs lie: ``text[start:end]`` is what
    :func:`redraft.canonical.split_chunks` splits (the body without its blank ends)."""

    text: bytes
    start: int
    end: int


def plain_body(text: bytes) -> Body | None:
    """Where a stored text's body lies; None when it is not plain enough to cut on bytes."""
    if b"\r" in text or not text.startswith(b"---\n"):
        return None
    front = text.find(b"\n---\n", 3)
    if front < 0:
        return None
    start, end = front + 5, len(text)
    while start < end and text[start] == 10:  # the blank lines split_chunks strips
        start += 1
    while end > start and text[end - 1] == 10:
        end -= 1
    return Body(text, start, end)


def changed_stretch(old: Body, new: Body) -> tuple[list[str], list[str], bool]:
    """(paragraphs of ``old``, of ``new`` between their shared head and tail, whether a
    shared tail was left out), as :func:`redraft.canonical.split_chunks` cuts them."""
    head = _head_end(old, new)
    end_old, end_new = _tail_start(old, new, head)
    tailed = end_old < old.end
    return _chunks(old, head, end_old), _chunks(new, head, end_new), tailed


def whole_stretch(old: Body, new: Body) -> tuple[list[str], list[str]]:
    """The paragraphs from the shared head to the end (no tail left out): for when the
    tail cannot be left out (the comparison of a head running into it)."""
    head = _head_end(old, new)
    return _chunks(old, head, old.end - old.start), _chunks(new, head, new.end - new.start)


def _starts_paragraph(body: Body, at: int) -> bool:
    """Whether a top-level paragraph of its own begins at ``at`` (a position in the
    body, after a blank line): exactly two line ends before it (three would move where
    the text splits), and not a sub-paragraph (a space), a footnote ("[^") or a blank
    item. Bytes beyond ASCII are not judged (a Unicode space would be blank)."""
    text, here = body.text, body.start + at
    if at >= 3 and text[here - 3] == 10:
        return False
    return 33 <= text[here] <= 126 and text[here : here + 2] != b"[^"


def _head_end(old: Body, new: Body) -> int:
    """Where the paragraphs after the shared head begin (the same offset in both bodies)."""
    shared = _common_prefix(old, new)
    while shared > 0:
        at = old.text.rfind(b"\n\n", old.start, old.start + shared)
        if at < 0:
            return 0
        head = at + 2 - old.start
        if _starts_paragraph(old, head) and _starts_paragraph(new, head):
            return head
        shared = at - old.start
    return 0


def _tail_start(old: Body, new: Body, head: int) -> tuple[int, int]:
    """Where the blank line before the shared tail of paragraphs lies in each body (the
    bodies' lengths when there is none). The tail never reaches into the head."""
    size_old, size_new = old.end - old.start, new.end - new.start
    shared = min(_common_suffix(old, new), size_old - head, size_new - head)
    at = old.text.find(b"\n\n", max(old.end - shared - 2, old.start), old.end)
    while at >= 0:
        tail_old = at + 2 - old.start
        tail_new = size_new - (size_old - tail_old)
        if (
            tail_old >= size_old - shared
            and tail_new >= 2
            and new.text[new.start + tail_new - 2 : new.start + tail_new] == b"\n\n"
            and _starts_paragraph(old, tail_old)
            and _starts_paragraph(new, tail_new)
        ):
            return tail_old - 2, tail_new - 2
        at = old.text.find(b"\n\n", at + 2, old.end)
    return size_old, size_new


def _chunks(body: Body, start: int, end: int) -> list[str]:
    if end <= start:
        return []
    return body_chunks(body.text[body.start + start : body.start + end].decode("utf-8", "replace"))


def _common_prefix(old: Body, new: Body) -> int:
    """Length of the bytes the two bodies begin with alike: compared a window at a
    time, then halved within the window that differs."""
    a, b, at_a, at_b = old.text, new.text, old.start, new.start
    size = min(old.end - at_a, new.end - at_b)
    low = 0
    while (
        low + _WINDOW <= size
        and a[at_a + low : at_a + low + _WINDOW] == b[at_b + low : at_b + low + _WINDOW]
    ):
        low += _WINDOW
    high = min(low + _WINDOW, size)  # the first `low` bytes are alike; the answer <= high
    while low < high:
        middle = (low + high + 1) // 2
        if a[at_a + low : at_a + middle] == b[at_b + low : at_b + middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(old: Body, new: Body) -> int:
    """Length of the bytes the two bodies end with alike (as :func:`_common_prefix`)."""
    a, b, end_a, end_b = old.text, new.text, old.end, new.end
    size = min(end_a - old.start, end_b - new.start)
    low = 0
    while (
        low + _WINDOW <= size
        and a[end_a - low - _WINDOW : end_a - low] == b[end_b - low - _WINDOW : end_b - low]
    ):
        low += _WINDOW
    high = min(low + _WINDOW, size)
    while low < high:
        middle = (low + high + 1) // 2
        if a[end_a - middle : end_a - low] == b[end_b - middle : end_b - low]:
            low = middle
        else:
            high = middle - 1
    return low
