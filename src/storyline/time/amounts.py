"""Amounts of time: durations ("seven months", "a minute and a half", "2 1/2 years"), sets ("every
week", "daily") and spans counted back from the report ("three weeks ago"), forward from it ("two weeks
from now", "a year hence") or from an event in the story ("two days later")."""

from __future__ import annotations

import re

from storyline.records import TimeExpression
from storyline.time import resolve as rs
from storyline.time.context import Context, Rule, lower, start_of, starting_with
from storyline.time.periods import SEASON, SEASONS
from storyline.time.words import (
    APPROX,
    CLOCK_PLACE_BEFORE,
    MONTH_FULL,
    NUM,
    PART,
    PARTS,
    SET_EVERY,
    SET_WORDS,
    UNIT,
    WEEKDAY,
    WEEKDAYS,
    month_number,
    parse_number,
    parse_unit,
    weekday_number,
)

# A fraction after a number ("2 1/2", "two and a half", "seven-and-a-half") or after its unit ("a minute and a
# half").
_FRACTION = (
    r"(?P<frac>[ -](?:1/2|1/4|3/4)|\s*[½¼¾]|"
    r"(?:\s+|-)(?i:and[\s-]+(?:a[\s-]+half|a[\s-]+quarter|three[- ]quarters|one[- ]half)))"
)
_PLURAL_UNITS = r"(?i:hours|days|weeks|months|years|decades)"
# "12 to 18 months", "two or three days": the first number of a range, whose length is then unknown.
_RANGE = (
    r"(?:(?P<range>(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:-|(?i:to|or)\s))\s*)"
)
# "20 more years", "three additional days": an amount still to come is a duration all the same; so is a
# run of them ("12 consecutive months", "two straight years").
_MORE = r"(?:\s+(?i:more|extra|additional|consecutive|straight|successive))"
# A results report's spans keep their modifier: "the latest nine months", "the year-earlier six months",
# "the same three months" (found by looking back from the number: a pattern that starts at "the" is slow).
_RESULTS_LEAD = re.compile(
    r"\b(?i:the)\s+(?i:latest|same|comparable|corresponding|year[- ]earlier|year[- ]ago|prior[- ]year)\s+$"
)
_AND_A_HALF = r"(?P<after>\s+(?i:and\s+a\s+half))"
_FRACTIONS = {"1/2": 0.5, "½": 0.5, "a half": 0.5, "one half": 0.5, "1/4": 0.25, "¼": 0.25, "a quarter": 0.25}
_FRACTIONS |= {"3/4": 0.75, "¾": 0.75, "three quarters": 0.75}


def _amount(m: re.Match[str]) -> float | None:
    """The number of a match with its fraction: 2.5 from "2 1/2", "two and a half", "two years and a half"."""
    groups = m.groupdict()
    if groups.get("half") and not groups.get("num"):
        return 0.5  # "half an hour"
    n = parse_number(groups["num"]) if groups.get("num") else None
    if n is None:
        return None
    for name in ("frac", "after"):
        text = lower(m, name) if groups.get(name) else None
        if text:
            n += _FRACTIONS[" ".join(text.replace("-", " ").split()).removeprefix("and ")]
    if groups.get("half"):
        n *= 0.5  # "a half-hour"
    return n


