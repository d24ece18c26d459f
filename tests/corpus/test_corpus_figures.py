from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import pytest

from storyline.config import Config
from storyline.corpus import figures as fg
from storyline.corpus.figure_givers import base_measure
from storyline.pipeline import run_story
from storyline.records import Derivation, Document, Entity, FigurePoint, Qualifier, Quantity, Story, TimeExpression

_NUMBER = re.compile(r"\d[\d,.]*")


def quantity(
    doc: Document,
    index: int,
    unit: str,
    qualifier: Qualifier | None = None,
    noun: str | None = None,
    nth: int = 0,
) -> Quantity:
    """The ``nth`` number of a sentence as a Quantity (offsets into the document)."""
    s = doc.sentences[index]
    m = list(_NUMBER.finditer(s.text))[nth]
    value = float(m.group().rstrip(".").replace(",", ""))
    return Quantity(s.start + m.start(), s.start + m.end(), m.group(), value, value, value, unit, None, qualifier, noun)


def annotate(doc: Document, index: int, quantities: Sequence[Quantity], **fields: object) -> Document:
    s = replace(doc.sentences[index], quantities=tuple(quantities), **fields)  # type: ignore[arg-type]
    return replace(doc, sentences=tuple(s if x.index == index else x for x in doc.sentences))


def story_of(*docs: Document, derivations: Sequence[Derivation] = ()) -> Story:
    return Story(id="s", title="t", documents=docs, derivations=tuple(derivations))


def area_doc(make_doc, text: str, date: str, qualifier: Qualifier | None, source: str, published: str) -> Document:
    doc = make_doc(text, source=source, published=published)
    return annotate(doc, 0, [quantity(doc, 0, "km2", qualifier)], event_date=date)


def test_area_series_is_sorted_by_event_date_and_keeps_qualifiers(make_doc):
    late = area_doc(
        make_doc, "Ukraine has retaken more than 6,000 km2 since September 6, Zelensky said.",
        "2022-09-12", "more than", "Kyiv Wire", "2022-09-12",
    )  # fmt: skip
    early = area_doc(
        make_doc, "Ukrainian forces retook about 3,000 km2 in the first days of the push.",
        "2022-09-10", "about", "Eastern Ledger", "2022-09-14",
    )  # fmt: skip
    (series,) = fg.find_figures(story_of(late, early))
    assert (series.measure, series.unit) == ("area retaken", "km2")
    assert [p.date for p in series.points] == ["2022-09-10", "2022-09-12"]
    assert [p.qualifier for p in series.points] == ["about", "more than"]
    assert [p.value for p in series.points] == [3000.0, 6000.0]
    assert series.points[0].source == "Eastern Ledger"


def test_area_without_a_verb_falls_back_to_the_unit_kind(make_doc):
    doc = area_doc(make_doc, "The flooded zone covers 600 km2 south of the dam.", "2022-09-10", None, "A", "2022-09-10")
    (series,) = fg.find_figures(story_of(doc))
    assert series.measure == "area"


def test_a_copied_figure_is_dropped_but_a_new_one_in_a_rewrite_is_kept(make_doc):
    text = "Ukraine has retaken more than 6,000 km2 since September 6, Zelensky said."
    origin = area_doc(make_doc, text, "2022-09-12", "more than", "Wire", "2022-09-12")
    copy = area_doc(make_doc, text, "2022-09-12", "more than", "Copy", "2022-09-13")
    changed = area_doc(
        make_doc, "Ukraine has retaken about 8,000 km2 since September 6, Zelensky said.",
        "2022-09-12", "about", "Rewrite", "2022-09-13",
    )  # fmt: skip
    derivations = [
        Derivation(copy.id, origin.id, "duplicate", 1.0, (), ()),
        Derivation(changed.id, copy.id, "rewrite", 0.8, (), ()),
    ]
    (series,) = fg.find_figures(story_of(origin, copy, changed, derivations=derivations))
    assert [p.document for p in series.points] == [origin.id, changed.id]


