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

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import canonical
from ..diff.engine import diff_drafts
from ..jobs import NO_STEPS, Steps, parallel_iter
from ..model import Draft, Version
from ..overview import DraftOverview, LanguageOverview, draft_overview, status_line, version_name
from ..render.site import (
    BuiltPage,
    Site,
    index_row,
    latest_text,
    latest_word_file,
    page_html,
    page_name,
    redline_section,
    redline_word_file,
    write_pages,
)
from ..render.site_languages import languages_cell, languages_section
from ..words import count_words
from .cache import key
from .parity_store import language_overviews, with_languages
from .report_cache import ReportCache
from .sources import open_store, with_words

if TYPE_CHECKING:
    from ..store import Store

CHUNK = 16  # consecutive redlines per unit of parallel work


def overview(
    store: Path | None, warnings: list[str] | None = None, corpus: str | None = None
) -> list[DraftOverview]:
    """Every draft of the store with its history, redlines and status, by name. A stored
    text that cannot be read is left out, and named in ``warnings``. With ``corpus`` (a
    precedent index or a folder of adopted texts), each latest version traced against it."""
    opened = open_store(store)
    found = []
    for name in opened.names():
        # a version whose stored text cannot be read (a hostile push) is left out and
        # named in the warnings; the draft's other versions, and the other drafts, are shown
        versions = opened.versions(name)
        drafts = opened.readable_drafts(versions)
        history = with_words([(v, d) for v, d in zip(versions, drafts, strict=True) if d])
        if history:
            found.append(draft_overview(name, history))
    if warnings is not None:
        warnings.extend(opened.warnings)
    if corpus is not None and found:
        found = with_agreed_language(found, corpus, store)
    return with_languages(opened, found)  # languages and parity, in a store that has them


def with_agreed_language(
    found: Sequence[DraftOverview], corpus: str, store: Path | None
) -> list[DraftOverview]:
    """Each overview with its latest version traced against ``corpus`` (a draft is never
    its own precedent: sources with its symbol are left out)."""
    from ..precedent import trace
    from .precedent import open_corpus

    index = open_corpus(corpus, store)
    try:
        out = []
        for draft in found:
            version, latest = draft.history[-1]
            symbol = version.symbol or latest.meta.symbol
            source = f"{draft.name}@{version.number}"
            result = trace(latest, index, source=source, symbol=symbol, exclude_symbol=symbol)
            out.append(replace(draft, agreed=result))
        return out
    finally:
        index.close()


def build_report(
    out_dir: Path,
    store: Path | None,
    steps: Steps = NO_STEPS,
    warnings: list[str] | None = None,
) -> Site:
    """Write the report of the store in ``out_dir``: :func:`redraft.render.site.write_site`
    of :func:`overview`, computing only what the cache lacks, and writing only pages whose
    versions changed (or whose files in ``out_dir`` are not as the last report left them).
    As :func:`overview`, a stored text that cannot be read is left out and named in
    ``warnings``."""
    opened = open_store(store)
    names = opened.names()  # warns of files that are no draft (a hostile push)
    everything = opened.all_versions()
    cache = ReportCache(opened)
    written = cache.site(out_dir)
    # Every text is read once, by the work that needs it: the pages are planned as if
    # every stored text could be read, and planned again without those that cannot (a
    # hostile push, rare), whose work the cache then keeps.
    unreadable: dict[tuple[str, int], str] = {}
    while True:
        histories: dict[str, list[Version]] = {}
        for name in names:
            found = everything.get(name, [])
            readable = [v for v in found if (v.name, v.number) not in unreadable]
            if readable:
                histories[name] = readable
        languages = language_overviews(opened, histories)  # {} in a store with one language
        cache.used.clear()
        plans = [
            _Plan.of(name, found, cache, out_dir, written, languages.get(name))
            for name, found in histories.items()
        ]
        units = [unit for plan in plans if not plan.kept for unit in _units(plan, cache)]
        units += _counting_units(plans, units, cache)
        failed = _prepare(opened, units, cache, steps)
        if not failed:
            break
        unreadable.update(failed)
    if warnings is not None:
        warnings.extend(opened.warnings)
        order = {name: index for index, name in enumerate(names)}
        # as a draft's versions are listed: by draft, then by version
        warnings.extend(
            unreadable[k] for k in sorted(unreadable, key=lambda k: (order[k[0]], k[1]))
        )
    steps.start("Writing pages", len(plans))
    shown = bool(languages)  # a Languages column on the index
    site = write_pages(out_dir, _pages(plans, cache, steps, shown), languages=shown)
    cache.save_site(out_dir, _files_written(plans, out_dir))
    cache.save()
    return site


