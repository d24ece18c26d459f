from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import numpy as np

from storyline.config import Config, EventsConfig
from storyline.corpus import events as ev
from storyline.corpus.event_mentions import is_event_mention
from storyline.doc.time import tag_document
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
    assert not is_event_mention(_sentence("Did troops really retake Izium today?", entities=izium))
    assert not is_event_mention(_sentence("Izium fell.", entities=izium))
    assert not is_event_mention(_sentence("The claim could not be independently verified by Reuters."))
    assert is_event_mention(_sentence("Izium was retaken by Ukrainian troops on Saturday.", entities=izium))


def test_sentence_without_place_party_date_or_quantity_is_not_an_event_mention():
    assert not is_event_mention(_sentence("Fighting went on through the night in the east."))
    q = Quantity(0, 3, "300", 300, 300, 300, "count", None, None, "troops")
    assert is_event_mention(_sentence("300 troops crossed the river in the night.", quantities=(q,)))


def test_quoted_opinion_is_not_an_event_mention():
    text = "“This is a turning point for all of us,” Zelensky said."
    person = (Entity(text.index("Zelensky"), text.index("Zelensky") + 8, "Zelensky", "PERSON"),)
    assert not is_event_mention(_sentence(text, entities=person))


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


# Loosenings, each with a guard: two different happenings that share a place or a date stay two.


def test_close_paraphrases_with_borrowed_dates_days_apart_are_one_event(make_doc):
    a = make_doc("The coast guard lifted nine sailors from the sea off Harbor Point after their boat sank.", source="A")
    b = make_doc("Nine sailors were lifted from the sea off Harbor Point by the coast guard after their boat sank.")
    a = annotate(a, 0, ["Harbor Point"], event_date="2024-05-03", event_date_anchor=0)  # the narrative's day
    b = annotate(replace(b, source="B"), 0, ["Harbor Point"], event_date="2024-05-05", event_date_anchor=0)
    (event,) = find(story_of(a, b))
    assert event.independent_sources == 2
    c = annotate(replace(b, sentences=b.sentences[:1]), 0, [], event_date="2024-05-01", event_date_fallback=True)
    assert len(find(story_of(a, c))) == 1  # a report published two days before the narrative's day


def test_different_happenings_with_borrowed_dates_days_apart_stay_two_events(make_doc):
    a = make_doc("The coast guard lifted nine sailors from the sea off Harbor Point after their boat sank.", source="A")
    b = make_doc("The coast guard towed a fishing boat from the sea off Harbor Point after its engine failed.")
    a = annotate(a, 0, ["Harbor Point"], event_date="2024-05-03", event_date_anchor=0)
    b = annotate(replace(b, source="B"), 0, ["Harbor Point"], event_date="2024-05-05", event_date_anchor=0)
    assert len(find(story_of(a, b))) == 2  # similar (0.69 with the test's encoder), but not a close paraphrase
    assert len(find(story_of(a, replace(b, sentences=(replace(b.sentences[0], event_date="2024-05-03"),))))) == 1


def test_a_paraphrase_with_its_own_date_does_not_take_a_borrowed_date_days_away(make_doc):
    a = make_doc("The coast guard lifted nine sailors from the sea off Harbor Point after their boat sank.", source="A")
    b = make_doc("Nine sailors were lifted from the sea off Harbor Point by the coast guard after their boat sank.")
    a = annotate(a, 0, ["Harbor Point"], event_date="2024-05-03", event_date_anchor=0)
    b = annotate(replace(b, source="B"), 0, ["Harbor Point"], event_date="2024-05-05")  # its own words' date
    assert len(find(story_of(a, b))) == 2


def test_an_undated_report_does_not_join_a_dated_event_on_shared_names(make_doc):
    a = make_doc("Families who had left their farms near Alder Ridge have begun to go back to their farms.")
    b = make_doc("Flare-ups near Alder Ridge forced families who had gone back to their farms to leave again.")
    a = annotate(replace(a, source="A"), 0, ["Alder Ridge"], event_date=None, event_date_fallback=True)
    b = annotate(replace(b, source="B"), 0, ["Alder Ridge"], event_date="2024-05-04")
    assert len(find(story_of(a, b))) == 2