def test_casualties_are_named_after_the_nearest_verb(make_doc):
    doc = make_doc("The strike killed 5 people and injured 12 others in Kharkiv.", source="A")
    qs = [quantity(doc, 0, "count", noun="people"), quantity(doc, 0, "count", noun="others", nth=1)]
    doc = annotate(doc, 0, qs, event_date="2022-09-10")
    # the strike's dead are a single incident's ("killed, single incidents (A)"), still named "killed"
    measures = {base_measure(s.measure): [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    assert measures == {"killed": [5.0], "injured": [12.0]}


def test_a_casualty_count_takes_the_verb_of_its_own_clause_over_a_nearer_one(make_doc):
    doc = make_doc(
        "Medics said about 50 people were wounded on Monday and Tuesday"
        " and one civilian near the gate was killed by a shell.",
        source="A",
    )
    qs = [quantity(doc, 0, "count", qualifier="about", noun="people"), quantity(doc, 0, "count")]
    one = doc.sentences[0].text.index("one civilian")
    qs[1] = replace(qs[1], start=one, end=one + 3, text="one", value=1.0, low=1.0, high=1.0, counted="civilian")
    doc = annotate(doc, 0, qs, event_date="2024-05-06")
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    assert measures == {"injured": [50.0], "killed": [1.0]}


def test_a_bare_number_a_death_toll_reaches_is_a_count_of_the_dead(make_doc):
    texts = [
        "The death toll from the floods along the coast rose to 41 on Sunday, the province said.",
        "Late Monday, officials had put the toll at 47.",
        "The number of confirmed deaths from the storm reached 52 on Tuesday.",
    ]
    doc = make_doc(" ".join(texts), source="A")
    for i, date in enumerate(("2022-09-11", "2022-09-12", "2022-09-13")):
        doc = annotate(doc, i, [quantity(doc, i, "count")], event_date=date)
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    assert measures == {"killed": [41.0, 47.0, 52.0]}


def test_people_still_missing_or_unaccounted_for_are_their_own_measure(make_doc):
    doc = make_doc(
        "The mayor said about 300 people were still missing. Police listed 120 people who remain unaccounted for. "
        "Officials said 40 people were killed."
    )
    for i in range(3):
        doc = annotate(doc, i, [quantity(doc, i, "count", noun="people")], event_date=f"2022-09-1{i}")
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    assert measures == {"missing": [300.0, 120.0], "killed": [40.0]}


def test_containment_is_a_series_for_each_named_fire_with_its_earlier_value(make_doc):
    doc = make_doc(
        "Crews said the Cedar Ridge fire was 70 percent contained, up from 55 percent on Monday. "
        "The Pine Hollow fire near the lake was 30 percent contained. "
        "The blaze was 90 percent contained by Friday."
    )
    doc = annotate(doc, 0, [quantity(doc, 0, "percent"), quantity(doc, 0, "percent", nth=1)], event_date="2022-09-12")
    doc = annotate(doc, 1, [quantity(doc, 1, "percent")], event_date="2022-09-12")
    doc = annotate(doc, 2, [quantity(doc, 2, "percent")], event_date="2022-09-16")
    measures = {s.measure: sorted(p.value for p in s.points) for s in fg.find_figures(story_of(doc))}
    assert measures == {
        "Cedar Ridge fire contained": [55.0, 70.0],
        "Pine Hollow fire contained": [30.0],
        "contained": [90.0],
    }


def test_settlements_troops_and_aid_are_measures(make_doc):
    doc = make_doc(
        "Ukraine has recaptured 20 villages, the army said. Russia moved 2,000 troops to Kherson. "
        "Washington pledged 600 in military aid."
    )
    doc = annotate(doc, 0, [quantity(doc, 0, "count")])
    doc = annotate(doc, 1, [quantity(doc, 1, "count", noun="troops")])
    doc = annotate(doc, 2, [quantity(doc, 2, "USD")])
    found = {(s.measure, s.unit) for s in fg.find_figures(story_of(doc))}
    assert found == {("settlements retaken", "count"), ("troops", "count"), ("aid", "USD")}


def test_soldiers_who_are_ill_or_infected_are_cases_not_troops(make_doc):
    doc = make_doc(
        "Camp medics said 14 marine soldiers had influenza. By Friday 40 troops were hospitalized with fever. "
        "The virus has infected 35 soldiers at the base. On Monday 12 servicemen tested positive."
    )
    for i in range(4):
        doc = annotate(
            doc, i, [quantity(doc, i, "count", noun=None if i == 3 else ("soldiers", "troops", "soldiers")[i])]
        )
    assert fg.find_figures(story_of(doc)) == ()


def test_soldiers_sent_to_an_outbreak_or_killed_stay_troops_or_casualties(make_doc):
    doc = make_doc(
        "The army sent 2,000 troops to help fight the flu outbreak. 300 soldiers had crossed the river by noon. "
        "The flu has killed 9 soldiers."
    )
    doc = annotate(doc, 0, [quantity(doc, 0, "count", noun="troops")], event_date="2022-09-10")
    doc = annotate(doc, 1, [quantity(doc, 1, "count", noun="soldiers")], event_date="2022-09-11")
    doc = annotate(doc, 2, [quantity(doc, 2, "count", noun="soldiers")], event_date="2022-09-12")
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    # the dead soldiers are casualties, of a group of their own (``figure_casualties.group_of``)
    assert measures == {"troops": [2000.0, 300.0], "killed, soldiers": [9.0]}


def test_unrelated_percentages_and_bare_counts_are_ignored(make_doc):
    doc = make_doc("Turnout was 60 percent in the vote. The 3 officials met on Tuesday.")
    doc = annotate(doc, 0, [quantity(doc, 0, "percent")])
    doc = annotate(doc, 1, [quantity(doc, 1, "count", noun="officials")])
    assert fg.find_figures(story_of(doc)) == ()


def test_figures_stage_runs_after_derivation(make_doc):
    doc = area_doc(make_doc, "Ukraine has retaken 500 km2 this week.", "2022-09-10", None, "A", "2022-09-10")
    story = run_story([fg.build(Config())], replace(story_of(doc), done=frozenset({"derivation"})))
    assert story.figures[0].points[0].value == 500.0


def test_one_figure_given_in_two_units_by_one_report_counts_once() -> None:
    point = FigurePoint(
        date="2022-09-14",
        value=8000.0,
        low=8000.0,
        high=8000.0,
        qualifier="about",
        document="d",
        sentence=1,
        text="about 8,000 square kilometres",
        source="S",
        attributed_to=None,
    )
    again = replace(point, value=8028.96, low=8028.96, high=8028.96, sentence=4, text="roughly 3,100 square miles")
    other = replace(point, value=6000.0, low=6000.0, high=6000.0, sentence=5)
    points = [("area retaken", "km2", p) for p in (point, again, other)]
    assert [p.value for _, _, p in fg.same_figure_once(points)] == [8000.0, 6000.0]


def test_counts_of_things_near_a_casualty_word_are_not_casualties(make_doc):
    doc = make_doc("The strain is in 46 countries, and the global tally rose to 92 deaths.", source="A")
    qs = [quantity(doc, 0, "count"), quantity(doc, 0, "count", noun="deaths", nth=1)]
    doc = annotate(doc, 0, qs, event_date="2009-05-26")
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    assert measures == {"killed": [92.0]}


def test_a_bare_number_the_number_of_dead_is_put_at_is_a_casualty_count(make_doc):
    doc = make_doc("Officials put the number of dead in the lower valley at 17 on Sunday.", source="A")
    doc = annotate(doc, 0, [quantity(doc, 0, "count")], event_date="2025-02-09")
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    assert measures == {"killed": [17.0]}


def test_a_casualty_verb_across_another_number_belongs_to_that_number(make_doc):
    doc = make_doc("The virus has infected 421 people in 15 countries and killed 257.", source="A")
    qs = [quantity(doc, 0, "count", noun="people"), quantity(doc, 0, "count", nth=1), quantity(doc, 0, "count", nth=2)]
    doc = annotate(doc, 0, qs, event_date="2009-05-26")
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    assert measures == {"killed": [257.0]}


def test_a_figure_carries_the_places_its_sentence_names(make_doc):
    doc = make_doc("The outbreak killed 103 people in Mexico.", source="A")
    s = doc.sentences[0]
    at = s.text.index("Mexico")
    entity = Entity(s.start + at, s.start + at + 6, "Mexico", "GPE")
    doc = annotate(doc, 0, [quantity(doc, 0, "count", noun="people")], event_date="2009-04-27", entities=(entity,))
    (series,) = fg.find_figures(story_of(doc))
    assert series.points[0].places == ("mexico",)


def test_a_rate_is_not_a_figure_of_the_story(make_doc):
    doc = make_doc("Seasonal flu kills 500,000 people a year, and the new strain has killed 72 people.", source="A")
    qs = [quantity(doc, 0, "count", noun="people"), quantity(doc, 0, "count", noun="people", nth=1)]
    doc = annotate(doc, 0, qs, event_date="2009-05-16")
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    assert measures == {"killed": [72.0]}


def test_settlements_without_a_verb_of_taking_are_not_a_figure(make_doc):
    doc = make_doc("Russia will struggle to supply its troops without the 2 towns.", source="A")
    doc = annotate(doc, 0, [quantity(doc, 0, "count", noun="towns")], event_date="2022-09-11")
    assert fg.find_figures(story_of(doc)) == ()


def test_the_counted_phrase_names_a_count_whose_noun_the_words_after_it_miss(make_doc):
    doc = make_doc("Kyiv said 40 Ukrainian servicemen came home. The shelling killed 12 of the 30 guards.", source="A")
    troops = replace(quantity(doc, 0, "count"), counted="ukrainian serviceman")
    guards = replace(quantity(doc, 1, "count"), counted="civilian")
    doc = annotate(doc, 0, [troops], event_date="2022-09-10")
    doc = annotate(doc, 1, [guards], event_date="2022-09-10")
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    # whose troops: ``figure_subjects``; the shelling's dead are a single incident's (``figure_incidents``)
    assert measures == {"troops, Ukrainian": [40.0], "killed, single incidents (A)": [12.0]}


def test_the_counted_phrase_is_spelled_as_the_noun_lists_spell_it():
    assert [fg._listed_form(w) for w in ("soldier", "serviceman", "person", "locality", "death", "goat")] == [
        "soldiers",
        "servicemen",
        "people",
        "localities",
        "deaths",
        "goat",
    ]


def test_a_lexical_noun_wins_over_the_counted_phrase(make_doc):
    doc = make_doc("The army moved 2,000 troops to the border.", source="A")
    q = replace(quantity(doc, 0, "count", noun="troops"), counted="border")
    assert fg.counted_noun(doc.sentences[0], q) == "troops"


def test_people_evacuated_or_moved_out_are_their_own_measure_but_residents_are_not(make_doc):
    doc = make_doc(
        "The governor said 1,500 people had been evacuated from the valley. "
        "About 900 residents were moved from the coast by bus, the mayor said. "
        "Some 10,000 people live in the valley below the dam."
    )
    for i in range(3):
        doc = annotate(
            doc,
            i,
            [quantity(doc, i, "count", noun="people" if i != 1 else "residents")],
            event_date=f"2024-02-0{i + 1}",
        )
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    assert measures == {"evacuated": [1500.0, 900.0]}


def test_an_earlier_value_after_up_from_takes_the_day_of_the_time_right_after_it(make_doc):
    text = "Crews said the Cedar Ridge fire was 70 percent contained, up from 55 percent on Monday."
    doc = make_doc(text)
    monday = text.index("Monday")
    times = (TimeExpression(monday, monday + 6, "Monday", "DATE", "2022-09-12", "2022-09-12"),)
    qs = [quantity(doc, 0, "percent"), quantity(doc, 0, "percent", nth=1)]
    doc = annotate(doc, 0, qs, event_date="2022-09-14", times=times)
    (series,) = fg.find_figures(story_of(doc))
    assert [(p.date, p.value) for p in series.points] == [("2022-09-12", 55.0), ("2022-09-14", 70.0)]


def test_a_time_after_a_figure_that_is_no_earlier_value_does_not_date_it(make_doc):
    text = "Crews said the Cedar Ridge fire was 70 percent contained on Monday."
    doc = make_doc(text)
    monday = text.index("Monday")
    times = (TimeExpression(monday, monday + 6, "Monday", "DATE", "2022-09-12", "2022-09-12"),)
    doc = annotate(doc, 0, [quantity(doc, 0, "percent")], event_date="2022-09-14", times=times)
    (series,) = fg.find_figures(story_of(doc))
    assert [p.date for p in series.points] == ["2022-09-14"]


def test_a_water_level_is_a_series_in_metres_without_the_reports_own_conversion(make_doc):
    text = "The water at Kelby rose by about 4.5 metres (roughly 15 feet) overnight."
    doc = make_doc(text)
    qs = []
    for words, value, unit in (("about 4.5 metres", 0.0045, "km"), ("roughly 15 feet", 15.0, "foot")):
        start = text.index(words)
        qs.append(Quantity(start, start + len(words), words, value, value, value, unit, None, "about", None))
    doc = annotate(doc, 0, qs, event_date="2024-02-01")
    (series,) = fg.find_figures(story_of(doc))
    assert (series.measure, series.unit, [round(p.value, 2) for p in series.points]) == (
        "water level at Kelby",
        "m",
        [4.5],
    )


def test_the_sides_tolls_are_series_of_their_own_labelled_by_who_gives_them(make_doc):
    texts = [
        "The river council put the number of dead on the east bank at 12.",
        "The health ministry said 11 people had died in the floods.",
        "The river council said 25 people had died on the east bank.",
    ]
    docs = []
    givers = ("The river council", "The health ministry", "The river council")
    for i, (text, by) in enumerate(zip(texts, givers, strict=True)):
        doc = make_doc(text, source=f"Outlet {i}")
        noun = None if i == 0 else "people"
        docs.append(
            annotate(doc, 0, [quantity(doc, 0, "count", noun=noun)], event_date=f"2024-03-0{i + 4}", attributed_to=by)
        )
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(*docs))}
    assert measures == {"killed (The health ministry)": [11.0], "killed, east bank (The river council)": [12.0, 25.0]}


