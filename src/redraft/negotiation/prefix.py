"""Proponent prefixes: ``NAME: text`` at the start of a bracket's alternative.

``redraft merge`` and ``compile`` write a conflict as UN-style bracketed alternatives,
each attributed by a prefix: ``[EU: Urges States to act / G77: Encourages States to
act]``, ``[EU: delete / G77: ...]``. A colon also occurs in ordinary text ("[as
follows: ...]", "[Note: ...]"), so only lists of names pass (docs/negotiation.md).
"""

from __future__ import annotations

import re

#: One capitalised word of a delegation's name: "EU", "G77", "Côte", "d’Ivoire"...
NAME_WORD = r"[A-Z0-9][\w'’&/.\-]*"
MAX_NAME_WORDS = 6

#: A name and a colon at the start of an option: "EU: ", "EU/US: ", "G77, African Group: ".
PREFIX = re.compile(r"^\s*([^:\x00\[\]]{1,100}?):(?=\s|$)\s*")
#: One word and a colon: how every alternative of a merge conflict starts ("eu: ...");
#: as long as a draft name (``merge-drafts`` names alternatives after their drafts).
WORD_PREFIX = re.compile(r"^\s*[^\s:\x00\[\]]{1,100}:(?:\s|$)")
#: One name in a prefix: capitalised words joined by "of (the)" or "and" ("Republic of
#: Korea", "Democratic Republic of the Congo", "G77 and China"); no other lower-case word,
#: so "Requests the Secretary-General:" is text.
_PREFIX_NAME = re.compile(
    rf"^{NAME_WORD}(?:\s+(?:of\s+(?:the\s+)?|and\s+)?{NAME_WORD}){{0,{MAX_NAME_WORDS - 1}}}$"
)
#: Capitalised words that label a passage rather than name who proposed it.
_NOT_NAMES = frozenset(
    "note notes nb n.b. option options alt alternative alternatives text proposal proposals "
    "comment comments source sources example e.g. paragraph para paras footnote title "
    "chapter section article articles part annex reference ref see explanation rationale "
    "question original new old current previous proposed revised draft version rev "
    "agreed pending deleted status op pp".split()
)


def prefix_names(
    source: str, delegations: frozenset[str], any_word: bool = False
) -> tuple[str, ...] | None:
    """The delegations a prefix names, split on "/" and ","; None when it is not a
    list of names: with configured delegations, every name must be one of them;
    without, every name must be capitalised words (any word when ``any_word``) and
    not a label word ("Note")."""
    names = tuple(n.strip() for n in re.split(r"[/,]", source))
    if not all(names):
        return None
    if delegations:
        return names if all(n in delegations for n in names) else None
    for name in names:
        if not (any_word or _PREFIX_NAME.match(name)) or name.split()[0].lower() in _NOT_NAMES:
            return None
    return names
