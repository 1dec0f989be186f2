"""What counts as the same words (redraft.precedent.normalize) and which paragraphs are
boilerplate (redraft.precedent.boilerplate), in the six official languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from redraft.model import Kind
from redraft.precedent.boilerplate import boilerplate
from redraft.precedent.normalize import clean, shingles, sketch, text_key, tokens
from redraft.readers import read_path

DATA = Path(__file__).parent / "data" / "precedent"


@pytest.mark.parametrize(
    ("printed", "plain"),
    [
        # no-break, thin and ideographic spaces, tabs and line breaks are one space
        ("of 2\u00a0December\u2009 2004", "of 2 December 2004"),
        ("Recalling\tits\nresolution", "Recalling its resolution"),
        # zero-width and directional marks, soft hyphens, the byte-order mark
        ("non\u00adState\u200b actors\u200e,\ufeff", "nonState actors,"),
        # footnote markers, superscript or bracketed, Arabic style "(¹)" included
        ("the report,¹⁶ and[^a] its annex", "the report, and its annex"),
        ("العام(¹)، والمنظمات", "العام، والمنظمات"),
        # quotes and dashes
        ("entitled “Transforming our world” – 2030", 'entitled "Transforming our world" - 2030'),
        ("l’Organisation « des Nations Unies »", 'l\'Organisation " des Nations Unies "'),
        # Arabic-Indic digits, vowel marks and the tatweel
        ("المؤرخ ٢ كانون الأول/ديسمبر ٢٠٠٤", "المؤرخ 2 كانون الأول/ديسمبر 2004"),
        ("تُدرج تقريراً", "تدرج تقريرا"),
        ("الأمـــم", "الأمم"),
        # Russian ё, full-width forms in Chinese
        ("ещё", "еще"),
        ("第７９／１号决议，", "第79/1号决议,"),
    ],
)
def test_typography_is_not_a_difference(printed: str, plain: str) -> None:
    assert clean(printed) == plain


def test_tokens_drop_punctuation_and_the_first_words_case() -> None:
    assert tokens("Urges all States, in particular, to act;") == tokens(
        "urges all States in particular to act."
    )
    assert tokens("Recalling its resolution 70/1 of 25 September 2015,") == [
        "recalling",
        "its",
        "resolution",
        "70/1",
        "of",
        "25",
        "September",
        "2015",
    ]
    # the case of a later word is a difference: "States" is not "states"
    assert tokens("Urges States") != tokens("Urges states")


def test_chinese_is_compared_character_by_character() -> None:
    assert tokens("决定继续处理此案。") == ["决", "定", "继", "续", "处", "理", "此", "案"]
    assert tokens("第79/1号") == ["第", "79/1", "号"]


def test_every_footnote_marker_the_model_knows_is_looked_for() -> None:
    """normalize spells the superscript digits out (so that a phrase search starts
    without the draft model): they must stay those of the model."""
    from redraft.model import SUPERSCRIPT_DIGITS
    from redraft.precedent.normalize import _MAY_HOLD_REF

    for digit in SUPERSCRIPT_DIGITS:
        assert _MAY_HOLD_REF.search(f"a{digit}"), digit
        assert clean(f"report{digit}{digit} and") == "report and"
    assert _MAY_HOLD_REF.search("a [^x] b") and not _MAY_HOLD_REF.search("a [x] b")


def test_the_verbatim_key_ignores_typography() -> None:
    a = "Recalling its resolution 59/50 of 2\u00a0December 2004,¹ in which"
    b = "recalling its resolution 59/50 of 2 December 2004 in which"
    assert text_key(tokens(a)) == text_key(tokens(b))
    assert text_key(tokens(a)) != text_key(tokens(a.replace("2004", "2005")))


def test_shingle_hashes_are_stable_across_processes() -> None:
    # The index keeps these numbers on disk: they must not depend on Python's
    # per-process string hashing. A change here needs a new index format.
    assert shingles(["a", "b", "c"]) != shingles(["c", "b", "a"])
    assert len(shingles(["a", "b", "c", "d"])) == 2
    assert sketch([5, 1, 4, 2], 2) == [1, 2]
    assert sorted(shingles(["the", "General", "Assembly"])) == [3264131236479272568]


def _op9(language_file: str) -> str:
    draft = read_path(DATA / language_file).draft
    found = draft.find("OP9")
    assert found is not None
    return found.text


@pytest.mark.parametrize(
    "name",
    [
        "en/A_RES_79_10-2421660E.xml",
        "other/A_RES_79_10-2421660F.xml",
        "other/A_RES_79_10-2421660S.xml",
        "other/A_RES_79_10-2421660R.xml",
        "other/A_RES_79_10-2421660A.xml",
        "other/A_RES_79_10-2421660C.xml",
    ],
)
def test_the_provisional_agenda_formula_in_six_languages(name: str) -> None:
    # 79/10 OP9: "Decides to include in the provisional agenda of its eighty-first session..."
    assert boilerplate(_op9(name)) == "provisional-agenda"


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("Decides to remain seized of the matter.", "remain-seized"),
        ("Décide de rester saisie de la question.", "remain-seized"),
        ("Decide seguir ocupándose de la cuestión.", "remain-seized"),
        ("постановляет продолжать заниматься этим вопросом.", "remain-seized"),
        ("تقرر أن تُبقي المسألة قيد نظرها.", "remain-seized"),
        ("决定继续处理此案。", "remain-seized"),
        (
            "Requests the Secretary-General to submit to the General Assembly at its eightieth "
            "session a report on the implementation of the present resolution;",
            "report-on-implementation",
        ),
        (
            "Prie le Secrétaire général de lui présenter, à sa quatre-vingt-unième session, un "
            "rapport sur l’application de la présente résolution ;",
            "report-on-implementation",
        ),
        ("请秘书长向大会第八十一届会议提交关于本决议执行情况的报告；", "report-on-implementation"),
        (
            "Decides to continue its consideration of the question at its eightieth session.",
            "continue-consideration",
        ),
    ],
)
def test_procedural_formulae(text: str, formula: str) -> None:
    assert boilerplate(text) == formula


@pytest.mark.parametrize(
    "text",
    [
        # a report requested on something more than the present resolution
        "Requests the Secretary-General to submit to the General Assembly at its eightieth "
        "session a report on the implementation of the present resolution, including on the "
        "measures taken by Member States to strengthen their national legislation, and on the "
        "obstacles they encountered in doing so;",
        # a substantive decision
        "Decides to establish an open-ended working group on the safety of journalists;",
        # taking an item off the agenda is not the agenda formula
        "又决定将题为“非洲联盟-联合国达尔富尔混合行动经费的筹措”的项目从其议程中删除。",
    ],
)
def test_substance_is_not_boilerplate(text: str) -> None:
    assert boilerplate(text) == ""


def test_the_formula_and_the_heading_are_boilerplate_by_kind() -> None:
    assert boilerplate("The General Assembly,", Kind.FORMULA) == "formula"
    assert boilerplate("79/10.", Kind.DOC_HEADING) == "heading"


@pytest.mark.parametrize(
    ("heading", "organ", "symbol"),
    [
        ("79/144.", "General Assembly", "A/RES/79/144"),
        ("Resolution 79/144", "", "A/RES/79/144"),
        ("S/RES/2728 (2024)", "Security Council", "S/RES/2728 (2024)"),
        (
            "Resolution 20/1",
            "Commission on Crime Prevention and Criminal Justice",
            "Resolution 20/1",
        ),
    ],
)
def test_a_symbol_from_the_heading_when_the_metadata_has_none(
    heading: str, organ: str, symbol: str
) -> None:
    from redraft.model import Meta
    from redraft.precedent.documents import symbol_of

    assert symbol_of(Meta(organ=organ), heading) == symbol
    assert symbol_of(Meta(symbol="A/RES/1/1", organ=organ), heading) == "A/RES/1/1"
