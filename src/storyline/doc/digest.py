"""Read, once per document, what the corpus stages need from the parse, into small fields, so that
the corpus stages read no tokens and a projection (``store.projection``) can drop them.

Five readings, each from the sentence's own tokens (a sentence without tokens was not parsed and
keeps the defaults: ``action`` None, which the events stage takes as the benefit of the doubt):

- ``Sentence.action``: it has a verb of action, not only of saying (events: is it a happening?);
- ``Sentence.lemmas``: its content lemmas (story separation: which reports are one story);
- ``Quantity.subject``: the subject of the clause that gives the figure (figures: same subject?);
- ``Quantity.counted``: the counted phrase of a count (``quantity_counted``), lemmatized;
- ``Quantity.periodic``: the figure's clause names a period ("kills 500,000 people a year"), so it is
  a rate, not a running total (figures: is it a tally?).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import replace

from storyline.config import Config
from storyline.doc.quantity_counted import counted_phrase
from storyline.doc.speech_patterns import SPEECH_VERBS
from storyline.pipeline import Stage
from storyline.records import Document, Quantity, Sentence, Token

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_RELATIVE = frozenset({"that", "which", "who"})
_SUBJECT_WORDS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})
# A period in a figure's clause makes it a rate: "kills 500,000 people a year", "every year, flu causes ...".
PERIOD_WORDS = re.compile(
    r"\b(?:(?:a|an|each|every|per)\s+(?:average\s+|typical\s+|given\s+|single\s+)?(?:year|day|week|month|season)"
    r"|annually|yearly|year\s+after\s+year|year-round|on\s+average)\b",
    re.IGNORECASE,
)
# A verb with one of these relations heads a clause of its own ("..., and the army said", "which kills ...").
_CLAUSE_DEPS = frozenset({"conj", "relcl", "advcl", "ccomp", "parataxis", "acl", "csubj", "csubjpass"})


def has_action(tokens: Sequence[Token]) -> bool | None:
    """True when a verb other than a verb of saying is in ``tokens``; None when there are none."""
    if not tokens:
        return None
    return any(t.pos == "VERB" and t.lemma.lower() not in SPEECH_VERBS for t in tokens)


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
    number = _number_index(tokens, quantity)
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


def is_periodic(tokens: Sequence[Token], quantity: Quantity) -> bool | None:
    """True when the figure's clause (``figure_clause``) names a period ("a year", "each season", "on
    average"); None when the number is not among the tokens."""
    number = _number_index(tokens, quantity)
    if number is None:
        return None
    kept = figure_clause(tokens, number)
    words, last_end = [], None
    for i, t in enumerate(tokens):
        if i in kept:
            words.append(t.text if last_end == t.start else f" {t.text}")
            last_end = t.end
        else:
            last_end = None
    return bool(PERIOD_WORDS.search("".join(words)))


def figure_clause(tokens: Sequence[Token], number: int) -> set[int]:
    """The indexes of the tokens of the clause that gives the number at ``number``.

    The clause is what hangs on the number's verb (or on the verb it completes: "is expected to kill"),
    less the clauses nested in it that do not hold the number: a coordination of noun phrases ("255
    deaths and 9,000 hospital stays each year") shares its words; a coordinated clause (", and the new
    strain has killed 72") or a relative one ("which kills 300 a year") does not.
    """
    head = _governing_verb(tokens, number)
    if head is None:
        head = _root(tokens, number)
    while tokens[head].dep == "xcomp" and 0 <= tokens[head].head < len(tokens) and tokens[head].head != head:
        head = tokens[head].head
    path = _path(tokens, number, head)
    children: dict[int, list[int]] = {}
    for i, t in enumerate(tokens):
        if t.head != i:
            children.setdefault(t.head, []).append(i)
    kept, todo = set(), [head]
    while todo:
        i = todo.pop()
        if i in kept:
            continue
        kept.add(i)
        todo.extend(
            c
            for c in children.get(i, ())
            if c in path or not (tokens[c].pos in ("VERB", "AUX") and tokens[c].dep in _CLAUSE_DEPS)
        )
    return kept


def _path(tokens: Sequence[Token], index: int, top: int) -> set[int]:
    """The tokens from ``index`` up its heads to ``top``."""
    seen = {index}
    while index != top and 0 <= tokens[index].head < len(tokens) and tokens[index].head not in seen:
        index = tokens[index].head
        seen.add(index)
    return seen


def _root(tokens: Sequence[Token], index: int) -> int:
    """The top of the heads above ``index`` (the sentence's root, in a whole parse)."""
    seen = {index}
    while 0 <= tokens[index].head < len(tokens) and tokens[index].head not in seen:
        index = tokens[index].head
        seen.add(index)
    return index


def _number_index(tokens: Sequence[Token], quantity: Quantity) -> int | None:
    return next((i for i, t in enumerate(tokens) if t.start >= quantity.start and t.end <= quantity.end), None)


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
    """The quantity with its ``subject``, ``counted`` phrase and ``periodic`` read from the sentence's tokens."""
    if not tokens:
        return quantity
    inside = _heads_inside(tokens)
    counted = counted_phrase(tokens, quantity.start, quantity.end) if inside and quantity.unit == "count" else None
    periodic = is_periodic(tokens, quantity) if inside else None
    return replace(quantity, subject=clause_subject(tokens, quantity), counted=counted, periodic=periodic)


def _heads_inside(tokens: Sequence[Token]) -> bool:
    """True when every head is a token of the sentence: a sentence cut where spaCy's was not can
    have a head in the next one, which ``quantity_counted`` does not expect, and its clauses are cut."""
    return all(0 <= t.head < len(tokens) for t in tokens)


def digest_sentence(sentence: Sentence) -> Sentence:
    """The sentence with ``action``, ``lemmas`` and its quantities' readings filled from its tokens."""
    tokens = sentence.tokens
    if not tokens:
        return sentence
    return replace(
        sentence,
        action=has_action(tokens),
        lemmas=content_lemmas(tokens),
        quantities=tuple(digest_quantity(tokens, q) for q in sentence.quantities),
    )


def digest(doc: Document) -> Document:
    """The document with what the corpus stages read from the parse filled in (see the module docstring)."""
    return replace(doc, sentences=tuple(digest_sentence(s) for s in doc.sentences))


def build(config: Config) -> Stage[Document]:
    return Stage(name="digest", func=digest, requires=("nlp", "quantities"), provides=("digest",))
