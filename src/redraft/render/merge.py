"""Text, Markdown and JSON forms of the merge results (schemas in docs/json.md).

Plain strings, no rich: these outputs go to files and pipes as often as to a terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..english import plural

if TYPE_CHECKING:
    from ..merge.consolidate import Consolidation
    from ..merge.overlap import OverlapResult
    from ..merge.threeway import MergeResult

OVERLAP_SCHEMA = "redraft.overlap/1"
MERGE_SCHEMA = "redraft.merge/1"
CONSOLIDATION_SCHEMA = "redraft.consolidation/1"


# -- overlap ---------------------------------------------------------------------


def overlap_json(result: OverlapResult) -> dict[str, Any]:
    return {
        "schema": OVERLAP_SCHEMA,
        "drafts": list(result.drafts),
        "boilerplate_min": result.boilerplate_min,
        "pairs": [
            {
                "a": pair.a,
                "b": pair.b,
                "score": pair.score,
                "shared": [
                    {"a": s.a_label, "b": s.b_label, "similarity": s.similarity}
                    for s in pair.shared
                ],
            }
            for pair in result.pairs
        ],
        "boilerplate": [{"text": b.text, "drafts": list(b.drafts)} for b in result.boilerplate],
    }


def overlap_text(result: OverlapResult) -> str:
    lines = [
        f"{plural(len(result.drafts), 'draft')}, {plural(len(result.pairs), 'overlapping pair')}"
    ]
    for pair in result.pairs:
        lines.append("")
        lines.append(f"{pair.score:.2f}  {pair.a}  ~  {pair.b}")
        for shared in pair.shared:
            lines.append(f"      {shared.a_label} ~ {shared.b_label}  {shared.similarity:.2f}")
    if result.boilerplate:
        lines.append("")
        lines.append(f"Boilerplate (in {result.boilerplate_min} drafts or more, not counted):")
        for item in result.boilerplate:
            lines.append(f"  {len(item.drafts):3d} drafts  {_clip(item.text, 90)}")
    return "\n".join(lines) + "\n"


def overlap_markdown(result: OverlapResult) -> str:
    lines = ["# Overlapping drafts", "", "| score | draft A | draft B | shared paragraphs |"]
    lines.append("|---:|---|---|---|")
    for pair in result.pairs:
        shared = ", ".join(f"{s.a_label} ≈ {s.b_label} ({s.similarity:.2f})" for s in pair.shared)
        lines.append(f"| {pair.score:.2f} | {pair.a} | {pair.b} | {shared} |")
    if result.boilerplate:
        lines += ["", "## Boilerplate", "", "| drafts | text |", "|---:|---|"]
        for item in result.boilerplate:
            cell = _clip(item.text, 120).replace("|", "\\|")
            lines.append(f"| {len(item.drafts)} | {cell} |")
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# -- three-way merge, compile, rebase ----------------------------------------------


def merge_json(result: MergeResult, text: str) -> dict[str, Any]:
    return {
        "schema": MERGE_SCHEMA,
        "names": list(result.names),
        "clean": result.clean,
        "conflicts": len(result.conflicts),
        "paragraphs": [
            {
                "label": p.label,
                "base": p.base,
                "status": p.status,
                "by": list(p.by),
                "alternatives": [
                    {"by": list(a.by), "text": a.text, "deleted": a.deleted} for a in p.alternatives
                ],
            }
            for p in result.paragraphs
        ],
        "text": text,
    }


def merge_summary(result: MergeResult) -> str:
    """One line for stderr: what happened, so stdout can stay the draft itself."""
    counts: dict[str, int] = {}
    for paragraph in result.paragraphs:
        counts[paragraph.status] = counts.get(paragraph.status, 0) + 1
    parts = [f"{n} {status}" for status, n in sorted(counts.items())] or ["no changes"]
    verdict = "clean" if result.clean else f"{len(result.conflicts)} in brackets"
    return f"merged {' + '.join(result.names)}: {', '.join(parts)} ({verdict})"


def conflict_lines(result: MergeResult, word: str = "conflict") -> list[str]:
    return [f"{word}: {p.label or p.base} (base {p.base or '-'})" for p in result.conflicts]


# -- consolidation -----------------------------------------------------------------


def consolidation_json(result: Consolidation, text: str) -> dict[str, Any]:
    return {
        "schema": CONSOLIDATION_SCHEMA,
        "a": result.a_name,
        "b": result.b_name,
        "provenance": [
            {"label": row.label, "a": row.a_label, "b": row.b_label, "how": row.how}
            for row in result.provenance
        ],
        "words": {
            "a": result.words_a,
            "b": result.words_b,
            "merged": result.words_merged,
            "saved": result.saved,
            "saved_settled": result.saved_settled,
        },
        "text": text,
    }


def consolidation_text(result: Consolidation) -> str:
    lines = [f"Provenance ({result.a_name} = A, {result.b_name} = B):"]
    for row in result.provenance:
        a_label, b_label = row.a_label or "-", row.b_label or "-"
        lines.append(f"  {row.label:10} {row.how:13} A {a_label:10} B {b_label}")
    lines.append(
        f"Words: A {result.words_a} + B {result.words_b} = {result.words_a + result.words_b}; "
        f"merged {result.words_merged}; saved {result.saved} "
        f"({result.saved_settled} once the alternatives are settled)"
    )
    return "\n".join(lines) + "\n"
