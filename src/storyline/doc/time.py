"""The time stage: tag each sentence's time expressions and date the sentence's event.

The event date is the date of the sentence's governing time expression (v1: the first DATE, or TIME
of a known day, that pins a day, month or year, passing over one that only dates the telling, as in
"said on Monday", when there is another). A past-tense sentence with none goes on the narrative of
the sentence before it, in its paragraph or at the start of the next, and takes that sentence's date
("found a site on Thursday. The site held 440 graves."), with ``event_date_anchor`` naming that
sentence; backstory in the past perfect does not (``time_narrative``). A time inside a who/which
clause dates that clause, not the event ("Epstein, who died in August"). Intervals
("a day after ... on Saturday"), backstory in the past perfect and sentences that come back to the
lede's event are read in ``time_frame``. Otherwise the event date is the publication date, marked
as a fallback. Below an update line or a live entry's stamp (``time_written``), the day that part of
the text was written takes the publication date's place, both as the reference of relative dates and
as the fallback.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from storyline.config import Config, TimeConfig
from storyline.doc.time_frame import (
    background_of_present,
    counted_from,
    foretold_in_noun_clause,
    is_backstory,
    names_a_noun_only,
    return_to_lede,
)
from storyline.doc.time_narrative import inherit_dates, narrates_past
from storyline.doc.time_written import Written, mark_of, read_written, updated_date, written_on_named
from storyline.pipeline import Stage
from storyline.records import Document, IsoDate, Sentence, TimeExpression
from storyline.time import parse_dct, tag
from storyline.time.focus import Focus, follow, new_paragraph
from storyline.time.iso_dates import period

# A speech verb (with an optional "in a statement", "to reporters") right before the expression.
_CUE_BEFORE = re.compile(
    r"\b(?:said|says|told(?:\s+\w+){0,2}|announced|added|stated|confirmed|reported|wrote|posted|tweeted|"
    r"denied|claimed|according\s+to(?:\s+\w+){1,3})(?:\s+(?:in|to)\s+(?:an?|the)?\s*\w+(?:\s+\w+)?)?"
    r"(?:\s+(?:late|early|earlier|later|on))*\s*$",
    re.IGNORECASE,
)
_CUE_WINDOW = 60  # characters before an expression searched for a speech verb


def build(config: Config) -> Stage[Document]:
    """The "time" stage: needs sentences ("nlp") and the publication date ("metadata")."""
    settings = config.time

    def time_stage(doc: Document) -> Document:
        return tag_document(doc, settings)

    return Stage(name="time", func=time_stage, requires=("nlp", "metadata"), provides=("time",))


def tag_document(doc: Document, settings: TimeConfig | None = None) -> Document:
    """The document with ``times``, ``event_date`` and ``event_date_fallback`` set on each sentence, and
    ``updated`` when an update line names a later day than the publication date. Each sentence's
    relative dates are read from the day its part of the text was written (``time_written``: the
    update line or live entry's stamp above it, or its second time zone's day when the sentence names
    that day's weekday), else from the publication date."""
    settings = settings or TimeConfig()
    written = read_written(doc.text, doc.published)
    stamps = tuple((m.start, m.end) for m in written)
    head = dateline_end(doc)
    focus = Focus()  # the quarter a results report is about, carried from sentence to sentence
    sentences: list[Sentence] = []
    for s in doc.sentences:
        if sentences and s.paragraph != sentences[-1].paragraph:
            focus = new_paragraph(focus)
        reference = written_on_named(written, s.start, s.end, doc.published, s.text)
        dct = parse_dct(reference)
        tagged = tag_sentence(s, dct, reference, settings, head, focus, stamps)
        focus = follow(focus, tagged.times, dct)
        sentences.append(tagged)
    if settings.inherit_in_paragraph:
        latest = max([doc.published, *(m.date for m in written)]) if doc.published else None
        carried = return_to_lede(inherit_dates(sentences, latest), narrates_past)
        sentences = _within_marks(sentences, carried, written)
    return replace(doc, sentences=tuple(sentences), updated=updated_date(written, doc.published))


def _within_marks(own: list[Sentence], carried: list[Sentence], written: tuple[Written, ...]) -> list[Sentence]:
    """``carried`` (dates taken from other sentences), except a date taken across an update line or a
    live entry's stamp: another entry or item was written at another time, of other events."""
    if not written:
        return carried
    under = {s.index: mark_of(written, s.start, s.end) for s in own}
    return [
        c if c.event_date_anchor is None or under.get(c.event_date_anchor) == under[s.index] else s
        for s, c in zip(own, carried, strict=True)
    ]


# A wire's time stamp heading its first line ("MEXICO CITY | Mon Apr 27, 2009 3:10 am BST MEXICO CITY (Reuters) -",
# "2009 06 13 00:11 JST GENEVA (Reuters) -"): when the report was filed, never when its lede happened.
_STAMP = re.compile(
    r"^\s*(?:[^|\n]{2,60}\|\s*(?:[A-Z][a-z]{2}\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}"
    r"|\d{4}\s\d{1,2}\s\d{1,2})\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?"
)


def dateline_end(doc: Document) -> int:
    """Where the agency dateline ("KHARKIV, Sept 11 (Wire) -"), or a wire's time stamp heading the first line
    (``_STAMP``), ends; its date is the report's, not an event's."""
    if not doc.dateline:
        stamp = _STAMP.match(doc.text)
        return stamp.end() if stamp else 0
    at = doc.text.find(doc.dateline)
    return at + len(doc.dateline) if 0 <= at < 200 else 0


def tag_sentence(
    sentence: Sentence,
    dct: date | None,
    published: IsoDate | None,
    settings: TimeConfig,
    skip_before: int = 0,
    focus: Focus | None = None,
    stamps: tuple[tuple[int, int], ...] = (),
) -> Sentence:
    """One sentence with its time expressions (document offsets) and its event date; a time before
    ``skip_before`` (the dateline) or inside one of ``stamps`` (an update line or a live entry's
    stamp) dates the telling, not the event."""
    local = tag(
        sentence.text,
        dct,
        settings.default_tense,
        tokens=sentence.tokens,
        tokens_offset=sentence.start,
        slack_days=settings.year_slack_days,
        focus=focus,
    )
    times = tuple(replace(t, start=t.start + sentence.start, end=t.end + sentence.start) for t in local)
    events = tuple(t for t in times if t.start >= skip_before and not any(a <= t.start < b for a, b in stamps))
    governing = governing_time(sentence, events, published)
    if governing is None:
        return replace(sentence, times=times, event_date=published, event_date_fallback=True)
    event_date = counted_from(sentence, governing, times) or governing.date
    return replace(sentence, times=times, event_date=event_date, event_date_fallback=False)


def governing_time(
    sentence: Sentence, times: tuple[TimeExpression, ...], published: IsoDate | None = None
) -> TimeExpression | None:
    """The first DATE or TIME with a calendar date ("on Tuesday", "Thursday evening", "10 p.m.
    Wednesday"), preferring one that does not date an attribution unless it only widens the attribution's
    day (``_narrows``). With ``published``, not a time
    after it that a past event's noun clause foretells (``time_frame.foretold_in_noun_clause``); not one in
    the background of a sentence told in the present or future (``time_frame.background_of_present``), nor
    one that names a noun whose event is not the sentence's (``time_frame.names_a_noun_only``)."""
    dated = [
        t
        for t in times
        if t.type in ("DATE", "TIME")
        and t.date is not None
        and not starts_period(sentence, t)
        and not is_backstory(sentence, t)
        and not in_relative_clause(sentence, t)
        and not dates_earlier_value(sentence, t)
        and not foretold_in_noun_clause(sentence, t, published)
        and not background_of_present(sentence, t, published)
        and not names_a_noun_only(sentence, t, times)
    ]
    if not dated:
        return None
    plain = [t for t in dated if not dates_attribution(sentence, t)]
    if not plain:
        return dated[0]
    told = next((t for t in dated if t not in plain), None)
    return told if told is not None and _narrows(told, plain[0]) else plain[0]


def _narrows(day: TimeExpression, wider: TimeExpression) -> bool:
    """True when ``day`` names a day inside the month or year of ``wider``: "said on Saturday that ...,
    over the weekend" is Saturday, not the weekend's month."""
    inner, outer = period(day.date), period(wider.date)
    if inner is None or outer is None or day.date is None or len(day.date) < 10 or inner == outer:
        return False
    return outer[0] <= inner[0] and inner[1] <= outer[1]


_PERIOD_START = re.compile(r"\b(?:since|from)\s+(?:the\s+(?:start|beginning|end)\s+of\s+)?$", re.IGNORECASE)


def starts_period(sentence: Sentence, expr: TimeExpression) -> bool:
    """``since the start of September`` opens a period; it does not date the event."""
    return bool(_PERIOD_START.search(sentence.text[: expr.start - sentence.start]))


# "who"/"which" and the rest of its clause, up to the expression (a comma or dash would close it).
# Case matters: "The WHO raised its alert on April 29" names the World Health Organization, not a relative clause.
# A relative word with no clause break between it and the end of the text searched.
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|whose|which)\b(?=[^,;:()—–]*$)", re.IGNORECASE)


