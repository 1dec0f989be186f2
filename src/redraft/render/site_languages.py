"""The languages of a draft in ``redraft report`` (only in a store with language versions:
the pages of a store in one language are as they were).

The index gets a Languages column (an original's languages, each linking to its page; a
language version names its original); a draft's page gets a table of which language
versions stand for each of its versions, and the parity of its latest version with them
(:func:`redraft.render.parity_html.parity_sections`); a language version's page says
which draft and version it translates.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from ..model import Version
from ..overview import DraftOverview, LanguageOverview, version_name
from ..parity.languages import LANGUAGE_NAMES
from .parity_html import RIGHT_TO_LEFT, parity_sections


def has_languages(drafts: Sequence[DraftOverview]) -> bool:
    """Whether the report shows languages at all (a store with language versions)."""
    return any(draft.languages is not None for draft in drafts)


def _page(name: str, folder: str) -> str:
    import re

    safe = re.sub(r"[^A-Za-z0-9._-]", "_", name).lstrip(".") or "draft"  # as site.page_name
    return f"{folder}{safe}.html"


def _link(name: str, text: str, folder: str) -> str:
    return f'<a href="{escape(quote(_page(name, folder)))}">{escape(text)}</a>'


def languages_cell(found: LanguageOverview) -> str:
    """The index's Languages cell: "en · fr · es" (each a link), or "fr of unodc"."""
    if found.original:
        return f"{escape(found.language)} of {_link(found.original, found.original, 'drafts/')}"
    latest = found.by_version[-1] if found.by_version else {}
    cells = [escape(found.language)]
    cells += [
        _link(standing.version.name, code, "drafts/")
        for code, standing in latest.items()
        if code != found.language
    ]
    return " · ".join(cells)


def languages_section(name: str, versions: Sequence[Version], found: LanguageOverview) -> str:
    """The draft page's part on languages: which language versions stand for each of its
    ``versions`` and the parity of the latest; a language version's original."""
    if found.original:
        name = LANGUAGE_NAMES.get(found.language, found.language)
        what = (
            f"; its latest version translates {escape(found.translates)}"
            if found.translates
            else ""
        )
        return (
            f'<h2>Languages</h2><p class="meta">{escape(name)} version of '
            f"{_link(found.original, found.original, '')}{what}.</p>"
        )
    return _table(versions, found) + _parity(versions[-1], found)


def _table(versions: Sequence[Version], found: LanguageOverview) -> str:
    codes = [found.language]
    for row in found.by_version:
        codes += [code for code in row if code not in codes]
    head = "".join(f"<th>{escape(code)}</th>" for code in codes)
    rows = []
    for version, row in zip(versions, found.by_version, strict=False):
        cells = [f"<td>{escape(version_name(version))}</td>"]
        for code in codes:
            standing = row.get(code)
            if code == found.language and standing is None:
                cells.append("<td>✓</td>")
            elif standing is None:
                cells.append("<td>—</td>")
            else:
                shown = f"{standing.version.name}@{standing.version.number}"
                late = ""
                if standing.of is not None and standing.of.number != version.number:
                    late = f' <span class="meta">(of version {standing.of.number})</span>'
                direction = ' dir="rtl"' if code in RIGHT_TO_LEFT else ""
                cells.append(f"<td{direction}>{_link(standing.version.name, shown, '')}{late}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<h2>Languages</h2><table class="index"><thead><tr><th>Version</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _parity(version: Version, found: LanguageOverview) -> str:
    if found.parity is None:
        return ""
    return f'<h2 id="parity">Parity of {escape(version_name(version))}</h2>' + "".join(
        parity_sections(found.parity, level=3, anchor="parity-")
    )
