"""Language codes: the six official languages of the United Nations and the names
users type for them.

The model stores ISO 639-1 codes (``Meta.language``); users may type a code, an
ISO 639-2 code as AKN writes it ("fra"), a locale ("fr-FR") or an English name
("French"). :func:`normalize_language` turns any of these into the code.
"""

from __future__ import annotations

import re

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


# -- which language a text is in -------------------------------------------------------

_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ar", re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")),
    ("zh", re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("ru", re.compile("[\u0400-\u04ff]")),
)
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
#: Short words frequent in one of the Latin-script official languages and rare in the
#: other two (UN drafts: "the ... of the", "les ... des", "los ... del").
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to its with that which by from this these".split()),
    "fr": frozenset("les des du et aux sur dans pour au une qui ses cette".split()),
    "es": frozenset("los las del y para con por sus una el esta estos".split()),
}
#: Letters or words a guess needs before it says anything.
_ENOUGH = 40


def guess_language(text: str) -> str | None:
    """The official language ``text`` is written in, from its script (Arabic, Chinese,
    Cyrillic) or, in Latin script, its most frequent short words; None when the text is
    too short or mixed to tell. A check, not a reader: ``redraft save --lang`` warns
    when a document reads as another language than the one it is saved as."""
    letters = _LETTER.findall(text)
    if len(letters) < _ENOUGH:
        return None
    for code, script in _SCRIPTS:
        if len(script.findall(text)) > 0.3 * len(letters):
            return code
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for word in _WORD.findall(text.lower()):
        for code, words in _FUNCTION_WORDS.items():
            if word in words:
                counts[code] += 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= 5 and top >= 3 * second:
        return best
    return None
