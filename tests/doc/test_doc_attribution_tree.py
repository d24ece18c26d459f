from __future__ import annotations

from dataclasses import replace

from storyline.doc.attribution_tree import (
    children_of,
    demonstrative,
    forget_parses,
    impression,
    quoted_spans,
    without_demonstrative,
)
from storyline.records import Attribution, Sentence, Token


def _tokens(heads: list[int]) -> tuple[Token, ...]:
    return tuple(Token(k * 4, k * 4 + 3, f"w{k}", f"w{k}", "NOUN", "NN", "dep", h) for k, h in enumerate(heads))


def test_children_of_lists_each_words_dependents_in_order() -> None:
    children = children_of(_tokens([1, 1, 1, 2]))
    assert (children[1], children[2], children[0]) == ([0, 2], [3], [])


def test_children_of_two_parses_of_equal_length_are_their_own() -> None:
    first, second = _tokens([1, 1, 1]), _tokens([0, 0, 1])
    assert children_of(first)[1] == [0, 2]
    assert children_of(second)[0] == [1] and children_of(second)[1] == [2]
    assert children_of(first) is children_of(first)  # read once per sentence, shared by the layers


def test_forget_parses_makes_the_next_reader_build_the_children_again() -> None:
    tokens = _tokens([1, 1, 2])
    shared = children_of(tokens)
    forget_parses()  # a new document
    again = children_of(tokens)
    assert again is not shared and again == shared


def test_a_sentence_without_quotation_marks_is_all_quoted_only_inside_an_open_quotation() -> None:
    text = "The ferry will run on Monday."
    assert quoted_spans(text) == ([], False)
    assert quoted_spans(text, inside=True) == ([(0, len(text))], True)  # the quotation runs on
    assert quoted_spans("It isn't 'shut'.") == ([], False)  # single quotes open nothing


def _sentence_of(words: list[tuple[str, str, str]], text: str) -> Sentence:
    tokens, at = [], 0
    for word, lemma, pos in words:
        start = text.index(word, at)
        tokens.append(Token(start, start + len(word), word, lemma, pos, "VB", "dep", 0))
        at = start + len(word)
    return Sentence(0, 0, len(text), text, 0, tokens=tuple(tokens))


def test_a_cue_of_appearance_is_an_impression_and_a_saying_is_not() -> None:
    text = "Orla Venn seemed calm and said the vote would wait."
    words = [("Orla", "Orla", "PROPN"), ("Venn", "Venn", "PROPN"), ("seemed", "seem", "VERB"), ("calm", "calm", "ADJ")]
    words += [("and", "and", "CCONJ"), ("said", "say", "VERB")]
    sentence = _sentence_of(words, text)
    at = {w: (text.index(w), text.index(w) + len(w)) for w in ("seemed", "said", "Orla Venn")}
    seemed = Attribution(cue=at["seemed"], content=(17, 21), source=at["Orla Venn"], speaker="Orla Venn")
    said = replace(seemed, cue=at["said"], content=(31, 50))
    assert impression(sentence, seemed) and not impression(sentence, said)
    appears = Attribution(cue=(0, 4), content=(5, 9), source=None, speaker=None)
    other = _sentence_of([("It", "it", "PRON"), ("appears", "appear", "VERB")], "It appears so.")
    assert impression(other, replace(appears, cue=(3, 10))) and not impression(other, appears)


def test_a_lone_demonstrative_is_no_source_and_a_relative_that_or_a_phrase_is() -> None:
    text = "That shows the union that backs Roe is split."
    tags = {"That": "DT", "that": "WDT"}
    tokens, at = [], 0
    for word in text.rstrip(".").split():
        start = text.index(word, at)
        tokens.append(Token(start, start + len(word), word, word.lower(), "PRON", tags.get(word, "NN"), "nsubj", 0))
        at = start + len(word)
    sentence = Sentence(0, 0, len(text), text, 0, tokens=tuple(tokens))
    assert demonstrative(sentence, (0, 4))
    assert not demonstrative(sentence, (25, 29))  # the relative "that" of "the union that backs Roe"
    assert not demonstrative(sentence, (0, 10))  # "That shows": more than the one word
    shows = Attribution(cue=(5, 10), content=(11, 44), source=(0, 4), speaker="That")
    assert without_demonstrative(sentence, shows) == replace(shows, source=None, speaker=None)
    backs = replace(shows, cue=(30, 35), source=(25, 29), speaker="that")
    assert without_demonstrative(sentence, backs) == backs
