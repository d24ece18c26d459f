from __future__ import annotations

import pytest

from storyline.doc.quantities import extract_quantities


@pytest.mark.parametrize(
    ("text", "previous", "value", "unit", "span"),
    [
        ("The probe swept a current density of 2.4 A/cm2 to 0.05 A/cm2.", 2.4, 0.05, "A/square centimetre",
         "2.4 A/cm2 to 0.05 A/cm2"),
        ("The bags weighed 9 kg to 4 kg after drying.", 9, 4, "kg", "9 kg to 4 kg"),
        ("Seats were sold at $80 a seat to $35 a seat.", 80, 35, "USD/seat", "$80 a seat to $35 a seat"),
    ],
)  # fmt: skip
def test_a_span_written_from_high_to_low_is_one_fall_in_the_order_written(text, previous, value, unit, span):
    (q,) = extract_quantities(text)
    assert (q.previous, q.value, q.unit, q.text) == (previous, value, unit, span)


@pytest.mark.parametrize(
    "text",
    [
        "The home side won 3 to 1 on Sunday.",  # a score of two counts
        "Rates were cut by 5% to 3%.",  # a change, then the new level
        "The parcel weighed 9 kg to 4 lb.",  # two units
    ],
)
def test_a_falling_pair_that_is_no_span_stays_two_quantities(text):
    assert len(extract_quantities(text)) == 2


def test_a_rising_span_stays_a_range():
    (q,) = extract_quantities("The bags weighed 4 kg to 9 kg after drying.")
    assert (q.low, q.high, q.previous) == (4, 9, None)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "span"),
    [
        ("For the last two or three years the mill has been idle.", 2, 3, "year", "two or three years"),
        ("Repairs take 4 or 5 weeks.", 4, 5, "week", "4 or 5 weeks"),
    ],
)
def test_two_lengths_of_time_joined_by_or_are_one_span(text, low, high, unit, span):
    (q,) = extract_quantities(text)
    assert (q.low, q.high, q.unit, q.kind, q.text) == (low, high, unit, "duration", span)


def test_two_sums_joined_by_or_stay_two_values():
    found = extract_quantities("A bowl of soup is six or seven euros.")
    assert [(q.value, q.unit) for q in found] == [(6, "EUR"), (7, "EUR")]


def test_a_gain_then_the_new_level_is_no_range():
    change, level = extract_quantities("Crude gained $1.40 to $88.20 a barrel on Monday.")
    assert (change.value, change.unit, level.value, level.unit) == (1.4, "USD", 88.2, "USD/barrel")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Brindle shares plunged $3 to $11.25 after the report.", [(3, "USD"), (11.25, "USD")]),  # written finer
        ("Marlow Mills skidded 8.5 to 310.5 in thin trade.", [(8.5, "count"), (310.5, "count")]),  # bare, far above
        ("The Kestrel index tumbled 22.40 points, to 1904.61, by noon.", [(22.4, "point"), (1904.61, "point")]),
    ],
)
def test_a_change_then_its_level_after_a_verb_of_change_is_no_range(text, values):
    assert [(q.value, q.unit) for q in extract_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Fares are likely to rise $2 to $3 next year.", 2, 3),
        ("Fuel costs rose $1 to $1.50 a gallon.", 1, 1.5),  # finer, but not twice the change
        ("Orders grew 5 to 8 in each branch.", 5, 8),
        ("Prices may climb 5 to 40 percent.", 5, 40),  # a bare lower end of a unit's range
    ],
)
def test_a_range_after_a_verb_of_change_stays_a_range(text, low, high):
    (q,) = extract_quantities(text)
    assert (q.low, q.high) == (low, high)


def test_a_verb_of_gain_across_a_clause_leaves_a_range_alone():
    (fines,) = extract_quantities("She added that fines from $250,000 to $1 million would follow.")
    assert (fines.value, fines.high, fines.previous) == (250_000, 1_000_000, None)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Doctors saw many 30- to 50-year-olds in the ward.", 30, 50, "year"),
        ("Crews laid 5- to 7-inch pipes under the road.", 5, 7, "inch"),
    ],
)
def test_a_hyphen_shared_before_to_joins_the_ends_of_one_range(text: str, low: float, high: float, unit: str) -> None:
    # the lower end's hyphen waits for the upper end's word: "30- to 50-year-olds" is ages 30 to 50
    assert [(q.low, q.high, q.unit) for q in extract_quantities(text)] == [(low, high, unit)]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("The marsh floods in 20- to 30-year cycles, the survey found.", 20, 30, "year"),
        ("Nurses worked 8- to 12-hour shifts through the winter.", 8, 12, "hour"),
        ("The rebuilt levee should stand for 50- to 80-year spans.", 50, 80, "year"),
        ("Droughts come in long , 10 - to 15-year waves .", 10, 15, "year"),  # a tokenized text's spaced hyphen
        ("Judges handed down 10-15-year terms.", 10, 15, "year"),
        ("Engineers planned a three to five-day repair.", 3, 5, "day"),
        ("Nurses worked 16- or 17-hour days all week.", 16, 17, "hour"),  # two lengths of time: one span
        ("It is a 48 - or 96-hour trial .", 48, 96, "hour"),
    ],
)
def test_a_duration_shared_by_a_hyphen_is_a_range_of_time(text: str, low: float, high: float, unit: str) -> None:
    # was a count of the noun "year" or "hour": a figure of the story, not a length of time
    assert [(q.low, q.high, q.unit, q.kind) for q in extract_quantities(text)] == [(low, high, unit, "duration")]


