"""Paragraph numbers as the six official languages print them, read in one scheme.

The UN prints the same numbering differently in each language: "5." and "(c)" in
English, French and Spanish "c)", Arabic "5 -" and "(ج)" with roman items as "’1‘",
Chinese "一、", "（一）" or "㈠", full-width digits, Eastern Arabic digits (٥), and Russian
Latin letters in which a Cyrillic letter that looks the same sometimes slips ("с)"
among "a) b)"). Labels stay in the English scheme whatever the language (docs/labels.md),
so this module says what value a printed number has: a letter is known by its place in
its alphabet and, when a Cyrillic letter could be either a Latin look-alike or a letter
of the Russian alphabet, by its place in its sequence (:func:`letter_values` gives both
readings; the caller picks the one that continues the list).

Pure functions on strings: the labels (:mod:`redraft.labels`) and the readers use them.
"""

from __future__ import annotations

import re
import unicodedata

#: Russian list order: the alphabet without ё, й, ъ, ы, ь (which never number items).
CYRILLIC_ORDER = "абвгдежзиклмнопрстуфхцчшщэюя"
#: Arabic sub-paragraph letters, in abjad order as the UN prints them (أ ب ج د هـ و ...).
ABJAD_ORDER = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
#: The Arabic alphabet in its ordinary order (Word's "arabicAlpha" lists: أ ب ت ث ...).
ARABIC_ALPHABET = "أبتثجحخدذرزسشصضطظعغفقكلمنهوي"
#: Chinese quotes of older texts number items by the earthly branches: (子) (丑) (寅) are
#: (a) (b) (c) (ICERD's article 4 in 79/160).
BRANCH_ORDER = "子丑寅卯辰巳午未申酉戌亥"
#: Cyrillic letters that look like Latin ones, typed by mistake in a Latin list.
HOMOGLYPHS = {
    "а": "a",
    "с": "c",
    "е": "e",
    "і": "i",
    "ј": "j",
    "о": "o",
    "р": "p",
    "ѕ": "s",
    "х": "x",
    "у": "y",
    "ԁ": "d",
}
#: Chinese numerals (一 ... 九十九), and the parenthesised ones Unicode has (㈠ ... ㈩).
CJK_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CJK_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}")
#: Arabic section numbers are ordinal words: أولا (first: "I"), ثانيا ... عاشرا, then
#: حادي عشر (eleventh), ثاني عشر ..., عشرون.
_UNITS = "أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر"
_TEENS = "حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع"
ARABIC_ORDINALS = rf"(?:{_UNITS})اً?|(?:{_TEENS}) عشر|عشرون|عشرين|(?:{_TEENS})اً? وعشرين"
#: A whole number written in Arabic script: its dash ("5 -", "5 –", "5-").
ARABIC_DASH = re.compile(r"^(\d{1,4})\s*[-–—]$")
#: Arabic documents print roman items (i), (ii) as ’1‘, ’2‘.
ARABIC_ROMAN = re.compile(r"^[’‘'](\d{1,2})[’‘']$")
_ROMAN_DIGITS = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def fold(text: str) -> str:
    """``text`` in compatibility form with ASCII digits: full-width "（１）" -> "(1)",
    "㈠" -> "(一)", Eastern Arabic "٣" -> "3", "①" -> "1"."""
    folded = unicodedata.normalize("NFKC", text)
    if folded.isascii():
        return folded
    out = []
    for char in folded:
        if char.isdigit() and not char.isascii():
            try:
                out.append(str(unicodedata.digit(char)))
                continue
            except (TypeError, ValueError):
                pass
        out.append(char)
    return "".join(out)


def cjk_value(text: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20, 二十三 -> 23; None if not a numeral."""
    if not CJK_NUMERAL.fullmatch(text):
        return None
    if "十" not in text:
        return CJK_DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return None
    return CJK_DIGITS.get(tens, 1 if not tens else 0) * 10 + (CJK_DIGITS[units] if units else 0)


def letter_values(body: str) -> tuple[int, ...]:
    """The places a letter (or a doubled letter, "aa" = 27) may have in its sequence:
    Latin by the alphabet, Arabic by abjad order, Russian by its list order; a Cyrillic
    look-alike of a Latin letter has both readings, the Latin one first ("с" -> 3, 17).
    () if ``body`` is not a letter."""
    if not body or len(set(body)) != 1 or len(body) > 3:
        return ()
    letter = body[0].lower()
    extra = 26 * (len(body) - 1)
    values: list[int] = []
    if "a" <= letter <= "z":
        values.append(ord(letter) - 96)
    if letter in HOMOGLYPHS:
        values.append(ord(HOMOGLYPHS[letter]) - 96)
    if letter in CYRILLIC_ORDER:
        values.append(CYRILLIC_ORDER.index(letter) + 1)
    if letter in ABJAD_ORDER:
        values.append(ABJAD_ORDER.index(letter) + 1)
    if letter in ARABIC_ALPHABET:  # a list in alphabetical order: its place decides
        values.append(ARABIC_ALPHABET.index(letter) + 1)
    if letter in BRANCH_ORDER:
        values.append(BRANCH_ORDER.index(letter) + 1)
    return tuple(dict.fromkeys(v + extra for v in values))


def letter_of(value: int, order: str) -> str:
    """The ``value``-th letter of a list in ``order``: "abjad" (أ ب ج د), "arabic-alphabet"
    (أ ب ت ث), "cyrillic" (а б в), "CYRILLIC" (А Б В); "" past the end."""
    letters = {
        "abjad": ABJAD_ORDER,
        "arabic-alphabet": ARABIC_ALPHABET,
        "cyrillic": CYRILLIC_ORDER,
        "CYRILLIC": CYRILLIC_ORDER.upper(),
    }[order]
    return letters[value - 1] if 0 < value <= len(letters) else ""


def cjk_numeral(value: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 99 -> 九十九 (str(value) past 99)."""
    digits = "〇一二三四五六七八九"
    if not 0 < value < 100:
        return str(value)
    tens, units = divmod(value, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else digits[tens] + "十")
    return head + (digits[units] if units else "")


def arabic_letter(body: str) -> str:
    """An Arabic letter with its tatweel ("هـ") as the bare letter."""
    return body.replace("ـ", "")


def latin_letters(value: int) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa" (the UN's (aa), (bb) after (z))."""
    if value < 1:
        return ""
    times, index = divmod(value - 1, 26)
    return chr(97 + index) * (times + 1)


def roman(value: int) -> str:
    out = []
    for amount, digits in _ROMAN_DIGITS:
        while value >= amount:
            out.append(digits)
            value -= amount
    return "".join(out)


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_sum(text: str, digits: str = "ivxlcdm") -> int | None:
    """The value of a roman numeral read leniently, in either case ("iiii" and "IV" -> 4);
    None when a character is not one of ``digits`` (item letters such as "dd" are no
    numbers where ``digits`` leaves d out)."""
    lowered = text.lower()
    if not lowered or any(c not in digits for c in lowered):
        return None
    total = 0
    for i, char in enumerate(lowered):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[lowered[i + 1]] if i + 1 < len(lowered) else 0
        total += -value if value < following else value
    return total


def roman_value(text: str) -> int:
    """ "iv" -> 4; 0 when ``text`` is not a well-formed lower-case roman numeral."""
    total = roman_sum(text) if text.islower() else None
    return total if total is not None and roman(total) == text else 0
