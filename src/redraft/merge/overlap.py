"""Which drafts cover the same ground: an index over paragraphs, not a diff of every pair.

Every paragraph is cut into word shingles (three consecutive words). A shingle used by
many drafts (``boilerplate_min`` or more) is standard language: it never makes two
drafts overlap. A paragraph made mostly of such shingles is *boilerplate*
("Invites Member States and other donors to provide extrabudgetary resources..."),
reported apart. Every other shingle goes into an inverted index; paragraphs of
different drafts that share enough rare shingles are candidates, and only candidates
are compared word by word. Rare shingles have short posting lists, so the cost grows
with the number of paragraphs, not with its square (benchmarks/overlap_bench.py).
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, combinations, compress, filterfalse, islice, repeat
from operator import add, and_, ge
from typing import Any

from ..jobs import NO_STEPS, Steps, parallel_map
from ..model import SUPERSCRIPT_DIGITS, Draft, Kind, Paragraph, strip_footnote_refs

SHINGLE = 3  # words per shingle
MIN_WORDS = 6  # shorter paragraphs ("Evaluation and oversight.") say too little to match
BOILERPLATE_SHARE = 0.5  # share of common shingles that makes a paragraph boilerplate
MIN_SIMILARITY = 0.5  # word-level similarity for two paragraphs to count as shared
POSTING_CAP = 64  # a longer posting list is standard language under any threshold
_CANDIDATE_CONTAINMENT = 0.25  # rare shingles shared / rare shingles of the smaller one
_LEADER_JACCARD = 0.3  # boilerplate paragraphs this close are one formula
_MIN_SKETCH_HITS = 2
_SKETCH = 16  # MinHash values kept per paragraph to find its candidates and group

#: Kinds whose text is compared: the title says what a draft is about; headings,
#: formulas, tables and footnotes are the same everywhere.
COMPARED_KINDS = frozenset({Kind.TITLE, Kind.PREAMBULAR, Kind.OPERATIVE, Kind.TEXT})

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SharedParagraph:
    a_label: str
    b_label: str
    similarity: float  # share of words the two paragraphs have in common, 0..1


@dataclass(frozen=True)
class PairOverlap:
    a: str
    b: str
    score: float  # share of the smaller draft's own (non-boilerplate) words found in the other
    shared: tuple[SharedParagraph, ...]


@dataclass(frozen=True)
class Boilerplate:
    text: str  # the most common wording
    drafts: tuple[str, ...]


@dataclass(frozen=True)
class OverlapResult:
    pairs: tuple[PairOverlap, ...]  # best first
    boilerplate: tuple[Boilerplate, ...]  # most widespread first
    drafts: tuple[str, ...] = ()
    boilerplate_min: int = 0


@dataclass
class _Para:
    """A compared paragraph. A session holds about a million shingles: they are kept as
    sorted arrays of 8-byte hashes (not sets of Python ints, seven times the memory);
    its words are counted, and read again only for the few paragraphs compared."""

    draft: int
    label: str
    text: str
    size: int  # words
    shingles: array[int]  # sorted, distinct
    rare: array[int] | None = None  # shingles used by fewer than boilerplate_min drafts


#: A compared paragraph as indexed: label, text, words, shingles (sorted, distinct).
IndexedParagraph = tuple[str, str, int, "array[int]"]
DraftIndex = list[IndexedParagraph]


def words_of(text: str) -> list[str]:
    """Lower-case words without footnote references: what similarity compares."""
    if "[^" in text or (not text.isascii() and _SUPERSCRIPT.search(text)):
        text = strip_footnote_refs(text)  # (looked for first: most paragraphs have none)
    return _WORD.findall(text.lower())


_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPT_DIGITS}]")


#: Each word's three parts of a shingle (:func:`_word_id`), one dict per part, so that
#: the three columns of a paragraph are looked up in C (``map``).
WordIds = tuple[dict[str, int], dict[str, int], dict[str, int]]


def _shingles(words: Sequence[str], ids: WordIds) -> array[int]:
    """Each run of SHINGLE words as a 64-bit number, sorted, each once. Never Python's
    ``hash`` of a string, which changes from run to run (PYTHONHASHSEED): the sketches,
    hence the candidates and the pairs found, would too. Words get a stable number
    ``n`` (``ids``, a cache for one run), and three numbers are mixed by multiplication:
    ``((a * _MIX_1 + b) * _MIX_2 + c) mod 2**64``, computed as the sum of the three
    products each word keeps ready (``n * _MIX_1 * _MIX_2``, ``n * _MIX_2``, ``n``,
    each mod 2**64): additions of small numbers instead of products of large ones, and
    all of them in C (``map`` over the three columns), not in a Python loop."""
    firsts, seconds, thirds = ids
    for word in set(words).difference(firsts):
        firsts[word], seconds[word], thirds[word] = _word_id(word)
    mixed = map(
        add,
        map(add, map(firsts.__getitem__, words), map(seconds.__getitem__, islice(words, 1, None))),
        map(thirds.__getitem__, islice(words, 2, None)),
    )
    return array("Q", sorted(set(map(and_, mixed, repeat(_MASK)))))


_MIX_1, _MIX_2, _MASK = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, (1 << 64) - 1


def _word_id(word: str) -> tuple[int, int, int]:
    """The word's stable number ``n``, as the three parts of a shingle it makes."""
    import hashlib

    digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()
    number = int.from_bytes(digest, "little") or 1
    return (number * _MIX_1 * _MIX_2) & _MASK, (number * _MIX_2) & _MASK, number


