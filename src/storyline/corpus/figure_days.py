"""Which time of its sentence dates a figure: the time that governs the figure, not the one that dates the
sentence. A sentence telling two days' values gives each its own ("On Thursday the slick was 1,150 square
miles, but by Friday's end it was 3,850"); a time in a compared value's phrase dates that value, not the new
one ("2,000 square miles, rather than the 3,400 observed last Thursday"; "35,000 a day, an increase on the
estimate of a week ago"); a time after "since" starts a running period, and the figure told after that
clause is as of its report ("Since the rig exploded on 20 April, 40,000 barrels a day have leaked"); a figure
told in a ", which" clause with a time of its own takes that clause's time ("BP, which said on Monday it had spent
$3.95 billion so far, agreed last month to ..."), and one such a clause says was reached ("we fitted the cap on June
3, which had raised collection to 15,000") is as of its report; a value that a revision told with it replaces ("1,000
barrels a day before revising upwards to 5,000") held before the revision, on a day the sentence does not tell, as
does the earlier value a change is told from ("15,800 on Wednesday, up on the 15,010 of the previous 24 hours"); an
amount over a period right after it is the period end's. Across reports, a figure told without its day takes the day
another report gives the same precise figure, or for a leak's rate the same day's total ("captured 10,500 barrels
in 24 hours" against "10,500 on Saturday").
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import pairwise

from storyline.corpus.figure_casualties import BURIED
from storyline.corpus.figure_givers import base_measure
from storyline.corpus.figure_history import REVISION
from storyline.corpus.figure_rounding import written_digits
from storyline.corpus.figure_scope import clause_span, figure_offsets
from storyline.corpus.figure_volumes import DAY_TOTAL
from storyline.records import DocumentId, FigurePoint, IsoDate, Quantity, Sentence, TimeExpression
from storyline.time.iso_dates import day_of

# (measure, unit, point), as ``figures.points_of`` finds them
Found = tuple[str, str, FigurePoint]
TWIN_DAYS = 2  # how many days before its report's a same-figure twin may date a figure told without its day
# Counts told as of their report, the day they were counted by design: the dead, injured, missing, buried.
_AS_OF_REPORT = frozenset({"killed", "injured", "missing", BURIED})

# A phrase comparing with an earlier value: "rather than", "compared with", "up from", "an increase on".
_COMPARED = re.compile(
    r"\b(?:rather\s+than|instead\s+of|compared\s+(?:with|to)|as\s+against"
    r"|(?:up|down|rising|falling|climbing|dropping)\s+from"
    r"|(?:increase|rise|jump|leap|climb|drop|fall|decline|cut|reduction)s?\s+(?:on|over|from)"
    r"|(?:higher|lower|larger|smaller|bigger|greater)\s+than)\b",
    re.IGNORECASE,
)
# A value told right after a change's phrase that follows another figure of its sentence, the earlier one
# compared with: "15,800 barrels on Wednesday, slightly up on the 15,010 collected in the previous 24 hours",
# "40 dead, up from 31". Not "higher than": "a flow higher than 5,000 barrels a day" is a floor of the new value.
_EARLIER_VALUE = re.compile(
    r"\b(?:rather\s+than|instead\s+of|compared\s+(?:with|to)|as\s+against"
    r"|(?:up|down|rising|falling|climbing|dropping)\s+(?:from|on)"
    r"|(?:increase|rise|jump|leap|climb|drop|fall|decline|cut|reduction)s?\s+(?:on|over|from))"
    r"\s+(?:(?:the|an?|its|their)\s+)?(?:[a-z]+\s+){0,2}?(?:of\s+)?$",
    re.IGNORECASE,
)
# "since" before a time in one stretch of the sentence: "Since the rig exploded on 20 April".
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;:.()—–]*$", re.IGNORECASE)
# The start of a period right before a time: "since the rig exploded on", "from early", "between".
_PERIOD_BEFORE = re.compile(
    r"(?:\bsince\b[^,;:.()—–]*|\b(?:from|between)\s+(?:(?:the\s+)?(?:start|beginning|end)\s+of\s+|early\s+|late\s+)?)$",
    re.IGNORECASE,
)
# A comma that goes on with the since-clause: "exploded on 20 April, killing 11 workers, ...".
_CLAUSE_GOES_ON = re.compile(r",\s*(?:\w+ing|which|who|when|where)\b", re.IGNORECASE)
# A clause set off after a noun that tells of it: ", which said on Monday it had spent ...", ", who put it at".
_RELATIVE_START = re.compile(r",\s*(?:which|who)\b", re.IGNORECASE)
# Where such a clause ends: a comma (not a number's), a semicolon, a colon, a bracket or a dash.
_RELATIVE_END = re.compile(r",(?!\d)|[;:()—–]|\s--\s")
# A value a perfect says something has reached, from the clause's "which" to the figure: " had increased our
# collection to", " has risen to".
_REACHED = re.compile(
    r"\s+(?:has|have|had)\s+(?:\w+\s+)?(?:" + REVISION + r"|risen|grown|climbed|brought|pushed)\b[^\d;]*?\bto\s+",
    re.IGNORECASE,
)
# The start of a period told right after a figure: "27,700 barrels collected between", "rose 40% from".
_PERIOD_AFTER = re.compile(r"[^\d;:()—–]{0,40}?\b(?:between|from)\s+")
# What joins a period's start to its end, after any aside: "between June 3, when the operation began, and".
_PERIOD_JOIN = re.compile(r"[^\d;:()—–]*?\b(?:and|to|until|till|through)\s+")
# What may stand between a figure and the time that follows it as its own: "11,100 barrels on Sunday".
_RIGHT_AFTER = re.compile(r"[^\d,.;:()—–]{0,20}")
# A revision that replaces the figure before it with the next: "before revising upwards to", "was upped to",
# "a figure repeated by BP, increased last week to", "then raised that number to"; its object, if any, is the
# figure itself ("it", "the estimate"), never another thing ("raising the number of shelters to 12").
_REVISION_OBJECT = (
    r"(?:\s+(?:it|that|this|them|upwards?|downwards?|sharply|again|later|soon|yesterday|today|\w+day"
    r"|(?:last|this)\s+(?:week|month)|on\s+\w+day"
    r"|(?:(?:the|its|their|that|this|an?)\s+)?(?:official\s+)?(?:estimates?|figures?|number|count|toll|forecast|assessment)))*"
)
_REVISED_TO = re.compile(
    r"[^\d;]*?(?P<verb>" + REVISION + ")" + _REVISION_OBJECT + r"\s+to\s+(?:[\w'’-]+\s+){0,2}",
    re.IGNORECASE,
)


def figure_day(
    sentence: Sentence, quantity: Quantity, when: IsoDate | None, published: IsoDate | None
) -> IsoDate | None:
    """The figure's day: ``when`` (as ``figures.points_of`` found it: its sentence's event date, an earlier
    value's date, or None), unless no time dating the sentence governs the figure (``governs``); then the
    figure's own time nearest it (``own_times``), else its report's day (``published``). A value a revision
    replaces (``revision_after``) has no day, unless a time between the two gives one; an amount told over a
    period right after it (``period_end``) is its end's."""
    revision = revision_after(sentence, quantity)
    if revision is not None:
        return day_before(sentence, quantity, revision)
    if when is None or when != sentence.event_date:
        return when
    if compared_earlier(sentence, quantity):
        return None
    if (end := period_end(sentence, quantity)) is not None:
        return end.date
    dating = [t for t in sentence.times if t.date == when]
    if not dating or any(governs(sentence, quantity, t) for t in dating):
        return when
    at = quantity.start - sentence.start
    own = sorted(own_times(sentence, quantity), key=lambda t: abs(t.start - sentence.start - at))
    return own[0].date if own else (published[:10] if published else None)


