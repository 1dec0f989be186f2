"""Month names in the six official languages, for dates written in words.

Names are matched as the UN writes them (English capitalised, the others in lower
case), so that "may" and the planet "Mars" are not months. A month counts alone
("in January and July 2020"), except the Arabic "مارس", also a verb ("practised"),
which counts only beside a number ("15 آذار/مارس", "مارس 2025"). Chinese writes the
month as a number ("12月") and is handled in :mod:`redraft.parity.figures`.
"""

from __future__ import annotations

import re

ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Each entry: month number -> alternatives (regular expressions, matched without case).
#: English abbreviations ("22-23 Sept 2024"): months only beside a number, like "May".
_ENGLISH_SHORT = ("Jan", "Feb", "Mar", "Apr", "", "Jun", "Jul", "Aug", "Sept?", "Oct", "Nov", "Dec")

_SHORT = re.compile("(?:" + "|".join(s for s in _ENGLISH_SHORT if s) + r")\.?")

_NAMES: dict[str, dict[int, str]] = {
    "en": {
        i + 1: f"{name}|{short}\\.?" if short else name
        for i, (name, short) in enumerate(zip(ENGLISH_MONTHS, _ENGLISH_SHORT, strict=True))
    },
    "fr": {
        1: "janvier",
        2: "f[ée]vrier",
        3: "mars",
        4: "avril",
        5: "mai",
        6: "juin",
        7: "juillet",
        8: "ao[ûu]t",
        9: "septembre",
        10: "octobre",
        11: "novembre",
        12: "d[ée]cembre",
    },
    "es": {
        1: "enero",
        2: "febrero",
        3: "marzo",
        4: "abril",
        5: "mayo",
        6: "junio",
        7: "julio",
        8: "agosto",
        9: "se(?:p)?tiembre",
        10: "octubre",
        11: "noviembre",
        12: "diciembre",
    },
    # Russian months decline ("декабря", "в декабре", "к декабрю"): stems and endings.
    "ru": {
        1: "январ(?:ь|я|е|ю|ём|ем)",
        2: "феврал(?:ь|я|е|ю|ём|ем)",
        3: "март(?:а|е|у|ом)?",
        4: "апрел(?:ь|я|е|ю|ем)",
        5: "ма(?:й|я|е|ю|ем)",
        6: "июн(?:ь|я|е|ю|ем)",
        7: "июл(?:ь|я|е|ю|ем)",
        8: "август(?:а|е|у|ом)?",
        9: "сентябр(?:ь|я|е|ю|ём|ем)",
        10: "октябр(?:ь|я|е|ю|ём|ем)",
        11: "ноябр(?:ь|я|е|ю|ём|ем)",
        12: "декабр(?:ь|я|е|ю|ём|ем)",
    },
}

# Arabic: the Levantine name, the name taken from the Latin one, or both joined by a
# slash as the UN prints them ("تشرين الأول/أكتوبر").
_ARABIC_LEVANTINE = {
    1: "كانون الثاني",
    2: "شباط",
    3: "آذار",
    4: "نيسان",
    5: "أيار",
    6: "حزيران",
    7: "تموز",
    8: "آب",
    9: "أيلول",
    10: "تشرين الأول",
    11: "تشرين الثاني",
    12: "كانون الأول",
}
_ARABIC_LATIN = {
    1: "يناير",
    2: "فبراير",
    3: "مارس",
    4: "[أا]بريل",
    5: "مايو",
    6: "يوني[هو]",
    7: "يولي[هو]",
    8: "[أا]غسطس",
    9: "سبتمبر",
    10: "[أا]كتوبر",
    11: "نوفمبر",
    12: "ديسمبر",
}


def _arabic() -> dict[int, str]:
    names = {}
    for month in range(1, 13):
        levantine = _ARABIC_LEVANTINE[month].replace(" ", r"\s+")
        latin = _ARABIC_LATIN[month]
        names[month] = rf"{levantine}(?:\s*/\s*{latin})?|{latin}"
    return names


_NAMES["ar"] = _arabic()


def _with_english(names: dict[int, str]) -> dict[int, str]:
    """A language's names and the English ones, in one pattern (one pass over a text)."""
    return {m: f"{names[m]}|{_NAMES['en'][m]}" for m in names}


def _compile(names: dict[int, str]) -> re.Pattern[str]:
    groups = "|".join(f"(?P<m{month}>{pattern})" for month, pattern in names.items())
    # Letters of any script must not continue the name ("Mayor", "марта" is fine).
    return re.compile(rf"(?<!\w)(?:{groups})(?!\w)")


_PATTERNS = {
    language: _compile(names if language == "en" else _with_english(names))
    for language, names in _NAMES.items()
}

#: A number just before a month ("15 ", "1er ", "15 de ") or just after ("2025", ", 2025").
_NUMBER_BEFORE = re.compile(r"\d(?:er|re|º)?\s*(?:de\s+)?$")
_NUMBER_AFTER = re.compile(r"^\s*(?:de\s+|in\s+|of\s+|,\s*)?\d")


#: Month names that are also common words: months only beside a number or another
#: month ("Weapons Which May Be Deemed" is a title; "in May and June 2025" a date).
_AMBIGUOUS = frozenset({"مارس", "May"})
_MONTH_NEAR = re.compile(r"\s*(?:,|and|or|to|-|–)\s*")


def find_months(text: str, language: str) -> list[tuple[int, int, int]]:
    """(start, end, month number) of each month name in ``text``: in its language,
    and in English (titles of English publications are cited untranslated)."""
    pattern = _PATTERNS.get(language, _PATTERNS["en"])
    matches = list(pattern.finditer(text))
    found = []
    for index, match in enumerate(matches):
        name = match.group(0)
        ambiguous = name in _AMBIGUOUS or _SHORT.fullmatch(name) is not None
        if ambiguous and not (_beside_number(text, match) or _beside_month(text, matches, index)):
            continue
        month = next(int(k[1:]) for k, v in match.groupdict().items() if v is not None)
        found.append((match.start(), match.end(), month))
    return found


def _beside_month(text: str, matches: list[re.Match[str]], index: int) -> bool:
    """ "May and June": another month name separated by a conjunction or a dash."""
    before = matches[index - 1] if index else None
    after = matches[index + 1] if index + 1 < len(matches) else None
    here = matches[index]
    if before is not None and _MONTH_NEAR.fullmatch(text[before.end() : here.start()]):
        return True
    return after is not None and bool(_MONTH_NEAR.fullmatch(text[here.end() : after.start()]))


def _beside_number(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 8) : match.start()]
    after = text[match.end() : match.end() + 8]
    return bool(_NUMBER_BEFORE.search(before) or _NUMBER_AFTER.search(after))
