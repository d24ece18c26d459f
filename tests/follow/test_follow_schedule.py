"""Polling intervals: durations like 15m are read exactly, and anything else is a clear error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.follow.schedule import ScheduleError, parse_duration, repeat


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("2d", 172800), ("1.5h", 5400)]
)
def test_durations_are_read_in_seconds(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["15", "m", "fifteen minutes", "-5m", "15x", "", "5s", "0m"])
def test_a_bad_or_too_short_duration_is_a_clear_error(text: str) -> None:
    with pytest.raises(ScheduleError, match=r"^E186: --every '.*' is not a duration of at least 10 seconds"):
        parse_duration(text)


@given(st.integers(min_value=0, max_value=99), st.integers(min_value=10, max_value=59))
def test_hours_and_minutes_add_up(hours: int, minutes: int) -> None:
    assert parse_duration(f"{hours}h{minutes}m") == hours * 3600 + minutes * 60


@given(st.text(max_size=12))
def test_any_text_gives_seconds_or_e186(text: str) -> None:
    try:
        seconds = parse_duration(text)
    except ScheduleError as e:
        assert str(e).startswith("E186: ")
    else:
        assert seconds >= 10


def test_repeat_waits_out_the_rest_of_each_interval() -> None:
    now = [0.0]
    waits: list[float] = []

    def one_round() -> None:
        now[0] += 4.0  # each round takes 4 seconds

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    assert repeat(one_round, 60.0, rounds=3, clock=lambda: now[0], sleep=sleep) == 3
    assert waits == [56.0, 56.0]
