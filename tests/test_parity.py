"""Parity of language versions (redraft.parity): real six-language resolutions, with
defects injected in each language, and the law that a version matches itself."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redraft.errors import InputError
from redraft.labels import assign_labels
from redraft.model import Draft, Kind, Paragraph, footnote_ref
from redraft.parity import (
    OFFICIAL_LANGUAGES,
    check_parity,
    compare_units,
    default_ratios,
    draft_units,
    learn_ratios,
    normalize_language,
)
from redraft.readers import read_path
from tests.strategies import drafts

DATA = Path(__file__).parent / "data" / "parity"
CLEAN = ("79_9", "79_11", "79_126", "79_186")
OTHERS = tuple(lang for lang in OFFICIAL_LANGUAGES if lang != "en")
LETTER = {"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es"}


@cache
def versions(resolution: str) -> dict[str, Draft]:
    found = {}
    for path in sorted(DATA.glob(f"A_RES_{resolution}-*.xml")):
        found[LETTER[path.stem[-1]]] = read_path(path).draft
    assert len(found) == 6, resolution
    return found


# -- sets that correspond ------------------------------------------------------


@pytest.mark.parametrize("resolution", CLEAN)
def test_six_versions_that_correspond_have_no_finding(resolution: str) -> None:
    result = check_parity(versions(resolution))
    assert result.findings == ()
    assert result.languages == OFFICIAL_LANGUAGES
    assert result.exit_code == 0
    assert all(a.by_label == a.paragraphs for a in result.alignment.values())


@pytest.mark.parametrize("reference", OTHERS)
def test_any_language_can_be_the_reference(reference: str) -> None:
    assert check_parity(versions("79_126"), reference=reference).findings == ()


def test_published_slips_are_found() -> None:
    """79/220 as published: the French cites 178/145 for 78/145 and 75/223 for 75/233."""
    result = check_parity(versions("79_220"))
    found = [(f.language, f.label, f.kind, f.detail) for f in result.findings]
    assert found == [
        ("fr", "PP1", "figure", "178/145 where en has 78/145"),
        ("fr", "PP9", "figure", "75/223 where en has 75/233"),
    ]
    assert result.findings[0].severity == "error"
    assert "178/145" in result.findings[0].excerpt
    assert "78/145" in result.findings[0].reference_excerpt


def test_labels_that_disagree_are_aligned_by_structure_length_and_figures() -> None:
    """A reader that numbers another language's paragraphs differently (issue 14: "P1"
    for an Arabic OP it could not read) must not make parity report anything."""
    arabic = versions("79_9")["ar"]
    counter = iter(range(1, 1000))

    def relabel(block: Paragraph) -> Paragraph:
        return replace(
            block,
            label=f"P{next(counter)}",
            children=tuple(relabel(c) for c in block.children),
        )

    scrambled = replace(arabic, blocks=tuple(relabel(b) for b in arabic.blocks))
    result = check_parity({"en": versions("79_9")["en"], "ar": scrambled}, expected=())
    assert result.findings == ()
    assert result.alignment["ar"].by_content == result.alignment["ar"].paragraphs


def test_footnotes_cited_in_another_order_are_no_finding() -> None:
    """Chinese word order may cite "resolutions 73/195 and 71/1" the other way round:
    the footnotes' texts then come in another order (79/93 as published)."""
    french = versions("79_9")["fr"]
    pp7 = french.find("PP7")
    assert isinstance(pp7, Paragraph) and len(pp7.footnotes) == 2
    first, second = pp7.footnotes
    swapped = (replace(first, text=second.text), replace(second, text=first.text))

    def edit(block: Paragraph) -> Paragraph:
        return replace(block, footnotes=swapped) if block.label == "PP7" else block

    reordered = replace(french, blocks=tuple(edit(b) for b in french.blocks))
    result = check_parity({"en": versions("79_9")["en"], "fr": reordered}, expected=())
    assert result.findings == ()


