"""Git's formats, read and written in Python: no process, no repository.

:mod:`redraft.store` runs git; this module only encodes and decodes what passes
between them, so each rule is tested without a repository:

* ``git log --raw --format=LOG_FORMAT`` output -> :class:`~redraft.model.Version` lists;
* ``git cat-file --batch`` output -> object contents;
* raw tree and commit objects, object ids, loose-object files (zlib), as a save
  writes them itself rather than paying one git process per object.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ..errors import StoreError
from ..model import Version
from .revisions import decode_version_message, is_valid_name


def blob_id(data: bytes, length: int = 40) -> str:
    """The git object id ``data`` gets as a blob (sha1, or sha256 for such repositories)."""
    header = b"blob %d\0" % len(data)
    algorithm = hashlib.sha1 if length == 40 else hashlib.sha256
    return algorithm(header + data).hexdigest()


#: ``git log --format`` that :func:`parse_log` reads (with ``--raw --no-abbrev``).
LOG_FORMAT = "%x1e%H%x1f%aI%x1f%an%x1f%B%x1f"


def parse_log(out: str, folder: str = "drafts") -> dict[str, list[Version]]:
    """Versions per draft from ``git log --reverse --raw --format=LOG_FORMAT`` output.

    Every commit that changes ``folder/NAME.txt`` is a version, whoever made it:
    a commit made with plain git has no trailers and counts under its author."""
    found: dict[str, list[Version]] = {}
    gone: dict[str, list[Version]] = {}  # drafts deleted, with their history
    for record in out.split("\x1e")[1:]:
        commit, when, author, body, raw = record.split("\x1f")
        message, trailers, metas = decode_version_message(body)
        sponsors = tuple(s.strip() for s in trailers.get("sponsors", "").split(";") if s.strip())
        for line in raw.strip().splitlines():
            meta, _, file = line.partition("\t")
            name = file[len(folder) + 1 : -4]
            if not (file == f"{folder}/{name}.txt" and is_valid_name(name)):
                continue  # not a draft, or a name redraft refuses (a hostile push)
            fields = meta.split()
            blob = fields[3]
            if fields[1] in _NOT_A_TEXT:
                blob = "0" * len(blob)  # a link or submodule in its place: no text there
            if set(blob) == {"0"}:  # deleted: a later file of that name starts over...
                if name in found:
                    gone[name] = found.pop(name)
                continue
            if name not in found and name in gone and gone[name][-1].blob == blob:
                # ...unless it comes back as it was (a 'git revert' of a hostile push
                # that removed it): its history goes on, and the same text is no version
                found[name] = gone.pop(name)
                continue
            versions = found.setdefault(name, [])
            # A commit without trailers (a merge settling a sync conflict, a plain git
            # commit) keeps the draft's symbol and sponsors, as 'redraft save' does.
            before = versions[-1] if versions else None
            if name in metas:  # one of many drafts recorded by one commit
                symbol, own_sponsors = metas[name]
            else:
                symbol = trailers.get("symbol", before.symbol if before else "")
                keep = "sponsors" not in trailers and before is not None
                own_sponsors = before.sponsors if keep and before else sponsors
            versions.append(
                Version(
                    name=name,
                    number=len(versions) + 1,
                    commit=commit,
                    date=when,
                    by=trailers.get("by") or author,
                    symbol=symbol,
                    message=message,
                    sponsors=own_sponsors,
                    blob=blob,
                    translates=trailers.get("translates", ""),
                )
            )
    return found


#: Tree modes of a symbolic link and of a submodule: what a hostile push may put where a
#: draft was. Neither holds a text; the draft is read as deleted while it stands there.
_NOT_A_TEXT = ("120000", "160000")


def parse_tree(content: bytes, id_size: int = 20) -> list[tuple[str, str, str]]:
    """(mode, name, object id) of each entry of a raw git tree object (ids of
    ``id_size`` bytes: 20 for sha1, 32 for sha256 repositories)."""
    entries, pos = [], 0
    while pos < len(content):
        space = content.index(b" ", pos)
        nul = content.index(b"\0", space)
        name = content[space + 1 : nul].decode("utf-8", "surrogateescape")
        oid = content[nul + 1 : nul + 1 + id_size].hex()
        entries.append((content[pos:space].decode(), name, oid))
        pos = nul + 1 + id_size
    return entries


def tree_names(content: bytes | None, id_size: int = 20, suffix: str = "") -> list[str]:
    """Names in a raw tree (None: no tree) ending with ``suffix``, the suffix cut off."""
    if content is None:
        return []
    names = [name for _, name, _ in parse_tree(content, id_size) if name.endswith(suffix)]
    return [name[: len(name) - len(suffix)] for name in names] if suffix else names


def encode_tree(entries: dict[str, tuple[str, str]]) -> bytes:
    """A raw tree object from ``{name: (mode, id)}``, in git's order (folders sort as "name/")."""

    def order(name: str) -> bytes:
        raw = name.encode("utf-8", "surrogateescape")
        return raw + b"/" if entries[name][0] == "40000" else raw

    return b"".join(
        b"%s %s\0" % (entries[n][0].encode(), n.encode("utf-8", "surrogateescape"))
        + bytes.fromhex(entries[n][1])
        for n in sorted(entries, key=order)
    )