def _counting_units(plans: list[_Plan], units: list[_Unit], cache: ReportCache) -> list[_Unit]:
    """Units that only count the words of the versions no other unit reads and the cache
    does not know (a page needs every version's words)."""
    read = {(unit.name, v.number) for unit in units for v in unit.versions}
    out = []
    for plan in plans:
        new = [
            v
            for v in plan.versions
            if v.blob not in cache.words and (plan.name, v.number) not in read
        ]
        size = CHUNK * 4
        out += [_Unit(plan.name, tuple(new[i : i + size])) for i in range(0, len(new), size)]
    return out


def _prepare(
    opened: Store, units: list[_Unit], cache: ReportCache, steps: Steps
) -> dict[tuple[str, int], str]:
    """Compute ``units`` into the cache; the versions whose text cannot be read, with the
    warning that names each (as ``overview`` words it)."""
    if not units:
        return {}
    needed = sorted({v.blob for unit in units for v in unit.versions})
    texts = dict(zip(needed, opened.blobs(needed), strict=True))
    ready = [replace(unit, texts=tuple(texts[v.blob] for v in unit.versions)) for unit in units]
    del texts
    failed: dict[tuple[str, int], str] = {}
    for done in parallel_iter(_work, ready, steps, "Preparing pages"):
        _keep(done, cache)
        failed.update(done.errors)
    return failed


@dataclass(frozen=True)
class _Plan:
    """One draft of this run: its versions, the keys of what its page is made of, and
    whether the page and its Word files in the output folder are already these."""

    name: str
    versions: tuple[Version, ...]
    page: str  # key of the page: every version shown
    text: str  # key of the latest text's HTML
    sections: tuple[str, ...]  # key of each redline's HTML
    words: tuple[str, ...]  # key of each Word file: the latest, then each redline
    kept: bool  # the folder holds this page and these Word files as last written
    languages_html: str = ""  # its languages and their parity (a store with language versions)
    languages_cell: str | None = None  # its cell of the index's Languages column

    @classmethod
    def of(
        cls,
        name: str,
        found: list[Version],
        cache: ReportCache,
        out_dir: Path,
        written: dict[str, list[Any]],
        languages: LanguageOverview | None = None,
    ) -> _Plan:
        shown = [(v.number, v.symbol, v.by, v.date, v.message, v.blob) for v in found]
        pairs = list(zip(found, found[1:], strict=False))
        languages_html = languages_section(name, found, languages) if languages else ""
        plan = cls(
            name=name,
            versions=tuple(found),
            page=key("page", name, shown, languages_html),
            text=key("text", found[-1].blob),
            sections=tuple(_section_key(name, a, b) for a, b in pairs),
            words=(_latest_word_key(found[-1]), *(_redline_word_key(a, b) for a, b in pairs)),
            kept=False,
            languages_html=languages_html,
            languages_cell=languages_cell(languages) if languages else None,
        )
        cache.used.update((*(v.blob for v in found), plan.text, *plan.sections, *plan.words))
        figures = all(v.blob in cache.words for v in found) and found[-1].blob in cache.meta
        on_disk = dict(zip(plan.files(), (plan.page, *plan.words), strict=True))
        kept = figures and all(_as_written(out_dir, f, k, written) for f, k in on_disk.items())
        return replace(plan, kept=kept)

    def files(self) -> list[str]:
        """The page and its Word files, relative to the output folder."""
        found = [f"drafts/{page_name(self.name)}.html", f"drafts/{latest_word_file(self.name)}"]
        found += [f"drafts/{redline_word_file(self.name, v)}" for v in self.versions[1:]]
        return found


def _as_written(out_dir: Path, file: str, key_: str, written: dict[str, list[Any]]) -> bool:
    """Whether ``file`` is what the last report wrote for ``key_`` (size and time alike)."""
    entry = written.get(file)
    if entry is None or entry[0] != key_:
        return False
    try:
        found = (out_dir / file).stat()
    except OSError:
        return False
    return [found.st_size, found.st_mtime_ns] == entry[1:]


def _files_written(plans: list[_Plan], out_dir: Path) -> dict[str, list[Any]]:
    files: dict[str, list[Any]] = {}
    for plan in plans:
        for file, key_ in zip(plan.files(), (plan.page, *plan.words), strict=True):
            try:
                found = (out_dir / file).stat()
            except OSError:
                continue
            files[file] = [key_, found.st_size, found.st_mtime_ns]
    return files


def _keep(done: _Done, cache: ReportCache) -> None:
    """What a unit of work made, into the cache."""
    cache.put_figures(done.words, done.meta)
    for html_key, html in done.html.items():
        cache.put_html(html_key, html)
    for word_key, data in done.word_files.items():
        cache.put_word(word_key, data)


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
    meta: dict[str, list[str]]  # latest text's blob -> [status line, symbol]
    html: dict[str, str]  # key -> the HTML of a latest text or of a redline
    word_files: dict[str, bytes]
    errors: dict[tuple[str, int], str]  # (name, number) -> why its text cannot be read


