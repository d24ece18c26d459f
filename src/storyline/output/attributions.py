"""The attributions of documents (who says what), with character offsets into each file as read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from storyline.doc.attribution_speakers import names_speaker
from storyline.records import Document

Span = tuple[int, int]


@dataclass(frozen=True)
class FoundAttribution:
    """One attribution in raw-file offsets; ``speaker`` is resolved ("he" -> the person named before)."""

    source: Span | None
    cue: Span | None
    content: Span | None
    speaker: str | None


def raw_attributions(doc: Document) -> list[FoundAttribution]:
    """Every attribution of ``doc`` in offsets of the file as read (None where they cannot be mapped)."""
    found = []
    to_raw = doc.text_map.span_to_raw
    for sentence in doc.sentences:
        for a in sentence.attributions:
            # the resolved name only for a source that mentions the sentence's speaker: another
            # attribution of the sentence ("... and the union warned") keeps its own words
            resolved = a.kind in ("claim", "denial") and names_speaker(a.speaker, sentence.attributed_to)
            speaker = sentence.attributed_to if resolved else a.speaker
            found.append(
                FoundAttribution(to_raw(*a.source) if a.source else None, to_raw(*a.cue), to_raw(*a.content), speaker)
            )
    return found


def attributions_json(docs: Iterable[Document]) -> dict[str, list[dict[str, Any]]]:
    """``{path: [{"source", "cue", "content", "speaker"}, ...]}`` for each document, in text order."""
    return {
        doc.path or doc.id: [
            {"source": a.source, "cue": a.cue, "content": a.content, "speaker": a.speaker}
            for a in raw_attributions(doc)
        ]
        for doc in docs
    }
