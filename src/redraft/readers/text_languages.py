"""The words of the six official languages that the plain-text reader recognises: how
each names a division of the text (an annex, a part, a section, an article) and the organ
in an enacting formula printed without punctuation. (Numbers: :mod:`.text_numbers` and
:mod:`redraft.numerals`.)"""

from __future__ import annotations

import re

#: A division of the text printed on its own line: "Annex", "Annex II", "Part IV",
#: "Section 29A", "Chapter I", "Article 12", "Appendix", "Income section 2". Printed
#: after the last operative paragraph it opens an annex or a part, never a sub-paragraph.
#: The same in the other official languages: "Annexe", "Titre I", "Chapitre premier",
#: "Chapitre 2 des recettes", "Anexo", "Sección 2 de ingresos", "Приложение", "Раздел 1",
#: "Раздел 2 сметы поступлений", "المرفق", "الجزء الأول",
#: "附件", "第一编", "收入第2款" (docs/readers.md, "Languages").
PART_HEADING = re.compile(
    r"^(?:(?:Annex(?:es)?|Appendix|Part|Section|Income section|Chapter|Article|Preamble"
    r"|Annexe|Appendice|Partie|Titre|Chapitre|Chapitre de recettes|Préambule"
    r"|Anexo|Apéndice|Parte|Título|Capítulo|Sección|Artículo|Preámbulo"
    r"|Приложение|Добавление|Часть|Раздел|Глава|Статья|Раздел поступлений)"
    r"(?: (?:[IVXLC]+|\d+[A-Z]?|[A-Z]|premier|première|unique))?"
    r"(?: de ingresos| des recettes| сметы поступлений)?"
    r"|(?:المرفق|التذييل|الجزء|الباب|الفصل|المادة|باب الإيرادات)(?: \S+(?: عشر)?)?"
    r"|(?:附件|附录)[一二三四五六七八九十]{0,3}"
    r"|(?:收入)?第[一二三四五六七八九十\d]{1,4}[A-Z]?(?:编|款|部分|章|节|条))$"
)

#: The annex or appendix that opens a part numbered afresh, in the six languages.
ANNEX = re.compile(r"^(?:Annex(?:es)?|Appendix|Annexe|Anexo|Приложение|المرفق|附件)(?:\b|$)")

#: An organ named alone, as a formula printed without punctuation ("The General Assembly",
#: "L’Assemblée générale", "大会").
ORGAN_NAME = re.compile(
    r"^\*?(?:The(?: (?:[A-Z][\w-]*|and|on|of|for))+|L['’]Assemblée générale"
    r"|Le Conseil de sécurité|La Asamblea General|El Consejo de Seguridad"
    r"|Генеральная Ассамблея|Совет Безопасности|大会|安全理事会"
    r"|إن[\u064b-\u0652]* (?:الجمعية العامة|مجلس الأمن))\*?$"
)
