"""Laws of agreed-language tracing, checked on random drafts (hypothesis)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redraft import canonical
from redraft.measure.stats import count_words
from redraft.model import Draft
from redraft.precedent import SqliteIndex, indexed_document, trace
from redraft.precedent.normalize import tokens
from redraft.resolve.precedent import update_index
from tests.strategies import drafts


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_a_draft_traced_against_itself_is_all_agreed_language(draft: Draft) -> None:
    index = SqliteIndex.open(":memory:", create=True)
    index.update([indexed_document(draft, "self", "1")])
    result = trace(draft, index)
    for paragraph in result.paragraphs:
        if tokens(paragraph.text):
            assert paragraph.cls in ("verbatim", "boilerplate"), paragraph
        else:  # no word at all: nothing to look up
            assert paragraph.cls in ("new", "boilerplate") and paragraph.words == 0
    assert result.summary.total_words == count_words(draft)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(drafts(), min_size=1, max_size=4))
def test_reindexing_unchanged_sources_changes_nothing(found: list[Draft]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for number, draft in enumerate(found):
            Path(folder, f"d{number}.txt").write_text(canonical.render(draft), encoding="utf-8")
        index = SqliteIndex.open(Path(folder) / "index.db", create=True)
        update_index(index, [folder])
        before = _dump(index)
        report = update_index(index, [folder])
        assert (report.added, report.changed, report.removed) == ((), (), ())
        assert report.unchanged == len(found)
        assert _dump(index) == before
        index.close()


def _dump(index: SqliteIndex) -> list[list[tuple[object, ...]]]:
    tables = ["document", "wording", "paragraph", "sketch", "setting"]
    return [sorted(index.db.execute(f"SELECT * FROM {t}").fetchall()) for t in tables]


def _diff_similarity(a: list[str], b: list[str]) -> float:
    """Similarity as a minimal word diff measures it (diff-match-patch, no time limit):
    what ``classify.similarity`` computes another way."""
    from redraft import dmp

    codes: dict[str, str] = {}
    left = "".join(codes.setdefault(word, chr(0x10000 + len(codes))) for word in a)
    right = "".join(codes.setdefault(word, chr(0x10000 + len(codes))) for word in b)
    if not left and not right:
        return 1.0
    kept = sum(length for op, length in dmp.diff(left, right) if op == "=")
    return 2 * kept / (len(left) + len(right))


_WORDS = st.lists(st.sampled_from(["the", "States", "of", "and", "Assembly", "urges", "1"]))


@settings(max_examples=400, deadline=None)
@given(_WORDS, _WORDS)
def test_similarity_is_what_a_minimal_word_diff_keeps(a: list[str], b: list[str]) -> None:
    from redraft.precedent.classify import similarity

    assert similarity(a, b) == _diff_similarity(a, b)
    assert similarity(a, b) == similarity(b, a)
    assert similarity(a, a) == 1.0
