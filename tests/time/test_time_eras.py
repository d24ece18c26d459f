"""Decades and centuries (``storyline.time.eras``); our own sentences."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.time import tag

THURSDAY = date(2022, 9, 8)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Prices soared in the mid-90s.", "the mid-90s", "199"),
        ("The song was a hit in the 80s.", "the 80s", "198"),
        ("He went to high school in the late 70s.", "the late 70s", "197"),
    ],
)
def test_a_decade_written_without_an_apostrophe_is_a_decade(text: str, span: str, value: str) -> None:
    assert [(t.text, t.value) for t in tag(text, THURSDAY)] == [(span, value)]


def test_the_80s_after_a_word_for_temperature_are_degrees_not_a_decade() -> None:
    assert tag("Temperatures stayed in the 80s all afternoon.", THURSDAY) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The bridge will last well into the next century.", "the next century", "20"),
        ("Few ports grew faster this century.", "this century", "19"),
        ("The canal was dug last century.", "last century", "18"),
    ],
)
def test_this_next_and_last_century_count_from_the_report(text: str, span: str, value: str) -> None:
    """Said in 1998, "the next century" is the 2000s (TIMEX3 "20"), as "the 21st century" is."""
    assert [(t.text, t.type, t.value) for t in tag(text, date(1998, 2, 10))] == [(span, "DATE", value)]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("The flood was the worst in two centuries.", "two centuries", "DURATION", "P2CE"),
        ("The abbey has stood for more than a century.", "more than a century", "DURATION", "P1CE"),
        ("Shepherds have for centuries crossed the pass.", "centuries", "DURATION", "PXCE"),
        ("The oaks have stood for many centuries.", "many centuries", "DURATION", "PXCE"),
        ("Over the past three centuries the coast moved inland.", "the past three centuries", "DURATION", "P3CE"),
        ("The canal was dug two centuries ago.", "two centuries ago", "DATE", "18"),
        ("The bridge opened a century ago.", "a century ago", "DATE", "19"),
        ("The wells were dug centuries ago.", "centuries ago", "DATE", "PAST_REF"),
    ],
)
def test_spans_of_centuries_are_durations_and_centuries_ago_the_century_counted_back(
    text: str, span: str, kind: str, value: str
) -> None:
    assert [(t.text, t.type, t.value) for t in tag(text, date(2024, 3, 12))] == [(span, kind, value)]


@pytest.mark.parametrize(
    "text",
    ["The centuries-old church was restored.", "She scored a century in the final.", "Centuries of custom ended."],
)
def test_century_words_that_name_no_span_of_time_are_no_time(text: str) -> None:
    assert tag(text, date(2024, 3, 12)) == []


def test_early_or_late_before_a_decade_is_read_across_a_line_break() -> None:
    [found] = tag("The mill ran through the late\n1980s.", date(2031, 3, 3))
    assert found.text == "the late\n1980s" and found.value == "198"
