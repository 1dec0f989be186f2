"""Hypothesis strategies that build valid drafts (the model's invariants hold)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from redraft.labels import assign_labels
from redraft.model import Draft, Footnote, Kind, Meta, Paragraph
from redraft.typography import strip_invisible

_alphabet = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
    blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85",
)
words = st.text(alphabet=_alphabet, min_size=0, max_size=40)
word = st.from_regex(r"[A-Za-z][a-z]{0,10}", fullmatch=True)
number = st.sampled_from(["1.", "2.", "3bis.", "(a)", "(ii)", "a.", "b)", "(c)", "12", "1.1", "A."])
marker = st.from_regex(r"[0-9]{1,3}|\*|[a-z]", fullmatch=True)


@st.composite
def text_with_opening(draw: st.DrawFn) -> tuple[str, str]:
    text = draw(words)
    if draw(st.booleans()):
        opening = draw(word)
        return opening, opening + text
    return "", text


@st.composite
def footnotes(draw: st.DrawFn) -> tuple[Footnote, ...]:
    markers = draw(st.lists(marker, max_size=2, unique=True))
    return tuple(Footnote(marker=m, text=draw(words)) for m in markers)


@st.composite
def paragraph(draw: st.DrawFn, depth: int = 0) -> Paragraph:
    kinds = [Kind.OPERATIVE, Kind.TEXT, Kind.TABLE, Kind.HEADING]
    if depth == 0:
        kinds += [Kind.PREAMBULAR, Kind.TITLE, Kind.FORMULA, Kind.DOC_HEADING]
    kind = draw(st.sampled_from(kinds))
    opening, text = draw(text_with_opening())
    num = ""
    if kind is Kind.OPERATIVE:
        num = draw(number)
    elif kind is Kind.PREAMBULAR and draw(st.booleans()):
        num = draw(st.sampled_from(["2bis", "5alt", "3ter"]))
    if kind is Kind.TABLE:
        rows = draw(st.lists(st.text(alphabet=_alphabet, max_size=15), min_size=1, max_size=3))
        text, opening = "\n".join(rows), ""
    children: tuple[Paragraph, ...] = ()
    if depth < 2 and kind is Kind.OPERATIVE:
        children = tuple(draw(st.lists(paragraph(depth + 1), max_size=2)))
    return Paragraph(
        kind=kind,
        text=text,
        number=num,
        opening=opening,
        children=children,
        footnotes=draw(footnotes()),
    )


@st.composite
def drafts(draw: st.DrawFn) -> Draft:
    meta = Meta(
        symbol=draw(st.sampled_from(["", "E/CN.15/2011/L.3", "A/RES/79/9", " odd "])),
        organ=draw(st.sampled_from(["", "General Assembly"])),
        language=draw(st.sampled_from(["en", "fr", "zh"])),
        sponsors=tuple(
            draw(st.lists(st.sampled_from(["EU", "Cameroon, Congo", '"Q"']), max_size=2))
        ),
        extra=tuple(
            sorted(
                draw(st.dictionaries(st.sampled_from(["adopted", "x"]), words, max_size=2)).items()
            )
        ),
    )
    blocks = tuple(draw(st.lists(paragraph(), max_size=6)))
    return Draft(meta=meta, blocks=assign_labels(_unique_markers(blocks)))


def _unique_markers(blocks: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """Footnote markers are unique in a draft (readers guarantee it): renumber them."""
    counter = iter(range(1, 10_000))

    def fix(block: Paragraph) -> Paragraph:
        return replace(
            block,
            footnotes=tuple(Footnote(str(next(counter)), f.text) for f in block.footnotes),
            children=tuple(fix(c) for c in block.children),
        )

    return tuple(fix(b) for b in blocks)


def as_read(draft: Draft) -> Draft:
    """``draft`` as any reader gives it back: without invisible format characters
    (zero-width, directional marks, soft hyphens: redraft.typography.strip_invisible)."""

    def clean(block: Paragraph) -> Paragraph:
        return replace(
            block,
            text=strip_invisible(block.text),
            opening=strip_invisible(block.opening),
            footnotes=tuple(replace(f, text=strip_invisible(f.text)) for f in block.footnotes),
            children=tuple(clean(c) for c in block.children),
        )

    return replace(draft, blocks=tuple(clean(b) for b in draft.blocks))


#: Drafts as readers give them (the round-trip laws of the Word and AKN formats).
read_drafts = drafts().map(as_read)
