from hypothesis import given, settings

from redraft import canonical
from redraft.model import Kind

from .strategies import drafts


@settings(max_examples=300, deadline=None)
@given(drafts())
def test_parse_render_round_trip(draft):
    assert canonical.parse(canonical.render(draft)) == draft


def test_small_example_reads_as_documented():
    text = canonical.render(
        canonical.parse(
            "---\nredraft: 1\nsymbol: A/RES/1\n---\n\n# Draft resolution I\n\n## A title\n\n"
            "> *The General Assembly*,\n\n*Recalling* its resolution,¹\n\n[^1]: A/1.\n\n"
            "1. *Urges* States;\n\n    (a) To act;\n\n### Heading\n\n"
            "2. *Decides* to remain seized.\n"
        )
    )
    draft = canonical.parse(text)
    assert draft.labels() == [
        "heading",
        "title",
        "formula",
        "PP1",
        "FN1",
        "OP1",
        "OP1(a)",
        "H1",
        "OP2",
    ]
    assert draft.find("op1").opening == "Urges"
    assert draft.find("OP1(a)").kind is Kind.OPERATIVE
    assert draft.meta.symbol == "A/RES/1"


def test_paragraph_fields_are_those_the_parser_copies() -> None:
    """blocktree.BlockNode.freeze and labels._label_tree build each paragraph naming every
    field (faster than dataclasses.replace): a new field must be copied there too."""
    from dataclasses import fields

    from redraft.model import Paragraph

    names = [f.name for f in fields(Paragraph)]
    assert names == ["kind", "text", "number", "label", "opening", "children", "footnotes"]