def compared_paragraphs(draft: Draft) -> Iterable[Paragraph]:
    return (p for p in draft.walk() if p.kind in COMPARED_KINDS)


def default_boilerplate_min(n_drafts: int) -> int:
    """Three drafts, or one in twenty in a large set: language that widespread is standard."""
    return max(3, round(n_drafts / 20))


def similarity(a_words: Sequence[str], b_words: Sequence[str]) -> float:
    """Share of words in common (2 * matched / total) in a minimal word-level diff."""
    vocab: dict[str, str] = {}
    return _token_similarity(_tokens(a_words, vocab), _tokens(b_words, vocab))


def _tokens(words: Iterable[str], vocab: dict[str, str]) -> str:
    """Each distinct word as one character (the C diff then compares words, not letters)."""
    words = list(words)
    for word in dict.fromkeys(words):  # new words numbered in order of first use
        if word not in vocab:
            vocab[word] = chr(0x10000 + len(vocab))
    return "".join(map(vocab.__getitem__, words))


def _token_similarity(a: str, b: str) -> float:
    from .. import dmp

    if not a and not b:
        return 1.0
    # timelimit=0: an exact diff, so the score is the same in both directions
    ops = dmp.diff(a, b, cleanup="No")
    matched: int = sum(length for op, length in ops if op == "=")
    return 2 * matched / (len(a) + len(b))


def find_overlaps(
    drafts: Sequence[tuple[str, Draft]],
    min_similarity: float = MIN_SIMILARITY,
    boilerplate_min: int | None = None,
    min_score: float = 0.0,
    limit: int | None = None,
    steps: Steps = NO_STEPS,
) -> OverlapResult:
    """Pairs of drafts that share paragraphs, best first, and the boilerplate set apart.
    The same drafts give the same result in every run. A pair is reported when its
    score (rounded to two decimals) is above 0 and at least ``min_score``; ``limit``
    keeps the best ``limit`` pairs. Drafts are indexed, and candidates compared, on the
    machine's cores."""
    with collector_paused():
        names = tuple(name for name, _ in drafts)
        indexes = index_drafts([draft for _, draft in drafts], steps)
        return _find_overlaps(
            names, indexes, min_similarity, boilerplate_min, min_score, limit, steps
        )


