"""Figures in a paragraph, normalised so that the six languages can be compared.

A figure is anything written with digits that a translation must keep: years,
dates (the month becomes ``month:12``, day and year are numbers), document symbols
(``A/RES/69/313``, ``A/79/302``), resolution and decision numbers (``69/313``,
Chinese "第69/313号"), amounts (``$1.5 billion`` = "1,5 milliard de dollars" =
"15亿美元" = 1500000000), percentages and plain numbers (article and paragraph
references among them). Numbers written as words ("thirteenth", "deux") are left
aside: they are not figures.

Each language's conventions are undone first: Arabic-Indic and full-width digits,
thousands separators ("10,000", "10 000", "10.000", no-break and narrow no-break
spaces), decimal commas, Chinese dates (2025年12月15日) and month names. The UN's
Arabic files store the groups of a large number in reverse visual order ("000 600"
for 600 000): such numbers are read in both orders when the groups do not say which.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .. import numerals
from ..model import strip_footnote_refs
from .months import ENGLISH_MONTHS, find_months


@dataclass(frozen=True)
class Figure:
    """One figure: what it is, its normalised value (the comparison key), and the
    text it was read from. ``alternatives`` are other possible values (an Arabic
    number whose digit groups may be reversed)."""

    kind: str  # symbol | resolution | year | month | percent | amount | number
    value: str
    text: str
    alternatives: tuple[str, ...] = ()

    def shown(self) -> str:
        """The figure as a message prints it: "2015", "A/79/302", "December"."""
        if self.kind == "month":
            return ENGLISH_MONTHS[int(self.value.split(":")[1]) - 1]
        if self.kind in ("symbol", "resolution"):
            return self.value.split(":", 1)[1]
        return self.value


#: The decimal mark each language uses; the other of "." and "," separates thousands.
DECIMAL_MARK = {"en": ".", "zh": ".", "ar": ",", "fr": ",", "ru": ",", "es": ","}

#: Digits of other scripts, full-width signs and hyphens that do not break (Arabic
#: files write "A/ES\u201110/794") as ASCII.
_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９％／（）\u2010\u2011",
    "012345678901234567890123456789%/()--",
)
#: Cyrillic capitals that look like Latin ones, for symbols typed with the wrong keyboard.
_LATIN_LOOKALIKES = str.maketrans("АВЕКМНОРСТХ", "ABEKMHOPCTX")

_SPACES = " \u00a0\u202f\u2009"
_SEPARATORS = _SPACES + ".,'٬٫"

#: A UN document symbol: capitals, then slash-separated parts; at least one digit.
_SYMBOL = re.compile(r"(?<![A-Za-z0-9/])[A-Z][A-Z0-9]*(?:\.\d+)?(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+")
_COMPOUND = re.compile(r"-(?=[A-Z]{1,4}/)")
#: A resolution or decision number: 69/313, 2023/31, S-26/2 (Arabic "دإ-26/2").
_RESOLUTION = re.compile(r"(?<![\d/.])(\d{1,4})/(\d{1,4})(?![\d/]|[.,]\d)")
#: A session in Roman numerals after an old resolution number: 3369 (XXX).
_ROMAN_SESSION = re.compile(r"(?<=\d)\s*\(([IVXLC]+)\)")
#: Chinese months: "12月" (the digits are the month, not a number).
_CHINESE_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*月")
#: Numbers with single separators between digit groups.
_NUMBER = re.compile(rf"(?<![\d.,])\d+(?:[{_SEPARATORS}]\d+)*")
#: Paragraph numbering typed into the text ("1 -", "1.", "(a)") is not a figure.
_LEADING_NUMBER = re.compile(r"^\s*[(]?\d{1,3}(?:\s*bis)?[)]?\s*[-–.)、]\s+")
#: COVID-19 is a name, whatever the digits (Chinese writes "2019冠状病毒病").
_NAMES_WITH_DIGITS = re.compile(
    r"(?i:covid|ковид|كوفيد)-19|2019\s*冠状病毒病?"
    r"|(?i:coronavirus(?:\s+de)?|коронавирусн\w*\s+\w+)\s+2019(?:\s+года)?"
)
_MAY_BE_TIME = re.compile(r"[ap]\.m\.|时|heure|\dh\b|\d h\b|horas|ч\.|الساعة")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")
#: The ideographs that wrap a Chinese figure ("第37/4号", "2025年12月15日") are not prose.
_CHINESE_DATE_WORDS = re.compile(r"(?<=[\d)])\s*[年月日号]|第(?=\s*\d)")
#: Arabic numbers the targets of the Goals with a hyphen: "الغاية 12-1" is target 12.1.
_ARABIC_TARGET = re.compile(r"(غاي[ةت]\w*\s*)(\d{1,2})-(\d{1,2}|[a-z])(?![\d])")
#: Times of day are left aside: English and Chinese count 12 hours, French, Spanish
#: and Russian 24 ("3 p.m.", "下午3时", "15 heures", "15.00 horas", "15 ч. 00 мин.").
_TIMES = re.compile(
    r"\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.)"
    r"|(?:上午|下午|中午|晚上)?\d{1,2}\s*时(?:\s*\d{1,2}\s*分)?"
    r"|\d{1,2}(?:[.:]\d{2})?\s*(?:heures?|h\b|horas)(?:\s*\d{2})?"
    r"|\d{1,2}(?:[.:]\d{2})?\s*ч\.(?:\s*\d{2}\s*мин\.?)?"
    r"|الساعة\s*\d{1,2}(?:[.:]\d{2})?"
)

_PERCENT = re.compile(
    r"^\s*(?:%|per\s?cent|pour\s+cent|por\s+ciento|процент|في\s+المائة|في\s+المئة)",
    re.IGNORECASE,
)
_MULTIPLIERS: tuple[tuple[str, int], ...] = (
    # Chinese: "370多万" is "over 3.7 million"
    ("[多余]?万亿", 10**12),
    ("[多余]?亿", 10**8),
    ("[多余]?百万", 10**6),
    ("[多余]?万", 10**4),
    (r"mil\s+millones", 10**9),
    (r"trillions?|трлн|триллион\w*|تريليونات|تريليون", 10**12),
    (r"billones?|billón", 10**12),
    (r"billions?", 10**9),  # fixed below for French, where a billion is 10**12
    (r"milliards?|млрд|миллиард\w*|مليارات|مليار|بليون|بلايين", 10**9),
    (r"millions?|millón|millones|млн|миллион\w*|مليون|ملايين", 10**6),
    (r"тыс\.|тысяч\w*", 10**3),
)
_MULTIPLIER = re.compile(
    r"^\s*(?:"
    + "|".join(f"(?P<x{i}>{p})" for i, (p, _) in enumerate(_MULTIPLIERS))
    # a word must end there ("millions", not "millionaires"); Chinese has no spaces
    + r")(?:(?<=[\u4e00-\u9fff])|(?!\w))",
    re.IGNORECASE,
)
_RANGE_TO = re.compile(
    r"^\s*(?:-|–|—|and|to|or|y|a|et|à|au|и|до|至|到|و)\s*(?P<end>\d+(?:[.,\u00a0\u202f ]\d+)*)",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"(?:\$|US\$|USD|€|EUR|¥)\s*$")
_CURRENCY_AFTER = re.compile(
    r"^\s*(?:\w+\s+)?(?:de\s+)?(?:dollars?|dólares|долл|доллар|美元|دولار|euros?|евро|欧元|يورو)",
    re.IGNORECASE,
)


_FOREIGN_DIGITS = re.compile("[٠-٩۰-۹０-９％／（）\u2010\u2011]")
_LOOKALIKE = re.compile("[АВЕКМНОРСТХ]")


def normalize_digits(text: str) -> str:
    """Arabic-Indic, Persian and full-width digits (and ％ ／ （ ）) as ASCII."""
    if _FOREIGN_DIGITS.search(text) is None:  # translate is slow: skip it when it can
        return text
    return text.translate(_DIGITS)


@dataclass(frozen=True)
class Reading:
    """A text's figures, and its prose: the text with figures, symbols, web
    addresses and month names blanked out, whose letters measure its length."""

    figures: tuple[Figure, ...]
    prose: str


def extract_figures(text: str, language: str) -> list[Figure]:
    """Every figure in ``text`` (a paragraph in ``language``), in reading order."""
    return list(read_figures(text, language).figures)


def read_figures(text: str, language: str) -> Reading:
    """The figures of ``text`` and its prose (see :class:`Reading`)."""
    text = normalize_digits(strip_footnote_refs(text))
    text = _mask(text, _LEADING_NUMBER.match(text))
    # Each pattern runs only when a cheap test says it may match (this is the hot path).
    if "19" in text:
        text = _mask_all(text, _NAMES_WITH_DIGITS)
    if _MAY_BE_TIME.search(text):
        text = _mask_all(text, _TIMES)
    if "www." in text or "://" in text:
        text = _mask_all(text, _WEB_ADDRESS)
    if language == "ar":
        text = _ARABIC_TARGET.sub(lambda m: f"{m.group(1)}{m.group(2)}.{m.group(3)}", text)
    prose = _mask_all(text, _CHINESE_DATE_WORDS) if language == "zh" else text
    found: list[tuple[int, Figure]] = []
    text = _take_symbols(text, found)
    text = _take_resolutions(text, language, found)
    text = _take_months(text, language, found)
    for match in _NUMBER.finditer(text):
        found.extend((match.start(), f) for f in _numbers(match, text, language))
    found.sort(key=lambda item: item[0])
    for start, figure in found:  # symbols and months are not prose
        if figure.kind in ("symbol", "month"):
            end = start + len(figure.text)
            prose = prose[:start] + " " * (end - start) + prose[end:]
    return Reading(tuple(figure for _, figure in found), prose)


# -- symbols, resolutions, months --------------------------------------------


def _take_symbols(text: str, found: list[tuple[int, Figure]]) -> str:
    if "/" not in text:
        return text
    latin = text.translate(_LATIN_LOOKALIKES) if _LOOKALIKE.search(text) else text
    for match in _SYMBOL.finditer(latin):
        raw = match.group(0).rstrip(".-")
        if not any(c.isdigit() for c in raw):
            continue  # "HIV/AIDS" is not a symbol
        start = match.start()
        for part in _COMPOUND.split(raw):
            found.append((start, Figure("symbol", f"symbol:{part}", part)))
            start += len(part) + 1
        text = _mask(text, match)
    return text


def _take_resolutions(text: str, language: str, found: list[tuple[int, Figure]]) -> str:
    if "/" in text:
        for match in _RESOLUTION.finditer(text):
            first, second = int(match.group(1)), int(match.group(2))
            if (first, second) == (24, 7):
                pass  # "24/7", round the clock: "7天24小时" in Chinese
            elif 1800 <= first <= 2100 and second in (first + 1, (first + 1) % 100):
                # a period, "2024/25" or "2024/2025": two years
                for year in (first, first + 1):
                    found.append((match.start(), Figure("year", str(year), match.group(0))))
            else:
                # Arabic files may hold "75/249" right to left, as "249/75"
                turned = (f"resolution:{second}/{first}",) if language == "ar" else ()
                value = f"resolution:{first}/{second}"
                found.append((match.start(), Figure("resolution", value, match.group(0), turned)))
            text = _mask(text, match)
    if "(" not in text:
        return text
    for match in _ROMAN_SESSION.finditer(text):
        number = _roman(match.group(1))
        if number:
            found.append((match.start(), Figure("number", str(number), match.group(0).strip())))
            text = _mask(text, match)
    return text


def _take_months(text: str, language: str, found: list[tuple[int, Figure]]) -> str:
    if language == "zh":
        for match in _CHINESE_MONTH.finditer(text):
            month = int(match.group(1))
            if 1 <= month <= 12:
                found.append((match.start(), Figure("month", f"month:{month}", match.group(0))))
                text = _mask(text, match)
        return text
    for start, end, month in find_months(text, language):
        found.append((start, Figure("month", f"month:{month}", text[start:end])))
    return text  # names are words: they stay, for the numbers beside them


def _roman(numeral: str) -> int:
    return numerals.roman_sum(numeral, "ivxlc") or 0


def _mask(text: str, match: re.Match[str] | None) -> str:
    """``text`` with the match blanked out (same length, so offsets stay valid)."""
    if match is None:
        return text
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]


def _mask_all(text: str, pattern: re.Pattern[str]) -> str:
    for match in pattern.finditer(text):
        text = _mask(text, match)
    return text


# -- numbers -----------------------------------------------------------------


def _numbers(match: re.Match[str], text: str, language: str) -> Iterator[Figure]:
    """The figures of one run of digits and separators (several when the
    separators cannot be thousands separators: "2015 100" is two numbers)."""
    raw = match.group(0)
    readings = list(parse_number(raw, language))
    for index, (value, alternatives) in enumerate(readings):
        is_last = index == len(readings) - 1
        kind, value = _kind(value, text, match, language, is_last)
        yield Figure(kind, value, raw, alternatives)


def parse_number(raw: str, language: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Normalised values of a run of digits: ("10000", ()) for "10 000", "10,000"
    (English) or "10.000" (Spanish); ("1.5", ()) for "1,5" (French)."""
    parts = re.split(f"([{_SEPARATORS}])", raw)
    groups, seps = parts[0::2], parts[1::2]
    decimals = ""
    if seps and _is_decimal_mark(seps, groups, language):
        decimals = groups[-1]
        groups, seps = groups[:-1], seps[:-1]
    yield from _integer_part(groups, seps, decimals, language)


