"""Length statistics of drafts: how long, how many paragraphs, how it grew.

The word count rule (docs/stats.md) follows Microsoft Word, the tool secretariats
use to enforce word limits:

* a word is a whitespace-separated token holding at least one letter or digit
  ("--" and "-" are not words, "2011" and "E/CN.15/2011/L.3" are one word each);
* each Chinese or Japanese character (CJK ideographs, kana) is one word; a run of
  other letters or digits next to them is one word more ("第79/1号" is 3 words);
* Arabic, Russian and the other languages written with spaces count tokens;
* printed paragraph numbers ("5.", "(a)") and footnote reference markers ("¹⁶")
  are not words; footnotes are counted apart (``footnote_words``), not in ``words``.

Every function here is pure: drafts in, frozen results out. One result type,
:class:`DraftStats`, feeds the table, JSON and CSV renderers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, NotFoundError
from .model import FOOTNOTE_REF, SUPERSCRIPT_DIGITS, Draft, Kind, Paragraph

if TYPE_CHECKING:
    from .hints import Hint

#: Words per printed UN page, for the page estimate (GA resolution 52/214 counts
#: pages; a page of a UN document holds about 530 words).
WORDS_PER_PAGE = 530

#: Characters that each count as one word: CJK ideographs (with extensions and
#: compatibility forms), hiragana, katakana (with phonetic extensions and
#: half-width forms).
CJK_CHAR = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0002fa1f]"
)
#: A token with no letter or digit ("--", "–", "…"): not a word.
_NOT_A_WORD = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")
#: Cheaper than FOOTNOTE_REF.sub on the many paragraphs that cite no footnote.
_MAY_HOLD_REF = re.compile("[" + SUPERSCRIPT_DIGITS + "]|\\[\\^")


def strip_refs(text: str) -> str:
    """``text`` without footnote references (a fast path for the many paragraphs with none)."""
    if _MAY_HOLD_REF.search(text):
        return FOOTNOTE_REF.sub("", text)
    return text


@functools.lru_cache(maxsize=65536)
def count_text_words(text: str) -> int:
    """Words in ``text`` by the rule above (footnote references are not words).

    Cached: ``check`` and ``stats`` count the same paragraphs several times (the
    draft, each paragraph, each paragraph with its sub-paragraphs)."""
    text = strip_refs(text)
    cjk = 0
    if CJK_CHAR.search(text):
        # Each CJK character is a word; what is left between them is counted
        # like any spaced text, so "第79/1号" gives 第, 号 and "79/1".
        text, cjk = CJK_CHAR.subn(" ", text)
    # Every token, less those with no letter or digit (two passes in C, not a loop).
    return cjk + len(text.split()) - len(_NOT_A_WORD.findall(text))


@functools.lru_cache(maxsize=65536)
def count_characters(text: str) -> tuple[int, int]:
    """(characters with spaces, characters without spaces) of ``text``, footnote
    references removed. Line breaks inside a table count as spaces."""
    text = strip_refs(text)
    return len(text), len("".join(text.split()))  # split() drops every kind of space, in C


def paragraph_words(paragraph: Paragraph, deep: bool = True) -> int:
    """Words of one block; with ``deep``, its sub-paragraphs too (footnotes never)."""
    blocks = paragraph.walk() if deep else (paragraph,)
    return sum(count_text_words(block.text) for block in blocks)


def count_words(draft: Draft) -> int:
    """Words of a draft: every block's text, footnotes excluded."""
    return sum(count_text_words(block.text) for block in draft.walk())


@dataclass(frozen=True)
class ParagraphStats:
    """One row of the per-paragraph table (a block's own text, children apart)."""

    label: str
    kind: str
    words: int
    characters: int
    footnote_words: int
    total_words: int  # with its sub-paragraphs: the printed paragraph as a reader sees it


