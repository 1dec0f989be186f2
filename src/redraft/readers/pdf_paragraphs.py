"""The last passes of the PDF reader (:mod:`redraft.readers.pdf`): printed lines into
paragraphs and footnotes.

    pieces      a line as (text, italic) pieces: superscript markers as footnote
                references (``¹⁶``), no-break spaces where PDFium saw none drawn
    paragraphs  lines joined into paragraphs (a wider gap, an indented first line, a
                number after a line that ended short), across page breaks when the
                page's last line does not end its paragraph; soft hyphens undone
    footnotes   the footnote block's lines as ``Footnote(marker, text)``, a footnote
                running over to the next page joined again
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from ..model import SUPERSCRIPT_DIGITS, Footnote, footnote_ref
from .pdf_layout import Char, Line, Page, is_superscript


class Table(Protocol):
    """A table found among the lines (:class:`redraft.readers.pdf_tables.Table`)."""

    @property
    def text(self) -> str: ...


Piece = tuple[str, bool]  # (text, italic)

SOFT_HYPHEN = "\u00ad"
#: A line ending in one of these, right after a word, goes on without a space.
_NO_SPACE_AFTER = ("-", "/", "\u2013", "\u2014", "\u2011")


@dataclass
class Para:
    """One printed paragraph: its pieces, the lines it came from; or a table
    (:mod:`.pdf_tables`)."""

    pieces: list[Piece] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    table: Table | None = None

    @property
    def text(self) -> str:
        if self.table is not None:
            return self.table.text
        return "".join(text for text, _ in self.pieces)


# -- pieces --------------------------------------------------------------------------


def line_pieces(line: Line, flush: bool = False) -> list[Piece]:
    """A line as (text, italic) pieces. A run of raised, smaller digits is a footnote
    reference. A space PDFium inferred (none drawn) in a line that draws its other
    spaces is a no-break space when it is narrow, a plain space when wide (a tab).
    LibreOffice draws no character for a no-break space, but it also leaves out spaces
    where it cuts a justified line into pieces: a line with many inferred spaces has
    plain ones (:func:`_few_inferred`), and so has a line ``flush`` with the right edge
    of justified text (a no-break space there is read as a space)."""
    drawn_spaces = not flush and _few_inferred(line)
    out: list[Piece] = []
    chars = line.chars
    index = 0
    while index < len(chars):
        char = chars[index]
        if _raised_digit(chars, index, line):
            end = index
            while _raised_digit(chars, end, line):
                end += 1
            if out and chars[index - 1].generated:
                # a gap PDFium took for a space (a justified line spreads its glyphs): a
                # reference follows its word ("as amended,⁹³"), as every other reader has it
                out[-1] = (out[-1][0].rstrip(" \u00a0"), out[-1][1])
            _add(out, footnote_ref("".join(c.text for c in chars[index:end])), False)
            _add(out, _unseen_space_after(chars, end, line), False)
            index = end
            continue
        text = char.text
        if char.generated and text == " ":
            text = _inferred_space(chars, index, line, drawn_spaces)
            if _beside_cjk(chars, index, line):
                text = " " if _after_reference(chars, index, line) else ""
        _add(out, text, char.italic and bool(text.strip()) or _italic_space(chars, index))
        index += 1
    return _trimmed(out)


def _wide(char: str) -> bool:
    """A Chinese (or other East Asian wide) character, full-width punctuation included:
    such text is written without spaces."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _beside_cjk(chars: list[Char], index: int, line: Line) -> bool:
    """Whether an inferred space is the narrow gap the word processor sets between
    Chinese and Latin text or digits ("第 58/85 号"), which the document's text does
    not have ("第58/85号"). A wide gap (the tab after a paragraph number, "1.⇥表示")
    stays a space."""
    before = next((c for c in reversed(chars[:index]) if c.text.strip()), None)
    after = next((c for c in chars[index + 1 :] if c.text.strip()), None)
    if before is None or after is None or _gap(before, after) >= 0.5 * line.size:
        return False
    return _wide(before.text[-1]) or _wide(after.text[0])


def _unseen_space_after(chars: list[Char], end: int, line: Line) -> str:
    """The no-break space between a footnote reference and the French punctuation after
    it ("78/7¹ ;", 79/7), which LibreOffice draws as a bare gap where PDFium infers none."""
    if end == 0 or end >= len(chars) or chars[end].text not in ";:!?»":
        return ""
    return "\u00a0" if _gap(chars[end - 1], chars[end]) >= 0.25 * line.size else ""


