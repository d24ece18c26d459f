"""Tell numbers that name things or years from quantities: indices and products ("S&P 500", "Formula 1"
at the head of a sentence, "two new 737 Max jets") and ranges of years ("between 1600 and 1900", "A.D. 1000
and 1260").

``quantities`` asks these before it builds a quantity; the contexts it checks itself (dates, clock times,
ages, a capitalized word inside a sentence) are not repeated here.
"""

from __future__ import annotations

import re

from storyline.doc.quantity_read import AGED_PEOPLE, Atom, Unit, atom_from, noun_after, unit_after
from storyline.doc.quantity_units import words
from storyline.doc.quantity_words import plural

__all__ = [
    "clock_or_short_year",
    "code_or_label",
    "designation_before",
    "index_before",
    "initial_name",
    "model_name",
    "names_item",
    "over_designation",
    "year_partner",
    "year_span",
]

# stock indices and lists named by a number, as news writes them, in any case: "the sp 500", "FTSE 100"
_INDEX_BEFORE = re.compile(
    r"\b(?:s\s?&\s?p|sp|ftse|russell|nikkei|stoxx|euro\s+stoxx|nasdaq|cac|dax|ibex|asx|kospi|sensex|nifty|fortune)\s+$",
    re.I,
)
# words that open a sentence before a count ("About 200 were arrested", "Some 30,000 troops"); any other
# capitalized word right before a bare number at the head of a sentence is a name: "Formula 1 returns"
_OPENERS = set(
    words(
        "a an the about around roughly some nearly almost approximately over under only just another all at by in on"
        " of for with from to after before since until between more less fewer up exactly estimated barely"
        " another additional further last next first top no not still even also then now today yesterday here"
        " there and but or so yet as when while if because although within without than per each every those"
        " these its their his her our my your some both just mere fully total overall nearly altogether another"
        " like unlike against among across through during despite including roughly perhaps maybe"
    )
)
# nouns that pick one item of a numbered series, so that the bare number after them is its name, not a count
# ("page 12", "phase 6", "game 7", "a category 4 storm"), as CQE drops a number right after its noun; a
# period or a resolution not after "a", "per" or "each" ("a day 300 people queued", "U.N. resolution 425", "a
# resolution 120 countries backed"), and a word that is also a verb not after
# "to" or a modal ("to seat 1,200 people", "will stage 50 concerts")
_MODAL = r"(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcan\s)(?<!\bcould\s)(?<!\bmay\s)(?<!\bmust\s)"
_DESIGNATION_NOUN = re.compile(
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bper\s)(?<!\beach\s)(?<!\bevery\s)"
    r"\b(?:game|week|day|round|season|lap|hole|resolution)\s+$"
    r"|\b(?:page|section|chapter|article|clause|paragraph|room|gate|platform|terminal|pier|berth|route|highway"
    r"|flight|phase|category|grade|lane|junction|item|version|apartment|bus|channel|episode|volume|division"
    r"|district|ward|precinct|zone|platoon|squadron)\s+$"
    rf"|{_MODAL}\b(?:stage|level|row|seat|exit|table|figure|model|size|track|issue)\s+$"
    r"|(?-i:\bBox)\s+$"  # a mail box, "P.O. Box 4417"; not the verb, "movers box 40 crates"
    r"|(?-i:\b(?:UPDATE|WRAPUP|REFILE|CORRECTED))\s+$",  # a wire story's version: "UPDATE 3-Dutch marines ..."
    re.I,
)
_INITIAL_WORD = re.compile(r"^\s*([A-Z][A-Za-z&'’-]*|[a-z]+[A-Z][A-Za-z]*)\s+$")  # or "iPod", "eReader"
_WORD_AFTER = re.compile(r"\s+([a-z][a-z-]*)\b")
_YEAR = re.compile(r"1\d{3}|20\d\d")
_YEAR_RANGE_BEFORE = re.compile(r"\b(?:between|from|A\.D\.|AD|B\.C\.|BC)\s+$", re.I)
# a measure or a model name between a count and its noun: "three 40-tonne trucks", "two new 737 Max jets",
# "two F-35 jets"
# (a word between is an adjective, not a link such as "up" or "to"; the inner number is whole or has a unit
# glued on: "8412.5 up 31.2 points" is a level and a change)
_DESIGNATION = re.compile(
    r"\s+(?:(?!(?:up|down|from|to|than|and|or|of|by|per|at|in|on|for|with|about|over|under)\s)[a-z]+\s+)?"
    r"(?:[a-z]?[A-Z][A-Za-z-]*\s+)?([A-Z]*\d+(?:[.,]\d+)*[A-Za-z-][\w.-]*|[A-Z]*\d+|[A-Z][A-Za-z]*-\d+[\w-]*)"
    r"(?:\s+[A-Z][\w-]*)?(?=\s)"
)
_YEAR_JOINER = re.compile(r"\s+(?:and|to|until|till)\s+(?=(?:1\d{3}|20\d\d)\b)|\s*[-–—]\s*(?=\d)", re.I)


