import pytest

from redraft.model import Kind, Paragraph
from redraft.verbs import (
    is_operative_opener,
    is_preambular_opener,
    opening_phrase,
    shift,
    strength,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Also requests the Secretary-General to report", "Also requests"),
        ("Takes note with appreciation of the report", "Takes note"),
        ("Calls upon Member States to", "Calls upon"),
        ("Deeply concerned about the links", "Deeply concerned"),
        ("Bearing in mind that", "Bearing in mind"),
        ("Zigzags around", "Zigzags"),
        ("", ""),
    ],
)
def test_opening_phrase(text, expected):
    assert opening_phrase(text) == expected


def test_opening_prefers_the_italic_lead():
    paragraph = Paragraph(
        kind=Kind.OPERATIVE,
        text="Expresses its appreciation to",
        opening="Expresses its appreciation",
    )
    assert opening_phrase(paragraph) == "Expresses its appreciation"


@pytest.mark.parametrize(
    "old, new, kind, expected",
    [
        ("Urges", "Encourages", Kind.OPERATIVE, "weaker"),
        ("Invites", "Calls upon", Kind.OPERATIVE, "stronger"),
        ("Requests", "Also requests", Kind.OPERATIVE, "same"),
        ("Urges", "Strongly urges", Kind.OPERATIVE, "stronger"),
        ("Welcomes", "Takes note", Kind.OPERATIVE, "weaker"),
        ("Decides", "Urges", Kind.OPERATIVE, "weaker"),
        ("Noting", "Reaffirming", Kind.PREAMBULAR, "stronger"),
        ("Recalling", "Noting", Kind.PREAMBULAR, "weaker"),
        ("Frobnicates", "Urges", Kind.OPERATIVE, "unknown"),
    ],
)
def test_shift_follows_the_documented_scale(old, new, kind, expected):
    assert shift(old, new, kind) == expected


def test_scale_order_from_the_issue():
    chain = [
        "Decides",
        "Urges",
        "Calls upon",
        "Requests",
        "Encourages",
        "Invites",
        "Welcomes",
        "Takes note",
    ]
    ranks = [strength(v) for v in chain]
    assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) == len(ranks)


@pytest.mark.parametrize(
    "phrase", ["Decides", "Also calls upon", "Takes note", "Expresses its appreciation"]
)
def test_operative_openers(phrase):
    assert is_operative_opener(phrase)
    assert not is_preambular_opener(phrase) or phrase.startswith("Takes")


@pytest.mark.parametrize(
    "phrase", ["Recalling", "Deeply concerned", "Aware", "Having considered", "Noting also"]
)
def test_preambular_openers(phrase):
    assert is_preambular_opener(phrase)


def test_wrong_form_is_flagged():
    assert not is_operative_opener("Recalling")
    assert not is_preambular_opener("Requests")
    assert is_operative_opener("Frobnicates", extra=()) and is_preambular_opener(
        "Frobnicates", extra=["frobnicates"]
    )


def test_trailing_punctuation_and_commas_and_hyphens():
    assert opening_phrase("Given its resolution 65/232,") == "Given"
    assert (
        opening_phrase("Also, in this regard, calls upon States")
        == "Also, in this regard, calls upon"
    )
    assert is_operative_opener("Also, in this regard, calls upon")
    assert is_operative_opener("Re-emphasizes")
    assert is_preambular_opener("Firmly convinced")
    assert is_operative_opener("Duly notes")
    assert not is_operative_opener("Address")
