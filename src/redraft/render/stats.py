"""``redraft stats`` as a table (rich), plain text (tab-separated), CSV, and a bar chart
in plain characters."""

from __future__ import annotations

from collections.abc import Sequence

from ..english import plural
from ..measure.stats import DraftStats, StatsReport

_COLUMNS = (
    "name",
    "words",
    "characters",
    "characters_no_spaces",
    "preambular",
    "operative",
    "subparagraphs",
    "footnotes",
    "footnote_words",
    "pages",
)
#: With a precedent index: each draft's agreed-language share (docs/stats.md).
_AGREED_COLUMNS = ("agreed_share_words", "agreed_share_paragraphs", "new_paragraphs")


def _agreed_cells(d: DraftStats) -> list[object]:
    if d.agreed is None:  # not traced (no words to trace, say): empty cells
        return ["", "", ""]
    return [d.agreed.words, d.agreed.paragraphs, d.agreed.new]


def render_stats_csv(report: StatsReport, paragraphs: bool) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if report.versions_of and not report.drafts:
        writer.writerow(
            ["name", "version", "date", "by", "words", "preambular", "operative", "growth"]
        )
        for v in report.versions:
            writer.writerow(
                [
                    report.versions_of,
                    v.number,
                    v.date,
                    v.by,
                    v.words,
                    v.preambular,
                    v.operative,
                    "" if v.growth is None else v.growth,
                ]
            )
    elif paragraphs:
        writer.writerow(
            ["name", "label", "kind", "words", "characters", "footnote_words", "total_words"]
        )
        for d in report.drafts:
            for p in d.paragraphs:
                writer.writerow(
                    [
                        d.name,
                        p.label,
                        p.kind,
                        p.words,
                        p.characters,
                        p.footnote_words,
                        p.total_words,
                    ]
                )
    else:
        agreed = report.with_agreed
        writer.writerow([*_COLUMNS, *(_AGREED_COLUMNS if agreed else ())])
        for d in report.drafts:
            row = d.to_json()
            writer.writerow([row[key] for key in _COLUMNS] + (_agreed_cells(d) if agreed else []))
    return buffer.getvalue()


def render_stats_text(report: StatsReport, paragraphs: bool) -> str:
    """Plain text for pipes and files: one table per section, a header row then one
    row per item, columns separated by tabs (``cut -f``, ``grep``, a spreadsheet's
    paste), numbers without thousands separators. Sections are separated by a blank line."""
    sections: list[list[list[object]]] = []
    if report.drafts:
        agreed = report.with_agreed
        rows: list[list[object]] = [[*_COLUMNS, "longest", *(_AGREED_COLUMNS if agreed else ())]]
        for d in report.drafts:
            row = d.to_json()
            longest = ", ".join(f"{label} {words}" for label, words in d.longest)
            cells = [*(row[key] for key in _COLUMNS), longest]
            rows.append(cells + (_agreed_cells(d) if agreed else []))
        sections.append(rows)
    if paragraphs:
        rows = [["name", "label", "kind", "words", "characters", "footnote_words", "total_words"]]
        for d in report.drafts:
            rows += [
                [d.name, p.label, p.kind, p.words, p.characters, p.footnote_words, p.total_words]
                for p in d.paragraphs
            ]
        sections.append(rows)
    if report.versions_of:
        rows = [["name", "version", "date", "by", "words", "preambular", "operative", "growth"]]
        for v in report.versions:
            growth = "" if v.growth is None else f"{v.growth:+.1f}%"
            rows.append(
                [report.versions_of, v.number, v.date, v.by, v.words]
                + [v.preambular, v.operative, growth]
            )
        sections.append(rows)
    if report.hints:
        rows = [["draft", "kind", "where", "saves", "what", "advice"]]
        for h in report.hints:
            rows.append([h.draft, h.kind, ", ".join(h.labels), h.saves, h.text, h.advice])
        sections.append(rows)
    return "\n".join("".join(_tsv_line(row) for row in rows) for rows in sections)


def _tsv_line(cells: Sequence[object]) -> str:
    """One tab-separated line; a tab or line break inside a cell becomes a space."""
    return "\t".join(" ".join(str(cell).split("\t")).replace("\n", " ") for cell in cells) + "\n"


