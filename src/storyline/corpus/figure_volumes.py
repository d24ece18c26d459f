"""A leak's figures: how fast it flows, how much has spilled, and how much is collected, each a measure
of its own kept in barrels (a day), whatever unit the report used.

A volume per day ("5,000 barrels a day", "30,000 gallons per day") is a rate and a volume without a
period is a total; which measure it is comes from the verb or noun nearest to it in its clause: a leak
("leaking", "gushing", "spewing", "the flow at ...") makes "flow rate" or "spilled", a collection
("siphoning", "collect", "skimmed", "capture") makes "collection rate" or "collected". A volume that
neither names (a field's output, a depot's stock) has no measure, nor has one in a question, nor one
in brackets after another figure (the report's own conversion, "4,000 barrels (168,000 gallons)").
Gallons, litres and cubic metres are converted to barrels (42 US gallons), so that one series holds
one unit and its ranges.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.corpus.figure_levels import is_bracketed_conversion
from storyline.records import Quantity, Sentence

BARREL = "barrel"
VOLUME_MEASURES = frozenset({"flow rate", "collection rate", "spilled", "collected"})
BARRELS_A_DAY = "barrel/day"
# Barrels in one of each volume unit of ``doc.quantities`` (a barrel of oil is 42 US gallons).
PER_UNIT = {"barrel": 1.0, "barrel of oil": 1.0, "gallon": 1 / 42, "L": 1 / 158.987294928, "m3": 6.28981077}
_RATE_UNITS = {"bpd": 1.0} | {f"{unit}/day": factor for unit, factor in PER_UNIT.items()}
_LEAK = re.compile(
    r"\b(?:leak\w*|spew\w*|gush\w*|pour\w*|spill\w*|flow\w*|escap\w*|belch\w*|releas\w*|discharg\w*|seep\w*"
    r"|bleed\w*|bled|dump\w*)\b",
    re.IGNORECASE,
)
_COLLECT = re.compile(
    r"\b(?:collect\w*|siphon\w*|captur\w*|funnel\w*|recover\w*|skim\w*|suck\w*"
    r"|tapp\w*|pump\w*\s+(?:up|out|to)|clean(?:ed|ing)?\s+up)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;?!]|\.\s|,\s+(?:and|but|while|which|when)\s", re.IGNORECASE)
_REACH = 60  # characters between a volume and the word that says what it measures


def volume_measure(sentence: Sentence, quantity: Quantity) -> str | None:
    """ "flow rate", "collection rate", "spilled" or "collected" when a volume is a leak's figure, else None."""
    rate = quantity.unit in _RATE_UNITS
    if not (rate or quantity.unit in PER_UNIT) or is_bracketed_conversion(sentence, quantity):
        return None
    if sentence.text.rstrip().rstrip("\"”'’").endswith("?"):
        return None
    kind = _nearest_kind(sentence, quantity)
    if kind is None:
        return None
    if kind == "leak":
        return "flow rate" if rate else "spilled"
    return "collection rate" if rate else "collected"


def _nearest_kind(sentence: Sentence, quantity: Quantity) -> str | None:
    """ "leak" or "collect", from the nearest such word in the quantity's clause, within ``_REACH``."""
    text = sentence.text
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_END.finditer(text, end)), len(text))
    best: tuple[int, str] | None = None
    for kind, pattern in (("leak", _LEAK), ("collect", _COLLECT)):
        for m in pattern.finditer(text, left, right):
            distance = max(start - m.end(), m.start() - end, 0)
            if distance <= _REACH and (best is None or distance < best[0]):
                best = (distance, kind)
    return best[1] if best else None


def in_barrels(quantity: Quantity) -> Quantity:
    """The quantity with its value, range and unit in barrels, or barrels a day for a rate."""
    rate = quantity.unit in _RATE_UNITS
    factor = _RATE_UNITS[quantity.unit] if rate else PER_UNIT[quantity.unit]
    return replace(
        quantity,
        value=quantity.value * factor,
        low=quantity.low * factor,
        high=quantity.high * factor,
        unit=BARRELS_A_DAY if rate else BARREL,
    )
