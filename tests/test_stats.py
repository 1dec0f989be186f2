"""Word counts and length statistics against hand-counted texts (tests/data/stats/).

The figures asserted here were counted independently of redraft: for the seed drafts
with ``wc -w`` over the printed text with paragraph numbers, footnote markers and
footnotes removed; for the Chinese resolution by counting the Han-script characters and
the remaining tokens with Perl (CJK punctuation excluded), and by hand for OP4.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from redraft import canonical
from redraft.cli import cli
from redraft.measure.hints import hints, recall_only, repeated_phrases
from redraft.measure.stats import draft_stats, growth_percent, version_stats
from redraft.model import Kind, Paragraph
from redraft.render.stats import bar_chart
from redraft.resolve import load
from redraft.words import count_text_words, count_words

from .strategies import drafts

DATA = Path(__file__).parent / "data" / "stats"
CASES = Path(__file__).parent / "cases" / "stats"
DR1 = DATA / "ccpcj20-ga-dr-1.txt"  # E/2011/30, chap. I A, draft resolution I
DR4 = DATA / "ccpcj20-ga-dr-4.txt"  # ... draft resolution IV
ZH = DATA / "A_RES_79_11-2421663C.xml"  # A/RES/79/11 in Chinese
AR = DATA / "A_RES_79_11-2421663A.xml"  # ... in Arabic


def word_cases() -> list[tuple[int, str]]:
    """tests/cases/stats/word-count.txt: expected count, a tab, the text."""
    out = []
    for line in (CASES / "word-count.txt").read_text(encoding="utf-8").split("\n"):
        if line and not line.startswith("#"):
            expected, _, text = line.partition("\t")
            out.append((int(expected), text))
    return out


@pytest.mark.parametrize(("expected", "text"), word_cases(), ids=lambda v: repr(v)[:30])
def test_word_count_rule(expected: int, text: str) -> None:
    assert count_text_words(text) == expected


def test_seed_draft_resolution_i_hand_counted() -> None:
    stats = draft_stats(load(str(DR1)).draft, "dr1")
    assert stats.words == 679  # wc -w, numbers, markers and footnotes removed
    assert stats.footnote_words == 14
    assert stats.footnotes == 4
    assert (stats.preambular, stats.operative, stats.subparagraphs) == (5, 6, 0)
    # 4,551 characters as printed plus the space that rejoins PP4 across a page break.
    assert stats.characters == 4552
    assert stats.characters_no_spaces == 3887
    assert stats.pages == 1.3  # 679 / 530
    assert stats.longest[0] == ("PP4", 115)
    rows = {row.label: row.words for row in stats.paragraphs}
    assert rows["OP1"] == 23  # "Takes note of the report ... Criminal Justice;" counted by hand
    assert rows["formula"] == 3


def test_seed_draft_resolution_iv_hand_counted() -> None:
    stats = draft_stats(load(str(DR4)).draft)
    assert (stats.words, stats.footnote_words, stats.operative) == (1915, 62, 18)


def test_bundled_draft_decision_with_sub_paragraphs_hand_counted() -> None:
    from redraft.demo import bundled_drafts_dir

    name = "ecosoc-draft-decision-ii-improving-governance-financial-situation.txt"
    path = bundled_drafts_dir() / name
    if not path.exists():
        pytest.skip("bundled drafts not installed")
    stats = draft_stats(load(str(path)).draft)
    # wc -w over seed lines 703-725 with "(a)" and "1." numbers removed: 531.
    assert (stats.words, stats.operative, stats.subparagraphs, stats.preambular) == (531, 6, 4, 0)
    rows = {row.label: row for row in stats.paragraphs}
    assert rows["OP(f)"].total_words == rows["OP(f)"].words + sum(
        rows[f"OP(f){n}"].words for n in range(1, 5)
    )


def test_chinese_resolution_counts_characters() -> None:
    draft = load(str(ZH)).draft
    stats = draft_stats(draft)
    assert draft.meta.language == "zh"
    assert stats.words == 933  # 890 Han characters + 43 other tokens ("58/85", "2003"...)
    # 第49/57号决议，附件。 (7) + 见A/79/302-S/2024/600，第二节。 (5)
    assert stats.footnote_words == 12
    rows = {row.label: row.words for row in stats.paragraphs}
    assert rows["OP4"] == 29  # 请联合国秘书长就本决议执行情况向大会第八十一届会议提出报告；
    assert stats.characters == stats.characters_no_spaces  # Chinese has no spaces


def test_arabic_resolution_counts_tokens() -> None:
    stats = draft_stats(load(str(AR)).draft)
    assert (stats.words, stats.footnote_words, stats.preambular, stats.operative) == (613, 7, 6, 5)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_counts_add_up_across_a_space(a: str, b: str) -> None:
    assert count_text_words(a + " " + b) == count_text_words(a) + count_text_words(b)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="⁰¹²³⁴⁵⁶⁷⁸⁹[", max_codepoint=0x2FFF)))
def test_without_cjk_a_word_is_a_token_with_a_letter_or_digit(text: str) -> None:
    naive = sum(1 for token in text.split() if any(c.isalnum() for c in token))
    assert count_text_words(text) == naive


@settings(max_examples=100, deadline=None)
@given(drafts())
def test_draft_words_are_the_sum_of_paragraph_rows(draft) -> None:  # type: ignore[no-untyped-def]
    stats = draft_stats(draft)
    assert stats.words == count_words(draft) == sum(row.words for row in stats.paragraphs)
    assert stats.characters_no_spaces <= stats.characters


def test_growth_and_versions() -> None:
    assert growth_percent(400, 500) == 25.0
    assert growth_percent(0, 10) is None
    small = canonical.parse("---\nredraft: 1\n---\n\n1. *Decides* to act.\n")
    big = canonical.parse("---\nredraft: 1\n---\n\n1. *Decides* to act now and then.\n")
    rows = version_stats([(None, small), (None, big)])
    assert [(r.number, r.words, r.growth) for r in rows] == [(1, 3, 0.0), (2, 6, 100.0)]


def test_bar_chart_scales_to_the_largest() -> None:
    lines = bar_chart([("v1", 50), ("v2", 100)], width=10)
    assert lines[0].startswith("v1  █████ ")
    assert lines[1].startswith("v2  ██████████ ")
    assert lines[1].endswith("100")


def test_hint_finds_the_repeated_offences_phrase() -> None:
    found = repeated_phrases(load(str(DR4)).draft, "dr4")
    top = found[0]
    assert "drug trafficking and related offences provided for in the United Nations" in top.text
    assert len(top.labels) == 14  # grep over the text with footnote markers removed: 14
    assert top.saves == (14 - 1) * (22 - 2) - 3  # (n-1) x (words - term) - definition


def test_recall_only_paragraphs() -> None:
    only = Paragraph(Kind.PREAMBULAR, "Recalling its resolution 65/232 of 21 December 2010,")
    more = Paragraph(
        Kind.PREAMBULAR,
        "Recalling its resolution 65/232, in which it stressed the need to enhance cooperation,",
    )
    assert recall_only(only)
    assert not recall_only(more)


def test_boilerplate_across_drafts() -> None:
    draft = load(str(DR1)).draft
    found = [h for h in hints([("a", draft), ("b", draft)]) if h.kind == "boilerplate"]
    assert found and all(h.draft == "b" for h in found)


# -- CLI -----------------------------------------------------------------------


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_json_has_the_documented_keys() -> None:
    result = run("stats", str(DR1), str(ZH), "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["schema"] == "redraft.stats/1"
    first = document["drafts"][0]
    for key in (
        "name",
        "words",
        "characters",
        "characters_no_spaces",
        "preambular",
        "operative",
        "subparagraphs",
        "footnotes",
        "footnote_words",
        "pages",
    ):
        assert key in first
    assert (first["name"], first["words"], first["pages"]) == ("ccpcj20-ga-dr-1", 679, 1.3)
    assert document["drafts"][1]["words"] == 933


def test_cli_csv_paragraphs_and_words_per_page() -> None:
    result = run("stats", str(DR1), "--format", "csv", "--words-per-page", "100")
    assert result.exit_code == 0
    header, row = result.output.strip().split("\n")
    assert header.split(",")[-1] == "pages"
    assert row.split(",")[1] == "679" and row.split(",")[-1] == "6.8"
    result = run("stats", str(DR1), "--format", "csv", "--paragraphs")
    assert "ccpcj20-ga-dr-1,OP1,operative,23," in result.output


def test_cli_table_and_hints() -> None:
    result = run("stats", str(DR4), "--hints", "--format", "table")
    assert result.exit_code == 0
    assert "1,915" in result.output
    assert "Shortening hints" in result.output and "repeated-phrase" in result.output


def test_cli_bad_input_is_one_line_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(cli, ["stats", str(empty)])
    assert result.exit_code == 2
    assert result.output.strip().startswith("redraft: error:")
    assert len(result.output.strip().splitlines()) == 1


def test_cli_by_version_from_a_store(tmp_path: Path) -> None:
    from dataclasses import replace

    from redraft.store import Store

    store = Store.init(tmp_path / "store")
    draft = load(str(DR1)).draft
    store.save("dr1", replace(draft, blocks=draft.blocks[:8]), by="EU", date="2012-03-01")
    store.save("dr1", draft, by="G77", date="2012-03-20")
    result = run(
        "stats", "--store", str(tmp_path / "store"), "--by-version", "dr1", "--format", "json"
    )
    versions = json.loads(result.output)["versions"]
    assert [(v["version"], v["by"], v["words"]) for v in versions] == [
        (1, "EU", 399),
        (2, "G77", 679),
    ]
    assert versions[1]["growth"] == round((679 - 399) * 100 / 399, 1)
    table = run(
        "stats", "--store", str(tmp_path / "store"), "--by-version", "dr1", "--format", "table"
    ).output
    assert "+70.2%" in table and "█" in table


def test_recall_only_hint_merges_or_joins() -> None:
    text = (
        "---\nredraft: 1\n---\n\n*Recalling* its resolution 65/232 of 21 December 2010,\n\n"
        "*Reaffirming* its resolution 65/221 of 21 December 2010,\n\n"
        "*Recalling also* the Salvador Declaration, adopted by the Twelfth Congress,\n\n"
        "1. *Decides* to act.\n"
    )
    draft = canonical.parse(text)
    (hint,) = [h for h in hints([("d", draft)]) if h.kind == "recall-only"]
    assert hint.labels == ("PP1", "PP2")
    assert hint.saves == (8 + 8) - 3 - 4 * 2  # 8 words each, less the opening, 4 per text
    single = canonical.parse(
        text.replace("*Reaffirming* its resolution 65/221 of 21 December 2010,\n\n", "")
    )
    (hint,) = [h for h in hints([("d", single)]) if h.kind == "recall-only"]
    assert (hint.labels, hint.saves) == (("PP1",), 8 - 4)
    assert "cite it in PP2" in hint.advice


def test_repeated_phrase_is_trimmed_of_little_words() -> None:
    body = "\n\n".join(
        f"{n}. *Invites* the Conference of the States Parties to the Convention on item {n};"
        for n in range(1, 5)
    )
    draft = canonical.parse("---\nredraft: 1\n---\n\n" + body + "\n")
    (top,) = repeated_phrases(draft, "d")
    # "Invites the Conference of the States Parties to the Convention on item" grows to
    # 12 words in every paragraph; "Invites" starts it, "on item" ends it: nothing to trim.
    assert top.text == "Invites the Conference of the States Parties to the Convention on item"
    assert top.saves == (4 - 1) * (12 - 2) - 3
    varied = canonical.parse(
        "---\nredraft: 1\n---\n\n"
        + "\n\n".join(
            f"{n}. *{verb}* the Conference of the States Parties to the {what};"
            for n, (verb, what) in enumerate(
                [("Invites", "Protocol"), ("Urges", "Convention"), ("Asks", "Treaty")], 1
            )
        )
        + "\n"
    )
    (top,) = repeated_phrases(varied, "d")
    assert top.text == "the Conference of the States Parties"  # "to the" trimmed
    assert top.saves == (3 - 1) * (6 - 2) - 3


@settings(max_examples=100, deadline=None)
@given(drafts(), drafts())
def test_hints_on_any_drafts_save_words_where_they_say(a, b) -> None:  # type: ignore[no-untyped-def]
    found = hints([("a", a), ("b", b)])
    labels = {"a": set(a.labels()), "b": set(b.labels())}
    for hint in found:
        assert hint.saves > 0
        assert set(hint.labels) <= labels[hint.draft]


def test_cli_piped_output_is_tab_separated_text() -> None:
    """Piped (or --format text), stats is plain text that cut and spreadsheets read:
    a header row, then one row per draft, columns separated by tabs; no box drawing."""
    piped = run("stats", str(DR1), str(DR4))
    assert piped.exit_code == 0
    assert piped.output == run("stats", str(DR1), str(DR4), "--format", "text").output
    lines = piped.output.splitlines()
    assert lines[0].split("\t")[:3] == ["name", "words", "characters"]
    assert [line.split("\t")[1] for line in lines[1:]] == ["679", "1915"]
    assert not set("─│┃━┏") & set(piped.output)
    table = run("stats", str(DR1), "--format", "table").output
    assert "679" in table and "\t" not in table


def test_cli_by_version_is_a_flag_as_in_status(tmp_path: Path) -> None:
    from redraft.store import Store

    store = Store.init(tmp_path / "store")
    store.save("dr1", load(str(DR1)).draft, by="EU", date="2012-03-01")
    where = ("--store", str(tmp_path / "store"))
    after = run("stats", "dr1", "--by-version", *where, "--format", "json")
    before = run("stats", "--by-version", "dr1", *where, "--format", "json")  # the old spelling
    assert after.exit_code == 0 and after.output == before.output
    two = run("stats", "dr1", "dr1@1", "--by-version", *where)
    assert two.exit_code == 2 and "give its NAME" in two.output