def test_missing_languages_are_findings() -> None:
    six = versions("79_11")
    result = check_parity({"en": six["en"], "fr": six["fr"]})
    assert [(f.language, f.kind) for f in result.findings] == [
        ("ar", "language"),
        ("zh", "language"),
        ("ru", "language"),
        ("es", "language"),
    ]
    assert check_parity({"en": six["en"], "fr": six["fr"]}, expected=("en", "fr")).findings == ()


def test_the_reference_must_be_given() -> None:
    with pytest.raises(InputError, match="no en version"):
        check_parity({"fr": versions("79_11")["fr"], "es": versions("79_11")["es"]})


# -- defects injected in each language -----------------------------------------


def drop_paragraph(draft: Draft) -> tuple[Draft, str]:
    """The middle operative paragraph goes; the rest is labelled again."""
    operative = [i for i, b in enumerate(draft.blocks) if b.kind is Kind.OPERATIVE]
    index = operative[len(operative) // 2]
    label = draft.blocks[index].label
    blocks = draft.blocks[:index] + draft.blocks[index + 1 :]
    return replace(draft, blocks=assign_labels(blocks)), label


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-2]\d)(?!\d)")


def change_figure(draft: Draft) -> tuple[Draft, str]:
    """The last year of the last paragraph holding one moves by one (2015 -> 2016)."""
    units = [b for b in draft.walk() if _YEAR.search(b.text)]
    target = units[-1]
    match = list(_YEAR.finditer(target.text))[-1]
    year = match.group(1)
    changed = year[:3] + str((int(year[3]) + 1) % 10)
    text = target.text[: match.start()] + changed + target.text[match.end() :]

    def edit(block: Paragraph) -> Paragraph:
        if block is target:
            return replace(block, text=text)
        return replace(block, children=tuple(edit(c) for c in block.children))

    return replace(draft, blocks=tuple(edit(b) for b in draft.blocks)), target.label


def drop_footnote(draft: Draft) -> tuple[Draft, str]:
    """The last footnote goes, with its reference in the text."""
    note = draft.footnotes()[-1]

    def edit(block: Paragraph) -> Paragraph:
        if note in block.footnotes:
            return replace(
                block,
                text=block.text.replace(footnote_ref(note.marker), "", 1),
                footnotes=tuple(f for f in block.footnotes if f != note),
            )
        return replace(block, children=tuple(edit(c) for c in block.children))

    return replace(draft, blocks=tuple(edit(b) for b in draft.blocks)), note.label


