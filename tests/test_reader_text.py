"""The plain-text reader: case files for the hard patterns, plus laws and details."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redraft import canonical
from redraft.diff import diff_drafts
from redraft.model import Draft, Footnote, Kind, Paragraph
from redraft.readers.text import read_text
from redraft.readers.text_numbers import parse_number, roman_value
from redraft.readers.text_passes import join_lines, normalise
from redraft.typography import comparable

from .text_cases import Case, all_cases

CASES = all_cases()


def _check(case: Case, draft: Draft, warnings: list[str]) -> None:
    for header, body in case.sections:
        what, _, label = header.partition(" ")
        unit = draft.find(label) if label else None
        if label:
            assert unit is not None, f"{case.name}: no {label} in {draft.labels()}"
        if what == "labels":
            assert draft.labels() == body.split("\n"), case.name
        elif what == "text":
            assert unit is not None and unit.text == body, case.name
        elif what == "contains":
            assert unit is not None and body in unit.text, case.name
        elif what == "opening":
            assert unit is not None and not isinstance(unit, Footnote)
            assert unit.opening == body
        elif what == "numbers":
            numbers = [b.number for b in draft.walk() if b.kind is Kind.OPERATIVE]
            assert numbers == body.split(), case.name
        elif what == "meta":
            for line in body.split("\n"):
                key, _, value = line.partition(": ")
                assert getattr(draft.meta, key) == value, (case.name, key)
        elif what == "warnings" and not body.strip():  # an empty section: no warning at all
            assert warnings == [], (case.name, warnings)
        elif what == "warnings":
            for phrase in body.split("\n"):
                assert any(phrase in w for w in warnings), (case.name, phrase, warnings)
        else:
            raise AssertionError(f"{case.name}: unknown section {header!r}")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_file(case: Case) -> None:
    draft, warnings = read_text(case.text)
    _check(case, draft, warnings)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_round_trips_through_canonical_text(case: Case) -> None:
    draft, _ = read_text(case.text)
    assert canonical.parse(canonical.render(draft)) == draft


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_reads_the_same_with_crlf_nbsp_and_tabs(case: Case) -> None:
    """Windows line ends and tabs used as spaces outside tables change nothing; a
    no-break space between words is kept where it stands (the stored text keeps what
    the document had) and changes nothing else: the diff compares it as a space."""
    draft, _ = read_text(case.text)
    noisy = case.text.replace("\n", "\r\n")
    if "\t" not in case.text:
        noisy = noisy.replace(" of ", " \tof ")
    assert read_text(noisy)[0] == draft
    if "\t" not in case.text:
        spaced, _ = read_text(case.text.replace(" the ", "\u00a0the "))
        assert [(u.label, comparable(u.text)) for u in spaced.units()] == [
            (u.label, comparable(u.text)) for u in draft.units()
        ]
        assert diff_drafts(draft, spaced).summary()["modified"] == 0


def test_invariants_hold_on_every_case() -> None:
    for case in CASES:
        draft, _ = read_text(case.text)
        for block in draft.walk():
            assert not any(c.isspace() for c in block.number), (case.name, block.number)
            assert block.text.startswith(block.opening), (case.name, block.label)
            assert "*" not in block.text, (case.name, block.label)


def test_footnote_goes_to_the_first_paragraph_citing_it_even_pages_later() -> None:
    text = (
        "The General Assembly,\n\nRecalling its resolution,\n\n"
        "1. *Urges* States to ratify the Convention;¹\n\n2. *Decides* to act.¹\n\n"
        "¹ United Nations, *Treaty Series*, vol. 2225.\n"
    )
    draft, warnings = read_text(text)
    note = Footnote("1", "United Nations, Treaty Series, vol. 2225.")
    op1, op2 = draft.find("OP1"), draft.find("OP2")
    assert isinstance(op1, Paragraph) and isinstance(op2, Paragraph)
    assert op1.footnotes == (note,)
    assert op2.footnotes == ()
    assert draft.labels() == ["formula", "PP1", "OP1", "FN1", "OP2"]
    assert warnings == []


def test_uncited_footnote_is_kept_with_a_warning() -> None:
    draft, warnings = read_text("The Council,\n\n1. *Decides* to act.\n\n⁹ A note.\n")
    assert draft.labels() == ["formula", "OP1", "FN9"]
    assert any("9" in w and "cited nowhere" in w for w in warnings)


def test_short_unpunctuated_lines_are_not_glued_to_the_next() -> None:
    text = (
        "The Council:\n\n(a) Approves the agenda below.\n\n1. Election of officers.\n\n"
        "Documentation\n\nNote by the Secretariat\n\nReport of the Secretary-General on "
        "international cooperation in the forensic field and in related matters at all "
        "levels\n\n"
        "Report of the Executive Director\n"
    )
    draft, _ = read_text(text)
    item = draft.find("OP(a)1")
    assert isinstance(item, Paragraph)
    texts = [c.text for c in item.children]
    assert texts == [
        "Documentation",
        "Note by the Secretariat",
        "Report of the Secretary-General on international cooperation in the "
        "forensic field and in related matters at all levels",
        "Report of the Executive Director",
    ]


def test_title_is_not_glued_to_the_formula() -> None:
    draft, _ = read_text(
        "Draft resolution II\n\nA long title without any final punctuation "
        "at all that goes on and on for many words\n\nThe General Assembly,\n\n"
        "1. *Decides* to act.\n"
    )
    assert draft.labels() == ["heading", "title", "formula", "OP1"]
    assert draft.meta.organ == "General Assembly"
    assert draft.meta.doc_type == "draft resolution"


@pytest.mark.parametrize(
    ("printed", "number", "rest"),
    [
        ("3 bis. Text", "3bis.", "Text"),
        ("2.bis Text", "2.bis", "Text"),
        ("OP3 bis Text", "3bis", "Text"),
        ("PP5alt Text", "5alt", "Text"),
        ("(a) Text", "(a)", "Text"),
        ("a) Texte", "a)", "Texte"),
        ("ii. Text", "ii.", "Text"),
        ("12. Text", "12.", "Text"),
    ],
)
def test_parse_number(printed: str, number: str, rest: str) -> None:
    parsed, remainder = parse_number(printed)
    assert parsed is not None and parsed.text == number and remainder == rest


@pytest.mark.parametrize("text", ["2010 was a year.", "e.g. this", "(2000), as well", "Recalling"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text)[0] is None


def test_roman_values() -> None:
    assert [roman_value(r) for r in ["i", "iv", "ix", "xiv", "xl"]] == [1, 4, 9, 14, 40]


def test_join_lines_dehyphenates_only_split_words() -> None:
    assert join_lines(["the imple-", "mentation of"]) == "the implementation of"
    assert join_lines(["any ex-", "combatants"]) == "any ex-combatants"
    assert join_lines(["the Secretary-", "General"]) == "the Secretary-General"
    assert join_lines(["a  hard", "\twrapped line"]) == "a hard wrapped line"


def test_normalise_removes_invisible_characters() -> None:
    assert normalise("a\u00a0b\u200bc\r\nd\re\ufeff") == "a bc\nd\ne"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Recalling its resolution,", "Noting the report,"]), min_size=1, max_size=5
    ),
    st.lists(
        st.sampled_from(["*Urges* States to act;", "*Requests* a report;"]), min_size=1, max_size=12
    ),
)
def test_counts_follow_the_printed_paragraphs(preamble: list[str], operative: list[str]) -> None:
    """Law: n preambular and m numbered paragraphs read as PP1..PPn and OP1..OPm."""
    body = [*preamble, *(f"{i}. {t}" for i, t in enumerate(operative, start=1))]
    draft, warnings = read_text("The General Assembly,\n\n" + "\n\n".join(body) + "\n")
    expected = [
        "formula",
        *(f"PP{i}" for i in range(1, len(preamble) + 1)),
        *(f"OP{i}" for i in range(1, len(operative) + 1)),
    ]
    assert draft.labels() == expected
    assert warnings == []


def test_sponsors_come_from_the_heading_of_a_sponsored_draft() -> None:
    case = next(c for c in CASES if c.name == "sponsored-l-document")
    draft, _ = read_text(case.text)
    assert draft.meta.sponsors == ("Austria", "Brazil", "Côte d’Ivoire", "Mexico")
    assert draft.heading == "Austria, Brazil, Côte d’Ivoire and Mexico: draft resolution"


def test_adopted_resolution_heading_and_report_line() -> None:
    text = (
        "Resolution adopted by the General Assembly on 18 December 2023\n\n"
        "[on the report of the Third Committee (A/78/481)]\n\n"
        "78/228. Crime prevention and criminal justice\n\n"
        "The General Assembly,\n\nRecalling its resolution,\n\n1. *Decides* to act.\n"
    )
    draft, warnings = read_text(text)
    assert draft.labels() == ["heading", "P1", "title", "formula", "PP1", "OP1"]
    assert draft.title == "78/228. Crime prevention and criminal justice"
    assert (draft.meta.doc_type, draft.meta.date) == ("resolution", "2023-12-18")
    assert warnings == []


_PIECES = st.sampled_from(
    [
        "The General Assembly,",
        "Draft resolution II",
        "Resolution 20/1",
        "Recalling it,",
        "1. *Urges* States;",
        "2.",
        "(a) To act;",
        "(i) Decides;",
        "a. The deadline;",
        "3 bis. Text",
        "OP3 bis Text",
        "PP5alt Text",
        "¹ A footnote.",
        "Documentation",
        "text continues here,",
        "and the United",
        "Nations Convention",
        "\tcell\tcell",
        "a\tb\tc",
        "— Calls for action;",
        " - (a) Item;",
        "S/RES/1445 (2002)",
        "\fS/RES/1445 (2002)",
        "02-72318 (E)",
        "3/12",
        "*",
        "**",
        "*Urges*",
        "(",
        "1)",
        "a)",
        "ii.",
        "¹²",
        "",
        " ",
        "\u00a0",
        "\u200b",
        "x-",
        "ex-",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_PIECES, st.sampled_from(["\n", "\n\n", " ", "\r\n", "\t"])), max_size=30)
)
def test_any_text_reads_without_error_and_keeps_the_invariants(
    pieces: list[tuple[str, str]],
) -> None:
    """Law: whatever the text, the reader returns a draft (never an exception) whose numbers
    hold no whitespace, whose openings prefix their texts, and which round-trips through
    the canonical form."""
    text = "".join(piece + sep for piece, sep in pieces)
    draft, warnings = read_text(text)
    for block in draft.walk():
        assert not any(c.isspace() for c in block.number)
        assert block.text.startswith(block.opening)
    assert canonical.parse(canonical.render(draft)) == draft
    assert all("\n" not in w for w in warnings)


def test_arabic_paragraph_numbers() -> None:
    draft, _ = read_text(
        "إن الجمعية العامة،\n\nإذ تشير إلى قراراتها السابقة،\n\n"
        "1 - تطلب إلى الأمين العام أن يقدم تقريرا؛\n\n"
        "2 - تقرر أن تبقي المسألة قيد نظرها.\n"
    )
    assert draft.labels() == ["formula", "PP1", "OP1", "OP2"]
    assert (draft.meta.language, draft.meta.organ) == ("ar", "General Assembly")


@pytest.mark.parametrize(
    ("formula", "language"),
    [
        (
            "Nous, chefs d’État et de gouvernement et représentants de haut niveau, réunis à Rio de "  # noqa: E501
            "Janeiro (Brésil) du 20 au 22 juin 2012,",
            "fr",
        ),
        (
            "Nosotros, los Jefes de Estado y de Gobierno y los representantes de alto nivel, reunidos "  # noqa: E501
            "en Río de Janeiro (Brasil) del 20 al 22 de junio de 2012,",
            "es",
        ),
        (
            "Мы, главы государств и правительств и высокопоставленные представители, собравшиеся в "
            "Рио-де-Жанейро, Бразилия, 20–22 июня 2012 года,",
            "ru",
        ),
    ],
)
def test_outcome_document_formulas_in_other_languages(formula: str, language: str) -> None:
    draft, _ = read_text(f"{formula}\n\nRecalling its resolution 1/1,\n\n1. Decides to act.\n")
    assert draft.labels() == ["formula", "PP1", "OP1"]
    assert draft.meta.language == language
    assert draft.meta.organ == ""


@pytest.mark.parametrize(
    "formula",
    [
        "The Security Council,",
        "The Human Rights Council,",
        "The Conference of the Parties,",
        "The Conference of the Parties to the United Nations Convention against Transnational "
        "Organized Crime,",
        "The Conference of the Parties serving as the meeting of the Parties to the Paris Agreement,",  # noqa: E501
        "The Economic and Social Council, recalling its resolution 2011/1 and taking note of the "
        "report of the Commission on its twentieth session:",
        "We, the Heads of State and Government and high-level representatives, having met at Rio "
        "de Janeiro, Brazil, from 20 to 22 June 2012, with the full participation of civil society,",  # noqa: E501
        "We, the Ministers and heads of delegation,",
    ],
)
def test_enacting_formulas_of_other_organs_and_outcome_documents(formula: str) -> None:
    draft, warnings = read_text(
        f"Draft resolution\n\nA title\n\n{formula}\n\n"
        "Recalling its resolution 1/1,\n\n1. Decides to act.\n"
    )
    assert draft.labels() == ["heading", "title", "formula", "PP1", "OP1"]
    formula_block = draft.find("formula")
    assert formula_block is not None and formula_block.text == formula
    assert not any("enacting formula" in w for w in warnings)


@pytest.mark.parametrize(
    "heading",
    [
        "Draft resolution (A/C.3/79/L.5)",
        "Draft resolution (…)",
        "Draft resolution [A/C.3/79/L.5]",
        "Draft resolution I (A/78/L.5)",
        "Draft resolution submitted by the Chair (A/C.3/79/L.5)",
        "Draft resolution submitted by the Vice-Chair of the Committee, Ms. Jane Doe (Kenya), on "
        "the basis of informal consultations on draft resolution A/C.2/79/L.12",
        "Draft decision submitted by the President of the General Assembly",
        "Revised draft resolution (A/C.3/79/L.5/Rev.1)",
        "Draft resolution (submitted by the Chair on the basis of informal consultations)",
    ],
)
def test_l_document_heading_lines(heading: str) -> None:
    """The first line of an L document is its heading, whatever follows "Draft
    resolution"; the title is the line after it."""
    draft, _ = read_text(
        f"{heading}\n\nStrengthening the rule of law\n\nThe General Assembly,\n\n"
        "Recalling its resolution 1/1,\n\n1. Decides to act.\n"
    )
    assert draft.labels() == ["heading", "title", "formula", "PP1", "OP1"]
    assert draft.meta.doc_type in ("draft resolution", "draft decision", "revised draft resolution")
    block, title = draft.find("heading"), draft.find("title")
    assert block is not None and block.text == heading
    assert title is not None and title.text == "Strengthening the rule of law"


