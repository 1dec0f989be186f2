"""Negotiators' labels for every block: PP3, OP5, OP9(a)(i), OP(c)(ii)a, OP3bis, H2, FN16.

Labels are built from the draft's own printed numbering (never from position in a
file or from XML ids), so the same text always gets the same labels. The rules,
a public contract documented in docs/labels.md:

* ``title``, ``formula``, ``heading`` (the document heading line "Draft resolution II");
* preambular paragraphs ``PP1``, ``PP2``... by position, except those printed with
  a negotiation number of their own (``PP2bis``, ``PP5alt``), which keep it and are
  not counted;
* operative paragraphs ``OP`` + the printed number without its final period
  (``OP4``, ``OP3bis``, lettered decisions ``OP(c)``); sub-paragraphs append their
  own printed number (``OP9(a)``, ``OP9(a)(i)``, ``OP(c)(ii)a``); French/Spanish
  ``a)`` is written ``(a)`` so that labels agree across languages;
* headings ``H1``, ``H2``... by position; tables ``T1`` (``OP3.T1`` inside a paragraph);
  unnumbered text ``P1`` at top level, ``OP(f).p1`` inside a paragraph;
* footnotes ``FN`` + marker;
* a label that would repeat (a draft that prints "5." twice) gets ``#2``, ``#3``...
"""

from __future__ import annotations

import functools
import re

from . import numerals
from .model import Kind, Paragraph

_CJK_PARENTHESISED = re.compile(r"^(?:[(（][一二三四五六七八九十]{1,3}[)）]|[\u3220-\u3229])$")
_NEGOTIATION_SUFFIX = re.compile(
    r"(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|alt)$", re.IGNORECASE
)


@functools.lru_cache(maxsize=8192)  # pure, and called for every number a reader meets
def number_key(number: str, before: str = "", parent: str = "", parent_number: str = "") -> str:
    """The label form of a printed number: ``"5."`` -> ``"5"``, ``"a)"`` -> ``"(a)"``,
    ``"3 bis."`` -> ``"3bis"``, ``"2.bis"`` -> ``"2bis"``, ``"(c)"`` -> ``"(c)"``; in the
    other official languages the same: ``"5 -"`` -> ``"5"``, ``"(ج)"`` -> ``"(c)"``,
    ``"’2‘"`` -> ``"(ii)"``, ``"一、"`` -> ``"1"``, ``"（１）"`` -> ``"(1)"``.

    ``before`` is the key of the numbered sibling before it and ``parent`` the key of the
    paragraph it belongs to: a letter that could be read two ways (the Cyrillic "с" is
    the Latin c's look-alike and the 17th Russian letter) takes the reading that
    continues ``before``; a Chinese "（一）" is "(a)" under a paragraph and "(i)" under a
    lettered item. ``parent_number`` is the parent's number as printed: under a Chinese
    "㈠" an arabic "1." is the roman item "(i)" (Chinese treaties number 一、 > ㈠ > 1.).
    Other ASCII numbers never depend on the context."""
    if _CJK_PARENTHESISED.match(parent_number) and re.fullmatch(r"\d{1,2}\.?", number):
        return f"({numerals.roman(int(number.rstrip('.')))})"
    text = numerals.fold(number).strip()
    text = re.sub(r"^(OP|PP)\s*", "", text, flags=re.IGNORECASE)
    if not text.isascii():
        text = _native_forms(text)
    text = re.sub(r"[\s.]+", "", text).rstrip("-")
    if text.endswith(")") and not text.startswith("("):
        body = text[:-1]
        text = body if body.isdigit() else f"({_letter(body, before, parent)})"
    elif text.startswith("(") and text.endswith(")"):
        text = f"({_letter(text[1:-1], before, parent)})"
    elif not text.isascii() and (value := numerals.cjk_value(text)) is not None:
        text = str(value)  # "一、": the Chinese top-level number
    return text


def _native_forms(text: str) -> str:
    """Arabic "5 -" / "5 –" -> "5", "’2‘" -> "(ii)", Chinese "一、" -> "一"."""
    if match := numerals.ARABIC_DASH.match(text):
        return match.group(1)
    if match := numerals.ARABIC_ROMAN.match(text):
        return f"({numerals.roman(int(match.group(1)))})"
    return text.rstrip("、.．-–— ")


def _letter(body: str, before: str, parent: str) -> str:
    """The Latin letter (or roman numeral) of an item numbered ``body`` in another script."""
    if body.isascii():
        return body
    cjk = numerals.cjk_value(body)
    if cjk is not None:
        return _cjk_item(cjk, before, parent)
    if all(c in numerals.HOMOGLYPHS for c in body) and len(set(body)) > 1:
        return "".join(numerals.HOMOGLYPHS[c] for c in body)  # "іі": a roman ii
    values = numerals.letter_values(numerals.arabic_letter(body))
    if not values:
        return body
    previous = _letter_place(before)
    chosen = next((v for v in values if previous and v == previous + 1), values[0])
    return numerals.latin_letters(chosen)


def _letter_place(key: str) -> int:
    """The place of a lettered key in its sequence: "(b)" -> 2, "(aa)" -> 27; else 0."""
    body = key[1:-1] if key.startswith("(") and key.endswith(")") else ""
    values = numerals.letter_values(body) if body.isascii() else ()
    return values[0] if values else 0


