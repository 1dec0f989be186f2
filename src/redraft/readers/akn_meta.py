"""Akoma Ntoso metadata for the AKN4UN reader (FRBR, workflow, cover page), and the
small XML helpers the reader and this module share. Mapping: docs/akn.md."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..formats import REDRAFT_NS
from ..model import Meta
from ..typography import strip_invisible

if TYPE_CHECKING:
    from lxml.etree import _Element


#: FRBR languages (ISO 639-2) to the model's ISO 639-1 codes.
LANGUAGES = {
    "eng": "en",
    "fra": "fr",
    "spa": "es",
    "rus": "ru",
    "zho": "zh",
    "chi": "zh",
    "ara": "ar",
}

#: Member States whose names hold " and " (a sponsor list splits on commas and a last "and").
_AND_NAMES = (
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
    "Heard Island and McDonald Islands",
)


def local(element: _Element) -> str:
    """The element's name without namespace ("" for comments and entities)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def children(element: _Element, *names: str) -> list[_Element]:
    return [c for c in element if local(c) and (not names or local(c) in names)]


def first(element: _Element, name: str) -> _Element | None:
    return next(element.iter("{*}" + name), None)


def all_text(element: _Element) -> str:
    return "".join(str(t) for t in element.itertext())


def normalize(text: str) -> str:
    """ASCII whitespace runs to one space (a plain split would eat no-break spaces), ends
    trimmed of whitespace of any kind; invisible characters dropped, as every reader does
    (:mod:`redraft.typography`). A no-break space at an end is the UN's separator after a
    number (French "a)\u00a0Redoubler", 854 paragraphs of the 79th session's French XML),
    not text: Word and PDF readings never have it. str.replace and split(" ") are C loops:
    much faster than a regex or translate here."""
    text = strip_invisible(text)
    for char in "\t\n\r\f\v":
        if char in text:
            text = text.replace(char, " ")
    if "  " in text:
        text = " ".join(word for word in text.split(" ") if word)
    return text.strip()


def meta_children(document: _Element) -> list[_Element]:
    meta = next(document.iter("{*}meta"), None)
    return children(meta) if meta is not None else []


# -- metadata -----------------------------------------------------------------------


def read_meta(document: _Element) -> Meta:
    """Metadata from FRBR, the workflow steps and the cover page (table in docs/akn.md)."""
    meta = next(document.iter("{*}meta"), None)
    doc_type = {"draftResolution": "draft resolution", "draftDecision": "draft decision"}.get(
        document.get("name", ""), document.get("name", "")
    )
    if local(document) == "documentCollection":
        doc_type = "resolution"
    if meta is None:
        return Meta(doc_type=doc_type)
    extra: dict[str, str] = {}
    sponsors: list[str] = []
    for step in meta.iter("{*}step"):
        outcome, by, symbol = step.get("outcome", ""), step.get("by", ""), step.get("as", "")
        if outcome in ("draftResolution", "draftDecision"):
            sponsors.extend(split_sponsors(by))
            if symbol:
                extra["draft_symbol"] = symbol
            if not step.get("date", "0001").startswith("0001"):
                extra["draft_date"] = step.get("date", "")
        elif outcome.endswith("AdditionalSponsors"):
            sponsors.extend(s for s in split_sponsors(by) if s not in sponsors)
        elif outcome.lower() in ("adopted", "notadopted", "veto"):
            extra["outcome"] = outcome[0].lower() + outcome[1:]
            if symbol:
                extra["meeting"] = symbol
            if by:
                extra["outcome_note"] = normalize(by)
    extra.update(_cover_facts(document))
    voting = next(meta.iter("{*}voting"), None)
    if voting is not None and voting.get("outcome"):
        extra["vote"] = voting.get("outcome", "")
    if voting is not None:
        counts = [
            f"{c.get('refersTo', '').lstrip('#')} {int(c.get('value') or 0)}"
            for c in voting.iter("{*}count")
            if (c.get("value") or "").isdigit()
        ]
        if counts:
            extra["votes"] = ", ".join(counts)  # "inFavour 187, against 2, abstaining 1"
    exact = [(p.get("key", ""), p.get("value", "")) for p in meta.iter(f"{{{REDRAFT_NS}}}meta")]
    if exact:  # written by redraft: every field as it was
        return _exact_meta(exact)
    symbol = _symbol(document)
    if doc_type.startswith("draft") and "draft_symbol" in extra and not _cover_symbol(document):
        symbol = extra["draft_symbol"]
    return Meta(
        symbol=symbol,
        organ=_organ(meta),
        language=_language(meta),
        doc_type=doc_type,
        date=_work_date(meta),
        sponsors=tuple(sponsors),
        extra=tuple(sorted(extra.items())),
    )


