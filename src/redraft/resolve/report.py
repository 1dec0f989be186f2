"""What ``redraft report`` shows, read from the store: one page per draft.

:func:`overview` gives every draft's full overview (history, redlines, status) for the
library; :func:`build_report` writes the same site for the command line at session
scale: the versions of every draft come from one ``git log``, the texts it needs from
one ``git cat-file --batch``, and whatever a page is made of (words and status of a
text, the HTML of each redline, every Word file) is kept in the store's cache keyed by
the texts and versions it shows (:mod:`.cache`). Writing the report again after one
new version computes one redline; drafts that changed are worked on in parallel
(:func:`redraft.jobs.parallel_map`). The pages are the same, byte for byte.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import canonical
from ..diff.engine import diff_drafts
from ..jobs import NO_STEPS, Steps, parallel_map
from ..model import Draft, Version
from ..overview import DraftOverview, draft_overview, status_line, version_name
from ..render.site import (
    BuiltPage,
    Site,
    index_row,
    latest_text,
    latest_word_file,
    page_html,
    redline_section,
    redline_word_file,
    write_pages,
)
from ..store import Store
from ..words import count_words
from .cache import FOLDER, key, load_document, save_document, string_map
from .sources import open_store, with_words

REPORT_CACHE = "report"
WORD_FOLDER = f"{FOLDER}/word"
CHUNK = 16  # consecutive redlines per unit of parallel work


def overview(store: Path | None) -> list[DraftOverview]:
    """Every draft of the store with its history, redlines and status, by name."""
    opened = open_store(store)
    found = []
    for name in opened.names():
        history = with_words(opened.history(name))
        if history:
            found.append(draft_overview(name, history))
    return found


def build_report(out_dir: Path, store: Path | None, steps: Steps = NO_STEPS) -> Site:
    """Write the report of the store in ``out_dir``: :func:`redraft.render.site.write_site`
    of :func:`overview`, computing only what the cache lacks."""
    opened = open_store(store)
    histories = opened.all_versions()
    cache = _Cache.load(opened)
    units = [unit for name in sorted(histories) for unit in _units(name, histories[name], cache)]
    needed = sorted({v.blob for unit in units for v in unit.versions})
    texts = dict(zip(needed, opened.blobs(needed), strict=True))
    ready = [replace(unit, texts=tuple(texts[v.blob] for v in unit.versions)) for unit in units]
    for done in parallel_map(_work, ready, steps, "Preparing pages"):
        cache.add(done, opened)
    steps.start("Writing pages", len(histories))
    pages = _pages(histories, cache, opened, steps)
    site = write_pages(out_dir, pages)
    cache.save(opened)
    return site


# -- what the cache holds -------------------------------------------------------------


@dataclass
class _Cache:
    """Per text (by git id): words; per latest text: status, symbol and the HTML of
    the text; per redline (by :func:`_section_key`): its HTML. Word files are cache
    files of their own (``redraft-cache/word/KEY``). ``used`` collects what this run
    needed: everything else is dropped when the cache is saved."""

    words: dict[str, int] = field(default_factory=dict)
    latest: dict[str, list[str]] = field(default_factory=dict)  # blob -> [status, symbol, html]
    sections: dict[str, str] = field(default_factory=dict)
    word_files: set[str] = field(default_factory=set)
    used: set[str] = field(default_factory=set)
    changed: bool = False
    checked: set[str] = field(default_factory=set)  # Word files read back whole
    store: Store | None = None

    @classmethod
    def load(cls, store: Store) -> _Cache:
        body = load_document(store, REPORT_CACHE, "cache:report:1")
        words = {k: v for k, v in string_map(body, "words").items() if isinstance(v, int)}
        latest = {
            k: v
            for k, v in string_map(body, "latest").items()
            if isinstance(v, list) and len(v) == 3 and all(isinstance(x, str) for x in v)
        }
        sections = {k: v for k, v in string_map(body, "sections").items() if isinstance(v, str)}
        files = {name.rpartition("/")[2] for name in store.cache_names(WORD_FOLDER)}
        found = cls(words, latest, sections, files)
        found.store = store
        return found

    def has_word_file(self, word_key: str) -> bool:
        """Whether the Word file is in the cache, whole (read once to check)."""
        if word_key not in self.word_files:
            return False
        if word_key not in self.checked:
            if self._read_word(word_key) is None:
                self.word_files.discard(word_key)
                return False
            self.checked.add(word_key)
        return True

    def _read_word(self, word_key: str) -> bytes | None:
        data = self.store.load_cache(f"{WORD_FOLDER}/{word_key}") if self.store else None
        if data is None or len(data) < 4:
            return None
        body = data[4:]
        if zlib.crc32(body) != int.from_bytes(data[:4], "big"):
            return None  # damaged: made again
        return body

    def add(self, done: _Done, store: Store) -> None:
        self.words.update(done.words)
        self.latest.update(done.latest)
        self.sections.update(done.sections)
        for word_key, data in done.word_files.items():
            # a checksum first tells a damaged entry from a whole one
            checked = zlib.crc32(data).to_bytes(4, "big") + data
            store.save_cache(f"{WORD_FOLDER}/{word_key}", checked)
            self.word_files.add(word_key)
            self.checked.add(word_key)
        self.changed = True

    def word_file(self, store: Store, word_key: str) -> bytes:
        data = self._read_word(word_key)
        if data is None:  # removed under us: say so rather than write a broken link
            from ..errors import StoreError

            raise StoreError(f"{store.root}: the report cache changed while writing; run again")
        return data

    def save(self, store: Store) -> None:
        unused = [w for w in self.word_files if w not in self.used]
        stale = any(k not in self.used for k in (*self.words, *self.latest, *self.sections))
        if not (self.changed or stale or unused):
            return
        body: dict[str, Any] = {
            "words": {k: v for k, v in self.words.items() if k in self.used},
            "latest": {k: v for k, v in self.latest.items() if k in self.used},
            "sections": {k: v for k, v in self.sections.items() if k in self.used},
        }
        save_document(store, REPORT_CACHE, "cache:report:1", body)
        store.drop_cache([f"{WORD_FOLDER}/{w}" for w in unused])


def _section_key(name: str, before: Version, after: Version) -> str:
    shown = (after.number, after.symbol, after.by, after.date, after.message, after.blob)
    return key("section", name, before.number, before.symbol, before.blob, *shown)


def _redline_word_key(before: Version, after: Version) -> str:
    old = (before.number, before.symbol, before.by, before.blob)
    return key("redline.docx", *old, after.number, after.symbol, after.by, after.date, after.blob)


def _latest_word_key(version: Version) -> str:
    return key("draft.docx", version.blob)


# -- units of work -----------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    """Consecutive versions of one draft to read, with what to compute from them:
    redlines ``pairs`` (k: versions[k] -> versions[k + 1]), and with ``latest`` the
    figures, HTML and Word file of the last one (the draft's latest)."""

    name: str
    versions: tuple[Version, ...]
    pairs: tuple[int, ...] = ()
    latest: bool = False
    word_keys: frozenset[str] = frozenset()  # Word files to build
    texts: tuple[bytes, ...] = ()


@dataclass(frozen=True)
class _Done:
    words: dict[str, int]
    latest: dict[str, list[str]]
    sections: dict[str, str]
    word_files: dict[str, bytes]


def _units(name: str, versions: list[Version], cache: _Cache) -> Iterator[_Unit]:
    """What the cache lacks for draft ``name``, as units of work (none when complete)."""
    for version in versions:
        cache.used.add(version.blob)
    last = versions[-1]
    word_key = _latest_word_key(last)
    cache.used.add(word_key)
    complete = last.blob in cache.latest and last.blob in cache.words
    if not complete or not cache.has_word_file(word_key):
        missing_word = frozenset() if cache.has_word_file(word_key) else frozenset({word_key})
        yield _Unit(name, (last,), latest=True, word_keys=missing_word)
    missing: list[int] = []
    for index, (before, after) in enumerate(zip(versions, versions[1:], strict=False)):
        section, word = _section_key(name, before, after), _redline_word_key(before, after)
        cache.used.update((section, word))
        if section not in cache.sections or not cache.has_word_file(word):
            missing.append(index)
    runs = _runs(missing)
    for run in runs:
        lo, hi = run[0], run[-1] + 1
        keys = {_redline_word_key(versions[i], versions[i + 1]) for i in run}
        yield _Unit(
            name,
            tuple(versions[lo : hi + 1]),
            pairs=tuple(i - lo for i in run),
            word_keys=frozenset(k for k in keys if not cache.has_word_file(k)),
        )
    counted = {v.blob for unit_run in runs for v in versions[unit_run[0] : unit_run[-1] + 2]}
    uncounted = [v for v in versions[:-1] if v.blob not in cache.words and v.blob not in counted]
    for start in range(0, len(uncounted), CHUNK * 4):
        yield _Unit(name, tuple(uncounted[start : start + CHUNK * 4]))


def _runs(indices: list[int]) -> list[list[int]]:
    """Consecutive indices in runs of at most ``CHUNK`` (each run reads its texts once)."""
    runs: list[list[int]] = []
    for index in indices:
        if runs and runs[-1][-1] == index - 1 and len(runs[-1]) < CHUNK:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _work(unit: _Unit) -> _Done:
    """Compute one unit (in a worker process when there are many)."""
    from ..render.docx import render_draft_docx
    from ..render.docx_track import render_diff_docx

    reader = canonical.HistoryParser().parse_text  # consecutive versions share paragraphs
    drafts = [
        _parse(text, version, reader)
        for text, version in zip(unit.texts, unit.versions, strict=True)
    ]
    versions = [
        replace(v, words=count_words(d)) for v, d in zip(unit.versions, drafts, strict=True)
    ]
    words = {v.blob: v.words or 0 for v in versions}
    latest: dict[str, list[str]] = {}
    word_files: dict[str, bytes] = {}
    if unit.latest:
        draft, version = drafts[-1], versions[-1]
        latest[version.blob] = [status_line(draft), draft.meta.symbol, latest_text(draft)]
        if _latest_word_key(version) in unit.word_keys:
            word_files[_latest_word_key(version)] = render_draft_docx(draft)
    sections: dict[str, str] = {}
    for k in unit.pairs:
        before, after = versions[k], versions[k + 1]
        result = diff_drafts(
            drafts[k],
            drafts[k + 1],
            old_source=version_name(before),
            new_source=version_name(after),
        )
        sections[_section_key(unit.name, before, after)] = redline_section(unit.name, after, result)
        word_key = _redline_word_key(before, after)
        if word_key in unit.word_keys:
            word_files[word_key] = render_diff_docx(
                result, author_old=before.by, author_new=after.by, date=after.date
            )
    return _Done(words, latest, sections, word_files)


def _parse(text: bytes, version: Version, reader: Callable[[str], Draft]) -> Draft:
    from ..errors import InputError, StoreError

    try:
        return reader(text.decode("utf-8"))
    except (UnicodeDecodeError, InputError) as error:
        where = f"{version.name}@{version.number}"
        raise StoreError(f"{where}: stored text is not canonical text ({error})") from None


# -- pages -------------------------------------------------------------------------------


def _pages(
    histories: dict[str, list[Version]], cache: _Cache, store: Store, steps: Steps
) -> Iterator[BuiltPage]:
    for name in sorted(histories):
        found = histories[name]
        versions = [replace(v, words=cache.words[v.blob]) for v in found]
        status, symbol, text_html = cache.latest[found[-1].blob]
        sections = [
            cache.sections[_section_key(name, before, after)]
            for before, after in zip(found, found[1:], strict=False)
        ]
        files = {latest_word_file(name): cache.word_file(store, _latest_word_key(found[-1]))}
        for before, after in zip(found, found[1:], strict=False):
            word = cache.word_file(store, _redline_word_key(before, after))
            files[redline_word_file(name, after)] = word
        html = page_html(name, versions, sections, text_html)
        row = index_row(name, versions[-1], len(versions), symbol, status)
        yield BuiltPage(name, html, files, row, len(versions))
        steps.advance()
