"""merge-drafts: one draft out of two, with provenance and the words saved."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from redraft import canonical
from redraft.merge.consolidate import consolidate
from redraft.model import Draft
from redraft.words import count_words as body_words

SEED = Path(__file__).parent / "data" / "merge" / "seed"
DRAFT_II = "ecosoc-draft-resolution-ii-support-development-implementation"
RES_20_1 = "ccpcj-resolution-20-1-improving-governance-financial-situation"

HEAD = "---\nredraft: 1\nlanguage: en\n---\n\n# Draft resolution\n\n## Conventions\n\n"
A = HEAD + (
    "> *The General Assembly*,\n\n"
    "*Recalling* its resolution 64/179,\n\n"
    "*Noting* the report of the Secretary-General,\n\n"
    "1. *Urges* Member States to ratify the Convention;\n\n"
    "2. *Requests* the Office to provide technical assistance;\n"
)
B = HEAD + (
    "> *The General Assembly*,\n\n"
    "*Recalling* its resolution 64/179,\n\n"
    "*Welcoming* the work of the Office,\n\n"
    "1. *Urges* all Member States to ratify the Convention;\n\n"
    "2. *Invites* donors to contribute;\n"
)


def seed(name: str) -> Draft:
    return canonical.parse((SEED / f"{name}.txt").read_text(encoding="utf-8"))


def test_hand_built_pair() -> None:
    result = consolidate(("a", canonical.parse(A)), ("b", canonical.parse(B)))
    body = [(row.label, row.how, row.a_label, row.b_label) for row in result.provenance][3:]
    assert body == [
        ("PP1", "identical", "PP1", "PP1"),
        ("PP2", "B only", "", "PP2"),  # after the paragraph it follows in B
        ("PP3", "A only", "PP2", ""),
        ("OP1", "alternatives", "OP1", "OP1"),
        ("OP2", "B only", "", "OP2"),
        ("OP3", "A only", "OP2", ""),
    ]
    op1 = result.draft.find("OP1")
    assert op1 is not None and op1.text == (
        "[a: Urges Member States to ratify the Convention; / "
        "b: Urges all Member States to ratify the Convention;]"
    )
    # hand-counted: heading, title and formula 6 words; A 6+4+6+7+7 = 30, B 6+4+6+8+4 = 28;
    # merged 6+4+6+6+17+4+7 = 50 ("/" is not a word); settled on A's OP1 (7 words): 40
    assert (result.words_a, result.words_b, result.words_merged) == (30, 28, 50)
    assert (result.saved, result.saved_settled) == (8, 18)


def test_seed_culture_of_evaluation_becomes_alternatives() -> None:
    a, b = seed(DRAFT_II), seed(RES_20_1)
    result = consolidate(("draft II", a), ("20/1", b))
    row = next(r for r in result.provenance if r.a_label == "OP3")
    assert (row.b_label, row.how) == ("OP7", "alternatives")
    merged = result.draft.find(row.label)
    assert merged is not None
    assert merged.text.startswith(
        "[draft-II: Requests the Secretariat to promote a culture of evaluation"
    )
    assert " / 20-1: Requests the Secretariat to promote a culture of evaluation" in (merged.text)
    labels = [r.label for r in result.provenance]
    assert len(labels) == len(set(labels))  # everything renumbered, no duplicates
    assert result.words_a == body_words(a) and result.words_b == body_words(b)
    assert result.saved == result.words_a + result.words_b - result.words_merged


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(sorted(SEED.glob("*.txt"))))
def test_a_draft_merged_with_itself_is_itself(path: Path) -> None:
    draft = canonical.parse(path.read_text(encoding="utf-8"))
    result = consolidate(("x", draft), ("y", draft))
    assert result.words_merged == body_words(draft)
    assert result.saved == body_words(draft)
    assert all(row.how in ("identical", "A only") for row in result.provenance)


def test_closing_paragraphs_stay_last() -> None:
    a = canonical.parse(
        HEAD + "1. *Urges* Member States to ratify the Convention;\n\n"
        "2. *Requests* the Secretary-General to report to it at its eightieth session.\n"
    )
    b = canonical.parse(HEAD + "1. *Invites* donors to contribute to the trust fund;\n")
    result = consolidate(("a", a), ("b", b))
    assert [(r.label, r.how) for r in result.provenance][2:] == [  # after heading and title
        ("OP1", "A only"),
        ("OP2", "B only"),
        ("OP3", "A only"),
    ]
