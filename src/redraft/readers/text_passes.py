"""The line-level passes of the plain-text reader (see :mod:`redraft.readers.text`).

Each pass takes what the previous one produced and a :class:`Notes` it may add
warnings and metadata hints to. The order is fixed in ``text.PASSES``:

    normalise -> masthead -> furniture -> chunk -> footnotes -> rejoin

A *chunk* is one paragraph as printed: text, a footnote, or a table. Classifying
chunks as title, formula, preambular... is the job of :mod:`redraft.readers.text_tree`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..model import ref_marker, strip_footnote_refs
from ..numerals import ARABIC_ORDINALS
from ..typography import strip_invisible
from .text_numbers import SUFFIXES, parse_number


@dataclass
class Notes:
    """What the passes learn besides the chunks: warnings and metadata hints."""

    warnings: list[str] = field(default_factory=list)
    #: warnings about one block (the builder's node, the message): the reader names
    #: the block by its label once labels are assigned ("OP7: numbered '7.' after '5.'")
    about: list[tuple[object, str]] = field(default_factory=list)
    symbol: str = ""
    organ: str = ""
    date: str = ""
    dropped: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Chunk:
    """One printed paragraph. ``kind`` is "text", "footnote" or "table"."""

    text: str
    kind: str = "text"
    marker: str = ""  # a footnote's marker ("16")
    bullet: bool = False  # printed with a leading dash ("- (a) ...", "— Calls for ...")


# -- normalise ----------------------------------------------------------------

#: Spaces the passes read as plain spaces (:mod:`.text_spaces` gives them back to the
#: text the reader returns: the stored text keeps what the document had).
NO_BREAK_SPACES = "\u00a0\u202f\u2007\u2009"
_SPACES = str.maketrans({char: " " for char in NO_BREAK_SPACES})


def normalise(text: str, spaces: bool = True) -> str:
    """Line ends to ``\\n``; invisible characters (zero-width, directional marks, soft
    hyphen, BOM) removed (:func:`redraft.typography.strip_invisible`); with ``spaces``,
    non-breaking and thin spaces to spaces, so that every pass reads them as spaces.
    Tabs stay: they mark tables."""
    text = strip_invisible(text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.translate(_SPACES) if spaces else text


# -- masthead and page furniture ------------------------------------------------

#: A UN document symbol alone on a line: "S/RES/1445 (2002)", "E/CN.15/2011/L.3/Rev.1".
SYMBOL_LINE = re.compile(r"^[A-Z]{1,3}(?:/[A-Za-z0-9.\-]+)+(?:\s*\(\d{4}\))?$")
_MASTHEAD_SYMBOL = re.compile(
    r"^United Nations\s+([A-Z]{1,3}(?:/[A-Za-z0-9.\-]+)+(?:\s*\(\d{4}\))?)$"
)
_DISTR = re.compile(r"^(?:(?P<organ>[A-Z][A-Za-z ]+?)\s+)?Distr\.:?\s*\w+", re.IGNORECASE)
_DATE = re.compile(
    r"^\d{1,2} (?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December) \d{4}$"
)
_JOB_NUMBER = re.compile(r"^\d{2}-\d{4,6}\s*\([A-Z]\)(?:\s+.*)?$")
_BARCODE = re.compile(r"^\*\d{6,}\*$")
_PAGE_DASHED = re.compile(r"^(?:[-–]\s*\d{1,3}\s*[-–]|Page \d{1,3})$")  # "- 3 -", "Page 3"
_PAGE_OF = re.compile(r"^(\d{1,3})/(\d{1,3})$")  # "3/12"
_MASTHEAD_OTHER = re.compile(
    r"^(?:Original:\s*\w+|General Assembly|Security Council|Economic and Social Council"
    r"|Commission on [A-Z][\w ]+|Human Rights Council|Please recycle.*"
    r"|[A-Z][a-z]+(?:-[a-z]+)? (?:regular |special )?session"
    r"|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee"
    r"|Agenda items? [\w(), ]+"
    r"|[A-Z][a-z]+, \d{1,2}(?:[-–]\d{1,2})? [A-Z][a-z]+ \d{4})$"  # "Vienna, 11-15 April 2011"
)
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def iso_date(text: str) -> str:
    """ "4 December 2002" -> "2002-12-04" ("" when ``text`` holds no such date)."""
    match = re.search(r"(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})", text)
    if not match:
        return ""
    day, month, year = match.groups()
    return f"{year}-{_MONTHS.index(month) + 1:02d}-{int(day):02d}"


def masthead(lines: list[str], notes: Notes) -> list[str]:
    """Drop the masthead of a printed document ("United Nations S/RES/1445 (2002)",
    "Distr.: General", its date), keeping the symbol, organ and date as hints."""
    top = [i for i, line in enumerate(lines[:25]) if line.strip()]
    if not any(
        _DISTR.match(lines[i].strip()) or _MASTHEAD_SYMBOL.match(lines[i].strip()) for i in top
    ):
        return lines
    kept = list(lines)
    for i in top:
        line = lines[i].strip().lstrip("\f")
        if match := _MASTHEAD_SYMBOL.match(line):
            notes.symbol = " ".join(match.group(1).split())
        elif match := _DISTR.match(line):
            notes.organ = (match.group("organ") or "").strip()
        elif _DATE.match(line):
            notes.date = iso_date(line)
        elif not (SYMBOL_LINE.match(line) or _MASTHEAD_OTHER.match(line)):
            break
        notes.dropped["masthead line"] += 1
        kept[i] = ""
    return kept


def furniture(lines: list[str], notes: Notes) -> list[str]:
    """Drop running heads (the symbol repeated at the top of a page), job numbers,
    barcodes and page numbers. A dropped line becomes a blank line: a page break
    ends a paragraph, and :func:`rejoin` joins the halves again."""
    bare_lines = [line.strip().lstrip("\f").strip() for line in lines]
    repeated = Counter(b for b in bare_lines if SYMBOL_LINE.match(b))
    totals = Counter(m.group(2) for b in bare_lines if (m := _PAGE_OF.match(b)))
    out = []
    for line, bare in zip(lines, bare_lines, strict=True):
        page_top = line.startswith("\f")
        what = _furniture_kind(bare, page_top, repeated, totals, notes.symbol)
        if what:
            notes.dropped[f"{what} '{bare}'"] += 1
            out.append("")
        else:
            out.append(line.replace("\f", ""))
    return out


def _furniture_kind(
    bare: str, page_top: bool, repeated: Counter[str], totals: Counter[str], own: str
) -> str:
    """What a line of page furniture is, or "". Ambiguous lines ("79/11" may be a
    resolution number, "3" a stray figure) count only at the top of a page or when
    the document repeats them as pages do ("2/12", "3/12")."""
    if not bare:
        return ""
    if SYMBOL_LINE.match(bare) and (page_top or repeated[bare] > 1 or bare == own):
        return "running head"
    if _JOB_NUMBER.match(bare):
        return "job number"
    if _BARCODE.match(bare):
        return "barcode"
    page_of = _PAGE_OF.match(bare)
    if _PAGE_DASHED.match(bare) or (bare.isdigit() and len(bare) <= 3 and page_top):
        return "page number"
    if page_of and (page_top or totals[page_of.group(2)] > 1):
        return "page number"
    return ""


def report_dropped(notes: Notes) -> None:
    if notes.dropped:
        parts = [f"{what} (x{n})" if n > 1 else what for what, n in notes.dropped.items()]
        notes.warnings.append("dropped page furniture: " + "; ".join(parts))


# -- chunks -------------------------------------------------------------------

#: Where a new list item may start inside a block of lines with no blank between them.
LIST_START = re.compile(
    r"^\s*(?:[-–—•]\s+|\[?(?:\d{1,3}(?:\.|\s*\.?\s*(?:" + SUFFIXES + r")\.?)\s"
    r"|\(\w{1,4}\)\s|[a-z]{1,4}[.)]\s|(?:OP|PP)\s?\d))"
)
_BULLET = re.compile(r"^\s*[-•]\s+(?=\(?\w{1,4}[.)]\s)")


def chunk(lines: list[str], notes: Notes) -> list[Chunk]:
    """Paragraphs as printed: split on blank lines, then inside a block at lines that
    start a list item after a line that ended a sentence; tables kept whole."""
    chunks: list[Chunk] = []
    for block in _blocks(lines):
        if _is_table(block):
            chunks.append(Chunk(_table_text(block), kind="table"))
            continue
        for item in _split_items(block):
            chunks.append(_text_chunk(item))
    return chunks


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


_CELL_TAB = re.compile(r"[^ \t]\t+[^ \t]")


def _is_table(block: list[str]) -> bool:
    """Two or more lines with tabs between cells; a tab next to a space, or one that
    indents a line, is only spacing."""
    tabbed = sum(1 for line in block if _CELL_TAB.search(line.strip("\t ")))
    return tabbed >= 2 and tabbed * 2 >= len(block)


_TAGS = re.compile(r"</?(?:i|b|em|strong|u)>", re.IGNORECASE)


def _table_text(block: list[str]) -> str:
    """Rows joined by newlines, cells by tabs; inline tags and trailing empty cells dropped."""
    rows = []
    for line in block:
        cells = [" ".join(_TAGS.sub("", cell).split()) for cell in line.split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        rows.append("\t".join(cells))
    return "\n".join(rows)


#: The heading of one draft among many in a report: "Draft resolution II", "Decision 20/1".
DRAFT_HEADING = re.compile(r"^(?:Draft )?(?:[Rr]esolution|[Dd]ecision) (?:[IVXLC]+|\d+/\d+[A-Z]?)$")

#: A document heading line: "Draft resolution II", "Resolution 1445 (2002)",
#: "Resolution adopted by the General Assembly on 5 December 2023", and the heading of a
#: sponsored draft: "Austria, Brazil and Mexico: revised draft resolution".
_HEAD = (
    r"^(?:(?:Revised|Amended)\s+[Dd]raft\s+|(?:Revised|Amended|Draft)\s+)?"
    r"(?:[Rr]esolution|[Dd]ecision)"
)
#: The heading of a draft submitted by an officer, as L documents print it: "Draft
#: resolution submitted by the Vice-Chair of the Committee, Ms. X (Kenya), on the basis
#: of informal consultations" (it may be long, and hard-wrapped).
SUBMITTED_HEADING = re.compile(_HEAD + r"(?:\s+[IVXLC]+)?\s+submitted\s+by\s+\S.{0,400}$")
DOC_HEADING = re.compile(
    _HEAD
    + r"(?:\s+\S+){0,5}$"
    + r"|"
    + _HEAD
    + r"(?:\s+\S+){0,2}\s+[(\[][^()\[\]]{1,300}[)\]]$"  # "Draft resolution (...)"
    + r"|"
    + SUBMITTED_HEADING.pattern
    + r"|^(?:Projet de |Proyecto de )?(?:[Rr]ésolution|[Dd]écision|[Rr]esolución|[Dd]ecisión)"
    r"(?:\s+\S+){0,5}$"
    r"|^Resolution adopted by .+$"
    r"|^(?:(?:Revised|Zero)\s+)?[Dd]raft\s+(?:outcome\s+document|(?:political\s+)?declaration)$"
    # "79/10." as a resolution of the General Assembly is headed; "ES-11/6." for an
    # emergency special session, "S-30/1." for a special session
    r"|^(?:E?S-)?\d{1,3}/\d{1,4}\.?$"
    r"|^(?P<sponsors>[A-Z][^:]{1,800}): (?:[Rr]evised )?draft (?:resolution|decision)(?: [IVX]+)?$"
)


def _split_items(block: list[str]) -> list[list[str]]:
    items: list[list[str]] = [[block[0]]]
    for index, line in enumerate(block[1:]):
        first = block[0].strip()
        if index == 0 and DOC_HEADING.match(first) and not SUBMITTED_HEADING.match(first):
            items.append([line])  # "Resolution 242 (1967)" / "of 22 November 1967"
            continue
        if LIST_START.match(line) and (closes_item(items[-1][-1]) or _BULLET.match(line)):
            items.append([line])
        elif _FOOTNOTE_LINE.match(line) and _FOOTNOTE_LINE.match(items[-1][0]):
            items.append([line])  # footnotes printed without blank lines between them
        else:
            items[-1].append(line)
    return items


def _text_chunk(lines: list[str]) -> Chunk:
    bullet = bool(_BULLET.match(lines[0]))
    first = _BULLET.sub("", lines[0]) if bullet else lines[0]
    text = join_lines([first, *lines[1:]])
    return Chunk(text=text, bullet=bullet)


_HYPHEN_PREFIXES = frozenset("ex non self co anti inter multi post pre cross well".split())


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines with spaces, removing a line-end hyphen that only
    split a word ("imple-/mentation") and keeping one that belongs to it ("ex-/combatants")."""
    text = ""
    for line in lines:
        line = " ".join(line.replace("\t", " ").split())
        if not text:
            text = line
        elif re.search(r"[A-Za-z]-$", text) and line[:1].isalpha():
            word = re.search(r"(\w+)-$", text)
            keep = line[0].isupper() or (
                word is not None and word.group(1).lower() in _HYPHEN_PREFIXES
            )
            text = text + line if keep else text[:-1] + line
        else:
            text = f"{text} {line}"
    return text


