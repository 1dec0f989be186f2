"""Parity of language versions: do the six official-language texts of a draft say
the same thing? (``redraft parity``, docs/parity.md)

A pure layer: it takes :class:`~redraft.model.Draft` objects (language code ->
draft) and returns a :class:`ParityResult`; reading files, the store and printing
belong to the resolving layer, the CLI and the renderers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .align import Link, align_units
    from .compare import check_parity, compare_units
    from .figure_diff import FigureDiff, compare_figures
    from .figures import Figure, extract_figures, normalize_digits
    from .languages import LANGUAGE_NAMES, OFFICIAL_LANGUAGES, language_order, normalize_language
    from .ratios import PairRatio, RatioTable, default_ratios, learn_ratios
    from .result import KINDS, Alignment, Finding, ParityResult
    from .units import Unit, Units, draft_units, text_length

#: Public name -> the module that defines it. Imported on first use: the commands that
#: only need a module of this package (``redraft list``: .versions) do not pay for the
#: figures' and alignment's regular expressions.
_WHERE: dict[str, str] = {
    "Link": "align",
    "align_units": "align",
    "check_parity": "compare",
    "compare_units": "compare",
    "FigureDiff": "figure_diff",
    "compare_figures": "figure_diff",
    "Figure": "figures",
    "extract_figures": "figures",
    "normalize_digits": "figures",
    "LANGUAGE_NAMES": "languages",
    "OFFICIAL_LANGUAGES": "languages",
    "language_order": "languages",
    "normalize_language": "languages",
    "PairRatio": "ratios",
    "RatioTable": "ratios",
    "default_ratios": "ratios",
    "learn_ratios": "ratios",
    "KINDS": "result",
    "Alignment": "result",
    "Finding": "result",
    "ParityResult": "result",
    "Unit": "units",
    "Units": "units",
    "draft_units": "units",
    "text_length": "units",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{module}", __name__), name)


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
