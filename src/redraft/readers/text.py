"""Reader for UN documents as printed in plain text (the form of a report's annex,
a Security Council resolution copied from a PDF, a delegate's e-mail).

The reader is a list of small named passes (in the manner of bluebell/indigo):

    normalise   line ends, non-breaking spaces, invisible characters
    masthead    "United Nations S/RES/1445 (2002)", "Distr.: General": kept as metadata
    furniture   running heads, job numbers, page numbers: dropped with a warning
    chunk       paragraphs on blank lines; hard-wrapped lines joined; tables kept whole
    footnotes   "¹⁶ Ibid., vol. 2225, No. 39574." separated from the text
    rejoin      paragraphs broken by a page break (and its footnotes) joined again
    structure   heading, title, formula, preamble, numbered operative part, nesting
    attach      each footnote to the first paragraph citing it
    spaces      no-break spaces given back where the document had them (.text_spaces)
    meta        organ from the formula, document type from the heading

then :func:`~redraft.labels.assign_labels`. The line passes live in
:mod:`.text_passes`, numbering in :mod:`.text_numbers`, structure in :mod:`.text_tree`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..labels import assign_labels
from ..model import Draft, Kind, Meta, Paragraph
from . import text_passes as passes
from .text_passes import Chunk, Notes
from .text_spaces import restore_spaces
from .text_tree import DATE_LINE, OUTCOME_FORMULA, _Node, attach_footnotes, build_blocks

LinePass = Callable[[list[str], Notes], list[str]]
ChunkPass = Callable[[list[Chunk], Notes], list[Chunk]]

#: The passes over lines, in order.
LINE_PASSES: tuple[tuple[str, LinePass], ...] = (
    ("masthead", passes.masthead),
    ("furniture", passes.furniture),
)

#: The passes over chunks, in order (``chunk`` turns lines into chunks first).
CHUNK_PASSES: tuple[tuple[str, ChunkPass], ...] = (
    ("footnotes", passes.footnotes),
    ("rejoin", passes.rejoin),
)


def read_text(text: str, page_breaks: bool = True) -> tuple[Draft, list[str]]:
    """Read a draft printed as plain text. Returns the draft and warnings (what was
    dropped or guessed), each one line. ``page_breaks``: the text may hold paragraphs cut
    by a page break, to be joined again (printed text); False where each paragraph is
    known to be whole (the paragraphs of a Word document)."""
    notes = Notes()
    chunks = text_chunks(text, notes, page_breaks)
    headings = sum(1 for c in chunks if c.kind == "text" and passes.DRAFT_HEADING.match(c.text))
    if headings > 1:
        notes.warnings.append(
            f"{headings} draft headings: this looks like a report holding "
            "many drafts (redraft split writes one file for each)"
        )
    nodes = build_blocks([c for c in chunks if c.kind != "footnote"], notes)
    blocks = attach_footnotes(nodes, [c for c in chunks if c.kind == "footnote"], notes)
    blocks = restore_spaces(blocks, passes.normalise(text, spaces=False))
    meta = read_meta(blocks, notes)
    draft = Draft(meta=meta, blocks=assign_labels(blocks))
    return draft, notes.warnings + _labelled(notes, nodes, draft)


def _labelled(notes: Notes, nodes: list[_Node], draft: Draft) -> list[str]:
    """The warnings about one block, each opening with that block's label. The frozen
    blocks keep the builder's tree, so the n-th node is the n-th block."""
    order = {id(node): index for index, node in enumerate(n for top in nodes for n in top.walk())}
    blocks = list(draft.walk())
    out = []
    for node, message in notes.about:
        index = order.get(id(node))
        block = blocks[index] if index is not None and index < len(blocks) else None
        same = block is not None and isinstance(node, _Node) and block.number == node.number
        out.append(f"{block.label}: {message}" if same and block is not None else message)
    return out


def text_chunks(text: str, notes: Notes, page_breaks: bool = True) -> list[Chunk]:
    """Run the line and chunk passes: the printed paragraphs, footnotes and tables
    (without ``page_breaks``, no rejoining of paragraphs cut by a page break)."""
    lines = passes.normalise(text).split("\n")
    for _name, line_pass in LINE_PASSES:
        lines = line_pass(lines, notes)
    passes.report_dropped(notes)
    chunks = passes.chunk(lines, notes)
    for name, chunk_pass in CHUNK_PASSES:
        if name != "rejoin" or page_breaks:
            chunks = chunk_pass(chunks, notes)
    return chunks


# -- metadata -----------------------------------------------------------------

