"""Figures read as each language writes them (redraft.parity.figures, figure_diff)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from redraft.parity.figure_diff import compare_figures
from redraft.parity.figures import extract_figures, normalize_digits, parse_number

CASES = Path(__file__).parent / "cases" / "parity" / "same-figures.txt"


def _blocks() -> list[list[tuple[str, str]]]:
    blocks: list[list[tuple[str, str]]] = [[]]
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        language, text = line.split("\t", 1)
        blocks[-1].append((language, text))
    return [b for b in blocks if b]


def _values(text: str, language: str) -> Counter[str]:
    return Counter(f.value for f in extract_figures(text, language))


@pytest.mark.parametrize("block", _blocks(), ids=lambda b: b[0][1][:30])
def test_the_same_figures_in_every_language(block: list[tuple[str, str]]) -> None:
    first_language, first_text = block[0]
    expected = _values(first_text, first_language)
    for language, text in block[1:]:
        assert _values(text, language) == expected, (language, text)


@pytest.mark.parametrize(
    ("language", "text", "values"),
    [
        # thousands and decimals, as each language writes them
        ("en", "10,000", ["10000"]),
        ("en", "1,234,567.5", ["1234567.5"]),
        ("en", "0.005", ["0.005"]),
        ("fr", "10\u00a0000,5", ["10000.5"]),
        ("fr", "10\u202f000", ["10000"]),
        ("fr", "1,5", ["1.5"]),
        ("es", "1.500", ["1500"]),
        ("es", "0,005", ["0.005"]),
        ("es", "1.234.567", ["1234567"]),
        ("ru", "2,5", ["2.5"]),
        ("zh", "1.5", ["1.5"]),
        ("ar", "0,005", ["0.005"]),
        # not thousands: two numbers; a numbering kept as written
        ("en", "in 2015 100 States", ["2015", "100"]),
        ("en", "section 5.2.1", ["5.2.1"]),
        # English writes no decimal comma: a footnote typed as a plain digit
        ("en", "of 12 August 1949,2 continue", ["12", "month:8", "1949", "2"]),
        # Arabic files keep the digit groups of large numbers in reverse
        ("ar", "000 600", ["600000"]),
        ("ar", "034 30", ["30034"]),
        ("ar", "500 266", ["266500"]),
        # digits of other scripts
        ("ar", "١٢٣", ["123"]),
        ("zh", "１２３", ["123"]),
    ],
)
def test_numbers(language: str, text: str, values: list[str]) -> None:
    assert [f.value for f in extract_figures(text, language)] == values


def test_arabic_groups_that_may_be_reversed_match_either_way() -> None:
    (figure,) = extract_figures("887 306", "ar")
    assert figure.value == "306887" and figure.alternatives == ("887306",)
    assert not compare_figures(extract_figures("306,887", "en"), [figure])
    assert not compare_figures(extract_figures("887,306", "en"), [figure])


def test_kinds() -> None:
    kinds = {
        f.value: f.kind
        for f in extract_figures(
            "In 2015, resolution 69/313 and A/79/302 gave 15 per cent of $2 million in May 2025",
            "en",
        )
    }
    assert kinds == {
        "2015": "year",
        "resolution:69/313": "resolution",
        "symbol:A/79/302": "symbol",
        "15": "percent",
        "2000000": "amount",
        "month:5": "month",
        "2025": "year",
    }


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Weapons Which May Be Deemed to Be Excessively Injurious"),
        ("fr", "la planète Mars"),
        ("ar", "مارس حقه"),  # "exercised his right": a verb, not March
        ("en", "HIV/AIDS"),
        ("en", "the thirteenth session"),
    ],
)
def test_words_that_are_not_figures(language: str, text: str) -> None:
    assert extract_figures(text, language) == []


def test_english_titles_cited_in_other_languages_keep_their_months() -> None:
    assert _values("(Washington, D.C., March 2017)", "ru") == Counter({"month:3": 1, "2017": 1})


def test_normalize_digits() -> None:
    assert normalize_digits("٢٠٢٥ ۲۰۲۵ ２０２５％") == "2025 2025 2025%"
    assert normalize_digits("A/ES\u201110/794") == "A/ES-10/794"


def test_parse_number_splits_what_cannot_be_thousands() -> None:
    assert [v for v, _ in parse_number("12 1234", "fr")] == ["12", "1234"]


# -- comparing -----------------------------------------------------------------


def _diff(ref: str, other: str, language: str = "es") -> tuple[list[str], list[str], list[str]]:
    diff = compare_figures(extract_figures(ref, "en"), extract_figures(other, language))
    return (
        [f"{a.shown()}>{b.shown()}" for a, b in diff.substituted],
        [f.shown() for f in diff.missing],
        [f.shown() for f in diff.added],
    )


def test_a_year_changed_is_a_substitution() -> None:
    # The slip the issue cites: a Spanish version writing 2025 where English says 2015.
    assert _diff(
        "its resolution 69/313 of 27 July 2015", "su resolución 69/313, de 27 de julio de 2025"
    ) == (["2015>2025"], [], [])


def test_a_changed_year_is_found_even_when_it_is_elsewhere_in_the_paragraph() -> None:
    assert _diff("in 2015 and 2025", "en 2025 y 2025") == (["2015>2025"], [], [])


def test_resolution_numbers_one_keystroke_apart() -> None:
    assert _diff("resolution 78/145", "résolution 178/145", "fr") == (["78/145>178/145"], [], [])


def test_a_plain_number_alone_on_one_side_is_not_reported() -> None:
    # "Eighteenth Symposium" against "18º Simposio": a number written in words
    assert _diff("the Eighteenth Symposium", "el 18º Simposio") == ([], [], [])


def test_a_symbol_alone_on_one_side_is_reported() -> None:
    assert _diff("(A/66/53 and A/66/53/Add.1)", "(A/66/53)", "fr") == ([], ["A/66/53/Add.1"], [])
    # a corrigendum of a document the other side does not cite is reported as any symbol
    assert _diff("(A/66/53/Corr.1)", "(voir)", "fr") == ([], ["A/66/53/Corr.1"], [])


def test_a_corrigendum_of_a_document_both_cite_is_not_reported() -> None:
    # corrigenda are often issued in some languages only
    assert _diff("(A/66/53/Add.1 and A/66/53/Add.1/Corr.1)", "(A/66/53/Add.1)", "fr") == (
        [],
        [],
        [],
    )
    assert _diff("(A/CONF.192/15)", "(A/CONF.192/15 y A/CONF.192/15/Corr.1)", "es") == (
        [],
        [],
        [],
    )


def test_a_law_numbered_with_its_year() -> None:
    assert _diff("Law No. 10/2018", "la loi no 10 de 2018", "fr") == ([], [], [])
    assert _diff("Law No. 10/2018", "القانون رقم 10 لعام 2018", "ar") == ([], [], [])


def test_decades() -> None:
    assert _values("in the 1990s", "en") == Counter({"decade:1990": 1})
    assert _values("в 1990-х годах", "ru") == Counter({"decade:1990": 1})
    for text, language in (
        ("dans les années 90", "fr"),
        ("en el Decenio de 1990", "es"),
        ("1990年代", "zh"),
        ("في التسعينات", "ar"),
    ):
        assert _diff("in the 1990s", text, language) == ([], [], []), text


def test_a_year_before_a_range_of_amounts_is_a_year() -> None:
    text = "de los 54.400 millones de dólares en 2022 a 52.600 millones"
    assert _values(text, "es") == Counter({"54400000000": 1, "2022": 1, "52600000000": 1})
    assert _values("between 713 and 757 million", "en") == Counter({"713000000": 1, "757000000": 1})


def test_arabic_resolution_numbers_held_right_to_left() -> None:
    assert _diff("resolution 75/249", "قرارها 249/75", "ar") == ([], [], [])


def test_a_symbol_against_its_numbers_in_another_script() -> None:
    assert _diff("decision SS.XI/9", "المقرر دإ-11/9", "ar") == ([], [], [])


def test_round_amounts_written_in_words_are_not_reported() -> None:
    # "1 billion hectares" is "одного миллиарда гектаров" in Russian
    assert _diff("1 billion hectares", "одного миллиарда гектаров", "ru") == ([], [], [])


def test_plain_numbers_need_a_near_miss_to_pair() -> None:
    assert _diff("panel 1 from 3.30", "第4场", "zh") == ([], [], [])
    assert _diff("148 people", "184 personas") == (["148>184"], [], [])