def test_a_figure_told_as_a_projection_stays_in_its_series_marked_projected(make_doc):
    text = "The water at Kelby rose 1.2 metres on Monday. The water at Kelby could rise 2 metres if the dam fails."
    doc = make_doc(text)
    measured, projected = (
        replace(Quantity(text.rindex(w), text.rindex(w) + len(w), w, v, v, v, "km", "metres", None, None), projected=p)
        for w, v, p in (("1.2 metres", 0.0012, False), ("2 metres", 0.002, True))
    )
    doc = annotate(annotate(doc, 0, [measured], event_date="2024-02-05"), 1, [projected], event_date="2024-02-05")
    (series,) = fg.find_figures(story_of(doc))
    assert [(round(p.value, 2), p.projected) for p in series.points] == [(1.2, False), (2.0, True)]


def _report_dated_point(make_doc, text: str) -> FigurePoint:
    """The one point of a sentence dated only by its report's day."""
    doc = make_doc(text, published="2025-03-10")
    doc = annotate(doc, 0, [quantity(doc, 0, "count")], event_date="2025-03-10", event_date_fallback=True)
    ((_, _, point),) = fg.points_of(doc)
    return point


@pytest.mark.parametrize(
    "text",
    [
        "At the time, the ministry said 40 people had been killed.",
        "The ministry initially said 40 people had been killed.",
        "Officials had put the toll at 40 dead before the lists were checked.",
        "Critics dismissed an original estimate of 40 dead as far too low.",
        "The toll was 40 dead, according to an earlier count by the ministry.",
    ],
)
def test_a_figure_told_as_given_earlier_is_not_dated_by_its_report(make_doc, text):
    """A report that recalls what was said before does not date that figure to its own day."""
    assert _report_dated_point(make_doc, text).date is None