@dataclass(frozen=True)
class DraftStats:
    """Everything ``redraft stats`` says about one draft."""

    name: str
    words: int
    characters: int
    characters_no_spaces: int
    preambular: int
    operative: int
    subparagraphs: int
    footnotes: int
    footnote_words: int
    words_per_page: int
    longest: tuple[tuple[str, int], ...]  # (label, words with sub-paragraphs), longest first
    paragraphs: tuple[ParagraphStats, ...]
    symbol: str = ""
    language: str = ""

    @property
    def pages(self) -> float:
        return round(self.words / self.words_per_page, 1) if self.words_per_page else 0.0

    def to_json(self, paragraphs: bool = False) -> dict[str, Any]:
        """The ``redraft.stats/1`` entry of this draft (docs/json.md)."""
        out: dict[str, Any] = {
            "name": self.name,
            "words": self.words,
            "characters": self.characters,
            "characters_no_spaces": self.characters_no_spaces,
            "preambular": self.preambular,
            "operative": self.operative,
            "subparagraphs": self.subparagraphs,
            "footnotes": self.footnotes,
            "footnote_words": self.footnote_words,
            "pages": self.pages,
            "symbol": self.symbol,
            "language": self.language,
            "longest": [{"label": label, "words": words} for label, words in self.longest],
        }
        if paragraphs:
            out["paragraphs"] = [
                {
                    "label": p.label,
                    "kind": p.kind,
                    "words": p.words,
                    "characters": p.characters,
                    "footnote_words": p.footnote_words,
                    "total_words": p.total_words,
                }
                for p in self.paragraphs
            ]
        return out


def _paragraph_rows(draft: Draft) -> list[ParagraphStats]:
    rows = []
    for block in draft.walk():
        rows.append(
            ParagraphStats(
                label=block.label,
                kind=block.kind.value,
                words=count_text_words(block.text),
                characters=count_characters(block.text)[0],
                footnote_words=sum(count_text_words(fn.text) for fn in block.footnotes),
                total_words=paragraph_words(block),
            )
        )
    return rows


#: Kinds whose length a delegation negotiates (headings and titles are not "paragraphs").
_BODY_KINDS = frozenset({Kind.PREAMBULAR, Kind.OPERATIVE, Kind.TEXT, Kind.TABLE})


def draft_stats(
    draft: Draft, name: str = "", words_per_page: int = WORDS_PER_PAGE, longest: int = 3
) -> DraftStats:
    """The statistics of one draft."""
    rows = _paragraph_rows(draft)
    characters = no_spaces = 0
    for block in draft.walk():
        with_spaces, without = count_characters(block.text)
        characters += with_spaces
        no_spaces += without
    top = [(b.label, paragraph_words(b)) for b in draft.blocks if b.kind in _BODY_KINDS]
    top.sort(key=lambda item: -item[1])  # stable: ties keep reading order
    footnotes = draft.footnotes()
    return DraftStats(
        name=name,
        words=sum(row.words for row in rows),
        characters=characters,
        characters_no_spaces=no_spaces,
        preambular=len(draft.preambular()),
        operative=len(draft.operative()),
        subparagraphs=sum(1 for b in draft.blocks for sub in b.walk() if sub is not b),
        footnotes=len(footnotes),
        footnote_words=sum(count_text_words(fn.text) for fn in footnotes),
        words_per_page=words_per_page,
        longest=tuple(top[:longest]),
        paragraphs=tuple(rows),
        symbol=draft.meta.symbol,
        language=draft.meta.language,
    )


# -- growth over the versions of one draft -----------------------------------


@dataclass(frozen=True)
class VersionStats:
    """Words of one saved version and its growth since the first."""

    number: int
    date: str
    by: str
    words: int
    preambular: int
    operative: int
    growth: float | None  # percent against the first version; None when that had no words

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.number,
            "date": self.date,
            "by": self.by,
            "words": self.words,
            "preambular": self.preambular,
            "operative": self.operative,
            "growth": self.growth,
        }


def growth_percent(base_words: int, words: int) -> float | None:
    """Growth of ``words`` over ``base_words`` in percent, one decimal."""
    if base_words <= 0:
        return None
    return round((words - base_words) * 100.0 / base_words, 1)


def version_stats(history: Iterable[tuple[Any, Draft]]) -> list[VersionStats]:
    """Per-version words from ``Store.history(name)`` (oldest first).

    ``Version`` objects are read by attribute (``number``, ``date``, ``by``) so that
    this module does not import the store."""
    out: list[VersionStats] = []
    first: int | None = None
    for position, (version, draft) in enumerate(history, start=1):
        words = count_words(draft)
        first = words if first is None else first
        out.append(
            VersionStats(
                number=int(getattr(version, "number", position) or position),
                date=str(getattr(version, "date", "") or "")[:19],
                by=str(getattr(version, "by", "") or ""),
                words=words,
                preambular=len(draft.preambular()),
                operative=len(draft.operative()),
                growth=growth_percent(first, words),
            )
        )
    return out


