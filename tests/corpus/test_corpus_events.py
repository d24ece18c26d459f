from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from storyline.config import Config, EventsConfig
from storyline.corpus import events as ev
from storyline.pipeline import run_story
from storyline.records import Derivation, Document, Entity, Quantity, Sentence, Story

_STOP = {"that", "this", "with", "from", "have", "said", "their", "which", "were", "been", "its", "had"}


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


def annotate(
    doc: Document, index: int, places: Sequence[str] = (), parties: Sequence[str] = (), **fields: object
) -> Document:
    """Fill one sentence's fields by hand; ``places`` (GPE) and ``parties`` (NORP) are found in its text."""
    s = doc.sentences[index]
    named = [(p, "GPE") for p in places] + [(p, "NORP") for p in parties]
    ents = tuple(Entity(s.start + s.text.index(t), s.start + s.text.index(t) + len(t), t, lab) for t, lab in named)
    new = replace(s, entities=s.entities + ents, **fields)  # type: ignore[arg-type]
    return replace(doc, sentences=tuple(new if x.index == index else x for x in doc.sentences))


def story_of(*docs: Document, derivations: Sequence[Derivation] = ()) -> Story:
    return Story(id="s", title="t", documents=docs, derivations=tuple(derivations))


def find(story: Story) -> tuple[ev.Event, ...]:
    return ev.find_events(story, WordEncoder(), EventsConfig())


def test_two_villages_taken_on_different_days_stay_two_events(make_doc):
    a = make_doc("Ukrainian forces retook the village of Hrakove on September 8, the army said.", source="A")
    b = make_doc("Ukrainian forces retook the village of Verbivka on September 9, the army said.", source="B")
    a = annotate(a, 0, ["Hrakove"], ["Ukrainian"], event_date="2022-09-08")
    b = annotate(b, 0, ["Verbivka"], ["Ukrainian"], event_date="2022-09-09")
    assert len(find(story_of(a, b))) == 2


def test_two_villages_taken_on_the_same_day_stay_two_events(make_doc):
    a = make_doc("Ukrainian forces retook the village of Hrakove on September 8, the army said.", source="A")
    b = make_doc("Ukrainian forces retook the village of Verbivka on September 8, the army said.", source="B")
    a = annotate(a, 0, ["Hrakove"], ["Ukrainian"], event_date="2022-09-08")
    b = annotate(b, 0, ["Verbivka"], ["Ukrainian"], event_date="2022-09-08")
    assert len(find(story_of(a, b))) == 2


def test_same_place_on_different_explicit_dates_is_two_events(make_doc):
    a = make_doc("Ukrainian forces shelled the bridge at Kupiansk on September 8, officials said.", source="A")
    b = make_doc("Ukrainian forces shelled the bridge at Kupiansk on September 11, officials said.", source="B")
    a = annotate(a, 0, ["Kupiansk"], event_date="2022-09-08")
    b = annotate(b, 0, ["Kupiansk"], event_date="2022-09-11")
    assert len(find(story_of(a, b))) == 2


def test_same_happening_in_two_outlets_is_one_event_with_the_finer_date(make_doc):
    a = make_doc("Ukrainian troops retook the city of Izium on September 10, the army said.", source="A")
    b = make_doc("Ukrainian troops retook the city of Izium in September after a long push.", source="B")
    a = annotate(a, 0, ["Izium"], event_date="2022-09-10")
    b = annotate(b, 0, ["Izium"], event_date="2022-09")
    (event,) = find(story_of(a, b))
    assert event.date == "2022-09-10"
    assert event.independent_sources == 2


def test_claim_and_its_denial_are_one_contested_event(make_doc):
    a = make_doc("Ukraine said its troops had retaken Izium on September 10.", source="Kyiv Wire")
    b = make_doc("Russia denied that its troops had retaken Izium.", source="Moscow Daily")
    a = annotate(a, 0, ["Izium"], event_date="2022-09-10", status="claimed", attributed_to="Ukraine")
    b = annotate(
        b,
        0,
        ["Izium"],
        event_date="2022-09-11",
        event_date_fallback=True,
        status="denied",
        attributed_to="Russia",
    )
    (event,) = find(story_of(a, b))
    assert event.contested
    assert {m.status for m in event.mentions} == {"claimed", "denied"}
    assert event.date == "2022-09-10"


def test_uncontested_event_is_not_contested(make_doc):
    a = make_doc("Ukraine said its troops had retaken Izium on September 10.", source="A")
    a = annotate(a, 0, ["Izium"], event_date="2022-09-10", status="claimed")
    (event,) = find(story_of(a))
    assert not event.contested