# -- footnotes ----------------------------------------------------------------

_FOOTNOTE_LINE = re.compile(r"^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+\S")


def footnotes(chunks: list[Chunk], notes: Notes) -> list[Chunk]:
    """Mark chunks that are footnotes ("¹⁶ Ibid., vol. 2225, No. 39574.")."""
    out = []
    for item in chunks:
        match = _FOOTNOTE_LINE.match(item.text) if item.kind == "text" else None
        if match:
            out.append(
                replace(
                    item,
                    kind="footnote",
                    marker=ref_marker(match.group(1)),
                    text=item.text[match.end(1) :].strip(),
                )
            )
        else:
            out.append(item)
    return out


# -- rejoin paragraphs broken by a page break ------------------------------------

#: Sentence and clause ends, with the Arabic and full-width (Chinese) forms.
_TERMINAL = (".", ";", ":", ",", "!", "?", "،", "؛", "，", "；", "：", "。")
#: The number of a part of a resolution, alone on its line: "I", "II.", "B"; in Chinese
#: "一", in Arabic the ordinal "أولا" (first), "ثانيا" ... "حادي عشر" (eleventh).
SECTION_NUMBER = re.compile(
    r"^(?:[IVXL]+|[A-Z]|[一二三四五六七八九十]{1,3}|(?:" + ARABIC_ORDINALS + r")(?:\s*[-–])?)\.?$"
)
#: How an enacting formula begins, in the six official languages.
FORMULA_START = re.compile(
    r"^\*?(?:The [A-Z]|At its "
    r"|We,? the [A-Z]|Nous, |Nosotros, |Мы, "  # We, the Heads of State and Government
    r"|L['’][A-ZÉ]|L[ae] [A-ZÉ]|Les [A-ZÉ]|À sa "  # L’Assemblée générale, Le Conseil
    r"|La [A-Z]|El [A-Z]|En su "  # La Asamblea General, El Consejo
    r"|Генеральная Ассамблея|Совет Безопасности|Экономический и Социальный Совет"
    r"|إن[\u064b-\u0652]* |大会|安全理事会|经济及社会理事会)"  # also voweled: "إنَّ" (79/99)
)


