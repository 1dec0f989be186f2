"""A printed line of mixed Arabic and Latin text put back in logical order from its
characters' positions: the Unicode bidirectional algorithm (UAX #9) run backwards.

A word processor lays a line out by giving each character a level (even: left to right,
odd: right to left) and reversing the runs of higher levels; reversing the same runs again
gives the text back. The levels are computed here on the visual order (left to right by
position), which gives the same levels for what UN texts hold (Arabic words, numbers,
symbols such as "A/RES/79/1", brackets, punctuation), with the rules that matter for them:

    W2-W7   a number after Arabic letters is Arabic ("2003" ending an Arabic sentence at
            the left of the line stays with it), separators inside numbers ("58/85") join
            them, a number after Latin letters is Latin ("A/79/302")
    N1-N2   neutrals (spaces, brackets, slashes, commas) between two runs of one
            direction take it, others the paragraph's direction
    L1      a tab (a wide gap after a paragraph number or footnote marker) and the line's
            ends are at the paragraph's level
    L2      the runs reversed, highest level first
    L4      brackets at an odd level mirrored ("(" is drawn as ")")

Characters sharing one glyph box (a ligature) stay together in the order given.
A raised footnote marker is neutral: the word processor sets it with the text around it.
"""

from __future__ import annotations

import re
import unicodedata

from .pdf_layout import Char, Line, is_superscript

Cluster = list[Char]

_MIRROR = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "«": "»", "»": "«"}
_MIRROR |= {"<": ">", ">": "<", "“": "”", "”": "“", "‘": "’", "’": "‘"}
#: Quotation marks come mirrored wherever they stand in an Arabic line (LibreOffice
#: draws the Arabic text's ” opening a quote as “, and its closing “ as ”).
_QUOTES = frozenset("“”‘’")
#: Punctuation ending a paragraph: at the right end of a left-to-right line it ends it.
_CLOSING = ".,،؛:;!؟?"
_STRONG = ("L", "R")


def logical_order(chars: list[Char], line: Line, rtl: bool = False) -> list[Char]:
    """The line's characters in logical order; ``rtl``: the paragraph is right to left."""
    clusters = _clusters(chars)
    clusters.sort(key=lambda cluster: (cluster[0].x0 + cluster[0].x1) / 2)
    clusters = _markers(clusters, line)
    base = 1 if rtl else 0
    levels: list[int] = []
    drawn: set[int] = set()  # an Arabic list number, "(أ)": right to left, not mirrored
    segments = _segments(clusters, line)
    for number, (segment, tab) in enumerate(segments):
        # an Arabic list number ("(أ)") before its tab; not the text before a number set
        # right to left (a footnote's marker at the right: "A/79/132 انظر ⇥ 2")
        if tab and not _latin_only(segment) and (base == 0 or _number_like(segment)):
            drawn.update(range(len(levels), len(levels) + len(segment)))
            levels += [1] * len(segment)
        else:
            edges = ("L", "L") if tab and base == 0 else _edges(segment, base, number > 0)
            found = _levels([_kind(cluster, line) for cluster in segment], base, edges)
            levels += _opening_quote(segment, found) if edges[1] == "L" and base == 0 else found
        if tab:
            levels.append(base)
    order = _reordered(list(range(len(clusters))), levels)
    out: list[Char] = []
    for index in order:
        for char in clusters[index]:
            odd = levels[index] % 2 and index not in drawn or char.text in _QUOTES
            mirrored = _MIRROR.get(char.text) if odd else None
            out.append(Char(mirrored, *_fields(char)) if mirrored else char)
    return _latin_brackets(_empty_brackets(_marker_brackets(out, line)))


def _fields(char: Char) -> tuple[float, float, float, float, bool, bool, float]:
    return char.x0, char.x1, char.y, char.size, char.italic, char.generated, char.height


