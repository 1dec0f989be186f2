"""Tables in a PDF (:mod:`redraft.readers.pdf`): a block of printed lines whose words
stand in columns, read back as the table unit the Word and AKN readers give (rows
separated by line ends, cells by tabs).

Tables printed without borders (LibreOffice's print of a Word table, the UN's budget
annexes) draw no lines, so the columns are found from the characters' positions only
(ruling lines, where a PDF draws them, are not used):

    segments   each line cut where a gap wider than the type size opens; lines printed on
               one baseline (a row's cells, each drawn apart) put side by side
    anchors    a line of two segments or more that is not a list item ("23.⇥Decides",
               "(a)⇥...", "a⇥See A/79/555." open with a marker) is a table's row
    columns    the white rivers between the anchors' segments: x ranges no anchor prints in
    region     anchors one after the other, with only lines that keep to the columns
               between them; the wrapped lines of the last row's cells after them (and
               the rest of the page when the table runs to its foot), starting where the
               table's lines start; at a page's top, the lines going on with the table
               the page before ended with
    rows       cut where two lines are further apart than a cell's lines (a row adds its
               cells' padding); a line per row when no two lines are that close; at each
               line of cells when no space tells the rows apart
    cells      each column's lines of a row joined as a paragraph's lines are; a word cut
               where a narrow column forced it ("Recommendatio" / "ns") joined again

A block is a table only when it has three such rows (two of three columns or more) and
numbers in at least half of them: a signature block, a two-column title page, a list of
short sub-paragraphs stay text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .pdf_layout import Char, Line, Page
from .pdf_paragraphs import Para, Piece, _join, line_pieces

#: A line's first segment that is a list item's or a footnote's marker, not a cell.
_MARKER = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[A-Za-z]{1,5}[.)]|\([a-z]{1,5}\)|[a-z*†‡§]|\d{1,3})$")
#: More space than this (pt) between two lines of a table than between a cell's lines
#: starts a row.
_PADDING = 0.25
_OPEN_END = re.compile(r"(?:^|\s)[a-z]+$")  # a cell cut after "on", not after "2024a"
_SPACES = re.compile(r"[ \t\n]+")  # no-break spaces stay
_NUMERIC = re.compile(r"^[\s\d.,()%–—\-\u00a0\u202f]*\d[\s\d.,()%–—\-\u00a0\u202f]*$|^[–—-]$")


@dataclass
class Segment:
    """Characters of one line between two wide gaps: a cell's line, or part of one."""

    line: Line
    x0: float
    x1: float

    @property
    def text(self) -> str:
        return self.line.text


@dataclass
class Row:
    """One visual line of the page: the segments printed on one baseline."""

    y: float
    size: float
    segments: list[Segment]
    lines: list[Line] = field(default_factory=list)  # the page lines it was made from


@dataclass
class Table:
    """A table found on a page: its column left edges and its rows of cells (pieces)."""

    columns: list[float]
    rows: list[list[list[Piece]]]
    lines: list[Line] = field(default_factory=list)
    starts: list[float] = field(default_factory=list)  # where its lines start (x)
    inner: float = 0.0  # the space between a cell's lines, when rows are cut by space
    going_on: bool = False  # the rest of the table the page before ended with

    @property
    def text(self) -> str:
        out = []
        for row in self.rows:
            cells = [_SPACES.sub(" ", "".join(t for t, _ in cell)).strip(" ") for cell in row]
            while cells and not cells[-1]:
                cells.pop()
            out.append("\t".join(cells))
        return "\n".join(out)


def find_tables(
    page: Page, pitch: float, going_on: Table | None = None, words: Words | None = None
) -> list[Table]:
    """The tables printed on ``page`` (``pitch``: the body's line pitch). ``going_on``:
    the table the page before ended with; when its rows go on at this page's top, they
    are the first table returned, with its columns (:func:`continues` joins them).
    ``words``: the document's words, to tell a word cut by force from two words."""
    rows = _visual_rows(page.lines)
    if not rows:
        return []
    pitch = pitch or 1.2 * rows[0].size
    found: list[Table] = []
    end = 0
    if going_on is not None:
        end, anchored = _continuation(rows, going_on, pitch)
        if anchored:  # more rows of cells: the known columns, however few rows
            grown = _grow(rows, end, pitch, going_on.columns)
            end = _tail(rows, end, grown, going_on.columns, pitch)
        if end:
            found.append(_table(rows[:end], going_on.columns, words, going_on.inner))
            found[0].going_on = True
    for first, last in _regions(rows, pitch, end):
        columns = _columns([r for r in rows[first:last] if _anchor(r)])
        found.append(_table(rows[first:last], columns, words))
    return found


