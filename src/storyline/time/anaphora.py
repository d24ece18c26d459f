"""Anaphoric dates ("the following month", "the next day", "that day", "the previous Friday") read
against the last date the document mentioned, as TimeML annotators read them.

A report that says "The plant closed in March. The following month, it was sold." means April of
that year, not the month after the report. The tagger resolves such an expression against the
document creation time (DCT) when nothing came before it; ``reanchor`` then moves it to count from
the last calendar date (a year, month or day) named earlier in the document, when that date is
precise enough for its unit ("the next day" needs a day, "the following year" a year).
``anchor_after`` gives the anchor a sentence leaves for the next one (carried in ``focus.Focus``).

Only expressions that point back are moved: "next week" and "next year" without "the" count from
the report, and "the next two weeks" is a duration. "at the time" standing alone points back too, but
TimeBank values it PAST_REF rather than as the date it points to, so it is not moved.
"""

from __future__ import annotations

import re
from calendar import isleap
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from storyline.records import TimeExpression
from storyline.time import resolve as rs
from storyline.time.context import Context, Rule, starting_with
from storyline.time.tense import future_or_perfect
from storyline.time.words import WEEKDAYS, weekday_number

# What points back, with the step it takes from the anchor: -1 before, 0 the same, 1 after.
_BACK = r"previous|preceding|prior"
_ON = r"following|next"
_SAME = r"same|very\s+same"
_NIGHT_AND_PARTS = r"night|morning|afternoon|evening"
_DAY_PARTS = rf"day|{_NIGHT_AND_PARTS}"
_UNITS = rf"{_DAY_PARTS}|week|month|year"
_ANAPHORIC = re.compile(
    rf"(?i:(?:(?:early|late|earlier|later)\s+)?(?:"
    rf"(?:the\s+)?(?P<mod>{_BACK}|following|{_SAME})\s+(?P<unit>{_UNITS}|{'|'.join(WEEKDAYS)})"
    rf"|the\s+(?P<next>next)\s+(?P<next_unit>{_DAY_PARTS})"
    rf"|(?P<that>that)\s+(?P<that_unit>{_UNITS})"
    rf"|the\s+(?P<part_unit>{_DAY_PARTS})"
    rf"|the\s+(?P<rel_unit>day|night|week|month|year)\s+(?P<rel>before|after))"
    rf"|(?:early|late|earlier|later)\s+in\s+the\s+(?P<in_unit>week|month|year))"
)
# How an anaphoric expression begins (its first three letters, lower-cased): a fast test before the pattern.
_FIRST = frozenset(["the", "tha", "pre", "pri", "fol", "sam", "ver", "ear", "lat", "ove"])  # "ove": "overnight"
# A calendar value an anaphor can count from: a year, a month or a day (a part of the day is dropped).
_CALENDAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?")
Anchor = str  # "1989", "1989-03" or "1989-03-14"
_PARTS = {"day": "", "night": "TNI", "morning": "TMO", "afternoon": "TAF", "evening": "TEV"}


