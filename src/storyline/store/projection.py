"""The projection of a processed document: what the corpus stages and the outputs read, without the
fields only the per-document stages and the evaluation commands need.

A loaded report's tokens, text map (a piece per token once detokenized) and raw text are most of its
memory, yet no corpus stage, no output and no ``storyline add`` comparison reads them: what the
corpus stages need from the tokens is read once per document into small fields (``doc.digest``). A
projection drops them, with the hints and the HTML, and is marked so that it is never stored as a
record in place of the full document (``Store`` refuses it, E193).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from storyline.records import Document
from storyline.textmap import TextMap

PROJECTED = "projected"  # in ``Document.done``: the document is a projection

# The fields a projection empties, as a record's JSON holds them empty.
DROPPED: dict[str, Any] = {"raw_text": "", "text_map": {"pieces": []}, "hints": [], "html": None}


def project(doc: Document) -> Document:
    """``doc`` without its raw text, text map, hints, HTML and its sentences' tokens; everything else
    is the same."""
    sentences = tuple(replace(s, tokens=()) if s.tokens else s for s in doc.sentences)
    return replace(
        doc,
        raw_text="",
        text_map=TextMap.unmapped(),
        hints=(),
        html=None,
        sentences=sentences,
        done=doc.done | {PROJECTED},
    )


def projected_record(data: dict[str, Any]) -> dict[str, Any]:
    """A stored record's JSON as the projection's: the dropped fields emptied before decoding, so
    that they are never decoded."""
    sentences = [{**s, "tokens": []} for s in data.get("sentences", [])]
    return {**data, **DROPPED, "sentences": sentences, "done": [*data.get("done", []), PROJECTED]}


def is_projection(doc: Document) -> bool:
    return PROJECTED in doc.done
