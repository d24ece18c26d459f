"""Durations with fractions and sets of months (our own sentences)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time import tag

THURSDAY = date(2022, 9, 8)


def found(text: str, dct: date | None = THURSDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The speech lasted a minute and a half.", "a minute and a half", "PT1M30S"),
        ("The bridge took 2 1/2 years to build.", "2 1/2 years", "P2Y6M"),
        ("The dig ran for one and a half years.", "one and a half years", "P1Y6M"),
        ("The trial went on for a year and a half.", "a year and a half", "P1Y6M"),
        ("They waited two and a half days.", "two and a half days", "P2DT12H"),
        ("The vote took half an hour.", "half an hour", "PT30M"),
        ("He spoke for a half-hour.", "a half-hour", "PT30M"),
    ],
)
def test_fractions_of_a_unit_go_into_the_next_smaller_unit(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DURATION", value)]


def test_a_fraction_counts_back_from_the_report() -> None:
    expr = tag("The plant shut two and a half years ago.", THURSDAY)[0]
    assert (expr.text, expr.type, expr.value, expr.date) == (
        "two and a half years ago",
        "DATE",
        "2020-03",
        "2020-03-08",
    )


def test_every_month_name_is_a_set() -> None:
    assert found("The festival returns each July.") == [("each July", "SET", "XXXX-07")]
    assert found("Every January the lake freezes over.") == [("Every January", "SET", "XXXX-01")]


def test_a_plural_duration_keeps_its_article_but_a_qualifying_one_does_not() -> None:
    assert found("Profit rose in the nine months since the merger.") == [("the nine months", "DURATION", "P9M")]
    assert found("They agreed on the two-week truce.") == [("two-week", "DURATION", "P2W")]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor, 52 years old, stepped down.",
        "The line carries 400 seats a week.",
        "The bonds pay $1.50 a year.",
        "Exports grew by 3 million tonnes a month.",
    ],
)
def test_an_age_or_a_rate_is_not_a_duration(text: str) -> None:
    assert found(text) == []


def test_a_duration_after_a_verb_or_preposition_is_still_one() -> None:
    assert found("The repairs took a week.") == [("a week", "DURATION", "P1W")]
    assert found("The truce held for a month.") == [("a month", "DURATION", "P1M")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The lease runs for at least 20 more years.", "at least 20 more years", "P20Y"),
        ("The crew stayed three more days.", "three more days", "P3D"),
        ("The court gave them two additional weeks.", "two additional weeks", "P2W"),
        ("Wait one extra hour.", "one extra hour", "PT1H"),
    ],
)
def test_an_amount_still_to_come_is_a_duration(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DURATION", value)]


def test_more_without_a_number_is_no_duration() -> None:
    assert found("No more years of waiting, they said.") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The repairs could take weeks or months.", "weeks or months", "PXW"),
        ("A ruling is days to weeks away.", "days to weeks", "PXD"),
    ],
)
def test_two_plural_units_joined_are_a_duration_of_unknown_length(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DURATION", value)]


def test_couple_of_without_a_counts_two() -> None:
    assert found("Rents rose over the next couple of years.") == [("the next couple of years", "DURATION", "P2Y")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The work will take 12 to 18 months.", "12 to 18 months", "PXM"),
        ("Funds go out over the next 12 to 18 months.", "the next 12 to 18 months", "PXM"),
        ("Delivery takes two or three days.", "two or three days", "PXD"),
        ("The survey took 3-4 weeks.", "3-4 weeks", "PXW"),
    ],
)
def test_a_range_of_amounts_is_one_duration_of_unknown_length(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DURATION", value)]


@pytest.mark.parametrize(
    ("text", "span", "value", "day"),
    [
        ("The quarry flooded about three weeks ago.", "about three weeks ago", "2022-W33", "2022-08"),
        ("The ferry sank nearly two weeks ago.", "nearly two weeks ago", "2022-W34", "2022-08"),
        ("The ferry sank about one week ago.", "about one week ago", "2022-W35", "2022-09"),  # Aug 29 - Sept 4: Sept 1
        ("The orchard burned some three weeks ago.", "some three weeks ago", "2022-W33", "2022-08"),
        ("The pier was rebuilt three weeks or so ago.", "three weeks or so ago", "2022-W33", "2022-08"),
        ("The pier was rebuilt three weeks ago.", "three weeks ago", "2022-W33", "2022-08-18"),
        ("The tower fell about ten days ago.", "about ten days ago", "2022-08-29", "2022-08-29"),
    ],
)
def test_about_n_weeks_ago_is_a_week_and_dates_no_day(text: str, span: str, value: str, day: str | None) -> None:
    (expr,) = tag(text, THURSDAY)
    assert (expr.text, expr.type, expr.value, expr.date) == (span, "DATE", value, day)


def test_a_range_before_ago_leaves_the_date_to_its_last_number() -> None:
    assert found("The well ran dry five to ten years ago.") == [("ten years ago", "DATE", "2012")]


def test_a_plural_unit_ago_without_a_number_is_some_time_in_the_past() -> None:
    assert found("The mill, which only months ago was idle, now runs all night.")[0] == (
        "months ago",
        "DATE",
        "PAST_REF",
    )


def test_a_hundred_counts_a_hundred() -> None:
    assert found("The pier has stood for almost a hundred years.") == [("almost a hundred years", "DURATION", "P100Y")]


@pytest.mark.parametrize(
    ("text", "value", "day"),
    [
        ("The ferry returns two weeks from now.", "2022-W38", "2022-09-22"),
        ("The vote is a month from today.", "2022-10", "2022-10-08"),
        ("The bridge will be rebuilt ten years hence.", "2032", "2032-09-08"),
    ],
)
def test_a_span_from_now_counts_forward_from_the_report(text: str, value: str, day: str) -> None:
    found = tag(text, date(2022, 9, 8))
    assert [(t.type, t.value, t.date) for t in found] == [("DATE", value, day)]


def test_years_from_now_is_the_future() -> None:
    assert [(t.text, t.value) for t in tag("The port will be rebuilt years from now.", date(2022, 9, 8))] == [
        ("years from now", "FUTURE_REF")
    ]


def test_a_unit_that_starts_the_sentence_is_read() -> None:
    assert [(t.text, t.value) for t in tag("Decades ago the mill closed.", date(2022, 9, 8))] == [
        ("Decades ago", "PAST_REF")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two days later the bridge reopened.", ("Two days", "DURATION", "P2D")),
        ("A few weeks later the ferry ran again.", ("A few weeks", "DURATION", "PXW")),
        ("About three hours later the lights came back.", ("About three hours", "DURATION", "PT3H")),
        ("Six months earlier the mill had shut.", ("Six months", "DURATION", "P6M")),
        ("A year later the school reopened.", ("A year", "DURATION", "P1Y")),
    ],
)
def test_an_amount_later_or_earlier_is_a_duration_and_later_its_signal(
    text: str, expected: tuple[str, str, str]
) -> None:
    """TimeML annotates "two days later" as "two days after the vote": the DURATION, with "later" a SIGNAL."""
    assert found(text) == [expected]


def test_whole_years_earlier_stay_the_year_before_the_report() -> None:
    assert found("Exports were up on two years earlier.") == [("two years earlier", "DATE", "2020")]


@given(st.integers(min_value=2, max_value=60), st.sampled_from(["minutes", "hours", "days", "weeks", "months"]))
def test_n_units_later_has_the_value_of_n_units(n: int, unit: str) -> None:
    later = found(f"The crew returned {n} {unit} later.")
    assert later == found(f"The crew waited {n} {unit}.") and later[0][0] == f"{n} {unit}"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Exports fell for two straight years.", "two straight years", "P2Y"),
        ("Prices rose in three consecutive months.", "three consecutive months", "P3M"),
        ("The index gained for five successive days.", "five successive days", "P5D"),
    ],
)
def test_a_run_of_units_is_a_duration(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DURATION", value)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Profit for the latest nine months rose 4%.", "the latest nine months", "P9M"),
        ("In the year-earlier six months the mill lost money.", "the year-earlier six months", "P6M"),
        ("Sales in the same three months were flat.", "the same three months", "P3M"),
        ("Net fell from the comparable nine months.", "the comparable nine months", "P9M"),
    ],
)
def test_a_results_reports_span_keeps_its_determiner_and_modifier(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DURATION", value)]


def test_the_same_month_without_a_number_is_no_duration() -> None:
    assert [t[1] for t in found("The dam was shut the same month.")] == ["DATE"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The truce follows months of shelling along the river.", "months", "PXM"),
        ("After years of delays the new harbor wall was finished.", "years", "PXY"),
        ("Weeks of rain had softened the embankment.", "Weeks", "PXW"),
        ("The pumps failed; days later the lower streets flooded.", "days", "PXD"),
        ("Years earlier, the same bridge had been closed for repairs.", "Years", "PXY"),
        ("The crew restored the signal within hours.", "hours", "PTXH"),
    ],
)
def test_a_bare_plural_unit_is_a_span_of_unknown_length(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DURATION", value)]


@pytest.mark.parametrize(
    "text",
    [
        "In the early days of the siege the bakery stayed open.",
        "The calendar prints the days of the week in two languages.",
        "Its years of growth ended with the drought.",
        "Entrants must be at least 18 years of age.",
    ],
)
def test_a_plural_unit_with_its_own_modifier_or_an_age_is_no_bare_span(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("Rainfall has halved over the past half century.", "the past half century", "DURATION", "P50Y"),
        ("The lighthouse stood for half a century.", "half a century", "DURATION", "P50Y"),
        ("Trams ran here for a quarter of a century.", "a quarter of a century", "DURATION", "P25Y"),
        ("The mill closed a quarter-century ago.", "a quarter-century ago", "DATE", "1997"),
    ],
)
def test_half_or_a_quarter_of_a_century_is_a_number_of_years(text: str, span: str, kind: str, value: str) -> None:
    assert found(text) == [(span, kind, value)]


def test_the_past_before_half_a_century_is_no_vague_past() -> None:
    assert [t[0] for t in found("Crime fell over the past half-century.")] == ["the past half-century"]


def test_a_bare_quarter_century_before_a_noun_is_no_duration() -> None:
    assert found("Unemployment sits near its quarter-century low.") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The year-long repair of the pier is over.", "year-long", "P1Y"),
        ("A week-long book fair opens on the quay.", "week-long", "P1W"),
        ("The monthlong ferry strike ended.", "monthlong", "P1M"),
        ("Viewers tuned in to an hour-long debate.", "hour-long", "PT1H"),
    ],
)
def test_one_unit_long_before_a_noun_is_a_duration_without_its_article(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DURATION", value)]


@pytest.mark.parametrize(
    "text",
    ["A 38-year-old cyclist was hurt.", "The city sold its 90-year-old tram depot.", "A six-month-old foal was found."],
)
def test_an_age_written_with_hyphens_is_not_a_time_expression(text: str) -> None:
    assert tag(text, date(2024, 3, 12)) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The lake freezes every winter.", "every winter", "XXXX-WI"),
        ("Tourists crowd the old town each summer.", "each summer", "XXXX-SU"),
        ("The choir tours every autumn.", "every autumn", "XXXX-FA"),
    ],
)
def test_every_season_is_a_set_of_that_season(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "SET", value)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The missing hikers were found some days later.", "some days", "PXD"),
        ("The strike had begun some weeks earlier.", "some weeks", "PXW"),
    ],
)
def test_some_units_later_or_earlier_is_a_span_of_unknown_length(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DURATION", value)]


def test_some_days_without_later_or_earlier_is_no_span() -> None:
    assert found("Some days the ferry does not sail.") == []


@pytest.mark.parametrize(
    "text",
    ["The rule bars 17-year-olds from voting.", "A poll of 18-to-29-year-olds found little interest in the race."],
)
def test_a_plural_age_written_with_hyphens_is_not_a_time_expression(text: str) -> None:
    assert tag(text, date(2024, 3, 12)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The coast's $50 billion-a-year tourism trade fears the slick.",
        "Cooks rallied for a $15-an-hour wage.",
        "Officials first put the leak at a 2,000-barrel-a-day flow.",
        "The firm sells 10-dollar-a-week plans.",
    ],
)
def test_a_rate_inside_a_compound_modifier_is_not_a_duration(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The damaged pipe spilled about 3,000 barrels of crude a day, the agency said.",
        "Patients take one pill a day.",
        "The mill ships 40 tonnes of steel a week to the port.",
        "Rents in the city rose 6% a year.",
    ],
)
def test_a_rate_after_an_amount_and_its_noun_phrase_is_not_a_duration(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The cleanup costs the firm $6m a day.",
        "Fines could reach 7bn a year.",
        "The pipe leaked 5,000 gallons (19,000 litres) a day.",
        "The well leaked 5,000 barrels -LRB- 210,000 gallons -RRB- a day .",
        "The field yields 450 million cubic feet a day of gas.",
        "Its plants can make 150 million doses of seasonal flu vaccine a year.",
        "The skimmers can lift 2 million gallons of oil-fouled water a day.",
    ],
)
def test_a_rate_after_an_abbreviated_sum_a_bracket_or_a_longer_noun_is_not_a_duration(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The plant lost 3,000 jobs in a year.", "a year"),
        ("Officials spent two weeks of talks and a day of votes on it.", "two weeks"),
        ("The 40 workers needed a week to clear the road.", "a week"),
    ],
)
def test_a_unit_after_an_amount_that_is_not_its_rate_stays_a_duration(text: str, span: str) -> None:
    assert span in [t for t, _, _ in found(text)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She opened a day-care centre in the town.", []),
        ("The ski town has become a year-round resort.", []),
        ("The site posts a day-by-day account of the trial.", []),
        ("A year-long strike ended.", [("year-long", "DURATION", "P1Y")]),
    ],
)
def test_a_unit_heading_a_hyphenated_compound_is_not_a_duration(text: str, kept: list[tuple[str, str, str]]) -> None:
    assert found(text) == kept


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Crews needed two-and-a-half hours to free the driver.", "two-and-a-half hours", "PT2H30M"),
        ("It has been seven-and-a-half years since the flood.", "seven-and-a-half years", "P7Y6M"),
        ("The two-and-a-half-hour rescue ended at dawn.", "two-and-a-half-hour", "PT2H30M"),
    ],
)
def test_a_fraction_joined_by_hyphens_counts_with_its_number(text: str, span: str, value: str) -> None:
    assert (span, "DURATION", value) in found(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The merger was called off at the last minute by two directors.", []),
        ("There was drama right up to the last minute.", []),
        ("Shares jumped in the last minute of trading.", [("the last minute", "DURATION", "PT1M")]),
    ],
)
def test_at_the_last_minute_is_an_idiom_not_a_minute(text: str, kept: list[tuple[str, str, str]]) -> None:
    assert found(text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("On a day when most markets rose, the bank's shares fell.", []),
        ("It happened in a year in which sales slumped.", []),
        ("He waited a week when he could have left at once.", [("a week", "DURATION", "P1W")]),
    ],
)
def test_a_unit_told_by_a_clause_after_it_is_not_a_duration(text: str, kept: list[tuple[str, str, str]]) -> None:
    assert found(text) == kept


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Wages will climb gradually over six years.", "six years"),
        ("The plan costs $30 billion over 10 years.", "10 years"),
        ("Over three years, prices doubled.", "three years"),
        ("He has fought for over two decades.", "over two decades"),
        ("The talks lasted over a week.", "over a week"),
        ("It was the first rise in over a decade.", "over a decade"),
        ("The town spent over two years rebuilding.", "over two years"),
        ("It took the crews over four hours to reach the valley.", "over four hours"),
        ("The firm has had over a week to plan.", "over a week"),
        ("The hearing ran a little over two hours.", "over two hours"),
        ("The alarm was raised over a month before the flood.", "over a month"),
    ],
)
def test_over_before_an_amount_is_more_than_only_after_a_preposition_or_a_verb_of_lasting(text: str, span: str) -> None:
    """ "over six years" is the span the rise takes ("over" a preposition, left out as TimeBank leaves it out of
    "used over three years"); after "for", "in", "lasted", "spent" it means "more than", a TIMEX3 mod in the
    extent ("last over a week")."""
    assert [t[0] for t in found(text)] == [span]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The ferry leaves every morning.", "every morning", "XXXX-XX-XXTMO"),
        ("Volunteers patrol the beach each night.", "each night", "XXXX-XX-XXTNI"),
    ],
)
def test_every_part_of_the_day_is_a_set_of_it(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "SET", value)]


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        # found by random white space put between the words of our own sentences (session 31)
        ("Crews worked for three\ndays.", "three\ndays", "P3D"),
        ("Crews worked for three  days.", "three  days", "P3D"),
        ("The council will meet about two and a half\nyears after the flood.", "about two and a half\nyears", "P2Y6M"),
    ],
)
def test_a_count_and_its_unit_are_read_across_any_white_space(text: str, extent: str, value: str) -> None:
    [found] = tag(text, date(2031, 3, 3))
    assert (found.text, found.value) == (extent, value)
