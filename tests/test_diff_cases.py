"""Case files: tests/cases/diff/<name>.old.txt + .new.txt -> <name>.expected.json.

The expected JSON is the whole ``redraft.diff/1`` document (segments included),
sources left empty. After a deliberate change of behaviour, regenerate with
``REDRAFT_UPDATE_CASES=1 pytest tests/test_diff_cases.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from redraft import canonical
from redraft.diff.engine import diff_drafts
from redraft.render.diff_json import diff_document

CASES = Path(__file__).parent / "cases" / "diff"
NAMES = sorted(p.name[: -len(".old.txt")] for p in CASES.glob("*.old.txt"))


def run_case(name: str) -> dict:
    old = canonical.parse((CASES / f"{name}.old.txt").read_text(encoding="utf-8"))
    new = canonical.parse((CASES / f"{name}.new.txt").read_text(encoding="utf-8"))
    return diff_document(diff_drafts(old, new))


def expected(name: str) -> dict:
    return json.loads((CASES / f"{name}.expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_case(name):
    got = run_case(name)
    path = CASES / f"{name}.expected.json"
    if os.environ.get("REDRAFT_UPDATE_CASES"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got == expected(name)


def test_there_is_a_case_for_every_kind():
    ops = {c["op"] for name in NAMES for c in expected(name)["changes"]}
    assert ops == {"equal", "modified", "inserted", "deleted", "split", "merged"}
    assert any(c["moved"] for name in NAMES for c in expected(name)["changes"])


def _ops(name: str) -> list[tuple[str, list[str], list[str]]]:
    return [(c["op"], c["old"], c["new"]) for c in expected(name)["changes"] if c["op"] != "equal"]


# Hand-checked facts the expected files must keep (so a bad regeneration is caught).


def test_insertion_renumbers_nineteen_without_changing_them():
    doc = expected("renumbered_after_insertion")
    assert _ops("renumbered_after_insertion") == [("inserted", [], ["OP2"])]
    renumbered = [(c["old"], c["new"]) for c in doc["changes"] if c["renumbered"]]
    assert renumbered[0] == (["OP2"], ["OP3"]) and renumbered[-1] == (["OP20"], ["OP21"])
    assert doc["summary"]["renumbered"] == 19 and doc["summary"]["modified"] == 0


def test_one_of_two_identical_boilerplate_lines_deleted():
    assert _ops("identical_boilerplate_one_deleted") == [("deleted", ["OP1(d)"], [])]


def test_moved_and_edited():
    doc = expected("moved_and_edited")
    moved = [c for c in doc["changes"] if c["moved"]]
    assert [(c["op"], c["old"], c["new"]) for c in moved] == [("modified", ["PP5"], ["PP2"])]
    assert doc["summary"]["moved"] == 1


def test_splits_and_merge():
    assert _ops("split_into_subparagraphs") == [("split", ["OP1"], ["OP1", "OP1(a)", "OP1(b)"])]
    assert _ops("split_into_bis") == [("split", ["OP2"], ["OP2", "OP2bis"])]
    assert _ops("merged") == [("merged", ["OP2", "OP3"], ["OP2"])]


def test_rewritten_paragraph_is_deleted_and_inserted():
    assert _ops("rewritten_beyond_recognition") == [
        ("deleted", ["OP2"], []),
        ("inserted", [], ["OP2"]),
    ]


def test_verb_shifts():
    verbs = [c["verb"] for c in expected("verb_stronger_and_weaker")["changes"] if c["verb"]]
    assert verbs == [
        {"old": "Invites", "new": "Urges", "shift": "stronger"},
        {"old": "Urges", "new": "Encourages", "shift": "weaker"},
    ]


def test_footnote_and_heading():
    assert _ops("footnote_changed") == [("modified", ["FN2"], ["FN2"])]
    assert _ops("heading_inserted") == [("inserted", [], ["H1"]), ("inserted", [], ["H2"])]


# -- real pairs (tests/data/diff/SOURCES.md) ---------------------------------------

DATA = Path(__file__).parent / "data" / "diff"
REAL_PAIRS = [("78_198", "79_171"), ("78_58", "79_67"), ("78_244", "79_247")]


def real_pair(old: str, new: str):
    read = lambda s: canonical.parse((DATA / f"A_RES_{s}.txt").read_text(encoding="utf-8"))  # noqa: E731
    return read(old), read(new)


@pytest.mark.parametrize(("old_symbol", "new_symbol"), REAL_PAIRS)
def test_real_pair_obeys_the_laws(old_symbol, new_symbol):
    from collections import Counter

    from redraft.diff.engine import JOIN

    old, new = real_pair(old_symbol, new_symbol)
    result = diff_drafts(old, new)
    assert Counter(x for c in result.changes for x in c.old) == Counter(old.labels())
    assert Counter(x for c in result.changes for x in c.new) == Counter(new.labels())
    for change in result.changes:
        assert change.old_text() == JOIN.join(u.text for u in change.old_units)
        assert change.new_text() == JOIN.join(u.text for u in change.new_units)
    # a unit whose text is unique in each draft and identical in both is reported equal
    old_texts = Counter(u.text for u in old.units())
    new_texts = Counter(u.text for u in new.units())
    for change in result.changes:
        for unit in change.old_units:
            if old_texts[unit.text] == 1 and new_texts[unit.text] == 1:
                assert change.op == "equal", (unit.label, change)


def test_right_to_food_splits_and_merges():
    result = diff_drafts(*real_pair("78_198", "79_171"))
    grouped = {(c.op, c.old, c.new) for c in result.changes if c.op in ("split", "merged")}
    # Checked by reading both texts: PP24 + PP25 became one paragraph on COVID-19, and
    # OP46's general comment became a list opened by OP45 with (a).
    assert ("merged", ("PP24", "PP25"), ("PP25",)) in grouped
    assert ("split", ("OP46",), ("OP45", "OP45(a)")) in grouped