#: A status marker written without square brackets: "agreed ad ref", "(ad ref)".
_BARE_STATUS = re.compile(
    r"(?:\(\s*(?:agreed\s+)?ad[\s.-]*ref\.?\s*\)|\bagreed\s+ad[\s.-]*ref\b\.?)\s*$",
    re.IGNORECASE,
)


def caseless(text: str) -> bool:
    """Does ``text`` start (quotes and markup aside) in a script without capitals, Arabic
    or Chinese? Lower case cannot tell there that a paragraph goes on."""
    first = next((c for c in text if c.isalpha()), "")
    return bool(first) and not first.isupper() and not first.islower()


def end_mark(text: str) -> str:
    """The punctuation a paragraph ends with ("" when none), looking past footnote
    references, closing quotes and the negotiation markup a rolling text puts at the
    end. A final bracket ("... Secretary-General, [- EU]", "[pending]") or status
    marker ("agreed ad ref") closes the paragraph: the mark is the punctuation before
    it, else the one that ends the bracket's content ("[, ... -G77; EU delete.]"),
    else "]" (markup closed a paragraph printed without punctuation)."""
    if _bare_end(text).endswith(_TERMINAL):
        return _bare_end(text)[-1]
    bare = strip_footnote_refs(text).rstrip().rstrip("*")  # closing ")" kept: "(ad ref)"
    marker = _BARE_STATUS.search(bare)
    start = _final_bracket(bare) if marker is None else None
    if marker is not None:
        inner, before = "", bare[: marker.start()].rstrip()
    elif start is not None:
        inner, before = bare[start + 1 : -1], bare[:start]
    else:
        return ""
    for piece in (_bare_end(before), _bare_end(inner)):
        if piece.endswith(_TERMINAL):
            return piece[-1]
    return "]"


