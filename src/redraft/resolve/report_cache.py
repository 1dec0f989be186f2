"""What ``redraft report`` keeps between runs (``.git/redraft-cache``, :mod:`.cache`).

* ``report``: per text (by git id) its words, and per latest text its status line and
  symbol: small, read every run (the index needs them for every draft); and where each
  piece below lies in the packs;
* ``packs/NAME``: the HTML of each latest text and of each redline (UTF-8, not
  compressed), and each Word file,
  appended to one file per run (:mod:`redraft.store.cache_pack`: a thousand pieces as
  files of their own cost more to create than some cost to compute), each behind a CRC32
  of its bytes, read only when a page is written again. A pack none of the pieces in use
  lies in any more is removed; one mostly unused has its pieces copied into the run's
  pack, so that what is kept stays about what is used;
* ``sites/KEY``: per output folder, what each file written there holds (by key) with
  its size and modification time: a page whose versions did not change and whose files
  are as written is neither rebuilt nor rewritten.

Keys come from :func:`.cache.key` (texts, versions shown, redraft's own code). An entry
that fails its checksum, or that the index names wrongly (another program's, a damaged
document), is made again; entries no draft uses any more are dropped.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from pathlib import Path
from typing import Any

from ..store import Store
from .cache import FOLDER, load_document, save_document, string_map

FIGURES = "report"
KIND = "cache:report:3"
PACKS = f"{FOLDER}/packs"
OLD_FOLDERS = (f"{FOLDER}/html", f"{FOLDER}/word")  # one file per piece, before packs
SITES = "sites"
_PACK_NAME = re.compile(r"^[0-9a-f]{16}$")

Entry = list[Any]  # [pack, offset, length, crc32 of the bytes there]


class ReportCache:
    """The report's cache in one store; ``used`` collects the keys of this run."""

    def __init__(self, store: Store) -> None:
        self.store = store
        body = load_document(store, FIGURES, KIND)
        self.words = {k: v for k, v in string_map(body, "words").items() if isinstance(v, int)}
        self.meta = {
            k: v
            for k, v in string_map(body, "meta").items()
            if isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v)
        }
        found = string_map(body, "entries")
        self.entries: dict[str, Entry] = {k: v for k, v in found.items() if _entry(v)}
        self.known = {entry[0] for entry in self.entries.values()}  # packs the index named
        self.packs = store.cache_packs(PACKS)
        self.unsaved: dict[str, bytes] = {}  # pieces a read-only store could not keep
        self.checked: set[str] = set()
        self.used: set[str] = set()
        self.changed = False

    # -- entries -----------------------------------------------------------------------
    def has_html(self, key: str) -> bool:
        return self._checked(key)

    def has_word(self, key: str) -> bool:
        return self._checked(key)

    def _checked(self, key: str) -> bool:
        if key in self.checked:
            return True
        if self._read(key) is None:
            self.entries.pop(key, None)
            return False
        self.checked.add(key)
        return True

    def _read(self, key: str) -> bytes | None:
        entry = self.entries.get(key)
        if entry is None:
            return self.unsaved.get(key)
        pack, offset, length, crc = entry
        data = self.packs.read(pack, offset, length)
        return data if data is not None and zlib.crc32(data) == crc else None

    def html(self, key: str) -> str | None:
        data = self._read(key)
        try:
            return data.decode("utf-8") if data is not None else None
        except UnicodeDecodeError:  # damaged: made again
            return None

    def word(self, key: str) -> bytes | None:
        return self._read(key)

    def put_html(self, key: str, text: str) -> None:
        # as it is: compressing a session's HTML cost a second, and the pack is written once
        self._put(key, text.encode("utf-8"))

    def put_word(self, key: str, data: bytes) -> None:
        self._put(key, data)

    def _put(self, key: str, data: bytes) -> None:
        offset = self.packs.append(data)
        if offset is None:  # a store that cannot be written: kept for this run only
            self.entries.pop(key, None)
            self.unsaved[key] = data
            self.checked.add(key)
            return
        # a checksum tells a damaged entry from a whole one
        self.entries[key] = [self.packs.own, offset, len(data), zlib.crc32(data)]
        self.checked.add(key)
        self.changed = True

    def put_figures(self, words: dict[str, int], meta: dict[str, list[str]]) -> None:
        self.words.update(words)
        self.meta.update(meta)
        self.changed = True

    # -- output folders -----------------------------------------------------------------
    def site(self, out_dir: Path) -> dict[str, list[Any]]:
        """What this run's folder held after the last report written there."""
        body = load_document(self.store, self._site_name(out_dir), KIND)
        found = string_map(body, "files")
        return {k: v for k, v in found.items() if isinstance(v, list) and len(v) == 3}

    def save_site(self, out_dir: Path, files: dict[str, list[Any]]) -> None:
        save_document(self.store, self._site_name(out_dir), KIND, {"files": files})

    @staticmethod
    def _site_name(out_dir: Path) -> str:
        folder = str(out_dir.resolve()).encode("utf-8", "surrogateescape")
        return f"{SITES}/{hashlib.sha1(folder).hexdigest()}"

    # -- keeping only what is used -----------------------------------------------------
    def save(self) -> None:
        """The index of what this run used, then its packs: the pack first (an index
        never names what is not written), unused packs last."""
        words = {k: v for k, v in self.words.items() if k in self.used}
        meta = {k: v for k, v in self.meta.items() if k in self.used}
        entries = {k: v for k, v in self.entries.items() if k in self.used}
        moved = self._compact(entries)
        self.packs.close()
        counts = (len(words), len(meta), len(entries))
        if self.changed or moved or counts != (len(self.words), len(self.meta), len(self.entries)):
            body = {"words": words, "meta": meta, "entries": entries}
            save_document(self.store, FIGURES, KIND, body)
        named = {entry[0] for entry in entries.values()}
        own = self.packs.own
        self.packs.drop(
            [
                p
                for p in self.packs.names()
                if p not in named and (p in self.known or p == own or self.packs.stale(p))
            ]
        )
        for folder in OLD_FOLDERS:
            self.store.drop_cache(self.store.cache_names(folder))

    def _compact(self, entries: dict[str, Entry]) -> bool:
        """Copy the pieces of packs mostly unused into this run's pack (the old pack is
        then named by no entry, and removed): what the packs hold stays about what is
        used. Whether any piece moved."""
        live: dict[str, int] = {}
        for pack, _, length, _ in entries.values():
            live[pack] = live.get(pack, 0) + length
        sparse = {p for p, n in live.items() if p != self.packs.own and 2 * n < self.packs.size(p)}
        moved = False
        for k, entry in entries.items():
            if entry[0] not in sparse:
                continue
            data = self._read(k)
            offset = self.packs.append(data) if data is not None else None
            if data is None or offset is None:
                continue  # left where it is (made again if unreadable)
            entries[k] = [self.packs.own, offset, len(data), entry[3]]
            moved = True
        return moved


def _entry(value: Any) -> bool:
    """Whether ``value`` is an entry as :meth:`ReportCache._put` writes it."""
    if not (isinstance(value, list) and len(value) == 4):
        return False
    pack = value[0]
    numbers = all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value[1:])
    return isinstance(pack, str) and bool(_PACK_NAME.match(pack)) and numbers
