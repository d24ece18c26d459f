"""Dates, weekdays and parts of the day: TIMEX3 values on the day they hang on (our own sentences)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time import tag

THURSDAY = date(2022, 9, 8)


def found(text: str, dct: date | None = THURSDAY) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.date) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council meets this morning.", ("this morning", "2022-09-08TMO", "2022-09-08")),
        ("The results come later this afternoon.", ("later this afternoon", "2022-09-08TAF", "2022-09-08")),
        ("The ferry docks this evening.", ("this evening", "2022-09-08TEV", "2022-09-08")),
        ("Sirens sounded last night.", ("last night", "2022-09-07TNI", "2022-09-07")),
        ("The choir sang on Tuesday evening.", ("Tuesday evening", "2022-09-06TEV", "2022-09-06")),
        ("The storm hit early Monday morning.", ("early Monday morning", "2022-09-05TMO", "2022-09-05")),
        ("Rain fell yesterday afternoon.", ("yesterday afternoon", "2022-09-07TAF", "2022-09-07")),
        ("The roof gave way mid-afternoon yesterday.", ("mid-afternoon yesterday", "2022-09-07TAF", "2022-09-07")),
    ],
)
def test_parts_of_the_day_are_times_on_their_day(text: str, expected: tuple[str, str, str]) -> None:
    span, value, day = expected
    assert found(text) == [(span, "TIME", value, day)]


def test_a_part_of_the_day_without_a_report_date_keeps_its_code() -> None:
    assert found("The choir sang on Tuesday evening.", None) == [("Tuesday evening", "TIME", "XXXX-WXX-2TEV", None)]


def test_a_weekday_with_a_plural_part_of_the_day_recurs() -> None:
    assert found("The market opens Sunday mornings.") == [("Sunday mornings", "SET", "XXXX-WXX-7TMO", None)]


def test_a_weekday_coordinated_with_a_plural_part_shares_it() -> None:
    assert found("The hall is open Monday and Tuesday nights.") == [
        ("Monday", "SET", "XXXX-WXX-1TNI", None),
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI", None),
    ]


def test_a_weekday_coordinated_with_another_weekday_stays_a_date() -> None:
    assert found("The hall was open Monday and Tuesday.") == [
        ("Monday", "DATE", "2022-09-05", "2022-09-05"),
        ("Tuesday", "DATE", "2022-09-06", "2022-09-06"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry sank on the tenth of September.", ("the tenth of September", "2022-09-10")),
        ("The ferry sank on the twenty-first of August, 2021.", ("the twenty-first of August, 2021", "2021-08-21")),
        ("The vote is on September twentieth.", ("September twentieth", "2022-09-20")),
        ("The vote is on October the first.", ("October the first", "2022-10-01")),
    ],
)
def test_a_day_said_as_an_ordinal_word_is_a_date(text: str, expected: tuple[str, str]) -> None:
    assert [(t.text, t.date) for t in tag(text, date(2022, 9, 12))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fund ran dry on Monday, August the 29th.", ("Monday, August the 29th", "2022-08-29")),
        ("The talks resume on October the 3rd, 2022.", ("October the 3rd, 2022", "2022-10-03")),
    ],
)
def test_a_month_then_the_and_an_ordinal_in_figures_is_a_date(text: str, expected: tuple[str, str]) -> None:
    assert [(t.text, t.date) for t in tag(text, date(2022, 9, 12))] == [expected]


def test_a_month_then_the_and_a_plain_number_is_no_date() -> None:
    assert [t.text for t in tag("In June the 12 members met.", date(2022, 9, 12))] == ["June"]


def test_a_month_before_an_ordinal_that_qualifies_a_noun_is_only_the_month() -> None:
    assert [t.text for t in tag("June second-quarter sales rose.", date(2022, 9, 12))] == ["June", "second-quarter"]


def test_the_previous_weekday_takes_its_determiner_into_the_extent() -> None:
    """TIMEX3 spans "the previous Friday" whole, as it does "the previous day"."""
    assert [t.text for t in tag("Shares closed below the previous Friday's level.", THURSDAY)] == [
        "the previous Friday"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The museum reopens the week of Sept. 12.", ("the week of Sept. 12", "2022-W37", "2022-09")),
        ("The vote was held the week of Aug. 29.", ("the week of Aug. 29", "2022-W35", None)),
    ],
)
def test_the_week_of_a_day_is_that_week(text: str, expected: tuple[str, str, str | None]) -> None:
    """TIMEX3 values "the week of Sept. 12" as the week that holds the day; a week across two months has no
    calendar month."""
    span, value, day = expected
    assert found(text) == [(span, "DATE", value, day)]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
def test_the_week_of_any_day_holds_that_day(day: date) -> None:
    month = day.strftime("%B")
    values = [t.value for t in tag(f"The fair opens the week of {month} {day.day}, {day.year}.", THURSDAY)]
    year, week, _ = day.isocalendar()
    assert values == [f"{year}-W{week:02d}"]


@pytest.mark.parametrize(
    "text",
    [
        "The central bank raised the overnight rate to 5%.",
        "Banks paid more for overnight loans.",
        "Overnight interbank rates rose.",
    ],
)
def test_overnight_before_a_rate_or_a_loan_names_an_instrument_not_a_night(text: str) -> None:
    assert found(text) == []


def test_overnight_before_other_nouns_is_still_the_night_before() -> None:
    assert found("Shares fell after overnight losses in Tokyo.")[0][:3] == ("overnight", "TIME", "2022-09-07TNI")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike began on Aug. 28, a Sunday, at the docks.", ("a Sunday", "2022-08-28")),
        ("The strike began on Aug. 28, Sunday, at the docks.", ("Sunday", "2022-08-28")),
        ("The hearing is set for Sept. 21, a Wednesday.", ("a Wednesday", "2022-09-21")),
    ],
)
def test_a_weekday_set_off_after_a_date_it_fell_on_is_that_date(text: str, expected: tuple[str, str]) -> None:
    span, value = expected
    assert found(text)[-1] == (span, "DATE", value, value)


def test_a_weekday_after_a_date_of_another_weekday_keeps_its_own_reading() -> None:
    # Aug. 27, 2022 was a Saturday: the writer's slip is left as written, each read on its own
    assert found("The strike began on Aug. 27, a Sunday, at the docks.")[-1] == (
        "Sunday",
        "DATE",
        "2022-09-04",
        "2022-09-04",
    )


def test_a_weekday_after_a_date_and_a_clause_is_not_in_apposition() -> None:
    assert found("After the fire on Aug. 28, crews worked until Sunday.")[-1] == (
        "Sunday",
        "DATE",
        "2022-09-04",
        "2022-09-04",
    )


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("The memo dated 10/19/87 was read aloud.", date(1990, 3, 14), ("10/19/87", "1987-10-19")),
        ("The lease signed on 11/30/23 runs on.", date(2024, 3, 12), ("11/30/23", "2023-11-30")),
        ("The offer is open until 1/15/31.", date(2024, 3, 12), ("1/15/31", "2031-01-15")),
    ],
)
def test_a_numeric_date_with_a_two_digit_year_takes_the_century_up_to_ten_years_ahead(
    text: str, dct: date, expected: tuple[str, str]
) -> None:
    span, value = expected
    assert found(text, dct) == [(span, "DATE", value, value)]


@pytest.mark.parametrize("text", ["Gear ratios of 3/4/12 were tested.", "The vote split 5/4/12 across the wards."])
def test_a_slashed_triple_without_a_word_that_introduces_a_date_is_no_date(text: str) -> None:
    assert found(text) == []


# 2024-01-10 is a Wednesday
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The kiln cracked two Fridays ago.", ("two Fridays ago", "2023-12-29")),
        ("The ferry stopped running three Mondays ago.", ("three Mondays ago", "2023-12-25")),
        ("Its last inspection was two Wednesdays ago.", ("two Wednesdays ago", "2023-12-27")),
    ],
)
def test_a_counted_weekday_ago_is_that_day_weeks_back_not_a_set(text: str, expected: tuple[str, str]) -> None:
    assert [(t.text, t.type, t.value) for t in tag(text, date(2024, 1, 10))] == [(*expected[:1], "DATE", expected[1])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The hall was repainted the week before last.", ("the week before last", "2023-W52")),
        ("The regatta is set for the week after next.", ("the week after next", "2024-W04")),
        ("The fair drew crowds the weekend before last.", ("the weekend before last", "2023-W52-WE")),
        ("The fair returns the weekend after next.", ("the weekend after next", "2024-W03-WE")),
        ("The jury will sit again the Monday after next.", ("the Monday after next", "2024-01-22")),
        ("The council met the Thursday before last.", ("the Thursday before last", "2023-12-28")),
    ],
)
def test_before_last_and_after_next_are_one_week_beyond_last_and_next(text: str, expected: tuple[str, str]) -> None:
    assert [(t.text, t.value) for t in tag(text, date(2024, 1, 10))] == [expected]


def test_before_last_without_a_report_date_keeps_its_unit() -> None:
    assert [t.value for t in tag("The vote came the week before last.", None)] == ["XXXX-WXX"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Monday's ruling will reverberate through every council.", "2024-03-04"),  # a Wednesday report
        ("Tuesday 's count will be checked again by hand.", "2024-03-05"),  # tokenised text
        ("The results of Monday's vote will be read out at noon.", "2024-03-04"),
    ],
)
def test_a_possessive_weekday_one_or_two_days_back_is_that_day_whatever_the_tense(text: str, value: str) -> None:
    assert tag(text, date(2024, 3, 6))[0].value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thursday's quake killed four people in the valley.", "2024-02-29"),  # two days ahead, told in the past
        ("Friday's meeting will settle the budget.", "2024-03-08"),
        ("The mayor toured the wards ahead of Monday's vote.", "2024-03-11"),
    ],
)
def test_a_possessive_weekday_further_off_or_after_ahead_of_keeps_its_tense(text: str, value: str) -> None:
    assert tag(text, date(2024, 3, 6))[0].value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ferry trial was due to begin on Tuesday, but the crew found a leak.", "2024-03-05"),
        ("The harbour board was to meet on Friday to vote on the new fees.", "2024-03-08"),
        ("The lock gates were scheduled to close on Sunday for repairs.", "2024-03-10"),
        ("The inquiry, which was set to open on Monday, has been moved to a larger hall.", "2024-03-04"),
        ("Two tugs were expected to reach the wreck on Thursday, a coastguard spokesman said.", "2024-03-07"),
        ("More buses were to be laid on for Saturday if needed.", "2024-03-09"),
        ("The ferry company would not comment on Tuesday on the cause of the fire.", "2024-03-05"),
        ("The council said it would light the bridge in blue on Monday night.", "2024-03-04TNI"),
        ("The owners said they would reopen the gates on Friday.", "2024-03-08"),
    ],
)
def test_a_weekday_a_plan_told_in_the_past_names_is_just_past_or_coming(text: str, value: str) -> None:
    assert [t.value for t in tag(text, date(2024, 3, 6)) if "day" in t.text][-1] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The crew was due to sail when the storm struck on Sunday.", "2024-03-03"),  # a past verb between
        ("The ferry was to blame for Monday's delay.", "2024-03-04"),
        ("The talks were due to end last Friday.", "2024-03-01"),
        ("The pier was due to reopen, and it did so on Saturday.", "2024-03-02"),
        ("The council said it would light the bridge on Tuesday next week.", "2024-03-12"),
        ("The mayor would have spoken on Monday.", "2024-03-04"),
        ("The board said on Wednesday that it would meet on Monday.", "2024-03-11"),  # said on the report's day
        ("The board said today that it would meet on Monday.", "2024-03-11"),
    ],
)
def test_a_weekday_after_a_past_verb_or_with_its_own_modifier_is_not_read_as_a_plans_day(text: str, value: str) -> None:
    assert [t.value for t in tag(text, date(2024, 3, 6)) if "day" in t.text][-1] == value


def test_the_end_of_a_range_a_plan_names_is_ordered_from_its_start() -> None:
    found = tag("The union said it would hold rallies from Thursday to Monday.", date(2024, 3, 6))
    assert [t.value for t in found] == ["2024-03-07", "2024-03-11"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The mayor told reporters on Monday that she would not run again.", "2024-03-04"),
        ("Asked on Tuesday whether the pier would reopen, the engineer shook his head.", "2024-03-05"),
        ("The count for Monday would be higher if the rain stopped.", "2024-03-04"),
    ],
)
def test_a_weekday_with_a_would_after_it_as_its_nearest_verb_is_just_past_or_coming(text: str, value: str) -> None:
    assert [t.value for t in tag(text, date(2024, 3, 6)) if "day" in t.text] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The mayor said on Wednesday that the vote on Monday would be close.", "2024-03-11"),  # said today
        ("The mayor spoke on Monday, and the board met later; the plan would cost more.", "2024-03-04"),
        ("The board will meet on Monday and would vote then.", "2024-03-11"),  # "will" is nearer
    ],
)
def test_a_weekday_whose_would_is_not_its_nearest_verb_or_was_said_today_keeps_its_reading(
    text: str, value: str
) -> None:
    assert [t.value for t in tag(text, date(2024, 3, 6)) if "day" in t.text][-1] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # in a Sunday report: the owned happening is coming, whatever the sentence's tense
        ("The governor's gaffe just days before Tuesday's runoff has cheered her rivals.", "2024-03-12"),
        ("The two camps were scrambling for endorsements before Wednesday's debate.", "2024-03-13"),
        ("Volunteers painted the booths before opening Thursday's fair.", "2024-03-14"),
        ("Its own weekday: even before Sunday's count is done, both sides claim victory.", "2024-03-10"),
    ],
)
def test_a_possessive_weekday_after_before_is_coming(text: str, value: str) -> None:
    assert [t.value for t in tag(text, date(2024, 3, 10)) if "day" in t.text] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The clerk had been warned just before Tuesday's vote that the ballots were short.", "2024-03-05"),
        ("The clerk had already resigned before Wednesday's hearing.", "2024-03-06"),
    ],
)
def test_a_possessive_weekday_after_before_under_a_past_perfect_keeps_its_past_reading(text: str, value: str) -> None:
    assert [t.value for t in tag(text, date(2024, 3, 10)) if "day" in t.text] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # in a Wednesday report, Monday is two days back: told in the past it is that day, in the future the next
        ("A survey taken before Monday's runoff showed a tie.", "2024-03-04"),
        ("Donors ask whether he will quit before Monday's runoff.", "2024-03-11"),
    ],
)
def test_a_possessive_weekday_after_before_a_day_or_two_back_follows_the_tense(text: str, value: str) -> None:
    assert [t.value for t in tag(text, date(2024, 3, 6)) if "day" in t.text] == [value]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # the day that ends the noun phrase of an event after "ahead of" is coming, even told in the past
        ("Ministers met ahead of a summit of regional leaders on Monday.", date(2024, 3, 8), "2024-03-11"),
        ("The race grew nastier ahead of the state's hard-fought Tuesday primary.", date(2024, 3, 8), "2024-03-12"),
        ("Crews may finish by Sunday, ahead of the scheduled reopening on Monday.", date(2024, 3, 7), "2024-03-11"),
        # ... except one or two days back told in the past, and a day with a verb between
        ("The senator was asked ahead of his second rally of the day on Tuesday.", date(2024, 3, 6), "2024-03-05"),
        ("He spoke ahead of a meeting he attended on Monday.", date(2024, 3, 8), "2024-03-04"),
    ],
)
def test_a_weekday_ending_an_event_after_ahead_of_is_coming(text: str, dct: date, value: str) -> None:
    assert [t.value for t in tag(text, dct) if t.text.endswith("day")][-1] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a weekday right after "for" names what something is for: one or two days ahead it is the coming one,
        # even told in the past (a Thursday, 2024-03-14, report)
        ("Organisers set a capacity of 9,000 for Saturday's match.", "2024-03-16"),
        ("The senator filed testimony for Friday's hearing.", "2024-03-15"),
        ("Fishermen planned a protest for Saturday at the harbour.", "2024-03-16"),
        # ... and one right after "by", a deadline, but not the agent of a passive ("hit by Saturday's storm")
        ("The mayor said the pier could be reopened by Saturday.", "2024-03-16"),
        ("The pier was hit by Saturday's storm.", "2024-03-09"),
        # ... further ahead, a day or two back, or without "for", the other readings stand
        ("Viewers for Sunday's final were fewer than expected.", "2024-03-10"),
        ("The total for Wednesday came to 400 barrels.", "2024-03-13"),
        ("The pier opened on Saturday.", "2024-03-09"),
        ("Crews readied the stands for last Saturday's match.", "2024-03-09"),
    ],
)
def test_a_weekday_just_ahead_after_for_or_by_is_the_coming_one(text: str, value: str) -> None:
    assert [t.value for t in tag(text, date(2024, 3, 14)) if t.text.endswith("day")] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crews flew in following Tuesday's landslide.", ("Tuesday", "2022-09-06")),
        ("Shares slid following Monday night's vote.", ("Monday night", "2022-09-05TNI")),
        ("Schools will reopen following Monday's holiday.", ("Monday", "2022-09-12")),
    ],
)
def test_following_without_the_before_a_weekday_is_a_preposition(text: str, expected: tuple[str, str]) -> None:
    assert [(t.text, t.value) for t in tag(text, THURSDAY)] == [expected]


def test_the_following_weekday_is_the_one_after_the_report() -> None:
    assert [(t.text, t.value) for t in tag("The vote was held the following Tuesday.", THURSDAY)] == [
        ("the following Tuesday", "2022-09-13")
    ]