#: The comma printed between two footnote references ("¹⁰、¹¹", "¹⁰,¹¹": 79/138 in Chinese).
_REFS_LISTED = re.compile("(?<=[⁰¹²³⁴⁵⁶⁷⁸⁹])[、,，](?=[⁰¹²³⁴⁵⁶⁷⁸⁹])")


def _bare_end(text: str) -> str:
    """``text`` without footnote references, closing quotes and italic stars at its end."""
    text = _REFS_LISTED.sub("", text)  # "，¹⁰、¹¹": the comma between two references is theirs
    bare = strip_footnote_refs(text).rstrip().rstrip("*")  # "*The General Assembly,*"
    return bare if bare.endswith(_TERMINAL) else bare.rstrip("”’\"')").rstrip()


def _final_bracket(text: str) -> int | None:
    """Where the "[" that the final "]" of ``text`` closes stands (None when the text
    does not end with "]")."""
    if not text.endswith("]"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index] == "]":
            depth += 1
        elif text[index] == "[":
            depth -= 1
            if depth == 0:
                return index
    return None


def ends_sentence(text: str) -> bool:
    """Ends with punctuation, footnote references, closing quotes and final negotiation
    markup aside: 'Problem,²¹', 'entitled “Crime prevention”,' and 'Noting the report,
    [pending]' all do (:func:`end_mark`)."""
    return bool(end_mark(text))


