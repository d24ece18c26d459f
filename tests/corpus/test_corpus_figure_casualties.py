from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.corpus import figure_casualties as fc
from storyline.corpus import figures as fg
from storyline.records import Document, Entity, Quantity, Sentence


def count(doc: Document, words: str, value: float, counted: str | None = None, noun: str | None = None) -> Quantity:
    """A count spanning ``words`` in the document's first sentence."""
    s = doc.sentences[0]
    at = s.text.index(words)
    start = s.start + at
    return Quantity(start, start + len(words), words, value, value, value, "count", None, None, noun, counted=counted)


def first(doc: Document) -> Sentence:
    return doc.sentences[0]


def test_bodies_buried_are_a_measure_of_their_own_not_the_toll(make_doc):
    doc = make_doc("Officials put the death toll at 9,000, and 4,200 bodies had been buried in mass graves.")
    toll = count(doc, "9,000", 9000)
    buried = count(doc, "4,200 bodies", 4200, counted="body", noun="bodies")
    assert fg.measure_of(first(doc), toll) == "killed"
    assert fg.measure_of(first(doc), buried) == fc.BURIED


def test_the_buried_dead_are_buried_though_a_death_word_is_nearer(make_doc):
    doc = make_doc("At least 3,100 people who died in the floods have already been buried.")
    q = count(doc, "3,100 people", 3100, counted="people", noun="people")
    assert fg.measure_of(first(doc), q) == fc.BURIED
    crews = make_doc("Volunteer crews buried 800 bodies on the hillside.")
    assert fc.is_buried(first(crews), count(crews, "800 bodies", 800, counted="body", noun="bodies"))


def test_people_buried_in_the_rubble_are_trapped_not_interred(make_doc):
    doc = make_doc("More than 60 people were buried in the rubble of the market, and 12 have died.")
    q = count(doc, "60 people", 60, counted="people", noun="people")
    assert not fc.is_buried(first(doc), q)
    assert fg.measure_of(first(doc), q) != fc.BURIED


def test_a_count_of_several_casualty_kinds_at_once_is_no_measure(make_doc):
    doc = make_doc("Relief groups say they fear some two million people were killed, injured or made homeless.")
    q = count(doc, "two million people", 2_000_000, counted="people", noun="people")
    assert fc.is_combined(first(doc), q)
    assert fg.measure_of(first(doc), q) is None
    plain = make_doc("Officials said 400 people were killed and 900 injured.")
    assert fg.measure_of(first(plain), count(plain, "400 people", 400, counted="people", noun="people")) == "killed"


def test_a_count_takes_its_own_predicate_over_a_nearer_casualty_word(make_doc):
    doc = make_doc("Police who counted the dead said 40 residents of the tower are still missing.")
    q = count(doc, "40 residents", 40, counted="resident", noun="residents")
    assert fc.own_predicate(first(doc), q) == "missing"
    assert fg.measure_of(first(doc), q) == "missing"


def test_a_body_s_own_people_are_its_count_not_the_disaster_s(make_doc):
    staff = make_doc("Forty Relief Corps staff confirmed dead, the agency said.")
    q = count(staff, "Forty Relief Corps staff confirmed dead", 40, counted="relief corps staff", noun="dead")
    assert fg.measure_of(first(staff), q) == f"killed, {fg.STAFF}"
    soldiers = make_doc("The council listed 12 peacekeeping soldiers who are known to have died.")
    q = count(soldiers, "12 peacekeeping soldiers", 12, counted="peacekeeping soldier", noun="soldiers")
    assert fg.measure_of(first(soldiers), q) == f"killed, {fg.STAFF}"
    mission = make_doc("Officials say 90 people from its monitoring mission in the valley are still missing.")
    q = count(mission, "90 people", 90, counted="people", noun="people")
    assert fg.measure_of(first(mission), q) == f"missing, {fg.STAFF}"


def test_workers_an_organisation_has_lost_are_its_own(make_doc):
    doc = make_doc("The Harbour Fund has lost at least 30 workers, one of whom was found dead in the rubble.")
    s = first(doc)
    org = Entity(s.start, s.start + len("The Harbour Fund"), "The Harbour Fund", "ORG")
    s = replace(s, entities=(org,))
    q = replace(count(doc, "at least 30 workers", 30, counted="worker", noun="workers"), subject="The Harbour Fund")
    assert fg.measure_of(s, q) == f"killed, {fg.STAFF}"
    assert fg.measure_of(replace(s, entities=()), q) == "killed"


def test_medical_personnel_are_no_troops(make_doc):
    doc = make_doc("A navy hospital ship with 600 medical personnel and 300 beds arrived in the bay.")
    q = count(doc, "600 medical personnel", 600, counted="medical personnel", noun="personnel")
    assert fg.measure_of(first(doc), q) is None
    army = make_doc("The army sent 600 personnel to the bay.")
    assert fg.measure_of(first(army), count(army, "600 personnel", 600, counted="personnel", noun="personnel"))


