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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from storyline.corpus.central_happening import period
from storyline.corpus.figure_scope import clause_span, figure_offsets
from storyline.records import Document, IsoDate, Quantity, Sentence

_YEAR = re.compile(r"(?<![\d,.$£€-])(?:18|19|20)\d\d(?![\d,.%])")  # a bare year, never a quantity's digits
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;:.()—–]*$", re.IGNORECASE)  # "since an explosion on a rig last month"
_SINCE_THEN = re.compile(r"[^;:.()—–]*?\bsince\s+then\b", re.IGNORECASE)  # "on 20 April and since then"
_SINCE = re.compile(r"\b(?:since|from)\s+(?:(?:the\s+)?(?:start|beginning|end)\s+of\s+|early\s+|late\s+)?$", re.I)


def first_report(documents: Sequence[Document]) -> date | None:
    """The first report's publication day, None when no report is dated."""
    days = [span[0] for d in documents if d.published and (span := period(d.published[:10])) is not None]
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
    taken = [(x.start - sentence.start, x.end - sentence.start) for x in sentence.quantities]
    for year in _YEAR.finditer(sentence.text, left, right):  # a year the time tagger left: "a 1918 flu pandemic"
        inside = any(a <= year.start() < b for a, b in taken)
        if not inside and not _SINCE.search(sentence.text, 0, year.start()) and _ends_before(year.group(), cutoff):
            return True
    return False


def _ends_before(when: IsoDate | None, cutoff: date) -> bool:
    span = period(when)
    return span is not None and span[1] < cutoff


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
