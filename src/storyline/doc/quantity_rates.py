"""Read a rate after a quantity: "$3,500 a month", "7 cents a share", "3,000 tests a day", "11 feet per
century", "10 kV/cm", "12 cents per bushel". The unit becomes "<unit>/<per>" ("USD/month", "count/day", "foot/century").

``extract_quantities`` calls ``rate_after`` once it has a number and its unit (or none).
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.doc.quantity_read import CURRENCY_CODES, Unit
from storyline.doc.quantity_units import singular

__all__ = ["rate_after"]

_PER_WORD = r"(?:a|an|per|each)[\s-]+"  # "a", "an", "per", "each", then the period or thing
_NOT_AGO = r"(?!\s+(?:earlier|ago|before|later|after)\b)"  # "a day earlier", "a year ago" are no rates
# money per period: "$3,500 a month" has the unit "USD/month", and so has "a $400-a-night room"
# money per thing: "$4 a pound", "12 cents per kilowatt hour", "$20 a head"; the kind of a share is no part of
# the rate, "$17.50 a common share" and "40 cents a diluted share" are per share
_SHARE_KIND = r"(?:(?:(?:fully\s+)?diluted|common|basic|adjusted|primary|ordinary)\s+(?=shares?\b))?"
_RATE = re.compile(
    rf"(?:\s+|-){_PER_WORD}{_SHARE_KIND}(year|month|week|day|night|hour|(?:troy\s+)?ounce|barrel|share|tonne|gallon|litre|sq\s?m|sq\s?ft"
    r"|square\s+met(?:re|er)|square\s+f(?:oo|ee)t|person|head|capita|passenger|seat|ticket|unit|kilo|kilogram|kg"
    rf"|pound|ton|mile|kilowatt[\s-]hour|kwh|megawatt[\s-]hour|mwh)\b{_NOT_AGO}",
    re.I,
)
# a count per period: "3,000 tests a day", "78,000 times a minute", "2 goals a game"
_COUNT_RATE = re.compile(
    rf"(?:\s+times)?(?:\s+|-){_PER_WORD}(second|minute|hour|day|night|week|month|year|game|match)\b{_NOT_AGO}",
    re.I,
)
# a measure per period, game or unit: "11 feet per century", "5 mm a year", "25 points a game", "10 kV/cm"
_MEASURE_RATE = re.compile(
    rf"(?:\s*/\s*|\s+{_PER_WORD})(second|minute|hour|day|night|week|month|year|decade|century|game|match)\b(?!-)"
    rf"{_NOT_AGO}"
    r"|\s*/\s*(cm2|cm|m2|m3|m|km2|km|kg|g|ha|l|ml|kwh|yr|mo|hr|h|min|s|wk)\b",
    re.I,
)
# anything else after "per" makes a rate of money, a count or a measure, as CQE reads "<unit> per <noun>":
# "12 cents per bushel", "1,200 people per square mile", "$1,800 per troy ounce", "$90 per short ton", "3 grams
# per serving"; an earnings report's kind of share is no part of the rate ("$1.20 per diluted share" is per
# share); not "per cent", "per se"
_PER_ANY = re.compile(
    r"\s+per\s+(?!(?:cent|se)\b)(?:each\s+|every\s+)?(?:(?:fully\s+)?diluted\s+|adjusted\s+|basic\s+)?"
    r"((?:square|cubic|metric|troy)\s+|(?:short|long)\s+(?=ton))?"
    r"(?!(?:square|cubic|metric|troy)\b|(?:short|long)\s+ton)([a-z]{3,})\b(?![-'’])",
    re.I,
)
# per a number of a unit or thing, one rate with its number: "litres per 100 km", "deaths per 100,000 people",
# "per 1,000 live births", "per million British thermal units" (words up to the first plural or unit sign)
_NOT_THING = (
    r"(?!(?:and|or|but|the|for|in|on|at|of|to|by|from|with|than|this|that|last|each|a|an|is|was|has|as|its|his)\b)"
)
_THING_WORD = rf"{_NOT_THING}[A-Za-z]{{2,}}"
_PER_NUMBER = re.compile(
    r"\s+per\s+(\d{1,3}(?:,\d{3})+|\d+|hundred|thousand|million|billion)\s+"
    rf"((?:{_THING_WORD}\s+){{0,2}}?{_NOT_THING}(?:[A-Za-z]+s|people|km|kg|Btu|BTU)\b"
    rf"|{_THING_WORD}\b(?!\s+{_THING_WORD}))(?![-'’])"
)
# money "a"/"an" any thing, as CQE reads a unit with "a" in it as "<unit> per <thing>" ("64.2 cents a dozen",
# "$12 a plate"): the thing a singular word that ends its phrase (punctuation or a preposition or
# conjunction next), so "$2 billion a record high" and "$5 a big plate" are left alone
_MONEY_A_ANY = re.compile(
    r"\s+an?\s+([a-z]{3,}(?<!s))\b(?![-'’])"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|on|at|for|to|from|by|and|or|but|than|since|last|this|next|until)\b)"
)
# money per thing written with a slash: "$4.50/gallon", "$60/barrel" (a period, "$2,000/month", is read above)
_MONEY_SLASH = re.compile(r"\s*/\s*([A-Za-z]{3,})\b(?![-'’/])")
_PER_UNIT = {"cm2": "square centimetre", "cm": "centimetre", "m2": "square metre", "m3": "cubic metre", "m": "metre",
             "km2": "square kilometre", "km": "kilometre", "kg": "kilogram", "g": "gram", "ha": "hectare",
             "l": "litre", "ml": "millilitre", "kwh": "kilowatt hour", "yr": "year", "mo": "month", "hr": "hour",
             "h": "hour", "min": "minute", "s": "second", "wk": "week"}  # fmt: skip
_PER = {"sq m": "square metre", "sqm": "square metre", "sq ft": "square foot", "sqft": "square foot",
        "kilo": "kilogram", "kg": "kilogram", "kwh": "kilowatt hour", "kilowatt-hour": "kilowatt hour",
        "mwh": "megawatt hour", "megawatt-hour": "megawatt hour"}  # fmt: skip


# what an amount is of, between it and its period: "barrels of crude oil a day", "tonnes of grain a year"
_OF_STUFF = re.compile(r"\s+of\s+(?:[a-z]+\s+)?(?:[a-z]+|[A-Z][A-Za-z]*\d+)(?=\s+(?:a|an|per|each)\s)")  # "of CO2"
_PERIODS = frozenset(("second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century"))
# a conversion in brackets between an amount and its period: "9 billion shekels ($2.4 billion) a year"
_BRACKETED = re.compile(r"\s*\([^()]{1,40}\)")


_DOLLAR_OF = re.compile(r"\s+(?:U\.S\.|US)(?=\s)")  # "$40 U.S. a share": whose dollars, before the rate


def rate_after(text: str, end: int, unit: Unit | None) -> tuple[Unit | None, int]:
    """The unit made a rate by what follows ``end`` (money, a duration or a count per period or per thing;
    a measure per period or per unit), and the new end; unchanged when no rate follows. A period after what
    the amount is of is the amount's ("12 million barrels of oil a day"), and so is anything after "per" there
    ("95 grams of CO2 per kilometre"). A rate after a
    conversion in brackets is the amount's before them, which keeps its end ("9 billion shekels ($2.4
    billion) a year": the shekels are per year, the dollars in brackets are a quantity of their own)."""
    rated, new_end = _rate_at(text, end, unit)
    country = _DOLLAR_OF.match(text, end) if new_end == end and unit is not None and unit.unit == "USD" else None
    if country is not None:  # "$75 U.S. per barrel": the country's name between amount and rate
        after, after_end = _rate_at(text, country.end(), unit)
        if after_end != country.end():
            return after, after_end
    stuff = _OF_STUFF.match(text, end) if new_end == end and unit is not None else None
    if stuff is not None:  # "12 million barrels of oil a day": the rate is the amount's, a period only
        after, after_end = _rate_at(text, stuff.end(), unit)
        per = re.match(r"\s+per\s", text[stuff.end() : after_end]) is not None  # "95 grams of CO2 per kilometre"
        if after is not None and after_end != stuff.end() and (per or after.unit.rpartition("/")[2] in _PERIODS):
            return after, after_end
    bracket = _BRACKETED.match(text, end) if new_end == end and unit is not None else None
    if bracket is None:
        return rated, new_end
    after, after_end = _rate_at(text, bracket.end(), unit)
    return (after, end) if after_end != bracket.end() else (rated, new_end)


