"""Three-way merge of delegations' proposals, the facilitator's compilation, and rebase.

Each proposal is aligned with the base by the paragraph diff (``redraft.diff``). Then,
paragraph by paragraph, as ``git merge`` does line by line:

* changed by nobody: the base text; changed by one delegation (or identically by
  several): that change;
* changed differently (a deletion counts as a change): a *conflict*, written as UN
  bracketed alternatives attributed to their authors ``[EU: ... / G77: ...]``;
* inserted paragraphs keep their place (after the base paragraph that precedes them
  in the proposal); a paragraph one proposal moved goes where it moved it;
* the result is renumbered and relabelled.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..model import Draft, Footnote, Meta
from .overlap import similarity, words_of
from .tree import Flat, Unit, content_key, flatten, rebuild

#: How a deletion reads inside bracketed alternatives.
DELETE = "delete"


@dataclass(frozen=True)
class Alternative:
    by: tuple[str, ...]  # who proposed this wording
    text: str  # "" when the alternative is to delete the paragraph
    deleted: bool = False


@dataclass(frozen=True)
class MergedParagraph:
    """One paragraph that did not come through unchanged."""

    label: str  # in the merged draft ("" for a deleted paragraph)
    base: str  # in the base ("" for an inserted paragraph)
    status: str  # "changed" | "inserted" | "deleted" | "moved" | "conflict"
    by: tuple[str, ...] = ()  # whose text was taken
    alternatives: tuple[Alternative, ...] = ()  # conflicts only


@dataclass(frozen=True)
class MergeResult:
    draft: Draft
    paragraphs: tuple[MergedParagraph, ...]  # in the merged draft's order, deletions last
    names: tuple[str, ...]  # the proposals, in the order given

    @property
    def conflicts(self) -> tuple[MergedParagraph, ...]:
        return tuple(p for p in self.paragraphs if p.status == "conflict")

    @property
    def clean(self) -> bool:
        return not self.conflicts


@dataclass
class _Side:
    """One proposal, seen from the base."""

    name: str
    replaced: dict[int, tuple[Flat, ...]] = field(default_factory=dict)  # base index -> units
    #: what goes after base unit ``slot`` (-1: before the first), in the proposal's order:
    #: an inserted unit, or the base index of a unit the proposal moved there
    slots: dict[int, list[Flat | int]] = field(default_factory=lambda: defaultdict(list))
    moved: dict[int, int] = field(default_factory=dict)  # base index -> slot it moved to


def _align(base: Draft, base_flats: list[Flat], name: str, side: Draft) -> _Side:
    from ..diff.engine import diff_drafts  # typed; diff/__init__ only forwards to it

    result = diff_drafts(base, side)
    side_flats = flatten(side)
    base_at = {flat.label: i for i, flat in enumerate(base_flats)}
    side_at = {flat.label: j for j, flat in enumerate(side_flats)}
    out = _Side(name)
    origin: dict[int, int] = {}  # side index -> base index it stands for
    for change in result.changes:
        olds = [base_at[label] for label in change.old]
        news = [side_at[label] for label in change.new]
        for k, i in enumerate(olds):
            # a split keeps every piece under the first base unit; a merge empties the rest
            mine = news if k == 0 else []
            out.replaced[i] = tuple(side_flats[j] for j in mine)
            origin.update((j, i) for j in mine)
    first: dict[int, int] = {}  # base index -> its first unit in the proposal
    for j in sorted(origin):
        first.setdefault(origin[j], j)
    # the units left in base order stay put; the others moved (whatever the diff flags)
    kept = _increasing([origin[j] for j in sorted(first.values())])
    last = -1
    for j, flat in enumerate(side_flats):
        if j not in origin:
            out.slots[last].append(flat)
        elif first[origin[j]] == j:
            i = origin[j]
            if i in kept:
                last = i
            else:
                out.moved[i] = last
                out.slots[last].append(i)
    return out


def _increasing(values: list[int]) -> set[int]:
    """The values of a longest increasing subsequence (patience sorting, n log n)."""
    import bisect

    tails: list[int] = []  # value ending the best subsequence of each length
    ends: list[int] = []  # its position in ``values``
    previous = [-1] * len(values)
    for k, value in enumerate(values):
        at = bisect.bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            ends.append(k)
        else:
            tails[at] = value
            ends[at] = k
        previous[k] = ends[at - 1] if at else -1
    out: set[int] = set()
    k = ends[-1] if ends else -1
    while k >= 0:
        out.add(values[k])
        k = previous[k]
    return out


def merge_proposals(
    base: Draft, proposals: Sequence[tuple[str, Draft]], meta: Meta | None = None
) -> MergeResult:
    """Merge any number of proposals made on ``base`` (two for a three-way merge)."""
    base_flats = flatten(base)
    sides = [_align(base, base_flats, name, draft) for name, draft in proposals]
    builder = _Builder()
    _Weaver(base_flats, sides, builder).run()
    return builder.finish(meta or base.meta, tuple(name for name, _ in proposals))


class _Weaver:
    """Walks the base in order, emitting each unit resolved and, after it, what the
    proposals inserted or moved there. A unit moves when every proposal that moved it
    moved it to the same place; proposals that disagree leave it where it was.

    What proposals wrote at one place (the change of a base unit and the insertions on
    either side of it) goes in once when two proposals wrote the same text, and as one
    bracketed proposal when two inserted near-duplicates: a merge never duplicates text."""

    def __init__(self, base_flats: list[Flat], sides: list[_Side], builder: _Builder) -> None:
        self.base_flats, self.sides, self.builder = base_flats, sides, builder
        self.dest: dict[int, int] = {}
        for i in range(len(base_flats)):
            targets = {side.moved[i] for side in sides if i in side.moved}
            if len(targets) == 1:
                self.dest[i] = targets.pop()
        self.done: set[int] = set()
        self.recent: list[_Written] = []  # what proposals wrote at the place just left

    def run(self) -> None:
        self.slot(-1, [])
        for i in range(len(self.base_flats)):
            if i not in self.dest:
                self.unit(i)
        for i in sorted(set(self.dest) - self.done):  # its place never came: keep it anyway
            self.unit(i, moved=True)

    def unit(self, i: int, moved: bool = False) -> None:
        self.done.add(i)
        start = len(self.builder.flats)
        _resolve(i, self.base_flats[i], self.sides, self.builder, moved=moved)
        if len(self.builder.flats) == start:  # deleted: the place around it goes on
            self.slot(i, self.recent)
        else:
            self.slot(i, self.taken(start))

    def taken(self, start: int) -> list[_Written]:
        """The units a proposal's change put in the builder from ``start`` on; one whose
        text another proposal inserted just before goes in once, there."""
        written = []
        for k in range(start, len(self.builder.flats)):
            record = self.builder.records[k]
            if record is None or record.status not in ("changed", "inserted"):
                continue
            flat, key = self.builder.flats[k], _key(self.builder.flats[k])
            earlier = next((w for w in self.recent if w.same(key, record.by)), None)
            if earlier is not None:
                earlier.wordings[key].extend(record.by)
                self.builder.replace(earlier.index, *earlier.resolved())
                self.builder.drop(k)
                continue
            wording = {key: list(record.by)}
            written.append(_Written(k, flat, wording, {key: flat}, record.status, record.base))
        return written

    def slot(self, slot: int, written: list[_Written]) -> None:
        """What the proposals inserted (or moved) after base unit ``slot``. A text two
        proposals both wrote here goes in once, naming both (one proposal's text inserted
        twice stays twice); two near-duplicates inserted here (similarity >=
        NEAR_DUPLICATE: two delegations proposing almost the same new paragraph) are one
        proposal with alternatives, ``[EU: ... / G77: ...]``, never two paragraphs."""
        for side in self.sides:
            for entry in side.slots.get(slot, ()):
                if isinstance(entry, int):
                    if self.dest.get(entry) == slot and entry not in self.done:
                        self.unit(entry, moved=True)
                    continue
                self.insert(written, entry, side.name)
        self.recent = written

    def insert(self, written: list[_Written], flat: Flat, name: str) -> None:
        key = _key(flat)
        for group in written:
            if group.same(key, (name,)):
                group.wordings[key].append(name)  # the same text: once, both named
                self.builder.replace(group.index, *group.resolved())
                return
        for group in written:
            if group.status == "inserted" and name not in group.names() and group.near(flat):
                group.wordings[key] = [name]
                group.flats[key] = flat
                self.builder.replace(group.index, *group.resolved())
                return
        group = _Written(len(self.builder.flats), flat, {key: [name]}, {key: flat})
        written.append(group)
        self.builder.add(*group.resolved())


#: Two paragraphs inserted at the same place by different proposals whose words are at
#: least this similar (:func:`redraft.merge.overlap.similarity`) are one proposal.
NEAR_DUPLICATE = 0.7


@dataclass
class _Written:
    """A unit proposals wrote at one place (inserted, or a base unit they changed): each
    distinct wording and who proposed it, in the order met."""

    index: int  # its place in the builder
    first: Flat
    wordings: dict[_Key, list[str]]
    flats: dict[_Key, Flat]
    status: str = "inserted"  # or "changed"
    base: str = ""  # the base unit changed

    def names(self) -> set[str]:
        return {name for names in self.wordings.values() for name in names}

    def same(self, key: _Key, by: Sequence[str]) -> bool:
        """This very text, written by none of ``by`` yet."""
        return key in self.wordings and not set(by) & set(self.wordings[key])

    def near(self, flat: Flat) -> bool:
        """Another wording of this paragraph: the same level and kind, words this close."""
        mine, other = self.first.unit, flat.unit
        if isinstance(mine, Footnote) or isinstance(other, Footnote):
            return False
        if self.first.depth != flat.depth or mine.kind is not other.kind:
            return False
        return similarity(words_of(mine.text), words_of(other.text)) >= NEAR_DUPLICATE

    def resolved(self) -> tuple[Flat, MergedParagraph]:
        if len(self.wordings) == 1:
            names = tuple(name for names in self.wordings.values() for name in names)
            return self.first, MergedParagraph("", self.base, self.status, names)
        alternatives = tuple(
            Alternative(tuple(names), self.flats[key].unit.text)
            for key, names in self.wordings.items()
        )
        bracketed = _bracketed(self.first, alternatives)
        return bracketed, MergedParagraph("", self.base, "conflict", (), alternatives)


def three_way(
    base: Draft, ours: Draft, theirs: Draft, ours_name: str = "ours", theirs_name: str = "theirs"
) -> MergeResult:
    """``git merge`` for drafts: OURS and THEIRS both changed BASE."""
    return merge_proposals(base, [(ours_name, ours), (theirs_name, theirs)], meta=ours.meta)


def rebase(
    old_base: Draft,
    proposal: Draft,
    new_base: Draft,
    proposal_name: str = "proposal",
    new_base_name: str = "new base",
) -> MergeResult:
    """Carry ``proposal`` (written on ``old_base``) onto ``new_base``.

    The conflicts are the collisions: paragraphs both the new base and the proposal changed."""
    return merge_proposals(
        old_base, [(new_base_name, new_base), (proposal_name, proposal)], meta=proposal.meta
    )


# -- one base unit ----------------------------------------------------------------


def _resolve(
    i: int, base_flat: Flat, sides: list[_Side], builder: _Builder, moved: bool = False
) -> None:
    base_key = (_key(base_flat),)
    versions: dict[tuple[_Key, ...], list[str]] = {}
    texts: dict[tuple[_Key, ...], tuple[Flat, ...]] = {}
    for side in sides:
        units = side.replaced.get(i, (base_flat,))
        key = tuple(_key(flat) for flat in units)
        if key != base_key:
            versions.setdefault(key, []).append(side.name)
            texts[key] = units
    if not versions:
        movers = tuple(side.name for side in sides if i in side.moved)
        builder.add(base_flat, _record(base_flat, "moved", movers) if moved else None)
        return
    if len(versions) == 1:
        key, by = next(iter(versions.items()))
        _take(base_flat, texts[key], tuple(by), builder)
        return
    alternatives = tuple(_alternative(texts[key], tuple(by)) for key, by in versions.items())
    merged = _bracketed(base_flat, alternatives)
    builder.add(merged, MergedParagraph("", base_flat.label, "conflict", (), alternatives))


_Key = tuple[int, tuple[str, ...]]


def _key(flat: Flat) -> _Key:
    """A unit moved to another level (a paragraph made a sub-paragraph) is changed."""
    return flat.depth, content_key(flat.unit)


def _record(base_flat: Flat, status: str, by: tuple[str, ...]) -> MergedParagraph:
    return MergedParagraph("", base_flat.label, status, by)


def _take(base_flat: Flat, units: tuple[Flat, ...], by: tuple[str, ...], builder: _Builder) -> None:
    if not units:
        builder.deleted.append(_record(base_flat, "deleted", by))
        return
    for k, flat in enumerate(units):
        status = "changed" if k == 0 else "inserted"
        builder.add(
            flat,
            _record(base_flat, status, by) if k == 0 else MergedParagraph("", "", status, by),
        )


def _alternative(units: tuple[Flat, ...], by: tuple[str, ...]) -> Alternative:
    if not units:
        return Alternative(by, "", deleted=True)
    return Alternative(by, " ".join(flat.unit.text for flat in units))


def bracket_text(alternatives: Sequence[Alternative]) -> str:
    """``[EU: text / G77: delete]``: the UN convention for text not yet agreed."""
    parts = [f"{'/'.join(alt.by)}: {DELETE if alt.deleted else alt.text}" for alt in alternatives]
    return "[" + " / ".join(parts) + "]"


def _bracketed(base_flat: Flat, alternatives: Sequence[Alternative]) -> Flat:
    text = bracket_text(alternatives)
    unit: Unit = base_flat.unit
    if isinstance(unit, Footnote):
        return replace(base_flat, unit=replace(unit, text=text))
    return replace(base_flat, unit=replace(unit, text=text, opening=""))


# -- the output -------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.flats: list[Flat] = []
        self.records: list[MergedParagraph | None] = []
        self.deleted: list[MergedParagraph] = []
        self.dropped: set[int] = set()

    def add(self, flat: Flat, record: MergedParagraph | None) -> None:
        self.flats.append(flat)
        self.records.append(record)

    def replace(self, index: int, flat: Flat, record: MergedParagraph | None) -> None:
        """Rewrite a unit already placed (another proposal inserted the same paragraph)."""
        self.flats[index] = flat
        self.records[index] = record

    def drop(self, index: int) -> None:
        """Leave out a unit placed twice (the same text from two proposals)."""
        self.dropped.add(index)

    def finish(self, meta: Meta, names: tuple[str, ...]) -> MergeResult:
        units = self._placeable()
        draft = rebuild([flat for flat, _ in units], meta)
        labels = [flat.label for flat in flatten(draft)]
        out = []
        for label, (_, record) in zip(labels, units, strict=True):
            if record is not None:
                out.append(replace(record, label=label))
        return MergeResult(draft, tuple(out + self.deleted), names)

    def _placeable(self) -> list[tuple[Flat, MergedParagraph | None]]:
        """The units in the order the tree will hold them: a footnote that comes before
        every paragraph goes with the first one; with no paragraph left at all, it
        has nowhere to go and is left out."""
        out: list[tuple[Flat, MergedParagraph | None]] = []
        leading: list[tuple[Flat, MergedParagraph | None]] = []
        seen_paragraph = False
        for index, (flat, record) in enumerate(zip(self.flats, self.records, strict=True)):
            if index in self.dropped:
                continue
            if isinstance(flat.unit, Footnote) and not seen_paragraph:
                leading.append((flat, record))
                continue
            out.append((flat, record))
            if not seen_paragraph:
                seen_paragraph = True
                out.extend(leading)
        return out
