"""Give a bare number the unit of the quantity it is compared with: "3.9 million headsets, up from 2.4
million", "460 vans were stolen this year compared with 63", "16369.03 up 58.06 points", the level after a
change, "rose 45 points to 7,100", and the other side of a tally, "passed by 218 votes to 210"; or set beside, of
the same size, in a clause joined by "while" or "and": "at 2483805 while Ohio had 1385710 lightning strikes";
or a side of a size, "66.5 x 107 mm", as CQE gives each side the unit; or the whole a part is out of, "a
dozen ballots I doubt, out of about 9,000".

``extract_quantities`` reads each number with the unit written after it; a number written without one
often shares the unit of a neighbour it is set against, and this is the step that carries it over.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from storyline.doc.quantity_context import ends_with
from storyline.doc.quantity_ranges import CHANGED_BY
from storyline.records import Quantity

__all__ = ["carry_units"]

# the words between a quantity and a bare number compared with it: right after it ("up from", "than",
# "against") or ending a short clause on it ("were stolen this year compared with")
_COMPARED = re.compile(r"^[\s,;]*(?:up|down)?\s*(?:from|than|versus|vs\.?|compared\s+(?:with|to)|against)\s+$", re.I)
_COMPARED_LATER = re.compile(r"^[^\d;:()]{0,60}?[\s,](?:compared\s+(?:with|to)|versus|vs\.?|against)\s+$", re.I)
# the words between a part and its bare whole: "a dozen ballots I doubt, out of about 9,000", "2.5 million coal
# jobs out of a total of 7 million"
_OUT_OF = re.compile(r"^[^\d;:()]{0,60}?[\s,]out\s+of\s+(?:a\s+total\s+of\s+)?$", re.I)
_BEFORE_CHANGE = re.compile(r"^[\s,]*(?:up|down)\s+$", re.I)
_BY = re.compile(r"^\s*[x×]\s*$")  # the sides of a size: "66.5 x 107 mm", "30 x 20 x 10 cm"
_JOINED = re.compile(r"\b(?:while|whilst|whereas|and|but)\b", re.I)
_SENTENCE_END = re.compile(r"[.;!?]\s")
_PARALLEL_GAP = 100  # characters at most between two parallel figures
_PARALLEL_RATIO = 3.0  # the larger of two parallel figures at most this many times the smaller


def carry_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """A bare count compared with the measure or count before it takes that one's unit and counted noun
    (not a converted one, whose value is in km or km2): "3.9 million headsets, up from 2.4 million", "5%
    against 3", "460 vans were stolen this year compared with 63"; and a bare level right before a change
    takes the change's unit: "16369.03 up 58.06 points"."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        carried = prev is not None and (
            _compared(text, prev, q) or _level_after_change(text, prev, q) or _tally(text, prev, q)
        )
        if prev is not None and _bare(q) and carried:
            q = replace(q, unit=prev.unit, raw_unit=prev.raw_unit, noun=prev.noun)
        out.append(q)
    for i, (q, after) in enumerate(itertools.pairwise(out)):
        if (
            _bare(q)
            and after.kind == "measure"
            and after.unit not in ("count", "percent", "km", "km2")
            and _BEFORE_CHANGE.match(text[q.end : after.start])
        ):
            out[i] = replace(q, unit=after.unit, raw_unit=after.raw_unit)
    for i in range(len(out) - 2, -1, -1):  # from the right, so that each side of "30 x 20 x 10 cm" is in cm
        side, last = out[i], out[i + 1]
        if _bare(side) and last.kind == "measure" and _BY.match(text[side.end : last.start]) and _sized(last):
            out[i] = replace(side, unit=last.unit, raw_unit=last.raw_unit)
    out = [_parallel(text, out, i) if _bare(q) else q for i, q in enumerate(out)]
    return [_rate_of_count(text, out, i) if _bare_rate(q) else q for i, q in enumerate(out)]


def _rate_of_count(text: str, found: list[Quantity], i: int) -> Quantity:
    """The bare count rate ``found[i]`` ("an average of 4 per day") with the noun of the nearest count
    before it in the same sentence ("30 thefts, an average of 4 per day": thefts per day), or as it is."""
    q = found[i]
    for p in reversed(found[:i]):
        if _SENTENCE_END.search(text[p.end : q.start]) or len(text[p.end : q.start]) > _PARALLEL_GAP:
            return q
        if p.kind == "measure" and p.unit == "count" and p.noun:
            return replace(q, noun=p.noun)
    return q


def _bare_rate(q: Quantity) -> bool:
    """A count per period or thing with no counted noun of its own, and not "78,000 times a minute"."""
    counted, slash, _ = q.unit.partition("/")
    return counted == "count" and bool(slash) and q.noun is None and " times" not in q.text.lower()


