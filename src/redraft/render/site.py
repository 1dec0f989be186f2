"""``redraft report``: a static, self-contained HTML site for a negotiation store.

``index.html`` lists the drafts (versions, latest symbol, words, status when known,
last change); ``drafts/NAME.html`` shows one draft: its version timeline, its length
over versions as an inline SVG chart, the redline between each pair of consecutive
versions (also as a Word file with tracked changes, next to the page), and the latest
text with an anchor per paragraph label (``#p-OP5``), which every redline entry links
to. No scripts, no external assets: styles are inline and every piece of text goes
through :func:`html.escape`, so the folder can go on any web server or be sent as a zip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

from ..diff.result import Change, DiffResult, display_segments
from ..english import plural
from ..errors import InputError
from ..model import Draft, Kind, Paragraph, Version
from ..overview import DraftOverview, version_name
from .site_languages import has_languages, languages_cell, languages_section

STYLE = """
body{font-family:Georgia,serif;max-width:60em;margin:1em auto;padding:0 1em;color:#222}
h1,h2,h3,nav,table.index,.meta,.summary{font-family:system-ui,sans-serif}
table.index{border-collapse:collapse;width:100%}table.index td,table.index th{
border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:underline}
.change{margin:.6em 0;padding:.3em .6em;border-left:3px solid #ccd}
.label{font-family:system-ui,sans-serif;font-size:.85em;color:#555;margin-right:.5em}
.para{margin:.4em 0}.d1{margin-left:2em}.d2{margin-left:4em}.d3{margin-left:6em}
.meta{color:#555;font-size:.9em}svg text{font-family:system-ui,sans-serif;font-size:11px}
.new{border-left:3px solid #c33;padding-left:.5em}.tag{font-family:system-ui,sans-serif;
font-size:.75em;color:#fff;background:#c33;padding:0 .4em;border-radius:.3em;margin-right:.5em}
table.agreed{border-collapse:collapse;font-family:system-ui,sans-serif;font-size:.9em}
table.agreed td,table.agreed th{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:left}
"""


#: Nothing but this folder's own pages and inline styles: a page that tried to load a
#: script or an outside asset would be blocked (and the browser test would see it).
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@dataclass(frozen=True)
class PageInfo:
    name: str
    page: str  # path relative to the site root
    versions: int
    agreed_share_words: float | None = None  # with a precedent index (issue 16)


@dataclass(frozen=True)
class Site:
    root: Path
    pages: tuple[PageInfo, ...]


@dataclass(frozen=True)
class BuiltPage:
    """One draft's page, ready to write: its HTML, the Word files it links to (file
    name -> bytes) and its row of the index."""

    name: str
    html: str
    files: dict[str, bytes]
    row: str
    versions: int
    kept: bool = False  # the folder already holds this page and its files: not written
    agreed_share_words: float | None = None


def write_site(out_dir: Path, drafts: Sequence[DraftOverview]) -> Site:
    """Write the site of these drafts (:func:`redraft.resolve.report.overview`) in ``out_dir``."""
    agreed = any(draft.agreed is not None for draft in drafts)  # a column on the index
    languages = has_languages(drafts)  # a Languages column only where there are some
    pages = (built_page(draft, agreed, languages) for draft in drafts if draft.history)
    return write_pages(out_dir, pages, agreed, languages)


def built_page(draft: DraftOverview, agreed: bool = False, languages: bool = False) -> BuiltPage:
    """The page of one draft with its Word files and its index row."""
    html, attachments = draft_page(draft)
    version, latest = draft.history[-1]
    cell = None
    if agreed:
        from .site_agreed import index_cell

        cell = index_cell(draft.agreed)
    shown = None  # no Languages column
    if languages:  # the column: "" for a draft without language versions
        shown = languages_cell(draft.languages) if draft.languages else ""
    row = index_row(
        draft.name, version, len(draft.history), latest.meta.symbol, draft.status, cell, shown
    )
    share = draft.agreed.summary.agreed_share_words if draft.agreed else None
    return BuiltPage(draft.name, html, attachments, row, len(draft.history), False, share)


def write_pages(
    out_dir: Path, pages: Iterable[BuiltPage], agreed: bool = False, languages: bool = False
) -> Site:
    """Write each page and its Word files as it comes, then the index of them all."""
    try:
        (out_dir / "drafts").mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"{out_dir}: cannot create the folder ({error.strerror})") from None
    rows, infos = [], []
    for built in pages:
        page = f"drafts/{page_name(built.name)}.html"
        if not built.kept:
            _write(out_dir / page, built.html)
            for file_name, data in built.files.items():
                _write_bytes(out_dir / "drafts" / file_name, data)
        rows.append(built.row)
        infos.append(PageInfo(built.name, page, built.versions, built.agreed_share_words))
    _write(out_dir / "index.html", index_page(rows, agreed, languages))
    return Site(out_dir, tuple(infos))


def _write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` unless the file already holds it (a report written again into the
    same folder rewrites only what changed)."""
    try:
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return
        path.write_bytes(data)
    except OSError as error:
        raise InputError(f"{path}: cannot write ({error.strerror or error})") from None


def _write(path: Path, text: str) -> None:
    try:
        if path.is_file() and path.read_text(encoding="utf-8", errors="replace") == text:
            return
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"{path}: cannot write ({error.strerror or error})") from None


def page_name(name: str) -> str:
    """A file name safe on every system for draft ``name``."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", name).lstrip(".") or "draft"


def _document(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )


# -- index --------------------------------------------------------------------------


def index_row(
    name: str,
    version: Version,
    versions: int,
    meta_symbol: str,
    status: str,
    agreed_cell: str | None = None,
    languages_cell: str | None = None,
) -> str:
    """The index's row of draft ``name``: its latest ``version`` (with its words), how
    many versions it has, the symbol its text carries, where the negotiation stands and,
    with a precedent index, its agreed-language cell; in a store with language versions,
    its languages (:func:`redraft.render.site_languages.languages_cell`)."""
    page = f"drafts/{page_name(name)}.html"
    cells = [
        f'<a href="{escape(quote(page))}">{escape(name)}</a>',
        str(versions),
        escape(version.symbol or meta_symbol),
        "" if version.words is None else str(version.words),
        escape(status),
        escape(f"{version.date[:10]} {version.by}".strip()),
    ]
    if agreed_cell is not None:
        cells.append(agreed_cell)
    if languages_cell is not None:
        cells.append(languages_cell)
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def index_page(rows: list[str], agreed: bool = False, languages: bool = False) -> str:
    headings = ["Draft", "Versions", "Latest symbol", "Words", "Status", "Last change"]
    if agreed:
        from .site_agreed import COLUMN

        headings.append(COLUMN)
    if languages:
        headings.append("Languages")
    head = "".join(f"<th>{h}</th>" for h in headings)
    body = "".join(rows) or '<tr><td colspan="6">The store holds no drafts yet.</td></tr>'
    return _document(
        "redraft report",
        f'<h1>Drafts under negotiation</h1><table class="index"><thead><tr>{head}</tr>'
        f"</thead><tbody>{body}</tbody></table>"
        '<p class="meta">Written by redraft report.</p>',
    )


# -- one draft ---------------------------------------------------------------------------


def draft_page(draft: DraftOverview) -> tuple[str, dict[str, bytes]]:
    """The page of one draft, and the Word files it links to (file name -> bytes): the
    latest version as a clean document, and each redline as tracked changes."""
    from .docx_draft import render_draft_docx
    from .docx_track import render_diff_docx

    name, history = draft.name, draft.history
    files = {latest_word_file(name): render_draft_docx(history[-1][1])}
    sections = []
    for (before, _), (after, _), result in zip(history, history[1:], draft.redlines, strict=False):
        files[redline_word_file(name, after)] = render_diff_docx(
            result, author_old=before.by, author_new=after.by, date=after.date
        )
        sections.append(redline_section(name, after, result))
    marks: dict[str, tuple[str, str]] = {}
    if draft.agreed is not None:  # a precedent index is configured: agreed and new language
        from .site_agreed import agreed_section, paragraph_marks

        sections.append(agreed_section(draft.agreed))
        marks = paragraph_marks(draft.agreed)
    versions = [version for version, _ in history]
    shown = languages_section(name, versions, draft.languages) if draft.languages else ""
    html = page_html(name, versions, sections, latest_text(history[-1][1], marks), shown)
    return html, files


def latest_word_file(name: str) -> str:
    return f"{page_name(name)}.docx"


def redline_word_file(name: str, after: Version) -> str:
    return f"{page_name(name)}-{after.number}.docx"


def page_html(
    name: str,
    versions: Sequence[Version],
    sections: Sequence[str],
    text_html: str,
    languages_html: str = "",
) -> str:
    """A draft's page from its parts: the versions (with words), each redline's section
    (:func:`redline_section`) and the latest text (:func:`latest_text`); in a store with
    language versions, its languages and their parity
    (:func:`redraft.render.site_languages.languages_section`)."""
    latest = latest_word_file(name)
    parts = [f'<nav><a href="../index.html">All drafts</a></nav><h1>{escape(name)}</h1>']
    parts.append(
        f'<p class="meta">Latest version in Word: <a href="{quote(latest)}">'
        f"{escape(latest)}</a></p>"
    )
    parts.append(_timeline(versions))
    parts.append(languages_html)  # "" in a store with one language
    parts.append(length_chart([(version_name(v), v.words or 0) for v in versions]))
    parts.extend(sections)
    parts.append(text_html)
    return _document(f"{name}: redraft report", "".join(parts))


def redline_section(name: str, after: Version, result: DiffResult) -> str:
    """The section of the redline leading to version ``after``."""
    return _redline(after, result, redline_word_file(name, after))


def _timeline(versions: Sequence[Version]) -> str:
    items = []
    for version in versions:
        words = version.words
        link = (
            f'<a href="#v{version.number}">{escape(version_name(version))}</a>'
            if version.number > 1
            else escape(version_name(version))
        )
        items.append(
            f'<li>{link} <span class="meta">{escape(version.date[:10])} · '
            f"{escape(version.by)}{'' if words is None else f' · {words} words'}"
            f"{' · ' + escape(version.message) if version.message else ''}</span></li>"
        )
    return f'<h2>Versions</h2><ol class="timeline">{"".join(items)}</ol>'


def length_chart(points: list[tuple[str, int]], width: int = 560, height: int = 180) -> str:
    """Words over versions as an inline SVG line chart."""
    if not points:
        return ""
    top = max(value for _, value in points) or 1
    step = (width - 80) / max(len(points) - 1, 1)
    coords = [
        (50 + i * step, height - 30 - (value / top) * (height - 60))
        for i, (_, value) in enumerate(points)
    ]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#2a5db0"><title>{escape(label)}: '
        f"{value} words</title></circle>"
        f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle">{value}</text>'
        f'<text x="{x:.1f}" y="{height - 10}" text-anchor="middle">{i + 1}</text>'
        for i, ((label, value), (x, y)) in enumerate(zip(points, coords, strict=True))
    )
    return (
        f'<h2>Length</h2><svg class="chart" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>Words per version</title>"
        f'<line x1="40" y1="{height - 30}" x2="{width - 20}" y2="{height - 30}" stroke="#999"/>'
        f'<polyline points="{line}" fill="none" stroke="#2a5db0" stroke-width="2"/>{dots}</svg>'
    )


def _redline(version: Version, result: DiffResult, tracked: str) -> str:
    number = version.number
    changed = [change for change in result.changes if change.changed]
    entries = "".join(_change_html(number, change) for change in changed)
    if not entries:
        entries = "<p>No change in the text.</p>"
    who = f"by {version.by} on {version.date[:10]}" if version.by else version.date[:10]
    message = f": {version.message}" if version.message else ""
    return (
        f'<section id="v{number}"><h2>{escape(result.old_source)} → '
        f'{escape(result.new_source)}</h2><p class="meta">{escape(who + message)}</p>'
        f'<p class="summary">{plural(len(changed), "paragraph")} changed · '
        f'<a href="{quote(tracked)}">Word, with tracked changes</a></p>{entries}</section>'
    )


def _change_html(number: int, change: Change) -> str:
    labels = change.new or change.old
    anchor = f"v{number}-{labels[0]}" if labels else f"v{number}"
    if change.new:
        target = f"#p-{quote(change.new[0])}"
        label = f'<a class="label" href="{escape(target)}">{escape(", ".join(change.new))}</a>'
    else:
        label = f'<span class="label">{escape(", ".join(change.old))} (deleted)</span>'
    what = change.op + (" and moved" if change.moved else "")
    return (
        f'<div class="change" id="{escape(anchor)}">{label}<span class="meta">{escape(what)}'
        f"</span><div>{redline_html(tuple(display_segments(change)))}</div></div>"
    )


def redline_html(segments: tuple[tuple[str, str], ...]) -> str:
    out = []
    for op, text in segments:
        safe = escape(text).replace("\n", "<br>")
        out.append(
            safe
            if op == "="
            else f"<{'del' if op == '-' else 'ins'}>{safe}</{'del' if op == '-' else 'ins'}>"
        )
    return "".join(out)


def render_draft_html(draft: Draft) -> str:
    """One draft as a self-contained HTML page (``redraft export x.html``), labelled
    as on the report's pages."""
    rows: list[str] = []
    for block in draft.blocks:
        _block_html(block, 0, rows)
    title = draft.meta.symbol or next((b.text for b in draft.blocks if b.kind is Kind.TITLE), "")
    return _document(title or "Draft", f'<main><div class="text">{"".join(rows)}</div></main>')


def latest_text(draft: Draft, marks: dict[str, tuple[str, str]] | None = None) -> str:
    rows: list[str] = []
    for block in draft.blocks:
        _block_html(block, 0, rows, marks)
    return f'<h2>Latest text</h2><div class="text">{"".join(rows)}</div>'


def _block_html(
    block: Paragraph, depth: int, rows: list[str], marks: dict[str, tuple[str, str]] | None = None
) -> None:
    text = escape(block.text).replace("\n", "<br>")
    if block.opening and block.text.startswith(block.opening):
        cut = len(escape(block.opening))
        text = f"<em>{text[:cut]}</em>{text[cut:]}"
    number = f"{escape(block.number)} " if block.number else ""
    tag = "h3" if block.kind in (Kind.TITLE, Kind.DOC_HEADING, Kind.HEADING) else "p"
    css, title, badge = "", "", ""
    if marks:  # agreed and new language (render/site_agreed.py)
        from .site_agreed import mark_html

        css, title, badge = mark_html(marks.get(block.label))
    rows.append(
        f'<{tag} class="para d{min(depth, 3)}{css}" id="p-{escape(block.label)}"{title}>'
        f'<a class="label" href="#p-{escape(quote(block.label))}">{escape(block.label)}</a>'
        f"{badge}{number}{text}</{tag}>"
    )
    for note in block.footnotes:
        rows.append(
            f'<p class="para d{min(depth, 3)} meta" id="p-{escape(note.label)}">'
            f'<span class="label">{escape(note.label)}</span>{escape(note.text)}</p>'
        )
    for child in block.children:
        _block_html(child, depth + 1, rows, marks)
