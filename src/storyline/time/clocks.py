"""Clock times ("10 p.m. Wednesday", "1535 GMT", "nine o'clock this morning"): TIMEX3 TIME values on the
day written with them, else on the one day their sentence names (``anchor_clock_times``)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.records import TimeExpression
from storyline.time import resolve as rs
from storyline.time.context import Context, Rule, lower, starting_with
from storyline.time.days import DAY_WORDS, deictic_resolved, month_day, weekday_resolved
from storyline.time.resolve import Resolved
from storyline.time.words import (
    APPROX,
    CLOCK_PLACE_BEFORE,
    DAY,
    MONTH_ANY,
    PART,
    WEEKDAY,
    ZONE,
    month_number,
    weekday_number,
)

_APPROX_BEFORE = re.compile(rf"\b{APPROX}\s+$")  # "around 7:15 p.m." (looked for only before a clock time)


def _clock(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    groups = m.groupdict()
    if groups.get("word"):
        hour, minute = (24, 0) if (lower(m, "word") or "") == "midnight" else (12, 0)
    elif groups.get("h24"):
        if _GAME_CLOCK_AFTER.match(ctx.text, m.end()):
            return None  # "with 5:33 to play": minutes and seconds on a game clock
        hour, minute = int(m.group("h24")), int(m.group("m24"))
    elif groups.get("h4"):
        if m.group("hrs") and not CLOCK_PLACE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
            return None  # "logged 1800 hours": a duration
        hour, minute = int(m.group("h4")), int(m.group("m4"))
    else:
        hour, minute = _hour_minute(m)
        ampm = (groups.get("ampm") or groups.get("ampm_only") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        elif not ampm and hour < 12 and _LATE_PARTS.search(f"{lower(m, 'deictic')} {lower(m, 'dpart')}"):
            hour += 12  # "seven o'clock tonight" is 19:00
    value, iso = _clock_day(m, ctx)
    approx = _APPROX_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
    start = approx.start() if approx else m.start()
    return ctx.make(start, m.end(), "TIME", (f"{value}T{hour:02d}:{minute:02d}", iso))


_LATE_PARTS = re.compile(r"afternoon|evening|night")
_GAME_CLOCK_AFTER = re.compile(r"\s+(?i:left|remaining|to\s+play|to\s+go)\b")
_HOUR_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_MINUTE_WORDS = {"oh five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty five": 25, "thirty": 30}
_MINUTE_WORDS |= {"forty": 40, "forty five": 45, "fifty": 50, "fifty five": 55}


def _hour_minute(m: re.Match[str]) -> tuple[int, int]:
    """The hour and minute of "6:40", "9", "nine", "nine thirty", "ten forty-five"."""
    hour_text = lower(m, "h") or ""
    hour = int(hour_text) if hour_text.isdigit() else _HOUR_WORDS.index(hour_text) + 1
    words = (lower(m, "mw") or "").replace("-", " ")
    return hour, _MINUTE_WORDS[words] if words else int(m.groupdict().get("min") or 0)


def _clock_day(m: re.Match[str], ctx: Context) -> Resolved:
    """The day written after a clock time ("noon Thursday", "5 p.m. EST Nov. 9"), else none."""
    if m.group("wd"):
        return weekday_resolved(ctx, weekday_number(m.group("wd")), None, m.start(), m.end())
    if m.group("deictic"):
        return deictic_resolved(ctx, lower(m, "deictic") or "")
    if m.group("month"):
        month, day = month_number(m.group("month")), int(re.sub(r"\D", "", m.group("day")))
        if ctx.dct is None:
            return rs.unresolved_month_day(month, day), None
        d = month_day(ctx, ctx.dct, month, day, m.start(), m.end())
        return rs.day_resolved(d) if d else (rs.UNRESOLVED_DAY, None)
    return rs.UNRESOLVED_DAY, None


def anchor_clock_times(found: list[TimeExpression], ctx: Context | None = None) -> list[TimeExpression]:
    """A clock time without its day takes a date written right after it ("At 10:19 6th Sep 2022"), else the
    one day its sentence names ("on Tuesday ... at 9 p.m."), but not, when it is told in the future, a day before
    the report named in a possessive: "The recount of Tuesday's ballots will begin at noon" names the ballots'
    day, not the recount's (``_past_possessive``)."""
    clocks = [t for t in found if t.type == "TIME" and t.value.startswith(rs.UNRESOLVED_DAY)]
    if not clocks:
        return found
    named = [t for t in found if t.date is not None and len(t.date) == 10]
    if ctx is not None:
        kept = [t for t in named if not _past_possessive(t, ctx)]
        if len(kept) < len(named) and all(ctx.tense(c.start, c.end) == "future" for c in clocks):
            named = kept
    days = {t.date for t in named if t.date is not None}
    one_day = days.pop() if len(days) == 1 else None
    out = []
    for t in found:
        day = (_date_right_after(t, named, ctx.text) if ctx is not None else None) or one_day
        if t in clocks and day is not None:
            t = TimeExpression(t.start, t.end, t.text, t.type, day + t.value.removeprefix(rs.UNRESOLVED_DAY), day)
        out.append(t)
    return out


# Between a clock time and the date that is its own: "At 10:19 6th Sep 2022", "at 9:40 pm on 6 September",
# "08:12, 2 Sep 2022" (a comment's stamp, whose sentence may name other days).
_CLOCK_DATE_GAP = re.compile(r",?\s+(?:on\s+)?")


