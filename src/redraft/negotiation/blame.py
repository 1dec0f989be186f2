"""Who wrote what: for each paragraph of the latest version, the version (number,
date, delegation, symbol) that introduced it and the one that last changed its
text; with :func:`blame_words`, which version brought in each passage of one paragraph.

A paragraph is followed through the diff's alignment (:mod:`.lineage`), so a
paragraph renumbered from OP5 to OP6, moved, or edited keeps its origin. The
rules: an inserted unit is introduced (and last changed) by its version; an
equal one keeps both stamps (renumbering and moving are not changes of text); a
modified one keeps its origin and is last changed by the new version; the parts
of a split keep the origin of the paragraph split; a merged paragraph keeps the
oldest origin of the paragraphs merged.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diff.result import Change
from .lineage import Lineage, Stamp


@dataclass(frozen=True)
class BlameEntry:
    label: str  # in the latest version
    introduced: Stamp
    last_changed: Stamp


@dataclass(frozen=True)
class BlameResult:
    name: str
    version: Stamp  # the version blamed (the latest)
    paragraphs: tuple[BlameEntry, ...]


@dataclass(frozen=True)
class Passage:
    """A stretch of text, the version that brought it in, and the delegations the
    markup names as proposing it (the tags of the bracket option it stands in:
    in a compilation text one secretariat records every version)."""

    text: str
    stamp: Stamp
    proposed_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class WordBlame:
    name: str
    label: str
    version: Stamp
    passages: tuple[Passage, ...]


def blame(lineage: Lineage, label: str | None = None) -> BlameResult:
    """Blame every unit of the latest version (or only ``label``)."""
    origins = _origins(lineage)
    latest = lineage.drafts[-1]
    entries = []
    for unit in latest.units():
        introduced, changed = origins[unit.label]
        entries.append(BlameEntry(unit.label, introduced, changed))
    if label is not None:
        wanted = latest.find(label) if label.strip() else None
        if wanted is None:
            raise _not_found(lineage, label)
        entries = [e for e in entries if e.label == wanted.label]
    return BlameResult(lineage.name, lineage.stamps[-1], tuple(entries))


def _not_found(lineage: Lineage, label: str) -> Exception:
    """As ``show --para`` says it (outline.find_unit): an empty label shows as '' and
    the message lists the labels the version has."""
    from ..errors import NotFoundError
    from ..outline import label_ranges

    stamp = lineage.stamps[-1]
    have = label_ranges(lineage.drafts[-1]) or "no labelled paragraphs"
    shown = label.strip() or "''"
    return NotFoundError(
        f"{lineage.name}: no paragraph {shown} in version {stamp.version} (it has {have})"
    )


def _origins(lineage: Lineage) -> dict[str, tuple[Stamp, Stamp]]:
    """label in the latest version -> (introduced, last changed)."""
    first = lineage.stamps[0]
    state = {unit.label: (first, first) for unit in lineage.drafts[0].units()}
    for step, stamp in zip(lineage.steps, lineage.stamps[1:], strict=True):
        # A unit unchanged under its label keeps its origin: only the other changes of a
        # step (a few of a thousand versions' hundred paragraphs) are carried one by one.
        moving = [c for c in step.changes if c.op != "equal" or c.old != c.new]
        if not moving:
            continue
        carried = [_carry(change, state, stamp) for change in moving]
        state = dict(state)
        for change in moving:
            for label in change.old:
                del state[label]
        for found in carried:
            state.update(found)
    return state


def _carry(
    change: Change, state: dict[str, tuple[Stamp, Stamp]], stamp: Stamp
) -> dict[str, tuple[Stamp, Stamp]]:
    if not change.new:
        return {}
    if not change.old:
        return {label: (stamp, stamp) for label in change.new}
    if change.op == "equal" and len(change.old) == len(change.new):
        return {new: state[old] for old, new in zip(change.old, change.new, strict=True)}
    oldest = min((state[old][0] for old in change.old), key=lambda s: s.version)
    return {label: (oldest, stamp) for label in change.new}


# -- word attribution ---------------------------------------------------------------

Runs = list[tuple[str, Stamp]]


def blame_words(lineage: Lineage, label: str) -> WordBlame:
    """Which version brought in each passage of paragraph ``label`` (latest version).

    Only the paragraph's ancestry is followed (the units it came from, step by step,
    through merges and splits): the other paragraphs of a thousand versions do not
    change which version brought in a word of this one."""
    unit = lineage.drafts[-1].find(label) if label.strip() else None
    if unit is None:
        raise _not_found(lineage, label)
    wanted = _ancestry(lineage, unit.label)
    first = lineage.stamps[0]
    runs: dict[str, Runs] = {
        u.label: [(u.text, first)] for u in lineage.drafts[0].units() if u.label in wanted[0]
    }
    for index, (step, stamp) in enumerate(zip(lineage.steps, lineage.stamps[1:], strict=True)):
        needed = wanted[index + 1]
        new_runs: dict[str, Runs] = {}
        for change in step.changes:
            if needed.intersection(change.new):
                new_runs.update(_carry_runs(change, runs, stamp))
        runs = new_runs
    options = _proposing_options(unit.text, unit.label)
    passages, offset = [], 0
    for text, stamp in _absorb_spaces(runs[unit.label]):
        passages.append(Passage(text, stamp, _proposers(options, offset, offset + len(text))))
        offset += len(text)
    return WordBlame(lineage.name, unit.label, lineage.stamps[-1], tuple(passages))


def _ancestry(lineage: Lineage, label: str) -> list[set[str]]:
    """For each version, the labels of the units paragraph ``label`` of the latest version
    came from (a set per version, oldest first)."""
    wanted: list[set[str]] = [set() for _ in lineage.drafts]
    wanted[-1] = {label}
    for index in range(len(lineage.steps) - 1, -1, -1):
        needed = wanted[index + 1]
        for change in lineage.steps[index].changes:
            if needed.intersection(change.new):
                wanted[index].update(change.old)
    return wanted


_PROPOSING = ("", "propose", "add")  # tag actions that put a passage forward


def _proposing_options(text: str, label: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, delegations) of every bracket option with proponents, innermost last."""
    from .markup import parse_markup

    out = []
    for bracket in parse_markup(text, label).brackets():
        for option in bracket.options:
            tags = [*option.tags, *(bracket.tags if len(bracket.options) == 1 else ())]
            names = tuple(
                dict.fromkeys(
                    n for tag in tags if tag.action in _PROPOSING for n in tag.delegations
                )
            )
            if names:
                out.append((option.start, option.end, names))
    return sorted(out, key=lambda o: (o[0], -o[1]))


