"""Whether a denial and a claim are told of different times, so that the denial does not answer the claim.

A claim whose sentence names only times long past ("Opposition gathered force in the late 1980s") is
history: a denial of the story's days ("denies Libyans oppose him") does not answer it, unless the denial
names a time long past too. A denial of a state told in the present ("deny the town is under rebel
control") holds for its own days: it answers no claim told months before or after, when the state may
well have been another. A denial whose report came out before the claim was first told answers an earlier claim,
not that one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from storyline.corpus.denial_content import denied_object
from storyline.records import Document, DocumentId, IsoDate, Mention, Sentence
from storyline.time.iso_dates import day_of, days_apart, period

CLAIM_AFTER_DAYS = 90  # a claim first told over a season after a denial's report is another than the one it answers
STATE_DAYS = 30  # a state told in the present (who holds a town) is the state of these weeks at most
# A denied object that is a state in the present: "Kessel is under rebel control", "its forces are attacking".
_PRESENT_STATE = re.compile(r"^\s*(?:that\s+)?(?:[\w'’-]+\s+){1,5}?(?:is|are)\b", re.IGNORECASE)
# A time after one of these starts or bounds a span that runs on: "since the 1980s", "from 1998 to now".
_SPAN_START = re.compile(r"\b(?:since|from|until|till)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_VALUE = re.compile(r"(\d{2,3})(?!\d)")  # a century ("19") or a decade ("198") as a time's value


def last_day(value: IsoDate | None) -> date | None:
    """The last day of a time's value: a day, month or year (``period``), a decade ("198" -> 1989-12-31) or a
    century ("19" -> 1999-12-31); None when unreadable."""
    span = period(value)
    if span is not None:
        return span[1]
    found = _VALUE.fullmatch(value or "")
    if found is None:
        return None
    digits = found.group(1)
    return date(int(digits) * 10 ** (4 - len(digits)) + 10 ** (4 - len(digits)) - 1, 12, 31)


def names_only_the_past(sentence: Sentence, published: IsoDate | None, past_days: int) -> bool:
    """Whether a sentence names times, each ended over ``past_days`` before its report and none starting a span
    that runs on ("since the 1980s")."""
    day = day_of(published, coarse="first")
    if day is None or not sentence.times:
        return False
    cutoff = day - timedelta(days=past_days)
    for t in sentence.times:
        end = last_day(t.value)
        if end is None or end >= cutoff or _SPAN_START.search(sentence.text[: t.start - sentence.start]):
            return False
    return True


def _sentence(doc: Document, index: int) -> Sentence | None:
    if index < len(doc.sentences) and doc.sentences[index].index == index:
        return doc.sentences[index]
    return next((s for s in doc.sentences if s.index == index), None)


def told_of_another_time(
    claim: Mention,
    denial: Mention,
    documents: Mapping[DocumentId, Document],
    past_days: int = 365,
    state_days: int = STATE_DAYS,
) -> bool:
    """Whether a claim is history that a denial of the story's days does not answer (``names_only_the_past``, and
    the denial's sentence does not), or a denial of a state in the present is told over ``state_days`` apart
    from the claim. False when either report is unknown."""
    claim_doc, denial_doc = documents.get(claim.document), documents.get(denial.document)
    if claim_doc is None or denial_doc is None:
        return False
    said, denied = _sentence(claim_doc, claim.sentence), _sentence(denial_doc, denial.sentence)
    if said is not None and names_only_the_past(said, claim_doc.published, past_days):
        return denied is None or not names_only_the_past(denied, denial_doc.published, past_days)
    if not _PRESENT_STATE.match(denied_object(denial.text) or ""):
        return False
    a, b = period(claim.date or claim_doc.published), period(denial.date or denial_doc.published)
    return a is not None and b is not None and days_apart(a, b) > state_days  # a month is as near as its nearest day


def told_before_the_claim(
    claim: Mention,
    denial: Mention,
    documents: Mapping[DocumentId, Document],
    earlier: Iterable[DocumentId] = (),
    margin_days: int = CLAIM_AFTER_DAYS,
) -> bool:
    """Whether a denial's report came out over ``margin_days`` before the claim was first told: before the
    claim's date (when it has one), every time its sentence names ("said on 4 August"), its report's publication
    and that of each report it may first have been told in (``earlier``: the report it derives from, the first
    report of its happening). A June denial of "gross negligence" does not answer a January report's finding; a
    claim retold days later ("Mexico accusing China"), or months later of a charge told before the denial, is still
    the one it answers. False when a report or its day is unknown."""
    denial_doc, claim_doc = documents.get(denial.document), documents.get(claim.document)
    if denial_doc is None or claim_doc is None:
        return False
    told = period(denial_doc.published)
    said = _sentence(claim_doc, claim.sentence)
    named = [claim.date, *(t.value for t in (said.times if said is not None else ()))]
    published = [period(claim_doc.published), *(period(d.published) for d in map(documents.get, earlier) if d)]
    if told is None or None in published:
        return False
    firsts = [f for f in (*published, *map(period, named)) if f is not None]
    return all((f[0] - told[1]).days > margin_days for f in firsts)
