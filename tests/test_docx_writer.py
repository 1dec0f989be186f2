"""The Word writer: clean drafts (round trips) and diffs as real tracked changes,
checked at the XML level and by reading both views (all accepted / all rejected) back."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings

from redraft import canonical
from redraft.demo import bundled_drafts_dir
from redraft.diff.engine import diff_drafts
from redraft.model import Draft, Footnote, Kind, Meta, Paragraph
from redraft.readers import read_path
from redraft.readers.docx import read_docx
from redraft.render.docx_draft import render_draft_docx
from redraft.render.docx_track import render_diff_docx
from tests.strategies import read_drafts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}

OLD = """---
redraft: 1
symbol: A/C.3/66/L.5
---

## Strengthening cooperation

> *The General Assembly*,

*Recalling* its resolution 65/230,¹

[^1]: Resolution 46/152, annex.

*Noting* the report of the Secretary-General,

1. *Urges* States to act now;

2. *Invites* all partners to cooperate;

3. *Decides* to remain seized of the matter.
"""

NEW = """---
redraft: 1
symbol: A/C.3/66/L.5/Rev.1
---

## Strengthening cooperation

> *The General Assembly*,

*Recalling* its resolution 65/230,¹

[^1]: Resolution 46/152, annex, and resolution 65/230.

1. *Strongly urges* States to act;

2. *Requests* a report on the implementation of the present resolution;

3. *Invites* all partners to cooperate;

    (a) Including regional organizations;

