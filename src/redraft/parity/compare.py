"""Compare language versions of one draft with the reference version: the findings.

For each language: paragraphs and footnotes are aligned with the reference's
(:mod:`redraft.parity.align`), then every correspondence is checked:

- a reference paragraph with no counterpart is *missing*, one of the language's with
  none in the reference *extra*; two run together are *merged*, one cut in two *split*;
- a footnote with no counterpart, or attached to a paragraph that does not
  correspond to the reference's, is a *footnote* finding;
- figures that differ are a *figure* finding (:mod:`redraft.parity.figure_diff`);
- a paragraph far longer or shorter than the language pair's usual ratio is a
  *length* finding;
- a language expected and not given is a *language* finding.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from ..errors import InputError
from ..model import Draft
from .align import Link, align_units
from .figure_diff import FigureDiff, compare_figures
from .figures import Figure
from .languages import LANGUAGE_NAMES, OFFICIAL_LANGUAGES, language_order
from .ratios import PairRatio, RatioTable, default_ratios
from .regroup import (
    LENGTH_Z,
    LETTERS_PER_FIGURE,
    absorbed_links,
    list_tail,
    moved_links,
    rotated_links,
)
from .result import Alignment, Finding, ParityResult
from .units import Unit, Units, draft_units, numbered_heading_pair

#: ... and the reference paragraph has at least this many letters (shorter ones
#: vary too much to say anything).
LENGTH_MIN = 60


def check_parity(
    drafts: Mapping[str, Draft],
    reference: str = "en",
    expected: Sequence[str] = OFFICIAL_LANGUAGES,
    sources: Mapping[str, str] | None = None,
    ratios: RatioTable | None = None,
    done: Callable[[str], None] | None = None,
) -> ParityResult:
    """Compare every language version in ``drafts`` (language code -> draft) with the
    ``reference`` one. ``expected`` languages that are not given are reported.
    ``done`` is called with each language once it is compared (a progress bar)."""
    if reference not in drafts:
        given = ", ".join(sorted(drafts, key=language_order)) or "none"
        raise InputError(f"no {reference} version to compare with (languages given: {given})")
    table = ratios or default_ratios()
    ref_units = draft_units(drafts[reference], reference)
    findings: list[Finding] = []
    alignment: dict[str, Alignment] = {}
    languages = tuple(sorted(drafts, key=language_order))
    for language in languages:
        if language == reference:
            continue
        units = draft_units(drafts[language], language)
        found, alignment[language] = compare_units(
            ref_units, units, table.pair(reference, language)
        )
        findings.extend(found)
        if done is not None:
            done(language)
    for language in expected:
        if language not in drafts:
            name = LANGUAGE_NAMES.get(language, language)
            findings.append(Finding(language, "", "language", f"no {name} version"))
    findings.sort(key=lambda f: (language_order(f.language), f.position))
    return ParityResult(
        reference=reference,
        languages=languages,
        findings=tuple(findings),
        sources=dict(sources or {}),
        alignment=alignment,
        expected=tuple(expected),
    )


def compare_units(ref: Units, other: Units, ratio: PairRatio) -> tuple[list[Finding], Alignment]:
    """The findings of one language against the reference, and how it aligned."""
    ratio = document_ratio(ref, other, ratio)
    check = _Checker(ref, other, ratio)
    paragraph_links = align_units(ref.paragraphs, other.paragraphs, ratio)
    paragraph_links = moved_links(paragraph_links, ref, other, ratio)
    paragraph_links = rotated_links(paragraph_links, ref, other, ratio)
    paragraph_links = absorbed_links(paragraph_links, ref, other, ratio)
    footnote_links = align_units(ref.footnotes, other.footnotes, ratio)
    for link in paragraph_links:
        check.paragraph(link)
    check.footnotes(footnote_links, paragraph_links)
    matched = [link for link in paragraph_links if link.op == "match"]
    by_label = sum(
        1
        for link in matched
        if ref.paragraphs[link.ref[0]].label == other.paragraphs[link.other[0]].label
    )
    stats = Alignment(
        paragraphs=len(other.paragraphs),
        by_label=by_label,
        by_content=len(matched) - by_label,
        footnotes=len(other.footnotes),
    )
    return check.findings, stats


#: How far a document's own ratio may move from the learned one (log scale).
DOCUMENT_DRIFT = 0.25
#: Letters a reference must have before its own ratio is trusted.
DOCUMENT_MIN = 1000


def document_ratio(ref: Units, other: Units, learned: PairRatio) -> PairRatio:
    """The pair's ratio as this document has it: translators and texts differ (the
    French of a declaration in "Nous" runs 25% longer than usual), so the centre
    is taken from the whole document, within DOCUMENT_DRIFT of the learned one."""
    total_ref = sum(u.length for u in ref.paragraphs if not u.is_table)
    total_other = sum(u.length for u in other.paragraphs if not u.is_table)
    if total_ref < DOCUMENT_MIN or total_other == 0:
        return learned
    observed = math.log(total_other / total_ref)
    centre = max(
        learned.log_ratio - DOCUMENT_DRIFT, min(learned.log_ratio + DOCUMENT_DRIFT, observed)
    )
    return replace(learned, log_ratio=centre)


class _Checker:
    def __init__(self, ref: Units, other: Units, ratio: PairRatio) -> None:
        self.ref, self.other, self.ratio = ref, other, ratio
        self.language = other.language
        self.findings: list[Finding] = []
        # Findings sort by the reference unit: paragraph index * 1000 (+ footnote).
        self._last_ref = 0
        self._last_label = ""  # the last reference paragraph seen, to place extras

    # -- paragraphs ----------------------------------------------------------
    def paragraph(self, link: Link) -> None:
        refs = [self.ref.paragraphs[i] for i in link.ref]
        others = [self.other.paragraphs[j] for j in link.other]
        if refs:
            self._last_ref, self._last_label = refs[-1].index, refs[-1].label
        if link.op == "missing":
            self._add("missing", refs[0], None, f"no counterpart in {self.language}")
        elif link.op == "moved":
            self._moved(refs[0], others[0])
        elif link.op == "extra":
            where = f"after {self._last_label}" if self._last_label else "at the start"
            self._add(
                "extra",
                None,
                others[0],
                f"{self.language} {others[0].label or 'paragraph'} has no counterpart "
                f"in {self.ref.language} ({where})",
            )
        elif link.op == "merged" and (
            _descendants(refs) or numbered_heading_pair(refs) or list_tail(refs)
        ):
            pass  # sub-paragraphs printed in their parent's text, a heading's number on
            # the title's line: the same words, laid out otherwise
        elif link.op == "split" and numbered_heading_pair(others):
            pass
        elif link.op == "merged":
            self._add(
                "merged",
                refs[1],
                others[0],
                f"{_labels(refs)} run together in {self.language} ({others[0].label})",
                reference_text="\n".join(u.text for u in refs),
            )
        elif link.op == "split":
            self._add(
                "split",
                refs[0],
                others[0],
                f"{refs[0].label} is split in {self.language} ({_labels(others, ', ')})",
                text="\n".join(u.text for u in others),
            )
        else:
            self._length(refs[0], others[0])
        if refs and others:
            self._figures(refs, others)

    def _moved(self, ref: Unit, other: Unit) -> None:
        before = self.ref.paragraphs[ref.index - 1].label if ref.index else ""
        there = self.other.paragraphs[other.index - 1].label if other.index else ""
        where = f"after {there}" if there else "first"
        usual = f"after {before}" if before else "first"
        label = f" ({other.label})" if other.label and other.label != ref.label else ""
        self._add(
            "moved",
            ref,
            other,
            f"moved in {self.language}{label}: {where} there, {usual} in {self.ref.language}",
        )
        self._length(ref, other)

    def _length(self, ref: Unit, other: Unit) -> None:
        # Tables are figures, footnotes mostly references, and a list of resolutions
        # and dates ("37/4 of 22 October 1982, 38/4 of ...") is figures with a few
        # words between them whose length varies most: their length says little.
        if ref.is_table or ref.kind == "footnote" or ref.length < LENGTH_MIN:
            return
        if len(ref.figures) * LETTERS_PER_FIGURE > ref.length:
            return
        z = self.ratio.z_score(ref.length, other.length)
        if abs(z) < LENGTH_Z:
            return
        if abs(self.ratio.z_score(*acronyms_spelled_out(ref, other))) < LENGTH_Z:
            return  # an acronym on one side, its words on the other
        usual = self.ratio.ratio
        actual = other.length / ref.length
        side = "longer" if z > 0 else "shorter"
        self._add(
            "length",
            ref,
            other,
            f"{actual / usual:.1f} times the usual length ({self.language}/{self.ref.language} "
            f"{actual:.2f} where {usual:.2f} is usual): far {side} than {ref.label}",
            severity="warning",
        )

    def _figures(self, refs: Sequence[Unit], others: Sequence[Unit]) -> None:
        if len(refs) == len(others) == 1 and refs[0].values == others[0].values:
            return  # the same figures (the common case): nothing to compare
        diff = compare_figures(
            [f for u in refs for f in u.figures], [f for u in others for f in u.figures]
        )
        if not diff:
            return
        self._add(
            "figure",
            refs[-1] if len(refs) > 1 else refs[0],
            others[0],
            figure_detail(diff, self.ref.language, self.language),
            severity="error" if diff.substituted else "warning",
            figures={
                "reference": tuple(a.shown() for a, _ in diff.substituted)
                + tuple(f.shown() for f in diff.missing),
                "language": tuple(b.shown() for _, b in diff.substituted)
                + tuple(f.shown() for f in diff.added),
            },
            reference_text="\n".join(u.text for u in refs),
            text="\n".join(u.text for u in others),
            excerpts=(
                _excerpt(
                    "\n".join(u.text for u in refs),
                    [a for a, _ in diff.substituted] + list(diff.missing),
                ),
                _excerpt(
                    "\n".join(u.text for u in others),
                    [b for _, b in diff.substituted] + list(diff.added),
                ),
            ),
        )

    # -- footnotes -----------------------------------------------------------
    def footnotes(self, links: list[Link], paragraph_links: list[Link]) -> None:
        counterparts = _counterparts(paragraph_links)
        reordered = _reordered(links, self.ref.footnotes, self.other.footnotes)
        for link in links:
            refs = [self.ref.footnotes[i] for i in link.ref]
            others = [self.other.footnotes[j] for j in link.other]
            if link.op == "missing" and link.ref[0] in reordered:
                other = self.other.footnotes[reordered[link.ref[0]]]
                self._attachment(refs[0], other, counterparts)
                continue
            if link.op == "extra" and link.other[0] in reordered.values():
                continue
            if link.op == "missing":
                where = self.ref.paragraphs[refs[0].parent].label
                self._add(
                    "footnote", refs[0], None, f"missing in {self.language} (cited in {where})"
                )
                continue
            if link.op == "extra":
                where = self.other.paragraphs[others[0].parent].label
                self._add(
                    "footnote",
                    None,
                    others[0],
                    f"{self.language} {others[0].label} (cited in {where}) has no counterpart",
                )
                continue
            if link.op in ("merged", "split"):
                self._add(
                    "footnote",
                    refs[0],
                    others[0],
                    f"{' + '.join(u.label for u in refs)} in {self.ref.language} correspond to "
                    f"{' + '.join(u.label for u in others)} in {self.language}",
                )
            else:
                # Footnotes cited in another order ("resolutions 73/195 and 71/1" in
                # Chinese word order): the counterpart is the neighbour with its figures.
                other = self._same_figures_nearby(refs[0], others[0])
                self._attachment(refs[0], other, counterparts)
                self._length(refs[0], other)
                if other is not others[0]:
                    continue
            self._figures(refs, others)

    def _same_figures_nearby(self, ref: Unit, other: Unit) -> Unit:
        if ref.values == other.values or not ref.values:
            return other
        near = self.other.footnotes[max(0, other.index - 3) : other.index + 4]
        return next((u for u in near if u.values == ref.values), other)

    def _attachment(self, ref: Unit, other: Unit, counterparts: dict[int, set[int]]) -> None:
        if ref.parent < 0 or other.parent < 0:
            return
        if other.parent in counterparts.get(ref.parent, set()):
            return
        if not counterparts.get(ref.parent):
            return  # the paragraph itself is missing: already reported
        ref_where = self.ref.paragraphs[ref.parent].label
        other_where = self.other.paragraphs[other.parent].label
        self._add(
            "footnote",
            ref,
            other,
            f"attached to {other_where} in {self.language}, to {ref_where} in {self.ref.language}",
        )

    # -- findings ------------------------------------------------------------
    def _add(
        self,
        kind: str,
        ref: Unit | None,
        other: Unit | None,
        detail: str,
        *,
        severity: str = "error",
        reference_text: str | None = None,
        text: str | None = None,
        figures: Mapping[str, tuple[str, ...]] | None = None,
        excerpts: tuple[str, str] = ("", ""),
    ) -> None:
        if ref is not None:
            position = (ref.parent if ref.kind == "footnote" else ref.index) * 1000
            position += ref.index + 1 if ref.kind == "footnote" else 0
        else:
            position = self._last_ref * 1000 + 999
        self.findings.append(
            Finding(
                language=self.language,
                label=ref.label if ref is not None else (other.label if other else ""),
                kind=kind,
                detail=detail,
                reference_text=reference_text
                if reference_text is not None
                else (ref.text if ref else ""),
                text=text if text is not None else (other.text if other else ""),
                reference_label=ref.label if ref is not None else None,
                label_in_language=other.label if other is not None else None,
                severity=severity,
                figures=dict(figures or {}),
                reference_excerpt=excerpts[0],
                excerpt=excerpts[1],
                position=position,
            )
        )


#: Characters of context on each side of a figure in an excerpt.
EXCERPT_CONTEXT = 60


def _excerpt(text: str, figures: Sequence[Figure]) -> str:
    """The text around the first figure found in it, "…" where it is cut."""
    for figure in figures:
        at = text.find(figure.text) if figure.text else -1
        if at >= 0:
            start = max(0, at - EXCERPT_CONTEXT)
            end = min(len(text), at + len(figure.text) + EXCERPT_CONTEXT)
            return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return ""


#: An acronym: three capitals or more (Latin or Cyrillic), not a Roman numeral.
_ACRONYM = re.compile(r"(?<!\w)[A-ZА-ЯЁ]{3,}(?!\w)")
_ROMAN = re.compile(r"[IVXLCDM]+")
#: Letters an acronym stands for, on average per capital ("UNCTAD": 44 letters).
LETTERS_PER_INITIAL = 7


def acronyms_spelled_out(ref: Unit, other: Unit) -> tuple[int, int]:
    """The lengths of two corresponding units, each acronym that only one of them uses
    counted as the words it stands for: "CNUCED" in French for "United Nations
    Conference on Trade and Development" is no shorter paragraph."""

    def acronyms(text: str) -> set[str]:
        return {a for a in _ACRONYM.findall(text) if not _ROMAN.fullmatch(a)}

    ref_acronyms, other_acronyms = acronyms(ref.text), acronyms(other.text)
    extra_ref = sum(len(a) for a in ref_acronyms - other_acronyms)
    extra_other = sum(len(a) for a in other_acronyms - ref_acronyms)
    grow = LETTERS_PER_INITIAL - 1  # the acronym's own letters are counted already
    return ref.length + grow * extra_ref, other.length + grow * extra_other


