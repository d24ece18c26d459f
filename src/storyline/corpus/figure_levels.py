"""Water levels: a length that a river, reservoir or the water at a place rises to or stands at is a
measure of its own ("water level at Kherson"), kept in metres whatever unit the report used.

A length is a level when a rise verb comes right before it ("rose by more than five metres", "climbed
to 4 m") or a fall "to" it ("fell to 3.5 m"), with water named or a named river as its subject ("The
Dnipro at Kherson rose by ..."; "the drone climbed to 50 metres" is no level); when it stands
"above/below its usual level"; or when its clause names water and a level or peak ("the water ...
reached its highest point, about 5.6 metres"). A fall "by" a length is a change from an earlier
level, not a level, and is left out; so is a length in brackets after another, the report's own
conversion ("5.6 metres (roughly 18 feet)"). Units are converted with pint.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.doc.quantity_read import UNITS
from storyline.records import Quantity, Sentence

LEVEL_UNIT = "m"
_HIGHEST_LEVEL = 200.0  # metres: a longer length is a distance, not a level
# Canonical length units of ``doc.quantities`` and their pint names.
LENGTHS = {"km": "km", "m": "meter", "cm": "cm", "mm": "mm", "foot": "foot", "inch": "inch", "yard": "yard"}
_QUALIFIER = r"(?:(?:at\s+least|more\s+than|over|about|some|nearly|almost|around|roughly|up\s+to)\s+)?"
_RISE_BEFORE = re.compile(
    r"\b(?:r[io]se[ns]?|rising|climb(?:ed|s|ing)?|swell(?:ed|s|ing)?|surg(?:ed|es|ing)|stood|stands?"
    r"|peak(?:ed|s|ing)?|crest(?:ed|s|ing)?)\s+(?:by\s+|to\s+|at\s+)?" + _QUALIFIER + "$"
    r"|\b(?:f[ae]ll(?:s|en|ing)?|dropp?(?:ed|s|ing)?|reced(?:ed|es|ing)|sank|sunk|sinking)\s+to\s+" + _QUALIFIER + "$",
    re.IGNORECASE,
)
_FALL_BY = re.compile(
    r"\b(?:f[ae]ll(?:s|en|ing)?|dropp?(?:ed|s|ing)?|reced(?:ed|es|ing)|sank|sunk|sinking)\s+by\s+" + _QUALIFIER + "$",
    re.IGNORECASE,
)
_ABOVE_LEVEL = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:above|below|over|under)\s+(?:its|the|their|a)?\s*(?:\w+\s+){0,2}?(?:level|mark)s?\b",
    re.IGNORECASE,
)
_WATER = re.compile(r"\b(?:water|waters|river|reservoir|lake|sea|tide|flood\w*)\b", re.IGNORECASE)
_LEVEL = re.compile(r"\b(?:level|height|peak|crest|highest|lowest)\b", re.IGNORECASE)
_PLACE = re.compile(r"\b(?:at|in|near)\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)")
_BRACKET_OPEN = re.compile(r"\s*\(\s*$")
# A named river as the subject of the rise: "The Dnipro at Kherson rose by ..." ("the plane climbed to" is no level).
_NAMED_SUBJECT = re.compile(r"\b[Tt]he\s+[A-Z][\w'’-]+(?:\s+(?:at|in|near)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)?\s+$")


def level_of(sentence: Sentence, quantity: Quantity) -> str | None:
    """ "water level at <place>" (or "water level") when a length is a water level, else None."""
    if quantity.unit not in LENGTHS or is_bracketed_conversion(sentence, quantity):
        return None
    if in_metres(quantity).value > _HIGHEST_LEVEL:  # "30 km downstream" is a distance
        return None
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    before, text = sentence.text[:start], sentence.text
    if _FALL_BY.search(before):
        return None
    clause = re.split(r"[;,]", before)[-1] + text[end : end + 60]
    rise = _RISE_BEFORE.search(before)
    level = (
        (rise and (_WATER.search(text) or _NAMED_SUBJECT.search(before, 0, rise.start())))
        or _ABOVE_LEVEL.match(text, end)
        or (_WATER.search(text) and _LEVEL.search(clause + before[-80:]))
    )
    if not level:
        return None
    places = [m.group(1) for m in _PLACE.finditer(text, 0, start)]
    return f"water level at {places[-1]}" if places else "water level"


def is_bracketed_conversion(sentence: Sentence, quantity: Quantity) -> bool:
    """True when the length is in brackets right after another figure: the report's conversion."""
    start = quantity.start - sentence.start
    return any(
        q.end <= quantity.start and _BRACKET_OPEN.fullmatch(sentence.text[q.end - sentence.start : start])
        for q in sentence.quantities
    )


def in_metres(quantity: Quantity) -> Quantity:
    """The quantity with its value, range and unit in metres (converted with pint)."""
    unit = LENGTHS[quantity.unit]

    def metres(value: float) -> float:
        return float(UNITS.Quantity(value, unit).to("meter").magnitude)

    return replace(
        quantity,
        value=metres(quantity.value),
        low=metres(quantity.low),
        high=metres(quantity.high),
        unit=LEVEL_UNIT,
    )
