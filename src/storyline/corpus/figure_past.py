"""Tell a figure about another, past incident from a point of the story's measure: "the 1918 pandemic
killed 50 million", "the Bhopal disaster of 1984 killed thousands" are recalled for comparison, and a
series of this story's dead that holds them jumps by a million and back.

A figure is about a past incident when its date, or a date that a time expression of its own clause
names (or a bare year there that no quantity holds: "a 1918 flu pandemic"), ends more than ``past_days``
before the story's first report: a year of margin, so that a war's or an outbreak's own earlier months
stay in its series. A date after "since" or "from" starts a running total ("killed 5,000 since
February"), which is no other incident; and a sentence dated by such a start ("has been flowing since
the explosion last month", "exploded on 20 April and since then ... has leaked") tells the total as of its
report, not on the start's day (``dated_by_start``). A year in the figure's own clause that only compares ("12 dead,
the 1998 outbreak's toll in a week") is read as the figure's: a known limit.

A sentence that points back to the one before ("It spread ...", "These result in ...", "Only one of them died",
"The pandemic killed ...")
goes on about what that one tells: after a past outbreak ("An outbreak in 1976 infected 200") or a yearly rate
("there are 25 million cases each year"), its figures are background too (``continues_background``); so are
those of a sentence with no time of its own told in the simple past right after one naming a past year ("The
1918 pandemic is the worst case. At least 40 million died in 18 months": ``goes_on_in_the_past``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from storyline.corpus.figure_scope import clause_span, figure_offsets
from storyline.records import Document, IsoDate, Quantity, Sentence, TimeExpression
from storyline.time.iso_dates import day_of

_YEAR = re.compile(r"(?<![\d,.$£€-])(?:18|19|20)\d\d(?![\d,.%])")  # a bare year, never a quantity's digits
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;:.()—–]*$", re.IGNORECASE)  # "since an explosion on a rig last month"
_SINCE_THEN = re.compile(r"[^;:.()—–]*?\bsince\s+then\b", re.IGNORECASE)  # "on 20 April and since then"
# A total told as its run's end: "ultimately leaking 4.9 million barrels", "in all, 300 died", "leaked over
# the course of 87 days"; never "in all 50 states".
_FINAL = re.compile(
    r"\b(?:ultimately|eventually|all\s+told|altogether|in\s+the\s+end|in\s+total|in\s+all(?!\s+\w)"
    r"|over\s+the\s+(?:course\s+of\s+|next\s+|following\s+)?(?:\w+\s+){1,2}(?:days|weeks|months))\b",
    re.IGNORECASE,
)
# The start of a run, right before the time that dates it: "exploded on 20 April", "an explosion three weeks ago".
_ONSET_BEFORE = re.compile(
    r"\b(?:explo(?:ded|des|sion)|blast|blew\s+up|sank|ruptured|burst|erupted|began|started)\s+(?:[\w-]+\s+){0,8}$",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\b(?:since|from)\s+(?:(?:the\s+)?(?:start|beginning|end)\s+of\s+|early\s+|late\s+)?$", re.I)


def first_report(documents: Sequence[Document]) -> date | None:
    """The first report's publication day, None when no report is dated."""
    days = [day for d in documents if (day := day_of(d.published, coarse="first")) is not None]
    return min(days) if days else None


def about_past_incident(
    sentence: Sentence, quantity: Quantity, when: IsoDate | None, first: date | None, past_days: int
) -> bool:
    """Whether a figure dated ``when`` is about an incident that ended ``past_days`` before the story's
    ``first`` report (see the module docstring)."""
    if first is None:
        return False
    cutoff = first - timedelta(days=past_days)
    if _ends_before(when, cutoff):
        return True
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    left, right = clause_span(sentence.text, start, end, figure_offsets(sentence))
    for t in sentence.times:
        at = t.start - sentence.start
        if left <= at < right and not _SINCE.search(sentence.text, 0, at) and _ends_before(t.date, cutoff):
            return True
    return _names_past_year(sentence, cutoff, _YEAR, left, right)  # a year the time tagger left: "a 1918 flu pandemic"


# A span that looks back from the report ("over the past two decades", "in the last 15 years") and its TIMEX3
# duration value ("P2DE", "P15Y"; "PXY", "the past few years", counts as two).
_LOOK_BACK = re.compile(r"(?:the\s+)?(?:past|last|previous)\b", re.IGNORECASE)
_DURATION = re.compile(r"P(\d+(?:\.\d+)?|X)(DE|CE|Y|M|W|D)")
_UNIT_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365, "DE": 3652, "CE": 36524}


def over_long_look_back(sentence: Sentence, quantity: Quantity, past_days: int) -> bool:
    """Whether a figure's clause counts over a span looking back from the report that is longer than
    ``past_days``: "has documented the deaths of 861 journalists over the past two decades" is a long run's total,
    no count of the story's days (a toll "in the past week" is)."""
    long_spans = [t.start - sentence.start for t in sentence.times if _looks_back_over(t, past_days)]
    if not long_spans:  # most sentences have none: the clause is not worked out
        return False
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    left, right = clause_span(sentence.text, start, end, figure_offsets(sentence))
    return any(left <= at < right for at in long_spans)


def _looks_back_over(time: TimeExpression, past_days: int) -> bool:
    """Whether ``time`` is a duration looking back from the report ("the past two decades") longer than
    ``past_days``."""
    span = _DURATION.fullmatch(time.value) if time.type == "DURATION" else None
    if span is None or not _LOOK_BACK.match(time.text):
        return False
    amount = 2.0 if span.group(1) == "X" else float(span.group(1))
    return amount * _UNIT_DAYS[span.group(2)] > past_days


