"""A happening's events joined across granularities (``corpus/happening_joins.py``), on our own sentences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st
from test_corpus_events import WordEncoder, annotate

from storyline.config import EventsConfig
from storyline.corpus import events as ev
from storyline.corpus.happening_joins import is_period, period_contains, told_deed
from storyline.records import Attribution, Document, Entity, Story

MakeDoc = Callable[..., Document]

DAY = "The Portmere bridge was destroyed early on Monday, cutting the coast road."
MONTH = "The bridge was destroyed earlier this month, cutting the coast road for weeks."


def find(*docs: Document, config: EventsConfig | None = None) -> tuple[ev.Event, ...]:
    story = Story(id="s", title="t", documents=docs)
    return ev.find_events(story, WordEncoder(), config or EventsConfig())


def plain(make_doc: MakeDoc, text: str, date: str, source: str, places: tuple[str, ...] = ()) -> Document:
    return annotate(make_doc(text, "2024-05-20", source), 0, places, event_date=date)


def said(doc: Document, index: int, who: str, content: str, status: str, names: dict[str, str]) -> Document:
    """Sentence ``index`` made ``who``'s claim or denial of ``content``, with the named entities ``names``."""
    s = doc.sentences[index]
    at = s.text.index(content)
    kind = "denial" if status == "denied" else "claim"
    att = Attribution((s.start, s.start + 1), (s.start + at, s.start + at + len(content)), None, who, kind)  # type: ignore[arg-type]
    ents = tuple(
        Entity(s.start + s.text.index(t), s.start + s.text.index(t) + len(t), t, lab) for t, lab in names.items()
    )
    new = replace(s, status=status, attributed_to=who, attributions=(att,), entities=ents)  # type: ignore[arg-type]
    return replace(doc, sentences=tuple(new if x.index == index else x for x in doc.sentences))


def by_size(events: tuple[ev.Event, ...]) -> list[int]:
    return sorted((len(e.mentions) for e in events), reverse=True)


# 1. A happening dated only to its month or week


def test_a_month_dated_telling_of_a_days_happening_joins_its_event(make_doc: MakeDoc) -> None:
    day = plain(make_doc, DAY, "2024-05-06", "Coast Wire", ("Portmere",))
    month = plain(make_doc, MONTH, "2024-05", "Bay Post")
    (event,) = find(day, month)
    assert event.date == "2024-05-06" and event.independent_sources == 2
    assert event.summary == DAY  # the sentence that gives the day stands for the event


def test_without_the_join_the_month_dated_telling_stays_apart(make_doc: MakeDoc) -> None:
    day = plain(make_doc, DAY, "2024-05-06", "Coast Wire", ("Portmere",))
    month = plain(make_doc, MONTH, "2024-05", "Bay Post")
    assert len(find(day, month, config=EventsConfig(coarse_join_cosine=1.0))) == 2  # the rule, not the clustering


def test_a_month_with_two_days_of_that_deed_joins_neither(make_doc: MakeDoc) -> None:
    first = plain(make_doc, DAY, "2024-05-06", "Coast Wire", ("Portmere",))
    second = plain(
        make_doc, DAY.replace("Portmere", "Kelby").replace("Monday", "Tuesday"), "2024-05-14", "Kelby Post", ("Kelby",)
    )
    month = plain(make_doc, MONTH, "2024-05", "Bay Post")
    assert by_size(find(first, second, month)) == [1, 1, 1]  # which bridge is not known


def test_a_month_dated_telling_of_another_deed_or_place_or_month_stays_apart(make_doc: MakeDoc) -> None:
    day = plain(make_doc, DAY, "2024-05-06", "Coast Wire", ("Portmere",))
    reopened = plain(make_doc, MONTH.replace("destroyed", "reopened"), "2024-05", "Bay Post")
    elsewhere = plain(make_doc, MONTH.replace("The bridge", "The Kelby bridge"), "2024-05", "Kelby Post", ("Kelby",))
    earlier = plain(make_doc, MONTH, "2024-04", "Hill Times")
    assert by_size(find(day, reopened)) == [1, 1]
    assert by_size(find(day, elsewhere)) == [1, 1]
    assert by_size(find(day, earlier)) == [1, 1]


def test_a_telling_dated_by_its_publication_is_not_a_coarse_date(make_doc: MakeDoc) -> None:
    day = plain(make_doc, DAY, "2024-05-06", "Coast Wire", ("Portmere",))
    text = "The bridge was destroyed, cutting the coast road to Ostmark for weeks."
    month = annotate(make_doc(text, "2024-05-20", "Bay Post"), 0, parties=("Ostmark",), event_date="2024-05-20")
    month = annotate(month, 0, event_date_fallback=True)
    assert by_size(find(day, month)) == [1, 1]