def _is_decimal_mark(seps: list[str], groups: list[str], language: str) -> bool:
    last = seps[-1]
    if last in _SPACES or last in "'٬" or seps.count(last) > 1:
        return False
    if last == "," and DECIMAL_MARK.get(language, ".") == ".":
        return False  # English never writes a decimal comma: "1949,2" is 1949 and note 2
    if last == "٫" or last == DECIMAL_MARK.get(language, "."):
        return True
    return len(groups[-1]) != 3


def _integer_part(
    groups: list[str], seps: list[str], decimals: str, language: str
) -> Iterator[tuple[str, tuple[str, ...]]]:
    if not seps:
        yield _value(groups[0], decimals), ()
        return
    if _grouped(groups) and not (language == "ar" and groups[0].startswith("0")):
        plain = _value("".join(groups), decimals)
        if language == "ar" and all(len(g) == 3 for g in groups):
            # Arabic files mostly hold the groups in reverse: keep both readings.
            yield _value("".join(reversed(groups)), decimals), (plain,)
        else:
            yield plain, ()
        return
    if language == "ar" and _grouped(groups[::-1]):
        yield _value("".join(reversed(groups)), decimals), ()
        return
    comma_splits = DECIMAL_MARK.get(language, ".") == "."
    if any(s == "." or (s == "," and not comma_splits) for s in seps):
        # "5.2.1", "1.2,3": a numbering, not a quantity; compared as written.
        yield "".join(a + b for a, b in zip(groups, seps + [""], strict=True)), ()
        return
    # Spaces that do not separate thousands separate numbers ("2015 100"), and so do
    # commas in English and Chinese ("1949,2": a year and a footnote typed as a digit).
    for index, group in enumerate(groups):
        yield _value(group, decimals if index == len(groups) - 1 else ""), ()


