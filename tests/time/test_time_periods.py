"""Quarters, halves, seasons, years in words and years before a noun (our own sentences)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time import tag
from storyline.time.periods import quarter_ended, quarter_value, season_value
from storyline.time.words import parse_year_words

OCTOBER = date(2023, 10, 26)  # a Thursday in the fourth quarter, in the fall


def found(text: str, dct: date | None = OCTOBER) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.date) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Profit fell in the third quarter.", "the third quarter", "2023-Q3"),
        ("Third-quarter sales rose by a tenth.", "Third-quarter", "2023-Q3"),
        ("Sales slipped in the second quarter of 2021.", "the second quarter of 2021", "2021-Q2"),
        ("The mill made a loss in its fourth quarter.", "its fourth quarter", "2023-Q4"),
        ("Orders were weak in the latest quarter.", "the latest quarter", "2023-Q3"),
        ("Orders are weak in the current quarter.", "the current quarter", "2023-Q4"),
        ("Orders should pick up next quarter.", "next quarter", "2024-Q1"),
        ("Revenue doubled from the year-ago quarter.", "the year-ago quarter", "2022-Q3"),
        ("Rents rose in this year's second quarter.", "this year's second quarter", "2023-Q2"),
        ("Last year's third-quarter loss was smaller.", "Last year's third-quarter", "2022-Q3"),
        ("In last year's fourth quarter the mill shut.", "last year's fourth quarter", "2022-Q4"),
    ],
)
def test_quarters_are_dates_of_a_quarter_without_a_calendar_date(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DATE", value, None)]


def test_a_past_quarter_after_the_report_quarter_is_last_years() -> None:
    assert found("Sales fell in the fourth quarter.", date(2023, 5, 10))[0][2] == "2022-Q4"


def test_a_future_quarter_is_the_coming_one_unless_it_just_ended() -> None:
    assert found("The plant will reopen in the first quarter.")[0][2] == "2024-Q1"
    assert found("The firm will report third-quarter results soon.")[0][2] == "2023-Q3"


@pytest.mark.parametrize(
    "text",
    [
        "A quarter of the voters stayed home.",
        "They walked through the Latin Quarter at dusk.",
        "The runner led by a quarter-mile.",
        "Three quarters of the seats went to the left.",
        "Two quarters of them were spoiled.",
        "He paid the fare in quarters and dimes.",
        "One quarter was enough for the meter.",
    ],
)
def test_a_quarter_that_is_a_share_or_a_place_is_not_a_time(text: str) -> None:
    assert [t for t in tag(text, OCTOBER) if "uarter" in t.text] == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The chain has lost money for 12 consecutive quarters.", "12 consecutive quarters", "P12Q"),
        ("Margins narrowed over the past two quarters.", "the past two quarters", "P2Q"),
        ("The brewer expects several quarters of weak demand.", "several quarters", "PXQ"),
        ("Output should recover within three quarters.", "three quarters", "P3Q"),
    ],
)
def test_a_count_of_quarters_is_a_duration(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DURATION", value, None)]


@given(st.integers(min_value=2, max_value=40), st.sampled_from(["", " consecutive", " straight", " more"]))
def test_n_quarters_has_the_value_of_n_quarters(n: int, run: str) -> None:
    assert found(f"The store grew for {n}{run} quarters.") == [(f"{n}{run} quarters", "DURATION", f"P{n}Q", None)]


def test_the_first_quarters_of_a_year_are_not_a_count() -> None:
    assert [t[0] for t in found("Sales in the first two quarters of 2024 will be weak.")] == ["2024"]


def test_halves_of_a_year() -> None:
    assert found("Output grew in the first half of 2022.") == [("the first half of 2022", "DATE", "2022-H1", None)]
    assert found("Output will grow in the second half of this year.")[0][:3] == (
        "the second half of this year",
        "DATE",
        "2023-H2",
    )


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Orders should recover in next year's first half.", "next year's first half", "2024-H1"),
        ("Rents fell in 2021's second half.", "2021's second half", "2021-H2"),
        ("First-half profit doubled.", "First-half", "2023-H1"),
        ("Demand should pick up in 2025's first quarter.", "2025's first quarter", "2025-Q1"),
        ("The plant reopens in the first quarter of next year.", "the first quarter of next year", "2024-Q1"),
    ],
)
def test_halves_and_quarters_of_a_named_year(text: str, span: str, value: str) -> None:
    assert found(text)[0][:3] == (span, "DATE", value)


def test_a_bare_first_half_may_be_a_games_and_is_no_time() -> None:
    assert found("The visitors scored twice in the second half.") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The bridge opened last summer.", "last summer", "2023-SU"),
        ("The works start next spring.", "next spring", "2024-SP"),
        ("The lake froze in the winter of 2021.", "the winter of 2021", "2021-WI"),
        ("The lake froze in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI"),
        ("The school was rebuilt in the fall.", "the fall", "2023-FA"),
        ("The ferry stopped running this past spring.", "this past spring", "2023-SP"),
    ],
)
def test_seasons(text: str, span: str, value: str) -> None:
    order = ("SP", "SU", "FA", "WI")
    season = (int(value[:4]), order.index(value[5:]))
    past = season < (2023, order.index("FA")) and not value.endswith("WI")  # OCTOBER is in the fall of 2023
    assert found(text) == [(span, "DATE", value, value[:4] if past else None)]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("The new ferry will enter service this summer.", date(2024, 2, 6), "2024-SU"),
        ("Farmers have planted more oats this spring than before.", date(2024, 1, 22), "2024-SP"),
        ("The regional assembly votes on the budget this fall.", date(2025, 2, 27), "2025-FA"),
        ("The orchard was replanted this spring.", date(2024, 12, 9), "2024-SP"),
        ("The harbour froze twice this winter.", date(2024, 1, 22), "2023-WI"),
    ],
)
def test_this_season_is_the_reports_years_even_in_january(text: str, dct: date, value: str) -> None:
    assert [t[2] for t in found(text, dct)] == [value]


def test_a_past_season_dates_what_happened_then_by_its_year() -> None:
    assert found("Last autumn the mayor had warned that the levee was weak.") == [
        ("Last autumn", "DATE", "2022-FA", "2022")
    ]


def test_a_winter_spans_two_years_and_a_coming_season_dates_nothing() -> None:
    assert [t[3] for t in found("The ferry was laid up last winter.")] == [None]
    assert [t[3] for t in found("She said the ferries would return by spring.")] == [None]


@pytest.mark.parametrize(
    "text",
    ["Traders feared a fall in prices.", "The fall of the old town hall was filmed.", "They sell spring water."],
)
def test_a_fall_in_prices_and_spring_water_are_not_seasons(text: str) -> None:
    assert found(text) == []


def test_years_said_in_words() -> None:
    assert found("The dam was built in nineteen sixty-four.") == [("nineteen sixty-four", "DATE", "1964", "1964")]
    assert found("The clock was set for the year two thousand.")[0][:3] == ("the year two thousand", "DATE", "2000")
    assert found("Two thousand people marched.") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The 2019 election was close.", "2019"),
        ("The council cut the company's 2020 grant.", "2020"),
        ("Notes due 2030 were sold on Tuesday.", "2030"),
        ("By 2030 it will carry twice as many riders.", "2030"),
        ("Fares will rise in both 2025 and 2026.", "2025"),
    ],
)
def test_years_before_a_noun_or_after_more_prepositions(text: str, span: str) -> None:
    assert (span, "DATE", span, span) in found(text)


def test_the_current_year_and_the_near_future() -> None:
    assert found("Prices rose in the current year.") == [("the current year", "DATE", "2023", "2023")]
    assert found("Prices will fall in the near future.") == [("the near future", "DATE", "FUTURE_REF", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The firm expects to open the store in January.",
        "She said the vote would take place in January.",
        "The two towns agreed to merge in January.",
    ],
)
def test_a_month_after_expects_to_or_would_is_the_coming_one(text: str) -> None:
    assert [t.value for t in tag(text, OCTOBER) if t.text.endswith("January")] == ["2024-01"]


def test_year_words_parse() -> None:
    assert [
        parse_year_words(w) for w in ("nineteen oh five", "nineteen hundred and ninety", "two thousand and three")
    ] == [1905, 1990, 2003]


def test_quarter_and_season_values_roll_over_the_year() -> None:
    assert quarter_value(2023, 0) == "2022-Q4"
    assert quarter_value(2023, 5) == "2024-Q1"
    january = date(2024, 1, 15)  # still the winter that began in December 2023
    assert season_value(january, "winter", 0, "past") == "2023-WI"
    assert season_value(january, "winter", -1, "past") == "2022-WI"
    assert season_value(january, "summer", None, "past") == "2023-SU"
    assert season_value(january, "summer", None, "future") == "2024-SU"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The mill was built in the 19th century.", "the 19th century", "18"),
        ("A twentieth-century idea took hold.", "twentieth-century", "19"),
        ("Crime fell through the nineties.", "the nineties", "199"),
        ("Prices peaked in the late '80s.", "the late '80s", "198"),
    ],
)
def test_centuries_and_decades_in_words(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DATE", value, None)]


def test_a_decade_in_words_is_the_latest_that_began_by_the_report() -> None:
    assert found("Rents doubled in the twenties.", date(2023, 5, 1))[0][2] == "202"
    assert found("Rents doubled in the twenties.", date(1998, 5, 1))[0][2] == "192"


def test_a_fiscal_year_before_a_noun_is_a_year() -> None:
    assert found("Fiscal 2022 sales rose.") == [("Fiscal 2022", "DATE", "2022", "2022")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The mill shut in nineteen-ninety-five.", "nineteen-ninety-five", "1995"),
        ("The line will open in two-thousand-five.", "two-thousand-five", "2005"),
        ("The estate was built in the nineteen-sixties.", "the nineteen-sixties", "196"),
        ("The estate was built in the nineteen sixties.", "the nineteen sixties", "196"),
        ("The railway came in the eighteen-nineties.", "the eighteen-nineties", "189"),
    ],
)
def test_years_and_decades_a_transcript_spells_with_hyphens(text: str, span: str, value: str) -> None:
    """A broadcast transcript writes "1995" as "nineteen-ninety-five" and "the 1960s" as "the nineteen-sixties"."""
    assert [(t.text, t.value) for t in tag(text, OCTOBER)] == [(span, value)]


@given(st.integers(min_value=1910, max_value=1999), st.sampled_from([" ", "-"]))
def test_a_year_in_words_reads_the_same_with_spaces_or_hyphens(year: int, joiner: str) -> None:
    tens = "ten twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
    ones = "one two three four five six seven eight nine".split()  # noqa: SIM905
    teens = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()  # noqa: SIM905
    rest = year - 1900
    tail = f"-{ones[rest % 10 - 1]}" if rest % 10 else ""
    said = teens[rest - 10] if rest < 20 else tens[rest // 10 - 1] + tail
    found_year = [t.value for t in tag(f"The dam opened in nineteen{joiner}{said}.", OCTOBER)]
    assert found_year == [str(year)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Net fell in the quarter ended Sept. 30.", "the quarter", "2023-Q3"),
        ("In the quarter ended July 31, the chain lost money.", "the quarter", "2023-Q2"),
        ("The quarter ended Jan. 31 was the best in years.", "The quarter", "2022-Q4"),
        ("Sales should rise in the quarter ending Dec. 31.", "the quarter", "2023-Q4"),
        ("Sales fell in the quarter ending Sept. 30.", "the quarter", "2023-Q3"),
    ],
)
def test_the_quarter_ended_on_a_day_holds_the_middle_of_its_three_months(text: str, span: str, value: str) -> None:
    assert found(text)[0][:3] == (span, "DATE", value)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.integers(min_value=1, max_value=12))
def test_a_quarter_that_ended_lies_in_the_year_up_to_the_report(dct: date, month: int) -> None:
    report_quarter = dct.year * 4 + (dct.month - 1) // 3
    assert report_quarter - 4 <= quarter_ended(dct, month) <= report_quarter
    assert report_quarter - 1 <= quarter_ended(dct, month, ending=True) <= report_quarter + 4


@pytest.mark.parametrize(
    "text", ["The fix will be ready by the year 2000.", "In the year 2000 computers may fail.", "The year 2000 began."]
)
def test_the_year_and_its_number_are_one_expression(text: str) -> None:
    assert [(t[0].lower(), t[2]) for t in found(text)] == [("the year 2000", "2000")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Sales in fiscal year 2024 should rise.", "fiscal year 2024", "2024"),
        ("Profit in the 2024 fiscal year will be lower.", "the 2024 fiscal year", "2024"),
        ("The mill's second fiscal quarter was its best.", "second fiscal quarter", "2023-Q2"),
    ],
)
def test_fiscal_years_and_quarters_written_in_other_orders(text: str, span: str, value: str) -> None:
    assert found(text)[0][:3] == (span, "DATE", value)


def test_a_second_half_told_in_the_past_before_it_began_is_last_years() -> None:
    spring = date(2024, 3, 14)
    assert found("Second-half profit fell 5%.", spring)[0][2] == "2023-H2"
    assert found("Second-half sales will rise.", spring)[0][2] == "2024-H2"


def test_a_season_after_into_is_a_season() -> None:
    found = [(t.text, t.value) for t in tag("Repairs on the pier ran well into the summer.", date(2023, 10, 14))]
    assert found == [("the summer", "2023-SU")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Margins narrowed in the most recent quarter.", "the most recent quarter"),
        ("Margins narrowed from the preceding quarter.", "the preceding quarter"),
        ("Margins narrowed in the latest quarter.", "the latest quarter"),
    ],
)
def test_the_most_recent_and_the_preceding_quarter_are_the_last_one_finished(text: str, span: str) -> None:
    # in a fourth-quarter report, as "the previous quarter" reads
    assert found(text) == [(span, "DATE", "2023-Q3", None)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Exports rose in the July-September quarter.", "the July-September quarter", "2023-Q3"),
        ("Exports will rise in the January-March quarter.", "the January-March quarter", "2024-Q1"),
        ("The chain's profit fell in the June-August quarter.", "the June-August quarter", "2023-Q3"),
    ],
)
def test_a_quarter_named_by_its_months_holds_its_middle_month(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DATE", value, None)]


def test_two_months_a_quarter_cannot_span_stay_months() -> None:
    assert [t[0] for t in found("Exports rose in the June-July quarter.")] == ["June", "July"]
