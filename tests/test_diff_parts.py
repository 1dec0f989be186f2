"""Part numbers printed as headings of their own ("XIV") are numbering: when a part
is deleted or parts change order, the same number in both drafts is equal, never
"deleted + inserted", and a number is never called moved (78/69 -> 79/144)."""

from redraft import canonical
from redraft.diff import diff_drafts

HEAD = "---\nredraft: 1\nlanguage: en\n---\n\n> The General Assembly,\n\n"


def _draft(parts: list[tuple[str, str, str]]):
    body = "\n\n".join(
        f"### {number}\n\n### {title}\n\n{n}. *Decides* to act on {title.lower()} now and later;"
        for n, (number, title, _) in enumerate(parts, start=1)
    )
    return canonical.parse(HEAD + body + "\n")


def test_no_number_printed_in_both_is_deleted_or_inserted():
    # the shape of 78/69 -> 79/144: the first part deleted, the others renumbered
    old = _draft(
        [
            ("I", "Regional cooperation", ""),
            ("II", "Consultative process", ""),
            ("III", "Coordination", ""),
            ("IV", "Division", ""),
        ]
    )
    new = _draft(
        [("I", "Consultative process", ""), ("II", "Coordination", ""), ("III", "Division", "")]
    )
    result = diff_drafts(old, new)
    texts_in_both = {u.text for u in old.units()} & {u.text for u in new.units()}
    for change in result.changes:
        unit = (change.old_units or change.new_units)[0]
        if unit.text in texts_in_both:
            assert change.op == "equal", (change.op, unit.text)
    assert [c.op for c in result.changes if c.old_units and c.old_units[0].text == "IV"] == [
        "deleted"
    ]


def test_reordered_parts_keep_every_identical_unit_equal():
    old = _draft([("I", "Oceans", ""), ("II", "Capacity-building", ""), ("III", "Science", "")])
    new = _draft([("I", "Oceans", ""), ("II", "Science", ""), ("III", "Capacity-building", "")])
    result = diff_drafts(old, new)
    assert all(c.op == "equal" for c in result.changes)
    moved = {c.old_units[0].text for c in result.changes if c.moved}
    assert "Capacity-building" in moved or "Science" in moved  # one part changed place
    assert not {"I", "II"} & moved
