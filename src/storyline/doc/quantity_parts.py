"""Digit fractions of a unit: "0.75 of a percentage point" is 0.75 percentage point.

Words already read this way ("a quarter of a percentage point", "half a litre"); CQE's rules read a
number with "of a" and a unit after it as a quantity in that unit, however the number is written. So a
decimal below one with "of a"/"of an" before a measure unit takes that unit. A count, a duration or an
age after it does not ("0.5 of a day" is left as it was, as "a third of a century" is). A fraction in words
before "point" is that part of a point: "a quarter point", "a half-point rise", "three-quarters of a point".
"""

from __future__ import annotations

import re

from storyline.doc.quantity_read import Atom, Unit, unit_after

_OF_A = re.compile(r"\s+of\s+an?(?=\s)", re.I)
_POINT = re.compile(r"(?:\s+of\s+a)?[\s-]+point\b(?![-'’])", re.I)


def part_of_unit(text: str, atom: Atom) -> Unit | None:
    """The measure unit after "of a" that the decimal ``atom`` (between 0 and 1) is a part of, or None."""
    of_a = _OF_A.match(text, atom.end)
    if of_a is None or atom.scaled or atom.currency is not None or not 0 < atom.value < 1:
        return None
    unit = unit_after(text, of_a.end(), atom)
    return unit if unit is not None and unit.kind == "measure" and unit.unit != "count" else None


def point_after(text: str, end: int) -> Unit | None:
    """ "point" right after a fraction in words ending at ``end``: "a quarter point" is 0.25 point, and so is
    "a quarter of a point"."""
    m = _POINT.match(text, end)
    return Unit(m.end(), "point", "point", None, None) if m is not None else None
