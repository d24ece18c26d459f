"""How the story began in "what we know" (``storyline.corpus.origin_happening``): the origin and the turning
point, on small made-up stories of a fever outbreak in Calder Bay, May 2024."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from pydantic import ValidationError

from corpus.test_corpus_central_happening import TITLES, dated, event, story
from storyline.config import Config, SummaryConfig
from storyline.corpus import origin_happening as oh
from storyline.corpus import summary as sm
from storyline.corpus.central_happening import day_backers, named_day, own_dated, reporting_window
from storyline.corpus.subject_words import subject_words
from storyline.records import Derivation, Document, Event, Story, TimeExpression

MakeDoc = Callable[..., Document]

FIRST_CASES = "Doctors at the harbour clinic in Calder Bay identified the first fever cases on Tuesday."
EMERGENCY = "The regional health agency declared a fever emergency across Calder Bay on Wednesday."
SCHOOLS = "All schools in Calder Bay closed on Friday as the fever reached the old town."
MARKET = "Health officials shut the Calder Bay fish market on Monday to slow the fever."
RUMOUR = "A sailor said on Friday that the fever had reached the island ferry weeks ago."
BACKSTORY = "The last fever outbreak in Calder Bay, on May 2, 2019, killed 40 people and closed the port."


def told(make_doc: MakeDoc, line: str, when: str, outlets: int, first: int = 0) -> tuple[list[Document], Event]:
    """``outlets`` reports of one line, each from its own outlet under a fever headline, published on the
    day after ``when`` at the latest, and the event they date to ``when`` in their own words."""
    published = f"2024-05-{min(int(when[-2:]) + 1, 28):02d}" if when.startswith("2024-05") else "2024-05-15"
    docs = [
        naming(
            replace(make_doc(line + " " * i, published, f"Desk {first + i}"), title=TITLES[(first + i) % len(TITLES)]),
            when,
        )
        for i in range(outlets)
    ]
    return docs, event(f"{line[:12]}@{when}", when, *(dated(d, when) for d in docs))


def naming(doc: Document, when: str) -> Document:
    """The report with its first sentence naming ``when`` in its own words (as the time tagger reads "on
    Tuesday"), or only its month when ``when`` is a month."""
    first = doc.sentences[0]
    said = TimeExpression(0, 0, "on the day", "DATE", when, when)
    return replace(doc, sentences=(replace(first, times=(said,)), *doc.sentences[1:]))


def fever_story(make_doc: MakeDoc, *told_lines: tuple[str, str, int]) -> tuple[list[Event], list[Document]]:
    docs: list[Document] = []
    events: list[Event] = []
    for line, when, outlets in told_lines:
        more, one = told(make_doc, line, when, outlets, first=len(docs))
        docs += more
        events.append(one)
    return events, docs


def slots(make_doc: MakeDoc, *told_lines: tuple[str, str, int], **config: object) -> list[tuple[str | None, str]]:
    """(slot, date) of each "what we know" line of the story."""
    events, docs = fever_story(make_doc, *told_lines)
    chosen = sm.summarize_story(story(docs, events), SummaryConfig(**config))  # type: ignore[arg-type]
    return [(s.slot, s.date or "") for s in chosen]


def test_the_origin_is_the_earliest_backed_happening_not_a_later_bigger_one(make_doc: MakeDoc) -> None:
    lines = slots(
        make_doc,
        (FIRST_CASES, "2024-05-14", 2),
        (EMERGENCY, "2024-05-22", 4),
        (MARKET, "2024-05-27", 2),
    )
    assert lines == [("origin", "2024-05-14"), ("central", "2024-05-22"), (None, "2024-05-27")]


def test_without_the_origin_slot_recency_keeps_only_the_latest_lines(make_doc: MakeDoc) -> None:
    told_lines = [(FIRST_CASES, "2024-05-14", 2), (EMERGENCY, "2024-05-22", 4), (MARKET, "2024-05-27", 2)]
    assert slots(make_doc, *told_lines, max_sentences=2, origin=False) == [
        ("central", "2024-05-22"),
        (None, "2024-05-27"),
    ]
    assert slots(make_doc, *told_lines, max_sentences=2) == [("origin", "2024-05-14"), ("central", "2024-05-22")]


def test_a_past_incident_from_years_before_is_not_the_origin(make_doc: MakeDoc) -> None:
    told_lines = [(BACKSTORY, "2019-05-02", 4), (FIRST_CASES, "2024-05-14", 2), (EMERGENCY, "2024-05-22", 5)]
    assert [when for slot, when in slots(make_doc, *told_lines) if slot == "origin"] == ["2024-05-14"]
    for lead, gap in ((3000, 21), (7, 3000)):  # the window, and the run of coverage, each keep it out
        kept = slots(make_doc, *told_lines, origin_lead_days=lead, origin_gap_days=gap)
        assert [when for slot, when in kept if slot == "origin"] == ["2024-05-14"]
    wide = slots(make_doc, *told_lines, origin_lead_days=3000, origin_gap_days=3000)
    assert [when for slot, when in wide if slot == "origin"] == ["2019-05-02"]


def test_a_one_source_early_rumour_is_not_the_origin(make_doc: MakeDoc) -> None:
    told_lines = [(RUMOUR, "2024-05-10", 1), (FIRST_CASES, "2024-05-14", 2), (EMERGENCY, "2024-05-22", 4)]
    assert slots(make_doc, *told_lines, max_sentences=2) == [("origin", "2024-05-14"), ("central", "2024-05-22")]
    assert slots(make_doc, *told_lines, max_sentences=2, origin_min_sources=1) == [
        ("origin", "2024-05-10"),
        ("central", "2024-05-22"),
    ]


def test_the_turning_point_is_the_most_backed_happening_between_origin_and_central(make_doc: MakeDoc) -> None:
    lines = slots(
        make_doc,
        (FIRST_CASES, "2024-05-14", 2),
        (SCHOOLS, "2024-05-17", 3),
        (MARKET, "2024-05-20", 2),
        (EMERGENCY, "2024-05-22", 4),
    )
    assert lines[:3] == [("origin", "2024-05-14"), ("escalation", "2024-05-17"), (None, "2024-05-20")]
    assert lines[3] == ("central", "2024-05-22")


def test_a_turning_point_needs_its_own_threshold_of_sources(make_doc: MakeDoc) -> None:
    told_lines = [(FIRST_CASES, "2024-05-14", 2), (SCHOOLS, "2024-05-17", 2), (EMERGENCY, "2024-05-22", 4)]
    assert "escalation" not in [slot for slot, _ in slots(make_doc, *told_lines)]
    assert ("escalation", "2024-05-17") in slots(make_doc, *told_lines, escalation_min_sources=2)


def test_of_two_early_days_the_better_backed_happening_begins_the_story(make_doc: MakeDoc) -> None:
    events, _ = fever_story(
        make_doc,
        (FIRST_CASES, "2024-05-14", 2),
        (SCHOOLS, "2024-05-15", 3),
        (MARKET, "2024-05-19", 4),
        (EMERGENCY, "2024-05-22", 5),
    )
    backers = {e.id: e.independent_sources for e in events}
    central = events[-1]
    assert oh.origin_events(events, backers, central, 2, 2) == [events[1], events[0]]  # within two days of 05-14
    assert oh.origin_events(events, backers, central, 2, 0) == [events[0]]
    assert oh.escalation_events(events, backers, events[0], central, 3) == [events[2], events[1]]


def test_a_report_weeks_before_the_rest_of_the_coverage_is_not_the_origin(make_doc: MakeDoc) -> None:
    lesson = "Doctors in Calder Bay warned on Tuesday that last winter's fever strain now resists the usual drug."
    told_lines = [(lesson, "2024-04-02", 2), (FIRST_CASES, "2024-05-14", 2), (EMERGENCY, "2024-05-22", 4)]
    events, _ = fever_story(make_doc, *told_lines)
    backers = {e.id: e.independent_sources for e in events}
    assert oh.origin_events(events, backers, events[2], 2, 2, gap_days=21) == [events[1]]
    assert oh.origin_events(events, backers, events[2], 2, 2, gap_days=60) == [events[0]]
    assert oh.origin_events(events, backers, events[2], 2, 2) == [events[0]]  # without a run of coverage


def test_the_origin_is_told_by_a_line_dated_in_its_own_words(make_doc: MakeDoc) -> None:
    events, docs = fever_story(make_doc, (FIRST_CASES, "2024-05-14", 2), (EMERGENCY, "2024-05-22", 4))
    line = "Doctors at the harbour clinic identified the first fever cases in Calder Bay."
    later = replace(make_doc(line, "2024-05-23", "Desk 9"), title=TITLES[0])  # dated only by its report
    own = events[0].mentions
    first = replace(events[0], summary=line, mentions=(dated(later, "2024-05-23", fallback=True), *own))
    chosen = sm.summarize_story(story([*docs, later], [first, events[1]]), SummaryConfig(max_sentences=2))
    assert chosen[0].slot == "origin" and chosen[0].document != later.id


def test_a_source_that_names_only_the_month_does_not_back_an_origins_day(make_doc: MakeDoc) -> None:
    events, docs = fever_story(make_doc, (FIRST_CASES, "2024-05-14", 2), (EMERGENCY, "2024-05-22", 4))
    first, second = events[0].mentions
    vague = replace(events[0], mentions=(first, replace(second, date="2024-05")))  # "earlier this month"
    chosen = sm.summarize_story(story(docs, [vague, events[1]]), SummaryConfig(max_sentences=2))
    assert "origin" not in [s.slot for s in chosen]
    assert "origin" in [s.slot for s in sm.summarize_story(story(docs, events), SummaryConfig(max_sentences=2))]


def test_a_central_happening_that_comes_first_is_its_own_origin(make_doc: MakeDoc) -> None:
    lines = slots(make_doc, (EMERGENCY, "2024-05-14", 4), (FIRST_CASES, "2024-05-20", 2), (MARKET, "2024-05-27", 2))
    assert [slot for slot, _ in lines] == ["central", None, None]


def test_the_origin_is_a_named_day_not_a_month(make_doc: MakeDoc) -> None:
    events, _ = fever_story(make_doc, (FIRST_CASES, "2024-05", 3), (EMERGENCY, "2024-05-22", 4))
    backers = {e.id: e.independent_sources for e in events}
    assert oh.origin_events(events, backers, events[1], 2, 2) == []


def test_origin_settings_are_validated() -> None:
    assert Config.model_validate({"summary": {"origin_min_sources": 3}}).summary.origin_min_sources == 3
    with pytest.raises(ValidationError):
        Config.model_validate({"summary": {"origin_sources": 3}})
    with pytest.raises(ValidationError):
        Config.model_validate({"summary": {"origin_min_sources": 0}})


def test_a_happening_split_into_one_source_events_on_the_first_day_is_still_the_origin(make_doc: MakeDoc) -> None:
    flood = "The river burst its banks in Calder Bay on Tuesday and flooded the harbour clinic."
    events, docs = fever_story(
        make_doc, (FIRST_CASES, "2024-05-14", 1), (flood, "2024-05-14", 1), (EMERGENCY, "2024-05-22", 4)
    )
    backers = {e.id: e.independent_sources for e in events}
    whole = story(docs, events)
    days = oh_days(whole)
    assert days[date(2024, 5, 14)] == 2  # two outlets, one event each
    assert oh.origin_events(events, backers, events[2], 2, 2, days=days) == [events[0], events[1]]
    assert oh.origin_events(events, backers, events[2], 2, 2) == []  # no one event has two backers
    chosen = sm.summarize_story(whole, SummaryConfig(max_sentences=2))
    assert [(s.slot, s.date) for s in chosen] == [("origin", "2024-05-14"), ("central", "2024-05-22")]


def test_two_lines_of_one_origin_report_on_an_early_day_do_not_make_it_the_origin(make_doc: MakeDoc) -> None:
    events, docs = fever_story(make_doc, (FIRST_CASES, "2024-05-14", 1), (EMERGENCY, "2024-05-22", 4))
    wire = docs[0]
    copy = naming(replace(make_doc(FIRST_CASES + " ", "2024-05-15", "Desk 7"), title=TITLES[1]), "2024-05-14")
    ferry = "The island ferry stopped sailing from Calder Bay on Tuesday as the fever spread."
    own_ferry = naming(replace(make_doc(ferry, "2024-05-15", wire.source or "Desk 0"), title=TITLES[2]), "2024-05-14")
    split = [
        events[0],
        event("copy@14", "2024-05-14", dated(copy, "2024-05-14")),  # a copy of the wire report
        event("ferry@14", "2024-05-14", dated(own_ferry, "2024-05-14")),  # another line of the same outlet
        events[1],
    ]
    copied = Story(
        id="s",
        title="t",
        documents=(*docs, copy, own_ferry),
        events=tuple(split),
        derivations=(Derivation(copy.id, wire.id, "duplicate", 1.0, (), ()),),
    )
    assert oh_days(copied)[date(2024, 5, 14)] == 1
    chosen = sm.summarize_story(copied, SummaryConfig(max_sentences=2))
    assert "origin" not in [s.slot for s in chosen]
    apart = replace(copied, derivations=())  # told apart, the copy is a second outlet's own words
    assert "origin" in [s.slot for s in sm.summarize_story(apart, SummaryConfig(max_sentences=2))]


def oh_days(whole: Story) -> dict[date, int]:
    """The story's day backers within the default origin window."""
    documents = whole.documents
    config = SummaryConfig()
    subject = subject_words(documents)
    window = reporting_window(documents, config.origin_lead_days)
    return day_backers(whole, named_day(whole, own_dated(whole, subject, window, to_the_day=True)))


def test_a_day_counted_back_two_weeks_ago_backs_no_origin_day(make_doc: MakeDoc) -> None:
    events, docs = fever_story(make_doc, (FIRST_CASES, "2024-05-14", 2), (EMERGENCY, "2024-05-22", 4))
    back = TimeExpression(0, 0, "two weeks ago", "DATE", "2024-05-14", "2024-05-14")
    counted = [replace(d, sentences=(replace(d.sentences[0], times=(back,)),)) if d in docs[:2] else d for d in docs]
    assert oh_days(story(counted, events)).get(date(2024, 5, 14), 0) == 0
    assert oh_days(story(docs, events))[date(2024, 5, 14)] == 2
    chosen = sm.summarize_story(story(counted, events), SummaryConfig(max_sentences=2))
    assert "origin" not in [s.slot for s in chosen]


def test_a_next_day_happening_begins_the_story_only_when_better_backed_than_the_whole_first_day(
    make_doc: MakeDoc,
) -> None:
    flood = "The river burst its banks in Calder Bay on Tuesday and flooded the harbour clinic."
    for outlets, first in ((2, FIRST_CASES), (3, SCHOOLS)):
        events, docs = fever_story(
            make_doc,
            (FIRST_CASES, "2024-05-14", 1),
            (flood, "2024-05-14", 1),
            (SCHOOLS, "2024-05-15", outlets),  # a response, told by more reports than any one line of 05-14
            (EMERGENCY, "2024-05-22", 5),
        )
        chosen = sm.summarize_story(story(docs, events), SummaryConfig(max_sentences=2))
        assert chosen[0].slot == "origin" and chosen[0].text.startswith(first[:20])


def said_at(doc: Document, words: str, when: str) -> Document:
    """The report with its first sentence naming ``when`` by ``words``, at their place in its text, as the time
    tagger keeps a time expression (offsets into the report's text)."""
    first = doc.sentences[0]
    at = first.start + first.text.index(words)
    said = TimeExpression(at, at + len(words), words, "DATE", when, when)
    return replace(doc, sentences=(replace(first, times=(said,)), *doc.sentences[1:]))


@pytest.mark.parametrize(
    ("line", "words", "backs"),
    [
        ("Nurses in Calder Bay took fever samples on May 14-20 at the harbour clinic.", "May 14", False),
        ("Nurses in Calder Bay took fever samples between May 14 and 20 at the harbour clinic.", "May 14", False),
        ("No fever case was seen in Calder Bay before the evening of May 14, the clinic said.", "May 14", False),
        ("Nurses in Calder Bay took fever samples on May 14 at the harbour clinic.", "May 14", True),
    ],
)
def test_a_range_of_days_backs_no_origin_day(make_doc: MakeDoc, line: str, words: str, backs: bool) -> None:
    events, docs = fever_story(make_doc, (FIRST_CASES, "2024-05-14", 1), (EMERGENCY, "2024-05-22", 4))
    samples = said_at(replace(make_doc(line, "2024-05-21", "Desk 8"), title=TITLES[1]), words, "2024-05-14")
    taken = event("samples@14", "2024-05-14", dated(samples, "2024-05-14"))
    whole = story([*docs, samples], [events[0], taken, events[1]])
    assert oh_days(whole)[date(2024, 5, 14)] == (2 if backs else 1)
    chosen = sm.summarize_story(whole, SummaryConfig(max_sentences=2))
    assert ("origin" in [s.slot for s in chosen]) is backs


FERRY = "The island ferry stopped sailing from Calder Bay on Friday as the fever spread."
MAYOR = "The mayor of Calder Bay banned public gatherings on Friday to slow the fever."


def test_a_turning_point_split_into_one_source_events_is_backed_by_its_whole_day(make_doc: MakeDoc) -> None:
    told_lines = [
        (FIRST_CASES, "2024-05-14", 2),
        (SCHOOLS, "2024-05-17", 1),
        (FERRY, "2024-05-17", 1),
        (MAYOR, "2024-05-17", 1),
        (EMERGENCY, "2024-05-22", 5),
    ]
    assert ("escalation", "2024-05-17") in slots(make_doc, *told_lines)  # three outlets, one event each
    assert "escalation" not in [slot for slot, _ in slots(make_doc, *told_lines, escalation_min_sources=4)]
    events, _ = fever_story(make_doc, *told_lines)
    one_each = {e.id: 1 for e in events}
    assert oh.escalation_events(events, one_each, events[0], events[-1], 3) == []  # no one event has three
    days = {date(2024, 5, 14): 2, date(2024, 5, 17): 3, date(2024, 5, 22): 5}
    assert oh.escalation_events(events, one_each, events[0], events[-1], 3, days) == events[1:4]


def test_a_busy_day_admits_its_happenings_but_the_best_backed_happening_turns_the_story(make_doc: MakeDoc) -> None:
    events, _ = fever_story(
        make_doc,
        (FIRST_CASES, "2024-05-14", 2),
        (FERRY, "2024-05-17", 1),
        (MAYOR, "2024-05-17", 1),
        (SCHOOLS, "2024-05-19", 3),
        (EMERGENCY, "2024-05-22", 5),
    )
    backers = {e.id: e.independent_sources for e in events}
    days = {date(2024, 5, 14): 2, date(2024, 5, 17): 4, date(2024, 5, 19): 3, date(2024, 5, 22): 5}  # 05-17: four lines
    assert oh.escalation_events(events, backers, events[0], events[-1], 3, days) == [events[3], events[1], events[2]]