def compared_earlier(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether the figure is the earlier value another figure of its sentence is compared with (``_EARLIER_VALUE``)
    and every dated time of the sentence comes before that comparison: in "15,800 barrels on Wednesday, up on the
    15,010 collected in the previous 24 hours" the 15,010 held before Wednesday, on a day the sentence does not
    tell ("rather than the 3,400 observed last Thursday" is Thursday's)."""
    start = quantity.start - sentence.start
    compared = _EARLIER_VALUE.search(sentence.text, 0, start)
    if compared is None or any(t.date and t.end - sentence.start > compared.start() for t in sentence.times):
        return False
    return any(q.end <= quantity.start for q in sentence.measures if q is not quantity)


def period_end(sentence: Sentence, quantity: Quantity) -> TimeExpression | None:
    """The end of a period told right after the figure, with no other figure between: "27,700 barrels collected
    between June 3, when the operation began, and June 6" is the amount as of June 6, whatever day the sentence's
    other figures have ("10,500 barrels on Saturday")."""
    end = quantity.end - sentence.start
    later = sorted((t for t in sentence.times if t.date and t.start - sentence.start >= end), key=lambda t: t.start)
    figures = [at for at in figure_offsets(sentence) if at >= end]
    for first, last in pairwise(later):
        at, to = first.start - sentence.start, last.start - sentence.start
        if any(end <= f < to for f in figures) or not _PERIOD_AFTER.fullmatch(sentence.text, end, at):
            continue
        if _PERIOD_JOIN.fullmatch(sentence.text, first.end - sentence.start, to):
            return last
    return None


def governs(sentence: Sentence, quantity: Quantity, time: TimeExpression) -> bool:
    """Whether ``time``, which dates the sentence, dates the figure too: not when it comes in a compared value's
    phrase after the figure (``in_comparison``), starts a running period the figure is told after
    (``starts_period``), dates another figure while the figure has a time of its own (``dates_another``), or lies
    outside the figure's ", which" clause with a time of its own (``outside_its_relative_clause``)."""
    return not (
        in_comparison(sentence, quantity, time)
        or starts_period(sentence, quantity, time)
        or dates_another(sentence, quantity, time)
        or outside_its_relative_clause(sentence, quantity, time)
    )


def relative_clause(sentence: Sentence, quantity: Quantity) -> tuple[int, int] | None:
    """The span (in the sentence) of the clause set off by ", which" or ", who" that holds the figure, to its
    first comma, semicolon, bracket or dash, or the sentence's end: "BP, which said on Monday it had spent about
    $3.95 billion so far, agreed ..."; "the new cap, which had raised collection to 15,000 barrels a day."
    None when the figure is in no such clause."""
    text, start, end = sentence.text, quantity.start - sentence.start, quantity.end - sentence.start
    openings = list(_RELATIVE_START.finditer(text, 0, start))
    if not openings:
        return None
    close = _RELATIVE_END.search(text, openings[-1].end())
    right = close.start() if close else len(text)
    return (openings[-1].start(), right) if right >= end else None


def timed_apart(sentence: Sentence, quantity: Quantity) -> tuple[int, int] | None:
    """The figure's ", which" clause (``relative_clause``) when its time is its own, not its sentence's: the
    clause has a dated time ("BP, which said on Monday it had spent $3.95 billion so far, agreed last month to
    ...") or tells a value reached by a perfect ("the new cap, which had raised collection to 15,000 barrels a
    day": the value reached after the day the sentence tells, as of the report). A clause that only tells of its
    noun ("the 20 April blast, which killed 11 workers") has the sentence's time."""
    span = relative_clause(sentence, quantity)
    if span is None:
        return None
    start = quantity.start - sentence.start
    if any(t.date and span[0] <= t.start - sentence.start < span[1] for t in sentence.times):
        return span
    opening = _RELATIVE_START.match(sentence.text, span[0])
    reached = opening is not None and _REACHED.fullmatch(sentence.text, opening.end(), start) is not None
    return span if reached else None


def outside_its_relative_clause(sentence: Sentence, quantity: Quantity, time: TimeExpression) -> bool:
    """Whether the figure's ", which" clause has its own time (``timed_apart``) and ``time`` lies outside it: the
    time dates what the sentence's main clause tells ("On June 3 we fitted the cap, which had raised collection to
    15,000 barrels a day": June 3 is the fitting's day, not the 15,000's)."""
    span = timed_apart(sentence, quantity)
    return span is not None and not span[0] <= time.start - sentence.start < span[1]


def in_comparison(sentence: Sentence, quantity: Quantity, time: TimeExpression) -> bool:
    """Whether ``time`` comes after a comparing phrase that follows the figure, in its sentence's stretch
    before any ";": in "about 2,000 square miles, rather than the 3,400 observed last Thursday", last
    Thursday dates the 3,400, not the 2,000."""
    end, at = quantity.end - sentence.start, time.start - sentence.start
    if at < end or ";" in sentence.text[end:at]:
        return False
    return _COMPARED.search(sentence.text, end, at) is not None


def starts_period(sentence: Sentence, quantity: Quantity, time: TimeExpression) -> bool:
    """Whether ``time`` follows a "since" and the figure comes after that since-clause's end (its first comma
    that does not go on with a participle or "which": ``_CLAUSE_GOES_ON``): the figure runs from that time to
    its report. The 11 of "Since the rig exploded on 20 April, killing 11 workers, ..." keep the day."""
    text = sentence.text
    at, end, start = time.start - sentence.start, time.end - sentence.start, quantity.start - sentence.start
    if start < end or _SINCE_BEFORE.search(text, 0, at) is None:
        return False
    commas = (i for i in range(end, start) if text[i] == "," and not _CLAUSE_GOES_ON.match(text, i))
    return next(commas, None) is not None


def dates_another(sentence: Sentence, quantity: Quantity, time: TimeExpression) -> bool:
    """Whether ``time`` dates another figure while the figure has a time of its own (``own_times``): it
    follows another figure closely and the figure has a time right after it ("from 1,150 square miles on
    Thursday to 3,850 by the end of Friday", not "16 were killed and 71 wounded there Sunday"), or
    lies in another clause (``figure_scope.clause_span``) that holds another figure ("On Thursday the slick
    was 1,150 square miles, but by Friday's end it was 3,850"). Thursday is not the 3,850's day."""
    figures = figure_offsets(sentence)
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    left, right = clause_span(sentence.text, start, end, figures)
    at = time.start - sentence.start
    if _follows_another(sentence, quantity, at):  # then only a time right after the figure is its own
        return any(_right_after(sentence, quantity, t) for t in own_times(sentence, quantity))
    if left <= at < right:
        return False
    other_left, other_right = clause_span(sentence.text, at, time.end - sentence.start, figures)
    if not any(other_left <= f < other_right for f in figures if f != start):
        return False
    return bool(own_times(sentence, quantity))


def own_times(sentence: Sentence, quantity: Quantity) -> list[TimeExpression]:
    """The dated times of the figure's clause that may be its own: none that starts a period ("since 20
    April", "between June 3 and June 6"), comes in a compared value's phrase after the figure, or follows
    another figure right after it ("10,500 barrels on Saturday"); for a figure of a ", which" clause with a time
    of its own, only that clause's (``timed_apart``)."""
    text, figures = sentence.text, figure_offsets(sentence)
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    left, right = clause_span(text, start, end, figures)
    if (span := timed_apart(sentence, quantity)) is not None:  # "which began April 20 with a blast and fire that"
        left, right = span
    own = []
    for t in sentence.times:
        at = t.start - sentence.start
        if t.date is None or not left <= at < right or _PERIOD_BEFORE.search(text, left, at):
            continue
        if in_comparison(sentence, quantity, t) or _follows_another(sentence, quantity, at):
            continue
        own.append(t)
    return own


def _right_after(sentence: Sentence, quantity: Quantity, time: TimeExpression) -> bool:
    """Whether ``time`` follows the figure closely (``_RIGHT_AFTER``): "3,850 sq miles by the end of Friday"."""
    gap_start, at = quantity.end - sentence.start, time.start - sentence.start
    return gap_start <= at and _RIGHT_AFTER.fullmatch(sentence.text, gap_start, at) is not None


def _follows_another(sentence: Sentence, quantity: Quantity, at: int) -> bool:
    """Whether the figure right before offset ``at`` is another than ``quantity`` and ``at`` follows it
    closely (``_RIGHT_AFTER``): "10,500 barrels on Saturday" is the 10,500's day."""
    figures = figure_offsets(sentence)
    before = [q for q in sentence.quantities if q.start - sentence.start in figures and q.end - sentence.start <= at]
    if not before:
        return False
    last = max(before, key=lambda q: q.end)
    return last != quantity and _RIGHT_AFTER.fullmatch(sentence.text, last.end - sentence.start, at) is not None


def revision_after(sentence: Sentence, quantity: Quantity) -> int | None:
    """Where the verb starts (in the sentence) of a revision told right after the figure that replaces it
    with the sentence's next figure ("1,000 barrels a day before revising upwards to 5,000"; "5,000 a day, a
    figure repeated by BP, increased last week to 12,000"); None when no revision replaces the figure."""
    end = quantity.end - sentence.start
    after = sorted(at for at in figure_offsets(sentence) if at >= end)
    if not after:
        return None
    found = _REVISED_TO.fullmatch(sentence.text, end, after[0])
    return found.start("verb") if found else None


def day_before(sentence: Sentence, quantity: Quantity, revision: int) -> IsoDate | None:
    """The date of a time between a replaced figure and its revision ("40 on Monday, raised to 52"), else
    None: the value held before the revision, on a day not told."""
    end = quantity.end - sentence.start
    between = [t for t in sentence.times if t.date and end <= t.start - sentence.start < revision]
    return between[0].date if between else None


def dated_by_twins(found: Mapping[DocumentId, Sequence[Found]]) -> dict[DocumentId, list[Found]]:
    """Every report's points, each figure told without a day of its own given the day that another report gives
    the same precise figure (``twin_day``): "BP said it had captured 10,500 barrels in 24 hours" (a report of
    Sunday) is Saturday's, when another report says "BP collected 10,500 barrels on Saturday"."""
    dated: dict[tuple[str, str], list[Found]] = {}  # by measure and unit, so each figure reads only its kind
    for f in (f for points in found.values() for f in points if f[2].own_day and day_of(f[2].date, coarse=None)):
        dated.setdefault((f[0], f[1]), []).append(f)
    return {doc: [twin_day(f, _kin(f, dated)) for f in points] for doc, points in found.items()}


def _kin(figure: Found, dated: Mapping[tuple[str, str], list[Found]]) -> list[Found]:
    """The dated points of the figure's measure and unit, and for a leak's rate those of the total that, told for
    one day, is that day's rate (``figure_volumes.DAY_TOTAL``: "10,500 barrels in 24 hours" and "10,500 barrels on
    Saturday")."""
    day_total = DAY_TOTAL.get(figure[0])
    return [*dated.get((figure[0], figure[1]), []), *(dated.get(day_total, []) if day_total else [])]


def twin_day(figure: Found, dated: Sequence[Found]) -> Found:
    """The figure with the latest day, up to ``TWIN_DAYS`` before its own, on which another report's point of the
    same measure and unit (for a leak's rate, or of the total that is a day's rate, ``figure_volumes.DAY_TOTAL``),
    told with its own day (``FigurePoint.own_day``), has the same value to the unit; the
    figure as it was when it names its own day, is a count as of its report (the dead, injured or missing), is
    round (written with fewer than three significant digits: "2,200", "5,000" are told for many days;
    ``figure_rounding.written_digits``) or has no such twin."""
    measure, unit, point = figure
    told = day_of(point.date, coarse=None)
    if told is None or point.own_day or base_measure(measure) in _AS_OF_REPORT or written_digits(point) < 3:
        return figure
    days = [
        day
        for m, u, p in dated
        if (m, u) in ((measure, unit), DAY_TOTAL.get(measure)) and p.document != point.document
        if _same_value(p, point)
        if (day := day_of(p.date, coarse=None)) is not None and 1 <= (told - day).days <= TWIN_DAYS
    ]
    return (measure, unit, replace(point, date=max(days).isoformat())) if days else figure


def _same_value(a: FigurePoint, b: FigurePoint) -> bool:
    return all(math.isclose(x, y, rel_tol=1e-6) for x, y in ((a.value, b.value), (a.low, b.low), (a.high, b.high)))
