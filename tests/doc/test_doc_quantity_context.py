from __future__ import annotations

import pytest

from storyline.doc.quantities import extract_quantities


def values(text: str) -> list[float]:
    return [q.value for q in extract_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump won 263 delegates, Cruz 151 and Kasich 37.", [263, 151, 37]),
        ("Clinton has 1,614 delegates, compared to Sanders' 1,192.", [1614, 1192]),
        ("The poll put Labour on 41%, the Greens 12 and the Liberals 9.", [41, 12, 9]),
        ("The Hawks scored 110 points, the Bulls 104.", [110, 104]),
    ],
)
def test_a_bare_number_after_a_name_that_stands_for_an_earlier_count_is_kept(text: str, expected: list[float]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The firm sold 20 licences for Windows 10 and Windows 11.", [20]),
        ("Chris Doane Automotive 15.", []),
        ("Some 300 passengers boarded, and Flight 447.", [300]),
        ("The flaw touches Navigator 7 and 8, the maker said.", []),
        ("The patch covers Winamp5 to 9 only.", []),
        ("A fix for Pilot 4 or 5 came with 12 new fonts.", [12]),
        ("The wing flew 6 Hawk-1 and 4 Hawk-2.", [6, 4]),
    ],
)
def test_a_number_in_a_name_or_a_series_of_models_stays_out(text: str, expected: list[float]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("Later they met Ms Hale's two daughters at the gate.", 2, "daughters"),
        ("The show tracks Jones' 3 rescue dogs.", 3, "dogs"),
        ("He kicked the last of Dario Vance's three field goals.", 3, "goals"),
    ],
)
def test_a_number_after_a_possessive_name_counts_what_follows(text: str, value: float, noun: str) -> None:
    # a possessive owns the things counted; it names no model ("Windows 10") or item ("Article 5")
    (q,) = extract_quantities(text)
    assert (q.value, q.noun) == (value, noun)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The strike killed the leader's son and three of his grandchildren.", "grandchildren"),
        ("Some 300 schoolchildren were moved to the hall.", "schoolchildren"),
    ],
)
def test_a_compound_of_children_is_a_counted_plural(text: str, noun: str) -> None:
    [q] = extract_quantities(text)
    assert (q.unit, q.noun) == ("count", noun)


def test_a_year_before_initials_and_a_singular_noun_names_a_thing() -> None:
    assert extract_quantities("The cleric was killed in a 2011 U.S. drone strike.") == []


def test_two_number_words_joined_by_or_before_a_scale_are_not_split() -> None:
    assert [q.value for q in extract_quantities("Seven or eight thousand votes would be enough.")] == [8000]


@pytest.mark.parametrize(
    ("text", "value"),
    [("The painter died at the age of 91.", 91), ("He left school at the age of about 15.", 15)],
)
def test_a_number_after_the_age_of_is_an_age_in_years(text: str, value: float) -> None:
    (q,) = extract_quantities(text)
    assert (q.value, q.unit, q.kind) == (value, "year", "age")


def test_the_ages_of_a_list_are_not_read_as_one_age() -> None:
    found = extract_quantities("Pupils between the ages of 6 and 11 sat the test.")
    assert {q.kind for q in found} == {"measure"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The coach said he will be 58 by the spring.", 58),
        ("She was 19 when the band split.", 19),
        ("I'm 64, and the farm is all I know.", 64),
        ("He is 71 now but still drives the ferry.", 71),
    ],
)
def test_a_bare_number_after_a_person_and_be_is_an_age(text: str, value: float) -> None:
    (q,) = extract_quantities(text)
    assert (q.value, q.unit, q.kind) == (value, "year", "age")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Police said Tomas McArdle, 52, was held overnight.", 52),
        ("The ferry's owner, Lena DeWitt, 61, declined to comment.", 61),
        ("Ray Polk Jr., 38, fled on foot.", 38),
        ("The actress, 29, checked into a clinic on Monday.", 29),
        ("His new coach, 44, took over in May.", 44),
    ],
)
def test_an_age_set_off_by_commas_after_any_name_or_a_person_is_an_age(text: str, value: float) -> None:
    (q,) = extract_quantities(text)
    assert (q.value, q.unit, q.kind) == (value, "year", "age")


@pytest.mark.parametrize(
    "text",
    ["In the end, 12, not 20, boats came back.", "Of the lot, 14, a third, sold.", "Sales at IBM, 14, fell."],
)
def test_a_number_set_off_by_commas_after_no_person_is_no_age(text: str) -> None:
    assert all(q.kind != "age" for q in extract_quantities(text))


@pytest.mark.parametrize(
    "text",
    ["He was 4 under par after the round.", "She was 3 for 5 at the plate.", "It was 40 by noon."],
)
def test_a_number_after_be_that_goes_on_is_no_age(text: str) -> None:
    assert all(q.kind != "age" for q in extract_quantities(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [("The rookie shot .481 FG over the season.", 0.481), ("She batted .312 in May.", 0.312)],
)
def test_a_decimal_written_without_its_leading_zero_is_a_number_in_digits(text: str, value: float) -> None:
    (q,) = extract_quantities(text)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "A magnitude 5.8 tremor rocked the island.",
        "The tremor had a magnitude of 5.8, the survey said.",
        "A tremor measuring 5.8 on the Richter scale rocked the island.",
    ],
)
def test_a_magnitude_before_its_number_or_a_richter_scale_after_it_is_the_unit(text):
    # were bare numbers or counts of the noun after ("earthquake", "tremor")
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [(5.8, "magnitude")]


