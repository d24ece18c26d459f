"""Multiples: "four times", "3 times bigger", "2.5 times as fast" count times.

CQE's rules read a number with "times" after it as a quantity ("four times, 6.5 times" is its own
example) and its unit dictionary has "time" as a surface of the unit "count"; so a multiple is a count,
whether it is written in digits or in words. "78,000 times a minute" is then a rate of it
(``quantity_rates``). "Times" with a capital is a name ("5 Times Square"), not a multiple.
"""

from __future__ import annotations

import re

from storyline.doc.quantity_read import Atom, Unit

_TIMES = re.compile(r"[\s-]+times\b")


def times_after(text: str, atom: Atom) -> Unit | None:
    """The count "times" right after the number ``atom``, or None."""
    m = _TIMES.match(text, atom.end)
    return Unit(m.end(), "count", "times", "times", None) if m is not None else None
