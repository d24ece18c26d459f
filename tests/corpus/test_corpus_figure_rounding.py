from __future__ import annotations

from dataclasses import replace

import pytest

from corpus.contradiction_stories import point
from storyline.corpus import figure_rounding as fr


def told(value: float, text: str, qualifier: str | None = None) -> object:
    return replace(point(value, None, "a"), text=text, qualifier=qualifier)


@pytest.mark.parametrize(
    ("whole", "fraction", "expected"),
    [("200", "", (200.0, 100.0)), ("4", "9", (4.9, 0.1)), ("5", "", (5.0, 1.0)), ("12", "", (12.0, 1.0))],
)
def test_one_or_two_significant_digits_tell_their_last_digit(whole, fraction, expected):
    assert fr.written_step(whole, fraction) == pytest.approx(expected)


@pytest.mark.parametrize(("whole", "fraction"), [("206", ""), ("4", "95"), ("1", "25")])
def test_three_significant_digits_are_precise(whole, fraction):
    assert fr.written_step(whole, fraction) is None


def test_a_figure_told_in_millions_rounds_to_its_last_digit():
    assert fr.rounding(told(5e6, "The pipe spilled 5m barrels into the bay, officials said.")) == pytest.approx(0.1)
    assert fr.rounding(told(4.9e6, "The firm put the spill at 4.9 m barrels.")) == pytest.approx(0.05 / 4.9)


def test_a_converted_figure_is_read_from_its_written_unit():
    # 300 million gallons, kept in barrels (42 gallons each)
    p = told(300e6 / 42, "Some 300 million gallons of fuel reached the lagoon.")
    assert fr.rounding(p) == pytest.approx(50 / 300)


def test_a_precise_qualified_or_plainly_written_figure_does_not_round():
    assert fr.rounding(told(206e6, "In all 206 million gallons leaked.")) == 0.0
    assert fr.rounding(told(5e6, "About 5m barrels leaked.", qualifier="about")) == 0.0
    assert fr.rounding(told(5000, "The tank held 5,000 barrels.")) == 0.0


def test_the_rounding_is_capped():
    low, high = fr.rounded_interval(told(200e6, "It spilled 200 million litres."), 0.05)
    assert (low, high) == pytest.approx((190e6, 210e6))


@pytest.mark.parametrize(
    ("value", "text", "digits"),
    [
        (10500, "The collar caught 10,500 barrels in a day.", 3),
        (3.95e9, "The firm has spent $3.95 billion so far.", 3),
        (11100, "The firm put the catch at 466,200 gallons.", 4),  # read in barrels, written in gallons
        (200000 / 42, "More than 200,000 gallons a day are leaking.", 1),
        (2200, "The tube drew 2,200 barrels.", 2),
        (5000, "Some 5,000 barrels a day leak, 12 engineers said.", 1),  # the 12 is not the figure
        (7, "Crews found nothing.", 0),
    ],
)
def test_the_written_digits_of_a_figure_are_read_from_its_written_unit(value, text, digits):
    assert fr.written_digits(told(value, text)) == digits


def test_a_written_number_stands_for_itself_or_its_conversion():
    assert 1000.0 in fr.written_values("1,000")
    assert 4.9e6 in fr.written_values("4.9m")
    assert any(v == pytest.approx(200) for v in fr.written_values("8,400"))  # 8,400 gallons are 200 barrels
    assert fr.written_values("a few") == ()