def closes_item(text: str) -> bool:
    """Ends with a full stop, semicolon or colon, or with negotiation markup
    (:func:`end_mark`): what may come before the next item of a list."""
    return end_mark(text) in (".", ";", ":", "]")


def numbered(text: str) -> bool:
    return parse_number(text)[0] is not None


def rejoin(chunks: list[Chunk], notes: Notes) -> list[Chunk]:
    """Join the halves of a paragraph split by a page break (and the footnotes printed
    at the bottom of that page). The second half continues the first when it starts
    in lower case, or when the first is a paragraph of the body (preambular or
    numbered) that stops without punctuation: "...a forum for dialogue among" /
    "Member States and between...". Short unnumbered lines ("Documentation") are
    never glued to what follows."""
    out: list[Chunk] = []
    state = "front"  # -> "preamble" after the formula -> "operative" at the first number
    open_index: int | None = None  # the text chunk that may continue
    open_body = False  # that chunk is a paragraph of the body (it must end with punctuation)
    for item in chunks:
        if item.kind != "text":
            out.append(item)
            if item.kind == "table":
                open_index = None
            continue
        if open_index is not None and _continues(out[open_index], item, open_body):
            head = out[open_index]
            out[open_index] = replace(head, text=join_lines([head.text, item.text]))
            continue
        number = parse_number(item.text)[0]
        if number is not None and number.prefix != "PP":  # "PP5alt" is still the preamble
            state = "operative"
        # the line under a part number ("I" / "Support account for peacekeeping
        # operations") is the part's title, never half of a paragraph
        title = (
            bool(out)
            and out[open_index or 0] is out[-1]
            and out[-1].kind == "text"
            and bool(SECTION_NUMBER.match(out[-1].text))
        )
        open_body = (number is not None or state == "preamble") and not title
        if state == "front" and FORMULA_START.match(item.text) and ends_sentence(item.text):
            state = "preamble"
        out.append(item)
        open_index = len(out) - 1
    return out


#: A paragraph's italic opening words, as the UN prints them: "*Noting* that", "*с
#: удовлетворением отмечая *вклад" (a lower-case opening: Russian 79/228, whose paragraph
#: before it ends with no punctuation, a slip of the UN's).
_ITALIC_OPENING = re.compile(r"^\*[^\W\d_][^*\n]{0,60}\*\s?\w")


def _continues(head: Chunk, item: Chunk, head_is_body: bool) -> bool:
    if item.bullet or not item.text or numbered(item.text) or DOC_HEADING.match(head.text):
        return False
    if _ITALIC_OPENING.match(item.text):
        return False  # "*с удовлетворением отмечая* вклад ...": a paragraph's opening words
    if item.text[0].islower():
        if "\u0400" <= item.text[0] <= "\u04ff":  # Russian paragraphs start in lower case
            return not ends_sentence(head.text)
        return not closes_item(head.text)
    if ends_sentence(head.text) or not head_is_body or len(head.text.split()) <= 3:
        return False  # a part number ("II") or a short line is not half a paragraph
    return not FORMULA_START.match(item.text)
