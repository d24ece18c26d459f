"""A bare number takes the unit of the quantity it is set against (``storyline.doc.quantity_carry``)."""

from __future__ import annotations

from storyline.doc.quantities import extract_quantities


def units(text: str) -> list[tuple[float, str, str | None]]:
    return [(q.value, q.unit, q.noun) for q in extract_quantities(text)]


def test_a_bare_number_right_after_a_comparison_takes_the_unit_before_it():
    assert units("Sales reached 3.9 million headsets, up from 2.4 million.")[1] == (2_400_000, "count", "headsets")


def test_a_bare_number_compared_at_the_end_of_a_short_clause_takes_the_counted_noun():
    found = units("About 310 bicycles were reported stolen this spring compared with 45 in the same weeks of 2021.")
    assert found[:2] == [(310, "count", "bicycles"), (45, "count", "bicycles")]


def test_a_bare_number_far_from_the_comparison_or_after_a_bare_number_keeps_no_unit():
    far = units("Some 90 trawlers left port; the harbour master, who kept the books for years, compared with 12.")
    assert far[1] == (12, "count", None)
    assert units("The score was 7 compared with 3.")[1][2] is None


def test_a_bare_level_before_a_change_in_points_takes_the_points():
    assert units("The index closed at 8412.5 up 31.2 points.")[0][1] == "point"
