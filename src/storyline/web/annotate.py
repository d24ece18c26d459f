"""Render a story.json document's cleaned text as HTML, sentence by sentence, with its annotations.

Entities, time expressions (followed by their resolved value), quantities and attributions may
overlap, so the text is cut at every annotation boundary and each piece carries the classes of the
annotations that cover it. Each sentence is an element ``#s{index}``, highlighted by CSS ``:target``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby, pairwise

from markupsafe import Markup

from storyline.output.html import esc
from storyline.output.markdown import Record


@dataclass(frozen=True)
class Span:
    start: int  # offsets into the document's cleaned text
    end: int
    css: str
    title: str | None = None
    after: str | None = None  # shown after the span, e.g. a time expression's resolved value


def sentence_spans(sentence: Record) -> list[Span]:
    spans = [Span(e["start"], e["end"], f"ent ent-{e['label']}", e["label"]) for e in sentence.get("entities", [])]
    for t in sentence.get("times", []):
        value = t.get("value") or t.get("date")
        title = f"{t.get('type', 'TIME')} resolved to {value}" if value else f"{t.get('type', 'TIME')}, unresolved"
        spans.append(Span(t["start"], t["end"], "time", title, value))
    for q in sentence.get("quantities", []):
        if q.get("kind") in ("duration", "age"):
            continue  # shown as the time expression that covers it
        spans.append(Span(q["start"], q["end"], "qty", f"{q.get('value')} {q.get('unit') or ''}".strip()))
    for a in sentence.get("attributions", []):
        speaker = a.get("speaker") or "unnamed source"
        parts: tuple[tuple[str, str, str | None], ...] = (
            ("source", "attr-source", f"source: {speaker}"),
            ("cue", "attr-cue", f"cue: {a.get('kind') or 'attribution'}"),
            ("content", "attr-content", None),
        )
        for part, css, label in parts:
            if a.get(part):
                spans.append(Span(a[part][0], a[part][1], css, label))
    return spans


def render_sentence(sentence: Record) -> Markup:
    """One sentence as ``<span class="sentence" id="s3">`` with its annotated pieces inside."""
    start, text = sentence["start"], sentence["text"]
    end = start + len(text)
    spans = [s for s in sentence_spans(sentence) if s.start < end and s.end > start and s.end > s.start]
    cuts = sorted({start, end} | {max(start, min(end, p)) for s in spans for p in (s.start, s.end)})
    pieces: list[str] = []
    for a, b in pairwise(cuts):
        piece = esc(text[a - start : b - start])
        covering = [s for s in spans if s.start <= a and s.end >= b]
        if covering:
            css = " ".join(dict.fromkeys(s.css for s in covering))
            titles = "; ".join(dict.fromkeys(s.title for s in covering if s.title))
            title = f' title="{esc(titles)}"' if titles else ""
            pieces.append(f'<span class="{esc(css)}"{title}>{piece}</span>')
        else:
            pieces.append(piece)
        pieces += [f'<span class="tv">{esc(s.after)}</span>' for s in spans if s.after and min(s.end, end) == b]
    status = str(sentence.get("status") or "reported")
    said = f' title="{esc(status)}: {esc(sentence["attributed_to"])}"' if sentence.get("attributed_to") else ""
    return Markup(
        f'<span class="sentence said-{esc(status)}" id="s{esc(sentence["index"])}"{said}>{"".join(pieces)}</span>'
    )


def render_text(document: Record) -> Markup:
    """The document's sentences as paragraphs (``<p>``), joined by the text between them."""
    text = str(document.get("text") or "")
    sentences = sorted(document.get("sentences", []), key=lambda s: s["start"])
    paragraphs = []
    for _, group in groupby(sentences, key=lambda s: s.get("paragraph", 0)):
        parts: list[str] = []
        previous_end: int | None = None
        for s in group:
            if previous_end is not None:
                parts.append(esc(text[previous_end : s["start"]]) or " ")
            parts.append(render_sentence(s))
            previous_end = s["start"] + len(s["text"])
        paragraphs.append(f"<p>{''.join(parts)}</p>")
    return Markup("\n".join(paragraphs))
