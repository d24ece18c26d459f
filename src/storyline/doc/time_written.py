"""When each part of a report was written: its update lines and the time stamps of a live page's entries.

A report published on one day and updated later ("Last updated at 09:12 GMT, Tuesday, 8 November
2031", "(Updated: 1:38 a.m. Saturday, Tarsa; 6:38 p.m. Friday ET):") tells "today" and "on Tuesday"
from the time of its update; a live page's entries ("1805: ...", "10.47 am ET: ...", "(8:10 p.m.
Monday ET, 2:10 a.m. Tuesday in Tarsa) ...") each from their own stamp. Each stamp becomes a
``Written`` mark: the day it names and where its text starts; the text up to the next mark was
written then (``written_on``).

1. An update line is "updated" or "last updated", then a colon, "at" or "on" and a clock, date or
   weekday. A full date in it is its day; a day and month without a year ("21 March") that day in the
   year nearest the publication date; a weekday alone ("Monday") the day of that weekday nearest the
   publication date (within three days either way); of two, in two time zones, the first ("1:38 a.m.
   Saturday, Tarsa; 6:38 p.m. Friday ET" is Saturday, "(8:10 p.m. Friday ET, 2:10 a.m. Saturday in
   Tarsa)" Friday: the page's own zone is written first). A clock alone is the publication day, or,
   on a page of ``MIN_ENTRIES`` update lines or more, the day of the update before it in time (3.).
   An update is kept only when it is not before the publication day; "UPDATE 2-" of a wire's
   headline names no time and is no mark.
2. A live entry's stamp opens a line: a clock ("1805", "18:05", "6.05 pm", with a zone or not), with a
   date or weekday before or after it or not ("Monday 21 March, 0930", "0930 GMT Tuesday"), and a
   colon or dash; or a clock in brackets with a weekday or a second clock ("(8:10 p.m. Monday ET,
   2:10 a.m. Tuesday in Tarsa)"). A page's stamps count only when there are at least ``MIN_ENTRIES``
   and all are clock times ("1968:" is no clock, so "1918: ... 1957: ... 1968: ..." is a list of
   years); a page of bare four-digit stamps ("2155:") also needs a zone, a stamp outside 1000-2099 or
   the word "live" in its text, as "2001: ... 2005: ... 2009: ..." lists years; four digits after a
   date without a year are its year ("8th November 2011 - "). On a live page a line
   that is only a date ("Monday 21 March") heads the entries below it: they, and it, are on its day.
3. An entry with a date, weekday or heading is on that day (as in 1.); one without takes the day of
   the entry before it in time (the page's order, newest first or oldest first, is read from its
   clocks), and a clock more than twelve hours earlier than the entry before it in time is the next
   day (a blog running 2300, 2345, 0015). A clock out of order with both neighbours, which are in
   order ("11.50 am, 11.55 pm, 12.07 pm"), is a slip: it takes its neighbour's day and is not walked
   from. Entries before the first one with its own day are walked back from it; on a page with no
   such entry the first entry in time is on the publication day.
4. A stamp of two time zones ("(9:30 p.m. Friday ET, 3:30 a.m. Saturday in Tarsa)") may name two
   days. Its day is the first zone's (as in 1.); the second's (``Written.other``, from its weekday or
   its clock: a second clock at most fourteen hours ahead is east of the first) is the reference of a
   sentence under it that names the second day's weekday and not the first's ("State TV reported
   early Saturday ...": the Saturday in Tarsa, not the Saturday a week before Friday in ET).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise
from typing import Literal

from storyline.doc.metadata import find_full_date, find_month_day
from storyline.records import IsoDate
from storyline.time.resolve import nearest_month_day, parse_dct
from storyline.time.words import WEEKDAY, WEEKDAYS

MIN_ENTRIES = 3  # stamps a page needs before they are read as a live page's
NEAREST_DAYS = 3  # a weekday is the day of that weekday within this many days of the publication date
_CLOSES = 2  # characters after a stamp that still closes its sentence
_ROLLOVER = 12 * 60  # minutes a clock must fall, from one entry to the next in time, for a new day
_DAY = 24 * 60
_AHEAD = 14 * 60  # a second zone's clock at most this far ahead of the first is east of it (UTC+14 - UTC)

_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s)?(?:\.|(?!\w))"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.|(?!\w))"
)
_ZONE = r"(?:GMT|UTC|BST|CET|[ECMP][SD]?T|UK[^\S\n]+time|local(?:[^\S\n]+time)?)"
_COLON_CLOCK = r"[0-2]?\d[:.][0-5]\d(?::\d\d)?(?:[^\S\n]*[ap]\.?m\.?)?"
_AMPM_CLOCK = r"1?\d[^\S\n]*[ap]\.?m\.?"
_DAY_CLOCK = r"[0-2]\d[0-5]\d"  # "1805": a clock only on a live page or after "updated at"
_CLOCK = rf"(?:{_COLON_CLOCK}|{_AMPM_CLOCK}|{_DAY_CLOCK})"
# One part of a stamp: a clock, a zone, a weekday, a date's words, a place ("in Tarsa", "Tarsa").
_PART = (
    rf"(?:{_COLON_CLOCK}|{_AMPM_CLOCK}|{_DAY_CLOCK}|{_ZONE}|{_WEEKDAY}|{_MONTH}|\d{{1,2}}(?:st|nd|rd|th)?|\d{{4}}"
    r"|in[^\S\n]+[A-Z][\w-]+|[A-Z][\w-]+(?=[^\S\n]*[;)]))(?!\w)"
)
_STAMP_RUN = rf"{_PART}(?:(?:[^\S\n]*[,;\-–]?[^\S\n]*|[^\S\n]+(?:on|at)[^\S\n]+){_PART})*"
# The words of a day: "Monday 21 March", "21st March 2031", "Mar. 21".
_DAY_WORD = rf"(?:{_WEEKDAY}|{_MONTH}|\d{{1,2}}(?:st|nd|rd|th)?(?!\d)|(?:19|20)\d\d(?!\d))"
_DAY_WORDS = rf"{_DAY_WORD}(?:[^\S\n]*,?[^\S\n]*{_DAY_WORD}){{0,3}}"

_UPDATE = re.compile(
    rf"(?P<date>\b\d{{1,2}}[^\S\n]+{_MONTH}[^\S\n]+\d{{4}}[^\S\n]+)?"
    rf"(?:\blast[^\S\n]+updated(?:[^\S\n]*:[^\S\n]*|[^\S\n]+(?:at|on)[^\S\n]+)|\bupdated[^\S\n]*:[^\S\n]*"
    rf"|(?:^|(?<=\())[^\S\n]*updated[^\S\n]+(?:at|on)[^\S\n]+)(?P<stamp>{_STAMP_RUN})(?:[^\S\n]*\))?(?:[^\S\n]*:)?",
    re.I | re.M,
)
_ENTRY_COLON = re.compile(
    rf"^[^\S\n]*(?:(?P<pre>{_DAY_WORDS})[^\S\n]*,?[^\S\n]*)?(?P<clock>{_CLOCK})(?:[^\S\n]+{_ZONE})?"
    rf"(?:[^\S\n]*,?[^\S\n]*(?P<post>{_DAY_WORDS}))?[^\S\n]*[:\-–][^\S\n]+(?=\S)",
    re.I | re.M,
)
_ENTRY_BRACKET = re.compile(
    rf"^[^\S\n]*\([^\S\n]*(?P<clock>{_COLON_CLOCK}|{_AMPM_CLOCK})(?P<rest>[^()\n]{{0,60}})\)[^\S\n]*[:\-–]?[^\S\n]*",
    re.I | re.M,
)
_HEADING = re.compile(rf"^[^\S\n]*(?P<words>{_DAY_WORDS})[^\S\n]*$", re.I | re.M)
_CLOCK_PARTS = re.compile(r"^(\d{1,2})[:.]?(\d\d)?(?::\d\d)?[^\S\n]*([ap])?", re.I)
_WEEKDAY_WORD = re.compile(rf"\b{_WEEKDAY}", re.I)
_MONTH_WORD = re.compile(rf"\b{_MONTH}", re.I)
_FIRST_CLOCK = re.compile(rf"(?<![\w:.]){_CLOCK}(?!\w)", re.I)
_SECOND_CLOCK = re.compile(rf"(?:{_COLON_CLOCK}|{_AMPM_CLOCK})", re.I)
_HAS_ZONE = re.compile(rf"\b{_ZONE}\b", re.I)
_LIVE = re.compile(r"\blive\b", re.I)
_NAMED_WEEKDAY = re.compile(WEEKDAY)  # a sentence's weekday: the whole word ("sat down" names no day)


@dataclass(frozen=True)
class Written:
    """A stamp in the text: the day it names, where it starts and ends, and whether it is an update line
    or a live entry's stamp. The text from ``start`` up to the next mark was written on ``date``."""

    start: int
    end: int
    date: IsoDate
    kind: Literal["update", "entry"]
    other: IsoDate | None = None  # the day of the stamp's second time zone, when it is another (4.)


