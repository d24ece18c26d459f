"""The events stage takes no generic statement for a happening: advice told by every outlet is no
event, so it can never outrank a happening or be the central one of "what we know"."""

from __future__ import annotations

from dataclasses import replace

from storyline.corpus.event_mentions import is_event_mention
from storyline.doc.digest import digest_sentence
from storyline.records import Entity, Sentence, TimeExpression, Token

# "Visitors to Eastmoor should boil tap water ."
WORDS = [
    ("Visitors", "NOUN", "NNS", "nsubj", 4), ("to", "ADP", "IN", "prep", 0), ("Eastmoor", "PROPN", "NNP", "pobj", 1),
    ("should", "AUX", "MD", "aux", 4), ("boil", "VERB", "VB", "ROOT", 4), ("tap", "NOUN", "NN", "compound", 6),
    ("water", "NOUN", "NN", "dobj", 4), (".", "PUNCT", ".", "punct", 4),
]  # fmt: skip


def advice() -> Sentence:
    tokens, at = [], 0
    for text, pos, tag, dep, head in WORDS:
        tokens.append(Token(at, at + len(text), text, text.lower(), pos, tag, dep, head))
        at += len(text) + 1
    text = " ".join(w[0] for w in WORDS)
    place = Entity(text.index("Eastmoor"), text.index("Eastmoor") + 8, "Eastmoor", "GPE")
    s = Sentence(0, 0, len(text), text, 0, tokens=tuple(tokens), entities=(place,))
    return digest_sentence(s)


def test_advice_that_names_a_place_is_not_an_event_mention() -> None:
    assert not is_event_mention(advice())


def test_the_same_words_dated_by_their_own_time_are_a_happening() -> None:
    s = advice()
    dated = replace(s, times=(TimeExpression(0, 6, "Monday", "DATE", "2031-03-10", "2031-03-10"),))
    assert is_event_mention(dated)