def test_the_deed_told_without_a_doer_is_read_whoever_speaks() -> None:
    assert told_deed("The bridge was destroyed earlier this week, and engineers quoted by papers doubt it.", []) == (
        "destroy",
        "bridge",
    )
    assert told_deed("Valdorian sappers destroyed the bridge last week.", ["Valdorian"]) is None  # a doer: a claim


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_a_day_lies_in_its_own_month_and_in_no_other(day: dt.date) -> None:
    iso = day.isoformat()
    assert period_contains(iso[:7], iso) and is_period(iso[:7])
    assert not period_contains((day + dt.timedelta(days=40)).isoformat()[:7], iso)
    assert not is_period(iso) and not is_period(iso[:4]) and not period_contains(iso[:4], iso)


# 2. Claims of who did it join the dispute over it


def _dispute(make_doc: MakeDoc) -> Document:
    doc = make_doc(
        "Ostmark said Valdorian sappers destroyed the bridge at Portmere on Monday. "
        "Valdoria denied that its sappers had destroyed the bridge at Portmere.",
        "2024-05-06",
        "Coast Wire",
    )
    doc = said(
        doc,
        0,
        "Ostmark",
        "Valdorian sappers destroyed the bridge at Portmere on Monday",
        "claimed",
        {"Ostmark": "GPE", "Valdorian": "NORP", "Portmere": "GPE"},
    )
    doc = said(
        doc,
        1,
        "Valdoria",
        "that its sappers had destroyed the bridge at Portmere",
        "denied",
        {"Valdoria": "GPE", "Portmere": "GPE"},
    )
    doc = annotate(doc, 0, event_date="2024-05-06")
    return annotate(doc, 1, event_date="2024-05-06", event_date_fallback=True)


def _later_claim(make_doc: MakeDoc, published: str, act: str = "destroyed the bridge") -> Document:
    text = f"The Ostmark defence ministry said that Valdorian sappers had {act} to slow the advance on Kelby."
    doc = make_doc(text, published, "Hill Times")
    content = text[text.index("that") : -1]
    doc = said(
        doc,
        0,
        "The Ostmark defence ministry",
        content,
        "claimed",
        {"Ostmark": "GPE", "Valdorian": "NORP", "Kelby": "GPE", **({"Lowe": "GPE"} if "Lowe" in act else {})},
    )
    return annotate(doc, 0, event_date=published, event_date_fallback=True)


def test_a_later_claim_of_who_did_it_joins_the_dispute_over_it(make_doc: MakeDoc) -> None:
    dispute, claim = _dispute(make_doc), _later_claim(make_doc, "2024-05-08")
    assert len(find(dispute, claim, config=EventsConfig(dispute_join_days=0))) == 2  # Kelby and Portmere: apart
    (event,) = find(dispute, claim)
    assert event.contested and event.date == "2024-05-06"  # the day of the happening, not of the report
    assert event.independent_sources == 2


def test_a_claim_naming_another_place_in_its_act_or_weeks_later_stays_apart(make_doc: MakeDoc) -> None:
    dispute = _dispute(make_doc)
    elsewhere = _later_claim(make_doc, "2024-05-08", "destroyed the bridge at Lowe")
    late = _later_claim(make_doc, "2024-05-30")
    assert len(find(dispute, elsewhere)) == 2
    assert len(find(dispute, late)) == 2


def test_the_plain_report_of_the_happening_does_not_join_the_dispute(make_doc: MakeDoc) -> None:
    dispute = _dispute(make_doc)
    happening = plain(
        make_doc, "The bridge was destroyed at dawn, and the coast road is shut to lorries.", "2024-05-06", "Bay Post"
    )
    assert by_size(find(dispute, happening)) == [2, 1]


def test_a_claim_of_who_did_it_and_the_plain_report_of_it_are_two_events(make_doc: MakeDoc) -> None:
    text = "Ostmark said Valdorian sappers destroyed the Portmere bridge early on Monday, cutting the coast road."
    claim = said(
        make_doc(text, "2024-05-06", "Coast Wire"),
        0,
        "Ostmark",
        text[text.index("Valdorian") : -1],
        "claimed",
        {"Ostmark": "GPE", "Valdorian": "NORP", "Portmere": "GPE"},
    )
    claim = annotate(claim, 0, event_date="2024-05-06")
    happening = plain(
        make_doc, "The Portmere bridge was destroyed early on Monday, cutting the coast road.", "2024-05-06", "Bay Post"
    )
    happening = annotate(happening, 0, ("Portmere",), status="reported")
    assert by_size(find(claim, happening)) == [1, 1]  # the same place, day and words (0.82)


def test_a_claim_of_what_caused_the_happening_joins_the_dispute_over_it(make_doc: MakeDoc) -> None:
    text = "According to state media, the collapse was caused by Valdorian shelling of the bridge's piers."
    cause = said(
        make_doc(text, "2024-05-08", "Hill Times"),
        0,
        "state media",
        text[text.index("the collapse") : -1],
        "claimed",
        {"Valdorian": "NORP"},
    )
    cause = annotate(cause, 0, event_date="2024-05-08", event_date_fallback=True)
    assert by_size(find(_dispute(make_doc), cause, config=EventsConfig(dispute_join_days=0))) == [2, 1]
    (event,) = find(_dispute(make_doc), cause)
    assert event.contested and event.date == "2024-05-06"