def _parallel(text: str, found: list[Quantity], i: int) -> Quantity:
    """The bare count ``found[i]`` with the unit of the nearest figure of its size set beside it ("2,435,000
    yen for the manual and 2,380,000 for the automatic"), or as it is."""
    q = found[i]
    if q.previous is not None:
        return q  # a change ("horsepower jumped from 240 to 273") has a subject of its own
    order = sorted((abs(j - i), j) for j in range(len(found)) if j != i)
    for _, j in order:
        p = found[j]
        if _bare(p) or p.kind != "measure" or p.unit in ("km", "km2") or (p.unit == "count" and not p.noun):
            continue
        if _preposition_before(text, p) not in (None, _preposition_before(text, q)):
            continue  # "infected 5,251 people in 30 countries and killed 61": 61 is no count of countries
        if _STATE.match(p.noun or "") and _OWN_VERB.match(text, q.end):
            continue  # "35 were killed and 80 injured", "22 killed and 40 wounded": 35 and 22 are not injured
        gap = text[p.end : q.start] if j < i else text[q.end : p.start]
        small, large = sorted((abs(p.value), abs(q.value)))
        near = len(gap) <= _PARALLEL_GAP and _JOINED.search(gap) and not _SENTENCE_END.search(gap)
        if near and small > 0 and large <= _PARALLEL_RATIO * small:
            return replace(q, unit=p.unit, raw_unit=p.raw_unit, noun=p.noun)
    return q


# a state told of people, standing for its noun: "80 injured", "12 dead", "4 missing"
_STATE = re.compile(r"^(?:dead|missing|hurt|[a-z]+ed)$", re.I)
# a verb or a participle right after a bare number: it tells a state of its own, "35 were killed", "22 killed"
_OWN_VERB = re.compile(r"\s+(?:were|was|are|is|have|has|had|died|remain|lay|[a-z]{3,}ed)\b", re.I)
# a preposition right before a figure: the figure is the object of it, not of the clause's verb
_PREPOSITION_BEFORE = re.compile(r"\b(in|across|among|into|from|at|on|over)\s+$", re.I)


def _preposition_before(text: str, q: Quantity) -> str | None:
    m = _PREPOSITION_BEFORE.search(text, max(0, q.start - 12), q.start)
    return m.group(1).lower() if m is not None else None


def _sized(q: Quantity) -> bool:
    """``q`` is a measure in a unit of size whose value is as written (km and km2 are converted)."""
    return q.unit not in ("count", "percent", "km", "km2") and "/" not in q.unit


def _bare(q: Quantity) -> bool:
    return q.unit == "count" and q.noun is None and q.kind == "measure"


_TO_LEVEL = re.compile(r"^,?\s+to\s+$", re.I)
# after a change, its level: "to", a day or "to close at" between ("shed 47.3 points Friday to close at 2082.1"),
# or the change's direction then "at" ("settled 42.0 points lower at 1678.5")
_TO_NEW_LEVEL = re.compile(
    r"^,?\s+(?:(?:yesterday|today)\s+|(?:on\s+)?[A-Z][a-z]+day\s+)?to(?:\s+(?:close|end|finish|settle)\s+at)?\s+$"
)
_MOVED_TO_LEVEL = re.compile(r"^,?\s+(?:lower|higher)\s*,?\s+(?:at|to)\s+$", re.I)


def _level_after_change(text: str, prev: Quantity, q: Quantity) -> bool:
    """``q`` is the level a change ``prev`` ended at, in its unit: "rose 45 points to 7,100", "grew by 200
    cases to 1,500", "shed 47 points to close at 2,082", "settled 42 points lower at 1,678"; not after a
    percentage, "rose 12% to 4.5 million", whose level is no percentage."""
    if prev.kind != "measure" or prev.unit in ("percent", "fraction", "km", "km2") or prev.previous is not None:
        return False
    if prev.unit == "count" and prev.noun is None:
        return False
    gap = text[prev.end : q.start]
    changed = _TO_NEW_LEVEL.match(gap) is not None and ends_with(CHANGED_BY, text[: prev.start]) is not None
    return changed or _MOVED_TO_LEVEL.match(gap) is not None


# the nouns of a tally of two sides, "passed by 218 votes to 210", "won by 3 goals to 1"
_TALLIED = re.compile(r"^(?:votes?|ballots?|seats?|goals?|runs?)$", re.I)


def _tally(text: str, prev: Quantity, q: Quantity) -> bool:
    """``q`` is the other side of a tally ``prev`` in votes, seats or goals: "passed by 218 votes to 210"."""
    counted = prev.kind == "measure" and prev.unit == "count" and prev.noun is not None
    return counted and bool(_TALLIED.match(prev.noun or "")) and bool(_TO_LEVEL.match(text[prev.end : q.start]))


def _compared(text: str, prev: Quantity, q: Quantity) -> bool:
    """``q`` is set against ``prev``, a measure with a unit or a count with a noun, or is the whole ``prev`` is a
    part of."""
    if prev.kind != "measure" or (prev.unit == "count" and prev.noun is None) or prev.unit in ("km", "km2"):
        return False
    gap = text[prev.end : q.start]
    whole = prev.unit != "percent" and _OUT_OF.match(gap) is not None  # a share's whole is no share
    return bool(_COMPARED.match(gap) or _COMPARED_LATER.match(gap)) or whole
