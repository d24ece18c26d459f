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
