"""Reading the negotiation markup inside a paragraph's text.

A rolling text carries its state inside it (the Rio+20 compilation text of
2 June 2012 is typical)::

    We acknowledge [, in accordance with the principle of common but
    differentiated responsibilities. -G77; US, Canada, Japan, EU delete.]
    ... free humanity from [extreme - US; G77 delete] poverty ...
    ... [changing unsustainable - EU, G77 retain / promoting sustainable - US] patterns ...
    We resolve to ... [Agreed ad ref]

:func:`parse_markup` turns such a text into a :class:`Markup`: plain text and
:class:`Bracket` passages (nested), each bracket holding one or more
:class:`Option` alternatives (split on `` / ``), each option carrying the
proponent :class:`Tag` s written at its end (``- US``, ``(EU)``,
``G77 delete``, ``US, Canada, Japan, EU delete``) or as a prefix (``EU: text``, as
``redraft merge`` writes conflicts; :mod:`.prefix`). A status marker at the end
(or start) of the paragraph sets its state. Footnote references ``[^x]`` are
not brackets.

Bad markup is never repaired: unbalanced or crossed brackets, unknown markers
and unknown tag words become :class:`Problem` s naming the paragraph label, the
character offset in its text and an excerpt. The grammar is in docs/negotiation.md.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from .config import COMMON_DELEGATIONS, DEFAULT_CONFIG, MarkupConfig, normalize_phrase
from .prefix import MAX_NAME_WORDS, NAME_WORD, PREFIX, WORD_PREFIX, prefix_names


@dataclass(frozen=True)
class Problem:
    """Bad markup at one place: ``kind`` is unclosed | unopened | crossed |
    unknown-marker | unknown-action | unknown-delegation."""

    label: str
    offset: int  # character offset in the paragraph's text
    kind: str
    message: str
    excerpt: str

    def __str__(self) -> str:
        where = self.label or "paragraph"
        return f"{where}, character {self.offset}: {self.message}: “{self.excerpt}”"


@dataclass(frozen=True)
class Tag:
    """Delegations and what they do with a passage; ``action`` is "" for the
    proponent (``- US``) and a canonical word otherwise ("delete", "retain"...)."""

    delegations: tuple[str, ...]
    action: str = ""


@dataclass(frozen=True)
class Option:
    """One alternative inside a bracket: its content and the tags at its end."""

    parts: tuple[Part, ...]
    tags: tuple[Tag, ...]
    start: int
    end: int

    @property
    def tag_only(self) -> bool:
        """``[G77 delete]``: a comment on the text around, not a passage."""
        return bool(self.tags) and not any(isinstance(p, Bracket) or p.strip() for p in self.parts)


@dataclass(frozen=True)
class Bracket:
    """A bracketed passage ``[...]`` from ``start`` (the "[") to ``end`` (after "]")."""

    start: int
    end: int
    options: tuple[Option, ...]
    tags: tuple[Tag, ...] = ()  # a "(EU)" written just after the "]"

    def all_tags(self) -> Iterator[Tag]:
        yield from self.tags
        for option in self.options:
            yield from option.tags

    @property
    def tag_only(self) -> bool:
        return len(self.options) == 1 and self.options[0].tag_only and not self.tags

    @property
    def proposes_deletion(self) -> bool:
        return any(tag.action == "delete" for tag in self.all_tags())

    def walk(self) -> Iterator[Bracket]:
        """This bracket and every bracket nested in it."""
        yield self
        for option in self.options:
            for part in option.parts:
                if isinstance(part, Bracket):
                    yield from part.walk()


Part = str | Bracket


@dataclass(frozen=True)
class Markup:
    """The negotiation markup of one paragraph."""

    label: str
    text: str
    parts: tuple[Part, ...]
    marker: str = ""  # the state a status marker sets: agreed-ad-ref|agreed|pending|deleted
    problems: tuple[Problem, ...] = ()

    def brackets(self) -> list[Bracket]:
        """Every bracket at every depth, in reading order."""
        return [b for part in self.parts if isinstance(part, Bracket) for b in part.walk()]

    def tags(self) -> list[Tag]:
        return [tag for bracket in self.brackets() for tag in bracket.all_tags()]

    def proponents(self) -> tuple[str, ...]:
        """Every delegation named in a tag, in order of first mention."""
        names = (name for tag in self.tags() for name in tag.delegations)
        return tuple(dict.fromkeys(names))

    @cached_property
    def state(self) -> str:
        """agreed-ad-ref | agreed | proposed-deletion | open | clean (read once: the
        markup of a paragraph is asked for its state at each of a thousand versions)."""
        if self.marker in ("agreed-ad-ref", "agreed"):
            return self.marker
        if self.marker == "deleted" or self._proposes_deletion():
            return "proposed-deletion"
        if self.brackets() or self.marker == "pending" or self.problems:
            return "open"
        return "clean"

    def _proposes_deletion(self) -> bool:
        """The whole paragraph is one bracket tagged "delete", or it ends with a
        bare ``[G77 delete]``."""
        body = [p for p in self.parts if isinstance(p, Bracket) or p.strip(" .;,:")]
        if len(body) == 1 and isinstance(body[0], Bracket) and body[0].proposes_deletion:
            return True
        last = body[-1] if body else None
        return isinstance(last, Bracket) and last.tag_only and last.proposes_deletion


def excerpt(text: str, offset: int, before: int = 15, after: int = 25) -> str:
    """A short one-line piece of ``text`` around ``offset``, for messages."""
    start = max(0, offset - before)
    piece = " ".join(text[start : offset + after].split())
    return ("…" if start else "") + piece + ("…" if offset + after < len(text) else "")


def parse_markup(text: str, label: str = "", config: MarkupConfig = DEFAULT_CONFIG) -> Markup:
    """Read the negotiation markup of one paragraph's text."""
    return _Parser(text, label, config).parse()


