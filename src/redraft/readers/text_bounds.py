"""Where each part of a printed text begins: the enacting formula, the end of the
preamble, the start of the operative part.

Moved out of :mod:`.text_tree` (which builds the blocks) to keep that module short:
these passes only find boundaries in the list of chunks, as indexes, and build no
node, so :mod:`.text_tree` imports them and they import nothing from it.
"""

from __future__ import annotations

import re

from ..model import strip_footnote_refs
from .text_languages import ANNEX, ORGAN_NAME
from .text_numbers import parse_number
from .text_passes import FORMULA_START, Chunk, end_mark, ends_sentence

#: An organ named at length: "The Conference of the Parties to the United Nations
#: Convention against Transnational Organized Crime," (too long for the 12-word rule).
_LONG_ORGAN = re.compile(
    r"^\*?The(?: (?:[A-Z][\w-]*|and|on|of|for|to|the|against|in|serving|as|meeting))+,\*?$"
)
#: "We, the Heads of State and Government ...," (and in French, Spanish, Russian).
OUTCOME_FORMULA = re.compile(r"^\*?(?:We,? the [A-Z]|Nous, |Nosotros, |Мы, )")


def is_formula(text: str) -> bool:
    """ "The General Assembly,", "The Council:", "At its 10th meeting, ... the Commission
    ...:"; also the bare organ name that heads the adoption of a declaration."""
    # an italic opening that holds the tab before the words: "*<TAB>إنَّ الجمعية العامة* ،"
    text = re.sub(r"^\*\s+", "*", text)
    if ORGAN_NAME.match(text) and len(text.split()) <= 8:
        return True
    if not FORMULA_START.match(text.lstrip("*")) or not ends_sentence(text):
        return False
    bare = strip_footnote_refs(text).rstrip().rstrip("*")
    if bare.endswith((":", "：")) or OUTCOME_FORMULA.match(text) or _LONG_ORGAN.match(bare):
        return True
    return bare.endswith((",", "،", "，")) and len(bare.split()) <= 12 and len(bare) <= 90


def _formula(chunks: list[Chunk]) -> int | None:
    """Where the enacting formula is. A title that reads like an organ's name ("The
    Arms Trade Treaty", "The Syrian Golan") is not one when "The General Assembly,"
    follows it."""
    found = [i for i, c in enumerate(chunks) if c.kind == "text" and is_formula(c.text)]
    if (
        len(found) >= 2
        and found[1] == found[0] + 1
        and not ends_sentence(chunks[found[0]].text)
        and ends_sentence(chunks[found[1]].text)
    ):
        return found[1]
    return found[0] if found else None


def _opens_operative(chunks: list[Chunk], formula: int) -> bool:
    """A formula printed without punctuation ("The General Assembly") goes on in the
    paragraph after it: "Adopts the political declaration ...", "Resolves that:". That
    paragraph is operative text, unnumbered (P1, as the AKN reader reads it). So is one
    that closes with a full stop right above an annex, after a formula with its comma
    ("L’Assemblée générale," / "Adopte la déclaration politique ... ." / "Annexe": 79/2 in
    French): a preambular paragraph closes with a comma."""
    after = chunks[formula + 1] if formula + 1 < len(chunks) else None
    if after is None or after.kind != "text" or parse_number(after.text)[0] is not None:
        return False
    if not ends_sentence(chunks[formula].text):
        return True
    annex = chunks[formula + 2] if formula + 2 < len(chunks) else None
    return end_mark(after.text) == "." and annex is not None and bool(ANNEX.match(annex.text))


def _first_numbered(chunks: list[Chunk]) -> int:
    for i, item in enumerate(chunks):
        number = parse_number(item.text)[0] if item.kind == "text" else None
        if number is not None and number.prefix != "PP":
            return i
    return len(chunks)


def _operative_start(chunks: list[Chunk], start: int) -> int:
    """The first paragraph of the operative part: the first numbered paragraph after
    ``start``, except the items of a list that a preambular paragraph opens with a
    colon ("Recalling the endorsement by the Committee of:" / "(a) ...")."""
    in_list = False
    for i in range(start, len(chunks)):
        item = chunks[i]
        number = parse_number(item.text)[0] if item.kind == "text" else None
        if number is None or number.prefix == "PP":
            in_list = i > start and _opens_list(item)
            if in_list and _list_ends_text(chunks, i):
                return i
            continue
        if in_list and number.readings[0][0] != "arabic":
            continue
        return i
    return len(chunks)


def _list_ends_text(chunks: list[Chunk], colon: int) -> bool:
    """Does the lettered list after ``chunks[colon]`` ("Urges all countries ...:" /
    "(a) ..." ... "(f) ....") close with a full stop, and nothing numbered follows it?
    Then the sentence it ends is operative: a preambular paragraph ends with a comma."""
    end = colon + 1
    while end < len(chunks) and (chunks[end].kind != "text" or _lettered(chunks[end])):
        end += 1
    last = chunks[end - 1]
    return (
        end > colon + 1
        and last.kind == "text"
        and end_mark(last.text) == "."
        and _first_numbered(chunks[end:]) == len(chunks) - end
    )


def _lettered(item: Chunk) -> bool:
    number = parse_number(item.text)[0]
    return number is not None and number.prefix != "PP" and number.readings[0][0] != "arabic"


def _opens_list(item: Chunk) -> bool:
    return item.kind == "text" and strip_footnote_refs(item.text).rstrip().endswith((":", "："))


def _lead_in(chunks: list[Chunk], start: int, first_number: int) -> int:
    """Where the preamble ends: before the operative part, or before the paragraph that
    leads into it with a colon ("تقرر، بالنسبة لعام 2025:", "Resolves that, for 2025:",
    printed after a formula with its comma in Arabic): unnumbered text, as in AKN."""
    last = first_number - 1
    if start >= first_number or chunks[last].kind != "text":
        return first_number
    number = parse_number(chunks[first_number].text)[0]
    arabic = number is not None and number.readings[0][0] == "arabic"
    return last if arabic and end_mark(chunks[last].text) in (":", "：") else first_number


def _unnumbered_operative(chunks: list[Chunk], start: int) -> int:
    """Where the operative part of a text without numbers begins: the paragraphs at
    the end that close with a full stop (preambular paragraphs close with a comma)."""
    end = len(chunks)
    while end > start and end_mark(chunks[end - 1].text) == ".":  # "... report. [ad ref]"
        end -= 1
    return end