def _clusters(chars: list[Char]) -> list[Cluster]:
    """Characters drawn as one glyph together; a vowel mark with the letter it is drawn
    over (the nearest by position: PDFium may give it elsewhere in the line)."""
    out: list[Cluster] = []
    marks: list[Char] = []
    for char in chars:
        if _is_mark(char.text) and char.x1 > char.x0:
            marks.append(char)
            continue
        last = out[-1][0] if out else None
        if last is not None and _same_box(last, char) and char.text.strip():
            out[-1].append(char)
        else:
            out.append([char])
    letters = [c for c in out if unicodedata.bidirectional(c[0].text[:1] or " ") == "AL"]
    for mark in marks:
        middle = (mark.x0 + mark.x1) / 2
        near = min(letters or out, key=lambda c: abs((c[0].x0 + c[0].x1) / 2 - middle))
        near.append(mark)
    return out


def _markers(clusters: list[Cluster], line: Line) -> list[Cluster]:
    """A footnote marker's raised digits side by side ("¹⁷") are one unit: read left to
    right whatever the direction around them."""
    out: list[Cluster] = []
    for cluster in clusters:
        if out and _raised(out[-1][-1], line) and _raised(cluster[0], line):
            out[-1].extend(cluster)
        else:
            out.append(cluster)
    return out


def _raised(char: Char, line: Line) -> bool:
    return char.text.isdigit() and is_superscript(char, line)


def _is_mark(text: str) -> bool:
    return unicodedata.category(text[:1] or " ") == "Mn"


def _same_box(one: Char, other: Char) -> bool:
    return abs(one.x0 - other.x0) < 0.05 and abs(one.x1 - other.x1) < 0.05 and one.x1 > one.x0


def _segments(clusters: list[Cluster], line: Line) -> list[tuple[list[Cluster], bool]]:
    """The line cut at its tabs, after a paragraph number or footnote marker (no Arabic
    letter, or a few signs: "(أ)"), or before a part with no Arabic letter: a space
    leaving a gap wider than the type size, or half of it for a space drawn with no
    width (as LibreOffice draws a tab), or any gap after a list number opening the line
    ("102.": the wider the number, the narrower the gap to the tab stop).
    Each segment but the last ends with its tab (``True``)."""
    out: list[tuple[list[Cluster], bool]] = []
    start = 0
    for index, cluster in enumerate(clusters):
        if cluster[0].text.strip() or not 0 < index < len(clusters) - 1:
            continue
        gap = clusters[index + 1][0].x0 - clusters[index - 1][-1].x1
        before, after = clusters[start:index], clusters[index + 1 :]
        empty = not cluster[0].generated and cluster[0].x1 - cluster[0].x0 < 0.01
        wide = gap > (0.5 if empty else 1.2) * max(line.size, 1.0)
        wide = wide or empty and not start and _LIST_NUMBER.match(_text(before)) is not None
        if wide and (_number_like(before) or _latin_only(after)):
            out.append((before, True))
            start = index + 1
    out.append((clusters[start:], False))
    return out


#: A list number as the Word export prints it: "12.", "(أ)", "5 -".
_LIST_NUMBER = re.compile(r"^(?:\d{1,3}\.|\(\S{1,4}\)|\)\S{1,4}\(|\d{1,3} ?[-–])$")


def _text(clusters: list[Cluster]) -> str:
    return "".join(char.text for cluster in clusters for char in cluster).strip()


def _number_like(clusters: list[Cluster]) -> bool:
    """A paragraph number or footnote marker: no Arabic letter, or a few signs ("(أ)")."""
    printed = [cluster for cluster in clusters if cluster[0].text.strip()]
    return _latin_only(printed) or 0 < len(printed) <= 5


def _latin_only(clusters: list[Cluster]) -> bool:
    return not any(_bidi(char.text) == "R" for cluster in clusters for char in cluster)


def _bidi(text: str) -> str:
    kind = unicodedata.bidirectional(text[:1]) if text else "ON"
    return {"AL": "R", "B": "WS", "S": "WS", "LRM": "L", "RLM": "R"}.get(kind, kind or "ON")


