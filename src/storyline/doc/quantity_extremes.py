"""Highs and lows over a period: "a 10-year high", "a two year low", "six-week highs".

CQE keeps a number whose unit words include "high", "low" or "am" but names its unit "-" (a blacklist
of unit words in its code): "a 10-year high" is 10 of no unit, not a duration of 10 years. So a period
before "high" or "low" is a bare number here, a count with no counted noun.
"""

from __future__ import annotations

import re

from storyline.doc.quantity_words import SMALL, TENS, parse_number
from storyline.records import Quantity

_NUMBER = "|".join(sorted([*SMALL, *TENS], key=len, reverse=True))
_EXTREME = re.compile(
    rf"(?<![\w.,-])(?P<num>\d{{1,3}}|{_NUMBER})[\s-]+(?:year|month|week|day|session)s?[\s-]+(?:high|low)s?\b",
    re.I,
)


def period_extremes(text: str) -> list[Quantity]:
    """Each "<number>-<period> high/low" in ``text`` as a bare count spanning the whole phrase."""
    found = []
    for m in _EXTREME.finditer(text):
        value = parse_number(m.group("num"))
        found.append(Quantity(m.start(), m.end(), m.group(), value, value, value, "count", None, None, None))
    return found


def period_extreme(written: str) -> bool:
    """``written`` is a whole "<number>-<period> high/low": "14-year low", "two-year highs"."""
    return _EXTREME.fullmatch(written) is not None