def relabel(markup: Markup, label: str) -> Markup:
    """``markup`` as :func:`parse_markup` reads the same text under ``label`` (the label
    is only named, never read: a paragraph renumbered need not be read again)."""
    if markup.label == label:
        return markup
    problems = tuple(replace(problem, label=label) for problem in markup.problems)
    return replace(markup, label=label, problems=problems)


# -- the parser -------------------------------------------------------------------

_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_DASH_TAG = re.compile(r"(?:^|(?<=[\s.,;:]))[-–—](?=\s*[A-Z0-9])")
_PAREN_TAIL = re.compile(r"\(([^()\x00]*)\)[\s.;,]*$")
_AFTER_BRACKET_TAG = re.compile(r"\s*\(([^()\[\]]*)\)")
_NAME = re.compile(rf"^{NAME_WORD}(?:\s+(?:(?:of|and|the|de|du|des|da|del|et|y)\s+)*{NAME_WORD})*$")
_ACTION_WORD = re.compile(r"^[a-z][a-z\-]*$")
_MAX_MARKER_WORDS = 5
_TAIL = 80  # characters at the end of a paragraph where a plain marker can stand
_PAREN_END = re.compile(r"\(([^()]*)\)[\s.]*$")
_SIGNIFICANT = re.compile(r"[\[\]()]")