def test_a_figure_told_as_current_keeps_its_reports_day(make_doc):
    assert _report_dated_point(make_doc, "The ministry said 40 people had been killed.").date == "2025-03-10"


@pytest.mark.parametrize(
    ("text", "own_day"),
    [
        ("Shells killed 40 people in the port on Tuesday, the council said.", True),
        ("Shells killed 40 people in the port overnight, the council said.", True),
        ("Shells killed 40 people in the port on September 14, the council said.", True),
        ("Shells have killed 40 people in the port since the siege began.", False),
        ("Shells killed 40 people in the port in September, the council said.", False),
    ],
)
def test_a_point_knows_whether_its_sentence_names_its_day(make_doc, text: str, own_day: bool):
    doc = make_doc(text, published="2025-09-16")
    doc = annotate(doc, 0, [quantity(doc, 0, "count")], event_date="2025-09-14")
    ((_, _, point),) = fg.points_of(doc)
    assert point.own_day is own_day


def test_a_figure_with_its_own_date_keeps_it_even_when_told_as_given_earlier(make_doc):
    doc = make_doc("On March 2 the ministry initially said 40 people had been killed.", published="2025-03-10")
    doc = annotate(doc, 0, [quantity(doc, 0, "count", nth=1)], event_date="2025-03-02")
    ((_, _, point),) = fg.points_of(doc)
    assert point.date == "2025-03-02"


