"""Holidays that name a day are DATEs on that day (our own sentences)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time import tag
from storyline.time.gates import HOLIDAY_WORDS
from storyline.time.holidays import HOLIDAYS, easter

MARCH_4 = date(1998, 3, 4)


def found(text: str, dct: date | None = MARCH_4) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The border reopened on Christmas Day.", ("Christmas Day", "DATE", "1997-12-25")),
        ("The truce was signed on New Year's Day.", ("New Year's Day", "DATE", "1998-01-01")),
        ("The ferry will not sail on Good Friday.", ("Good Friday", "DATE", "1998-04-10")),
        ("The shelling stopped over Easter.", ("Easter", "DATE", "1997-03-30")),
        ("The plant will reopen after Easter.", ("Easter", "DATE", "1998-04-12")),
        ("The rebels struck last Christmas.", ("last Christmas", "DATE", "1997-12-25")),
        ("The siege began on Easter Monday 1916.", ("Easter Monday 1916", "DATE", "1916-04-24")),
        ("Talks stalled before Thanksgiving.", ("Thanksgiving", "DATE", "1997-11-27")),
    ],
)
def test_a_holiday_is_the_date_of_its_day_in_the_year_the_tense_gives(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["Christmas shopping slowed.", "The shop sold Easter eggs."],
)
def test_a_holiday_word_that_describes_something_is_no_time(text: str) -> None:
    assert found(text) == []


def test_a_holiday_is_written_with_its_capitals() -> None:
    assert found("It was a good Friday for the market.") == [("Friday", "DATE", "1998-02-27")]


def test_without_a_report_date_a_holiday_needs_its_year() -> None:
    assert found("The siege began on Easter Monday.", None) == []
    assert found("The siege began on Easter Monday 1916.", None) == [("Easter Monday 1916", "DATE", "1916-04-24")]


@given(st.integers(min_value=1583, max_value=2400))
def test_easter_is_a_sunday_between_march_22_and_april_25(year: int) -> None:
    day = easter(year)
    assert day.weekday() == 6 and date(year, 3, 22) <= day <= date(year, 4, 25)


@given(
    st.sampled_from(sorted(set(HOLIDAYS) - {"Election Day", "Inauguration Day"})),  # yearly ones
    st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)),
    st.sampled_from([("was closed on", "past"), ("will be closed on", "future")]),
)
def test_a_holiday_falls_on_the_side_of_the_report_its_tense_says(
    name: str, dct: date, verb_tense: tuple[str, str]
) -> None:
    verb, tense = verb_tense
    values = [value for _, _, value in found(f"The office {verb} {name}.", dct)]
    assert len(values) == 1
    day = date.fromisoformat(values[0])
    assert (day <= dct) if tense == "past" else (day >= dct)
    assert abs((day - dct).days) <= 400  # the nearest one (Easter moves by up to five weeks)


def test_every_holiday_name_opens_the_gate_of_its_rule() -> None:
    assert all(any(word in name for word in HOLIDAY_WORDS) for name in HOLIDAYS)


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("The ferry will not sail between Christmas and New Year's.", date(2024, 12, 2), "2025-01-01"),
        ("The firm closed for New Year's.", date(2024, 3, 12), "2024-01-01"),
    ],
)
def test_new_years_alone_is_january_first(text: str, dct: date, value: str) -> None:
    assert [t.value for t in tag(text, dct) if t.text.startswith("New")] == [value]


@pytest.mark.parametrize(
    "text", ["He made New Year's resolutions.", "The Lunar New Year's Day parade was cancelled in Hong Kong."]
)
def test_new_years_before_a_noun_or_of_another_calendar_is_no_date(text: str) -> None:
    assert [t for t in tag(text, date(2024, 3, 12)) if t.text.startswith("New")] == []


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("Turnout will be counted on Election Day.", date(2024, 3, 12), ("Election Day", "DATE", "2024-11-05")),
        ("The pool closed after Labor Day.", date(2023, 9, 28), ("Labor Day", "DATE", "2023-09-04")),
        ("The beach will open on Memorial Day.", date(2024, 3, 12), ("Memorial Day", "DATE", "2024-05-27")),
        ("The clinic was closed for Veterans Day.", date(2022, 11, 26), ("Veterans Day", "DATE", "2022-11-11")),
        ("Police will add patrols on Halloween.", date(2024, 8, 3), ("Halloween", "DATE", "2024-10-31")),
        (
            "The vote fell on Martin Luther King Jr. Day.",
            date(2025, 3, 1),
            ("Martin Luther King Jr. Day", "DATE", "2025-01-20"),
        ),
        ("The bill was signed on Presidents' Day.", date(2024, 3, 12), ("Presidents' Day", "DATE", "2024-02-19")),
        (
            "Florists expect record sales before Mother's Day.",
            date(2024, 3, 12),
            ("Mother's Day", "DATE", "2024-05-12"),
        ),
        ("The strike began on Father's Day 2019.", date(2024, 3, 12), ("Father's Day 2019", "DATE", "2019-06-16")),
        ("Crowds gathered for Bastille Day.", date(2016, 8, 10), ("Bastille Day", "DATE", "2016-07-14")),
    ],
)
def test_a_us_or_western_holiday_is_the_date_of_its_day(text: str, dct: date, expected: tuple[str, str, str]) -> None:
    assert found(text, dct) == [expected]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("Both campaigns are spending heavily before Election Day.", date(2015, 9, 20), "2016-11-08"),
        ("The senator lost on Election Day.", date(2015, 9, 20), "2014-11-04"),
        ("Protests are planned for Inauguration Day.", date(2016, 3, 1), "2017-01-20"),
        ("He urged people to vote for him on Election Day.", date(2016, 8, 10), "2016-11-08"),
    ],
)
def test_an_election_day_is_the_coming_one_unless_told_in_the_past_within_a_year_of_the_last(
    text: str, dct: date, value: str
) -> None:
    assert [t.value for t in tag(text, dct)] == [value]


@pytest.mark.parametrize("text", ["Stores sold out of Halloween costumes.", "The price of Halloween candy rose."])
def test_a_bare_holiday_name_after_of_that_describes_a_noun_is_no_time(text: str) -> None:
    assert found(text) == []
