"""Blame, word attribution, paragraph history and sponsors over in-memory histories
(the store is exercised by tests/test_negotiation_cli.py)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from redraft import canonical
from redraft.errors import InputError, NotFoundError
from redraft.model import Draft
from redraft.negotiation.blame import blame, blame_words
from redraft.negotiation.history import paragraph_history
from redraft.negotiation.lineage import build_lineage
from redraft.negotiation.sponsors import split_sponsors, sponsors_by_version


@dataclass(frozen=True)
class V:
    number: int
    by: str
    date: str = ""
    symbol: str = ""
    sponsors: tuple[str, ...] = ()


def draft(*paragraphs: str) -> Draft:
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate(paragraphs, start=1))
    return canonical.parse(f"---\nredraft: 1\n---\n\n{body}\n")


A = "Urges Member States to ratify the Convention against Transnational Organized Crime;"
B = "Requests the United Nations Office on Drugs and Crime to provide technical assistance;"
C = "Invites donors to contribute extrabudgetary resources for the purposes described above;"
NEW = "Welcomes the report of the Secretary-General on the implementation of the strategy;"
B2 = B.replace("technical assistance", "technical assistance to requesting States, upon request")

HISTORY = [
    (V(1, "Facilitator", "2026-01-10", "L.1"), draft(A, B, C)),
    (V(2, "G77", "2026-01-17", "L.1/Rev.1"), draft(NEW, A, B, C)),  # OP1 inserted: renumbering
    (V(3, "EU", "2026-01-24", "L.1/Rev.2"), draft(NEW, A, B2, C)),  # OP3 (was OP2) edited
]


def test_blame_follows_renumbering_and_edits() -> None:
    result = blame(build_lineage("x", HISTORY))
    got = {
        e.label: (e.introduced.version, e.introduced.by, e.last_changed.version)
        for e in result.paragraphs
    }
    assert got == {
        "OP1": (2, "G77", 2),
        "OP2": (1, "Facilitator", 1),
        "OP3": (1, "Facilitator", 3),
        "OP4": (1, "Facilitator", 1),
    }
    assert result.version.version == 3


def test_blame_one_paragraph_and_unknown_label() -> None:
    lineage = build_lineage("x", HISTORY)
    [entry] = blame(lineage, "op3").paragraphs
    changed = entry.last_changed
    assert (entry.label, changed.by, changed.date) == ("OP3", "EU", "2026-01-24")
    with pytest.raises(NotFoundError, match="no paragraph OP9 in version 3"):
        blame(lineage, "OP9")


def test_blame_follows_a_move() -> None:
    history = [(V(1, "EU"), draft(A, B, C)), (V(2, "US"), draft(C, A, B))]
    got = {e.label: e.introduced.version for e in blame(build_lineage("x", history)).paragraphs}
    assert got == {"OP1": 1, "OP2": 1, "OP3": 1}


def test_resolving_a_bracket_keeps_the_paragraph_origin() -> None:
    """Most words go when a bracket is resolved: below the diff's similarity, yet
    the same label and kind: the same paragraph (lineage's rule)."""
    before = (
        "Acknowledging the role of science [, in accordance with the principle of common "
        "but differentiated responsibilities. -G77; US, Canada, Japan, EU delete.]"
    )
    history = [
        (V(1, "Facilitator"), draft(A, before)),
        (V(2, "EU"), draft(A, "Acknowledging the role of science, [Agreed ad ref]")),
    ]
    [entry] = blame(build_lineage("x", history), "OP2").paragraphs
    assert (entry.introduced.version, entry.last_changed.version) == (1, 2)


def test_words_attributes_each_passage() -> None:
    history = [
        (V(1, "Facilitator"), draft("We urge States to act.")),
        (V(2, "G77"), draft("We urge all States to act.")),
        (V(3, "EU"), draft("We urge all States to act now.")),
    ]
    words = blame_words(build_lineage("x", history), "OP1")
    assert "".join(p.text for p in words.passages) == "We urge all States to act now."
    assert [(p.text.strip(), p.stamp.by) for p in words.passages] == [
        ("We urge", "Facilitator"),
        ("all", "G77"),
        ("States to act", "Facilitator"),
        ("now", "EU"),
        (".", "Facilitator"),
    ]


_edit = st.sampled_from(["none", "insert", "delete", "replace"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_edit, st.integers(0, 20)), min_size=1, max_size=4))
def test_words_always_rebuild_the_paragraph(edits: list[tuple[str, int]]) -> None:
    """Law: the attributed passages joined are the paragraph's latest text."""
    words = "Requests the Office to assist States in the drafting of legislation".split()
    history = [(V(1, "v1"), draft(" ".join(words) + ";", C))]
    for number, (edit, at) in enumerate(edits, start=2):
        at %= len(words)
        if edit == "insert":
            words = [*words[:at], f"new{number}", *words[at:]]
        elif edit == "delete" and len(words) > 3:
            words = words[:at] + words[at + 1 :]
        elif edit == "replace":
            words = [*words[:at], f"word{number}", *words[at + 1 :]]
        history.append((V(number, f"v{number}"), draft(" ".join(words) + ";", C)))
    result = blame_words(build_lineage("x", history), "OP1")
    assert "".join(p.text for p in result.passages) == " ".join(words) + ";"
    for passage in result.passages:
        for token in passage.text.split():
            if token.startswith(("new", "word")):
                assert passage.stamp.by == "v" + token.removeprefix("new").removeprefix("word")