def _after_reference(chars: list[Char], index: int, line: Line) -> bool:
    """Whether the gap follows a footnote reference or a number's full stop: in Chinese
    that is a space of the text ("《最后文件》¹ 和", 79/33: the texts have it 1,069 times in
    1,085; "行动10. 我们", 79/1: 64 times in 64), not the gap set between Chinese and Latin
    text."""
    if index > 1 and chars[index - 1].text == "." and chars[index - 2].text.isdigit():
        return True
    return index > 0 and _raised_digit(chars, index - 1, line)


def _few_inferred(line: Line) -> bool:
    """Whether the line draws its spaces, with a few inferred ones (no-break spaces):
    no more inferred than drawn, or two at most on a line that draws none ("Criminal
    Tribunals", "(1 July–30 June);": short lines held together by no-break spaces)."""
    chars = line.chars
    drawn = sum(1 for c in chars if c.text == " " and not c.generated)
    inferred = sum(
        1
        for index, c in enumerate(chars)
        if c.text == " " and c.generated and _inferred_space(chars, index, line, True) != " "
    )
    return inferred <= max(drawn, 2)


def _raised_digit(chars: list[Char], index: int, line: Line) -> bool:
    return index < len(chars) and chars[index].text.isdigit() and is_superscript(chars[index], line)


def _gap(before: Char, after: Char) -> float:
    return after.x0 - before.x1


def _inferred_space(chars: list[Char], index: int, line: Line, drawn_spaces: bool) -> str:
    before = next((c for c in reversed(chars[:index]) if c.text.strip()), None)
    after = next((c for c in chars[index + 1 :] if c.text.strip()), None)
    if before is None or after is None:
        return " "
    narrow = _gap(before, after) < 0.8 * line.size
    return "\u00a0" if narrow and drawn_spaces else " "


def _italic_space(chars: list[Char], index: int) -> bool:
    """A space between two italic characters is part of the italic span."""
    before = next((c for c in reversed(chars[:index]) if c.text.strip()), None)
    after = next((c for c in chars[index + 1 :] if c.text.strip()), None)
    return bool(before and after and before.italic and after.italic)


def _add(out: list[Piece], text: str, italic: bool) -> None:
    if out and out[-1][1] == italic:
        out[-1] = (out[-1][0] + text, italic)
    else:
        out.append((text, italic))


def _trimmed(pieces: list[Piece]) -> list[Piece]:
    while pieces and not pieces[0][0].strip():
        pieces.pop(0)
    while pieces and not pieces[-1][0].strip():
        pieces.pop()
    if pieces:
        pieces[0] = (pieces[0][0].lstrip(), pieces[0][1])
        pieces[-1] = (pieces[-1][0].rstrip(" "), pieces[-1][1])
    return pieces


# -- paragraphs ----------------------------------------------------------------------

#: A part number or letter printed alone on its line ("VIII", "B"), a footnote mark aside.
_PART_NUMBER = re.compile(r"^(?:[IVXLC]{1,7}|[A-Z])\s*\d{0,3}$")
_LIST_START = re.compile(r"^(?:\d{1,3}(?:\s?(?:bis|ter|quater))?\.|\([a-z]{1,5}\)|[A-Z]\.)\s")


@dataclass
class Layout:
    """What the body text's lines share: left edge, right edge, line pitch."""

    left: float
    right: float
    pitch: float
    justified: bool = False  # most lines end flush with the right edge


def layout(pages: list[Page]) -> Layout:
    lefts: Counter[float] = Counter()
    rights: list[float] = []
    pitches: Counter[float] = Counter()
    sizes: Counter[float] = Counter()
    for page in pages:
        for before, line in zip(page.lines, page.lines[1:], strict=False):
            if abs(before.size - line.size) < 0.5 and before.y - line.y >= 0.9 * line.size:
                pitches[round(before.y - line.y, 1)] += 1
                sizes[round(line.size, 1)] += 1
        for line in page.lines:
            lefts[round(line.x0)] += 1
            rights.append(line.x1)
    rights.sort()
    right = rights[int(0.9 * (len(rights) - 1))] if rights else 0.0
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    edge = rights[int(0.95 * (len(rights) - 1))] if rights else 0.0
    flush = sum(1 for x in rights if abs(x - edge) < 1.0)
    return Layout(
        left=lefts.most_common(1)[0][0] if lefts else 0.0,
        right=right,
        pitch=_line_pitch(pitches, size),
        justified=flush > 0.4 * len(rights),
    )


