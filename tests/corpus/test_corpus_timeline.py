from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from storyline.corpus import timeline as tl
from storyline.records import Event, Mention


def event(eid: str, date: str | None, summary: str = "") -> Event:
    return Event(eid, date, summary or f"event {eid}", (), 1, False)


def test_timeline_orders_by_date_with_coarse_dates_after_finer_ones_and_undated_last():
    events = [
        event("none", None),
        event("oct", "2022-10-01"),
        event("sep", "2022-09"),
        event("sep12", "2022-09-12"),
        event("sep08", "2022-09-08"),
        event("y2022", "2022"),
        event("aug", "2022-08-30"),
    ]
    order = [e.event for e in tl.order_events(events)]
    assert order == ["aug", "sep08", "sep12", "sep", "oct", "y2022", "none"]


def test_a_sentence_that_opens_on_a_pronoun_or_a_pointing_noun_does_not_read_on_its_own():
    assert tl.opens_on_pronoun("He said the advance was continuing.")
    assert tl.opens_on_pronoun("KYIV (Wire) - They entered the town.")
    assert tl.opens_on_pronoun("The figure was twice the earlier one.")
    assert not tl.opens_on_pronoun("Theatre staff reopened the hall.")
    assert not tl.opens_on_pronoun("The army said troops entered the town.")


def mention(doc: str, sentence: int, text: str, status="reported", fallback: bool = False) -> Mention:
    return Mention(doc, sentence, text, status, None, "2022-09-10", fallback)


LONG = "Ukrainian troops entered the city of Izium on Saturday after a fast advance, officials said."


def test_summary_prefers_independent_reports_then_reported_over_claimed():
    mentions = [
        mention("copy", 0, "COPY: " + LONG),
        mention("a", 3, "Ukraine claims its troops entered the city of Izium on Saturday morning.", "claimed"),
        mention("b", 5, LONG),
    ]
    assert tl.summarize(mentions, derived={"copy"}) == LONG


def test_summary_prefers_a_sentence_of_reasonable_length_and_a_text_date():
    mentions = [
        mention("a", 0, "Izium was retaken."),
        mention("b", 0, LONG.replace("Saturday", "the day before"), fallback=True),
        mention("c", 4, LONG),
    ]
    assert tl.summarize(mentions, derived=()) == LONG


def test_summary_prefers_a_sentence_dated_to_a_day_over_one_dated_to_its_month() -> None:
    day = "The Portmere bridge was destroyed early on Monday, cutting the coast road to the harbour."
    month = mention("a", 0, "The bridge was destroyed earlier this month, cutting the coast road.")
    month = replace(month, date="2024-05")
    dated = replace(mention("b", 3, day), date="2024-05-06")
    assert tl.summarize([month, dated], derived=()) == day


@given(st.dates(), st.dates())
def test_a_day_sorts_before_its_month_and_the_month_before_later_days(a, b):
    day, month = a.isoformat(), a.isoformat()[:7]
    assert tl.date_sort_key(day) < tl.date_sort_key(month)
    later = b.isoformat()
    if later[:7] > month:
        assert tl.date_sort_key(month) < tl.date_sort_key(later)
    assert tl.dates_compatible(month, day)


def test_a_season_contains_its_months_and_their_days_and_winter_runs_into_the_next_year():
    assert tl.dates_compatible("2022-10", "2022-FA") and tl.dates_compatible("2022-FA", "2022-11-30")
    assert tl.contains("2022-WI", "2022-12-24") and tl.contains("2022-WI", "2023-02")
    assert not tl.dates_compatible("2022-08", "2022-FA")
    assert not tl.contains("2022-WI", "2022-01") and not tl.contains("2022-SU", "2023-07")


@given(st.dates(), st.sampled_from(("SP", "SU", "FA", "WI")))
def test_a_day_is_in_exactly_the_seasons_of_its_month(day, code):
    months = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}[code]
    year = day.year - (1 if code == "WI" and day.month <= 2 else 0)
    assert tl.contains(f"{year:04d}-{code}", day.isoformat()) == (day.month in months)


def test_a_week_holds_its_seven_days_and_lies_in_a_month_that_holds_them_all():
    assert tl.dates_compatible("2023-W23", "2023-06-06") and tl.dates_compatible("2023-06-11", "2023-W23")
    assert not tl.dates_compatible("2023-W23", "2023-06-04") and not tl.dates_compatible("2023-W23", "2023-06-12")
    assert tl.dates_compatible("2023-06", "2023-W23") and tl.dates_compatible("2023", "2023-W23")
    assert not tl.dates_compatible("2023-05", "2023-W22")  # May 29 to June 4: not all in May
    assert not tl.dates_compatible("2023-W23", "2023-W24")
