"""Tables in a PDF (redraft.readers.pdf_tables): a budget table printed by LibreOffice
without borders (tests/data/pdf/res-79-255.pdf, see tests/data/pdf/SOURCES.md) read as
the AKN reader's table unit, and tables and non-tables on hand-made lines."""

from __future__ import annotations

from pathlib import Path

from redraft.diff import diff_drafts
from redraft.model import Kind
from redraft.readers import read_bytes
from redraft.readers.akn import read_akn
from redraft.readers.pdf_layout import Char, Line, Page
from redraft.readers.pdf_paragraphs import paragraphs
from redraft.readers.pdf_tables import tables_on
from redraft.typography import comparable_table

DATA = Path(__file__).parent / "data"


def test_budget_table_reads_as_the_akn_table() -> None:
    akn = read_akn((DATA / "word" / "A_RES_79_255-2424696E.xml").read_bytes(), "79-255.xml")[0]
    pdf = read_bytes((DATA / "pdf" / "res-79-255.pdf").read_bytes(), "res-79-255.pdf").draft
    mine = {u.label: u for u in akn.units()}
    theirs = {u.label: u for u in pdf.units()}
    assert list(mine) == list(theirs)
    table = theirs["T1"]
    assert table.kind is Kind.TABLE  # type: ignore[union-attr]
    rows = table.text.split("\n")
    assert rows[:3] == [
        "\tGross\t\tNet of staff assessment",
        "\t(United States dollars)",
        "Estimated appropriation for 2025a\t62 287 400\t57 451 300",
    ]
    # a cell cut by force in a narrow column ("Recommendatio" / "ns"), a row going on
    # over the page break ("Estimated initial appropriation for" / "2025")
    assert rows[3].startswith("Recommendations of the Advisory Committee on Administrative")
    assert "Estimated initial appropriation for 2025\t60 963 800\t56 127 700" in rows
    assert rows[-1].endswith("United Nations for 2025\t23 999 350\t21 578 050")
    # the AKN table keeps the empty cells closing a row ("Of which:\t\t"): a printed
    # table cannot show them, and the diff compares the tables equal
    assert comparable_table(table.text) == comparable_table(mine["T1"].text)
    for label, unit in mine.items():
        if label != "T1":
            assert (label, theirs[label].text) == (label, unit.text)
    assert all(change.op == "equal" for change in diff_drafts(akn, pdf).changes)


# -- hand-made lines -----------------------------------------------------------------


def chars(text: str, x: float, y: float, size: float = 10.0) -> list[Char]:
    """A word printed from ``x`` on baseline ``y`` (each character 0.5 em wide)."""
    out = []
    for char in text:
        out.append(Char(char, x, x + size / 2, y, size))
        x += size / 2
    return out


def _page(lines: list[list[Char]]) -> Page:
    return Page(1, 600, 800, lines=[Line(c, c[0].y, max(x.size for x in c)) for c in lines])


def _texts(pages: list[Page]) -> list[tuple[str, str]]:
    return [("table" if p.table else "text", p.text) for p in paragraphs(pages, tables_on)]


def test_cells_drawn_apart_are_rows_and_columns() -> None:
    # as LibreOffice draws a table: each cell on its own, a row's cells on one baseline,
    # a cell's lines one pitch (12) apart, rows further apart
    page = _page(
        [
            chars("Body text of the annex runs across the whole width of the page.", 100, 720),
            chars("Item", 100, 690),
            chars("Amount", 250, 690),
            chars("Staff costs for the", 100, 666),
            chars("year 2025", 100, 654),
            chars("12 400", 250, 666),
            chars("Travel", 100, 630),
            chars("(3 100)", 250, 630),
            chars("Total", 100, 606),
            chars("9 300", 250, 606),
            chars("After the table, body text again runs across the page width.", 100, 576),
        ]
    )
    assert _texts([page]) == [
        ("text", "Body text of the annex runs across the whole width of the page."),
        (
            "table",
            "Item\tAmount\nStaff costs for the year 2025\t12 400\nTravel\t(3 100)\nTotal\t9 300",
        ),
        ("text", "After the table, body text again runs across the page width."),
    ]


