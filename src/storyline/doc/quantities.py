"""Find quantities (counts, areas, distances, percentages, money) in sentences and normalize their units.

This is rule-based on purpose: quantulum3 drops approximation words ("about", "more than"), loses
units such as "1,368 square km" and has no notion of troop or casualty counts, which are the
figures a conflict timeline tracks. Unit conversion itself is left to pint.

This module is the extraction loop and the stage: it walks the numbers of a sentence and builds each
quantity from the modules that read its parts. Reading one number and its unit is ``quantity_read``;
numbers in words are ``quantity_words``; what the words around a number make of it (not a quantity, a
qualifier, an age, a part of a whole) is ``quantity_context``; two numbers read together (a range, a
change, alternatives) are ``quantity_ranges``; a bare number taking the unit of the quantity it is
compared with is ``quantity_carry``; a rate ("per day", "a share") is ``quantity_rates``.
Durations, ages, vague amounts and unit conversions are kept with their ``kind``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.config import Config
from storyline.doc.quantity_carry import carry_units
from storyline.doc.quantity_codes import code_spans
from storyline.doc.quantity_context import (
    AFTER_QUALIFIER,
    NAME_BEFORE,
    age_apposition,
    ends_with,
    magnitude_around,
    part_of,
    qualifier_before,
    skipped,
)
from storyline.doc.quantity_durations import periods_and_a_half
from storyline.doc.quantity_extremes import period_extremes
from storyline.doc.quantity_multiples import times_after
from storyline.doc.quantity_names import names_item, over_designation, skip_past, year_span
from storyline.doc.quantity_parts import part_of_unit, point_after
from storyline.doc.quantity_ranges import (
    BETWEEN_BEFORE,
    OR_SEP,
    SCORE,
    change_then_level,
    falling_span,
    first_alternative,
    level_change,
    range_of,
    same_unit,
    second_atom,
    second_past_conversion,
    shared_period,
)
from storyline.doc.quantity_rates import rate_after
from storyline.doc.quantity_read import (
    ATOM,
    PERCENT_OF,
    UNITS,
    Atom,
    Unit,
    atom_at,
    atom_from,
    conversion_end,
    convert,
    make_quantity,
    noun_after,
    pint_unit,
    plural_unit,
    plus_unit,
    unit_after,
)
from storyline.doc.quantity_units import words as _words
from storyline.doc.quantity_words import (
    NOT_ONE_BEFORE,
    WHOLE_AFTER,
    WordSpan,
    fractions,
    half_a_unit,
    numeric_fractions,
    one_noun,
    restated_end,
    vague_amounts,
)
from storyline.pipeline import Stage
from storyline.records import Document, Quantity, Sentence

__all__ = ["UNITS", "annotate_quantities", "build", "convert", "extract_quantities", "pint_unit"]

_NOT_NOUN = set(_words("those these them which whom us it all each"))
_BRACKET = re.compile(r"\(([^()]*)\)")
_OF_A = re.compile(r"(?:\s+of)?(?:\s+an?)?(?:\s+(?:US|U\.S\.|UK|imperial))?(?=\s)", re.I)


def _build(text: str, m: re.Match[str]) -> tuple[Quantity, int] | None:
    """The quantity starting at number match ``m`` and the position where scanning resumes."""
    atom = atom_at(text, m)
    if atom is None:
        return None
    atom = replace(atom, end=restated_end(text, atom.end, atom.value))  # "four (4) size options"
    before = text[: atom.start]
    alone = OR_SEP.match(text, atom.end) is None  # "one or two towns" is two alternatives
    if m.group("num").lower() == "one" and not atom.scaled and alone and unit_after(text, atom.end, atom) is None:
        return _one(text, atom)
    between = BETWEEN_BEFORE.search(before)
    first_unit = unit_after(text, atom.end, atom) or age_apposition(text, atom) or part_of(text, atom)
    first_unit = first_unit or times_after(text, atom) or part_of_unit(text, atom) or plus_unit(text, atom)
    first_unit = first_unit or magnitude_around(text, atom)
    change = level_change(text, atom, first_unit) or falling_span(text, atom, first_unit)
    if change is not None:
        return change
    alternative = OR_SEP.match(text, first_unit.end if first_unit else atom.end)
    if alternative is not None and (other := atom_from(text, alternative.end())) is not None:
        other_unit = shared_period(text, atom, other) or unit_after(text, other.end, other)
        if other_unit is None and not other.scaled:  # "three or four floors"; not "seven or eight thousand votes"
            other_unit = plural_unit(text, other.end)
        return first_alternative(text, atom, first_unit, other, other_unit)
    second = second_atom(text, first_unit.end if first_unit else atom.end, between is not None)
    second_unit = (shared_period(text, atom, second) or unit_after(text, second.end, second)) if second else None
    if second is None and first_unit is not None and first_unit.kind == "measure":
        second, second_unit = second_past_conversion(text, first_unit, between is not None) or (None, None)
    span = range_of(text, atom, second) if same_unit(first_unit, second_unit, atom) else None
    if span is not None and second is not None and not (first_unit or second_unit) and year_span(text, atom, second):
        return None  # "between 1600 and 1900": years
    if span is not None and second is not None and change_then_level(text, atom, second, first_unit, second_unit, span):
        span = None  # "grew by $43.6 billion to $419.2 billion", "rose 4 cents to 98 cents"
    # "ended 2-2", "at 89-89": a score, and its partner goes with it (``skip_past``); not after "between",
    # where a pair that is no range ("between 35,000-60 ,000", a tokenized comma) keeps its lower end
    score = between is None and SCORE.match(text, atom.end) is not None
    if second is not None and span is None and not (first_unit or second_unit) and score:
        return None
    unit = first_unit
    if span is not None and second is not None:
        unit = second_unit or first_unit
    plural, resume = None, None
    if unit is None:
        plural = noun_after(text, second.end if span is not None and second else atom.end, general=True)
    over = over_designation(text, atom) if unit is None and plural is None and span is None else None
    if over is not None and not (_WORD_THEN_NUMBER.match(text, atom.end) and _named(before)):
        (unit, resume), first_unit = over, over[0]
    if skipped(text, atom, unit, plural is not None or resume is not None):
        return None
    if plural is not None:
        unit = Unit(plural[0], "count", plural[1], plural[1], None)
    if span is None:
        low = high = atom.value
        qualifier, start = qualifier_before(before)
        end = unit.end if unit is not None else atom.end
    else:
        (low, high), qualifier = span, None
        start = between.start() if between is not None else atom.start
        end = max(unit.end if unit is not None else 0, second.end if second is not None else 0)
    unit, end = rate_after(text, end, unit)
    after_q = AFTER_QUALIFIER.match(text, end)
    if after_q is not None and qualifier is None and span is None:
        qualifier = "more than" if after_q.group().lower().endswith("more") else "about"
        end = after_q.end()
    return make_quantity(text, start, end, low, high, unit, qualifier), end if resume is None else resume


# a word, then a plain number: "The S&P 500 fell 40 points" (a verb and a change), not "UK 31 H1N1 deaths"
_WORD_THEN_NUMBER = re.compile(r"\s+[a-z]+\s+[\d.,]+\s")


def _named(before: str) -> bool:
    """The number after ``before`` is part of a name, "The S&P 500": it counts no noun of a plain number
    after a word after it ("The S&P 500 fell 40 points")."""
    return ends_with(NAME_BEFORE, before) is not None or names_item(before)


def _one(text: str, atom: Atom) -> tuple[Quantity, int] | None:
    """ "one of the students", "one proposal": a count of one with its noun; "no one", "BBC One" are not."""
    before = text[: atom.start]
    capital_inside = text[atom.start].isupper() and bool(before.strip())  # "Channel One"
    if NOT_ONE_BEFORE.search(before) or NAME_BEFORE.search(before) or capital_inside:
        return None
    counted = one_noun(text, atom.end)
    if counted is None:
        return None
    noun, end = counted
    qualifier, start = qualifier_before(before)
    unit = Unit(end, "count", noun, noun.lower() if noun else None, None, "single")
    return make_quantity(text, start, end, 1.0, 1.0, unit, qualifier), end


def _vague(text: str) -> list[Quantity]:
    """ "hundreds of people", "tens of millions of dollars", "thousands" alone, of kind "vague"; "hundreds of
    years" is left out."""
    found = []
    for span in vague_amounts(text):
        atom = Atom(span.start, span.end, span.low, span.low, True, None, None)
        alone = " " not in text[span.start : span.end]  # "thousands" alone counts no word after it: "millions lost"
        unit = None if alone else unit_after(text, span.end, atom) or plural_unit(text, span.end)
        if unit is None or unit.kind == "measure":
            end = unit.end if unit is not None else span.end
            found.append(
                replace(make_quantity(text, span.start, end, span.low, span.high, unit, "about"), kind="vague")
            )
    return found


