"""Choosing the source of an added cue from the parse, on a hand-built parse (no model loading)."""

from __future__ import annotations

from storyline.doc.attribution_learned import CueModel
from storyline.doc.attribution_source import candidates, choose_source, source_features
from storyline.doc.attribution_tree import children_of
from storyline.records import Sentence, Token

TEXT = "The union, which opposed the plan, met on Friday."
WORDS = [
    ("The", "the", "DET", "DT", "det", 1),
    ("union", "union", "NOUN", "NN", "nsubj", 8),
    (",", ",", "PUNCT", ",", "punct", 1),
    ("which", "which", "PRON", "WDT", "nsubj", 4),
    ("opposed", "oppose", "VERB", "VBD", "relcl", 1),
    ("the", "the", "DET", "DT", "det", 6),
    ("plan", "plan", "NOUN", "NN", "dobj", 4),
    (",", ",", "PUNCT", ",", "punct", 1),
    ("met", "meet", "VERB", "VBD", "ROOT", 8),
    ("on", "on", "ADP", "IN", "prep", 8),
    ("Friday", "Friday", "PROPN", "NNP", "pobj", 9),
    (".", ".", "PUNCT", ".", "punct", 8),
]
CUE = 4


def _sentence() -> Sentence:
    tokens, at = [], 0
    for text, lemma, pos, tag, dep, head in WORDS:
        start = TEXT.index(text, at)
        tokens.append(Token(start, start + len(text), text, lemma, pos, tag, dep, head))
        at = start + len(text)
    return Sentence(index=0, start=0, end=len(TEXT), text=TEXT, paragraph=0, tokens=tuple(tokens))


def _choose(model: CueModel) -> str | None:
    sentence = _sentence()
    span = choose_source(sentence, children_of(sentence.tokens), CUE, 3, (25, 33), [], model)
    return None if span is None else TEXT[span[0] : span[1]]


def test_candidates_are_the_nouns_names_and_pronouns_other_than_the_cue() -> None:
    assert [WORDS[j][0] for j in candidates(_sentence().tokens, CUE)] == ["union", "which", "plan", "Friday"]


def test_features_say_how_each_word_hangs_on_the_cue() -> None:
    sentence = _sentence()
    union = source_features(sentence, 1, CUE, 3, (25, 33), [])
    which = source_features(sentence, 3, CUE, 3, (25, 33), [])
    plan = source_features(sentence, 6, CUE, 3, (25, 33), [])
    assert {"rel=ancestor:1", "side=before", "pos=NOUN"} <= set(union)
    assert {"rel=child:nsubj", "parse_subject", "pronoun=other"} <= set(which)
    assert {"rel=child:dobj", "side=after", "in_content"} <= set(plan)


def test_the_noun_a_relative_clause_hangs_on_can_be_the_source_without_the_clause() -> None:
    assert _choose(CueModel({"rel=ancestor:1": 10.0}, -5.0, 0.5)) == "The union"


def test_the_parse_subject_wins_when_the_model_trusts_it() -> None:
    assert _choose(CueModel({"parse_subject": 10.0}, -5.0, 0.5)) == "which"


def test_no_word_at_the_threshold_means_no_source() -> None:
    assert _choose(CueModel({}, -5.0, 0.5)) is None