class _Parser:
    def __init__(self, text: str, label: str, config: MarkupConfig) -> None:
        self.text = text
        self.label = label
        self.config = config
        self.problems: list[Problem] = []

    def problem(self, offset: int, kind: str, message: str) -> None:
        self.problems.append(Problem(self.label, offset, kind, message, excerpt(self.text, offset)))

    def parse(self) -> Markup:
        pairs = self._scan()
        marker, span = self._marker(pairs)
        if span is None:
            parts = self._parts(0, len(self.text), pairs, top=True)
        else:  # the text around the marker ("... matter [agreed]." keeps its period)
            pairs = [p for p in pairs if not (span[0] <= p[0] < span[1])]
            before = self._parts(0, span[0], pairs, top=True)
            parts = before + self._parts(span[1], len(self.text), pairs, top=True)
        problems = tuple(sorted(self.problems, key=lambda p: p.offset))
        return Markup(self.label, self.text, parts, marker, problems)

    # brackets ----------------------------------------------------------------
    def _scan(self) -> list[tuple[int, int]]:
        """Matched "[" "]" pairs (index of "[", index of "]"); problems for the rest.

        Parentheses are followed only to catch ``[a (b] c)``: an unmatched ")" in
        running text ("b) ...") is ordinary text."""
        text = self.text
        pairs: list[tuple[int, int]] = []
        stack: list[tuple[str, int]] = []
        skip_to = 0
        for found in _SIGNIFICANT.finditer(text):
            i, char = found.start(), found.group()
            if i < skip_to:
                continue  # inside a footnote reference
            if char == "[":
                ref = _FOOTNOTE_REF.match(text, i)
                if ref:
                    skip_to = ref.end()
                    continue
                stack.append(("[", i))
            elif char == "]":
                self._close_bracket(stack, pairs, i)
            elif char == "(":
                stack.append(("(", i))
            else:
                self._close_paren(stack, i)
        for kind, pos in stack:
            if kind == "[":
                self.problem(pos, "unclosed", "'[' is never closed")
        return sorted(pairs)

    def _close_bracket(
        self, stack: list[tuple[str, int]], pairs: list[tuple[int, int]], i: int
    ) -> None:
        if not any(kind == "[" for kind, _ in stack):
            self.problem(i, "unopened", "']' closes no '['")
            return
        while stack[-1][0] == "(":
            _, pos = stack.pop()
            self.problem(pos, "crossed", f"'(' is still open at the ']' at character {i}")
        _, start = stack.pop()
        pairs.append((start, i))

    def _close_paren(self, stack: list[tuple[str, int]], i: int) -> None:
        if stack and stack[-1][0] == "(":
            stack.pop()
            return
        for index in range(len(stack) - 1, -1, -1):
            if stack[index][0] == "(":
                opened = stack[index][1]
                bracket = stack[-1][1]
                message = f"')' closes the '(' at character {opened}"
                self.problem(i, "crossed", f"{message} inside the '[' at character {bracket}")
                del stack[index]
                return

    # status markers ----------------------------------------------------------
    def _marker(self, pairs: list[tuple[int, int]]) -> tuple[str, tuple[int, int] | None]:
        text = self.text
        tops = _top_level(pairs)
        if tops:
            start, close = tops[-1]
            if not text[close + 1 :].strip(" .;"):
                found = self._bracket_marker(start, close, end=close + 1)
                if found:
                    return found
            start, close = tops[0]
            if not text[:start].strip():
                found = self._bracket_marker(start, close, end=close + 1, at_start=True)
                if found:
                    return found
        return self._plain_marker()

    def _bracket_marker(
        self, start: int, close: int, end: int, at_start: bool = False
    ) -> tuple[str, tuple[int, int]] | None:
        inner = self.text[start + 1 : close]
        state = self.config.marker_state(inner)
        if state:
            if at_start:
                while end < len(self.text) and self.text[end].isspace():
                    end += 1
                return state, (0, end)
            return state, (_space_before(self.text, start), end)
        if self._looks_like_marker(inner):
            self.problem(start, "unknown-marker", f"unknown status marker [{inner.strip()}]")
        return None

    def _looks_like_marker(self, inner: str) -> bool:
        """A short bracket that starts like a marker ("[agreed, subject to OP3]") or
        is close to one ("[agred ad ref]")."""
        phrase = normalize_phrase(inner)
        words = phrase.split()
        if not words or len(words) > _MAX_MARKER_WORDS:
            return False
        if words[0] in self.config.marker_words:
            return True
        known = self.config.marker_phrases
        return bool(difflib.get_close_matches(phrase, known, n=1, cutoff=0.8))

    def _plain_marker(self) -> tuple[str, tuple[int, int] | None]:
        """``(agreed ad ref)`` at the end, or a bare several-word marker such as
        ``agreed ad ref`` (a bare "agreed" would be read in ordinary sentences)."""
        text = self.text
        tail_start = max(0, len(text) - _TAIL)  # markers are short: look at the end only
        paren = _PAREN_END.search(text, tail_start)
        if paren:
            state = self.config.marker_state(paren.group(1))
            if state:
                return state, (_space_before(text, paren.start()), len(text))
        pattern = self.config.bare_marker
        bare = pattern.search(text, tail_start) if pattern is not None else None
        if bare:
            state = self.config.marker_state(bare.group(1))
            return state, (_space_before(text, bare.start()), len(text))
        return "", None

    # tree --------------------------------------------------------------------
    def _parts(self, lo: int, hi: int, pairs: list[tuple[int, int]], top: bool) -> tuple[Part, ...]:
        parts: list[Part] = []
        cursor = lo
        for start, close in _top_level([p for p in pairs if lo <= p[0] and p[1] < hi]):
            if start > cursor:
                parts.append(self.text[cursor:start])
            bracket, cursor = self._bracket(start, close, pairs, top)
            parts.append(bracket)
        if hi > cursor:
            parts.append(self.text[cursor:hi])
        return tuple(parts)

    def _bracket(
        self, start: int, close: int, pairs: list[tuple[int, int]], top: bool
    ) -> tuple[Bracket, int]:
        inner = [p for p in pairs if start < p[0] and p[1] < close]
        ranges = _split_options(self.text, start + 1, close, inner)
        # every alternative "word: ...": a conflict as redraft merge writes it, whose
        # proposals may be named after their files ("eu", "g77-text")
        merged = len(ranges) > 1 and all(
            WORD_PREFIX.match(_mask(self.text, a, b, inner)) for a, b in ranges
        )
        options = tuple(self._option(a, b, inner, merged) for a, b in ranges)
        end = close + 1
        tags: tuple[Tag, ...] = ()
        after = _AFTER_BRACKET_TAG.match(self.text, end) if top else None
        if after:
            parsed = self._tag_list(after.group(1), after.start(1), require_action=False)
            if parsed is not None:
                end, tags = after.end(), parsed
        return Bracket(start, close + 1, options, tags), end

    def _option(self, lo: int, hi: int, pairs: list[tuple[int, int]], merged: bool) -> Option:
        masked = _mask(self.text, lo, hi, pairs)
        skip, prefix = self._prefix(masked, lo, merged)
        if prefix is not None and prefix.action:  # "EU: delete": no text, a proposal
            return Option((), (prefix,), lo, hi)
        cut, tags = self._tail_tags(masked[skip:], lo + skip)
        end = lo + skip + cut
        while end > lo + skip and self.text[end - 1].isspace():
            end -= 1
        if prefix is not None:
            tags = (prefix, *tags)
        return Option(self._parts(lo + skip, end, pairs, top=False), tags, lo, hi)

    def _prefix(self, masked: str, base: int, merged: bool) -> tuple[int, Tag | None]:
        """``EU: text`` / ``EU/US: text`` / ``EU: delete``, as redraft merge writes the
        alternatives of a conflict: (where the option's text starts, the proponents' tag).
        Only names pass (:func:`.prefix.prefix_names`); "as follows: ..." stays text. In a
        ``merged`` bracket any word passes (reported when delegations are configured)."""
        match = PREFIX.match(masked)
        names: tuple[str, ...] | None = None
        if match is not None and merged:
            names = prefix_names(match.group(1), frozenset(), any_word=True)
            known = self.config.delegations
            for name in (names or ()) if known else ():
                if name not in known:
                    where = base + match.start(1)
                    self.problem(where, "unknown-delegation", f"unknown delegation {name!r}")
        elif match is not None:
            names = prefix_names(match.group(1), self.config.delegations)
        if match is None or names is None:
            return 0, None
        rest = masked[match.end() :].strip().rstrip(".;")
        if self.config.actions.get(rest.lower()) == "delete":
            return len(masked), Tag(names, "delete")
        return match.end(), Tag(names)

    def _tail_tags(self, masked: str, base: int) -> tuple[int, tuple[Tag, ...]]:
        """Where the tags at the end of an option start, and the tags."""
        for dash in _DASH_TAG.finditer(masked):
            tags = self._tag_list(masked[dash.end() :], base + dash.end(), require_action=False)
            if tags is not None:
                return dash.start(), tags
        paren = _PAREN_TAIL.search(masked)
        if paren:
            tags = self._tag_list(paren.group(1), base + paren.start(1), require_action=False)
            if tags is not None:
                return paren.start(), tags
        tags = self._tag_list(masked, base, require_action=True)
        if tags is not None:
            return 0, tags
        return len(masked), ()

    def _tag_list(self, source: str, offset: int, require_action: bool) -> tuple[Tag, ...] | None:
        """``US; G77 delete`` -> tags, or None when ``source`` is not a tag list."""
        body = source.strip().rstrip(".;,").strip()
        if not body or "\x00" in body:
            return None
        items = []
        start = offset + len(source) - len(source.lstrip())
        for item in body.split(";"):
            parsed = _tag_item(item)
            if parsed is None or (require_action and not parsed[1]):
                return None
            items.append((start + len(item) - len(item.lstrip()), *parsed))
            start += len(item) + 1
        tags = []
        found: list[tuple[int, str, str]] = []  # problems, kept until the list is a tag list
        for where, names, action_words in items:
            action = ""
            if action_words:
                action = self.config.actions.get(action_words.lower(), "")
                if not action and require_action and not self._known(names):
                    return None  # "[Governments should]" is text, not a tag
                if not action:
                    found.append((where, "unknown-action", f"unknown tag word {action_words!r}"))
                    action = action_words
            known = self.config.delegations
            for name in names:
                if known and name not in known:
                    found.append((where, "unknown-delegation", f"unknown delegation {name!r}"))
            tags.append(Tag(names, action))
        for where, kind, message in found:
            self.problem(where, kind, message)
        return tuple(tags)

    def _known(self, names: tuple[str, ...]) -> bool:
        known = self.config.delegations or COMMON_DELEGATIONS
        return all(name in known for name in names)


