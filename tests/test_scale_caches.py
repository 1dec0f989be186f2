"""Session scale (issue 17): what is cached is keyed by what it is made of, a damaged
cache is ignored, and using the machine's cores or the cache never changes an output."""

from __future__ import annotations

import json
import shutil
import zipfile
import zlib
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from redraft import canonical
from redraft.diff.compact import decode, encode
from redraft.diff.engine import diff_drafts
from redraft.jobs import parallel_map
from redraft.model import Draft
from redraft.negotiation.blame import blame, blame_words
from redraft.negotiation.history import paragraph_history
from redraft.negotiation.lineage import build_lineage
from redraft.readers.report import split_report
from redraft.render.site import write_site
from redraft.resolve import cache as cache_module
from redraft.resolve import lineage_cache
from redraft.resolve.lineage_cache import lineage
from redraft.resolve.report import build_report, overview
from redraft.resolve.sources import with_words
from redraft.store import Store

from .strategies import drafts

SEED = Path(__file__).parent / "data" / "seed" / "ccpcj-20th-session-chapter-1.txt"

BASE = """---
redraft: 1
symbol: A/C.3/79/L.12
---

## Crime prevention and criminal justice

> *The General Assembly*,

*Recalling* its resolution 78/230 on crime prevention,

*Noting with concern* the growth of transnational organized crime,

1. *Urges* Member States to strengthen international cooperation;

2. *Requests* the Secretary-General to report at its next session;

3. *Invites* donors to provide extrabudgetary resources for technical assistance;
"""


def versions_of(base: str, count: int) -> list[str]:
    """``count`` texts, each a small edit of the one before (a negotiation)."""
    texts = [base]
    for n in range(1, count):
        text = texts[-1].replace("next session", f"session {80 + n}", 1)
        if n % 2:
            text = text.rstrip("\n") + f"\n\n{4 + n}. *Decides* to consider item {n};\n"
        texts.append(text.replace("strengthen", "further strengthen" if n == 3 else "strengthen"))
    return texts


def build_store(root: Path, texts: list[str], who: list[str] | None = None) -> Store:
    store = Store.init(root)
    for n, text in enumerate(texts):
        by = (who or ["Mexico", "EU", "G77"])[n % len(who or ["Mexico", "EU", "G77"])]
        day = (date(2011, 4, 11) + timedelta(days=n)).isoformat()
        store.save("crime", canonical.parse(text), by=by, date=day)
    store.save("other", canonical.parse(BASE), by="Japan", date="2011-04-10")
    return store


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# -- reading many versions ------------------------------------------------------------


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(drafts(), drafts())
def test_history_parser_reads_as_parse(first: Draft, second: Draft) -> None:
    parser = canonical.HistoryParser()
    for text in (canonical.render(first), canonical.render(second), canonical.render(first)):
        assert parser.parse_text(text) == canonical.parse(text)


def test_history_parser_on_versions_and_duplicate_labels() -> None:
    parser = canonical.HistoryParser()
    texts = versions_of(BASE, 8)
    twice = (
        BASE.rstrip("\n")
        + "\n\n1. *Urges* Member States to strengthen international cooperation;\n"
    )
    seed = [canonical.render(item.draft) for item in split_report(SEED.read_text())]
    for text in [*texts, twice, *texts, twice, *seed, *seed]:
        assert parser.parse_text(text) == canonical.parse(text)


# -- a pair's alignment, kept and read back ----------------------------------------------


def test_compact_alignment_round_trip() -> None:
    texts = versions_of(BASE, 6)
    for old_text, new_text in zip(texts, texts[1:], strict=False):
        old, new = canonical.parse(old_text), canonical.parse(new_text)
        result = diff_drafts(old, new, "words", "a", "b")
        compact = encode(result)
        assert compact is not None
        back = decode(json.loads(json.dumps(compact)), old, new, "a", "b")
        assert back == result
        assert [c.old_units for c in back.changes] == [c.old_units for c in result.changes]


