"""The vocabulary of the negotiation markup, configurable in ``redraft.toml``.

Rooms differ: one secretariat writes ``[Agreed ad ref]``, another ``(ad ref)``;
one lists proponents as ``- US``, another as ``(EU)``. The defaults below cover
the usual UN compilation texts; a ``[negotiation]`` table in the store's
``redraft.toml`` (or ``[tool.redraft.negotiation]`` in pyproject.toml) adds to or
replaces them::

    [negotiation]
    agreed-ad-ref = ["Agreed ad ref", "ad ref"]   # status markers, per state
    agreed = ["agreed"]
    pending = ["pending", "under consultation"]
    deleted = ["deleted"]
    actions = ["delete", "retain", "reserve"]     # words after a delegation: "G77 delete"
    delegations = ["US", "EU", "G77"]             # when set, other names are reported

Phrases are compared without regard to case, hyphens, dots or spacing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..errors import ConfigError

#: Paragraph states a status marker can set (the names used in JSON output).
MARKER_STATES = ("agreed-ad-ref", "agreed", "pending", "deleted")

DEFAULT_MARKERS: dict[str, tuple[str, ...]] = {
    "agreed-ad-ref": ("agreed ad ref", "agreed ad referendum", "ad ref", "ad referendum"),
    "agreed": ("agreed",),
    "pending": ("pending",),
    "deleted": ("deleted",),
}

#: Actions a delegation takes on a passage, mapped to one canonical word.
DEFAULT_ACTIONS: dict[str, str] = {
    **{w: "delete" for w in ("delete", "deletes", "deletion", "del")},
    **{w: "retain" for w in ("retain", "retains", "keep", "keeps")},
    **{w: "add" for w in ("add", "adds", "insert", "inserts", "new")},
    **{w: "reserve" for w in ("reserve", "reserves", "reservation")},
    **{w: "support" for w in ("support", "supports")},
    **{w: "oppose" for w in ("oppose", "opposes")},
    **{w: "propose" for w in ("propose", "proposes", "proposal")},
    **{w: "replace" for w in ("replace", "replaces")},
    **{w: "amend" for w in ("amend", "amends")},
    **{w: "move" for w in ("move", "moves")},
    **{w: "query" for w in ("query", "queries")},
    "bracket": "bracket",
    "alt": "alt",
}


#: Negotiating groups and delegations often seen in tags. Used only to tell a tag with
#: a mistyped action ("[G77 strik]", reported) from bracketed text ("[Governments
#: should]"); any name is accepted after a dash or in parentheses.
COMMON_DELEGATIONS = frozenset(
    "G77 G-77 EU US USA UK AOSIS LDCs LLDCs SIDS AGN CELAC ALBA JUSCANZ EIG OIC CARICOM "
    "ASEAN AU Canada Japan China Mexico Brazil India Norway Switzerland Australia "
    "Russia Iceland Israel Turkey Türkiye".split()
) | {
    "Russian Federation",
    "Holy See",
    "New Zealand",
    "Republic of Korea",
    "Arab Group",
    "African Group",
    "G77 and China",
    "United States",
    "European Union",
    "Saudi Arabia",
}


def normalize_phrase(text: str) -> str:
    """``"Agreed ad-ref."`` -> ``"agreed ad ref"``: how markers are compared."""
    return " ".join(re.sub(r"[-.:_]+", " ", text.lower()).split())


@dataclass(frozen=True)
class MarkupConfig:
    """Markers per state, known action words, and (optionally) known delegations."""

    markers: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_MARKERS))
    actions: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_ACTIONS))
    delegations: frozenset[str] = frozenset()

    # The lookups below are computed once per config (every paragraph asks).
    @cached_property
    def _states(self) -> dict[str, str]:
        return {
            normalize_phrase(p): state
            for state, phrases in reversed(self.markers.items())
            for p in phrases
        }

    def marker_state(self, phrase: str) -> str:
        """The state a marker phrase sets, or "" when it is not a marker."""
        return self._states.get(normalize_phrase(phrase), "")

    @cached_property
    def marker_phrases(self) -> tuple[str, ...]:
        """Every marker phrase, normalized."""
        return tuple(p for p in self._states if p)

    @cached_property
    def marker_words(self) -> frozenset[str]:
        """First words of every marker: a bracket starting with one and matching no
        marker is reported as an unknown marker rather than read as text."""
        return frozenset(p.split()[0] for p in self.marker_phrases)

    @cached_property
    def bare_marker(self) -> re.Pattern[str] | None:
        """Markers written without brackets at the end of a paragraph ("agreed ad
        ref"): only phrases of two words or more ("as agreed" is English)."""
        phrases = sorted((p for p in self.marker_phrases if " " in p), key=len, reverse=True)
        if not phrases:
            return None
        spelled = ("[\\s.\\-]+".join(map(re.escape, p.split())) for p in phrases)
        return re.compile(r"(?:^|(?<=[\s.;,]))(" + "|".join(spelled) + r")[\s.]*$", re.IGNORECASE)


DEFAULT_CONFIG = MarkupConfig()


def config_from_table(table: dict[str, Any], where: str = "redraft.toml") -> MarkupConfig:
    """Build a config from a ``[negotiation]`` table (validated: bad types are errors)."""
    markers = dict(DEFAULT_MARKERS)
    actions = dict(DEFAULT_ACTIONS)
    delegations: frozenset[str] = frozenset()
    for key, value in table.items():
        if key in MARKER_STATES:
            markers[key] = _strings(value, key, where)
        elif key == "actions":
            words = _strings(value, key, where)
            actions = {w.lower(): DEFAULT_ACTIONS.get(w.lower(), w.lower()) for w in words}
        elif key == "delegations":
            delegations = frozenset(_strings(value, key, where))
        else:
            raise ConfigError(f"{where}: [negotiation] has no setting {key!r}")
    return MarkupConfig(markers=markers, actions=actions, delegations=delegations)


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: [negotiation] {key} must be a list of strings")
    return tuple(value)