def _rate_at(text: str, end: int, unit: Unit | None) -> tuple[Unit | None, int]:
    money = unit is not None and (unit.unit in CURRENCY_CODES or unit.unit in ("cent", "pence"))
    rated = money or (unit is not None and unit.kind == "duration")
    counted = unit is None or (unit.unit == "count" and unit.kind == "measure")
    rate = _RATE.match(text, end) if rated else _COUNT_RATE.match(text, end) if counted else None
    if rate is None:
        measured = _measure_rate(text, end, unit) if unit is not None else (unit, end)
        per_any = rated or counted or (unit is not None and _plain_measure(unit))  # "3 grams per serving"
        return _per_any(text, end, unit) if measured == (unit, end) and per_any else measured
    per = re.sub(r"\s+", " ", rate.group(1).lower()).replace("meter", "metre").replace("feet", "foot")
    unit = unit if unit is not None else Unit(end, "count", None, None, None)
    return replace(unit, unit=f"{unit.unit}/{_PER.get(per, per)}"), rate.end()


def _measure_rate(text: str, end: int, unit: Unit) -> tuple[Unit, int]:
    """A measure per period or per unit, "11 feet per century", "10 kV/cm"; unchanged when none follows
    (or the unit is converted, a count, a share or a rate already)."""
    if not _plain_measure(unit):
        return unit, end
    rate = _MEASURE_RATE.match(text, end)
    if rate is None:
        return unit, end
    per = (rate.group(1) or _PER_UNIT[rate.group(2).lower()]).lower()
    return replace(unit, unit=f"{unit.unit}/{per}"), rate.end()


