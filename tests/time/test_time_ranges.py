"""The two ends of a range are two TIMEX3s, and the end comes after the start (our own sentences)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time import tag
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
