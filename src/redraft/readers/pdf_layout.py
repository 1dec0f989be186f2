"""The first passes of the PDF reader (:mod:`redraft.readers.pdf`): what PDFium gives for
each character (its box, baseline, font size, italic) gathered into printed lines, page
furniture dropped, and the footnote block at each page's foot set apart.

    chars      each character of a page: text, x, baseline, size, italic, generated
    lines      characters on one baseline (a raised, smaller footnote marker included)
    furniture  running heads, job numbers, page numbers, "Please recycle", barcodes
    notes      the lines under the footnote rule (or smaller lines at the page foot)

Everything here works on plain data (:class:`Char`, :class:`Line`, :class:`Page`), so
each pass is tested without a PDF; only :func:`page_of` touches PDFium.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from .text_passes import SYMBOL_LINE

#: PDFium's font flag for an italic face (FXFONT_ITALIC, from the PDF font descriptor).
_ITALIC_FLAG = 0x40


@dataclass(frozen=True, slots=True)
class Char:
    """One character as printed: ``y`` is its baseline, ``generated`` a character PDFium
    inserted (a line end, a space it inferred from a gap) rather than one the PDF drew;
    ``height`` that of its glyph's box (a kashida is a flat stroke, :mod:`.pdf_arabic`)."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    italic: bool = False
    generated: bool = False
    height: float = 0.0


@dataclass
class Line:
    """Characters printed on one baseline, left to right."""

    chars: list[Char]
    y: float = 0.0  # baseline
    size: float = 0.0  # the body size of the line (a superscript is smaller)

    @property
    def x0(self) -> float:
        return min((c.x0 for c in self.chars if c.text.strip()), default=0.0)

    @property
    def x1(self) -> float:
        return max((c.x1 for c in self.chars if c.text.strip()), default=0.0)

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars).strip()


