"""The structure pass of the plain-text reader: chunks -> blocks.

Front (document heading, title, formula), then the preamble (unnumbered paragraphs
after the formula), then the operative part, where printed numbers fix the nesting
(:mod:`.text_numbers`) and unnumbered paragraphs are headings, table captions or
text belonging to the paragraph above them. Where each of those parts begins is
found in :mod:`.text_bounds`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..blocktree import check_depth
from ..english import noun
from ..model import Footnote, Kind, Paragraph, cited_markers, strip_footnote_refs
from ..typography import collapse_spaces
from .text_bounds import OUTCOME_FORMULA as OUTCOME_FORMULA  # re-exported: text.py reads it here
from .text_bounds import (
    _first_numbered,
    _formula,
    _lead_in,
    _opens_operative,
    _operative_start,
    _unnumbered_operative,
)
from .text_bounds import is_formula as is_formula  # re-exported: public before the split
from .text_languages import ANNEX, PART_HEADING
from .text_numbers import Level, Number, parse_number, place
from .text_passes import (
    DOC_HEADING,
    SECTION_NUMBER,
    Chunk,
    Notes,
    caseless,
    end_mark,
    ends_sentence,
)

DATE_LINE = re.compile(r"^(?:of \d{1,2} \w+ \d{4}|Adopted by .*|Adopted at .*)$")
_BRACKETED = re.compile(r"^\[.*\]$")  # "[on the report of the Third Committee (A/78/481)]"
_ADOPTED = re.compile(r"^Adopted\b")
_ITALIC = re.compile(r"\*([^*\n]+)\*")
_OPENING = re.compile(r"^\*([^*\n]+)\*")
_TAGS = re.compile(r"</?(?:i|b|em|strong|u)>", re.IGNORECASE)


@dataclass
class _Node:
    kind: Kind
    text: str
    number: str = ""
    opening: str = ""
    children: list[_Node] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    def freeze(self) -> Paragraph:
        return Paragraph(
            kind=self.kind,
            text=self.text,
            number=self.number,
            opening=self.opening,
            children=tuple(c.freeze() for c in self.children),
            footnotes=tuple(self.footnotes),
        )

    def walk(self) -> list[_Node]:
        return [self] + [n for c in self.children for n in c.walk()]


def plain(text: str) -> tuple[str, str]:
    """(opening, text) without italic markers: "*Urges* X" -> ("Urges", "Urges X")."""
    text = _TAGS.sub("", text)
    match = _OPENING.match(text)
    if match and collapse_spaces(match.group(1)) != match.group(1):
        # "* Recalling*": a tab inside the italic span (as the UN's XML has it) is layout
        inner, rest = match.group(1), text[match.end() :]
        space = " " if inner[-1].isspace() and not rest[:1].isspace() else ""
        text = f"*{collapse_spaces(inner)}*{space}{rest}"
        match = _OPENING.match(text)
    opening = match.group(1).strip() if match else ""
    clean = _ITALIC.sub(r"\1", text)
    return (opening if clean.startswith(opening) else ""), clean


def _node(kind: Kind, text: str, number: str = "") -> _Node:
    opening, clean = plain(text)
    if kind is Kind.TABLE:  # a table has cells, no opening words
        opening = ""
    return _Node(kind=kind, text=clean, number=number, opening=opening)


def heading_like(text: str) -> bool:
    """A short line that does not end like a sentence: "Evaluation and oversight" (in a
    script without capitals, "الأنشطة التشريعية", any such line)."""
    words = strip_footnote_refs(text).split()
    return 0 < len(words) <= 20 and not ends_sentence(text) and _capital_or_caseless(text)


def _capital_or_caseless(text: str) -> bool:
    return text[:1].isupper() or caseless(text)


def build_blocks(chunks: list[Chunk], notes: Notes) -> list[_Node]:
    """The blocks of a draft as mutable nodes (footnotes not yet attached). A resolution
    adopted in parts ("A" / title / formula ... "B" / title / formula ...) is read part
    by part, each with its own front, preamble and numbering."""
    starts = [0, *_later_parts(chunks), len(chunks)]
    return [
        node
        for start, end in zip(starts, starts[1:], strict=False)
        for node in _build_part(chunks[start:end], notes)
    ]


def _later_parts(chunks: list[Chunk]) -> list[int]:
    """Where parts B, C ... begin: a part letter ("B"), maybe a title, then the formula
    of part A again ("The General Assembly,"; a title such as "The Area" is not one)."""
    first = _formula(chunks[: _first_numbered(chunks)])
    if first is None:
        return []
    starts = []
    for i in range(first + 1, len(chunks)):
        if chunks[i].kind != "text" or chunks[i].text != chunks[first].text:
            continue
        for back in (1, 2):
            if chunks[i - back].kind == "text" and _section_number(chunks[i - back].text):
                if back == 1 or heading_like(chunks[i - 1].text) and i - back > 0:
                    starts.append(i - back)
                break
    return starts


def _build_part(chunks: list[Chunk], notes: Notes) -> list[_Node]:
    first_number = _first_numbered(chunks)
    formula = _formula(chunks[:first_number])
    if formula is None and first_number == len(chunks):
        if not any(DOC_HEADING.match(c.text) for c in chunks[:1]):
            notes.warnings.append(
                "no recognisable structure (no enacting formula, no "
                "numbered paragraphs): read as plain paragraphs"
            )
            return [_node(Kind.TABLE if c.kind == "table" else Kind.TEXT, c.text) for c in chunks]
    front_end = formula if formula is not None else _front_end(chunks, first_number)
    nodes = _front(chunks[:front_end])
    if formula is not None:
        nodes.append(_node(Kind.FORMULA, chunks[formula].text))
        preamble_start = formula + 1
        if _opens_operative(chunks, formula):  # no preamble: all that follows is operative
            nodes.append(_node(Kind.TEXT, chunks[preamble_start].text))
            nodes.extend(_Operative(notes).build(chunks[preamble_start + 1 :]))
            return nodes
    else:
        notes.warnings.append("no enacting formula found ('The General Assembly,' ...)")
        preamble_start = front_end
    if formula is not None:
        first_number = _operative_start(chunks, formula)
    if first_number == len(chunks):  # no numbers: "Approves the report." ends the text
        first_number = _unnumbered_operative(chunks, preamble_start)
        nodes.extend(_preamble(chunks[preamble_start:first_number], []))
        kinds = {"table": Kind.TABLE}
        nodes.extend(_node(kinds.get(c.kind, Kind.TEXT), c.text) for c in chunks[first_number:])
        return nodes
    lead_in = _lead_in(chunks, preamble_start, first_number)
    nodes.extend(_preamble(chunks[preamble_start:lead_in], chunks[first_number:]))
    nodes.extend(_node(Kind.TEXT, c.text) for c in chunks[lead_in:first_number])
    nodes.extend(_Operative(notes).build(chunks[first_number:]))
    return nodes


def _front_end(chunks: list[Chunk], first_number: int) -> int:
    """Without a formula: the heading and the title that follows it, if any."""
    end = 0
    while end < first_number and DOC_HEADING.match(chunks[end].text):
        end += 1
    if 0 < end < first_number and heading_like(chunks[end].text):
        end += 1
    return end


def _front(chunks: list[Chunk]) -> list[_Node]:
    nodes = []
    have_title = False
    for item in chunks:
        if item.kind == "table":
            nodes.append(_node(Kind.TABLE, item.text))
        elif _section_number(item.text):  # "A", "B ¹": part of a resolution, its own title
            nodes.append(_node(Kind.DOC_HEADING, item.text))
            have_title = False
        elif DOC_HEADING.match(item.text) and not have_title:
            nodes.append(_node(Kind.DOC_HEADING, item.text))
        elif DATE_LINE.match(item.text) or _BRACKETED.match(item.text) or have_title:
            nodes.append(_node(Kind.TEXT, item.text))
        else:
            nodes.append(_node(Kind.TITLE, item.text))
            have_title = True
    return nodes


def _preamble(chunks: list[Chunk], after: list[Chunk]) -> list[_Node]:
    nodes: list[_Node] = []
    levels: list[Level] = []  # numbering of a list inside the last preambular paragraph
    path: list[_Node] = []
    for i, item in enumerate(chunks):
        following = chunks[i + 1] if i + 1 < len(chunks) else (after[0] if after else None)
        number, rest = parse_number(item.text) if item.kind == "text" else (None, item.text)
        if item.kind == "table":
            nodes.append(_node(Kind.TABLE, item.text))
        elif number is not None and number.prefix != "PP" and path:
            depth, _ = place(levels, number)
            check_depth(depth + 1, f"at the paragraph numbered '{number.text}'")
            node = _node(Kind.OPERATIVE, rest, number.text)
            path[min(depth, len(path) - 1)].children.append(node)
            path = path[: depth + 1] + [node]
            continue
        elif number is not None:
            nodes.append(_node(Kind.PREAMBULAR, rest, number.text))
        elif _is_section_heading(item, nodes):
            nodes.append(_node(Kind.HEADING, item.text))
        elif (
            heading_like(item.text)
            and following is not None
            and parse_number(following.text)[0] is not None
        ):
            nodes.append(_node(Kind.HEADING, item.text))
        else:
            nodes.append(_node(Kind.PREAMBULAR, item.text))
        levels, path = [], [nodes[-1]]
    return nodes


#: A numbered section title on one line: "II. Action areas", "A. Domestic public
#: resources" (79/323).
_NUMBERED_TITLE = re.compile(r"^(?:[IVXL]+|[A-Z])\.\s+\S")
#: "Action 1. We will take bold ... actions ..." (79/1; "Action 13 *. *" once), a heading though
#: it ends with a full stop, as each language prints it: "Mesure 1." (once "Mesures 9."),
#: "Acción 1.", "Действие 1.", "行动1.", "الإجراء 1 -" (once "الإجراء 40 -سنكثف").
_ACTION_TITLE = re.compile(
    r"^(?:(?:Action|Mesures?|Acción|Действие)\s\d+\s?\.\s+\S|行动\d+\.\s*\S"
    r"|الإجراء\s\d+\s[-–]\s*\S)"
)


def action_title(text: str) -> bool:
    """Is this line an action of an outcome document ("Action 1. We will ...")?"""
    return bool(_ACTION_TITLE.match(text.replace("*", "")))


def _is_section_heading(item: Chunk, before: list[_Node]) -> bool:
    """A part number alone ("II"), a division ("Annex", "Part I"), or the heading
    printed right under one."""
    if _section_number(item.text) or PART_HEADING.match(item.text) or _numbered_part(item.text):
        return True
    last = before[-1] if before else None
    return (
        last is not None
        and last.kind is Kind.HEADING
        and _title_like(item.text)
        and bool(_section_number(last.text) or PART_HEADING.match(last.text))
    )


#: A Chinese part number and its title on one line: "一 维持和平行动支助账户" (79/298).
_CJK_PART = re.compile(r"^[一二三四五六七八九十]{1,3}\s+(\S.*)$")


def _numbered_part(text: str) -> bool:
    match = _CJK_PART.match(text)
    return match is not None and _title_like(match.group(1))


def _section_number(text: str) -> bool:
    """A part number or letter alone, maybe citing a footnote ("B ¹" in 79/245 B)."""
    return bool(SECTION_NUMBER.match(strip_footnote_refs(text).strip()))


def _title_like(text: str) -> bool:
    """The title under a part number or an annex: a heading, which may run long
    ("Modalities for the High-level International Conference ... Two-State Solution",
    the 41 words of the 1995 Fish Stocks Agreement's full name in 78/68)."""
    words = strip_footnote_refs(text).split()
    return 0 < len(words) <= 60 and not ends_sentence(text) and _capital_or_caseless(text)


def _opens_sequence(number: Number) -> bool:
    """Is ``number`` the first of a list ("(i)", "(a)", "1.", "㈠"), not a negotiation one?"""
    return not number.inserted and any(value == 1 for _, value in number.readings)


class _Operative:
    """Builds the operative part: numbered paragraphs nest by their numbers."""

    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.levels: list[Level] = []
        self.path: list[_Node] = []  # the open paragraph at each depth
        self.top: list[_Node] = []
        self.caption: _Node | None = None
        self.previous = ""  # the number printed before, for warnings

    def build(self, chunks: list[Chunk]) -> list[_Node]:
        for i, item in enumerate(chunks):
            following = chunks[i + 1] if i + 1 < len(chunks) else None
            if item.kind == "table":
                self._table(item)
            else:
                number, rest = parse_number(item.text)
                inner, inner_rest = parse_number(rest) if number is not None else (None, rest)
                if number is not None and number.prefix != "PP":
                    if inner is not None and _opens_sequence(inner):
                        # "(a) (i) The conversion ...": (a) opens with its first sub-item
                        self._numbered(number, "")
                        number, rest = inner, inner_rest
                    self._numbered(number, rest)
                else:
                    self._unnumbered(item, following)
        return self.top

    def _numbered(self, number: Number, rest: str) -> None:
        if not self.path and number.readings[0] == ("arabic", 1):
            self.levels = []  # a part under its own heading numbers afresh: "II" ... "1."
        depth, how = place(self.levels, number)
        check_depth(depth, f"at the paragraph numbered '{number.text}'")
        node = _node(Kind.OPERATIVE, rest, number.text)
        if how == "guess":
            # where the paragraph belongs is a guess (a skipped number is not: that is
            # for `redraft check`'s numbering rule, and rolling texts keep gaps)
            after = f" after '{self.previous}'" if self.previous else ""
            self.notes.about.append((node, f"numbered '{number.text}'{after}: nesting guessed"))
        self.previous = number.text
        self._attach(node, depth)
        self.path = self.path[:depth] + [node]

    def _attach(self, node: _Node, depth: int) -> None:
        if depth == 0 or not self.path:
            self.top.append(node)
        else:
            self.path[min(depth, len(self.path)) - 1].children.append(node)

    def _unnumbered(self, item: Chunk, following: Chunk | None) -> None:
        if (
            _is_section_heading(item, self.top)
            or _NUMBERED_TITLE.match(item.text)
            and heading_like(item.text)
            or action_title(item.text)
        ):
            self.top.append(_node(Kind.HEADING, item.text))
            self.path = []
            if ANNEX.match(item.text):  # an annex numbers its paragraphs afresh
                self.levels = []
            return
        if (
            not self.path
            and not _ADOPTED.match(item.text)
            and (
                heading_like(item.text)
                or _title_like(item.text)
                and following is not None
                and following.kind == "text"
                and parse_number(following.text)[0] is not None
            )
        ):
            # under an annex heading ("Introduction", "Independent panel"): no paragraph
            # is open for it to belong to; a long one must head numbered paragraphs
            self.top.append(_node(Kind.HEADING, item.text))
            return
        if (
            not self.path
            and end_mark(item.text) == ","
            and self.top
            and self.top[-1].kind in (Kind.HEADING, Kind.PREAMBULAR)
        ):
            # a part of the resolution with its own preamble: "II" / title / "Recalling ...,"
            self.top.append(_node(Kind.PREAMBULAR, item.text))
            return
        if _ADOPTED.match(item.text) or not self.path:
            self.top.append(_node(Kind.TEXT, item.text))
            return
        if heading_like(item.text) and following is not None:
            if following.kind == "table":
                self.caption = _node(Kind.TEXT, item.text)
                return
            if self._continues_top(following):
                self.top.append(_node(Kind.HEADING, item.text))
                self.path = []
                return
        elif _title_like(item.text) and following is not None and self._continues_top(following):
            # a long section title ("Financing of the support account ... 30 June 2026")
            self.top.append(_node(Kind.HEADING, item.text))
            self.path = []
            return
        goes_on = item.text[:1].islower() or (caseless(item.text) and self._sentence_goes_on())
        owner = self._continuation_owner() if goes_on else self._owner()
        owner.children.append(_node(Kind.TEXT, item.text))

    def _continues_top(self, following: Chunk) -> bool:
        number = parse_number(following.text)[0]
        if number is None or not self.levels:
            return False
        copy = [Level(level.style, level.last) for level in self.levels]
        depth, how = place(copy, number)
        return depth == 0 and how == "continue"

    def _owner(self) -> _Node:
        """The paragraph unnumbered text belongs to: the open one, except that a list
        introduced by a colon and closed by a full stop hands back to its parent."""
        path = list(self.path)
        while (
            len(path) >= 2
            and path[-1].text.rstrip().endswith((".", "。"))
            and strip_footnote_refs(path[-2].text).rstrip().endswith((":", "："))
        ):
            path.pop()
        return path[-1]

    def _sentence_goes_on(self) -> bool:
        """Does the open list end with a semicolon, a comma or nothing, so that text in
        a script without capitals after it ends its parent's sentence ("وتُطالب بمحاسبة
        الجناة؛" after 4.(f), 79/56)?"""
        marks = ("", ";", ",", "؛", "،", "；", "，")
        return len(self.path) >= 2 and end_mark(self.path[-1].text) in marks

    def _continuation_owner(self) -> _Node:
        """Lower-case text after a list ("(f) ...;" / "and demands that ...") ends the
        sentence the list's parent began."""
        return self.path[-2] if len(self.path) >= 2 else self.path[-1]

    def _table(self, item: Chunk) -> None:
        text = item.text
        if self.caption is not None:
            text = self.caption.text + "\n" + text
            self.caption = None
        node = _node(Kind.TABLE, text)
        if self.path:
            self._owner().children.append(node)
        else:
            self.top.append(node)


def attach_footnotes(
    nodes: list[_Node], footnotes: list[Chunk], notes: Notes
) -> tuple[Paragraph, ...]:
    """Attach each footnote to the first paragraph that cites it (a footnote printed
    pages later still belongs where it is cited); freeze the blocks."""
    pending: dict[str, list[Footnote]] = {}
    for item in footnotes:
        pending.setdefault(item.marker, []).append(Footnote(item.marker, plain(item.text)[1]))
    for node in (n for top in nodes for n in top.walk()):
        for marker in cited_markers(node.text):
            if pending.get(marker):
                node.footnotes.append(pending[marker].pop(0))
    orphans = [fn for queue in pending.values() for fn in queue]
    if orphans and nodes:
        markers = ", ".join(fn.marker for fn in orphans)
        word = noun(len(orphans), "footnote")
        notes.warnings.append(f"{word} {markers} cited nowhere: kept with the last paragraph")
        nodes[-1].footnotes.extend(orphans)
    return tuple(node.freeze() for node in nodes)
