"""Dating "on the day it failed" by the day other reports give the happening (``corpus.happening_days``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import pytest

from storyline.config import Config, HappeningDaysConfig
from storyline.corpus import happening_days as hd
from storyline.corpus.event_mentions import to_mention
from storyline.doc.time import tag_document
from storyline.records import Document, Event, Story

MakeDoc = Callable[..., Document]
CONFIG = HappeningDaysConfig()
_STOP = {"the", "and", "said", "that", "its", "their", "about", "near", "into", "from", "was", "were", "had"}


class WordEncoder:
    """Binary bag of content words: sentences sharing words are close. No model."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        bags = [{w for w in re.findall(r"[a-z0-9]+", t.lower()) if len(w) > 2 and w not in _STOP} for t in texts]
        vocab = {w: i for i, w in enumerate(sorted(set().union(*bags)))}
        matrix = np.zeros((len(texts), max(len(vocab), 1)), dtype=np.float32)
        for row, bag in enumerate(bags):
            for w in bag:
                matrix[row, vocab[w]] = 1.0
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1.0, norms)


SENSORS = "Geologists said their sensors recorded a tremor under the old bridge at 4 a.m. on the day it collapsed."


def report(make_doc: MakeDoc, text: str, published: str, source: str) -> Document:
    return tag_document(make_doc(text, published, source))


def one_event_each(docs: Sequence[Document]) -> Story:
    """Each report's first sentence is an event of its own."""
    events = []
    for i, doc in enumerate(docs):
        m = to_mention(doc, doc.sentences[0])
        events.append(Event(f"e{i}", m.date, m.text, (m,), 1, False))
    return Story(id="s", title="t", documents=tuple(docs), events=tuple(events))


def dated(story: Story, config: HappeningDaysConfig = CONFIG) -> dict[str, Event]:
    return {e.id: e for e in hd.date_happenings(story, WordEncoder(), config).events}


def test_the_day_a_happening_took_place_is_the_day_another_report_gives_it(make_doc: MakeDoc) -> None:
    fall = report(make_doc, "The old bridge over the Alder collapsed into the river on Monday.", "2024-03-06", "A")
    sensors = report(make_doc, SENSORS, "2024-03-08", "B")
    assert sensors.sentences[0].event_date_fallback  # the time stage cannot tell which day
    events = dated(one_event_each([fall, sensors]))
    (m,) = events["e1"].mentions
    assert (m.date, m.date_fallback, m.date_from_event) == ("2024-03-04", False, "e0")
    assert events["e1"].date == "2024-03-04"


def test_a_report_that_names_no_related_happening_lends_no_day(make_doc: MakeDoc) -> None:
    vote = report(make_doc, "The town council of Millbrook approved a new school budget on Monday.", "2024-03-06", "A")
    sensors = report(make_doc, SENSORS, "2024-03-08", "B")
    (m,) = dated(one_event_each([vote, sensors]))["e1"].mentions
    assert (m.date, m.date_fallback, m.date_from_event) == ("2024-03-08", True, None)


def test_two_days_told_for_the_happening_leave_the_fallback(make_doc: MakeDoc) -> None:
    monday = report(make_doc, "The old bridge over the Alder collapsed into the river on Monday.", "2024-03-06", "A")
    tuesday = report(make_doc, "The old bridge over the Alder collapsed into the river on Tuesday.", "2024-03-07", "C")
    sensors = report(make_doc, SENSORS, "2024-03-08", "B")
    (m,) = dated(one_event_each([monday, tuesday, sensors]))["e2"].mentions
    assert (m.date_fallback, m.date_from_event) == (True, None)


def test_a_happening_dated_after_the_report_is_not_its_day(make_doc: MakeDoc) -> None:
    later = report(make_doc, "The old bridge over the Alder collapsed into the river on Monday.", "2024-03-13", "A")
    sensors = report(make_doc, SENSORS, "2024-03-08", "B")
    (m,) = dated(one_event_each([later, sensors]))["e1"].mentions
    assert m.date_from_event is None


def test_a_sentence_with_a_date_of_its_own_keeps_it(make_doc: MakeDoc) -> None:
    fall = report(make_doc, "The old bridge over the Alder collapsed into the river on Monday.", "2024-03-06", "A")
    own = report(
        make_doc, "On Friday geologists found cracks in the old bridge's pier, the day it collapsed.", "2024-03-09", "B"
    )
    (m,) = dated(one_event_each([fall, own]))["e1"].mentions
    assert (m.date, m.date_from_event) == ("2024-03-08", None)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Sensors near the dam recorded a blast on the day it failed.", "the dam failed"),
        ("Turnout was high on the day that the new mayor was elected.", "the new mayor was elected"),
        ("Shops stayed shut in the Old Town on the day when the strike began, she said.", "the strike began"),
        ("The pier of the Kessel Bridge cracked on the day it closed.", "the Kessel Bridge closed"),
    ],
)
def test_the_clause_of_the_day_names_the_happening_and_its_pronoun_the_thing_before(text: str, clause: str) -> None:
    start = text.index("the day")
    assert hd.the_day_clause(text, start, start + len("the day")) == clause


def test_the_day_without_a_clause_names_no_happening() -> None:
    text = "Crowds gathered in the square for the day."
    start = text.index("the day")
    assert hd.the_day_clause(text, start, start + len("the day")) is None


def test_the_stage_runs_after_events_and_can_be_turned_off(make_doc: MakeDoc) -> None:
    fall = report(make_doc, "The old bridge over the Alder collapsed into the river on Monday.", "2024-03-06", "A")
    story = one_event_each([fall, report(make_doc, SENSORS, "2024-03-08", "B")])
    stage = hd.build(Config(), encoder=WordEncoder())
    assert stage.requires == ("events",) and stage.provides == ("happening_days",)
    off = hd.build(Config(happening_days=HappeningDaysConfig(enabled=False)), encoder=WordEncoder())
    assert off(story) is story
    assert replace(story, events=()) == stage(replace(story, events=()))


def test_the_day_is_linked_to_the_plain_report_of_the_happening_before_a_closer_claim(make_doc: MakeDoc) -> None:
    claim = report(make_doc, "The old bridge collapsed on Monday, the mayor claimed.", "2024-03-06", "A")
    plain = report(make_doc, "Rescuers said the old bridge collapsed into the river on Monday.", "2024-03-06", "C")
    story = one_event_each([claim, plain, report(make_doc, SENSORS, "2024-03-08", "B")])
    claimed = replace(story.events[0], mentions=(replace(story.events[0].mentions[0], status="claimed"),))
    (m,) = dated(replace(story, events=(claimed, *story.events[1:])))["e2"].mentions
    assert (m.date, m.date_from_event) == ("2024-03-04", "e1")
