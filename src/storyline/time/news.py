"""News constructions the other rule modules leave out: a day counted from another day ("a week from
Tuesday"), the early hours of a day and "dawn on Wednesday", a week of a month ("the third week of
May"), quarter, half and fiscal-year codes ("Q3 2024", "H1", "FY2025"), a quarter named by its last
month ("the June quarter"), the first or last day of a year or month, two-year seasons ("the
2023-24 season"), a bare ordinal day read in the DCT's month ("on the 12th"), "the turn of the century"
and "the weeks ahead"."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from storyline.records import TimeExpression
from storyline.time import periods as pd
from storyline.time import resolve as rs
from storyline.time.context import Context, Rule, lower, start_of, starting_with
from storyline.time.resolve import Tense
from storyline.time.words import (
    DAY,
    MONTH_ANY,
    MONTH_FULL,
    NUM,
    WEEKDAY,
    YEAR,
    month_number,
    parse_number,
    parse_unit,
    weekday_number,
)

_DEICTIC = {"today": 0, "tomorrow": 1, "yesterday": -1}
# The day a construction names: a weekday, today/tomorrow/yesterday, or a month and a day.
_A_DAY = (
    rf"(?:(?P<wd>{WEEKDAY})|(?P<deictic>(?i:today|tomorrow|yesterday))\b"
    rf"|(?P<month>{MONTH_ANY})\s*(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?)"
)


def _named_day(m: re.Match[str], ctx: Context, tense: Tense) -> date | None:
    """The date of ``_A_DAY`` in ``m``; None without a DCT or for a day that does not exist."""
    if m.group("month") and m.group("year"):
        return rs.make_date(
            int(m.group("year")), month_number(m.group("month")), int(re.sub(r"\D", "", m.group("day")))
        )
    if ctx.dct is None:
        return None
    if m.group("wd"):
        return rs.weekday_date(ctx.dct, weekday_number(m.group("wd")), tense)
    if m.group("deictic"):
        return ctx.dct + timedelta(days=_DEICTIC[lower(m, "deictic") or ""])
    day = int(re.sub(r"\D", "", m.group("day")))
    return rs.month_day_date(ctx.dct, month_number(m.group("month")), day, tense, ctx.slack_days)


def _from_day(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "a week from Tuesday", "two weeks from Friday", "ten days from June 3": a DATE, the day named
    (the coming one: the phrase counts forward) moved on by the amount."""
    n = parse_number(m.group("num"))
    anchor = _named_day(m, ctx, "future")
    if n is None or n != int(n):
        return None
    if anchor is None:
        return ctx.make(m.start(), m.end(), "DATE", (rs.UNRESOLVED_DAY, None))
    unit, factor = parse_unit(m.group("unit"))
    if not rs.can_shift(anchor, n * factor, unit):
        return None
    return ctx.make(m.start(), m.end(), "DATE", rs.day_resolved(rs.shift(anchor, int(n) * factor, unit)))


_EDGE_PARTS = {"dawn": "MO", "daybreak": "MO", "sunrise": "MO", "dusk": "EV", "sunset": "EV", "nightfall": "EV"}