def encode_commit(tree: str, parent: str | None, by: str, when: str, message: str) -> bytes:
    """A raw commit object: author and committer are the delegation, at ``when`` (ISO 8601)."""
    moment = datetime.fromisoformat(when)
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    zone = f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    name = re.sub(r"[<>\n]", "", by).strip() or "unknown"
    ident = f"{name} <> {int(moment.timestamp())} {zone}"
    lines = [f"tree {tree}"] + ([f"parent {parent}"] if parent else [])
    lines += [f"author {ident}", f"committer {ident}", "", message]
    return "\n".join(lines).encode("utf-8")


def parse_batch(out: bytes, count: int) -> list[bytes]:
    """The contents of ``count`` objects from ``git cat-file --batch`` output."""
    contents, pos = [], 0
    for _ in range(count):
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if len(header) != 3:
            raise ValueError(f"object {header[0].decode(errors='replace')} is missing")
        size = int(header[2])
        contents.append(out[end + 1 : end + 1 + size])
        pos = end + 2 + size
    return contents


def parse_batch_objects(out: bytes, count: int) -> list[tuple[str, str, bytes] | None]:
    """(id, type, content) of ``count`` answers of ``git cat-file --batch``, None for a
    name git does not know ("missing", "ambiguous"); ValueError when the output stops short."""
    found: list[tuple[str, str, bytes] | None] = []
    pos = 0
    for _ in range(count):
        end = out.find(b"\n", pos)
        header = out[pos:end].decode(errors="replace").split()
        if end < 0 or len(header) not in (2, 3):
            raise ValueError("git cat-file gave no answer")
        pos = end + 1
        if len(header) == 2:
            found.append(None)
            continue
        size = int(header[2])
        found.append((header[0], header[1], out[pos : pos + size]))
        pos += size + 1
    return found


_PACK_TYPES = {"commit": 1, "tree": 2, "blob": 3}


def encode_pack(objects: list[tuple[str, bytes]], hash_name: str = "sha1") -> bytes:
    """A git pack (version 2) holding ``objects`` ((kind, body) each) whole, without
    deltas: many objects written at once (``redraft import``) go to git in one file,
    which ``git index-pack`` checks and indexes, instead of one loose file each.
    Level 1 compression, as for loose objects: ``git gc`` packs tighter later."""
    parts = [b"PACK", struct.pack(">II", 2, len(objects))]
    for kind, body in objects:
        size = len(body)
        byte = (_PACK_TYPES[kind] << 4) | (size & 0x0F)
        size >>= 4
        header = bytearray()
        while size:
            header.append(byte | 0x80)
            byte = size & 0x7F
            size >>= 7
        header.append(byte)
        parts.append(bytes(header))
        parts.append(zlib.compress(body, 1))
    data = b"".join(parts)
    return data + hashlib.new(hash_name, data).digest()