# a time after a fraction says when, it is not what the fraction is of: "cut revenue by a third this year"
_TIME_AFTER = re.compile(
    r"\s+(?:this|last|next|that)\s+(?:year|month|week|quarter|season|decade|spring|summer|autumn|fall|winter)\b(?!['’])",
    re.I,
)


def _fractions(text: str) -> list[Quantity]:
    """Fractions written in words, as the unit "fraction" with a value between 0 and 1."""
    found = []
    for span in fractions(text):
        qualifier, start = qualifier_before(text[: span.start])
        measure = _measure_of(text, span)
        if measure is not None:  # "a third of a mile", "a quarter of a percentage point": that unit
            found.append(make_quantity(text, start, measure.end, span.low, span.high, measure, qualifier))
            continue
        timed = _TIME_AFTER.match(text, span.end) is not None
        of = None if timed else PERCENT_OF.match(text, span.end) or WHOLE_AFTER.match(text, span.end)
        after = None if timed else noun_after(text, span.end, general=True)
        noun = of.group(1) if of is not None else text[after[0] - len(after[1]) : after[0]] if after else None
        noun = None if noun is None or noun.lower() in _NOT_NOUN else noun  # as written: "Germans", "farmers"
        unit = Unit(span.end, "fraction", None, noun, None)
        found.append(make_quantity(text, start, span.end, span.low, span.high, unit, qualifier))
    for span in numeric_fractions(text) + half_a_unit(text):
        measure = _measure_of(text, span)
        if measure is not None:
            qualifier, start = qualifier_before(text[: span.start])
            found.append(make_quantity(text, start, measure.end, span.low, span.high, measure, qualifier))
        elif PERCENT_OF.match(text, span.end):  # "1/3 of the vote"
            unit = Unit(span.end, "fraction", None, None, None)
            found.append(make_quantity(text, span.start, span.end, span.low, span.high, unit, None))
    return found