@dataclass(frozen=True)
class _Entry:
    start: int
    end: int
    clock: str
    minutes: int | None  # the clock as minutes after midnight; None when it is no clock ("1968")
    day: date | None  # the day its own words name (a date or weekday), else None
    zone: bool
    shift: int = 0  # days from its day to the day of its second time zone (4.)


def read_written(text: str, published: IsoDate | None) -> tuple[Written, ...]:
    """The update lines (1.) and live entries (2., 3.) of ``text``, in text order; none without a
    publication day to count from."""
    day = parse_dct(published)
    if day is None:
        return ()
    marks = [*_updates(text, day), *_entries(text, day)]
    return tuple(sorted(marks, key=lambda m: m.start))


def updated_date(marks: tuple[Written, ...], published: IsoDate | None) -> IsoDate | None:
    """The latest day an update line names, when it is after the publication day."""
    later = [m.date for m in marks if m.kind == "update" and published is not None and m.date > published]
    return max(later) if later else None


def written_on(marks: tuple[Written, ...], start: int, end: int, published: IsoDate | None) -> IsoDate | None:
    """The day the text from ``start`` to ``end`` (a sentence) was written: its mark's (``mark_of``),
    else the publication date."""
    at = mark_of(marks, start, end)
    return published if at is None else marks[at].date


