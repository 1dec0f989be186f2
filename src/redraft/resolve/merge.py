"""The drafts the merge commands work on, taken from the store."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..merge.overlap import similarity, words_of
from ..model import Draft, Loaded
from .sources import load, open_store


def closest_earlier(proposal: Draft, onto: str, store: Path | None) -> Loaded:
    """The version before ``onto`` in the store that ``proposal`` most resembles."""
    if Path(onto).exists() or onto == "-":
        raise InputError("give --from OLD_BASE: the base the proposal was written on")
    name = onto.partition("@")[0]
    new = load(onto, store).draft
    mine = [w for p in proposal.walk() for w in words_of(p.text)]
    best: tuple[float, Loaded] | None = None
    for version, draft in open_store(store).history(name):
        if draft == new:  # versions after the new base are not candidates
            break
        words = [w for p in draft.walk() for w in words_of(p.text)]
        score = similarity(mine, words)
        if best is None or score >= best[0]:
            best = (score, Loaded(draft, f"{name}@{version.number}", version={"by": version.by}))
    if best is None:
        raise InputError(f"{onto}: no earlier version to rebase from; give --from OLD_BASE")
    return best[1]