def _line_pitch(pitches: Counter[float], size: float) -> float:
    """The distance between the baselines of a paragraph's lines: the smallest seen more
    than once (the space between paragraphs comes on top of it; a short text may have more
    of those). When each distance seen more than once is too wide for lines set at
    ``size`` (single spacing is 1.1-1.5 times the size), those are the paragraphs': a short
    Chinese text (79/14, 79/3) has mostly one-line paragraphs, and its one wrapped line
    gives the pitch, else every paragraph read as one."""
    often = [pitch for pitch, count in pitches.items() if count > 1] or list(pitches)
    single = [pitch for pitch in pitches if pitch <= 1.8 * size]
    if single and all(pitch > 1.8 * size for pitch in often):
        return min(single)
    return min(often, default=0.0)


#: Finds the tables on a page: (page, line pitch, paragraphs so far) -> the table's
#: paragraph by the id of each line it holds (:func:`redraft.readers.pdf_tables.tables_on`).
TableFinder = Callable[[Page, float, list["Para"]], dict[int, "Para"]]


def paragraphs(pages: list[Page], tables_on: TableFinder | None = None) -> list[Para]:
    """Body lines into paragraphs, across page breaks; tables as ``tables_on`` finds them."""
    shape = layout(pages)
    out: list[Para] = []
    for page in pages:
        previous: Line | None = None
        tables = tables_on(page, shape.pitch, out) if tables_on else {}
        for line in page.lines:
            table = tables.get(id(line))
            if table is not None:  # a table's lines: the table, once, where it starts
                if not any(para is table for para in out):
                    out.append(table)
                continue
            pieces = line_pieces(line, flush=shape.justified and line.x1 > shape.right - 1.0)
            if not pieces:
                continue
            last = out[-1].lines[-1] if out else None
            if last is None or out[-1].table or not _continues(last, line, shape, previous is None):
                out.append(Para())
            else:
                _join(out[-1].pieces, pieces, _space_drawn_at_end(last))
                out[-1].lines.append(line)
                previous = line
                continue
            out[-1].pieces.extend(pieces)
            out[-1].lines.append(line)
            previous = line
    return out


def _continues(last: Line, line: Line, shape: Layout, new_page: bool) -> bool:
    """Whether ``line`` goes on with the paragraph whose last line is ``last``."""
    if abs(last.size - line.size) > 0.5:
        return False
    if not new_page:
        gap = last.y - line.y
        pitch = shape.pitch or 1.2 * line.size
        if gap > 1.3 * pitch or gap < 0:
            return False
    short = _ended_short(last, line, shape)
    if line.x0 > shape.left + 2 and (short or new_page):
        return False  # an indented first line
    if short and (new_page or _LIST_START.match(line.text)):
        return False
    ended = _last_sign(last) in ".;:,"
    if new_page and ended and _PART_NUMBER.match(line.text):
        return False  # "VIII" alone at the top of a page, after "...submissions;"
    return not (new_page and _LIST_START.match(line.text) and ended)


def _last_sign(line: Line) -> str:
    """The last character printed on the line's baseline (a footnote marker aside)."""
    body = [c.text for c in line.chars if c.text.strip() and not is_superscript(c, line)]
    return body[-1] if body else ""


def _ended_short(last: Line, line: Line, shape: Layout) -> bool:
    """The line before ended short: the next line's first word would have fitted on it."""
    text = last.text
    if text.endswith((SOFT_HYPHEN, "-")):
        return False
    first = next((c for c in line.chars if c.text.strip()), None)
    if first is None:
        return True
    word_end = first.x1
    chars = line.chars[line.chars.index(first) :]
    for index, char in enumerate(chars):
        if not char.text.strip() and not (
            char.generated and _inferred_space(chars, index, line, True) != " "
        ):
            break  # a space: a no-break space keeps "2 March" one word
        word_end = max(word_end, char.x1)
    room = shape.right - last.x1
    return (word_end - first.x0) + 0.3 * line.size < room


def _join(pieces: list[Piece], more: list[Piece], space_drawn: bool = False) -> None:
    """Join a line to the paragraph before: a soft hyphen at its end is undone, a hard
    hyphen ("follow-" / "up") kept without a space, anything else gets one space."""
    text, italic = pieces[-1]
    if text.endswith(SOFT_HYPHEN):
        pieces[-1] = (text[:-1], italic)
    elif _cites_first(more[0][0]):
        pass  # "as amended," / "⁹³ including": a reference follows its word, no space
    elif not space_drawn and not _spaced(text, more[0][0]):
        pass  # "follow-" / "up", "2017–" / "2030", "A/" / "79/1"
    else:
        space_italic = italic and more[0][1]
        _add(pieces, " ", space_italic)
    for piece in more:
        _add(pieces, *piece)


#: After a hyphen at a line end, these words say the hyphen is a suspended one:
#: "low- and middle-income", "pre- or post-", so the space after it is kept.
_AFTER_SUSPENDED = ("and ", "or ", "nor ")


