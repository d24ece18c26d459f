"""Decades and centuries (``storyline.time.eras``); our own sentences."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.time import tag

THURSDAY = date(2022, 9, 8)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Prices soared in the mid-90s.", "the mid-90s", "199"),
        ("The song was a hit in the 80s.", "the 80s", "198"),
        ("He went to high school in the late 70s.", "the late 70s", "197"),
    ],
)
def test_a_decade_written_without_an_apostrophe_is_a_decade(text: str, span: str, value: str) -> None:
    assert [(t.text, t.value) for t in tag(text, THURSDAY)] == [(span, value)]


def test_the_80s_after_a_word_for_temperature_are_degrees_not_a_decade() -> None:
    assert tag("Temperatures stayed in the 80s all afternoon.", THURSDAY) == []
