"""The version store as a library: a real git repository in a temporary folder."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redraft import canonical, resolve
from redraft.errors import InputError, NotFoundError, StoreError
from redraft.model import Draft
from redraft.resolve import load_revision
from redraft.resolve.log import log
from redraft.store import Store

from .strategies import drafts

FRONT = "---\nredraft: 1\nlanguage: en\n---\n\n"


def draft(*blocks: str) -> Draft:
    return canonical.parse(FRONT + "\n\n".join(blocks) + "\n")


V1 = draft(
    "## Governance of UNODC", "> *The General Assembly*,", "1. *Urges* Member States to act;"
)
V2 = draft(
    "## Governance of UNODC", "> *The General Assembly*,", "1. *Urges* all Member States to act;"
)
V3 = draft(
    "## Governance of UNODC",
    "> *The General Assembly*,",
    "1. *Urges* all Member States to act;",
    "2. *Decides* to remain seized of the matter.",
)


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.init(tmp_path / "store")


@pytest.fixture
def history(store: Store) -> Store:
    store.save(
        "unodc",
        V1,
        by="Brazil",
        symbol="E/CN.15/2011/L.3",
        date="2011-04-12",
        sponsors=("Brazil; Italy",),
        message="Tabled",
    )
    store.save("unodc", V2, by="EU", date="2011-04-13")
    store.save("unodc", V3, by="Facilitator", symbol="E/CN.15/2011/L.3/Rev.1", date="2011-04-15")
    return store


def test_init_creates_a_store_and_is_idempotent(tmp_path: Path) -> None:
    root = tmp_path / "s"
    Store.init(root)
    assert (root / "redraft.toml").is_file() and (root / ".git").is_dir()
    commits = git(root, "rev-list", "--count", "HEAD")
    Store.init(root)
    assert git(root, "rev-list", "--count", "HEAD") == commits == "1\n"
    assert "redraft.toml" in git(root, "ls-files")


def test_init_turns_a_git_repository_into_a_store_without_taking_staged_work(
    tmp_path: Path,
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    (root / "notes.txt").write_text("mine\n")
    git(root, "add", "notes.txt")
    Store.init(root)
    assert "notes.txt" not in git(root, "ls-tree", "--name-only", "HEAD")
    assert "A  notes.txt" in git(root, "status", "--porcelain")


def test_versions_carry_who_when_symbol_and_sponsors(history: Store) -> None:
    versions = history.versions("unodc")
    assert [(v.number, v.by, v.day, v.symbol) for v in versions] == [
        (1, "Brazil", "2011-04-12", "E/CN.15/2011/L.3"),
        (2, "EU", "2011-04-13", "E/CN.15/2011/L.3"),  # inherited until a version says otherwise
        (3, "Facilitator", "2011-04-15", "E/CN.15/2011/L.3/Rev.1"),
    ]
    assert versions[0].message == "Tabled" and versions[1].message == ""
    assert [v.sponsors for v in versions] == [("Brazil", "Italy")] * 3
    assert history.names() == ["unodc"]


def test_read_by_spec_returns_the_text_and_its_metadata(history: Store) -> None:
    loaded = history.read("unodc", "Rev.1")
    assert loaded.draft.labels() == V3.labels()
    assert loaded.version["number"] == "3" and loaded.version["by"] == "Facilitator"
    assert history.read("unodc", "-1").draft.find("OP1").text == "Urges all Member States to act;"
    assert history.read("unodc", "2011-04-12").version["number"] == "1"
    assert load_revision("unodc@L.3", history.root).symbol == "E/CN.15/2011/L.3"


def test_history_is_one_git_log_and_one_cat_file(history: Store, monkeypatch) -> None:
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(args, *rest, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        return real(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting)
    found = resolve.history("unodc", history.root, "history")
    assert [c[1] for c in calls] == ["log", "cat-file"]
    assert [v.words for v, _ in found] == [11, 12, 19]  # title 3 + formula 3 + OP1 5; +1; +7
    assert [d.find("OP1").text for _, d in found] == [
        "Urges Member States to act;",
        "Urges all Member States to act;",
        "Urges all Member States to act;",
    ]


def test_saving_the_same_text_records_nothing(history: Store) -> None:
    assert history.save("unodc", V3, by="EU") is None
    assert len(history.versions("unodc")) == 3


def test_plain_git_sees_versions_trailers_and_a_clean_tree(history: Store) -> None:
    root = history.root
    log = git(root, "log", "--format=%an|%aI|%s", "--", "drafts/unodc.txt").splitlines()
    assert log[0] == "Facilitator|2011-04-15T12:00:00+00:00|unodc: E/CN.15/2011/L.3/Rev.1"
    assert "Redraft-By: Brazil" in git(root, "log", "-1", "--format=%B", "HEAD~2")
    assert (root / "drafts" / "unodc.txt").read_text() == canonical.render(
        history.read("unodc").draft
    )
    assert git(root, "status", "--porcelain") == ""
    subprocess.run(
        ["git", "fsck", "--strict", "--no-dangling"], cwd=root, check=True, capture_output=True
    )


def test_a_commit_made_with_plain_git_is_a_version(history: Store) -> None:
    path = history.root / "drafts" / "unodc.txt"
    path.write_text(path.read_text().replace("remain seized", "remain actively seized"))
    git(
        history.root,
        "-c",
        "user.name=Chile",
        "-c",
        "user.email=c@example.org",
        "commit",
        "-qam",
        "Edit",
    )
    last = history.versions("unodc")[-1]
    assert (last.number, last.by, last.message) == (4, "Chile", "Edit")


def test_edits_in_the_working_tree_are_never_overwritten(history: Store) -> None:
    path = history.root / "drafts" / "unodc.txt"
    path.write_text(path.read_text() + "\n3. *Requests* a report.\n")
    version = history.save("unodc", V1, by="EU")
    assert version is not None and version.number == 4
    assert "Requests" in path.read_text()
    assert any("left as is" in w for w in history.warnings)


def test_names_differing_only_in_case_are_refused(history: Store) -> None:
    with pytest.raises(InputError, match="differ only in case"):
        history.save("UNODC", V1, by="EU")


@pytest.mark.parametrize("name", ["../escape", "-rf", "a/b", "x\ny", ".git"])
def test_hostile_names_never_reach_git(store: Store, name: str) -> None:
    with pytest.raises(InputError):
        store.save(name, V1, by="EU")
    assert store.names() == []


def test_symbols_and_messages_are_data(store: Store) -> None:
    version = store.save("d", V1, by="--upload-pack=evil", symbol="-rf", message="$(rm -rf /)\n`x`")
    assert version is not None
    assert (version.by, version.symbol, version.message) == (
        "--upload-pack=evil",
        "-rf",
        "$(rm -rf /)\n`x`",
    )


def test_control_characters_in_metadata_are_refused(store: Store) -> None:
    with pytest.raises(InputError, match="control characters"):
        store.save("d", V1, by="EU\nRedraft-By: Evil")


def test_missing_draft_and_unknown_revision_are_not_found(history: Store) -> None:
    with pytest.raises(NotFoundError, match="nope: no such draft"):
        history.read("nope")
    with pytest.raises(NotFoundError, match="no such version"):
        history.read("unodc", "9")


def test_opening_finds_the_store_from_a_subfolder_and_from_the_environment(
    history: Store, tmp_path: Path, monkeypatch
) -> None:
    sub = history.root / "drafts"
    monkeypatch.chdir(sub)
    assert Store.open().root == history.root
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REDRAFT_STORE", str(history.root))
    assert Store.open().root == history.root


def test_a_folder_that_is_not_a_store_is_one_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("REDRAFT_STORE", raising=False)
    with pytest.raises(StoreError, match="not a redraft store"):
        Store.open(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="no redraft store here"):
        Store.open()
    with pytest.raises(InputError, match="no such file"):
        load_revision("unodc@2")


def test_a_corrupted_repository_is_one_clear_error(history: Store) -> None:
    objects = history.root / ".git" / "objects"
    for folder in objects.iterdir():
        if len(folder.name) == 2:
            for item in folder.iterdir():
                item.chmod(0o644)
                item.write_bytes(b"garbage")
    with pytest.raises(StoreError) as caught:
        history.read("unodc")
    assert "\n" not in str(caught.value)


def test_a_store_without_its_repository_is_refused(history: Store) -> None:
    (history.root / ".git" / "HEAD").unlink()
    with pytest.raises(StoreError, match="corrupted store"):
        Store.open(history.root)


def test_demo_history_ends_with_the_bundled_text_and_reads_back(tmp_path: Path) -> None:
    """The demo's (and the docs') unodc history, saved from its example files in their
    formats (Word, printed text, AKN), reads back as written and ends with the bundled text."""
    from redraft.demo import bundled_drafts_dir
    from redraft.demo.examples import write_examples
    from redraft.demo.store import DRAFT, NAME, UNODC_FILES, VERSIONS
    from redraft.resolve import load

    write_examples(tmp_path / "examples", bundled_drafts_dir())
    store = Store.init(tmp_path / "store")
    for (file, _), options in zip(UNODC_FILES, VERSIONS, strict=True):
        draft = load(str(tmp_path / "examples" / "unodc" / file)).draft
        store.save(NAME, draft, **options)
    versions = store.versions(NAME)
    assert [(v.by, v.symbol) for v in versions] == [
        ("Main sponsor", "E/CN.15/2011/L.3"),
        ("EU", "E/CN.15/2011/L.3"),
        ("Group of 77 and China", "E/CN.15/2011/L.3"),
        ("Facilitator", "E/CN.15/2011/L.3/Rev.1"),
    ]
    final = (bundled_drafts_dir() / f"{DRAFT}.txt").read_text(encoding="utf-8")
    assert store.read(NAME, "Rev.1").draft.blocks == canonical.parse(final).blocks
    assert [e.summary for e in log(store, NAME)] == [
        "first version",
        "1 modified",
        "1 inserted",
        "1 modified",
    ]


def test_trees_written_by_python_are_the_trees_git_writes(store: Store) -> None:
    from redraft.store.objects import encode_tree, parse_tree

    blob = store._write_object("blob", b"text\n")
    folder = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # the empty tree
    entries = {"drafts.txt": ("100644", blob), "drafts": ("40000", folder), "a-b": ("100644", blob)}
    listing = (
        f"100644 blob {blob}\tdrafts.txt\n040000 tree {folder}\tdrafts\n100644 blob {blob}\ta-b\n"
    )
    made = subprocess.run(
        ["git", "mktree", "--missing"],
        cwd=store.root,
        input=listing,
        capture_output=True,
        text=True,
    )
    raw = encode_tree(entries)
    assert store._write_object("tree", raw) == made.stdout.strip()
    assert [name for _, name, _ in parse_tree(raw)] == ["a-b", "drafts.txt", "drafts"]


def test_who_defaults_to_the_environment_then_redraft_toml(store: Store, monkeypatch) -> None:
    monkeypatch.delenv("REDRAFT_BY", raising=False)
    (store.root / "redraft.toml").write_text('[store]\nby = "Mexico"\n')
    assert store.save("d", V1).by == "Mexico"  # type: ignore[union-attr]
    monkeypatch.setenv("REDRAFT_BY", "Chile")
    assert store.save("d", V2).by == "Chile"  # type: ignore[union-attr]


def test_a_detached_head_is_refused(history: Store) -> None:
    git(history.root, "checkout", "-q", "--detach")
    with pytest.raises(StoreError, match="detached HEAD"):
        history.save("unodc", V1, by="EU")


def test_a_limited_log_matches_the_tail_of_the_full_log(history: Store) -> None:
    full = log(history, "unodc")
    assert log(history, "unodc", 2) == full[-2:]
    assert log(history, "unodc", 9) == full


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(drafts(), min_size=1, max_size=4))
def test_every_saved_version_reads_back_as_saved(tmp_path: Path, sequence: list[Draft]) -> None:
    """The law of the store: version k is the k-th distinct text saved, whatever the text."""
    store = Store.init(tmp_path / f"s{len(list(tmp_path.iterdir()))}")
    expected: list[Draft] = []
    for draft in sequence:
        version = store.save("d", draft, by="EU", symbol="S", sponsors=("A",))
        if version is None:
            assert expected and expected[-1].blocks == draft.blocks
        else:
            expected.append(draft)
            assert version.number == len(expected)
    for number, draft in enumerate(expected, start=1):
        assert store.read("d", str(number)).draft.blocks == draft.blocks