4. *Decides* to remain seized of the matter.
"""


def _xml(data: bytes, part: str = "word/document.xml") -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(part)


def _tree(data: bytes, part: str = "word/document.xml"):  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.fromstring(_xml(data, part))


@pytest.fixture(scope="module")
def tracked() -> bytes:
    result = diff_drafts(canonical.parse(OLD), canonical.parse(NEW))
    return render_diff_docx(
        result, author_old="Mexico", author_new="European Union", date="2011-04-15"
    )


def test_revisions_carry_author_and_date(tracked: bytes) -> None:
    root = _tree(tracked)
    marks = root.findall(".//w:ins", NS) + root.findall(".//w:del", NS)
    assert len(marks) >= 8
    assert {m.get(W + "author") for m in marks} == {"European Union"}
    # each revision keeps its identity in LibreOffice: neighbouring paragraphs' revisions
    # are two minutes apart (LibreOffice joins revisions less than two minutes apart)
    assert {m.get(W + "date") for m in marks} == {"2011-04-15T00:00:00Z", "2011-04-15T00:02:00Z"}
    for p in root.iter(W + "p"):
        dates = {m.get(W + "date") for m in p.iter(W + "ins", W + "del")}
        assert len(dates) <= 1
    ids = [m.get(W + "id") for m in marks]
    assert len(ids) == len(set(ids))


def test_words_inside_a_paragraph_are_tracked(tracked: bytes) -> None:
    root = _tree(tracked)
    deleted = ["".join(r.itertext()) for r in root.iterfind(".//w:del", NS)]
    inserted = ["".join(r.itertext()) for r in root.iterfind(".//w:ins", NS)]
    assert "Urges" in deleted and " now" in deleted
    assert "Strongly urges" in inserted
    # a deletion's text is w:delText, never w:t (Word would show it as current text)
    assert not root.findall(".//w:del//w:t", NS)
    assert root.findall(".//w:del//w:delText", NS)


def test_whole_paragraphs_have_tracked_marks(tracked: bytes) -> None:
    root = _tree(tracked)
    deleted_paras = [
        p for p in root.iterfind(".//w:p", NS) if p.find("w:pPr/w:rPr/w:del", NS) is not None
    ]
    inserted_paras = [
        p for p in root.iterfind(".//w:p", NS) if p.find("w:pPr/w:rPr/w:ins", NS) is not None
    ]
    assert ["".join(p.itertext()) for p in deleted_paras] == [
        "Noting the report of the Secretary-General,"
    ]
    texts = ["".join(p.itertext()) for p in inserted_paras]
    assert texts == [
        "2.Requests a report on the implementation of the present resolution;",
        "(a)Including regional organizations;",
    ]


def test_renumbered_paragraph_shows_both_numbers(tracked: bytes) -> None:
    root = _tree(tracked)
    for p in root.iterfind(".//w:p", NS):
        if "".join(p.itertext()).endswith("Invites all partners to cooperate;"):
            assert [e.text for e in p.iterfind("w:del/w:r/w:delText", NS)] == ["2."]
            assert [e.text for e in p.iterfind("w:ins/w:r/w:t", NS)] == ["3."]
            break
    else:
        pytest.fail("paragraph not found")


def test_accepting_all_gives_new_and_rejecting_all_gives_old(tracked: bytes) -> None:
    current, warnings = read_docx(tracked, "t.docx")
    original, _ = read_docx(tracked, "t.docx", view="original")
    assert current.blocks == canonical.parse(NEW).blocks
    assert original.blocks == canonical.parse(OLD).blocks
    assert "tracked revisions were pending" in warnings[0]


def moved_pair() -> tuple[str, str]:
    """Five agenda paragraphs; the fourth moves up to second place, unedited."""
    paras = [
        f"{i}. *Decides* to consider the question of item {i} of the agenda at its next session;"
        for i in range(1, 6)
    ]
    moved = [paras[i] for i in (0, 3, 1, 2, 4)]
    moved = [re.sub(r"^\d+\.", f"{n}.", p) for n, p in enumerate(moved, start=1)]
    head = "---\nredraft: 1\n---\n\n"
    return head + "\n\n".join(paras) + "\n", head + "\n\n".join(moved) + "\n"


def test_moved_paragraph_is_a_word_move() -> None:
    old, new = moved_pair()
    result = diff_drafts(canonical.parse(old), canonical.parse(new))
    assert [c.new for c in result.changes if c.moved] == [("OP2",)]
    data = render_diff_docx(result, author_new="G77")
    root = _tree(data)
    assert len(root.findall(".//w:moveFrom", NS)) == len(root.findall(".//w:moveTo", NS)) > 0
    # both ends of the move are named ranges with the same name
    names = {e.get(W + "name") for e in root.iter(W + "moveFromRangeStart", W + "moveToRangeStart")}
    assert names == {"move1"}
    assert read_docx(data, "m")[0].blocks == canonical.parse(new).blocks
    assert read_docx(data, "m", view="original")[0].blocks == canonical.parse(old).blocks


def test_pairs_that_cross_without_a_move_keep_both_orders() -> None:
    # The diff pairs title with title and formula with formula without calling either
    # moved, though they swapped places: rejecting all must still give the old order.
    old = canonical.parse("---\nredraft: 1\n---\n\n## Title\n\n> *The General Assembly*,\n")
    new = canonical.parse("---\nredraft: 1\n---\n\n> *The General Assembly*,\n\n## Title\n")
    data = render_diff_docx(diff_drafts(old, new))
    assert read_docx(data, "n")[0].blocks == new.blocks
    assert read_docx(data, "o", view="original")[0].blocks == old.blocks


def test_in_order_finds_a_longest_increasing_subsequence() -> None:
    from redraft.render.docx_track import _in_order

    assert _in_order([0, 2, 1, 3]) in ({0, 1, 3}, {0, 2, 3})
    assert _in_order([3, 2, 1]) in ({0}, {1}, {2})
    assert _in_order([]) == set()
    assert _in_order([0, 1, 2]) == {0, 1, 2}


def test_clean_draft_has_real_footnotes_and_metadata() -> None:
    draft = canonical.parse(OLD)
    data = render_draft_docx(draft)
    notes = _xml(data, "word/footnotes.xml").decode()
    assert "Resolution 46/152, annex." in notes
    body = _tree(data)
    refs = body.findall(".//w:footnoteReference", NS)
    # numbered by Word itself: every word processor prints the mark once
    assert len(refs) == 1 and refs[0].get(W + "customMarkFollows") is None
    assert "<w:footnoteRef/>" in notes
    header = b"".join(_xml(data, n) for n in _names(data) if n.startswith("word/header"))
    assert b"A/C.3/66/L.5" in header
    assert read_docx(data, "d.docx") == (draft, [])


LATE_NOTES = """---
redraft: 1
symbol: A/RES/79/1
---

*Recalling* its resolution 78/1,³⁹

[^39]: Resolution 78/1, annex.

1. *Decides* to act, as set out in the report,⁴⁰ without delay;