def test_a_table_going_on_over_a_page_break_is_one_table() -> None:
    first = _page(
        [
            chars("Item", 100, 700),
            chars("Amount", 250, 700),
            chars("Staff", 100, 676),
            chars("1 000", 250, 676),
            chars("Travel for the", 100, 652),
            chars("2 000", 250, 652),
        ]
    )
    second = _page([chars("experts", 100, 700), chars("Total", 100, 676), chars("3 000", 250, 676)])
    second.number = 2
    assert _texts([first, second]) == [
        ("table", "Item\tAmount\nStaff\t1 000\nTravel for the experts\t2 000\nTotal\t3 000"),
    ]


def test_sub_paragraphs_signatures_and_justified_text_stay_text() -> None:
    page = _page(
        [
            # a list of short sub-paragraphs: a marker, a tab, the text
            chars("(a)", 100, 700),
            chars("Staff costs of 1,000 dollars;", 136, 700),
            chars("(b)", 100, 688),
            chars("Travel costs of 2,000 dollars;", 136, 688),
            chars("(c)", 100, 676),
            chars("Other costs of 3,000 dollars.", 136, 676),
            # a signature block in two columns, no numbers
            chars("Maria Fernanda Espinosa", 100, 640),
            chars("Antonio Guterres", 350, 640),
            chars("President of the General Assembly", 100, 628),
            chars("Secretary-General", 350, 628),
            chars("New York", 100, 616),
            chars("United Nations", 350, 616),
            # a justified line whose spaces are spread wide, then an ordinary one
            chars("Decides   to   appropriate   1,000   dollars   to   the", 100, 592),
            chars("special account for 2025 as detailed in the annex;", 100, 580),
        ]
    )
    assert all(kind == "text" for kind, _ in _texts([page]))


def test_rows_ending_in_empty_cells_compare_equal() -> None:
    assert comparable_table("Of which:\t\t\nTotal\t1") == comparable_table("Of which:\nTotal\t1")
    assert comparable_table("\tGross") != comparable_table("Gross")


def test_a_table_set_tight_keeps_its_rows_and_not_the_note_under_it() -> None:
    # rows one line each, as close as the lines of a paragraph; a table note set in
    # from the columns right under the table stays a paragraph
    lines = [chars("Member State", 100, 700), chars("Percentage", 300, 700)]
    for index, (name, share) in enumerate([("Afghanistan", "0.005"), ("Albania", "0.010")]):
        lines += [chars(name, 100, 688 - 12 * index), chars(share, 300, 688 - 12 * index)]
    lines += [chars("Andorra", 100, 664), chars("0.004", 300, 664)]
    lines.append(chars("a See A/79/555.", 130, 652))
    assert _texts([_page(lines)]) == [
        ("table", "Member State\tPercentage\nAfghanistan\t0.005\nAlbania\t0.010\nAndorra\t0.004"),
        ("text", "a See A/79/555."),
    ]


def test_a_word_cut_by_a_narrow_column_is_joined_when_the_text_has_it() -> None:
    # "Recommendatio" fills its column and "ns" goes on: one word, as the body has it;
    # "contribuciones" / "del" fills it the same way, but the body has no such word
    def page(body: str, first: str, second: str) -> Page:
        return _page(
            [
                chars(body, 100, 740),
                chars(first, 100, 700),
                chars(second, 100, 688),
                chars("(1 300)", 250, 700),
                chars("Total staff", 100, 664),
                chars("2 000", 250, 664),
                chars("Travel costs", 100, 640),
                chars("(3 100)", 250, 640),
            ]
        )

    cut = page("Endorses the recommendations of the Committee;", "Recommendatio", "ns of the")
    kept = page("Notes the contributions of the staff;", "contribuciones", "del personal")
    assert _texts([cut])[1][1].startswith("Recommendations of the\t(1 300)")
    assert _texts([kept])[1][1].startswith("contribuciones del personal\t(1 300)")