def continues(before: Table, after: Table) -> Table:
    """``after`` (at a page's top) as the rest of ``before``: one table; its first row
    joined to the last row of ``before`` when that row's cells went on over the page
    break ("Estimated initial appropriation for" / "2025")."""
    rows = [list(row) for row in after.rows]
    last = before.rows[-1] if before.rows else []
    if rows and last and _goes_on(last, rows[0]):
        first = rows.pop(0)
        merged = [list(cell) for cell in last]
        for index, cell in enumerate(first):
            if index < len(merged) and merged[index] and cell:
                _join(merged[index], list(cell))
            elif index < len(merged) and cell:
                merged[index] = list(cell)
        before.rows[-1] = merged
    before.rows.extend(rows)
    before.lines.extend(after.lines)
    before.starts = sorted({*before.starts, *after.starts})
    before.inner = min((x for x in (before.inner, after.inner) if x), default=0.0)
    return before


# -- rows of segments ----------------------------------------------------------------


def _segments(line: Line) -> list[Segment]:
    """The line cut at each gap wider than its type size."""
    out: list[Segment] = []
    chars: list[Char] = []
    last = None
    for char in line.chars:
        if not char.text.strip():
            if chars:
                chars.append(char)
            continue
        if last is not None and char.x0 - last.x1 > 1.0 * max(line.size, 1.0):
            out.append(_segment(chars, line))
            chars = []
        chars.append(char)
        last = char
    if chars:
        out.append(_segment(chars, line))
    return out


def _segment(chars: list[Char], line: Line) -> Segment:
    part = Line(chars, line.y, line.size)
    return Segment(part, part.x0, part.x1)


def _visual_rows(lines: list[Line]) -> list[Row]:
    """The page's lines as visual lines, top to bottom: lines on one baseline together."""
    rows: list[Row] = []
    for line in lines:
        if not line.text:
            continue
        same = next(
            (r for r in rows if abs(r.y - line.y) < 0.45 * max(r.size, line.size, 1.0)), None
        )
        if same is None:
            same = Row(line.y, line.size, [])
            rows.append(same)
        same.segments.extend(_segments(line))
        same.lines.append(line)
    for row in rows:
        row.segments.sort(key=lambda s: s.x0)
    rows.sort(key=lambda r: -r.y)
    return rows


def _anchor(row: Row) -> bool:
    """A line of cells: two segments or more, not a marker and its text."""
    segments = row.segments
    if len(segments) < 2:
        return False
    return len(segments) > 2 or not _MARKER.match(segments[0].text)


def _numeric(row: Row) -> bool:
    return any(_NUMERIC.match(s.text) for s in row.segments[1:])


# -- columns and regions -------------------------------------------------------------


def _columns(anchors: list[Row]) -> list[float]:
    """Left edges of the columns: where printing starts again after a white river (an
    x range no anchor prints in)."""
    spans = sorted((s.x0, s.x1) for row in anchors for s in row.segments)
    if not spans:
        return []
    columns = [spans[0][0]]
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 > reach + 1.0:
            columns.append(x0)
        reach = max(reach, x1)
    return columns


def _fits(row: Row, columns: list[float]) -> bool:
    """Whether each segment of the line keeps to one column (none runs into the next
    column), and the line is no list item."""
    if len(row.segments) == 2 and _MARKER.match(row.segments[0].text):
        return False
    for segment in row.segments:
        index = _column(segment.x0, columns)
        if index + 1 < len(columns) and segment.x1 > columns[index + 1] - 1.0:
            return False
    return True


def _column(x: float, columns: list[float]) -> int:
    return max((i for i, left in enumerate(columns) if x >= left - 3.0), default=0)


def _regions(rows: list[Row], pitch: float, start: int) -> list[tuple[int, int]]:
    """(first, end) indices of the tables among ``rows[start:]``."""
    out: list[tuple[int, int]] = []
    index = start
    while index < len(rows):
        if not _anchor(rows[index]):
            index += 1
            continue
        end = _grow(rows, index, pitch)
        anchors = [r for r in rows[index:end] if _anchor(r)]
        columns = _columns(anchors)
        wide = len(columns) >= 3 and len(anchors) >= 2
        if (len(anchors) >= 3 or wide) and 2 * sum(map(_numeric, anchors)) >= len(anchors):
            end = _tail(rows, index, end, columns, pitch)
            out.append((index, end))
            index = end
        else:
            index = end
    return out