def test_a_copy_is_not_an_independent_source(make_doc):
    text = "Ukrainian troops retook the city of Izium on September 10, the army said."
    origin = annotate(make_doc(text, source="Wire"), 0, ["Izium"], event_date="2022-09-10")
    copy = annotate(make_doc(text, source="Daily Copy"), 0, ["Izium"], event_date="2022-09-10")
    other = make_doc("Ukrainian troops retook Izium on September 10 after days of fighting.", source="Other")
    other = annotate(other, 0, ["Izium"], event_date="2022-09-10")
    derived = Derivation(copy.id, origin.id, "duplicate", 1.0, (), ())
    (event,) = find(story_of(origin, copy, other, derivations=[derived]))
    assert len(event.mentions) == 3
    assert event.independent_sources == 2


def test_summary_comes_from_the_independent_report_without_dateline(make_doc):
    text = "KHARKIV (Wire) - Ukrainian troops retook the city of Izium on September 10, the army said."
    origin = annotate(make_doc(text, source="Wire"), 0, ["Izium"], event_date="2022-09-10")
    copy = make_doc("Ukrainian troops retook the city of Izium on September 10, the army said today.", source="B")
    copy = annotate(copy, 0, ["Izium"], event_date="2022-09-10")
    derived = Derivation(copy.id, origin.id, "rewrite", 0.9, (), ())
    (event,) = find(story_of(copy, origin, derivations=[derived]))
    assert event.summary == "Ukrainian troops retook the city of Izium on September 10, the army said."


def _sentence(text: str, **fields: object) -> Sentence:
    return replace(Sentence(index=0, start=0, end=len(text), text=text, paragraph=0), **fields)  # type: ignore[arg-type]


def test_questions_short_lines_and_bare_hedges_are_not_event_mentions():
    izium = (Entity(0, 5, "Izium", "GPE"),)
    assert not ev.is_event_mention(_sentence("Did troops really retake Izium today?", entities=izium))
    assert not ev.is_event_mention(_sentence("Izium fell.", entities=izium))
    assert not ev.is_event_mention(_sentence("The claim could not be independently verified by Reuters."))
    assert ev.is_event_mention(_sentence("Izium was retaken by Ukrainian troops on Saturday.", entities=izium))


def test_sentence_without_place_party_date_or_quantity_is_not_an_event_mention():
    assert not ev.is_event_mention(_sentence("Fighting went on through the night in the east."))
    q = Quantity(0, 3, "300", 300, 300, 300, "count", None, None, "troops")
    assert ev.is_event_mention(_sentence("300 troops crossed the river in the night.", quantities=(q,)))


def test_quoted_opinion_is_not_an_event_mention():
    text = "“This is a turning point for all of us,” Zelensky said."
    person = (Entity(text.index("Zelensky"), text.index("Zelensky") + 8, "Zelensky", "PERSON"),)
    assert not ev.is_event_mention(_sentence(text, entities=person))


def test_origin_map_follows_chains_to_the_root():
    chain = [Derivation("c", "b", "rewrite", 0.8, (), ()), Derivation("b", "a", "duplicate", 1.0, (), ())]
    assert ev.origin_map(chain) == {"c": "a", "b": "a"}


def test_event_id_depends_only_on_its_mentions(make_doc):
    a = annotate(make_doc("Ukrainian troops retook Izium on September 10.", source="A"), 0, ["Izium"])
    first, second = find(story_of(a)), find(story_of(a))
    assert first[0].id == second[0].id


def test_events_stage_runs_after_derivation(make_doc):
    a = annotate(make_doc("Ukrainian troops retook Izium on September 10.", source="A"), 0, ["Izium"])
    stage = ev.build(Config(), encoder=WordEncoder())
    story = run_story([stage], replace(story_of(a), done=frozenset({"derivation"})))
    assert len(story.events) == 1
    assert "events" in story.done


def test_bounded_search_gives_the_same_events_whatever_order_the_reports_come_in(make_doc):
    texts = [
        ("Rescue teams pulled four people from the flooded mill in Millbrook on Monday.", "A"),
        ("Rescue teams pulled four people from the flooded mill in Millbrook on Monday, police said.", "B"),
        ("The ferry crews walked out at the harbour of Dunmore after talks broke down.", "C"),
        ("Ferry crews walked out at the harbour of Dunmore after the talks broke down.", "D"),
        ("The council of Millbrook opened two school halls to families who left their homes.", "E"),
    ]
    places = ["Millbrook", "Millbrook", "Dunmore", "Dunmore", "Millbrook"]
    docs = [annotate(make_doc(t, source=s), 0, [p]) for (t, s), p in zip(texts, places, strict=True)]
    config = EventsConfig(search="lsh", lsh_bands=4, lsh_window=2)
    first = ev.find_events(story_of(*docs), WordEncoder(), config)
    again = ev.find_events(story_of(*reversed(docs)), WordEncoder(), config)
    assert first == again
    assert len(first) == 3
