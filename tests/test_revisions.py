"""The pure half of the store: names, revision specs, dates, trailers, log summaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from redraft.canonical import split_chunks
from redraft.errors import InputError, NotFoundError, RedraftError
from redraft.measure.log import build_log, paragraph_changes
from redraft.model import Version
from redraft.store.objects import LOG_FORMAT, blob_id, parse_batch, parse_log
from redraft.store.revisions import (
    decode_message,
    encode_message,
    name_from_path,
    parse_date,
    select,
    split_spec,
    split_sponsors,
    validate_name,
)

from .strategies import drafts

CASES = Path(__file__).parent / "cases" / "store"


def load_spec_cases(path: Path) -> tuple[list[Version], list[tuple[str, str]]]:
    """The history table and the (spec, expected) pairs of a revisions case file."""
    history, specs = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if " -> " in line:
            spec, expected = line.split(" -> ", 1)
            specs.append((spec, expected))
            continue
        number, date, by, symbol, commit = (part.strip() for part in line.split("|"))
        history.append(Version("unodc", int(number), commit, date, by, symbol))
    return history, specs


HISTORY, SPECS = load_spec_cases(CASES / "revisions.txt")


@pytest.mark.parametrize(("spec", "expected"), SPECS, ids=[s for s, _ in SPECS])
def test_revision_specs(spec: str, expected: str) -> None:
    if expected.startswith("error: "):
        with pytest.raises(RedraftError) as caught:
            name, rev = split_spec(spec)
            select(HISTORY, rev, name)
        assert expected[len("error: ") :] in str(caught.value)
        assert "\n" not in str(caught.value)
    else:
        name, rev = split_spec(spec)
        assert select(HISTORY, rev, name).number == int(expected)


def test_select_on_a_draft_with_no_versions_says_so() -> None:
    with pytest.raises(NotFoundError, match="unodc: no such draft"):
        select([], None, "unodc")


GOOD_NAMES = ["unodc", "ga-draft-resolution-ii", "L.3", "a", "x" * 100, "Draft_2011.v2"]
BAD_NAMES = [
    "",
    "..",
    "a..b",
    "../etc",
    "a/b",
    "a\\b",
    "-rf",
    "--help",
    ".hidden",
    "a\nb",
    "a\x00b",
    "tab\tname",
    "x" * 101,
    "name.lock",
    "trailing.",
    "con",
    "COM1.txt",
    "résolution",
    "a b",
    "@",
]


@pytest.mark.parametrize("name", GOOD_NAMES)
def test_good_names_pass(name: str) -> None:
    assert validate_name(name) == name


@pytest.mark.parametrize("name", BAD_NAMES, ids=[repr(n)[:20] for n in BAD_NAMES])
def test_hostile_names_are_refused_in_one_printable_line(name: str) -> None:
    with pytest.raises(InputError) as caught:
        validate_name(name)
    message = str(caught.value)
    assert "\n" not in message and message.isprintable()


def test_names_made_from_file_names_are_valid() -> None:
    assert name_from_path("Draft resolution II") == "draft-resolution-ii"
    assert name_from_path("Résolution 20/1 (révisée)") == "resolution-20-1-revisee"
    assert name_from_path("...") == "draft"


@given(st.text(max_size=150))
def test_any_text_gives_a_valid_name(text: str) -> None:
    assert validate_name(name_from_path(text))


def test_dates() -> None:
    assert parse_date("2011-04-12") == "2011-04-12T12:00:00+00:00"
    assert parse_date("2011-04-12 09:30") == "2011-04-12T09:30:00+00:00"
    assert parse_date("2011-04-12T09:30:00+02:00") == "2011-04-12T09:30:00+02:00"
    for bad in ("12/04/2011", "2011-13-01", "yesterday", "-1", "1900-01-01"):
        with pytest.raises(InputError, match="date"):
            parse_date(bad)


def test_sponsors_split_on_semicolons_without_duplicates() -> None:
    assert split_sponsors(("Austria; Brazil", "Chile", " Austria ")) == (
        "Austria",
        "Brazil",
        "Chile",
    )
    with pytest.raises(InputError, match="control characters"):
        split_sponsors(("Evil\x1b[31m",))


one_line = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40
).map(str.strip)


@settings(max_examples=200)
@given(
    message=st.text(max_size=200),
    by=one_line.filter(bool),
    symbol=one_line,
    sponsors=st.lists(one_line.filter(lambda s: s and ";" not in s), max_size=3),
)
def test_trailers_round_trip_whatever_the_message_says(message, by, symbol, sponsors) -> None:
    """A message can hold anything, even lines that look like our trailers."""
    text = encode_message(
        "unodc", message=message, by=by, symbol=symbol, sponsors=tuple(sponsors), tool="0"
    )
    decoded, trailers = decode_message(text)
    assert trailers["by"] == by
    assert trailers.get("symbol", "") == symbol
    assert trailers.get("sponsors", "") == "; ".join(sponsors)
    assert decoded == message.strip().replace("\r\n", "\n") or (
        decoded == "" and not message.strip()
    )


def test_spoofed_trailers_in_a_message_are_not_metadata() -> None:
    text = encode_message(
        "d",
        message="Redraft-By: Evil\n\nRedraft-By: Evil",
        by="EU",
        symbol="",
        sponsors=(),
        tool="0",
    )
    assert decode_message(text)[1]["by"] == "EU"


def test_a_commit_without_trailers_is_a_plain_message() -> None:
    assert decode_message("Fix typo in OP3\n\nAs agreed.\n") == (
        "Fix typo in OP3\n\nAs agreed.",
        {},
    )


def test_blob_ids_match_git() -> None:
    # `printf 'hello\n' | git hash-object --stdin`
    assert blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"


def _record(commit: str, date: str, author: str, body: str, raw: str) -> str:
    return "\x1e" + "\x1f".join([commit, date, author, body, raw])


def test_parse_log_reads_versions_per_draft_and_restarts_after_a_deletion() -> None:
    assert LOG_FORMAT.count("%x1f") == 4
    zero, a, b = "0" * 40, "a" * 40, "b" * 40
    out = "".join(
        [
            _record(
                "c1",
                "2011-04-12T12:00:00+00:00",
                "EU",
                "Tabled\n\nRedraft-By: EU\nRedraft-Symbol: L.3\n",
                f"\n:000000 100644 {zero} {a} A\tdrafts/x.txt"
                f"\n:000000 100644 {zero} {b} A\tdrafts/y.txt\n",
            ),
            _record(
                "c2",
                "2011-04-13T12:00:00+00:00",
                "Someone",
                "Plain git commit\n",
                f"\n:100644 100644 {a} {b} M\tdrafts/x.txt"
                f"\n:100644 100644 {a} {b} M\tnotes/x.txt\n",
            ),
            _record(
                "c3",
                "2011-04-14T12:00:00+00:00",
                "EU",
                "Gone\n",
                f"\n:100644 000000 {b} {zero} D\tdrafts/y.txt\n",
            ),
        ]
    )
    found = parse_log(out)
    assert [(v.number, v.commit, v.by, v.symbol, v.message) for v in found["x"]] == [
        (1, "c1", "EU", "L.3", "Tabled"),
        # no trailers: the draft keeps its symbol, as a 'redraft save' without --symbol does
        (2, "c2", "Someone", "L.3", "Plain git commit"),
    ]
    assert "y" not in found


def test_parse_batch_reports_missing_objects() -> None:
    assert parse_batch(b"aa blob 3\nabc\nbb blob 0\n\n", 2) == [b"abc", b""]
    with pytest.raises(ValueError, match="missing"):
        parse_batch(b"aa missing\n", 1)


FRONT = "---\nredraft: 1\nlanguage: en\n---\n\n"


def _text(*blocks: str) -> bytes:
    return (FRONT + "\n\n".join(blocks) + "\n").encode()


def test_chunks_keep_sub_paragraphs_and_footnotes_with_their_paragraph() -> None:
    front, chunks = split_chunks(
        _text("*Recalling* x,¹", "[^1]: A/1.", "1. *Urges* y:", "    (a) z;").decode()
    )
    assert front == FRONT.rstrip("\n") + "\n"
    assert chunks == ["*Recalling* x,¹\n\n[^1]: A/1.", "1. *Urges* y:\n\n    (a) z;"]


def test_renumbering_is_not_a_change_but_an_insertion_is() -> None:
    old = split_chunks(
        _text("1. *Urges* States to act;", "2. *Decides* to remain seized.").decode()
    )
    new = split_chunks(
        _text(
            "1. *Urges* States to act;",
            "2. *Invites* donors to give;",
            "3. *Decides* to remain seized.",
        ).decode()
    )
    assert paragraph_changes(old, new) == (("inserted", 1),)


def test_log_counts_words_and_changes_by_hand() -> None:
    v1 = _text(
        "*Recalling* its resolution 18/3,", "1. *Urges* Member States to act;"
    )  # 4 + 5 words
    v2 = _text(
        "*Recalling* its resolution 18/3,", "1. *Urges* all Member States to act now;"
    )  # 4 + 7
    v3 = _text(
        "1. *Urges* all Member States to act now;", "*Recalling* its resolution 18/3,"
    )  # moved
    versions = [Version("d", n, f"c{n}", f"2011-04-1{n}", "EU", blob=f"b{n}") for n in (1, 2, 3)]
    entries = build_log(versions, [v1, v2, v3])
    assert [(e.words, e.delta) for e in entries] == [(9, 9), (11, 2), (11, 0)]
    assert [e.summary for e in entries] == ["first version", "1 modified", "1 moved"]


def test_a_warm_log_cache_needs_no_text_and_gives_the_same_entries() -> None:
    from redraft.measure.log import missing_blobs, new_log_cache, read_log_cache

    v1 = _text("*Recalling* its resolution 18/3,", "1. *Urges* Member States to act;")
    v2 = _text("*Recalling* its resolution 18/3,", "1. *Urges* all Member States to act now;")
    versions = [Version("d", n, f"c{n}", "2011-04-12", "EU", blob=f"b{n}") for n in (1, 2)]
    cache = new_log_cache()
    assert missing_blobs(versions, cache) == {"b1", "b2"}
    cold = build_log(versions, [v1, v2], cache)
    cache = read_log_cache(json.dumps(cache))
    assert missing_blobs(versions, cache) == set()
    assert build_log(versions, {}, cache) == cold
    assert read_log_cache("not json") == read_log_cache('{"format": 0}') == new_log_cache()


VOCABULARY = (
    "Member States the Secretariat report on crime prevention to act urges invites all fund".split()
)
plain_paragraph = st.builds(
    lambda lead, verb, body: f"{lead}*{verb}* {' '.join(body)};",
    st.sampled_from(["", "3. ", "PP 2bis ", "12. "]),
    st.sampled_from(["Urges", "Invites", "Requests"]),
    st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=14),
)


@settings(max_examples=300, deadline=None)
@given(plain_paragraph, plain_paragraph)
def test_the_one_for_one_shortcut_agrees_with_the_full_diff(old: str, new: str) -> None:
    from redraft.measure.log import _diff_counts, _one_for_one

    shortcut = _one_for_one(old, new)
    if shortcut is not None:
        assert shortcut == _diff_counts([old], [new], fast=False)


@settings(max_examples=300, deadline=None)
@given(drafts())
def test_words_counted_per_paragraph_add_up_to_the_draft_count(draft) -> None:
    from redraft import canonical
    from redraft.measure.log import _chunk_words
    from redraft.words import count_words as count_draft_words

    _, chunks = split_chunks(canonical.render(draft))
    assert sum(_chunk_words(chunk) for chunk in chunks) == count_draft_words(draft)


@settings(max_examples=150, deadline=None)
@given(drafts(), drafts())
def test_any_two_versions_get_a_summary_and_identical_ones_none(old, new) -> None:
    from redraft import canonical

    before, after = (split_chunks(canonical.render(d)) for d in (old, new))
    changes = dict(paragraph_changes(before, after))
    assert all(count > 0 for count in changes.values())
    assert paragraph_changes(before, before) == ()


unnumbered_paragraph = st.builds(
    lambda verb, body: f"*{verb}* {' '.join(body)};",
    st.sampled_from(["Urges", "Invites", "Requests"]),
    st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=14),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(unnumbered_paragraph, min_size=1, max_size=8, unique=True), st.data())
def test_counts_read_place_by_place_agree_with_the_diff_of_the_drafts(paragraphs, data) -> None:
    """``log`` reads most summaries place by place without running the diff: where it
    does, the counts are those of the paragraph-aware diff of the two whole drafts."""
    from redraft.measure.log import _block_counts, _key, _unmatched

    new = list(paragraphs)
    for _ in range(data.draw(st.integers(1, 3))):
        action = data.draw(st.sampled_from(["edit", "insert", "delete"]))
        spot = data.draw(st.integers(0, len(new) - 1))
        if action == "delete" and len(new) > 1:
            del new[spot]
        elif action == "insert":
            new.insert(spot, data.draw(unnumbered_paragraph))
        else:
            words = new[spot].rstrip(";").split()
            where = data.draw(st.integers(1, len(words)))
            words.insert(where, data.draw(st.sampled_from(VOCABULARY)))
            new[spot] = " ".join(words) + ";"
    assume(len(set(new)) == len(new))
    keys_old, keys_new = [_key(c) for c in paragraphs], [_key(c) for c in new]
    blocks = _unmatched(keys_old, keys_new)
    gone = {keys_old[i] for block, _ in blocks for i in block}
    came = {keys_new[j] for _, block in blocks for j in block}
    shortcut = None if gone & came else _block_counts(blocks, paragraphs, new)
    if shortcut is not None:
        assert {op: n for op, n in shortcut.items() if n} == _document_counts(paragraphs, new)


def _document_counts(old: list[str], new: list[str]) -> dict[str, int]:
    """Counts of changed paragraphs from the paragraph-aware diff of the whole drafts."""
    from redraft import canonical
    from redraft.diff import diff_drafts

    front = "---\nredraft: 1\n---\n\n"
    before, after = (canonical.parse(front + "\n\n".join(c) + "\n") for c in (old, new))
    counts: dict[str, int] = {}
    for change in diff_drafts(before, after).changes:
        if change.changed:
            counts[change.op] = counts.get(change.op, 0) + 1
    return counts


@settings(max_examples=100, deadline=None)
@given(drafts(), drafts())
def test_words_counted_from_the_changed_paragraphs_equal_a_full_count(old, new) -> None:
    from redraft import canonical
    from redraft.words import count_words as count_draft_words

    texts = [canonical.render(d).encode() for d in (old, new)]
    versions = [Version("d", n, f"c{n}", "2011-04-12", "EU", blob=f"b{n}") for n in (1, 2)]
    entries = build_log(versions, texts)
    assert [e.words for e in entries] == [count_draft_words(old), count_draft_words(new)]
