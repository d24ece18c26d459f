"""A timeline page's entries are dated by their own headings (``storyline.corpus.figure_headings``), on our
own page of a pier fire in Calder Bay, 2031, whose headings reach us glued to the entry before."""

from __future__ import annotations

from dataclasses import replace

from storyline.corpus import figure_headings as fh
from storyline.corpus import figures as fg
from storyline.records import Quantity, Sentence, TimeExpression


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
