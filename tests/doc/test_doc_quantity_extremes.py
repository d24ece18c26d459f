"""Highs and lows over a period are bare numbers (``storyline.doc.quantity_extremes``), as CQE's blacklist."""

from __future__ import annotations

import pytest

from storyline.doc.quantities import extract_quantities
from storyline.doc.quantity_extremes import period_extremes
from storyline.eval.newsquant import unit_name


@pytest.mark.parametrize(
    ("text", "value", "written"),
    [
        ("The rouble slid to a 7-month low against the euro.", 7, "7-month low"),
        ("Cocoa futures reached a twelve-year high on Tuesday.", 12, "twelve-year high"),
        ("The lira sat at a three week low by noon.", 3, "three week low"),
        ("Several miners traded near 52-week highs.", 52, "52-week highs"),
    ],
)
def test_a_period_before_high_or_low_is_a_number_of_no_unit(text, value, written):
    (q,) = [q for q in extract_quantities(text) if q.text == written]
    assert (q.value, q.unit, q.noun, q.kind) == (value, "count", None, "measure")
    assert unit_name(q) == "-"


def test_the_number_after_a_period_low_keeps_its_own_unit():
    found = extract_quantities("The index fell to a two-year low of 1,450 points.")
    assert [(q.value, unit_name(q)) for q in found] == [(2, "-"), (1450, "point")]


@pytest.mark.parametrize(
    "text",
    [
        "The climbers spent a 10-day stretch at high altitude.",
        "A 3-year plan set low targets.",
        "The crew worked 12 hours in high winds.",
    ],
)
def test_a_period_not_followed_by_high_or_low_is_no_extreme(text):
    assert period_extremes(text) == []
