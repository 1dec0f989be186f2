"""The precedent index's sources: folders and files in any readable format, and store
drafts, read into :class:`~redraft.precedent.model.IndexedDocument` objects.

An update is incremental. Every source is fingerprinted first (a file by a hash of
its bytes, a store draft by the git id of its text), which is cheap; only documents
whose fingerprint is new or changed are read and indexed. Documents the index holds
under a folder or file named in this run, or from the store, that are no longer
there are dropped; documents from sources not named in this run are kept (``prune``
drops them too). Run with no source, an update re-scans the sources the index was
built from.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import canonical
from ..errors import InputError, RedraftError
from ..precedent import SqliteIndex, indexed_document
from ..precedent.index import PrecedentIndex
from ..precedent.model import IndexedDocument, UpdateReport
from ..readers import read_bytes, read_file_bytes
from .sources import load, load_store_drafts, open_store

#: Files a folder is searched for: every format the readers read.
SUFFIXES = frozenset({".xml", ".akn", ".docx", ".doc", ".txt", ".md", ".pdf"})
#: Files that describe a folder rather than hold an adopted text.
_NOT_TEXTS = ("readme", "sources", "license", "licence", "changelog")
#: The identity prefix of store drafts.
STORE = "store:"
#: The setting holding the sources an index was built from (a JSON list).
SOURCES_SETTING = "sources"

#: Called after each document read: (documents done, documents to read).
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Found:
    """A document a source holds, fingerprinted but not read yet."""

    identity: str
    content_hash: str
    path: Path | None = None  # a file; None for a store draft
    spec: str = ""  # a store draft's NAME[@REV]
    symbol: str = ""  # from the store version
    date: str = ""


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _is_text_file(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith(".") or name.startswith(_NOT_TEXTS):
        return False
    return path.suffix.lower() in SUFFIXES


def _folder_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / name for name in sorted(files))
    return [path for path in found if _is_text_file(path)]


def _file(path: Path) -> Found:
    return Found(str(path.resolve()), _digest(read_file_bytes(path, "document")), path=path)


def scan(
    specs: Sequence[str],
    store: str | Path | None,
    store_drafts: bool,
    missing_ok: bool = False,
) -> list[Found]:
    """Every document the sources hold (folders searched recursively), fingerprinted.
    With ``missing_ok``, a recorded folder or file that is gone holds nothing."""
    found: list[Found] = []
    for spec in specs:
        path = Path(spec)
        if missing_ok and path.is_absolute() and not path.exists():
            continue
        if path.is_dir():
            found.extend(_file(file) for file in _folder_files(path))
        elif path.exists():
            found.append(_file(path))
        else:
            loaded = load(spec, store)  # a store revision, or a clear error
            text = canonical.render(loaded.draft).encode("utf-8")
            version = loaded.version
            found.append(
                Found(
                    STORE + spec,
                    _digest(text),
                    spec=spec,
                    symbol=loaded.symbol,
                    date=version.get("date", "")[:10],
                )
            )
    if store_drafts:
        opened = open_store(store)
        for stored in load_store_drafts(opened, opened.names()):
            latest = stored.versions[-1]
            found.append(
                Found(
                    STORE + stored.name,
                    latest.blob,
                    spec=stored.name,
                    symbol=latest.symbol or stored.draft.meta.symbol,
                    date=latest.date[:10],
                )
            )
    return found


def _covered(identity: str, specs: Sequence[str], store_drafts: bool) -> bool:
    """Whether this run's sources would have found ``identity`` if it still existed."""
    if identity.startswith(STORE):
        return store_drafts or identity[len(STORE) :] in specs
    for spec in specs:
        root = str(Path(spec).resolve())
        if identity == root or identity.startswith(root.rstrip(os.sep) + os.sep):
            return True
    return False


def _read(item: Found, store: str | Path | None) -> IndexedDocument:
    if item.path is not None:
        result = read_bytes(read_file_bytes(item.path, "document"), name=str(item.path))
        return indexed_document(result.draft, item.identity, item.content_hash)
    loaded = load(item.spec, store)
    return indexed_document(
        loaded.draft, item.identity, item.content_hash, symbol=item.symbol, date=item.date
    )


def update_index(
    index: PrecedentIndex,
    specs: Sequence[str],
    store: str | Path | None = None,
    store_drafts: bool = False,
    prune: bool = False,
    progress: Progress | None = None,
) -> UpdateReport:
    """Bring ``index`` up to date with ``specs`` (see the module's docstring)."""
    started = time.perf_counter()
    recorded = json.loads(index.get_setting(SOURCES_SETTING) or "{}")
    again = not specs and not store_drafts
    if again:
        specs = recorded.get("paths", [])
        store_drafts = bool(recorded.get("store_drafts"))
        if not specs and not store_drafts:
            raise InputError("give the folders, files or store drafts to index (SOURCE...)")
    found = scan(specs, store, store_drafts, missing_ok=again)
    held = index.fingerprints()
    seen = {item.identity for item in found}
    removed = [
        identity
        for identity in held
        if identity not in seen and (prune or _covered(identity, specs, store_drafts))
    ]
    to_read = [item for item in found if held.get(item.identity) != item.content_hash]
    skipped: list[tuple[str, str]] = []

    def documents() -> Iterator[IndexedDocument]:
        for done, item in enumerate(to_read, start=1):
            try:
                yield _read(item, store)
            except RedraftError as error:  # unreadable: say so, index the rest
                skipped.append((item.identity, str(error)))
            if progress is not None:
                progress(done, len(to_read))

    index.update(documents(), removed)
    paths = sorted(set(recorded.get("paths", [])) | {_recorded(spec) for spec in specs})
    keep = {"paths": paths, "store_drafts": store_drafts or bool(recorded.get("store_drafts"))}
    index.set_setting(SOURCES_SETTING, json.dumps(keep))
    if not held and isinstance(index, SqliteIndex):
        index.vacuum()  # a first build: compact the file once
    failed = {identity for identity, _ in skipped}
    read = [item.identity for item in to_read if item.identity not in failed]
    return UpdateReport(
        index=getattr(index, "path", ""),
        added=tuple(i for i in read if i not in held),
        changed=tuple(i for i in read if i in held),
        removed=tuple(removed),
        unchanged=len(found) - len(to_read),
        skipped=tuple(skipped),
        corpus=index.info(),
        size_bytes=index.size_bytes() if isinstance(index, SqliteIndex) else 0,
        seconds=round(time.perf_counter() - started, 3),
    )


def _recorded(spec: str) -> str:
    """A source as the index records it: a path made absolute, a store spec as given."""
    path = Path(spec)
    return str(path.resolve()) if path.exists() else spec


def open_index(path: str | Path, create: bool = False) -> SqliteIndex:
    """The index file at ``path`` (made when ``create`` and missing)."""
    return SqliteIndex.open(path, create=create)


def open_corpus(
    corpus: str | Path,
    store: str | Path | None = None,
    progress: Progress | None = None,
) -> SqliteIndex:
    """What ``--corpus`` names: an index file, or a folder indexed on the spot (in
    memory, nothing written)."""
    path = Path(corpus)
    if path.is_dir():
        index = SqliteIndex.open(":memory:", create=True)
        update_index(index, [str(path)], store, progress=progress)
        return index
    if not path.exists():
        raise InputError(f"{corpus}: no such precedent index or folder")
    return SqliteIndex.open(path)
