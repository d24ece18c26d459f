"""Who opens a statement and whom a sentence is about, read from the parse, for narrative dating.

A sentence led by a speaker ("The agency said that ...", "The company denied that ...") reports a
statement, made when that speaker spoke; it does not go on with the happening of the paragraph
before unless that paragraph was about the same speaker. ``opening_statement`` finds such a speaker
(the head word of the subject of a root verb of saying that comes before what is said), and
``closing_statement`` one that comes after it ("..., a coast guard officer said"); ``subject_words``
gives the nouns and names of a sentence's subject, to compare a speaker with, and ``said_in_past``
whether a sentence's root is a verb of saying in the simple past. Without a parse
(no tokens) both find nothing, and dating stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.doc.attribution_cues import CUE_LEMMAS, DENIAL_LEMMAS
from storyline.records import Sentence, Token

Word = str  # a lower-cased lemma: "agency", "fbi"

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "obj"})
_NAMING_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class Statement:
    """A sentence led by its speaker: the speaker's head word (None for a pronoun, "It said ...") and
    whether it denies."""

    speaker: Word | None
    denial: bool


def _statement(sentence: Sentence, opening: bool) -> Statement | None:
    """The statement of a sentence whose root is a verb of saying, with its speaker first
    (``opening``) or last; None otherwise."""
    tokens = sentence.tokens
    roots = [i for i, t in enumerate(tokens) if t.dep == "ROOT"]
    if len(roots) != 1 or tokens[roots[0]].lemma.lower() not in CUE_LEMMAS:
        return None
    root = roots[0]
    subjects = [i for i, t in enumerate(tokens) if t.head == root and i != root and t.dep in _SUBJECT_DEPS]
    said = [i for i, t in enumerate(tokens) if t.head == root and i != root and t.dep in _CONTENT_DEPS]
    if not subjects or not said:
        return None
    if opening and (subjects[0] > root or min(said) < root):
        return None
    if not opening and (max(said) > root or subjects[0] < max(said)):
        return None
    head = tokens[subjects[0]]
    speaker = head.lemma.lower() if head.pos in _NAMING_POS else None
    return Statement(speaker, tokens[root].lemma.lower() in DENIAL_LEMMAS)


def opening_statement(sentence: Sentence) -> Statement | None:
    """The statement a sentence opens with ("Hawaiian Electric denied that ..." gives "electric", a
    denial); None when the root is no verb of saying or the speaker comes after what is said ("...,
    a source said")."""
    return _statement(sentence, opening=True)


def closing_statement(sentence: Sentence) -> Statement | None:
    """The statement a sentence closes with its speaker ("The levee held, the water board said." gives
    "board"); None when the root is no verb of saying or the speaker comes first."""
    return _statement(sentence, opening=False)


def said_in_past(sentence: Sentence) -> bool:
    """True when the sentence's one root is a verb of saying in the simple past ("said", "told")."""
    roots = [t for t in sentence.tokens if t.dep == "ROOT"]
    return len(roots) == 1 and roots[0].tag == "VBD" and roots[0].lemma.lower() in CUE_LEMMAS


def subject_words(sentence: Sentence) -> frozenset[Word]:
    """The nouns and names in the subject of the sentence's root ("The FBI and Maui County released
    ..." gives fbi, maui, county)."""
    tokens = sentence.tokens
    roots = {i for i, t in enumerate(tokens) if t.dep == "ROOT"}
    heads = {i for i, t in enumerate(tokens) if t.head in roots and i not in roots and t.dep in _SUBJECT_DEPS}
    return frozenset(t.lemma.lower() for i, t in enumerate(tokens) if t.pos in _NAMING_POS and _under(tokens, i, heads))


def _under(tokens: tuple[Token, ...], i: int, heads: set[int]) -> bool:
    """True when token ``i`` is one of ``heads`` or in the subtree of one."""
    for _ in range(len(tokens)):
        if i in heads:
            return True
        parent = tokens[i].head
        if parent == i or not 0 <= parent < len(tokens):
            return False
        i = parent
    return False
