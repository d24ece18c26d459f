"""Carry a closing hedge back to the claim it names: "The Herald could not verify the extent of the
damage in Orsk." at the end of a report makes "The governor said the damage in Orsk was severe."
unverified, however far before it stands.

A hedge sentence of the outlet's own (unverified, no speaker) names a claim when the thing it could
not verify shares its head noun with an earlier claim of the report: the first noun of what was not
verified that is not a measure word nor a modifier ("the extent of the damage" -> damage, "the count
of destroyed buildings" -> building), matched against the nouns of the claim, with a few words that
count the same things taken as one ("buildings", "structures", "homes"); a hedge on a count ("the
number of animals rescued", "how many people") names only a claim that gives a number. The nearest
such claim before the hedge is linked: it becomes unverified and the hedge takes its speaker, as a
hedge on the sentence before does (``evaluation/status/README.md``). A hedge with no such noun, or
whose noun no claim shares, is left alone.
"""

from __future__ import annotations

import re

from storyline.records import Document, Sentence, changed

# Words that measure what the hedge is about rather than name it: "the extent of", "the number of".
_MEASURE_WORDS = frozenset(
    {"extent", "number", "count", "figure", "figures", "total", "tally", "toll", "scale", "size", "amount"}
    | {"level", "share", "details", "detail", "account", "accounts", "claim", "claims", "report", "reports"}
)
# Nouns that count the same things in a report: "1,700 structures" and "the count of destroyed buildings".
_SAME_THINGS = (frozenset({"building", "structure", "home", "house"}),)


_COUNTING = re.compile(r"^\s*(?:the\s+)?(?:number|count|tally|total|toll)\b|^\s*how\s+many\b", re.I)


def _head(sentence: Sentence, span: tuple[int, int]) -> str | None:
    """The lemma of the first noun in ``span`` that is neither a measure word nor a modifier of another
    noun ("the water level figures" names no head)."""
    for tok in sentence.tokens:
        if span[0] <= tok.start < span[1] and tok.pos == "NOUN" and tok.dep != "compound":
            lemma = tok.lemma.lower()
            if lemma not in _MEASURE_WORDS:
                return lemma
    return None


def _kin(head: str) -> frozenset[str]:
    return next((group for group in _SAME_THINGS if head in group), frozenset({head}))


def _names(sentence: Sentence, head: str, counting: bool) -> bool:
    """The claim names the head noun; a hedge on a count ("the number of animals") names only a claim
    that gives a number."""
    kin = _kin(head)
    if counting and not any(tok.pos == "NUM" for tok in sentence.tokens):
        return False
    return any(tok.pos == "NOUN" and tok.lemma.lower() in kin for tok in sentence.tokens)


def link_closing_hedges(doc: Document) -> Document:
    """Each outlet's hedge with no speaker linked to the nearest earlier claim it names (see above)."""
    sentences = list(doc.sentences)
    for k, hedge in enumerate(sentences):
        if hedge.status != "unverified" or hedge.attributed_to is not None:
            continue
        spans = [a.content for a in hedge.attributions if a.kind == "hedge"]
        head = _head(hedge, spans[0]) if spans else None
        if head is None:
            continue
        at = spans[0][0] - hedge.start
        counting = _COUNTING.match(hedge.text[at : spans[0][1] - hedge.start]) is not None
        earlier = range(k - 1, -1, -1)
        claim = next(
            (j for j in earlier if sentences[j].status == "claimed" and _names(sentences[j], head, counting)), None
        )
        if claim is None:
            continue
        sentences[claim] = changed(sentences[claim], status="unverified")
        sentences[k] = changed(hedge, attributed_to=sentences[claim].attributed_to)
    return changed(doc, sentences=tuple(sentences))
