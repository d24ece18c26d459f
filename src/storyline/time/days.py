"""Days and parts of days: dates, weekdays, deictic days ("yesterday") and parts of the day ("Thursday
evening", "last night": TIMEX3 TIME values such as 2022-09-08TEV). Clock times are ``clocks``."""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.records import TimeExpression
from storyline.time import resolve as rs
from storyline.time.context import Context, Rule, lower, start_of, starting_with
from storyline.time.resolve import Resolved
from storyline.time.tense import PARTICIPLE
from storyline.time.words import (
    DEICTIC_DAYS,
    DEICTIC_PARTS,
    MOD,
    MODIFIERS,
    MONTH_FULL,
    PART,
    PARTS,
    WEEKDAY,
    YEAR,
    month_number,
    parse_number,
    weekday_number,
)

_PRE = r"(?P<pre>(?i:early|late|earlier|later|mid))"
DAY_WORDS = r"(?i:today|tonight|yesterday|tomorrow)"  # the deictic days a part or a clock time hangs on


# Days of the month said as ordinals: "the twenty-sixth of October", "May first".
_ORDINAL_DAYS = {
    w: i + 1
    for i, w in enumerate(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth
        fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split()  # noqa: SIM905
    )
}
_ORDINAL_DAYS |= {f"twenty-{w}": 20 + n for w, n in list(_ORDINAL_DAYS.items())[:9]}
_ORDINAL_DAYS |= {"thirtieth": 30, "thirty-first": 31}


