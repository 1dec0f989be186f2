"""The hostile collaborator, part 3: merges that would silently duplicate or drop text.

Each test is one way a merge tool was caught producing a wrong text (issue 15), named
after it. The laws behind them are in tests/test_merge_properties.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from redraft import canonical
from redraft.merge.consolidate import consolidate
from redraft.merge.overlap import find_overlaps
from redraft.model import Draft
from redraft.negotiation.markup import parse_markup

from .cli_helpers import run

SEED = Path(__file__).parent / "data" / "merge" / "seed"
DECISION_20_1 = SEED / "ccpcj-decision-20-1-organization-work-future-sessions.txt"
DRAFT_DECISION_I = SEED / "ecosoc-draft-decision-i-report-commission-crime-prevention.txt"
DRAFT_II = SEED / "ecosoc-draft-resolution-ii-support-development-implementation.txt"
RES_20_1 = SEED / "ccpcj-resolution-20-1-improving-governance-financial-situation.txt"
#: Three resolutions of the 79th session whose overlap depended on Python's hash seed.
OVERLAP = Path(__file__).parent / "data" / "overlap"

BASE = """The General Assembly,

Recalling its resolution 64/179,

1. Urges Member States to ratify the Convention;

2. Requests the Secretary-General to report to it at its eightieth session.
"""
EU_NEW = (
    "Calls upon Member States to strengthen international cooperation in the prevention "
    "of crime and to exchange information on good practices in that regard;"
)
#: the same new paragraph, four words apart
G77_NEW = (
    "Calls upon all Member States to further strengthen international cooperation in the "
    "prevention of crime and to share information on good practices in this regard;"
)


def read(path: Path) -> Draft:
    return canonical.parse(path.read_text(encoding="utf-8"))


def test_near_duplicate_insertions_at_one_place_become_one_bracketed_proposal(
    tmp_path: Path,
) -> None:
    base, eu, g77 = (tmp_path / f"{n}.txt" for n in ("base", "eu", "g77"))
    base.write_text(BASE)
    eu.write_text(BASE.replace("2. Requests", f"2. {EU_NEW}\n\n3. Requests"))
    g77.write_text(BASE.replace("2. Requests", f"2. {G77_NEW}\n\n3. Requests"))
    for command in (
        ["compile", str(base), str(eu), str(g77)],
        ["merge", str(base), str(eu), str(g77)],
    ):
        code, out, err = run(*command)
        assert code == 1, err  # brackets remain: the room must choose
        assert out.count("Calls upon") == 2 and out.count("\n2. [") == 1
        assert f"2. [eu: {EU_NEW} / g77: {G77_NEW}]" in out
        assert "3. Requests the Secretary-General" in out
        assert "1 conflict (1 in brackets)" in err and "inserted" not in err
    # the same text from both: once, both named, no bracket
    code, out, err = run("compile", str(base), str(eu), str(eu))
    assert code == 0 and out.count(EU_NEW) == 1 and "1 inserted (clean)" in err


def test_merge_drafts_ignored_the_pairs_overlap_finds() -> None:
    a, b = read(DECISION_20_1), read(DRAFT_DECISION_I)
    overlap = find_overlaps([("a", a), ("b", b)])
    found = {(s.a_label, s.b_label) for s in overlap.pairs[0].shared}
    assert {("OP(a)", "OP(c)(ii)a"), ("OP(b)", "OP(c)(ii)b"), ("OP(c)", "OP(c)(iii)")} <= found
    result = consolidate(("20-1", a), ("decision-I", b))
    paired = {(r.a_label, r.b_label): r for r in result.provenance if r.a_label and r.b_label}
    for a_label, b_label in found - {("title", "OP(a)")}:  # a title is no paragraph of text
        assert (a_label, b_label) in paired, (a_label, b_label)
    deadline = [p for p in result.draft.walk() if "firm deadline" in p.text]
    assert len(deadline) == 1  # one text per pair: the deadline paragraph is not kept twice
    row = paired[("OP(a)", "OP(c)(ii)a")]
    assert (row.label, row.how) == ("OP(c)(ii)a", "alternatives")  # where draft decision I has it
    # every paragraph of both drafts is somewhere, once
    text = canonical.render(result.draft)
    for draft in (a, b):
        for paragraph in draft.walk():
            if paragraph.kind.value not in ("doc-heading", "title", "formula"):  # A's front
                assert paragraph.text in text, paragraph.label


def test_merge_drafts_alternatives_read_by_status_and_accepted_by_check(tmp_path: Path) -> None:
    merged = tmp_path / "merged.txt"
    code, _, err = run("merge-drafts", str(DECISION_20_1), str(DRAFT_DECISION_I), "-o", str(merged))
    assert code == 0, err
    draft = read(merged)
    paragraph = draft.find("OP(c)(ii)a")
    assert paragraph is not None
    markup = parse_markup(paragraph.text, "OP(c)(ii)a")
    assert not markup.problems
    assert markup.proponents() == (
        "ccpcj-decision-20-1-organization-work-future-sessions",
        "ecosoc-draft-decision-i-report-commission-crime-prevention",
    )
    code, out, _ = run("status", str(merged), "--format", "json")
    rows = {p["label"]: p for p in json.loads(out)["paragraphs"]}
    assert rows["OP(c)(ii)a"]["proponents"] == list(markup.proponents())
    # top-level alternatives (sub-paragraphs' openers are not linted): draft II and 20/1
    merged_ii = tmp_path / "merged-ii.txt"
    run("merge-drafts", str(DRAFT_II), str(RES_20_1), "-o", str(merged_ii))
    bracketed = {p.label for p in read(merged_ii).blocks if p.text.startswith("[")}
    code, out, err = run("check", str(merged_ii), "--format", "json")
    flagged = {v["label"] for v in json.loads(out)["violations"]}
    assert bracketed and not flagged & bracketed  # openers are read past "NAME: "


def test_overlap_changed_from_run_to_run_with_the_hash_seed() -> None:
    """Run the CLI in fresh processes: each gets its own PYTHONHASHSEED. With Python's
    string hash, seeds 0 and 4 gave different pairs on these three drafts."""
    outputs = set()
    files = sorted(str(p) for p in OVERLAP.glob("*.xml"))
    for seed in ("0", "1", "4", "10"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "redraft", "overlap", *files, "--format", "json"],
            capture_output=True,
            env=env,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    pairs = json.loads(outputs.pop())["pairs"]
    assert pairs and all(pair["score"] > 0 for pair in pairs)


def test_overlap_printed_pairs_scoring_zero_and_had_no_limit() -> None:
    files = [str(p) for p in sorted(SEED.glob("*.txt"))]
    code, out, _ = run("overlap", *files, "--format", "json")
    pairs = json.loads(out)["pairs"]
    assert code == 0 and pairs and all(pair["score"] > 0 for pair in pairs)
    code, out, _ = run("overlap", *files, "--format", "json", "--min-score", "0.3")
    strong = json.loads(out)["pairs"]
    assert strong == [p for p in pairs if p["score"] >= 0.3] and len(strong) < len(pairs)
    code, out, _ = run("overlap", *files, "--format", "json", "--limit", "2")
    assert json.loads(out)["pairs"] == pairs[:2]
    code, out, _ = run("overlap", *files, "--limit", "1")
    assert out.startswith("18 drafts, 1 overlapping pair\n")
    code, _, err = run("overlap", *files, "--limit", "0")
    assert code == 2 and "--limit" in err
