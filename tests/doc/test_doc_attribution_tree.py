from __future__ import annotations

from dataclasses import replace

from builders import parsed_sentence
from storyline.doc.attribution_tree import (
    children_of,
    demonstrative,
    forget_parses,
    impression,
    quoted_spans,
    sourced,
    whole_name,
    without_demonstrative,
)
from storyline.records import Attribution, Entity, Sentence, Token


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


def test_a_cue_of_appearance_is_an_impression_and_a_saying_is_not() -> None:
    text = "Orla Venn seemed calm and said the vote would wait."
    words = [("seemed", "seem", "VERB", "VBD", "ROOT", 0), ("said", "say", "VERB", "VBD", "conj", 0)]
    sentence = parsed_sentence(text, words)
    seemed = Attribution(cue=(10, 16), content=(17, 21), source=(0, 9), speaker="Orla Venn")
    said = replace(seemed, cue=(26, 30), content=(31, 50))
    assert impression(sentence, seemed) and not impression(sentence, said)
    other = parsed_sentence(
        "It appears so.", [("It", "it", "PRON", "PRP", "nsubj", 1), ("appears", "appear", "VERB", "VBZ", "ROOT", 1)]
    )
    appears = Attribution(cue=(3, 10), content=(11, 13), source=None, speaker=None)
    assert impression(other, appears) and not impression(other, replace(appears, cue=(0, 2)))


def test_a_lone_demonstrative_is_no_source_and_a_relative_that_or_a_phrase_is() -> None:
    text = "That shows the union that backs Roe is split."
    words = [("That", "that", "PRON", "DT", "nsubj", 1), ("shows", "show", "VERB", "VBZ", "ROOT", 1)]
    words += [("union", "union", "NOUN", "NN", "nsubj", 7), ("that", "that", "PRON", "WDT", "nsubj", 5)]
    sentence = parsed_sentence(text, words)
    assert demonstrative(sentence, (0, 4))
    assert not demonstrative(sentence, (21, 25))  # the relative "that" of "the union that backs Roe"
    assert not demonstrative(sentence, (0, 10))  # "That shows": more than the one word
    shows = Attribution(cue=(5, 10), content=(11, 44), source=(0, 4), speaker="That")
    assert without_demonstrative(sentence, shows) == replace(shows, source=None, speaker=None)
    backs = replace(shows, cue=(26, 31), source=(21, 25), speaker="that")
    assert without_demonstrative(sentence, backs) == backs


def _name_split_by_the_parse() -> Sentence:
    # The parse hands each part of "Omar al-Rashid" to "told" as a subject, the hyphen among them.
    words = [
        ("Omar", "Omar", "PROPN", "NNP", "dep", 4),
        ("al", "al", "PROPN", "NNP", "nsubj", 4),
        ("-", "-", "PUNCT", "HYPH", "nsubj", 4),
        ("Rashid", "Rashid", "PROPN", "NNP", "nsubj", 4),
        ("told", "tell", "VERB", "VBD", "ROOT", 4),
        ("reporters", "reporter", "NOUN", "NNS", "dobj", 4),
        ("the", "the", "DET", "DT", "det", 7),
        ("talks", "talk", "NOUN", "NNS", "nsubj", 8),
        ("failed", "fail", "VERB", "VBD", "ccomp", 4),
        (".", ".", "PUNCT", ".", "punct", 4),
    ]
    text = "Omar al-Rashid told reporters the talks failed."
    return parsed_sentence(text, words, [Entity(0, 14, "Omar al-Rashid", "PERSON")])


def test_a_hyphen_handed_over_as_the_source_is_the_name_it_stands_in() -> None:
    sentence = _name_split_by_the_parse()
    claim = Attribution(cue=(15, 19), content=(30, 46), source=None, speaker=None)
    named = sourced(sentence, claim, (7, 8))
    assert named.source == (0, 14) and named.speaker == "Omar al-Rashid"
    assert whole_name(sentence, (0, 4)) == (0, 4)  # a word of the name is left as it is
    assert whole_name(sentence, (46, 47)) == (46, 47)  # punctuation outside every name too
