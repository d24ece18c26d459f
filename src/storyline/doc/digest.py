"""Read, once per document, what the corpus stages need from the parse, into small fields, so that
the corpus stages read no tokens and a projection (``store.projection``) can drop them.

Eight readings, each from the sentence's own tokens (a sentence without tokens was not parsed and
keeps the defaults: ``action`` None, which the events stage takes as the benefit of the doubt):

- ``Sentence.action``: it has a verb of action, not only of saying (events: is it a happening?);
- ``Sentence.actions``: where each such verb starts in its text (events: does a clause of it tell a
  happening of its own?);
- ``Sentence.lemmas``: its content lemmas (story separation: which reports are one story);
- ``Quantity.subject``: the subject of the clause that gives the figure (figures: same subject?);
- ``Quantity.counted``: the counted phrase of a count (``quantity_counted``), lemmatized;
- ``Quantity.projected``: the figure is told as a projection, condition, plan or target
  (``figure_mood``: "water could rise 2 metres"), not measured; ``Quantity.suspected``: a past count
  told as a possibility ("may have killed 90", "40 suspected deaths"), no firm tally;
- ``Sentence.happenings``: its main verbs and their named actors (``doc.happenings``; events: is it
  one kind of happening by one actor?), each marked when it is advice, a habit or a state rather than
  a happening (``doc.generic_statements``; events and "what we know": is it a happening at all?).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace

from storyline.config import Config
from storyline.doc.figure_mood import is_projected, is_suspected
from storyline.doc.generic_statements import mark_generic
from storyline.doc.happenings import happenings
from storyline.doc.quantity_counted import counted_phrase
from storyline.doc.speech_patterns import SPEECH_VERBS
from storyline.pipeline import Stage
from storyline.records import Document, Quantity, Sentence, Token

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_RELATIVE = frozenset({"that", "which", "who"})
_SUBJECT_WORDS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})


def has_action(tokens: Sequence[Token]) -> bool | None:
    """True when a verb other than a verb of saying is in ``tokens``; None when there are none."""
    if not tokens:
        return None
    return any(t.pos == "VERB" and t.lemma.lower() not in SPEECH_VERBS for t in tokens)


def action_offsets(tokens: Sequence[Token], sentence_start: int) -> tuple[int, ...]:
    """Where each verb of action (``has_action``) starts, from ``sentence_start``."""
    return tuple(t.start - sentence_start for t in tokens if t.pos == "VERB" and t.lemma.lower() not in SPEECH_VERBS)


def content_lemmas(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The lemmas of nouns, names, verbs and adjectives of three letters or more, lower case, in order."""
    return tuple(
        sys.intern(t.lemma.lower()) for t in tokens if t.pos in CONTENT_POS and len(t.lemma) > 2 and t.lemma.isalpha()
    )


def clause_subject(tokens: Sequence[Token], quantity: Quantity) -> str | None:
    """The subject of the clause that gives the figure ("H5N1 virus" in "H5N1 virus has killed 257").

    The number's token climbs its heads to the first verb; the verb's subject, or for a relative
    pronoun ("a flu that has killed 68") the noun the clause hangs on, is the subject. None without
    a parse.
    """
    number = next((i for i, t in enumerate(tokens) if t.start >= quantity.start and t.end <= quantity.end), None)
    if number is None:
        return None
    verb = _governing_verb(tokens, number)
    if verb is None:
        return None
    head = next((i for i, t in enumerate(tokens) if t.head == verb and t.dep in _SUBJECT_DEPS and i != verb), None)
    if head is not None and tokens[head].text.lower() in _RELATIVE and tokens[verb].dep == "relcl":
        head = tokens[verb].head
    if head is None:
        return None
    words = [i for i, t in enumerate(tokens) if t.head == head and t.dep in _SUBJECT_WORDS and i != head]
    # Only names keep their capital, so that ``figure_scope.marks`` can tell "H5N1" or "SARS" from "Seasonal".
    return " ".join(_cased(tokens[i]) for i in sorted([*words, head]))


def _cased(token: Token) -> str:
    return token.text if token.pos == "PROPN" or any(c.isdigit() for c in token.text) else token.text.lower()


def _governing_verb(tokens: Sequence[Token], index: int) -> int | None:
    seen = set()
    while index not in seen:
        seen.add(index)
        if tokens[index].pos in ("VERB", "AUX"):
            return index
        parent = tokens[index].head
        if parent == index or not 0 <= parent < len(tokens):
            return None
        index = parent
    return None


def digest_quantity(tokens: Sequence[Token], quantity: Quantity) -> Quantity:
    """The quantity with its ``subject``, ``counted`` phrase and ``projected`` or ``suspected`` mark read from the
    sentence's tokens."""
    if not tokens:
        return quantity
    counted = None
    if quantity.unit == "count" and _heads_inside(tokens):
        counted = counted_phrase(tokens, quantity.start, quantity.end)
    suspected = is_suspected(tokens, quantity)  # a past count told as a possibility is no projection
    projected = not suspected and is_projected(tokens, quantity)
    subject = clause_subject(tokens, quantity)
    return replace(quantity, subject=subject, counted=counted, projected=projected, suspected=suspected)


def _heads_inside(tokens: Sequence[Token]) -> bool:
    """True when every head is a token of the sentence: a sentence cut where spaCy's was not can
    have a head in the next one, which ``quantity_counted`` does not expect."""
    return all(0 <= t.head < len(tokens) for t in tokens)


def digest_sentence(sentence: Sentence) -> Sentence:
    """The sentence with ``action``, ``actions``, ``lemmas``, ``happenings`` and its quantities' readings filled from
    its tokens."""
    tokens = sentence.tokens
    if not tokens:
        return sentence
    return replace(
        sentence,
        action=has_action(tokens),
        actions=action_offsets(tokens, sentence.start),
        lemmas=content_lemmas(tokens),
        happenings=mark_generic(tokens, happenings(tokens, sentence.start), sentence.start),
        quantities=tuple(digest_quantity(tokens, q) for q in sentence.quantities),
    )


def digest(doc: Document) -> Document:
    """The document with what the corpus stages read from the parse filled in (see the module docstring)."""
    return replace(doc, sentences=tuple(digest_sentence(s) for s in doc.sentences))


def build(config: Config) -> Stage[Document]:
    return Stage(name="digest", func=digest, requires=("nlp", "quantities"), provides=("digest",))
