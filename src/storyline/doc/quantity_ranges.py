"""Two numbers read together: a range ("3,000 to 4,000", "between 3 and 4 million", the scale of the upper
end carried over; "between 35,000 barrels (5,560 cubic metres) and 60,000 barrels (...) a day", the
report's conversion of the lower end in brackets between them), a change from an old level to a new one
("rose from 3,000 to 4,000", and "grew by $43.6 billion to $419.2 billion", a change then the new level),
a span written from its high end down ("1.3 A/cm2 to 0.03 A/cm2"), or the first of two alternatives
("eight or nine euros"; but "three or four years" is one span)."""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.doc.quantity_context import BY_BEFORE, ends_with, qualifier_before, skipped
from storyline.doc.quantity_rates import rate_after
from storyline.doc.quantity_read import Atom, Unit, atom_from, make_quantity, plural_unit, unit_after
from storyline.records import Quantity

BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
# "rose from 3,000 to 4,000" is a change (``level_change``); "fines from $250,000 to $1 million" is a range
_CHANGE_VERBS = (
    r"(?:rose|risen|rise[sn]?|rising|fell|fallen|falls?|falling|increas\w*|decreas\w*|drop\w*|climb\w*|grew"
    r"|grow\w*|jump\w*|surg\w*|slid\w*|slip\w*|sank|sunk|declin\w*|plung\w*|soar\w*|rais\w*|cut\w*|lower\w*"
    r"|reduc\w*|revis\w*|slow\w*|chang\w*|went|go(?:es|ne)?|moved?|boost\w*|up|down|narrow\w*|eas\w*|widen\w*"
    r"|shr[aiu]nk\w*|doubl\w*|tripl\w*|halv\w*|swell\w*|swoll\w*|tumbl\w*|skid\w*|dip(?:s|ped|ping)?|sag(?:s|ged|ging)?"
    r"|slump\w*|advanc\w*|retreat\w*|rall(?:y|ies|ied|ying)|(?:nose-)?dive[sd]?|(?:nose-)?diving|dove)"
)
_CHANGE_VERB = rf"\b{_CHANGE_VERBS}\b[^.;:]{{0,40}}"
# a verb of gain or loss is one of change only right before its number ("added 60 points to 9,400"), not
# across a clause ("He added that fines from $250,000 to $1 million ..." is a range)
_GAIN_VERBS = r"(?:gain(?:s|ed|ing)?|add(?:s|ed|ing)?|los(?:e|es|t|ing)|shed(?:s|ding)?)"
# a verb of change right before the number: "rose 4 cents to 98 cents" is a change and the new level
CHANGED_BY = re.compile(rf"\b(?:{_CHANGE_VERBS}|{_GAIN_VERBS})\s+(?:by\s+)?$", re.I)
_CHANGE_FROM = re.compile(rf"{_CHANGE_VERB}\bfrom\s+$", re.I)
_CHANGE_TO = re.compile(rf"{_CHANGE_VERB}\bto\s+$", re.I)
_TO = re.compile(r"\s+to\s+")
_FROM = re.compile(r"\s+from\s+")
_THEN_RANGE = re.compile(r"\s*(?:[-–]|to\s|and\s)\s*\S*\d")
SCORE = re.compile(r"[-–](?:to-)?\d")  # "2-2", "a 5-to-4 decision"
# "30- to 50-year-olds": a hyphen shared; "5-to-10 years"
_RANGE_SEP = re.compile(r"^(?:\s*[-–—]?\s+to\s+|-to-|\s*[-–—]\s*)")
# after "between" the ends are joined by "and", by news's common "to" ("between 5,000 to 10,000") or by a
# dash ("between 5-10 km"), all read the same
_BETWEEN_SEP = re.compile(r"^(?:\s+(?:and|to)\s+|\s*[-–—]?\s+to\s+|\s*[-–—]\s*)", re.I)
OR_SEP = re.compile(r"\s*-?\s+or\s+")
# the report's conversion of a range's lower end, in brackets before the upper: "35,000 barrels (5,560 cubic metres)"
_CONVERSION = re.compile(r"\s*\([^()]{0,40}?\d[^()]{0,40}\)")
_BARREL_RATES = {"bpd": "barrel"}  # a unit read with its period in it ("barrels a day") and the unit it is a rate of


