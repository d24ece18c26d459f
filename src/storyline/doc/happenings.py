"""Read a sentence's main verbs and who does them from its parse, for the events stage's verb rule
(``corpus/event_verbs.py``): "The agency said the minister would travel to Port Amber on Monday" tells
of the minister's travel, not of the agency's saying.

The main verb is the sentence's root, or, when the root is a verb of saying, the verb of what was said
(its clausal complement); verbs coordinated with it ("approved ..., and he visited ...") are happenings
of their own, in order. A verb's actor is the head of its subject when that is a name (a proper noun),
lower case; a coordinated verb without a subject, or with a pronoun for one, takes the actor of the
verb it is coordinated with; any other subject gives no actor.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.doc.speech_patterns import SPEECH_VERBS
from storyline.records import Happening, Token

# Verbs that report what someone else said or did: the happening is in their complement.
REPORTING = SPEECH_VERBS | {"announce", "report", "confirm", "state", "write", "post", "tweet"}
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_COMPLEMENTS = frozenset({"ccomp", "xcomp"})
_VERBS = frozenset({"VERB", "AUX"})


def happenings(tokens: Sequence[Token], sentence_start: int) -> tuple[Happening, ...]:
    """The sentence's main verbs with their actors, the main one first (see the module docstring);
    offsets are from ``sentence_start``. () without a parse or a verb at the root."""
    roots = [i for i, t in enumerate(tokens) if t.head == i and t.pos in _VERBS]
    if not roots:
        return ()
    main = _reported(tokens, roots[0])
    found: list[Happening] = []
    actor = _actor(tokens, main, None)
    found.append(Happening(tokens[main].start - sentence_start, tokens[main].lemma.lower(), actor))
    for k in _coordinated(tokens, main):
        own = _actor(tokens, k, actor)
        found.append(Happening(tokens[k].start - sentence_start, tokens[k].lemma.lower(), own))
    return tuple(found)


def _children(tokens: Sequence[Token], head: int, deps: frozenset[str]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.head == head and i != head and t.dep in deps]


def _reported(tokens: Sequence[Token], root: int) -> int:
    """The root, or the verb of its complement when the root is a verb of saying."""
    if tokens[root].lemma.lower() not in REPORTING:
        return root
    said = [i for i in _children(tokens, root, _COMPLEMENTS) if tokens[i].pos in _VERBS]
    return said[0] if said else root


def _coordinated(tokens: Sequence[Token], verb: int) -> list[int]:
    """The verbs coordinated with ``verb``, directly or along a chain, in sentence order."""
    chain, frontier = [], [verb]
    while frontier:
        nxt = [i for v in frontier for i in _children(tokens, v, frozenset({"conj"})) if tokens[i].pos in _VERBS]
        chain.extend(nxt)
        frontier = nxt
    return sorted(chain)


def _actor(tokens: Sequence[Token], verb: int, inherited: str | None) -> str | None:
    """The lower-cased head of the verb's named subject; ``inherited`` (the coordinated verb's actor)
    when it has no subject or a pronoun for one; None for any other subject."""
    subjects = _children(tokens, verb, _SUBJECTS)
    if not subjects:
        return inherited
    subject = tokens[subjects[0]]
    if subject.pos == "PRON":
        return inherited
    return subject.text.lower() if subject.pos == "PROPN" else None
