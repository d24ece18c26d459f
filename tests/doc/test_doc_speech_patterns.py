"""The shared vocabulary of saying and hedging, and the three patterns built from it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.doc.speech_patterns import (
    CHECK_HINT,
    CHECK_LITERALS,
    CHECK_STEMS,
    CHECK_WORDS,
    HEDGE_HINT,
    OUTLET_HEDGE,
    PASSIVE_HEDGE,
    REPORTING_TIME,
    SPEECH_VERBS,
    UNVERIFIED,
    may_hold,
)


@pytest.mark.parametrize(
    "text",
    [
        "The figure could not be independently verified.",
        "Reporters were unable to confirm the account.",
        "There was no independent confirmation of the strike.",
    ],
)
def test_every_pattern_reads_a_plain_hedge(text: str) -> None:
    assert OUTLET_HEDGE.search(text) and UNVERIFIED.search(text) and HEDGE_HINT.search(text)


def test_outlet_hedge_names_the_check_verb_and_knows_the_passive() -> None:
    m = OUTLET_HEDGE.search("The video could not be authenticated.")
    assert m is not None and m.group("verb") == "authenticated"
    assert PASSIVE_HEDGE.search(m.group())


def test_only_the_outlet_hedge_reads_corroboration() -> None:
    text = "The monitors have not corroborated the count."
    assert OUTLET_HEDGE.search(text) and not UNVERIFIED.search(text)


def test_reporting_time_includes_a_missing_comment_but_the_hedges_do_not() -> None:
    text = "The ministry did not immediately comment on the report."
    assert REPORTING_TIME.search(text)
    assert not UNVERIFIED.search(text) and not OUTLET_HEDGE.search(text)


def test_an_ordinary_sentence_matches_no_pattern() -> None:
    text = "The ferry left the harbour at noon and reached the island by evening."
    assert not (OUTLET_HEDGE.search(text) or UNVERIFIED.search(text) or REPORTING_TIME.search(text))


def test_speech_verbs_are_lemmas_of_saying_and_judging() -> None:
    assert {"say", "tell", "believe"} <= SPEECH_VERBS and "attack" not in SPEECH_VERBS


_PIECES = [*CHECK_STEMS, *CHECK_WORDS[:4], "VERIFIED", "Confirmed", "ſ", "İ", "\u212a", "x", " ", "-", "ed", "analysed"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10))
def test_hints_kept_to_their_first_letters_find_what_the_plain_alternatives_find(pieces: list[str]) -> None:
    text = "".join(pieces)
    for hint, words in ((HEDGE_HINT, CHECK_STEMS), (CHECK_HINT, CHECK_WORDS)):
        plain = re.compile("|".join(words), re.I)
        assert [m.span() for m in hint.finditer(text)] == [m.span() for m in plain.finditer(text)]


_MORE_PIECES = [
    *_PIECES,
    "Geolocated",
    "ANALYZED",
    "eſtablish",
    "Kelvin \u212a",
    "é",
    "verıfy",
    "\u201cverified\u201d",
    "\u0130",
    "ann\u0130e",
    "\u2019s",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MORE_PIECES), max_size=10))
def test_the_quick_literal_test_says_no_only_where_the_hint_finds_nothing(pieces: list[str]) -> None:
    text = "".join(pieces)
    for hint, literals in ((HEDGE_HINT, CHECK_STEMS), (CHECK_HINT, CHECK_LITERALS)):
        assert may_hold(text, literals, hint) == (hint.search(text) is not None)


def test_the_quick_literal_test_searches_text_where_re_folds_other_letters_to_ascii() -> None:
    # "eſtablish" (long s) is "establish" under re.I though its lowercase holds no "establish"
    assert may_hold("They could not eſtablish who fired.", CHECK_STEMS, HEDGE_HINT)
    assert not may_hold("They could not say who fired.", CHECK_STEMS, HEDGE_HINT)
    assert may_hold("They could not ESTABLISH who fired.", CHECK_STEMS, HEDGE_HINT)
