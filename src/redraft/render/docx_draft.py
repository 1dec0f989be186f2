"""Word output of a clean draft in UN layout (:func:`render_draft_docx`).

Footnotes cited in a paragraph's text are real Word footnotes: numbered by Word itself
from the draft's first number when it can (:func:`word_numbers`), else carrying their UN
marker as a custom mark; a footnote that its paragraph does not cite is a ``UN Footnote``
paragraph. Tables are Word tables.
"""

from __future__ import annotations

from ..formats import FOOTNOTE_STYLE
from ..model import FOOTNOTE_REF, Draft, Footnote, Kind, Paragraph, cited_markers, ref_marker
from .docx import Run, WordBuilder, style_name
from .docx_plain import clean


def text_runs(text: str, opening: str, notes: dict[str, Footnote] | None = None) -> list[Run]:
    """Runs of a paragraph's text: the opening in italics, cited footnotes as real
    references when ``notes`` maps their markers (each used once)."""
    runs: list[Run] = []
    cut = len(opening) if opening and text.startswith(opening) else 0
    position = 0
    pieces: list[tuple[str, bool]] = []
    for match in FOOTNOTE_REF.finditer(text) if notes else ():
        marker = ref_marker(match.group(0))
        if marker in notes:  # type: ignore[operator]
            pieces.append((text[position : match.start()], False))
            note = notes.pop(marker)  # type: ignore[union-attr]
            pieces.append((f"{note.marker}\x00{note.text}", True))
            position = match.end()
    pieces.append((text[position:], False))
    offset = 0
    for piece, is_ref in pieces:
        if is_ref:
            runs.append(Run(piece, role="noteref"))
            offset += 0
            continue
        start = offset
        if start < cut:
            runs.append(Run(piece[: cut - start], italic=True))
            piece = piece[cut - start :]
            start = cut
        runs.append(Run(piece))
        offset = start + len(piece)
    return runs


def _real_notes(block: Paragraph) -> dict[str, Footnote] | None:
    """The footnotes to write as real Word footnotes, when the text cites each of the
    block's footnotes once and in order (so that reading back gives the same tuple)."""
    if not block.footnotes or block.kind is Kind.TABLE:
        return None
    own = {note.marker for note in block.footnotes}
    cited: list[str] = []
    for marker in [ref_marker(m.group(0)) for m in FOOTNOTE_REF.finditer(block.text)]:
        if marker in own and marker not in cited:
            cited.append(marker)
    if cited != [note.marker for note in block.footnotes]:
        return None
    return {note.marker: note for note in block.footnotes}


def block_runs(block: Paragraph, notes: dict[str, Footnote] | None = None) -> list[Run]:
    runs = []
    if block.number:
        runs += [Run(block.number, role="number"), Run("", role="tab")]
    return runs + text_runs(block.text, block.opening, notes)


def note_runs(note: Footnote) -> list[Run]:
    return [Run(note.marker, role="number"), Run("", role="tab"), Run(note.text)]


def render_draft_docx(draft: Draft) -> bytes:
    """The draft as a clean Word document in UN layout."""
    builder = WordBuilder(draft.meta)
    start = _numbered_by_word(draft)
    if start:
        builder.number_notes_from(start)
    for block in draft.blocks:
        _write_block(builder, block, 0, numbered=bool(start))
    return builder.finish()


def word_numbers(draft: Draft) -> int | None:
    """The number Word's footnote numbering must start from to print this draft's
    markers, or None when Word cannot (a marker that is not a number, numbers out of
    order, a footnote cited twice or nowhere, a reference inside a footnote)."""
    notes = draft.footnotes()
    if not notes:
        return 0
    markers = [note.marker for note in notes]
    if not all(m.isdigit() and m.isascii() for m in markers):
        return None
    start = int(markers[0])
    if markers != [str(start + i) for i in range(len(markers))]:
        return None
    cited = [m for block in draft.walk() for m in cited_markers(block.text)]
    if cited != markers or any(cited_markers(note.text) for note in notes):
        return None
    return start


def _numbered_by_word(draft: Draft) -> int | None:
    """Where Word's own footnote numbering starts when it prints exactly this draft's
    markers, every footnote a real one (:func:`word_numbers`, and none in a table nor
    cited away from its paragraph); else None, and the markers are custom marks.

    Word's numbering is what every word processor prints: a custom mark is typed again
    in the footnote, which Word shows once and LibreOffice twice ("11 Resolution ...")."""
    start = word_numbers(draft)
    if not start:
        return None
    for block in draft.walk():
        if (block.footnotes or cited_markers(block.text)) and (
            block.kind is Kind.TABLE or _real_notes(block) is None
        ):
            return None
    return start


def _write_block(builder: WordBuilder, block: Paragraph, depth: int, numbered: bool) -> None:
    if block.kind is Kind.TABLE:
        write_table(builder, block.text, depth)
    else:
        real = _real_notes(block)
        runs = block_runs(block, dict(real or {}))
        if numbered:
            runs = [_numbered(run) for run in runs]
        _plain_or_built(builder, style_name(block.kind, depth), runs)
        if real is None:
            for note in block.footnotes:
                _plain_or_built(builder, FOOTNOTE_STYLE, note_runs(note))
    if block.kind is Kind.TABLE:
        for note in block.footnotes:
            _plain_or_built(builder, FOOTNOTE_STYLE, note_runs(note))
    for child in block.children:
        _write_block(builder, child, depth + 1, numbered)


def _plain_or_built(builder: WordBuilder, style: str, runs: list[Run]) -> None:
    if not builder.plain_paragraph(style, runs):
        builder.paragraph(style, runs)


def _numbered(run: Run) -> Run:
    """A custom-marked footnote reference as one Word numbers itself."""
    if run.role != "noteref":
        return run
    text = run.text.partition("\x00")[2]
    return Run("", role="footnote", change=run.change, note=(Run(text),))


def write_table(builder: WordBuilder, text: str, depth: int) -> None:
    """A real Word table; rows may have different numbers of cells."""
    rows = [[[Run(clean(cell))] for cell in row.split("\t")] for row in text.split("\n")]
    builder.table(rows, depth)
