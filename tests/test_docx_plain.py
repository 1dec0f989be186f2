"""Plain Word paragraphs written as XML text (render/docx_plain.py): a draft's Word file
is byte for byte what it is when every paragraph is built as lxml elements."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redraft import canonical
from redraft.demo import bundled_drafts_dir
from redraft.model import Draft, Kind, Meta, Paragraph
from redraft.render import docx, docx_draft
from redraft.render.docx import Run, WordBuilder, paragraph_xml
from redraft.render.docx_draft import render_draft_docx
from redraft.render.docx_plain import plain_paragraph_xml

from .strategies import drafts


@contextmanager
def _elements_only() -> Iterator[None]:
    saved = WordBuilder.plain_paragraph
    WordBuilder.plain_paragraph = lambda self, style, runs: False  # type: ignore[method-assign]
    try:
        yield
    finally:
        WordBuilder.plain_paragraph = saved  # type: ignore[method-assign]


def _built(draft: Draft) -> bytes:
    with _elements_only():
        return render_draft_docx(draft)


def test_bundled_drafts_are_the_same_bytes() -> None:
    for path in sorted(bundled_drafts_dir().glob("*.txt")):
        draft = canonical.parse(path.read_text())
        assert render_draft_docx(draft) == _built(draft), path.name


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(drafts())
def test_any_draft_is_the_same_bytes(draft: Draft) -> None:
    assert render_draft_docx(draft) == _built(draft)


AWKWARD = [
    "a & b < c > d \"quoted\" 'single'",
    "line one\nline two\tcell\t\tend",
    "\n\tstarts with a break",
    "carriage\rreturn",
    "illegal \x01\x0b controls \ufffe",
    "\x01",
    "no-break\u00a0space, soft\u00adhyphen, 中文, عربي, 😀",
    "  leading and trailing spaces  ",
    "]]> and &amp; already escaped",
]


@pytest.mark.parametrize("text", AWKWARD)
@pytest.mark.parametrize("opening", ["", "a", "line one\nline"])
def test_awkward_text_is_the_same_xml(text: str, opening: str) -> None:
    block = Paragraph(Kind.OPERATIVE, text, number="3.", opening=opening)
    runs = docx_draft.block_runs(block)
    builder = WordBuilder(Meta())
    expected = paragraph_xml(builder.paragraph("UN Operative", runs))
    number_id = builder.style_ids[docx.NUMBER_STYLE]
    found = plain_paragraph_xml(builder.style("UN Operative"), number_id, runs)
    assert found is None or found == expected


@given(st.lists(st.tuples(st.text(max_size=12), st.booleans(), st.sampled_from(["text", "tab"]))))
@settings(max_examples=100, deadline=None)
def test_any_runs_are_the_same_xml(pieces: list[tuple[str, bool, str]]) -> None:
    runs = [Run(text, italic=italic, role=role) for text, italic, role in pieces]
    builder = WordBuilder(Meta())
    try:
        expected = paragraph_xml(builder.paragraph("UN Operative", runs))
    except ValueError:  # lxml refuses the text (a lone surrogate): so must the plain path
        expected = None
    found = plain_paragraph_xml(builder.style("UN Operative"), "x", runs)
    if expected is None:
        assert found is None
    elif found is not None:
        assert found == expected.replace(
            f'w:val="{builder.style_ids[docx.NUMBER_STYLE]}"'.encode(), b'w:val="x"'
        )


def test_a_revision_or_footnote_is_not_plain() -> None:
    for run in (
        Run("x", change="ins"),
        Run("x", was_italic=True),
        Run("1\x00note", role="noteref"),
        Run("", role="footnote"),
    ):
        assert plain_paragraph_xml("S", "N", [Run("a"), run]) is None
