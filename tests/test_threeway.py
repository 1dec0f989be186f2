"""Three-way merge, compilation and rebase: case files, hand-built drafts and laws."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redraft import canonical
from redraft.merge.threeway import bracket_text, merge_proposals, rebase, three_way
from redraft.merge.tree import flatten, letters, rebuild, renumber
from redraft.model import Draft, Kind, Paragraph
from redraft.numerals import roman

from .strategies import drafts

CASES = Path(__file__).parent / "cases" / "merge"


def load_case(name: str) -> tuple[Draft, Draft, Draft, str]:
    """The one loader of tests/cases/merge: base, ours (EU), theirs (G77), expected text."""
    folder = CASES / name
    base, ours, theirs = (
        canonical.parse((folder / f"{part}.txt").read_text(encoding="utf-8"))
        for part in ("base", "ours", "theirs")
    )
    return base, ours, theirs, (folder / "expected.txt").read_text(encoding="utf-8")


CASE_NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir())


@pytest.mark.parametrize("name", CASE_NAMES)
def test_case(name: str) -> None:
    base, ours, theirs, expected = load_case(name)
    result = three_way(base, ours, theirs, "EU", "G77")
    assert canonical.render(result.draft) == expected
    assert len(result.conflicts) == expected.count("[EU: ")


def test_cases_cover_the_issue() -> None:
    assert {
        "clean-different-paragraphs",
        "conflict-same-paragraph",
        "insertions-same-place",
        "deletion-against-edit",
    } <= set(CASE_NAMES)


def test_conflict_is_attributed_and_reported() -> None:
    base, ours, theirs, _ = load_case("conflict-same-paragraph")
    result = three_way(base, ours, theirs, "EU", "G77")
    (conflict,) = result.conflicts
    assert (conflict.label, conflict.base) == ("OP3", "OP3")
    assert [alt.by for alt in conflict.alternatives] == [("EU",), ("G77",)]
    assert conflict.alternatives[1].text.startswith("Encourages the Secretariat")
    op3 = result.draft.find("OP3")
    assert op3 is not None and op3.text.startswith("[EU: Requests the Secretariat")
    assert op3.text.endswith("field offices;]")


def test_deletion_against_edit_offers_delete() -> None:
    base, ours, theirs, _ = load_case("deletion-against-edit")
    (conflict,) = three_way(base, ours, theirs, "EU", "G77").conflicts
    assert conflict.alternatives[0].deleted and conflict.alternatives[0].by == ("EU",)
    assert not conflict.alternatives[1].deleted


def test_insertions_keep_their_place_and_renumber() -> None:
    base, ours, theirs, _ = load_case("insertions-same-place")
    result = three_way(base, ours, theirs, "EU", "G77")
    ops = [p.number for p in result.draft.operative()]
    assert ops == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    inserted = [p for p in result.paragraphs if p.status == "inserted"]
    assert [(p.label, p.by) for p in inserted] == [("OP3", ("EU",)), ("OP4", ("G77",))]


def test_moved_paragraph_keeps_the_other_side_s_edit() -> None:
    base, ours, theirs, _ = load_case("move-and-edit")
    result = three_way(base, ours, theirs, "EU", "G77")
    assert result.clean
    first = result.draft.operative()[0]
    assert first.number == "1." and first.text.startswith("Welcomes the launch")
    assert "financial oversight, evaluation and quality assurance" in first.text
    assert [(p.label, p.base, p.by) for p in result.paragraphs] == [("OP1", "OP5", ("G77",))]


def test_a_move_alone_is_reported_with_its_author() -> None:
    base, ours, _, _ = load_case("move-and-edit")
    result = three_way(base, ours, base, "EU", "G77")
    assert [(p.label, p.base, p.status, p.by) for p in result.paragraphs] == [
        ("OP1", "OP5", "moved", ("EU",))
    ]


def test_same_insertion_on_both_sides_is_kept_once() -> None:
    base, ours, _, _ = load_case("insertions-same-place")
    result = three_way(base, ours, ours, "EU", "G77")
    assert result.clean
    inserted = [p for p in result.paragraphs if p.status == "inserted"]
    assert [(p.label, p.by) for p in inserted] == [("OP3", ("EU", "G77"))]


def test_compile_three_proposals() -> None:
    base, ours, theirs, _ = load_case("conflict-same-paragraph")
    _, third, _, _ = load_case("clean-different-paragraphs")  # edits OP2 only
    result = merge_proposals(base, [("EU", ours), ("G77", theirs), ("US", third)])
    assert [p.status for p in result.paragraphs] == ["changed", "conflict"]
    assert result.paragraphs[0].by == ("US",)


def test_rebase_reports_collisions() -> None:
    base, ours, theirs, _ = load_case("conflict-same-paragraph")
    result = rebase(base, theirs, ours, proposal_name="G77", new_base_name="Rev.1")
    assert [c.base for c in result.conflicts] == ["OP3"]
    clean = rebase(base, theirs, base, proposal_name="G77")
    assert clean.clean and canonical.render(clean.draft) == canonical.render(theirs)


def test_bracket_text() -> None:
    from redraft.merge.threeway import Alternative

    alts = [Alternative(("EU",), "Urges States"), Alternative(("G77", "AU"), "", deleted=True)]
    assert bracket_text(alts) == "[EU: Urges States / G77/AU: delete]"


def test_renumber_styles() -> None:
    blocks = (
        Paragraph(Kind.PREAMBULAR, "Recalling", number="2bis"),
        Paragraph(
            Kind.OPERATIVE,
            "Urges",
            number="3bis.",
            children=(
                Paragraph(Kind.OPERATIVE, "x", number="(b)"),
                Paragraph(Kind.OPERATIVE, "y", number="(c)"),
            ),
        ),
        Paragraph(Kind.OPERATIVE, "Decides", number="7."),
    )
    out = renumber(blocks)
    assert [b.number for b in out] == ["", "1.", "2."]
    assert [c.number for c in out[1].children] == ["(a)", "(b)"]
    assert [roman(n) for n in (1, 4, 9, 14)] == ["i", "iv", "ix", "xiv"]
    assert [letters(n) for n in (1, 26, 27)] == ["a", "z", "aa"]


# -- laws ------------------------------------------------------------------------


def _body(text: str) -> str:
    """A canonical text without its front matter: what follows the line "---" that
    closes it (a metadata value may itself hold "---", as Hypothesis found)."""
    return text.split("\n---\n", 1)[1]


_SEED = Path(__file__).parent / "data" / "merge" / "seed"


def _renumbered(draft: Draft) -> str:
    return canonical.render(rebuild(flatten(draft), draft.meta))


_drafts = st.sampled_from(sorted(_SEED.glob("*.txt"))).map(
    lambda p: canonical.parse(p.read_text(encoding="utf-8"))
)


@settings(max_examples=10, deadline=None)
@given(_drafts, _drafts)
def test_one_sided_change_is_taken_whole(base: Draft, other: Draft) -> None:
    """merge(base, x, base) = merge(base, base, x) = x (renumbered), with no conflict."""
    for result in (three_way(base, other, base), three_way(base, base, other)):
        assert result.clean
        assert _body(canonical.render(result.draft)) == _body(_renumbered(other))


@settings(max_examples=10, deadline=None)
@given(_drafts)
def test_same_change_on_both_sides_is_clean(draft: Draft) -> None:
    base = canonical.parse((CASES / "clean-different-paragraphs" / "base.txt").read_text())
    result = three_way(base, draft, draft)
    assert result.clean
    assert _body(canonical.render(result.draft)) == _body(_renumbered(draft))


@settings(max_examples=60, deadline=None)
@given(drafts(), drafts())
def test_laws_on_generated_drafts(base: Draft, other: Draft) -> None:
    """Any structure (tables, sub-sub-paragraphs, footnotes, odd numbers): a one-sided or
    identical change is taken whole and renumbered, never a conflict."""
    want = _body(_renumbered(other))
    for result in (
        three_way(base, other, base),
        three_way(base, base, other),
        three_way(base, other, other),
    ):
        assert result.clean
        assert _body(canonical.render(result.draft)) == want


@settings(max_examples=40, deadline=None)
@given(drafts(), drafts(), drafts())
def test_sides_swapped_give_the_same_conflicts(base: Draft, ours: Draft, theirs: Draft) -> None:
    one, two = three_way(base, ours, theirs), three_way(base, theirs, ours)
    assert sorted(c.base for c in one.conflicts) == sorted(c.base for c in two.conflicts)
    assert len(list(one.draft.units())) == len(list(two.draft.units()))