def _day_edge(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the early hours of Sunday", "dawn on Wednesday", "at dusk": the morning or evening of that
    day (TIMEX3 TMO, TEV); without a day, the one day the sentence names (``clocks.anchor_clock_times``)."""
    part = _EDGE_PARTS.get(lower(m, "edge") or "", "MO")
    start = start_of(m, "hours", "edge")
    if not (m.group("wd") or m.group("deictic") or m.group("month")):
        if not m.groupdict().get("at"):
            return None  # "a sunset clause", "the dawn of a new era"
        return ctx.make(start, m.end(), "TIME", (f"{rs.UNRESOLVED_DAY}T{part}", None))
    d = _named_day(m, ctx, ctx.tense(m.start(), m.end()))
    if d is None:
        return ctx.make(start, m.end(), "TIME", (f"{rs.UNRESOLVED_DAY}T{part}", None))
    return ctx.make(start, m.end(), "TIME", (f"{d.isoformat()}T{part}", d.isoformat()))


def _week_of_month(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the third week of May": the ISO week that holds the month's 15th (its 1st, 8th, 15th, 22nd for
    the first to fourth week; "the last week" holds its last day)."""
    month = month_number(m.group("month"))
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.dct is not None:
        year = rs.month_year(ctx.dct, month, ctx.tense(m.start(), m.end()))
    else:
        return ctx.make(m.start(), m.end(), "DATE", ("XXXX-WXX", None))
    ordinal = lower(m, "ord") or ""
    if ordinal in ("last", "final"):
        day = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    else:
        day = date(year, month, 1 + 7 * (pd.ORDINALS[ordinal] - 1))
    return ctx.make(m.start(), m.end(), "DATE", (rs.iso_week(day), None))


def _code(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "Q3 2024", "2024 Q3", "Q1", "H2 2025", "H1", "Q4'23": a quarter or a half; without a year, the
    one the tense and the DCT give."""
    if m.group("fy"):
        return _fiscal_code(m, ctx)
    year_text = m.group("y0") or m.group("y1") or m.group("yy")
    year = None if year_text is None else (int(year_text) if len(year_text) == 4 else 2000 + int(year_text))
    kind, n = m.group("kind"), int(m.group("n"))
    if kind == "H" and n > 2:
        return None  # "H3" is a name (a flu strain), not a half
    if year_text is None and not _bare_code_is_a_time(m, ctx.text):
        return None  # "the H1 gene", "an H1 flu virus", "rather than H1"
    if year is None and ctx.dct is None:
        return ctx.make(m.start(), m.end(), "DATE", (f"XXXX-{kind}{n}", None))
    tense = ctx.tense(m.start(), m.end())
    if kind == "Q":
        if year is None and ctx.dct is not None:
            year = pd.quarter_year(ctx.dct, n, tense)
        return ctx.make(m.start(), m.end(), "DATE", (pd.quarter_value(year or 0, n), None))
    if year is None and ctx.dct is not None:
        current = 1 if ctx.dct.month <= 6 else 2
        year = ctx.dct.year - (tense == "past" and n > current) + (tense == "future" and n < current)
    return ctx.make(m.start(), m.end(), "DATE", (pd.half_value(year or 0, n), None))


# A code without a year is a time only as the object of a preposition of time, at the end of its phrase:
# "profit rose in Q3", "in H1 and H2", not "the H1 protein", "in H1 swine flu cases".
_TIME_PREPOSITION_BEFORE = re.compile(r"\b(?i:in|during|for|by|over|through|until|since|from|before|after)\s+$")
_PHRASE_END_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$)|\s+(?i:and|or|but|to|as|when|while|from|versus|vs)\b")


def _bare_code_is_a_time(m: re.Match[str], text: str) -> bool:
    before = _TIME_PREPOSITION_BEFORE.search(text, max(0, m.start() - 10), m.start())
    return before is not None and _PHRASE_END_AFTER.match(text, m.end()) is not None


def _season_span(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the 2023-24 season", "the 2022/23 school year": the year it starts in."""
    first, second = int(m.group("y1")), m.group("y2")
    if int(second) % 100 != (first + 1) % 100:
        return None  # "1990-95 figures" is a range of years
    return ctx.make(m.start(), m.end(), "DATE", (str(first), None))


def _ordinal_day(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "on the 12th", "by the 5th": a day of the DCT's month, or of the month before (a day still to
    come told in the past tense) or after (a day gone told in the future tense)."""
    day = int(m.group("day"))
    start = m.start("the")
    if ctx.dct is None:
        return ctx.make(start, m.end(), "DATE", (rs.UNRESOLVED_DAY, None))
    d = ordinal_day_date(ctx.dct, day, ctx.tense(start, m.end()))
    return ctx.make(start, m.end(), "DATE", rs.day_resolved(d) if d else (rs.UNRESOLVED_DAY, None))


def ordinal_day_date(dct: date, day: int, tense: Tense) -> date | None:
    """The date of "the <day>th" said on ``dct``: this month's, unless the tense puts it on the other
    side of the DCT; None when that month has no such day."""
    month = dct.year * 12 + dct.month - 1
    if tense == "past" and day > dct.day:
        month -= 1
    elif tense == "future" and day < dct.day:
        month += 1
    return rs.make_date(month // 12, month % 12 + 1, day)


def _turn_of_century(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the turn of the century" (the last century's start before the report: "2000"), "the turn of
    the 20th century" ("1900"), "the turn of the millennium"."""
    if m.group("ord"):
        year = (int(re.sub(r"\D", "", m.group("ord"))) - 1) * 100
    elif ctx.dct is not None:
        step = 1000 if lower(m, "unit") == "millennium" else 100
        year = ctx.dct.year // step * step
    else:
        return ctx.make(m.start(), m.end(), "DATE", ("XX00", None))
    return ctx.make(m.start(), m.end(), "DATE", (str(year), None))


def _ahead(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the days ahead", "the months ahead": the future, as "the coming months" is (FUTURE_REF)."""
    return ctx.make(m.start(), m.end(), "DATE", ("FUTURE_REF", None))


def _fiscal_code(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "FY2025", "FY25", "FY 2025": the fiscal year, written as the year ("fiscal 1989" is "1989")."""
    fy = m.group("fy")
    return ctx.make(m.start(), m.end(), "DATE", (str(int(fy) if len(fy) == 4 else 2000 + int(fy)), None))


_ORD_WORD = rf"(?P<ord>{pd.ORDINAL}|(?i:last))"
# What may follow a bare ordinal day: the end of a clause, or a word that starts another one.
_CLAUSE_AFTER = r"(?=\s*(?:[,.;:!?)]|$)|\s+(?i:and|or|but|to|through|until|when|as|at|after|before|in|with)\b)"


def _month_quarter(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the June quarter", "its September quarter": the quarter named by the month it ends in."""
    quarter = (month_number(m.group("month")) - 1) // 3 + 1
    if ctx.dct is None:
        return ctx.make(m.start(), m.end(), "DATE", (f"XXXX-Q{quarter}", None))
    year = pd.quarter_year(ctx.dct, quarter, ctx.tense(m.start(), m.end()))
    return ctx.make(m.start(), m.end(), "DATE", (f"{year:04d}-Q{quarter}", None))


def _edge_day(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the first day of the year", "the last day of next month", "the final day of 2024": that day."""
    first = lower(m, "edge") == "first"
    if m.group("year"):
        year, unit = int(m.group("year")), "year"
    elif ctx.dct is None:
        return None
    else:
        unit = lower(m, "unit") or "year"
        shift = {"last": -1, "next": 1}.get(lower(m, "rel") or "", 0)
        year = ctx.dct.year + shift if unit == "year" else ctx.dct.year
        month = ctx.dct.month + shift if unit == "month" else 1
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if unit == "year":
        day = date(year, 1, 1) if first else date(year, 12, 31)
    else:
        day = date(year, month, 1 if first else calendar.monthrange(year, month)[1])
    return ctx.make(m.start(), m.end(), "DATE", (day.isoformat(), day.isoformat()))


NEWS_RULES: tuple[Rule, ...] = (
    (
        ("unit word", "day of"),
        starting_with(
            "t",
            rf"\b(?i:the)\s+(?P<edge>(?i:first|last|final))\s+(?i:day)\s+(?i:of)\s+"
            rf"(?:(?P<year>{YEAR})\b|(?P<rel>(?i:the|this|last|next))\s+(?P<unit>(?i:year|month))\b)",
        ),
        _edge_day,
    ),
    (
        ("quarter", "month name"),
        starting_with(
            "ti",
            r"\b(?i:the|its|their)\s+(?P<month>March|June|Sept?\.?|September|Dec\.?|December)\s+(?i:quarter)\b",
        ),
        _month_quarter,
    ),
    (
        ("unit word", "unit from"),
        starting_with(
            "0123456789" + "acfostnhdewmy",
            rf"\b(?P<num>{NUM})\s+(?P<unit>(?i:days?|weeks?|fortnights?|months?|years?))\s+(?i:from)\s+{_A_DAY}",
        ),
        _from_day,
    ),
    (
        ("unit word", "hours of"),
        # any white space before "of", as the gate reads its "hours of" (``open_gates``)
        starting_with("t", rf"\b(?P<hours>(?i:the\s+(?:early|small|wee)\s+hours))\s+(?i:of)\s+{_A_DAY}"),
        _day_edge,
    ),
    (
        ("day edge",),
        starting_with(
            "adsn",
            rf"\b(?P<at>(?i:at)\s+)?(?P<edge>(?i:dawn|daybreak|sunrise|dusk|sunset|nightfall))\b"
            rf"(?:,?\s+(?:(?i:on)\s+)?{_A_DAY})?",
        ),
        _day_edge,
    ),
    (
        ("unit word", "week of", "month in full"),
        starting_with(
            "t", rf"\b(?i:the)\s+{_ORD_WORD}\s+(?i:week)\s+(?i:of)\s+(?P<month>{MONTH_FULL})(?:,?\s+(?P<year>{YEAR}))?"
        ),
        _week_of_month,
    ),
    (
        ("clock", "code"),
        rf"\b(?:(?:(?P<y0>{YEAR})\s+)?(?P<kind>[QH])(?P<n>[1-4])\b(?:\s+(?P<y1>{YEAR})|\s*['’/-]\s*(?P<yy>\d\d)\b)?"
        r"|FY\s*-?(?P<fy>(?:19|20)\d\d|\d\d)\b)",
        _code,
    ),
    (
        ("year", "season word"),
        starting_with(
            "t12",
            r"\b(?:(?i:the)\s+)?(?P<y1>(?:19|20)\d\d)\s*[-–/]\s*(?P<y2>(?:19|20)?\d\d)\s+"
            r"(?i:season|school\s+year|academic\s+year|financial\s+year|fiscal\s+year|tax\s+year|term|campaign)\b",
        ),
        _season_span,
    ),
    (
        ("clock", "ordinal day"),
        starting_with(
            "obutsfa",
            rf"\b(?i:on|by|until|till|before|after|since|from|through|of)\s+(?P<the>(?i:the))\s+"
            rf"(?P<day>3[01]|[12]\d|[1-9])(?i:st|nd|rd|th)\b{_CLAUSE_AFTER}",
        ),
        _ordinal_day,
    ),
    (
        ("century",),
        starting_with(
            "t",
            r"\b(?i:the)\s+(?i:turn)\s+(?i:of)\s+(?i:the)\s+(?:(?P<ord>1[5-9]th|20th|21st)\s+)?"
            r"(?P<unit>(?i:century|millennium))\b",
        ),
        _turn_of_century,
    ),
    (
        ("unit word", "ahead"),
        starting_with("t", r"\b(?i:the)\s+(?i:days|weeks|months|years)\s+(?i:ahead)\b"),
        _ahead,
    ),
)
