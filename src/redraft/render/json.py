"""JSON output. Every document carries a ``schema`` field (docs/json.md)."""

from __future__ import annotations

import json
import re
from typing import Any

from ..model import Draft, Footnote, Paragraph


def dumps(document: dict[str, Any]) -> str:
    """The document as JSON. Control characters are escaped (``\\u001b``): json does it
    for C0, and C1 (U+0080-U+009F, terminal controls too) is escaped here."""
    assert "schema" in document, "every JSON output names its schema"
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_C1 = re.compile(r"[\x7f-\x9f]")


def footnote_json(footnote: Footnote) -> dict[str, Any]:
    return {"label": footnote.label, "marker": footnote.marker, "text": footnote.text}


def paragraph_json(paragraph: Paragraph) -> dict[str, Any]:
    return {
        "label": paragraph.label,
        "kind": paragraph.kind.value,
        "number": paragraph.number,
        "opening": paragraph.opening,
        "text": paragraph.text,
        "footnotes": [footnote_json(f) for f in paragraph.footnotes],
        "children": [paragraph_json(c) for c in paragraph.children],
    }


def draft_json(draft: Draft, name: str = "", source: str = "") -> dict[str, Any]:
    """Schema ``redraft.draft/1``."""
    meta = draft.meta
    return {
        "schema": "redraft.draft/1",
        "name": name,
        "source": source,
        "meta": {
            "symbol": meta.symbol,
            "organ": meta.organ,
            "language": meta.language,
            "doc_type": meta.doc_type,
            "date": meta.date,
            "sponsors": list(meta.sponsors),
            "extra": dict(meta.extra),
        },
        "heading": draft.heading,
        "title": draft.title,
        "labels": draft.labels(),
        "blocks": [paragraph_json(b) for b in draft.blocks],
    }
