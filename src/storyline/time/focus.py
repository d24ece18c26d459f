"""The quarter a report is about, carried from sentence to sentence, and the comparisons read against it.

A results report names its quarter once ("third-quarter profit rose") and then compares with "a year
earlier", "a year ago", "the year-ago period" or "last year". Readers take these as the same quarter
a year before ("1988-Q3" in a report on 1989-Q3), not as the whole year or an unknown day. A report
that names no quarter keeps the plain readings ("a year ago" is the year before the report's).

``Focus`` is what the tagger has seen so far in a document; ``follow`` moves it on past a sentence's
expressions, and ``refocus`` rewrites the sentence's year-before comparisons against it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from storyline.records import TimeExpression
from storyline.time.anaphora import anchor_after

_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
# "a year earlier", "one year ago", "year-ago", "the year-earlier period": the quarter in focus, a year before.
_YEAR_BEFORE = re.compile(r"(?i:(?:(?:a|one|the)\s+)?year(?:-|\s+)(?:ago|earlier)(?:\s+period)?)")
# Said of the year before only: a comparison in a sentence that names the quarter it compares.
_LAST_YEAR = re.compile(r"(?i:last\s+year)")
# A results period of months other than a quarter ("the nine months", "the first six months").
_MONTHS = re.compile(r"P(?:[1-24-9]|1[0-2])M")
_COMPARED = re.compile(r"(?i:year(?:-|\s+)?(?:ago|earlier)|prior(?:-|\s+)year)")


@dataclass(frozen=True)
class Focus:
    """The quarter ("1989-Q3") the report is about so far, or None when it has named none."""

    quarter: str | None = None
    anchor: str | None = None  # the last year, month or day named so far (``anaphora.anchor_after``)
    anchor_in_paragraph: bool = True  # False once a new paragraph begins, until it names a date


def new_paragraph(focus: Focus) -> Focus:
    """The focus at the start of a paragraph: its anchor was named in an earlier one ("overnight" no
    longer counts from it, ``anaphora.reanchor``)."""
    return replace(focus, anchor_in_paragraph=False) if focus.anchor_in_paragraph and focus.anchor else focus


def quarter_before(quarter: str, years: int = 1) -> str:
    """ "1988-Q3" from "1989-Q3": the same quarter ``years`` earlier."""
    m = _QUARTER.fullmatch(quarter)
    if m is None:
        return quarter
    return f"{int(m.group(1)) - years:04d}-Q{m.group(2)}"


def is_reported_quarter(expr: TimeExpression, dct: date | None = None) -> bool:
    """A quarter the report is about: a DATE with a quarter value that is not itself a comparison and
    that began by the DCT's quarter (a later one is a forecast)."""
    m = _QUARTER.fullmatch(expr.value) if expr.type == "DATE" else None
    if m is None or _COMPARED.search(expr.text):
        return False
    return dct is None or int(m.group(1)) * 4 + int(m.group(2)) <= dct.year * 4 + (dct.month - 1) // 3 + 1


def follow(focus: Focus, found: Sequence[TimeExpression], dct: date | None) -> Focus:
    """The focus after a sentence: the first reported quarter of the document stays in focus (a
    results report names its quarter in its opening and goes on to forecasts and other periods),
    and the anchor moves to the last date the sentence named (named in the paragraph being read)."""
    if not found:
        return focus
    named = anchor_after(found, None)
    quarter = focus.quarter
    if quarter is None:
        quarter = next((t.value for t in found if "-Q" in t.value and is_reported_quarter(t, dct)), None)
    if named is None:  # no date named: the anchor stays, and so does where it was named
        return focus if quarter == focus.quarter else replace(focus, quarter=quarter)
    if named == focus.anchor and quarter == focus.quarter and focus.anchor_in_paragraph:
        return focus
    return Focus(quarter, named)


def refocus(found: Sequence[TimeExpression], focus: Focus) -> list[TimeExpression]:
    """The sentence's expressions, with year-before comparisons set to the quarter in focus a year before.

    The sentence's own quarter comes first ("third-quarter sales fell from a year ago"), then the
    document's. "last year" is read so only when the sentence itself names its quarter.
    """
    own = next((t.value for t in found if "-Q" in t.value and is_reported_quarter(t)), None)
    quarter = own or focus.quarter
    if quarter is None:
        return found if isinstance(found, list) else list(found)
    out = []
    period = None  # the last period the sentence named so far: a quarter, or months that are none
    for t in found:
        if t.type == "DATE" and (_YEAR_BEFORE.fullmatch(t.text) or (own is not None and _LAST_YEAR.fullmatch(t.text))):
            if period != "months":  # "for the nine months, ... a year earlier" keeps the year before
                t = replace(t, value=quarter_before(quarter))
        elif _MONTHS.fullmatch(t.value) and t.type == "DURATION":
            period = "months"
        elif "-Q" in t.value:
            period = "quarter"
        out.append(t)
    return out
