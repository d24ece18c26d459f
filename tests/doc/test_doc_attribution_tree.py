from __future__ import annotations

from storyline.doc.attribution_tree import children_of, forget_parses, quoted_spans
from storyline.records import Token


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
