"""The time expressions of documents as JSON, with character offsets into each file as read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from storyline.records import Document, TimeExpression


def raw_span(doc: Document, expr: TimeExpression) -> tuple[int | None, int | None]:
    """The expression's (start, end) in ``doc.raw_text``; (None, None) when the text is not a
    substring of the file (HTML, whose article text is extracted from the markup)."""
    return doc.text_map.span_to_raw(expr.start, expr.end) or (None, None)


def document_times(doc: Document) -> list[dict[str, Any]]:
    """``{"start", "end", "text", "type", "value"}`` for each time expression of ``doc``, in order."""
    out: list[dict[str, Any]] = []
    for sentence in doc.sentences:
        for expr in sentence.times:
            start, end = raw_span(doc, expr)
            out.append({"start": start, "end": end, "text": expr.text, "type": expr.type, "value": expr.value})
    return out


def times_json(docs: Iterable[Document]) -> dict[str, list[dict[str, Any]]]:
    """``{path: [time expression, ...]}`` for each document (a record of a .jsonl file is ``path#n``)."""
    return {doc.path or doc.id: document_times(doc) for doc in docs}