def test_one_person_s_own_people_read_into_the_count_are_personal_but_a_group_s_are_not(make_doc):
    doc = make_doc("The mayor said he had found six of his children alive; two are still missing.")
    q = count(doc, "six of his children", 6, counted="child", noun="children")
    assert fg.is_personal(first(doc), q)
    group = make_doc("The rebels said five of their fighters were killed in the raid.")
    q = count(group, "five of their fighters", 5, counted="fighter", noun="fighters")
    assert not fg.is_personal(first(group), q)
    assert fg.measure_of(first(group), q) == "killed"


def test_a_count_of_bodies_is_a_floor_of_the_toll(make_doc):
    doc = make_doc("The coroner said 800 bodies lay in the morgue, and the toll could reach between 2,000 and 3,000.")
    bodies = count(doc, "800 bodies", 800, counted="body", noun="bodies")
    toll = count(doc, "between 2,000 and 3,000", 2000, noun="bodies")  # a noun the reader took from further on
    assert fc.floor_of(first(doc), bodies, "killed").qualifier == "at least"
    assert fc.floor_of(first(doc), toll, "killed").qualifier is None
    capped = replace(bodies, qualifier="up to")
    assert fc.floor_of(first(doc), capped, "killed").qualifier == "up to"
    assert fc.floor_of(first(doc), bodies, fc.BURIED).qualifier is None  # bodies buried are a measure of their own


def test_people_a_disaster_affected_are_no_casualty_count(make_doc):
    doc = make_doc("The agency says up to 900 people were killed and two million people affected by the storm.")
    touched = count(doc, "two million people", 2_000_000, counted="people", noun="people")
    assert fc.is_affected(first(doc), touched)
    assert fg.measure_of(first(doc), touched) is None
    assert fg.measure_of(first(doc), count(doc, "900 people", 900, counted="people", noun="people")) == "killed"


def test_a_predicate_of_another_subject_later_on_is_not_the_count_s_own(make_doc):
    doc = make_doc("The minister said at least 12 people had died in the flood and that dozens were missing.")
    q = count(doc, "at least 12 people", 12, counted="people", noun="people")
    assert fc.own_predicate(first(doc), q) is None
    assert fg.measure_of(first(doc), q) == "killed"


def test_people_missing_at_a_body_s_mission_are_its_own(make_doc):
    doc = make_doc("Up to 80 people are still missing at the relief mission, officials said.")
    q = count(doc, "Up to 80 people", 80, counted="people", noun="people")
    assert fg.measure_of(first(doc), q) == f"missing, {fg.STAFF}"
    town = make_doc("Up to 80 people are still missing in the town, officials said.")
    assert fg.measure_of(first(town), count(town, "Up to 80 people", 80, counted="people", noun="people")) == "missing"


def test_people_an_illness_befell_are_cases_not_casualties(make_doc):
    for text, words, value in [
        ("The fever has infected around 9,000 people, though there have been few deaths.", "9,000 people", 9000),
        ("The strain may have infected more than 700 people and killed dozens in the valley.", "700 people", 700),
        ("More than 300 people sickened after the fair, and two have died.", "300 people", 300),
        ("By Monday 450 people were infected, officials said, and the toll stood at six.", "450 people", 450),
        ("Eight other people were under observation for the fever that has killed 30.", "Eight other people", 8),
    ]:
        doc = make_doc(text)
        q = count(doc, words, value, counted="people", noun="people")
        assert fc.is_case_count(first(doc), q), text
        assert fg.measure_of(first(doc), q) is None, text


def test_people_infected_who_then_died_are_still_casualties(make_doc):
    doc = make_doc("Six patients infected with the new strain have died in the valley.")
    q = count(doc, "Six patients", 6, counted="patient", noun="patients")
    assert not fc.is_case_count(first(doc), q)
    assert fg.measure_of(first(doc), q) == "killed"
    toll = make_doc("The fever has infected 900 people and killed 41 in the valley.")
    assert fg.measure_of(first(toll), count(toll, "41", 41)) == "killed"


@pytest.mark.parametrize(
    ("text", "words", "value", "others", "measure"),
    [
        ("A serum given to 40 million people killed 25 and left 500 ill.", "40 million", 40_000_000, True, None),
        ("The blast killed 5 people and injured 12 others.", "5", 5, False, "killed"),
    ],
)
def test_people_before_a_casualty_verb_with_its_own_number_are_not_its_victims(
    make_doc, text: str, words: str, value: float, others: bool, measure: str | None
):
    doc = make_doc(text)
    q = count(doc, words, value, counted="people", noun="people")
    assert fc.kills_others(first(doc), q) is others
    assert fg.measure_of(first(doc), q) == measure


