"""Typography: how two texts can differ without a word changing, in one place.

Documents as they circulate carry the same words with different typography: a
no-break space (U+00A0) or a narrow no-break space (U+202F) where another copy has a
plain space, runs of spaces, tabs (the UN's XML puts one inside the italic opening
word: ``<span class="italic">⇥Recalling</span>``), zero-width and directional marks
(U+200B, U+200E, U+200F, U+FEFF), soft hyphens (U+00AD) and the non-breaking hyphen
(U+2011, and the typographic hyphen U+2010) where another copy has a plain "-" (Word's
"non-breaking hyphen" comes out of a PDF's text layer as "-"). None of these is a change a
delegate negotiates, so:

- :func:`comparable` is the **comparison form** of a text: every run of whitespace of
  any kind (tab, line end, no-break, narrow, thin, ideographic space...) becomes one
  space, the ends are trimmed, invisible characters (:data:`IGNORED`) are removed and
  the hyphens of :data:`HYPHENS` read as "-".
  Two texts with the same comparison form differ "in typography only"
  (:func:`typography_only`). The diff keys, footnote pairing, and any layer that asks
  "is this the same text?" (precedent, parity) use it; nothing else should normalise
  text on its own.
- :func:`strip_invisible` is what every **reader** applies to the text it stores:
  invisible format characters (:data:`INVISIBLE`: zero-width space, directional marks
  and embeddings, word joiner, BOM, soft hyphen) are dropped, so the AKN, Word, text and
  PDF readers give the same canonical text for one document. Visible typography (a
  no-break space) is kept: the stored text keeps what the document had, and only the
  comparison normalises.
- :func:`control_characters` finds what must never reach the store (NUL, escape and
  the other C0/C1 controls; tab and line end are allowed, they lay out tables).

Zero-width joiner and non-joiner (U+200C, U+200D) shape Arabic and Indic script: the
readers keep them, the comparison ignores them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .accelerator import scan
from .model import Draft, Paragraph

#: Invisible format characters the readers drop from the text they store.
INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u200b"  # zero-width space
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # directional embeddings and overrides
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
    "\u2066\u2067\u2068\u2069"  # directional isolates
    "\ufeff"  # byte order mark, zero-width no-break space
)
#: Characters the comparison ignores: the invisible ones and the joiners.
IGNORED = INVISIBLE + "\u200c\u200d"

#: Hyphens that print as "-" and mean "-": the non-breaking hyphen (U+2011) and the
#: typographic hyphen (U+2010). Not the dashes: an en dash in "2021–2030" is a different
#: character a drafter chose, and the readers keep it.
HYPHENS = "\u2010\u2011"

_INVISIBLE_CHAR = re.compile(f"[{INVISIBLE}]")
_DROP_IGNORED = {ord(char): None for char in IGNORED}
_IGNORED_CHAR = re.compile(f"[{IGNORED}]")
_ASCII_SPACING = ("  ", "\t", "\n", "\r", "\f", "\v")
#: Every character ``str.split()`` splits at but the plain space (``str.isspace``; the
#: no-break space first, the one most texts hold). Searching for each is cheaper than
#: splitting a long text that holds none (tests/test_typography.py checks the list).
SPLIT_SPACES = (
    "\u00a0\u202f\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u1680\u2000\u2001\u2002\u2003"
    "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u205f\u3000"
)


def strip_invisible(text: str) -> str:
    """``text`` without invisible format characters (what readers store)."""
    if text.isascii():
        return text
    # a regex search is C speed over the whole text; str.translate with a table looks
    # every character up in a dict (ten times slower on a long non-ASCII text)
    if _INVISIBLE_CHAR.search(text) is None:
        return text
    return _INVISIBLE_CHAR.sub("", text)


_ASCII_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")


def collapse_spaces(text: str) -> str:
    """Runs of plain whitespace (space, tab, line end) as one space, ends trimmed of
    whitespace of any kind; a no-break space inside stays (``" ".join(text.split())``
    would turn it into a space). What a reader does to the text of a paragraph it joins
    from lines or runs: a no-break space at an end separates the text from a number
    (French "a)\u00a0Redoubler"), and the AKN reader trims it too."""
    if not any(space in text for space in _ASCII_SPACING) and text.strip() == text:
        return text
    return _ASCII_SPACE_RUN.sub(" ", text).strip()


def comparable(text: str) -> str:
    """The comparison form: whitespace runs of any kind as one space, ends trimmed,
    invisible characters and joiners removed, non-breaking hyphens as "-". Texts with
    the same form differ in typography only."""
    if scan is not None:  # the same in one pass of C, three times faster
        return scan.comparable(text)
    return py_comparable(text)


def py_comparable(text: str) -> str:
    """:func:`comparable` in Python: the specification, and the fallback where the C
    accelerator is not built (:mod:`redraft.accelerator`)."""
    if text.isascii():
        # the common case, kept at C speed (the diff keys every unit): most paragraphs
        # need no work at all
        if (
            "  " not in text
            and "\t" not in text
            and "\n" not in text
            and "\r" not in text
            and "\f" not in text
            and "\v" not in text
            and text.strip() is text
        ):
            return text
        return " ".join(text.split())
    if "  " in text or text.strip() is not text or any(s in text for s in SPLIT_SPACES):
        text = " ".join(text.split())  # str.split knows every Unicode space
    # str.replace, not translate: a translate table looks up every character in a dict
    if "\u2011" in text:
        text = text.replace("\u2011", "-")
    if "\u2010" in text:
        text = text.replace("\u2010", "-")
    if _IGNORED_CHAR.search(text) is None:  # rare: readers drop them already
        return text
    return " ".join(text.translate(_DROP_IGNORED).split())


def comparable_table(text: str) -> str:
    """The comparison form of a table's text: each cell's, rows and cells kept apart
    (a tab and a line end are the table's structure there, not typography). Empty cells
    closing a row are left out: a printed table (text, PDF) cannot show them, and the
    row's text is the same ("Of which:" and two empty cells, "Of which:")."""
    return "\n".join(
        "\t".join(map(comparable, row.split("\t"))).rstrip("\t") for row in text.split("\n")
    )


def typography_only(old: str, new: str) -> bool:
    """Two different texts whose only differences are typography."""
    return old != new and comparable(old) == comparable(new)


#: The kinds of typography :func:`differences` names, with the characters of each.
_KINDS: tuple[tuple[str, str], ...] = (
    ("no-break space", "\u00a0\u202f\u2007"),
    ("tab", "\t"),
    ("line break", "\n\r\u2028\u2029\v\f"),
    ("directional mark", "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
    ("zero-width character", "\u200b\u200c\u200d\u2060\ufeff"),
    ("soft hyphen", "\u00ad"),
    ("non-breaking hyphen", HYPHENS),
)


def differences(old: str, new: str) -> tuple[str, ...]:
    """What kinds of typography tell ``old`` from ``new`` ("no-break space", "tab",
    "directional mark", "soft hyphen", "spacing"...), for people reading a report."""
    found = [
        name
        for name, chars in _KINDS
        if sum(old.count(c) for c in chars) != sum(new.count(c) for c in chars)
    ]
    if not found and old != new:
        found.append("spacing")
    return tuple(found)


#: How :func:`visible` shows typography that would otherwise not be seen.
_SHOWN = {
    " ": "·",
    "\u00a0": "°",
    "\u202f": "°",
    "\t": "→",
    "\n": "¶",
    "\u00ad": "¬",
}


def visible(text: str) -> str:
    """``text`` with spaces, no-break spaces, tabs, soft hyphens, invisible marks and
    non-breaking hyphens drawn (``·``, ``°``, ``→``, ``¬``, ``⟨U+200E⟩``, ``⟨U+2011⟩``):
    for showing a typography change."""
    out = []
    for char in text:
        if char in _SHOWN:
            out.append(_SHOWN[char])
        elif char in IGNORED or char in HYPHENS or (char.isspace() and char != " "):
            out.append(f"⟨U+{ord(char):04X}⟩")
        else:
            out.append(char)
    return "".join(out)


# -- what the store refuses ---------------------------------------------------------

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def control_characters(text: str) -> list[str]:
    """The control characters in ``text`` (NUL, escape, C1...), in order; tab and line
    end are not among them."""
    return _CONTROL.findall(text)


def describe_control(char: str) -> str:
    """``U+001B (escape)`` for a message."""
    names = {"\x00": "NUL", "\x1b": "escape", "\x7f": "delete", "\x0c": "form feed"}
    name = names.get(char)
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def first_control(texts: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """The first (where, character) among (where, text) pairs holding a control
    character, or None."""
    for where, text in texts:
        found = _CONTROL.search(text)
        if found:
            return where, found.group(0)
    return None


def control_in_draft(draft: Draft) -> tuple[str, str] | None:
    """The first (where, character) of a control character anywhere in ``draft``: its
    metadata, or a unit's text, number or opening ("OP3"), or None."""
    meta = draft.meta
    texts = [(f"the {key}", str(getattr(meta, key))) for key in ("symbol", "organ", "date")]
    texts += [(f"the {key}", value) for key, value in meta.extra]
    texts += [("a sponsor", sponsor) for sponsor in meta.sponsors]
    for unit in draft.units():
        texts.append((unit.label, unit.text))
        if isinstance(unit, Paragraph):
            texts += [(unit.label, unit.number), (unit.label, unit.opening)]
    return first_control(texts)
