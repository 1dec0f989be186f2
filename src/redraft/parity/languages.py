"""Language codes: the six official languages of the United Nations and the names
users type for them.

The model stores ISO 639-1 codes (``Meta.language``); users may type a code, an
ISO 639-2 code as AKN writes it ("fra"), a locale ("fr-FR") or an English name
("French"). :func:`normalize_language` turns any of these into the code.
"""

from __future__ import annotations

from ..errors import InputError

#: The six official languages in the order the UN lists them (Arabic, Chinese,
#: English, French, Russian, Spanish): the order of every per-language output.
OFFICIAL_LANGUAGES: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")

LANGUAGE_NAMES: dict[str, str] = {
    "ar": "Arabic",
    "zh": "Chinese",
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
}

_ALIASES: dict[str, str] = {
    **{name.lower(): code for code, name in LANGUAGE_NAMES.items()},
    "ara": "ar",
    "arb": "ar",
    "chi": "zh",
    "zho": "zh",
    "cmn": "zh",
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "rus": "ru",
    "spa": "es",
    "esp": "es",
    "arabe": "ar",
    "chinois": "zh",
    "anglais": "en",
    "français": "fr",
    "russe": "ru",
    "espagnol": "es",
    "español": "es",
}


def normalize_language(value: str) -> str:
    """ "fr", "FR", "fr-FR", "fra", "French" -> "fr". Any other two- or three-letter
    code is accepted as it is (lower case): parity works for any pair of languages,
    with wider tolerances for those it has not learned."""
    text = value.strip().lower().replace("_", "-")
    if not text:
        raise InputError("empty language code")
    if text in _ALIASES:
        return _ALIASES[text]
    base = text.split("-")[0]
    if base in LANGUAGE_NAMES:
        return base
    if base in _ALIASES:
        return _ALIASES[base]
    if base.isalpha() and 2 <= len(base) <= 3:
        return base
    raise InputError(
        f"unknown language {value!r}: use a code such as "
        + ", ".join(OFFICIAL_LANGUAGES)
        + " (or a name: French)"
    )


def language_order(code: str) -> tuple[int, str]:
    """Sort key: the official order first, any other language after, by code."""
    if code in OFFICIAL_LANGUAGES:
        return (OFFICIAL_LANGUAGES.index(code), code)
    return (len(OFFICIAL_LANGUAGES), code)
