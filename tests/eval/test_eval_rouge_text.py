"""Tests for ROUGE-1.5.5's reading of a summary (tilse's ``-m -s`` settings) and its Porter variant."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.eval.porter import stem
from storyline.eval.rouge import ngrams
from storyline.eval.rouge_text import STOP_WORDS, rouge_text, rouge_tokens


def test_rouge_tokens_are_lower_case_stemmed_without_stop_words_or_punctuation() -> None:
    assert rouge_tokens(["The Mayor resigns , -LRB- today -RRB- ."]) == ["mayor", "resign", "lrb", "todai", "rrb"]


def test_the_stop_list_is_rouges_smart_list_with_its_news_words() -> None:
    # scikit-learn's list keeps "reuters", "said", "new" and "jan"; ROUGE's drops them.
    assert rouge_tokens(["Reuters said the new dam opened on Jan 3"]) == ["dam", "open", "3"]


def test_hyphens_split_words_and_are_not_counted() -> None:
    assert rouge_text(["The cease-fire held"]) == "the cease - fire held"
    assert rouge_tokens(["The cease-fire held"]) == ["ceas", "fire", "held"]


def test_a_days_sentences_are_read_as_one_text_so_bigrams_cross_them() -> None:
    assert ngrams(["Flood hits town .", "Bridge closed ."], 2) == {
        ("flood", "hit"): 1,
        ("hit", "town"): 1,
        ("town", "bridg"): 1,
        ("bridg", "close"): 1,
    }


def test_a_sentence_is_cut_at_its_first_angle_bracket_and_a_caret_reads_as_circ() -> None:
    assert rouge_text(["Levels rose <b>fast</b>", "x^2"]) == "levels rose x circ 2"


def test_only_ascii_letters_are_lower_cased_and_kept() -> None:
    assert rouge_tokens(["Café Über 2010"]) == ["caf", "ber", "2010"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("relational", "relat"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("sensibility", "sensibl"),  # "-bli" -> "-ble", not the paper's "-abli" -> "-able"
        ("analogy", "analog"),  # "-logi" -> "-log"
        ("agreement", "agreem"),  # ROUGE's step 4 strips "-ement" where the paper keeps the word
        ("accidental", "accid"),  # "-al", then "-ent" on what is left
        ("yelling", "yell"),  # an initial "y" is a consonant
    ],
)
def test_porter_stems_as_rouge_does(word: str, expected: str) -> None:
    assert stem(word) == expected


@given(st.lists(st.text(max_size=40), max_size=4))
def test_rouge_tokens_are_letters_and_digits_and_short_ones_are_never_stop_words(sentences: list[str]) -> None:
    for token in rouge_tokens(sentences):
        assert re.fullmatch(r"[a-z0-9]+", token)
        assert len(token) > 3 or token not in STOP_WORDS  # longer ones are stems, which may be


@given(st.lists(st.text(alphabet="abcdefgh -.,ABC", max_size=30), min_size=1, max_size=4))
def test_a_days_unigrams_do_not_depend_on_how_it_is_split_into_sentences(sentences: list[str]) -> None:
    assert ngrams(sentences, 1) == ngrams([" ".join(sentences)], 1)
