"""Names redraft's writers put into files and its readers look for: the Word styles of
a document redraft writes, and the namespace of the exact metadata in its AKN export.
Shared by :mod:`redraft.readers` and :mod:`redraft.render`, which never import each
other."""

from __future__ import annotations

from .model import Kind

#: Paragraph style of each kind in documents redraft writes (depth > 0 adds " 2", " 3"...).
KIND_STYLES: dict[Kind, str] = {
    Kind.DOC_HEADING: "UN Document Heading",
    Kind.TITLE: "UN Title",
    Kind.FORMULA: "UN Formula",
    Kind.PREAMBULAR: "UN Preambular",
    Kind.OPERATIVE: "UN Operative",
    Kind.HEADING: "UN Heading",
    Kind.TEXT: "UN Text",
    Kind.TABLE: "UN Table",
}
FOOTNOTE_STYLE = "UN Footnote"  # endnote-style footnote paragraph ("[^m]: text")
NUMBER_STYLE = "UN Number"  # character style of a typed paragraph number
META_VARIABLE = "redraft-meta"  # document variable (settings.xml) holding the metadata as JSON

#: Namespace of the exact metadata render/akn.py writes in <proprietary source="#redraft">.
REDRAFT_NS = "urn:redraft:meta"

#: Indentation of a sub-paragraph in redraft's Markdown: an entity, visible in the
#: source and rendered by CommonMark (two per level).
MD_EM_SPACE = "&emsp;"

#: The start of every PDF file (the specification allows a little junk before it, so
#: readers look for it in the first kilobyte).
PDF_MAGIC = b"%PDF-"