def _date_right_after(clock: TimeExpression, named: list[TimeExpression], text: str) -> str | None:
    """The day of a date written in figures right after ``clock``, else none (nor for an expression that is no
    clock)."""
    if clock.type != "TIME" or not clock.value.startswith(rs.UNRESOLVED_DAY):
        return None
    for t in named:
        written = any(c.isdigit() for c in t.text)  # not "at 0900 GMT the same day", whose day is read later
        if written and t.start > clock.end and _CLOCK_DATE_GAP.fullmatch(text, clock.end, t.start):
            return t.date
    return None


def _past_possessive(expr: TimeExpression, ctx: Context) -> bool:
    """Whether ``expr`` is a day before the report named in a possessive ("Tuesday's ballots")."""
    day = expr.date
    return (
        ctx.dct is not None
        and day is not None
        and day < ctx.dct.isoformat()
        and ctx.text.startswith(("'s", "’s"), expr.end)
    )


# The day after a clock time: "10 p.m. Wednesday", "noon today", "9 a.m. this morning", "6 a.m. Friday
# morning", "5 p.m. Sept. 12".
_CLOCK_DAY = (
    # a weekday with its date after it ("on Friday 20 August") is read by the date rules
    rf"(?:,?\s+(?:(?i:on)\s+)?(?:(?:(?P<wd>{WEEKDAY})(?!,?\s+(?:\d\d?(?:st|nd|rd|th)?\s+{MONTH_ANY}|{MONTH_ANY}\s+\d))|(?P<deictic>{DAY_WORDS}|(?i:this\s+{PART})))(?:\s+(?P<dpart>{PART}))?\b"
    rf"|(?P<month>{MONTH_ANY})\s*(?P<day>{DAY})))?"
)
# What may follow four digits read as a clock time: a zone, or "hours" after a word that places a time
# ("at 1800 hours", not "logged 1800 hours"; the look-behind is in ``_clock``).
_FOUR_DIGIT_ZONE = r"[ECMP][SD]T|GMT|UTC|(?i:local\s+time)|(?i:hours)\b"
CLOCK_RULE: Rule = (
    ("clock shape",),
    r"\b(?P<clock>(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*"
    r"(?P<ampm>[aApP]\.[mM]\.|[aApP][mM]\b)|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b|"
    # a wire's four digits, only with a zone or "hours" after them ("1535 GMT", "1800 hours"): a bare
    # "2000" is a year or a count, and "logged 2000 hours" a duration
    rf"(?<![\d,.])(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?=\s+(?:{_FOUR_DIGIT_ZONE}))|"
    rf"(?P<word>(?i:noon|midday|midnight))\b)(?:\s+{ZONE}|(?P<hrs>(?<=\d)\s+(?i:hours)\b))?{_CLOCK_DAY}",
    _clock,
)
# A clock time as a broadcast transcript writes it, in words or with "o'clock": "nine o'clock this
# morning", "eight p.m. Eastern time", "ten thirty a.m.". TIMEX3 gives it the same TIME value as
# "9:00 a.m."; a bare number word ("at nine") is left alone, as it may count anything.
_HOUR = rf"(?:1[0-2]|0?[1-9]|(?i:{'|'.join(sorted(_HOUR_WORDS, key=len, reverse=True))}))"
_MINUTES = rf"(?i:{'|'.join(sorted((w.replace(' ', '[- ]') for w in _MINUTE_WORDS), key=len, reverse=True))})"
SPOKEN_CLOCK_RULE: Rule = (
    ("weekday, holiday or clock", "spoken clock"),
    starting_with(
        "0123456789otfsen",
        rf"\b(?P<clock>(?P<h>{_HOUR})(?:[- ](?P<mw>{_MINUTES}))?\s+(?:o['’]clock(?:\s+(?P<ampm>[aApP]\.[mM]\.))?"
        rf"|(?P<ampm_only>[aApP]\.[mM]\.)))(?:\s+{ZONE})?{_CLOCK_DAY}",
    ),
    _clock,
)


# A clock time converted into another zone right after the first, set off by a comma or a bracket ("11:22 p.m. ET,
# 6:22 a.m. local", "9:50 p.m. ET (3:50 a.m. in Tarsa)"): the same instant, so when the two hours are more than
# twelve apart (no zone is further off) the second is on the day after the first's, or the day before.
_CONVERSION_GAP = re.compile(r"\s*[,(/]\s*")
_ZONE_IN = re.compile(ZONE)
_OTHER_ZONE_AFTER = re.compile(rf"\s+(?:{ZONE}|(?i:local)\b|(?i:in)\s+[A-Z][a-z]+)")
_CLOCK_VALUE = re.compile(r"(?P<day>\d{4}-\d\d-\d\d)T(?P<h>\d\d):(?P<m>\d\d)")


def across_midnight(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """The second of two clock times that name one instant in two zones, on its own side of midnight (in its
    value only)."""
    out = list(found)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        a, b = _CLOCK_VALUE.fullmatch(first.value), _CLOCK_VALUE.fullmatch(second.value)
        if a is None or b is None or a.group("day") != b.group("day"):
            continue  # not two clock times of one day (a second one with its own day keeps it)
        if not (_CONVERSION_GAP.fullmatch(text, first.end, second.start) and _ZONE_IN.search(first.text)):
            continue
        if not (_ZONE_IN.search(second.text) or _OTHER_ZONE_AFTER.match(text, second.end)):
            continue
        hours = int(b.group("h")) - int(a.group("h")) + (int(b.group("m")) - int(a.group("m"))) / 60
        if abs(hours) <= 12:
            continue
        day = date.fromisoformat(a.group("day")) + timedelta(days=1 if hours < 0 else -1)
        # in its value only: the first time, in the report's zone, dates what happened and what follows
        out[i] = TimeExpression(
            second.start, second.end, second.text, second.type, day.isoformat() + second.value[10:], None
        )
    return out
