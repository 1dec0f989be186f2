"""The C accelerator (``_scan.c``, ``_scan_text.c``, ``_scan_pairs.c``), when it is built:
the diff's text work (keys, bags of words, scores, tokens, word counts) and the comparison
form in one pass of C each, instead of regular expressions and Python loops.

Each of its functions has a pure-Python twin (the specification: ``py_*`` in
:mod:`redraft.diff.tokens`, :mod:`redraft.diff.units`, :mod:`redraft.diff.inline`,
:mod:`redraft.typography`) that
gives the same result; tests/test_accelerator.py checks they agree. ``pip install``
builds the module where a C compiler is and goes on without it where none is (the
extension is optional); ``REDRAFT_PURE_PYTHON=1`` in the environment turns it off.
"""

from __future__ import annotations

import os

try:
    if os.environ.get("REDRAFT_PURE_PYTHON"):
        raise ImportError("turned off by REDRAFT_PURE_PYTHON")
    from . import _scan as scan
except ImportError:  # not built here, or turned off: the pure-Python twins do the work
    scan = None  # type: ignore[assignment]

__all__ = ["scan"]
