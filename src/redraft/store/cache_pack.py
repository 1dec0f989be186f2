"""Cache packs: many cache entries in a few files (``.git/redraft-cache/packs/NAME``).

A report of a thousand versions keeps two thousand pieces (redline HTML, Word files); as
one file each, creating them cost more than computing some (about 1 ms per new file).
A pack is one file a run appends its entries to; the caller keeps where each entry lies
(pack, offset, length) in an index of its own and checks what it reads back (a
checksum), so a pack cut short or edited only loses the entries it held.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path
from typing import BinaryIO

from .files import _cache_path

STALE = 3600.0  # seconds: a pack no index names and this old was left by a killed run


class CachePacks:
    """The packs of one cache folder: appends go to this run's own pack (made at the
    first append), reads to any pack. A store that cannot be written is not an error:
    :meth:`append` then keeps nothing."""

    def __init__(self, git_folder: Path, folder: str) -> None:
        self.git_folder = git_folder
        self.folder = folder
        self.own = secrets.token_hex(8)  # this run's pack: no other run appends to it
        self._writer: BinaryIO | None = None
        self._failed = False
        self._readers: dict[str, BinaryIO] = {}

    def names(self) -> list[str]:
        """The packs in the folder (by file name)."""
        try:
            found = os.listdir(_cache_path(self.git_folder, self.folder))
        except OSError:
            return []
        return sorted(name for name in found if not name.startswith("."))

    def append(self, data: bytes) -> int | None:
        """Add ``data`` to this run's pack; its offset there, or None when not kept."""
        if self._failed:
            return None
        try:
            if self._writer is None:
                path = self._path(self.own)
                path.parent.mkdir(parents=True, exist_ok=True)
                self._writer = open(path, "ab")  # noqa: SIM115 - open for the whole run
            offset = self._writer.tell()
            self._writer.write(data)
            return offset
        except OSError:
            self._failed = True
            return None

    def read(self, pack: str, offset: int, length: int) -> bytes | None:
        """``length`` bytes at ``offset`` of ``pack``, or None (missing, cut short)."""
        try:
            if pack == self.own and self._writer is not None:
                self._writer.flush()  # what this run appended, readable now
            reader = self._readers.get(pack)
            if reader is None:
                reader = self._readers[pack] = open(self._path(pack), "rb")  # noqa: SIM115
            reader.seek(offset)
            data = reader.read(length)
        except (OSError, ValueError):
            return None
        return data if len(data) == length else None

    def size(self, pack: str) -> int:
        try:
            return self._path(pack).stat().st_size
        except (OSError, ValueError):
            return 0

    def stale(self, pack: str) -> bool:
        """Whether ``pack`` is old enough to be a killed run's, not a running one's."""
        try:
            return time.time() - self._path(pack).stat().st_mtime > STALE
        except (OSError, ValueError):
            return False

    def drop(self, packs: list[str]) -> None:
        for pack in packs:
            reader = self._readers.pop(pack, None)
            if reader is not None:
                reader.close()
            try:
                self._path(pack).unlink()
            except (OSError, ValueError):
                pass

    def close(self) -> None:
        """Write out this run's pack and let go of every file."""
        for reader in self._readers.values():
            reader.close()
        self._readers.clear()
        if self._writer is not None:
            try:
                self._writer.close()
            except OSError:
                self._failed = True
            self._writer = None

    def _path(self, pack: str) -> Path:
        return _cache_path(self.git_folder, f"{self.folder}/{pack}")
