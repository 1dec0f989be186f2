"""The clean text: markers and tags removed, agreed brackets resolved, open ones refused."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redraft import canonical
from redraft.negotiation.clean import clean_draft
from redraft.negotiation.status import draft_status

from .test_status import load_draft_case


def test_keep_open_text_of_the_compilation_case() -> None:
    draft, expected = load_draft_case("compilation.txt")
    result = clean_draft(draft, keep_open=True)
    for line in expected["clean --keep-open"]:
        label, _, text = line.partition(": ")
        assert result.draft.find(label).text == text, label


def test_unresolved_list_in_document_order() -> None:
    draft, expected = load_draft_case("compilation.txt")
    result = clean_draft(draft)
    assert [f"{u.label}: {u.reason}" for u in result.unresolved] == expected["unresolved"]
    assert not result.complete


def test_agreed_draft_cleans_completely_and_keeps_labels() -> None:
    draft = canonical.parse(
        "---\nredraft: 1\n---\n\n*Recalling* [its resolution 70/1 - EU], [Agreed ad ref]\n\n"
        "1. *Decides* to free humanity from [extreme - US; G77 delete] poverty; agreed ad ref\n\n"
        "2. *Invites* donors [G77 delete] to contribute. [agreed]\n"
    )
    result = clean_draft(draft)
    assert result.complete
    assert [b.text for b in result.draft.blocks] == [
        "Recalling its resolution 70/1,",
        "Decides to free humanity from extreme poverty;",
        "Invites donors to contribute.",
    ]
    assert result.draft.labels() == draft.labels()
    assert result.draft.blocks[1].opening == "Decides"
    # the clean text is clean: nothing left to negotiate
    assert {p.state for p in draft_status(result.draft).paragraphs} == {"clean"}


_words = st.lists(
    st.sampled_from(["States", "urge", "the", "fund", "2030"]), min_size=1, max_size=5
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_words, _words, _words, st.sampled_from(["US", "EU", "G77"]))
def test_agreed_resolution_keeps_the_bracketed_words(
    before: str, inside: str, after: str, who: str
) -> None:
    """Law: resolving an agreed paragraph removes exactly the brackets, tag and marker."""
    text = f"{before} [{inside} - {who}] {after}. [Agreed ad ref]"
    draft = canonical.parse(f"---\nredraft: 1\n---\n\n1. {text}\n")
    result = clean_draft(draft)
    assert result.complete
    assert result.draft.blocks[0].text == f"{before} {inside} {after}."


def test_competing_alternatives_are_not_clean() -> None:
    draft = canonical.parse(
        "---\nredraft: 1\n---\n\n*Noting* the report,\n\nPP 1alt *Welcoming* the report,\n"
    )
    result = clean_draft(draft)
    assert [(u.label, u.reason) for u in result.unresolved] == [
        ("PP1", "PP1alt proposes to replace it"),
        ("PP1alt", "alternative to PP1"),
    ]