@dataclass
class Page:
    """One page: its size, body lines, footnote lines, and the rules (short horizontal
    lines) drawn on it, as (x0, x1, y)."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


# -- chars: PDFium -------------------------------------------------------------------


def page_of(pdf_page: Any, number: int) -> Page:
    """Read one PDFium page: its characters as lines, and its horizontal rules."""
    import pypdfium2.raw as raw

    width, height = pdf_page.get_size()
    textpage = pdf_page.get_textpage()
    try:
        chars = _chars(raw, textpage)
    finally:
        textpage.close()
    page = Page(number=number, width=width, height=height, lines=group_lines(chars))
    for obj in pdf_page.get_objects(max_depth=1):
        if obj.type == raw.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = obj.get_bounds()
            if top - bottom < 2 and 20 < right - left < 0.6 * width:
                page.rules.append((left, right, (top + bottom) / 2))
    return page


def _chars(raw: Any, textpage: Any) -> list[Char]:
    out: list[Char] = []
    count = raw.FPDFText_CountChars(textpage)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    flags = ctypes.c_int()
    for index in range(count):
        code = raw.FPDFText_GetUnicode(textpage, index)
        generated = bool(raw.FPDFText_IsGenerated(textpage, index))
        if code in (10, 13):
            out.append(Char("\n", 0, 0, 0, 0, generated=True))
            continue
        raw.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
        raw.FPDFText_GetCharOrigin(textpage, index, ox, oy)
        raw.FPDFText_GetFontInfo(textpage, index, None, 0, flags)
        if code == 2:  # a hyphen PDFium found at a line end, the line joined after it
            text = "\u00ad" if _alone(raw, textpage, index) else "-"
        elif code == 0x2D and _alone(raw, textpage, index):
            text = "\u2011"  # maybe: see _non_breaking
        else:
            text = chr(code) if 0 < code < 0x110000 else ""
        if not text:
            continue
        size = raw.FPDFText_GetFontSize(textpage, index)
        x0 = ox.value if text == " " else left.value
        x1 = max(right.value, x0)
        italic = bool(flags.value & _ITALIC_FLAG)
        height = top.value - bottom.value
        out.append(Char(text, x0, x1, oy.value, size, italic, generated, height))
    return _non_breaking(out)


def _non_breaking(chars: list[Char]) -> list[Char]:
    """Inside a word, LibreOffice draws a non-breaking hyphen ("COVID\u201119") with the
    hyphen's glyph and code, but as a text object of its own (a hyphen of the text is
    drawn in its word's run): such a hyphen between two letters or digits is U+2011;
    one alone elsewhere (a dash for nil in a table) stays "-"."""
    out = list(chars)
    for index, char in enumerate(chars):
        if char.text != "\u2011":
            continue
        before = chars[index - 1].text if index else ""
        after = chars[index + 1].text if index + 1 < len(chars) else ""
        if not (before.isalnum() and after.isalnum()):
            out[index] = replace(char, text="-")
    return out


def _alone(raw: Any, textpage: Any, index: int) -> bool:
    """Whether a line-end hyphen is drawn as a text object of its own: the hyphen a
    layout engine adds where it breaks a word (LibreOffice prints an automatic or soft
    hyphen so), not a hyphen the text has ("follow-up" is one run, the hyphen inside)."""
    handle = raw.FPDFText_GetTextObject(textpage, index)
    if not handle:
        return False
    buffer = ctypes.create_string_buffer(64)
    pointer = ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR))
    length = raw.FPDFTextObj_GetText(handle, textpage, pointer, len(buffer))
    if not 0 < length <= len(buffer):
        return False  # a longer run: the hyphen is part of a word's text
    text = buffer.raw[: max(0, length - 2)].decode("utf-16-le", errors="replace")
    return text.strip() in ("\x02", "\u00ad", "-")


# -- lines ---------------------------------------------------------------------------


def group_lines(chars: list[Char]) -> list[Line]:
    """Characters into lines: PDFium's own line ends split the stream; pieces on one
    baseline (a line PDFium cut at a raised footnote marker) are put together again."""
    pieces: list[list[Char]] = [[]]
    last: Char | None = None
    for char in chars:
        if char.text == "\n":
            if pieces[-1]:
                pieces.append([])
            continue
        if char.text.strip() and last is not None and _wrapped(last, char) and pieces[-1]:
            pieces.append([])  # PDFium joins the lines at a line-end hyphen
        pieces[-1].append(char)
        if char.text.strip():
            last = char
    lines: list[Line] = []
    for piece in pieces:
        printed = [c for c in piece if c.text.strip()]
        if not printed:
            continue
        line = _measured(piece)
        before = lines[-1] if lines else None
        if before is not None and _same_line(before, line):
            before.chars.extend(line.chars)
            merged = _measured(before.chars)
            before.y, before.size = merged.y, merged.size
        else:
            lines.append(line)
    return lines


def _wrapped(last: Char, char: Char) -> bool:
    """The next character is back at the left, on a lower line."""
    size = max(last.size, char.size, 1.0)
    return char.x0 < last.x0 - 2 * size and last.y - char.y > 0.5 * size


def _measured(chars: list[Char]) -> Line:
    """A line's size is that of most of its printed characters, its baseline theirs."""
    printed = [c for c in chars if c.text.strip() and c.size > 1.5]
    if not printed:
        return Line(chars, chars[0].y if chars else 0.0, max((c.size for c in chars), default=0))
    size = max(c.size for c in printed)
    body = [c for c in printed if c.size > 0.85 * size]
    baseline = Counter(round(c.y, 1) for c in body).most_common(1)[0][0]
    return Line(chars, baseline, size)


def _same_line(last: Line, line: Line) -> bool:
    size = max(last.size, line.size, 1.0)
    return abs(last.y - line.y) < 0.45 * size and line.x0 >= last.x1 - 1.0


def is_superscript(char: Char, line: Line) -> bool:
    """A character smaller than its line's and raised above its baseline."""
    return char.size < 0.8 * line.size and char.y > line.y + 0.15 * line.size


# -- furniture -----------------------------------------------------------------------

_JOB_NUMBER = re.compile(r"^\d{2}-\d{4,6}\s*\([A-Z]\)(?:\s+.*)?$")  # "24-12345 (E)"
_PAGE_NUMBER = re.compile(
    r"^(?:\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|Page \d{1,3}(?: of \d{1,3})?)$"
)
_RECYCLE = re.compile(r"^Please\s+recycle\b", re.IGNORECASE)
_BARCODE = re.compile(r"^\*[\dA-Z]{6,}\*$")
#: Page margins where running heads and footers are printed (a share of the page).
MARGIN = 0.12


