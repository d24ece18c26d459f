"""Years (``time/years.py``): "the year" set off after a year names it (our own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.time import tag

REPORT = date(2024, 3, 6)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The river has not run this high since 1998, the year of the great thaw.", "1998"),
        ("She first ran for the council in 2011 , the year the mill closed .", "2011"),
    ],
)
def test_the_year_set_off_after_a_year_names_that_year(text: str, value: str) -> None:
    found = {t.text: (t.value, t.date) for t in tag(text, REPORT)}
    assert found["the year"] == (value, value)


@pytest.mark.parametrize(
    "text",
    [
        "Sales in 1998 fell, and the year closed with a loss.",  # not set off right after the year
        "Profits rose in 1998; the year as a whole was weak.",
    ],
)
def test_the_year_not_set_off_after_a_year_keeps_its_own_reading(text: str) -> None:
    assert {t.text: t.value for t in tag(text, REPORT)}["the year"] != "1998"


def test_the_year_set_off_after_a_year_is_that_year_across_a_line_break() -> None:
    found = tag("The bridge has stood since 2005, the\nyear of the flood.", date(2031, 3, 3))
    assert [(e.text, e.value) for e in found] == [("2005", "2005"), ("the\nyear", "2005")]
