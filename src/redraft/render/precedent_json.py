"""JSON of ``redraft precedent``: schemas ``redraft.precedent/1`` (a draft traced),
``redraft.precedent-search/1`` (a phrase searched) and ``redraft.precedent-index/1``
(an index updated), documented in docs/json.md and docs/precedent.md."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .json import dumps

if TYPE_CHECKING:
    from ..precedent.model import (
        CorpusInfo,
        ParagraphPrecedent,
        PrecedentResult,
        SearchHit,
        SearchResult,
        Source,
        UpdateReport,
    )


def corpus_json(corpus: CorpusInfo) -> dict[str, Any]:
    return {
        "documents": corpus.documents,
        "paragraphs": corpus.paragraphs,
        "languages": list(corpus.languages),
    }


def source_json(source: Source) -> dict[str, Any]:
    return {
        "symbol": source.symbol,
        "label": source.label,
        "date": source.date,
        "similarity": source.similarity,
        "text": source.text,
        "organ": source.organ,
        "language": source.language,
    }


def paragraph_json(paragraph: ParagraphPrecedent) -> dict[str, Any]:
    return {
        "label": paragraph.label,
        "kind": paragraph.kind,
        "class": paragraph.cls,
        "words": paragraph.words,
        "text": paragraph.text,
        "sources": [source_json(s) for s in paragraph.sources],
        "matches": paragraph.matches,
        "segments": [[op, text] for op, text in paragraph.segments],
        "nearest": source_json(paragraph.nearest) if paragraph.nearest else None,
        "boilerplate": paragraph.boilerplate,
    }


def precedent_document(result: PrecedentResult) -> dict[str, Any]:
    """The ``redraft.precedent/1`` object (also what the HTML report will embed)."""
    summary = result.summary
    return {
        "schema": "redraft.precedent/1",
        "draft": {
            "source": result.source,
            "symbol": result.symbol,
            "title": result.title,
            "language": result.language,
        },
        "corpus": corpus_json(result.corpus),
        "threshold": result.threshold,
        "paragraphs": [paragraph_json(p) for p in result.paragraphs],
        "summary": {
            "verbatim": summary.verbatim,
            "adapted": summary.adapted,
            "new": summary.new,
            "boilerplate": summary.boilerplate,
            "agreed_share_words": summary.agreed_share_words,
            "agreed_share_paragraphs": summary.agreed_share_paragraphs,
            "words": dict(summary.words),
            "total_words": summary.total_words,
        },
    }


def render_precedent_json(result: PrecedentResult) -> str:
    return dumps(precedent_document(result))


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "symbol": hit.symbol,
        "label": hit.label,
        "date": hit.date,
        "organ": hit.organ,
        "language": hit.language,
        "text": hit.text,
    }


def render_search_json(result: SearchResult) -> str:
    return dumps(
        {
            "schema": "redraft.precedent-search/1",
            "phrase": result.phrase,
            "corpus": corpus_json(result.corpus),
            "total": result.total,
            "documents": result.documents,
            "by_year": [{"year": year, "paragraphs": n} for year, n in result.by_year],
            "first": hit_json(result.first) if result.first else None,
            "hits": [hit_json(hit) for hit in result.hits],
        }
    )


def render_index_json(report: UpdateReport) -> str:
    return dumps(
        {
            "schema": "redraft.precedent-index/1",
            "index": report.index,
            "added": list(report.added),
            "changed": list(report.changed),
            "removed": list(report.removed),
            "unchanged": report.unchanged,
            "skipped": [{"source": s, "error": e} for s, e in report.skipped],
            "corpus": corpus_json(report.corpus),
            "size_bytes": report.size_bytes,
            "seconds": report.seconds,
        }
    )