def _render(*renderables: object, width: int = 120) -> str:
    """Render rich objects to plain text (no colour when not a terminal)."""
    from .console import stdout_console

    console = stdout_console(width=width)
    with console.capture() as capture:
        for item in renderables:
            console.print(item)
    return capture.get()


def render_stats_table(report: StatsReport, paragraphs: bool) -> str:
    from rich.table import Table

    parts: list[object] = []
    if report.drafts:
        agreed = report.with_agreed
        table = Table(title="Length statistics (words as Microsoft Word counts them)")
        headings = ["draft", "words", "chars", "chars no sp.", "PP", "OP", "sub", "FN"]
        headings += ["FN words", "pages", "longest"]
        # the agreed-language share of the words, and the paragraphs of new language
        headings += ["agreed", "new"] if agreed else []
        for heading in headings:
            table.add_column(
                heading, justify="left" if heading in ("draft", "longest") else "right"
            )
        for d in report.drafts:
            longest = ", ".join(f"{label} {words}" for label, words in d.longest)
            cells = [
                d.name,
                f"{d.words:,}",
                f"{d.characters:,}",
                f"{d.characters_no_spaces:,}",
                str(d.preambular),
                str(d.operative),
                str(d.subparagraphs),
                str(d.footnotes),
                str(d.footnote_words),
                f"{d.pages:.1f}",
                longest,
            ]
            if agreed:
                cells += _agreed_table_cells(d)
            table.add_row(*cells)
        if len(report.drafts) > 1:
            total = sum(d.words for d in report.drafts)
            table.caption = f"{plural(len(report.drafts), 'draft')}, {plural(total, 'word')} in all"
        if agreed:
            note = f"agreed: share of the words that is agreed language in {report.precedent_index}"
            table.caption = f"{table.caption}; {note}" if table.caption else note
        parts.append(table)
    if paragraphs:
        parts.extend(_paragraph_table(d) for d in report.drafts)
    if report.versions_of:
        parts.extend(_versions_parts(report))
    if report.hints:
        parts.append(_hints_table(report))
    # Wide enough that draft names (long slugs) are never folded.
    names = max((len(d.name) for d in report.drafts), default=0)
    extra = 16 if report.with_agreed else 0  # the agreed and new columns
    return _render(*parts, width=max(120, names + 95 + extra))


def _agreed_table_cells(d: DraftStats) -> list[str]:
    from .precedent_text import percent

    if d.agreed is None:
        return ["", ""]
    return [percent(d.agreed.words), str(d.agreed.new)]


def _paragraph_table(d: DraftStats) -> object:
    from rich.table import Table

    table = Table(title=f"{d.name}: words per paragraph")
    for heading in ("label", "kind", "words", "chars", "FN words", "with sub-paragraphs"):
        table.add_column(heading, justify="left" if heading in ("label", "kind") else "right")
    for p in d.paragraphs:
        table.add_row(
            p.label,
            p.kind,
            str(p.words),
            str(p.characters),
            str(p.footnote_words),
            str(p.total_words),
        )
    return table


def _versions_parts(report: StatsReport) -> list[object]:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{report.versions_of}: words per version")
    for heading in ("version", "date", "by", "words", "PP", "OP", "growth"):
        table.add_column(heading, justify="left" if heading in ("date", "by") else "right")
    for v in report.versions:
        growth = "" if v.growth is None else f"{v.growth:+.1f}%"
        when = v.date[:16].replace("T", " ")  # as redraft log shows it
        table.add_row(
            str(v.number), when, v.by, f"{v.words:,}", str(v.preambular), str(v.operative), growth
        )
    chart = bar_chart([(f"v{v.number}", v.words) for v in report.versions])
    return [table, Text("\n".join(chart))]


def _hints_table(report: StatsReport) -> object:
    from rich.table import Table

    table = Table(title="Shortening hints", show_lines=True)
    for heading in ("draft", "kind", "where", "saves", "what"):
        table.add_column(heading, justify="right" if heading == "saves" else "left")
    for h in report.hints:
        text = h.text if len(h.text) <= 160 else h.text[:157] + "..."
        table.add_row(
            h.draft,
            h.kind,
            ", ".join(h.labels),
            str(h.saves),
            f"{text}\n[italic]{h.advice}[/italic]",
        )
    table.caption = f"{sum(h.saves for h in report.hints):,} words could be saved in all"
    return table


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
