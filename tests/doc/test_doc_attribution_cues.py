"""The cue words' pattern, grouped by first letter for speed, finds what the plain alternation finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.doc.attribution_cues import (
    _CUE_LITERALS,
    _CUE_WORD,
    CLAIM_CUES,
    DENIAL_CUES,
    calls_untrue,
    find_attributions,
)

_PLAIN = re.compile(r"\b(?P<cue>" + "|".join(CLAIM_CUES + DENIAL_CUES) + r")\b", re.I)
_PIECES = [*CLAIM_CUES[:12], *DENIAL_CUES[:4], "SAID", "Told", "\u017fays", "x", " ", ",", "-", "ed", "s", "the mayor"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10))
def test_cue_words_grouped_by_first_letter_match_where_the_plain_alternation_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span("cue") for m in _CUE_WORD.finditer(text)] == [m.span("cue") for m in _PLAIN.finditer(text)]


def test_a_sentence_without_a_cue_word_still_finds_according_to() -> None:
    found = find_attributions("According to the harbour master, the ferry left at noon.")
    assert len(found) == 1 and found[0].speaker == "the harbour master"


def test_a_trailing_cue_word_in_capitals_is_found() -> None:
    found = find_attributions("The ferry left at noon, the harbour master SAID.")
    assert len(found) == 1 and found[0].speaker == "the harbour master"


def test_every_cue_word_holds_one_of_the_pieces_the_quick_test_looks_for() -> None:
    assert [w for w in CLAIM_CUES + DENIAL_CUES if not any(piece in w for piece in _CUE_LITERALS)] == []


def test_content_that_calls_something_untrue_makes_a_denial() -> None:
    for content in (
        "the reports of a mutiny were false",
        "the photographs of the harbour were completely fake",
        "the story was a lie",
        "it was all propaganda",
        "the charges are baseless and groundless",
        "the rebels were spreading false reports about the port",
        "“Lies.”",
    ):
        assert calls_untrue(content), content


def test_an_untruth_word_that_only_describes_a_thing_makes_no_denial() -> None:
    for content in (
        "the admiral was hiding near the border and meant to flee using a false passport",
        "the sailors may have been forced to fight, or fooled by the regime's propaganda",
        "smugglers sold fake medicines in the market",
    ):
        assert not calls_untrue(content), content
    said = find_attributions("A harbour official said the admiral was set to flee on a false passport.")
    assert [a.kind for a in said] == ["claim"]
    denied = find_attributions("A harbour official said the reports of his flight were false.")
    assert [a.kind for a in denied] == ["denial"]


def test_an_untruth_word_as_the_complement_of_what_was_said_makes_a_denial() -> None:
    assert calls_untrue("the reports baseless")
    assert calls_untrue("it false")