def test_a_heading_wrapped_over_two_lines_is_one_heading() -> None:
    draft, _ = read_text(
        "Draft resolution submitted by the Vice-Chair of the Committee, Ms. Jane Doe\n"
        "(Kenya), on the basis of informal consultations\n\nStrengthening the rule of law\n\n"
        "The General Assembly,\n\nRecalling its resolution 1/1,\n\n1. Decides to act.\n"
    )
    assert draft.labels() == ["heading", "title", "formula", "PP1", "OP1"]
    block = draft.find("heading")
    assert block is not None
    assert block.text.endswith("Jane Doe (Kenya), on the basis of informal consultations")


def test_unnumbered_operative_paragraph_ending_in_a_marker() -> None:
    draft, _ = read_text(
        "The General Assembly,\n\nHaving considered the report, [- EU]\n\n"
        "Approves the report. [Agreed ad ref]\n"
    )
    assert draft.labels() == ["formula", "PP1", "P1"]


def test_whole_bracketed_paragraphs_are_not_joined_or_headings() -> None:
    draft, _ = read_text(
        "The General Assembly,\n\n[Recalling its resolution 1/1 - EU]\n\n"
        "[Noting the report of the Secretary-General, - G77]\n\n"
        "1. [Decides to act - US]\n\n2. Requests a report.\n"
    )
    assert draft.labels() == ["formula", "PP1", "PP2", "OP1", "OP2"]