def second_atom(text: str, pos: int, between: bool) -> Atom | None:
    """The upper end of a range: "3,000 to 4,000", "3,000-4,000", "between 3,000 and 4,000" (or "between
    3,000 to 4,000", "between 3,000-4,000")."""
    sep = (_BETWEEN_SEP if between else _RANGE_SEP).match(text[pos:])
    return None if sep is None else atom_from(text, pos + sep.end())


# a duration joined to its number by a hyphen: "30-year", "24-hour", "two-year-long"
_JOINED_DURATION = re.compile(
    r"-(?P<unit>second|minute|hour|day|night|fortnight|week|month|year|decade|century|millennium)(?:-long)?\b(?![-’'])",
    re.I,
)
# what stands between the two ends of a range or two alternatives: "20- to 30-year", "10-15-year", "16 - or 17-hour"
_ENDS_SEP = re.compile(r"\s*[-–—]?\s*(?:(?:to|or|and)\s+)?", re.I)


def _joined_duration(text: str, pos: int) -> Unit | None:
    """A duration joined by a hyphen to the number that ends at ``pos``: "30-year", "24-hour". Not read by
    ``unit_after``: alone, "a 10-year plan" is an adjective, no quantity (two of three such on NewsQuant's dev
    are not annotated); a capitalized period names a thing, "the Six-Day War"."""
    joined = _JOINED_DURATION.match(text, pos)
    if joined is None or joined.group("unit")[0].isupper():
        return None
    return Unit(joined.end(), joined.group("unit").lower(), joined.group("unit"), None, None, "duration")


def shared_period(text: str, atom: Atom, second: Atom) -> Unit | None:
    """The duration joined by a hyphen to the second of two numbers, which both share: "20- to 30-year cycles",
    "10-15-year terms", "3 to 5-year terms" are 20 to 30, 10 to 15, 3 to 5 years, "16- or 17-hour days" 16 or 17
    hours (a hyphenated duration with one number, "a 10-year plan", is no quantity; see ``_joined_duration``)."""
    if _ENDS_SEP.fullmatch(text, atom.end, second.start) is None:
        return None
    return _joined_duration(text, second.end)


def second_past_conversion(text: str, first: Unit, between: bool) -> tuple[Atom, Unit] | None:
    """The upper end of a range and its unit when the lower end is followed by its conversion in brackets:
    "between 35,000 barrels (5,560 cubic metres) and 60,000 barrels". The upper end must be written with
    the lower's unit (or that unit per day, "60,000 barrels a day"): only then is the bracket a conversion
    inside one range, not a figure of its own ("35,000 barrels (5,560 cubic metres) and 60 workers")."""
    bracket = _CONVERSION.match(text, first.end)
    second = second_atom(text, bracket.end(), between) if bracket is not None else None
    unit = unit_after(text, second.end, second) if second is not None else None
    if second is None or unit is None or not same_unit(first, unit, second):
        return None
    return second, unit


def same_unit(first: Unit | None, second: Unit | None, atom: Atom) -> bool:
    """Both ends are in one unit: "5 to 7 per cent", "5% to 7%", "$3 to 4 million", not "7% to $2.3 billion";
    the upper end may carry the period of a rate ("35,000 barrels and 60,000 barrels a day")."""
    if first is None or first.unit == "count":
        return True
    if second is None:
        return atom.currency is not None
    return second.unit == first.unit or _BARREL_RATES.get(second.unit) == first.unit