def _units(plan: _Plan, cache: ReportCache) -> Iterator[_Unit]:
    """What the cache lacks for a page to be written, as units of work."""
    versions = list(plan.versions)
    last, latest_word = versions[-1], plan.words[0]
    figures = last.blob in cache.meta and last.blob in cache.words
    if not (figures and cache.has_html(plan.text) and cache.has_word(latest_word)):
        missing_word = frozenset() if cache.has_word(latest_word) else frozenset({latest_word})
        yield _Unit(plan.name, (last,), latest=True, word_keys=missing_word)
    missing = [
        index
        for index, (section, word) in enumerate(zip(plan.sections, plan.words[1:], strict=True))
        if not (cache.has_html(section) and cache.has_word(word))
    ]
    runs = _runs(missing)
    for run in runs:
        lo, hi = run[0], run[-1] + 1
        keys = {plan.words[1 + i] for i in run}
        yield _Unit(
            plan.name,
            tuple(versions[lo : hi + 1]),
            pairs=tuple(i - lo for i in run),
            word_keys=frozenset(k for k in keys if not cache.has_word(k)),
        )


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
    from ..errors import StoreError
    from ..render.docx_draft import render_draft_docx
    from ..render.docx_track import render_diff_docx

    reader = canonical.HistoryParser().parse_text  # consecutive versions share paragraphs
    words: dict[str, int] = {}
    errors: dict[tuple[str, int], str] = {}
    drafts = []
    for text, version in zip(unit.texts, unit.versions, strict=True):
        try:
            drafts.append(_parse(text, version, reader))
        except StoreError as error:
            errors[(version.name, version.number)] = f"{error}; left out"
            continue
        words[version.blob] = count_words(drafts[-1])
    if errors:  # the pages are planned again without these versions
        return _Done(words, {}, {}, {}, errors)
    versions = [replace(v, words=words[v.blob]) for v in unit.versions]
    meta: dict[str, list[str]] = {}
    html: dict[str, str] = {}
    word_files: dict[str, bytes] = {}
    if unit.latest:
        draft, version = drafts[-1], versions[-1]
        meta[version.blob] = [status_line(draft), draft.meta.symbol]
        html[key("text", version.blob)] = latest_text(draft)
        if _latest_word_key(version) in unit.word_keys:
            word_files[_latest_word_key(version)] = render_draft_docx(draft)
    for k in unit.pairs:
        before, after = versions[k], versions[k + 1]
        result = diff_drafts(
            drafts[k],
            drafts[k + 1],
            old_source=version_name(before),
            new_source=version_name(after),
        )
        html[_section_key(unit.name, before, after)] = redline_section(unit.name, after, result)
        word_key = _redline_word_key(before, after)
        if word_key in unit.word_keys:
            word_files[word_key] = render_diff_docx(
                result, author_old=before.by, author_new=after.by, date=after.date
            )
    return _Done(words, meta, html, word_files, {})


def _parse(text: bytes, version: Version, reader: Callable[[str], Draft]) -> Draft:
    from ..errors import InputError, StoreError

    try:
        return reader(text.decode("utf-8"))
    except (UnicodeDecodeError, InputError) as error:
        where = f"{version.name}@{version.number}"
        raise StoreError(f"{where}: stored text is not canonical text ({error})") from None


# -- pages -------------------------------------------------------------------------------


def _pages(
    plans: list[_Plan], cache: ReportCache, steps: Steps, languages: bool = False
) -> Iterator[BuiltPage]:
    for plan in plans:
        found = plan.versions
        versions = [replace(v, words=cache.words[v.blob]) for v in found]
        status, symbol = cache.meta[found[-1].blob]
        cell = plan.languages_cell
        if cell is None and languages:
            cell = ""  # a draft without language versions, in a store that has some
        row = index_row(plan.name, versions[-1], len(versions), symbol, status, None, cell)
        if plan.kept:  # the folder holds this page as it would be written
            yield BuiltPage(plan.name, "", {}, row, len(versions), kept=True)
            steps.advance()
            continue
        sections = [_needed(cache.html(k), k, cache) for k in plan.sections]
        text_html = _needed(cache.html(plan.text), plan.text, cache)
        files = {}
        for file, word_key in zip(plan.files()[1:], plan.words, strict=True):
            files[file.removeprefix("drafts/")] = _needed(cache.word(word_key), word_key, cache)
        html = page_html(plan.name, versions, sections, text_html, plan.languages_html)
        yield BuiltPage(plan.name, html, files, row, len(versions))
        steps.advance()


def _needed(found: Any, key_: str, cache: ReportCache) -> Any:
    """A cache entry checked a moment ago: gone now means another process removed it."""
    if found is None:
        from ..errors import StoreError

        raise StoreError(f"{cache.store.root}: the report cache changed while writing; run again")
    return found