def _plain_measure(unit: Unit) -> bool:
    """A measure as written, not converted, not a count, a share or a rate already."""
    plain = unit.kind == "measure" and unit.value_factor is None and "/" not in unit.unit
    return plain and unit.unit not in ("count", "percent", "fraction")


def _per_any(text: str, end: int, unit: Unit | None) -> tuple[Unit | None, int]:
    """Money, a count or a measure per any thing named after "per": "12 cents per bushel" is "cent/bushel",
    "1,200 people per square mile" "count/square mile", "4 tonnes per hectare" "t/hectare"; money also after
    "a" or a slash: "$3 a dozen" is "USD/dozen", "$4.50/gallon" "USD/gallon";
    unchanged when no such word follows."""
    numbered = _PER_NUMBER.match(text, end)
    if numbered is not None:
        return _per_number(numbered, end, unit)
    rate = _PER_ANY.match(text, end)
    if rate is None and unit is not None and _money(unit):
        thing = _MONEY_A_ANY.match(text, end) or _MONEY_SLASH.match(text, end)
        if thing is not None:
            return replace(unit, unit=f"{unit.unit}/{thing.group(1).lower()}"), thing.end()
    if rate is None:
        return unit, end
    per = f"{(rate.group(1) or '').lower()}{rate.group(2).lower()}"
    per = re.sub(r"\s+", " ", per).replace("meter", "metre").replace("feet", "foot")
    unit = unit if unit is not None else Unit(end, "count", None, None, None)
    return replace(unit, unit=f"{unit.unit}/{_PER.get(per, per)}"), rate.end()


def _per_number(rate: re.Match[str], end: int, unit: Unit | None) -> tuple[Unit | None, int]:
    """The rate per a number of things, "9 litres per 100 km" "L/100 kilometre", "12 deaths per 100,000
    people" "count/100000 people": the number is part of the rate, no figure of its own."""
    word, number = re.sub(r"\s+", " ", rate.group(2).lower()), rate.group(1).replace(",", "").lower()
    thing = _PER_UNIT.get(word) or singular(word)
    unit = unit if unit is not None else Unit(end, "count", None, None, None)
    return replace(unit, unit=f"{unit.unit}/{number} {thing}"), rate.end()


def _money(unit: Unit) -> bool:
    return unit.kind == "measure" and (unit.unit in CURRENCY_CODES or unit.unit in ("cent", "pence"))
