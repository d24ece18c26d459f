"""Digit fractions of a unit (``storyline.doc.quantity_parts``), read through ``extract_quantities``."""

from __future__ import annotations

import pytest

from storyline.doc.quantities import extract_quantities
from storyline.eval.newsquant import unit_name


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        ("The central bank trimmed its rate by 0.75 of a percentage point.", 0.75, "percentage"),
        ("Turnout slipped 0.5 of a percent in the north.", 0.5, "percentage"),
        ("Each bottle held 0.3 of a litre of cider.", 0.3, "litre"),
    ],
)
def test_a_decimal_of_a_unit_is_a_quantity_in_that_unit(text, value, name):
    (q,) = extract_quantities(text)
    assert q.value == pytest.approx(value)
    assert unit_name(q) == name


def test_a_decimal_of_a_unit_matches_the_word_fraction_of_it():
    words, digits = (extract_quantities(f"Yields rose {x} of a percentage point.")[0] for x in ("a quarter", "0.25"))
    assert (digits.value, digits.unit, unit_name(digits)) == (words.value, words.unit, unit_name(words))


@pytest.mark.parametrize(
    "text",
    [
        "Growth was 0.5 of a day's output.",  # a duration is no measure here
        "The team kept 1.5 of a lead.",  # not below one
        "Only 0.2 of a crowd came.",  # no unit after it
    ],
)
def test_a_decimal_without_a_measure_unit_after_of_a_keeps_no_unit(text):
    assert [q.unit for q in extract_quantities(text)] == ["count"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The central bank cut rates by a quarter point.", 0.25),
        ("A half-point rate rise is expected in June.", 0.5),
        ("Three-quarters of a point was lost in a week.", 0.75),
    ],
)
def test_a_fraction_in_words_before_point_is_that_part_of_a_point(text, value):
    [q] = extract_quantities(text)
    assert (q.value, q.unit) == (value, "point")


def test_a_fraction_before_percentage_point_stays_in_percentage_points():
    [q] = extract_quantities("It rose by a quarter percentage point.")
    assert (q.value, q.unit, q.raw_unit) == (0.25, "percent", "percentage point")
