"""One source span for one speaker: two attributions of a sentence whose sources overlap take the longer.

The rules, the cue model and the two source adders each choose a source span on their own, so one
sentence can name its speaker twice with slightly different edges ("Gov. Ann Roe (D-Ark" and "Gov.
Ann Roe (D-Ark.)", "Figures" and "Figures released on Sunday"). Both attributions then take the
longer span. A shorter span that is a pronoun of its own ("who", "which", "that", "whose office",
"they") is a second source inside the first one's relative clause or apposition ("Ann Roe, who
endorsed Lee, said": Roe says, and "who" endorsed), not a second reading of it, and is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storyline.doc.attribution_speakers import normalize_source
from storyline.doc.attribution_tokens import Span, spans_overlap
from storyline.doc.attribution_tree import sourced
from storyline.records import Attribution, Document, Sentence, Token, changed

# Personal, possessive and relative pronouns (Penn tags): a span opening with one is a source of its own.
_PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WP$", "WDT"})


def _own_pronoun(tokens: Sequence[Token], span: Span) -> bool:
    """Whether ``span`` opens with a pronoun (a relative clause's "who", "whose office", "they")."""
    first = next((t for t in tokens if span[0] <= t.start < span[1]), None)
    return first is not None and first.tag in _PRONOUN_TAGS


def _length(span: Span) -> int:
    return span[1] - span[0]


def merged_sources(sentence: Sentence) -> tuple[Attribution, ...]:
    """The sentence's attributions, each whose source overlaps a longer source of the sentence (and
    is no pronoun of its own) given that longer span and its words as the speaker."""
    attributions = sentence.attributions
    spans = sorted({a.source for a in attributions if a.source is not None}, key=lambda s: (-_length(s), s))
    if len(spans) < 2:
        return attributions
    into: dict[Span, Span] = {}
    for k, short in enumerate(spans):
        longer = [s for s in spans[:k] if _length(s) > _length(short) and spans_overlap(s, short)]
        if longer and not _own_pronoun(sentence.tokens, short):
            into[short] = into.get(longer[0], longer[0])
    if not into:
        return attributions
    out = []
    for a in attributions:
        span = into.get(a.source) if a.source is not None else None
        if span is None:
            out.append(a)
        else:
            out.append(sourced(sentence, a, span))
    return tuple(out)


def rewrite_attributions(doc: Document, rewrite: Callable[[Sentence], tuple[Attribution, ...]]) -> Document:
    """``doc`` with each sentence's attributions as ``rewrite`` gives them; a sentence whose rewrite
    returns its own tuple (unchanged) is kept as it is."""
    sentences = []
    for sentence in doc.sentences:
        found = rewrite(sentence)
        sentences.append(sentence if found is sentence.attributions else changed(sentence, attributions=found))
    return changed(doc, sentences=tuple(sentences))


def merge_sources(doc: Document) -> Document:
    """``doc`` with overlapping source spans of each sentence merged into the longer one; a sentence
    whose speaker was read from a span that grew is said by the longer span's words."""
    sentences = []
    for sentence in doc.sentences:
        found = merged_sources(sentence)
        if found is not sentence.attributions:
            sentence = changed(sentence, attributions=found, attributed_to=_grown_speaker(sentence, found))
        sentences.append(sentence)
    return changed(doc, sentences=tuple(sentences))


def _grown_speaker(sentence: Sentence, found: Sequence[Attribution]) -> str | None:
    """The sentence's speaker, or the words of the longer span that a span it was read from grew into."""
    speaker = sentence.attributed_to
    for old, new in zip(sentence.attributions, found, strict=True):
        said = old.kind in ("claim", "denial") and old.speaker is not None and new.speaker is not None
        if said and old.source != new.source and normalize_source(old.speaker or "") == speaker:
            return normalize_source(new.speaker or "")
    return speaker
