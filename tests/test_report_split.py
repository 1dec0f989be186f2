"""Splitting the seed report: the 18 drafts, the hand counts of issue 2, the bundled files."""

from __future__ import annotations

from pathlib import Path

import pytest

from redraft import canonical
from redraft.model import Draft, Kind
from redraft.readers.report import SplitDraft, draft_slug, split_report
from redraft.readers.text import read_text

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed" / "ccpcj-20th-session-chapter-1.txt"
BUNDLED = Path(__file__).parents[1] / "src" / "redraft" / "data" / "drafts"


@pytest.fixture(scope="module")
def found() -> list[SplitDraft]:
    return split_report(SEED.read_text(encoding="utf-8"))


def _draft(found: list[SplitDraft], prefix: str) -> Draft:
    matches = [item.draft for item in found if item.name.startswith(prefix)]
    assert len(matches) == 1, prefix
    return matches[0]


def _top(draft: Draft, kind: Kind) -> list[str]:
    return [b.label for b in draft.blocks if b.kind is kind]


def _series(prefix: str, last: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(1, last + 1)]


def test_finds_all_eighteen_texts(found: list[SplitDraft]) -> None:
    headings = [(item.draft.meta.organ, item.draft.heading) for item in found]
    ga, ecosoc, ccpcj = (
        "General Assembly",
        "Economic and Social Council",
        "Commission on Crime Prevention and Criminal Justice",
    )
    assert headings == [
        *((ga, f"Draft resolution {n}") for n in ("I", "II", "III", "IV")),
        *((ecosoc, f"Draft resolution {n}") for n in ("I", "II", "III", "IV")),
        (ecosoc, "Draft decision I"),
        (ecosoc, "Draft decision II"),
        *((ccpcj, f"Resolution 20/{n}") for n in range(1, 8)),
        (ccpcj, "Decision 20/1"),
    ]
    assert all(item.warnings == () for item in found), [i.warnings for i in found]


def test_names_are_stable_distinct_and_short(found: list[SplitDraft]) -> None:
    names = [item.name for item in found]
    assert len(set(names)) == 18
    assert names[1] == "ga-draft-resolution-ii-technical-assistance-implementing"
    assert names[5] == "ecosoc-draft-resolution-ii-support-development-implementation"
    assert names[10] == "ccpcj-resolution-20-1-improving-governance-financial-situation"
    assert all(len(name) <= 80 for name in names)
    assert [draft_slug(item.draft) for item in found] == names


def test_metadata(found: list[SplitDraft]) -> None:
    first = found[0].draft.meta
    assert (first.doc_type, first.language, first.get("section")) == ("draft resolution", "en", "A")
    assert found[8].draft.meta.doc_type == "draft decision"
    assert found[17].draft.meta.doc_type == "decision"


def test_ga_draft_resolution_i(found: list[SplitDraft]) -> None:
    draft = _draft(found, "ga-draft-resolution-i-")
    assert _top(draft, Kind.PREAMBULAR) == _series("PP", 5)
    assert _top(draft, Kind.OPERATIVE) == _series("OP", 6)
    # PP4 broken by a page break and footnote 1 (lower-case continuation)
    assert "to further promote the implementation of the outcomes" in draft.find("PP4").text
    # footnotes printed after OP6 go to the paragraphs citing them
    assert [f.marker for f in draft.find("OP1").footnotes] == ["3"]
    assert draft.find("FN2").text == "A/CONF.213/18, chap. I, resolution 1."


def test_ga_draft_resolution_iv(found: list[SplitDraft]) -> None:
    draft = _draft(found, "ga-draft-resolution-iv-")
    assert _top(draft, Kind.PREAMBULAR) == _series("PP", 18)
    assert _top(draft, Kind.OPERATIVE) == _series("OP", 18)
    assert draft.find("PP3").text.endswith("to Counter the World Drug Problem,²¹")
    op1 = draft.find("OP1")
    assert "and the United Nations Convention against Corruption²⁷ to apply fully" in op1.text
    assert [f.marker for f in op1.footnotes] == ["25", "26", "27"]


def test_ecosoc_draft_resolution_ii(found: list[SplitDraft]) -> None:
    draft = _draft(found, "ecosoc-draft-resolution-ii-")
    assert _top(draft, Kind.PREAMBULAR) == _series("PP", 3)
    assert _top(draft, Kind.OPERATIVE) == _series("OP", 15)


def test_resolution_20_1(found: list[SplitDraft]) -> None:
    draft = _draft(found, "ccpcj-resolution-20-1-")
    assert _top(draft, Kind.PREAMBULAR) == _series("PP", 7)
    assert _top(draft, Kind.OPERATIVE) == _series("OP", 21)
    assert _top(draft, Kind.HEADING) == _series("H", 5)
    assert draft.find("H2").text == "Evaluation and oversight"
    labels = [b.label for b in draft.blocks]
    assert labels.index("H1") == labels.index("OP4") - 1
    assert draft.find("PP3").text.endswith(
        "a forum for dialogue among Member States and between Member States and the "
        "Secretariat on the development of the programmes of the United Nations Office on "
        "Drugs and Crime,"
    )
    assert [c.label for c in draft.find("OP21").children] == [f"OP21({x})" for x in "abcdef"]