def _tag_item(item: str) -> tuple[tuple[str, ...], str] | None:
    """``US, Canada, Japan, EU delete`` -> (("US", "Canada", "Japan", "EU"), "delete")."""
    words = item.split()
    action: list[str] = []
    while words and len(action) < 2 and _ACTION_WORD.match(words[-1]):
        action.insert(0, words.pop())
    if not words:
        return None
    names = tuple(name.strip() for name in " ".join(words).rstrip(":").split(","))
    for name in names:
        if not _NAME.match(name) or len(name.split()) > MAX_NAME_WORDS:
            return None
    return names, " ".join(action)


def _top_level(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs not nested in another (``pairs`` sorted by start)."""
    out: list[tuple[int, int]] = []
    for pair in sorted(pairs):
        if not out or pair[0] > out[-1][1]:
            out.append(pair)
    return out


def _split_options(
    text: str, lo: int, hi: int, pairs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Ranges of the alternatives between ``lo`` and ``hi``: split on " / " outside
    nested brackets."""
    masked = _mask(text, lo, hi, pairs)
    ranges, start = [], 0
    for sep in re.finditer(r" / ", masked):
        ranges.append((lo + start, lo + sep.start()))
        start = sep.end()
    ranges.append((lo + start, hi))
    return ranges


def _mask(text: str, lo: int, hi: int, pairs: list[tuple[int, int]]) -> str:
    """``text[lo:hi]`` with nested brackets blanked out, same length."""
    chars = list(text[lo:hi])
    for start, close in pairs:
        if lo <= start and close < hi:
            chars[start - lo : close - lo + 1] = "\x00" * (close - start + 1)
    return "".join(chars)


def _space_before(text: str, index: int) -> int:
    while index > 0 and text[index - 1].isspace():
        index -= 1
    return index
