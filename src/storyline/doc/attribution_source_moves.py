"""Sources the parse says belong to another word: a relative pronoun's cue subject, a passive's agent.

(1) A relative pronoun is not the source of a cue that has a subject of its own. In "the drawdown, which
they say left a vacuum" or "Lee, whom many voters believed was ahead", the pronoun stands for what is
talked about, not for who talks: "say" and "believed" have their own subjects ("they", "many voters"),
and PolNeAR marks those as the sources. The rules and the source model can still hang the pronoun on
such a cue; this step gives the attribution the cue's nominal subject (its words) instead. A pronoun
that is the cue's own subject ("Roe, who endorsed Lee") stays.
(2) The agent of a passive cue is its source: in "the mayor was warned by the fire chief that ..." and
"the plan, first reported by the Ledger, ..." the source is the object of "by", not the passive subject
or a word of the cue's clause. (3) A dateline ("LONDON (Reuters) -", "CLEVELAND -") is no source: the
cue's own subject takes its place, or the attribution is left without a source. No rule adds a source.
Chosen on PolNeAR train, out of fold (BENCHMARKS.md, attribution, session 21).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyline.doc.attribution_merge import rewrite_attributions
from storyline.doc.attribution_source import subtree
from storyline.doc.attribution_tree import children_of
from storyline.records import Attribution, Document, Sentence, Token

_RELATIVE = frozenset({"that", "which", "who", "whom"})
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
# Opening a sentence, a place in capitals or a news agency in brackets, then a dash: a report's dateline.
_DATELINE = re.compile(r"[^\n]{0,40}?(?:\([A-Za-z]+\)|\b[A-Z]{3,}[A-Z .,]*)\s*(?:–|—|--|-)(?:\s|$)")


def _cue_words(tokens: Sequence[Token], cue: tuple[int, int]) -> list[int]:
    return [q for q, tok in enumerate(tokens) if cue[0] <= tok.start < cue[1]]


def _cue_subject(tokens: Sequence[Token], cue: tuple[int, int], pronoun: int) -> int | None:
    """The first nominal subject of a word of ``cue`` that is not ``pronoun``, or None."""
    children = children_of(tokens)
    for q in _cue_words(tokens, cue):
        for c in children.get(q, ()):
            if c != pronoun and tokens[c].dep in _SUBJECT:
                return c
    return None


def _agent_source(sentence: Sentence, a: Attribution) -> Attribution:
    """``a`` with the object of its cue's "by" agent as the source, when it has a source elsewhere."""
    source, tokens = a.source, sentence.tokens
    if source is None or not tokens:
        return a
    children = children_of(tokens)
    for q in _cue_words(tokens, a.cue):
        for c in children.get(q, ()):
            if tokens[c].dep != "agent":
                continue
            agent = next((o for o in children.get(c, ()) if tokens[o].dep == "pobj"), None)
            if agent is None:
                continue
            span = subtree(tokens, children, agent, skip=-1)
            if span[0] < source[1] and source[0] < span[1]:
                return a
            at = sentence.start
            return replace(a, source=span, speaker=sentence.text[span[0] - at : span[1] - at])
    return a


def _subject_source(sentence: Sentence, a: Attribution) -> Attribution:
    """``a`` with its cue's own subject as the source when its source is a relative pronoun."""
    source, at = a.source, sentence.start
    if source is None or sentence.text[source[0] - at : source[1] - at].lower() not in _RELATIVE:
        return a
    tokens = sentence.tokens
    pronoun = next((i for i, t in enumerate(tokens) if t.start == source[0]), None)
    subject = None if pronoun is None else _cue_subject(tokens, a.cue, pronoun)
    if subject is None:
        return a
    span = subtree(tokens, children_of(tokens), subject, skip=-1)
    return replace(a, source=span, speaker=sentence.text[span[0] - at : span[1] - at])


def _not_dateline(sentence: Sentence, a: Attribution) -> Attribution:
    """``a`` without the dateline its source opens with: the rest of the span, else the cue's own
    subject, else no source."""
    source, at = a.source, sentence.start
    dateline = None if source is None or source[0] > at else _DATELINE.match(sentence.text, 0, source[1] - at + 3)
    if source is None or dateline is None:
        return a
    after = at + dateline.end()
    if after < source[1]:
        span = (after, source[1])
    else:
        tokens = sentence.tokens
        subject = _cue_subject(tokens, a.cue, -1)
        whole = None if subject is None else subtree(tokens, children_of(tokens), subject, skip=-1)
        if whole is None or whole[1] <= after:
            return replace(a, source=None, speaker=None)
        span = (max(whole[0], after), whole[1])  # a subject read with the dateline in it loses it
    return replace(a, source=span, speaker=sentence.text[span[0] - at : span[1] - at])


def moved_sources(sentence: Sentence) -> tuple[Attribution, ...]:
    """The sentence's attributions, a relative pronoun source replaced by its cue's own subject, a
    passive cue's source by its agent, and a dateline taken off a source."""
    out = tuple(
        _not_dateline(sentence, _agent_source(sentence, _subject_source(sentence, a))) for a in sentence.attributions
    )
    return sentence.attributions if out == sentence.attributions else out


def move_sources(doc: Document) -> Document:
    """``doc`` with each sentence's sources moved as ``moved_sources`` moves them."""
    return rewrite_attributions(doc, moved_sources)
