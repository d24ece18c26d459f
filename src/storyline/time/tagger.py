"""Find time expressions in a sentence, type them (DATE, TIME, DURATION, SET) and give TIMEX3 values.

Hand-written rather than a library: dateparser resolves "on Tuesday" with a Tuesday base date to
the previous week and finds nothing in "last August", "earlier this week" or "around two weeks
ago", and HeidelTime needs Java. This is pure Python: regular expressions compiled once, a
tense read from the sentence (token tags when given, else word cues) to place weekdays and
months before or after the document creation time (DCT), and the arithmetic in ``resolve``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from storyline.records import TimeExpression, TimeType, Token
from storyline.time import periods as pd
from storyline.time import resolve as rs
from storyline.time.resolve import Modifier, Resolved, Tense
from storyline.time.tense import TenseCue, tense_at, tense_cues
from storyline.time.words import (
    APPROX,
    DAY,
    DEICTIC_DAYS,
    MOD,
    MODIFIERS,
    MONTH_ANY,
    MONTH_FULL,
    MONTHS,
    NUM,
    PART,
    REFS,
    SET_WORDS,
    UNIT,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    YEAR_FOLLOWERS,
    YEAR_WORDS,
    month_number,
    parse_number,
    parse_unit,
    parse_year_words,
    weekday_number,
)


@dataclass
class _Context:
    text: str
    dct: date | None
    default: Tense
    slack_days: int
    tokens: Sequence[Token]
    tokens_offset: int
    _cues: list[TenseCue] | None = field(default=None, repr=False)

    def tense(self, start: int, end: int) -> Tense:
        if self._cues is None:
            self._cues = tense_cues(self.text, self.tokens, self.tokens_offset)
        return tense_at(self._cues, start, end, self.default)

    def make(self, start: int, end: int, kind: TimeType, resolved: Resolved) -> TimeExpression:
        value, iso = resolved
        return TimeExpression(start, end, self.text[start:end], kind, value, iso)


Handler = Callable[[re.Match[str], _Context], TimeExpression | None]


def _lower(m: re.Match[str], name: str) -> str | None:
    value = m.groupdict().get(name)
    return " ".join(value.lower().split()) if value else None


def _start(m: re.Match[str], *names: str) -> int:
    """The start of the first named group that matched (the span a TIMEX3 would cover)."""
    groups = m.groupdict()
    return next((m.start(n) for n in names if groups.get(n) is not None), m.start())


def _full_date(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    month = int(m.group("month")) if m.group("month").isdigit() else month_number(m.group("month"))
    day = int(re.sub(r"\D", "", m.group("day")))
    if m.group("year"):
        d = rs.make_date(int(m.group("year")), month, day)
        return ctx.make(m.start(), m.end(), "DATE", rs.day_resolved(d)) if d else None
    if ctx.dct is None:
        return ctx.make(m.start(), m.end(), "DATE", (rs.unresolved_month_day(month, day), None))
    d = rs.month_day_date(ctx.dct, month, day, ctx.tense(m.start(), m.end()), ctx.slack_days)
    return ctx.make(m.start(), m.end(), "DATE", rs.day_resolved(d) if d else (rs.UNRESOLVED_DAY, None))


def _month_year(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    value = rs.iso_month(int(m.group("year")), month_number(m.group("month")))
    return ctx.make(m.start(), m.end(), "DATE", (value, value))


def _month_relative(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    month = month_number(m.group("month"))
    start = _start(m, "pre", "mod", "month")
    mod = _lower(m, "mod")
    if m.group("month") == "May" and mod is None and m.group("prep") is None and m.group("pre") is None:
        return None  # the modal verb
    if ctx.dct is None:
        return ctx.make(start, m.end(), "DATE", (rs.unresolved_month_day(month), None))
    if m.group("rel_year"):
        offset = {"last": -1, "this": 0, "next": 1}[_lower(m, "rel_year") or "this"]
        year = ctx.dct.year + offset
    else:
        modifier = MODIFIERS[mod] if mod else None
        tense: Tense = "future" if mod in ("coming", "this coming") else ctx.tense(start, m.end())
        if _lower(m, "prep") == "since":
            tense = "past"
        year = rs.month_year(ctx.dct, month, tense, modifier)
    value = rs.iso_month(year, month)
    return ctx.make(start, m.end(), "DATE", (value, value))


def _weekday(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    weekday = weekday_number(m.group("wd"))
    start = _start(m, "pre", "mod", "wd")
    if ctx.dct is None:
        return ctx.make(start, m.end(), "DATE", (rs.unresolved_weekday(weekday), None))
    mod = _lower(m, "mod")
    tense: Tense = "future" if mod in ("coming", "this coming") else ctx.tense(start, m.end())
    d = rs.weekday_date(ctx.dct, weekday, tense, MODIFIERS[mod] if mod else None)
    return ctx.make(start, m.end(), "DATE", rs.day_resolved(d))


def _deictic_day(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    word = _lower(m, "word") or ""
    if word == "the day before" and re.match(r"\s+(?:the|a|an|his|her|its|their|this|that)\b", ctx.text[m.end() :]):
        return None  # "the day before the vote" is anchored to the vote, not to the report
    if ctx.dct is None:
        return ctx.make(m.start(), m.end(), "DATE", (rs.UNRESOLVED_DAY, None))
    d = ctx.dct + timedelta(days=DEICTIC_DAYS[word])
    return ctx.make(m.start(), m.end(), "DATE", rs.day_resolved(d))


def _period(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    mod = _lower(m, "mod") or "this"
    unit_word = _lower(m, "unit") or ""
    if mod == "the" and unit_word != "weekend" and not m.group("pre"):
        return None
    start = _start(m, "pre", "det", "mod")
    if ctx.dct is None:
        unresolved = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "decade": "XXX"}
        return ctx.make(start, m.end(), "DATE", (unresolved.get(unit_word, "XXXX"), None))
    modifier = MODIFIERS.get(mod)
    if unit_word == "weekend":
        return ctx.make(start, m.end(), "DATE", (_weekend(ctx, modifier, start, m.end()), None))
    offset = {"last": -1, "next": 1}.get(modifier or "", 0)
    if mod in ("coming", "this coming"):
        offset = 1
    unit, _ = parse_unit(unit_word)
    return ctx.make(start, m.end(), "DATE", rs.relative_period(ctx.dct, unit, offset))


def _weekend(ctx: _Context, modifier: Modifier | None, start: int, end: int) -> str:
    dct = ctx.dct or date.min
    if modifier is None or modifier == "this":
        if dct.weekday() >= 5:
            return rs.iso_week(dct) + "-WE"
        modifier = "last" if ctx.tense(start, end) == "past" else "next"
    saturday = rs.weekday_date(dct, 5, "past" if modifier == "last" else "future", modifier)
    return rs.iso_week(saturday) + "-WE"


def _ago(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    n = parse_number(m.group("num"))
    unit, factor = parse_unit(m.group("unit"))
    if ctx.dct is None or n is None:
        return ctx.make(m.start(), m.end(), "DATE", ("PAST_REF" if n is None else rs.UNRESOLVED_DAY, None))
    return ctx.make(m.start(), m.end(), "DATE", rs.ago(ctx.dct, round(n * factor), unit))


def _anchored(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    """ "two days later": relative to an event in the story, not to the report (left unresolved)."""
    return ctx.make(m.start(), m.end(), "DATE", (rs.UNRESOLVED_DAY, None))


def _duration(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    unit_text = m.group("unit")
    unit, factor = parse_unit(unit_text)
    num = m.groupdict().get("num")
    lead = _lower(m, "lead")
    if num is None:
        mod = _lower(m, "mod")
        if lead and mod in ("previous", "following", "next") and not unit_text.lower().endswith("s"):
            return None  # "the next day" is a date anchored in the story
        n = None if unit_text.lower().endswith("s") else 1.0
    else:
        n = parse_number(num)
    amount = None if n is None else n * factor
    if amount is not None and amount == int(amount):
        amount = int(amount)
    start = _start(m, "approx", "lead", "num", "unit")
    return ctx.make(start, m.end(), "DURATION", (rs.duration_value(amount, unit), None))


def _set(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    if m.group("word"):
        return ctx.make(m.start(), m.end(), "SET", (rs.duration_value(1, SET_WORDS[_lower(m, "word") or ""]), None))
    if m.group("wds"):
        return ctx.make(m.start(), m.end(), "SET", (rs.unresolved_weekday(weekday_number(m.group("wds"))), None))
    if _lower(m, "q") in ("a", "an") and not m.group("freq"):
        return None
    start = _start(m, "freq", "q")
    if m.group("wd"):
        return ctx.make(start, m.end(), "SET", (rs.unresolved_weekday(weekday_number(m.group("wd"))), None))
    unit, factor = parse_unit(m.group("unit"))
    n = parse_number(m.group("num")) if m.group("num") else 1
    amount = None if n is None else n * factor
    return ctx.make(start, m.end(), "SET", (rs.duration_value(amount, unit), None))


def _clock(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    if m.group("word"):
        hour, minute = (24, 0) if (_lower(m, "word") or "") == "midnight" else (12, 0)
    elif m.group("h24"):
        hour, minute = int(m.group("h24")), int(m.group("m24"))
    else:
        hour, minute = int(m.group("h")), int(m.group("min") or 0)
        ampm = (m.group("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    return ctx.make(m.start(), m.end(), "TIME", (f"{rs.UNRESOLVED_DAY}T{hour:02d}:{minute:02d}", None))


def _year(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    after = _NEXT_WORD.match(ctx.text, m.end())
    if after and after.group(1) not in YEAR_FOLLOWERS:
        return None  # "by 1900 votes" counts something
    start = m.start("pre") if m.group("pre") else m.start("year")
    year = m.group("year")
    return ctx.make(start, m.end(), "DATE", (year, year))


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def _quarter(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    """ "the third quarter", "third-quarter profit", "the latest quarter", "the year-ago quarter"."""
    det, mods, ordinal = _lower(m, "det"), _lower(m, "mods") or "", _lower(m, "ord")
    if ordinal is None and (m.group("q") != "quarter" or (det in (None, "a") and not mods.strip())):
        return None  # "a quarter of the vote", a city's Quarter
    hyphenated = ordinal is not None and ctx.text[m.start("q") - 1] == "-"
    start = m.start("ord") if hyphenated and not mods.strip() else _start(m, "det", "yr", "mods", "y1", "ord", "q")
    if ctx.dct is None and not (m.group("y1") or m.group("y2")):
        value = f"XXXX-Q{pd.ORDINALS[ordinal]}" if ordinal else "XXXX-QX"
        return ctx.make(start, m.end(), "DATE", (value, None))
    dct = ctx.dct or date.min
    tense = ctx.tense(start, m.end())
    shifts = [pd.QUARTER_SHIFT[w] for w in re.split(r"[\s-]+", f"{det or ''} {mods}") if w in pd.QUARTER_SHIFT]
    year_before = any(w in mods for w in pd.YEAR_BEFORE)
    explicit = m.group("y1") or m.group("y2")
    if ordinal is not None:
        quarter = pd.ORDINALS[ordinal]
        year = int(explicit) if explicit else pd.quarter_year(dct, quarter, tense)
        if m.group("yr"):
            year = dct.year + {"last": -1, "this": 0, "next": 1}[_lower(m, "yr") or "this"]
        index = year * 4 + quarter - 1 - (4 if year_before and not explicit else 0)
    else:
        index = pd.quarter_in_focus(dct, tense) if not shifts else dct.year * 4 + pd.dct_quarter(dct) - 1 + shifts[0]
        index -= 4 if year_before else 0
        if explicit:
            index = int(explicit) * 4 + index % 4
    return ctx.make(start, m.end(), "DATE", (pd.quarter_value(index // 4, index % 4 + 1), None))


def _half(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    """ "the first half of 2023", "the second half of this year": H1 and H2."""
    half = 1 if _lower(m, "ord") in ("first", "1st") else 2
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.dct is not None:
        year = ctx.dct.year + {"last": -1, "this": 0, "the": 0, "next": 1}[_lower(m, "rel") or "this"]
    else:
        return ctx.make(m.start(), m.end(), "DATE", (f"XXXX-H{half}", None))
    return ctx.make(m.start(), m.end(), "DATE", (pd.half_value(year, half), None))


def _season(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    """ "last summer", "this past spring", "in the fall", "the winter of 2021"."""
    mod, season = _lower(m, "mod"), _lower(m, "season") or ""
    year_text = m.group("year") or m.group("yw")
    if mod is None and year_text is None and not (m.group("prep") or m.group("pre")):
        return None  # "a fall in prices", "the spring water"
    if season == "fall" and mod is None and year_text is None and re.match(r"\s+of\b", ctx.text[m.end() :]):
        return None  # "the fall of the city"
    start = _start(m, "mod", "det", "pre", "season")
    code = pd.SEASONS[season]
    if year_text:
        year = int(year_text) if year_text.isdigit() else parse_year_words(year_text)
        return ctx.make(start, m.end(), "DATE", (f"{year}-{code}", None))
    if ctx.dct is None:
        return ctx.make(start, m.end(), "DATE", (f"XXXX-{code}", None))
    modifier = MODIFIERS[mod] if mod else None
    tense: Tense = "future" if mod in ("coming", "this coming") else ctx.tense(start, m.end())
    shift = {"last": -1, "this": 0, "next": 1}.get(modifier or "")
    return ctx.make(start, m.end(), "DATE", (pd.season_value(ctx.dct, season, shift, tense), None))


def _year_words(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    """A year said in words: "nineteen ninety-six", "the year two thousand"."""
    words = m.group("yw")
    if words.lower().startswith("two") and not m.group("lead"):
        return None  # "two thousand people"
    year = str(parse_year_words(words))
    if m.group("month"):
        value = rs.iso_month(int(year), month_number(m.group("month")))
        return ctx.make(m.start(), m.end(), "DATE", (value, value))
    return ctx.make(m.start(), m.end(), "DATE", (year, year))


def _attributive_year(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    """A year that qualifies a noun: "the 2019 election", "its 2021 report", "the company's 2020 profit"."""
    year = m.group("year")
    return ctx.make(m.start("year"), m.end("year"), "DATE", (year, year))


def _decade(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    return ctx.make(m.start(), m.end(), "DATE", (m.group("dec"), None))


def _ref(m: re.Match[str], ctx: _Context) -> TimeExpression | None:
    return ctx.make(m.start("word"), m.end(), "DATE", (REFS[_lower(m, "word") or ""], None))


def _alternatives(words: Sequence[str]) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


_PRE = r"(?P<pre>(?i:early|late|earlier|later|mid))"
_RULES: tuple[tuple[tuple[str, ...], str, Handler], ...] = (
    (
        ("digit",),
        r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b(?!-\d)",
        _full_date,
    ),
    (("digit",), rf"\b(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>{YEAR})", _full_date),
    (
        ("month", "digit"),
        rf"\b(?:{WEEKDAY},?\s+)?(?P<month>{MONTH_ANY})\s*(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?",
        _full_date,
    ),
    (
        ("month", "digit"),
        rf"\b(?:{WEEKDAY},?\s+)?(?:(?i:the)\s+)?\b(?P<day>{DAY})\s+(?:(?i:of)\s+)?(?P<month>{MONTH_ANY})"
        rf"(?:,?\s+(?P<year>{YEAR}))?",
        _full_date,
    ),
    (
        ("month", "digit"),
        rf"\b(?:{_PRE}[- ]?)?(?P<month>{MONTH_ANY})\s+(?:(?i:of)\s+)?(?P<year>{YEAR})",
        _month_year,
    ),
    (
        ("month",),
        rf"\b(?P<prep>(?i:in|since|by|until|till|during|through|from|before|after|of|to)\s+)?"
        rf"(?:{_PRE}[- ]?)?(?:(?P<mod>{MOD})\s+)?(?P<month>{MONTH_FULL})"
        rf"(?:\s+(?P<rel_year>(?i:last|this|next))\s+(?i:year)\b)?(?!\s*\d)",
        _month_relative,
    ),
    (
        ("weekday",),
        rf"\b(?:{_PRE}\s+(?:(?i:on)\s+)?)?(?:(?P<mod>{MOD})\s+)?(?P<wd>{WEEKDAY})(?:\s+{PART}\b)?",
        _weekday,
    ),
    (
        ("deictic",),
        rf"\b(?:{_PRE}\s+)?(?P<word>(?i:{_alternatives(list(DEICTIC_DAYS))}))\b(?:\s+{PART}\b)?",
        _deictic_day,
    ),
    (
        ("unit",),
        rf"\b(?:(?P<pre>(?i:early|late|earlier|later|mid|the\s+(?:start|beginning|end|middle)\s+of))[- ]\s*)?"
        rf"(?P<det>(?i:the)\s+(?=(?i:current)\b))?(?P<mod>{MOD}|(?i:the))\s+(?P<unit>(?i:week|month|year|weekend|decade))\b",
        _period,
    ),
    (("unit", "ago"), rf"\b(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?i:ago)\b", _ago),
    (("unit", "anchored"), rf"\b(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?i:earlier|later)\b", _anchored),
    (
        ("unit",),
        rf"\b(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUM})[- ](?P<unit>{UNIT})\b(?:-(?i:long|old)\b)?",
        _duration,
    ),
    (
        ("unit",),
        rf"\b(?P<lead>(?i:the|these|those))\s+(?P<mod>(?i:past|last|previous|next|coming|first|final|following))"
        rf"\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})\b",
        _duration,
    ),
    (
        ("unit",),
        r"\b(?:(?P<lead>(?i:recent))|(?i:for|in|over))\s+(?P<unit>(?i:hours|days|weeks|months|years|decades))\b",
        _duration,
    ),
    (
        ("set",),
        rf"\b(?:(?P<word>{'|'.join(SET_WORDS)})|(?P<wds>(?:{'|'.join(WEEKDAYS)})s)|"
        rf"(?:(?P<freq>(?i:once|twice|(?:\d+|three|four|five|several)\s+times))\s+)?(?P<q>(?i:every|each|an?|per))\s+"
        rf"(?:(?P<num>{NUM})\s+)?(?:(?P<wd>{WEEKDAY})|(?P<unit>{UNIT})))\b",
        _set,
    ),
    (
        ("clock",),
        r"\b(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>[aApP]\.[mM]\.|[aApP][mM]\b)"
        r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b|(?P<word>(?i:noon|midday|midnight))\b)",
        _clock,
    ),
    (
        ("digit",),
        rf"(?:\b(?P<pre>(?i:early|late|mid|fiscal))[- ]|\b(?i:in|since|by|until|till|from|during|of|before|after"
        rf"|through|throughout|year|into|for|between|and|or|than|both|due)\s+)(?P<year>{YEAR})(?!\s*(?:%|(?i:percent)))",
        _year,
    ),
    (
        ("quarter",),
        rf"\b(?:(?P<det>(?i:the|this|that|its|their|our|a|his|her))\s+)?"
        rf"(?:(?P<yr>(?i:this|last|next))\s+(?i:year)['’]s\s+)?"
        rf"(?P<mods>(?:(?i:latest|last|past|previous|prior|current|present|next|coming|following|fiscal|same|"
        rf"comparable|corresponding|year[- ]earlier|year[- ]ago|prior[- ]year)[\s-]+)*)"
        rf"(?:(?P<y1>{YEAR})\s+)?(?:(?i:fiscal)[\s-]+)?(?:(?P<ord>{pd.ORDINAL})[\s-]+)?(?P<q>(?i:quarter))\b"
        rf"(?!\s+(?i:of)\s+(?:an?|the|this|its|their)\b|[- ](?i:mile|inch|point|pound|hour|century|final))"
        rf"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<y2>{YEAR}))?",
        _quarter,
    ),
    (
        ("half",),
        rf"\b(?:(?i:the)\s+)?(?P<ord>(?i:first|second|last|latter|1st|2nd))[\s-]+(?i:half)\s+(?i:of)\s+"
        rf"(?:(?P<year>{YEAR})|(?P<rel>(?i:this|last|next|the))\s+(?i:year)\b)",
        _half,
    ),
    (
        ("season",),
        rf"\b(?:(?P<prep>(?i:in|during|by|until|till|through|throughout|since|over|before|after|for|from))\s+)?"
        rf"(?:(?P<mod>{MOD})\s+|(?P<det>(?i:the))\s+)?(?:(?P<pre>(?i:early|late|mid))[- ]?)?(?P<season>{pd.SEASON})\b"
        rf"(?:,?\s+(?:(?i:of)\s+)?(?:(?P<year>{YEAR})|(?P<yw>{YEAR_WORDS})))?",
        _season,
    ),
    (
        ("yearword",),
        rf"\b(?:(?P<month>{MONTH_FULL})\s+|(?P<lead>(?i:the\s+year))\s+)?(?P<yw>{YEAR_WORDS})",
        _year_words,
    ),
    (
        ("digit",),
        rf"(?:\b(?i:the|an?|its|his|her|their|our|this|that)|\w['’]s)\s+(?P<year>{YEAR})(?=\s+[A-Za-z])",
        _attributive_year,
    ),
    (("digit",), rf"\b(?:(?i:the)\s+)?(?:{_PRE}[- ])?(?P<dec>(?:1[89]|20)\d)0s\b", _decade),
    (("ref",), rf"\b(?:(?i:in|at)\s+)?(?P<word>(?i:{_alternatives(list(REFS))}))\b", _ref),
)
_COMPILED: tuple[tuple[tuple[str, ...], re.Pattern[str], Handler], ...] = tuple(
    (g, re.compile(p), h) for g, p, h in _RULES
)
# Words a rule's pattern cannot match without (searched in the lower-cased text, which is fast):
# most sentences skip most rules.
_GATES: dict[str, tuple[str, ...]] = {
    "digit": tuple("0123456789"),
    "month": tuple(m[:3].lower() for m in MONTHS),
    "weekday": tuple(w.lower() for w in WEEKDAYS),
    "unit": ("minute", "hour", "day", "week", "fortnight", "month", "year", "decade"),
    "ago": ("ago",),
    "anchored": ("earlier", "later"),
    "deictic": ("day", "night", "tomorrow", "morning", "afternoon", "evening"),
    "set": ("ly", "every", "each", "per", "once", "twice", "times", "days"),
    "clock": ("noon", "midday", "midnight", *"0123456789"),
    "quarter": ("quarter",),
    "half": ("half",),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "yearword": ("nineteen", "thousand"),
    "ref": ("recent", "current", "now", "present", "past", "soon", "future", "these", "term", "later"),
}


def tag(
    text: str,
    dct: date | None,
    tense_hint: Tense = "past",
    *,
    tokens: Sequence[Token] = (),
    tokens_offset: int = 0,
    slack_days: int = rs.YEAR_SLACK_DAYS,
) -> list[TimeExpression]:
    """Time expressions in ``text``, in order, with offsets into ``text``.

    ``dct`` is the document creation time; without it only explicit dates resolve and the rest get
    X-filled values and no date. ``tense_hint`` is the tense assumed when the sentence shows none.
    ``tokens`` (offsets minus ``tokens_offset`` are offsets into ``text``) give the tense from tags.
    """
    ctx = _Context(text, dct, tense_hint, slack_days, tokens, tokens_offset)
    found: list[tuple[int, int, TimeExpression]] = []
    lower = text.lower()
    open_gates = {name for name, words in _GATES.items() if any(w in lower for w in words)}
    for rank, (gates, pattern, handler) in enumerate(_COMPILED):
        if not open_gates.issuperset(gates):
            continue
        for m in pattern.finditer(text):
            expr = handler(m, ctx)
            if expr is not None and expr.end > expr.start:
                found.append((rank, len(found), expr))
    return _longest_first(found)


def _longest_first(found: list[tuple[int, int, TimeExpression]]) -> list[TimeExpression]:
    """Keep the longest of overlapping matches (the earlier rule on a tie), in text order."""
    kept: list[TimeExpression] = []
    taken = bytearray(max((e.end for _, _, e in found), default=0))
    for _, _, expr in sorted(found, key=lambda f: (f[2].start - f[2].end, f[0], f[1])):
        if not any(taken[expr.start : expr.end]):
            kept.append(expr)
            taken[expr.start : expr.end] = b"\x01" * (expr.end - expr.start)
    return sorted(kept, key=lambda e: e.start)
