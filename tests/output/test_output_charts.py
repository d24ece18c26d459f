"""The SVG charts' scales: dates to days, and round tick values that cover the values."""

from __future__ import annotations

import math
from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.output.charts import Y_TICKS, day_number, nice_ticks


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2025-05-02", "2025-05-02"),
        ("2025-05", "2025-05-01"),
        ("2025", "2025-01-01"),
        ("2025-02-30", "2025-02-28"),
    ],
)
def test_partial_dates_sit_at_the_start_of_their_period(iso: str, expected: str) -> None:
    assert day_number(iso) == day_number(expected)


@pytest.mark.parametrize("iso", [None, "", "soon", "2025-13", "25-05-02"])
def test_unreadable_dates_are_not_plotted(iso: str | None) -> None:
    assert day_number(iso) is None


def test_nice_ticks_cover_the_values_with_round_steps() -> None:
    ticks = nice_ticks(0, 93)
    assert ticks[0] == 0 and ticks[-1] >= 93
    assert ticks == [0, 25, 50, 75, 100]
    assert nice_ticks(5, 5)[-1] >= 5


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_any_full_date_maps_to_its_ordinal(day: date) -> None:
    assert day_number(day.isoformat()) == day.toordinal()


@given(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.floats(min_value=0, max_value=1e6, allow_nan=False),
)
def test_nice_ticks_always_span_the_range_in_equal_steps(low: float, width: float) -> None:
    ticks = nice_ticks(low, low + width)
    assert ticks[0] <= low and ticks[-1] >= low + width
    step = ticks[1] - ticks[0]
    assert step > 0
    resolution = 1e-9 * max(abs(ticks[0]), abs(ticks[-1]))  # what a float can tell apart there
    assert all(math.isclose(b - a, step, rel_tol=1e-6, abs_tol=resolution) for a, b in pairwise(ticks))
    assert len(ticks) <= 2 * Y_TICKS