def test_compact_alignment_of_other_texts_is_refused() -> None:
    texts = versions_of(BASE, 4)
    old, new = canonical.parse(texts[0]), canonical.parse(texts[1])
    compact = encode(diff_drafts(old, new))
    other = canonical.parse(texts[3])
    assert decode(compact, old, other) is None  # not the texts it was made of
    assert decode([[0, 0], "junk"], old, new) is None
    assert decode({"not": "a list"}, old, new) is None


def _lineage_results(store: Store) -> tuple[object, ...]:
    history = with_words(store.history("crime"))
    found = lineage(store, "crime", history)
    return (
        blame(found),
        blame_words(found, "OP1"),
        paragraph_history(found, "OP2"),
    )


def test_pair_cache_gives_the_results_of_a_fresh_diff(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 7))
    history = with_words(store.history("crime"))
    fresh = build_lineage("crime", history)
    expected = (blame(fresh), blame_words(fresh, "OP1"), paragraph_history(fresh, "OP2"))
    assert _lineage_results(store) == expected  # cold: pairs diffed and kept
    assert store.load_cache("redraft-cache/lineage/crime") is not None
    assert _lineage_results(store) == expected  # warm: read back


def test_pair_cache_damaged_or_from_another_draft_is_ignored(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 5))
    expected = _lineage_results(store)
    name = "redraft-cache/lineage/crime"
    good = store.load_cache(name)
    assert good is not None
    for damaged in (b"", b"garbage", good[: len(good) // 2], zlib.compress(b"[1, 2]")):
        store.save_cache(name, damaged)
        assert _lineage_results(store) == expected
    # the alignments of other texts, under this draft's name: keyed by blobs, never used
    other = build_store(tmp_path / "other", versions_of(BASE.replace("Urges", "Calls upon"), 5))
    _lineage_results(other)
    foreign = other.load_cache(name)
    assert foreign is not None
    store.save_cache(name, foreign)
    assert _lineage_results(store) == expected


def test_cache_of_another_redraft_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 3))
    _lineage_results(store)
    assert cache_module.load_document(store, "lineage/crime", lineage_cache.KIND) is not None
    monkeypatch.setattr(cache_module, "code_digest", lambda: "another redraft")
    assert cache_module.load_document(store, "lineage/crime", lineage_cache.KIND) is None


# -- the report ---------------------------------------------------------------------------


def test_report_equals_the_reference_site_cold_warm_and_after_a_version(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 5))
    reference = tmp_path / "reference"
    write_site(reference, overview(store.root))
    out = tmp_path / "site"
    build_report(out, store.root)
    assert tree(out) == tree(reference)
    build_report(out, store.root)  # warm: everything from the cache
    assert tree(out) == tree(reference)
    store.save("crime", canonical.parse(versions_of(BASE, 6)[-1]), by="Brazil", date="2011-05-01")
    shutil.rmtree(reference)
    write_site(reference, overview(store.root))
    build_report(out, store.root)  # one new version: one new redline
    assert tree(out) == tree(reference)


