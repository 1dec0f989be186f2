"""The UN draft model: frozen dataclasses every other module reads.

A :class:`Draft` is metadata plus an ordered tuple of top-level :class:`Paragraph`
blocks. Sub-paragraphs are ``children``; footnotes are attached to the paragraph
that first cites them. Every block carries a ``label`` (``PP3``, ``OP5(a)``,
``FN16``...) computed by :mod:`redraft.labels` from the document's own
numbering: labels are a public contract (see docs/labels.md).

The model holds plain text: no markup except footnote references, which stay
inline as printed (superscript digits such as ``¹⁶``; ``[^x]`` for a marker
that is not a number). The italic opening words of a paragraph ("Urges",
"Takes note") are kept apart in ``opening`` so that renderers can print them
in italics and the diff can compare them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum


class Kind(StrEnum):
    """What a block is. Values are stable strings used in JSON output."""

    DOC_HEADING = "doc-heading"  # "Draft resolution II", "Resolution 20/1"
    TITLE = "title"
    FORMULA = "formula"  # "The General Assembly,"
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"  # numbered operative paragraph or a sub-paragraph of one
    HEADING = "heading"  # a heading inside the body ("Evaluation and oversight")
    TEXT = "text"  # an unnumbered paragraph inside the operative part (agenda lines...)
    TABLE = "table"  # kept whole: rows separated by newlines, cells by tabs
    FOOTNOTE = "footnote"


#: Kinds that belong to the preamble side of a draft (before the operative part).
FRONT_KINDS = frozenset({Kind.DOC_HEADING, Kind.TITLE, Kind.FORMULA, Kind.PREAMBULAR})


@dataclass(frozen=True)
class Footnote:
    """A footnote: its printed marker ("16", "*") and its text."""

    marker: str
    text: str

    @property
    def label(self) -> str:
        return f"FN{self.marker}"


@dataclass(frozen=True)
class Paragraph:
    """One block of a draft.

    ``number`` is the number as printed ("5.", "(a)", "a.", "3 bis.", "(c)"),
    empty for blocks that have none (preambular paragraphs, headings, title).
    ``text`` is the full text *without* the number, including the opening words.
    ``opening`` is the italic lead ("Urges") when the source marked it, else "".
    """

    kind: Kind
    text: str
    number: str = ""
    label: str = ""
    opening: str = ""
    children: tuple[Paragraph, ...] = ()
    footnotes: tuple[Footnote, ...] = ()

    def walk(self) -> Iterator[Paragraph]:
        """This block, then its children depth-first (footnotes not included)."""
        yield self
        for child in self.children:
            yield from child.walk()

    def with_children(self, children: tuple[Paragraph, ...]) -> Paragraph:
        return replace(self, children=children)


@dataclass(frozen=True)
class Meta:
    """What is known about a draft besides its text. All fields optional."""

    symbol: str = ""  # E/CN.15/2011/L.3/Rev.1
    organ: str = ""  # issuing organ: "General Assembly", "Economic and Social Council"
    language: str = "en"  # ISO 639-1
    doc_type: str = ""  # "resolution", "decision", "draft resolution", "draft decision"
    date: str = ""  # ISO date of the version, when the source says
    sponsors: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()  # any other key: value pairs, sorted

    def get(self, key: str, default: str = "") -> str:
        return dict(self.extra).get(key, default)


@dataclass(frozen=True)
class Draft:
    """A whole draft: metadata and blocks in reading order."""

    meta: Meta = field(default_factory=Meta)
    blocks: tuple[Paragraph, ...] = ()

    # -- navigation -------------------------------------------------------
    def walk(self) -> Iterator[Paragraph]:
        """Every block and sub-block in reading order (footnotes not included)."""
        for block in self.blocks:
            yield from block.walk()

    def units(self) -> Iterator[Paragraph | Footnote]:
        """Every labelled unit in reading order: each block followed by the
        footnotes it cites. This is the sequence the diff aligns."""
        for block in self.walk():
            yield block
            yield from block.footnotes

    def labels(self) -> list[str]:
        return [unit.label for unit in self.units()]

    def find(self, label: str) -> Paragraph | Footnote | None:
        """The unit with this label, matched without regard to case or spaces."""
        wanted = normalize_label(label)
        for unit in self.units():
            if normalize_label(unit.label) == wanted:
                return unit
        return None

    def footnotes(self) -> list[Footnote]:
        return [fn for block in self.walk() for fn in block.footnotes]

    @property
    def title(self) -> str:
        return next((b.text for b in self.blocks if b.kind is Kind.TITLE), "")

    @property
    def heading(self) -> str:
        return next((b.text for b in self.blocks if b.kind is Kind.DOC_HEADING), "")

    @property
    def formula(self) -> str:
        return next((b.text for b in self.blocks if b.kind is Kind.FORMULA), "")

    def preambular(self) -> list[Paragraph]:
        return [b for b in self.blocks if b.kind is Kind.PREAMBULAR]

    def operative(self) -> list[Paragraph]:
        """Top-level operative paragraphs (sub-paragraphs are their children)."""
        return [b for b in self.blocks if b.kind is Kind.OPERATIVE]


_LABEL_SPACE = re.compile(r"\s+")


def normalize_label(label: str) -> str:
    """Case- and space-insensitive form of a label, for lookups typed by people."""
    return _LABEL_SPACE.sub("", label).lower()


# Footnote references inside text -------------------------------------------

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_SUPER = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
_FROM_SUPER = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

#: A footnote reference as it stands in model text.
FOOTNOTE_REF = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^([^\]\s]+)\]")
#: The same references, found four times faster: the pattern opens with one character
#: class, which the regex engine uses to skip ahead, where the alternation of
#: :data:`FOOTNOTE_REF` is tried at every position of the text (the lookbehinds look at
#: the character just matched: "[" opens a bracket reference, a superscript a run).
_REF_SCAN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹\[](?:(?<=\[)\^[^\]\s]+\]|(?<!\[)[⁰¹²³⁴⁵⁶⁷⁸⁹]*+)")


def footnote_ref(marker: str) -> str:
    """The inline form of a reference to footnote ``marker``."""
    if marker.isdigit() and marker.isascii():
        return marker.translate(_TO_SUPER)
    return f"[^{marker}]"


def ref_marker(ref: str) -> str:
    """The marker a reference written by :func:`footnote_ref` points to."""
    if ref.startswith("[^"):
        return ref[2:-1]
    return ref.translate(_FROM_SUPER)


def cited_markers(text: str) -> list[str]:
    """Markers of the footnote references in ``text``, in order."""
    return [ref_marker(ref) for ref in _REF_SCAN.findall(text)]


def strip_footnote_refs(text: str) -> str:
    return FOOTNOTE_REF.sub("", text)


@dataclass(frozen=True)
class Version:
    """One recorded version of a draft: who, when, which symbol. The store records one per
    git commit touching drafts/NAME.txt; histories pass it to every layer above the model."""

    name: str
    number: int  # 1-based, in history order
    commit: str  # full commit id
    date: str  # ISO 8601 author date: the date the version carries (--date)
    by: str  # the delegation that recorded it
    symbol: str = ""
    message: str = ""  # the user's message ("" when none was given)
    sponsors: tuple[str, ...] = ()
    blob: str = ""  # git id of the canonical text of this version
    words: int | None = None  # filled by redraft.resolve (the rule of docs/stats.md)
    translates: str = ""  # a language version: the original's version it translates

    @property
    def day(self) -> str:
        return self.date[:10]

    def as_dict(self) -> dict[str, str]:
        """String form for :class:`redraft.resolve.Loaded` ``version``."""
        return {
            "name": self.name,
            "number": str(self.number),
            "commit": self.commit,
            "date": self.date,
            "by": self.by,
            "symbol": self.symbol,
            "message": self.message,
            "sponsors": "; ".join(self.sponsors),
        }


@dataclass(frozen=True)
class Loaded:
    """A draft and where it came from: a file, standard input, or a store revision
    (:func:`redraft.resolve.load`)."""

    draft: Draft
    source: str  # the path, "-", or "NAME@REV"
    warnings: tuple[str, ...] = ()
    version: dict[str, str] = field(default_factory=dict)  # store metadata: by, date, number...

    @property
    def symbol(self) -> str:
        return self.version.get("symbol") or self.draft.meta.symbol

    def describe(self) -> str:
        """One line naming this version: ``unodc@4 · E/CN.15/2011/L.3/Rev.1 · 2011-04-15 ·
        Facilitator`` for a store revision, ``old.txt · A/RES/79/9`` for a file."""
        version = self.version
        if version.get("name") and version.get("number"):
            where = f"{version['name']}@{version['number']}"
        else:
            where = "standard input" if self.source == "-" else self.source
        day = (version.get("date") or self.draft.meta.date)[:10]
        parts = (where, self.symbol, day, version.get("by", ""))
        return " · ".join(part for part in parts if part)