_DOC_TYPE = re.compile(r"^(?:(revised|amended)\s+)?(draft\s+)?(resolution|decision)\b", re.I)
#: French and Spanish headings, and the document type they name (in English, as in JSON).
_DOC_TYPES_ELSEWHERE = (
    ("projet de résolution", "draft resolution"),
    ("projet de décision", "draft decision"),
    ("proyecto de resolución", "draft resolution"),
    ("proyecto de decisión", "draft decision"),
    ("résolution", "resolution"),
    ("décision", "decision"),
    ("resolución", "resolution"),
    ("decisión", "decision"),
)
_FORMULA_ORGAN = re.compile(r"^(?:\*?The\s+)([A-Z][^,:*]*)")
_MEETING_ORGAN = re.compile(r"\bthe ((?:[A-Z][\w-]*)(?:\s+(?:[A-Z][\w-]*|and|on|of|for|in))*)")


def read_meta(blocks: tuple[Paragraph, ...], notes: Notes) -> Meta:
    heading = next((b.text for b in blocks if b.kind is Kind.DOC_HEADING), "")
    formula = next((b.text for b in blocks if b.kind is Kind.FORMULA), "")
    dated = next((b.text for b in blocks if b.kind is Kind.TEXT and DATE_LINE.match(b.text)), "")
    return Meta(
        symbol=notes.symbol,
        organ=formula_organ(formula) or notes.organ,
        language=language(formula or heading),
        doc_type=doc_type(heading),
        date=notes.date or passes.iso_date(dated) or passes.iso_date(heading),
        sponsors=sponsors(heading),
    )


_LANGUAGES = (
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("ar", re.compile("[\u0600-\u06ff]")),
    ("zh", re.compile("[\u4e00-\u9fff]")),
    ("fr", re.compile(r"^\*?(?:L['’]|Le |La Commission|Les |À sa |Nous, )")),
    ("es", re.compile(r"^\*?(?:La |El |En su |Nosotros, )")),
)


def language(formula: str) -> str:
    """The language of a draft, from its enacting formula: "en" unless the formula is
    French, Spanish, Russian, Arabic or Chinese."""
    return next((code for code, pattern in _LANGUAGES if pattern.search(formula)), "en")


def doc_type(heading: str) -> str:
    """ "Draft resolution II" -> "draft resolution"; "" when the heading says neither."""
    heading = heading.rpartition(": ")[2]
    for printed, english in _DOC_TYPES_ELSEWHERE:
        if heading.lower().startswith(printed):
            return english
    match = _DOC_TYPE.match(heading)
    if not match:
        return ""
    return " ".join(part.strip().lower() for part in match.groups() if part)


def sponsors(heading: str) -> tuple[str, ...]:
    """ "Austria, Brazil and Mexico: draft resolution" -> ("Austria", "Brazil", "Mexico")."""
    match = passes.DOC_HEADING.match(heading)
    names = match.group("sponsors") if match else None
    if not names:
        return ()
    return tuple(n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", names) if n.strip())


#: The principal organs as the other official languages name them in a formula.
_ORGANS_ELSEWHERE = {
    "General Assembly": (
        "Assemblée générale",
        "Asamblea General",
        "Генеральная Ассамблея",
        "الجمعية العامة",
        "大会",
    ),
    "Security Council": (
        "Conseil de sécurité",
        "Consejo de Seguridad",
        "Совет Безопасности",
        "مجلس الأمن",
        "安全理事会",
    ),
    "Economic and Social Council": (
        "Conseil économique et social",
        "Consejo Económico y Social",
        "Экономический и Социальный Совет",
        "المجلس الاقتصادي والاجتماعي",
        "经济及社会理事会",
    ),
}


def formula_organ(formula: str) -> str:
    """ "The General Assembly," -> "General Assembly"; "At its 10th meeting, ..., the
    Commission on Crime Prevention and Criminal Justice, ...:" -> that Commission;
    "L’Assemblée générale," -> "General Assembly" (organs are named in English)."""
    for organ, names in _ORGANS_ELSEWHERE.items():
        if any(
            formula.lstrip("*").startswith(n)
            or f"’{n}" in formula[:40]
            or f"'{n}" in formula[:40]
            or f"إن {n}" in formula[:40]
            for n in names
        ):
            return organ
    if OUTCOME_FORMULA.match(formula):
        return ""  # "We, the Heads of State and Government ...": a conference, not an organ
    match = _FORMULA_ORGAN.match(formula)
    if match:
        return match.group(1).strip()
    match = _MEETING_ORGAN.search(formula)
    if match:
        return re.sub(r"\s+(?:and|on|of|for|in)$", "", match.group(1).strip())
    return ""
