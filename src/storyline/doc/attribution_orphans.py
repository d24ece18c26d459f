"""Build a whole attribution around a source the token tagger is sure of when its sentence has no
attribution to give it to: the cue from the parse, the content from what that cue governs.

The tagger (``attribution_tagger``) finds source spans the stage missed. When no attribution of the
sentence can take one, the span's head word says where the cue is: the verb it is the subject of
("the mayor [conceded] the bridge was lost"), the agent of ("was [announced] by the ministry"), the
noun it owns ("the ministry's [statement]"), or "according" when it is the object of "according to".
The content is what that cue governs, as the cue model builds it (``attribution_learned.spans``), up
to a clause coordinated with the cue's (", while ...": the report's own).
A span whose head hangs on nothing of these, or whose cue already is a cue, or whose content the
parse does not give, is left alone, and so is a sentence whose speaker the rules read (every claim
of it is given that speaker).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyline.doc.attribution_learned import CueModel, candidate_features, candidate_probability, spans
from storyline.doc.attribution_tokens import Span, spans_overlap
from storyline.doc.attribution_tree import children_of, impression, sourced
from storyline.records import Attribution, Sentence, Token

_JOIN = re.compile(r"(?:,\s*(?:and|but|while|whereas|although|though|then)|;)\s", re.IGNORECASE)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CUE_POS = frozenset({"VERB", "AUX", "NOUN"})
LEVEL = 0.5  # a tagged source span of this mean probability or more gets an attribution built around it
CUE_LEVEL = 0.2  # when the cue model scores its cue this much or more (both chosen on train out of fold)


def span_head(tokens: Sequence[Token], first: int, last: int) -> int:
    """The word of tokens ``first``..``last`` whose head lies outside them (the first such)."""
    for k in range(first, last + 1):
        if not first <= tokens[k].head <= last or tokens[k].head == k:
            return k
    return first


def cue_of_source(tokens: Sequence[Token], head: int) -> tuple[int, str] | None:
    """The cue word a source headed by ``head`` hangs on, with how it hangs ("subject", "agent",
    "owner", "according"), or None."""
    tok = tokens[head]
    up = tok.head
    if up == head:
        return None
    if tok.dep in _SUBJECTS and tokens[up].pos in _CUE_POS:
        return up, "subject"
    if tok.dep == "poss" and tokens[up].pos == "NOUN":
        return up, "owner"
    if tok.dep != "pobj":
        return None
    preposition = tokens[up]
    above = preposition.head
    word = preposition.text.lower()
    if word == "to" and tokens[above].text.lower() == "according":
        return above, "according"
    if word == "by" and preposition.dep == "agent" and tokens[above].pos == "VERB":
        return above, "agent"
    return None


def orphan_attribution(sentence: Sentence, source: Span, first: int, last: int) -> Attribution | None:
    """The attribution built around the source span ``source`` (tokens ``first``..``last`` of
    ``sentence``): its cue from the parse and what the cue governs as content, or None."""
    tokens = sentence.tokens
    found = cue_of_source(tokens, span_head(tokens, first, last))
    if found is None:
        return None
    cue, _ = found
    if first <= cue <= last:
        return None
    built = spans(sentence, children_of(tokens), cue)
    if built is None or spans_overlap(built.content, (tokens[cue].start, tokens[cue].end)):
        return None
    if spans_overlap(built.content, source) and found[1] != "according":
        return None
    return sourced(sentence, replace(built, content=_own_clause(sentence, built.cue, built.content)), source)


def _own_clause(sentence: Sentence, cue: Span, content: Span) -> Span:
    """``content`` cut where a clause coordinated with the cue's begins (", while the list named 388"):
    what follows is the report's own."""
    if content[0] < cue[1]:
        return content
    text = sentence.text[content[0] - sentence.start : content[1] - sentence.start]
    join = _JOIN.search(text)
    return (content[0], content[0] + join.start()) if join is not None and join.start() > 0 else content


def _token_run(sentence: Sentence, span: Span) -> tuple[int, int] | None:
    at = [k for k, t in enumerate(sentence.tokens) if t.start < span[1] and span[0] < t.end]
    return (at[0], at[-1]) if at else None


def may_build(sentence: Sentence, quoted: Sequence[Span], model: CueModel, cue_level: float = CUE_LEVEL) -> bool:
    """Whether a sentence without attributions has a cue candidate that the cue ``model`` scores
    ``cue_level`` or more (``quoted`` are its quotations): if not, ``orphan_attributions`` builds
    nothing in it, whatever spans are tagged."""
    candidates = candidate_features(sentence, (), quoted)
    return any(candidate_probability(model, names) >= cue_level for _, names in candidates)


def orphan_attributions(
    sentence: Sentence,
    attributions: Sequence[Attribution],
    tagged: Sequence[tuple[Span, float]],
    quoted: Sequence[Span],
    model: CueModel,
    level: float = LEVEL,
    cue_level: float = CUE_LEVEL,
) -> tuple[Attribution, ...]:
    """``attributions`` with one built around each tagged source span of mean ``level`` or more, most
    probable first, that no source of the sentence overlaps, whose cue is no cue yet nor a verb of
    appearance ("seems", ``attribution_tree.impression``) and scores ``cue_level`` or more by the cue
    ``model`` (``quoted`` are the sentence's quotations). A sentence
    whose speaker the rules read is left alone: its claims are that speaker's."""
    if sentence.attributed_to is not None:
        return tuple(attributions)
    out = list(attributions)
    scored: dict[int, list[str]] | None = None
    for source, mean in sorted(tagged, key=lambda x: -x[1]):
        run = _token_run(sentence, source)
        if mean < level or run is None or any(a.source and spans_overlap(source, a.source) for a in out):
            continue
        new = orphan_attribution(sentence, (sentence.tokens[run[0]].start, sentence.tokens[run[1]].end), *run)
        if new is None or any(spans_overlap(new.cue, a.cue) for a in out) or impression(sentence, new):
            continue
        if scored is None:
            scored = dict(candidate_features(sentence, attributions, quoted))
        cue = next(k for k, t in enumerate(sentence.tokens) if t.start == new.cue[0])
        if cue in scored and model.probability(scored[cue]) >= cue_level:
            out.append(new)
    return tuple(sorted(out, key=lambda a: a.cue))
