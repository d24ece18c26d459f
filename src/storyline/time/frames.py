"""Expressions that frame what a report tells rather than date an event: "the full year" and "the
year ended March 31" of a results report, its "latest period" and "year-ago" figures, and vague
references ("the recent sale" PAST_REF, "its current owner" PRESENT_REF, "will one day", "in coming
months" FUTURE_REF, a sentence's opening "One day" FUTURE_REF or PAST_REF by its tense). None of them
carries a calendar date: they place figures, not events.
"""

from __future__ import annotations

import re

from storyline.records import TimeExpression
from storyline.time import periods as pd
from storyline.time.context import Context, Rule, lower, starting_with
from storyline.time.words import MONTH_FULL, YEAR, month_number


def ref_adjective(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the recent sale" (PAST_REF), "its current chairman" (PRESENT_REF): the ``adj`` group."""
    value = "PAST_REF" if lower(m, "adj") == "recent" else "PRESENT_REF"
    return ctx.make(m.start("adj"), m.end("adj"), "DATE", (value, None))


def _frame(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "will one day", "in coming months" (FUTURE_REF); "for the full year" (the report's year) and
    "the year ended March 31" (a year's span); year-ago figures and periods (``_year_before``)."""
    if m.group("ago") or m.group("period"):
        return _year_before(m, ctx)
    if m.group("same"):
        return _same_period(m, ctx)
    if m.group("end"):
        return _year_end(m, ctx)
    if m.group("mid"):
        return _midyear(m, ctx)
    if m.group("someday"):  # "One day the harbor will be dredged" (FUTURE_REF); "One day, a stranger knocked"
        tense = ctx.tense(m.start("someday"), m.end("someday"))
        value = "FUTURE_REF" if tense == "future" or lower(m, "someday") == "some day" else "PAST_REF"
        return ctx.make(m.start("someday"), m.end("someday"), "DATE", (value, None))
    for name in ("future", "future2"):
        if m.group(name):
            return ctx.make(m.start(name), m.end(name), "DATE", ("FUTURE_REF", None))
    if m.group("span"):
        return ctx.make(m.start("year"), m.end("unit"), "DURATION", ("P1Y", None))
    value = m.group("fyear") or (str(ctx.dct.year) if ctx.dct is not None else "XXXX")  # "the 1990 fiscal year"
    return ctx.make(m.start("year"), m.end("year"), "DATE", (value, None))


def _year_end(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "by year-end" (the report's year's last day), "since year-end" (the last day of the year before)."""
    if ctx.dct is None:
        return ctx.make(m.start("end"), m.end("end"), "DATE", ("XXXX-12-31", None))
    year = ctx.dct.year - 1 if lower(m, "since") else ctx.dct.year
    return ctx.make(m.start("end"), m.end("end"), "DATE", (f"{year}-12-31", None))


def _midyear(m: re.Match[str], ctx: Context) -> TimeExpression:
    """ "at midyear": the year (TIMEX3 puts the middle in a mod), the year before when a sentence in the
    past tense is told before the report's year reached its middle."""
    if ctx.dct is None:
        return ctx.make(m.start("mid"), m.end("mid"), "DATE", ("XXXX", None))
    year = ctx.dct.year - (ctx.dct.month <= 6 and ctx.tense(m.start("mid"), m.end("mid")) == "past")
    return ctx.make(m.start("mid"), m.end("mid"), "DATE", (str(year), None))


def _year_before(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the year-ago results", "the year-earlier period": the year before the report's (``focus``
    makes it the quarter in focus a year before); "the latest period", "the 2021 period": the quarter
    in focus (no expression without one)."""
    if m.group("ago"):
        value = str(ctx.dct.year - 1) if ctx.dct is not None else "XXXX"
        return ctx.make(m.start("ago"), m.end("ago"), "DATE", (value, None))
    if ctx.focus is None:
        if not m.group("latest") or ctx.dct is None:
            return None
        # no quarter named yet: the last one finished by the report, as "the latest quarter" reads
        index = pd.quarter_in_focus(ctx.dct, "past")
        return ctx.make(m.start("period"), m.end("period"), "DATE", (pd.quarter_value(index // 4, index % 4 + 1), None))
    value = m.group("pyear") + ctx.focus[4:] if m.group("pyear") else ctx.focus
    return ctx.make(m.start("period"), m.end("period"), "DATE", (value, None))


def _same_period(m: re.Match[str], ctx: Context) -> TimeExpression:
    """ "the same period last year": the quarter in focus a year before (``focus.refocus`` would read
    "last year" alone so only when the sentence names its quarter), or the year before without one;
    "the corresponding period of 1988": the quarter in focus in 1988, or 1988."""
    year = m.group("syear") or (str(ctx.dct.year - 1) if ctx.dct is not None else "XXXX")
    value = f"{year}{ctx.focus[4:]}" if ctx.focus is not None and year != "XXXX" else year
    return ctx.make(m.start("same"), m.end("same"), "DATE", (value, None))


# "the most recent budget" orders things by time and names none: not "recent" alone
REF_ADJECTIVE = r"\b(?<!(?i:most) )(?P<adj>(?i:recent|current))(?=\s+[a-z])"
# One rule for all of them (a rule costs a pass of the tagger's loop on every sentence).
FRAME_RULE: Rule = (
    ("frame",),
    starting_with(
        "wcm" + "iodf" + "ty" + "s" + "o",  # will/could/may, in/over/during/for, the/year, since, One day
        r"\b(?i:will|could|might|may|would|can)\s+(?P<future>(?i:one|some)\s+day)\b|"
        # a sentence that opens with "One day" and goes on with its clause tells of some day, not of a day's length
        r"(?:^|(?<=[.!?]\s))(?P<someday>(?:One|Some)\s+day)(?=,|\s+(?:the|a|an|he|she|they|we|it|I|you|his|her|"
        r"their|its|our|this|that|[A-Z][a-z]+\s+(?:will|would|[a-z]+ed))\b)|"
        r"\b(?i:in|over|during|for)\s+(?P<future2>(?i:coming)\s+(?i:days|weeks|months|quarters|years))\b|"
        # "the year-ago period" is a time; in "the year-ago results" only "year-ago" is
        r"(?P<ago>\b(?:(?i:the)\s+(?=(?i:year)-(?i:ago|earlier)\s+(?i:period)\b))?"
        r"(?i:year)-(?i:ago|earlier)(?:\s+(?i:period)\b)?)"
        r"(?!\s+(?:\w+[- ])?(?i:months|weeks|days|years|quarters?)\b|\s*[$#\d])|"
        rf"(?P<period>\b(?i:the)\s+(?:(?P<latest>(?i:latest|most\s+recent))|(?i:current)|(?P<pyear>{YEAR}))\s+(?i:period)\b)|"
        # "the same period last year", "the corresponding period of 1988": the quarter in focus, a year before
        rf"(?P<same>\b(?i:the)\s+(?i:same|comparable|corresponding)\s+(?i:period)\s+"
        rf"(?:(?i:last\s+year|a\s+year\s+(?:ago|earlier))\b|(?i:of|in)\s+(?P<syear>{YEAR})))|"
        r"(?P<mid>\b(?i:mid-?year)\b)(?!-)|"  # "at midyear"
        r"(?:\b(?P<since>(?i:since))\s+)?(?P<end>\b(?i:year)(?:[- ]|['’]s\s+)(?i:end)\b)(?!-)|"
        # a year number only with its qualifier ("the 1989 fiscal year"): the gate needs a letter before "year"
        rf"(?P<year>\b(?i:the)\s+(?:(?P<fyear>{YEAR})\s+(?=(?i:full|fiscal|entire|whole)\s))?"
        r"(?:(?i:full|fiscal|entire|whole)\s+)?(?P<unit>year)\b)"
        r"(?![- ](?i:ago|earlier|before|after|two|nineteen|old))(?P<span>\s+(?i:ended|ending))?",
    ),
    _frame,
)


def _month_range_quarter(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the July-September quarter": three months named by their first and last, the calendar quarter
    that holds the middle one (as "the quarter ended Sept. 30" reads); the one that ended by the report
    when the sentence is told in the past, else the next such."""
    first, last = month_number(m.group("m1")), month_number(m.group("m2"))
    if (last - first) % 12 != 2:
        return None  # "the June-July quarter" is no quarter
    if ctx.dct is None:
        value = f"XXXX-Q{first % 12 // 3 + 1}"
    else:
        index = pd.quarter_ended(ctx.dct, last, ending=ctx.tense(m.start(), m.end()) != "past")
        value = pd.quarter_value(index // 4, index % 4 + 1)
    return ctx.make(m.start(), m.end(), "DATE", (value, None))


MONTH_RANGE_QUARTER_RULE: Rule = (
    ("quarter", "month range"),
    starting_with("ti", rf"\b(?i:the|its|their)\s+(?P<m1>{MONTH_FULL})[-–](?P<m2>{MONTH_FULL})\s+(?i:quarter)\b"),
    _month_range_quarter,
)