[^40]: A/79/1.
"""


def test_footnotes_numbered_from_the_drafts_first_number() -> None:
    draft = canonical.parse(LATE_NOTES)
    data = render_draft_docx(draft)
    assert b'<w:numStart w:val="39"/>' in _xml(data, "word/document.xml")
    assert not _tree(data).findall(".//w:footnoteReference[@w:customMarkFollows]", NS)
    assert read_docx(data, "d.docx") == (draft, [])


def test_a_marker_word_cannot_number_stays_a_custom_mark() -> None:
    draft = canonical.parse(LATE_NOTES.replace("⁴⁰", "⁴²").replace("[^40]", "[^42]"))
    data = render_draft_docx(draft)
    refs = _tree(data).findall(".//w:footnoteReference", NS)
    assert [ref.get(W + "customMarkFollows") for ref in refs] == ["1", "1"]
    assert read_docx(data, "d.docx") == (draft, [])


def _names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def _all_text(data: bytes) -> list[str]:
    root = _tree(data)
    return [
        "".join(t.text or "" for t in p.iterfind(".//w:t", NS)) for p in root.iterfind(".//w:p", NS)
    ]


def test_docx_to_draft_to_docx_keeps_the_text() -> None:
    first = render_draft_docx(canonical.parse(NEW))
    again = render_draft_docx(read_docx(first, "a")[0])
    assert _all_text(first) == _all_text(again)
    assert "Strongly urges" in "".join(_all_text(first))


SEEDS = sorted(Path(bundled_drafts_dir()).glob("*.txt"))


@pytest.mark.skipif(not SEEDS, reason="no bundled drafts in this checkout")
@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:40])
def test_seed_drafts_export_and_reimport_unchanged(path: Path) -> None:
    draft = read_path(path).draft
    back, warnings = read_docx(render_draft_docx(draft), path.name)
    assert warnings == []
    assert back == draft


_ILLEGAL = re.compile("[\ufffe\uffff]")


def _xml_safe(draft: Draft) -> bool:
    return not _ILLEGAL.search(canonical.render(draft))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(read_drafts)
def test_any_draft_round_trips_through_word(draft: Draft) -> None:
    assume(_xml_safe(draft))
    back, _ = read_docx(render_draft_docx(draft), "p.docx")
    assert back == draft


def _op(
    label: str,
    text: str = "",
    children: tuple[Paragraph, ...] = (),
    footnotes: tuple[Footnote, ...] = (),
) -> Paragraph:
    return Paragraph(
        Kind.OPERATIVE, text, "1.", label, opening=text, children=children, footnotes=footnotes
    )


# A footnote of a block whose child moves away: the old sides written at their old place
# came in the new draft's order (child, then footnote), so rejecting every change gave the
# footnote to the child. They must come in the old draft's order (footnote, then child).
_CHILD = Paragraph(Kind.TEXT, "Aaaaaa", label="OP1#2.p1", opening="Aaaaaa")
_OLD_WITH_CHILD = Draft(
    Meta(),
    (_op("OP1"), _op("OP1#2", children=(_CHILD,), footnotes=(Footnote("1", ""),))),
)
_NEW_WITH_NOTE = Draft(Meta(), (_op("OP1", "Aaaaaa", footnotes=(Footnote("1", ""),)),))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(read_drafts, read_drafts)
@example(_OLD_WITH_CHILD, _NEW_WITH_NOTE)
def test_tracked_changes_accept_to_new_and_reject_to_old(old: Draft, new: Draft) -> None:
    assume(_xml_safe(old) and _xml_safe(new))
    data = render_diff_docx(
        diff_drafts(old, new), author_new="EU", date="2020-01-01", typography=True
    )
    assert read_docx(data, "n")[0].blocks == new.blocks
    assert read_docx(data, "o", view="original")[0].blocks == old.blocks
    plain = render_diff_docx(diff_drafts(old, new), author_new="EU", date="2020-01-01")
    assert read_docx(plain, "n")[0].blocks == new.blocks  # typography untracked: still new


def test_diff_command_writes_tracked_changes(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from redraft.cli import cli

    old, new, out = tmp_path / "old.txt", tmp_path / "new.txt", tmp_path / "changes.docx"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["diff", str(old), str(new), "--format", "docx", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert _tree(data).findall(".//w:ins", NS)
    assert read_docx(data, "c")[0].blocks == canonical.parse(NEW).blocks