def _proposers(
    options: list[tuple[int, int, tuple[str, ...]]], lo: int, hi: int
) -> tuple[str, ...]:
    """The proponents of the options that the passage ``lo:hi`` overlaps, innermost first."""
    found: list[str] = []
    for start, end, names in reversed(options):
        if start < hi and lo < end:
            found.extend(names)
    return tuple(dict.fromkeys(found))


def _carry_runs(change: Change, runs: dict[str, Runs], stamp: Stamp) -> dict[str, Runs]:
    """The runs of each new unit of ``change``, from the old units' runs and the segments."""
    if not change.new:
        return {}
    new_texts = [u.text for u in change.new_units]
    if not change.old:
        return {label: [(text, stamp)] for label, text in zip(change.new, new_texts, strict=True)}
    if change.op == "equal" and len(change.old) == len(change.new) == 1:
        if new_texts[0] and change.old_units[0].text == new_texts[0]:  # moved, renumbered
            return {change.new[0]: runs[change.old[0]]}
    old_runs: Runs = []
    for index, old in enumerate(change.old):
        if index:
            old_runs.append(("\n", stamp))  # the join between units (engine.JOIN)
        old_runs.extend(runs[old])
    out = _apply(old_runs, change, stamp)
    if out is None or sum(len(t) for t, _ in out) != len("\n".join(new_texts)):
        # The segments do not rebuild the texts (should not happen): attribute the
        # new text to this version rather than guess.
        return {label: [(text, stamp)] for label, text in zip(change.new, new_texts, strict=True)}
    return dict(zip(change.new, _cut(out, [len(t) for t in new_texts]), strict=True))


def _apply(old_runs: Runs, change: Change, stamp: Stamp) -> Runs | None:
    """Walk the segments over the old runs: "=" keeps their stamps, "+" takes ``stamp``."""
    source = list(reversed(old_runs))
    out: Runs = []
    for op, text in change.segments:
        if op == "+":
            out.append((text, stamp))
            continue
        taken = _take(source, len(text))
        if taken is None or "".join(t for t, _ in taken) != text:
            return None
        if op == "=":
            out.extend(taken)
    return out


def _take(source: Runs, length: int) -> Runs | None:
    """Pop ``length`` characters off the reversed run list ``source``."""
    taken: Runs = []
    while length > 0:
        if not source:
            return None
        text, stamp = source.pop()
        if len(text) > length:
            source.append((text[length:], stamp))
            text = text[:length]
        taken.append((text, stamp))
        length -= len(text)
    return taken


def _cut(runs: Runs, lengths: list[int]) -> list[Runs]:
    """Split the runs of joined texts back into one run list per unit (the joins dropped)."""
    source = list(reversed(runs))
    out = []
    for index, length in enumerate(lengths):
        if index:
            _take(source, 1)
        out.append(_merge(_take(source, length) or []))
    return out


def _absorb_spaces(runs: Runs) -> Runs:
    """Whitespace-only runs joined to the run before: a space is nobody's proposal."""
    out: Runs = []
    for text, stamp in runs:
        if out and not text.strip():
            out[-1] = (out[-1][0] + text, out[-1][1])
        else:
            out.append((text, stamp))
    return _merge(out)


def _merge(runs: Runs) -> Runs:
    """Adjacent runs with the same stamp joined."""
    out: Runs = []
    for text, stamp in runs:
        if out and out[-1][1] == stamp:
            out[-1] = (out[-1][0] + text, stamp)
        elif text:
            out.append((text, stamp))
    return out
