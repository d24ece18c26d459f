"""Expressions that frame a report rather than date an event (``storyline.time.frames``); our own sentences."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.time import tag

TUESDAY = date(2024, 3, 12)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, TUESDAY)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("One day the harbor will be dredged again.", "FUTURE_REF"),
        ("Some day the town will have a bridge.", "FUTURE_REF"),
        ("One day, a stranger knocked at the mill's door.", "PAST_REF"),
    ],
)
def test_a_sentence_that_opens_with_one_day_and_its_clause_tells_of_some_day(text: str, value: str) -> None:
    assert found(text)[0] == (text[: text.index("day") + 3], "DATE", value)


@pytest.mark.parametrize(
    "text", ["One day later, the dam broke.", "One day is not enough to fix the dam.", "The visit lasted one day."]
)
def test_one_day_before_later_or_as_a_subject_or_object_is_a_length(text: str) -> None:
    assert [t for t in found(text) if t[0].lower() == "one day"] == [
        ("One day" if text[0] == "O" else "one day", "DURATION", "P1D")
    ]


@pytest.mark.parametrize("period", ["the latest period", "the most recent period"])
def test_the_latest_period_before_any_quarter_is_named_is_the_last_one_finished(period: str) -> None:
    assert found(f"There were no one-time gains in {period}, the brewer said.") == [(period, "DATE", "2023-Q4")]


def test_the_most_recent_thing_is_no_vague_past() -> None:
    assert found("Its most recent budget was approved by the council.") == []
    assert found("The recent storm closed the port.") == [("recent", "DATE", "PAST_REF")]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("Hiring slowed at midyear, the bank said.", date(2024, 9, 10), ("midyear", "2024")),
        ("The plant should reopen by mid-year.", TUESDAY, ("mid-year", "2024")),
        ("Sales peaked at midyear and fell after.", TUESDAY, ("midyear", "2023")),
    ],
)
def test_midyear_is_the_year_whose_middle_the_sentence_means(text: str, dct: date, expected: tuple[str, str]) -> None:
    span, value = expected
    assert [(t.text, t.type, t.value) for t in tag(text, dct)] == [(span, "DATE", value)]
