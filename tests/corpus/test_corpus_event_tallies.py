"""``corpus/event_tallies.py``: a running tally told on its report's day is no happening that links reports
weeks apart; on made-up reports of an outbreak in a made-up town."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from test_corpus_events import annotate, find, story_of

from storyline.corpus.event_tallies import dated_by_today, is_running_tally, tells_tally
from storyline.records import Document, Mention, Quantity, TimeExpression

_NUMBER = re.compile(r"\d[\d,]*")


def counted(doc: Document, noun: str = "people", projected: bool = False) -> Quantity:
    """The first number of the document's first sentence, as a count of ``noun``."""
    s = doc.sentences[0]
    m = _NUMBER.search(s.text)
    assert m is not None
    value = float(m.group().replace(",", ""))
    return Quantity(
        s.start + m.start(), s.start + m.end(), m.group(), value, value, value, "count", None, None, noun,
        projected=projected,
    )  # fmt: skip


def tallied(make_doc, text: str, published: str, own_day: str | None = None, source: str = "Wire") -> Document:
    """A report whose first sentence names Calder Bay and counts people; dated by ``own_day`` in its own
    words, else by its publication."""
    doc = make_doc(text, published, source=source)
    fields = {"event_date": own_day, "event_date_fallback": False} if own_day else {"event_date_fallback": True}
    fields.setdefault("event_date", published)
    return annotate(doc, 0, ["Calder Bay"], quantities=(counted(doc),), **fields)


def _first(doc: Document) -> Mention:
    s = doc.sentences[0]
    return Mention(doc.id, 0, s.text, "reported", None, s.event_date, s.event_date_fallback)


def test_a_count_told_as_a_total_so_far_is_a_running_tally(make_doc):
    for text in (
        "The fever has sickened 40 people in Calder Bay since the start of May.",
        "So far 40 people in Calder Bay caught the fever, the clinic said.",
        "The toll in Calder Bay rose to 40 people on Friday.",
        "Health officials in Calder Bay have confirmed 40 cases of the fever.",
    ):
        doc = make_doc(text, "2024-05-03")
        assert is_running_tally(doc.sentences[0], counted(doc)), text


def test_a_count_of_a_deed_a_rate_an_increment_or_a_projection_is_no_running_tally(make_doc):
    for text in (
        "Police in Calder Bay arrested 40 people at the harbour market on Friday.",
        "The fever sickens about 400 people a year in Calder Bay.",
        "Clinics in Calder Bay found 12 more cases of the fever on Friday.",
    ):
        doc = make_doc(text, "2024-05-03")
        assert not is_running_tally(doc.sentences[0], counted(doc)), text
    could = make_doc("The fever has sickened 40 people and could reach 400 in Calder Bay.", "2024-05-03")
    assert not is_running_tally(could.sentences[0], counted(could, projected=True))


def test_a_running_tally_is_told_on_its_reports_day_or_the_day_before_not_weeks_before(make_doc):
    text = "The fever has sickened 40 people in Calder Bay, health officials said on Friday."
    on_the_day = tallied(make_doc, text, "2024-05-03", own_day="2024-05-03")
    next_morning = tallied(make_doc, text, "2024-05-04", own_day="2024-05-03")
    weeks_later = tallied(make_doc, text, "2024-05-24", own_day="2024-05-03")
    undated = tallied(make_doc, text, "2024-05-03")
    for doc in (on_the_day, next_morning, undated):
        assert tells_tally(doc, doc.sentences[0], _first(doc))
    assert not tells_tally(weeks_later, weeks_later.sentences[0], _first(weeks_later))
    deed = tallied(make_doc, "Police in Calder Bay arrested 40 people on Friday.", "2024-05-03", "2024-05-03")
    assert not tells_tally(deed, deed.sentences[0], _first(deed))


LINES = [  # (published, the day told in the report's own words or None, text)
    ("2024-05-01", "2024-05-01", "The fever has sickened up to 40 people in Calder Bay, officials said on Wednesday."),
    ("2024-05-02", None, "The fever has sickened up to 45 people in Calder Bay and spread to two towns nearby."),
    ("2024-05-04", None, "The fever has sickened up to 50 people in Calder Bay and spread to two towns nearby."),
    ("2024-05-08", None, "The fever has sickened up to 60 people in Calder Bay and spread to three towns nearby."),
    ("2024-05-11", None, "The fever has sickened up to 70 people in Calder Bay and spread to three towns nearby."),
]  # fmt: skip


def test_tallies_of_reports_weeks_apart_do_not_chain_through_one_dated_by_when_it_was_said(make_doc):
    docs = [tallied(make_doc, text, day, own, f"Outlet {n}") for n, (day, own, text) in enumerate(LINES)]
    found = find(story_of(*docs))
    assert len(found) >= 2
    for event in found:
        days = [date.fromisoformat(m.date or "") for m in event.mentions]
        assert (max(days) - min(days)).days <= 3
    # The same first line without its figure tells a happening of its own day: an anchor, and all chain.
    happening = replace(docs[0], sentences=(replace(docs[0].sentences[0], quantities=()),))
    (chained,) = find(story_of(happening, *docs[1:]))
    assert len(chained.mentions) == len(LINES)


def _timed(make_doc, text: str, word: str, day: str) -> Document:
    """A report of ``day`` whose first sentence is dated to that day by its own ``word``."""
    doc = make_doc(text, day)
    s = doc.sentences[0]
    at = s.start + s.text.index(word)
    times = (TimeExpression(at, at + len(word), word, "DATE", day, day),)
    return annotate(doc, 0, ["Calder Bay"], times=times, event_date=day, event_date_fallback=False)


def test_a_line_dated_only_by_its_reports_today_tells_that_days_state_not_a_happening(make_doc):
    today = _timed(make_doc, "So today Calder Bay reports that the worst of the fever is over.", "today", "2024-05-03")
    friday = _timed(
        make_doc, "Calder Bay closed its harbour market on Friday to slow the fever.", "Friday", "2024-05-03"
    )
    assert dated_by_today(today.sentences[0], _first(today))
    assert not dated_by_today(friday.sentences[0], _first(friday))  # a day named: a happening others may retell
    # Dated by "today", the first line no longer lets the background of the weeks after chain onto it.
    later = [tallied(make_doc, text, day, own, f"Outlet {n}") for n, (day, own, text) in enumerate(LINES[1:], 1)]
    anchor = annotate(_timed(make_doc, LINES[0][2], "Wednesday", LINES[0][0]), 0, quantities=())
    (chained,) = find(story_of(anchor, *later))
    assert len(chained.mentions) == len(LINES)
    opener = "So today Calder Bay reports that the fever has sickened up to 40 people and spread to two towns nearby."
    found = find(story_of(_timed(make_doc, opener, "today", LINES[0][0]), *later))
    assert max(len(e.mentions) for e in found) < len(LINES)
