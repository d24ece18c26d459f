"""Reading a date value into calendar days (``storyline.time.iso_dates``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time.iso_dates import Coarse, day_number, day_of, days_apart, period

READINGS: tuple[Coarse | None, ...] = ("first", "last", None)
DAYS = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


def test_a_day_is_its_own_period() -> None:
    assert period("2031-03-09") == (date(2031, 3, 9), date(2031, 3, 9))


def test_a_month_runs_from_its_first_day_to_its_last() -> None:
    assert period("2032-02") == (date(2032, 2, 1), date(2032, 2, 29))
    assert period("2031-12") == (date(2031, 12, 1), date(2031, 12, 31))


def test_the_calendars_last_month_ends_on_its_last_day() -> None:
    # the day after December 9999 is past the calendar: its end is read without stepping over it
    assert period("9999-12") == (date(9999, 12, 1), date(9999, 12, 31))


def test_a_year_runs_from_new_year_to_new_years_eve() -> None:
    assert period("2031") == (date(2031, 1, 1), date(2031, 12, 31))


@pytest.mark.parametrize("value", ["2031-W23", "2031-SU", "2031-Q2", "2031-WI"])
def test_a_week_season_or_quarter_counts_as_its_year(value: str) -> None:
    assert period(value) == (date(2031, 1, 1), date(2031, 12, 31))


def test_a_timestamp_is_its_day() -> None:
    assert period("2031-03-09T17:45:00+01:00") == (date(2031, 3, 9), date(2031, 3, 9))
    assert day_of("2031-03-09TEV", coarse=None) == date(2031, 3, 9)


@pytest.mark.parametrize(
    "value", [None, "", "PRESENT_REF", "PAST_REF", "XXXX-06-15", "P3W", "203", "2031-02-30", "2031-13"]
)
def test_no_year_in_front_or_no_such_day_is_no_period(value: str | None) -> None:
    assert period(value) is None
    assert all(day_of(value, coarse=coarse) is None for coarse in READINGS)


def test_a_month_stands_for_its_first_day_its_last_or_none_as_the_caller_says() -> None:
    assert day_of("2031-04", coarse="first") == date(2031, 4, 1)
    assert day_of("2031-04", coarse="last") == date(2031, 4, 30)
    assert day_of("2031-04", coarse=None) is None


def test_a_year_stands_for_its_first_day_its_last_or_none_as_the_caller_says() -> None:
    assert day_of("2031", coarse="first") == date(2031, 1, 1)
    assert day_of("2031", coarse="last") == date(2031, 12, 31)
    assert day_of("2031", coarse=None) is None


def test_day_number_is_the_ordinal_or_the_missing_mark() -> None:
    assert day_number("2031-03-09", coarse=None, missing=-1) == date(2031, 3, 9).toordinal()
    assert day_number("2031-03", coarse=None, missing=-1) == -1
    assert day_number("2031-03", coarse="last", missing=-1) == date(2031, 3, 31).toordinal()


@given(DAYS)
def test_every_day_reads_back_as_itself_whatever_the_reading(day: date) -> None:
    for coarse in READINGS:
        assert day_of(day.isoformat(), coarse=coarse) == day


@given(DAYS)
def test_a_month_holds_exactly_its_days(day: date) -> None:
    span = period(day.isoformat()[:7])
    assert span is not None
    first, last = span
    assert first <= day <= last
    assert first.day == 1 and (first - timedelta(days=1)).month != first.month
    assert (last + timedelta(days=1)).day == 1 and last.month == first.month


@given(DAYS, st.text(max_size=12))
def test_what_follows_a_day_does_not_change_it(day: date, tail: str) -> None:
    separated = "T" + tail  # a timestamp's clock time, or any mark after the day
    assert period(day.isoformat() + separated) == (day, day)


@given(st.text(max_size=14))
def test_any_text_reads_as_a_period_in_order_or_none(value: str) -> None:
    span = period(value)
    assert span is None or span[0] <= span[1]


def test_the_gap_between_two_periods_is_zero_when_they_meet_or_overlap() -> None:
    july, august_16 = period("2031-07"), period("2031-08-16")
    assert july is not None and august_16 is not None
    assert days_apart(july, august_16) == days_apart(august_16, july) == 16
    assert days_apart(july, july) == 0
    year = period("2031")
    assert year is not None and days_apart(year, august_16) == 0


@given(DAYS, DAYS)
def test_the_gap_between_two_days_is_their_distance(a: date, b: date) -> None:
    assert days_apart((a, a), (b, b)) == abs((a - b).days)
