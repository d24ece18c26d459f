"""When each part of a report was written: its update lines and the time stamps of a live page's entries.

A report published on one day and updated later ("Last updated at 09:12 GMT, Tuesday, 8 November
2031", "(Updated: 1:38 a.m. Monday, Tarsa; 6:38 p.m. Sunday ET):") tells "today" and "on Tuesday"
from the time of its update; a live page's entries ("1805: ...", "10.47 am ET: ...", "(8:10 p.m.
Monday ET, 2:10 a.m. Tuesday in Tarsa) ...") each from their own stamp. Each stamp becomes a
``Written`` mark: the day it names and where its text starts; the text up to the next mark was
written then (``written_on``).

1. An update line is "updated" or "last updated", then a colon, "at" or "on" and a clock, date or
   weekday. A full date in it is its day; a weekday alone ("Monday") is the day of that weekday
   nearest the publication date (within three days either way); a clock alone is the publication
   day. The first weekday or date is taken, the page's own time zone ("6:38 p.m. Sunday ET" after
   "1:38 a.m. Monday, Tarsa" is the same moment). An update is kept only when it is not before the
   publication day; "UPDATE 2-" of a wire's headline names no time and is no mark.
2. A live entry's stamp opens a line: a clock ("1805", "18:05", "6.05 pm", with a zone or not) and a
   colon or dash, or a clock in brackets with a weekday or a second clock ("(8:10 p.m. Monday ET,
   2:10 a.m. Tuesday in Tarsa)"). A page's stamps count only when there are at least
   ``MIN_ENTRIES`` and all are clock times ("1968:" is no clock, so "1918: ... 1957: ... 1968: ..."
   is a list of years); a page of bare four-digit stamps ("2155:") also needs a zone, a stamp
   outside 1000-2099 or the word "live" in its text, as "2001: ... 2005: ... 2009: ..." lists years.
3. An entry with a weekday is on that weekday's day nearest the publication date; one without
   takes the day of the entry before it in time (the page's order, newest first or oldest first,
   is read from its clocks), and a clock more than twelve hours earlier than the entry before it
   in time is the next day. The first entry in time, without a weekday, is on the publication day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Literal

from storyline.doc.metadata import find_full_date
from storyline.records import IsoDate
from storyline.time.resolve import parse_dct
from storyline.time.words import WEEKDAYS

MIN_ENTRIES = 3  # stamps a page needs before they are read as a live page's
NEAREST_DAYS = 3  # a weekday is the day of that weekday within this many days of the publication date
_CLOSES = 2  # characters after a stamp that still closes its sentence
_ROLLOVER = 12 * 60  # minutes a clock must fall, from one entry to the next in time, for a new day

_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s)?(?:\.|(?!\w))"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.|(?!\w))"
)
_ZONE = r"(?:GMT|UTC|BST|CET|[ECMP][SD]?T|UK[^\S\n]+time|local(?:[^\S\n]+time)?)"
_COLON_CLOCK = r"[0-2]?\d[:.][0-5]\d(?::\d\d)?(?:[^\S\n]*[ap]\.?m\.?)?"
_AMPM_CLOCK = r"1?\d[^\S\n]*[ap]\.?m\.?"
_DAY_CLOCK = r"[0-2]\d[0-5]\d"  # "1805": a clock only on a live page or after "updated at"
# One part of a stamp: a clock, a zone, a weekday, a date's words, a place ("in Tarsa", "Tarsa").
_PART = (
    rf"(?:{_COLON_CLOCK}|{_AMPM_CLOCK}|{_DAY_CLOCK}|{_ZONE}|{_WEEKDAY}|{_MONTH}|\d{{1,2}}(?:st|nd|rd|th)?|\d{{4}}"
    r"|in[^\S\n]+[A-Z][\w-]+|[A-Z][\w-]+(?=[^\S\n]*[;)]))(?!\w)"
)
_STAMP_RUN = rf"{_PART}(?:(?:[^\S\n]*[,;\-–]?[^\S\n]*|[^\S\n]+(?:on|at)[^\S\n]+){_PART})*"

_UPDATE = re.compile(
    rf"(?P<date>\b\d{{1,2}}[^\S\n]+{_MONTH}[^\S\n]+\d{{4}}[^\S\n]+)?"
    rf"(?:\blast[^\S\n]+updated(?:[^\S\n]*:[^\S\n]*|[^\S\n]+(?:at|on)[^\S\n]+)|\bupdated[^\S\n]*:[^\S\n]*"
    rf"|(?:^|(?<=\())[^\S\n]*updated[^\S\n]+(?:at|on)[^\S\n]+)(?P<stamp>{_STAMP_RUN})(?:[^\S\n]*\))?(?:[^\S\n]*:)?",
    re.I | re.M,
)
_ENTRY_COLON = re.compile(
    rf"^[^\S\n]*(?P<clock>{_COLON_CLOCK}|{_AMPM_CLOCK}|{_DAY_CLOCK})(?:[^\S\n]+{_ZONE})?[^\S\n]*[:\-–][^\S\n]+(?=\S)",
    re.I | re.M,
)
_ENTRY_BRACKET = re.compile(
    rf"^[^\S\n]*\([^\S\n]*(?P<clock>{_COLON_CLOCK}|{_AMPM_CLOCK})(?P<rest>[^()\n]{{0,60}})\)[^\S\n]*[:\-–]?[^\S\n]*",
    re.I | re.M,
)
_CLOCK_PARTS = re.compile(r"^(\d{1,2})[:.]?(\d\d)?(?::\d\d)?[^\S\n]*([ap])?", re.I)
_WEEKDAY_WORD = re.compile(rf"\b{_WEEKDAY}\b", re.I)
_SECOND_CLOCK = re.compile(rf"(?:{_COLON_CLOCK}|{_AMPM_CLOCK})", re.I)
_HAS_ZONE = re.compile(rf"\b{_ZONE}\b", re.I)
_LIVE = re.compile(r"\blive\b", re.I)


@dataclass(frozen=True)
class Written:
    """A stamp in the text: the day it names, where it starts and ends, and whether it is an update line
    or a live entry's stamp. The text from ``start`` up to the next mark was written on ``date``."""

    start: int
    end: int
    date: IsoDate
    kind: Literal["update", "entry"]


