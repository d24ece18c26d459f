"""Date a timeline page's entries by their own headings. A page that lists dated entries ("20 April:
Rig explodes, killing 11 people 28 April: Coastguard fears ...") reaches us with each heading glued to
the end of the entry before it, or standing alone as a sentence, so the time that dates a sentence may
be the next entry's heading: the 11 killed are 20 April's, not 28 April's.

A heading is a time expression right before a colon and after no preposition or verb of saying ("said on
Monday: ..." introduces a quote, not an entry). A figure is dated by the last heading before it in
its sentence, else by a heading that ends the sentence before (nothing after its colon), else it has no
date rather than the next entry's. A page whose headings open a line in capitals ("16 MAY: RISER TUBE", "8 - 18
MAY: DOME"), which the time stage does not read, holds entries of several sentences: a figure of one of them
that only its report dates has no date, rather than the report's.
"""

from __future__ import annotations

import re

from storyline.records import Document, IsoDate, Quantity, Sentence

_COLON = re.compile(r"\s*:")
# A heading in capitals opening a line: "16 MAY:", "8 - 18 MAY:", "2 JUNE 2010:".
_CAPITAL_HEADING = re.compile(
    r"^[^\S\n]*\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER"
    r"|OCTOBER|NOVEMBER|DECEMBER)(?:\s+\d{4})?\s*:",
    re.MULTILINE,
)
_LEADS_IN = re.compile(r"\b(?:on|in|at|by|from|since|until|to|of|for|said|says|say|told|added)\s+$", re.IGNORECASE)


def _headings(sentence: Sentence) -> list[tuple[int, IsoDate | None]]:
    """(end of the colon, date) for each heading of the sentence, in order."""
    found = []
    for t in sorted(sentence.times, key=lambda t: t.start):
        colon = _COLON.match(sentence.text, t.end - sentence.start)
        if colon and not _LEADS_IN.search(sentence.text, 0, t.start - sentence.start):
            found.append((colon.end(), t.date))
    return found


def is_heading_dated(sentence: Sentence) -> bool:
    """True when the sentence's date is one of its headings': an entry of a timeline page."""
    return sentence.event_date is not None and any(d == sentence.event_date for _, d in _headings(sentence))


def entry_date(previous: Sentence | None, sentence: Sentence, quantity: Quantity) -> IsoDate | None:
    """The date of the entry a figure of a heading-dated sentence belongs to (see the module docstring)."""
    start = quantity.start - sentence.start
    before = [d for end, d in _headings(sentence) if end <= start]
    if before:
        return before[-1]
    if previous is not None and (ends := _headings(previous)) and not previous.text[ends[-1][0] :].strip():
        return ends[-1][1]
    return None


def in_capital_entry(doc: Document, sentence: Sentence) -> bool:
    """True when a sentence dated only by its report comes after a heading in capitals that opens a line of its
    document ("16 MAY: RISER INSERTION TUBE - SUCCESS BP had some success ..."): it tells an entry of a timeline
    page, whose day is the entry's, not the report's."""
    return sentence.event_date_fallback and _CAPITAL_HEADING.search(doc.text, 0, sentence.start) is not None