def test_history_gives_the_label_at_each_step() -> None:
    history = paragraph_history(build_lineage("x", HISTORY), "OP3")
    assert [(s.stamp.version, s.label, s.event) for s in history.steps] == [
        (1, "OP2", "introduced"),
        (2, "OP3", "unchanged"),
        (3, "OP3", "modified"),
    ]
    assert history.steps[1].renumbered and history.steps[1].previous_label == "OP2"
    assert ("+", "to requesting States, upon request") in [
        (op, t.strip()) for op, t in history.steps[2].segments
    ]
    assert history.changes == 1


def test_history_of_a_deleted_paragraph_ends_with_its_deletion() -> None:
    history = [(V(1, "EU"), draft(A, B, C)), (V(2, "US"), draft(A, B))]
    steps = paragraph_history(build_lineage("x", history), "OP3").steps
    assert [(s.label, s.event) for s in steps] == [("OP3", "introduced"), ("", "deleted")]
    assert steps[1].previous_label == "OP3"


def test_history_unknown_label() -> None:
    with pytest.raises(NotFoundError, match="no paragraph OP7 in any version"):
        paragraph_history(build_lineage("x", HISTORY), "OP7")


def test_lineage_needs_versions() -> None:
    with pytest.raises(InputError):
        build_lineage("x", [])


def test_sponsors_joined_and_left() -> None:
    history = [
        (V(1, "EU", sponsors=("Belarus, China and Nicaragua",)), draft(A)),
        (V(2, "EU", sponsors=("Belarus", "China", "Trinidad and Tobago")), draft(A)),
        (V(3, "EU"), canonical.parse('---\nredraft: 1\nsponsors: ["China"]\n---\n\n1. X\n')),
    ]
    steps = sponsors_by_version("x", history).steps
    assert [s.sponsors for s in steps] == [
        ("Belarus", "China", "Nicaragua"),
        ("Belarus", "China", "Trinidad and Tobago"),
        ("China",),
    ]
    assert (steps[1].joined, steps[1].left) == (("Trinidad and Tobago",), ("Nicaragua",))
    assert steps[2].left == ("Belarus", "Trinidad and Tobago")


def test_split_sponsors_keeps_names_with_and() -> None:
    assert split_sponsors(["Antigua and Barbuda, Bosnia and Herzegovina and Chile"]) == (
        "Antigua and Barbuda",
        "Bosnia and Herzegovina",
        "Chile",
    )


_POOL = [
    A,
    B,
    C,
    NEW,
    B2,
    "Decides to remain seized of the matter and to consider it again at its next session;",
    "Stresses the importance of international cooperation in preventing crime;",
    "Requests the Secretary-General to report on the implementation of this resolution;",
]


@settings(max_examples=40, deadline=None)
@example(versions=[[0, 1, 2, 3, 4], [0, 1, 5, 2, 4], [4, 5, 2]])  # found by hypothesis: a move
@given(
    st.lists(
        st.lists(st.sampled_from(range(len(_POOL))), min_size=1, max_size=6, unique=True),
        min_size=1,
        max_size=4,
    )
)
def test_blame_laws_on_random_histories(versions: list[list[int]]) -> None:
    """Laws: every unit of the latest version is blamed once; nothing is changed
    before it is introduced; a text present unchanged in every version was introduced in
    v1 (it may have been moved since: a move changes its place, and blame says when)."""
    history = [
        (V(n, f"d{n}"), draft(*(_POOL[i] for i in ids))) for n, ids in enumerate(versions, start=1)
    ]
    result = blame(build_lineage("x", history))
    latest = history[-1][1]
    assert [e.label for e in result.paragraphs] == latest.labels()
    for entry in result.paragraphs:
        assert entry.introduced.version <= entry.last_changed.version
    everywhere = set.intersection(*(set(ids) for ids in versions))
    for entry in result.paragraphs:
        if latest.find(entry.label).text in {_POOL[i] for i in everywhere}:
            assert entry.introduced.version == 1


def test_words_name_the_proponents_of_bracketed_passages() -> None:
    """In a compilation one secretariat records every version: the bracket's tag
    says which delegation put a passage forward."""
    history = [
        (V(1, "Facilitator"), draft("Resolves to free humanity from poverty.")),
        (
            V(2, "Facilitator"),
            draft("Resolves to free humanity from [extreme - US; G77 delete] poverty."),
        ),
        (
            V(3, "Facilitator"),
            draft(
                "Resolves to free humanity from [extreme - US; G77 delete] "
                "poverty [and hunger (EU)]."
            ),
        ),
    ]
    words = blame_words(build_lineage("x", history), "OP1")
    assert [(p.text.strip(), p.stamp.version, p.proposed_by) for p in words.passages] == [
        ("Resolves to free humanity from", 1, ()),
        ("[extreme - US; G77 delete]", 2, ("US",)),
        ("poverty", 1, ()),
        ("[and hunger (EU)]", 3, ("EU",)),
        (".", 1, ()),
    ]
