"""The terminal redline written without rich (render/ansi.py): the same words and marks
as the plain redline, wrapped at the terminal's width, styles as NO_COLOR and TERM allow."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from redraft.diff.engine import diff_drafts
from redraft.readers.report import split_report
from redraft.render.ansi import _cells, render_diff_ansi
from redraft.render.diff_text import render_diff_plain

SEED = Path(__file__).parent / "data" / "seed" / "ccpcj-20th-session-chapter-1.txt"
ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    drafts = [item.draft for item in split_report(SEED.read_text())]
    return diff_drafts(drafts[0], drafts[1])


@pytest.mark.parametrize("width", [20, 60, 120])
def test_same_words_as_the_plain_redline_within_the_width(result, width, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    shown = render_diff_ansi(result, width)
    visible = ESCAPE.sub("", shown)
    assert "".join(visible.split()) == "".join(render_diff_plain(result).split())
    if width >= 60:  # no word of this text is wider: lines break between words only
        assert visible.split() == render_diff_plain(result).split()
    assert all(_cells(line) <= width for line in visible.splitlines())
    assert "\x1b[9;31m{--" in shown and "\x1b[4;32m{++" in shown


def test_no_color_keeps_strike_and_underline_and_dumb_gets_none(result, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm")
    shown = render_diff_ansi(result, 80)
    assert "\x1b[9m{--" in shown and "31" not in "".join(ESCAPE.findall(shown))
    monkeypatch.setenv("TERM", "dumb")
    assert "\x1b" not in render_diff_ansi(result, 80)


def test_wide_characters_take_two_columns() -> None:
    assert _cells("联合国") == 6 and _cells("UN") == 2


def test_control_characters_of_the_texts_are_signs_the_styles_are_escapes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from redraft.model import Draft, Kind, Paragraph

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    old = Draft(
        blocks=(Paragraph(Kind.OPERATIVE, "Decides to act now.", number="1.", label="OP1"),)
    )
    hostile = "Decides to act \x1b[2K\x1b]0;pwned\x07later."
    new = Draft(blocks=(Paragraph(Kind.OPERATIVE, hostile, number="1.", label="OP1"),))
    shown = render_diff_ansi(diff_drafts(old, new), 80)
    assert "\u241b[2K" in shown and "\u2407" in shown  # ␛ and ␇: visible, inert
    assert not re.sub(r"\x1b\[[0-9;]*m", "", shown).count("\x1b")  # only style codes
    assert "\x1b[4;32m{++" in shown