def _cjk_item(value: int, before: str, parent: str) -> str:
    """（一） is a roman item under a lettered one ("(b)" -> "(i)"), else a letter; a
    sequence goes on in the style it started with."""
    letter, roman = numerals.latin_letters(value), numerals.roman(value)
    previous = before[1:-1] if before.startswith("(") and value > 1 else ""
    if previous and numerals.roman_value(previous) == value - 1:
        return roman
    if previous and _letter_place(before) == value - 1:
        return letter
    under_letter = parent.startswith("(") and len(parent) == 3 and parent[1].isalpha()
    return roman if under_letter else letter


def is_negotiation_number(number: str) -> bool:
    """True for numbers such as "2bis" or "5alt" (an inserted or alternative paragraph)."""
    return bool(_NEGOTIATION_SUFFIX.search(number_key(number)))


class _Dedup:
    """Hands out labels, suffixing ``#2``, ``#3`` to any label seen before."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, label: str) -> str:
        count = self.seen.get(label, 0) + 1
        self.seen[label] = count
        return label if count == 1 else f"{label}#{count}"


#: Labelled blocks by (id of the unlabelled block, its label, its number's key):
#: see :func:`assign_labels`.
LabelMemo = dict[tuple[int, str, str], tuple[Paragraph, Paragraph, tuple[str, ...]]]


def assign_labels(
    blocks: tuple[Paragraph, ...], memo: LabelMemo | None = None
) -> tuple[Paragraph, ...]:
    """Return ``blocks`` with every label filled in (a footnote's label is its marker).

    ``memo`` (kept by a caller labelling many versions of one draft, whose blocks are
    mostly the same objects) reuses a block labelled before under the same label when
    none of the labels of its subtree is taken yet: exactly what labelling it again
    would give, without rebuilding it."""
    dedup = _Dedup()
    counters = {"pp": 0, "h": 0, "t": 0, "p": 0, "heading": 0, "title": 0}
    out = []
    before = {Kind.PREAMBULAR: "", Kind.OPERATIVE: ""}  # the key of the last numbered one
    for block in blocks:
        key = ""
        if block.number and block.kind in before:
            key = number_key(block.number, before[block.kind])
            before[block.kind] = key
        label = _top_label(block, counters, key)
        found = memo.get((id(block), label, key)) if memo is not None else None
        if found is not None and found[0] is block and not dedup.seen.keys() & found[2]:
            for name in found[2]:
                dedup.seen[name] = 1
            out.append(found[1])
            continue
        labelled = _label_tree(block, dedup(label), dedup, key)
        if memo is not None:
            taken = _subtree_labels(labelled)
            # reusable only if every label of the subtree was new and given as asked
            if all(dedup.seen.get(name) == 1 for name in taken):
                memo[(id(block), label, key)] = (block, labelled, taken)
        out.append(labelled)
    return tuple(out)


def _subtree_labels(block: Paragraph) -> tuple[str, ...]:
    found = [block.label]
    for child in block.children:
        found.extend(_subtree_labels(child))
    return tuple(found)


def _counted(counters: dict[str, int], key: str) -> int:
    counters[key] += 1
    return counters[key]


def _top_label(block: Paragraph, counters: dict[str, int], key: str) -> str:
    kind = block.kind
    if kind is Kind.DOC_HEADING:
        n = _counted(counters, "heading")
        return "heading" if n == 1 else f"heading{n}"
    if kind is Kind.TITLE:
        n = _counted(counters, "title")
        return "title" if n == 1 else f"title{n}"
    if kind is Kind.FORMULA:
        return "formula"
    if kind is Kind.PREAMBULAR:
        if block.number:
            return "PP" + key
        return f"PP{_counted(counters, 'pp')}"
    if kind is Kind.OPERATIVE and block.number:
        return "OP" + key
    if kind is Kind.HEADING:
        return f"H{_counted(counters, 'h')}"
    if kind is Kind.TABLE:
        return f"T{_counted(counters, 't')}"
    return f"P{_counted(counters, 'p')}"


def _label_tree(block: Paragraph, label: str, dedup: _Dedup, key: str) -> Paragraph:
    """Labels below ``block`` (``key``: its own number's key, which the numbers of its
    sub-paragraphs may depend on)."""
    children = []
    unnumbered = tables = 0
    before = ""
    for child in block.children:
        child_key = ""
        if child.kind is Kind.TABLE:
            tables += 1
            child_label = f"{label}.T{tables}"
        elif child.number:
            child_key = number_key(child.number, before, key, block.number)
            before = child_key
            child_label = label + child_key
        else:
            unnumbered += 1
            child_label = f"{label}.p{unnumbered}"
        children.append(_label_tree(child, dedup(child_label), dedup, child_key))
    # the constructor, not dataclasses.replace (which looks every field up by name): see
    # blocktree.BlockNode.freeze
    return Paragraph(
        kind=block.kind,
        text=block.text,
        number=block.number,
        label=label,
        opening=block.opening,
        children=tuple(children),
        footnotes=block.footnotes,
    )


def opening_words(paragraph: Paragraph) -> str:
    """The italic opening of a paragraph if known, else its first word."""
    if paragraph.opening:
        return paragraph.opening
    words = paragraph.text.split(maxsplit=1)
    return words[0].rstrip(",;:") if words else ""