def test_decision_20_1(found: list[SplitDraft]) -> None:
    draft = _draft(found, "ccpcj-decision-20-1-")
    assert draft.formula.startswith("At its 10th meeting, on 15 April 2011, the Commission ")
    assert draft.formula.endswith(":")
    assert draft.labels() == ["heading", "title", "formula", "OP(a)", "OP(b)", "OP(c)"]


def test_draft_decision_i(found: list[SplitDraft]) -> None:
    draft = _draft(found, "ecosoc-draft-decision-i-")
    assert _top(draft, Kind.OPERATIVE) == [f"OP({x})" for x in "abcdef"]
    assert [u.label for u in draft.find("OP(c)").walk()] == [
        "OP(c)",
        "OP(c)(i)",
        "OP(c)(ii)",
        "OP(c)(ii)a",
        "OP(c)(ii)b",
        "OP(c)(iii)",
    ]
    agenda = [c for c in draft.find("OP(f)").children if c.kind is Kind.OPERATIVE]
    assert [c.label for c in agenda] == [f"OP(f){i}" for i in range(1, 12)]
    assert [c.text for c in draft.find("OP(f)4").children] == [
        "Documentation",
        "Note by the Secretariat",
    ]
    assert [c.label for c in draft.find("OP(f)3").children][:3] == [
        "OP(f)3(a)",
        "OP(f)3(b)",
        "OP(f)3.p1",
    ]


def test_draft_decision_ii(found: list[SplitDraft]) -> None:
    draft = _draft(found, "ecosoc-draft-decision-ii-")
    assert _top(draft, Kind.OPERATIVE) == [f"OP({x})" for x in "abcdef"]
    items = draft.find("OP(f)").children
    assert [c.text for c in items] == [
        "Consolidated budget for the biennium 2012-2013 for the United Nations Office on "
        "Drugs and Crime.",
        "Governance and financial situation of the Office.",
        "Evaluation and oversight.",
        "Other matters.",
    ]
    assert draft.formula.startswith("The Economic and Social Council, recalling its decision")


def test_resolution_20_2_table(found: list[SplitDraft]) -> None:
    draft = _draft(found, "ccpcj-resolution-20-2-")
    assert draft.labels() == [
        "heading",
        "title",
        "formula",
        "PP1",
        "PP2",
        "FN52",
        "PP3",
        "OP1",
        "FN53",
        "OP2",
        "OP3",
        "OP3.T1",
        "OP4",
    ]
    rows = draft.find("OP3.T1").text.split("\n")
    assert (
        rows[0] == "Resource projections for the United Nations Crime Prevention and "
        "Criminal Justice Fund"
    )
    assert rows[-1] == "Total\t152 462.2\t186 118.7\t51\t54"
    assert len(rows) == 14


def test_footnote_printed_after_the_next_heading_goes_back(found: list[SplitDraft]) -> None:
    """Footnote 8 of GA draft resolution II is printed inside draft resolution III."""
    assert [f.marker for f in _draft(found, "ga-draft-resolution-ii-").find("OP10").footnotes] == [
        "8"
    ]
    assert _draft(found, "ga-draft-resolution-iii-").find("FN8") is None


def test_every_draft_round_trips(found: list[SplitDraft]) -> None:
    for item in found:
        assert canonical.parse(canonical.render(item.draft)) == item.draft, item.name


def test_bundled_drafts_are_what_the_splitter_produces_now(found: list[SplitDraft]) -> None:
    bundled = {path.stem: path.read_text(encoding="utf-8") for path in BUNDLED.glob("*.txt")}
    produced = {item.name: canonical.render(item.draft) for item in found}
    assert sorted(bundled) == sorted(produced)
    for name, text in produced.items():
        assert bundled[name] == text, f"{name}: run redraft split {SEED} {BUNDLED}"


def test_text_without_drafts_gives_nothing() -> None:
    assert split_report("Chapter I\n\nNothing to see here.\n") == []


def _printed(draft: Draft) -> str:
    from redraft.render.markdown_export import render_printed

    return render_printed(draft)


@pytest.mark.parametrize("path", sorted(BUNDLED.glob("*.txt")), ids=lambda p: p.stem[:30])
def test_reading_a_bundled_draft_printed_as_text_gives_it_back(path: Path) -> None:
    """Law: printing a draft the way the UN prints it and reading it back is the identity
    on its blocks (labels, numbers, openings, nesting, footnotes, tables)."""
    draft = canonical.parse(path.read_text(encoding="utf-8"))
    again, warnings = read_text(_printed(draft))
    assert again.blocks == draft.blocks
    assert (again.meta.organ, again.meta.doc_type) == (draft.meta.organ, draft.meta.doc_type)
    assert warnings == []
