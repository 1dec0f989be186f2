"""The same paragraph gets the same label in every official language (issue 14).

Real UN files in several languages (tests/data/akn/, attribution in its SOURCES.md), the
numbering forms of each language in labels, the laws of :mod:`redraft.numerals`, and the
Word reader on an Arabic document. Case files: tests/cases/akn/language-*.xml (labels in
``.labels``) and tests/cases/text/language-*.txt.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redraft import numerals
from redraft.labels import assign_labels, number_key
from redraft.model import Draft, Kind, Paragraph
from redraft.readers.akn import read_akn

DATA = Path(__file__).parent / "data" / "akn"

#: Resolutions of which tests/data/akn holds the English and other language versions,
#: each chosen for a numbering form: (stem, languages).
VERSIONS = [
    ("A_RES_79_122-2423508", "A"),  # Arabic "7 –<TAB>" typed in the text
    ("A_RES_79_131-2423488", "A"),  # the only preambular paragraph put in the main body
    ("A_RES_79_134-2423450", "C"),  # Chinese "\u200e1.\u200e<TAB>" typed in the text
    ("A_RES_79_261-2424705", "C"),  # "Resolves that:" and 1.-3. held in the preamble
    ("A_RES_79_117-2423518", "C"),  # Chinese section titles printed without bold
    ("A_RES_79_289-2508701", "AC"),  # Arabic ’1‘, Chinese ㈠ for (i)
    ("A_RES_79_174-2424215", "R"),  # Russian "с)" (Cyrillic) among "a) b)", "d)" nested
    ("A_RES_79_280-2506205", "FS"),  # French and Spanish "b)" of a quoted rule
]


def read(name: str) -> Draft:
    return read_akn((DATA / name).read_bytes(), name)[0]


def paragraph_labels(draft: Draft) -> list[str]:
    return [label for label in draft.labels() if label.startswith(("PP", "OP"))]


def version(stem: str, letter: str) -> Draft:
    return read(next(p.name for p in DATA.glob(f"{stem}{letter}.xml")))


@pytest.mark.parametrize(("stem", "letters"), VERSIONS, ids=[s for s, _ in VERSIONS])
def test_every_language_version_gets_the_english_labels(stem: str, letters: str) -> None:
    english = paragraph_labels(version(stem, "E"))
    assert len(english) >= 3
    for letter in letters:
        assert paragraph_labels(version(stem, letter)) == english, letter


def test_arabic_numbers_typed_with_a_dash_and_a_tab() -> None:
    draft = version("A_RES_79_122-2423508", "A")
    assert [p.label for p in draft.operative()][6:9] == ["OP7", "OP8", "OP9"]
    assert draft.find("OP7").number == "7."  # "7 –" reads as the Latin "7."
    assert not draft.find("OP7").text.startswith("7")


def test_a_preambular_paragraph_in_the_body_is_preambular() -> None:
    draft = version("A_RES_79_131-2423488", "A")
    assert draft.find("PP1").kind is Kind.PREAMBULAR
    assert draft.find("PP1").text.startswith("رغبةً منها")


def test_chinese_numbers_between_marks_of_direction() -> None:
    draft = version("A_RES_79_134-2423450", "C")
    first = draft.find("OP1")
    assert first.number == "1." and first.text.startswith("表示注意到")


def test_operative_paragraphs_held_in_the_preamble() -> None:
    labels = version("A_RES_79_261-2424705", "C").labels()
    assert labels[labels.index("formula") + 1 :][:6] == [
        "P1",
        "OP1",
        "OP2",
        "OP3",
        "OP3(a)",
        "OP3(b)",
    ]


def test_chinese_section_titles_without_bold_are_headings() -> None:
    draft = version("A_RES_79_117-2423518", "C")
    english = version("A_RES_79_117-2423518", "E")
    assert [(b.label, b.kind) for b in draft.blocks[:8]] == [
        (b.label, b.kind) for b in english.blocks[:8]
    ]
    assert draft.find("H1").text == "一"


def test_roman_items_in_arabic_and_chinese() -> None:
    for letter, printed in (("A", "’1‘"), ("C", "㈠")):
        item = version("A_RES_79_289-2508701", letter).find("OP4(b)(i)")
        assert item is not None and item.number == printed


def test_a_cyrillic_look_alike_is_known_by_its_place() -> None:
    draft = version("A_RES_79_174-2424215", "R")
    assert draft.find("OP14(c)").number == "с)"  # Cyrillic es, the 17th Russian letter
    assert draft.find("OP14(d)") is not None  # the sublist after it holds siblings


@pytest.mark.parametrize(
    ("printed", "before", "parent", "key"),
    [
        ("5 -", "", "", "5"),
        ("5 –", "", "", "5"),
        ("١٢ -", "", "", "12"),
        ("(أ)", "", "", "(a)"),
        ("(هـ)", "", "", "(e)"),
        ("(أأ)", "", "", "(aa)"),  # "(أ أ)": the 27th item, after (ض)
        ("’3‘", "", "", "(iii)"),
        ("一、", "", "", "1"),
        ("１．", "", "", "1"),
        ("（１）", "", "", "(1)"),
        ("㈠", "", "5", "(a)"),  # (一) under an operative paragraph: a letter
        ("㈠", "", "(b)", "(i)"),  # under a lettered item: a roman item
        ("（三）", "(ii)", "(b)", "(iii)"),
        ("(子)", "", "", "(a)"),
        ("с)", "(b)", "", "(c)"),  # the Cyrillic look-alike of c, after b)
        ("е)", "(d)", "", "(e)"),
        ("е)", "(e)", "", "(f)"),  # after д) = (e), "е" is the Russian 6th letter
        ("в)", "(b)", "", "(c)"),
        ("b)", "", "", "(b)"),
        ("1 bis.", "", "", "1bis"),
    ],
)
def test_number_keys_in_every_language(printed: str, before: str, parent: str, key: str) -> None:
    assert number_key(printed, before, parent) == key


def test_arabic_numbers_under_a_chinese_item_are_roman() -> None:
    assert number_key("1.", "", "(a)", "㈠") == "(i)"
    assert number_key("1.", "", "(f)", "(f)") == "1"  # English "(f)" then "1.": OP(f)1


@given(st.integers(min_value=1, max_value=99))
def test_chinese_numerals_read_back(value: int) -> None:
    assert numerals.cjk_value(numerals.cjk_numeral(value)) == value


@given(
    st.sampled_from(["abjad", "arabic-alphabet", "cyrillic"]),
    st.integers(min_value=1, max_value=20),
)
def test_each_alphabet_gives_a_letter_its_place(order: str, value: int) -> None:
    assert value in numerals.letter_values(numerals.letter_of(value, order))


@given(st.integers(min_value=1, max_value=26), st.data())
def test_a_latin_list_with_cyrillic_look_alikes_labels_by_place(
    length: int, data: st.DataObject
) -> None:
    """Any Latin list a) b) c)... in which some letters are typed as their Cyrillic
    look-alikes gets the labels (a), (b), (c)..."""
    look_alikes = {latin: cyrillic for cyrillic, latin in numerals.HOMOGLYPHS.items()}
    printed = []
    for value in range(1, length + 1):
        letter = numerals.latin_letters(value)
        if letter in look_alikes and data.draw(st.booleans()):
            letter = look_alikes[letter]
        printed.append(letter + ")")
    kids = tuple(Paragraph(kind=Kind.OPERATIVE, text="x", number=n) for n in printed)
    block = Paragraph(kind=Kind.OPERATIVE, text="x", number="1.", children=kids)
    labels = [c.label for c in assign_labels((block,))[0].children]
    assert labels == [f"OP1({numerals.latin_letters(v)})" for v in range(1, length + 1)]


def test_a_russian_list_in_its_own_alphabet_labels_by_place() -> None:
    kids = tuple(
        Paragraph(kind=Kind.OPERATIVE, text="x", number=f"{c})") for c in "абвгдежзиклмнопрст"
    )
    block = Paragraph(kind=Kind.OPERATIVE, text="x", number="1.", children=kids)
    labels = [c.label for c in assign_labels((block,))[0].children]
    assert labels == [f"OP1({chr(97 + i)})" for i in range(18)]


def test_word_document_with_arabic_numbers() -> None:
    """An Arabic draft typed in Word ("1 -<TAB>", "(أ)<TAB>", "’1‘<TAB>") gets the labels
    of the English one."""
    import docx

    from redraft.readers.docx import read_docx

    document = docx.Document()
    for text in (
        "إن الجمعية العامة،",
        "إذ تشير إلى قراراتها السابقة،",
        "1 -\tتطلب إلى الأمين العام ما يلي:",
        "(أ)\tأن يقدم تقريرا؛",
        "(ب)\tأن ينظر في ما يلي:",
        "’1‘\tالمسألة الأولى؛",
        "’2‘\tالمسألة الثانية؛",
        "2 –\tتقرر أن تبقي المسألة قيد نظرها.",
    ):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    draft, _ = read_docx(buffer.getvalue(), "ar.docx")
    assert draft.labels() == [
        "formula",
        "PP1",
        "OP1",
        "OP1(a)",
        "OP1(b)",
        "OP1(b)(i)",
        "OP1(b)(ii)",
        "OP2",
    ]


def test_word_numbering_formats_of_the_other_languages() -> None:
    from redraft.readers.docx_numbering import format_value

    assert [format_value(3, f) for f in ("arabicAbjad", "arabicAlpha", "russianLower")] == [
        "ج",
        "ت",
        "в",
    ]
    assert format_value(12, "hindiNumbers") == "١٢"
    assert format_value(12, "chineseCounting") == "十二"
    assert number_key(f"({format_value(3, 'arabicAlpha')})", "(b)") == "(c)"


@pytest.mark.parametrize(
    "line",
    [
        "Action 1. We will take bold, ambitious, accelerated, just and transformative actions.",
        "Action 13 *. * We will redouble our efforts to build and sustain peaceful societies.",
        "Mesure 1. Nous convenons de prendre des mesures audacieuses.",
        "Mesures 9. Nous entendons renforcer les mesures prises.",
        "Acción 1. Emprenderemos acciones audaces y ambiciosas.",
        "Действие 1. Мы будем предпринимать смелые, решительные, ускоренные действия.",
        "行动1. 我们将采取大胆、雄心勃勃、快速、公正和变革性的行动。",
        "الإجراء 1 - سنتخذ إجراءات جريئة وطموحة ومعجلة وعادلة وتحوّلية.",
        "الإجراء 40 -سنكثف من الجهود التي نبذلها.",
    ],
)
def test_the_actions_of_an_outcome_document_in_every_language(line: str) -> None:
    """79/1's actions as each language prints them (tests/cases/text/action-titles-fr.txt
    reads the French ones in place)."""
    from redraft.readers.text_tree import action_title

    assert action_title(line)
    assert not action_title("Actions taken by the Secretary-General. The Assembly notes them.")


def test_a_paragraph_ending_with_references_listed_with_a_comma_ends() -> None:
    """79/138 in Chinese ends a preambular paragraph with "，¹⁰、¹¹": the "、" between the two
    references is theirs, not the paragraph's, so the next paragraph is not joined to it
    (the paragraph of A/RES/79/138, the next one shortened: tests/data/text/SOURCES.md)."""
    from redraft.readers.text import read_text

    text = (
        "大会，\n\n\t重申其1991年12月19日关于加强联合国人道主义紧急援助协调的第46/182号决议，\n\n"
        "\t深为关切地注意到联合国人员在部署后面临的威胁不断变化，2023年有1\xa0915人受到安全和安保"
        "事件的影响，其中有32人丧生(其中13人死于犯罪、恐怖主义和武装冲突等暴力行为)，284人受伤(其中"
        "107人因暴力行为受伤)，17人遭绑架，9人受到性侵犯，103人遭逮捕和拘禁，还有399起据报的恐吓和"
        "骚扰案件，⁸ 并注意到这些数字不包括不属于联合国安保管理系统的联合国人员，如近东救济工程处在"
        "当地征聘的地区工作人员；2023年这些人员中有141人丧生，57人受伤，39人遭逮捕和拘禁，还有44起"
        "据报的恐吓和骚扰案件，⁹ 2023年，这些人员的死亡人数之多前所未有，是联合国人员在单次冲突中"
        "死亡人数的最高记录，¹⁰、¹¹\n\n"
        "⁸ 见A/79/149，附件一和附件三。\n\n⁹ 同上，附件五。\n\n¹⁰ 同上，第61段。\n\n"
        "¹¹ 见相关的秘书长说明和通告。\n\n"
        "\t强烈谴责针对人道主义人员的一切暴力行为、袭击和威胁，\n\n"
        "1.\t表示赞赏地注意到秘书长的报告；\n"
    )
    draft = read_text(text)[0]
    labels = [u.label for u in draft.units() if not u.label.startswith("FN")]
    assert labels == ["formula", "PP1", "PP2", "PP3", "OP1"]


def test_the_no_break_space_after_a_number_is_not_text() -> None:
    """The French and Spanish files type "a)" then a no-break space before the words
    ("<num>a)</num> ... <p>&#xa0;Redoubler d’efforts"): it spaces the number from the text
    in print and is not part of the text, as the text, Word and PDF readers read it."""
    xml = (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        '<statement name="resolution"><preamble>'
        "<formula><p>L’Assemblée générale,</p></formula>"
        "<container><p>Rappelant ses résolutions antérieures,</p></container></preamble>"
        "<mainBody><paragraph><num>1.</num><content><p>Décide :</p></content>"
        "<paragraph><num>a)</num><content><p>&#xa0;<span class='italic'>Redoubler</span>"
        " d’efforts\u00a0;</p></content></paragraph></paragraph></mainBody>"
        "</statement></akomaNtoso>"
    ).encode()
    draft = read_akn(xml, "fr.xml")[0]
    item = next(u for u in draft.units() if u.label == "OP1(a)")
    assert item.text == "Redoubler d’efforts\u00a0;"
