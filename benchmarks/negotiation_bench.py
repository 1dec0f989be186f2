"""Negotiation tracking on a report-sized rolling text: status, clean, blame, history.

    python benchmarks/negotiation_bench.py [--seed tests/data/seed/ccpcj-20th-session-chapter-1.txt]
                                           [--versions 10] [--repeat 5]

The seed report (18 drafts, ~490 paragraphs) is read once and turned into a
compilation text by adding markup the way rolling texts carry it: a bracketed
passage with proponent tags in two paragraphs of three, alternatives in one of
seven, a status marker in one of five. Then ``--versions`` versions resolve the
brackets step by step (each one agrees about a tenth of the open paragraphs).

Figures are ratios against references measured in the same run:
- status and clean of one version against ``canonical.parse`` of its text (reading it);
- blame, ``--words`` and history over all versions against the plain
  ``diff_drafts`` of the same pairs of versions (what following adds to diffing).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from redraft import canonical
from redraft.diff.engine import diff_drafts
from redraft.model import Draft, Kind, Paragraph
from redraft.negotiation.blame import blame, blame_words
from redraft.negotiation.clean import clean_draft
from redraft.negotiation.history import paragraph_history
from redraft.negotiation.lineage import build_lineage
from redraft.negotiation.status import draft_status
from redraft.readers.text import read_text

#: The seed report, as the repository carries it (tests/data/seed, copied from ../shared/seed).
DEFAULT_SEED = (
    Path(__file__).resolve().parents[1] / "tests/data/seed/ccpcj-20th-session-chapter-1.txt"
)
DELEGATIONS = ("US", "EU", "G77", "Japan", "Canada", "Russian Federation", "Norway")


@dataclass(frozen=True)
class V:
    number: int
    by: str
    date: str = ""
    symbol: str = ""


def _marked(block: Paragraph, index: int, agreed: bool) -> str:
    words = block.text.split()
    if len(words) < 6 or index % 3 == 0:
        text = block.text
    else:
        cut = len(words) // 2
        who = DELEGATIONS[index % len(DELEGATIONS)]
        other = DELEGATIONS[(index + 3) % len(DELEGATIONS)]
        passage = " ".join(words[cut : cut + 3])
        if index % 7 == 0:
            passage = f"{passage} - {who} / {' '.join(words[cut : cut + 2])} - {other}"
        else:
            passage = f"{passage} - {who}; {other} delete"
        text = " ".join([*words[:cut], f"[{passage}]", *words[cut + 3 :]])
    if agreed:
        return text + " [Agreed ad ref]"
    return text + (" [pending]" if index % 5 == 0 else "")


def compilation(draft: Draft, agreed_share: float) -> Draft:
    """The draft with markup; the first ``agreed_share`` of marked paragraphs agreed."""
    counted = [b for b in draft.walk() if b.kind in (Kind.PREAMBULAR, Kind.OPERATIVE, Kind.TEXT)]
    agreed_until = int(len(counted) * agreed_share)
    order = {id(b): i for i, b in enumerate(counted)}

    def mark(block: Paragraph) -> Paragraph:
        children = tuple(mark(c) for c in block.children)
        index = order.get(id(block))
        if index is None:
            return replace(block, children=children)
        text = _marked(block, index, agreed=index < agreed_until)
        opening = block.opening if text.startswith(block.opening) else ""
        return replace(block, text=text, opening=opening, children=children)

    return replace(draft, blocks=tuple(mark(b) for b in draft.blocks))


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--versions", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    base, _ = read_text(args.seed.read_text(encoding="utf-8"))
    history = []
    for n in range(1, args.versions + 1):
        share = (n - 1) / max(1, args.versions - 1)
        draft = canonical.parse(canonical.render(compilation(base, share)))
        history.append((V(n, DELEGATIONS[n % len(DELEGATIONS)]), draft))
    first = history[0][1]
    text = canonical.render(first)
    status = draft_status(first)
    t = status.totals
    print(
        f"rolling text: {len(text) / 1024:.0f} KB, {t.paragraphs} paragraphs, "
        f"{t.brackets} brackets, {args.versions} versions"
    )
    print(
        f"  status of version 1: {t.agreed} agreed, {t.open} open, "
        f"{t.proposed_deletion} proposed for deletion, {len(status.problems)} problems"
    )

    read = best(lambda: canonical.parse(text), args.repeat)
    rows = [
        ("canonical.parse (reference)", read, read),
        ("status", best(lambda: draft_status(first), args.repeat), read),
        ("clean --keep-open", best(lambda: clean_draft(first, keep_open=True), args.repeat), read),
    ]
    drafts = [d for _, d in history]
    pairs = list(zip(drafts, drafts[1:], strict=False))
    diffs = best(lambda: [diff_drafts(a, b) for a, b in pairs], 1)
    label = next(b.label for b in drafts[-1].walk() if b.kind is Kind.OPERATIVE)
    lineage = build_lineage("bench", history)
    rows += [
        (f"diff of {len(drafts) - 1} pairs (reference)", diffs, diffs),
        ("lineage (diffs + label rule)", best(lambda: build_lineage("bench", history), 1), diffs),
        ("blame over the lineage", best(lambda: blame(lineage), args.repeat), diffs),
        (
            f"blame --passages {label}",
            best(lambda: blame_words(lineage, label), args.repeat),
            diffs,
        ),
        (f"history {label}", best(lambda: paragraph_history(lineage, label), args.repeat), diffs),
    ]
    print(f"{'operation':<34} {'best ms':>9} {'ratio':>7}")
    for name, seconds, reference in rows:
        print(f"{name:<34} {seconds * 1000:9.1f} {seconds / reference:7.2f}")
    progress = [draft_status(d).totals.share_agreed for d in drafts]
    print(
        "share agreed by version:",
        " ".join(f"{s:.0%}" for s in progress),
        f"(median {statistics.median(progress):.0%})",
    )


if __name__ == "__main__":
    main()
