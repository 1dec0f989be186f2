"""The Word redline's kept paragraphs (render/docx_track.py ``_KEPT``): a paragraph
without a tracked change is copied from one made for an earlier document. The file must
be byte for byte what it is when every paragraph is built afresh, whatever documents
came before (footnotes, other authors and dates, typography tracked or not)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, assume, given, settings

from redraft import canonical
from redraft.demo import bundled_drafts_dir
from redraft.diff.engine import diff_drafts
from redraft.model import Draft
from redraft.render import docx_track
from redraft.render.docx_track import render_diff_docx
from tests.strategies import read_drafts
from tests.test_docx_writer import NEW, OLD


@contextmanager
def _no_templates() -> Iterator[None]:
    saved = dict(docx_track._KEPT)
    docx_track._KEPT.clear()
    try:
        yield
    finally:
        docx_track._KEPT.clear()
        docx_track._KEPT.update(saved)


def _fresh(old: Draft, new: Draft, **options: object) -> bytes:
    with _no_templates():
        return render_diff_docx(diff_drafts(old, new), **options)  # type: ignore[arg-type]


def _seed() -> list[Draft]:
    return [canonical.parse(p.read_text()) for p in sorted(bundled_drafts_dir().glob("*.txt"))]


def test_copied_paragraphs_give_the_same_file() -> None:
    drafts = [canonical.parse(OLD), canonical.parse(NEW), *_seed()[:6]]
    pairs = list(zip(drafts, drafts[1:], strict=False))
    pairs += [(d, d) for d in drafts] + [(b, a) for a, b in pairs]
    options: list[dict[str, object]] = [
        {"author_new": "EU", "date": "2020-01-01"},
        {"author_new": "Japan", "date": "2021-03-04", "typography": True},
    ]
    for option in options:
        expected = [_fresh(old, new, **option) for old, new in pairs]
        with _no_templates():
            for _ in range(2):  # the second time, most paragraphs are copies
                found = [render_diff_docx(diff_drafts(o, n), **option) for o, n in pairs]  # type: ignore[arg-type]
                assert found == expected
            assert docx_track._KEPT  # the case this test is about happened


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(read_drafts, read_drafts, read_drafts)
def test_any_drafts_give_the_same_file_after_others(a: Draft, b: Draft, c: Draft) -> None:
    """Templates from the redlines of a->b and b->c do not change the redline of a->c."""
    assume(all(_safe(d) for d in (a, b, c)))
    expected = _fresh(a, c, author_new="EU", date="2020-01-01")
    with _no_templates():
        render_diff_docx(diff_drafts(a, b), author_new="G77", date="2019-01-01")
        render_diff_docx(diff_drafts(b, c), author_new="EU", date="2020-01-01", typography=True)
        found = render_diff_docx(diff_drafts(a, c), author_new="EU", date="2020-01-01")
    assert found == expected


def _safe(draft: Draft) -> bool:
    from tests.test_docx_writer import _xml_safe

    return _xml_safe(draft)
