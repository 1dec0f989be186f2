"""Laws of the merges, checked by hypothesis: compiling never drops or duplicates text,
merging a text with itself changes nothing, and a three-way merge of edits that do
not overlap is both edits applied (issue 15)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from redraft import canonical
from redraft.labels import assign_labels
from redraft.merge.consolidate import consolidate
from redraft.merge.threeway import MergeResult, merge_proposals, three_way
from redraft.merge.tree import flatten, rebuild
from redraft.model import Draft, Footnote, Kind, Meta, Paragraph

from .strategies import drafts

_word = st.from_regex(r"[a-z]{3,9}", fullmatch=True)


def _texts(draft: Draft) -> list[str]:
    return [unit.text for unit in draft.units()]


def _keys(draft: Draft) -> list[tuple[str, str]]:
    """Each unit as what it is and what it says (an empty footnote is no empty paragraph)."""
    return [
        ("footnote" if isinstance(u, Footnote) else u.kind.value, u.text) for u in draft.units()
    ]


def _body(draft: Draft) -> str:
    return canonical.render(draft).split("---", 2)[2]


def _renumbered(draft: Draft) -> Draft:
    return rebuild(flatten(draft), draft.meta)


@st.composite
def edited(draft_: st.DrawFn, base: Draft) -> Draft:
    """A delegation's proposal on ``base``: some units reworded, deleted, or followed by
    a new paragraph, the rest left as they are."""
    draw = draft_
    flats = flatten(base)
    out = []
    for flat in flats:
        action = draw(st.sampled_from(["keep", "keep", "keep", "reword", "delete", "insert"]))
        if action == "delete":
            continue
        if action == "reword":
            words = draw(st.lists(_word, min_size=1, max_size=4))
            flat = replace(
                flat, unit=replace(flat.unit, text=flat.unit.text + " " + " ".join(words))
            )
        out.append(flat)
        if action == "insert" and not isinstance(flat.unit, Footnote):
            words = draw(st.lists(_word, min_size=3, max_size=12))
            unit = Paragraph(kind=Kind.OPERATIVE, text=" ".join(words).capitalize(), number="1.")
            out.append(replace(flat, unit=unit, label=""))
    return rebuild(out, base.meta)


def _alternative_texts(result: MergeResult) -> str:
    return "\n".join(alt.text for p in result.paragraphs for alt in p.alternatives)


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_compiling_never_loses_a_paragraph_of_any_side_nor_emits_one_twice(
    data: st.DataObject,
) -> None:
    base = data.draw(drafts())
    proposals = [
        (f"P{k}", data.draw(st.one_of(edited(base), drafts())))
        for k in range(data.draw(st.integers(2, 4)))
    ]
    result = merge_proposals(base, proposals)
    merged = _texts(result.draft)
    merged_text = "\n".join(merged)
    alternatives = _alternative_texts(result)
    has_paragraph = any(not isinstance(u, Footnote) for u in result.draft.units())
    base_texts = Counter(_texts(base))
    for name, proposal in proposals:
        for unit in proposal.units():
            if base_texts[unit.text] or not unit.text.strip():
                continue  # the base's own text: another proposal may change or delete it
            if isinstance(unit, Footnote) and not has_paragraph:
                continue  # every paragraph deleted: a footnote has nothing to stand under
            assert unit.text in merged or unit.text in alternatives or unit.text in merged_text, (
                name,
                unit.text,
            )
    # never emitted twice: no text more often than the base has it plus the copies each
    # proposal added (two delegations inserting the same text at one place: once)
    in_base = Counter(_keys(base))
    written = Counter(in_base)
    for _, proposal in proposals:
        for key, count in Counter(_keys(proposal)).items():
            written[key] += max(0, count - in_base[key])
    for key, count in Counter(_keys(result.draft)).items():
        if written[key]:  # (a bracketed conflict is a text of its own)
            assert count <= written[key], (key, count, written[key])


@settings(max_examples=80, deadline=None)
@given(drafts())
def test_merging_a_text_with_itself_changes_nothing(draft: Draft) -> None:
    want = _body(_renumbered(draft))
    for result in (
        three_way(draft, draft, draft),
        merge_proposals(draft, [("a", draft), ("b", draft), ("c", draft)]),
    ):
        assert result.clean and not result.paragraphs
        assert _body(result.draft) == want
    consolidated = consolidate(("a", draft), ("b", draft))
    assert all(row.how in ("identical", "A only") for row in consolidated.provenance)
    assert [u.text for u in consolidated.draft.walk()] == [u.text for u in draft.walk()]


# -- non-overlapping edits ------------------------------------------------------------


@st.composite
def numbered_base(draw: st.DrawFn) -> list[str]:
    """Operative paragraphs with words of their own (a delegation edits one of them,
    another delegation another: what paragraph is what is never in doubt)."""
    count = draw(st.integers(2, 9))
    vocab = draw(st.lists(_word, min_size=count * 6, max_size=count * 6, unique=True))
    return [" ".join(vocab[i * 6 : i * 6 + 6]).capitalize() + ";" for i in range(count)]


def _draft(texts: list[str]) -> Draft:
    blocks = tuple(
        Paragraph(kind=Kind.OPERATIVE, text=text, number=f"{n}.") for n, text in enumerate(texts, 1)
    )
    return Draft(meta=Meta(language="en"), blocks=assign_labels(blocks))


Edit = tuple[str, int, str]  # (what, index, new words): "reword" | "delete" | "insert"


@st.composite
def disjoint_edits(draw: st.DrawFn, size: int) -> tuple[list[Edit], list[Edit]]:
    """Edits of two delegations on different paragraphs: each index belongs to at most
    one of them, who may reword or delete it, or insert a paragraph after it."""
    owners = draw(
        st.lists(st.sampled_from(["", "", "ours", "theirs"]), min_size=size, max_size=size)
    )
    sides: dict[str, list[Edit]] = {"ours": [], "theirs": []}
    for index, owner in enumerate(owners):
        if not owner:
            continue
        what = draw(st.sampled_from(["reword", "delete", "insert"]))
        words = " ".join(draw(st.lists(_word, min_size=4, max_size=8)))
        sides[owner].append((what, index, f"{words.capitalize()} {owner} {index};"))
    return sides["ours"], sides["theirs"]


def _apply(base: list[str], *edit_lists: list[Edit]) -> list[str]:
    edits = {index: (what, new) for edits in edit_lists for what, index, new in edits}
    out = []
    for index, text in enumerate(base):
        what, new = edits.get(index, ("keep", ""))
        if what == "reword":
            out.append(text[:-1] + " " + new)  # the paragraph's own words and some more
        elif what != "delete":
            out.append(text)
        if what == "insert":
            out.append(new)
    return out


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_three_way_merge_of_non_overlapping_edits_equals_applying_both(
    data: st.DataObject,
) -> None:
    base = data.draw(numbered_base())
    ours_edits, theirs_edits = data.draw(disjoint_edits(len(base)))
    ours, theirs = _apply(base, ours_edits), _apply(base, theirs_edits)
    result = three_way(_draft(base), _draft(ours), _draft(theirs), "EU", "G77")
    assert result.clean, result.conflicts
    assert _texts(result.draft) == _apply(base, ours_edits, theirs_edits)
