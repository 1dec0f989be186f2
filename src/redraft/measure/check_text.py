"""The part of ``redraft check`` that reads only a text and the config (the length and
structure rules), apart so that what it finds may be kept by the store for that text
(:mod:`redraft.resolve.check_cache`): a run then skips reading the texts it knows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..config import Config
from ..jobs import parallel_map
from ..model import Draft
from ..words import count_words
from .check import Target, TextFindings, rule_length, rule_structure

#: The drafts and config the worker processes read (forked: nothing is copied).
_DRAFTS: list[Any] = []


def text_findings(draft: Draft, config: Config) -> TextFindings:
    """The findings of the rules that read only ``draft`` and ``config``."""
    target = Target(name="", draft=draft)
    today = dt.date.today()  # these rules do not read it
    length = tuple(rule_length(target, config, today))
    return TextFindings(count_words(draft), length, tuple(rule_structure(target, config, today)))


def all_text_findings(drafts: Sequence[Draft], config: Config) -> list[TextFindings]:
    """:func:`text_findings` of each draft, on the machine's cores when there are many."""
    _DRAFTS[:] = [drafts, config]
    try:
        return parallel_map(_text_at, range(len(drafts)))
    finally:
        _DRAFTS.clear()


def _text_at(index: int) -> TextFindings:
    drafts, config = _DRAFTS
    return text_findings(drafts[index], config)