_ENDS = st.sampled_from(
    [
        " [pending]",
        " [- EU]",
        " [Agreed ad ref]",
        " agreed ad ref",
        " (ad ref)",
        " [G77 delete]",
        " [agreed]",
        " [, and others - US]",
    ]
)


@st.composite
def _rolling(draw: st.DrawFn, texts: list[str], punctuation: str) -> str:
    """A paragraph as a rolling text prints it: punctuated, or ending in markup (or both)."""
    text = draw(st.sampled_from(texts))
    ends = draw(st.sampled_from([punctuation, "", punctuation + "X"]))
    return text + ends[:1] + (draw(_ENDS) if ends != punctuation else "")


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        _rolling(
            [
                "Recalling its resolution",
                "Noting the report",
                "Welcoming the work of the Secretary-General",
            ],
            ",",
        ),
        min_size=1,
        max_size=5,
    ),
    st.lists(_rolling(["Urges States to act", "Requests a report"], ";"), min_size=1, max_size=6),
)
def test_negotiation_markup_at_the_end_keeps_the_printed_paragraphs(
    preamble: list[str], operative: list[str]
) -> None:
    """Law: whatever final marker or tag each paragraph carries (rolling texts often
    print them with no punctuation before), n preambular and m numbered paragraphs read
    as PP1..PPn and OP1..OPm, each with its text as printed."""
    body = [*preamble, *(f"{i}. {t}" for i, t in enumerate(operative, start=1))]
    draft, _ = read_text("The General Assembly,\n\n" + "\n\n".join(body) + "\n")
    expected = [
        "formula",
        *(f"PP{i}" for i in range(1, len(preamble) + 1)),
        *(f"OP{i}" for i in range(1, len(operative) + 1)),
    ]
    assert draft.labels() == expected
    assert [b.text for b in draft.blocks[1:]] == [*preamble, *operative]