def furniture_kind(text: str) -> str:
    """What kind of page furniture a line printed in a page margin is ("" for none)."""
    text = " ".join(text.split())
    if _JOB_NUMBER.match(text):
        return "job number"
    if _PAGE_NUMBER.match(text):
        return "page number"
    if _RECYCLE.match(text):
        return "recycling note"
    if _BARCODE.match(text.replace(" ", "")):
        return "barcode"
    if SYMBOL_LINE.match(text):
        return "running head"
    return ""


def drop_furniture(pages: list[Page]) -> str:
    """Remove the lines in a page margin that look like page furniture
    (:func:`furniture_kind`; a symbol only at the top, as a footnote may be one); return
    the document symbol a running head printed ("" when none did)."""
    symbol = ""
    for page in pages:
        kept = []
        for line in page.lines:
            kind = furniture_kind(line.text) if _in_margin(page, line) else ""
            if kind == "running head" and line.y < page.height / 2:
                kind = ""
            if kind == "page number" and page.number == 1 and _not_of(line.text, len(pages)):
                kind = ""
            if not kind:
                kept.append(line)
                continue
            page.dropped.append(line.text)
            if kind == "running head" and not symbol:
                symbol = " ".join(line.text.split())
        page.lines = kept
    return symbol


def _not_of(text: str, count: int) -> bool:
    """ "79/14" atop a first page is no page "79 of 14" but a resolution's number
    (printed without a full stop in Arabic and Chinese): not "N/count"."""
    pages = re.fullmatch(r"(\d+)\s*/\s*(\d+)", " ".join(text.split()))
    return pages is not None and int(pages.group(2)) != count


def drop_repeated(pages: list[Page]) -> None:
    """Remove body lines in a page margin printed at the same place, with the same text
    (digits aside), on at least half the pages (two at least): a running head or footer
    of another form. Run after :func:`split_notes`: footnotes at the same place on two
    pages ("1 A/79/680.", "4 A/79/830.") are not furniture."""

    def key(line: Line) -> tuple[int, str]:
        return round(line.y / 3), re.sub(r"\d+", "#", line.text)

    repeated: Counter[tuple[int, str]] = Counter()
    for page in pages:
        repeated.update({key(line) for line in page.lines if _in_margin(page, line)})
    enough = max(2, (len(pages) + 1) // 2)
    for page in pages:
        kept = []
        for line in page.lines:
            if _in_margin(page, line) and repeated[key(line)] >= enough:
                page.dropped.append(line.text)
            else:
                kept.append(line)
        page.lines = kept


def _in_margin(page: Page, line: Line) -> bool:
    return line.y > page.height * (1 - MARGIN) or line.y < page.height * MARGIN


# -- footnote block ------------------------------------------------------------------


def body_size(pages: list[Page]) -> float:
    """The size most characters of the document are printed in."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.chars)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def split_notes(pages: list[Page]) -> None:
    """Set apart each page's footnote block: the lines under a footnote rule (a short
    horizontal line at the text's left edge, the lowest under the top margin, see
    :func:`_note_rule`);
    on a page with no rule, the lines at the page foot printed smaller than the body
    whose first line starts with a marker."""
    size = body_size(pages)
    for page in pages:
        rule = _note_rule(page)
        if rule is not None:
            page.notes = [line for line in page.lines if line.y < rule]
            page.lines = [line for line in page.lines if line.y >= rule]
            continue
        foot = len(page.lines)
        while foot and page.lines[foot - 1].size < 0.9 * size:
            foot -= 1
        block = page.lines[foot:]
        if block and re.match(r"^\S{1,4}\s", block[0].text + " ") and foot:
            page.notes, page.lines = block, page.lines[:foot]


def _note_rule(page: Page) -> float | None:
    """The footnote rule's height: the lowest short rule under the top margin that starts
    at the text's left edge with lines under it. A long footnote block starts above the
    middle of the page (a page of footnotes and three lines of text), so the rule is
    looked for on the whole page, not in its lower half."""
    left = min((line.x0 for line in page.lines), default=0.0)
    candidates = [
        y for x0, x1, y in page.rules if y < page.height * (1 - MARGIN) and abs(x0 - left) < 3.0
    ]
    below = [y for y in candidates if any(line.y < y for line in page.lines)]
    return min(below) if below else None