def _cover_facts(document: _Element) -> dict[str, str]:
    """Session and agenda item as the cover page prints them."""
    cover = next((c for c in document if local(c) == "coverPage"), None)
    facts: dict[str, str] = {}
    if cover is None:
        return facts
    for element in cover.iter("{*}session", "{*}inline"):
        if local(element) == "session" and element.get("value"):
            facts["session"] = element.get("value", "")
        elif element.get("name") == "agenda item":
            facts["agenda_item"] = normalize(element.get("title") or all_text(element))
    return facts


def _exact_meta(fields: list[tuple[str, str]]) -> Meta:
    """Metadata from the ``<proprietary source="#redraft">`` block render/akn.py writes."""
    plain = {k: v for k, v in fields if k in ("symbol", "organ", "language", "doc_type", "date")}
    return Meta(
        **plain,
        sponsors=tuple(v for k, v in fields if k == "sponsor"),
        extra=tuple(sorted((k[2:], v) for k, v in fields if k.startswith("x-"))),
    )


def _cover_symbol(document: _Element) -> str:
    cover = next((c for c in document if local(c) == "coverPage"), document)
    for number in cover.iter("{*}docNumber"):
        if number.get("refersTo") == "#symbol":
            return normalize(all_text(number))
    return ""


def _symbol(document: _Element) -> str:
    """The cover page's symbol, else one derived from the FRBR work URI."""
    cover = _cover_symbol(document)
    if cover:
        return cover
    work = first(document, "FRBRWork")
    uri = first(work, "FRBRuri") if work is not None else None
    if uri is None:
        return ""
    # /akn/un/statement/deliberation/unga/2024-11-18/79-9/ -> A/RES/79/9
    parts = [p for p in uri.get("value", "").split("/") if p]
    if len(parts) < 2:
        return ""
    body, number = parts[-3] if len(parts) >= 3 else "", parts[-1].replace("-", "/")
    prefix = {"unga": "A/RES/", "unsc": "S/RES/"}.get(body, "")
    if body == "unsc" and document.get("name", "").startswith("draft"):
        prefix = "S/"
    return prefix + number if prefix else ""


def _organ(meta: _Element) -> str:
    work = first(meta, "FRBRWork")
    author = first(work, "FRBRauthor") if work is not None else None
    wanted = (author.get("href", "") if author is not None else "").lstrip("#")
    for org in meta.iter("{*}TLCOrganization"):
        if org.get("eId") == wanted:
            return org.get("showAs", "")
    return {"ga": "General Assembly", "sc": "Security Council"}.get(wanted, "")


def _language(meta: _Element) -> str:
    language = first(meta, "FRBRlanguage")
    code = language.get("language", "") if language is not None else ""
    return LANGUAGES.get(code, code[:2] or "en")


def _work_date(meta: _Element) -> str:
    work = first(meta, "FRBRWork")
    date = first(work, "FRBRdate") if work is not None else None
    value = date.get("date", "") if date is not None else ""
    return "" if value.startswith("0001") else value


def split_sponsors(by: str) -> list[str]:
    """ "Cameroon (on behalf of A, B), Congo and Equatorial Guinea" -> three sponsors."""
    by = normalize(by)
    if not by:
        return []
    guarded = by
    for index, compound in enumerate(_AND_NAMES):
        guarded = guarded.replace(compound, f"\x00{index}\x00")
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in guarded:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    cut = _last_top_level_and(parts[-1])
    if cut >= 0:
        parts[-1:] = [parts[-1][:cut], parts[-1][cut + len(" and ") :]]
    restored = []
    for part in parts:
        for index, compound in enumerate(_AND_NAMES):
            part = part.replace(f"\x00{index}\x00", compound)
        if part.strip():
            restored.append(part.strip())
    return restored


def _last_top_level_and(text: str) -> int:
    """Index of the last " and " outside parentheses, or -1."""
    depth, found = 0, -1
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0 and text.startswith(" and ", index):
            found = index
    return found