@dataclass(frozen=True)
class _Entry:
    start: int
    end: int
    minutes: int | None  # the clock as minutes after midnight; None when it is no clock ("1968")
    weekday: int | None  # 0-6, Monday=0
    four_digits: bool
    zone: bool


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
        day = date.fromisoformat(full) if full else _weekday_day(stamp, published) or published
        found.append((m, day, full is not None))
    items = len({day for _, day, full in found if full}) >= 2
    return [
        Written(m.start(), m.end(), day.isoformat(), "update")
        for m, day, full in found
        if day >= published or (items and full)
    ]


def _weekday_day(words: str, published: date) -> date | None:
    """The day of the first weekday in ``words`` nearest ``published``."""
    m = _WEEKDAY_WORD.search(words)
    if m is None:
        return None
    weekday = _weekday_number(m.group())
    return next(
        published + timedelta(days=d)
        for d in sorted(range(-NEAREST_DAYS, NEAREST_DAYS + 1), key=abs)
        if (published + timedelta(days=d)).weekday() == weekday
    )


def _weekday_number(word: str) -> int:
    return next(i for i, name in enumerate(WEEKDAYS) if name.lower().startswith(word.lower()[:3]))


def _entries(text: str, published: date) -> list[Written]:
    entries = sorted([*_colon_entries(text), *_bracket_entries(text)], key=lambda e: e.start)
    if not _is_live_page(entries, text):
        return []
    days = _entry_days(entries, published)
    return [Written(e.start, e.end, d.isoformat(), "entry") for e, d in zip(entries, days, strict=True)]


def _colon_entries(text: str) -> list[_Entry]:
    out = []
    for m in _ENTRY_COLON.finditer(text):
        clock = m.group("clock")
        four = re.fullmatch(_DAY_CLOCK, clock) is not None
        out.append(_Entry(m.start(), m.end(), _minutes(clock), None, four, bool(_HAS_ZONE.search(m.group()))))
    return out


def _bracket_entries(text: str) -> list[_Entry]:
    """ "(8:10 p.m. Monday ET, 2:10 a.m. Tuesday in Tarsa)": a clock with a weekday or a second clock."""
    out = []
    for m in _ENTRY_BRACKET.finditer(text):
        rest = m.group("rest")
        weekday = _WEEKDAY_WORD.search(rest)
        if weekday is None and _SECOND_CLOCK.search(rest) is None:
            continue
        number = _weekday_number(weekday.group()) if weekday else None
        out.append(_Entry(m.start(), m.end(), _minutes(m.group("clock")), number, False, True))
    return out


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
    if not all(e.four_digits and not e.zone for e in entries):
        return True
    outside_years = any(not 1000 <= int(text[e.start : e.end].strip()[:4]) <= 2099 for e in entries)
    return outside_years or bool(_LIVE.search(text))


def _entry_days(entries: list[_Entry], published: date) -> list[date]:
    """Each entry's day, walking the entries in time (3.)."""
    clocks = [e.minutes or 0 for e in entries]
    falls = sum(b < a for a, b in pairwise(clocks))
    newest_first = falls > len(clocks) - 1 - falls
    order = list(reversed(range(len(entries)))) if newest_first else list(range(len(entries)))
    days: dict[int, date] = {}
    day, clock = published, None
    for i in order:
        entry = entries[i]
        if entry.weekday is not None:
            day = _weekday_day(WEEKDAYS[entry.weekday], published) or published
        elif clock is not None and clocks[i] < clock - _ROLLOVER:
            day += timedelta(days=1)
        days[i], clock = day, clocks[i]
    return [days[i] for i in range(len(entries))]
