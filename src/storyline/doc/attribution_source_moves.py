"""Sources the parse says belong to another word: a relative pronoun's cue subject, a passive's agent.

(1) A relative pronoun is not the source of a cue that has a subject of its own. In "the drawdown, which
they say left a vacuum" or "Lee, whom many voters believed was ahead", the pronoun stands for what is
talked about, not for who talks: "say" and "believed" have their own subjects ("they", "many voters"),
and PolNeAR marks those as the sources. The rules and the source model can still hang the pronoun on
such a cue; this step gives the attribution the cue's nominal subject (its words) instead. A pronoun
that is the cue's own subject ("Roe, who endorsed Lee") stays.
(2) The agent of a passive cue is its source: in "the mayor was warned by the fire chief that ..." and
"the plan, first reported by the Ledger, ..." the source is the object of "by", not the passive subject
or a word of the cue's clause. (3) A dateline ("LONDON (Reuters) -", "WASHINGTON, May 3 (AP) —", a wire's
time stamp; ``doc.dateline``) is no source: the rest of the span, else the cue's own subject after the
dateline takes its place ("BERLIN" read as a second subject of "said" is not it), or the attribution is
left without a source. (4) A cue coordinated with a verb inside another attribution's content, with no
subject of its own ("the agency said the strain had begun to spread and warned it could reach farms": the
parse hangs "warned" on "begun"), is said by that attribution's source, not by the subject it borrows
("the strain"). (5) An inverted report's speaker after its cue ('"...," read the notice'; "The delay, said
Ann Roe, was avoidable") is its source (``attribution_inverted``), the one move that can add a source.
(1)-(3) chosen on PolNeAR train, out of fold (BENCHMARKS.md, attribution, session 21), (4) in session 23,
(5) in session 32. The stage runs these moves before it judges a sentence, so
that its status and speaker are read from the moved sources (``remember_moved`` keeps those, by identity,
for the document at hand), and again after the cue model: (1)-(3) and (5) then only on the attributions added
since (the cue model's, the hedges, checks and colon leads), (4) on all of them, the new ones included.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from operator import attrgetter

from storyline.doc.attribution_inverted import inverted_source
from storyline.doc.attribution_merge import rewrite_attributions
from storyline.doc.attribution_source import subtree
from storyline.doc.attribution_tree import children_of, sourced
from storyline.doc.dateline import dateline_length
from storyline.records import Attribution, Document, Sentence, Token

_RELATIVE = frozenset({"that", "which", "who", "whom"})
_LONGEST_RELATIVE = max(map(len, _RELATIVE))
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_START = attrgetter("start")

# The attributions whose sources this thread moved when it judged their sentences, for the document at
# hand, by identity (each kept, so that its id is not reused): the pass after the cue model leaves them
# to the coordination move. One per thread, since a thread runs a document's layers one after another.
_LOCAL = threading.local()
_MAX_MOVED = 4096


def _done() -> dict[int, Attribution]:
    done: dict[int, Attribution] | None = getattr(_LOCAL, "moved", None)
    if done is None:
        done = _LOCAL.moved = {}
    return done


def forget_moves() -> None:
    """Drop the attributions remembered as moved: the next document starts afresh."""
    _done().clear()


def remember_moved(found: Iterable[Attribution]) -> None:
    """Remember ``found`` (``moved``'s output) as moved, so that ``moved_sources`` does not move them twice."""
    done = _done()
    if len(done) >= _MAX_MOVED:
        done.clear()  # a very long document: the older ones are moved again, to the same sources
    for a in found:
        done[id(a)] = a


def _cue_words(tokens: Sequence[Token], cue: tuple[int, int]) -> list[int]:
    """The words that start inside ``cue`` (tokens are in text order)."""
    first = end = bisect_left(tokens, cue[0], key=_START)
    n = len(tokens)
    while end < n and tokens[end].start < cue[1]:
        end += 1
    return list(range(first, end))


def _cue_subject(tokens: Sequence[Token], cue: tuple[int, int], pronoun: int, after: int = -1) -> int | None:
    """The first nominal subject of a word of ``cue`` that is not ``pronoun`` and ends after offset
    ``after``, or None."""
    children = children_of(tokens)
    for q in _cue_words(tokens, cue):
        for c in children.get(q, ()):
            if c != pronoun and tokens[c].dep in _SUBJECT and tokens[c].end > after:
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
            return sourced(sentence, a, span)
    return a


def _subject_source(sentence: Sentence, a: Attribution) -> Attribution:
    """``a`` with its cue's own subject as the source when its source is a relative pronoun."""
    source, at = a.source, sentence.start
    if source is None or source[1] - source[0] > _LONGEST_RELATIVE:
        return a
    if sentence.text[source[0] - at : source[1] - at].lower() not in _RELATIVE:
        return a
    tokens = sentence.tokens
    pronoun = next((i for i, t in enumerate(tokens) if t.start == source[0]), None)
    subject = None if pronoun is None else _cue_subject(tokens, a.cue, pronoun)
    if subject is None:
        return a
    return sourced(sentence, a, subtree(tokens, children_of(tokens), subject, skip=-1))


def _not_dateline(sentence: Sentence, a: Attribution, dateline: int) -> Attribution:
    """``a`` without the dateline (``dateline`` characters) its source opens with: the rest of the span,
    else the cue's own subject after the dateline, else no source."""
    source, at = a.source, sentence.start
    if source is None or not dateline or source[0] > at:
        return a
    after = at + dateline
    if after < source[1]:
        return sourced(sentence, a, (after, source[1]))
    tokens = sentence.tokens
    subject = _cue_subject(tokens, a.cue, -1, after)
    if subject is None:
        return sourced(sentence, a, None)
    whole = subtree(tokens, children_of(tokens), subject, skip=-1)
    return sourced(sentence, a, (max(whole[0], after), whole[1]))  # a subject read with the dateline loses it


def _coordinated_source(sentence: Sentence, a: Attribution, every: Sequence[Attribution]) -> Attribution:
    """``a`` with the source of the attribution whose content holds its cue, when its cue is a conjunct
    verb with no subject of its own hung on a verb of that content that is no cue (the parse's reading
    of "X said Y had begun to spread and warned ..."), and its source is none or the subject it borrows
    from that verb."""
    tokens = sentence.tokens
    words = _cue_words(tokens, a.cue)
    if len(words) != 1 or tokens[words[0]].dep != "conj":
        return a
    cue, children = words[0], children_of(tokens)
    if any(tokens[c].dep in _SUBJECT for c in children.get(cue, ())):
        return a  # "... and the union warned": a subject of its own
    verb = tokens[cue].head
    head = tokens[verb]
    if any(b.cue[0] <= head.start < b.cue[1] for b in every):
        return a  # "... Y told reporters ... and warned": Y's second cue
    if a.source is not None:
        borrowed = next((c for c in children.get(verb, ()) if tokens[c].dep in _SUBJECT), None)
        span = None if borrowed is None else subtree(tokens, children, borrowed, skip=-1)
        if span is None or not (span[0] < a.source[1] and a.source[0] < span[1]):
            return a
    for b in every:
        if b is a or b.source is None or b.cue[1] > head.start:
            continue
        if b.content[0] <= head.start and tokens[cue].end <= b.content[1]:
            return sourced(sentence, a, b.source)
    return a


def _moved_alone(sentence: Sentence, a: Attribution, dateline: int) -> Attribution:
    """``a`` with the moves that read no other attribution: (1), (2), (3) and (5)."""
    return _not_dateline(
        sentence, _agent_source(sentence, _subject_source(sentence, inverted_source(sentence, a))), dateline
    )


def moved(
    sentence: Sentence, found: Sequence[Attribution], done: dict[int, Attribution] | None = None
) -> tuple[Attribution, ...]:
    """``found``, attributions of ``sentence`` with their sources moved: a relative pronoun's to its cue's own
    subject, a passive cue's to its agent, a dateline taken off, and a coordinated cue's to the source
    of the attribution whose content holds it. Those of ``done`` (by identity) were moved before: they
    take part in the coordination move only."""
    if not found:
        return ()
    before = done or {}
    fresh = [a for a in found if before.get(id(a)) is not a] if before else found
    # a dateline opens the sentence: only a source that starts there can hold one
    opening = any(a.source is not None and a.source[0] <= sentence.start for a in fresh)
    dateline = dateline_length(sentence.text) if opening else 0
    if fresh is found:
        out = [_moved_alone(sentence, a, dateline) for a in found]
    else:
        out = [a if before.get(id(a)) is a else _moved_alone(sentence, a, dateline) for a in found]
    if sentence.tokens and len(out) > 1:
        out = [_coordinated_source(sentence, a, out) for a in out]
    return tuple(out)


def moved_sources(sentence: Sentence) -> tuple[Attribution, ...]:
    """The sentence's attributions with their sources moved (``moved``), but for those remembered as moved
    (``remember_moved``); its own tuple when none moved."""
    if not sentence.attributions:
        return sentence.attributions
    out = moved(sentence, sentence.attributions, _done())
    return sentence.attributions if out == sentence.attributions else out


def move_sources(doc: Document) -> Document:
    """``doc`` with each sentence's sources moved as ``moved_sources`` moves them."""
    return rewrite_attributions(doc, moved_sources)
