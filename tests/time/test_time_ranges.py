"""The two ends of a range are two TIMEX3s, and the end comes after the start (our own sentences)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time import tag
from storyline.time.ranges import in_a_range, single_days
from storyline.time.words import MONTHS, WEEKDAYS

MARCH_4 = date(1998, 3, 4)  # a Wednesday


def found(text: str, dct: date = MARCH_4) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry ran from November to February.", [("November", "1997-11"), ("February", "1998-02")]),
        ("The ferry ran from March to May.", [("March", "1997-03"), ("May", "1997-05")]),
        ("The ferry will run from March to May.", [("March", "1998-03"), ("May", "1998-05")]),
        ("The ferry ran from March 1996 to May.", [("March 1996", "1996-03"), ("May", "1996-05")]),
        ("The hall was shut from Friday to Monday.", [("Friday", "1998-02-27"), ("Monday", "1998-03-02")]),
    ],
)
def test_the_end_of_a_range_comes_after_its_start(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_year_after_another_and_to_is_the_end_of_a_range() -> None:
    """ "from 1990 to 1995": both years are dates (a lone "to 1995" may be a count: "rose to 1995 on Friday")."""
    assert found("The mine ran from 1990 to 1995.") == [("1990", "1990"), ("1995", "1995")]
    assert found("The index rose to 1995 on Friday.") == [("Friday", "1998-02-27")]


@given(
    st.sampled_from(MONTHS),
    st.sampled_from(MONTHS),
    st.sampled_from(["ran", "will run", "runs"]),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
)
def test_a_month_range_is_never_backwards(first: str, last: str, verb: str, dct: date) -> None:
    values = [v for _, v in found(f"The ferry {verb} from {first} to {last}.", dct)]
    assert len(values) == 2 and values[0] <= values[1]


@given(st.sampled_from(WEEKDAYS), st.sampled_from(WEEKDAYS), st.sampled_from(["was", "will be"]))
def test_a_weekday_range_is_never_backwards(first: str, last: str, verb: str) -> None:
    values = [v for _, v in found(f"The hall {verb} shut from {first} to {last}.")]
    assert len(values) == 2 and values[0] <= values[1]


def test_a_weekday_after_a_dated_start_is_still_counted_from_the_report() -> None:
    """ "bought from Sept. 14 to Thursday": the Thursday before the report, not the first after Sept. 14."""
    assert found("The fund bought shares from Feb. 3 to Monday.") == [
        ("Feb. 3", "1998-02-03"),
        ("Monday", "1998-03-02"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nurses tested the ferry crews on March 2-6 at the quay.",
        "Nurses tested the ferry crews March 2–6.",
        "Nurses tested the ferry crews between March 2 and 6 at the quay.",
        "Nurses tested the ferry crews between March 2 and March 6.",
        "Nurses tested the ferry crews from March 2 to March 6.",
        "The quay was shut from Monday to Wednesday.",
        "No ferry sailed before the evening of March 2.",
        "The quay has been shut since Monday.",
        "The quay stays shut until Friday.",
    ],
)
def test_an_end_of_a_range_of_days_names_no_day_of_its_own(text: str) -> None:
    times = tag(text, MARCH_4)
    assert times and all(in_a_range(t, text) for t in times)
    assert single_days(times, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The quay was shut on March 2.",
        "The quay was shut on Monday and Tuesday.",
        "The quay was shut on March 2 and 3.",
        "Fares rose on Monday to 12 crowns.",
        "Talks between the crews and the owners failed on Monday.",
        "Two crews were hurt by Monday's storm at the quay.",
        "The quay has been shut since the March 2 storm.",
        "Fares rose after the March 2 Harbour Board vote.",
        "Fares have doubled since Monday's strike.",
    ],
)
def test_a_day_named_on_its_own_or_in_a_list_is_no_range_end(text: str) -> None:
    times = tag(text, MARCH_4)
    assert times and not in_a_range(times[0], text)


def test_a_range_is_read_where_the_expression_stands_in_the_text_its_offsets_count_from() -> None:
    lead = "The ferry crews were tested. "
    for sentence, ranged in (("Nurses tested crews on March 2-6.", True), ("Nurses tested crews on March 2.", False)):
        (expr,) = tag(sentence, MARCH_4)
        moved = replace(expr, start=expr.start + len(lead), end=expr.end + len(lead))  # offsets into the report
        assert in_a_range(moved, lead + sentence) is ranged
        assert in_a_range(moved, sentence, offset=len(lead)) is ranged


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the second of two joined weekdays that follow each other is the day after the first
        (
            "The ministers gathering in Vienna on Friday and Saturday were to discuss the budget.",
            date(1998, 3, 6),
            [("Friday", "1998-03-06"), ("Saturday", "1998-03-07")],
        ),
        (
            "Engineers said the barge could be lifted late Wednesday or early Thursday.",
            MARCH_4,
            [("late Wednesday", "1998-03-04"), ("early Thursday", "1998-03-05")],
        ),
        # ... and of two joined months that follow each other, the first is the month before the second
        (
            "Most of the advertising planned for December and January comes from outside groups.",
            date(1998, 11, 27),
            [("December", "1998-12"), ("January", "1999-01")],
        ),
        # already in order, or not next to each other in the week: as each reads on its own
        ("The storm hit on Sunday and Monday.", MARCH_4, [("Sunday", "1998-03-01"), ("Monday", "1998-03-02")]),
        ("The clinic opened on Monday and Friday.", MARCH_4, [("Monday", "1998-03-02"), ("Friday", "1998-02-27")]),
    ],
)
def test_two_joined_weekdays_or_months_in_a_row_are_a_day_or_month_apart(
    text: str, dct: date, expected: list[tuple[str, str]]
) -> None:
    assert found(text, dct) == expected