def _grow(rows: list[Row], first: int, pitch: float, known: list[float] | None = None) -> int:
    """The end of the run of anchors from ``first``: the next anchor belongs when the
    columns still stand with it (are ``known``'s, for a table going on) and every line
    between keeps to them."""
    anchors = [rows[first]]
    end = first + 1
    index = first + 1
    while index < len(rows):
        row = rows[index]
        if rows[index - 1].y - row.y > 5 * pitch:
            break
        if _anchor(row):
            columns = _columns([*anchors, row])
            between = rows[end:index]
            if known is not None and _within(columns, known):
                columns = known
            if len(columns) < 2 or not all(_fits(r, columns) for r in [*anchors, row, *between]):
                break
            anchors.append(row)
            end = index + 1
        index += 1
    return end


def _tail(rows: list[Row], first: int, end: int, columns: list[float], pitch: float) -> int:
    """After the last anchor, the lines of its cells wrapped below it (one pitch apart);
    and, when the table runs to the page's foot, every line left there that keeps to the
    columns and starts where the table's lines start (a row of one cell, "Part VII.
    Global", going on over the page; not a note "a See A/79/555." set in from them)."""
    starts = [s.x0 for row in rows[first:end] for s in row.segments]
    while (
        end < len(rows)
        and rows[end - 1].y - rows[end].y <= 1.3 * pitch
        and _fits(rows[end], columns)
        and _starts_known(rows[end], starts)
    ):
        end += 1
    rest = rows[end - 1 :]
    gaps = [a.y - b.y for a, b in zip(rest, rest[1:], strict=False)]
    if all(gap <= 2.5 * pitch for gap in gaps) and all(
        _fits(r, columns) and _starts_known(r, starts) for r in rest
    ):
        return len(rows)
    return end


def _starts_known(row: Row, starts: list[float]) -> bool:
    return all(any(abs(s.x0 - x) < 2.0 for x in starts) for s in row.segments)


def _continuation(rows: list[Row], table: Table, pitch: float) -> tuple[int, bool]:
    """How many lines at the page's top go on with ``table`` (keeping to its columns,
    starting where its lines start) before its next line of cells, and whether one
    follows. With none following, only the lines one pitch apart go on (the rest of the
    last row's cells)."""
    end = 0
    while end < len(rows) and _fits(rows[end], table.columns):
        if end and rows[end - 1].y - rows[end].y > 5 * pitch:
            break
        if _anchor(rows[end]):
            return end, True
        if not _starts_known(rows[end], table.starts):
            break
        end += 1
    near = 1
    while near < end and rows[near - 1].y - rows[near].y <= 1.3 * pitch:
        near += 1
    return min(end, near), False


def _within(columns: list[float], known: list[float]) -> bool:
    """Whether each column edge is one of the ``known`` table's (3 pt apart at most)."""
    return all(any(abs(x - k) < 3.0 for k in known) for x in columns)


# -- rows and cells ------------------------------------------------------------------


def _table(rows: list[Row], columns: list[float], words: Words | None, known: float = 0.0) -> Table:
    """Rows cut where the space between two lines is wider than the space between a
    cell's lines (the table's own pitch, its smallest; a row adds its cells' padding,
    if only half a point), at each line when no two lines are that close (a line per
    row); with no wider space, at each line of cells."""
    gaps = [a.y - b.y for a, b in zip(rows, rows[1:], strict=False)]
    inner = min((gap for gap in gaps if gap > 0.5 * rows[0].size), default=0.0)
    if known and (not inner or known < inner):
        inner = known  # the pitch of the cells of the table going on from the page before
    elif inner > 1.6 * rows[0].size:
        inner = 0.0  # no two lines of one cell: each line is a row
    spaced = any(gap > inner + _PADDING for gap in gaps)
    groups: list[list[Row]] = []
    for index, row in enumerate(rows):
        new = not groups or (gaps[index - 1] > inner + _PADDING if spaced else _anchor(row))
        if new:
            groups.append([])
        groups[-1].append(row)
    rights = _rights(rows, columns)
    cells = [_cells(group, columns, rights, words) for group in groups]
    lines = [line for row in rows for line in row.lines]
    starts = sorted({round(s.x0, 1) for row in rows for s in row.segments})
    return Table(list(columns), cells, lines, starts, inner if spaced else 0.0)