_YEARLY = re.compile(
    r"\b(?:(?:a|an|each|every|per)\s+(?:average\s+|typical\s+|normal\s+)?(?:year|season)|annually|yearly)\b", re.I
)
# A sentence opening on words that point back to the one before: "It", "These", "Only one of them".
_POINTS_BACK = re.compile(
    r"^\W*(?:It|These|They|Those|(?:only\s+)?\w+\s+of\s+(?:them|these|those)|The\s+(?:pandemic|outbreak|epidemic))\b",
    re.IGNORECASE,
)


# Words of a toll still counting: "has killed", "have died", "is", "so far" (not a past run's simple past).
_STILL_COUNTING = re.compile(r"\b(?:has|have|is|are|now|so\s+far|to\s+date)\b|['’](?:s|ve)\b", re.IGNORECASE)


def continues_background(
    sentence: Sentence, previous: Sentence | None, first: date | None, past_days: int = 365
) -> bool:
    """Whether a sentence that points back to the one before (``_POINTS_BACK``) tells a past incident or a
    yearly rate: a year that ended ``past_days`` before the ``first`` report named in it or in the sentence
    before, not after "since" or "from" ("It spread ... until 1892 and killed one million"; "An outbreak in
    1976 infected 200. Only one of them died, but ... killed 25"), or a rate in the sentence before ("25
    million cases each year. These result in 30,000 deaths"). So does a sentence with no time of its own,
    told in the simple past, right after one naming such a year (``goes_on_in_the_past``)."""
    if goes_on_in_the_past(sentence, previous, first, past_days):
        return True
    if previous is None or _POINTS_BACK.match(sentence.text) is None:
        return False
    if _YEARLY.search(previous.text):
        return True
    if first is None:
        return False
    cutoff = first - timedelta(days=past_days)
    return any(_names_past_year(s, cutoff) for s in (sentence, previous))


def goes_on_in_the_past(
    sentence: Sentence, previous: Sentence | None, first: date | None, past_days: int = 365
) -> bool:
    """Whether a sentence dated only by its report, with no word of a toll still counting (``_STILL_COUNTING``),
    follows one that names a year ended ``past_days`` before the ``first`` report: "The 1919 outbreak is the
    worst case. About 2 million people died in 14 months." The 2 million are the old outbreak's; "So far 40
    people have died" after the same sentence are the story's."""
    if previous is None or first is None or not sentence.event_date_fallback:
        return False
    if _STILL_COUNTING.search(sentence.text):
        return False
    return _names_past_year(previous, first - timedelta(days=past_days))


# A bare year, also before a comma or a stop ("in 1889."), never a quantity's digits ("1,889.5").
_YEAR_ANYWHERE = re.compile(r"(?<![\d,.$£€-])(?:18|19|20)\d\d(?![\d%]|[,.]\d)")


def _names_past_year(
    sentence: Sentence, cutoff: date, years: re.Pattern[str] = _YEAR_ANYWHERE, left: int = 0, right: int | None = None
) -> bool:
    """Whether a sentence names a year (``years``, between ``left`` and ``right``) that ended before ``cutoff``, not
    inside one of its quantities nor after "since" or "from"."""
    taken = [(x.start - sentence.start, x.end - sentence.start) for x in sentence.quantities]
    for year in years.finditer(sentence.text, left, len(sentence.text) if right is None else right):
        inside = any(a <= year.start() < b for a, b in taken)
        if not inside and not _SINCE.search(sentence.text, 0, year.start()) and _ends_before(year.group(), cutoff):
            return True
    return False


def _ends_before(when: IsoDate | None, cutoff: date) -> bool:
    end = day_of(when, coarse="last")
    return end is not None and end < cutoff


def dated_by_start(sentence: Sentence, quantity: Quantity) -> bool:
    """True when the time that dates the sentence starts the running total the figure tells: the figure
    comes before a "since" whose clause holds that time ("5,000 barrels a day have leaked since the rig
    exploded on 20 April"), or after a "since then" right after it ("exploded on 20 April and since then 27
    million litres have leaked"). The 11 killed of "since the rig exploded on 20 April, killing 11" keep the day."""
    start = quantity.start - sentence.start
    for t in sentence.times:
        if t.date is None or t.date != sentence.event_date:
            continue
        at, end = t.start - sentence.start, t.end - sentence.start
        since = _SINCE_BEFORE.search(sentence.text, 0, at)
        if since and start < since.start():
            return True
        then = _SINCE_THEN.match(sentence.text, end)
        if then and then.end() <= start:
            return True
    return False


def is_final_total(sentence: Sentence, quantity: Quantity) -> bool:
    """True when the figure's clause tells it as the end of its run ("and ultimately leaking 4.9 million
    barrels", "leaked over the course of 87 days"): a total as of its report, whatever day starts the run.
    The 11 of "exploded on 20 April, killing 11 workers, and ultimately leaking ..." keep the day."""
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    left, right = clause_span(sentence.text, start, end, figure_offsets(sentence))
    return _FINAL.search(sentence.text, left, right) is not None


def dated_by_onset(sentence: Sentence) -> bool:
    """True when the time that dates the sentence is the start of a run ("the rig exploded on 20 April",
    "damaged in an explosion three weeks ago"): a leak's total told with it grew long after that day."""
    return any(
        t.date is not None
        and t.date == sentence.event_date
        and _ONSET_BEFORE.search(sentence.text, 0, t.start - sentence.start) is not None
        for t in sentence.times
    )