@pytest.mark.parametrize(
    "text",
    ["The council adopted a 10-year plan for the harbour.", "Dockers began a 24-hour strike at noon."],
)
def test_a_duration_joined_to_one_number_stays_out(text: str) -> None:
    # an adjective, as NewsQuant's dev mostly leaves it ("a two-month contract" is not annotated)
    assert extract_quantities(text) == []


# news often writes "between ... to" (or a dash) for "between ... and": each is one range, read as "and" is
_BETWEEN_TO = {
    "Officials said between 5,000 to 10,000 people fled the valley.": (5_000, 10_000, "count", "people"),
    "The fire spread between 5 to 10 km overnight.": (5, 10, "km", "km"),
    "Rents rose between 3% to 5% last year.": (3, 5, "percent", "5%"),
    "The storm left between 2 to 3 million without power.": (2e6, 3e6, "count", "million"),
    "The repair will cost between $2 to $3 million.": (2e6, 3e6, "USD", "million"),
    "He was jailed for between three to five years.": (3, 5, "year", "years"),
    "The fire spread between 5-10 km overnight.": (5, 10, "km", "km"),
}


@pytest.mark.parametrize("text", list(_BETWEEN_TO))
def test_between_x_to_y_is_a_range_as_between_x_and_y(text):
    # was two values, "5,000" and "10,000 people"; the span runs from "between" to the shared unit's last word
    low, high, unit, last_word = _BETWEEN_TO[text]
    found = [
        (q.low, q.high, q.unit, q.qualifier, q.text.split()[0], q.text.split()[-1]) for q in extract_quantities(text)
    ]
    assert found == [(low, high, unit, None, "between", last_word)]


def test_between_two_years_joined_by_to_is_no_quantity():
    assert extract_quantities("Between 2008 to 2010 the town grew.") == []


def test_between_a_high_end_to_a_low_one_is_no_range():
    found = extract_quantities("The ratio fell between 5 to 3 points.")
    assert [(q.low, q.high) for q in found] == [(5, 5), (3, 3)]


_OTHER_RANGE_WORDINGS = {
    "The crowd was anywhere from 500 to 800 people.": "500 to 800 people",
    "Estimates range from 40-60 deaths.": "40-60 deaths",
    "Some 300 to 400 workers walked out.": "300 to 400 workers",
    "About 300 to 400 workers walked out.": "300 to 400 workers",
}


@pytest.mark.parametrize("text", list(_OTHER_RANGE_WORDINGS))
def test_other_range_wordings_stay_one_range(text):
    # already right before "between ... to" was read: pinned so that change leaves them alone
    assert [q.text for q in extract_quantities(text) if q.low < q.high] == [_OTHER_RANGE_WORDINGS[text]]


def test_between_a_dash_then_a_smaller_number_keeps_the_lower_end():
    # a tokenized text splits "15,000" as "15 ,000": no range, and no score to drop either
    found = extract_quantities("Crews pumped between 12,000-15 ,000 litres an hour .")
    assert found[0].value == 12_000


# the lower end of a range shares the scale of its upper end when written without it (made-up sentences)
_SHARED_SCALE = {
    "Anywhere between 10 to 13,000 walkers crossed the bridge each day.": (10_000, 13_000),
    "The rally drew 10-12,000 marchers.": (10_000, 12_000),
    "Some 30 to 40,000 kinds of beetle live in the valley.": (30_000, 40_000),
    "Between 3 and 4,000 homes lost power.": (3_000, 4_000),
    "Between 200 and 300,000 fans lined the route.": (200_000, 300_000),
    "The fund holds 3 to 4,000,000 shares.": (3e6, 4e6),
    "Officials expect between 10 and 13 million visitors.": (10e6, 13e6),
    "The bridge will cost from 2 to 3 billion dollars.": (2e9, 3e9),
    "The loss was between £4 and 5 billion.": (4e9, 5e9),
}


@pytest.mark.parametrize("text", list(_SHARED_SCALE))
def test_a_lower_end_written_without_its_scale_shares_the_upper_ends(text):
    (q,) = extract_quantities(text)
    assert (q.low, q.high) == _SHARED_SCALE[text]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Fees ranged from 2 to 10,000 dollars.", 2, 10_000),  # the upper lead is over twice the lower end
        ("Fines run from $200 to $4 million.", 200, 4e6),  # the lower end scaled would pass the upper one
        ("The levy was $10 to $13,000 a firm.", 10, 13_000),  # each end written with its own sign
        ("Crews counted 15 to 12,000 birds a day.", 15, 12_000),  # the lower end above the upper lead
        ("Estimates put the tally at 1.5 to 2,000 votes.", 1.5, 2_000),  # not a plain whole number
    ],
)
def test_a_lower_end_keeps_its_value_when_a_shared_scale_is_not_the_only_reading(text, low, high):
    assert [(q.low, q.high) for q in extract_quantities(text) if q.low < q.high] == [(low, high)]


@pytest.mark.parametrize(
    "text",
    ["The judges split in a 5-to-4 decision.", "The Court's 6-to-3 ruling stood.", "Her side won 3-to-1 at home."],
)
def test_a_score_written_with_to_between_hyphens_is_no_quantity(text):
    # "5-to-4" left a bare 5, as "5-4" did not
    assert extract_quantities(text) == []


def test_a_range_written_with_to_between_hyphens_keeps_its_unit():
    (q,) = extract_quantities("He faces 5-to-10 years in jail.")
    assert (q.low, q.high, q.unit) == (5, 10, "year")
