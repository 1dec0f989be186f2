"""Pairing paragraphs by identity: anchors, boilerplate, moves, splits, thresholds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redraft.diff.align import Group, align, similarity, words
from redraft.diff.candidates import best_in_order, candidate_pairs, longest_increasing
from redraft.diff.engine import diff_drafts
from redraft.labels import assign_labels
from redraft.model import Draft, Footnote, Kind, Paragraph


def op(text: str, number: str = "", footnotes: tuple[Footnote, ...] = ()) -> Paragraph:
    return Paragraph(Kind.OPERATIVE, text, number=number, footnotes=footnotes)


def draft(*texts: str) -> Draft:
    blocks = tuple(op(t, f"{i}.") for i, t in enumerate(texts, start=1))
    return Draft(blocks=assign_labels(blocks))


LONG = [
    f"Requests the Office to continue its work on topic number {i} and to report on it"
    for i in range(10)
]


def summary_of(old: Draft, new: Draft) -> dict[str, int]:
    return diff_drafts(old, new).summary()


def pairs(groups: list[Group]) -> set[tuple[tuple[int, ...], tuple[int, ...], bool]]:
    return {(g.old, g.new, g.in_order) for g in groups}


def test_similarity_is_multiset_jaccard():
    # {a, b, b} vs {b, c}: common 1, union 3 + 2 - 1 = 4
    assert similarity(words("a b b"), words("b c")) == 0.25
    assert similarity(words(""), words("")) == 1.0
    assert similarity(words("a"), words("")) == 0.0


def test_renumbering_is_not_a_change():
    old = draft(*LONG)
    new = draft("Welcomes the report.", *LONG)
    counts = summary_of(old, new)
    assert (counts["inserted"], counts["renumbered"], counts["equal"]) == (1, 10, 10)
    assert counts["modified"] == counts["moved"] == 0


def test_footnote_renumbering_keeps_the_citing_paragraph_equal():
    cited = op("Recalls the Convention,¹", "1.", (Footnote("1", "A"),))
    old = Draft(blocks=assign_labels((cited,)))
    new = Draft(
        blocks=assign_labels(
            (
                op("Recalls the Charter,¹", "1.", (Footnote("1", "B"),)),
                op("Recalls the Convention,²", "2.", (Footnote("2", "A"),)),
            )
        )
    )
    result = diff_drafts(old, new)
    by_new = {c.new: c for c in result.changes}
    assert by_new[("OP2",)].op == "equal" and by_new[("OP2",)].renumbered
    assert by_new[("FN2",)].old == ("FN1",) and by_new[("FN2",)].op == "equal"
    assert [c.op for c in result.changes if c.op != "equal"] == ["inserted", "inserted"]


def test_swap_of_neighbours_moves_one_paragraph_only():
    old = draft(*LONG[:5])
    new = draft(LONG[0], LONG[2], LONG[1], LONG[3], LONG[4])
    moved = [c for c in diff_drafts(old, new).changes if c.moved]
    assert len(moved) == 1


def test_short_boilerplate_never_moves():
    old = draft("Decides to remain seized.", *LONG[:3])
    new = draft(*LONG[:3], "Decides to remain seized.")
    counts = summary_of(old, new)
    assert counts["moved"] == 0
    assert (counts["deleted"], counts["inserted"]) == (1, 1)


def test_identical_paragraphs_with_one_deleted():
    same = "Subject to the availability of extrabudgetary resources"
    old = draft(LONG[0], same, LONG[1], same, LONG[2])
    new = draft(LONG[0], same, LONG[1], LONG[2])
    groups = align(list(old.units()), list(new.units()))
    assert ((3,), (), True) in pairs(groups)
    assert ((1,), (1,), True) in pairs(groups)


def test_block_of_paragraphs_shifted_is_not_moved():
    old = draft(*LONG)
    new = draft(*LONG[3:], *LONG[:3])
    counts = summary_of(old, new)
    assert counts["moved"] == 3  # the three, not the seven that kept their order


def test_threshold_between_modified_and_rewritten():
    old = draft("Urges Member States to ratify the Convention without delay")
    edited = draft("Urges all Member States to ratify the Convention promptly")
    rewritten = draft("Decides to hold a high-level meeting in New York in 2026")
    assert [c.op for c in diff_drafts(old, edited).changes] == ["modified"]
    assert [c.op for c in diff_drafts(old, rewritten).changes] == ["deleted", "inserted"]


def test_footnotes_pair_only_with_footnotes_and_blocks_report_a_kind_change():
    old = Draft(blocks=assign_labels((Paragraph(Kind.HEADING, "Cybercrime"),)))
    new = Draft(blocks=assign_labels((op("Cybercrime", "1."),)))
    [change] = diff_drafts(old, new).changes
    assert (change.op, change.kind_change) == ("modified", ("heading", "operative"))
    fn_old = Draft(blocks=assign_labels((op("Recalls X,¹", "1.", (Footnote("1", "Same"),)),)))
    fn_new = Draft(blocks=assign_labels((op("Recalls X,", "1."), op("Same", "2."))))
    assert [c.op for c in diff_drafts(fn_old, fn_new).changes] == [
        "modified",
        "deleted",
        "inserted",
    ]


def test_updated_footnote_of_a_paired_paragraph_is_modified():
    old = Draft(
        blocks=assign_labels(
            (op("Takes note of the reports,¹", "1.", (Footnote("1", "A/78/67 and A/78/339."),)),)
        )
    )
    new = Draft(
        blocks=assign_labels(
            (op("Takes note of the reports,¹", "1.", (Footnote("1", "A/79/68 and A/79/340."),)),)
        )
    )
    assert [(c.op, c.old, c.new) for c in diff_drafts(old, new).changes] == [
        ("equal", ("OP1",), ("OP1",)),
        ("modified", ("FN1",), ("FN1",)),
    ]


def test_paragraph_cut_down_to_its_first_line_is_modified():
    long = (
        "Notes the decision of the Assembly to extend the strategic plan for two years, "
        "the request to review the action plan as necessary for the same period, and the "
        "decision to include the periodic review as an agenda item for its next session"
    )
    short = "Notes the decision of the Assembly to extend the strategic plan for two years"
    assert [c.op for c in diff_drafts(draft(long), draft(short)).changes] == ["modified"]


def test_every_index_in_one_group():
    old, new = draft(*LONG[:6]), draft(LONG[5], *LONG[1:4], "New text here entirely different")
    groups = align(list(old.units()), list(new.units()))
    assert sorted(i for g in groups for i in g.old) == list(range(6))
    assert sorted(j for g in groups for j in g.new) == list(range(5))


def test_document_heading_pairs_by_kind_whatever_its_text():
    def with_heading(text: str) -> Draft:
        blocks = (Paragraph(Kind.DOC_HEADING, text), op(LONG[0], "1."))
        return Draft(blocks=assign_labels(blocks))

    [heading, _] = diff_drafts(with_heading("78/58."), with_heading("79/67.")).changes
    assert (heading.op, heading.old, heading.new) == ("modified", ("heading",), ("heading",))


def test_footnotes_cited_in_a_new_order_are_not_moved():
    a = Footnote("1", "Report of the United Nations Conference on Small Arms, chap. IV")
    b = Footnote("2", "United Nations, Treaty Series, vol. 1015, No. 14860 and others")
    cited = op("Notes the Programme¹ and the Convention²", "1.", (a, b))
    old = Draft(blocks=assign_labels((cited,)))
    new = Draft(
        blocks=assign_labels(
            (
                op(
                    "Notes the Convention¹ and the Programme²",
                    "1.",
                    (Footnote("1", b.text), Footnote("2", a.text)),
                ),
            )
        )
    )
    changes = diff_drafts(old, new).changes
    assert [(c.op, c.old, c.new, c.moved, c.renumbered) for c in changes] == [
        ("modified", ("OP1",), ("OP1",), False, False),
        ("equal", ("FN2",), ("FN1",), False, True),
        ("equal", ("FN1",), ("FN2",), False, True),
    ]


# -- large gaps: candidates and the best in-order choice ----------------------------


def dense_best(scores: dict[tuple[int, int], float], n: int, m: int) -> float:
    """The full-table optimum (the small-gap algorithm) for comparison."""
    table = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            table[a][b] = max(table[a + 1][b], table[a][b + 1])
            if (a, b) in scores:
                table[a][b] = max(table[a][b], scores[a, b] + table[a + 1][b + 1])
    return table[0][0]


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.integers(0, 7), st.integers(0, 7)), st.floats(0.1, 1.0), max_size=30
    )
)
def test_best_in_order_is_optimal_and_in_order(scores):
    chosen = best_in_order(scores, lambda i, j: scores[i, j])
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(chosen, chosen[1:], strict=False))
    total = sum(scores[pair] for pair in chosen)
    assert abs(total - dense_best(scores, 8, 8)) < 1e-9


def test_candidates_keep_pairs_that_share_most_words():
    old = {0: words("the committee requests a report on oceans"), 1: words("x y z")}
    new = {5: words("the committee requests a report on fisheries"), 6: words("q r s")}
    pairs = candidate_pairs(old, new, 0.5)
    assert (0, 5) in pairs and (1, 6) not in pairs and (0, 6) not in pairs


def test_longest_increasing():
    assert longest_increasing([(0, 3), (1, 1), (2, 2), (3, 0), (4, 4)]) == [(1, 1), (2, 2), (4, 4)]
