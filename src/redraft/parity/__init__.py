"""Parity of language versions: do the six official-language texts of a draft say
the same thing? (``redraft parity``, docs/parity.md)

A pure layer: it takes :class:`~redraft.model.Draft` objects (language code ->
draft) and returns a :class:`ParityResult`; reading files, the store and printing
belong to the resolving layer, the CLI and the renderers.
"""

from __future__ import annotations

from .align import Link, align_units
from .compare import check_parity, compare_units
from .figure_diff import FigureDiff, compare_figures
from .figures import Figure, extract_figures, normalize_digits
from .languages import LANGUAGE_NAMES, OFFICIAL_LANGUAGES, language_order, normalize_language
from .ratios import PairRatio, RatioTable, default_ratios, learn_ratios
from .result import KINDS, Alignment, Finding, ParityResult
from .units import Unit, Units, draft_units, text_length

__all__ = [
    "KINDS",
    "LANGUAGE_NAMES",
    "OFFICIAL_LANGUAGES",
    "Alignment",
    "Figure",
    "FigureDiff",
    "Finding",
    "Link",
    "PairRatio",
    "ParityResult",
    "RatioTable",
    "Unit",
    "Units",
    "align_units",
    "check_parity",
    "compare_figures",
    "compare_units",
    "default_ratios",
    "draft_units",
    "extract_figures",
    "language_order",
    "learn_ratios",
    "normalize_digits",
    "normalize_language",
    "text_length",
]
