"""diff-match-patch, one entry point for the whole package.

The C++ port (fast-diff-match-patch) gives the same output as Google's pure-Python
diff-match-patch about 10 to 30 times faster (measured: ../shared/notes/performance.md);
the pure-Python library is the fallback where the port has no wheel. Both run with no
time limit: the default one-second limit silently turns a large diff into "delete
everything, insert everything".
"""

from __future__ import annotations

from typing import Any

#: Clean-up modes, named as fast-diff-match-patch names them.
CLEANUPS = ("No", "Semantic", "Efficiency")

_OPS = {0: "=", -1: "-", 1: "+"}


def diff(a: str, b: str, cleanup: str = "No", counts_only: bool = True) -> list[tuple[str, Any]]:
    """Operations ("=", "-", "+") turning ``a`` into ``b``, each with its length
    (``counts_only``) or its text."""
    try:
        import fast_diff_match_patch as fdmp
    except ImportError:  # no wheel for this platform: the pure-Python library
        return pure_diff(a, b, cleanup, counts_only)
    ops: list[tuple[str, Any]] = fdmp.diff(
        a, b, timelimit=0, checklines=False, cleanup=cleanup, counts_only=counts_only
    )
    return ops


def pure_diff(
    a: str, b: str, cleanup: str = "No", counts_only: bool = True
) -> list[tuple[str, Any]]:
    """The same with Google's pure-Python diff-match-patch."""
    from diff_match_patch import diff_match_patch

    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(a, b, False)
    if cleanup == "Semantic":
        engine.diff_cleanupSemantic(diffs)
    elif cleanup == "Efficiency":
        engine.diff_cleanupEfficiency(diffs)
    return [(_OPS[op], len(text) if counts_only else text) for op, text in diffs]
