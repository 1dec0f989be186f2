"""Sequence algorithms of the alignment: candidate pairs for large gaps, the best
in-order choice among them, longest increasing subsequence, longest common subsequence.

Comparing every old unit with every new one is fine for the gaps of a real
revision (a few paragraphs), not for two drafts with nothing in common (600 x 600
units). There, only pairs that share a word among the rarest words of one of them
are scored (prefix filtering: two bags that overlap by a share ``threshold`` of the
smaller must share one of its ``size - ceil(threshold * size) + 1`` rarest words),
and the in-order pairing with the greatest total score is found among those in
O(k log k) instead of a full table.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence


def candidate_pairs(
    old: Mapping[int, Counter[str]], new: Mapping[int, Counter[str]], threshold: float
) -> set[tuple[int, int]]:
    """(old, new) index pairs that may share ``threshold`` of the smaller bag's words."""
    frequency: Counter[str] = Counter()
    for bag in (*old.values(), *new.values()):
        frequency.update(bag.keys())

    def rarest(bag: Counter[str]) -> list[str]:
        words = sorted(bag, key=lambda word: (frequency[word], word))
        keep = len(words) - math.ceil(threshold * len(words)) + 1
        return words[: max(keep, 1)]

    old_index, new_index = _index(old), _index(new)
    pairs: set[tuple[int, int]] = set()
    for i, bag in old.items():
        for word in rarest(bag):
            pairs.update((i, j) for j in new_index.get(word, ()))
    for j, bag in new.items():
        for word in rarest(bag):
            pairs.update((i, j) for i in old_index.get(word, ()))
    return pairs


def _index(bags: Mapping[int, Counter[str]]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for key, bag in bags.items():
        for word in bag:
            index[word].append(key)
    return index


def best_in_order(
    pairs: Iterable[tuple[int, int]], score: Callable[[int, int], float]
) -> list[tuple[int, int]]:
    """Pairs increasing in both indices with the greatest total score (each old and new
    index used once): a weighted longest increasing subsequence over a Fenwick tree."""
    scored = sorted((i, j, score(i, j)) for i, j in pairs)
    columns = sorted({j for _, j, _ in scored})
    tree = _MaxTree(len(columns))
    back: list[int] = []
    totals: list[float] = []
    start = 0
    while start < len(scored):  # one old index at a time: its pairs must not chain
        end = start
        while end < len(scored) and scored[end][0] == scored[start][0]:
            end += 1
        updates = []
        for k in range(start, end):
            _, j, weight = scored[k]
            column = bisect.bisect_left(columns, j)
            best, before = tree.query(column)  # best chain ending left of this column
            totals.append(best + weight)
            back.append(before)
            updates.append((column, best + weight, k))
        for column, total, k in updates:
            tree.update(column, total, k)
        start = end
    _, last = tree.query(len(columns))
    chain = []
    while last >= 0:
        chain.append((scored[last][0], scored[last][1]))
        last = back[last]
    return chain[::-1]


class _MaxTree:
    """Prefix maximum (value, item) over columns 0..n-1."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.values = [0.0] * (size + 1)
        self.items = [-1] * (size + 1)

    def update(self, column: int, value: float, item: int) -> None:
        position = column + 1
        while position <= self.size:
            if value > self.values[position]:
                self.values[position], self.items[position] = value, item
            position += position & -position

    def query(self, columns: int) -> tuple[float, int]:
        """Best over columns < ``columns``."""
        best, item = 0.0, -1
        position = columns
        while position > 0:
            if self.values[position] > best:
                best, item = self.values[position], self.items[position]
            position -= position & -position
        return best, item


def longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of ``pairs`` (sorted by first item) increasing in the second."""
    tails: list[int] = []  # tails[k]: smallest second value ending an increasing run of k+1
    tail_index: list[int] = []
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[k] = j
            tail_index[k] = index
        back.append(tail_index[k - 1] if k else -1)
    out = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        out.append(pairs[index])
        index = back[index]
    return out[::-1]


def lcs_pairs(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence of two sequences (a full table)."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = table[i], table[i + 1]
        for j in range(m - 1, -1, -1):
            row[j] = below[j + 1] + 1 if a[i] == b[j] else max(below[j], row[j + 1])
    pairs = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def myers_pairs(a: Sequence[str], b: Sequence[str], max_edits: int) -> list[tuple[int, int]] | None:
    """Index pairs of a longest common subsequence by Myers' O((n + m) D) algorithm
    (D: the number of insertions and deletions, as git's diff), or None when D exceeds
    ``max_edits``. For long sequences that differ little, such as a text made of many
    near-copies of one draft where no paragraph is unique, it pairs each copy with its
    counterpart at a fraction of the cost of the full table."""
    ids: dict[str, int] = {}
    x_seq = [ids.setdefault(key, len(ids)) for key in a]
    y_seq = [ids.setdefault(key, len(ids)) for key in b]
    n, m = len(x_seq), len(y_seq)
    offset = max_edits + 1
    reach = [0] * (2 * max_edits + 3)  # furthest x on diagonal k, at reach[k + offset]
    trace: list[list[int]] = []
    for d in range(max_edits + 1):
        for k in range(-d, d + 1, 2):
            down = k == -d or (k != d and reach[k - 1 + offset] < reach[k + 1 + offset])
            x = reach[k + 1 + offset] if down else reach[k - 1 + offset] + 1
            y = x - k
            while x < n and y < m and x_seq[x] == y_seq[y]:
                x += 1
                y += 1
            reach[k + offset] = x
            if x >= n and y >= m:
                trace.append(reach[offset - d : offset + d + 1])
                return _myers_path(trace, n, m)
        trace.append(reach[offset - d : offset + d + 1])
    return None


def _myers_path(trace: list[list[int]], n: int, m: int) -> list[tuple[int, int]]:
    """The matched pairs of the edit path :func:`myers_pairs` found, walked back from the
    end: ``trace[d][k + d]`` is the furthest x on diagonal k after d edits."""
    pairs: list[tuple[int, int]] = []
    x, y = n, m
    for d in range(len(trace) - 1, 0, -1):
        before = trace[d - 1]
        k = x - y
        down = k == -d or (k != d and before[k - 1 + d - 1] < before[k + 1 + d - 1])
        prev_k = k + 1 if down else k - 1
        prev_x = before[prev_k + d - 1]
        prev_y = prev_x - prev_k
        start_x = prev_x if down else prev_x + 1
        while x > start_x:
            x, y = x - 1, y - 1
            pairs.append((x, y))
        x, y = prev_x, prev_y
    while x > 0 and y > 0:
        x, y = x - 1, y - 1
        pairs.append((x, y))
    return pairs[::-1]