def find_indexed_overlaps(
    indexed: Sequence[tuple[str, DraftIndex]],
    min_similarity: float = MIN_SIMILARITY,
    boilerplate_min: int | None = None,
    min_score: float = 0.0,
    limit: int | None = None,
    steps: Steps = NO_STEPS,
) -> OverlapResult:
    """:func:`find_overlaps` of drafts already indexed (:func:`index_drafts`, or a cache
    of its results kept by the caller): the same result, without reading the drafts."""
    with collector_paused():
        names = tuple(name for name, _ in indexed)
        indexes = [index for _, index in indexed]
        return _find_overlaps(
            names, indexes, min_similarity, boilerplate_min, min_score, limit, steps
        )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the duration: indexing a session makes millions
    of objects, none in a cycle, and each collection of the oldest generation walked
    all of them (and every draft) again: a sixth of the time. Restored after."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _find_overlaps(
    names: tuple[str, ...],
    indexes: Sequence[DraftIndex],
    min_similarity: float,
    boilerplate_min: int | None,
    min_score: float,
    limit: int | None,
    steps: Steps,
) -> OverlapResult:
    threshold = boilerplate_min or default_boilerplate_min(len(names))
    paras = [_Para(draft, *indexed) for draft, index in enumerate(indexes) for indexed in index]
    common = _common_shingles(paras, threshold)
    is_boiler = [_keep_rare(p, common) for p in paras]
    candidates = _candidates(paras, is_boiler)
    matches = _score_candidates(paras, candidates, min_similarity, steps)
    pairs = tuple(
        pair
        for pair in _pair_overlaps(names, paras, is_boiler, matches)
        if pair.score > 0 and pair.score >= min_score
    )
    boiler = _boilerplate_groups(names, paras, is_boiler, threshold)
    return OverlapResult(pairs[:limit] if limit is not None else pairs, boiler, names, threshold)


#: What the worker processes read (forked, they see it without copies being sent).
_SHARED: list[Any] = []


def index_drafts(drafts: Sequence[Draft], steps: Steps = NO_STEPS) -> list[DraftIndex]:
    """Each draft's paragraphs long enough to compare, as (label, text, words,
    shingles), in the draft's order: all that the search reads of a draft. It depends
    on the draft's text alone, so a caller may keep it by the text's id."""
    _SHARED[:] = [list(drafts), word_ids()]  # the drafts, and word ids
    try:
        return parallel_map(_index_draft, range(len(drafts)), steps, "Indexing drafts")
    finally:
        _SHARED.clear()


def word_ids() -> WordIds:
    """An empty cache of word numbers for :func:`draft_index`, one per process."""
    return {}, {}, {}


def _index_draft(index: int) -> DraftIndex:
    drafts, ids = _SHARED  # ids: a cache of each process (the numbers do not depend on it)
    return draft_index(drafts[index], ids)


def draft_index(draft: Draft, ids: WordIds) -> DraftIndex:
    """One draft's entry of :func:`index_drafts` (``ids``: :func:`word_ids`, kept from
    one draft to the next; the numbers do not depend on it, only the time)."""
    kept = []
    for paragraph in compared_paragraphs(draft):
        words = words_of(paragraph.text)
        if len(words) >= MIN_WORDS:
            kept.append((paragraph.label, paragraph.text, len(words), _shingles(words, ids)))
    return kept


def _common_shingles(paras: list[_Para], threshold: int) -> set[int]:
    """Shingles used by at least ``threshold`` different drafts: each draft's distinct
    shingles counted once, in C (``Counter.update`` of a set). On the English session a
    Counter of the distinct shingles took a tenth more memory (44 MB at its peak instead
    of 39) than sorting every draft's shingles, and half the time."""
    counts: Counter[int] = Counter()
    mine: set[int] = set()
    for index, para in enumerate(paras):
        mine.update(para.shingles)
        if index + 1 == len(paras) or paras[index + 1].draft != para.draft:
            counts.update(mine)
            mine = set()
    return set(compress(counts.keys(), map(ge, counts.values(), repeat(threshold))))  # in C