def written_on_named(
    marks: tuple[Written, ...], start: int, end: int, published: IsoDate | None, words: str
) -> IsoDate | None:
    """``written_on``, or the day of the mark's second time zone when ``words`` (the sentence) name
    that day's weekday and not the first's (4.)."""
    at = mark_of(marks, start, end)
    if at is None or marks[at].other is None:
        return written_on(marks, start, end, published)
    mark = marks[at]
    named = {_weekday_number(m.group()) for m in _NAMED_WEEKDAY.finditer(words)}
    other = date.fromisoformat(mark.other or mark.date)
    if other.weekday() in named and date.fromisoformat(mark.date).weekday() not in named:
        return mark.other
    return mark.date


def mark_of(marks: tuple[Written, ...], start: int, end: int) -> int | None:
    """The index of the mark the text from ``start`` to ``end`` stands under: the last that starts
    before the first half of it is over, or that closes it (an item's headline before its stamp:
    "Ferries resume updated: Tue Mar 11 2031 09:30:00"); None above every mark."""
    middle = start + (end - start) // 2
    under = [i for i, m in enumerate(marks) if m.start <= middle or (start <= m.start and 0 <= end - m.end <= _CLOSES)]
    return under[-1] if under else None


def _updates(text: str, published: date) -> list[Written]:
    """Update lines not before the publication day; on a page of several items, each stamped with its
    own full date ("updated: Wed Jun 01 2031 13:53:00"), every item's, as the day its text was written."""
    found = []
    for m in _UPDATE.finditer(text):
        stamp = m.group("stamp")
        full = find_full_date(m.group("date") or "") or find_full_date(stamp)
        day = date.fromisoformat(full) if full else _stamp_day(stamp, published)
        clock = _FIRST_CLOCK.search(stamp)
        found.append((m, day, full is not None, _minutes(clock.group()) if clock else None, _shift(stamp)))
    if len(found) >= MIN_ENTRIES and all(minutes is not None for *_, minutes, _ in found):
        days = _walk_days([minutes or 0 for *_, minutes, _ in found], [f[1] for f in found], published)
    else:
        days = [day or published for _, day, *_ in found]
    items = len({day for _, day, full, *_ in found if full}) >= 2
    return [
        Written(m.start(), m.end(), day.isoformat(), "update", _other(day, shift))
        for (m, _, full, _, shift), day in zip(found, days, strict=True)
        if day >= published or (items and full)
    ]


