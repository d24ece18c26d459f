"""Read a sentence's main verbs and who does them from its parse, for the events stage's verb rule
(``corpus/event_verbs.py``): "The agency said the minister would travel to Port Amber on Monday" tells
of the minister's travel, not of the agency's saying.

The main verb is the sentence's root, or, when the root is a verb of saying, the verb of what was said
(its clausal complement); verbs coordinated with it ("approved ..., and he visited ...") are happenings
of their own, in order. When the main verb is a copula with a participle clause ("the world is at the
brink of a pandemic, raising its threat level"), the participle tells the happening, and "be" does not.
A verb's object is the lemma of the head of its direct object, or of its passive subject ("its alert
was raised"), when a noun that names one thing: a counted object ("killed five people") is none, since
two attacks of one day each kill people and the object would join them.
A verb's actor is the head of its subject when that is a name (a proper noun),
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
_OBJECTS = frozenset({"dobj", "nsubjpass"})
_CLAUSES = frozenset({"advcl", "xcomp"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_COUNTS = frozenset({"nummod"})


def happenings(tokens: Sequence[Token], sentence_start: int) -> tuple[Happening, ...]:
    """The sentence's main verbs with their actors, the main one first (see the module docstring);
    offsets are from ``sentence_start``. () without a parse or a verb at the root."""
    roots = [i for i, t in enumerate(tokens) if t.head == i and t.pos in _VERBS]
    if not roots:
        return ()
    main = _participle(tokens, _reported(tokens, roots[0]))
    found: list[Happening] = []
    actor = _actor(tokens, main, None)
    found.append(_happening(tokens, main, actor, sentence_start))
    for k in _coordinated(tokens, main):
        found.append(_happening(tokens, k, _actor(tokens, k, actor), sentence_start))
    return tuple(found)


def _happening(tokens: Sequence[Token], verb: int, actor: str | None, sentence_start: int) -> Happening:
    objects = [
        i for i in _children(tokens, verb, _OBJECTS) if tokens[i].pos in _NOUNS and not _children(tokens, i, _COUNTS)
    ]
    obj = tokens[objects[0]].lemma.lower() if objects else None
    return Happening(tokens[verb].start - sentence_start, tokens[verb].lemma.lower(), actor, obj=obj)


def _children(tokens: Sequence[Token], head: int, deps: frozenset[str]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.head == head and i != head and t.dep in deps]


def _reported(tokens: Sequence[Token], root: int) -> int:
    """The root, or the verb of its complement when the root is a verb of saying."""
    if tokens[root].lemma.lower() not in REPORTING:
        return root
    said = [i for i in _children(tokens, root, _COMPLEMENTS) if tokens[i].pos in _VERBS]
    return said[0] if said else root


def _participle(tokens: Sequence[Token], verb: int) -> int:
    """The verb, or its participle clause's verb when the verb is a copula: "is at the brink, raising"."""
    if tokens[verb].lemma.lower() != "be":
        return verb
    participles = [i for i in _children(tokens, verb, _CLAUSES) if tokens[i].pos == "VERB" and tokens[i].tag == "VBG"]
    return participles[0] if participles else verb


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
