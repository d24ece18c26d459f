"""Water levels as a measure of their own (``storyline.corpus.figure_levels``), on our own sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.corpus import figure_levels as fl
from storyline.records import Quantity, Sentence


def sentence(text: str, *spans: tuple[str, float, str]) -> tuple[Sentence, list[Quantity]]:
    """A sentence with a quantity for each (words, value, unit) span, in order."""
    quantities = []
    for words, value, unit in spans:
        start = text.index(words)
        quantities.append(Quantity(start, start + len(words), words, value, value, value, unit, None, None, None))
    return Sentence(0, 0, len(text), text, 0, quantities=tuple(quantities)), quantities


@pytest.mark.parametrize(
    ("text", "words", "value", "unit", "measure"),
    [
        (
            "The Alder at Millbrook rose by more than four metres overnight.",
            "four metres",
            0.004,
            "km",
            "water level at Millbrook",
        ),
        ("The lake stood 2.3 metres above its normal level on Friday.", "2.3 metres", 0.0023, "km", "water level"),
        ("The reservoir level at Dunmore climbed to 11 feet by noon.", "11 feet", 11, "foot", "water level at Dunmore"),
        (
            "Floodwater in Kelby reached its highest point, about 90 centimetres, on Monday.",
            "90 centimetres",
            90,
            "cm",
            "water level at Kelby",
        ),
        ("By Sunday the river had fallen by about 30 centimetres.", "30 centimetres", 30, "cm", None),  # a change
        ("The flood reached villages 30 km downstream of the dam.", "30 km", 30, "km", None),  # a distance
        ("The new wall at Millbrook is 3 metres high.", "3 metres", 0.003, "km", None),  # no water, no rise
        ("The drone over Millbrook climbed to 50 metres.", "50 metres", 0.05, "km", None),  # no water
    ],
)
def test_a_length_the_water_rises_to_or_stands_at_is_a_water_level(
    text: str, words: str, value: float, unit: str, measure: str | None
) -> None:
    s, (q,) = sentence(text, (words, value, unit))
    assert fl.level_of(s, q) == measure


def test_a_length_in_brackets_after_another_is_the_reports_own_conversion() -> None:
    s, (metres, feet) = sentence(
        "The water at Kelby rose by about 4.5 metres (roughly 15 feet) in a day.",
        ("about 4.5 metres", 0.0045, "km"),
        ("roughly 15 feet", 15, "foot"),
    )
    assert fl.level_of(s, metres) == "water level at Kelby"
    assert fl.level_of(s, feet) is None


def test_levels_are_kept_in_metres_converted_with_pint() -> None:
    _, (feet, cm, km) = sentence(
        "15 feet, 90 cm, 0.0045 km", ("15 feet", 15, "foot"), ("90 cm", 90, "cm"), ("0.0045 km", 0.0045, "km")
    )
    assert (round(fl.in_metres(feet).value, 3), fl.in_metres(feet).unit) == (4.572, "m")
    assert round(fl.in_metres(cm).value, 3) == 0.9
    assert round(fl.in_metres(km).high, 3) == 4.5


@given(
    st.sampled_from(["river", "lake", "reservoir", "water"]),
    st.sampled_from(["Millbrook", "Kelby", "Port Alder"]),
    st.sampled_from(["rose by", "climbed to", "fell by", "dropped by", "fell to"]),
    st.floats(0.1, 30.0).map(lambda x: round(x, 1)),
)
def test_a_rise_or_a_level_is_a_water_level_and_a_fall_by_is_not(
    water: str, place: str, verb: str, metres: float
) -> None:
    words = f"{metres} metres"
    s, (q,) = sentence(f"The {water} at {place} {verb} {words} on Sunday.", (words, metres / 1000, "km"))
    expected = None if verb.endswith(" by") and not verb.startswith(("rose", "climbed")) else f"water level at {place}"
    assert fl.level_of(s, q) == expected