def is_acronym(word: str) -> bool:
    """A clause word written in capitals is an acronym, not the word: "The WHO raised its alert on May 2"
    names the World Health Organization. Shared by every test that reads a clause from such a word."""
    return word.isupper()


def in_relative_clause(sentence: Sentence, expr: TimeExpression) -> bool:
    """``the town, which Russia took in March, fell on Saturday``: a time inside a who/which clause
    dates what that clause tells about a person or thing, not the sentence's event."""
    before = sentence.text[: expr.start - sentence.start]
    return any(not is_acronym(m.group()) for m in _RELATIVE_BEFORE.finditer(before))


# "up from", "down from", "compared with" and the rest of its clause, up to the expression.
_EARLIER_VALUE_BEFORE = re.compile(
    r"\b(?:(?:up|down|rising|falling|climbing|dropping)\s+from|compared\s+(?:with|to))\b[^,;:()—–]*$", re.IGNORECASE
)


def dates_earlier_value(sentence: Sentence, expr: TimeExpression) -> bool:
    """``85 percent contained, up from 80 percent on Thursday``: a time after "up from" or "compared
    with" dates the earlier value the figure is measured against, not the sentence's event."""
    return bool(_EARLIER_VALUE_BEFORE.search(sentence.text[: expr.start - sentence.start]))


def dates_attribution(sentence: Sentence, expr: TimeExpression) -> bool:
    """True when the expression follows a speech verb ("said on Monday", "told reporters Monday")."""
    local_start = expr.start - sentence.start
    before = sentence.text[max(0, local_start - _CUE_WINDOW) : local_start]
    if _CUE_BEFORE.search(before):
        return True
    return any(0 <= expr.start - a.cue[1] <= 4 for a in sentence.attributions)
