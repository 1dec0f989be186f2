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
import unicodedata
from dataclasses import replace

from .model import Kind, Paragraph

_ROMAN_OR_LETTERS = re.compile(r"^[A-Za-z]+$")
_NEGOTIATION_SUFFIX = re.compile(
    r"(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|alt)$", re.IGNORECASE
)


def _ascii_digits(text: str) -> str:
    """Eastern Arabic and full-width digits to ASCII, so labels read the same in
    every official language."""
    out = []
    for char in text:
        if char.isdigit() and not char.isascii():
            try:
                out.append(str(unicodedata.digit(char)))
                continue
            except (TypeError, ValueError):
                pass
        out.append(char)
    return "".join(out)


#: Sub-paragraph letters in Russian (а, б, в...) and Arabic (أ, ب, ج... in abjad order),
#: mapped by position to a, b, c... so that labels agree across the official languages.
_CYRILLIC_ORDER = "абвгдежзиклмнопрстуфхцчшщэ"
_ABJAD_ORDER = (
    "أ",
    "ب",
    "ج",
    "د",
    "ه",
    "و",
    "ز",
    "ح",
    "ط",
    "ي",
    "ك",
    "ل",
    "م",
    "ن",
    "س",
    "ع",
    "ف",
    "ص",
    "ق",
    "ر",
    "ش",
    "ت",
    "ث",
    "خ",
    "ذ",
    "ض",
)
_LETTER_TO_LATIN = {
    **{c: chr(ord("a") + i) for i, c in enumerate(_CYRILLIC_ORDER)},
    **{c: chr(ord("a") + i) for i, c in enumerate(_ABJAD_ORDER)},
    "هـ": "e",
    "ا": "a",
}


def _latin_letter(body: str) -> str:
    return _LETTER_TO_LATIN.get(body.lower(), body)


@functools.lru_cache(maxsize=4096)
def number_key(number: str) -> str:
    """The label form of a printed number: ``"5."`` -> ``"5"``, ``"a)"`` -> ``"(a)"``,
    ``"3 bis."`` -> ``"3bis"``, ``"2.bis"`` -> ``"2bis"``, ``"(c)"`` -> ``"(c)"``.
    Cached: a draft's numbers recur in each of its versions."""
    text = _ascii_digits(unicodedata.normalize("NFKC", number)).strip()
    text = re.sub(r"^(OP|PP)\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"[\s.]+", "", text).rstrip("-")
    if text.endswith(")") and not text.startswith("("):
        body = text[:-1]
        text = body if body.isdigit() else f"({_latin_letter(body)})"
    elif text.startswith("(") and text.endswith(")"):
        text = f"({_latin_letter(text[1:-1])})"
    return text


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


#: Labelled blocks by (id of the unlabelled block, its label): see :func:`assign_labels`.
LabelMemo = dict[tuple[int, str], tuple[Paragraph, Paragraph, tuple[str, ...]]]


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
    for block in blocks:
        label = _top_label(block, counters)
        found = memo.get((id(block), label)) if memo is not None else None
        if found is not None and found[0] is block and not dedup.seen.keys() & found[2]:
            for name in found[2]:
                dedup.seen[name] = 1
            out.append(found[1])
            continue
        labelled = _label_tree(block, dedup(label), dedup)
        if memo is not None:
            taken = _subtree_labels(labelled)
            # reusable only if every label of the subtree was new and given as asked
            if all(dedup.seen.get(name) == 1 for name in taken):
                memo[(id(block), label)] = (block, labelled, taken)
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


def _top_label(block: Paragraph, counters: dict[str, int]) -> str:
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
            return "PP" + number_key(block.number)
        return f"PP{_counted(counters, 'pp')}"
    if kind is Kind.OPERATIVE and block.number:
        return "OP" + number_key(block.number)
    if kind is Kind.HEADING:
        return f"H{_counted(counters, 'h')}"
    if kind is Kind.TABLE:
        return f"T{_counted(counters, 't')}"
    return f"P{_counted(counters, 'p')}"


def _label_tree(block: Paragraph, label: str, dedup: _Dedup) -> Paragraph:
    children = []
    unnumbered = tables = 0
    for child in block.children:
        if child.kind is Kind.TABLE:
            tables += 1
            child_label = f"{label}.T{tables}"
        elif child.number:
            child_label = label + number_key(child.number)
        else:
            unnumbered += 1
            child_label = f"{label}.p{unnumbered}"
        children.append(_label_tree(child, dedup(child_label), dedup))
    return replace(block, label=label, children=tuple(children))


def opening_words(paragraph: Paragraph) -> str:
    """The italic opening of a paragraph if known, else its first word."""
    if paragraph.opening:
        return paragraph.opening
    words = paragraph.text.split(maxsplit=1)
    return words[0].rstrip(",;:") if words else ""
