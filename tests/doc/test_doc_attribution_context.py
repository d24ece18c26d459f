"""The context features of a candidate cue word, on a hand-built parse."""

from __future__ import annotations

from storyline.doc.attribution_context import context_features
from storyline.doc.attribution_tree import children_of
from storyline.records import Token

TEXT = "Rusk called for calm: “Stay home.”"
WORDS = [
    ("Rusk", "Rusk", "PROPN", "NNP", "nsubj", 1),
    ("called", "call", "VERB", "VBD", "ROOT", 1),
    ("for", "for", "ADP", "IN", "prep", 1),
    ("calm", "calm", "NOUN", "NN", "pobj", 2),
    (":", ":", "PUNCT", ":", "punct", 1),
    ("“", "“", "PUNCT", "``", "punct", 6),
    ("Stay", "stay", "VERB", "VB", "parataxis", 1),
    ("home", "home", "ADV", "RB", "advmod", 6),
    (".", ".", "PUNCT", ".", "punct", 6),
    ("”", "”", "PUNCT", "''", "punct", 6),
]


def _tokens() -> tuple[Token, ...]:
    out, at = [], 0
    for text, lemma, pos, tag, dep, head in WORDS:
        start = TEXT.index(text, at)
        out.append(Token(start, start + len(text), text, lemma, pos, tag, dep, head))
        at = start + len(text)
    return tuple(out)


def test_a_phrasal_cue_is_named_with_its_next_word_and_its_tense() -> None:
    tokens = _tokens()
    names = context_features(tokens, children_of(tokens), 1, "call")
    assert {"prev=rusk", "next=for", "lemma=call|next=for", "lemma=call|tag=VBD"} <= set(names)


def test_a_quotation_that_opens_after_the_word_is_named() -> None:
    tokens = _tokens()
    assert "quote_opens_after" in context_features(tokens, children_of(tokens), 4, ":")
    assert "no_quote_near" in context_features(tokens, children_of(tokens), 1, "call")


def test_a_clause_hanging_on_another_verb_names_both_lemmas() -> None:
    tokens = _tokens()
    names = context_features(tokens, children_of(tokens), 6, "stay")
    assert "head_pos=VERB|dep=parataxis" in names and "sentence_opens_with_quote" not in names
