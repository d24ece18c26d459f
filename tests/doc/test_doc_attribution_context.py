"""The context features of a candidate cue word, on a hand-built parse."""

from __future__ import annotations

from dataclasses import replace

from storyline.doc.attribution_context import class_features, context_features
from storyline.doc.attribution_tree import children_of
from storyline.doc.word_classes import classes_of
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


def test_a_word_outside_the_class_table_takes_its_lemmas_classes() -> None:
    tokens = list(_tokens())
    tokens[1] = replace(tokens[1], text="sayyed")  # no such word in the table
    names = class_features(tuple(tokens), 1, "say", "no_quote_near")
    assert {f"wc={c}" for c in classes_of("say")} <= set(names)
    assert f"wc={classes_of('say')[1]}|no_quote_near" in names


def test_a_word_names_the_class_of_the_word_it_hangs_on() -> None:
    tokens = _tokens()
    names = class_features(tokens, 6, "stay", "no_quote_near")
    assert f"head_wc={classes_of('called')[1]}|dep=parataxis" in names
