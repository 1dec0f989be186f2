import pytest

from redraft.labels import assign_labels, is_negotiation_number, number_key
from redraft.model import Footnote, Kind, Paragraph


@pytest.mark.parametrize(
    "printed, key",
    [
        ("5.", "5"),
        ("12", "12"),
        ("3 bis.", "3bis"),
        ("2.bis", "2bis"),
        ("OP3 bis", "3bis"),
        ("(c)", "(c)"),
        ("a.", "a"),
        ("a)", "(a)"),  # French and Spanish print sub-paragraphs a)
        ("(б)", "(b)"),  # Russian letters by position
        ("в)", "(c)"),
        ("(أ)", "(a)"),  # Arabic letters in abjad order
        ("(ب)", "(b)"),
        ("٣.", "3"),  # Eastern Arabic digits
        ("5 -", "5"),  # Arabic documents print "5 -"
        ("(iv)", "(iv)"),
    ],
)
def test_number_key(printed, key):
    assert number_key(printed) == key


def test_negotiation_numbers():
    assert is_negotiation_number("3 bis.") and is_negotiation_number("5alt")
    assert not is_negotiation_number("5.")


def _p(kind, text="x", number="", children=(), footnotes=()):
    return Paragraph(kind=kind, text=text, number=number, children=children, footnotes=footnotes)


def test_labels_of_a_decision_with_nested_sub_paragraphs_and_inserted_paragraphs():
    blocks = (
        _p(Kind.DOC_HEADING),
        _p(Kind.TITLE),
        _p(Kind.FORMULA),
        _p(Kind.PREAMBULAR),
        _p(Kind.PREAMBULAR, number="2bis"),
        _p(Kind.PREAMBULAR, footnotes=(Footnote("16", "Ibid."),)),
        _p(
            Kind.OPERATIVE,
            number="(c)",
            children=(
                _p(Kind.OPERATIVE, number="(ii)", children=(_p(Kind.OPERATIVE, number="a."),)),
                _p(Kind.TEXT),
                _p(Kind.TABLE),
            ),
        ),
        _p(Kind.HEADING),
        _p(Kind.OPERATIVE, number="3 bis."),
        _p(Kind.OPERATIVE, number="5."),
        _p(Kind.OPERATIVE, number="5."),
    )
    labels = [u.label for b in assign_labels(blocks) for u in _units(b)]
    assert labels == [
        "heading",
        "title",
        "formula",
        "PP1",
        "PP2bis",
        "PP2",
        "FN16",
        "OP(c)",
        "OP(c)(ii)",
        "OP(c)(ii)a",
        "OP(c).p1",
        "OP(c).T1",
        "H1",
        "OP3bis",
        "OP5",
        "OP5#2",
    ]


def _units(block):
    yield block
    yield from block.footnotes
    for child in block.children:
        yield from _units(child)


def test_paragraph_fields_are_those_the_tree_builders_copy():
    """labels._label_tree and blocktree.BlockNode.freeze rebuild a Paragraph by naming
    every field (faster than dataclasses.replace): a new field must be added there too."""
    import dataclasses

    names = tuple(f.name for f in dataclasses.fields(Paragraph))
    assert names == ("kind", "text", "number", "label", "opening", "children", "footnotes")


def test_labelling_keeps_every_field():
    note = Footnote(marker="1", text="A note.")
    child = Paragraph(Kind.TEXT, "(a) Child", number="(a)")
    block = Paragraph(
        Kind.OPERATIVE,
        "Urges States",
        number="1.",
        opening="Urges",
        children=(child,),
        footnotes=(note,),
    )
    (labelled,) = assign_labels((block,))
    assert dataclasses_without_labels(labelled) == dataclasses_without_labels(block)


def dataclasses_without_labels(block: Paragraph) -> Paragraph:
    import dataclasses

    children = tuple(dataclasses_without_labels(c) for c in block.children)
    return dataclasses.replace(block, label="", children=children)
