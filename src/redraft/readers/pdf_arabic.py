"""Arabic lines of a PDF put back as the document's text (a pass of :mod:`.pdf`, run on
each page's lines before anything reads their text).

A PDF's text layer gives Arabic back wrong in ways pdftotext shows too; what each
character's box says repairs them:

    ligatures   two letters drawn as one glyph (lam-alef "لا", "لأ") come with one box
                and in the wrong order ("األمم" for "الأمم"): put in logical order
    kashida     the tatweel a justified line stretches its words with comes back as "/"
                (the glyph's code in the font): a flat glyph between letters, dropped

Only lines holding Arabic letters are touched.
"""

from __future__ import annotations

from .pdf_layout import Char, Line, Page


def is_arabic(text: str) -> bool:
    """An Arabic letter (the Arabic blocks and presentation forms), not a digit or sign."""
    return any(
        ("\u0620" <= ch <= "\u064a" or "\u066e" <= ch <= "\u06d3" or "\ufb50" <= ch <= "\ufefc")
        for ch in text
    )


def arabic_lines(pages: list[Page]) -> None:
    """Repair every Arabic line of the pages, body and footnote block alike."""
    for page in pages:
        for line in [*page.lines, *page.notes]:
            if any(is_arabic(char.text) for char in line.chars):
                repair(line)


def repair(line: Line) -> None:
    line.chars = ligatures(kashida(line.chars))


def kashida(chars: list[Char]) -> list[Char]:
    """Drop the kashidas: a "/" whose glyph is flat (a quarter of the type size high at
    most; a slash is taller than a digit) next to an Arabic letter or another kashida."""
    flat = [_flat(char) for char in chars]
    keep: list[Char] = []
    for index, char in enumerate(chars):
        if flat[index] and _between_letters(chars, flat, index):
            continue
        keep.append(char)
    return keep


def _flat(char: Char) -> bool:
    return char.text == "/" and 0 < char.height < 0.25 * char.size


def _between_letters(chars: list[Char], flat: list[bool], index: int) -> bool:
    """A run of flat strokes with an Arabic letter on either side."""
    start, end = index, index
    while start > 0 and flat[start - 1]:
        start -= 1
    while end + 1 < len(chars) and flat[end + 1]:
        end += 1
    before = chars[start - 1].text if start else ""
    after = chars[end + 1].text if end + 1 < len(chars) else ""
    return is_arabic(before) or is_arabic(after)


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
