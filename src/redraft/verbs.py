"""Opening words of UN paragraphs and their strength (docs/verbs.md).

The opening verb or participle is a paragraph's most negotiated word. This module
finds it ("Also requests", "Takes note with appreciation", "Deeply concerned") and
places it on a documented scale, so that the diff can say whether a change made a
paragraph ``stronger`` or ``weaker``, and the check can lint that preambular
paragraphs open with a participle or adjective and operative ones with a verb in
the present tense (the UN Editorial Manual's rule). English only: for other
languages every answer is "unknown".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Kind, Paragraph

#: Operative openers, strongest first. Rank = position from the bottom: a higher
#: rank is stronger. Phrases are matched after modifiers ("Also", "Further") are
#: set aside; a leading "Strongly" adds one step.
OPERATIVE_SCALE: tuple[tuple[str, ...], ...] = (
    ("decides", "demands", "declares", "determines", "resolves", "authorizes", "instructs"),
    ("condemns", "deplores", "insists"),
    ("urges",),
    ("calls upon", "calls on", "appeals"),
    ("requests", "recommends", "directs", "mandates", "stresses", "emphasizes", "underlines"),
    ("encourages", "supports", "endorses", "approves", "adopts", "reaffirms", "affirms"),
    ("invites", "expresses its hope", "expresses the hope"),
    (
        "welcomes",
        "commends",
        "appreciates",
        "expresses its appreciation",
        "expresses appreciation",
        "expresses its gratitude",
        "recognizes",
        "acknowledges",
        "considers",
        "reiterates",
        "recalls",
        "regrets",
        "expresses its concern",
        "expresses its deep concern",
        "expresses concern",
        "notes with concern",
    ),
    ("takes note", "notes", "acknowledges with appreciation"),
)

#: Preambular openers, strongest first (the same ranking convention).
PREAMBULAR_SCALE: tuple[tuple[str, ...], ...] = (
    (
        "reaffirming",
        "determined",
        "demanding",
        "condemning",
        "stressing",
        "emphasizing",
        "underlining",
        "deeply concerned",
        "gravely concerned",
        "alarmed",
        "deploring",
    ),
    (
        "recalling",
        "reiterating",
        "recognizing",
        "acknowledging",
        "concerned",
        "convinced",
        "bearing in mind",
        "mindful",
        "aware",
        "conscious",
        "welcoming",
        "affirming",
    ),
    (
        "noting",
        "taking note",
        "having considered",
        "having examined",
        "considering",
        "observing",
        "expressing",
        "guided",
        "cognizant",
        "desirous",
        "wishing",
    ),
)

#: Words that modify an opener without changing its strength.
MODIFIERS = (
    "also",
    "further",
    "once again",
    "again",
    "hereby",
    "moreover",
    "furthermore",
    "in this regard",
    "in this context",
    "accordingly",
)

#: Adjectives and past participles that may open a preambular paragraph.
PREAMBULAR_ADJECTIVES = frozenset(
    {
        "aware",
        "mindful",
        "conscious",
        "cognizant",
        "desirous",
        "convinced",
        "concerned",
        "alarmed",
        "determined",
        "deeply",
        "gravely",
        "seriously",
        "profoundly",
        "fully",
        "encouraged",
        "guided",
        "disturbed",
        "dismayed",
        "appalled",
        "shocked",
        "outraged",
        "pleased",
        "satisfied",
        "gratified",
        "resolved",
        "committed",
        "confident",
        "keen",
        "noting",
        "bearing",
        "having",
        "reaffirming",
        "recalling",
        "taking",
    }
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _scale_index(scale: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    top = len(scale)
    return {phrase: top - i for i, group in enumerate(scale) for phrase in group}


_OPERATIVE_RANK = _scale_index(OPERATIVE_SCALE)
_PREAMBULAR_RANK = _scale_index(PREAMBULAR_SCALE)
_ALL_PHRASES = sorted(set(_OPERATIVE_RANK) | set(_PREAMBULAR_RANK), key=len, reverse=True)


_MODIFIER = re.compile(
    r"(?:" + "|".join(re.escape(m) for m in (*MODIFIERS, "strongly")) + r")\s*,?\s+",
    re.IGNORECASE,
)
_ADVERB = re.compile(r"[a-z]+ly\s+", re.IGNORECASE)  # "Firmly convinced", "Duly notes"


def _modifier_length(text: str) -> tuple[int, bool]:
    """Length of the modifiers that open ``text`` ("Also, in this regard, ") and whether
    "strongly" was among them."""
    position, strongly = 0, False
    while match := _MODIFIER.match(text, position):
        strongly = strongly or match.group(0).lower().startswith("strongly")
        position = match.end()
    return position, strongly


def _strip_modifiers(phrase: str) -> tuple[str, bool]:
    """("Also strongly urges" -> ("urges", True)): base phrase and whether 'strongly' led."""
    skipped, strongly = _modifier_length(phrase.strip())
    return phrase.strip()[skipped:].lower().rstrip(" ,;:"), strongly


def opening_phrase(paragraph: Paragraph | str) -> str:
    """The opening words as printed: the italic lead when the source marked it,
    else the longest known opener at the start, else the first word."""
    if isinstance(paragraph, Paragraph):
        if paragraph.opening:
            return paragraph.opening
        text = paragraph.text
    else:
        text = paragraph
    text = text.lstrip(" *\t")
    skipped, _ = _modifier_length(text)
    base = text[skipped:]
    lowered = base.lower()
    for phrase in _ALL_PHRASES:
        if lowered.startswith(phrase) and (
            len(lowered) == len(phrase) or not lowered[len(phrase)].isalpha()
        ):
            return text[: skipped + len(phrase)]
    match = _WORD.match(base)
    return text[: skipped + match.end()] if match else ""


def _without_adverb(base: str) -> str:
    """ "firmly convinced" -> "convinced" (an adverb does not change the verb's form)."""
    match = _ADVERB.match(base)
    return base[match.end() :] if match and base[match.end() :] else base


def strength(phrase: str, kind: Kind = Kind.OPERATIVE) -> int | None:
    """Rank of an opener on the scale for ``kind`` (higher is stronger), None if unknown."""
    base, strongly = _strip_modifiers(phrase)
    ranks = _PREAMBULAR_RANK if kind is Kind.PREAMBULAR else _OPERATIVE_RANK
    rank = ranks.get(base)
    if rank is None:
        rank = next((r for p, r in ranks.items() if base.startswith(p + " ")), None)
    if rank is None:
        return None
    return rank + (1 if strongly else 0)


def shift(old: str, new: str, kind: Kind = Kind.OPERATIVE) -> str:
    """ "stronger", "weaker", "same" or "unknown" for a change of opener."""
    if _strip_modifiers(old) == _strip_modifiers(new):
        return "same"
    before, after = strength(old, kind), strength(new, kind)
    if before is None or after is None:
        return "unknown"
    if after > before:
        return "stronger"
    if after < before:
        return "weaker"
    return "same"


def is_operative_opener(phrase: str, extra: Iterable[str] = ()) -> bool:
    """A verb in the present tense, third person ("Decides", "Calls upon", "Takes note")."""
    base, _ = _strip_modifiers(phrase)
    if not base:
        return False
    if base in _OPERATIVE_RANK or base in {e.lower() for e in extra}:
        return True
    first = _without_adverb(base).split()[0]
    return bool(re.fullmatch(r"[a-z][a-z'’-]*[^s]s", first))


def is_preambular_opener(phrase: str, extra: Iterable[str] = ()) -> bool:
    """A participle or an adjective ("Recalling", "Deeply concerned", "Aware")."""
    base, _ = _strip_modifiers(phrase)
    if not base:
        return False
    if base in _PREAMBULAR_RANK or base in {e.lower() for e in extra}:
        return True
    first = _without_adverb(base).split()[0]
    return first in PREAMBULAR_ADJECTIVES or first.endswith(("ing", "ed"))
