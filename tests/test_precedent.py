"""Agreed language: the index, tracing a draft, searching a phrase (redraft.precedent)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from redraft.errors import InputError
from redraft.labels import assign_labels
from redraft.measure.stats import count_words
from redraft.model import Draft, Kind, Meta, Paragraph
from redraft.precedent import SqliteIndex, indexed_document, search, trace
from redraft.precedent.classify import ADAPTED_THRESHOLD, similarity
from redraft.precedent.normalize import tokens
from redraft.readers import read_path
from redraft.resolve.precedent import update_index

DATA = Path(__file__).parent / "data" / "precedent"
ANGUILLA_78 = DATA / "en" / "A_RES_78_87-2324949E.xml"
ANGUILLA_79 = DATA / "en" / "A_RES_79_100-2423545E.xml"
BERMUDA_79 = DATA / "en" / "A_RES_79_101-2423543E.xml"


def make_draft(*texts: str, symbol: str = "", date: str = "") -> Draft:
    """A draft of operative paragraphs (OP1, OP2...)."""
    blocks = tuple(
        Paragraph(Kind.OPERATIVE, text, number=f"{n}.") for n, text in enumerate(texts, 1)
    )
    return Draft(Meta(symbol=symbol, date=date), assign_labels(blocks))


def memory_index(*drafts: Draft) -> SqliteIndex:
    index = SqliteIndex.open(":memory:", create=True)
    index.update(
        indexed_document(d, identity=f"doc{n}", content_hash=str(n)) for n, d in enumerate(drafts)
    )
    return index


@pytest.fixture(scope="module")
def anguilla() -> object:
    """Anguilla 79 traced against Anguilla 78 and Bermuda 79."""
    index = SqliteIndex.open(":memory:", create=True)
    update_index(index, [str(ANGUILLA_78), str(BERMUDA_79)])
    return trace(read_path(ANGUILLA_79).draft, index)


def test_a_recurring_resolution_is_mostly_verbatim(anguilla: object) -> None:
    result = anguilla
    summary = result.summary  # type: ignore[attr-defined]
    assert (summary.verbatim, summary.adapted, summary.new, summary.boilerplate) == (37, 6, 1, 2)
    assert summary.agreed_share_words == 0.995


def test_an_adapted_paragraph_carries_its_redline(anguilla: object) -> None:
    op17 = next(p for p in anguilla.paragraphs if p.label == "OP17")  # type: ignore[attr-defined]
    assert op17.cls == "adapted"
    assert [s for s in op17.segments if s[0] != "="] == [("-", "Bermuda"), ("+", "Anguilla")]
    assert op17.sources[0].symbol == "A/RES/79/101"
    assert 0.95 < op17.sources[0].similarity < 1


def test_sources_rank_by_similarity_then_most_recent(anguilla: object) -> None:
    pp1 = next(p for p in anguilla.paragraphs if p.label == "PP1")  # type: ignore[attr-defined]
    # the same wording in both: the 79th session's (2024) before the 78th's (2023)
    assert [(s.symbol, s.date) for s in pp1.sources] == [
        ("A/RES/79/101", "2024-12-04"),
        ("A/RES/78/87", "2023-12-07"),
    ]
    pp2 = next(p for p in anguilla.paragraphs if p.label == "PP2")  # type: ignore[attr-defined]
    # verbatim in 78/87 (older) ranks before a close wording in 79/101 (newer)
    assert [s.symbol for s in pp2.sources] == ["A/RES/78/87", "A/RES/79/101"]
    assert pp2.sources[0].similarity == 1.0 > pp2.sources[1].similarity


def test_a_new_paragraph_names_the_nearest_wording_below_the_threshold(anguilla: object) -> None:
    pp17 = next(p for p in anguilla.paragraphs if p.label == "PP17")  # type: ignore[attr-defined]
    assert pp17.cls == "new" and pp17.sources == ()
    assert pp17.nearest is not None and pp17.nearest.similarity < ADAPTED_THRESHOLD


def test_words_add_up_to_redraft_stats(anguilla: object) -> None:
    draft = read_path(ANGUILLA_79).draft
    assert anguilla.summary.total_words == count_words(draft)  # type: ignore[attr-defined]


def test_verbatim_ignores_typography_and_footnote_markers() -> None:
    index = memory_index(make_draft("Urges all States to act on the report,¹ without delay;"))
    draft = make_draft("urges all\u00a0States to act on the report without\tdelay.")
    assert trace(draft, index).paragraphs[0].cls == "verbatim"


def test_one_word_changed_is_adapted_and_a_new_paragraph_is_new() -> None:
    adopted = make_draft(
        "Encourages Member States to strengthen cooperation on the protection of migrants;",
        symbol="A/RES/1/1",
        date="2020-01-01",
    )
    index = memory_index(adopted)
    draft = make_draft(
        "Encourages Member States to strengthen cooperation on the protection of refugees;",
        "Invites the Committee to name craters on the far side of the Moon after scientists;",
    )
    first, second = trace(draft, index).paragraphs
    assert first.cls == "adapted" and first.sources[0].label == "OP1"
    assert ("-", "migrants") in first.segments and ("+", "refugees") in first.segments
    assert second.cls == "new"


def test_boilerplate_is_not_looked_up_and_not_counted() -> None:
    index = memory_index(make_draft("Decides to remain seized of the matter."))
    result = trace(make_draft("Decides to remain seized of the matter."), index)
    paragraph = result.paragraphs[0]
    assert paragraph.cls == "boilerplate" and paragraph.boilerplate == "remain-seized"
    assert paragraph.sources == ()
    assert result.summary.agreed_share_words == 0.0  # nothing but boilerplate


def test_the_drafts_own_symbol_is_not_its_source() -> None:
    own = make_draft("Welcomes the report of the Secretary-General on cooperation;", symbol="X/1")
    index = memory_index(own)
    assert trace(own, index, exclude_symbol="X/1").paragraphs[0].cls == "new"
    assert trace(own, index).paragraphs[0].cls == "verbatim"


def test_chinese_is_traced_character_by_character() -> None:
    path = DATA / "other" / "A_RES_79_10-2421660C.xml"
    index = SqliteIndex.open(":memory:", create=True)
    update_index(index, [str(path)])
    draft = read_path(path).draft
    pp3 = draft.find("PP3")
    assert isinstance(pp3, Paragraph) and "2004" in pp3.text
    changed = replace(
        draft,
        blocks=tuple(
            replace(b, text=b.text.replace("2004", "2005")) if b.label == "PP3" else b
            for b in draft.blocks
        ),
    )
    result = trace(changed, index)
    traced = {p.label: p for p in result.paragraphs}
    assert traced["PP3"].cls == "adapted"
    assert [s for s in traced["PP3"].segments if s[0] != "="] == [("-", "4"), ("+", "5")]
    assert traced["PP2"].cls == "verbatim"
    assert traced["OP9"].cls == "boilerplate"
    assert result.summary.total_words == count_words(changed)  # characters, as stats counts


def test_a_language_is_traced_against_the_same_language() -> None:
    index = SqliteIndex.open(":memory:", create=True)
    update_index(index, [str(DATA / "other" / "A_RES_79_10-2421660F.xml")])
    spanish = read_path(DATA / "other" / "A_RES_79_10-2421660S.xml").draft
    classes = {p.cls for p in trace(spanish, index).paragraphs}
    assert classes <= {"new", "boilerplate"}
    assert index.info().languages == ("fr",)


def test_similarity_is_the_share_of_words_kept_in_order() -> None:
    assert similarity(["a", "b", "c", "d"], ["a", "b", "c", "d"]) == 1.0
    assert similarity(["a", "b", "c", "d"], ["a", "x", "c", "d"]) == 0.75
    assert similarity([], []) == 1.0
    assert similarity(["a"], []) == 0.0


# -- the index ----------------------------------------------------------------


def _dump(index: SqliteIndex) -> list[list[tuple[object, ...]]]:
    tables = ["document", "wording", "paragraph", "sketch"]
    return [sorted(index.db.execute(f"SELECT * FROM {t}").fetchall()) for t in tables]


def test_reindexing_unchanged_sources_changes_nothing(tmp_path: Path) -> None:
    index = SqliteIndex.open(tmp_path / "i.db", create=True)
    first = update_index(index, [str(DATA / "en")])
    before = _dump(index)
    again = update_index(index, [str(DATA / "en")])
    assert len(first.added) == 4 and first.skipped == ()
    assert (again.added, again.changed, again.removed, again.unchanged) == ((), (), (), 4)
    assert _dump(index) == before


def test_an_update_adds_changed_and_drops_removed_documents(tmp_path: Path) -> None:
    folder = tmp_path / "adopted"
    folder.mkdir()
    for path in (ANGUILLA_78, BERMUDA_79):
        (folder / path.name).write_bytes(path.read_bytes())
    index = SqliteIndex.open(tmp_path / "i.db", create=True)
    update_index(index, [str(folder)])
    (folder / ANGUILLA_78.name).unlink()
    (folder / ANGUILLA_79.name).write_bytes(ANGUILLA_79.read_bytes())
    report = update_index(index, [])  # no source: the recorded folder again
    assert [Path(p).name for p in report.added] == [ANGUILLA_79.name]
    assert [Path(p).name for p in report.removed] == [ANGUILLA_78.name]
    assert index.info().documents == 2
    symbols = {row[0] for row in index.db.execute("SELECT symbol FROM document")}
    assert symbols == {"A/RES/79/100", "A/RES/79/101"}


def test_removing_every_document_leaves_nothing_behind(tmp_path: Path) -> None:
    index = SqliteIndex.open(tmp_path / "i.db", create=True)
    update_index(index, [str(ANGUILLA_78)])
    index.update([], remove=[str(ANGUILLA_78.resolve())])
    assert _dump(index) == [[], [], [], []]
    assert index.phrase(tokens("Question of Anguilla")) == []


def test_a_file_that_is_not_an_index_is_refused_and_kept(tmp_path: Path) -> None:
    text = tmp_path / "draft.txt"
    text.write_text("Decides to remain seized of the matter.\n" * 50)
    with pytest.raises(InputError, match="not a precedent index"):
        SqliteIndex.open(text, create=True)
    assert text.read_text().startswith("Decides")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(InputError, match="not a precedent index"):
        SqliteIndex.open(other, create=True)
    with pytest.raises(InputError, match="no such precedent index"):
        SqliteIndex.open(tmp_path / "missing.db")


def test_search_finds_a_phrase_newest_first_with_its_first_use() -> None:
    index = SqliteIndex.open(":memory:", create=True)
    update_index(index, [str(ANGUILLA_78), str(ANGUILLA_79), str(BERMUDA_79)])
    found = search(index, "Caribbean Overseas Countries and Territories Council")
    dates = [hit.date for hit in found.hits]
    assert dates == sorted(dates, reverse=True) and dates
    assert found.first is not None and found.first.symbol == "A/RES/78/87"
    assert dict(found.by_year)["2023"] >= 1
    # case, typography and punctuation do not matter
    again = search(index, "caribbean  overseas countries, and territories council")
    assert again.total == found.total
    with pytest.raises(InputError):
        search(index, "  ... ")


def test_the_precedent_section_of_the_config(tmp_path: Path) -> None:
    from redraft.config import parse_config
    from redraft.errors import ConfigError

    config = parse_config('[precedent]\nindex = "adopted.db"\n', str(tmp_path / "redraft.toml"))
    assert config.precedent_index() == tmp_path / "adopted.db"
    assert parse_config("", "redraft.toml").precedent_index() is None
    with pytest.raises(ConfigError, match="redraft.toml:2: 'index' must be a path"):
        parse_config("[precedent]\nindex = 3\n", "redraft.toml")
    with pytest.raises(ConfigError, match="unknown key 'indx' in \\[precedent\\]"):
        parse_config('[precedent]\nindx = "a.db"\n', "redraft.toml")
    with pytest.raises(ConfigError, match="belongs in the \\[precedent\\] section"):
        parse_config('index = "a.db"\n', "redraft.toml")