def test_a_count_written_n_plus_is_a_floor(make_doc):
    doc = make_doc("All of the 120-plus deaths from the fever were in the capital, officials said.")
    plus = count(doc, "120-plus deaths", 120, noun="deaths")
    assert fc.floor_of(first(doc), plus, "killed").qualifier == "at least"
    assert fc.floor_of(first(doc), plus, "evacuated").qualifier == "at least"  # of any measure
    spaced = make_doc("Some 300 plus people were killed when the bridge fell.")
    q = count(spaced, "300 plus people", 300, noun="people")
    assert fc.floor_of(first(spaced), q, "killed").qualifier == "at least"
    plain = make_doc("The fever has killed 120 people in the capital.")
    assert fc.floor_of(first(plain), count(plain, "120 people", 120, noun="people"), "killed").qualifier is None
    capped = replace(plus, qualifier="up to")
    assert fc.floor_of(first(doc), capped, "killed").qualifier == "up to"


def test_a_count_of_the_dead_with_more_dead_told_after_it_is_the_part_known(make_doc):
    doc = make_doc("Fifteen people are known to have died in the valley so far, and 30 more deaths are being examined.")
    known = count(doc, "Fifteen people", 15, noun="people")
    assert fc.floor_of(first(doc), known, "killed").qualifier == "at least"
    assert fc.floor_of(first(doc), known, "injured").qualifier is None  # only a toll of the dead
    feared = make_doc("Nine people were found dead on Monday, with dozens more feared dead under the mud.")
    q = count(feared, "Nine people", 9, noun="people")
    assert fc.floor_of(first(feared), q, "killed").qualifier == "at least"
    for text in (
        "Fifteen people have died in the valley, and no more deaths have been reported since Monday.",
        "Fifteen people have died in the valley, and 30 more people were injured.",
        "Fifteen people have died in the valley, more than the 12 deaths of last year's flood.",
    ):
        other = make_doc(text)
        q = count(other, "Fifteen people", 15, noun="people")
        assert fc.floor_of(first(other), q, "killed").qualifier is None, text
    capped = make_doc("Up to 15 people have died in the valley, and 30 more deaths are being examined.")
    q = replace(count(capped, "Up to 15 people", 15, noun="people"), qualifier="up to")
    assert fc.floor_of(first(capped), q, "killed").qualifier == "up to"  # a bound told is kept


def test_a_count_of_the_dead_told_as_confirmed_is_read_as_such():
    assert fc.told_as_confirmed("Health officials have confirmed 12 deaths and are checking dozens more.", 12)
    assert fc.told_as_confirmed("The confirmed death toll now stands at 9.", 9)
    assert fc.told_as_confirmed("Two more deaths were confirmed, bringing the toll to 14.", 14)
    assert fc.told_as_confirmed("There have been 31 confirmed deaths in the province.", 31)
    assert fc.told_as_confirmed("So far 6 deaths have been confirmed by the laboratory.", 6)


def test_a_count_beside_confirmed_cases_or_a_negated_confirmation_is_not_confirmed():
    assert not fc.told_as_confirmed("Valdoria: 3 deaths, 250 confirmed cases.", 3)
    assert not fc.told_as_confirmed("The fever has killed 44 people in Valdoria.", 44)
    assert not fc.told_as_confirmed("Officials have not confirmed 44 deaths.", 44)
    assert not fc.told_as_confirmed("There are 250 confirmed cases and so far 3 deaths.", 3)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Swabs were taken from eleven students, and ten of them had the virus.", "eleven students", 11),
        ("Blood samples were drawn from 40 students at the clinic.", "40 students", 40),
        ("Statements were taken from at least 30 students moved out of the valley.", "30 students", 30),
    ],
)
def test_people_a_thing_was_taken_from_are_no_evacuees(make_doc, text: str, phrase: str, value: float):
    doc = make_doc(text)
    q = count(doc, phrase, value, counted="student", noun="students")
    assert fc.is_source(first(doc), q)
    assert fg.measure_of(first(doc), q) is None


def test_people_taken_from_a_place_are_still_evacuees(make_doc):
    doc = make_doc("Some 1,200 residents were taken from the flooded town by bus.")
    q = count(doc, "1,200 residents", 1200, counted="resident", noun="residents")
    assert not fc.is_source(first(doc), q)
    assert fg.measure_of(first(doc), q) == "evacuated"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("3 men charged in death of Dunmore teen who sang at the festival.", "3 men", 3),
        ("Two men were arrested over the killing of a shopkeeper in Lisk.", "Two men", 2),
        ("Police said four men have been charged with the murder of a taxi driver.", "four men", 4),
        ("Five men were convicted in the deaths of two inmates.", "Five men", 5),
    ],
)
def test_people_charged_in_a_death_are_suspects_not_the_dead(make_doc, text: str, phrase: str, value: float):
    doc = make_doc(text)
    s = first(doc)
    q = count(doc, phrase, value, counted="man", noun="men")
    assert fc.is_accused(s, q)
    assert fg.measure_of(s, q) is None


def test_people_killed_by_the_accused_are_still_the_dead(make_doc):
    doc = make_doc("Police charged a man after 3 people died in the shooting on Friday.")
    q = count(doc, "3 people", 3, counted="person", noun="people")
    assert not fc.is_accused(first(doc), q)
    assert fg.measure_of(first(doc), q) == "killed"
