"""``redraft check``: length limits, structure lint and deadlines (docs/check.md).

The rules are pure functions of a :class:`Target` (a draft and what the store
knows about it) and the :class:`~redraft.config.Config`; each returns
:class:`Violation` objects. :func:`check_targets` runs them all into a
:class:`CheckResult`, whose ``exit_code`` the CLI returns: 0 when no error,
1 when any error (warnings alone do not fail a CI run).
Targets (files, store drafts) are gathered by :mod:`redraft.resolve.checks`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import numerals
from ..config import CheckConfig, Config, before
from ..errors import ExitCode
from ..jobs import parallel_map
from ..labels import is_negotiation_number
from ..labels import number_key as _number_key
from ..model import Draft, Kind, Paragraph
from ..words import count_words, paragraph_words, strip_refs
from .stats import growth_percent

if TYPE_CHECKING:
    from ..parity.result import Finding as ParityFinding


@dataclass(frozen=True)
class Violation:
    draft: str
    rule: str
    severity: str  # "error" | "warning"
    message: str
    label: str = ""  # the paragraph at fault, "" for the whole draft
    file: str = ""  # the file to annotate (GitHub output), when known

    def to_json(self) -> dict[str, Any]:
        return {
            "draft": self.draft,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "label": self.label,
            "file": self.file,
        }


@dataclass(frozen=True)
class Target:
    """One draft to check and what is known about it besides its text."""

    name: str
    draft: Draft
    file: str = ""  # a path on disk, when there is one
    base: Draft | None = None  # what growth is measured against (first version or --base)
    base_label: str = "the first version"
    first_saved: dt.date | None = None  # date of the first version (store) or meta.date
    languages: frozenset[str] = frozenset()  # language versions that exist
    parity: tuple[ParityFinding, ...] = ()  # how the language versions differ (redraft parity)
    known: TextFindings | None = None  # the text's own findings, when already made (a cache)


@dataclass(frozen=True)
class TextFindings:
    """What the rules that read only the text and the config find (length, structure),
    with the text's words: the same for every run with that text and config, so the
    store may keep them (:mod:`redraft.resolve.check_cache`) and a run skip the text."""

    words: int
    length: tuple[Finding, ...]
    structure: tuple[Finding, ...]


@dataclass(frozen=True)
class CheckResult:
    violations: tuple[Violation, ...]
    drafts: tuple[str, ...]
    config_source: str = ""
    notes: tuple[str, ...] = field(default=())  # rules skipped and why

    @property
    def errors(self) -> int:
        return sum(1 for v in self.violations if v.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for v in self.violations if v.severity == "warning")

    @property
    def exit_code(self) -> int:
        return int(ExitCode.FOUND if self.errors else ExitCode.OK)

    def to_json(self) -> dict[str, Any]:
        """Schema ``redraft.check/1`` (docs/json.md)."""
        return {
            "schema": "redraft.check/1",
            "violations": [v.to_json() for v in self.violations],
            "drafts": list(self.drafts),
            "errors": self.errors,
            "warnings": self.warnings,
            "config": self.config_source,
            "exit_code": self.exit_code,
        }


# A rule yields (rule id, message, label); severity and draft are added by the runner.
Finding = tuple[str, str, str]
Rule = Callable[[Target, Config, dt.date], Iterator[Finding]]


# -- length -------------------------------------------------------------------

_BODY = frozenset({Kind.PREAMBULAR, Kind.OPERATIVE, Kind.TEXT, Kind.TABLE})


def rule_length(target: Target, config: Config, today: dt.date) -> Iterator[Finding]:
    check = config.check
    words = count_words(target.draft)
    preset = f" ({check.preset} preset)" if check.preset else ""
    if check.max_words is not None and words > check.max_words:
        yield "max_words", f"{words:,} words, over the limit of {check.max_words:,}{preset}", ""
    elif check.soft_max_words is not None and words > check.soft_max_words:
        yield (
            "soft_max_words",
            f"{words:,} words, over the soft limit of {check.soft_max_words:,}{preset}",
            "",
        )
    if check.max_paragraph_words is not None:
        for block in target.draft.blocks:
            count = paragraph_words(block)
            if block.kind in _BODY and count > check.max_paragraph_words:
                yield (
                    "max_paragraph_words",
                    f"{count} words, over the limit of {check.max_paragraph_words} per paragraph",
                    block.label,
                )
    for rule, count, limit, what in (
        ("max_preambular", len(target.draft.preambular()), check.max_preambular, "preambular"),
        ("max_operative", len(target.draft.operative()), check.max_operative, "operative"),
    ):
        if limit is not None and count > limit:
            yield rule, f"{count} {what} paragraphs, over the limit of {limit}", ""


def rule_growth(target: Target, config: Config, today: dt.date) -> Iterator[Finding]:
    limit = config.check.max_growth
    if limit is None or target.base is None:
        return
    old = count_words(target.base)
    new = target.known.words if target.known else count_words(target.draft)
    growth = growth_percent(old, new)
    if growth is not None and growth > limit:
        yield (
            "max_growth",
            f"grew {growth:g}% since {target.base_label} ({old:,} -> {new:,} words), "
            f"over the limit of {limit:g}%",
            "",
        )


# -- structure ---------------------------------------------------------------------

#: Printed numbers repeat ("1.", "(a)"...) across thousands of paragraphs: normalise each once.
number_key = functools.lru_cache(maxsize=4096)(_number_key)


def _roman(text: str) -> int | None:
    return numerals.roman_sum(text, "ivxlc")


def _letters(text: str) -> int | None:
    """a=1 ... z=26, aa=27 (the UN's doubled letters after z)."""
    if text.isalpha() and text.isascii() and len(set(text)) == 1:
        return (len(text) - 1) * 26 + ord(text[0]) - ord("a") + 1
    return None


def _value(bare: str, style: str) -> int | None:
    if style == "numbers":
        return int(bare) if bare.isdigit() else None
    return _roman(bare) if style == "roman numerals" else _letters(bare)


class _Lists:
    """Sorts sibling numbers into lists: arabic numbers, and for each case (I/i, A/a)
    roman numerals apart from letters, so that "I." sections with "A." subsections
    around "1." paragraphs are three lists. A single "i", "v" or "x" goes to whichever
    list it continues ("(h), (i), (j)" are letters; "(i), (ii)" roman)."""

    def __init__(self) -> None:
        self.members: dict[tuple[str, str], list[tuple[Paragraph, str, int | None]]] = {}

    def expected(self, key: tuple[str, str]) -> int | None:
        members = self.members.get(key)
        if not members:
            return None
        last = members[-1][2]
        return None if last is None else last + 1

    def add(self, paragraph: Paragraph) -> None:
        key = number_key(paragraph.number)
        bare = key.strip("()")
        case = "upper" if bare.isupper() else "lower"
        lowered = bare.lower()
        if bare.isdigit():
            style = "numbers"
        elif len(lowered) > 1 and _roman(lowered):
            # "ii" is roman unless it continues a list of letters past "z" (..., "hh", "ii").
            doubled = _letters(lowered)
            continuing = doubled is not None and self.expected((case, "letters")) == doubled
            style = "letters" if continuing else "roman numerals"
        elif lowered in ("i", "v", "x"):
            letters, roman = (case, "letters"), (case, "roman numerals")
            expected_letter = self.expected(letters)
            if expected_letter == _letters(lowered):
                style = "letters"
            elif self.expected(roman) is not None:  # a roman list goes on
                style = "roman numerals"
            elif expected_letter is not None and expected_letter <= (_letters(lowered) or 0):
                style = "letters"  # "(g), (i)": a letter is missing
            else:
                style = "roman numerals" if lowered == "i" else "letters"
        else:
            style = "letters"
        group = ("arabic" if style == "numbers" else case, style)
        self.members.setdefault(group, []).append((paragraph, key, _value(lowered, style)))


def _numbering(siblings: Sequence[Paragraph]) -> Iterator[Finding]:
    lists = _Lists()
    for paragraph in siblings:
        if paragraph.number and not is_negotiation_number(paragraph.number):
            lists.add(paragraph)
    for (_, style), members in lists.members.items():
        yield from _sequence(members, style)


def _sequence(members: list[tuple[Paragraph, str, int | None]], style: str) -> Iterator[Finding]:
    """One finding per mistake: a mistyped number ("1, 2, 7, 4": 7 for 3) is reported
    once, and the list goes on from what it should have been; a gap ("1, 2, 5, 6")
    once, and the list goes on from the new number; a number printed twice is left to
    ``duplicate_label``."""
    expected = 1
    for index, (paragraph, key, value) in enumerate(members):
        if value is None:
            yield (
                "numbering",
                f"number {paragraph.number!r} breaks a list of {style}",
                paragraph.label,
            )
            continue
        if value == expected - 1 and _COPY.search(paragraph.label[-4:]):
            continue  # the same number again: duplicate_label reports it
        # A list may start again at 1: the next part of a text (annex, part B).
        if value != expected and value != 1:
            missing = "" if value < expected else f" (expected {key_like(key, expected, style)})"
            yield "numbering", f"numbered {key} out of sequence{missing}", paragraph.label
            following = members[index + 1][2] if index + 1 < len(members) else None
            if following == expected + 1 or following is None:
                value = expected  # a typo: the next number follows the one expected here
        expected = value + 1


def key_like(key: str, value: int, style: str) -> str:
    """How ``value`` would be printed in the style of ``key``: (3, "(b)") -> "(c)"."""
    if style == "numbers":
        text = str(value)
    elif style == "letters":
        text = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
    else:
        text = numerals.roman(value)
    if key.strip("()").isupper():
        text = text.upper()
    return f"({text})" if key.startswith("(") else text


def rule_structure(target: Target, config: Config, today: dt.date) -> Iterator[Finding]:
    draft = target.draft
    # Operative numbering may restart at 1 after a heading (parts A and B of one text).
    yield from _numbering([b for b in draft.blocks if b.kind is Kind.OPERATIVE])
    for block in draft.walk():
        children = [c for c in block.children if c.kind is Kind.OPERATIVE]
        if children:
            yield from _numbering(children)
    yield from _duplicates(draft)
    yield from _openers(draft, config.check)
    yield from _brackets(draft)


_COPY = re.compile(r"#\d+")
#: "EU: " at the start of a bracketed alternative (docs/merge.md, the bracket convention).
_PROPONENT = re.compile(r"^[^\s:\[\]]{1,100}:\s+")
_ADVERB = re.compile(r"^(?:\w+ly|ever|most|very)\s+", re.IGNORECASE)


def _restarts(block: Paragraph) -> bool:
    """A top-level number that starts a list again: "1.", "I.", "A.", "(a)"."""
    return number_key(block.number).strip("()").lower() in ("1", "i", "a")


def _duplicates(draft: Draft) -> Iterator[Finding]:
    """Labels ending ``#2``: a number printed twice. A top-level list starting again
    ("1.", "I.", "A.") begins a new part (an annex, part B) whose numbers may repeat."""
    seen: set[str] = set()
    numbered = False
    for block in draft.blocks:
        if block.kind is Kind.OPERATIVE and block.number:
            if _restarts(block) and numbered:
                seen = set()
            numbered = True
        for unit in block.walk():
            base = _COPY.sub("", unit.label)
            if unit.number and base in seen and _COPY.search(unit.label[-4:]):
                yield (
                    "duplicate_label",
                    f"a second paragraph numbered {base} in this part",
                    unit.label,
                )
            seen.add(base)


def _openers(draft: Draft, check: CheckConfig) -> Iterator[Finding]:
    if draft.meta.language not in ("en", ""):
        return  # the lists of openers are English
    from ..verbs import is_operative_opener, is_preambular_opener, opening_phrase

    numbered = False
    for block in draft.blocks:
        if block.kind is Kind.OPERATIVE and block.number:
            if _restarts(block) and numbered:
                return  # an annex (a declaration, a convention) speaks in its own voice
            numbered = True
        # A paragraph in square brackets is still a paragraph: lint what it opens with,
        # past the proponent of its first alternative ("[EU: Urges ... / G77: ...]", as
        # redraft merge and merge-drafts write them).
        text = block.text.lstrip("[ *\t")
        if block.text.startswith("[") and (prefix := _PROPONENT.match(text)):
            text = text[prefix.end() :].lstrip("*")
        if not text or block.kind not in (Kind.PREAMBULAR, Kind.OPERATIVE):
            continue
        preambular = block.kind is Kind.PREAMBULAR
        extra = check.preambular_openers if preambular else check.operative_openers
        if _starts_with_any(text, extra):
            continue  # openers added in the config may be several words long
        phrase = (block.opening or opening_phrase(text.replace("*", ""))).strip()
        if _ADVERB.match(phrase):  # "Firmly convinced", "Solemnly proclaiming"
            phrase = _ADVERB.sub("", phrase, count=1) or phrase
        if preambular and not is_preambular_opener(phrase, extra):
            yield (
                "preambular_opener",
                f"opens with {phrase!r}, not a participle or adjective",
                block.label,
            )
        elif not preambular and not is_operative_opener(phrase, extra):
            yield (
                "operative_opener",
                f"opens with {phrase!r}, not a verb in the present tense",
                block.label,
            )


def _starts_with_any(text: str, phrases: Iterable[str]) -> bool:
    lowered = text.lower()
    for phrase in phrases:
        wanted = phrase.lower().strip()
        if lowered.startswith(wanted) and not lowered[len(wanted) : len(wanted) + 1].isalpha():
            return True
    return False


_BRACKET = re.compile(r"[\[\]]")


def _brackets(draft: Draft) -> Iterator[Finding]:
    """Square brackets (text still under negotiation) must pair up, possibly across
    paragraphs; footnote references ``[^x]`` are not brackets."""
    open_at: list[str] = []
    for unit in draft.units():
        if "[" not in unit.text and "]" not in unit.text:
            continue
        for match in _BRACKET.finditer(strip_refs(unit.text)):
            if match.group(0) == "[":
                open_at.append(unit.label)
            elif open_at:
                open_at.pop()
            else:
                yield "brackets", "']' closes a bracket that was never opened", unit.label
    for label in open_at:
        yield "brackets", "'[' is never closed", label


# -- deadlines (decision 20/1) -----------------------------------------------------


def rule_deadlines(target: Target, config: Config, today: dt.date) -> Iterator[Finding]:
    session = config.session
    if session.start is None:
        return
    due = before(session.start, session.deadline)
    if target.first_saved is not None and target.first_saved > due:
        yield (
            "deadline",
            f"first version saved {target.first_saved}, after the deadline {due} "
            f"({session.deadline} before the session starts on {session.start})",
            "",
        )
    if session.languages and not _is_language_version(target.name, session.languages):
        due_languages = before(session.start, session.languages_deadline)
        have = target.languages | {target.draft.meta.language or "en"}
        missing = [lang for lang in session.languages if lang not in have]
        if today >= due_languages and missing:
            yield (
                "languages",
                f"no {', '.join(missing)} version on {today} (due {due_languages}, "
                f"{session.languages_deadline} before the session)",
                "",
            )


def _is_language_version(name: str, languages: Iterable[str]) -> bool:
    """``L3.fr`` is the French version of ``L3``: it is not asked for other languages."""
    stem, dot, suffix = name.rpartition(".")
    return bool(dot and stem) and suffix in set(languages)


RULES: tuple[Rule, ...] = (rule_length, rule_growth, rule_structure, rule_deadlines)


def _found(rule: Rule, target: Target, config: Config, today: dt.date) -> Iterable[Finding]:
    """What ``rule`` finds in ``target``: the text's own findings when they are known."""
    if target.known is not None and rule is rule_length:
        return target.known.length
    if target.known is not None and rule is rule_structure:
        return target.known.structure
    return rule(target, config, today)


def check_target(target: Target, config: Config, today: dt.date) -> list[Violation]:
    out = []
    for rule in RULES:
        for rule_id, message, label in _found(rule, target, config, today):
            severity = config.check.severity_of(rule_id)
            if severity == "off":
                continue
            out.append(Violation(target.name, rule_id, severity, message, label, target.file))
    out.extend(parity_violations(target, config))
    return out


def parity_violations(target: Target, config: Config) -> Iterator[Violation]:
    """The ``languages`` rule's parity part: each parity finding of the draft's language
    versions, at the severity ``[session] parity`` gives its kind (docs/check.md)."""
    if config.check.severity_of("languages") == "off":
        return
    for finding in target.parity:
        severity = config.session.parity_severity(finding.kind, finding.severity)
        if severity == "off":
            continue
        message = f"{finding.language}: {finding.kind}: {finding.detail}"
        yield Violation(target.name, "languages", severity, message, finding.label, target.file)


def check_targets(
    targets: Iterable[Target],
    config: Config,
    today: dt.date | None = None,
    notes: Sequence[str] = (),
) -> CheckResult:
    """Run every rule on every target (on the machine's cores when there are many)."""
    today = today or dt.date.today()
    targets = list(targets)
    _SHARED[:] = [targets, config, today]
    try:
        found = parallel_map(_check_at, range(len(targets)))
    finally:
        _SHARED.clear()
    violations = [v for violations_of in found for v in violations_of]
    return CheckResult(
        violations=tuple(violations),
        drafts=tuple(t.name for t in targets),
        config_source=config.source,
        notes=tuple(notes),
    )


#: The targets, config and day the worker processes read (forked: nothing is copied).
_SHARED: list[Any] = []


def _check_at(index: int) -> list[Violation]:
    targets, config, today = _SHARED
    return check_target(targets[index], config, today)


def check_drafts(
    drafts: Iterable[tuple[str, Draft]],
    config: Config | None = None,
    today: dt.date | None = None,
) -> CheckResult:
    """Convenience for library users: check drafts that have no store history."""
    targets = [Target(name=name, draft=draft) for name, draft in drafts]
    return check_targets(targets, config or Config(), today)