def range_of(text: str, atom: Atom, second: Atom | None) -> tuple[float, float] | None:
    """(low, high) of a range, the scale of the upper end carried over ("3 to 4 million", and "10 to 13,000"
    when the thousands are shared, see ``_shared_thousands``)."""
    if second is None or (atom.currency and second.currency and atom.currency != second.currency):
        return None
    low, high = atom.value, second.value
    if second.scaled and not atom.scaled and low * second.value / second.base <= high:
        low *= second.value / second.base
    elif (thousands := _shared_thousands(text, atom, second)) is not None:
        low *= thousands
    return (low, high) if low < high else None


# a plain whole number of one to three digits, and one written with its thousands in groups of zeros
_SMALL_WHOLE = re.compile(r"[$£€]?(?P<n>[1-9]\d{0,2})")
_ROUND_THOUSANDS = re.compile(r"(?P<n>[1-9]\d{0,2})(?P<zeros>(?:,000)+)")


def _shared_thousands(text: str, atom: Atom, second: Atom) -> float | None:
    """The thousands (1,000 or 1,000,000) the lower end of a range shares with its upper end when it is written
    without them: "10 to 13,000 people", "30-40,000 species", "between 3 and 4,000" are 10,000 to 13,000 and so
    on. Only when the lower end is a plain whole number below the upper end's leading group and at least half of
    it: read as written, such a range would span hundreds of times its lower end, while shared it is a usual
    estimate. "from 2 to 10,000", "$200 to $4,000" and "$10 to $13,000" (each end with its own sign) keep their
    ends as written."""
    small = _SMALL_WHOLE.fullmatch(text, atom.start, atom.end)
    round_ = _ROUND_THOUSANDS.fullmatch(text, second.start, second.end)
    if small is None or round_ is None or second.scaled:
        return None
    low, lead = int(small.group("n")), int(round_.group("n"))
    return 1000.0 ** round_.group("zeros").count(",") if low < lead <= 2 * low else None


def falling_span(text: str, atom: Atom, first: Unit | None) -> tuple[Quantity, int] | None:
    """ "a density of 1.3 A/cm2 to 0.03 A/cm2", "from 40 km to 12 km": a span written from its high end down
    to its low one, "to" between, each end written with one and the same unit (or rate), is one quantity
    that falls from the first end to the second, as a change does (CQE writes such a span in the order
    written). Not two counts ("won 3 to 1"), ends of two units, a change then its level ("cut by 5% to
    3%"), nor a range of ranges."""
    if first is None or first.unit in ("count", "fraction") or first.kind != "measure":
        return None
    first_rated, gap = rate_after(text, first.end, first)
    sep = _TO.match(text, gap)
    second = atom_from(text, sep.end()) if sep is not None else None
    second_unit = unit_after(text, second.end, second) if second is not None else None
    if second is None or second_unit is None or second.scaled != atom.scaled or second.value >= atom.value:
        return None
    second_rated, end = rate_after(text, second_unit.end, second_unit)
    if second_rated is None or first_rated is None or second_rated.unit != first_rated.unit:
        return None
    before = text[: atom.start]
    if BY_BEFORE.search(before) or ends_with(CHANGED_BY, before) is not None or _THEN_RANGE.match(text, end):
        return None
    return make_quantity(text, atom.start, end, second.value, second.value, second_rated, None, atom.value), end


def change_then_level(
    text: str, atom: Atom, second: Atom, first: Unit | None, second_unit: Unit | None, span: tuple[float, float]
) -> bool:
    """ "grew by $43.6 billion to $419.2 billion", "rose 4 cents to 98 cents": a change, then the new level,
    not a range. Without "by" both ends must be written alike, each with its unit (not counts) or both bare, after
    a verb of change right before the first, and the level must be far above the change ("skidded 9.5 to 200.5"),
    or above twice it and written finer ("plunged $4 to $14.75"): "prices rose 5 to 7 percent", "rose 5% to 7%",
    "rose 1 to 1.5 degrees" and "grew 5 to 8" stay ranges."""
    if first is not None and (second_unit is None or first.unit == "count"):
        return False
    if first is None and second_unit is not None:
        return False
    before = text[: atom.start]
    if first is not None and BY_BEFORE.search(before):
        return True
    if ends_with(CHANGED_BY, before) is None or span[0] <= 0:
        return False
    finer = _decimals(text, second) > _decimals(text, atom)
    return span[1] >= 4 * span[0] or (finer and span[1] >= 2 * span[0])


