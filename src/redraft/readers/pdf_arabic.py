"""Arabic lines of a PDF put back as the document's text (a pass of :mod:`.pdf`, run on
each page's lines before anything reads their text).

A PDF's text layer gives Arabic back wrong in ways pdftotext shows too; what each
character's box says repairs them, in this order:

    baseline    the pieces of one line PDFium cut at a footnote marker joined again
    gaps        a space where the glyphs leave a gap between words and the text layer
                has none
    kashida     the tatweel a justified line stretches its words with comes back as "/",
                "$", "6", "\x1e"... (whatever code the font subset gave its glyph): a
                flat glyph touching letters on both sides, dropped; so is a space drawn
                with no width inside a word ("علما ً")
    ligatures   two letters drawn as one glyph (lam-alef "لا", "لأ") come with one box
                and in the wrong order ("األمم" for "الأمم"): put in logical order
    order       PDFium's guess at reading order puts neutrals at the wrong end ("،إن
                الجمعية العامة"), brackets the wrong way round (")2005("), a paragraph
                number after the line's text: the line is read again from left to right
                by position, and the Unicode bidirectional algorithm's levels (computed
                on that visual order, :mod:`.pdf_bidi`) put it back in logical order,
                brackets at a right-to-left level mirrored
    brackets    a footnote reference's closing bracket carried to the next line

Only lines holding Arabic letters are touched.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import replace

from .pdf_bidi import logical_order
from .pdf_layout import Char, Line, Page, is_superscript


def is_arabic(text: str) -> bool:
    """An Arabic letter (the Arabic blocks and presentation forms), not a digit or sign."""
    return any(
        ("\u0620" <= ch <= "\u064a" or "\u066e" <= ch <= "\u06d3" or "\ufb50" <= ch <= "\ufefc")
        for ch in text
    )


def arabic_lines(pages: list[Page]) -> None:
    """Repair every Arabic line of the pages, body and footnote block alike."""
    for page in pages:
        page.lines, page.notes = one_baseline(page.lines), one_baseline(page.notes)
    lines = [line for page in pages for line in [*page.lines, *page.notes]]
    arabic = [line for line in lines if any(is_arabic(char.text) for char in line.chars)]
    rtl = right_to_left(arabic)
    if rtl:  # a line with no Arabic letter (a footnote citing "A/79/302.") is set right to left too
        arabic = [line for line in lines if any(char.text.strip() for char in line.chars)]
    for line in arabic:
        repair(line, rtl)
    for page in pages:
        for block in (page.lines, page.notes):
            for before, line in zip(block, block[1:], strict=False):
                _carried_bracket(before, line)
    if rtl:
        for page in pages:
            mirror(page)


def mirror(page: Page) -> None:
    """The page seen in a mirror: a document set right to left (its lines start at the
    right margin, paragraph numbers and footnote markers there too, first-line indents
    and short last lines measured from the right) laid out as the paragraph and footnote
    passes read text, from the left. The lines' characters are in logical order already
    (:func:`repair`): mirrored, an Arabic line's run from left to right as a Latin one's."""
    width = page.width
    for block in (page.lines, page.notes):
        for line in block:
            line.chars = _forward(
                [replace(c, x0=width - c.x1, x1=width - c.x0) for c in line.chars]
            )
    page.rules = [(width - x1, width - x0, y) for x0, x1, y in page.rules]


def _forward(chars: list[Char]) -> list[Char]:
    """A mirrored line whose characters go from left to right in logical order: a Latin
    or digit run ("A/79/132", "2017") came out of the mirror backwards, and its gaps would
    read as table columns; its boxes are handed out again, left to right."""
    out = list(chars)
    start = 0
    while start < len(out):
        end = start
        while end + 1 < len(out) and out[end + 1].x0 < out[end].x0 - 0.01:
            end += 1
        if end > start:
            boxes = [(c.x0, c.x1) for c in out[start : end + 1]][::-1]
            out[start : end + 1] = [
                replace(c, x0=x0, x1=x1)
                for c, (x0, x1) in zip(out[start : end + 1], boxes, strict=True)
            ]
        start = end + 1
    return out


def _carried_bracket(before: Line, line: Line) -> None:
    """A footnote marker's closing bracket carried to the next line ("(¹" / ")،") comes
    mirrored like the opening one, and after the punctuation following it: it closes,
    first."""
    printed = [char for char in before.chars if char.text.strip()]
    if not printed or not (printed[-1].text.isdigit() and is_superscript(printed[-1], before)):
        return
    start = next((i for i, char in enumerate(line.chars) if char.text.strip()), None)
    if start is None:
        return
    end = start
    while end < len(line.chars) and line.chars[end].text in _AFTER_MARKER:
        end += 1
    signs = line.chars[start:end]
    brackets = [char for char in signs if char.text in "()"]
    if len(brackets) == 1:
        rest = [char for char in signs if char is not brackets[0]]
        line.chars[start:end] = [replace(brackets[0], text=")"), *rest]


#: What follows a footnote reference's closing bracket: punctuation, spaces.
_AFTER_MARKER = frozenset("()،؛.,;: ")


def one_baseline(lines: list[Line]) -> list[Line]:
    """Pieces of one Arabic line put together: PDFium cuts a line at a raised footnote
    marker, and the piece after it (in reading order) is printed left of the one before,
    which the left-to-right grouping of :func:`.pdf_layout.group_lines` does not join."""
    out: list[Line] = []
    for line in lines:
        last = out[-1] if out else None
        # the piece may hold no letter (")،" after a marker at a right-to-left line's end)
        arabic = any(is_arabic(c.text) for c in line.chars) or (
            last is not None and any(is_arabic(c.text) for c in last.chars)
        )
        if last is not None and arabic and abs(last.y - line.y) < 0.45 * max(line.size, 1.0):
            last.chars.extend(line.chars)
            last.size = max(last.size, line.size)
        else:
            out.append(line)
    return out


def repair(line: Line, rtl: bool = False) -> None:
    """One Arabic line in logical order; ``rtl``: the paragraphs are set right to left."""
    chars = line.chars
    if rtl:  # LibreOffice's empty spaces where a right-to-left line changes direction
        chars = [c for c in chars if not (c.text == " " and c.x1 - c.x0 < 0.01)]
    chars = logical_order(ligatures(kashida(gaps(chars))), line, rtl)
    while chars and chars[-1].text == " " and chars[-1].x1 - chars[-1].x0 < 0.01:
        chars.pop()  # LibreOffice's empty space at a line end: not the text's
    line.chars = chars


def right_to_left(arabic: list[Line]) -> bool:
    """Whether the Arabic paragraphs are set right to left, as the UN prints them: their
    short lines (a paragraph's last) keep to the right edge of the text, not the left.
    (A Word document whose paragraphs are not marked right-to-left prints them from the
    left, numbers at the left margin too.)"""
    if not arabic:
        return False
    left = Counter(round(line.x0) for line in arabic).most_common(1)[0][0]
    right = Counter(round(line.x1) for line in arabic).most_common(1)[0][0]
    flush_left = sum(1 for ln in arabic if ln.x0 - left < 2 and right - ln.x1 > 30)
    flush_right = sum(1 for ln in arabic if right - ln.x1 < 2 and ln.x0 - left > 30)
    return flush_right > flush_left


def kashida(chars: list[Char]) -> list[Char]:
    """Drop the kashidas: a glyph that is flat (its box a sixth of the type size high at
    most; a hyphen or full stop is no kashida) with Arabic letters on either side by
    position (other kashidas aside); and spaces of no width inside a word."""
    visual = sorted(range(len(chars)), key=lambda i: chars[i].x0 + chars[i].x1)
    ordered = [chars[i] for i in visual]
    flat = [_flat(char) for char in ordered]
    flat = [flat[p] or _empty(ordered[p]) and _touching(ordered, p) for p in range(len(ordered))]
    dropped = {
        visual[place]
        for place in range(len(visual))
        if flat[place] and _between_letters([chars[i] for i in visual], flat, place)
    }
    keep: list[Char] = []
    for index, char in enumerate(chars):
        after = chars[index + 1].text if index + 1 < len(chars) else ""
        if index in dropped or _empty(char) and _mark(after):
            continue
        keep.append(char)
    return keep


def _empty(char: Char) -> bool:
    """A space drawn with no width: LibreOffice's, where it cuts a word's run in two (at a
    footnote marker, before a vowel mark); no space of the text."""
    return char.text == " " and not char.generated and char.x1 - char.x0 < 0.01


def _touching(chars: list[Char], place: int) -> bool:
    """Whether the letters left and right of ``place`` (vowel marks aside) touch: one
    word. Digits or Latin letters beside it: a space of the text, kept."""
    before = next((c for c in reversed(chars[:place]) if not _mark(c.text)), None)
    after = next((c for c in chars[place + 1 :] if not _mark(c.text)), None)
    if before is None or after is None or _latin(before) or _latin(after):
        return False
    return after.x0 - before.x1 < 0.1 * max(chars[place].size, 5.0)


def _latin(char: Char) -> bool:
    return char.text.isascii() and char.text.isalnum()


def _mark(text: str) -> bool:
    return bool(text) and unicodedata.category(text[0]) == "Mn"


def _flat(char: Char) -> bool:
    """A flat glyph that is no Arabic letter or sign (a full stop or hyphen may be: what
    tells it from a kashida is that a kashida touches the letters either side)."""
    if not 0.2 < char.height < 0.16 * char.size or char.generated:
        return False
    return not "\u0600" <= char.text[:1] <= "\u06ff"


def _between_letters(chars: list[Char], flat: list[bool], index: int) -> bool:
    """A run of flat strokes touching an Arabic letter on either side (``chars`` from
    left to right; vowel marks and spaces of no width between are passed over)."""
    start, end = index, index
    while start > 0 and (flat[start - 1] or _aside(chars[start - 1])):
        start -= 1
    while end + 1 < len(chars) and (flat[end + 1] or _aside(chars[end + 1])):
        end += 1
    if start == 0 or end + 1 == len(chars):
        return False
    before, after = chars[start - 1], chars[end + 1]
    letters = is_arabic(before.text) and is_arabic(after.text)
    strokes = [chars[i] for i in range(start, end + 1) if flat[i]]
    near = 0.15 * max(chars[index].size, 5.0)
    left, right = min(c.x0 for c in strokes), max(c.x1 for c in strokes)
    return letters and left - before.x1 < near and after.x0 - right < near


def _aside(char: Char) -> bool:
    return _mark(char.text) or _empty(char)


def gaps(chars: list[Char]) -> list[Char]:
    """A space where the text layer has none but the glyphs leave a gap between words
    (a quarter of the type size: the letters of an Arabic word touch, or a kashida
    between them: run before the kashidas are dropped)."""
    printed = sorted((c for c in chars if c.text != " " and not _mark(c.text)), key=_middle)
    spaces = [_middle(c) for c in chars if c.text == " "]
    out = list(chars)
    for before, after in zip(printed, printed[1:], strict=False):
        if after.x0 - before.x1 < 0.25 * max(before.size, after.size):
            continue
        if not any(before.x1 - 0.5 <= x <= after.x0 + 0.5 for x in spaces):
            size = max(before.size, after.size)
            out.append(Char(" ", before.x1, after.x0, before.y, size, generated=True))
    return out


def _middle(char: Char) -> float:
    return (char.x0 + char.x1) / 2


def ligatures(chars: list[Char]) -> list[Char]:
    """Letters sharing one glyph box are a ligature, which PDFium gives in the order
    opposite to the text's ("ال" of "لا"): reverse each such cluster of Arabic letters."""
    out = list(chars)
    index = 0
    while index < len(out):
        end = index + 1
        while end < len(out) and _same_box(out[index], out[end]):
            end += 1
        cluster = out[index:end]
        if len(cluster) > 1 and all(is_arabic(char.text) for char in cluster):
            out[index:end] = cluster[::-1]
        index = end
    return out


def _same_box(one: Char, other: Char) -> bool:
    return abs(one.x0 - other.x0) < 0.05 and abs(one.x1 - other.x1) < 0.05 and one.x1 > one.x0