def _shift(stamp: str) -> int:
    """Days from a stamp's first time zone to its second (4.): from its two weekdays ("Monday ET,
    ... Tuesday in Tarsa": +1), else from its two clocks, the second ahead of the first by at most
    ``_AHEAD`` ("9:30 p.m. ET, 3:30 a.m. in Tarsa": +1), else behind it; 0 with one zone."""
    weekdays = [_weekday_number(m.group()) for m in _WEEKDAY_WORD.finditer(stamp)]
    if len(weekdays) >= 2:
        return {1: 1, 6: -1}.get((weekdays[1] - weekdays[0]) % 7, 0)
    clocks = [c for c in (_minutes(m.group()) for m in _SECOND_CLOCK.finditer(stamp)) if c is not None]
    if len(clocks) < 2:
        return 0
    ahead = (clocks[1] - clocks[0]) % _DAY
    second = clocks[0] + ahead if ahead <= _AHEAD else clocks[0] + ahead - _DAY
    return second // _DAY


def _other(day: date, shift: int) -> IsoDate | None:
    return (day + timedelta(days=shift)).isoformat() if shift else None


def _stamp_day(words: str, published: date) -> date | None:
    """The day a stamp's words name (1.): a full date, a day and month nearest ``published``, or the
    first weekday nearest ``published``; None when they name no day."""
    full = find_full_date(words)
    if full is not None:
        return date.fromisoformat(full)
    month_day = find_month_day(words)
    if month_day is not None:
        return nearest_month_day(month_day, published)
    weekday = _WEEKDAY_WORD.search(words)
    return _weekday_day(_weekday_number(weekday.group()), published) if weekday else None


def _weekday_day(weekday: int, published: date) -> date:
    """The day of ``weekday`` (Monday=0) nearest ``published``."""
    return next(
        published + timedelta(days=d)
        for d in sorted(range(-NEAREST_DAYS, NEAREST_DAYS + 1), key=abs)
        if (published + timedelta(days=d)).weekday() == weekday
    )


def _weekday_number(word: str) -> int:
    return next(i for i, name in enumerate(WEEKDAYS) if name.lower().startswith(word.lower()[:3]))


def _entries(text: str, published: date) -> list[Written]:
    entries = sorted([*_colon_entries(text, published), *_bracket_entries(text, published)], key=lambda e: e.start)
    if not _is_live_page(entries, text):
        return []
    headings = _headings(text, published)
    entries = [_under_heading(e, headings) for e in entries]
    days = _walk_days([e.minutes or 0 for e in entries], [e.day for e in entries], published)
    marks = [
        Written(e.start, e.end, d.isoformat(), "entry", _other(d, e.shift)) for e, d in zip(entries, days, strict=True)
    ]
    return marks + [Written(start, end, day.isoformat(), "entry") for start, end, day in headings]


def _colon_entries(text: str, published: date) -> list[_Entry]:
    out = []
    for m in _ENTRY_COLON.finditer(text):
        words = f"{m.group('pre') or ''} {m.group('post') or ''}"
        if words.strip() and not (_WEEKDAY_WORD.search(words) or _MONTH_WORD.search(words)):
            continue  # numbers around a clock are no day ("12 1805:")
        clock = m.group("clock")
        if m.group("pre") and _is_year(clock) and find_full_date(m.group("pre")) is None:
            continue  # the year of the date before it ("8th November 2011 -")
        zone = bool(_HAS_ZONE.search(m.group()))
        out.append(_Entry(m.start(), m.end(), clock, _minutes(clock), _stamp_day(words, published), zone))
    return out