def test_an_order_of_magnitude_names_no_unit():
    assert [(q.value, q.unit) for q in extract_quantities("An order of magnitude 20 crates went missing.")] == [
        (20, "count")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The quiz airs 8.15-9.40 pm on Fridays.",  # a range of clock times
        "The pumps stopped at 1510 local time on Monday.",
        "The shock came at 1710 (2210 GMT) on Sunday.",  # a clock time and its conversion
        "The hotline runs from 1410 to 1630 GMT.",
        "The line is open between 1410 and 1630 GMT.",
    ],
)
def test_clock_times_are_no_quantities(text):
    assert extract_quantities(text) == []


def test_a_count_before_a_zone_like_word_in_a_range_stays():
    # a range in percent is no clock, though its ends are written like one
    assert [(q.low, q.high) for q in extract_quantities("Yields rose 7.40-9.45 per cent.")] == [(7.4, 9.45)]


@pytest.mark.parametrize(
    "text",
    [
        "The weaver was born about 1763 in a hill village.",
        "Her grandfather, born circa 1620, kept the mill.",
        "The clockmaker was born c. 1745 and trained in the port.",
        "The poet was born ca. 1812 near the lake.",
        "The sailor was born in about 1790 and died at sea.",
        "Ada Finch (born 1688 in a fishing town) ran the inn.",
        "The mayor was born around 1958 on a farm.",
        "Her aunt Mair, born abt 1704, kept bees.",
    ],
)
def test_a_year_after_born_is_a_birth_year_not_a_count(text: str) -> None:
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Some 1763 babies were born in the town that spring.", 1763),
        ("The ward counted 1,240 lambs born about the farm.", 1240),
        ("The museum holds about 1763 coins.", 1763),
    ],
)
def test_a_count_near_born_is_still_a_count(text: str, value: float) -> None:
    assert values(text) == [value]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The mayor has won six of the past seven races.", [(6, "races"), (7, "races")]),
        ("The side lost three of its last four games.", [(3, "games"), (4, "games")]),
        ("Voters backed 5 of the previous 8 budgets.", [(5, "budgets"), (8, "budgets")]),
    ],
)
def test_a_part_of_a_whole_with_a_describing_word_before_the_whole_counts_its_noun(text, counts):
    # the part was dropped ("six") or left bare ("5"): the word before the whole's number hid it
    assert [(q.value, q.noun) for q in extract_quantities(text)] == counts


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("She made 12 of 15 kicks.", [(12, "kicks"), (15, "kicks")]),
        ("Eight of 10 voters agree.", [(8, "voters"), (10, "voters")]),
        ("The club won nine of 12 races.", [(9, "races"), (12, "races")]),
        ("The side has lost eight of 10.", [(8, None), (10, None)]),
        # the whole in words too (the part was dropped)
        ("Two of three voters said no.", [(2, "voters"), (3, "voters")]),
        ("Water and heat, two of four needs for life, abound.", [(2, "needs"), (4, "needs")]),
        ("Nine of twelve judges agreed.", [(9, "judges"), (12, "judges")]),
    ],
)
def test_a_part_of_a_whole_written_without_a_determiner_counts_the_wholes_noun(text, counts):
    # the part was bare ("12") or dropped ("Eight"): only "of the 15 kicks" gave it the whole's noun
    assert [(q.value, q.noun) for q in extract_quantities(text)] == counts


def test_a_part_of_a_whole_in_years_after_a_describing_word_stays_no_count():
    assert [(q.value, q.unit) for q in extract_quantities("He spent two of the past five years abroad.")] == [
        (5, "year")
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Half of the jurors were 45 or older.", 45),
        ("Residents 65 and older ride free.", 65),
        ("Players 12 or younger need a parent.", 12),
        ("The average age of the new members was 31.", 31),
        ("The median age in the valley is 52.", 52),
    ],
)
def test_a_number_before_or_older_or_after_an_average_age_is_an_age(text, value):
    # each was a bare count
    assert [(q.value, q.unit, q.kind) for q in extract_quantities(text)][-1] == (value, "year", "age")


def test_an_age_or_a_percent_around_older_or_an_average_age_keeps_its_own_unit():
    assert [(q.value, q.unit, q.kind) for q in extract_quantities("The bridge is 40 years old or older.")] == [
        (40, "year", "age")
    ]
    assert [q.unit for q in extract_quantities("The average age of the fleet rose by 3 percent.")] == ["percent"]


def test_older_before_a_plural_is_a_comparison_not_an_age_bound():
    assert all(q.kind != "age" for q in extract_quantities("The 3 and older models were recalled."))


def test_a_street_number_before_a_capitalized_plural_in_the_street_name_is_no_count():
    # "Earls", a capitalized plural, was read as what 28 counts
    assert extract_quantities("Cheques go to 28 Earls Court Rd, Leeds.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nurses hear up to 700 alarms per shift [3], and most are false [4].", [700]),
        ("The drug cut pain by 40% [12].", [40]),
        ("A bare number in brackets (7) is a reference too.", []),
    ],
)
def test_a_bare_number_in_square_brackets_is_a_reference_not_a_quantity(text: str, expected: list[float]) -> None:
    # "[3]" and "[4]" were bare counts 3 and 4, as "(7)" was not
    assert values(text) == expected


def test_a_quantity_with_its_unit_in_square_brackets_is_kept() -> None:
    assert values("The span is 90 feet [27 m] long, for [12 people].") == [90, 27, 12]
