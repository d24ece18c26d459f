"""Counting missed and false cues: the tags of one gold cue, on hand-built sentences (no PolNeAR text)."""

from __future__ import annotations

from collections import Counter

from storyline.eval.brat import parse_ann
from storyline.eval.polnear_misses import (
    Misses,
    construction_tags,
    format_misses,
    gold_contents,
    learned_stage,
)
from storyline.records import Sentence, Token

Word = tuple[str, str, str, str, str, int]


def _sentence(text: str, words: list[Word], index: int = 3) -> Sentence:
    tokens, at = [], 0
    for word, lemma, pos, tag, dep, head in words:
        start = text.index(word, at)
        tokens.append(Token(start, start + len(word), word, lemma, pos, tag, dep, head))
        at = start + len(word)
    return Sentence(index=index, start=0, end=len(text), text=text, paragraph=index, tokens=tuple(tokens))


BALK = _sentence(
    "Rusk balked at the ferry plan.",
    [
        ("Rusk", "Rusk", "PROPN", "NNP", "nsubj", 1),
        ("balked", "balk", "VERB", "VBD", "ROOT", 1),
        ("at", "at", "ADP", "IN", "prep", 1),
        ("the", "the", "DET", "DT", "det", 5),
        ("ferry", "ferry", "NOUN", "NN", "compound", 5),
        ("plan", "plan", "NOUN", "NN", "pobj", 2),
        (".", ".", "PUNCT", ".", "punct", 1),
    ],
)

CRITICISM = _sentence(
    "Criticism of the toll grew.",
    [
        ("Criticism", "criticism", "NOUN", "NN", "nsubj", 4),
        ("of", "of", "ADP", "IN", "prep", 0),
        ("the", "the", "DET", "DT", "det", 3),
        ("toll", "toll", "NOUN", "NN", "pobj", 1),
        ("grew", "grow", "VERB", "VBD", "ROOT", 4),
        (".", ".", "PUNCT", ".", "punct", 4),
    ],
    index=0,
)


def test_verb_outside_our_lists_is_tagged_and_reaches_the_model() -> None:
    assert construction_tags(BALK, 1, "balked at") == ["verb not in our cue lists"]
    assert learned_stage(BALK, 1) == "candidate below the threshold"


def test_nominal_cue_of_a_headline_without_owner_is_not_a_candidate() -> None:
    assert construction_tags(CRITICISM, 0, "criticism of") == ["nominal cue", "first sentence (headline)"]
    assert learned_stage(CRITICISM, 0) == "not a candidate word"


def test_gold_contents_join_each_cue_to_its_content() -> None:
    text = "Rusk balked at the ferry plan."
    ann = parse_ann(
        "T1\tSource 0 4\tRusk\nT2\tCue 5 14\tbalked at\nT3\tContent 15 29\tthe ferry plan\n"
        "T4\tAttribution 5 14\tbalked at\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    )
    assert gold_contents(ann, text) == {((5, 14),): [((15, 29),)]}


def test_format_lists_tags_then_words_then_false_cues() -> None:
    m = Misses(
        gold=10,
        missed=2,
        tags=Counter({"nominal cue": 2}),
        words=Counter({"criticism of": 2}),
        false=Counter({"rule": 1}),
        false_words=Counter({"said": 1}),
    )
    assert format_misses(m).splitlines() == [
        "gold cues 10, missed 2 (no system cue overlaps them)",
        "missed, by tag:",
        "       2  nominal cue",
        "missed, by words (top 40):",
        "  criticism of 2",
        "false cues 1: rule 1",
        "false, by words (top 40):",
        "  said 1",
    ]
