"""Repairs of UN Akoma Ntoso markup, for files redraft did not write (docs/akn.md).

The UN's files come from Word documents: styles reach the XML as bold text or a
paragraph class, and numbers are sometimes typed in the text rather than put in
``<num>``. These pure helpers tell what the printed page shows: a part heading
written as a paragraph, a sub-paragraph whose number is typed, a list that goes on
after a subheading. The reader (``readers/akn.py``) applies them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import numerals
from ..labels import number_key
from ..model import Kind, Paragraph
from . import akn_languages as languages
from .akn_meta import all_text, local, normalize
from .text_passes import end_mark

if TYPE_CHECKING:
    from lxml.etree import _Element

#: A section number: "I", "IV.", "A"; in Chinese "一", "二.".
SECTION_NUMBER = re.compile(r"^(?:[IVXLC]+|[A-Z]|[一二三四五六七八九十]{1,3})\.?$")
#: A part number the UN prints on a line of its own, above the part's title: "I", "XIV",
#: the Chinese "一".
PART_NUMBER = re.compile(r"[IVXLC]+|[A-Z]|[一二三四五六七八九十]{1,3}")

#: A number typed at the start of the text, followed by a tab, in any official language:
#: a sub-paragraph's "(a)", "(iv)", Arabic "(أ)", "(أ أ)" (aa) and "’1‘" (i), Chinese
#: "(一)", "㈠" or "(子)", French, Spanish and Russian "a)", or an operative paragraph's
#: "26" (79/160, without its period), "26.", Arabic "26 –". Marks of direction (U+200E,
#: U+200F) may stand around it (Chinese files); a no-break space may follow a lettered one.
_ITEM = r"[a-z0-9\u0400-\u04ff\u0621-\u064a\u0640一二三四五六七八九十子丑寅卯辰巳午未申酉戌亥]"
_LETTERED = rf"[(（]{_ITEM}{{1,6}}(?: {_ITEM}{{1,2}})?[)）]|{_ITEM}{{1,4}}\)|[\u3220-\u3229]"
_NUMBER_FORMS = rf"{_LETTERED}|[’‘']\d{{1,2}}[’‘']|\d{{1,3}}(?:\.| ?[-–])?"
_MARKS = "\u200e\u200f"
_CJK_PAREN = r"[(（][一二三四五六七八九十]{1,3}[)）]|[\u3220-\u3229]"
_TYPED = re.compile(
    rf"^[ \t\n{_MARKS}]*(?:({_NUMBER_FORMS})[ {_MARKS}]*\t|({_LETTERED})[\u00a0\u202f]+"
    rf"|({_CJK_PAREN}) +)"
)
#: A sub-paragraph that opens with a sub-item: "(a) (i)<TAB>The conversion ..." (the
#: first number is read here, the second by the next match).
_SECOND = rf"(?:{_LETTERED}|[’‘']\d{{1,2}}[’‘'])[ {_MARKS}]*\t"
_TYPED_PAIR = re.compile(rf"^[ \t\n{_MARKS}]*({_LETTERED})[ \t\u00a0]+(?={_SECOND})")
#: Chinese numbers its items "一、" with no tab after (the articles of 79/243's annex);
#: a number may be typed right against its text ("287.Nous ...", the French 79/233).
_TYPED_CJK = re.compile(
    rf"^[ \t\n{_MARKS}]*([一二三四五六七八九十]{{1,3}}、|\d{{1,3}}\.(?=[^\W\d_]))"
)
#: Text that is nothing but such a number: it does not hide the italic opening after it.
TYPED_ONLY = re.compile(rf"^[ \t\n{_MARKS}]*(?:{_NUMBER_FORMS})[{_MARKS}]*\t[ \t\n{_MARKS}]*$")
_CJK_ITEM = re.compile(r"[\u3220-\u3229一二三四五六七八九十]")
_ROMAN = re.compile(r"^\((?:x{0,2})(?:i{1,3}|iv|v|vi{0,3}|ix|x)\)$")
#: Styles of the UN's headings: bold (H1, H23), italic (H4, "Commitments" in 79/2).
_HEADING_STYLES = ("bold", "italic")
#: A paragraph holding one of these is a paragraph, whatever its style.
_STRUCTURE = {"list", "sublist", "blockList", "table", "heading", "subheading", "crossHeading"}
#: The same names for lxml's ``iter``, which filters in C ("{*}": in any namespace).
_STRUCTURE_TAGS = tuple("{*}" + name for name in sorted(_STRUCTURE))


def section_number(paragraph: _Element, plain: bool = False) -> str | None:
    """The number of a body paragraph that reads as a section title: "" when it has no
    <num>, "XI." for a roman numeral or capital letter; None when it cannot be one (an
    arithmetic number such as "3.", a list, a table, or text not all in a heading style
    unless the paragraph carries a heading class such as "H23"). ``plain``: the language
    prints its titles without bold (Chinese), so a title is known by its words
    (:func:`redraft.readers.akn_languages.plain_title`)."""
    if next(paragraph.iter(*_STRUCTURE_TAGS), None) is not None:
        return None
    first = paragraph[0] if len(paragraph) else None
    number = normalize(all_text(first)) if first is not None and local(first) == "num" else ""
    if number and not SECTION_NUMBER.match(number):
        return None
    if re.fullmatch(r"H\d+", paragraph.get("class", "")) or styled_only(paragraph):
        return number
    if plain and languages.plain_title(paragraph, number):
        return number
    return None


def is_title_text(text: str) -> bool:
    """A lead-in ("Targets:", "We commit to taking the following actions:") or a
    clause ending with ";" announces what follows: it is not a title."""
    return bool(text) and not text.rstrip(_MARKS).endswith((":", ";", "：", "；", "؛"))


def styled_only(paragraph: _Element) -> bool:
    """Does ``paragraph`` hold text, all of it inside bold or italic spans (its number
    and footnotes aside)?"""
    found = False

    def walk(element: _Element, styled: bool) -> bool:
        nonlocal found
        styled = styled or (
            local(element) == "span"
            and any(style in element.get("class", "") for style in _HEADING_STYLES)
        )
        if any(piece and piece.strip() for piece in [element.text, *(c.tail for c in element)]):
            if not styled:
                return False
            found = True
        return all(walk(c, styled) for c in element if local(c) not in ("num", "authorialNote"))

    return walk(paragraph, False) and found


def preamble_in_body(blocks: list[Paragraph]) -> list[Paragraph]:
    """Unnumbered paragraphs that open the body and end with a comma are preambular, as
    printed and as the text reader reads them: the UN's files sometimes put the last
    preambular paragraph (or the only one) in the main body ("Wishing to promote
    cooperation ...," in the Arabic 79/131; the French 79/106's last "Faisant de nouveau
    siens ...,")."""
    out = list(blocks)
    for index, block in enumerate(out):
        if block.kind is not Kind.TEXT or block.children or not _ends_with_comma(block.text):
            break
        out[index] = replace(block, kind=Kind.PREAMBULAR)
    return out


def ends_with_colon(text: str) -> bool:
    """Does ``text`` end with a colon (full-width in Chinese), marks of direction aside?"""
    return text.rstrip(_MARKS + " ").endswith((":", "："))


def _ends_with_comma(text: str) -> bool:
    return end_mark(text.rstrip(_MARKS + " ")) in (",", "،", "，")


def lift_headings(blocks: list[Paragraph]) -> list[Paragraph]:
    """A section title the markup put as the last point of a list ("II. International
    peace and security" after 31.(b) in 79/1; "A. Secretariat of the Pension Board" in
    79/253, whose parts B-D are top-level) ends the paragraph: it follows it instead."""
    out: list[Paragraph] = []
    for block in blocks:
        kept, lifted = _split_trailing_headings(block)
        out += [kept, *lifted]
    return out


def _split_trailing_headings(block: Paragraph) -> tuple[Paragraph, list[Paragraph]]:
    kids = block.children
    if not kids or block.kind is Kind.HEADING:
        return block, []
    if kids[-1].kind is not Kind.HEADING:
        inner, lifted = _split_trailing_headings(kids[-1])
        return (block.with_children(kids[:-1] + (inner,)), lifted) if lifted else (block, [])
    start = len(kids)
    while start and kids[start - 1].kind is Kind.HEADING:
        start -= 1
    return block.with_children(kids[:start]), list(kids[start:])


def typed_number(raw: str) -> tuple[str, str]:
    """The number typed at the start of ``raw`` ("(a)<TAB>...", "26<TAB>...", "1 –<TAB>...",
    "一、...") and the rest of the text; ("", raw) if none. A whole number is given its
    printed period ("26." for "26" and the Arabic "26 –")."""
    match = _TYPED_PAIR.match(raw) or _TYPED.match(raw) or _TYPED_CJK.match(raw)
    if not match:
        return "", raw
    number = "".join(next(g for g in match.groups() if g).split())
    whole = re.fullmatch(r"(\d+)[.\-–]?", number)
    return (f"{whole.group(1)}." if whole else number), raw[match.end() :]


def key(number: str) -> str:
    """The label form of a printed number ("(ج)" -> "(c)", "’2‘" -> "(ii)", "5 -" -> "5")."""
    return number_key(number)


def continues_numbering(previous: Paragraph | None, number: str) -> bool:
    """Does the typed operative number ``number`` ("26.") follow ``previous`` ("25."), the
    last operative paragraph before it (headings may stand between them: "19 –" under a
    heading in the Arabic 79/117)? A typed arabic number is read only then, or as a first
    operative paragraph ("1."): a number and a tab at the start of the text could be
    something else, a number that continues the list cannot."""
    if key(number) == "1":
        return True
    before = key(previous.number) if previous is not None else ""
    return before.isdigit() and key(number) == str(int(before) + 1)


def belongs_under(previous: Paragraph, block: Paragraph, typed: bool) -> bool:
    """A "(b)" or "(iii)" after "12." (or after "(b)" for "(iii)") is a sub-paragraph,
    also when the markup gave it its own <num> at the top level; so is a "(b)" with a
    <num> after text whose typed "(a)" was made its sub-paragraph (the English 79/243,
    where only "(b)" of "(a)" "(b)" "(c)" has a <num>)."""
    if not key(block.number).startswith("(") or block.kind is not Kind.OPERATIVE:
        return False
    if previous.kind is Kind.OPERATIVE:
        if key(previous.number).startswith("("):
            return not sibling(previous.number, block.number)
        return True
    if previous.kind not in (Kind.TEXT, Kind.PREAMBULAR):
        return False
    return typed or _goes_on_inside(previous, block.number)


def joins_mixed_list(out: list[Paragraph], block: Paragraph) -> bool:
    """A typed "(b)" after an "(a)" that has a <num>, both after text announcing them
    with a colon: the markup gave a number to one item of the list and not to the next
    (the English 79/243, article 26; the other languages type both). Both go under the
    text, as typed items do (``out`` is changed in place). Returns whether they did."""
    if len(out) < 2:
        return False
    text, first = out[-2], out[-1]
    if (
        text.kind is not Kind.TEXT
        or any(c.number for c in text.children)
        or not ends_with_colon(text.text)
        or first.kind is not Kind.OPERATIVE
        or key(first.number) != "(a)"
        or key(block.number) != "(b)"
    ):
        return False
    out[-2:] = [text.with_children(text.children + (first, block))]
    return True


def _goes_on_inside(paragraph: Paragraph, number: str) -> bool:
    """Does ``number`` continue one of the lists open at the end of ``paragraph`` ("(f)"
    after its "(e)", "(ii)" after its "(e)(i)"), or open a roman list under its last
    lettered item ("(i)" after "(e)")?"""
    last = paragraph.children[-1] if paragraph.children else None
    while last is not None and last.number:
        if key(number) == next_letter(last.number) or key(number) == next_roman(last.number):
            return True
        if key(number) == "(i)" and not sibling(last.number, number):
            return True
        last = last.children[-1] if last.children else None
    return False


def continue_with(previous: Paragraph, block: Paragraph) -> Paragraph | None:
    """``previous`` with ``block`` inside it, when unnumbered text goes on with the
    operative paragraph before it, as printed; None when it does not. The text answers
    a colon: the deepest last (sub-)paragraph ending with ":" and no numbered children
    takes it (the question after "...on the following question:", 79/232: ``OP10.p1``;
    "Panel 1: ..." after "(b) ... the following themes:", 79/273: ``OP4(b).p1``), and so
    does the text after it. Text in lower case after a paragraph's list goes on with the
    paragraph itself ("and demands that the perpetrators be held accountable;" after
    4.'s points, 79/56: ``OP4.p1``)."""
    if (
        block.kind is not Kind.TEXT
        or block.number
        or previous.kind is not Kind.OPERATIVE
        or not previous.number
        or key(previous.number).startswith("(")
    ):
        return None
    if _answers_colon(previous):
        return _append_deepest(previous, block)
    if block.text[:1].islower() or (_caseless(block.text) and _sentence_goes_on(previous)):
        return previous.with_children(previous.children + (block,))
    return None


def _caseless(text: str) -> bool:
    """Does ``text`` start in a script without capitals (Arabic, Chinese)?"""
    first = next((c for c in text if c.isalpha()), "")
    return bool(first) and not first.isupper() and not first.islower()


def _sentence_goes_on(paragraph: Paragraph) -> bool:
    """Does the sentence of ``paragraph`` go on after it: its list ends with a semicolon
    or a comma, or it has no list and ends with no punctuation at all (the Chinese 79/333
    "又决定高级别会议的总主题为", then the theme in quotation marks)?"""
    if not paragraph.children:
        return not end_mark(paragraph.text.rstrip(_MARKS + " "))
    return _list_goes_on(paragraph)


def _list_goes_on(paragraph: Paragraph) -> bool:
    """Does the last sub-paragraph of ``paragraph``'s list end with a semicolon, a comma
    or no punctuation at all, so that the sentence goes on after the list? (How text in
    a script without capitals shows that it continues: the Arabic and Chinese "and
    demands that the perpetrators be held accountable;" after 4.(f) in 79/56.)"""
    numbered = [c for c in paragraph.children if c.number]
    if not numbered or paragraph.children[-1] is not numbered[-1]:
        return False
    last = numbered[-1]
    while last.children and last.children[-1].number:
        last = last.children[-1]
    return end_mark(last.text.rstrip(_MARKS + " ")) in ("", ";", ",", "؛", "،", "；", "，")


def _answers_colon(paragraph: Paragraph) -> bool:
    """Does the deepest last numbered (sub-)paragraph end with a colon that none of its
    own sub-paragraphs answers?"""
    if any(c.number for c in paragraph.children):
        last = paragraph.children[-1]
        return bool(last.number) and _answers_colon(last)
    return ends_with_colon(paragraph.text)


def _append_deepest(paragraph: Paragraph, block: Paragraph) -> Paragraph:
    if any(c.number for c in paragraph.children):
        last = _append_deepest(paragraph.children[-1], block)
        return paragraph.with_children(paragraph.children[:-1] + (last,))
    return paragraph.with_children(paragraph.children + (block,))


def resume_list(out: list[Paragraph], block: Paragraph) -> bool:
    """A typed "(c)" after subheadings continues the list of the operative paragraph
    before them ("27. To ensure...:" (a) (b) *Fiscal systems* (c)...; 79/323): the
    headings and the item go into that paragraph (``out`` is changed in place), so the
    item is ``OP27(c)`` and the headings ``OP27.p1``... Returns whether it did."""
    start = len(out)
    while start and out[start - 1].kind is Kind.HEADING:
        start -= 1
    if start in (0, len(out)):
        return False
    parent = out[start - 1]
    numbered = [c.number for c in parent.children if c.number]
    expected = next_letter(numbered[-1]) if numbered else "(a)"
    if (
        parent.kind is not Kind.OPERATIVE
        or key(parent.number).startswith("(")
        or not (numbered or ends_with_colon(parent.text))
        or key(block.number) != expected
    ):
        return False
    out[start - 1 :] = [parent.with_children(parent.children + tuple(out[start:]) + (block,))]
    return True


def sibling(previous: str, number: str) -> bool:
    """Is ``number`` at the same level as ``previous``? "(b)" after "(a)", "(ii)" after "(i)";
    "(i)" after "(h)" is the letter i. (Printed numbers, in any language: "’2‘" is "(ii)".)"""
    if (
        _CJK_ITEM.search(number)
        and not _CJK_ITEM.search(previous)
        and re.fullmatch(r"\([a-z]\)", key(previous))
    ):
        return False  # "㈠" under "(e)": Chinese prints roman items with its numerals
    previous, number = key(previous), key(number)
    if _ROMAN.match(number) and not _ROMAN.match(previous):
        return len(previous) == 3 and len(number) == 3 and ord(number[1]) == ord(previous[1]) + 1
    return True


def next_letter(number: str) -> str:
    """The lettered number after ``number``: "(b)" after "(a)"; "" for anything else."""
    number = key(number)
    if re.fullmatch(r"\([a-y]\)", number):
        return f"({chr(ord(number[1]) + 1)})"
    return ""


def next_roman(number: str) -> str:
    """The roman item after ``number``: "(ii)" after "(i)"; "" for anything else."""
    value = numerals.roman_value(key(number).strip("()"))
    return f"({numerals.roman(value + 1)})" if value and _ROMAN.match(key(number)) else ""


def place(parent: Paragraph, block: Paragraph) -> Paragraph:
    """``block`` appended under ``parent``: as a child, or under its last child."""
    last = parent.children[-1] if parent.children else None
    if last is not None and last.number and not sibling(last.number, block.number):
        return parent.with_children(parent.children[:-1] + (place(last, block),))
    return parent.with_children(parent.children + (block,))