@pytest.mark.parametrize(
    ("text", "counted"),
    [("Crews found 40 dead pelicans on the beach.", "dead pelican"), ("Some 12 turtles were found dead.", "turtle")],
)
def test_dead_animals_are_no_people_killed(make_doc, text, counted):
    doc = make_doc(text)
    q = replace(quantity(doc, 0, "count", noun="dead"), counted=counted)
    assert fg.measure_of(doc.sentences[0], q) is None


def test_dead_people_named_by_the_parse_stay_killed(make_doc):
    doc = make_doc("Rescuers found 40 dead villagers on the road.")
    q = replace(quantity(doc, 0, "count", noun="dead"), counted="dead villager")
    assert fg.measure_of(doc.sentences[0], q) == "killed"


def test_people_left_homeless_are_a_measure_of_their_own_not_the_dead(make_doc):
    doc = make_doc(
        "Besides the dead, about 40,000 people have been left homeless."
        " The flood killed 300, and 12,000 were made homeless.",
        source="A",
    )
    doc = annotate(doc, 0, [quantity(doc, 0, "count", qualifier="about", noun="people")], event_date="2031-03-03")
    doc = annotate(doc, 1, [quantity(doc, 1, "count"), quantity(doc, 1, "count", nth=1)], event_date="2031-03-03")
    measures = {base_measure(s.measure): sorted(p.value for p in s.points) for s in fg.find_figures(story_of(doc))}
    assert measures == {"homeless": [12000.0, 40000.0], "killed": [300.0]}