def _rights(rows: list[Row], columns: list[float]) -> list[float]:
    """How far right each column prints: a word cut there was cut by force."""
    rights = [0.0] * len(columns)
    for row in rows:
        for segment in row.segments:
            index = _column(segment.x0, columns)
            rights[index] = max(rights[index], segment.x1)
    return rights


def _cells(
    group: list[Row], columns: list[float], rights: list[float], words: Words | None
) -> list[list[Piece]]:
    cells: list[list[Piece]] = [[] for _ in columns]
    ends: list[Segment | None] = [None] * len(columns)
    for row in group:
        for segment in row.segments:
            index = _column(segment.x0, columns)
            pieces = line_pieces(segment.line)
            if not pieces:
                continue
            before = ends[index]
            if not cells[index]:
                cells[index] = pieces
            elif before is not None and _cut(before, segment, rights[index], row.size, words):
                for piece in pieces:
                    cells[index].append(piece)
            else:
                _join(cells[index], pieces)
            ends[index] = segment
    return [_merged(cell) for cell in cells]


def _cut(before: Segment, segment: Segment, right: float, size: float, words: Words | None) -> bool:
    """A word the column was too narrow for, cut without a hyphen: the line before is
    one word reaching the column's right edge (``right``, the furthest any of its lines
    reaches), the next line goes on in lower case, and the two pieces make a word the
    document has ("Recommendatio" / "ns of the"; not "contribuciones" / "del")."""
    if " " in before.text or not before.text[-1:].isalpha():
        return False
    if not segment.text[:1].islower() or right - before.x1 >= 0.8 * size:
        return False
    first = re.match(r"\w+", segment.text)
    joined = before.text + (first.group(0) if first else "")
    return words is not None and joined.lower() in words


class Words:
    """The words of the paragraphs read so far and of the page's lines (lower case),
    gathered only when a table asks (a cell's word maybe cut by force)."""

    def __init__(self, paras: list[Para], page: Page) -> None:
        self.paras, self.page = paras, page
        self.found: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self.found is None:
            texts = [para.text for para in self.paras] + [line.text for line in self.page.lines]
            self.found = {w.lower() for text in texts for w in re.findall(r"\w+", text)}
        return word in self.found


def _merged(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for text, italic in pieces:
        if out and out[-1][1] == italic:
            out[-1] = (out[-1][0] + text, italic)
        else:
            out.append((text, italic))
    return out


def _goes_on(last: list[list[Piece]], first: list[list[Piece]]) -> bool:
    """Whether a table's first row at a page's top is the rest of the last row before the
    break: it fills no column the last row left empty, holds no text with its figures,
    and its text runs on (it starts in lower case or with a digit: "Estimated initial
    appropriation for" / "2025"; or the cell before ends in a lower-case word:
    "Contributions assessed on" / "Member")."""
    filled = [i for i, cell in enumerate(first) if cell]
    if not filled or any(i >= len(last) or not last[i] for i in filled):
        return False
    before = "".join(t for t, _ in last[filled[0]]).rstrip()
    after = "".join(t for t, _ in first[filled[0]]).lstrip()
    if len(filled) > 1 and any(_NUMERIC.match("".join(t for t, _ in first[i])) for i in filled):
        return False  # a text with its figures: a row of its own ("Subtotal, part XI")
    return bool(_OPEN_END.search(before)) or after[:1].islower() or after[:1].isdigit()


# -- the hook in :func:`redraft.readers.pdf_paragraphs.paragraphs` --------------------


def tables_on(page: Page, pitch: float, out: list[Para]) -> dict[int, Para]:
    """The tables on ``page`` as paragraphs, by the id of each line they hold. A table
    going on from the page before (``out[-1]``, a table ending that page) is merged
    into that paragraph."""
    before = out[-1].table if out and isinstance(out[-1].table, Table) else None
    found: dict[int, Para] = {}
    for table in find_tables(page, pitch, before, Words(out, page)):
        if before is not None and table.going_on:
            para = out[-1]
            continues(before, table)
        else:
            para = Para(lines=table.lines, table=table)
        found.update((id(line), para) for line in table.lines)
    return found
