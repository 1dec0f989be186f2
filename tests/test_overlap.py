"""Overlap between drafts: the real overlaps of the seed report, boilerplate, laws."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from redraft import canonical
from redraft.merge.overlap import (
    OverlapResult,
    PairOverlap,
    default_boilerplate_min,
    find_overlaps,
    similarity,
    words_of,
)
from redraft.model import Draft

SEED = Path(__file__).parent / "data" / "merge" / "seed"
DRAFT_II = "ecosoc-draft-resolution-ii-support-development-implementation"
RES_20_1 = "ccpcj-resolution-20-1-improving-governance-financial-situation"
DECISION_I = "ecosoc-draft-decision-i-report-commission-crime-prevention"
DECISION_20_1 = "ccpcj-decision-20-1-organization-work-future-sessions"


@cache
def seed() -> tuple[tuple[str, Draft], ...]:
    return tuple(
        (path.stem, canonical.parse(path.read_text(encoding="utf-8")))
        for path in sorted(SEED.glob("*.txt"))
    )


@cache
def seed_result() -> OverlapResult:
    return find_overlaps(seed())


def pair(result: OverlapResult, a: str, b: str) -> tuple[PairOverlap, dict[str, str]]:
    """The pair of ``a`` and ``b`` and its shared labels as a's label -> b's label."""
    for found in result.pairs:
        if (found.a, found.b) == (a, b):
            return found, {s.a_label: s.b_label for s in found.shared}
        if (found.a, found.b) == (b, a):
            return found, {s.b_label: s.a_label for s in found.shared}
    raise AssertionError(f"no overlap found between {a} and {b}")


def test_seed_has_eighteen_drafts() -> None:
    assert len(seed()) == 18


def test_culture_of_evaluation() -> None:
    """ECOSOC draft resolution II OP3 and resolution 20/1 OP7."""
    found, shared = pair(seed_result(), DRAFT_II, RES_20_1)
    assert shared["OP3"] == "OP7"
    score = next(s.similarity for s in found.shared if s.a_label in ("OP3", "OP7"))
    assert 0.6 <= score < 0.8  # 20/1 adds UNODC, headquarters and a reporting request


def test_decision_i_c_ii_against_decision_20_1() -> None:
    found, shared = pair(seed_result(), DECISION_I, DECISION_20_1)
    assert shared["OP(c)(ii)a"] == "OP(a)"
    assert shared["OP(c)(ii)b"] == "OP(b)"
    assert found.score > 0.5
    assert seed_result().pairs[0] is found  # the strongest overlap of the report


def test_boilerplate_is_recognised_and_not_counted() -> None:
    result = seed_result()
    texts = [b.text for b in result.boilerplate]
    donors = [b for b in result.boilerplate if "extrabudgetary resources" in b.text]
    assert donors and donors[0].text.startswith("Invites Member States and other donors")
    assert len(donors[0].drafts) == 7
    assert any(t.startswith("Requests the Secretary-General to") and "report" in t for t in texts)
    for found in result.pairs:  # standard language alone makes no pair
        assert found.shared


def test_boilerplate_alone_does_not_make_an_overlap() -> None:
    drafts = dict(seed())
    names = [
        "ccpcj-resolution-20-3-implementation-united-nations-global",
        "ccpcj-resolution-20-7-promotion-activities-relating-combating",
    ]
    result = find_overlaps(list(seed()))
    assert all({p.a, p.b} != set(names) for p in result.pairs)
    assert drafts  # both drafts hold the donors' paragraph (see the test above)


def test_a_draft_against_a_copy_of_itself() -> None:
    name, draft = seed()[1]
    result = find_overlaps([(name, draft), ("copy", draft)])
    (found,) = result.pairs
    assert found.score == 1.0
    assert all(s.a_label == s.b_label and s.similarity == 1.0 for s in found.shared)


def test_default_boilerplate_threshold() -> None:
    assert default_boilerplate_min(18) == 3
    assert default_boilerplate_min(336) == 17


def test_similarity_hand_counted() -> None:
    a = words_of("Urges Member States to ratify the Convention;")  # 7 words
    b = words_of("Urges all Member States to ratify the Convention¹⁶")  # 8 words, 7 shared
    assert similarity(a, b) == 2 * 7 / 15
    assert similarity([], []) == 1.0


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(18)))
def test_order_of_drafts_does_not_matter(order: list[int]) -> None:
    drafts = [seed()[i] for i in order]
    result = find_overlaps(drafts)

    def norm(r: OverlapResult) -> set[tuple[frozenset[str], float]]:
        return {(frozenset((p.a, p.b)), p.score) for p in r.pairs}

    assert norm(result) == norm(seed_result())
    assert {(b.text, frozenset(b.drafts)) for b in result.boilerplate} == {
        (b.text, frozenset(b.drafts)) for b in seed_result().boilerplate
    }


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.sampled_from(["the", "Member", "States", "urges", "to", "ratify"]), max_size=12),
    st.lists(st.sampled_from(["the", "Member", "States", "urges", "to", "ratify"]), max_size=12),
)
def test_similarity_is_symmetric_and_bounded(a: list[str], b: list[str]) -> None:
    assert similarity(a, b) == similarity(b, a)
    assert 0.0 <= similarity(a, b) <= 1.0
    assert similarity(a, a) == 1.0


def test_without_boilerplate_standard_language_makes_pairs() -> None:
    """The same drafts with the boilerplate threshold out of reach: the donors' and
    reporting paragraphs now pair drafts that have nothing else in common."""
    plain = find_overlaps(list(seed()), boilerplate_min=100)
    assert plain.boilerplate == ()
    assert len(plain.pairs) > 3 * len(seed_result().pairs)
    strict = find_overlaps(list(seed()), min_similarity=0.9)
    assert all(s.similarity >= 0.9 for p in strict.pairs for s in p.shared)
    assert len(strict.pairs) < len(seed_result().pairs)