def _anaphor(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "that year", "the next morning", "in the morning", "later in the day": counted from the report
    day here; ``reanchor`` moves it to the last date the document named before it."""
    start = m.start("the") if m.groupdict().get("the") else m.start()
    step, unit = _step(m)
    if ctx.dct is None:
        return ctx.make(start, m.end(), "DATE", (rs.UNRESOLVED_DAY, None))
    return _moved(ctx.make(start, m.end(), "DATE", ("", None)), step, unit, ctx.dct.isoformat())


_PRE = r"(?:(?i:early|late|earlier|later)\s+)?"
# A part of the day that describes a noun ("in the morning papers") is no time.
_NOT_A_NOUN_AFTER = r"(?!\s+(?i:of|before|after)\b|\s+[a-z]+(?<!and)(?<!but)(?<!or)(?<!to)(?<!as)\b)"


def _pointing_back(units: str, next_units: str, extra: str = "") -> str:
    """ "that year", "the same week", "the previous month", "the next morning" ("the next" only before
    ``next_units``: "the next week" and "the next year" count from the report), then ``extra``."""
    return (
        rf"\b{_PRE}(?:(?i:that|the\s+(?P<mod>{_BACK}|following|{_SAME}))\s+(?P<unit>(?i:{units}))\b"
        rf"|(?i:the\s+(?P<next>next))\s+(?P<next_unit>(?i:{next_units}))\b{extra})"
    )


# "the year before the war" counts from the war: only a clause's end, or a clause after it, leaves it the date's.
_NOTHING_AFTER = r"(?=\s*(?:[,.;:!?)\"'”’—]|$|\s(?i:and|but|when|as|that|while|to)\b))"
_IN_THE_PART = rf"|(?i:in)\s+(?P<the>(?i:the))\s+(?P<part_unit>(?i:{_NIGHT_AND_PARTS}))\b{_NOT_A_NOUN_AFTER}"
# Four rules ("that year"...; "that night"... and "in the morning"; "the year before"; "later in the day"), each behind
# gates the tagger tests anyway, so that most sentences skip them at once.
ANAPHOR_RULES: tuple[Rule, ...] = (
    (("unit word", "anaphor"), starting_with("elt", _pointing_back("day|week|month|year", "day")), _anaphor),
    (("part",), starting_with("elti", _pointing_back(_NIGHT_AND_PARTS, _NIGHT_AND_PARTS, _IN_THE_PART)), _anaphor),
    (
        # "the year before", "the week after": the period next to the date named before (not to "the vote");
        # one space before "before", as in the gate
        ("unit word", "before or after"),
        starting_with(
            "t",
            rf"\b(?i:the)\s+(?P<rel_unit>(?i:week|month|year)) (?P<rel>(?i:before|after))\b{_NOTHING_AFTER}",
        ),
        _anaphor,
    ),
    (
        ("unit word", "in the day"),
        starting_with(
            "iel",
            rf"\b(?i:in) (?P<the>(?i:the)) (?P<part_unit>(?i:day))\b{_NOT_A_NOUN_AFTER}|"
            # "earlier in the year", "later in the month": that year or month, the whole phrase as TimeBank marks it
            r"\b(?i:early|earlier|late|later) (?i:in) (?i:the) (?P<in_unit>(?i:week|month|year))\b"
            r"(?!['’-]|\s+(?i:of)\b)",
        ),
        _anaphor,
    ),
)


def _then(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "until then", "by then": "then" is the date named before it; ``reanchor`` gives it that date's
    value, or drops it when the document has named none. "at the time" (``time`` group): PAST_REF, or
    FUTURE_REF in a sentence told in the future."""
    if m.group("time"):
        said = _SAYING_BEFORE.search(ctx.text, max(0, m.start() - 32), m.start())
        if _CLAUSE_AFTER.match(ctx.text, m.end()) and not said:
            return None  # "at the time it was sent": a conjunction (a clause after a verb of saying is what was said)
        future = ctx.tense(m.start("time"), m.end("time")) == "future"
        return ctx.make(m.start("time"), m.end("time"), "DATE", ("FUTURE_REF" if future else "PAST_REF", None))
    return ctx.make(m.start("then"), m.end("then"), "DATE", (rs.UNRESOLVED_DAY, None))


# What starts a clause's subject: after "at the time" it makes the words a conjunction ("at the time it was
# sent", "At the time the bridge closed"), which TimeML leaves unmarked, as it does "by the time".
_CLAUSE_AFTER = re.compile(
    r"\s+(?:(?i:of|when|that|he|she|it|they|we|i|you|the|an?|his|her|their|its|our|my|this|these|those|some|"
    r"many|no|all)\b|[A-Z0-9])"
)
_SAYING_BEFORE = re.compile(
    r"\b(?i:said|saying|says|say|told|telling|wrote|writing|added|adding|noted|argued|insisted|claimed|stated)"
    r"(?:\s+[a-z]+)?\s+$"
)
# "then" as a time only after a preposition of a deadline or an order ("if ..., then" is no time); "at the
# time" and "at that time" standing alone point back to the time the report told of, as TimeBank marks them
THEN_RULE: Rule = (
    ("then",),
    starting_with(
        "utbaf",
        r"\b(?i:until|till|by|before|after)\s+(?P<then>(?i:then))\b|"
        r"\b(?i:at)\s+(?P<time>(?i:the|that)\s+(?i:time))\b",
    ),
    _then,
)


def _the_day_of(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "on the day it failed", "the day that the vote was held": the day of a happening the report
    told before, as "that day" is; ``reanchor`` gives it the last day the document named, and leaves
    it unresolved (no date) when none was named, since the report's day is no guess for it."""
    return ctx.make(m.start(), m.end(), "DATE", (rs.UNRESOLVED_DAY, None))


# "the day" with a clause that tells what happened on it ("the day it failed", "the day that ..."); the
# extent is "the day", as TimeML leaves the happening to the event.
THE_DAY_RULE: Rule = (
    ("the day",),
    starting_with(
        "t",
        r"\b(?i:the) (?i:day)(?=\s+(?:(?i:that|when)\s+\w|(?i:it|he|she|they|we|you)\s+[a-z]))",
    ),
    _the_day_of,
)


def _step(m: re.Match[str]) -> tuple[int, str]:
    """(-1, 0 or 1, the unit) of an anaphoric expression."""
    groups = m.groupdict()
    if groups.get("rel"):
        return (-1 if m.group("rel").lower() == "before" else 1), m.group("rel_unit").lower()
    if groups.get("next"):
        return 1, m.group("next_unit").lower()
    if groups.get("part_unit"):
        return 0, m.group("part_unit").lower()
    if groups.get("in_unit"):
        return 0, m.group("in_unit").lower()
    if groups.get("that"):
        return 0, m.group("that_unit").lower()
    mod = (m.group("mod") or "that").lower()
    step = -1 if re.fullmatch(_BACK, mod) else (1 if re.fullmatch(_ON, mod) else 0)
    return step, m.group("unit").lower()


def _anchor_parts(anchor: Anchor) -> tuple[int, int | None, int | None]:
    """(year, month, day) of an anchor ("1989-03": 1989, 3, None)."""
    parts = [int(p) for p in anchor.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def _moved(expr: TimeExpression, step: int, unit: str, anchor: Anchor) -> TimeExpression | None:
    """``expr`` counted from ``anchor``, or None when the anchor is not precise enough for ``unit``."""
    year, month, day = _anchor_parts(anchor)
    if unit == "year":
        return replace(expr, value=str(year + step), date=str(year + step))
    if month is None:
        return None
    if unit == "month":
        y, m0 = divmod(year * 12 + month - 1 + step, 12)
        shifted = rs.iso_month(y, m0 + 1)
        return replace(expr, value=shifted, date=shifted)
    if day is None:
        return None
    d = rs.make_date(year, month, day)
    if d is None:
        return None
    if unit in _PARTS:
        d += timedelta(days=step)
        part = _PARTS[unit]
        return replace(expr, type="TIME" if part else expr.type, value=d.isoformat() + part, date=d.isoformat())
    if unit == "week":
        d += timedelta(weeks=step)
        monday = d - timedelta(days=d.weekday())
        sunday = monday + timedelta(days=6)
        month_of = monday.isoformat()[:7] if monday.month == sunday.month else None
        return replace(expr, value=rs.iso_week(d), date=month_of)
    # a weekday: the nearest one strictly before or after the anchor, or the anchor's own week's
    weekday = weekday_number(unit)
    if step < 0:
        d -= timedelta(days=(d.weekday() - weekday - 1) % 7 + 1)
    elif step > 0:
        d += timedelta(days=(weekday - d.weekday() - 1) % 7 + 1)
    else:
        d += timedelta(days=weekday - d.weekday())
    return replace(expr, value=d.isoformat(), date=d.isoformat())


# "the next week/month/year" (with the article) counts from the report ("over the next year"), except when told
# in the past ("his family arrived the next year", "The next month, work began"): the time then cannot lie after
# the report, and it counts from the date named before it, as "the following year" does (``_told_back``).
_NEXT_PERIOD = re.compile(r"(?i:the)\s+(?P<next>(?i:next))\s+(?P<next_unit>(?i:week|month|year))")


def _told_back(expr: TimeExpression, found: Sequence[TimeExpression], ctx: Context) -> bool:
    """Whether ``expr`` ("the next week/month/year") is told in the past, in a sentence (``found`` its
    expressions) with no future cue and no perfect ("has scheduled stops in the next week" looks ahead)."""
    rest = ctx.text
    for e in found:  # "next" is a future cue of its own
        if _NEXT_PERIOD.fullmatch(e.text):
            rest = rest[: e.start] + " " * (e.end - e.start) + rest[e.end :]
    return not future_or_perfect(rest) and ctx.tense(expr.start, expr.end) == "past"


def _told_ahead(expr: TimeExpression, ctx: Context | None) -> bool:
    """Whether a clock time without a day is told in the future ("will resume at noon")."""
    return ctx is not None and ctx.tense(expr.start, expr.end) == "future"


def calendar_anchor(expr: TimeExpression) -> Anchor | None:
    """The year, month or day ``expr`` names, when it names one (a week or a quarter names none)."""
    if not expr.value[:1].isdigit() or expr.type not in ("DATE", "TIME") or (expr.type == "TIME" and not expr.date):
        return None  # a clock time read on the report's day has no date of its own
    return _calendar_value(expr.value)


@lru_cache(maxsize=4096)
def _calendar_value(value: str) -> Anchor | None:
    """The year, month or day a DATE or TIME value names ("2022-09-08T15:00" names "2022-09-08")."""
    m = _CALENDAR.fullmatch(value)
    if m is None:
        return None
    return "-".join(g for g in m.groups() if g)


def reanchor(
    found: Sequence[TimeExpression],
    anchor: Anchor | None,
    dct: date | None = None,
    in_paragraph: bool = True,
    ctx: Context | None = None,
) -> list[TimeExpression]:
    """The sentence's expressions with each anaphoric one counted from the last date named before it
    (``anchor`` from earlier sentences, then this sentence's own dates in order); a clock time still
    without a day after that is read on the report's day (``dct``), in its value only. "overnight"
    counts from the anchor only when it was named in the same paragraph (``in_paragraph``) or sentence:
    a new paragraph's "overnight" is the night before the report. With the sentence's ``ctx``, "the next
    week/month/year" told in the past points back too (``_told_back``), and a clock time told in the future
    takes no day named before that is before the report (``_told_ahead``)."""
    out = list(found)
    if not any(t.text[:3].lower() in _FIRST or _undated_time(t) for t in found):
        return out  # most sentences: nothing points back
    for i, expr in enumerate(out):
        if expr.value == rs.UNRESOLVED_DAY and expr.text.lower() == "then":
            out[i] = expr = replace(expr, value=anchor or "", date=anchor)  # dropped below without an anchor
            continue
        if (
            anchor is not None
            and len(anchor) == 10
            and (in_paragraph or _undated_time(expr))
            and not (dct is not None and anchor < dct.isoformat() and _undated_time(expr) and _told_ahead(expr, ctx))
            and (on_day := _on_day(expr, anchor)) is not None
        ):
            out[i] = expr = on_day
        elif dct is not None and _undated_time(expr):
            out[i] = expr = _on_report_day(expr, dct)
        m = _ANAPHORIC.fullmatch(expr.text) if anchor is not None and expr.type in ("DATE", "TIME") else None
        if m is None and anchor is not None and ctx is not None and "ext" in expr.text:
            m = _NEXT_PERIOD.fullmatch(expr.text)
            m = m if m is not None and _told_back(expr, found, ctx) else None
        if m is not None and anchor is not None:
            step, unit = _step(m)
            out[i] = expr = _moved(expr, step, unit, anchor) or expr
        named = calendar_anchor(expr)
        if named is not None:
            anchor, in_paragraph = named, True
    return [t for t in out if t.value]


_UNDATED_TIME = rs.UNRESOLVED_DAY + "T"


def _undated_time(expr: TimeExpression) -> bool:
    """A clock time or part of the day without its day; a set ("every morning", XXXX-XX-XXTMO) is of any day."""
    return expr.type != "SET" and expr.value.startswith(_UNDATED_TIME)


def _on_day(expr: TimeExpression, anchor: Anchor) -> TimeExpression | None:
    """A clock time or part of the day without its day ("at noon", "at dawn") on the day named last;
    "overnight" the night before it ("Markets fell on Friday after overnight losses in Asia")."""
    if _undated_time(expr):
        return replace(expr, value=anchor + expr.value[len(rs.UNRESOLVED_DAY) :], date=anchor)
    if expr.text.lower() == "overnight" and expr.value.endswith("TNI"):
        night = date.fromisoformat(anchor) - timedelta(days=1)
        return replace(expr, value=f"{night.isoformat()}TNI", date=anchor)  # placed on the day it ended, as above
    return None


def _on_report_day(expr: TimeExpression, dct: date) -> TimeExpression:
    """A clock time no day was named for ("the ceasefire began at midnight") on the report's day, as
    TimeML annotators anchor it to the DCT; ``date`` stays None, since the report may tell of an
    earlier day, and the expression anchors nothing after it (``calendar_anchor``)."""
    return replace(expr, value=dct.isoformat() + expr.value[len(rs.UNRESOLVED_DAY) :])


def anchor_after(found: Sequence[TimeExpression], anchor: Anchor | None) -> Anchor | None:
    """The anchor the next sentence counts from: the last date this one named, else the one before."""
    for expr in reversed(found):
        named = calendar_anchor(expr)
        if named is not None:
            return named
    return anchor


# "two years earlier" as ``amounts`` reads it against the report's year (a bare year value); not "a year earlier
# than planned", which compares.
_YEARS_EARLIER = re.compile(r"(?i:.*\byears?\s+earlier)")
_THAN_AFTER = re.compile(r"\s+(?i:than)\b")


def years_before_named(found: Sequence[TimeExpression], text: str, dct: date | None) -> list[TimeExpression]:
    """``found`` with each "<N> years earlier" after a year, month or day named in the sentence counted back from
    that date, as TimeBank reads it ("For the six months ended Aug. 12, ... a year earlier": the year before's
    Aug. 12). More years back name only the year ("A poll in December found that, relative to two years earlier";
    "won the primary Tuesday, in the state that revived her campaign eight years earlier": the day is not kept)."""
    out = list(found)
    named: Anchor | None = None
    for i, expr in enumerate(out):
        value = expr.value
        if _YEARS_EARLIER.fullmatch(expr.text) is None:
            named = calendar_anchor(expr) or named
        elif (
            named is not None
            and dct is not None
            and expr.date is None
            and len(value) == 4
            and value.isdigit()
            and not _THAN_AFTER.match(text, expr.end)
        ):  # not itself an anchor: "up 5% from a year earlier, and for the nine months ... a year earlier"
            years = dct.year - int(value)
            out[i] = replace(expr, value=_years_back(named if years == 1 else named[:4], years))
    return out


def _years_back(anchor: Anchor, years: int) -> Anchor:
    """``anchor`` (a year, month or day) ``years`` back; 29 February in a common year is the 28th."""
    year = int(anchor[:4]) - years
    if anchor[4:] == "-02-29" and not isleap(year):
        return f"{year}-02-28"
    return f"{year}{anchor[4:]}"