def test_an_organisation_s_own_dead_or_missing_are_a_count_of_their_own(make_doc):
    doc = make_doc(
        "The flood killed 3,000 people, and 14 of the relief mission's staff were killed."
        " Nine peacekeepers are still missing.",
        source="A",
    )
    doc = annotate(
        doc,
        0,
        [quantity(doc, 0, "count", noun="people"), quantity(doc, 0, "count", nth=1, noun="staff")],
        event_date="2031-03-03",
    )
    nine = doc.sentences[1].start
    q = Quantity(nine, nine + 4, "Nine", 9, 9, 9, "count", None, None, None, counted="peacekeeper")
    doc = annotate(doc, 1, [q], event_date="2031-03-03")
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    assert measures == {"killed": [3000.0], "killed, staff and members": [14.0], "missing, staff and members": [9.0]}


def test_one_person_s_own_people_are_no_casualty_count(make_doc):
    doc = make_doc(
        "He mourns his wife and two young children, who died in the flood."
        " My aunt and six of her children are missing."
        " The flood killed 300 people.",
        source="A",
    )
    for i in range(3):
        doc = annotate(doc, i, [quantity(doc, i, "count")] if i == 2 else [], event_date="2031-03-03")
    two = doc.sentences[0].text.index("two")
    six = doc.sentences[1].text.index("six")
    doc = annotate(
        doc, 0, [Quantity(doc.sentences[0].start + two, doc.sentences[0].start + two + 3, "two", 2, 2, 2, "count", None,
                          None, None, counted="child")], event_date="2031-03-03",
    )  # fmt: skip
    doc = annotate(
        doc, 1, [Quantity(doc.sentences[1].start + six, doc.sentences[1].start + six + 3, "six", 6, 6, 6, "count", None,
                          None, None, counted="child")], event_date="2031-03-03",
    )  # fmt: skip
    measures = {s.measure: [p.value for p in s.points] for s in fg.find_figures(story_of(doc))}
    assert measures == {"killed": [300.0]}


@pytest.mark.parametrize(
    ("text", "noun", "measure"),
    [("The storm left 12 killed on the coast.", "killed", "killed"), ("The crash left 30 hurt.", "hurt", "injured")],
)
def test_a_count_of_the_killed_or_the_hurt_is_a_casualty_count(make_doc, text, noun, measure):
    doc = make_doc(text)
    assert fg.measure_of(doc.sentences[0], quantity(doc, 0, "count", noun=noun)) == measure