def _grouped(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _value(integer: str, decimals: str = "") -> str:
    try:
        number = Decimal(f"{integer}.{decimals}" if decimals else integer)
    except InvalidOperation:
        return integer
    return _format(number)


def _format(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text


def _ascending(start: str, end: str, language: str) -> bool:
    readings = list(parse_number(end, language))
    try:
        return len(readings) == 1 and Decimal(start) <= Decimal(readings[0][0])
    except InvalidOperation:
        return False


def _kind(
    value: str, text: str, match: re.Match[str], language: str, is_last: bool
) -> tuple[str, str]:
    """What a number is (from what surrounds it) and its value, scaled by a
    multiplier word ("1.5 billion", "15亿")."""
    after = text[match.end() : match.end() + 24] if is_last else ""
    before = text[max(0, match.start() - 6) : match.start()]
    if after and _PERCENT.match(after):
        return "percent", value
    multiplier = _MULTIPLIER.match(after) if after else None
    if multiplier is None and after:
        # "between 713 and 757 million": the multiplier of the range's end
        # (a range goes up: "by 2050 and 1 trillion" is a year, then an amount)
        to = _RANGE_TO.match(after)
        if (
            to is not None
            and not _year_like(value)
            and _ascending(value, to.group("end"), language)
        ):
            multiplier = _MULTIPLIER.match(after[to.end() :])
    if multiplier is not None:
        factor = next(
            _MULTIPLIERS[int(k[1:])][1] for k, v in multiplier.groupdict().items() if v is not None
        )
        if (
            factor == 10**9
            and language == "fr"
            and multiplier.group(0).strip().lower()
            in (
                "billion",
                "billions",
            )
        ):
            factor = 10**12
        try:
            return "amount", _format(Decimal(value) * factor)
        except InvalidOperation:
            return "number", value
    if _CURRENCY_BEFORE.search(before) or (after and _CURRENCY_AFTER.match(after)):
        return "amount", value
    if _year_like(value):
        if after and _DECADE.match(after):
            # "the 1990s", "1990-х годов": "années 90", "التسعينات", "90年代" elsewhere
            return "decade", f"decade:{value}"
        return "year", value
    return "number", value


#: What follows a year that makes it a decade: "1990s", "1990’s", "1990-х", "1990-e".
_DECADE = re.compile(r"^(?:[’']?s\b|-(?:х|е|x|e)\b)")


def _year_like(value: str) -> bool:
    """ "2018": a year as figures are written ("en 2022 a 52.600 millones" is a year, then
    an amount, not a range)."""
    return value.isdigit() and len(value) == 4 and 1800 <= int(value) <= 2100
