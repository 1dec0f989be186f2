"""Typography is not a change: the comparison form (redraft.typography), the diff's
typography flag, what every output shows of it, and the law that typography noise
added to any draft changes nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from redraft import canonical
from redraft.diff import diff_drafts
from redraft.model import Draft, Footnote, Kind, Paragraph
from redraft.render.diff_html import render_diff_html
from redraft.render.diff_json import diff_document
from redraft.render.diff_markdown import render_diff_markdown
from redraft.render.diff_text import render_diff_plain
from redraft.typography import (
    IGNORED,
    SPLIT_SPACES,
    collapse_spaces,
    comparable,
    control_characters,
    differences,
    strip_invisible,
    typography_only,
    visible,
)

from .cli_helpers import run
from .strategies import drafts

HEAD = "---\nredraft: 1\n---\n\n> *The General Assembly*,\n\n"


def draft(body: str) -> Draft:
    return canonical.parse(HEAD + body)


# -- the comparison form ----------------------------------------------------------------


def test_comparable_treats_every_space_alike() -> None:
    assert comparable("of 18\u00a0December") == "of 18 December"
    assert comparable("of 18\u202fDecember") == "of 18 December"
    assert comparable("\tRecalling  its\nresolution ") == "Recalling its resolution"
    assert (
        comparable("Recalling\u200e its\u200b reso\u00adlution\ufeff") == "Recalling its resolution"
    )
    assert comparable("plain text") == "plain text"


def test_split_spaces_are_every_space_str_split_knows() -> None:
    spaces = {chr(code) for code in range(0x110000) if chr(code).isspace()}
    assert set(SPLIT_SPACES) == spaces - {" "}
    assert len(SPLIT_SPACES) == len(set(SPLIT_SPACES))


@given(st.text(st.sampled_from(["a", "é", " ", "\u00a0", "\u2009", "\x1c", "\u200b", "\u2011"])))
def test_comparable_is_its_definition(text: str) -> None:
    normalised = " ".join(text.split()).replace("\u2011", "-").replace("\u2010", "-")
    normalised = " ".join("".join(c for c in normalised if c not in IGNORED).split())
    assert comparable(text) == normalised


def test_a_non_breaking_hyphen_is_a_hyphen_but_a_dash_is_not() -> None:
    # Word's non-breaking hyphen comes out of a PDF's text layer as "-"
    assert comparable("A/ES\u201110/794 and non\u2010binding") == "A/ES-10/794 and non-binding"
    assert typography_only("non\u2011binding", "non-binding")
    assert not typography_only("2021\u20132030", "2021-2030")  # an en dash was chosen
    assert differences("non\u2011binding", "non-binding") == ("non-breaking hyphen",)
    assert visible("non\u2011binding") == "non⟨U+2011⟩binding"


def test_typography_only_needs_a_difference() -> None:
    assert typography_only("a\u00a0b", "a b")
    assert not typography_only("a b", "a b")
    assert not typography_only("a b", "ab")
    assert not typography_only("a b", "a c")


def test_readers_keep_no_break_spaces_and_drop_invisible_marks() -> None:
    assert collapse_spaces(" a \t b\n c\u00a0d ") == "a b c\u00a0d"
    assert strip_invisible("Recalling\u200e its\u00ad") == "Recalling its"
    assert strip_invisible("زخ\u200cر") == "زخ\u200cر"  # a joiner shapes Arabic: kept


def test_differences_and_visible_name_what_differs() -> None:
    assert differences("a\u00a0b", "a b") == ("no-break space",)
    assert differences("a\tb", "a b") == ("tab",)
    assert differences("a b\u200e", "a b") == ("directional mark",)
    assert differences("a  b", "a b") == ("spacing",)
    assert visible("a\u00a0b\t\u200e") == "a°b→⟨U+200E⟩"


def test_control_characters_are_found_but_not_tabs_or_line_ends() -> None:
    assert control_characters("a\tb\nc") == []
    assert control_characters("a\x00b\x1bc\x85") == ["\x00", "\x1b", "\x85"]


# -- the diff ---------------------------------------------------------------------------


def test_a_no_break_space_is_equal_with_a_typography_flag() -> None:
    old = draft("*Recalling* its resolution 67/123 of 18 December 2012,\n")
    new = draft("*Recalling* its resolution 67/123 of 18\u00a0December 2012,\u200e\n")
    result = diff_drafts(old, new)
    change = next(c for c in result.changes if c.new == ("PP1",))
    assert change.op == "equal" and change.typography and not change.renumbered
    assert not result.differs
    assert result.summary()["typography"] == 1
    assert diff_document(result)["changes"][1]["typography"] is True
    assert diff_document(result)["summary"]["typography"] == 1


def test_a_non_breaking_hyphen_against_a_hyphen_is_equal() -> None:
    old = draft("1. *Urges* States to implement resolution ES\u201111/6;\n")
    new = draft("1. *Urges* States to implement resolution ES-11/6;\n")
    change = diff_drafts(old, new).changes[1]
    assert (change.op, change.typography) == ("equal", True)


def test_typography_in_chinese_counts_no_words() -> None:
    old = draft("1. 表示注意到民主和经济发展组织-古阿姆集团开展活动；\n")
    new = draft("1. 表示注意到民主和经济发展组织\u2011古阿姆集团开展活动；\n")
    result = diff_drafts(old, new)
    assert result.summary()["typography"] == 1
    assert (result.summary()["words_added"], result.summary()["words_removed"]) == (0, 0)


def test_a_tab_inside_the_italic_opening_is_typography() -> None:
    old = canonical.parse(HEAD + "*Convinced* that the wishes of the people,\n")
    new = replace(
        old,
        blocks=tuple(
            replace(b, text="\t" + b.text, opening="") if b.kind is Kind.PREAMBULAR else b
            for b in old.blocks
        ),
    )
    change = diff_drafts(old, new).changes[1]
    assert (change.op, change.typography, change.verb) == ("equal", True, None)


def test_soft_hyphens_and_double_spaces_are_typography() -> None:
    old = draft("1. *Urges* States to implement  the resolution;\n")
    new = draft("1. *Urges* States to imple\u00adment the resolution;\n")
    assert [c.op for c in diff_drafts(old, new).changes] == ["equal", "equal"]


def test_a_real_change_next_to_typography_shows_only_the_words() -> None:
    old = draft("1. *Urges* all States to act on 18 December 2012;\n")
    new = draft("1. *Urges* all Member States to act on 18\u00a0December 2012;\n")
    result = diff_drafts(old, new)
    change = result.changes[1]
    assert change.op == "modified" and not change.typography
    plain = render_diff_plain(result)
    assert "{++Member ++}" in plain or "{++ Member++}" in plain
    assert plain.count("{++") == 1 and "{--" not in plain  # the space is not shown
    assert any(op == "-" for op, _ in change.segments)  # while the segments stay exact


def test_renumbered_references_show_no_change_in_any_format() -> None:
    old = draft("*Recalling* its resolution,¹\n[^1]: Resolution 67/123.\n")
    new = draft(
        "*Noting* the report,¹\n[^1]: A/79/1.\n\n"
        "*Recalling* its resolution,²\n[^2]: Resolution 67/123.\n"
    )
    result = diff_drafts(old, new)
    recalling = next(c for c in result.changes if c.new == ("PP2",))
    assert recalling.op == "equal" and recalling.renumbered and not recalling.typography
    assert "{--¹--}" not in render_diff_plain(result, show_all=True)
    assert "<del>¹</del>" not in render_diff_html(result, show_all=True)
    assert "~~¹~~" not in render_diff_markdown(result, show_all=True)
    assert "resolution,²" in render_diff_plain(result, show_all=True)


def test_a_reference_to_other_footnote_text_stays_a_change() -> None:
    old = draft("*Recalling* its resolution,¹\n[^1]: Resolution 67/123.\n")
    new = draft("*Recalling* its resolution,¹\n[^1]: Resolution 78/1.\n")
    result = diff_drafts(old, new)
    assert result.differs
    footnote = next(c for c in result.changes if c.new == ("FN1",))
    assert footnote.op == "modified"
    assert "FN1" in render_diff_plain(result) and "78/1" in render_diff_plain(result)


# -- the property: typography noise changes nothing ---------------------------------------

NOISE = st.sampled_from([" ", "\u00a0", "\u202f", "  ", "\t", " \u200e", "\u200b ", " \ufeff"])
MARKS = st.sampled_from(["", "", "\u200e", "\u200f", "\u00ad", "\u200b"])


@st.composite
def noisy(draw: st.DrawFn, text: str) -> str:
    """``text`` with its spaces turned into other spaces and invisible marks added."""
    words = text.split(" ")
    out = [words[0]]
    for word in words[1:]:
        out.append(draw(NOISE) + word)
    return draw(MARKS) + "".join(out) + draw(MARKS)


@st.composite
def noisy_drafts(draw: st.DrawFn) -> tuple[Draft, Draft]:
    base = draw(drafts())

    def shake(block: Paragraph) -> Paragraph:
        text = block.text if block.kind is Kind.TABLE else draw(noisy(block.text))
        return replace(
            block,
            text=text,
            opening=block.opening if text.startswith(block.opening) else "",
            footnotes=tuple(Footnote(f.marker, draw(noisy(f.text))) for f in block.footnotes),
            children=tuple(shake(child) for child in block.children),
        )

    return base, replace(base, blocks=tuple(shake(b) for b in base.blocks))


@settings(max_examples=80, deadline=None)
@given(noisy_drafts())
def test_typography_noise_makes_no_change(pair: tuple[Draft, Draft]) -> None:
    old, new = pair
    result = diff_drafts(old, new)
    assert not result.differs
    assert all(c.op == "equal" for c in result.changes)
    for change in result.changes:
        old_text = "\n".join(u.text for u in change.old_units)
        new_text = "\n".join(u.text for u in change.new_units)
        assert change.typography == (old_text != new_text)
    assert result.summary()["typography"] == sum(c.typography for c in result.changes)


# -- the command line -----------------------------------------------------------------------


def _pair(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(HEAD + "*Recalling* its resolution of 18 December 2012,\n", encoding="utf-8")
    new.write_text(
        HEAD + "*Recalling* its resolution of 18\u00a0December 2012,\n", encoding="utf-8"
    )
    return str(old), str(new)


def test_diff_says_no_differences_and_counts_typography(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    code, out, _ = run("diff", old, new, "--exit-code")
    assert code == 0
    assert out.strip().splitlines()[-1] == "1 typography only; +0 −0 words"
    assert "{--" not in out and "{++" not in out


def test_diff_typography_shows_them_drawn(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    code, out, _ = run("diff", old, new, "--typography")
    assert code == 0
    assert "PP1 · equal · typography only (no-break space)" in out
    assert "18{--·--}{++°++}December" in out
    for fmt in ("markdown", "html", "side"):
        code, out, _ = run("diff", old, new, "--typography", "--format", fmt)
        assert code == 0 and "typography only" in out, fmt


def test_diff_json_has_the_flag(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    code, out, _ = run("diff", old, new, "--format", "json")
    document = json.loads(out)
    assert code == 0
    assert [c["typography"] for c in document["changes"]] == [False, True]
    assert document["summary"]["typography"] == 1


# -- what readers store ---------------------------------------------------------------------


def test_the_text_reader_keeps_no_break_spaces_where_the_document_had_them() -> None:
    from redraft.readers.text import read_text

    text = (
        "The General Assembly,\n\n*Recalling* its resolution 67/123 of 18\u00a0December 2012\n"
        "and its resolution 78/1 of 5\u00a0December 2023,¹\n\n"
        "1. *Urges* States to act;\n\n¹ Official Records, Supplement No.\u00a023.\n"
    )
    draft, _ = read_text(text)
    assert draft.find("PP1").text == (  # type: ignore[union-attr]
        "Recalling its resolution 67/123 of 18\u00a0December 2012 and its resolution 78/1 "
        "of 5\u00a0December 2023,¹"
    )
    assert draft.find("FN1").text == "Official Records, Supplement No.\u00a023."  # type: ignore[union-attr]
    assert draft.find("OP1").text == "Urges States to act;"  # type: ignore[union-attr]


def test_no_break_spaces_come_back_after_a_chinese_opening_and_in_runs() -> None:
    """An unstyled Word file (a redline LibreOffice saved) is read by the text reader:
    in Chinese the italic opening runs into the text ("*认识到*关岛", 79/105) and a run of
    two no-break spaces stands in Russian 79/104; both as the AKN reader reads them."""
    from redraft.readers.text import read_text

    draft, _ = read_text(
        "大会，\n\n*认识到*关岛的努力，并回顾已有11\u00a0000多名原住民，\n\n"
        "1.\t*Ссылаясь* на резолюцию\u00a0\u00a01514\u00a0(XV);\n"
    )
    assert draft.find("PP1").text == "认识到关岛的努力，并回顾已有11\u00a0000多名原住民，"  # type: ignore[union-attr]
    assert draft.find("OP1").text == "Ссылаясь на резолюцию\u00a0\u00a01514\u00a0(XV);"  # type: ignore[union-attr]


def test_readers_give_the_same_text_for_the_same_document() -> None:
    """U+200E after a paragraph (as the UN's XML has it) is dropped by every reader."""
    from redraft.readers.akn import read_akn
    from redraft.readers.text import read_text

    xml = (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement '
        'name="resolution"><preamble><formula name="enactingFormula"><p><span class="italic">'
        'The General Assembly</span>,</p></formula><container><p><span class="italic">\t'
        "Recalling</span> its resolution of 18\u00a0December 2012,\u200e</p></container>"
        "</preamble><mainBody><paragraph><num>1.</num><content><p>Decides so.</p></content>"
        "</paragraph></mainBody></statement></akomaNtoso>"
    )
    from_xml, _ = read_akn(xml.encode(), "r.xml")
    from_text, _ = read_text(
        "The General Assembly,\n\n*\tRecalling* its resolution of 18\u00a0December 2012,\u200e"
        "\n\n1.\tDecides so.\n"
    )
    assert [u.text for u in from_xml.units()] == [u.text for u in from_text.units()]
    assert from_xml.find("PP1").opening == from_text.find("PP1").opening == "Recalling"  # type: ignore[union-attr]


def test_a_no_break_space_after_a_number_is_no_part_of_the_text() -> None:
    """The UN's French XML puts a no-break space between "a)" and the text (854
    paragraphs of the 79th session): the AKN reader trims it as the Word reader does."""
    from redraft.readers.akn import read_akn
    from redraft.readers.docx import read_docx
    from redraft.render.docx_draft import render_draft_docx

    xml = (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement '
        'name="resolution"><preamble><formula name="enactingFormula"><p><span class="italic">'
        "L’Assemblée générale</span>,</p></formula></preamble><mainBody>"
        "<paragraph><num>1.</num><intro><p>Décide :</p></intro><paragraph><num>a)"
        "</num><content><p> Redoubler d’efforts ; </p></content>"
        "</paragraph></paragraph></mainBody></statement></akomaNtoso>"
    )
    from_xml, _ = read_akn(xml.encode(), "r.xml")
    assert from_xml.find("OP1(a)").text == "Redoubler d’efforts ;"  # type: ignore[union-attr]
    from_word, _ = read_docx(render_draft_docx(from_xml), "r.docx")
    assert [u.text for u in from_word.units()] == [u.text for u in from_xml.units()]
    assert collapse_spaces(" Redoubler ; ") == "Redoubler ;"


def test_save_refuses_control_characters(tmp_path: Path) -> None:
    store, text = tmp_path / "store", tmp_path / "d.txt"
    assert run("init", str(store))[0] == 0
    text.write_text(HEAD + "1. *Urges* States\x1b[31m to act;\n", encoding="utf-8")
    code, out, err = run("save", "d", str(text), "--by", "EU", "--store", str(store))
    assert (code, out) == (2, "")
    assert err == (
        "redraft: error: d: OP1 holds the control character U+001B (escape); "
        "not saved (remove it and save again)\n"
    )
    code, out, err = run("list", "--store", str(store))
    assert code == 0 and "no drafts yet" in out + err
