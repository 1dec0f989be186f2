"""Boilerplate: the wording every resolution carries, recognised so that it is shown
as such and never counted as evidence of agreed language.

The enacting formula ("The General Assembly,") and the document heading are
boilerplate by kind. Four procedural formulae are recognised in the six official
languages, whatever session or agenda item they name:

* ``remain-seized``: "Decides to remain seized of the matter";
* ``provisional-agenda``: "Decides to include in the provisional agenda of its
  eightieth session the item entitled ..." (or in its annual agenda);
* ``report-on-implementation``: "Requests the Secretary-General to submit to the
  General Assembly at its eightieth session a report on the implementation of the
  present resolution", when the paragraph says little more (``max_words``);
* ``continue-consideration``: "Decides to continue its consideration of the question
  at its eightieth session", likewise.

A formula is an opening (the paragraph's first words), a core phrase found anywhere
in it, and a length above which the paragraph says more than the formula. Each is
matched against :func:`~redraft.precedent.normalize.clean` text in lower case, so
quotes, spaces, vowel marks and footnote markers do not matter. The patterns were
read off the 79th session in every language: the same paragraphs are recognised in
each (tests/test_precedent_boilerplate.py checks a sample).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Kind
from .normalize import clean, is_cjk, tokens


@dataclass(frozen=True)
class Formula:
    name: str
    opening: re.Pattern[str]
    core: re.Pattern[str]
    max_words: int  # tokens (Chinese: characters)


def _formula(name: str, opening: str, core: str, max_words: int) -> Formula:
    return Formula(name, re.compile(opening), re.compile(core), max_words)


_EN_ALSO = r"(?:also |further |again )?"
#: Chinese openings: 又/还/并 "also", 请/促请 "requests", 决定 "decides".
FORMULAS: tuple[Formula, ...] = (
    # English, French, Spanish, Russian, Arabic, Chinese
    _formula(
        "remain-seized",
        rf"^{_EN_ALSO}decides|^décide|^decide|^постановляет|^تقرر|^(?:又|还)?决定",
        r"remain (?:actively )?seized|rester (?:activement )?saisie?|seguir ocupándose"
        r"|продолжать заниматься|قيد (?:نظرها|النظر)|继续(?:积极)?处理",
        14,
    ),
    _formula(
        "provisional-agenda",
        rf"^{_EN_ALSO}decides|^décide|^decide|^постановляет|^تقرر|^(?:又|还|并)?决定",
        r"^[^.;]{0,60}?(?:to include (?:in the (?:provisional|annual) agenda"
        r"|(?:the|an) (?:sub-)?item entitled)|ordre du jour (?:provisoire|annuel)"
        r"|en el programa (?:provisional|anual)"
        r"|incluir (?:el|un) (?:sub)?tema titulado|(?:предварительную|ежегодную) повестку дня"
        r"|включить (?:под)?пункт|جدول الأعمال المؤقت|إدراج البند)"
        r"|^(?:又|还|并)?决定(?:在(?:大会|其)?第.{1,6}届会议的?临时议程|将题为.{1,300}列入"
        r"(?:大会)?(?:其)?(?:第.{1,6}届会议)?的?(?:临时|年度)?议程)",
        400,
    ),
    _formula(
        "report-on-implementation",
        rf"^{_EN_ALSO}(?:requests|calls upon) the secretary-general"
        r"|^(?:prie|demande)(?: également| en outre| aussi)? (?:au|le) secrétaire général"
        r"|^(?:solicita|exhorta|pide)(?: también| además| asimismo)? al secretario general"
        r"|^просит(?: также| далее)? генерального секретаря"
        r"|^تطلب(?: أيضا| كذلك)? إلى الأمين العام|^(?:又|还)?(?:请|促请)(?:联合国)?秘书长",
        r"on the implementation of (?:the present|this) resolution|l'application de la"
        r" présente résolution|la aplicación de la presente resolución|об осуществлении"
        r" настоящей резолюции|عن تنفيذ هذا القرار|本决议的?执行情况",
        36,
    ),
    _formula(
        "continue-consideration",
        rf"^{_EN_ALSO}decides|^décide|^decide|^постановляет|^تقرر|^(?:又|还)?决定",
        r"continue (?:its |the )?consideration of (?:the|this) (?:question|matter|item)"
        r"|continue to examine (?:the|this) (?:question|matter)"
        r"|poursuivre l'examen de (?:la|cette) question"
        r"|seguir examinando (?:la|esta) cuestión|продолжить (?:рассмотрение|изучение)"
        r" (?:этого|данного) вопроса|تواصل (?:النظر في|نظرها في|بحث) (?:هذه )?المسألة"
        r"|مواصلة النظر في (?:هذه )?المسألة|继续审[议查](?:这一|该|这个|此)?(?:问题|事项)",
        40,
    ),
)

#: Chinese says in about 1.4 characters what English says in a word (measured on the
#: 79th session's formulae): the length limits scale by it for Chinese text.
CJK_FACTOR = 1.4

#: Kinds that are boilerplate whatever they say.
BOILERPLATE_KINDS = {Kind.DOC_HEADING: "heading", Kind.FORMULA: "formula"}


def boilerplate(text: str, kind: Kind | str = Kind.OPERATIVE) -> str:
    """The name of the formula ``text`` is (see above), or "" when it is not boilerplate."""
    by_kind = BOILERPLATE_KINDS.get(Kind(kind))
    if by_kind:
        return by_kind
    lowered = clean(text).lower()
    for formula in FORMULAS:
        if formula.opening.search(lowered) and formula.core.search(lowered):
            limit = formula.max_words * (CJK_FACTOR if is_cjk(lowered) else 1)
            if len(tokens(lowered)) <= limit:
                return formula.name
    return ""