def test_an_undated_close_paraphrase_still_joins_a_dated_event(make_doc):
    a = make_doc("The coast guard lifted nine sailors from the sea off Harbor Point after their boat sank.", source="A")
    b = make_doc("Nine sailors were lifted from the sea off Harbor Point by the coast guard after their boat sank.")
    a = annotate(a, 0, ["Harbor Point"], event_date=None, event_date_fallback=True)
    b = annotate(replace(b, source="B"), 0, ["Harbor Point"], event_date="2024-05-03")
    (event,) = find(story_of(a, b))
    assert event.date == "2024-05-03"


def test_a_capital_and_its_country_are_not_disjoint_places(make_doc):
    a = make_doc("Prime Minister Lind accused Russia of moving troops to the border near the river.", source="A")
    b = make_doc("Prime Minister Lind accused Moscow of moving troops to the border near the river.", source="B")
    a = annotate(a, 0, ["Russia"], ["Lind"], event_date="2024-05")
    b = annotate(b, 0, ["Moscow"], ["Lind"], event_date="2024-05-02")
    assert len(find(story_of(a, b))) == 1


def test_two_cities_of_one_country_stay_apart_and_the_country_named_alone_joins_one(make_doc):
    a = make_doc("Russian drones struck a power station in Kyiv overnight, the governor said.", source="A")
    b = make_doc("Russian drones struck a power station in Kharkiv overnight, the governor said.", source="B")
    c = make_doc("Russian drones struck a power station in Ukraine overnight, the governor said.", source="C")
    a = annotate(a, 0, ["Kyiv"], ["Russian"], event_date="2024-05-02")
    b = annotate(b, 0, ["Kharkiv"], ["Russian"], event_date="2024-05-02")
    c = annotate(c, 0, ["Ukraine"], ["Russian"], event_date="2024-05-02")
    assert len(find(story_of(a, b))) == 2
    assert len(find(story_of(b, c))) == 1  # "in Ukraine" may tell the strike in Kharkiv
    assert sorted(len(e.mentions) for e in find(story_of(a, b, c))) == [1, 2]  # never Kyiv's and Kharkiv's


def _dated(doc: Document) -> Document:
    return tag_document(replace(doc, published="2024-05-20"))


def test_a_sentence_of_two_dated_happenings_joins_an_event_with_each_clause(make_doc):
    both = make_doc("The council of Alder approved the new bridge on May 2, and it opened the bridge on May 9.")
    approved = make_doc("The council of Alder approved the new bridge on May 2 after a long debate.")
    opened = make_doc("The council of Alder opened the new bridge on May 9 to cars and buses.")
    docs = [
        annotate(_dated(replace(d, source=s)), 0, ["Alder"]) for d, s in ((both, "A"), (approved, "B"), (opened, "C"))
    ]
    events = find(story_of(*docs))
    assert [(e.date, e.independent_sources) for e in events] == [("2024-05-02", 2), ("2024-05-09", 2)]
    second = len("The council of Alder approved the new bridge on May 2, and ")
    assert [m.clause for m in events[1].mentions if m.document == docs[0].id] == [second]


def test_two_happenings_of_one_place_on_one_day_in_one_sentence_stay_apart_from_others(make_doc):
    both = make_doc("The council of Alder approved the new bridge on May 2, and it opened the bridge on May 9.")
    other = make_doc("The council of Alder closed the old ferry on May 9 for good.")
    docs = [annotate(_dated(replace(d, source=s)), 0, ["Alder"]) for d, s in ((both, "A"), (other, "B"))]
    assert len(find(story_of(*docs))) == 3


def test_a_dam_near_a_town_and_the_dam_in_its_country_are_one_event(make_doc):
    a = make_doc("The Oskil dam gave way early on Monday near Kharkiv, flooding the valley.", source="A")
    b = make_doc("The Oskil dam in eastern Ukraine gave way early on Monday, flooding the valley.", source="B")
    a = annotate(a, 0, ["Kharkiv"], event_date="2024-05-06")
    b = annotate(b, 0, ["Ukraine"], event_date="2024-05-06")
    (event,) = find(story_of(a, b))
    assert event.independent_sources == 2


def test_a_country_named_beside_another_town_does_not_join_a_town(make_doc):
    a = make_doc("The Oskil dam gave way early on Monday near Kharkiv, flooding the valley.", source="A")
    b = make_doc("The Oskil dam gave way early on Monday near Izium in Ukraine, flooding the valley.", source="B")
    a = annotate(a, 0, ["Kharkiv"], event_date="2024-05-06")
    b = annotate(b, 0, ["Izium", "Ukraine"], event_date="2024-05-06")
    assert len(find(story_of(a, b))) == 2


