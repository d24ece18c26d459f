"""Find quantities (counts, areas, distances, percentages, money) in sentences and normalize their units.

This is rule-based on purpose: quantulum3 drops approximation words ("about", "more than"), loses
units such as "1,368 square km" and has no notion of troop or casualty counts, which are the
figures a conflict timeline tracks. Unit conversion itself is left to pint.

Reading one number and its unit is ``quantity_read``; numbers in words are ``quantity_words``; a bare
number taking the unit of the quantity it is compared with is ``quantity_carry``; a rate ("per day",
"a share") is ``quantity_rates``; this module decides from the context what is a quantity, with its
qualifier, range or change.
Durations, ages, vague amounts and unit conversions are kept with their ``kind``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.config import Config
from storyline.doc.quantity_carry import carry_units
from storyline.doc.quantity_codes import code_spans
from storyline.doc.quantity_extremes import period_extremes
from storyline.doc.quantity_multiples import times_after
from storyline.doc.quantity_names import clock_or_short_year, names_item, over_designation, skip_past, year_span
from storyline.doc.quantity_parts import part_of_unit, point_after
from storyline.doc.quantity_rates import rate_after
from storyline.doc.quantity_read import (
    ATOM,
    DURATION,
    PERCENT_OF,
    UNITS,
    Atom,
    Unit,
    atom_at,
    atom_from,
    conversion_end,
    convert,
    noun_after,
    pint_unit,
    plural_unit,
    unit_after,
)
from storyline.doc.quantity_units import FILLER, IRREGULAR
from storyline.doc.quantity_units import words as _words
from storyline.doc.quantity_words import (
    NOT_ONE_BEFORE,
    WHOLE_AFTER,
    WordSpan,
    bare_word_count,
    fractions,
    half_a_unit,
    numeric_fractions,
    one_noun,
    plural,
    vague_amounts,
)
from storyline.pipeline import Stage
from storyline.records import Document, Qualifier, Quantity, QuantityKind, Sentence

__all__ = ["UNITS", "annotate_quantities", "build", "convert", "extract_quantities", "pint_unit"]

# 1. Contexts that make a number something other than a quantity ----------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_BEFORE_SKIP = re.compile(
    rf"(?:\b{_MONTH}\.?\s+|\b{_MONTH}\.?\s+\d{{1,2}},\s+|[A-Za-z]-?|\d[/:]|#|\bno\.\s*|\bnumber\s+|\baged?\s+|\bA\.D\.\s+)$",
    re.I,
)
_AFTER_SKIP = re.compile(
    rf"""^(?:st|nd|rd|th)?(?:\b|(?=\s))(?:\s+(?:of\s+)?(?!(?-i:may)\s+(?!\d))(?:{_MONTH})\b)
    |^(?:st|nd|rd|th)\b
    |^\s*-?\s*years?[\s-]old
    |^:\s?\d\d
    |^/\d
    |^\s*(?:[ap]\.\s?m\.|am\b|pm\b|o'clock|gmt\b|utc\b|hrs\b)""",
    re.I | re.X,
)
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b([a-z]?[A-Z][A-Za-z&'’-]*)\s+$")
_ADDRESS_AFTER = re.compile(
    r"\s+(?:[A-Z0-9][\w.]*\s+){0,3}(?:St|Street|Rd|Road|Ave|Avenue|Way|Lane|Ln|Drive|Dr|Blvd|Boulevard|Place|Pl"
    r"|Court|Ct|Square|Sq|Terrace|Highway|Hwy)\b"
)
_OF_THE = re.compile(
    r"\s+of\s+(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s)\s+"
)
_NAME_COMMA = re.compile(
    r"\b(?:[A-Z][a-z’'-]+|man|woman|boy|girl|son|daughter|wife|husband|mother|father|brother|sister|driver"
    r"|victim|suspect|teenager|pilot|passenger|resident|officer|worker),\s+$"
)
# an age right after a full name, with the commas left out: "Nick Hague 44 has spent"
_FULL_NAME = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+\s+[A-Z][a-z’'-]+\s+$")
_VERB_AFTER_AGE = re.compile(r"\s+(?:has|had|is|was|said|says|will|would|who|died|told)\b")
# words that make the bare number after them an age: "she turned 40", "life expectancy in the region is 73"
_AGE_BEFORE = re.compile(r"(?:\bturn(?:s|ed|ing)?|\blife\s+expectancy\b[^\d.;:]{0,40}?)\s+$", re.I)
_YEAR_PREP = re.compile(r"\b(?:in|since|by|until|till|of|from|before|after|during|early|late|mid|between)\s+$", re.I)

# a year naming a thing, between a determiner and a singular word: "the 1988 horror film", "its 2021 budget"
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|whose)\s+$", re.I)
_WORD_AFTER = re.compile(r"\s+([a-z][a-z-]*)\b")
_TIME_PREP = re.compile(r"\b(?:in|since|until|till|before|after|during)\s+$", re.I)

# 2. Qualifiers and ranges -------------------------------------------------------------------
_QUALIFIERS: tuple[tuple[Qualifier, str], ...] = (
    ("up to", r"up\s+to|as\s+many\s+as"),
    ("at least", r"at\s+least|no\s+fewer\s+than|no\s+less\s+than"),  # the number itself is allowed
    ("less than", r"less\s+than|fewer\s+than|no\s+more\s+than|at\s+most|under|below|just\s+under"),
    (
        "more than",
        r"more\s+than|over|upwards\s+of|in\s+excess\s+of|above|just\s+over|well\s+over|exceeding",
    ),
    (
        "about",
        r"about|around|roughly|approximately|approx\.|nearly|almost|some|an\s+estimated|estimated|close\s+to"
        r"|circa|up\s+to\s+about",
    ),
)
_QUALIFIER_BEFORE = [(q, re.compile(rf"\b(?:{p})\s+$", re.I)) for q, p in _QUALIFIERS]
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
# "rose from 3,000 to 4,000" is a change (``_change``); "fines from $250,000 to $1 million" is a range
_CHANGE_VERBS = (
    r"(?:rose|risen|rise[sn]?|rising|fell|fallen|falls?|falling|increas\w*|decreas\w*|drop\w*|climb\w*|grew"
    r"|grow\w*|jump\w*|surg\w*|slid\w*|slip\w*|sank|sunk|declin\w*|plung\w*|soar\w*|rais\w*|cut\w*|lower\w*"
    r"|reduc\w*|revis\w*|slow\w*|chang\w*|went|go(?:es|ne)?|moved?|boost\w*|up|down|narrow\w*|eas\w*|widen\w*"
    r"|shr[aiu]nk\w*|doubl\w*|tripl\w*|halv\w*|swell\w*|swoll\w*)"
)
_CHANGE_VERB = rf"\b{_CHANGE_VERBS}\b[^.;:]{{0,40}}"
# a verb of change right before the number: "rose 4 cents to 98 cents" is a change and the new level
_CHANGED_BY = re.compile(rf"\b{_CHANGE_VERBS}\s+(?:by\s+)?$", re.I)
_CHANGE_FROM = re.compile(rf"{_CHANGE_VERB}\bfrom\s+$", re.I)
_CHANGE_TO = re.compile(rf"{_CHANGE_VERB}\bto\s+$", re.I)
_TO = re.compile(r"\s+to\s+")
_FROM = re.compile(r"\s+from\s+")
_THEN_RANGE = re.compile(r"\s*(?:[-–]|to\s|and\s)\s*\S*\d")
_BY_BEFORE = re.compile(r"\bby\s+$", re.I)
_SCORE = re.compile(r"[-–]\d")
_RANGE_SEP = re.compile(r"^(?:\s*[-–—]\s*|\s+to\s+)")
_AND_SEP = re.compile(r"^\s+and\s+")
_OR_SEP = re.compile(r"-?\s+or\s+")
_AFTER_QUALIFIER = re.compile(r"\s+or\s+(?:more|so)\b", re.I)
_NOT_NOUN = set(_words("those these them which whom us it all each"))
_OF_A = re.compile(r"(?:\s+of)?(?:\s+an?)?(?:\s+(?:US|U\.S\.|UK|imperial))?(?=\s)", re.I)


def _skipped(text: str, atom: Atom, unit: Unit | None, plural: bool = False) -> bool:
    """Years, dates, times, ordinals, ages, durations and numbers inside names are not quantities.

    ``plural``: a plural noun that is not a counted noun follows; it keeps number words ("eight
    picks") but does not make a year or a number inside a name a quantity.
    """
    before, after, raw = text[: atom.start], text[atom.end :], text[atom.start : atom.end]
    if unit is not None and unit.kind != "measure":
        return _ends_with(_BEFORE_SKIP, before) is not None
    if _ends_with(_BEFORE_SKIP, re.sub(r"\bsub-$", "", before)) or _AFTER_SKIP.match(after) or DURATION.match(after):
        return True
    if clock_or_short_year(raw, before, after):
        return True  # "4: 08 p. m.", "at 18.45 GMT", "in '08"
    words_ok = plural and atom.value >= 2 and not raw[0].isdigit()
    if (unit is None or unit.unit == "count") and raw[0].isdigit() and names_item(before, unit is None):
        return True  # "the sp 500", "Formula 1 returns" at the head of a sentence, "page 12", "game 7 of the finals"
    if unit is None and before.endswith("(") and after.startswith(")"):
        return True  # a bare number in brackets is a reference or a shirt number: "Prescott (4)"
    words_alone = not raw.lstrip("-−")[0].isdigit() and not bare_word_count(before, after)
    if unit is None and not words_ok and (re.match(r"[A-Za-z]", after) or words_alone):
        return True  # "777M", "5G", and number words with nothing counted after them ("the two of us")
    year_like = re.fullmatch(r"(?:1[89]|20)\d\d", raw) is not None
    if year_like and (unit is None or _YEAR_PREP.search(before) or _year_naming(before, after)):
        return True
    if unit is None and re.fullmatch(r"(?:1\d|2[01])\d\d", raw) and _TIME_PREP.search(before[-8:]):
        return True  # a year of another century after a preposition of time: "in 1260", "until 2100"
    if unit is None and re.fullmatch(r"21\d\d", raw) and _BY_BEFORE.search(before[-4:]):
        return True  # a deadline of the next century: "by 2100" (a change "rose by 2100" is rarely that large)
    if unit is None and not plural and _ADDRESS_AFTER.match(re.sub(r"^\s*[-–]\s*\d+", "", after)):
        return True  # a street number: "49 Harbour Lane", "9 E 71st St"
    name = _NAME_BEFORE.search(before)
    return unit is None and name is not None and not _qualifier_before(before)[0]


def _year_naming(before: str, after: str) -> bool:
    """A year between a determiner and a singular noun names a thing: "the 1988 horror film"."""
    word = _WORD_AFTER.match(after)
    if word is None or not _DETERMINER.search(before[-8:]):
        return False
    noun = word.group(1)
    return not plural(noun) and noun not in IRREGULAR and noun not in FILLER


def _ends_with(pattern: re.Pattern[str], before: str, width: int = 80) -> re.Match[str] | None:
    """``pattern`` (anchored with $) searched in the last ``width`` characters only, for speed."""
    return pattern.search(before, max(0, len(before) - width))


def _qualifier_before(before: str) -> tuple[Qualifier | None, int]:
    for qualifier, pattern in _QUALIFIER_BEFORE:
        m = _ends_with(pattern, before)
        if m is not None:
            return qualifier, m.start()
    return None, len(before)


def _second_atom(text: str, pos: int, between: bool) -> Atom | None:
    """The upper end of a range: "3,000 to 4,000", "3,000-4,000", "between 3,000 and 4,000"."""
    sep = (_AND_SEP if between else _RANGE_SEP).match(text[pos:])
    return None if sep is None else atom_from(text, pos + sep.end())


def _same_unit(first: Unit | None, second: Unit | None, atom: Atom) -> bool:
    """Both ends are in one unit: "5 to 7 per cent", "5% to 7%", "$3 to 4 million", not "7% to $2.3 billion"."""
    if first is None or first.unit == "count":
        return True
    if second is None:
        return atom.currency is not None
    return second.unit == first.unit


def _range(atom: Atom, second: Atom | None) -> tuple[float, float] | None:
    """(low, high) of a range, the scale of the upper end carried over ("3 to 4 million")."""
    if second is None or (atom.currency and second.currency and atom.currency != second.currency):
        return None
    low, high = atom.value, second.value
    if second.scaled and not atom.scaled and low * second.value / second.base <= high:
        low *= second.value / second.base
    return (low, high) if low < high else None


def _build(text: str, m: re.Match[str]) -> tuple[Quantity, int] | None:
    """The quantity starting at number match ``m`` and the position where scanning resumes."""
    atom = atom_at(text, m)
    if atom is None:
        return None
    before = text[: atom.start]
    if m.group("num").lower() == "one" and not atom.scaled and unit_after(text, atom.end, atom) is None:
        return _one(text, atom)
    between = _BETWEEN_BEFORE.search(before)
    first_unit = unit_after(text, atom.end, atom) or _age_apposition(text, atom) or _part_of(text, atom)
    first_unit = first_unit or times_after(text, atom) or part_of_unit(text, atom)
    change = _change(text, atom, first_unit)
    if change is not None:
        return change
    alternative = _OR_SEP.match(text, first_unit.end if first_unit else atom.end)
    if alternative is not None and (other := atom_from(text, alternative.end())) is not None:
        return _alternative(text, atom, first_unit, unit_after(text, other.end, other))
    second = _second_atom(text, first_unit.end if first_unit else atom.end, between is not None)
    second_unit = unit_after(text, second.end, second) if second is not None else None
    span = _range(atom, second) if _same_unit(first_unit, second_unit, atom) else None
    if span is not None and second is not None and not (first_unit or second_unit) and year_span(text, atom, second):
        return None  # "between 1600 and 1900": years
    if span is not None and _change_then_level(before, first_unit, second_unit, span):
        span = None  # "grew by $43.6 billion to $419.2 billion", "rose 4 cents to 98 cents"
    if second is not None and span is None and not (first_unit or second_unit) and _SCORE.match(text, atom.end):
        return None  # "ended 2-2", "at 89-89": a score, and its partner goes with it (``skip_past``)
    unit = first_unit
    if span is not None and second is not None:
        unit = second_unit or first_unit
    plural, resume = None, None
    if unit is None:
        plural = noun_after(text, second.end if span is not None and second else atom.end, general=True)
    if unit is None and plural is None and span is None and (over := over_designation(text, atom)) is not None:
        (unit, resume), first_unit = over, over[0]
    if _skipped(text, atom, unit, plural is not None or resume is not None):
        return None
    if plural is not None:
        unit = Unit(plural[0], "count", plural[1], plural[1], None)
    if span is None:
        low = high = atom.value
        qualifier, start = _qualifier_before(before)
        end = unit.end if unit is not None else atom.end
    else:
        (low, high), qualifier = span, None
        start = between.start() if between is not None else atom.start
        end = max(unit.end if unit is not None else 0, second.end if second is not None else 0)
    unit, end = rate_after(text, end, unit)
    after_q = _AFTER_QUALIFIER.match(text, end)
    if after_q is not None and qualifier is None and span is None:
        qualifier = "more than" if after_q.group().lower().endswith("more") else "about"
        end = after_q.end()
    return _finish(text, start, end, low, high, unit, qualifier), end if resume is None else resume


def _change_then_level(before: str, first: Unit | None, second: Unit | None, span: tuple[float, float]) -> bool:
    """ "grew by $43.6 billion to $419.2 billion", "rose 4 cents to 98 cents": a change, then the new level,
    not a range. Without "by" both ends must be written with their unit and the level far above the change
    ("prices rose 5 to 7 percent" and "rose 5% to 7%" stay ranges)."""
    if not (first and second and first.unit != "count"):
        return False
    if _BY_BEFORE.search(before):
        return True
    return _ends_with(_CHANGED_BY, before) is not None and span[0] > 0 and span[1] >= 4 * span[0]


def _alternative(text: str, atom: Atom, own: Unit | None, other: Unit | None) -> tuple[Quantity, int] | None:
    """The first of two alternatives, "eight or nine euros", "7- or 8-inch": a value of its own, in the
    unit of the second when it has none; the second is found next."""
    if own is None and other is not None and atom.currency is None:
        own = replace(other, end=atom.end)
    if _skipped(text, atom, own, own is not None):
        return None
    qualifier, start = _qualifier_before(text[: atom.start])
    end = own.end if own is not None else atom.end
    return _finish(text, start, end, atom.value, atom.value, own, qualifier), end


def _part_of(text: str, atom: Atom) -> Unit | None:
    """A part of a whole in the whole's unit: "280 million of the 1.5 billion shekels", "3 of the 12 villages";
    or a count of the whole's noun: "two of the deputies", "three of Mayor Roe's aides"."""
    of = _OF_THE.match(text, atom.end)
    if of is None:
        return None
    whole = atom_from(text, of.end())
    named = _ends_with(_NAME_BEFORE, text[: atom.start]) is not None  # "Article 5 of the rules"
    if whole is None:
        noun = noun_after(text, of.end() - 1, general=True)
        return Unit(noun[0], "count", noun[1], noun[1], None) if noun is not None and not named else None
    unit = unit_after(text, whole.end, whole)
    if unit is None and not named and (noun := noun_after(text, whole.end, general=True)) is not None:
        return Unit(atom.end, "count", noun[1], noun[1], None)  # "five of the six judges"
    if unit is None or unit.kind != "measure" or unit.value_factor is not None:
        return None
    return replace(unit, end=atom.end, raw=None) if unit.unit != "count" else replace(unit, end=atom.end)


def _age_apposition(text: str, atom: Atom) -> Unit | None:
    """An age set off by commas after a name or a person, as news writes it: "Dana Roe, 45, said", "his son,
    12, was unhurt"; or, the commas left out, between a full name and its verb: "Nick Hague 44 has spent"; or
    after "turned" or "life expectancy": "she turned 40", "life expectancy in the valley is around 81"."""
    before = text[: atom.start]
    if not (text[atom.start : atom.end].isdigit() and 0 < atom.value < 120):
        return None
    comma = re.match(r",\s*[^\s\d]", text[atom.end : atom.end + 4]) and _ends_with(_NAME_COMMA, before)
    bare = 15 <= atom.value < 100 and _VERB_AFTER_AGE.match(text, atom.end) and _ends_with(_FULL_NAME, before)
    told = _ends_with(_AGE_BEFORE, before[: _qualifier_before(before)[1]]) is not None  # "turned about 40"
    return Unit(atom.end, "year", None, None, None, "age") if comma or bare or told else None


def _change(text: str, atom: Atom, unit: Unit | None) -> tuple[Quantity, int] | None:
    """A change written "rose from 3,000 to 4,000" or "rose to 4,000 from 3,000": one quantity at its new
    level, with the old level as ``previous``. "cut from 5 to 7% to 3 to 5%" (ranges) is left alone."""
    before = text[: atom.start]
    from_first = _ends_with(_CHANGE_FROM, before) is not None
    if not from_first and _ends_with(_CHANGE_TO, before) is None:
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
    if _THEN_RANGE.match(text, end) or _skipped(text, new, new_unit, True) or _skipped(text, old, new_unit, True):
        return None
    previous = old.value
    if new.scaled and not old.scaled and old.value < 1000:  # "from 3 to 4 million"
        previous *= new.value / new.base
    return _finish(text, atom.start, end, new.value, new.value, new_unit, None, previous), end


def _one(text: str, atom: Atom) -> tuple[Quantity, int] | None:
    """ "one of the students", "one proposal": a count of one with its noun; "no one", "BBC One" are not."""
    before = text[: atom.start]
    capital_inside = text[atom.start].isupper() and bool(before.strip())  # "Channel One"
    if NOT_ONE_BEFORE.search(before) or _NAME_BEFORE.search(before) or capital_inside:
        return None
    counted = one_noun(text, atom.end)
    if counted is None:
        return None
    noun, end = counted
    qualifier, start = _qualifier_before(before)
    unit = Unit(end, "count", noun, noun.lower() if noun else None, None, "single")
    return _finish(text, start, end, 1.0, 1.0, unit, qualifier), end


def _finish(
    text: str,
    start: int,
    end: int,
    low: float,
    high: float,
    unit: Unit | None,
    qualifier: Qualifier | None,
    previous: float | None = None,
) -> Quantity:
    name, raw, noun = ("count", None, None) if unit is None else (unit.unit, unit.raw, unit.noun)
    kind: QuantityKind = "measure" if unit is None else unit.kind
    if unit is not None and unit.value_factor is not None:
        low, name = convert(low, unit.value_factor)
        high, _ = convert(high, unit.value_factor)
        previous = None if previous is None else convert(previous, unit.value_factor)[0]
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=low,
        low=low,
        high=high,
        unit=name,
        raw_unit=raw,
        qualifier=qualifier,
        noun=noun,
        kind=kind,
        previous=previous,
    )


def _vague(text: str) -> list[Quantity]:
    """ "hundreds of people", "tens of millions of dollars", of kind "vague"; "hundreds of years" is left out."""
    found = []
    for span in vague_amounts(text):
        atom = Atom(span.start, span.end, span.low, span.low, True, None, None)
        unit = unit_after(text, span.end, atom) or plural_unit(text, span.end)
        if unit is None or unit.kind == "measure":
            end = unit.end if unit is not None else span.end
            found.append(replace(_finish(text, span.start, end, span.low, span.high, unit, "about"), kind="vague"))
    return found


def _fractions(text: str) -> list[Quantity]:
    """Fractions written in words, as the unit "fraction" with a value between 0 and 1."""
    found = []
    for span in fractions(text):
        qualifier, start = _qualifier_before(text[: span.start])
        measure = _measure_of(text, span)
        if measure is not None:  # "a third of a mile", "a quarter of a percentage point": that unit
            found.append(_finish(text, start, measure.end, span.low, span.high, measure, qualifier))
            continue
        of = PERCENT_OF.match(text, span.end) or WHOLE_AFTER.match(text, span.end)
        after = noun_after(text, span.end, general=True)
        noun = of.group(1) if of is not None else text[after[0] - len(after[1]) : after[0]] if after else None
        noun = None if noun is None or noun.lower() in _NOT_NOUN else noun  # as written: "Germans", "farmers"
        unit = Unit(span.end, "fraction", None, noun, None)
        found.append(_finish(text, start, span.end, span.low, span.high, unit, qualifier))
    for span in numeric_fractions(text) + half_a_unit(text):
        measure = _measure_of(text, span)
        if measure is not None:
            qualifier, start = _qualifier_before(text[: span.start])
            found.append(_finish(text, start, measure.end, span.low, span.high, measure, qualifier))
        elif PERCENT_OF.match(text, span.end):  # "1/3 of the vote"
            unit = Unit(span.end, "fraction", None, None, None)
            found.append(_finish(text, span.start, span.end, span.low, span.high, unit, None))
    return found


def _measure_of(text: str, span: WordSpan) -> Unit | None:
    """The measure unit (not a count, not a duration: "a third of a century" stays a fraction) right after a
    fraction, with "of a" between: "1/16 of a US pint"."""
    of_a = _OF_A.match(text, span.end)
    atom = Atom(span.start, span.end, span.low, span.low, False, None, None)
    measure = point_after(text, span.end) or unit_after(text, of_a.end() if of_a else span.end, atom)
    return measure if measure is not None and measure.kind == "measure" and measure.unit != "count" else None


def extract_quantities(text: str) -> list[Quantity]:
    """Quantities in ``text`` with offsets local to it, left to right."""
    found: list[Quantity] = _fractions(text) + _vague(text) + period_extremes(text)
    taken = [(q.start, q.end) for q in found]
    pos = converted = 0
    codes = code_spans(text)
    while (m := ATOM.search(text, pos)) is not None:
        inside = next((end for start, end in codes if start <= m.start() < end), None)
        if inside is not None:  # numbers in a web address or phone number: "/2009-04-28-091.asp", "0800 555 0199"
            pos = inside
            continue
        built = _build(text, m)
        if built is None:
            pos = skip_past(text, m)
            continue
        quantity, pos = built
        if quantity.start < converted:
            quantity = replace(quantity, kind="conversion")
        elif quantity.unit in ("km", "km2"):
            converted = conversion_end(text, quantity.end)
        if not any(start < quantity.end and quantity.start < end for start, end in taken):
            found.append(quantity)
    return carry_units(text, sorted(found, key=lambda q: q.start))


def _annotate(sentence: Sentence) -> Sentence:
    shifted = tuple(
        replace(q, start=q.start + sentence.start, end=q.end + sentence.start)
        for q in extract_quantities(sentence.text)
    )
    return replace(sentence, quantities=shifted)


def annotate_quantities(doc: Document) -> Document:
    """Fill ``Sentence.quantities`` with offsets into ``Document.text``."""
    return replace(doc, sentences=tuple(_annotate(s) for s in doc.sentences))


def build(config: Config) -> Stage[Document]:
    return Stage(name="quantities", func=annotate_quantities, requires=("nlp",), provides=("quantities",))
