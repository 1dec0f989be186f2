"""The outline of a draft: its labels in short ranges ("PP1–PP5, OP1–OP6"), counts of
preambular and operative paragraphs, and lookup of one unit with an error that says
what the draft does have. Used by ``redraft show``, ``redraft split`` and the demo."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import NotFoundError
from .model import Draft, Footnote, Kind, Paragraph

_SERIES = re.compile(r"^(PP|OP|H|FN|P|T)(\d+)$")
_LETTERED = re.compile(r"^OP\(([a-z])\)$")  # decisions: OP(a)-OP(f)


@dataclass(frozen=True)
class Counts:
    """What a summary table shows of a draft."""

    preambular: int
    operative: int  # top-level operative paragraphs
    words: int


def counts(draft: Draft) -> Counts:
    """Paragraph counts, and words by the one word rule of ``redraft stats``."""
    from .words import count_words

    return Counts(len(draft.preambular()), len(draft.operative()), count_words(draft))


def label_ranges(draft: Draft) -> str:
    """Top-level labels with runs collapsed: "PP1–PP7, OP1–OP21, H1–H5"; sub-paragraphs
    and footnotes are left out (they are found by their parent's label)."""
    runs: dict[str, list[int]] = {}
    others: list[str] = []
    for block in draft.blocks:
        match = _SERIES.match(block.label)
        lettered = _LETTERED.match(block.label)
        if match:
            runs.setdefault(match.group(1), []).append(int(match.group(2)))
        elif lettered:
            runs.setdefault("OP()", []).append(ord(lettered.group(1)) - 96)
        elif block.kind in (Kind.OPERATIVE, Kind.PREAMBULAR):
            others.append(block.label)
    parts = []
    for prefix, numbers in runs.items():
        parts.extend(_collapse(prefix, numbers))
    return ", ".join(parts + others)


def _collapse(prefix: str, numbers: list[int]) -> list[str]:
    def name(n: int) -> str:
        return f"OP({chr(n + 96)})" if prefix == "OP()" else f"{prefix}{n}"

    out: list[str] = []
    start = prev = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == prev + 1:
            prev = number
            continue
        out.append(name(start) if start == prev else f"{name(start)}–{name(prev)}")
        if number is not None:
            start = prev = number
    return out


def find_unit(draft: Draft, label: str, name: str = "the draft") -> Paragraph | Footnote:
    """The unit labelled ``label`` (case and spaces ignored), or a NotFoundError that
    lists what ``name`` has: "no paragraph OP99 in X (it has PP1–PP5, OP1–OP6)"."""
    unit = draft.find(label) if label.strip() else None
    if unit is None:
        label = label.strip() or "''"
        have = label_ranges(draft) or "no labelled paragraphs"
        raise NotFoundError(f"no paragraph {label} in {name} (it has {have})")
    return unit
