"""The AKN4UN writer: ``read_akn(render_akn(d)) == d`` for every draft AKN can express,
and for every real UN file (read -> render -> read)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from redraft.labels import assign_labels
from redraft.model import Draft, Footnote, Kind, Meta, Paragraph, footnote_ref
from redraft.readers.akn import read_akn
from redraft.render.akn import join_sponsors, render_akn, split_documents
from redraft.typography import INVISIBLE

from .strategies import drafts, marker, number, read_drafts, word

DATA = Path(__file__).parent / "data" / "akn"
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}

# -- what AKN can express: the restrictions, each for a reason ------------------------
# Text is whitespace-normalised (the reader collapses spaces inside <p>) and not empty
# (an empty paragraph is no paragraph); characters XML cannot hold are excluded.
_alphabet = st.characters(
    blacklist_categories=("Cs", "Cc", "Cn", "Zl", "Zp"),
    blacklist_characters="\ufeff\u2028\u2029" + "⁰¹²³⁴⁵⁶⁷⁸⁹[]" + INVISIBLE,
)
clean = (
    st.text(alphabet=_alphabet, min_size=1, max_size=30)
    .map(lambda s: " ".join(s.split(" ")).strip())
    .filter(lambda s: s and " ".join(s.split()) == s)
)


@st.composite
def cited_text(draw: st.DrawFn, opening_ok: bool) -> tuple[str, str, tuple[Footnote, ...]]:
    """(opening, text, footnotes) where every footnote is cited once in the text."""
    body = draw(clean)
    markers = draw(st.lists(marker, max_size=min(2, len(body)), unique=True))
    cuts = sorted(
        draw(
            st.lists(
                st.integers(1, len(body)), min_size=len(markers), max_size=len(markers), unique=True
            )
        )
    )
    notes = tuple(Footnote(m, draw(clean)) for m in markers)  # in the order cited
    for cut, note in reversed(list(zip(cuts, notes, strict=True))):
        body = body[:cut] + footnote_ref(note.marker) + body[cut:]
    opening = draw(word) if opening_ok and draw(st.booleans()) else ""
    text = f"{opening} {body}" if opening else body
    return opening, text, notes


@st.composite
def block(draw: st.DrawFn, kind: Kind, depth: int = 0) -> Paragraph:
    if kind is Kind.TABLE:
        rows = draw(st.lists(st.lists(clean, min_size=1, max_size=3), min_size=1, max_size=3))
        return Paragraph(kind=kind, text="\n".join("\t".join(r) for r in rows))
    opening_ok = kind in (Kind.FORMULA, Kind.PREAMBULAR, Kind.OPERATIVE, Kind.TEXT)
    opening, text, notes = draw(cited_text(opening_ok))
    num = draw(number).replace(" ", "") if kind is Kind.OPERATIVE else ""
    if kind is Kind.PREAMBULAR and draw(st.booleans()):
        num = draw(st.sampled_from(["2bis", "5alt", "3ter"]))
    kids: list[Paragraph] = []
    if kind is Kind.OPERATIVE and depth < 2:
        child_kinds = st.sampled_from([Kind.OPERATIVE, Kind.OPERATIVE, Kind.TEXT, Kind.TABLE])
        kids = [draw(block(k, depth + 1)) for k in draw(st.lists(child_kinds, max_size=3))]
    return Paragraph(
        kind=kind, text=text, number=num, opening=opening, children=tuple(kids), footnotes=notes
    )


@st.composite
def document(draw: st.DrawFn) -> list[Paragraph]:
    """One resolution: heading/title, formula, preamble, then a body."""
    blocks = [
        draw(block(k))
        for k in draw(st.lists(st.sampled_from([Kind.DOC_HEADING, Kind.TITLE]), max_size=2))
    ]
    if draw(st.booleans()):
        blocks.append(draw(block(Kind.FORMULA)))
    blocks += [draw(block(Kind.PREAMBULAR)) for _ in range(draw(st.integers(0, 3)))]
    body_kinds = st.sampled_from(
        [Kind.OPERATIVE, Kind.OPERATIVE, Kind.HEADING, Kind.TEXT, Kind.TABLE, Kind.PREAMBULAR]
    )
    for kind in draw(st.lists(body_kinds, max_size=5)):
        previous = blocks[-1] if blocks else None
        if (
            kind is Kind.TABLE
            and previous is not None
            and previous.kind is Kind.OPERATIVE
            and previous.text.endswith(":")
        ):
            continue  # that table would read as the paragraph's own (docs/akn.md)
        blocks.append(draw(block(kind)))
    return blocks


@st.composite
def akn_drafts(draw: st.DrawFn) -> Draft:
    meta = Meta(
        symbol=draw(st.sampled_from(["", "A/RES/79/9", "S/2024/239", " odd "])),
        organ=draw(st.sampled_from(["", "General Assembly", "Security Council"])),
        language=draw(st.sampled_from(["en", "fr", "zh", "ar"])),
        doc_type=draw(st.sampled_from(["", "resolution", "draft resolution"])),
        date=draw(st.sampled_from(["", "2024-11-18"])),
        sponsors=tuple(
            draw(st.lists(st.sampled_from(["EU", "Cameroon, Congo", '"Q"']), max_size=2))
        ),
        extra=tuple(
            sorted(
                draw(
                    st.dictionaries(st.sampled_from(["draft_symbol", "x"]), clean, max_size=2)
                ).items()
            )
        ),
    )
    blocks = [b for _ in range(draw(st.integers(1, 2))) for b in draw(document())]
    if not blocks:  # a file with no text is refused, rightly
        blocks = [draw(block(Kind.OPERATIVE))]
    return Draft(meta=meta, blocks=assign_labels(tuple(blocks)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(akn_drafts())
def test_read_render_round_trip(draft: Draft) -> None:
    again, warnings = read_akn(render_akn(draft), "out.xml")
    assert again.labels() == draft.labels()
    assert again == draft
    assert warnings == []


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """The OASIS Akoma Ntoso 3.0 schema (tests/data/akn/schema/, see SOURCES.md)."""
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.parse(str(DATA / "schema" / "akomantoso30.xsd"), parser))


def assert_valid(schema: etree.XMLSchema, xml: bytes) -> None:
    if not schema.validate(etree.fromstring(xml)):
        raise AssertionError(str(schema.error_log).splitlines()[-1])


@pytest.mark.parametrize("path", sorted(DATA.glob("*.xml")), ids=lambda p: p.stem)
def test_real_files_round_trip(path: Path, schema: etree.XMLSchema) -> None:
    draft, _ = read_akn(path.read_bytes(), path.name)
    xml = render_akn(draft)
    assert read_akn(xml, "out.xml")[0] == draft
    assert_valid(schema, xml)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.one_of(akn_drafts(), drafts()))
def test_what_is_written_is_valid_akoma_ntoso(schema: etree.XMLSchema, draft: Draft) -> None:
    assert_valid(schema, render_akn(draft))


def test_shape_is_the_uns() -> None:
    draft, _ = read_akn((DATA / "A_RES_79_9-2421657E.xml").read_bytes(), "79-9.xml")
    root = etree.fromstring(render_akn(draft))
    assert root.tag == f"{{{NS['a']}}}akomaNtoso"
    statement = root.find("a:statement", NS)
    assert statement is not None and statement.get("name") == "resolution"
    assert root.findtext(".//a:coverPage//a:docNumber", namespaces=NS) == "A/RES/79/9"
    assert root.find(".//a:FRBRWork/a:FRBRdate", NS).get("date") == "2024-11-18"  # type: ignore[union-attr]
    assert root.findtext(".//a:preface//a:docNumber", namespaces=NS) == "79/9."
    containers = root.findall("a:statement/a:preamble/a:container", NS)
    assert len(containers) == 29
    assert containers[0].findtext("a:p/a:span[@class='italic']", namespaces=NS) == "Recalling"
    paragraphs = root.findall("a:statement/a:mainBody/a:paragraph", NS)
    assert [p.findtext("a:num", namespaces=NS) for p in paragraphs] == [
        f"{n}." for n in range(1, 31)
    ]
    exact = root.findall(".//a:proprietary/{urn:redraft:meta}meta", NS)
    assert ("symbol", "A/RES/79/9") in [(m.get("key"), m.get("value")) for m in exact]
    note = containers[1].find(".//a:authorialNote", NS)
    assert note is not None and note.get("marker") == "1"
    assert "¹" not in "".join(map(str, containers[1].itertext()))  # the reference became the note


def test_a_lettered_paragraph_after_a_numbered_one_stays_where_it_was() -> None:
    # UN markup sometimes gives a sub-paragraph its own top-level <num>: the reader repairs
    # that in UN files, never in a file redraft wrote (its structure is exact).
    blocks = (
        Paragraph(kind=Kind.OPERATIVE, text="One;", number="1."),
        Paragraph(kind=Kind.OPERATIVE, text="Lettered;", number="(a)"),
    )
    draft = Draft(Meta(), assign_labels(blocks))
    assert read_akn(render_akn(draft), "x")[0] == draft


def test_sub_paragraphs_and_tables_are_lists_and_containers() -> None:
    child = Paragraph(kind=Kind.OPERATIVE, text="first;", number="(a)")
    table = Paragraph(kind=Kind.TABLE, text="A\tB\n1\t2")
    draft = Draft(
        Meta(),
        assign_labels(
            (
                Paragraph(
                    kind=Kind.OPERATIVE,
                    text="Decides:",
                    number="1.",
                    opening="Decides",
                    children=(child,),
                ),
                Paragraph(
                    kind=Kind.OPERATIVE, text="Approves as follows:", number="2.", children=(table,)
                ),
            )
        ),
    )
    root = etree.fromstring(render_akn(draft))
    body = root.find(".//a:mainBody", NS)
    assert body is not None
    intro = body.find("a:paragraph/a:list/a:intro/a:p", NS)
    assert intro is not None and "".join(map(str, intro.itertext())) == "Decides:"
    assert intro[0].get("class") == "italic" and intro[0].text == "Decides"
    assert body.findtext("a:paragraph/a:list/a:point/a:num", namespaces=NS) == "(a)"
    assert body.find("a:container[@name='table']/a:table", NS) is not None
    assert read_akn(render_akn(draft), "x")[0] == draft


def test_arabic_numbers_are_printed_the_arabic_way() -> None:
    draft, _ = read_akn((DATA / "A_RES_79_11-2421663A.xml").read_bytes(), "a.xml")
    xml = render_akn(draft).decode("utf-8")
    assert "<num>1 -</num>" in xml
    assert read_akn(xml.encode(), "a.xml")[0] == draft


def test_two_resolutions_in_one_file() -> None:
    draft, _ = read_akn((DATA / "A_RES_79_252-2424692E.xml").read_bytes(), "x.xml")
    documents = split_documents(draft.blocks)
    assert [[b.text for b in d if b.kind is Kind.DOC_HEADING] for d in documents] == [
        ["79/252.", "A"],
        ["B"],
    ]
    root = etree.fromstring(render_akn(draft))
    assert root.find("a:documentCollection", NS) is not None
    assert len(root.findall("a:components/a:component/a:statement", NS)) == 2


def test_join_sponsors() -> None:
    assert join_sponsors(("A", "B", "C")) == "A, B and C"
    assert join_sponsors(("A",)) == "A"
    assert join_sponsors(()) == ""


def test_cli_export_akn_reads_back(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from redraft.cli import cli

    if cli.get_command(None, "export") is None:  # type: ignore[arg-type]
        pytest.skip("the export command is not built yet")
    source = DATA / "A_RES_79_126-2423502S.xml"
    out = tmp_path / "out.xml"
    result = CliRunner().invoke(cli, ["export", str(source), "--format", "akn", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_akn(out.read_bytes(), "out.xml")[0] == read_akn(source.read_bytes(), "s.xml")[0]


def _words(draft: Draft) -> list[str]:
    from redraft.model import strip_footnote_refs
    from redraft.render.akn import NOT_XML

    texts = [u.text for u in draft.units()]
    return sorted(strip_footnote_refs(NOT_XML.sub("", " ".join(texts))).split())


@settings(max_examples=150, deadline=None)
@given(read_drafts)
def test_any_draft_is_written_and_no_word_is_lost(draft: Draft) -> None:
    """The project-wide strategy, unrestricted: the writer never fails, and what it
    writes reads back with unique labels and every word of the draft."""
    from redraft.errors import InputError

    xml = render_akn(draft)
    try:
        again, _ = read_akn(xml, "x.xml")
    except InputError as error:  # only a draft with no words at all has no text
        assert "no text" in str(error) and _words(draft) == []
        return
    assert len(set(again.labels())) == len(again.labels())
    assert _words(again) == _words(draft)


def test_bundled_drafts_round_trip() -> None:
    from redraft import canonical
    from redraft.demo import bundled_drafts_dir

    paths = sorted(p for p in bundled_drafts_dir().glob("*.txt"))
    if not paths:
        pytest.skip("no bundled drafts in this build")
    for path in paths:
        draft = canonical.parse(path.read_text(encoding="utf-8"))
        assert read_akn(render_akn(draft), path.name)[0] == draft, path.name