def test_an_undated_sentence_joins_a_happening_weeks_older_only_as_a_close_paraphrase(make_doc):
    warned = "Mayor Olsen warned in March that the Portmere bridge was unsafe and needed urgent repairs."
    today = "Mayor Olsen told a radio station that the Portmere bridge was unsafe and closed it to lorries."
    a = annotate(make_doc(warned, "2024-03-20", source="A"), 0, ["Portmere"], event_date="2024-03")
    b = make_doc(today, "2024-05-20", source="B")
    b = annotate(b, 0, ["Portmere"], event_date="2024-05-20", event_date_fallback=True)
    assert len(find(story_of(a, b))) == 2  # similar (0.62), but the report tells its own day's news
    (event,) = ev.find_events(story_of(a, b), WordEncoder(), EventsConfig(retelling_days=0))
    assert event.date == "2024-03"


def test_two_reports_dated_by_publication_a_week_apart_join_only_as_close_paraphrases(make_doc):
    a = make_doc("The coast guard lifted nine sailors from the sea off Harbor Point after their boat sank.", source="A")
    b = make_doc("The coast guard towed a fishing boat from the sea off Harbor Point after its engine failed.")
    a = annotate(a, 0, ["Harbor Point"], event_date="2024-05-13", event_date_fallback=True)
    b = annotate(replace(b, source="B"), 0, ["Harbor Point"], event_date="2024-05-20", event_date_fallback=True)
    assert len(find(story_of(a, b))) == 2  # similar (0.69 with the test's encoder), but not a close paraphrase
    same_day = replace(b, sentences=(replace(b.sentences[0], event_date="2024-05-13"),))
    assert len(find(story_of(a, same_day))) == 1


def test_background_sentences_of_reports_weeks_apart_do_not_chain_into_one_event(make_doc):
    # Each report's undated background line restates the outbreak's state; each is a close paraphrase
    # of the next, but the first and last reports lie nine days apart: the state at two times.
    lines = [
        ("2024-05-01", "The fever has sickened up to 40 people in Calder Bay and spread to two nearby towns."),
        ("2024-05-04", "The fever has sickened up to 55 people in Calder Bay and spread to two nearby towns."),
        ("2024-05-07", "The fever has sickened up to 55 people in Calder Bay and spread to three nearby towns."),
        ("2024-05-10", "The fever has sickened up to 70 people in Calder Bay and spread to three nearby towns."),
    ]
    docs = [
        annotate(make_doc(text, day, source=f"Outlet {n}"), 0, ["Calder Bay"], event_date=day, event_date_fallback=True)
        for n, (day, text) in enumerate(lines)
    ]
    found = find(story_of(*docs))
    assert len(found) >= 2
    for event in found:
        days = [date.fromisoformat(m.date or "") for m in event.mentions]
        assert (max(days) - min(days)).days <= EventsConfig().borrowed_date_days
    loose = ev.find_events(story_of(*docs), WordEncoder(), EventsConfig(borrowed_date_days=0))
    assert len(loose) == 1  # without the rule the close pairs chain all four


def test_background_sentences_of_reports_days_apart_are_still_one_event(make_doc):
    text = "The fever has sickened up to 40 people in Calder Bay and spread to two nearby towns."
    a = annotate(
        make_doc(text, "2024-05-01", source="A"), 0, ["Calder Bay"], event_date="2024-05-01", event_date_fallback=True
    )
    b = annotate(
        make_doc(text, "2024-05-03", source="B"), 0, ["Calder Bay"], event_date="2024-05-03", event_date_fallback=True
    )
    (event,) = find(story_of(a, b))
    assert event.independent_sources == 2


def test_reports_weeks_apart_that_retell_a_happening_dated_to_its_day_stay_with_it(make_doc):
    text = "The coast guard lifted nine sailors from the sea off Harbor Point after their boat sank."
    dated = annotate(make_doc(text, "2024-05-01", source="A"), 0, ["Harbor Point"], event_date="2024-05-01")
    reports = [("2024-05-02", "B"), ("2024-05-03", "C"), ("2024-05-20", "D")]
    undated = [
        annotate(make_doc(text, day, source=src), 0, ["Harbor Point"], event_date=day, event_date_fallback=True)
        for day, src in reports
    ]
    (event,) = find(story_of(dated, *undated))
    assert event.date == "2024-05-01" and event.independent_sources == 4
    alone = replace(dated, sentences=(replace(dated.sentences[0], event_date_fallback=True),))
    assert len(find(story_of(alone, *undated))) == 2  # no day of its own: the 20th is another state