def _descendants(units: Sequence[Unit]) -> bool:
    """Whether every unit after the first is a sub-paragraph of the first: a list that
    one language's XML runs into the paragraph opening it ("OP4 (a) ... (g)")."""
    first = units[0]
    return len(units) > 1 and all(
        u.depth > first.depth and u.index == first.index + k for k, u in enumerate(units[1:], 1)
    )


def _labels(units: Sequence[Unit], last: str = " and ") -> str:
    """ "PP5 and PP6"; "OP4, OP4(a) … OP4(g)" for long runs."""
    labels = [u.label or "(unlabelled)" for u in units]
    if len(labels) > 4:
        return f"{labels[0]}, {labels[1]} … {labels[-1]} ({len(labels)} units)"
    return ", ".join(labels[:-1]) + last + labels[-1] if len(labels) > 1 else labels[0]


#: How far apart two footnotes cited in another order may stand.
REORDER_WINDOW = 3


def _reordered(links: list[Link], ref: Sequence[Unit], other: Sequence[Unit]) -> dict[int, int]:
    """Footnotes left without counterpart on both sides that hold the same figures
    near each other: the same notes cited in another order (reference index -> other)."""
    missing = [link.ref[0] for link in links if link.op == "missing"]
    extra = [link.other[0] for link in links if link.op == "extra"]
    found: dict[int, int] = {}
    for i in missing:
        for j in extra:
            if j in found.values() or not ref[i].values or ref[i].values != other[j].values:
                continue
            if abs(i - j) <= REORDER_WINDOW:
                found[i] = j
                break
    return found


def _counterparts(links: list[Link]) -> dict[int, set[int]]:
    """Reference paragraph index -> the other version's paragraphs it corresponds to."""
    found: dict[int, set[int]] = {}
    for link in links:
        for i in link.ref:
            found.setdefault(i, set()).update(link.other)
    return found


def figure_detail(diff: FigureDiff, reference: str, language: str) -> str:
    """ "2025 where en has 2015; A/79/302 in en, not in es"."""
    parts = [f"{b.shown()} where {reference} has {a.shown()}" for a, b in diff.substituted]
    parts += [f"{f.shown()} in {reference}, not in {language}" for f in diff.missing]
    parts += [f"{f.shown()} in {language}, not in {reference}" for f in diff.added]
    counts = Counter(parts)  # "October in en, not in es" 19 times is said once
    return "; ".join(
        part if counts[part] == 1 else f"{part} ({counts[part]} times)" for part in counts
    )
