"""Round figures: the range an unqualified figure told in thousands, millions or billions with one or two
significant digits ("5m barrels", "200 million gallons") allows, read from the words its sentence writes."""

from __future__ import annotations

import math
import re

from storyline.corpus.figure_volumes import PER_UNIT
from storyline.records import FigurePoint

# A number told with a magnitude word: "5m", "4.9 m", "200 million", "$1.2bn", "30 thousand".
_WITH_MAGNITUDE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s?(thousand|million|billion|trillion|mn|m|bn|tn|k)\b",
    re.IGNORECASE,
)
_MAGNITUDES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
_MAGNITUDES |= {"trillion": 1e12, "tn": 1e12}
# Any written number, with its magnitude word if it has one: "10,500", "466,200", "$3.95 billion", "4.9m".
_NUMBER = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(thousand|million|billion|trillion|mn|m|bn|tn|k)\b)?",
    re.IGNORECASE,
)
# A figure's value may be its written number converted to the series' unit (gallons to barrels).
_FACTORS = (1.0, *PER_UNIT.values())
_MAX_DIGITS = 2


def written_step(whole: str, fraction: str) -> tuple[float, float] | None:
    """The written mantissa and the place of its last significant digit ("200" -> (200, 100), "4.9" -> (4.9,
    0.1)), or None when it has more than two significant digits ("206", "4.95") and so is told as precise."""
    fraction = fraction.rstrip("0")
    digits = (whole + fraction).lstrip("0")
    trailing = 0 if fraction else len(digits) - len(digits.rstrip("0"))
    if not digits or len(digits) - trailing > _MAX_DIGITS:
        return None
    step = 10.0 ** -len(fraction) if fraction else 10.0**trailing
    return float(f"{whole}.{fraction or 0}"), step


def rounding(point: FigurePoint) -> float:
    """How far, as a share of its value, an unqualified single figure may be from what it rounds: half a unit
    of its last significant digit when its sentence writes it with a magnitude word and at most two significant
    digits ("5m" stands for 4.5m to 5.5m), else 0. A figure with a qualifier already tells its range."""
    if point.qualifier is not None or point.low != point.high or point.value <= 0:
        return 0.0
    for m in _WITH_MAGNITUDE.finditer(point.text):
        read = written_step(m.group(1).replace(",", ""), m.group(2) or "")
        if read is None:
            continue
        mantissa, step = read
        written = mantissa * _MAGNITUDES[m.group(3).lower()]
        if any(math.isclose(written * f, point.value, rel_tol=1e-6) for f in _FACTORS):
            return step / 2 / mantissa
    return 0.0


def written_digits(point: FigurePoint) -> int:
    """How many significant digits its sentence writes the point's value with, directly or before a conversion
    to the series' unit: 3 for "10,500 barrels" and "$3.95 billion", 1 for "200,000 gallons" read in barrels;
    0 when no written number gives the value."""
    for m in _NUMBER.finditer(point.text):
        whole, fraction = m.group(1).replace(",", ""), (m.group(2) or "").rstrip("0")
        if any(math.isclose(value, point.value, rel_tol=1e-6) for value in _values(m)):
            digits = (whole + fraction).lstrip("0")
            return len(digits) if fraction else len(digits.rstrip("0"))
    return 0


def written_values(number: str) -> tuple[float, ...]:
    """What a written number ("1,000", "4.9m") may stand for in a series' unit: itself, or converted (gallons to
    barrels)."""
    m = _NUMBER.fullmatch(number.strip().rstrip(",."))
    return () if m is None else _values(m)


def _values(m: re.Match[str]) -> tuple[float, ...]:
    """What a ``_NUMBER`` match stands for: its value as written, magnitude word applied ("4.9m" 4,900,000), itself
    or converted to the series' unit (``_FACTORS``)."""
    magnitude = _MAGNITUDES.get((m.group(3) or "").lower(), 1.0)
    written = float(f"{m.group(1).replace(',', '')}.{m.group(2) or 0}") * magnitude
    return tuple(written * f for f in _FACTORS)


def rounded_interval(point: FigurePoint, cap: float) -> tuple[float, float]:
    """The values a round figure stands for, no further from it than ``cap`` (a share of its value)."""
    share = min(rounding(point), cap)
    return point.low * (1 - share), point.high * (1 + share)
