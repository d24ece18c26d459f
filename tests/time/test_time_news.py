"""News constructions (``storyline.time.news``), and the readings of other modules they came with:
sets such as "biweekly", "overnight", clock times without a day, "the coming weeks"."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time import tag
from storyline.time.focus import Focus, follow
from storyline.time.news import ordinal_day_date

TUESDAY = date(2024, 3, 12)
FRIDAY = date(2023, 5, 5)


def found(text: str, dct: date | None = TUESDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


def test_an_amount_from_a_weekday_is_that_many_days_after_the_coming_one() -> None:
    assert found("The council will vote a week from Tuesday on the budget.", FRIDAY) == [
        ("a week from Tuesday", "DATE", "2023-05-16")
    ]
    assert found("Bids close ten days from June 3.", FRIDAY) == [("ten days from June 3", "DATE", "2023-06-13")]


def test_an_amount_from_tomorrow_counts_from_tomorrow() -> None:
    assert found("The ward reopens three days from tomorrow.") == [("three days from tomorrow", "DATE", "2024-03-16")]


def test_the_early_hours_of_a_day_are_its_morning() -> None:
    assert found("The tremor struck in the early hours of Sunday.") == [
        ("the early hours of Sunday", "TIME", "2024-03-10TMO")
    ]
    assert found("Two ships collided in the small hours of June 12.", date(2025, 6, 15)) == [
        ("the small hours of June 12", "TIME", "2025-06-12TMO")
    ]


def test_dawn_and_dusk_with_a_day_are_its_morning_and_evening() -> None:
    assert found("Rescuers reached the village at dawn on Wednesday.", FRIDAY) == [
        ("dawn on Wednesday", "TIME", "2023-05-03TMO")
    ]
    assert found("The curfew begins at dusk tomorrow.") == [("dusk tomorrow", "TIME", "2024-03-13TEV")]


def test_dawn_without_a_day_takes_the_day_named_before_it() -> None:
    assert found("On Sunday the troops moved in at dawn.") == [
        ("Sunday", "DATE", "2024-03-10"),
        ("dawn", "TIME", "2024-03-10TMO"),
    ]


@pytest.mark.parametrize(
    "text", ["The Senate kept a sunset clause.", "It was the dawn of a new era.", "Dusk fell over the hills."]
)
def test_dawn_and_sunset_as_nouns_without_at_or_a_day_are_no_time(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The drive will start in the third week of May.", "2024-W20"),  # May 15, 2024 is in week 20
        ("Hotels were full in the first week of July 2023.", "2023-W26"),
        ("The works will end in the last week of June.", "2024-W26"),
    ],
)
def test_a_week_of_a_month_is_the_iso_week_holding_its_days(text: str, value: str) -> None:
    (span, kind, got), *rest = found(text)
    assert (span.startswith("the "), kind, got, rest) == (True, "DATE", value, [])


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Revenue rose 8 percent in Q2 2024.", "Q2 2024", "2024-Q2"),
        ("Margins fell in 2023 Q4.", "2023 Q4", "2023-Q4"),
        ("Sales jumped in Q4'23.", "Q4'23", "2023-Q4"),
        ("Deliveries will recover in Q3.", "Q3", "2024-Q3"),
        ("Orders picked up in Q1.", "Q1", "2024-Q1"),
        ("Net income doubled in H2.", "H2", "2023-H2"),  # told in March: last year's second half
        ("The chipmaker expects a recovery in H2 2025.", "H2 2025", "2025-H2"),
        ("The ministry's budget for FY2025 was cut.", "FY2025", "2025"),
        ("Spending rises in FY25.", "FY25", "2025"),
    ],
)
def test_quarter_half_and_fiscal_codes(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DATE", value)]


@pytest.mark.parametrize(
    "text",
    [
        "The H5 strain spread.",
        "The plane is a Q400.",
        "They met at q3 hall.",
        "The H1 gene has been with us since the ice age.",
        "It was an H1 flu virus, rather than H1 which spread less.",
        "Doctors saw it in H1 swine flu cases.",
    ],
)
def test_codes_that_are_names_are_no_time(text: str) -> None:
    assert found(text) == []


def test_a_two_year_season_is_the_year_it_starts() -> None:
    assert found("She scored 21 goals in the 2023-24 season.") == [("the 2023-24 season", "DATE", "2023")]
    assert found("Fees rise for the 2024/25 school year.") == [("the 2024/25 school year", "DATE", "2024")]


def test_a_range_of_years_before_a_season_word_is_no_season() -> None:
    assert ("the 1990-95 season", "DATE", "1990") not in found("Scores fell over the 1990-95 season.")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The inquiry heard evidence on the 5th.", "2024-03-05"),
        ("The inquiry heard evidence on the 20th.", "2024-02-20"),  # a past day after the DCT's: last month's
        ("The application window closes on the 20th.", "2024-03-20"),
        ("Applications will close on the 5th.", "2024-04-05"),  # a future day before the DCT's: next month's
        ("Strikers walked out on the 12th and returned later.", "2024-03-12"),
    ],
)
def test_a_bare_ordinal_day_is_read_in_the_report_month(text: str, value: str) -> None:
    spans = found(text)
    assert spans[0][:3] == (spans[0][0], "DATE", value) and spans[0][0].startswith("the ")


@pytest.mark.parametrize(
    "text", ["He lives on the 5th floor.", "She won on the 12th hole.", "It fell in the 19th round."]
)
def test_an_ordinal_before_a_noun_is_no_day(text: str) -> None:
    assert found(text) == []


@given(st.dates(date(1950, 1, 1), date(2090, 12, 31)), st.integers(1, 31), st.sampled_from(["past", "future"]))
def test_an_ordinal_day_lies_on_the_side_of_the_report_its_tense_says(dct: date, day: int, tense: str) -> None:
    d = ordinal_day_date(dct, day, tense)  # type: ignore[arg-type]
    if d is not None:
        assert d.day == day
        assert (d <= dct) if tense == "past" else (d >= dct)
        assert abs((d - dct).days) <= 31


def test_the_months_ahead_and_the_coming_weeks_are_the_future() -> None:
    assert found("Prices could rise in the months ahead.") == [("the months ahead", "DATE", "FUTURE_REF")]
    assert found("More evacuations are likely in the coming weeks.") == [("the coming weeks", "DATE", "FUTURE_REF")]


def test_recent_days_are_the_past_and_recent_years_a_span() -> None:
    assert found("Fighting has intensified in recent days.") == [("recent days", "DATE", "PAST_REF")]
    assert found("Rents have risen in recent years.") == [("recent years", "DURATION", "PXY")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The pension fund reports its holdings semiannually.", "semiannually", "P6M"),
        ("The newsletter is published biweekly.", "biweekly", "P2W"),
        ("The board meets fortnightly.", "fortnightly", "P2W"),
        ("The company pays a dividend quarterly.", "quarterly", "P1Q"),
        ("Bins are collected every other week.", "every other week", "P2W"),
        ("The board reviews the budget every quarter.", "every quarter", "P1Q"),
        ("Each quarter the fund reports its holdings.", "Each quarter", "P1Q"),
        ("The shuttle runs every other day.", "every other day", "P2D"),
    ],
)
def test_how_often_words_are_sets(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "SET", value)]


@pytest.mark.parametrize(
    "text",
    ["The company cut its quarterly dividend.", "A biweekly newsletter went out.", "It had its first quarterly loss."],
)
def test_how_often_words_that_describe_a_noun_are_no_set(text: str) -> None:
    assert found(text) == []


def test_a_run_of_years_keeps_running_in_its_extent() -> None:
    assert found("The city topped the survey three years running.") == [("three years running", "DURATION", "P3Y")]
    assert found("Exports fell for five months in a row.") == [("five months in a row", "DURATION", "P5M")]


def test_overnight_is_the_night_before_the_report_and_dates_events_on_the_report_day() -> None:
    (expr,) = tag("Firefighters battled the blaze overnight.", TUESDAY)
    assert (expr.text, expr.type, expr.value, expr.date) == ("overnight", "TIME", "2024-03-11TNI", "2024-03-12")


def test_overnight_is_the_night_before_the_day_named_just_before() -> None:
    dct = date(1999, 11, 1)
    first = tag("Shares closed lower on Friday.", dct)
    focus = follow(Focus(), first, dct)
    second = tag("Traders blamed overnight losses abroad.", dct, focus=focus)
    assert [(t.text, t.value, t.date) for t in first + second] == [
        ("Friday", "1999-10-29", "1999-10-29"),
        ("overnight", "1999-10-28TNI", "1999-10-29"),
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [("The launch is set for 3 p.m. ET.", "3 p.m. ET"), ("The vote closes at 8 p.m. local time.", "8 p.m. local time")],
)
def test_a_clock_time_keeps_its_zone_and_takes_the_report_day(text: str, span: str) -> None:
    (got, kind, value), *rest = found(text)
    assert (got, kind, value[:10], rest) == (span, "TIME", "2024-03-12", [])


def test_should_places_a_holiday_ahead() -> None:
    assert found("The tunnel should be finished by New Year's Eve.", date(2023, 9, 28)) == [
        ("New Year's Eve", "DATE", "2023-12-31")
    ]


@pytest.mark.parametrize("text", ["The March for Science drew thousands.", "They joined a March against the war."])
def test_a_named_march_is_no_month(text: str) -> None:
    assert found(text) == []


def test_march_the_month_is_still_a_month() -> None:
    assert found("The plant reopened in March.") == [("March", "DATE", "2024-03")]


def test_an_amount_from_today_keeps_the_granularity_of_its_unit() -> None:
    # as TimeBank writes "six weeks ago": the week, not the day (a named day after "from" gives a day)
    assert found("It ends two weeks from today.") == [("two weeks from today", "DATE", "2024-W13")]


def test_a_clock_time_read_on_the_report_day_anchors_nothing_after_it() -> None:
    first = tag("Crews arrived at 3 p.m.", TUESDAY)
    assert [(t.value, t.date) for t in first] == [("2024-03-12T15:00", None)]
    assert follow(Focus(), first, TUESDAY).anchor is None


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The bridge opened at the turn of the century.", "the turn of the century", "2000"),
        ("The mill dates from the turn of the 20th century.", "the turn of the 20th century", "1900"),
        ("Rents fell after the turn of the millennium.", "the turn of the millennium", "2000"),
    ],
)
def test_the_turn_of_a_century_is_its_first_year(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DATE", value)]


@pytest.mark.parametrize(
    ("text", "value"), [("The siege has lasted 1,500 days.", "P1500D"), ("It took 2,000 years.", "P2000Y")]
)
def test_an_amount_written_with_thousands_commas_is_counted_whole(text: str, value: str) -> None:
    ((span, kind, got),) = found(text)
    assert (span[:1].isdigit(), kind, got) == (True, "DURATION", value)


def test_a_weekday_before_a_name_without_the_is_still_a_day() -> None:
    assert found("On Monday President Ruiz said the border would reopen.") == [("Monday", "DATE", "2024-03-11")]


def test_an_amount_ago_beyond_the_calendar_is_the_past() -> None:
    assert found("The rocks formed 200,000 years ago.") == [("200,000 years ago", "DATE", "PAST_REF")]
    assert found("The seal holds 20,000 years from now.") == [("20,000 years from now", "DATE", "FUTURE_REF")]


def test_a_few_thousand_years_ago_is_past_the_calendar_start() -> None:
    assert found("The town was founded 2,500 years ago.") == [("2,500 years ago", "DATE", "PAST_REF")]


@given(
    st.integers(0, 10**7),
    st.sampled_from(["days", "weeks", "months", "years", "decades", "hours"]),
    st.sampled_from(["ago", "from now", "earlier", "later", "from Tuesday", "from June 3"]),
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
)
def test_any_amount_of_time_counted_from_a_day_tags_without_error(n: int, unit: str, way: str, dct: date) -> None:
    text = f"It happened {n:,} {unit} {way}."
    assert all(t.value for t in tag(text, dct))


@pytest.mark.parametrize(
    ("text", "dct", "span", "value"),
    [
        ("The grocer's margin widened in the June quarter.", date(2021, 8, 4), "the June quarter", "2021-Q2"),
        ("Output will climb in its December quarter.", date(2021, 8, 4), "its December quarter", "2021-Q4"),
        ("Freight volumes fell in the Sept. quarter.", date(2022, 1, 19), "the Sept. quarter", "2021-Q3"),
    ],
)
def test_a_quarter_named_by_its_last_month_is_that_quarter(text: str, dct: date, span: str, value: str) -> None:
    assert [(t.text, t.value) for t in tag(text, dct)] == [(span, value)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The levy applies from the first day of the year.", "the first day of the year", "2024-01-01"),
        ("Bills fall due on the last day of the month.", "the last day of the month", "2024-03-31"),
        ("The old rates ended on the last day of last month.", "the last day of last month", "2024-02-29"),
        ("The lease runs out on the final day of 2026.", "the final day of 2026", "2026-12-31"),
    ],
)
def test_the_first_or_last_day_of_a_year_or_month_is_that_day(text: str, span: str, value: str) -> None:
    assert [(t.text, t.value) for t in tag(text, TUESDAY)] == [(span, value)]


@pytest.mark.parametrize("gap", ["\n", "  ", "\t"])
def test_the_early_hours_of_a_day_are_read_across_any_white_space(gap: str) -> None:
    found = tag(f"The dam was breached in the early hours{gap}of Sunday, officials said.", date(2031, 3, 3))
    assert [(e.text, e.value) for e in found] == [(f"the early hours{gap}of Sunday", "2031-03-02TMO")]
