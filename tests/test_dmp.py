"""Both diff-match-patch back ends give the same operations (the C++ port is used
when installed, the pure-Python library otherwise), and the inline diff keeps its
laws on the fallback."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redraft import dmp
from redraft.diff import inline

texts = st.text(alphabet="ab cd,.¹", max_size=30)


@settings(max_examples=200, deadline=None)
@given(texts, texts, st.sampled_from(dmp.CLEANUPS), st.booleans())
def test_the_two_back_ends_agree(a, b, cleanup, counts_only):
    assert dmp.diff(a, b, cleanup, counts_only) == dmp.pure_diff(a, b, cleanup, counts_only)


def test_fallback_when_the_port_is_missing(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_port(name, *args, **kwargs):
        if name == "fast_diff_match_patch":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_port)
    old, new = "Urges Member States to act;", "Encourages Member States to act now;"
    segments = inline.diff_text(old, new)
    assert "".join(t for op, t in segments if op != "+") == old
    assert "".join(t for op, t in segments if op != "-") == new
    assert ("-", "Urges") in segments and ("+", "Encourages") in segments


@pytest.mark.parametrize("cleanup", dmp.CLEANUPS)
def test_operations_rebuild_both_texts(cleanup):
    a, b = "the quick brown fox", "the quick red fox jumps"
    ops = dmp.diff(a, b, cleanup, counts_only=False)
    assert "".join(t for op, t in ops if op != "+") == a
    assert "".join(t for op, t in ops if op != "-") == b
