"""Where each paragraph stands: agreed ad ref, agreed, open, proposed for deletion, clean.

One :class:`StatusResult` per draft (what ``redraft status`` prints, schema
``redraft.status/1``) and one :class:`Progress` over a draft's versions (the
facilitator's progress line, ``redraft status --by-version``).

Counted paragraphs are preambular and operative paragraphs, sub-paragraphs and
unnumbered text; the title, headings and tables only when they hold markup (a
bracketed title is negotiated too); never the document heading line, the enacting
formula or footnotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields

from ..english import plural
from ..model import Draft, Kind, Paragraph
from .config import DEFAULT_CONFIG, MarkupConfig
from .lineage import VersionLike
from .markup import Markup, Problem, parse_markup, relabel

STATES = ("agreed-ad-ref", "agreed", "open", "proposed-deletion", "clean")
_ALWAYS_COUNTED = frozenset({Kind.PREAMBULAR, Kind.OPERATIVE, Kind.TEXT})
_NEVER_COUNTED = frozenset({Kind.DOC_HEADING, Kind.FORMULA, Kind.FOOTNOTE})


@dataclass(frozen=True)
class ParagraphStatus:
    label: str
    state: str  # one of STATES
    brackets: int  # bracketed passages at every depth (markers and [^x] not counted)
    proponents: tuple[str, ...]
    problems: tuple[Problem, ...] = ()
    marker: str = ""  # the state its status marker sets ("pending"...), "" when none
    note: str = ""  # why a paragraph without markup is open: "alternative to PP5"


@dataclass(frozen=True)
class Totals:
    paragraphs: int = 0
    agreed_ad_ref: int = 0
    agreed: int = 0  # agreed ad ref + agreed
    open: int = 0
    proposed_deletion: int = 0
    clean: int = 0
    brackets: int = 0  # bracketed passages in all paragraphs
    with_brackets: int = 0  # paragraphs holding at least one bracket

    @property
    def settled(self) -> bool:
        """Nothing left to negotiate: no bracket, no open or pending paragraph, no
        proposed deletion. A text with no brackets left is agreed as a whole."""
        return self.paragraphs > 0 and self.open == 0 and self.proposed_deletion == 0

    @property
    def agreed_in_all(self) -> int:
        """Paragraphs agreed: those marked agreed, or every one once the text is settled."""
        return self.paragraphs if self.settled else self.agreed

    @property
    def share_agreed(self) -> float:
        return self.agreed_in_all / self.paragraphs if self.paragraphs else 0.0


@dataclass(frozen=True)
class StatusResult:
    source: str
    paragraphs: tuple[ParagraphStatus, ...]
    totals: Totals

    @property
    def problems(self) -> list[Problem]:
        return [problem for p in self.paragraphs for problem in p.problems]


@dataclass(frozen=True)
class VersionStatus:
    number: int
    symbol: str
    date: str
    by: str
    totals: Totals


@dataclass(frozen=True)
class Progress:
    """The status of the latest version and the totals of every version, oldest first."""

    name: str
    latest: StatusResult
    versions: tuple[VersionStatus, ...]


def draft_markup(
    draft: Draft,
    config: MarkupConfig = DEFAULT_CONFIG,
    known: dict[tuple[str, str], Markup] | None = None,
) -> Iterator[tuple[Paragraph, Markup]]:
    """The counted blocks of ``draft`` with their markup, in reading order. ``known``
    keeps the markup read per (text, label) across calls (the versions of one draft
    share most paragraphs; markup is immutable)."""
    for block in draft.walk():
        if block.kind in _NEVER_COUNTED:
            continue
        if known is None:
            markup = parse_markup(block.text, block.label, config)
        else:
            markup = _known_markup(block.text, block.label, config, known)
        if block.kind in _ALWAYS_COUNTED or markup.state != "clean":
            yield block, markup


def _known_markup(
    text: str, label: str, config: MarkupConfig, known: dict[tuple[str, str], Markup]
) -> Markup:
    """The markup of ``text`` under ``label``, read once per text (a paragraph renumbered
    in a later version keeps its markup under its new label)."""
    found = known.get((text, label))
    if found is None:
        plain = known.get((text, ""))
        if plain is None:
            plain = known[(text, "")] = parse_markup(text, "", config)
        found = known[(text, label)] = relabel(plain, label)
    return found


_ALT = re.compile(r"^(?P<base>.+?)alt\d*$")


def competing(markups: Sequence[Markup]) -> dict[str, str]:
    """Paragraphs open only because an alternative competes: an ``alt`` paragraph
    (PP5alt proposes to replace PP5) without markup of its own, and the paragraph
    it would replace, without markup, while both stand in the text (once PP5alt
    is agreed, PP5 must still go). Label -> why."""
    settled = {m.label for m in markups if m.state != "clean"}
    labels = {m.label for m in markups}
    out: dict[str, str] = {}
    for markup in markups:
        alt = _ALT.match(markup.label) if "alt" in markup.label else None
        if alt is None:
            continue
        base = alt.group("base")
        if markup.label not in settled:
            out[markup.label] = f"alternative to {base}"
        if base in labels and base not in settled:
            agreed = markup.state in ("agreed-ad-ref", "agreed")
            why = "is agreed in its place" if agreed else "proposes to replace it"
            out.setdefault(base, f"{markup.label} {why}")
    return out


def paragraph_status(markup: Markup, note: str = "") -> ParagraphStatus:
    return ParagraphStatus(
        label=markup.label,
        state="open" if note else markup.state,
        brackets=len(markup.brackets()),
        proponents=markup.proponents(),
        problems=markup.problems,
        marker=markup.marker,
        note=note,
    )


def draft_status(
    draft: Draft,
    source: str = "",
    config: MarkupConfig = DEFAULT_CONFIG,
    known: dict[tuple[str, str], Markup] | None = None,
    statuses: dict[tuple[int, str], tuple[Markup, ParagraphStatus]] | None = None,
) -> StatusResult:
    """Where each paragraph of ``draft`` stands. ``known`` and ``statuses`` (kept by a
    caller reading many versions of one draft) reuse the markup and status of a
    paragraph already read, by its text and label, and by its markup and note."""
    markups = [m for _, m in draft_markup(draft, config, known)]
    return _status(source, markups, statuses)


def _status(
    source: str,
    markups: list[Markup],
    statuses: dict[tuple[int, str], tuple[Markup, ParagraphStatus]] | None,
) -> StatusResult:
    notes = competing(markups)
    paragraphs = tuple(_status_of(m, notes.get(m.label, ""), statuses) for m in markups)
    return StatusResult(source, paragraphs, totals_of(paragraphs))


def _status_of(
    markup: Markup,
    note: str,
    statuses: dict[tuple[int, str], tuple[Markup, ParagraphStatus]] | None,
) -> ParagraphStatus:
    if statuses is None:
        return paragraph_status(markup, note)
    found = statuses.get((id(markup), note))
    if found is not None and found[0] is markup:
        return found[1]
    status = paragraph_status(markup, note)
    statuses[(id(markup), note)] = (markup, status)
    return status


def totals_of(paragraphs: Sequence[ParagraphStatus]) -> Totals:
    states = [p.state for p in paragraphs]
    return Totals(
        paragraphs=len(paragraphs),
        agreed_ad_ref=states.count("agreed-ad-ref"),
        agreed=states.count("agreed-ad-ref") + states.count("agreed"),
        open=states.count("open"),
        proposed_deletion=states.count("proposed-deletion"),
        clean=states.count("clean"),
        brackets=sum(p.brackets for p in paragraphs),
        with_brackets=sum(1 for p in paragraphs if p.brackets),
    )


def status_by_version(
    name: str,
    history: Sequence[tuple[VersionLike, Draft]],
    config: MarkupConfig = DEFAULT_CONFIG,
) -> Progress:
    """Totals at each version of ``name`` (``history`` oldest first, not empty)."""
    versions = []
    latest = StatusResult(name, (), Totals())
    counted = _Counted(config)
    for index, (version, draft) in enumerate(history):
        source = f"{name}@{version.number}"
        found = list(map(counted.known_blocks.get, map(id, draft.blocks)))
        blocks = [
            block if block is not None else counted.block(draft.blocks[at])
            for at, block in enumerate(found)
        ]
        if index == len(history) - 1 or any(block.alternatives for block in blocks):
            markups = [markup for block in blocks for markup in block.markups]
            latest = _status(source, markups, counted.statuses)
            totals = latest.totals
        else:  # no "alt" label: no note, each block's counts as read before, added up
            totals = Totals(*map(sum, zip(*(block.counts for block in blocks), strict=True)))
        versions.append(
            VersionStatus(version.number, version.symbol, version.date, version.by, totals)
        )
    return Progress(name, latest, tuple(versions))


_TOTALS = tuple(field.name for field in fields(Totals))


@dataclass(frozen=True)
class _Block:
    """A top-level block's counted paragraphs, their statuses without a note, and whether
    one is labelled as an alternative (which may give a note: :func:`competing`)."""

    block: Paragraph
    markups: list[Markup]
    statuses: list[ParagraphStatus]
    alternatives: bool
    counts: tuple[int, ...]  # the fields of totals_of(statuses), which add up over blocks


class _Counted:
    """What each block object holds, read once: the versions of one draft share most of
    their blocks, so that a version costs a lookup per block, not a walk of its tree."""

    def __init__(self, config: MarkupConfig) -> None:
        self.config = config
        self.known: dict[tuple[str, str], Markup] = {}
        self.statuses: dict[tuple[int, str], tuple[Markup, ParagraphStatus]] = {}
        self.known_blocks: dict[int, _Block] = {}  # each holds its block: ids stay unique

    def block(self, block: Paragraph) -> _Block:
        found = self.known_blocks.get(id(block))
        if found is None:
            alone = Draft(blocks=(block,))
            markups = [m for _, m in draft_markup(alone, self.config, self.known)]
            statuses = [_status_of(m, "", self.statuses) for m in markups]
            alternatives = any("alt" in m.label for m in markups)
            totals = totals_of(statuses)
            counts = tuple(getattr(totals, name) for name in _TOTALS)
            found = _Block(block, markups, statuses, alternatives, counts)
            self.known_blocks[id(block)] = found
        return found


def summary_line(totals: Totals) -> str:
    """The foot of the table, as negotiation reports put it."""
    parts = [
        f"{totals.agreed_ad_ref} of {plural(totals.paragraphs, 'paragraph')} agreed ad ref",
        plural(totals.with_brackets, "contains") + " brackets",
    ]
    if totals.agreed > totals.agreed_ad_ref:
        parts.insert(1, f"{totals.agreed - totals.agreed_ad_ref} agreed")
    if totals.proposed_deletion:
        parts.append(f"{totals.proposed_deletion} proposed for deletion")
    return "; ".join(parts)
