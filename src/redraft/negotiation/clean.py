"""The clean text: status markers and proponent tags removed, and, in agreed
paragraphs, brackets resolved (``[extreme - US] poverty`` -> ``extreme poverty``).

A paragraph that is still open (brackets, a pending marker, a proposed deletion,
bad markup) cannot be cleaned: :func:`clean_draft` lists it in
:attr:`CleanResult.unresolved`. With ``keep_open`` such paragraphs keep their
brackets and alternatives, losing only tags and markers. Footnotes are left as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Draft, Kind, Paragraph
from .config import DEFAULT_CONFIG, MarkupConfig
from .markup import Bracket, Markup, Part, parse_markup
from .status import competing, draft_markup

_AGREED = ("agreed-ad-ref", "agreed")
_PUNCTUATION = ",.;:"


@dataclass(frozen=True)
class Unresolved:
    """A paragraph the clean text could not settle, and why."""

    label: str
    state: str
    reason: str


@dataclass(frozen=True)
class CleanResult:
    draft: Draft
    unresolved: tuple[Unresolved, ...]
    keep_open: bool

    @property
    def complete(self) -> bool:
        """True when every paragraph was settled (nothing left open)."""
        return not self.unresolved


def clean_draft(
    draft: Draft, keep_open: bool = False, config: MarkupConfig = DEFAULT_CONFIG
) -> CleanResult:
    unresolved: list[Unresolved] = []
    markups = {m.label: m for _, m in draft_markup(draft, config)}
    notes = competing(list(markups.values()))

    def clean_block(block: Paragraph) -> Paragraph:
        if block.kind in (Kind.DOC_HEADING, Kind.FORMULA):
            return replace(block, children=tuple(clean_block(c) for c in block.children))
        markup = markups.get(block.label) or parse_markup(block.text, block.label, config)
        text, why = clean_text(markup)
        if block.label in notes:
            why = notes[block.label]
        if why:  # before the children: the list reads in document order
            state = "open" if block.label in notes else markup.state
            unresolved.append(Unresolved(block.label, state, why))
        opening = block.opening if text.startswith(block.opening) else ""
        children = tuple(clean_block(child) for child in block.children)
        return replace(block, text=text, opening=opening, children=children)

    blocks = tuple(clean_block(block) for block in draft.blocks)
    return CleanResult(replace(draft, blocks=blocks), tuple(unresolved), keep_open)


def clean_text(markup: Markup) -> tuple[str, str]:
    """(clean text, reason it is not settled or ""). Agreed paragraphs have their
    brackets resolved; others keep brackets and alternatives, without tags."""
    if markup.problems:
        text = _join(markup.parts, resolve=False, original=markup.text)
        return text, f"bad markup: {markup.problems[0]}"
    if markup.state in _AGREED:
        alternatives = [b for b in markup.brackets() if len(_options(b)) > 1]
        if not alternatives:
            return _join(markup.parts, resolve=True, original=markup.text), ""
        text = _join(markup.parts, resolve=False, original=markup.text)
        where = alternatives[0].start
        return text, f"marked {markup.state} but alternatives remain at character {where}"
    text = _join(markup.parts, resolve=False, original=markup.text)
    if markup.state == "clean":
        return text, ""
    count = len(markup.brackets())
    why = {
        "proposed-deletion": "proposed for deletion",
        "open": f"{count} bracket{'s' if count != 1 else ''} open" if count else "pending",
    }[markup.state]
    return text, why


def _options(bracket: Bracket) -> list[tuple[Part, ...]]:
    """The alternatives that hold text (tag-only ones dropped)."""
    return [option.parts for option in bracket.options if not option.tag_only]


def _render(parts: tuple[Part, ...], resolve: bool) -> str:
    pieces: list[str] = []
    for part in parts:
        if isinstance(part, str):
            pieces.append(part)
            continue
        options = [_render(option, resolve) for option in _options(part)]
        if not options:
            continue  # "[G77 delete]": a tag, not text
        pieces.append(options[0] if resolve else "[" + " / ".join(options) + "]")
    return _tidy(pieces)


def _join(parts: tuple[Part, ...], resolve: bool, original: str) -> str:
    text = _render(parts, resolve)
    return text.strip() if original == original.strip() else text


def _tidy(pieces: list[str]) -> str:
    """Join pieces, mending the spaces left where a tag or bracket was taken out:
    no double space, no space before a comma."""
    out = ""
    for piece in pieces:
        if not piece:
            continue
        if out.endswith(" ") and piece.startswith(" "):
            piece = piece.lstrip(" ")
        if out.endswith(" ") and piece[:1] in _PUNCTUATION and piece[:1]:
            out = out.rstrip(" ")
        out += piece
    return out
