"""A run of white space reads as one space (our own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.records import Token
from storyline.time import tag
from storyline.time.white_space import needs_squeeze, squeeze

FRIDAY = date(2024, 5, 3)


def _values(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in tag(text, FRIDAY)]


@pytest.mark.parametrize("gap", ["  ", " \t", "\t\t", "   "])
def test_a_wide_gap_before_a_set_off_day_reads_as_one_space(gap: str) -> None:
    # the cue "due" was one character further from "the 12th" than "were" after it, and lost to it
    text = f"The works, due on{gap}the 12th, were put off."
    assert _values(text) == [("the 12th", "2024-05-12")] == _values("The works, due on the 12th, were put off.")


def test_expressions_keep_the_offsets_and_text_as_written() -> None:
    text = "Rain fell  late\n\nApril and the  roads shut three   days ago."
    found = tag(text, FRIDAY)
    assert [(e.text, text[e.start : e.end]) for e in found] == [
        ("late\n\nApril", "late\n\nApril"),
        ("three   days ago", "three   days ago"),
    ]
    assert [e.value for e in found] == [
        e.value for e in tag("Rain fell late April and the roads shut three days ago.", FRIDAY)
    ]


def test_squeeze_maps_each_character_back() -> None:
    squeezed = squeeze("a  b\t\tc\n d")
    assert squeezed.text == "a b c\n d"  # a run with a line break ends a line, and is kept
    assert [squeezed.original[o] for o in squeezed.offsets[:-1]] == ["a", " ", "b", "\t", "c", "\n", " ", "d"]
    assert squeezed.offsets[-1] == len(squeezed.original)
    assert not needs_squeeze("one space\nthen a line \n and a paragraph")


def test_tokens_move_with_the_squeezed_text() -> None:
    text = "He  left  Monday."
    tokens = [Token(10 + a, 10 + b, text[a:b], "", "", "", "", 0) for a, b in [(0, 2), (4, 8), (10, 16), (16, 17)]]
    squeezed = squeeze(text)
    moved = squeezed.tokens(tokens, 10)
    assert [squeezed.text[t.start : t.end] for t in moved] == ["He", "left", "Monday", "."]
