"""One draft out of two (``redraft merge-drafts A B``): the first step of a merger.

The proposal follows draft A's order, preambular paragraphs first, then the operative
part. A paragraph of B is matched with the closest paragraph of A in the same part:

* the same words: kept once;
* near-identical (similarity >= ``NEAR``): both wordings as bracketed alternatives with
  their source, ``[alt A (draft II): ... / alt B (20/1): ...]``;
* no match: B's paragraph goes right after the paragraph that precedes it in B (when
  that one has a place), else before the first paragraph both share, else at the end.

Everything is renumbered; a provenance table says where each paragraph came from,
and the word counts (the project's rule, :mod:`redraft.words`) show what the merger
saves against the two drafts separately.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..labels import assign_labels
from ..model import Draft, Kind, Meta, Paragraph
from ..words import count_text_words, count_words
from .overlap import similarity, words_of
from .tree import renumber

NEAR = 0.5  # below this two paragraphs are different paragraphs, not two wordings

_FRONT = (Kind.DOC_HEADING, Kind.TITLE, Kind.FORMULA)


@dataclass(frozen=True)
class Provenance:
    label: str  # in the consolidated draft
    a_label: str  # "" when the paragraph is B's only
    b_label: str  # "" when the paragraph is A's only
    how: str  # "identical" | "alternatives" | "A only" | "B only"


@dataclass(frozen=True)
class Consolidation:
    draft: Draft
    provenance: tuple[Provenance, ...]
    a_name: str
    b_name: str
    words_a: int
    words_b: int
    words_merged: int
    saved: int  # words of A and B taken separately, minus the consolidated draft
    saved_settled: int  # the same once every alternative is settled on A's wording


@dataclass(frozen=True)
class _Placed:
    block: Paragraph
    a_label: str
    b_label: str
    how: str
    extra_words: int = 0  # words the alternative adds until it is settled


def consolidate(a: tuple[str, Draft], b: tuple[str, Draft]) -> Consolidation:
    """Propose one draft out of ``a`` and ``b`` (each a name and a draft)."""
    (a_name, a_draft), (b_name, b_draft) = a, b
    placed = _front(a, b)
    for part in (_is_preamble, _is_operative):
        a_blocks = [blk for blk in a_draft.blocks if part(blk)]
        b_blocks = [blk for blk in b_draft.blocks if part(blk)]
        placed += _merge_part(a_blocks, b_blocks, a_name, b_name)
    meta = _meta(a_draft.meta, b_draft.meta)
    blocks = assign_labels(renumber(tuple(p.block for p in placed)))
    draft = Draft(meta=meta, blocks=blocks)
    rows = tuple(
        Provenance(block.label, p.a_label, p.b_label, p.how)
        for block, p in zip(blocks, placed, strict=True)
    )
    words_a, words_b, merged = count_words(a_draft), count_words(b_draft), count_words(draft)
    extra = sum(p.extra_words for p in placed)
    saved = words_a + words_b - merged
    return Consolidation(
        draft, rows, a_name, b_name, words_a, words_b, merged, saved, saved + extra
    )


def _is_preamble(block: Paragraph) -> bool:
    return block.kind is Kind.PREAMBULAR


def _is_operative(block: Paragraph) -> bool:
    return block.kind not in _FRONT and block.kind is not Kind.PREAMBULAR


def _meta(a: Meta, b: Meta) -> Meta:
    sponsors = tuple(dict.fromkeys(a.sponsors + b.sponsors))
    return Meta(organ=a.organ, language=a.language, doc_type=a.doc_type, sponsors=sponsors)


def _front(a: tuple[str, Draft], b: tuple[str, Draft]) -> list[_Placed]:
    """A's heading, title and formula; B's title as an alternative when it is a
    different wording of the same title (a different title is a different subject)."""
    out = []
    for kind in _FRONT:
        mine = next((blk for blk in a[1].blocks if blk.kind is kind), None)
        theirs = next((blk for blk in b[1].blocks if blk.kind is kind), None)
        if mine is None:
            continue
        if kind is Kind.TITLE and theirs is not None and _is_rewording(mine, theirs):
            out.append(_alternatives(mine, theirs, a[0], b[0]))
        elif theirs is not None and words_of(theirs.text) == words_of(mine.text):
            out.append(_Placed(mine, mine.label, theirs.label, "identical"))
        else:
            out.append(_Placed(mine, mine.label, "", "A only"))
    return out


def _is_rewording(a: Paragraph, b: Paragraph) -> bool:
    a_words, b_words = words_of(a.text), words_of(b.text)
    return a_words != b_words and similarity(a_words, b_words) >= NEAR


def _whole_words(block: Paragraph) -> list[str]:
    return [w for p in block.walk() for w in words_of(p.text)]


def _match(a_blocks: Sequence[Paragraph], b_blocks: Sequence[Paragraph]) -> dict[int, int]:
    """B index -> A index, closest pairs first, each paragraph used once."""
    a_words = [_whole_words(blk) for blk in a_blocks]
    b_words = [_whole_words(blk) for blk in b_blocks]
    a_sets = [set(w) for w in a_words]
    scored = []
    for j, words in enumerate(b_words):
        vocab = set(words)
        for i, other in enumerate(a_words):
            # a cheap vocabulary test first: most pairs share little
            common = len(vocab & a_sets[i])
            if common < NEAR * min(len(vocab), len(a_sets[i])):
                continue
            score = similarity(other, words)
            if score >= NEAR:
                scored.append((score, i, j))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if j not in matched and i not in used:
            matched[j] = i
            used.add(i)
    return matched


def _merge_part(
    a_blocks: Sequence[Paragraph], b_blocks: Sequence[Paragraph], a_name: str, b_name: str
) -> list[_Placed]:
    matched = _match(a_blocks, b_blocks)
    by_a = {i: j for j, i in matched.items()}
    slots: dict[int, list[int]] = defaultdict(list)  # A index to follow (-1: start) -> B indexes
    anchor: int | None = None
    pending: list[int] = []  # B-only paragraphs before any matched one
    for j in range(len(b_blocks)):
        if j in matched:
            if anchor is None and pending:
                slots[matched[j] - 1].extend(pending)
                pending = []
            anchor = matched[j]
        elif anchor is None:
            pending.append(j)
        else:
            slots[anchor].append(j)
    slots[len(a_blocks) - 1].extend(pending)  # nothing shared: B after A
    _before_closing(a_blocks, b_blocks, slots)
    out = [_Placed(b_blocks[j], "", b_blocks[j].label, "B only") for j in slots[-1]]
    for i, block in enumerate(a_blocks):
        if i in by_a:
            out.append(_combined(block, b_blocks[by_a[i]], a_name, b_name))
        else:
            out.append(_Placed(block, block.label, "", "A only"))
        out += [_Placed(b_blocks[j], "", b_blocks[j].label, "B only") for j in slots[i]]
    return out


#: Paragraphs that close a resolution by custom: the request for a report, the item on
#: the agenda of a future session, "remains seized of the matter".
_CLOSING = re.compile(
    r"^(?:(?:Also |Further )?[Rr]equests the (?:Secretary-General|Executive Director)\b.*"
    r"\b(?:report|submit)|Decides (?:to include|to remain seized|to continue its consideration)"
    r"|Decides that the .* shall remain)"
)


def _is_closing(block: Paragraph) -> bool:
    return bool(_CLOSING.match(block.text))


def _before_closing(
    a_blocks: Sequence[Paragraph], b_blocks: Sequence[Paragraph], slots: dict[int, list[int]]
) -> None:
    """B's paragraphs bound for the very end go before A's closing run (the report
    request and the agenda item stay last), unless they close a resolution themselves."""
    end = len(a_blocks) - 1
    start = end
    while start >= 0 and _is_closing(a_blocks[start]):
        start -= 1
    if start == end or start < 0:
        return
    moving = [j for j in slots[end] if not _is_closing(b_blocks[j])]
    slots[end] = [j for j in slots[end] if _is_closing(b_blocks[j])]
    slots[start].extend(moving)


def _combined(a: Paragraph, b: Paragraph, a_name: str, b_name: str) -> _Placed:
    if _whole_words(a) == _whole_words(b):
        return _Placed(a, a.label, b.label, "identical")
    return _alternatives(a, b, a_name, b_name)


def _alternatives(a: Paragraph, b: Paragraph, a_name: str, b_name: str) -> _Placed:
    """Both wordings in brackets; B's sub-paragraphs that A lacks follow A's own."""
    text = f"[alt A ({a_name}): {a.text} / alt B ({b_name}): {b.text}]"
    have = {tuple(_whole_words(child)) for child in a.children}
    extra_children = tuple(c for c in b.children if tuple(_whole_words(c)) not in have)
    block = replace(a, text=text, opening="", children=a.children + extra_children)
    extra = count_text_words(text) - count_text_words(a.text)
    extra += sum(count_text_words(p.text) for c in extra_children for p in c.walk())
    return _Placed(block, a.label, b.label, "alternatives", extra)