def test_report_with_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 4))
    reference = tmp_path / "reference"
    write_site(reference, overview(store.root))
    build_report(tmp_path / "first", store.root)
    store.save_cache("redraft-cache/report", b"\x00not a cache")
    for pack in store.cache_names("redraft-cache/packs"):
        data = bytearray(store.load_cache(pack) or b"")
        data[len(data) // 3 : len(data) // 3 + 64] = b"PK damaged".ljust(64, b"!")
        store.save_cache(pack, bytes(data))
    build_report(tmp_path / "second", store.root)
    assert tree(tmp_path / "second") == tree(reference)


def test_report_cache_of_other_versions_is_never_used(tmp_path: Path) -> None:
    """Same texts, other delegations and dates: nothing of the first store's pages
    (timeline, redline headings, Word authors) may show in the second's."""
    texts = versions_of(BASE, 4)
    first = build_store(tmp_path / "a", texts, ["Mexico", "EU", "G77"])
    second = build_store(tmp_path / "b", texts, ["Norway", "Chile", "India"])
    build_report(tmp_path / "site-a", first.root)
    shutil.copytree(first.git_dir / "redraft-cache", second.git_dir / "redraft-cache")
    build_report(tmp_path / "site-b", second.root)
    write_site(tmp_path / "reference-b", overview(second.root))
    assert tree(tmp_path / "site-b") == tree(tmp_path / "reference-b")


def test_report_on_one_core_and_on_several_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 40))
    for n in range(30):
        store.save(f"draft-{n:02d}", canonical.parse(versions_of(BASE, 3)[n % 3]), by="EU")
    monkeypatch.setenv("REDRAFT_JOBS", "1")
    build_report(tmp_path / "one", store.root)
    shutil.rmtree(store.git_dir / "redraft-cache")
    monkeypatch.setenv("REDRAFT_JOBS", "2")
    build_report(tmp_path / "two", store.root)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_word_files_are_the_same_bytes_for_the_same_draft() -> None:
    from redraft.readers.docx import read_docx
    from redraft.render.docx_draft import render_draft_docx

    draft = split_report(SEED.read_text())[0].draft
    first, second = render_draft_docx(draft), render_draft_docx(draft)
    assert first == second
    with zipfile.ZipFile(__import__("io").BytesIO(first)) as package:
        assert package.testzip() is None
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert read_docx(first, "x.docx")[0] == draft


# -- the machine's cores ------------------------------------------------------------------


def _square(n: int) -> int:
    if n == 13:
        raise ValueError("thirteen")
    return n * n


def test_parallel_map_keeps_the_order_and_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDRAFT_JOBS", "2")
    items = [n for n in range(200) if n != 13]
    assert parallel_map(_square, items, min_items=2) == [n * n for n in items]
    with pytest.raises(ValueError, match="thirteen"):
        parallel_map(_square, list(range(100)), min_items=2)
    monkeypatch.setenv("REDRAFT_JOBS", "1")
    assert parallel_map(_square, items) == [n * n for n in items]


def _words_following_every_paragraph(found, label):  # type: ignore[no-untyped-def]
    """blame_words as it was: the runs of every unit carried through every step."""
    from redraft.negotiation import blame as module

    first = found.stamps[0]
    runs = {u.label: [(u.text, first)] for u in found.drafts[0].units()}
    for step, stamp in zip(found.steps, found.stamps[1:], strict=True):
        new_runs = {}
        for change in step.changes:
            new_runs.update(module._carry_runs(change, runs, stamp))
        runs = new_runs
    return [(t, s) for t, s in module._absorb_spaces(runs[label])]


def test_passages_follow_only_the_ancestry_with_the_same_result(tmp_path: Path) -> None:
    texts = versions_of(BASE, 9)
    texts.append(
        texts[-1]
        .replace("1. *Urges*", "1. *Strongly urges*")
        .replace("3. *Invites*", "2bis. *Invites*")
    )
    store = build_store(tmp_path / "store", texts)
    found = lineage(store, "crime", with_words(store.history("crime")))
    for unit in found.drafts[-1].units():
        got = blame_words(found, unit.label)
        assert [(p.text, p.stamp) for p in got.passages] == _words_following_every_paragraph(
            found, unit.label
        )


def test_report_again_rewrites_only_what_changed_or_was_touched(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", versions_of(BASE, 4))
    out = tmp_path / "site"
    build_report(out, store.root)
    page = out / "drafts" / "crime.html"
    other = out / "drafts" / "other.html"
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    build_report(out, store.root)  # nothing changed: no file written but the index
    again = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert {p for p in stamps if stamps[p] != again[p]} <= {out / "index.html"}
    page.write_text("edited by hand")
    (out / "drafts" / "crime-2.docx").unlink()
    build_report(out, store.root)  # a page that is not as written is written again
    reference = tmp_path / "reference"
    write_site(reference, overview(store.root))
    assert tree(out) == tree(reference)
    assert other.stat().st_mtime_ns == again[other]
