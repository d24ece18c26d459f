"""Tell an event mention that states a running tally of the story on its report's day ("the virus has
killed up to 60 people in Mexico, health officials said on Friday", "the WHO has confirmed 79 cases")
from one that tells a happening: its day is when the figure was told, not when something happened.

Such a mention feeds the figure series (``corpus.figures``) as before; in the events stage it is dated
like a background line of its report (``Candidate.window_day``), so it is no anchor that lets an event
reach across the publication window (``event_dates.PublishedSpans``): otherwise the tallies of reports
weeks apart, each a close paraphrase of the next, chain the outbreak's whole background into one event.
A mention dated only by its report's "today" is read the same way (``dated_by_today``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from storyline.corpus.figure_scope import clause_of, is_tally
from storyline.records import Document, DocumentId, Mention, Quantity, Sentence
from storyline.time.iso_dates import day_of

if TYPE_CHECKING:  # event_mentions splits a tally's clause from another (``event_tally_clauses``)
    from storyline.corpus.event_mentions import Candidate

_TODAY = frozenset({"today", "tonight", "now", "this morning", "this afternoon", "this evening"})
REPORT_DAYS = 1  # a wire's "said on Monday" in Tuesday's edition is still the report's own news
# A running total in the figure's clause: a perfect ("has killed", "have died", "has been confirmed", "had
# risen to"), or words of a count so far ("so far", "to date", "the toll", "in total", "rose to").
_PERFECT = re.compile(
    r"\b(?:has|have|had|'s|'ve)\s+(?:(?:already|now|since|also|so\s+far|reportedly|officially)\s+)*"
    r"(?:been\s+)?(?:[a-z]+ed|[a-z]+en|died|risen|grown|hit|spread|left|seen|put|caught|fallen|climbed)\b",
    re.IGNORECASE,
)
_SO_FAR = re.compile(
    r"\b(?:so\s+far|to\s+date|in\s+all|in\s+total|(?:death\s+)?toll|tally|cumulative"
    r"|(?:rose|risen|climbed|jumped|grew|reached|stands?|stood)\s+(?:to|at)\b)",
    re.IGNORECASE,
)


def is_running_tally(sentence: Sentence, quantity: Quantity) -> bool:
    """A count the clause tells as a total so far, measured (not projected), and no rate, increment or
    question (``figure_scope.is_tally``)."""
    if quantity.unit != "count" or quantity.projected or not is_tally(sentence, quantity):
        return False
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    figures = frozenset(q.start - sentence.start for q in sentence.measures)
    clause = clause_of(sentence.text, start, end, figures)
    return bool(_PERFECT.search(clause) or _SO_FAR.search(clause))


def tells_tally(doc: Document, sentence: Sentence, mention: Mention) -> bool:
    """The mention states a running tally (one of its figures, ``is_running_tally``) and is dated by its
    report: by publication, or to a day at most ``REPORT_DAYS`` before the report's own."""
    start = sentence.start + (mention.clause or 0)
    end = start + len(mention.text)
    if not any(start <= q.start < end and is_running_tally(sentence, q) for q in sentence.measures):
        return False
    if mention.date_fallback:
        return True
    own, published = day_of(mention.date, coarse=None), day_of(doc.published, coarse=None)
    return own is not None and published is not None and 0 <= (published - own).days <= REPORT_DAYS


def dated_by_today(sentence: Sentence, mention: Mention) -> bool:
    """The mention is dated, in its own words, only by a word that points at its report's day ("So today Mexico
    reports that the worst is over", "Today there are almost 3,000 cases"): that day is when the report speaks,
    like a running tally's, not a day a later report could retell a happening by."""
    if mention.date_fallback or mention.date is None:
        return False
    start = sentence.start + (mention.clause or 0)
    own = [t for t in sentence.times if start <= t.start < start + len(mention.text) and t.date == mention.date]
    return bool(own) and all(t.text.casefold() in _TODAY for t in own)


def mark_tallies(cands: Sequence[Candidate], documents: Mapping[DocumentId, Document]) -> list[Candidate]:
    """The candidates, each with ``tally`` set when its mention tells a running tally on its report's day, or is
    dated only by its report's "today" (``dated_by_today``)."""
    sentences = {(d.id, s.index): (d, s) for d in documents.values() for s in d.sentences}
    marked = []
    for c in cands:
        found = sentences.get((c.mention.document, c.mention.sentence))
        tally = found is not None and (tells_tally(*found, c.mention) or dated_by_today(found[1], c.mention))
        marked.append(replace(c, tally=True) if tally else c)
    return marked
