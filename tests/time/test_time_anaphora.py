"""Anaphoric dates counted from the last date the document named (our own sentences)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time import tag
from storyline.time.focus import Focus, follow, new_paragraph

REPORT = date(2023, 10, 26)  # a Thursday


def tag_report(sentences: list[str], dct: date = REPORT) -> list[list[tuple[str, str]]]:
    """Tag sentences in order, carrying the focus as a document does."""
    focus = Focus()
    out = []
    for sentence in sentences:
        found = tag(sentence, dct, focus=focus)
        focus = follow(focus, found, dct)
        out.append([(t.text, t.value) for t in found])
    return out


def test_the_following_month_counts_from_the_month_named_before() -> None:
    assert tag_report(["The bakery shut in March.", "The following month, a florist moved in."]) == [
        [("March", "2023-03")],
        [("The following month", "2023-04")],
    ]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("the next day", "2022-06-05"),
        ("the following day", "2022-06-05"),
        ("the day after", "2022-06-05"),
        ("the previous day", "2022-06-03"),
        ("the same day", "2022-06-04"),
        ("that day", "2022-06-04"),
    ],
)
def test_a_day_pointing_back_counts_from_the_day_named_before(phrase: str, value: str) -> None:
    found = tag_report(["The ferry ran aground on June 4, 2022.", f"Divers reached it {phrase}."])
    assert found[1] == [(phrase, value)]


def test_the_anchor_is_the_last_date_named_in_the_same_sentence() -> None:
    found = tag_report(["The dam was closed on May 2, 2021, and reopened the next day."])
    assert found == [[("May 2, 2021", "2021-05-02"), ("the next day", "2021-05-03")]]


def test_the_previous_weekday_is_the_one_before_the_day_named() -> None:
    found = tag_report(["The index closed at 410 on Friday.", "That was down 3% from the previous Friday."])
    assert found == [[("Friday", "2023-10-20")], [("the previous Friday", "2023-10-13")]]


def test_the_following_year_counts_from_a_year_named_before() -> None:
    found = tag_report(["The mine opened in 1987.", "The following year it flooded."])
    assert found == [[("1987", "1987")], [("The following year", "1988")]]


def test_a_day_anaphor_after_only_a_year_keeps_the_report_reading() -> None:
    found = tag_report(["The mine opened in 1987.", "Workers struck the next day."])
    assert found[1] == [("the next day", "2023-10-27")]


def test_without_an_earlier_date_the_report_day_is_the_anchor() -> None:
    assert tag_report(["Crews cleared the road the previous day."]) == [[("the previous day", "2023-10-25")]]


def test_next_week_without_the_still_counts_from_the_report() -> None:
    found = tag_report(["The bakery shut in March.", "A florist moves in next week."])
    assert found[1] == [("next week", "2023-W44")]


def test_the_day_after_an_event_named_is_not_a_date() -> None:
    assert tag("Voters queued the day after the storm.", REPORT) == []


def test_in_the_morning_is_the_morning_of_the_day_named_before() -> None:
    found = tag_report(["The strike began on Friday.", "Pickets gathered in the morning, before the gates opened."])
    assert found[1] == [("the morning", "2023-10-20TMO")]


def test_later_in_the_day_is_that_day() -> None:
    found = tag_report(["The mayor landed on March 3.", "She spoke later in the day."])
    assert found[1] == [("the day", "2023-03-03")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rains delayed planting earlier in the year.", ("earlier in the year", "2023")),
        ("The council will vote later in the month.", ("later in the month", "2023-10")),
        ("The talks stalled early in the week.", ("early in the week", "2023-W43")),
    ],
)
def test_earlier_or_later_in_the_year_is_the_reports_year_month_or_week(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert tag_report([sentence]) == [[expected]]


def test_later_in_the_year_after_a_year_named_is_that_year() -> None:
    found = tag_report(["The strike began in March 1985.", "Later in the year the union gave in."])
    assert found[1] == [("Later in the year", "1985")]


def test_a_part_of_the_day_that_describes_a_noun_is_not_a_time() -> None:
    assert tag("Her photo ran in the morning papers.", REPORT) == []


@pytest.mark.parametrize(
    ("phrase", "kind", "value"),
    [
        ("that year", "DATE", "2021"),
        ("the same month", "DATE", "2021-05"),
        ("that week", "DATE", "2021-W17"),
        ("the previous week", "DATE", "2021-W16"),
        ("the next morning", "TIME", "2021-05-03TMO"),
        ("later that day", "DATE", "2021-05-02"),
        ("that night", "TIME", "2021-05-02TNI"),
    ],
)
def test_that_and_same_periods_count_from_the_date_named_before(phrase: str, kind: str, value: str) -> None:
    found = tag("Rain flooded the square " + phrase + ".", REPORT, focus=Focus(anchor="2021-05-02"))
    assert [(t.text, t.type, t.value) for t in found] == [(phrase, kind, value)]


def test_that_year_without_an_earlier_date_is_the_report_year() -> None:
    assert tag_report(["Rain flooded the square that year."]) == [[("that year", "2023")]]


@given(st.dates(min_value=date(1901, 1, 2), max_value=date(2098, 12, 30)), st.sampled_from([-1, 0, 1]))
def test_a_day_anaphor_lands_its_step_from_any_anchor_day(anchor: date, step: int) -> None:
    phrase = {-1: "the previous day", 0: "that day", 1: "the next day"}[step]
    found = tag(f"Crews returned {phrase}.", REPORT, focus=Focus(anchor=anchor.isoformat()))
    assert [t.value for t in found] == [(anchor + timedelta(days=step)).isoformat()]


@given(st.dates(min_value=date(1901, 2, 1), max_value=date(2098, 11, 30)))
def test_the_following_month_is_the_month_after_any_anchor(anchor: date) -> None:
    found = tag("The following month, crews returned.", REPORT, focus=Focus(anchor=anchor.isoformat()[:7]))
    after = date(anchor.year + anchor.month // 12, anchor.month % 12 + 1, 1)
    assert [t.value for t in found] == [after.isoformat()[:7]]


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)))
def test_an_expression_that_does_not_point_back_ignores_the_anchor(anchor: date) -> None:
    found = tag("Crews returned on Monday, and again last month.", REPORT, focus=Focus(anchor=anchor.isoformat()))
    assert [t.value for t in found] == ["2023-10-23", "2023-09"]


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (["The mill shut in 2009.", "The year before, it had cut jobs."], [("The year before", "2008")]),
        (["The mill shut in May 2009.", "It was sold the month after."], [("the month after", "2009-06")]),
    ],
)
def test_the_period_before_or_after_counts_from_the_date_named_before(
    sentences: list[str], expected: list[tuple[str, str]]
) -> None:
    """TimeML anchors "the year before" to the last time named, as it does "the day before"."""
    assert tag_report(sentences)[1] == expected


def test_the_year_before_an_event_named_is_not_a_date() -> None:
    assert tag("The mill shut the year before the flood.", REPORT) == []


@pytest.mark.parametrize("phrase", ["by then", "until then", "Until then,", "before then", "after then"])
def test_then_after_a_deadline_word_is_the_date_named_before(phrase: str) -> None:
    found = tag_report(["The offer runs to Nov. 30.", f"The board will meet {phrase} the vote."])
    assert found[1] == [("then", "2023-11-30")]


def test_then_with_no_date_named_before_is_no_time() -> None:
    assert tag_report(["Until then, the ferry will run hourly."]) == [[("hourly", "PT1H")]]


def test_then_of_a_condition_is_no_time() -> None:
    found = tag_report(["The dam was shut on May 2.", "If it rains, then the road floods."])
    assert found[1] == []


def test_overnight_counts_from_a_day_named_in_its_paragraph_and_not_across_one() -> None:
    dct = date(2025, 3, 5)  # a Wednesday
    focus = follow(Focus(), tag("Rebels seized the bridge on Saturday.", dct), dct)
    (same,) = tag("Shelling hit the town overnight.", dct, focus=focus)
    assert (same.value, same.date) == ("2025-02-28TNI", "2025-03-01")  # the night before Saturday
    (new,) = tag("Shelling hit the town overnight.", dct, focus=new_paragraph(focus))
    assert (new.value, new.date) == ("2025-03-04TNI", "2025-03-05")  # the night before the report
    named = tag("On Sunday, shelling hit the town overnight.", dct, focus=new_paragraph(focus))
    assert [(t.value, t.date) for t in named] == [("2025-03-02", "2025-03-02"), ("2025-03-01TNI", "2025-03-02")]


def test_the_day_of_a_happening_told_before_is_the_day_named_last() -> None:
    dct = date(2025, 3, 7)
    focus = follow(Focus(), tag("The bridge collapsed on Tuesday.", dct), dct)
    (the_day,) = tag("Sensors recorded a tremor on the day it failed.", dct, focus=focus)
    assert (the_day.text, the_day.value, the_day.date) == ("the day", "2025-03-04", "2025-03-04")
    (that,) = tag("The mayor spoke on the day that the vote was held.", dct, focus=focus)
    assert (that.text, that.date) == ("the day", "2025-03-04")


def test_the_day_of_a_happening_with_no_day_named_before_is_not_the_report_day() -> None:
    (the_day,) = tag("Sensors recorded a tremor on the day it failed.", date(2025, 3, 7))
    assert (the_day.text, the_day.value, the_day.date) == ("the day", "XXXX-XX-XX", None)


@pytest.mark.parametrize("text", ["It was the day of the vote.", "Those were the days.", "The day was cold."])
def test_the_day_without_a_clause_of_what_happened_is_no_time(text: str) -> None:
    assert tag(text, date(2025, 3, 7)) == []


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The union, which was led by Ana Ruiz at the time, rejected the offer.", "the time"),
        ("At that time, the port handled half of the grain.", "that time"),
        ("The mayor said at the time he had no plans to resign.", "the time"),
    ],
)
def test_at_the_time_standing_alone_points_back_to_the_past(sentence: str, span: str) -> None:
    assert [(t.text, t.type, t.value) for t in tag(sentence, REPORT)] == [(span, "DATE", "PAST_REF")]


def test_at_that_time_in_a_sentence_about_the_future_is_the_future() -> None:
    assert [(t.text, t.value) for t in tag("The board will decide at that time.", REPORT)] == [
        ("that time", "FUTURE_REF")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The files were not marked secret at the time they were sent.",
        "At the time the bridge closed, traffic was light.",
        "By the time the polls closed, the crowd had left.",
    ],
)
def test_the_time_before_a_clause_is_a_conjunction_not_a_time(sentence: str) -> None:
    assert tag(sentence, REPORT) == []


def test_the_next_year_told_in_the_past_counts_from_the_year_named_before() -> None:
    assert tag_report(["The ferry line opened in 2011.", "It closed the next year."]) == [
        [("2011", "2011")],
        [("the next year", "2012")],
    ]


def test_the_next_month_told_in_the_past_counts_from_a_month_in_the_same_sentence() -> None:
    assert tag_report(["The mill stopped in June 2019, and the next month its owner sold it."]) == [
        [("June 2019", "2019-06"), ("the next month", "2019-07")],
    ]


def test_the_next_year_told_in_the_future_still_counts_from_the_report() -> None:
    assert tag_report(["The ferry line opened in 2011.", "Its owner will sell it over the next year."]) == [
        [("2011", "2011")],
        [("the next year", "2024")],
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The new owner has booked two more sailings in the next month.",
        "Nobody is going to see the ferry sail the next month, he said.",
    ],
)
def test_the_next_month_with_a_perfect_or_a_future_cue_still_counts_from_the_report(sentence: str) -> None:
    assert tag_report(["The ferry line opened in June 2011.", sentence])[1] == [("the next month", "2023-11")]


def test_a_clock_time_told_in_the_future_takes_the_report_day_not_a_past_day_named_before() -> None:
    assert tag_report(["Polls closed on Tuesday.", "The count will resume at 9 a.m."]) == [
        [("Tuesday", "2023-10-24")],
        [("9 a.m.", "2023-10-26T09:00")],
    ]


def test_a_clock_time_told_in_the_future_keeps_a_coming_day_named_before() -> None:
    assert tag_report(["The council will meet on Friday.", "The session will open at 9 a.m."]) == [
        [("Friday", "2023-10-27")],
        [("9 a.m.", "2023-10-27T09:00")],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year earlier than a day or month named before it: that day or month a year back
        ("For the six months ended May 14, the mill earned $3 million, $1 million a year earlier.", "2021-05-14"),
        ("In March, bus fares were 4% higher than a year earlier.", "2021-03"),
        ("The orchard sold less fruit last year than a year earlier.", "2020"),
        # more years back: the year only
        ("A survey in February 2019 found that, relative to two years earlier, fewer families owned a car.", "2017"),
        ("The mayor won on March 3, 2020, in the ward that had rejected her six years earlier.", "2014"),
        ("In June 2011, the pier reopened; two years earlier it had been shut.", "2009"),
        ("Rents rose 3% from a year earlier.", "2021"),  # nothing named before: the report's year, as before
        ("The works ended in 2019, a year earlier than planned.", "2021"),  # compares: not counted from 2019
    ],
)
def test_years_earlier_count_back_from_the_date_named_before(text: str, expected: str) -> None:
    found = tag(text, date(2022, 9, 8))
    assert found[-1].text.lower().endswith("earlier") and found[-1].value == expected