class PackBatch:
    """Objects gathered for one pack (:func:`encode_pack`); ``write`` stands in for
    writing a loose object: it returns the id the object will have."""

    def __init__(self, hash_name: str = "sha1") -> None:
        self.hash_name = hash_name
        self.objects: list[tuple[str, bytes]] = []

    def write(self, kind: str, body: bytes) -> str:
        self.objects.append((kind, body))
        return object_id(kind, body, self.hash_name)

    def pack(self) -> bytes:
        return encode_pack(self.objects, self.hash_name)


def object_id(kind: str, body: bytes, hash_name: str = "sha1") -> str:
    """The git id of an object of ``kind`` holding ``body``."""
    return hashlib.new(hash_name, b"%s %d\0" % (kind.encode(), len(body)) + body).hexdigest()


def loose_object(kind: str, body: bytes, hash_name: str = "sha1") -> tuple[str, bytes]:
    """(id, file content) of a loose object, as git stores it under objects/xx/yyyy.

    Level 1 compression: a save is on the clock, and `git gc` repacks anyway."""
    raw = b"%s %d\0" % (kind.encode(), len(body)) + body
    return hashlib.new(hash_name, raw).hexdigest(), zlib.compress(raw, 1)


@dataclass(frozen=True)
class Snapshot:
    """What a write builds on: the head commit, the trees (by folder, "" for the root)
    and the blobs (id, content) of the paths it changes, None where absent."""

    head: str | None
    trees: dict[str, bytes]
    blobs: dict[str, tuple[str, bytes] | None]


def read_snapshot(out: bytes, folders: list[str], paths: list[str]) -> Snapshot:
    """The :class:`Snapshot` in ``git cat-file --batch`` output for the names
    ``HEAD``, then each folder's tree (``HEAD^{tree}`` for ""), then ``HEAD:PATH`` of each path."""
    found = parse_batch_objects(out, 1 + len(folders) + len(paths))
    head = found[0]
    if head is not None and head[1] != "commit":
        raise ValueError(f"HEAD is not a commit ({head[1]})")
    trees = {
        f: t[2]
        for f, t in zip(folders, found[1 : 1 + len(folders)], strict=True)
        if t and t[1] == "tree"
    }
    blobs = {
        p: (b[0], b[2]) if b and b[1] == "blob" else None
        for p, b in zip(paths, found[1 + len(folders) :], strict=True)
    }
    return Snapshot(head[0] if head else None, trees, blobs)


def refuse_tree_link(snap: Snapshot, folder: str, id_size: int = 20) -> None:
    """A StoreError when ``folder`` in the head's root tree is not a folder
    (a symbolic link or a file a collaborator committed in its place)."""
    root = snap.trees.get("")
    if root is None:
        return
    for mode, name, _oid in parse_tree(root, id_size):
        if name == folder and mode != "40000":
            what = "symbolic link" if mode == "120000" else "file"
            raise StoreError(
                f"{folder}: is a {what} in the store's last commit, not a folder; redraft "
                f"never follows a link out of the store: restore the folder "
                f"('git rm {folder}', then 'git checkout HEAD~1 -- {folder}')"
            )


def build_tree(
    trees: dict[str, bytes],
    files: dict[str, bytes],
    write: Callable[[str, bytes], str],
    id_size: int = 20,
) -> str:
    """The root tree of ``trees`` (raw, by folder) with ``files`` (paths at most one folder
    deep) put in; ``write(kind, body)`` stores an object and returns its id."""
    folders: dict[str, dict[str, tuple[str, str]]] = {}
    for folder, content in trees.items():
        folders[folder] = {name: (mode, oid) for mode, name, oid in parse_tree(content, id_size)}
    for path, data in files.items():
        folder, _, name = path.rpartition("/")
        folders.setdefault(folder, {})[name] = ("100644", write("blob", data))
    for folder in sorted(f for f in folders if f):
        oid = write("tree", encode_tree(folders[folder]))
        folders.setdefault("", {})[folder] = ("40000", oid)
    return write("tree", encode_tree(folders.get("", {})))


def git_error_line(stderr: bytes | str) -> str:
    """The line of git's stderr that says what went wrong."""
    text = stderr.decode(errors="replace") if isinstance(stderr, bytes) else stderr
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    found = next((ln for ln in lines if ln.startswith(("fatal", "error"))), "")
    return found or (lines[0] if lines else "no message")
