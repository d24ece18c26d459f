"""Inferring a report's publication day from the dates and weekdays in its text (our own reports)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.doc.pubdate import infer_published

FLOOD = "Floodwaters reached the town on September 8, 2022, officials said. "  # a Thursday
EXAMPLES = Path(__file__).parents[2] / "examples" / "kharkiv-2022"


def test_one_consistent_day_is_recovered() -> None:
    text = FLOOD + "On Saturday, crews began clearing the roads. Schools stay closed today, Tuesday, officials said."
    found = infer_published(text)
    assert (found.date, found.window) == ("2022-09-13", ("2022-09-13", "2022-09-13"))


def test_weekdays_alone_narrow_the_window_but_give_no_day() -> None:
    text = FLOOD + "On Wednesday, crews began clearing the roads. Rain returned on Tuesday."
    found = infer_published(text)
    assert (found.date, found.window) == (None, ("2022-09-14", "2022-09-14"))


def test_two_days_left_give_no_date_but_a_window() -> None:
    found = infer_published(FLOOD + "On Tuesday, crews began clearing the roads.")
    assert (found.date, found.window) == (None, ("2022-09-13", "2022-09-14"))


def test_an_explicit_date_alone_leaves_the_week_open() -> None:
    found = infer_published(FLOOD)
    assert (found.date, found.window) == (None, ("2022-09-08", "2022-09-14"))


@pytest.mark.parametrize(
    "text",
    [
        "Residents returned on Tuesday and found their homes damaged.",
        "The bridge reopened yesterday, officials said.",
        "Crews will meet on September 20, 2022 to plan the repairs.",  # a future date bounds nothing
        "",
    ],
)
def test_no_explicit_date_gives_nothing(text: str) -> None:
    found = infer_published(text)
    assert (found.date, found.window) == (None, None)


def test_weekday_named_with_a_date_refers_to_it_and_a_later_weekday_moves_the_window() -> None:
    text = FLOOD + "Late Thursday, on September 8, the river peaked. The mayor said on Friday that power was back."
    found = infer_published(text)
    assert (found.date, found.window) == (None, ("2022-09-09", "2022-09-14"))


def test_today_next_to_a_weekday_pins_the_day() -> None:
    found = infer_published(FLOOD + "Schools stay closed today, Tuesday, officials said.")
    assert found.date == "2022-09-13"
    assert infer_published(FLOOD + "Schools stayed closed on Tuesday, and reopen today.").date is None  # not next to it


def test_yesterday_next_to_a_date_pins_the_day() -> None:
    found = infer_published("The dam gave way yesterday (September 8, 2022), officials said.")
    assert found.date == "2022-09-09"


def test_a_date_written_with_the_wrong_weekday_is_not_evidence() -> None:
    found = infer_published("The dam gave way on Friday, Sept. 8, 2022. Schools stay closed today, Monday.")
    assert (found.date, found.window) == (None, None)


def test_month_day_takes_its_year_from_a_hint() -> None:
    text = "The dam gave way on Sept. 8. Schools stay closed today, Monday."
    assert infer_published(text, year=2022).date == "2022-09-12"
    assert infer_published(text).date is None  # no year: no date


def test_leap_day() -> None:
    text = "The storm hit the coast on February 29, 2024. Schools stay closed today, Tuesday, officials said."
    assert infer_published(text).date == "2024-03-05"
    assert infer_published("The storm hit on Feb. 29. Schools stay closed today, Tuesday.", year=2023).window is None


def test_year_boundary() -> None:
    text = "The storm struck on December 30, 2022. Power returned on Jan. 2. Schools reopen today, Wednesday."
    found = infer_published(text)
    assert (found.date, found.window) == ("2023-01-04", ("2023-01-04", "2023-01-04"))


def test_weekdays_that_disagree_give_nothing() -> None:
    text = FLOOD + "Schools stay closed today, Tuesday. Shops stay closed today, Friday."
    assert infer_published(text).date is None


def test_the_undated_example_report_stays_undated() -> None:
    found = infer_published((EXAMPLES / "10_plainview_undated.txt").read_text())
    assert (found.date, found.window) == (None, None)