def merge_paragraphs(draft: Draft) -> tuple[Draft, str]:
    """The middle two preambular paragraphs run together; the rest is labelled again."""
    preambular = [i for i, b in enumerate(draft.blocks) if b.kind is Kind.PREAMBULAR]
    i = preambular[len(preambular) // 2 - 1]
    first, second = draft.blocks[i], draft.blocks[i + 1]
    merged = replace(
        first, text=f"{first.text} {second.text}", footnotes=first.footnotes + second.footnotes
    )
    blocks = draft.blocks[:i] + (merged,) + draft.blocks[i + 2 :]
    return replace(draft, blocks=assign_labels(blocks)), second.label


def move_paragraph(draft: Draft) -> tuple[Draft, str]:
    """The longest of the first preambular paragraphs moves three places down; the rest
    is labelled again (preambular labels follow the order)."""
    preambular = [i for i, b in enumerate(draft.blocks) if b.kind is Kind.PREAMBULAR]
    i = max(preambular[:-3], key=lambda k: len(draft.blocks[k].text))
    blocks = list(draft.blocks)
    moving = blocks.pop(i)
    blocks.insert(i + 3, moving)
    return replace(draft, blocks=assign_labels(tuple(blocks))), moving.label


DEFECTS = {
    "missing": drop_paragraph,
    "figure": change_figure,
    "footnote": drop_footnote,
    "merged": merge_paragraphs,
    "moved": move_paragraph,
}


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("resolution", CLEAN)
@pytest.mark.parametrize("kind", DEFECTS)
def test_an_injected_defect_is_found_at_its_label(
    kind: str, resolution: str, language: str
) -> None:
    six = versions(resolution)
    broken, label = DEFECTS[kind](six[language])
    result = check_parity({"en": six["en"], language: broken}, expected=())
    found = [(f.kind, f.label) for f in result.findings]
    assert (kind, label) in found, found
    # and nothing far away: every finding is about the defect or its neighbours
    assert len(result.findings) <= 3, found


# -- laws ------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draft=drafts(), language=st.sampled_from(OFFICIAL_LANGUAGES))
def test_a_version_compared_with_itself_has_no_finding(draft: Draft, language: str) -> None:
    units = draft_units(draft, language)
    ratio = default_ratios().pair(language, language)
    findings, alignment = compare_units(units, units, ratio)
    assert findings == []
    assert alignment.by_label == len(units.paragraphs)


@pytest.mark.parametrize("language", OFFICIAL_LANGUAGES)
def test_each_real_version_compared_with_itself(language: str) -> None:
    units = draft_units(versions("79_9")[language], language)
    findings, _ = compare_units(units, units, default_ratios().pair(language, language))
    assert findings == []


def test_the_shipped_ratios_cover_every_pair_of_official_languages() -> None:
    table = default_ratios()
    for a in OFFICIAL_LANGUAGES:
        for b in OFFICIAL_LANGUAGES:
            if a != b:
                assert f"{a}>{b}" in table.pairs
    assert 0.2 < table.pair("en", "zh").ratio < 0.35  # Chinese counts ideographs
    assert 1.0 < table.pair("en", "fr").ratio < 1.3
    assert table.pair("en", "de").sigma > table.pair("en", "fr").sigma  # unknown: wider
    assert "method" in table.about and "source" in table.about


def test_learning_ratios() -> None:
    pairs = learn_ratios([versions(r) for r in (*CLEAN, "79_220")])
    assert 1.0 < pairs["en>es"]["ratio"] < 1.3
    assert pairs["en>fr"]["samples"] >= 50


@pytest.mark.parametrize(
    ("typed", "code"),
    [("fr", "fr"), ("FR", "fr"), ("fr-CA", "fr"), ("fra", "fr"), ("French", "fr"), ("zho", "zh")],
)
def test_language_names(typed: str, code: str) -> None:
    assert normalize_language(typed) == code


def test_an_unknown_language_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown language"):
        normalize_language("français canadien")


# -- known sources of false alarms (docs/parity.md) ---------------------------------


def _read(text: str, name: str = "x.txt") -> Draft:
    from redraft.readers import read_bytes

    return read_bytes(text.encode("utf-8"), name).draft


def _findings(english: str, other: str, language: str = "fr") -> list[tuple[str, str]]:
    result = check_parity({"en": _read(english), language: _read(other)}, expected=())
    return [(f.kind, f.label) for f in result.findings]


CLOSING_EN = (
    "3. Decides to remain seized of the matter and to consider the question at its "
    'eightieth session under the item entitled "Sustainable development".\n'
)
CLOSING_FR = (
    "3. Décide de rester saisie de la question et de l’examiner à sa quatre-vingtième "
    "session au titre de la question intitulée « Développement durable ».\n"
)


def test_an_acronym_against_its_words_is_no_length_outlier() -> None:
    english = (
        "The General Assembly,\n\n1. Recalls its previous resolutions on the matter and "
        "welcomes the work of the secretariat of the conference;\n\n2. Takes note with "
        "appreciation of the report of the United Nations Conference on Trade and "
        "Development on the least developed countries;\n\n" + CLOSING_EN
    )
    french = (
        "L’Assemblée générale,\n\n1. Rappelle ses résolutions antérieures sur la question "
        "et salue le travail du secrétariat de la conférence ;\n\n2. Prend acte avec "
        "satisfaction du rapport de la CNUCED sur les pays les moins avancés ;\n\n" + CLOSING_FR
    )
    assert _findings(english, french) == []
    # without the acronym, the French is far too short
    assert _findings(english, french.replace("de la CNUCED ", "")) == [("length", "OP2")]


def test_words_after_a_list_in_its_chapeau_elsewhere() -> None:
    english = (
        "The General Assembly,\n\n1. Requests each State Party to adopt such legislative "
        "and other measures as may be necessary to empower its competent authorities to "
        "search or similarly access the following:\n\n(a) An information and "
        "communications technology system, part of it, and electronic data stored therein;"
        "\n\n(b) An electronic data storage medium in which the electronic data sought may "
        "be stored;\n\nin the territory of that State Party.\n\n" + CLOSING_EN
    )
    french = (
        "L’Assemblée générale,\n\n1. Prie chaque État Partie d’adopter les mesures "
        "législatives et autres nécessaires pour habiliter ses autorités compétentes à "
        "perquisitionner ou à accéder d’une façon similaire, sur son territoire :\n\n"
        "a) Un système informatique, une partie de celui-ci et les données électroniques "
        "qui y sont stockées ;\n\nb) Un support de stockage de données électroniques dans "
        "lequel les données électroniques recherchées peuvent être stockées ;\n\n" + CLOSING_FR
    )
    assert _read(english).labels()[4] == "OP1.p1"
    assert _findings(english, french) == []


def test_sub_paragraphs_run_into_their_parent() -> None:
    english = (
        "The General Assembly,\n\n1. Calls upon Member States, in cooperation with the "
        "relevant organizations of the United Nations system:\n\n(a) To strengthen their "
        "national statistical systems and the collection of data on tourism;\n\n(b) To "
        "promote the exchange of good practices among the countries of each region;\n\n"
        "(c) To support the small island developing States in the sustainable management "
        "of their coastal areas;\n\n" + CLOSING_EN
    )
    french = (
        "L’Assemblée générale,\n\n1. Demande aux États Membres, en coopération avec les "
        "organismes compétents du système des Nations Unies : a) de renforcer leurs "
        "systèmes statistiques nationaux et la collecte de données sur le tourisme ; b) de "
        "promouvoir l’échange de bonnes pratiques entre les pays de chaque région ; c) "
        "d’aider les petits États insulaires en développement à gérer durablement leurs "
        "zones côtières ;\n\n" + CLOSING_FR
    )
    assert _read(french).labels() == ["formula", "OP1", "OP3"]
    assert _findings(english, french) == []


def test_a_reissue_note_and_article_headings_laid_out_otherwise() -> None:
    english = (
        "The General Assembly,\n\nArticle 2\n\nUse of terms\n\n1. Decides that the terms "
        "used in the present Convention have the meaning given to them in article 2;\n"
    )
    french = (
        "* Nouveau tirage pour raisons techniques le 5 mai 2025.\n\nL’Assemblée générale,\n\n"
        "Article 2 Terminologie\n\n1. Décide que les termes employés dans la présente "
        "Convention ont le sens qui leur est donné à l’article 2 ;\n"
    )
    assert _findings(english, french) == []


@pytest.mark.parametrize(
    ("resolution", "language", "label"),
    [("79_186", "fr", "PP8"), ("79_126", "es", "PP3"), ("79_220", "zh", "PP12")],
)
def test_a_paragraph_moved_two_places_is_one_finding(
    resolution: str, language: str, label: str
) -> None:
    """The alignment first pairs each paragraph of the run with its neighbour (lengths
    or figures that do not fit): read again, one paragraph moved."""
    six = versions(resolution)
    blocks = list(six[language].blocks)
    index = next(i for i, b in enumerate(blocks) if b.label == label)
    blocks.insert(index + 2, blocks.pop(index))
    moved = replace(six[language], blocks=assign_labels(tuple(blocks)))
    found = check_parity({"en": six["en"], language: moved}, expected=()).findings
    before = check_parity({"en": six["en"], language: six[language]}, expected=()).findings
    assert [(f.kind, f.label) for f in found if f not in before] == [("moved", label)]
