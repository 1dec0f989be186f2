"""Which language version stands for which version of the original (pure rules of
redraft.parity.versions), the language a text reads as, the parity cache's round trip
and the ``[session] parity`` levels."""

from __future__ import annotations

from pathlib import Path

import pytest

from redraft.config import PARITY_KINDS, SessionConfig, load_config
from redraft.errors import ConfigError
from redraft.model import Version
from redraft.parity import KINDS, check_parity
from redraft.parity.languages import guess_language
from redraft.parity.result import result_data, result_from_data
from redraft.parity.versions import (
    describe_languages,
    language_drafts,
    originals,
    parse_translates,
    standing_for,
    translated,
    translates_value,
)
from redraft.readers import read_path

DATA = Path(__file__).parent / "data" / "parity"
OFFICIAL = ("ar", "zh", "en", "fr", "ru", "es")


def version(name: str, number: int, day: str, blob: str = "", translates: str = "") -> Version:
    return Version(
        name=name,
        number=number,
        commit=f"{number:040x}",
        date=f"2024-11-{day}T12:00:00+00:00",
        by="x",
        blob=blob or f"{name}{number}".ljust(40, "0"),
        translates=translates,
    )


HISTORY = [version("tour", n, d, blob=f"{n}" * 40) for n, d in ((1, "01"), (2, "05"), (3, "09"))]


def test_the_trailer_names_the_version_and_its_text() -> None:
    value = translates_value(HISTORY[1])
    assert value == "tour@2 " + "2" * 40
    assert parse_translates(value) == ("tour", 2, "2" * 40)
    assert parse_translates("tour@2") == ("tour", 2, "")
    assert parse_translates("nonsense") is None


def test_translated_by_text_then_number_then_date() -> None:
    by_text = version("tour.fr", 1, "02", translates="tour@7 " + "2" * 40)
    assert translated(by_text, HISTORY) == HISTORY[1]  # renumbered by a sync: the text decides
    by_number = version("tour.fr", 1, "02", translates="tour@3 " + "f" * 40)
    assert translated(by_number, HISTORY) == HISTORY[2]  # that text is gone: its number
    by_date = version("tour.fr", 1, "06")  # no trailer: the latest on or before its date
    assert translated(by_date, HISTORY) == HISTORY[1]
    assert translated(version("tour.fr", 1, "01"), []) is None


def test_a_text_that_came_back_is_the_version_nearest_the_number() -> None:
    history = [*HISTORY, version("tour", 4, "10", blob="1" * 40)]  # version 4 reverts to 1
    assert (
        translated(version("x.fr", 1, "11", translates="tour@4 " + "1" * 40), history)
        == (history[3])
    )
    assert (
        translated(version("x.fr", 1, "02", translates="tour@1 " + "1" * 40), history)
        == (history[0])
    )


def test_the_version_standing_for_a_revision() -> None:
    french = [
        version("tour.fr", 1, "02", translates=translates_value(HISTORY[0])),
        version("tour.fr", 2, "03", translates=translates_value(HISTORY[0])),  # a correction
        version("tour.fr", 3, "10", translates=translates_value(HISTORY[2])),
    ]
    assert standing_for(HISTORY[0], HISTORY, french, "fr").version.number == 2  # type: ignore[union-attr]
    found = standing_for(HISTORY[1], HISTORY, french, "fr")
    assert found is not None and found.version.number == 2 and not found.current(HISTORY[1])
    found = standing_for(HISTORY[2], HISTORY, french, "fr")
    assert found is not None and found.version.number == 3 and found.current(HISTORY[2])
    assert standing_for(HISTORY[0], HISTORY, french[2:], "fr") is None
    row = {"fr": standing_for(HISTORY[1], HISTORY, french, "fr")}
    assert describe_languages("en", row, HISTORY[1]) == "en, fr (fr of version 1)"  # type: ignore[arg-type]


def test_language_drafts_are_named_after_their_original() -> None:
    names = ["tour", "tour.fr", "tour.es", "tour.v2", "other.ru", "tour.fr.x"]
    assert language_drafts(names, "tour") == {"fr": "tour.fr", "es": "tour.es"}
    assert originals(names) == {"tour": {"fr": "tour.fr", "es": "tour.es"}}


@pytest.mark.parametrize("letter, code", zip("ACEFRS", OFFICIAL, strict=True))
def test_the_language_a_text_reads_as(letter: str, code: str) -> None:
    draft = read_path(next(DATA.glob(f"A_RES_79_11-*{letter}.xml"))).draft
    assert guess_language(" ".join(unit.text for unit in draft.units())) == code


def test_too_little_text_says_nothing() -> None:
    assert guess_language("Decides to remain seized of the matter.") is None
    assert guess_language("") is None


def test_a_result_kept_and_read_back_is_the_same() -> None:
    drafts = {
        code: read_path(next(DATA.glob(f"A_RES_79_220-*{letter}.xml"))).draft
        for code, letter in (("en", "E"), ("fr", "F"))
    }
    result = check_parity(drafts, expected=("en", "fr", "es"), sources={"en": "a", "fr": "b"})
    assert result.findings and any(f.figures for f in result.findings)
    assert result_from_data(result_data(result)) == result
    assert result_from_data({"format": 0}) is None
    assert result_from_data({"format": 1, "findings": [{}]}) is None


def test_parity_levels_of_the_session() -> None:
    assert set(PARITY_KINDS) == set(KINDS)
    default = SessionConfig()
    assert default.parity_severity("figure", "error") == "warning"
    assert default.parity_on
    levels = SessionConfig(parity=(("*", "error"), ("length", "off")))
    assert levels.parity_severity("figure", "error") == "error"
    assert levels.parity_severity("figure", "warning") == "warning"  # never above parity's
    assert levels.parity_severity("length", "warning") == "off"
    assert not SessionConfig(parity=(("*", "off"),)).parity_on


def test_parity_levels_in_the_configuration(tmp_path: Path) -> None:
    config = tmp_path / "redraft.toml"
    config.write_text('[session]\nparity = "off"\n')
    assert load_config(config).session.parity == (("*", "off"),)
    config.write_text('[session]\nparity = { length = "off", default = "error" }\n')
    assert load_config(config).session.parity == (("*", "error"), ("length", "off"))
    config.write_text('[session]\nparity = "loud"\n')
    with pytest.raises(ConfigError, match="redraft.toml:2: parity: 'default' must be one of"):
        load_config(config)
    config.write_text("[session]\nparity = 3\n")
    with pytest.raises(ConfigError, match="'parity' must be a severity or a table of kinds"):
        load_config(config)