def _kind(cluster: Cluster, line: Line) -> str:
    char = cluster[0]
    if char.text.isdigit() and is_superscript(char, line):
        return "ON"  # a footnote marker
    return _bidi(char.text)


def _edges(segment: list[Cluster], base: int, after_tab: bool) -> tuple[str, str]:
    """The directions beyond the segment's left and right ends. A line of an Arabic
    paragraph goes on from and into Arabic text (a quote opening the line, a comma
    ending it belong to its Arabic words), even after the paragraph's number, except
    where a left-to-right paragraph ends (its final punctuation at the right) and where
    one starts with a bracket or quote after its number or marker ("1⇥() القرار")."""
    if base == 1 or _latin_only(segment):
        return ("R", "R") if base == 1 else ("L", "L")
    printed = [cluster[0].text for cluster in segment if cluster[0].text.strip()]
    right = "L" if printed and printed[-1] in _CLOSING else "R"
    left = "L" if after_tab and printed and printed[0] in "()[]“”" else "R"
    return left, right


def _levels(kinds: list[str], base: int, edges: tuple[str, str] = ("L", "L")) -> list[int]:
    """Each character's level (W1-W7, N1-N2, I1-I2, L1) on a segment with no tab;
    ``edges``: the directions beyond its left and right ends."""
    kinds = _numbers(kinds, edges)
    resolved = _neutrals(kinds, edges, "L" if base == 0 else "R")
    levels = []
    for kind in resolved:
        if base == 0:
            levels.append({"L": 0, "R": 1}.get(kind, 2))
        else:
            levels.append({"R": 1}.get(kind, 2))
    for end in (range(len(kinds)), range(len(kinds) - 1, -1, -1)):
        for index in end:  # L1: whitespace at either end of the line
            if kinds[index] != "WS":
                break
            levels[index] = base
    return levels


def _opening_quote(segment: list[Cluster], levels: list[int]) -> list[int]:
    """The last line of a paragraph set left to right ends with a quotation (”التعاون …
    الأخرى“.): of the two marks after its Arabic words, the left one opens the line's
    text, at the Arabic words' level; the closing one and the full stop end the paragraph."""
    tail = len(levels)
    while tail and levels[tail - 1] == 0 and not segment[tail - 1][0].text.isalnum():
        tail -= 1
    quotes = [i for i in range(tail, len(levels)) if segment[i][0].text in _QUOTES]
    if len(quotes) < 2 or not tail:
        return levels
    return levels[:tail] + [1] * (quotes[0] + 1 - tail) + levels[quotes[0] + 1 :]


def _numbers(kinds: list[str], edges: tuple[str, str]) -> list[str]:
    """W2-W7 on the visual order: a number is Arabic (AN) after Arabic letters, Latin
    (L) after Latin ones, as its first strong neighbour in reading order says; "58/85"
    and "1,000" stay one number; other separators are neutral (ON)."""
    out = list(kinds)
    for index, kind in enumerate(kinds):
        if kind == "NSM":
            out[index] = out[index - 1] if index else edges[0]
    for index, kind in enumerate(out):
        if kind == "EN":
            left, right = _strong(out, index, -1), _strong(out, index, 1)
            nearest = left or right or edges[0]  # in reading order, the left one first
            out[index] = "L" if nearest == "L" else "AN"
    for index in range(1, len(out) - 1):
        if out[index] in ("CS", "ES") and out[index - 1] == out[index + 1] != "L":
            if out[index - 1] in ("EN", "AN"):
                out[index] = out[index - 1]
        elif out[index] in ("CS", "ES") and out[index - 1] == out[index + 1] == "L":
            out[index] = "L"
    return [k if k in ("L", "R", "EN", "AN", "WS") else "ON" for k in out]


def _strong(kinds: list[str], index: int, step: int) -> str:
    """The nearest strong direction from ``index`` on, "" at the line's end."""
    index += step
    while 0 <= index < len(kinds):
        if kinds[index] in _STRONG:
            return kinds[index]
        index += step
    return ""


