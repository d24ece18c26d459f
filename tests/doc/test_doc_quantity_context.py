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
    ],
)
def test_a_number_in_a_name_or_a_series_of_models_stays_out(text: str, expected: list[float]) -> None:
    assert values(text) == expected


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
