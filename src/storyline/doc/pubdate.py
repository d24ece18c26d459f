"""Infer a report's publication day from its text, when no hint, page, dateline or date line gives it.

The evidence is what the tagger finds with no document date: explicit dates ("September 8, 2022",
or "Sept. 8" with a year from a full date in the text or a hint), weekdays with the tense of their
clause ("on Friday" in a past-tense clause) and deictic days written next to a weekday or a date
("today, Tuesday", "yesterday (September 8)").

1. The candidates are the latest full date (with its year) that is not in a future-tense clause, or
   without one the latest month-day, and the six days after it: a report tells the days of its last
   week by weekday and older ones by date.
2. A deictic day next to a weekday or a date pins the day ("today, Tuesday": a Tuesday).
3. A weekday in a clause that also names a date of that weekday ("late Thursday ... on September
   8") refers to that date. Any other weekday not in a future-tense clause, placed as the tagger
   would place it against a candidate, must not fall before the latest explicit date.
4. A day is given only when exactly one candidate survives and a pin narrowed the candidates to it:
   weekdays alone narrow the window but give no day (on the 3,081 Timeline17 articles, whose texts
   often mix posts of several days, they chose four days, all wrong). Otherwise the surviving window
   is returned with no day. A date is never invented: with no explicit date there is no window.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from storyline.records import IsoDate
from storyline.time import tag
from storyline.time.resolve import Modifier, Tense, make_date, nearest_month_day, weekday_date
from storyline.time.tense import tense_at, tense_cues
from storyline.time.words import DEICTIC_DAYS, MODIFIERS

WINDOW_DAYS = 7  # the latest explicit date and the six days after it
CONFIDENCE = 0.4  # below a dateline's 0.6: the day is reasoned out, not written

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_ABBREVIATION = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Gov|Sen|Rep|No|[A-Z]|[ap]\.m)\.$"
)
_FULL = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
_WEEKDAY_MOD = re.compile(r"^(?:(?:early|late|earlier|later|mid)\s+(?:on\s+)?)?(this past|this coming|\w+)\s+\w+day\b")
_WRITTEN_WEEKDAY = re.compile(r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PIN_GAP = re.compile(r"^[\s,()\-–—]*(?:on\s+)?$", re.IGNORECASE)  # "today, Tuesday", "Tuesday (today)"
_DEICTIC = sorted(DEICTIC_DAYS, key=len, reverse=True)


@dataclass(frozen=True)
class Inference:
    """The inferred day (or None) and the window of days the text allows (or None: no evidence)."""

    date: IsoDate | None
    window: tuple[IsoDate, IsoDate] | None
    reason: str


@dataclass(frozen=True)
class _Mention:
    sentence: int
    text: str  # the sentence
    start: int
    end: int
    tense: Tense
    day: date | None = None  # an explicit date
    month_day: tuple[int, int] | None = None  # a date written without its year
    weekday: int | None = None  # 0-6, Monday=0: a weekday, or the weekday written with a date
    modifier: Modifier | None = None  # "last Friday", "next Friday"
    offset: int | None = None  # a deictic day: -1 for "yesterday"


def infer_published(text: str, year: int | None = None) -> Inference:
    """The publication day the text implies, or None with the window it leaves; ``year`` is a hinted year."""
    mentions = [m for i, sentence in enumerate(_sentences(text)) for m in _mentions(i, sentence)]
    dated = _dates(mentions, year)
    # a full date (with its year) anchors the week; a month-day only when there is none (and a hinted year)
    full = [d for m, d in dated if m.tense != "future" and m.day is not None]
    anchors = full or [d for m, d in dated if m.tense != "future"]
    if not anchors:
        return Inference(None, None, "no explicit date in the text")
    anchor = max(anchors)
    candidates = [anchor + timedelta(days=i) for i in range(WINDOW_DAYS)]
    constraints = _constraints(mentions, dated, anchor)
    # a pin that, on its own, rules out some of the week is the evidence a day needs
    narrowing = [is_pin for test, is_pin in constraints if not all(map(test, candidates))]
    candidates = [p for p in candidates if all(test(p) for test, _ in constraints)]
    if not candidates:
        return Inference(None, None, "the weekdays and dates in the text disagree")
    window = (candidates[0].isoformat(), candidates[-1].isoformat())
    if len(candidates) > 1:
        return Inference(None, window, f"{len(candidates)} days fit the dates and weekdays")
    if any(narrowing):
        return Inference(candidates[0].isoformat(), window, "one day fits every date and weekday")
    return Inference(None, window, "one day fits, but only weekdays point to it")


def _sentences(text: str) -> list[str]:
    """Sentences, closely enough: a break after "Sept." or before "8" or a lower-case word is undone."""
    out: list[str] = []
    for line in text.splitlines():
        for piece in _SENTENCE_END.split(line):
            if out and out[-1] and (_ABBREVIATION.search(out[-1]) or not piece[:1].isupper()) and piece.strip():
                out[-1] = f"{out[-1]} {piece}"
            elif piece.strip():
                out.append(piece)
        out.append("")  # a line break always ends a sentence
    return [s for s in out if s]


def _mentions(index: int, sentence: str) -> list[_Mention]:
    """The dates, weekdays and deictic days in one sentence, with the tense of their clause."""
    found = tag(sentence, None)
    if not found:
        return []
    cues = tense_cues(sentence)
    out = []
    for t in found:
        tense = tense_at(cues, t.start, t.end, "past")
        words = " ".join(t.text.lower().split())
        written = _WRITTEN_WEEKDAY.match(words)
        weekday = _WEEKDAY_NAMES.index(written.group(1)) if written else None
        base = _Mention(index, sentence, t.start, t.end, tense, weekday=weekday)
        if (offset := _deictic_offset(words)) is not None:  # before dates: "this morning" may carry one
            out.append(replace(base, offset=offset))
        elif full := _FULL.match(t.value):
            day = make_date(int(full[1]), int(full[2]), int(full[3]))
            if day is not None:
                out.append(replace(base, day=day))
        elif md := _MONTH_DAY.match(t.value):
            out.append(replace(base, month_day=(int(md[1]), int(md[2]))))
        elif wd := _WEEKDAY.match(t.value):
            mod = _WEEKDAY_MOD.match(words)
            modifier = MODIFIERS.get(mod.group(1)) if mod else None
            out.append(replace(base, weekday=int(wd[1]) - 1, modifier=modifier))
    return out


def _deictic_offset(words: str) -> int | None:
    return next((DEICTIC_DAYS[w] for w in _DEICTIC if w in words), None)


def _dates(mentions: list[_Mention], year: int | None) -> list[tuple[_Mention, date]]:
    """Each explicit date: a month-day takes the year that puts it nearest the latest full date (or
    the hinted year); a date written with a weekday it does not fall on is dropped."""
    full = [m.day for m in mentions if m.day is not None]
    reference = max(full) if full else None
    out = []
    for m in mentions:
        day = m.day
        if m.month_day is not None and reference is not None:
            day = nearest_month_day(m.month_day, reference)
        elif m.month_day is not None and year is not None:
            day = make_date(year, *m.month_day)  # None for Feb 29 in a common year
        if day is not None and (m.weekday is None or day.weekday() == m.weekday):
            out.append((m, day))
    return out


Test = Callable[[date], bool]  # what a candidate publication day must pass


def _constraints(mentions: list[_Mention], dated: list[tuple[_Mention, date]], anchor: date) -> list[tuple[Test, bool]]:
    """Each weekday's test and each pin's test, with True for a pin."""
    out: list[tuple[Test, bool]] = []
    for m in mentions:
        if m.offset is not None:
            out.extend((test, True) for test in _pins(m, mentions, dated))
        elif m.weekday is not None and m.day is None and m.month_day is None and m.tense != "future":
            same_day = [d for o, d in dated if o.sentence == m.sentence and d.weekday() == m.weekday]
            out.append((_weekday_test(m, same_day[0] if same_day else None, anchor), False))
    return out


def _weekday_test(m: _Mention, same_day: date | None, anchor: date) -> Test:
    weekday, tense, modifier = m.weekday or 0, m.tense, m.modifier
    if same_day is not None:
        return lambda p: weekday_date(p, weekday, tense, modifier) == same_day
    return lambda p: weekday_date(p, weekday, tense, modifier) >= anchor


def _pins(deictic: _Mention, mentions: list[_Mention], dated: list[tuple[_Mention, date]]) -> list[Test]:
    """ "today, Tuesday", "yesterday (September 8)": the deictic day is that weekday or date."""
    offset = deictic.offset or 0
    days = {(m.sentence, m.start): d for m, d in dated}
    out: list[Test] = []
    for m in mentions:
        if m.sentence != deictic.sentence or m.offset is not None or not _next_to(deictic, m):
            continue
        day = days.get((m.sentence, m.start))
        if day is not None:
            out.append(_is_day(day - timedelta(days=offset)))
        elif m.weekday is not None and m.day is None and m.month_day is None:
            out.append(_is_weekday((m.weekday - offset) % 7))
    return out


def _is_day(day: date) -> Test:
    return lambda p: p == day


def _is_weekday(weekday: int) -> Test:
    return lambda p: p.weekday() == weekday


def _next_to(a: _Mention, b: _Mention) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return bool(_PIN_GAP.match(a.text[first.end : second.start]))
