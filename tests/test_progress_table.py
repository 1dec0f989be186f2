"""``redraft status --by-version`` on a pipe pads its versions table itself instead of
laying it out with rich (half a second for a thousand versions): the text must be
rich's, byte for byte, whatever the versions hold."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from redraft.cli.negotiation_cmds import _print_progress
from redraft.negotiation.status import Progress, StatusResult, Totals, VersionStatus
from redraft.render.console import print_plain, safe_console
from redraft.render.negotiation import progress_chart, progress_table_plain

names = st.sampled_from(
    [
        "EU",
        "Group of 77 and China",
        "Côte d’Ivoire",
        "中国",
        "Türkiye [facilitator]",
        "a :smile: delegate",
        "back\\slash",
        "tab\there",
        "",
        "A very long delegation name that goes on and on well past any column",
    ]
)
symbols = st.sampled_from(["", "A/C.3/79/L.12", "A/C.3/79/L.12/Rev.3", "A/79/L.1/Add.2"])
totals = st.builds(
    lambda paragraphs, agreed, brackets: Totals(
        paragraphs=paragraphs,
        agreed=min(agreed, paragraphs),
        open=paragraphs - min(agreed, paragraphs),
        brackets=brackets,
    ),
    st.integers(0, 300),
    st.integers(0, 300),
    st.integers(0, 5000),
)


def _progress(rows: list[tuple[str, str, Totals]]) -> Progress:
    versions = tuple(
        VersionStatus(n, symbol, "2024-10-01", by, counts)
        for n, (symbol, by, counts) in enumerate(rows, 1)
    )
    latest = StatusResult("d", (), versions[-1].totals)
    return Progress("d", latest, versions)


def _both(progress: Progress, width: int) -> tuple[str, str]:
    rich_console = safe_console(file=io.StringIO(), width=width, highlight=False)
    print_plain(rich_console, progress_chart(progress))
    ours = safe_console(file=io.StringIO(), width=width, highlight=False)
    _print_progress(progress, ours)
    return rich_console.file.getvalue(), ours.file.getvalue()  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(symbols, names, totals), min_size=1, max_size=30),
    st.sampled_from([40, 80, 120, 200]),
)
def test_the_padded_table_is_the_one_rich_lays_out(rows, width) -> None:
    expected, found = _both(_progress(rows), width)
    assert found == expected


def test_a_thousand_versions_are_padded_here_and_alike() -> None:
    rows = [
        ("A/C.3/79/L.12/Rev.9", "Group of 77 and China", Totals(150, 0, n % 150, 150 - n % 150))
        for n in range(1000)
    ]
    progress = _progress(rows)
    assert progress_table_plain(progress, 120) is not None
    expected, found = _both(progress, 120)
    assert found == expected


def test_what_rich_must_lay_out_is_left_to_it() -> None:
    assert progress_table_plain(_progress([("", "[b]EU[/b]", Totals(1))]), 120) is None
    assert progress_table_plain(_progress([("", "EU " * 60, Totals(1))]), 120) is None