def _neutrals(kinds: list[str], edges: tuple[str, str], embedding: str) -> list[str]:
    """N1-N2: a run of neutrals between two strong directions that agree takes theirs
    (numbers count as right to left), otherwise the paragraph's."""
    out = list(kinds)
    index = 0
    while index < len(out):
        if out[index] not in ("WS", "ON"):
            index += 1
            continue
        end = index
        while end < len(out) and out[end] in ("WS", "ON"):
            end += 1
        before = _direction(out[index - 1]) if index else edges[0]
        after = _direction(out[end]) if end < len(out) else edges[1]
        out[index:end] = [before if before == after else embedding] * (end - index)
        index = end
    return out


def _direction(kind: str) -> str:
    return "L" if kind == "L" else "R"


def _reordered(order: list[int], levels: list[int]) -> list[int]:
    """L2: from the highest level down to the lowest odd one, reverse each run of
    characters at that level or higher."""
    if not levels:
        return order
    lowest_odd = min((lv for lv in levels if lv % 2), default=max(levels) + 1)
    for level in range(max(levels), lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if levels[order[index]] < level:
                index += 1
                continue
            end = index
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[index:end] = order[index:end][::-1]
            index = end
    return order


def _marker_brackets(chars: list[Char], line: Line) -> list[Char]:
    """A footnote marker in brackets beside Arabic text ("1994(¹)،") is printed with its
    opening bracket mirrored while the marker keeps the paragraph's direction: ")¹)";
    a space PDFium infers between the marker and a bracket (a gap the line's
    justification left) is not the text's."""
    out = [
        char
        for index, char in enumerate(chars)
        if not (_inferred(char) and _beside_marker(chars, index, line))
    ]
    for index in range(1, len(out) - 1):
        if not (out[index].text.isdigit() and is_superscript(out[index], line)):
            continue
        end = index
        while end < len(out) and out[end].text.isdigit() and is_superscript(out[end], line):
            end += 1
        if end < len(out) and out[index - 1].text == out[end].text and out[end].text in "()":
            out[index - 1] = Char("(", *_fields(out[index - 1]))
            out[end] = Char(")", *_fields(out[end]))
    return out


def _inferred(char: Char) -> bool:
    """A space PDFium inferred, or one drawn with no width (no space of the text)."""
    return char.text == " " and (char.generated or char.x1 - char.x0 < 0.01)


def _beside_marker(chars: list[Char], index: int, line: Line) -> bool:
    before = chars[index - 1] if index else None
    after = chars[index + 1] if index + 1 < len(chars) else None
    if before is None or after is None:
        return False
    raised = [c.text.isdigit() and is_superscript(c, line) for c in (before, after)]
    return raised[0] and after.text in "()" or raised[1] and before.text in "()"


def _empty_brackets(chars: list[Char]) -> list[Char]:
    """An empty pair of brackets beside Arabic text comes mirrored, ")(": put back."""
    out = list(chars)
    for index in range(len(out) - 1):
        if out[index].text == ")" and out[index + 1].text == "(":
            out[index] = Char("(", *_fields(out[index]))
            out[index + 1] = Char(")", *_fields(out[index + 1]))
    return out


def _latin_brackets(chars: list[Char]) -> list[Char]:
    """Brackets around Latin text inside an Arabic line ("(A/74/20)،", "(S/INF/69).")
    come with one of the pair mirrored, "(A/74/20(" or ")S/INF/69)": a pair of the same
    bracket around text with no Arabic letter is made an opening and a closing one."""
    out = list(chars)
    texts = [char.text for char in out]
    for index, text in enumerate(texts):
        if text not in "()" or not text:
            continue
        end = next((i for i in range(index + 1, len(texts)) if texts[i] in ("(", ")")), None)
        if end is None or texts[end] != text:
            continue
        inside = "".join(texts[index + 1 : end])
        if inside.strip() and not any(_bidi(ch) == "R" for ch in inside):
            out[index] = Char("(", *_fields(out[index]))
            out[end] = Char(")", *_fields(out[end]))
            texts[index], texts[end] = "(", ")"
    return out