def _keep_rare(para: _Para, common: set[int]) -> bool:
    """Keeps the paragraph's rare shingles (those not ``common``, in order) and says
    whether it is boilerplate: its common shingles, all the others (a paragraph's
    shingles are distinct), at least ``BOILERPLATE_SHARE`` of them. One pass over the
    shingles for both."""
    para.rare = array("Q", filterfalse(common.__contains__, para.shingles))
    shared = len(para.shingles) - len(para.rare)
    return shared >= BOILERPLATE_SHARE * len(para.shingles)


def _candidates(paras: list[_Para], is_boiler: list[bool]) -> set[tuple[int, int]]:
    """Paragraph pairs (of different drafts) that share a rare shingle's sketch value.

    Each paragraph is indexed under its ``_SKETCH`` smallest rare shingle hashes (a
    bottom-k MinHash): paragraphs that share much rare text almost always share one."""
    postings: dict[int, list[int]] = defaultdict(list)
    for pid, para in enumerate(paras):
        if not is_boiler[pid] and para.rare:
            # pid added to the postings of its smallest rare hashes (rare is sorted), the
            # loop run in C: a deque of length 0 consumes the map
            lists = map(postings.__getitem__, para.rare[:_SKETCH])
            deque(map(list.append, lists, repeat(pid)), 0)
    # each posting's pairs (pids in increasing order, each once) counted in one C call;
    # the pairs of one draft are counted too, and dropped with the pairs seen once
    shared = [posting for posting in postings.values() if 2 <= len(posting) <= POSTING_CAP]
    seen = Counter(chain.from_iterable(map(combinations, shared, repeat(2))))
    # one shared sketch value is chance; paragraphs that share text share several
    drafts = [para.draft for para in paras]
    return {
        (p, q)
        for (p, q), count in seen.items()
        if count >= _MIN_SKETCH_HITS and drafts[p] != drafts[q]
    }


def _score_candidates(
    paras: list[_Para],
    candidates: set[tuple[int, int]],
    min_similarity: float,
    steps: Steps = NO_STEPS,
) -> list[tuple[int, int, float]]:
    """Word-level similarity of the candidates worth comparing: (p, q, similarity)."""
    compared = []
    last, rare = -1, set()  # the rare shingles of p, made once for its run of candidates
    for p, q in sorted(candidates):
        if p != last:
            last, rare = p, set(paras[p].rare or ())
        count = len(rare.intersection(paras[q].rare or ()))
        smaller = min(len(paras[p].shingles), len(paras[q].shingles))
        if count < 2 or count < _CANDIDATE_CONTAINMENT * smaller:
            continue
        small, large = sorted((paras[p].size, paras[q].size))
        if 2 * small < min_similarity * (small + large):
            continue  # even with every word of the shorter one matched, too little
        compared.append((p, q))
    _SHARED[:] = [paras, compared, {}]
    size = 256
    chunks = [
        range(start, min(start + size, len(compared))) for start in range(0, len(compared), size)
    ]
    try:
        scores = parallel_map(_score_chunk, chunks, steps, "Comparing paragraphs", min_items=4)
    finally:
        _SHARED.clear()
    found = (score for chunk in scores for score in chunk)
    return [
        (p, q, score)
        for (p, q), score in zip(compared, found, strict=True)
        if score >= min_similarity
    ]


def _score_chunk(chunk: range) -> list[float]:
    paras, compared, tokens = _SHARED
    vocab = tokens.setdefault(None, {})  # one vocabulary per process: tokens compare within it
    scores = []
    for index in chunk:
        p, q = compared[index]
        for pid in (p, q):
            if pid not in tokens:  # made only for the few paragraphs that are compared
                tokens[pid] = _tokens(words_of(paras[pid].text), vocab)
        scores.append(_token_similarity(tokens[p], tokens[q]))
    return scores