def index_before(before: str) -> bool:
    """The number right after ``before`` ends the name of an index or a list: "the sp 500", "Fortune 500"."""
    return _INDEX_BEFORE.search(before, max(0, len(before) - 20)) is not None


def designation_before(before: str) -> bool:
    """``before`` ends with a noun that picks an item of a series, so the number after it names the item:
    "page 12", "phase 6", "game 7"."""
    return _DESIGNATION_NOUN.search(before, max(0, len(before) - 24)) is not None


def names_item(before: str, bare: bool = True) -> bool:
    """The whole number after ``before`` is part of a name: of an index, of a thing named at the head of a
    sentence, or of an item of a series; a number counting something after "of" ("game 7 of the finals",
    not ``bare``) only the last."""
    return designation_before(before) or (bare and (index_before(before) or initial_name(before)))


def initial_name(before: str) -> bool:
    """``before`` is a sentence's first word, capitalized (or with a capital inside, "iPod") and not a word
    that opens a count: "Formula 1", "Windows 11", "Apollo 11" at the head of a sentence name things."""
    m = _INITIAL_WORD.match(before)
    return m is not None and m.group(1).lower() not in _OPENERS


# a determiner or an owner before a model's number, a capitalized word after it: "the 737 Max", "its 2 Series"
# ("that" left out: "said that 36 UN staff ..." opens a clause)
_OWNED = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|whose)|\w['’]s?)\s+$", re.I)
# capitalized words, the last before a space, a comma or the sentence's end (not initials, "U.S.")
_CAPITALS_AFTER = re.compile(r"\s+((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)(?=[\s,;:!?]|\.(?:\s|$)|$)")


def model_name(raw: str, before: str, after: str) -> bool:
    """A whole number between a determiner (or an owner) and capitalized words, with no counted noun after
    it, is part of a product's or a model's name: "the 737 Max was grounded", "the airline's 787 Dreamliner
    fleet"; not when the last capitalized word is a plural, a count of people: "the 40 Labour MPs", "the 12
    Democrats"."""
    capitals = _CAPITALS_AFTER.match(after)
    if not raw.isdigit() or capitals is None or _OWNED.search(before, max(0, len(before) - 12)) is None:
        return False
    return not capitals.group(1).endswith("s")


def year_span(text: str, low: Atom, high: Atom) -> bool:
    """Two whole numbers of four digits, rising, after "between", "from" or an era, and not before a plural
    noun: a span of years, "between 1600 and 1900 world temperatures", "A.D. 1000 and 1260", not a range
    of counts ("from 1000 to 2000 hires")."""
    low_raw, high_raw, before = text[low.start : low.end], text[high.start : high.end], text[: low.start]
    if not (_YEAR.fullmatch(low_raw) and _YEAR.fullmatch(high_raw)) or int(low_raw) >= int(high_raw):
        return False
    word = _WORD_AFTER.match(text, high.end)
    if word is not None and plural(word.group(1)):
        return False
    return _YEAR_RANGE_BEFORE.search(before, max(0, len(before) - 12)) is not None


def year_partner(text: str, end: int, raw: str) -> int:
    """Where a rejected year's partner ends ("1000 and 1260", "2019 to 2020"), or ``end`` when it has none."""
    if not _YEAR.fullmatch(raw):
        return end
    joiner = _YEAR_JOINER.match(text, end)
    if joiner is None:
        return end
    partner = re.match(r"\d{4}\b", text[joiner.end() :])
    return joiner.end() + partner.end() if partner is not None else end


_SIDE = re.compile(r"\s*[x×]\s*\d")  # "12 x 20 guests": the sides of a size, not a model name


def over_designation(text: str, atom: Atom) -> tuple[Unit, int] | None:
    """A count whose noun follows a measure or a model name, "three 40-tonne trucks", "eight million 250ml
    bottles", "two new 737 Max jets", "30 20-year-olds" (people, each an age), and where scanning resumes: at
    the measure or age, which is a quantity of its own, or past the model name, which is not."""
    aged = AGED_PEOPLE.match(text, atom.end)
    if aged is not None:
        return Unit(aged.end(), "count", aged.group("noun"), aged.group("noun").lower(), None), aged.start("noun")
    m = _DESIGNATION.match(text, atom.end) if not _SIDE.match(text, atom.end) else None
    noun = noun_after(text, m.end(), general=True) if m is not None else None
    if m is None or noun is None:
        return None
    inner = atom_from(text, m.start(1))
    measure = unit_after(text, inner.end, inner) if inner is not None else None
    measured = measure is not None and measure.unit != "count"
    return Unit(noun[0], "count", noun[1], noun[1], None), m.start(1) if measured else m.end()


_AGED = re.compile(r"\baged?\s+$", re.I)


def skip_past(text: str, m: re.Match[str]) -> int:
    """Where scanning resumes after the rejected number ``m``: past its range partner too, so "2022-2023"
    yields nothing, and both ends of "aged 20 and 23"; past every number a hyphen joins on, so a record
    "7-3-2" and a score "5-to-4" yield nothing."""
    partner = year_partner(text, m.end(), text[m.start() : m.end()])
    if partner > m.end():  # "A.D. 1000 and 1260"
        return partner
    joiner = r"\s*[-–—/]\s*|\s+(?:to|and|or)\s+" if _AGED.search(text, 0, m.start()) else r"\s*[-–—/]\s*"
    tail = re.match(rf"(?:(?:{joiner})\d[\d,.]*)?(?:[-–](?:to-)?\d[\d,.]*)*", text[m.end() :])
    return m.end() + (tail.end() if tail else 0)


# a clock time written with a dot, as British news does, where a time of day or a zone follows: "from 9.15
# tonight", "at 18.45 GMT" ("closed at 10.30 on Monday" may be a price, and is left alone)
_DOTTED_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_CLOCK_BEFORE = re.compile(r"\b(?:at|from|until|till|by|before|after|around|about|between|and|to)\s+$", re.I)
_ZONE = r"(?:GMT|BST|CET|CEST|EST|EDT|PST|PDT|UTC)\b"  # a time zone's code, in capitals
_CLOCK_AFTER = re.compile(rf"\s*(?:tonight|this\s+(?:morning|afternoon|evening)|local\s+time|(?-i:{_ZONE}))", re.I)
_ZONE_AFTER = re.compile(rf"\s*{_ZONE}")
# what follows a year shortened after an apostrophe: "in '08.", "the '90s", "the '08 election"
_SHORT_YEAR_AFTER = re.compile(r"s\b|\s*(?:[.,;:!?)]|$)|\s+(?:and|or|to|season|election|campaign|[A-Z])")


def clock_or_short_year(raw: str, before: str, after: str) -> bool:
    """A number that tells a time, not an amount: the minutes of a clock time tokenized apart ("4: 08 p. m."), a
    clock time with a dot ("at 18.45 GMT"), a year shortened to two digits after an apostrophe ("in '08")."""
    if re.fullmatch(r"\d\d", raw) and re.search(r"(?<!\d)\d{1,2}:\s$", before[-8:]):
        return True
    if re.fullmatch(r"\d\d", raw) and re.search(r"(?:^|\s)['’]$", before[-2:]) and _SHORT_YEAR_AFTER.match(after):
        return True
    if _DOTTED_CLOCK.fullmatch(raw) and _ZONE_AFTER.match(after):
        return True  # a time zone's code names a clock time whatever comes before: "30 May 2010 19.56 BST"
    clock = _DOTTED_CLOCK.fullmatch(raw) and _CLOCK_BEFORE.search(before[-10:])
    return bool(clock and _CLOCK_AFTER.match(after))


# a function word that opens a clause, or a full stop before a capital ("2. Mayors did not ..."): after a
# number at a sentence's head it makes that number a label
_CLAUSE_OPENER = re.compile(
    r"(?:\)|\.\s+[A-Z\"“‘]|\s+(?-i:The|A|An|This|That|These|Those|It|He|She|We|They|I|You|There|Here|In|On|At|As|For|With|By|If"
    r"|When|While|After|Before|Given|Our|My|His|Her|Its|Their|Your)\b)"
)


def code_or_label(raw: str, before: str, after: str) -> bool:
    """A number that labels or codes, not an amount: one written with a leading zero (a phone number, a stock
    code, a clock time: "call 0800 555 0199", "at 0910 local time"; an amount is never written so), and a
    number at a sentence's head right before a clause of its own, a live report's time stamp or a list's
    label ("1124 The UN says ...", "17 As for the rebels ...", "4) Arm the rebels", "2. Mayors did not ...")."""
    if re.match(r"[-−]?0\d", raw):
        return True
    return not before.strip() and raw[:1].isdigit() and _CLAUSE_OPENER.match(after) is not None
