"""Split a report that holds many drafts (a commission's report, chapter I) into
one :class:`~redraft.model.Draft` each.

A report prints its drafts one after another under section headings:

    A. Draft resolutions to be recommended ... for adoption by the General Assembly
    1. The Commission ... recommends ... the following draft resolutions ...:
    Draft resolution I
    <title>
    The General Assembly,
    ...

Each draft runs from its heading line ("Draft resolution I", "Resolution 20/1",
"Decision 20/1") to the next heading or section heading; its text is read by
:func:`~redraft.readers.text.read_text`. The organ of adoption comes from the
section ("for adoption by the General Assembly"), else from the draft's formula.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError
from ..model import Draft, cited_markers, ref_marker
from .text import read_text
from .text_passes import DRAFT_HEADING as _DRAFT_HEADING
from .text_passes import normalise

_SECTION = re.compile(r"^([A-H])\.\s+(\S.*)$")
_ADOPTION = re.compile(r"for adoption by the (.+?)$")

#: Short names of organs, for file names that tell the series apart.
ORGAN_SLUGS = {
    "General Assembly": "ga",
    "Economic and Social Council": "ecosoc",
    "Security Council": "sc",
    "Human Rights Council": "hrc",
    "Commission on Crime Prevention and Criminal Justice": "ccpcj",
    "Commission on Narcotic Drugs": "cnd",
}
_STOPWORDS = frozenset("a an and at by for from in its of on the to with".split())
MAX_TITLE_WORDS = 4
MAX_TITLE_CHARS = 40


@dataclass(frozen=True)
class SplitDraft:
    """One draft found in a report, with the file name ``redraft split`` gives it."""

    name: str
    draft: Draft
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Span:
    section: str  # "A"
    organ: str  # organ of adoption named by the section, or ""
    lines: tuple[str, ...]


def split_report(text: str) -> list[SplitDraft]:
    """Every draft in ``text``, in order. A text without draft headings gives []."""
    found = []
    taken: set[str] = set()
    for span in _relocate_footnotes(_spans(normalise(text).split("\n"))):
        draft, warnings = read_text("\n".join(span.lines))
        meta = draft.meta
        organ = span.organ or meta.organ
        extra = tuple(sorted({**dict(meta.extra), "section": span.section}.items()))
        draft = replace(
            draft, meta=replace(meta, organ=organ, extra=extra if span.section else meta.extra)
        )
        name = _unique(draft_slug(draft), taken)
        found.append(SplitDraft(name=name, draft=draft, warnings=tuple(warnings)))
    return found


def _spans(lines: list[str]) -> list[_Span]:
    spans: list[_Span] = []
    section, organ = "", ""
    current: list[str] | None = None
    for line in lines:
        bare = line.strip()
        section_match = _SECTION.match(bare)
        if _DRAFT_HEADING.match(bare) or section_match:
            if current is not None:
                spans.append(_Span(section, organ, tuple(current)))
                current = None
        if section_match:
            section = section_match.group(1)
            adoption = _ADOPTION.search(section_match.group(2))
            organ = adoption.group(1).strip().rstrip(".") if adoption else ""
        elif _DRAFT_HEADING.match(bare):
            current = [bare]
        elif current is not None:
            current.append(line)
    if current is not None:
        spans.append(_Span(section, organ, tuple(current)))
    return spans


_FOOTNOTE_LINE = re.compile(r"^\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s")


def _relocate_footnotes(spans: list[_Span]) -> list[_Span]:
    """A footnote printed at the foot of a page may fall after the next draft's
    heading: give it back to the draft that cites it."""
    cited = [
        set(cited_markers("\n".join(x for x in s.lines if not _FOOTNOTE_LINE.match(x))))
        for s in spans
    ]
    moved: list[list[str]] = [[] for _ in spans]
    kept: list[list[str]] = []
    for index, span in enumerate(spans):
        kept.append([])
        for line in span.lines:
            match = _FOOTNOTE_LINE.match(line)
            marker = ref_marker(match.group(1)) if match else ""
            owner = _citing_span(cited, index, marker) if marker else index
            (kept[-1] if owner == index else moved[owner]).append(line)
    return [
        replace(span, lines=tuple(kept[i] + [""] + moved[i]))
        if moved[i]
        else replace(span, lines=tuple(kept[i]))
        for i, span in enumerate(spans)
    ]


def _citing_span(cited: list[set[str]], index: int, marker: str) -> int:
    if marker in cited[index]:
        return index
    for other in (index - 1, index + 1):
        if 0 <= other < len(cited) and marker in cited[other]:
            return other
    return index


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def draft_slug(draft: Draft) -> str:
    """ "ga-draft-resolution-ii-technical-assistance-implementing":
    the organ, the heading, and the first words of the title that carry meaning."""
    organ = (
        ORGAN_SLUGS.get(draft.meta.organ)
        or "".join(w[0] for w in draft.meta.organ.split() if w[:1].isupper()).lower()
    )
    words = [w for w in slugify(draft.title).split("-") if w and w not in _STOPWORDS]
    title = "-".join(words[:MAX_TITLE_WORDS])
    if len(title) > MAX_TITLE_CHARS:
        title = title[:MAX_TITLE_CHARS].rsplit("-", 1)[0]
    parts = [organ, slugify(draft.heading), title]
    return "-".join(p for p in parts if p) or "draft"


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate)
    return candidate


# -- files ----------------------------------------------------------------------


def split_file(path: str | Path) -> tuple[list[SplitDraft], list[str]]:
    """The drafts in the report at ``path`` and the warnings met while decoding it.
    An unreadable file, or one with no draft in it, is an InputError."""
    from . import decode, read_file_bytes

    path = Path(path)
    data = read_file_bytes(path, what="report")
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    text, warnings = decode(data, str(path))
    found = split_report(text)
    if not found:
        raise InputError(
            f"{path}: no drafts found (no heading such as 'Draft resolution I', "
            "'Resolution 20/1' or 'Decision 20/1' on a line of its own)"
        )
    return found, warnings
