"""Date arithmetic against the document creation time (DCT)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time.resolve import (
    Unit,
    ago,
    duration_value,
    month_day_date,
    month_year,
    parse_dct,
    planned_weekday,
    recent_weekday,
    relative_period,
    shift,
    weekday_date,
)

THURSDAY = date(2022, 9, 8)
DCTS = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


def test_weekday_in_past_tense_is_the_most_recent_one() -> None:
    assert weekday_date(THURSDAY, 1, "past") == date(2022, 9, 6)


def test_weekday_in_future_tense_is_the_next_one() -> None:
    assert weekday_date(THURSDAY, 1, "future") == date(2022, 9, 13)


def test_same_weekday_as_the_report_is_the_report_day() -> None:
    assert weekday_date(THURSDAY, 3, "past") == THURSDAY
    assert weekday_date(THURSDAY, 3, "future") == THURSDAY


def test_last_and_next_leave_the_report_day() -> None:
    assert weekday_date(THURSDAY, 3, "past", "last") == date(2022, 9, 1)
    assert weekday_date(THURSDAY, 3, "past", "next") == date(2022, 9, 15)


def test_last_december_in_a_january_report_is_the_previous_year() -> None:
    assert month_year(date(2023, 1, 12), 12, "past", "last") == 2022


def test_last_month_name_is_strictly_before_the_report_month() -> None:
    assert month_year(date(2023, 5, 12), 5, "past", "last") == 2022
    assert month_year(date(2023, 5, 12), 4, "past", "last") == 2023


def test_in_month_follows_the_tense() -> None:
    report = date(2022, 9, 8)
    assert month_year(report, 11, "past") == 2021
    assert month_year(report, 11, "future") == 2022
    assert month_year(report, 3, "future") == 2023
    assert month_year(report, 9, "past") == 2022


def test_month_day_far_after_a_past_tense_report_goes_to_the_previous_year() -> None:
    assert month_day_date(date(2023, 1, 10), 12, 20, "past") == date(2022, 12, 20)
    assert month_day_date(date(2022, 9, 8), 10, 1, "past") == date(2022, 10, 1)


def test_month_day_far_before_a_future_tense_report_goes_to_the_next_year() -> None:
    assert month_day_date(date(2022, 12, 20), 1, 15, "future") == date(2023, 1, 15)


def test_a_year_ago_from_a_leap_day_is_the_last_day_of_february() -> None:
    assert shift(date(2024, 2, 29), -1, "year") == date(2023, 2, 28)
    assert ago(date(2024, 2, 29), 1, "year") == ("2023", "2023-02-28")


def test_a_month_ago_clamps_to_the_end_of_february_in_a_leap_year() -> None:
    assert shift(date(2024, 3, 31), -1, "month") == date(2024, 2, 29)


def test_weeks_ago_gives_the_iso_week_and_the_day() -> None:
    assert ago(THURSDAY, 3, "week") == ("2022-W33", "2022-08-18")


def test_an_approximate_amount_ago_dates_its_unit_not_a_day() -> None:
    assert ago(THURSDAY, 3, "week", approximate=True) == ("2022-W33", "2022-08")  # Aug 15-21
    assert ago(THURSDAY, 1, "week", approximate=True) == (
        "2022-W35",
        "2022-09",
    )  # Aug 29 - Sept 4: the counted day's month
    assert ago(THURSDAY, 4, "month", approximate=True) == ("2022-05", "2022-05")
    assert ago(THURSDAY, 2, "year", approximate=True) == ("2020", "2020")
    assert ago(THURSDAY, 10, "day", approximate=True) == ("2022-08-29", "2022-08-29")  # days stay days


def test_a_week_within_one_month_is_dated_to_that_month_and_one_across_two_months_is_not() -> None:
    assert relative_period(THURSDAY, "week", 0) == ("2022-W36", "2022-09")  # Sept 5-11
    assert relative_period(THURSDAY, "week", -1) == ("2022-W35", None)  # Aug 29 - Sept 4
    assert relative_period(date(2022, 12, 29), "week", 1) == ("2023-W01", "2023-01")  # Jan 2-8, across the year
    assert relative_period(date(2023, 1, 3), "month", -1) == ("2022-12", "2022-12")
    assert relative_period(THURSDAY, "year", 1) == ("2023", "2023")


def test_duration_values_follow_timex3() -> None:
    assert duration_value(3, "week") == "P3W"
    assert duration_value(24, "hour") == "PT24H"
    assert duration_value(None, "month") == "PXM"
    assert duration_value(1.25, "week") == "P1.25W"  # a quarter of a week is no whole number of days


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [
        (1.5, "year", "P1Y6M"),
        (2.5, "year", "P2Y6M"),
        (1.5, "minute", "PT1M30S"),
        (2.5, "day", "P2DT12H"),
        (0.5, "hour", "PT30M"),
        (1.5, "decade", "P1DE5Y"),
    ],
)
def test_a_fraction_goes_into_the_next_smaller_unit(amount: float, unit: Unit, value: str) -> None:
    assert duration_value(amount, unit) == value


def test_partial_or_impossible_publication_dates_give_no_dct() -> None:
    assert parse_dct("2022-09-08") == THURSDAY
    assert parse_dct("2022-09") is None
    assert parse_dct("2023-02-29") is None
    assert parse_dct(None) is None


@given(DCTS, st.integers(min_value=0, max_value=6))
def test_past_weekday_is_within_the_week_before_the_report(dct: date, weekday: int) -> None:
    d = weekday_date(dct, weekday, "past")
    assert d.weekday() == weekday
    assert timedelta(0) <= dct - d < timedelta(days=7)


@given(DCTS, st.integers(min_value=0, max_value=6))
def test_next_weekday_is_within_the_week_after_the_report(dct: date, weekday: int) -> None:
    d = weekday_date(dct, weekday, "past", "next")
    assert d.weekday() == weekday
    assert timedelta(0) < d - dct <= timedelta(days=7)


@given(DCTS, st.integers(min_value=1, max_value=12))
def test_last_month_name_is_within_the_year_before_the_report(dct: date, month: int) -> None:
    year = month_year(dct, month, "past", "last")
    months_back = (dct.year - year) * 12 + dct.month - month
    assert 1 <= months_back <= 12


def test_recent_weekday_is_one_or_two_days_before_the_report_only() -> None:
    wednesday = date(2024, 3, 6)
    assert [recent_weekday(wednesday, day) for day in range(7)] == [
        date(2024, 3, 4),  # Monday
        date(2024, 3, 5),  # Tuesday
        None,  # the report's own day
        None,
        None,
        None,
        None,
    ]


def test_a_planned_weekday_is_one_or_two_days_back_or_else_the_report_day_or_up_to_four_days_ahead() -> None:
    wednesday = date(2024, 3, 6)
    assert [planned_weekday(wednesday, day) for day in range(7)] == [
        date(2024, 3, 4),  # Monday, two days back
        date(2024, 3, 5),  # Tuesday, the day before
        wednesday,
        date(2024, 3, 7),
        date(2024, 3, 8),
        date(2024, 3, 9),
        date(2024, 3, 10),  # Sunday: four days ahead, not three back
    ]