def _ago(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "three weeks ago" counts back from the report; "two weeks from now" and "a year hence" forward.
    "about three weeks ago" or "three weeks or so ago" is approximate: it dates no day (``rs.ago``)."""
    n = _amount(m)
    unit, factor = parse_unit(m.group("unit"))
    forward = lower(m, "dir") != "ago"
    if n is None or ctx.dct is None or not rs.can_shift(ctx.dct, n * factor * (1 if forward else -1), unit):
        vague = "FUTURE_REF" if forward else "PAST_REF"  # also "200,000 years ago", before any calendar date
        unresolved = n is not None and ctx.dct is None
        return ctx.make(m.start(), m.end(), "DATE", (rs.UNRESOLVED_DAY if unresolved else vague, None))
    amount = n * factor
    if amount != int(amount) and unit == "year":
        unit, amount = "month", amount * 12
    approximate = bool(m.group("approx") or _OR_SO.search(m.group()))
    shifted = -round(amount) if forward else round(amount)
    return ctx.make(m.start(), m.end(), "DATE", rs.ago(ctx.dct, shifted, unit, approximate))


_OR_SO = re.compile(r"\s(?i:or\s+so)\b")


def _anchored(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "two days later": an amount of time counted from an event in the story, not from the report.

    TimeML annotates it as it does "two days after the vote": the TIMEX3 is the DURATION "two days"
    and "later" is the SIGNAL that ties it to the event. Whole years earlier ("a year earlier") are
    the exception: read against the report's year, as TIMEX3 does when no other time anchors them,
    they are the DATE of the year before, with no calendar date (the day is the story's).
    """
    unit, factor = parse_unit(m.group("unit"))
    n = parse_number(m.group("num"))
    if (
        ctx.dct is not None
        and unit == "year"
        and lower(m, "dir") == "earlier"
        and n is not None
        and n == int(n)
        and (ctx.dct.year - n * factor >= 1)
    ):
        return ctx.make(m.start(), m.end(), "DATE", (str(ctx.dct.year - int(n) * factor), None))
    amount = None if n is None else n * factor
    return ctx.make(start_of(m, "approx", "num"), m.end("unit"), "DURATION", (rs.duration_value(amount, unit), None))


def _duration(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    unit_text = m.group("unit")
    unit, factor = parse_unit(unit_text)
    lead = lower(m, "lead")
    if m.groupdict().get("num") is None and not m.groupdict().get("half"):
        mod = lower(m, "mod")
        at = unit == "minute" and lead == "the" and mod == "last"
        if at and _AT_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
            return None  # "at the last minute", "until the last minute": the latest moment, no length of time
        if lead and mod in ("previous", "following", "next") and not unit_text.lower().endswith("s"):
            return None  # "the next day" is a date anchored in the story
        if _is_vague_reference(lead, mod, unit):
            # "the coming weeks", "recent days": the near future or past, not a length of time
            start = start_of(m, "lead")
            return ctx.make(start, m.end(), "DATE", ("FUTURE_REF" if mod == "coming" else "PAST_REF", None))
        n = None if unit_text.lower().endswith("s") else 1.0
    elif _is_age_or_rate(m, ctx.text):
        return None
    elif (lower(m, "num") or "") in ("a", "an") and m.group().lower().endswith("-long"):
        return None  # "a week-long festival": the article is the noun's (``UNIT_LONG_RULE``)
    elif m.groupdict().get("range"):
        if _AGO_AFTER.match(ctx.text, m.end()):
            return None  # "five to ten years ago" is a date in the past (``_ago`` reads its last number)
        n = None
    else:
        n = _amount(m)
    amount = None if n is None else n * factor
    if amount is not None and amount == int(amount):
        amount = int(amount)
    # "the nine months" is a noun phrase; in "the two-week truce" the duration only qualifies a noun
    det = "det" if unit_text.lower().endswith("s") and ctx.text[m.start("unit") - 1] != "-" else "num"
    start = start_of(m, "approx", "lead", det, "range", "num", "half", "unit")
    if m.groupdict().get("approx") and start == m.start("approx") and _over_as_preposition(m, ctx.text):
        start = start_of(m, "lead", det, "range", "num", "half", "unit")
    if det == "det" and m.groupdict().get("num") and start == m.start("num"):
        results = _RESULTS_LEAD.search(ctx.text, max(0, start - 32), start)
        start = results.start() if results else start
    return ctx.make(start, m.end(), "DURATION", (rs.duration_value(amount, unit), None))


def _over_as_preposition(m: re.Match[str], text: str) -> bool:
    """ "rise over six years", "$30 billion over 10 years", "Over three years, ...": "over" tells the span the
    event takes, a preposition outside the TIMEX3 (TimeBank: "used over three years"). After a preposition, a
    verb of lasting or having, or "a little" ("for over two decades", "in over a decade", "lasted over a week",
    "took us over four hours", "has had over a week", "a little over two hours"), and before "before", "ago",
    "longer" ("over a month before the flood"), it means "more than", a mod inside it."""
    if (lower(m, "approx") or "") != "over":
        return False
    if _MORE_THAN_OVER_AFTER.search(text, max(0, m.start() - 40), m.start()):
        return False
    return not _COMPARED_AFTER.match(text, m.end())


_MORE_THAN_OVER_AFTER = re.compile(
    r"(?:\b(?i:for|in|to|after|of|within|by|than|at|little|bit|slightly|well|had|has|have|having"
    r"|(?:last|spen|serv|wait|span)[a-z]*)"
    r"|\b(?i:took|tak(?:e|es|en|ing))(?:\s+[A-Za-z]+){0,3})\s+$"
)
# "over a month before the spill", "over a year ago", "over an hour longer": "more than"
_COMPARED_AFTER = re.compile(r"\s+(?i:before|after|earlier|later|ago|longer|old)\b")


def _bare_units(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "weeks or months"; "months of talks", "weeks later": a plural unit with no number, determiner or
    modifier of its own."""
    if not m.group("upto") and (some := _SOME_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())):
        if not _LATER_AFTER.match(ctx.text, m.end()):
            return None  # "some days the ferry does not sail"
        # "some days later": an unknown number of days, "some" in the span as "several" is
        return ctx.make(
            some.start(), m.end(), "DURATION", (rs.duration_value(None, parse_unit(m.group("unit"))[0]), None)
        )
    if not m.group("upto") and _OWN_MODIFIER_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "the early days of the war", "its years of growth", "Monday's hours of talks"
    return _duration(m, ctx)


_SOME_BEFORE = re.compile(r"(?<![A-Za-z])(?i:some)\s+$")
_LATER_AFTER = re.compile(r"\s+(?i:later|earlier)\b")


# What follows "of" when a plural unit is not a span of time: "the days of the week", "years of age".
_NOT_SPAN_AFTER_OF = r"(?i:the|an?|this|that|these|those|age)"
_OWN_MODIFIER_BEFORE = re.compile(
    r"(?:\b(?i:the|these|those|this|that|its|their|his|her|our|my|your|early|earliest|first|last|final|closing|"
    r"opening|past|recent|next|coming|following|previous|few|many|several|some|all|most|both|same|other|more|less|"
    r"fewer|no|any|enough)|['’]s?)\s+$"
)


def _is_vague_reference(lead: str | None, mod: str | None, unit: str) -> bool:
    """ "the coming days/weeks/months" and "recent days/weeks" (not "recent years", a span of them)."""
    if lead in ("the", "these") and mod == "coming":
        return unit in ("day", "week", "month")
    return lead == "recent" and unit in ("day", "week")


def _quarters(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "several quarters", "12 consecutive quarters", "the past two quarters": a count of quarters (P2Q)."""
    count = _QUARTER_COUNT.search(ctx.text, max(0, m.start() - 48), m.start())
    if count is None or (lower(count, "num") or "") in ("a", "an", "one"):
        return None  # "in quarters and dimes"; "a quarter" is a coin, a district or a share
    n = parse_number(count.group("num"))
    amount = "X" if n is None else str(int(n))
    return ctx.make(start_of(count, "lead", "approx", "num"), m.end(), "DURATION", (f"P{amount}Q", None))


def _is_age_or_rate(m: re.Match[str], text: str) -> bool:
    """ "37 years old", "a 37-year-old", "17-year-olds" (an age) and "400 seats a week", "$2 a year" (a rate)
    date nothing, nor does a unit at the head of a compound ("a day-care centre") or one told by a clause ("on a
    day when"); "at 1800 hours" is a clock time (``clocks.CLOCK_RULE``)."""
    if _OLD_AFTER.match(text, m.end()):
        return True
    if m.group("unit") in ("hours", "Hours", "HOURS") and _CLOCK_DIGITS.fullmatch(m.groupdict().get("num") or ""):
        return CLOCK_PLACE_BEFORE.search(text, max(0, m.start() - 8), m.start()) is not None
    if (lower(m, "num") or "") not in ("a", "an") or m.group("approx"):
        return False
    if text[m.start("num") - 1 : m.start("num")] == "-":
        return True  # "a $50 billion-a-year trade", "a $15-an-hour wage": a rate inside a compound modifier
    if _COMPOUND_AFTER.match(text, m.end()):
        return True  # "a day-care centre", "a year-round resort", "a day-by-day account": the unit heads a compound
    if _CLAUSE_AFTER.match(text, m.end()) and _PLACING_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return True  # "on a day when shares rose": a day told by what happened on it, no length of time
    return bool(_AMOUNT_BEFORE.search(text, max(0, m.start() - 80), m.start()))


_AGO_AFTER = re.compile(r"\s+(?i:ago)\b")
_AT_BEFORE = re.compile(r"\b(?i:at|until|till|to|before|from)\s+$")
# A hyphen and a word after "a day", "a year": the unit starts a compound ("day-care", "year-round", "day-by-day",
# "year-on-year") that names no length of time; "a year-long", "a day-and-a-half" and ages are read elsewhere.
_COMPOUND_AFTER = re.compile(r"-(?!(?i:long|old|olds|and|half|earlier|ago|end)\b)[A-Za-z]")
# "a day when", "a year in which": the unit is told by the clause after it, as "the day it failed" is
_CLAUSE_AFTER = re.compile(r"\s+(?i:when|in\s+which)\b")
_PLACING_BEFORE = re.compile(r"\b(?i:on|in|at|during|was|is|been)\s+$")
_CLOCK_DIGITS = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_OLD_AFTER = re.compile(r"\s+(?i:old|of\s+age)\b|-(?i:olds?)\b")  # "45 years old", "a 45-year-old", "17-year-olds"
# A rate's amount right before "a week": a number or sum ("$1.76", "3 million", "20%", "$6m", "7bn", "100K"),
# maybe with its noun of one or two words and an "of" phrase ("400 seats", "450 million cubic feet", "3,000
# barrels of crude oil", "150 million doses of flu vaccine"), and the same amount in other units in brackets
# ("5,000 gallons (19,000 litres) a day"; tokenised text writes "-LRB- ... -RRB-"). TimeML leaves rates
# unmarked as it does speeds. A word that ties the unit to something else ("3,000 jobs in a year", "two weeks
# of talks and a day") or a past verb ends the amount.
_NOT_RATE_NOUN = (
    r"(?!(?i:and|or|but|in|for|within|after|over|than|about|by|on|at|to|from|with|into|during|of|that|which|the|an?)"
    r"\b|[a-z]+ed\b)"
)
_AMOUNT_BEFORE = re.compile(
    r"(?:\d(?:%|(?i:m|bn|k)\b)?|\b(?:million|billion|thousand|hundred|percent|cents?|dollars|pounds|euros|one|two|"
    rf"three|four|five|six|seven|eight|nine|ten|dozen|several|few))(?:\s+{_NOT_RATE_NOUN}[a-z]+(?:-[a-z]+)?){{0,2}}"
    rf"(?:\s+of(?:\s+{_NOT_RATE_NOUN}[a-z]+(?:-[a-z]+)?){{1,3}})?(?:\s*(?:\([^()]{{1,40}}\)|-LRB-.{{1,40}}?-RRB-))?\s+$"
)


# A plural noun after "daily" ("daily flights", "weekly meetings"): the word describes things, not a time.
_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b(?<!basis)")


# A determiner right before "quarterly" or "biweekly" ("its quarterly dividend", "a biweekly newsletter", "the
# first quarterly loss"): the word describes a noun, not when something happens. TimeBank tags "the daily tally"
# all the same, so the older words keep their reading.
_MOSTLY_ADJECTIVES = frozenset(["quarterly", "biweekly", "bi-weekly", "fortnightly", "semiannually", "semi-annually"])
_DETERMINER_BEFORE = re.compile(
    r"\b(?i:the|an?|its|their|his|her|our|your|this|that)\s+(?:(?i:first|second|third|fourth|last|latest|new|"
    r"regular|usual|normal|own)\s+)?$"
)


def _set_word(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "daily", "biweekly" (P2W), "quarterly" (P1Q), "semiannually" (P6M), when they tell how often."""
    if _PLURAL_AFTER.match(ctx.text, m.end()):
        return None
    word = lower(m, "word") or ""
    if word in _MOSTLY_ADJECTIVES and _DETERMINER_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start()):
        return None
    value = "P1Q" if word == "quarterly" else rs.duration_value(SET_EVERY.get(word, 1), SET_WORDS[word])
    return ctx.make(m.start(), m.end(), "SET", (value, None))


def _set(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    if m.group("word"):
        return _set_word(m, ctx)
    if m.group("wds"):
        return ctx.make(m.start(), m.end(), "SET", (rs.unresolved_weekday(weekday_number(m.group("wds"))), None))
    if lower(m, "q") in ("a", "an") and not m.group("freq"):
        return None
    start = start_of(m, "freq", "q")
    if m.group("month"):  # "every July"; "a July" is no set
        if lower(m, "q") not in ("every", "each") or m.group("num"):
            return None
        return ctx.make(start, m.end(), "SET", (rs.unresolved_month_day(month_number(m.group("month"))), None))
    if m.group("season"):  # "every winter": the season of any year; "a winter" is no set
        if lower(m, "q") not in ("every", "each") or m.group("num") or m.group("freq"):
            return None
        return ctx.make(start, m.end(), "SET", (f"XXXX-{SEASONS[lower(m, 'season') or '']}", None))
    if m.group("wd"):
        return ctx.make(start, m.end(), "SET", (rs.unresolved_weekday(weekday_number(m.group("wd"))), None))
    if m.group("part"):  # "every morning": that part of any day; "a morning" is no set
        if lower(m, "q") not in ("every", "each") or m.group("num") or m.group("freq"):
            return None
        return ctx.make(start, m.end(), "SET", (f"XXXX-XX-XXT{PARTS[lower(m, 'part') or '']}", None))
    if m.group("quarter"):  # "every quarter", "each other quarter" (P1Q, as "quarterly"); "a quarter" is a fraction
        if lower(m, "q") not in ("every", "each") or m.group("num") or m.group("freq"):
            return None
        return ctx.make(start, m.end(), "SET", ("P2Q" if m.group("other") else "P1Q", None))
    unit, factor = parse_unit(m.group("unit"))
    n = parse_number(m.group("num")) if m.group("num") else 1
    if m.group("other"):  # "every other week": every second one
        n = 2
    amount = None if n is None else n * factor
    return ctx.make(start, m.end(), "SET", (rs.duration_value(amount, unit), None))


# Every character an amount can start with: a digit, or the first letter of an APPROX or NUM word or "the".
_NUMBER_FIRST = "0123456789" + "anrsmolj" + "afsteno" + "t" + "c"  # "couple of"
AGO_RULES: tuple[Rule, ...] = (
    (
        ("unit word", "ago"),
        starting_with(
            _NUMBER_FIRST + "hdwmy",  # "months ago": a plural unit without a number
            rf"\b(?:(?P<approx>{APPROX})\s+)?(?:(?P<num>{NUM}){_FRACTION}?\s+)?"
            rf"(?P<unit>(?(num){UNIT}|{_PLURAL_UNITS})){_AND_A_HALF}?(?:\s+(?i:or\s+so))?"
            r"\s+(?P<dir>(?i:ago|from\s+now|from\s+today|hence))\b",
        ),
        _ago,
    ),
    (
        ("unit word", "anchored"),
        starting_with(
            _NUMBER_FIRST,
            rf"\b(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?P<dir>(?i:earlier|later))\b",
        ),
        _anchored,
    ),
)
DURATION_RULES: tuple[Rule, ...] = (
    (
        ("counted unit",),
        starting_with(
            _NUMBER_FIRST,
            rf"\b(?:(?P<approx>{APPROX})\s+)?(?:(?P<det>(?i:the))\s+)?{_RANGE}?(?P<num>{NUM}){_FRACTION}?{_MORE}?(?:-|\s+)"
            rf"(?P<half>(?i:half)(?:-|\s+))?(?P<unit>{UNIT})\b"
            rf"(?:{_AND_A_HALF}|-(?i:long)\b)?(?:\s+(?i:running|in\s+a\s+row)\b)?",  # "three years running"
        ),
        _duration,
    ),
    (
        ("unit word", "half"),
        rf"\b(?:(?P<approx>{APPROX})\s+)?(?P<half>(?i:half))\s+(?i:an?)\s+(?P<unit>{UNIT})\b",
        _duration,
    ),
    (
        ("unit word", "span modifier"),
        starting_with(
            "t",
            rf"\b(?P<lead>(?i:the|these|those))\s+(?P<mod>(?i:past|last|previous|next|coming|first|final|following))"
            rf"\s+(?:{_RANGE}?(?P<num>{NUM})\s+)?(?P<unit>{UNIT})\b",
        ),
        _duration,
    ),
    (
        ("unit word", "plural unit"),
        starting_with(
            "rfiowta",
            # "over the years", "throughout the decades": the span is "the years" (the preposition stays out)
            r"\b(?:(?P<lead>(?i:recent))|(?i:for|in|over|within)|(?i:over|throughout|across)\s+(?P<det>(?i:the)))"
            r"\s+(?P<unit>(?i:hours|days|weeks|months|years|decades))\b",
        ),
        _duration,
    ),
    (
        ("unit word", "plural unit"),
        # "weeks or months", "days to weeks": a span of unknown length, counted in the first unit; "months of
        # talks", "after years of delays", "weeks later": a bare plural unit is a span of unknown length ("later"
        # stays out, as in "two days later"); "the days of the week", "16 years of age" are not
        starting_with(
            "hdwmy",
            rf"\b(?P<unit>{_PLURAL_UNITS})(?:\s+(?i:or|to)\s+(?P<upto>{_PLURAL_UNITS})\b"
            rf"|(?=\s+(?:(?i:later|earlier)\b|(?i:of)\s+(?!{_NOT_SPAN_AFTER_OF}\b)[a-z])))",
        ),
        _bare_units,
    ),
)


# "a year-long strike", "the weeklong festival": one unit, as a length that qualifies a noun (a number before
# it, "a 10-day-long", is the counted rule's).
def _unit_long(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    return ctx.make(m.start(), m.end(), "DURATION", (rs.duration_value(1, parse_unit(m.group("unit"))[0]), None))


UNIT_LONG_RULE: Rule = (
    ("unit word", "long"),
    starting_with("hdwmy", r"\b(?<![\d-])(?P<unit>(?i:hour|day|week|month|year|decade))-?(?i:long)\b"),
    _unit_long,
)
# "the past half century", "half a century", "a quarter-century ago": a century's half or quarter is a
# number of years (TimeML has no century unit that TimeBank writes one way).
_CENTURY_PART_YEARS = {"half": 50, "quarter": 25}


def _century_part(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "half a century" (P50Y), "the past quarter-century" (P25Y); "a half century ago" is the year counted back."""
    if not (m.group("lead") or m.group("a") or m.group("part2")):
        return None  # "its quarter-century low" qualifies a noun
    part = (lower(m, "part") or lower(m, "part2") or "").removeprefix("a ")
    years = _CENTURY_PART_YEARS[part]
    if m.group("ago"):
        value = str(ctx.dct.year - years) if ctx.dct is not None else "XXXX"
        return ctx.make(m.start(), m.end(), "DATE", (value, None))
    return ctx.make(m.start(), m.end(), "DURATION", (f"P{years}Y", None))


CENTURY_PART_RULE: Rule = (
    ("century",),
    r"\b(?:(?P<lead>(?i:the))\s+(?P<mod>(?i:past|last|next|coming|previous|first))\s+|(?P<a>(?i:an?))\s+)?"
    r"(?:(?P<part>(?i:half|quarter))[- ]|(?P<part2>(?i:half|a\s+quarter))\s+(?i:of\s+)?(?i:a)\s+)"
    r"(?i:century)\b(?![- ](?i:old)\b)"
    r"(?P<ago>\s+(?i:ago))?",
    _century_part,
)


# "three quarters of the vote" is a fraction and "a quarter" a coin or a district: only a counted run of
# quarters is a duration ("several quarters of losses"), after a number other than "a" or "one"; "the first
# two quarters of 1990" is a date.
QUARTERS_RULE: Rule = (
    ("quarters",),
    r"\b(?i:quarters)\b(?!\s+(?i:of)\s+(?:\d|(?i:the|an?|its|their|his|her|our|this|that|these|those|all|them|it)\b))",
    _quarters,
)
# The count before "quarters", found by looking back from it (``_quarters``).
_QUARTER_COUNT = re.compile(
    rf"\b(?:(?P<lead>(?i:the|these|those))\s+(?:(?i:past|last|previous|next|coming|following|first|final|latest)\s+)?"
    rf"|(?P<approx>{APPROX})\s+)?(?P<num>{NUM}){_MORE}?\s+$"
)
SET_RULE: Rule = (
    ("set word",),
    starting_with(
        # the -ly words, weekdays, once/twice/three.../several times, every/each/a/an/per
        "hdnwmyabfqs" + "mtwfs" + "otf0123456789" + "eap",
        rf"\b(?:(?P<word>{'|'.join(SET_WORDS)})|(?P<wds>(?:{'|'.join(WEEKDAYS)})s)|"
        rf"(?:(?P<freq>(?i:once|twice|(?:\d+|three|four|five|several)\s+times))\s+)?(?P<q>(?i:every|each|an?|per))\s+"
        rf"(?:(?P<other>(?i:other)\s+)|(?P<num>{NUM})\s+)?(?:(?P<wd>{WEEKDAY})|(?P<unit>{UNIT})|(?P<month>{MONTH_FULL})|(?P<season>{SEASON})|(?P<quarter>(?i:quarter))|(?P<part>{PART})))\b",
    ),
    _set,
)