def bar_chart(values: Sequence[tuple[str, int]], width: int = 40) -> list[str]:
    """A small horizontal bar chart in plain characters: ``v3  ████████▌ 1,234``."""
    if not values:
        return []
    top = max(value for _, value in values) or 1
    pad = max(len(label) for label, _ in values)
    eighths = " ▏▎▍▌▋▊▉"
    lines = []
    for label, value in values:
        cells = value * width / top
        full, part = int(cells), int((cells - int(cells)) * 8)
        bar = "█" * full + (eighths[part] if part else "")
        lines.append(f"{label.ljust(pad)}  {bar.ljust(width + 1)} {value:,}")
    return lines


# -- the report behind ``redraft stats`` --------------------------------------


@dataclass(frozen=True)
class StatsReport:
    """What ``redraft stats`` prints, whatever the format."""

    drafts: tuple[DraftStats, ...]
    hints: tuple[Hint, ...] = ()
    versions: tuple[VersionStats, ...] = ()
    versions_of: str = ""  # the draft of ``--by-version``
    warnings: tuple[str, ...] = ()

    def to_json(self, paragraphs: bool = False) -> dict[str, Any]:
        """Schema ``redraft.stats/1`` (docs/json.md)."""
        out: dict[str, Any] = {
            "schema": "redraft.stats/1",
            "drafts": [d.to_json(paragraphs) for d in self.drafts],
        }
        if self.hints:
            out["hints"] = [h.to_json() for h in self.hints]
        if self.versions_of:
            out["versions_of"] = self.versions_of
            out["versions"] = [v.to_json() for v in self.versions]
        return out


def spec_name(spec: str) -> str:
    """The name a draft is shown under: the store name with its revision, or the file name."""
    if spec == "-":
        return "<stdin>"
    return Path(spec).stem if Path(spec).exists() else spec


def stats_report(
    specs: Sequence[str],
    store: Path | None = None,
    words_per_page: int = WORDS_PER_PAGE,
    with_hints: bool = False,
    by_version: str | None = None,
) -> StatsReport:
    """Load ``specs`` (files or ``NAME[@REV]``; every draft in the store when empty and
    no ``by_version``) and measure them."""
    from .hints import hints as find_hints
    from .sources import load

    opened = None
    warnings: list[str] = []
    if not specs and not by_version:
        opened = open_store(store)
        named = [(d.name, d.draft) for d in load_store_drafts(opened, opened.names())]
    else:
        named = []
        for spec in specs:
            item = load(spec, store)
            named.append((spec_name(spec), item.draft))
            warnings.extend(item.warnings)
    versions: list[VersionStats] = []
    if by_version:
        if "@" in by_version or Path(by_version).exists():  # as blame and history say it
            raise InputError(
                f"--by-version follows a draft through the store: give its NAME, not '{by_version}'"
            )
        opened = opened or open_store(store)
        history = opened.history(by_version)
        if not history:
            raise NotFoundError(f"{by_version}: no such draft in the store")
        versions = version_stats(history)
    return StatsReport(
        drafts=tuple(draft_stats(d, name, words_per_page) for name, d in named),
        hints=tuple(find_hints(named)) if with_hints else (),
        versions=tuple(versions),
        versions_of=by_version or "",
        warnings=tuple(warnings),
    )


def open_store(store: Path | None) -> Any:
    """The store (imported lazily: GitPython is slow to import)."""
    try:
        from .store import Store
    except ImportError:  # the store is not part of this build
        raise InputError("no drafts given and no store to take them from") from None
    return Store.open(store)


@dataclass(frozen=True)
class StoredDraft:
    """The latest version of a store draft, its versions, and its first version's text."""

    name: str
    draft: Draft
    versions: tuple[Any, ...]  # store.Version, oldest first
    first: Draft | None = None


def load_store_drafts(opened: Any, names: Sequence[str], first: bool = False) -> list[StoredDraft]:
    """Many store drafts at once: one ``git log`` and one ``cat-file --batch`` (two with
    ``first``), instead of a log and a read per draft (a 336-draft store: 1 s, not 90 s).
    Names the store lacks raise :class:`NotFoundError`."""
    from .canonical import parse

    everything = opened.all_versions()
    for name in names:
        if not everything.get(name):
            raise NotFoundError(f"{name}: no such draft in the store")
    histories = [everything[name] for name in names]
    latest = opened.texts([versions[-1] for versions in histories])
    firsts = opened.texts([versions[0] for versions in histories]) if first else []
    out = []
    for index, (name, versions) in enumerate(zip(names, histories, strict=True)):
        out.append(
            StoredDraft(
                name=name,
                draft=parse(latest[index].decode("utf-8")),
                versions=tuple(versions),
                first=parse(firsts[index].decode("utf-8")) if first else None,
            )
        )
    return out