def _space_drawn_at_end(line: Line) -> bool:
    """Whether the line ends with a space the PDF draws: the text has one there
    ("convention_agreements/ fish_stocks...", a slash and a space before the break)."""
    last = next((c for c in reversed(line.chars) if c.text != "\n"), None)
    return last is not None and last.text == " " and not last.generated


def _cites_first(more: str) -> bool:
    """Whether a line starts with a footnote reference: carried to the next line on its
    own, it still follows the word before it without a space (the text and AKN readers
    have "as amended,⁹³ including")."""
    return more[:1] in SUPERSCRIPT_DIGITS and more[:1] != "" or more.startswith("[^")


def _spaced(text: str, more: str) -> bool:
    """Whether two lines of one paragraph or footnote are joined with a space: not after
    a hyphen, dash or slash ending a word ("follow-" / "up", "6–" / "12 March", "A/" /
    "79/1"), unless a conjunction follows a hyphen ("low-" / "and middle-income")."""
    if _URL_CUT.search(text):
        return False
    if text[-1:] in SUPERSCRIPT_DIGITS and more[:1] in ")]":
        return False  # "(¹" / ")": a line may break after a footnote reference
    if text[-1:] and _wide(text[-1]) or more[:1] and _wide(more[0]):
        return False  # Chinese lines join with nothing between them
    if not text.endswith(_NO_SPACE_AFTER) or text[:-1].endswith(" "):
        return True
    return text.endswith("-") and (more + " ").startswith(_AFTER_SUSPENDED)


#: A web address running on at a line end: too long for a line, it is cut where the line
#: ends, with no hyphen ("www.un.org/depts/los/.../SGReportTrustFunds1August20223" /
#: "1July2023.pdf."); a word of it ending a line is joined to the next without a space.
_URL_CUT = re.compile(r"(?:^|\s)(?:https?://|www\.)\S{20,}[^.,;:)\s]$")


# -- footnotes -----------------------------------------------------------------------

_MARKER = re.compile(r"^(\d{1,3}|[*†‡§]{1,3}|[a-z])$")


def footnotes(pages: list[Page], cited: list[str]) -> list[Footnote]:
    """The footnote blocks' lines as footnotes, in order. A line opens a footnote when it
    starts with a marker: raised, or followed by a wide gap (a tab), or the next marker
    the text cites (``cited``, in the order of citation) followed by a space. Other
    lines go on with the footnote before, over a page break too ("5 (Vol. II))." is the
    end of a footnote, not footnote 5, unless footnote 5 is the next one cited). A number
    already used as a marker opens no footnote unless raised: in a justified footnote,
    "1 August 2015–31 December 2016" has a wide gap after its "1"."""
    waiting = list(dict.fromkeys(cited))
    notes: list[Footnote] = []
    drawn = False  # the line before ends with a drawn space
    for page in pages:
        for line in page.notes:
            used = {note.marker for note in notes}
            marker, rest = _note_start(line, waiting[0] if waiting else "", used)
            if marker:
                notes.append(Footnote(marker=marker, text=rest))
                if marker in waiting:
                    waiting.remove(marker)
            elif notes:
                joined = _joined_text(notes[-1].text, rest, drawn)
                notes[-1] = Footnote(marker=notes[-1].marker, text=joined)
            drawn = _space_drawn_at_end(line)
    return notes


def _note_start(line: Line, expected: str, used: set[str] | None = None) -> tuple[str, str]:
    """(marker, text) of a line opening a footnote; ("", text) for a line going on."""
    chars = line.chars
    printed = [i for i, c in enumerate(chars) if c.text.strip()]
    if not printed:
        return "", ""
    start = end = printed[0]
    while end < len(chars) and chars[end].text.strip():
        end += 1
    token = "".join(c.text for c in chars[start:end])
    raised = all(is_superscript(c, line) for c in chars[start:end])
    following = next((c for c in chars[end:] if c.text.strip()), None)
    wide = end < len(chars) and (
        chars[end].generated
        or following is None
        or _gap(chars[end - 1], following) > 0.6 * line.size
    )
    spaced = end < len(chars) and not chars[end].text.strip()
    wide = wide and token not in (used or set())
    if _MARKER.match(token) and (raised or wide or (spaced and token == expected)):
        rest = Line(chars[end:], line.y, line.size)
        return token, "".join(text for text, _ in line_pieces(rest))
    return "", "".join(text for text, _ in line_pieces(line))


def _joined_text(text: str, more: str, space_drawn: bool = False) -> str:
    if text.endswith(SOFT_HYPHEN) or _cites_first(more):
        return text.removesuffix(SOFT_HYPHEN) + more
    if text and more and not space_drawn and not _spaced(text, more):
        return text + more
    return f"{text} {more}".strip()