def _and_a_half(text: str) -> list[Quantity]:
    """ "a minute and a half", "about a year and a half": 1.5 of the period, a duration."""
    found = []
    for start, end, period in periods_and_a_half(text):
        qualifier, begin = qualifier_before(text[:start])
        unit = Unit(end, period, period, None, None, "duration")
        found.append(make_quantity(text, begin, end, 1.5, 1.5, unit, qualifier))
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
    found: list[Quantity] = _fractions(text) + _vague(text) + period_extremes(text) + _and_a_half(text)
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
            found.extend(_conversions_inside(text, quantity))
    return carry_units(text, sorted(found, key=lambda q: q.start))


def _conversions_inside(text: str, quantity: Quantity) -> list[Quantity]:
    """The quantities in brackets inside a range, "between 35,000 barrels (5,560 cubic metres) and 60,000
    barrels": the report's conversion of its lower end, kept with the kind "conversion"."""
    if quantity.low == quantity.high:
        return []
    found: list[Quantity] = []
    for bracket in _BRACKET.finditer(text, quantity.start, quantity.end):
        offset = bracket.start(1)
        found.extend(
            replace(q, start=q.start + offset, end=q.end + offset, kind="conversion")
            for q in extract_quantities(bracket.group(1))
        )
    return found


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
