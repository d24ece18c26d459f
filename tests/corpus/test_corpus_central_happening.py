"""The central happening and the asides of "what we know" (``storyline.corpus.central_happening``), on small
made-up stories of a fever outbreak in Calder Bay, May 2024."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from storyline.config import SummaryConfig
from storyline.corpus import central_happening as ch
from storyline.corpus import summary as sm
from storyline.records import Document, Event, Mention, Story

MakeDoc = Callable[..., Document]

TITLES = (
    "Calder Bay fever spreads to two more towns",
    "Fever cases climb in Calder Bay",
    "Calder Bay fever: clinics fill up",
    "Fever slows in Calder Bay as schools reopen",
)


def fever_reports(make_doc: MakeDoc, *lines: str) -> list[Document]:
    """One report per line, from different outlets, each headed by a headline on the fever."""
    return [
        replace(make_doc(line, f"2024-05-2{i}", f"Desk {i}"), title=TITLES[i % len(TITLES)])
        for i, line in enumerate(lines)
    ]


def dated(doc: Document, when: str, fallback: bool = False) -> Mention:
    return Mention(doc.id, 0, doc.sentences[0].text, "reported", None, when, fallback)


def event(eid: str, when: str, *mentions: Mention) -> Event:
    return Event(eid, when, mentions[0].text, tuple(mentions), len({m.document for m in mentions}), False)


def story(docs: list[Document], events: list[Event]) -> Story:
    return Story(id="s", title="t", documents=tuple(docs), events=tuple(events))


CLOSING = "Health officials in Calder Bay closed the harbour market on Monday to slow the fever."
BACKSTORY = "The last fever outbreak in Calder Bay, in 1987, killed 40 people and closed the port."


def test_a_backstory_many_reports_recall_is_never_the_central_happening(make_doc: MakeDoc) -> None:
    backstory = fever_reports(make_doc, *(BACKSTORY + " " * i for i in range(4)))
    closing = fever_reports(make_doc, CLOSING, CLOSING + " ")
    events = [
        event("1987", "1987", *(dated(d, "1987") for d in backstory)),
        event("closing", "2024-05-20", *(dated(d, "2024-05-20") for d in closing)),
    ]
    whole = story([*backstory, *closing], events)
    backers = ch.subject_backers(whole, sm.subject_words(whole.documents), ch.reporting_window(whole.documents, 7))
    assert backers == {"1987": 0, "closing": 2}
    assert sm.central_event(events, dated=backers) is events[1]
    assert sm.central_event(events) is events[0]  # counting every source, the backstory would be central
    (first,) = sm.summarize_story(whole, SummaryConfig(max_sentences=1))
    assert first.event == "closing"


@pytest.mark.parametrize(
    ("side", "headline"),
    [
        (
            "The county council passed a road and harbour wall budget on Friday after a long debate.",
            "Council passes budget",
        ),
        ("The Harbour Rovers won the county cup final on Friday before a crowd of 30,000.", "Rovers lift the cup"),
    ],
)
def test_a_side_story_more_outlets_date_neither_becomes_central_nor_leads(
    make_doc: MakeDoc, side: str, headline: str
) -> None:
    closing = fever_reports(make_doc, CLOSING, CLOSING + " ")
    testing = "Clinics in Calder Bay began testing every child for the fever on Wednesday."
    tests = [replace(make_doc(testing + " " * i, "2024-05-22", f"Desk {7 + i}"), title=TITLES[i]) for i in range(2)]
    more = fever_reports(
        make_doc,
        *(f"Schools in Calder Bay stayed open for the {n} week." for n in ("first", "second", "third", "fourth")),
    )
    sides = [replace(make_doc(side + " " * i, "2024-05-25", f"Sports desk {i}"), title=headline) for i in range(3)]
    aside = make_doc("The budget passed on Friday also holds a small sum for fever clinics.", "2024-05-25", "Desk 9")
    events = [
        event("closing", "2024-05-20", *(dated(d, "2024-05-20") for d in closing)),
        event("testing", "2024-05-22", *(dated(d, "2024-05-22") for d in tests)),
        event("side", "2024-05-24", *(dated(d, "2024-05-24") for d in sides), dated(aside, "2024-05-25", True)),
    ]
    whole = story([*closing, *tests, *more, *sides, aside], events)
    assert sm.central_event(events) is events[2]  # by its outlets alone, the side story would be central
    chosen = sm.summarize_story(whole, SummaryConfig(max_sentences=2))
    assert [s.event for s in chosen] == ["closing", "testing"]  # the side story is the latest and most told
    roomy = sm.summarize_story(whole, SummaryConfig(max_sentences=3))
    assert [s.event for s in roomy] == ["closing", "testing", "side"]  # it fills room no fever event needs


def test_a_source_tells_the_subject_by_its_words_or_by_its_reports_headline(make_doc: MakeDoc) -> None:
    plain = "Health officials closed the harbour market on Monday."
    on_subject = fever_reports(make_doc, plain)[0]  # the headline names the fever, the sentence does not
    elsewhere = replace(make_doc(plain, "2024-05-20", "Other"), title="Harbour news")
    subject = frozenset({"fever"})
    documents = {d.id: d for d in (on_subject, elsewhere)}
    assert ch.tells_subject(dated(on_subject, "2024-05-20"), documents, subject)
    assert not ch.tells_subject(dated(elsewhere, "2024-05-20"), documents, subject)
    assert ch.tells_subject(dated(elsewhere, "2024-05-20"), documents, frozenset())  # no subject read: all do


def test_the_happening_may_come_a_few_days_before_the_first_report(make_doc: MakeDoc) -> None:
    window = ch.reporting_window(fever_reports(make_doc, CLOSING, CLOSING + " "), 7)
    assert window == (date(2024, 5, 13), date(2024, 5, 21))
    assert ch.in_window("2024-05-15", window)
    assert ch.in_window("2024-05", window)  # a month that overlaps the window
    assert not ch.in_window("2024-05-01", window)
    assert not ch.in_window("1987", window)
    assert not ch.in_window(None, window)
    assert ch.in_window("2024-05-15", None)  # no dated report: no window to be outside of


DECLARED = (
    "The regional health board declared a fever epidemic on Sunday and told clinics to prepare for a long season."
)
DECLARED_AGAIN = (
    "The Regional Health Board (RHB) declared a fever epidemic on Sunday, telling clinics to prepare for a long season."
)


def desk_reports(make_doc: MakeDoc, desk: int, *lines: str) -> list[Document]:
    """One report per line, headed on the fever, from outlets numbered from ``desk``."""
    return [
        replace(make_doc(line, "2024-05-20", f"Desk {desk + i}"), title=TITLES[i % len(TITLES)])
        for i, line in enumerate(lines)
    ]


def test_one_happening_the_events_stage_split_counts_the_sources_of_its_parts(make_doc: MakeDoc) -> None:
    told = desk_reports(make_doc, 0, DECLARED, "Late on Sunday: " + DECLARED)
    told_again = desk_reports(make_doc, 2, DECLARED_AGAIN, "Update: " + DECLARED_AGAIN)
    closing = desk_reports(make_doc, 4, CLOSING, "Update: " + CLOSING, "Late on Monday: " + CLOSING)
    events = [
        event("closing", "2024-05-20", *(dated(d, "2024-05-20") for d in closing)),
        event("declared", "2024-05-19", *(dated(d, "2024-05-19") for d in told)),
        event("declared again", "2024-05-19", *(dated(d, "2024-05-19") for d in told_again)),
    ]
    whole = story([*closing, *told, *told_again], events)
    window = ch.reporting_window(whole.documents, 7)
    subject = sm.subject_words(whole.documents)
    apart = ch.subject_backers(whole, subject, window)
    assert apart == {"closing": 3, "declared": 2, "declared again": 2}
    assert sm.central_event(events, dated=apart) is events[0]  # split, the declaration loses to the closing
    together = ch.subject_backers(whole, subject, window, share=0.7)
    assert together == {"closing": 3, "declared": 4, "declared again": 2}
    assert sm.central_event(events, dated=together) is events[1]
    (first,) = sm.summarize_story(whole, SummaryConfig(max_sentences=1))
    assert first.event == "declared"


@pytest.mark.parametrize(
    ("other", "when"),
    [
        ("Clinics in Calder Bay opened a fever ward on Sunday for children under five years old.", "2024-05-19"),
        (DECLARED_AGAIN, "2024-05"),  # a month holds too many happenings to join two
        (DECLARED_AGAIN, "2024"),
    ],
)
def test_events_that_tell_different_things_or_only_share_a_month_count_apart(
    make_doc: MakeDoc, other: str, when: str
) -> None:
    told = desk_reports(make_doc, 0, DECLARED, "Late on Sunday: " + DECLARED)
    others = desk_reports(make_doc, 2, other, "Update: " + other)
    if when != "2024-05-19":  # a line dated by its month or year names no day
        others = [
            replace(d, sentences=tuple(replace(x, text=x.text.replace(" on Sunday", "")) for x in d.sentences))
            for d in others
        ]
    events = [
        event("declared", "2024-05-19", *(dated(d, "2024-05-19") for d in told)),
        event("other", when, *(dated(d, when) for d in others)),
    ]
    whole = story([*told, *others], events)
    subject = sm.subject_words(whole.documents)
    backers = ch.subject_backers(whole, subject, ch.reporting_window(whole.documents, 7), share=0.7)
    assert backers == {"declared": 2, "other": 2}
    assert sm.central_event(events, dated=backers) is None  # a tie: no central happening


def test_a_speakers_name_does_not_join_two_things_said_the_same_day(make_doc: MakeDoc) -> None:
    roads = "Mayor Dana Holloway Roe said on Sunday that the coast road would reopen to lorries."
    beds = "Mayor Dana Holloway Roe said on Sunday that the clinic had forty spare beds."
    first, second = (
        desk_reports(make_doc, 0, roads, "Update: " + roads),
        desk_reports(make_doc, 2, beds, "Late: " + beds),
    )
    mentions = [
        [replace(dated(d, "2024-05-19"), attributed_to="Mayor Dana Holloway Roe") for d in docs]
        for docs in (first, second)
    ]
    events = [event("roads", "2024-05-19", *mentions[0]), event("beds", "2024-05-19", *mentions[1])]
    own = {e.id: list(e.mentions) for e in events}
    assert ch.told_together(events, own, frozenset({"fever"}), 0.7) == []