def _pair_overlaps(
    names: tuple[str, ...],
    paras: list[_Para],
    is_boiler: list[bool],
    matches: list[tuple[int, int, float]],
) -> tuple[PairOverlap, ...]:
    own_words: Counter[int] = Counter()
    for pid, para in enumerate(paras):
        if not is_boiler[pid]:
            own_words[para.draft] += para.size
    by_pair: dict[tuple[int, int], list[tuple[int, int, float]]] = defaultdict(list)
    for p, q, score in matches:
        if paras[p].draft > paras[q].draft:
            p, q = q, p
        by_pair[(paras[p].draft, paras[q].draft)].append((p, q, score))
    pairs = []
    for (a, b), found in by_pair.items():
        chosen = _one_to_one(found)
        matched = sum(score * _mean_len(paras[p], paras[q]) for p, q, score in chosen)
        smaller = min(own_words[a], own_words[b]) or 1
        shared = tuple(
            SharedParagraph(paras[p].label, paras[q].label, round(score, 2))
            for p, q, score in chosen
        )
        pairs.append(PairOverlap(names[a], names[b], round(min(1.0, matched / smaller), 2), shared))
    pairs.sort(key=lambda pair: (-pair.score, -len(pair.shared), pair.a, pair.b))
    return tuple(pairs)


def _mean_len(a: _Para, b: _Para) -> float:
    return (a.size + b.size) / 2


def _one_to_one(found: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Best matches first, each paragraph used once; returned in the first draft's order."""
    used_p: set[int] = set()
    used_q: set[int] = set()
    chosen = []
    for p, q, score in sorted(found, key=lambda m: (-m[2], m[0], m[1])):
        if p not in used_p and q not in used_q:
            used_p.add(p)
            used_q.add(q)
            chosen.append((p, q, score))
    return sorted(chosen)


def _boilerplate_groups(
    names: tuple[str, ...], paras: list[_Para], is_boiler: list[bool], threshold: int
) -> tuple[Boilerplate, ...]:
    """Boilerplate paragraphs grouped by wording: each group is one formula.

    A paragraph joins the first group leader close enough to it. Leaders are found
    through their sketches (the smallest shingle hashes, a MinHash): two paragraphs
    this close almost always share one, so each paragraph meets few leaders."""
    leaders: list[int] = []
    members: dict[int, list[int]] = {}
    by_sketch: dict[int, list[int]] = defaultdict(list)
    # a fixed order (by wording) so that the groups do not depend on the order of the drafts
    ordered = sorted(
        (pid for pid in range(len(paras)) if is_boiler[pid]),
        key=lambda pid: (paras[pid].text, names[paras[pid].draft], paras[pid].label),
    )
    rank = {pid: k for k, pid in enumerate(ordered)}
    leader_shingles: dict[int, set[int]] = {}  # each leader is compared with many
    for pid in ordered:
        para = paras[pid]
        sketch = para.shingles[:_SKETCH]  # sorted: the smallest hashes
        # leaders in the order they were made, which does not depend on the drafts' order
        near = sorted(
            {lead for value in sketch for lead in by_sketch.get(value, ())}, key=rank.__getitem__
        )
        leader = next(
            (
                lead
                for lead in near
                if _jaccard(leader_shingles[lead], para.shingles) >= _LEADER_JACCARD
            ),
            None,
        )
        if leader is None:
            leaders.append(pid)
            leader_shingles[pid] = set(para.shingles)
            members[pid] = [pid]
            for value in sketch:
                by_sketch[value].append(pid)
        else:
            members[leader].append(pid)
    groups = []
    for group in members.values():
        drafts = sorted({paras[pid].draft for pid in group})
        if len(drafts) < threshold:
            continue
        texts = Counter(paras[pid].text for pid in group)
        text = min(texts, key=lambda t: (-texts[t], len(t), t))
        groups.append(Boilerplate(text, tuple(sorted(names[d] for d in drafts))))
    groups.sort(key=lambda g: (-len(g.drafts), g.text))
    return tuple(groups)


def _jaccard(a: set[int], b: array[int]) -> float:
    shared = len(a.intersection(b))
    union = len(a) + len(b) - shared
    return shared / union if union else 0.0
