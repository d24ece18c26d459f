"""A timeline page's entries are dated by their own headings (``storyline.corpus.figure_headings``), on our
own page of a pier fire in Calder Bay, 2031, whose headings reach us glued to the entry before."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.corpus import figure_headings as fh
from storyline.corpus import figures as fg
from storyline.records import Document, Quantity, Sentence, TimeExpression


def sentence(index: int, text: str, *times: tuple[str, str], figure: str | None = None) -> Sentence:
    """A sentence at offset 0 with a time expression for each (words, date), dated by the last, and the count."""
    found = tuple(TimeExpression(text.index(w), text.index(w) + len(w), w, "DATE", when, when) for w, when in times)
    quantities: tuple[Quantity, ...] = ()
    if figure:
        at = text.index(figure)
        value = float(figure.split()[0])
        quantities = (Quantity(at, at + len(figure), figure, value, value, value, "count", None, None, "people"),)
    event = found[-1].date if found else "2031-06-01"
    return Sentence(index, 0, len(text), text, 0, times=found, quantities=quantities, event_date=event)


def test_an_entry_is_dated_by_the_heading_that_ends_the_sentence_before() -> None:
    heading = sentence(0, "3 March:", ("3 March", "2031-03-03"))
    entry = sentence(1, "Pier fire kills 9 people 12 March:", ("12 March", "2031-03-12"), figure="9 people")
    assert fh.is_heading_dated(entry)
    assert fh.entry_date(heading, entry, entry.quantities[0]) == "2031-03-03"


def test_an_entry_is_dated_by_the_last_heading_before_it_in_its_sentence() -> None:
    text = "3 March: Pier burns 12 March: Fire kills 9 people"
    entry = sentence(1, text, ("3 March", "2031-03-03"), ("12 March", "2031-03-12"), figure="9 people")
    assert fh.entry_date(None, entry, entry.quantities[0]) == "2031-03-12"


def test_an_entry_without_a_heading_of_its_own_has_no_date() -> None:
    prose = sentence(0, "The page lists the fire's days.")
    entry = sentence(1, "Pier fire kills 9 people 12 March:", ("12 March", "2031-03-12"), figure="9 people")
    assert fh.entry_date(prose, entry, entry.quantities[0]) is None


def test_a_time_without_a_colon_is_no_heading() -> None:
    s = sentence(0, "The fire killed 9 people on 12 March.", ("12 March", "2031-03-12"), figure="9 people")
    assert not fh.is_heading_dated(s)


def test_points_of_a_timeline_page_take_their_entrys_day(make_doc) -> None:
    doc = make_doc("3 March: Pier fire kills 9 people 12 March: Crews clear the pier.", "2031-06-01", "Harbor Daily")
    text = doc.sentences[0].text
    s = sentence(0, text, ("3 March", "2031-03-03"), ("12 March", "2031-03-12"), figure="9 people")
    s = replace(s, start=doc.sentences[0].start, end=doc.sentences[0].end)
    found = fg.points_of(replace(doc, sentences=(s,)))
    assert [(m, p.date) for m, _, p in found] == [("killed", "2031-03-03")]


def test_a_time_that_leads_in_a_quote_is_no_heading() -> None:
    s = sentence(0, "The fire killed 9 people, the mayor said on 12 March: a sad day.", ("12 March", "2031-03-12"))
    assert not fh.is_heading_dated(s)


PAGE = (
    "The yard tried four ways to stop the leak.\n"
    "3 MARCH: RIVER TUBE - SUCCESS Crews fitted a tube to the hull.\n"
    "The tube has been able to collect about 300 barrels a day.\n"
)


def _report_dated(doc: Document, index: int) -> Sentence:
    return replace(doc.sentences[index], event_date="2031-06-01", event_date_fallback=True)


@pytest.mark.parametrize(
    ("heading", "in_entry"),
    [
        ("3 MARCH: RIVER TUBE - SUCCESS", True),
        ("8 - 18 MARCH: DOME", True),
        ("3 MARCH 2031: RIVER TUBE", True),
        ("3 March: River tube", False),  # a heading the time stage reads, dated by ``entry_date``
        ("21 MARCH 2031, ARTS", False),  # no colon: a dateline, no heading
        ("They fitted 3 MARCH: a tube", False),  # not at a line's start
    ],
)
def test_a_sentence_after_a_heading_in_capitals_is_an_entry_of_a_timeline_page(
    make_doc, heading: str, in_entry: bool
) -> None:
    doc = make_doc(PAGE.replace("3 MARCH: RIVER TUBE - SUCCESS", heading), "2031-06-01", "Harbor Daily")
    last = _report_dated(doc, len(doc.sentences) - 1)
    assert fh.in_capital_entry(doc, last) is in_entry
    assert not fh.in_capital_entry(doc, _report_dated(doc, 0))  # before any heading
    assert not fh.in_capital_entry(doc, replace(last, event_date_fallback=False))  # its own time dates it


def test_points_of_an_entry_under_a_heading_in_capitals_have_no_report_day(make_doc) -> None:
    doc = make_doc(PAGE, "2031-06-01", "Harbor Daily")
    s = _report_dated(doc, len(doc.sentences) - 1)
    words = "about 300 barrels a day"
    at = s.start + s.text.index(words)
    q = Quantity(at, at + len(words), words, 300, 300, 300, "bpd", None, None, None)
    s = replace(s, quantities=(q,))
    found = fg.points_of(replace(doc, sentences=(*doc.sentences[:-1], s)))
    assert [(m, p.value, p.date) for m, _, p in found] == [("collection rate", 300, None)]