def _bracket_entries(text: str, published: date) -> list[_Entry]:
    """ "(8:10 p.m. Monday ET, 2:10 a.m. Tuesday in Tarsa)": a clock with a weekday or a second clock."""
    out = []
    for m in _ENTRY_BRACKET.finditer(text):
        rest = m.group("rest")
        day = _stamp_day(rest, published)
        if day is None and _SECOND_CLOCK.search(rest) is None:
            continue
        clock = m.group("clock")
        out.append(_Entry(m.start(), m.end(), clock, _minutes(clock), day, True, _shift(m.group())))
    return out


def _headings(text: str, published: date) -> list[tuple[int, int, date]]:
    """Lines that are only a day ("Monday 21 March", "Tuesday"): where they are and the day (2.)."""
    out = []
    for m in _HEADING.finditer(text):
        day = _stamp_day(m.group("words"), published)
        if day is not None:
            out.append((m.start(), m.end(), day))
    return out


def _under_heading(entry: _Entry, headings: list[tuple[int, int, date]]) -> _Entry:
    """An entry without a day of its own takes the day of the heading above it, if any."""
    above = [day for start, _, day in headings if start < entry.start]
    if entry.day is not None or not above:
        return entry
    return replace(entry, day=above[-1])


def _minutes(clock: str) -> int | None:
    """Minutes after midnight of "18:05", "1805", "6.05 pm", "11 p.m."; None for no clock ("1968")."""
    m = _CLOCK_PARTS.match(clock.strip())
    if m is None:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    half = (m.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute


def _is_live_page(entries: list[_Entry], text: str) -> bool:
    """Enough stamps, all clock times, and no list of years (2.)."""
    if len(entries) < MIN_ENTRIES or any(e.minutes is None for e in entries):
        return False
    if not all(re.fullmatch(_DAY_CLOCK, e.clock) and not e.zone and e.day is None for e in entries):
        return True
    return not all(_is_year(e.clock) for e in entries) or bool(_LIVE.search(text))


def _is_year(clock: str) -> bool:
    """A bare four-digit stamp that could be a year ("1968", "2005")."""
    return re.fullmatch(_DAY_CLOCK, clock) is not None and 1000 <= int(clock) <= 2099


def _walk_days(clocks: list[int], own: list[date | None], published: date) -> list[date]:
    """Each stamp's day, in text order, walking the stamps in time from the first with a day of its
    own (3.)."""
    falls = sum(b < a for a, b in pairwise(clocks))
    newest_first = falls > len(clocks) - 1 - falls
    order = list(reversed(range(len(clocks)))) if newest_first else list(range(len(clocks)))
    slips = _slips([clocks[i] for i in order])
    anchor = next((k for k, i in enumerate(order) if own[i] is not None), None)
    days: dict[int, date] = {}
    start_day = own[order[anchor]] if anchor is not None else published
    for direction, steps in ((1, range(anchor or 0, len(order))), (-1, range(anchor or 0, -1, -1))):
        day, clock = start_day or published, None
        for k in steps:
            i = order[k]
            if own[i] is not None:
                day = own[i] or day
            elif clock is not None and k not in slips and direction * (clock - clocks[i]) > _ROLLOVER:
                day += timedelta(days=direction)
            days[i] = day
            if k not in slips:
                clock = clocks[i]
    return [days[i] for i in range(len(clocks))]


def _slips(clocks: list[int]) -> set[int]:
    """Positions of clocks out of order with both neighbours that are in order with each other (3.)."""
    return {
        k
        for k in range(1, len(clocks) - 1)
        if clocks[k - 1] <= clocks[k + 1] and not clocks[k - 1] <= clocks[k] <= clocks[k + 1]
    }
