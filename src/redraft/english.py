"""Counting in English: "1 draft", "2 drafts", "1 contains brackets", "3 contain brackets"."""

from __future__ import annotations

#: Irregular plurals of the nouns redraft counts.
_IRREGULAR = {"was": "were", "is": "are", "has": "have", "contains": "contain"}


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``count`` and the noun (or verb) agreeing with it: ``plural(1, "draft")`` is
    "1 draft", ``plural(2, "draft")`` "2 drafts", ``plural(3, "contains")`` "3 contain"."""
    return f"{count:,} {noun(count, singular, many)}"


def noun(count: int, singular: str, many: str | None = None) -> str:
    """The word alone, agreeing with ``count``: ``noun(2, "paragraph")`` is "paragraphs"."""
    if count == 1:
        return singular
    if many is not None:
        return many
    if singular in _IRREGULAR:
        return _IRREGULAR[singular]
    if singular.endswith(("s", "x", "ch", "sh")):
        return singular + "es"
    return singular + "s"
