"""The version store: a plain git repository holding every version of every draft.

Layout (docs/store.md)::

    redraft.toml            marks the folder as a store (settings, all optional)
    drafts/NAME.txt         the canonical text of draft NAME (canonical.render)

Each version is one commit touching drafts/NAME.txt; who, which symbol and which
sponsors are commit-message trailers (:mod:`redraft.store.revisions`), the author is
the delegation and the author date is the version's date.

The only module that drives git (its processes start in :mod:`redraft.store.gitcli`;
the low-level reads and the lock are in :mod:`redraft.store.plumbing`).
Hot paths (save, log, show, list) call the git CLI with argument lists, never a
shell, rather than GitPython, whose import alone costs 80-150 ms of a 150 ms save
budget: a save reads what it builds on with one ``git cat-file --batch``, writes
its objects itself (:mod:`redraft.store.objects`, :mod:`redraft.store.files`) and
publishes them with one compare-and-swap ``git update-ref``, so a save killed at
any moment leaves the old branch or the new one, never half a version. ``init``
and ``sync`` (:mod:`redraft.store.sync`), where speed does not matter, use
GitPython, imported inside them. The store knows drafts and versions only: the
figures of ``log`` and ``list`` are computed above it (:mod:`redraft.resolve.log`) and
kept in a cache file it holds for them (:meth:`Store.load_cache`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__, canonical
from ..errors import InputError, NotFoundError, StoreError, did_you_mean
from ..jobs import NO_STEPS, Steps
from ..model import Draft, Loaded, Version
from .cache_pack import CachePacks
from .clone import check_out_remote_store
from .driver import has_driver_line, install_merge_driver, with_driver_line
from .files import (
    CONFIG_NAME,
    DEFAULT_CONFIG,
    atomic_write,
    configured_by,
    discover,
    drop_cache,
    git_dir,
    hash_name,
    list_cache,
    loose_estimate,
    read_cache,
    refuse_link,
    write_cache,
    write_loose_object,
)
from .gitcli import (
    GIT_ENV,
    git_failure,
    gitpython_stderr,
    init_repository,
    move_branch,
    pack_loose_objects,
    sync_worktree,
    sync_worktree_many,
)
from .objects import (
    PackBatch,
    Snapshot,
    blob_id,
    build_tree,
    encode_commit,
    loose_object,
    refuse_tree_link,
    tree_names,
)
from .plumbing import DRAFTS as DRAFTS  # re-exported: redraft.store names it here
from .plumbing import LOCK_TIMEOUT as LOCK_TIMEOUT  # re-exported: the setting's old home
from .plumbing import GitPlumbing
from .revisions import (
    Incoming,
    check_field,
    encode_batch_message,
    encode_message,
    is_valid_name,
    names_by_case,
    parse_date,
    refuse_case_clash,
    refuse_control_characters,
    select,
    validate_name,
    version_text,
)
from .sync import SyncConflict, SyncResult

__all__ = ["Store", "Version", "SyncConflict", "SyncResult"]

PACK_FILES = 8  # a commit of more files goes to git as one pack, not loose objects
LOOSE_LIMIT = 256  # loose objects (estimated) past which a save packs them
PACK_LIMIT = 16  # packs past which they are merged into one


class Store(GitPlumbing):
    """A redraft store on disk. Open with :meth:`open` or create with :meth:`init`."""

    def __init__(self, root: Path, git_dir: Path) -> None:
        self.root = root
        self.git_dir = git_dir
        self.warnings: list[str] = []  # things a command should tell the user
        self.checked_out: str | None = None  # the team's branch `init` checked out in a clone
        self.hash_name = hash_name(git_dir)  # sha256 for --object-format=sha256 repositories
        self.id_size = 32 if self.hash_name == "sha256" else 20

    # -- finding and creating ------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        """The store at ``path``, else $REDRAFT_STORE, else the nearest parent with redraft.toml."""
        if path is None and os.environ.get("REDRAFT_STORE"):
            path = os.environ["REDRAFT_STORE"]
        if path is not None:
            root = Path(path).expanduser().absolute()
            if not (root / CONFIG_NAME).is_file():
                raise StoreError(
                    f"{path}: not a redraft store (no {CONFIG_NAME}; see 'redraft init')"
                )
        else:
            root = discover(Path.cwd())
        refuse_link(root, CONFIG_NAME)
        return cls(root, git_dir(root))

    @classmethod
    def init(cls, path: str | Path) -> Store:
        """Create a store at ``path`` (or make the git repository there one). Idempotent."""
        root = Path(path).expanduser().absolute()
        if root.exists() and not root.is_dir():
            raise StoreError(f"{path}: exists and is not a folder")
        try:
            store = cls._set_up(root)
        except OSError as error:  # a read-only or virtual folder (/proc), no space left
            reason = error.strerror or str(error)
            raise StoreError(f"{path}: cannot create a store there ({reason})") from None
        store._commit_setup()
        return store

    @classmethod
    def _set_up(cls, root: Path) -> Store:
        root.mkdir(parents=True, exist_ok=True)
        for own in (CONFIG_NAME, DRAFTS, ".gitattributes"):
            refuse_link(root, own)  # a clone of a hostile push: never write through one
        init_repository(root)
        adopted = check_out_remote_store(root)
        store = cls(root, git_dir(root))
        store.checked_out = adopted
        config = root / CONFIG_NAME
        if not config.exists():
            atomic_write(config, DEFAULT_CONFIG.encode())
        (root / DRAFTS).mkdir(exist_ok=True)
        install_merge_driver(root)
        return store

    def _commit_setup(self) -> None:
        """Commit redraft.toml and .gitattributes when the last commit lacks them (clones
        need them), or lacks the merge driver's line. An existing store is left as it is:
        edits made to either file since are the user's, never committed here."""
        files = [CONFIG_NAME, ".gitattributes"]
        with self._lock():
            snap = self._lookup(files)
            changed = {}
            for path in files:
                target, old = self.root / path, snap.blobs[path]
                if old is None:
                    if target.is_file():
                        changed[path] = target.read_bytes()
                elif path == ".gitattributes" and not has_driver_line(old[1]):
                    changed[path] = with_driver_line(old[1])
            if changed:
                message = "Set up redraft store\n" if snap.head else "Create redraft store\n"
                self._commit(snap, changed, message, self._default_by(), _now())
                for path, data in changed.items():
                    old = snap.blobs[path]
                    sync_worktree(self._git_context(), path, old[0] if old else None, data)

    # -- reading -------------------------------------------------------------------
    def names(self) -> list[str]:
        """Names of the drafts in the store, sorted. A file a collaborator committed
        under a name redraft would refuse (``drafts/-x.txt``, escape sequences), or a
        symbolic link in a draft's place, is no draft: it is left out and named in
        :attr:`warnings`."""
        if self._head() is None and self._unborn():
            return []
        out = self._git(["ls-tree", "--end-of-options", "HEAD", f"{DRAFTS}/"])
        found = []
        for entry in out.decode(errors="replace").splitlines():
            meta, _, line = entry.partition("\t")
            name = line[len(DRAFTS) + 1 : -4]
            if not line.endswith(".txt"):
                continue
            if not line.startswith(f"{DRAFTS}/") or not is_valid_name(name):
                self.warnings.append(f"{line!r}: not a valid draft name; left out")
            elif meta.split()[0] not in ("100644", "100755"):
                self.warnings.append(f"{line}: a symbolic link, not a draft; left out")
            else:
                found.append(name)
        return sorted(found)

    def versions(self, name: str) -> list[Version]:
        """Every version of ``name``, oldest first (empty when the draft does not exist)."""
        validate_name(name)
        return self._log([_path(name)]).get(name, [])

    def all_versions(self) -> dict[str, list[Version]]:
        """Versions of every draft, from one ``git log``."""
        return self._log([f"{DRAFTS}/"])

    def read(self, name: str, rev: str | None = None) -> Loaded:
        """One version of ``name`` (the latest by default) with its metadata."""
        version = select(self._existing(name), rev, name)
        draft = self._parse(self._blobs([version.blob])[0], f"{name}@{version.number}")
        return Loaded(draft, f"{name}@{rev}" if rev else name, (), version.as_dict())

    def history(self, name: str, steps: Steps = NO_STEPS) -> list[tuple[Version, Draft]]:
        """Every version with its draft, oldest first: one ``git log``, one ``cat-file --batch``."""
        versions = self._existing(name)
        steps.start("Reading versions", len(versions))
        return list(zip(versions, self.drafts(versions, steps), strict=True))

    def drafts(self, versions: list[Version], steps: Steps = NO_STEPS) -> list[Draft]:
        """The draft of each version, from one ``git cat-file --batch``. Versions of one
        draft share most paragraphs: each distinct one is read once
        (:class:`redraft.canonical.HistoryParser`). ``steps`` advances once per draft read."""
        texts = self._blobs([v.blob for v in versions])
        one_draft = len({v.name for v in versions}) == 1 and len(versions) > 2
        reader = canonical.HistoryParser().parse_text if one_draft else canonical.parse
        found = []
        for version, text in zip(versions, texts, strict=True):
            found.append(self._parse(text, f"{version.name}@{version.number}", reader))
            steps.advance()
        return found

    def readable_drafts(
        self, versions: list[Version], steps: Steps = NO_STEPS
    ) -> list[Draft | None]:
        """The draft of each version, None where the stored text cannot be read (a
        collaborator pushed a text that is not canonical, or nests too deep): the store's
        :attr:`warnings` name each such draft, and the others are read as usual."""
        out: list[Draft | None] = []
        for version, text in zip(versions, self._blobs([v.blob for v in versions]), strict=True):
            try:
                out.append(self._parse(text, f"{version.name}@{version.number}"))
            except StoreError as error:
                self.warnings.append(f"{error}; left out")
                out.append(None)
            steps.advance()
        return out

    def texts(self, versions: list[Version]) -> list[bytes]:
        """The canonical text of each version, from one ``git cat-file --batch``."""
        return self._blobs([v.blob for v in versions])

    def blobs(self, ids: list[str]) -> list[bytes]:
        """The stored texts with these git ids, from one ``git cat-file --batch``."""
        return self._blobs(ids)

    def existing(self, name: str) -> list[Version]:
        """Every version of ``name``, oldest first; an error naming it when there is none."""
        return self._existing(name)

    # -- derived figures ---------------------------------------------------------------
    def load_cache(self, file_name: str) -> bytes | None:
        """A cache file of derived figures kept in .git (safe to delete), or None.
        ``file_name`` may name a file in a folder of its own (``redraft-cache/word/KEY``)."""
        return read_cache(self.git_dir, file_name)

    def save_cache(self, file_name: str, data: bytes) -> None:
        """Keep derived figures for next time; a read-only store still works, only slower."""
        write_cache(self.git_dir, file_name, data)

    def cache_names(self, folder: str) -> list[str]:
        """The cache files in ``folder`` (as :meth:`load_cache` names them)."""
        return list_cache(self.git_dir, folder)

    def cache_packs(self, folder: str) -> CachePacks:
        """Many cache entries in a few files in ``folder`` (:mod:`.cache_pack`)."""
        return CachePacks(self.git_dir, folder)

    def drop_cache(self, file_names: list[str]) -> None:
        """Remove cache files no longer of use (entries of texts no version holds now)."""
        drop_cache(self.git_dir, file_names)

    def _existing(self, name: str) -> list[Version]:
        versions = self.versions(name)
        if not versions:
            raise self.no_draft(name)
        return versions

    def no_draft(self, name: str) -> NotFoundError:
        """The error for a draft the store lacks, suggesting the closest name it has."""
        hint = did_you_mean(name, self.names())
        return NotFoundError(f"{name}: no such draft in the store at {self.root}{hint}")

    # -- writing -------------------------------------------------------------------
    def save(
        self,
        name: str,
        draft: Draft,
        *,
        by: str = "",
        message: str = "",
        symbol: str = "",
        date: str | None = None,
        sponsors: tuple[str, ...] = (),
        translates: str = "",
    ) -> Version | None:
        """Record ``draft`` as the next version of ``name``; None when identical to the latest.
        ``translates``: for a language version, the original's version it translates
        (a trailer, :func:`redraft.parity.versions.translates_value`)."""
        item = Incoming(name, draft, name)
        saved = self.save_many(
            [item],
            by=by,
            message=message,
            symbol=symbol,
            date=date,
            sponsors=sponsors,
            translates=translates,
        )
        return saved[0][1]

    def save_many(
        self,
        items: list[Incoming],
        *,
        done: Callable[[Incoming], None] | None = None,
        by: str = "",
        message: str = "",
        symbol: str = "",
        date: str | None = None,
        sponsors: tuple[str, ...] = (),
        translates: str = "",
    ) -> list[tuple[Incoming, Version | None]]:
        """Record each draft as the next version of its name, all in one commit whose
        objects go to git in one pack (``redraft import``: a session's 336 drafts in
        well under a second); None for a draft identical to its latest version. Each
        draft keeps its own symbol and sponsors (commit trailers, :mod:`.revisions`).
        ``done`` is called for each draft as its text is prepared (a progress bar);
        ``translates`` is for one draft saved alone (:meth:`save`)."""
        for item in items:
            validate_name(item.name)
        if len({item.name for item in items}) < len(items):
            raise InputError("the same draft name twice in one save: save them one by one")
        by = check_field("--by", by) or self._default_by()
        symbol = check_field("--symbol", symbol)
        sponsors = tuple(check_field("sponsor", s, 120) for s in sponsors)
        if "\0" in message:
            raise InputError("the message contains a NUL character")
        translates = check_field("translates", translates)
        if translates and len(items) != 1:
            raise InputError("a language version is saved alone")
        for item in items:
            refuse_control_characters(item.name, item.draft)
        when = parse_date(date) if date else _now()
        paths = [_path(item.name) for item in items]
        with self._lock():
            self._check_on_branch()
            for path in paths:
                refuse_link(self.root, path)  # never write through a link a push brought
            snap = self._lookup(paths)
            refuse_tree_link(snap, DRAFTS, self.id_size)
            known = names_by_case(tree_names(snap.trees.get(DRAFTS), self.id_size, ".txt"))
            files: dict[str, bytes] = {}
            entries: list[tuple[str, str, tuple[str, ...]]] = []
            for item, path in zip(items, paths, strict=True):
                old = snap.blobs[path]
                data, own_symbol, own_sponsors = version_text(item.draft, old, symbol, sponsors)
                if done is not None:
                    done(item)
                if old is not None and old[0] == blob_id(data, len(old[0])):
                    continue
                if old is None:
                    refuse_case_clash(item.name, known)
                    known.setdefault(item.name.lower(), item.name)
                files[path] = data
                entries.append((item.name, own_symbol, own_sponsors))
            if not files:
                return [(item, None) for item in items]
            if len(entries) == 1:
                name, one_symbol, one_sponsors = entries[0]
                text = encode_message(
                    name,
                    message=message,
                    by=by,
                    symbol=one_symbol,
                    sponsors=one_sponsors,
                    tool=__version__,
                    translates=translates,
                )
            else:
                text = encode_batch_message(entries, message=message, by=by, tool=__version__)
            self._commit(snap, files, text, by, when)
            shown = [(p, _blob_of(snap.blobs[p]), data) for p, data in files.items()]
            sync_worktree_many(self._git_context(), shown)
            self._tidy()
        found = self._log(list(files), keep=False)  # a save pays for no cache write
        results: list[tuple[Incoming, Version | None]] = []
        for item, path in zip(items, paths, strict=True):
            version = found[item.name][-1] if path in files else None
            results.append((item, version))
        return results

    def _default_by(self) -> str:
        """Who records a version when --by is not given: $REDRAFT_BY, else ``by`` in the
        ``[store]`` section of redraft.toml, else git's user.name, else "unknown"."""
        configured = os.environ.get("REDRAFT_BY", "").strip() or configured_by(self.root)
        if not configured:
            found = self._git(["config", "user.name"], check=False).decode().strip()
            configured = found or "unknown"
        return check_field("--by", configured)

    def _commit(
        self, snap: Snapshot, files: dict[str, bytes], message: str, by: str, when: str
    ) -> str:
        """Commit ``files`` on top of the snapshot's head and move the branch: all or nothing.

        The blobs, trees and commit are written by Python: as loose objects (temporary
        file, then rename, as git does) for a few files, so a save costs a handful of
        processes; in one pack that ``git index-pack`` checks and indexes for many."""
        for _attempt in range(20):
            batch = PackBatch(self.hash_name) if len(files) > PACK_FILES else None
            write = batch.write if batch is not None else self._write_object
            tree = build_tree(snap.trees, files, write, self.id_size)
            commit = write("commit", encode_commit(tree, snap.head, by, when, message))
            if batch is not None:
                self._git(["index-pack", "--stdin"], batch.pack())
            if move_branch(self.root, commit, snap.head, self.warnings):
                return commit
            snap = self._lookup(list(files))  # another git moved the branch: build on top again
        raise StoreError("the branch keeps moving under redraft; try again")

    def _write_object(self, kind: str, body: bytes) -> str:
        return write_loose_object(self.git_dir, *loose_object(kind, body, self.hash_name))

    def _tidy(self) -> None:
        """Pack loose objects once there are many (:func:`.gitcli.pack_loose_objects`)."""
        if loose_estimate(self.git_dir) >= LOOSE_LIMIT:
            pack_loose_objects(self._git_context(), PACK_LIMIT)

    def sync(self, remote: str | None = None) -> SyncResult:
        """Fetch, rebase local versions onto the remote's, push; never forces a push
        (:mod:`redraft.store.sync`). GitPython here: a network round trip dwarfs its import."""
        import git

        from .sync import run_sync

        try:
            with git.Repo(self.root) as repo, self._lock():  # closing stops git's helpers
                repo.git.update_environment(**GIT_ENV)
                return run_sync(repo, self.root, self.git_dir, remote)
        except git.GitCommandError as error:
            command = [str(error.command[1])]
            raise StoreError(git_failure(self.root, command, gitpython_stderr(error))) from None
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise StoreError(f"{self.root}: corrupted store: no git repository") from None


# -- helpers ------------------------------------------------------------------------


def _path(name: str) -> str:
    return f"{DRAFTS}/{name}.txt"


def _blob_of(found: tuple[str, bytes] | None) -> str | None:
    return found[0] if found is not None else None


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