def _decimals(text: str, atom: Atom) -> int:
    """The places after the decimal point of a number as written: "$14.75" 2, "$4" 0."""
    point = re.search(r"\.(\d+)", text[atom.start : atom.end])
    return len(point.group(1)) if point is not None else 0


def first_alternative(
    text: str, atom: Atom, own: Unit | None, second: Atom, other: Unit | None
) -> tuple[Quantity, int] | None:
    """The first of two alternatives, "eight or nine euros", "7- or 8-inch": a value of its own, in the
    unit of the second when it has none; the second is found next. Two lengths of time are one span
    instead, from the first to the second: "three or four years" (a duration told roughly, as CQE's
    range)."""
    if own is None and other is not None and other.kind == "duration" and atom.value < second.value:
        if skipped(text, atom, other, True):
            return None
        qualifier, start = qualifier_before(text[: atom.start])
        return make_quantity(text, start, other.end, atom.value, second.value, other, qualifier), other.end
    if own is None and other is not None and atom.currency is None:
        own = replace(other, end=atom.end)
    if skipped(text, atom, own, own is not None):
        return None
    qualifier, start = qualifier_before(text[: atom.start])
    end = own.end if own is not None else atom.end
    return make_quantity(text, start, end, atom.value, atom.value, own, qualifier), end


def level_change(text: str, atom: Atom, unit: Unit | None) -> tuple[Quantity, int] | None:
    """A change written "rose from 3,000 to 4,000" or "rose to 4,000 from 3,000": one quantity at its new
    level, with the old level as ``previous``. "cut from 5 to 7% to 3 to 5%" (ranges) is left alone."""
    before = text[: atom.start]
    from_first = ends_with(_CHANGE_FROM, before) is not None
    if not from_first and ends_with(_CHANGE_TO, before) is None:
        return None
    unit = unit or plural_unit(text, atom.end)
    rated, gap = rate_after(text, unit.end, unit) if unit is not None else (None, atom.end)
    sep = (_TO if from_first else _FROM).match(text, gap)
    if sep is None:
        return None
    other = atom_from(text, sep.end())
    if other is None or (atom.currency and other.currency and atom.currency != other.currency):
        return None
    other_unit = unit_after(text, other.end, other) or plural_unit(text, other.end)
    if unit is not None and other_unit is not None and unit.unit != other_unit.unit:
        return None
    if rated is not None and unit is not None and gap > unit.end:  # "from $75 per barrel to $45": both per barrel
        unit, other_unit = rated, replace(rated, end=other_unit.end) if other_unit is not None else None
    old, new = (atom, other) if from_first else (other, atom)
    new_unit = (other_unit or unit) if from_first else (unit or other_unit)
    end = max(other_unit.end if other_unit is not None else 0, other.end)
    if new_unit is not None and "/" not in new_unit.unit:  # "from $4 to $6 a gallon": both a gallon
        rated_new, rate_end = rate_after(text, end, new_unit)
        new_unit, end = (rated_new, rate_end) if rated_new is not None else (new_unit, end)
    if _THEN_RANGE.match(text, end) or skipped(text, new, new_unit, True) or skipped(text, old, new_unit, True):
        return None
    previous = old.value
    if new.scaled and not old.scaled and old.value < 1000:  # "from 3 to 4 million"
        previous *= new.value / new.base
    return make_quantity(text, atom.start, end, new.value, new.value, new_unit, None, previous), end
