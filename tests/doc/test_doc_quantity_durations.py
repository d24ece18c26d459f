"""Lengths of time after their number (storyline.doc.quantity_durations), read directly on made-up phrases."""

import pytest

from storyline.doc.quantity_durations import duration_after


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("The ferry sailed for 3 days.", "3", ("day", "days")),
        ("The mill ran 2 more weeks.", "2", ("week", "more weeks")),
        ("It was 4 yrs ago.", "4", ("year", "yrs")),
        ("They had three remarkable weeks.", "three", ("week", "remarkable weeks")),
        ("Staff worked 14 hour days.", "14", ("hour", "hour")),  # a period is no describing word
    ],
)
def test_a_length_of_time_after_its_number_is_read_with_its_words(text, number, expected):
    pos = text.index(number) + len(number)
    end, unit, raw = duration_after(text, pos, number)
    assert (unit, raw) == expected
    assert text[pos:end].strip() == raw


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("A 3-day visit ended.", "3"),  # joined by a hyphen: a modifier
        ("She hosted 500,000 people year after year.", "500,000"),  # a noun before the period
        ("It was the 2016 election year.", "2016"),  # a year names, it lasts none
        ("Tickets cost 30 per day.", "30"),  # a function word
    ],
)
def test_no_length_of_time_when_the_words_after_the_number_are_no_duration(text, number):
    pos = text.index(number) + len(number)
    assert duration_after(text, pos, number) is None
