"""Word's automatic numbering: the number a paragraph shows when it exists only as list
numbering (numbering.xml), not as typed text.

A paragraph cites a list (``w:numPr``: ``numId`` and level ``ilvl``), directly or through
its paragraph style. The list instance (``w:num``) points to an abstract definition
(``w:abstractNum``) whose levels give the start value, the format (decimal, lowerLetter,
lowerRoman...) and the level text (``"%1."``, ``"(%2)"``). Counters are kept per abstract
list, as Word does; going back to a level resets the deeper ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import numerals

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _int(value: str | None, default: int) -> int:
    """A number attribute; a damaged one counts as absent (levels are 0-8 in Word)."""
    try:
        return max(0, min(int(value or default), 10_000))
    except ValueError:
        return default


def _val(element: Any, default: str = "") -> str:
    return default if element is None else element.get(_q("val"), default)


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


def letters(value: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa..."""
    if value <= 0:
        return ""
    index = (value - 1) % 26
    return chr(ord("a") + index) * ((value - 1) // 26 + 1)


#: Word's numbering formats of the other official languages, as each prints them.
_NATIVE_FORMATS = {
    "arabicAbjad": "abjad",
    "arabicAlpha": "arabic-alphabet",
    "russianLower": "cyrillic",
    "russianUpper": "CYRILLIC",
}


def format_value(value: int, fmt: str) -> str:
    """``value`` as Word prints it in list format ``fmt`` (w:numFmt)."""
    if fmt in _NATIVE_FORMATS:
        return numerals.letter_of(value, _NATIVE_FORMATS[fmt])
    if fmt == "hindiNumbers":  # Eastern Arabic digits: ١٢
        return "".join(chr(0x0660 + int(d)) for d in str(value))
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(value))
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographDigital"):
        return numerals.cjk_numeral(value)
    if fmt == "lowerLetter":
        return letters(value)
    if fmt == "upperLetter":
        return letters(value).upper()
    if fmt == "lowerRoman":
        return numerals.roman(value)
    if fmt == "upperRoman":
        return numerals.roman(value).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(value)


class Numbering:
    """Computes the printed number of each numbered paragraph, in document order."""

    def __init__(self, document: Any, styles: dict[str, str]) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractId, overrides)
        self.style_numpr: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        root = _numbering_root(document)
        if root is not None:
            self._load(root)
        self._load_styles(document)

    def _load(self, root: Any) -> None:
        for abstract in root.iterfind("w:abstractNum", NS):
            levels = {}
            for lvl in abstract.iterfind("w:lvl", NS):
                levels[_int(lvl.get(_q("ilvl")), 0)] = _level(lvl)
            self.abstract[abstract.get(_q("abstractNumId"), "")] = levels
        for num in root.iterfind("w:num", NS):
            overrides = {}
            for override in num.iterfind("w:lvlOverride", NS):
                start = override.find("w:startOverride", NS)
                if start is not None:
                    overrides[_int(override.get(_q("ilvl")), 0)] = _int(_val(start), 1)
                lvl = override.find("w:lvl", NS)
                if lvl is not None:
                    abstract_id = _val(num.find("w:abstractNumId", NS))
                    level_no = _int(override.get(_q("ilvl")), 0)
                    self.abstract.setdefault(abstract_id, {})[level_no] = _level(lvl)
            self.nums[num.get(_q("numId"), "")] = (_val(num.find("w:abstractNumId", NS)), overrides)

    def _load_styles(self, document: Any) -> None:
        for style in document.styles.element.iterfind("w:style", NS):
            numpr = style.find("w:pPr/w:numPr", NS)
            if numpr is not None:
                num_id = _val(numpr.find("w:numId", NS))
                ilvl = _int(_val(numpr.find("w:ilvl", NS)), 0)
                self.style_numpr[style.get(_q("styleId"), "")] = (num_id, ilvl)

    def number(self, p: Any) -> tuple[str, int] | None:
        """(printed number, level) of paragraph ``p``, or None when it is not numbered."""
        numpr = p.find("w:pPr/w:numPr", NS)
        style_id = _val(p.find("w:pPr/w:pStyle", NS))
        num_id, ilvl = self.style_numpr.get(style_id, ("", 0))
        if numpr is not None:
            num_id = _val(numpr.find("w:numId", NS), num_id)
            ilvl_el = numpr.find("w:ilvl", NS)
            if ilvl_el is not None:
                ilvl = _int(_val(ilvl_el), 0)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in overrides.items():
                counters[level] = start - 1
        current = levels.get(ilvl, Level())
        counters[ilvl] = counters.get(ilvl, current.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        printed = current.text
        for index in range(ilvl + 1):
            lvl = levels.get(index, Level())
            value = counters.get(index, lvl.start)
            printed = printed.replace(f"%{index + 1}", format_value(value, lvl.fmt))
        if current.fmt in ("bullet", "none"):
            return "", ilvl
        return "".join(printed.split()), ilvl


def _level(lvl: Any) -> Level:
    return Level(
        start=_int(_val(lvl.find("w:start", NS)), 1),
        fmt=_val(lvl.find("w:numFmt", NS), "decimal"),
        text=_val(lvl.find("w:lvlText", NS), "%1."),
    )


def _numbering_root(document: Any) -> Any:
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/numbering") and not rel.is_external:
            from .docx_safety import parse_part

            return parse_part(rel.target_part.blob, "word/numbering.xml")
    return None
