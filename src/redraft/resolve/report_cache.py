"""What ``redraft report`` keeps between runs (``.git/redraft-cache``, :mod:`.cache`).

* ``report``: per text (by git id) its words, and per latest text its status line and
  symbol: small, read every run (the index needs them for every draft);
* ``html/KEY``: the HTML of a latest text or of a redline, read only when a page is
  written again;
* ``word/KEY``: each Word file, behind a CRC32 of its bytes;
* ``sites/KEY``: per output folder, what each file written there holds (by key) with
  its size and modification time: a page whose versions did not change and whose files
  are as written is neither rebuilt nor rewritten.

Keys come from :func:`.cache.key` (texts, versions shown, redraft's own code). An entry
that fails its checksum is made again; entries no draft uses any more are dropped.
"""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path
from typing import Any

from ..store import Store
from .cache import FOLDER, load_document, save_document, string_map

FIGURES = "report"
KIND = "cache:report:2"
HTML = f"{FOLDER}/html"
WORD = f"{FOLDER}/word"
SITES = "sites"


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
        self.html_keys = {n.rpartition("/")[2] for n in store.cache_names(HTML)}
        self.word_keys = {n.rpartition("/")[2] for n in store.cache_names(WORD)}
        self.checked: set[str] = set()
        self.used: set[str] = set()
        self.changed = False

    # -- entries -----------------------------------------------------------------------
    def has_html(self, key: str) -> bool:
        return key in self.html_keys and self._checked(key, self.html)

    def has_word(self, key: str) -> bool:
        return key in self.word_keys and self._checked(key, self.word)

    def _checked(self, key: str, read: Any) -> bool:
        if key in self.checked:
            return True
        if read(key) is None:
            self.html_keys.discard(key)
            self.word_keys.discard(key)
            return False
        self.checked.add(key)
        return True

    def html(self, key: str) -> str | None:
        data = self.store.load_cache(f"{HTML}/{key}")
        try:
            return zlib.decompress(data).decode("utf-8") if data is not None else None
        except (zlib.error, UnicodeDecodeError):  # damaged: made again
            return None

    def word(self, key: str) -> bytes | None:
        data = self.store.load_cache(f"{WORD}/{key}")
        if data is None or len(data) < 4:
            return None
        body = data[4:]
        return body if zlib.crc32(body) == int.from_bytes(data[:4], "big") else None

    def put_html(self, key: str, text: str) -> None:
        self.store.save_cache(f"{HTML}/{key}", zlib.compress(text.encode("utf-8"), 1))
        self.html_keys.add(key)
        self.checked.add(key)

    def put_word(self, key: str, data: bytes) -> None:
        # a checksum first tells a damaged entry from a whole one
        self.store.save_cache(f"{WORD}/{key}", zlib.crc32(data).to_bytes(4, "big") + data)
        self.word_keys.add(key)
        self.checked.add(key)

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
        words = {k: v for k, v in self.words.items() if k in self.used}
        meta = {k: v for k, v in self.meta.items() if k in self.used}
        if self.changed or len(words) != len(self.words) or len(meta) != len(self.meta):
            save_document(self.store, FIGURES, KIND, {"words": words, "meta": meta})
        unused = [f"{HTML}/{k}" for k in self.html_keys if k not in self.used]
        unused += [f"{WORD}/{k}" for k in self.word_keys if k not in self.used]
        self.store.drop_cache(unused)