def full_date(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """A month and a day ("Sept. 10", "10 September 2022", "9/10/2022", "the tenth of September"), in
    the year given, else the one the tense and the DCT give."""
    month = int(m.group("month")) if m.group("month").isdigit() else month_number(m.group("month"))
    if m.groupdict().get("dayword"):
        day = _ORDINAL_DAYS[" ".join(m.group("dayword").lower().split()).replace(" ", "-")]
    else:
        day = int(re.sub(r"\D", "", m.group("day")))
    if m.group("year"):
        d = rs.make_date(int(m.group("year")), month, day)
        return ctx.make(m.start(), m.end(), "DATE", rs.day_resolved(d)) if d else None
    if ctx.dct is None:
        return ctx.make(m.start(), m.end(), "DATE", (rs.unresolved_month_day(month, day), None))
    d = month_day(ctx, ctx.dct, month, day, m.start(), m.end())
    return ctx.make(m.start(), m.end(), "DATE", rs.day_resolved(d) if d else (rs.UNRESOLVED_DAY, None))


def month_day(ctx: Context, dct: date, month: int, day: int, start: int, end: int) -> date | None:
    """The date of a month and day named without a year, by the tense at ``start``-``end`` when it decides."""
    return ctx.by_tense(start, end, lambda tense: rs.month_day_date(dct, month, day, tense, ctx.slack_days))


# Words that introduce a date, needed before "10/19/87": a bare "3/4/12" may be a ratio or a score.
_DATE_WORD_BEFORE = re.compile(r"\b(?i:on|dated|since|from|until|till|through|effective|by)\s+$")


def short_year_date(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "on 10/19/87": a US numeric date with a two-digit year, in the century that puts it no more than
    ten years after the report (1987 in a 1990 report, 2023 in a 2024 one)."""
    if not _DATE_WORD_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    pivot = ctx.dct.year if ctx.dct is not None else 2000
    year = pivot // 100 * 100 + int(m.group("yy"))
    year -= 100 if year > pivot + 10 else 0
    d = rs.make_date(year, int(m.group("month")), int(m.group("day")))
    return ctx.make(m.start(), m.end(), "DATE", rs.day_resolved(d)) if d else None


SHORT_YEAR_DATE_RULE: Rule = (
    ("digit", "slash date"),
    r"\b(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<yy>\d\d)\b(?!/)",
    short_year_date,
)


def _alternatives(words: list[str]) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _with_part(resolved: Resolved, part: str | None) -> Resolved:
    """A day's value with a part of the day appended ("2022-09-08" -> "2022-09-08TEV")."""
    value, iso = resolved
    return (f"{value}T{part}", iso) if part else resolved


# A weekday that owns the noun after it ("Tuesday's primary", "Monday 's ruling" in tokenised text).
_OWNER_AFTER = re.compile(r" ?['’]s\b")
# "before" right before such a weekday ("just days before Tuesday's primary", "before heading to Monday's debate"):
# the happening it owns is mostly still coming, whatever the tense ("has emboldened rivals just days before
# Tuesday's primary" in a Sunday report), unless a past perfect tells the time before it ("had been told just
# before Tuesday's vote"). One or two days back it is that day when told in the past ("before Tuesday's primary
# showed a dead heat" on a Wednesday), but not in the future ("whether he'll drop out before Tuesday's primary").
_BEFORE_OWNER = re.compile(r"\b(?i:before)\s+(?:[a-z]+ing\s+(?:(?i:to|at|for)\s+)?)?\Z")
_PAST_PERFECT = re.compile(rf"\b(?i:had)\s+(?:(?i:not|already|just|long|never|also|only)\s+)*{PARTICIPLE}")
_BEFORE_REACH = 24  # characters before the weekday that "before" and a verb in "-ing" can take
_PERFECT_REACH = 100  # characters before "before" within which a past perfect tells the time


def weekday_resolved(ctx: Context, weekday: int, mod: str | None, start: int, end: int) -> Resolved:
    """The day a weekday at ``start``-``end`` names (``mod``: "last", "next", "this", ...), by its owner, "ahead
    of", a plan told in the past, else the tense."""
    if ctx.dct is None:
        return rs.unresolved_weekday(weekday), None
    dct, modifier = ctx.dct, MODIFIERS[mod] if mod else None
    if mod in ("coming", "this coming"):
        return rs.day_resolved(rs.weekday_date(dct, weekday, "future", modifier))
    if modifier is None and _OWNER_AFTER.match(ctx.text, end) and ctx.governed(start) is None:
        before = _coming_before(ctx.text, start)
        recent = rs.recent_weekday(dct, weekday)  # "Monday's ruling will ...": the tense tells of its effects
        if recent is not None and not (before and ctx.tense(start, end) == "future"):
            return rs.day_resolved(recent)
        if before:  # "just days before Tuesday's primary"
            return rs.day_resolved(rs.weekday_date(dct, weekday, "future"))
    if modifier is None and ctx.ends_event_ahead_of(start):  # "ahead of a meeting of ministers on Thursday"
        recent = rs.recent_weekday(dct, weekday)
        if recent is not None and ctx.tense(start, end) != "future":
            return rs.day_resolved(recent)
        return rs.day_resolved(rs.weekday_date(dct, weekday, "future"))
    target = ctx.target_before(start) if modifier is None and 1 <= (weekday - dct.weekday()) % 7 <= 2 else None
    if target == "for" or (target == "by" and not _OWNER_AFTER.match(ctx.text, end)):  # not "hit by Tuesday's quake"
        return rs.day_resolved(rs.weekday_date(dct, weekday, "future"))  # "a capacity for Saturday's show", "by Monday"
    # the DCT's own weekday is the DCT in every reading, without the tense read
    if modifier in (None, "this") and weekday != dct.weekday() and ctx.told_as_plan(start, end):
        return rs.day_resolved(rs.planned_weekday(dct, weekday))  # "was due to begin on Tuesday"
    return rs.day_resolved(ctx.by_tense(start, end, lambda tense: rs.weekday_date(dct, weekday, tense, modifier)))


def _coming_before(text: str, start: int) -> bool:
    """Whether "before" leads the possessive weekday at ``start`` with no past perfect before it (``_BEFORE_OWNER``)."""
    if "efore" not in text[max(0, start - _BEFORE_REACH) : start]:  # a fast test: most weekdays have no "before"
        return False
    before = _BEFORE_OWNER.search(text, max(0, start - _BEFORE_REACH), start)
    return before is not None and not _PAST_PERFECT.search(
        text, max(0, before.start() - _PERFECT_REACH), before.start()
    )


def deictic_resolved(ctx: Context, word: str) -> Resolved:
    """The day a deictic word ("yesterday", "tonight") names, counted from the DCT."""
    if ctx.dct is None:
        return rs.UNRESOLVED_DAY, None
    return rs.day_resolved(ctx.dct + timedelta(days=DEICTIC_DAYS[word]))


# "Monday and Tuesday nights": the first weekday shares the second's plural part, so recurs too.
_SHARED_PARTS = re.compile(rf"\s+(?i:and|or)\s+{WEEKDAY}\s+(?P<part>{PART})s\b")


def _weekday(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    start = start_of(m, "pre", "the", "mod", "wd")  # "the previous Friday", as TIMEX3 spans it
    mod = lower(m, "mod")
    if mod == "following" and not m.group("the"):
        # "flew in following Tuesday's landslide": without "the", "following" is a preposition, not a modifier
        start, mod = m.start("wd"), None
    shared = None if m.group("part") else _SHARED_PARTS.match(ctx.text, m.end())
    if m.group("every") or shared:
        # "Tuesday nights": every Tuesday night, a SET
        every = f"{rs.unresolved_weekday(weekday_number(m.group('wd')))}T{PARTS[lower(shared or m, 'part') or '']}"
        return ctx.make(start, m.end(), "SET", (every, None))
    resolved = weekday_resolved(ctx, weekday_number(m.group("wd")), mod, start, m.end())
    part = PARTS.get(lower(m, "part") or "")
    return ctx.make(start, m.end(), "TIME" if part else "DATE", _with_part(resolved, part))


_NOUN_PHRASE_AFTER = re.compile(r"\s+(?:the|a|an|his|her|its|their|this|that)\b")
# Money lent or priced for one night: "the overnight rate", "overnight loans" name an instrument, not a night.
_INSTRUMENT_AFTER = re.compile(
    r"\s+(?:(?i:interbank|lending|call|bank)\s+)?(?i:rates?|loans?|lending|money|funds|deposits?|repos?|repurchase|"
    r"borrowings?|index|indexed)\b"
)


def _deictic_day(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    word = lower(m, "word") or ""
    if word in ("the day before", "the day after") and _NOUN_PHRASE_AFTER.match(ctx.text, m.end()):
        return None  # "the day before the vote" is anchored to the vote, not to a date
    if word == "overnight" and _INSTRUMENT_AFTER.match(ctx.text, m.end()):
        return None
    part = PARTS.get(lower(m, "part") or "") or DEICTIC_PARTS.get(word)
    resolved = deictic_resolved(ctx, word)
    if word == "overnight" and ctx.dct is not None:
        # TIMEX3 values the night before the report; what happened in it is placed on the day it ended
        resolved = (resolved[0], ctx.dct.isoformat())
    return ctx.make(m.start(), m.end(), "TIME" if part else "DATE", _with_part(resolved, part))


def _part_of_day(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "mid-afternoon yesterday", "the morning of Tuesday": the part first, then its day."""
    part = PARTS[lower(m, "part") or ""]
    day = lower(m, "day") or ""
    if day in DEICTIC_DAYS:
        resolved = deictic_resolved(ctx, day)
    else:
        resolved = weekday_resolved(ctx, weekday_number(day), None, m.start(), m.end())
    return ctx.make(start_of(m, "pre", "part"), m.end(), "TIME", _with_part(resolved, part))


# Between a date and the weekday it fell on, set off after it: "Feb. 25, a Sunday", "March 20, Wednesday".
_APPOSITION_GAP = re.compile(r",\s+(?:(?P<a>an?)\s+)?")
_WEEKDAY_ALONE = re.compile(WEEKDAY)
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def weekdays_in_apposition(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """A weekday set off by a comma right after a date that fell on it names that date ("Feb. 25, a
    Sunday"), not the nearest such weekday; "a" joins its extent, as TIMEX3 spans "a Sunday"."""
    out = list(found)
    for i in range(1, len(out)):
        date_expr, day = out[i - 1], out[i]
        gap = _APPOSITION_GAP.fullmatch(text, date_expr.end, day.start)
        if gap is None or not _WEEKDAY_ALONE.fullmatch(day.text) or not _ISO_DAY.fullmatch(date_expr.value):
            continue
        if date.fromisoformat(date_expr.value).weekday() != weekday_number(day.text):
            continue  # a slip in the report: keep each reading
        start = gap.start("a") if gap.group("a") else day.start
        out[i] = TimeExpression(start, day.end, text[start : day.end], "DATE", date_expr.value, date_expr.date)
    return out


_WEEK_OF_BEFORE = re.compile(r"\b(?i:the\s+week\s+of)\s+$")


def weeks_of(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """ "the week of March 16" is one DATE, the week that holds the day (TIMEX3 "1998-W12"), not the day.

    Its calendar date is the month when the whole week lies in one, else none (as for "that week").
    """
    out = []
    for t in found:
        before = _WEEK_OF_BEFORE.search(text, max(0, t.start - 20), t.start) if t.date and len(t.date) == 10 else None
        if before is not None and t.date is not None:
            day = date.fromisoformat(t.date)
            monday = day - timedelta(days=day.weekday())
            sunday = monday + timedelta(days=6)
            month = monday.isoformat()[:7] if monday.month == sunday.month else None
            t = TimeExpression(before.start(), t.end, text[before.start() : t.end], "DATE", rs.iso_week(day), month)
        out.append(t)
    return out


_SMALL_COUNT = r"(?i:two|three|four|five|six|seven|eight|nine|ten|[2-9])"
_WEEKDAYS_PLURAL = r"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)s"


def _weekdays_ago(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "two Fridays ago": the Friday before last, a day counted back by weeks from the last one (not every
    Friday, a SET); the last one is the one before the report's own day, as "last Friday" reads."""
    if ctx.dct is None:
        return ctx.make(m.start(), m.end(), "DATE", (rs.unresolved_weekday(weekday_number(m.group("wd"))), None))
    last = rs.weekday_date(ctx.dct, weekday_number(m.group("wd")), "past", "last")
    weeks = int(parse_number(m.group("n")) or 1) - 1
    return ctx.make(m.start(), m.end(), "DATE", rs.day_resolved(last - timedelta(weeks=weeks)))


def _before_last_after_next(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the week before last", "the weekend after next", "the Monday after next": one week beyond the
    last (or next) one, as "last week", "next weekend" and "next Monday" read."""
    what, back = lower(m, "what") or "", lower(m, "dir") == "before last"
    if ctx.dct is None:
        value = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE"}.get(what)
        return ctx.make(m.start(), m.end(), "DATE", (value or rs.unresolved_weekday(weekday_number(what)), None))
    dct, step = ctx.dct, timedelta(weeks=-1 if back else 1)
    if what == "week":
        return ctx.make(m.start(), m.end(), "DATE", (rs.iso_week(dct + 2 * step), None))
    weekday = 5 if what == "weekend" else weekday_number(what)
    day = rs.weekday_date(dct, weekday, "past" if back else "future", "last" if back else "next") + step
    if what == "weekend":
        return ctx.make(m.start(), m.end(), "DATE", (rs.iso_week(day) + "-WE", None))
    return ctx.make(m.start(), m.end(), "DATE", rs.day_resolved(day))


COUNTED_WEEKDAY_RULES: tuple[Rule, ...] = (
    (
        ("weekday, holiday or clock", "ago"),
        rf"\b(?P<n>{_SMALL_COUNT})\s+{_WEEKDAYS_PLURAL}\s+(?i:ago)\b",
        _weekdays_ago,
    ),
    (
        ("before last or after next",),
        rf"\b(?i:the)\s+(?P<what>(?i:week|weekend)|{WEEKDAY})\s+(?P<dir>(?i:before last|after next))\b",
        _before_last_after_next,
    ),
)


WEEKDAY_RULES: tuple[Rule, ...] = (
    (
        ("weekday, holiday or clock",),
        starting_with(
            "elmtlnpcfmtwfs",
            rf"\b(?:{_PRE}\s+(?:(?i:on)\s+)?)?(?:(?P<the>(?i:the))\s+(?=(?i:previous|following)\s))?(?:(?P<mod>{MOD})\s+)?"
            rf"(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART})(?P<every>s)?\b)?",
        ),
        _weekday,
    ),
    (
        ("deictic word",),
        starting_with(
            "elmtyo",
            rf"\b(?:{_PRE}\s+)?(?P<word>(?i:{_alternatives(list(DEICTIC_DAYS))}))\b(?:\s+(?P<part>{PART})\b)?",
        ),
        _deictic_day,
    ),
    (
        ("part",),
        rf"\b(?!(?i:midnight))(?:(?P<pre>(?i:early|late|mid))[- ]?)?(?P<part>{PART})\s+(?:(?i:of)\s+)?"
        rf"(?P<day>{DAY_WORDS}|{WEEKDAY})\b",
        _part_of_day,
    ),
)
_DAYWORD = rf"(?P<dayword>(?i:{_alternatives([w.replace('-', '[- ]') for w in _ORDINAL_DAYS])}))"
_DATE_END = rf"(?:,?\s+(?P<year>{YEAR}))?(?=\s*(?:[,.;:!?)]|$))"  # a stop, a comma or the end after the day
# "the twenty-sixth of October (1989)", "October the first", "May first"; not "June second-quarter sales".
SPOKEN_DATE_RULES: tuple[Rule, ...] = (
    (
        ("month in full", "ordinal"),
        rf"\b(?i:the)\s+{_DAYWORD}\s+(?i:of)\s+(?P<month>{MONTH_FULL}){_DATE_END}",
        full_date,
    ),
    (("month in full", "ordinal"), rf"\b(?P<month>{MONTH_FULL})\s+(?:(?i:the)\s+)?{_DAYWORD}{_DATE_END}", full_date),
)
