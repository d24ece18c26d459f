"""When ``storyline follow`` polls: a duration such as ``30s``, ``15m``, ``1h`` or ``1h30m``, and
the loop that runs one round, then waits out the rest of the interval, until stopped."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from storyline.errors import StorylineError

E186 = (
    "E186: --every '{value}' is not a duration of at least {minimum} seconds. "
    "Write a number and a unit, s, m, h or d, e.g. --every 15m or --every 1h30m."
)
MIN_SECONDS = 10  # no feed needs polling more often, and the sites deserve better
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"(?:\d+(?:\.\d+)?[smhd])+")
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd])")


class ScheduleError(StorylineError):
    """A polling interval could not be understood."""


def parse_duration(value: str) -> float:
    """Seconds in ``value`` (``30s``, ``15m``, ``1h``, ``1h30m``, ``2d``); E186 otherwise."""
    text = value.strip().lower().replace(" ", "")
    if not _DURATION.fullmatch(text):
        raise ScheduleError(E186.format(value=value, minimum=MIN_SECONDS))
    seconds = sum(float(number) * _UNITS[unit] for number, unit in _PART.findall(text))
    if seconds < MIN_SECONDS:
        raise ScheduleError(E186.format(value=value, minimum=MIN_SECONDS))
    return seconds


def repeat(
    round_: Callable[[], object],
    every: float,
    rounds: int | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Run ``round_`` every ``every`` seconds (``rounds`` times, or until interrupted); a round that
    overruns the interval is followed at once by the next. Returns how many rounds ran."""
    done = 0
    while rounds is None or done < rounds:
        started = clock()
        round_()
        done += 1
        if rounds is not None and done >= rounds:
            break
        sleep(max(0.0, every - (clock() - started)))
    return done
