"""Repairs for the language versions of the UN's AKN files (docs/akn.md, "Languages").

The six versions of a resolution come from six Word documents, marked up by the same
tools but not always the same way: Chinese prints its section titles without bold, so
the markup that tells an English title from a paragraph is missing; a French or Spanish
file may hold each number in an empty paragraph of its own, before the paragraph it
numbers; a Chinese file may put the operative paragraphs of a "Resolves that:" in the
preamble. These pure helpers read such files as printed, so that the same paragraph gets
the same label in every language. The reader (``readers/akn.py``) applies them to files
redraft did not write.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..labels import number_key
from ..model import Kind, Paragraph
from .akn_meta import all_text, children, local, normalize
from .text_passes import end_mark

if TYPE_CHECKING:
    from lxml.etree import _Element

#: Marks of direction that Chinese and Arabic files leave around numbers and punctuation.
MARKS = "\u200e\u200f"
#: A section number printed alone: "I", "B", the Chinese "一", "第一编" (Part I),
#: "第1款" (Section 1), "收入第2款" (Income section 2), "第二部分" (Part II), "第八条"
#: (Article 8).
_ALONE = re.compile(
    r"^(?:[IVXLC]+|[A-Z]|[一二三四五六七八九十]{1,3}"
    r"|(?:收入)?第[一二三四五六七八九十\d]{1,4}[A-Z]?(?:编|款|部分|章|节|条))\.?$"
)
#: The Pact for the Future's "Action 1." titles, in Chinese ("行动1.").
_ACTION = re.compile(r"^行动\s*\d+\s*\.")
#: The longest title a Chinese file prints plain (in characters): longer is a paragraph.
_TITLE_CHARS = 60


def plain_title(paragraph: _Element, number: str) -> bool:
    """Is this body paragraph a section title printed without bold (Chinese)? A section
    number alone ("一", "第一编"), a title after a section number ("一." "可持续发展和发展
    筹资", "A." "养恤金联委会秘书处": short, no final punctuation), or an "Action 1."."""
    text = normalize(
        " ".join(all_text(e) for e in children(paragraph) if local(e) not in ("num",))
    ).strip(MARKS + " ")
    if not text:
        return False
    if _ACTION.match(text):
        return True
    if number:
        return len(text) <= _TITLE_CHARS and not end_mark(text)
    return bool(_ALONE.match(text))


def is_alone_number(text: str) -> bool:
    return bool(_ALONE.match(text.strip(MARKS + " ")))


def titles_under_numbers(blocks: list[Paragraph]) -> list[Paragraph]:
    """The title printed under a section number alone ("一" / "立法活动" in the Chinese
    79/117; "第一编" / "通盘决策、领导和协调" in 79/257) is a heading too: short, without
    final punctuation, as the text reader reads it. (English marks both bold.)"""
    out = list(blocks)
    for index in range(1, len(out)):
        block, before = out[index], out[index - 1]
        if (
            block.kind is Kind.TEXT
            and not block.number
            and not block.children
            and before.kind is Kind.HEADING
            and is_alone_number(before.text)
            and len(block.text) <= _TITLE_CHARS
            and not end_mark(block.text.strip(MARKS + " "))
        ):
            out[index] = replace(block, kind=Kind.HEADING, opening="")
    return out


def plain_heading(block: Paragraph) -> bool:
    """Is ``block`` (unnumbered text between paragraphs, continuing none) a heading that
    Chinese prints without bold: short, with no final punctuation ("使用多种语文和全球传播",
    Multilingualism and global communications, in 79/93 B)?"""
    return (
        block.kind is Kind.TEXT
        and not block.number
        and not block.children
        and 0 < len(block.text) <= _TITLE_CHARS
        and not end_mark(block.text.strip(MARKS + " "))
    )


CJK_PAREN = re.compile(r"^(?:[(（][一二三四五六七八九十]{1,3}[)）]|[\u3220-\u3229])$")
_FIRST_ITEM = re.compile(r"^[\s\u200e\u200f]*1\.\s+")


def take_first_item(parts: list[str]) -> str:
    """ "1." at the start of the text of a Chinese "㈠" (its first item, as Chinese treaties
    number 一、 > ㈠ > 1.), removed from ``parts``; "" if the text does not start so."""
    text = "".join(parts)
    match = _FIRST_ITEM.match(text)
    if match is None:
        return ""
    parts[:] = [text[match.end() :]]
    return "1."


def under_chinese_item(previous: Paragraph | None, block: Paragraph) -> Paragraph | None:
    """``previous`` with ``block`` placed inside, when Chinese treaty numbering puts an
    arabic "1." below a "㈠" (一、 > ㈠ > 1., where English prints 1. > (a) > (i): the
    Cybercrime Convention in 79/243); None when it does not apply."""
    if previous is None or not re.fullmatch(r"\d{1,2}\.", block.number):
        return None
    items = [c for c in previous.children if c.number]
    if not items or not CJK_PAREN.match(items[-1].number):
        return None
    item = items[-1]
    numbered = [c for c in item.children if c.number]
    expected = str(int(numbered[-1].number.rstrip(".")) + 1) if numbered else "1"
    if block.number.rstrip(".") != expected:
        return None
    index = previous.children.index(item)
    item = item.with_children(item.children + (block,))
    return previous.with_children(
        previous.children[:index] + (item,) + previous.children[index + 1 :]
    )


def join_lone_numbers(blocks: list[Paragraph]) -> list[Paragraph]:
    """A number alone in an empty paragraph numbers the unnumbered paragraph after it:
    the French and Spanish 79/1 and the French 79/323 hold "<num>1.</num>" with an empty
    <p>, then "Nous, chefs d'État..." in a paragraph of its own."""
    out: list[Paragraph] = []
    for block in blocks:
        before = out[-1] if out else None
        if (
            before is not None
            and before.number
            and not before.text
            and not before.children
            and block.kind is Kind.TEXT
            and not block.number
            and block.text
        ):
            out[-1] = replace(block, kind=before.kind, number=before.number)
        else:
            out.append(block)
    return out


def operative_tail(blocks: list[Paragraph], body_goes_on: bool = False) -> int:
    """Where the operative part starts inside the preamble's blocks (``len(blocks)`` if
    it does not): the Chinese 79/259 and 79/261 hold "正式决定：" (Resolves that:) and its
    paragraphs "1." "2." "3." as a preambular container with a list; as printed (and in
    the other languages) they are the operative paragraphs 1-3. ``body_goes_on``: the
    body opens with a sub-item ("㈠", "(f)"), so the list of the preamble's last paragraph
    goes on in it: that paragraph is operative (the Chinese 79/93 A puts "Urges ...:" and
    its (a)-(e) in the preamble, (e)'s ㈠-㈣ and (f) in the body)."""
    for index, block in enumerate(blocks):
        if block.kind is Kind.PREAMBULAR and _numbers_operatives(block):
            return index
    last = blocks[-1] if blocks else None
    if body_goes_on and last is not None and last.kind is Kind.PREAMBULAR:
        if any(c.number for c in last.children):
            return len(blocks) - 1
    return len(blocks)


def body_opens_with_item(document: _Element) -> bool:
    """Does the document's body open with a paragraph numbered as a sub-item ("(f)",
    "㈠"), not as an operative paragraph ("1.") or not at all?"""
    body = next((c for c in children(document) if local(c) in ("mainBody", "body")), None)
    first = next(iter(children(body)), None) if body is not None else None
    if first is None or local(first) != "paragraph":
        return False
    num = next((c for c in children(first) if local(c) == "num"), None)
    key = number_key(normalize(all_text(num))) if num is not None else ""
    return key.startswith("(")


def _numbers_operatives(block: Paragraph) -> bool:
    numbered = [c for c in block.children if c.number]
    return bool(numbered) and number_key(numbered[0].number) == "1"


def split_operatives(blocks: list[Paragraph]) -> list[Paragraph]:
    """The blocks from :func:`operative_tail` on, as the operative part: the lead-in
    ("Resolves that:") as unnumbered text, each numbered item an operative paragraph."""
    out: list[Paragraph] = []
    for block in blocks:
        if block.kind is not Kind.PREAMBULAR or not any(c.number for c in block.children):
            out.append(block)
            continue
        out.append(replace(block, kind=Kind.TEXT, number="", children=(), opening=""))
        for child in block.children:
            kind = Kind.OPERATIVE if child.number else Kind.TEXT
            out.append(replace(child, kind=kind))
    return out


_QUOTES = "“”«»„\"'‘’ \u00a0\u202f"


def quoted_item(previous: Paragraph, block: Paragraph) -> Paragraph | None:
    """``block`` as quoted text when its number continues an item typed inside a
    quotation just before it: the French 79/280 quotes a rule, "« a) Sauf décision ..."
    typed in the text, then gives the rule's "b)" a <num> of its own; the English types
    both "“(a)" and "“(b)" in the text. None when it is not such an item."""
    if not block.number or block.kind is not Kind.OPERATIVE:
        return None
    last = previous
    while last.children:
        last = last.children[-1]
    if last is previous or last.number or not last.text.startswith(tuple(_QUOTES[:5])):
        return None
    quoted = last.text.lstrip(_QUOTES)
    item = re.match(r"^(\(?[^\s()]{1,4}\))", quoted)
    if item is None:
        return None
    before, key = number_key(item.group(1)), number_key(block.number)
    if not (_letter_after(before) == key):
        return None
    return as_text(block)


def table_note(block: Paragraph, notes: bool, previous: Paragraph | None) -> bool:
    """Is ``block`` a note under a table: a letter item that starts at (a) right after a
    table, or goes on from such a note (``notes``)? The Arabic 79/250 and 79/255 number
    the notes "(أ)", where the English prints a superscript "a" in the text."""
    if block.kind is not Kind.OPERATIVE or not block.number:
        return False
    key = number_key(block.number)
    if not re.fullmatch(r"\([a-z]\)", key):
        return False
    return notes or (key == "(a)" and ends_with_table(previous))


def as_text(block: Paragraph) -> Paragraph:
    """``block`` as unnumbered text, its number printed at the start of the text."""
    return replace(
        block, kind=Kind.TEXT, number="", text=f"{block.number} {block.text}", opening=""
    )


def ends_with_table(block: Paragraph | None) -> bool:
    """Is ``block`` a table, or does its last sub-paragraph hold one? The letters typed
    after it are the table's notes ("(أ)<TAB>انظر A/79/555." in the Arabic 79/255, where
    the English prints a superscript "a"), not sub-paragraphs."""
    while block is not None and block.kind is not Kind.TABLE and block.children:
        block = block.children[-1]
    return block is not None and block.kind is Kind.TABLE


def continues_sequence(previous: Paragraph, block: Paragraph) -> bool:
    """Does ``block``'s number come next after ``previous``'s in one sequence ("d)" after
    "с)", whatever the script of the "с")? Then a sublist that starts with it holds
    siblings, not sub-items: the UN's conversion took the Cyrillic "с)" of the Russian
    79/136 and 79/174 for the start of a new list and nested "d)", "e)" under it."""
    if not previous.number or not block.number:
        return False
    before = number_key(previous.number)
    return bool(before) and number_key(block.number, before) == _letter_after(before)


def _letter_after(key: str) -> str:
    if re.fullmatch(r"\([a-y]\)", key):
        return f"({chr(ord(key[1]) + 1)})"
    return ""
