"""The words of a TIMEX3 ``mod`` are inside the expression's extent, and leave its value alone
(TimeML: "no more than 60 days" is EQUAL_OR_LESS, "or so" APPROX, "or later" EQUAL_OR_MORE)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time import tag

DCT = date(2022, 9, 8)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, DCT)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inspectors may stay no more than sixty days.", ("no more than sixty days", "DURATION", "P60D")),
        ("The ban runs not less than two years.", ("not less than two years", "DURATION", "P2Y")),
        ("The plant will close in 2025 or later.", ("2025 or later", "DATE", "2025")),
        ("The bridge was built in 1950 or so.", ("1950 or so", "DATE", "1950")),
        ("Repairs will take three weeks or longer.", ("three weeks or longer", "DURATION", "P3W")),
        ("The talks went on for two days or more, he said.", ("two days or more", "DURATION", "P2D")),
    ],
)
def test_mod_words_are_inside_the_extent(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_an_or_between_two_dates_widens_neither() -> None:
    assert found("The vote is in 2025 or 2026.") == [("2025", "DATE", "2025"), ("2026", "DATE", "2026")]


def test_a_no_that_does_not_negate_a_comparison_stays_out() -> None:
    assert found("There is no deal after two days.") == [("two days", "DURATION", "P2D")]


@given(
    st.integers(min_value=2, max_value=99),
    st.sampled_from(["days", "weeks", "months", "years"]),
    st.sampled_from(["no more than", "not more than", "no less than", "no fewer than"]),
)
def test_a_negated_comparison_widens_the_extent_and_keeps_the_value(n: int, unit: str, negated: str) -> None:
    plain = found(f"The work takes {negated.split(' ', 1)[1]} {n} {unit}.")
    widened = found(f"The work takes {negated} {n} {unit}.")
    assert [(f"{negated.split(' ', 1)[0]} {text}", kind, value) for text, kind, value in plain] == widened


@pytest.mark.parametrize("text", ["Crews worked for three days\nor so.", "Crews worked for three days or\tso."])
def test_or_so_after_a_line_break_or_a_tab_is_taken_in(text: str) -> None:
    [found] = tag(text, date(2031, 3, 3))
    assert found.text.split() == ["three", "days", "or", "so"] and found.value == "P3D"
