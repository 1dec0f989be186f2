"""Paragraph states and totals, on a compilation draft case file and over versions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from redraft import canonical
from redraft.model import Draft
from redraft.negotiation.status import draft_status, status_by_version, summary_line
from redraft.render.negotiation import state_text, status_json

DRAFTS = Path(__file__).parent / "cases" / "negotiation" / "drafts"


def load_draft_case(name: str) -> tuple[Draft, dict[str, list[str]]]:
    """A draft case file: canonical text, then sections ``=== expected WHAT ===``."""
    text = (DRAFTS / name).read_text(encoding="utf-8")
    source, *sections = text.split("\n=== expected ")
    expected = {}
    for section in sections:
        title, _, body = section.partition(" ===\n")
        expected[title] = [line for line in body.splitlines() if line.strip()]
    return canonical.parse(source), expected


def test_status_table_of_the_compilation_case() -> None:
    draft, expected = load_draft_case("compilation.txt")
    result = draft_status(draft, "compilation.txt")
    rows = [
        "  ".join(
            x
            for x in (
                p.label,
                state_text(p.state, p.brackets, p.marker),
                str(p.brackets),
                ", ".join(p.proponents),
            )
            if x
        )
        for p in result.paragraphs
    ]
    assert rows == expected["status"][:-1]
    assert summary_line(result.totals) == expected["status"][-1]


def test_totals_hand_counted() -> None:
    draft, _ = load_draft_case("compilation.txt")
    totals = draft_status(draft).totals
    # 12 counted: title (bracketed), PP1-PP2alt (4), OP1-OP4 with OP2(a), OP2(b), OP2bis (7)
    assert totals.paragraphs == 12
    assert (totals.agreed_ad_ref, totals.agreed, totals.open) == (2, 3, 5)
    assert (totals.proposed_deletion, totals.clean) == (3, 1)
    assert (totals.brackets, totals.with_brackets) == (6, 6)


def test_problems_reach_the_result() -> None:
    draft, _ = load_draft_case("compilation.txt")
    [problem] = draft_status(draft).problems
    assert (problem.label, problem.kind, problem.offset) == ("OP3", "unclosed", 21)


def test_json_has_the_documented_shape() -> None:
    draft, _ = load_draft_case("compilation.txt")
    document = status_json(draft_status(draft, "x"))
    assert document["schema"] == "redraft.status/1"
    assert document["paragraphs"][3] == {
        "label": "PP2bis",
        "state": "open",
        "brackets": 1,
        "proponents": ["EU", "G77", "US"],
    }
    assert document["totals"] == {
        "paragraphs": 12,
        "agreed": 3,
        "agreed_ad_ref": 2,
        "open": 5,
        "proposed_deletion": 3,
        "clean": 1,
        "brackets": 6,
        "with_brackets": 6,
        "settled": False,
    }
    assert document["problems"][0]["label"] == "OP3"
    assert "versions" not in document


@dataclass(frozen=True)
class _Version:
    number: int
    symbol: str = ""
    date: str = ""
    by: str = ""


def _draft(*paragraphs: str) -> Draft:
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate(paragraphs, start=1))
    return canonical.parse(f"---\nredraft: 1\n---\n\n{body}\n")


def test_share_agreed_by_version() -> None:
    history = [
        (_Version(1, by="Facilitator"), _draft("A [b - US].", "C [d / e].", "F.", "G [h].")),
        (_Version(2, by="G77"), _draft("A b. [Agreed ad ref]", "C [d / e].", "F. [agreed]", "G.")),
        (
            _Version(3, by="EU"),
            _draft("A b. [Agreed ad ref]", "C d. [Agreed ad ref]", "F. [agreed]"),
        ),
    ]
    progress = status_by_version("x", history)
    assert [v.totals.agreed for v in progress.versions] == [0, 2, 3]
    assert [v.totals.paragraphs for v in progress.versions] == [4, 4, 3]
    assert [round(v.totals.share_agreed, 2) for v in progress.versions] == [0.0, 0.5, 1.0]
    assert [v.totals.brackets for v in progress.versions] == [3, 1, 0]
    assert progress.latest.source == "x@3"
    document = status_json(progress.latest, progress)
    assert [v["share_agreed"] for v in document["versions"]] == [0.0, 0.5, 1.0]
    assert document["versions"][1]["by"] == "G77"


def test_an_alternative_paragraph_keeps_both_open() -> None:
    draft = canonical.parse(
        "---\nredraft: 1\n---\n\n*Noting* the report,\n\nPP 1alt *Welcoming* the report,\n\n"
        "*Recalling* its resolution 70/1,\n\nPP 2alt *Recalling* resolution 70/1, [Agreed ad ref]\n"
    )
    result = draft_status(draft)
    got = [(p.label, state_text(p.state, p.brackets, p.marker, p.note)) for p in result.paragraphs]
    assert got == [
        ("PP1", "open (PP1alt proposes to replace it)"),
        ("PP1alt", "open (alternative to PP1)"),
        ("PP2", "open (PP2alt is agreed in its place)"),  # it must still be taken out
        ("PP2alt", "agreed ad ref"),
    ]
    assert result.totals.open == 3


def _status_json(path: Path) -> dict[str, object]:
    import json

    from click.testing import CliRunner

    from redraft.cli import cli

    result = CliRunner().invoke(cli, ["status", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    document: dict[str, object] = json.loads(result.stdout)
    return document


def test_status_of_a_printed_rolling_text() -> None:
    """The Rio+20 patterns as a delegate pastes them (printed text, not canonical): a
    preambular paragraph ending in a marker or a tag stays one paragraph, the outcome
    document's "We, the Heads of State ..." is the formula, not PP1; alternatives
    written "EU: ... / G77: ..." name their proponents."""
    document = _status_json(DRAFTS / "rio20-rolling.txt")
    rows = {
        p["label"]: (p["state"], p["brackets"], ", ".join(p["proponents"]))
        for p in document["paragraphs"]
    }  # type: ignore[attr-defined]
    assert rows == {
        "PP1": ("open", 0, ""),  # [pending]
        "PP2": ("open", 1, "EU"),  # [- EU]
        "PP3": ("agreed-ad-ref", 0, ""),
        "OP1": ("agreed-ad-ref", 0, ""),
        "OP2": ("open", 1, "US, G77"),
        "OP2bis": ("open", 1, "G77, US, Canada, Japan, EU"),
        "OP3": ("open", 1, "EU, G77, US"),
        "OP4": ("proposed-deletion", 1, "G77"),
        "OP5": ("open", 2, "EU, G77"),  # "NAME:" prefixes, as merge writes; "as follows:" is text
        "OP6": ("proposed-deletion", 1, "EU, G77"),
        "OP12": ("agreed-ad-ref", 0, ""),
        "OP12bis": ("agreed-ad-ref", 0, ""),
    }
    totals = document["totals"]
    assert totals["paragraphs"] == 12 and totals["agreed_ad_ref"] == 4  # type: ignore[index]
    assert totals["brackets"] == 8  # type: ignore[index]
