from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import build_document
from storyline.corpus.figure_scope import (
    WORLD,
    clause_of,
    figure_places,
    is_elsewhere,
    is_part,
    is_tally,
    main_places,
    places_of,
    same_scope,
)
from storyline.records import Document, Entity, Quantity, QuantityKind, Sentence


def sentence(text: str, *entities: tuple[str, str]) -> Sentence:
    ents = tuple(Entity(text.index(t), text.index(t) + len(t), t, label) for t, label in entities)
    return Sentence(index=0, start=0, end=len(text), text=text, paragraph=0, entities=ents)


def count(s: Sentence, number: str, kind: QuantityKind = "measure") -> Quantity:
    at = s.text.index(number)
    value = float(number.replace(",", "").split()[0]) if number[0].isdigit() else 1.0
    return Quantity(at, at + len(number), number, value, value, value, "count", None, None, None, kind)


def with_figures(text: str, *numbers: str) -> Sentence:
    """A sentence whose quantities stage found ``numbers`` (as the corpus stages see it)."""
    s = sentence(text)
    return replace(s, quantities=tuple(count(s, n) for n in numbers))


def test_a_rate_in_the_figures_clause_is_not_a_tally() -> None:
    s = sentence("Seasonal flu kills 500,000 people a year, and the new strain has killed 72 people.")
    assert not is_tally(s, count(s, "500,000"))
    assert is_tally(s, count(s, "72"))
    s = sentence("Every year, seasonal flu causes 300,000 deaths.")
    assert not is_tally(s, count(s, "300,000"))
    s = sentence("Winter fever kills 40,000 people in a normal year, most of them elderly.")
    assert not is_tally(s, count(s, "40,000"))


def test_the_base_of_a_rate_is_not_a_tally() -> None:
    s = sentence("The new fever could kill four in every 1,000 infected people, a study says.")
    assert not is_tally(s, count(s, "1,000"))
    s = sentence("About 3 deaths per 1,000 cases were recorded, and 1,000 people have died so far.")
    assert not is_tally(s, count(s, "1,000"))
    assert is_tally(s, count(s, "1,000 people"))


def test_figures_joined_by_and_share_the_period_after_the_second() -> None:
    s = with_figures(
        "Winter flu causes between 300 and 650 deaths in the region and tens of thousands of clinic visits each year.",
        "between 300 and 650",
        "tens of thousands",
    )
    assert not is_tally(s, s.quantities[0])
    s = with_figures("The fever leaves 90 children dead and about 2,000 disabled every year.", "90", "about 2,000")
    assert not is_tally(s, s.quantities[0])
    assert not is_tally(s, s.quantities[1])


def test_a_clause_joined_by_and_keeps_its_own_period() -> None:
    s = with_figures("The fever has killed 72 people and the ministry publishes new figures every week.", "72")
    assert is_tally(s, s.quantities[0])
    s = with_figures("The fever has killed 72 people, and 300 people die of it each year.", "72", "300")
    assert is_tally(s, s.quantities[0])
    assert not is_tally(s, s.quantities[1])
    # the figure after the "and" keeps its own start: the period before it is not its own
    s = with_figures("Flu kills 500,000 people a year and 72 people died in the outbreak.", "500,000", "72")
    assert is_tally(s, s.quantities[1])


def test_an_and_before_a_duration_starts_a_clause() -> None:
    s = sentence("The storm cut power to 3,000 homes and 2 days later crews said repairs take a week on average.")
    s = replace(s, quantities=(count(s, "3,000"), count(s, "2 days", kind="duration")))
    assert is_tally(s, s.quantities[0])


def test_a_question_and_an_increment_are_not_tallies() -> None:
    s = sentence("Would any other country close its schools over 20 deaths?")
    assert not is_tally(s, count(s, "20"))
    s = sentence("The ministry said the flu had killed 20 people and could explain 48 more deaths.")
    assert is_tally(s, count(s, "20"))
    assert not is_tally(s, count(s, "48"))
    s = sentence("Officials reported another 12 deaths.")
    assert not is_tally(s, count(s, "12"))


def test_clause_is_cut_at_and_but_and_semicolons() -> None:
    text = "Crews cleared 40 roads; the storm felled 300 trees but spared 12 homes."
    assert clause_of(text, text.index("300"), text.index("300") + 3) == "the storm felled 300 trees"


def test_clause_runs_over_an_and_that_joins_another_figure() -> None:
    text = "The storm felled 300 trees and 40 poles in the night, and crews worked on."
    at = text.index("300")
    assert clause_of(text, at, at + 3) == "The storm felled 300 trees"
    assert (
        clause_of(text, at, at + 3, frozenset({text.index("40")}))
        == "The storm felled 300 trees and 40 poles in the night"
    )


def test_places_leave_out_peoples_and_add_the_world() -> None:
    s = sentence(
        "Ukrainian troops retook 300 villages in the Kharkiv region.", ("Ukrainian", "GPE"), ("Kharkiv", "GPE")
    )
    assert places_of(s) == ("kharkiv",)
    s = sentence("The virus has killed 167 people worldwide.")
    assert places_of(s) == (WORLD,)


def test_figures_of_different_named_subjects_or_places_are_not_the_same_scope() -> None:
    assert not same_scope((), (), "H5N1 virus", "H1N1 strain")
    assert same_scope((), (), "H1N1 virus", "the H1N1 strain")
    assert same_scope((), (), "new flu", "H1N1 strain")  # one has no name: may be the same
    assert not same_scope(("mexico",), ("united states",), None, None)
    assert same_scope(("mexico",), (), None, None)
    assert not same_scope((WORLD,), ("united states",), None, None)


_WORDS = st.sampled_from(["and", "but", ";", ",", "12", "deaths", "each", "year", "the", "flu", "killed", "while"])


@given(st.lists(_WORDS, min_size=1, max_size=14), st.data())
def test_joining_figures_only_carries_the_clause_on_past_its_end(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    i = data.draw(st.integers(0, len(words) - 1))
    start = len(" ".join(words[:i])) + (1 if i else 0)
    end = start + len(words[i])
    figures = frozenset(m.start() for m in re.finditer(r"\d+", text))
    plain, joined = clause_of(text, start, end), clause_of(text, start, end, figures)
    assert joined.startswith(plain)
    assert words[i] in plain or words[i] in (";", ",", "and", "but", "while")


def test_a_daily_rate_a_ratio_or_an_increment_inside_the_figure_is_not_a_tally() -> None:
    s = sentence("The fever is killing three to four patients daily at the clinic.")
    assert not is_tally(s, count(s, "three to four patients"))
    s = sentence("There have been 900 cases and 41 deaths, with figures rising daily.")
    assert is_tally(s, count(s, "41 deaths"))  # "daily" of another verb
    s = sentence("So far there is one death in 1,400 cases, a low share.")
    assert not is_tally(s, count(s, "one death"))
    s = sentence("Only six people out of millions have died of it.")
    assert not is_tally(s, count(s, "six people"))
    s = sentence("The minister said four more deaths had been confirmed, bringing the toll to 19.")
    assert not is_tally(s, count(s, "four more deaths"))
    assert is_tally(s, count(s, "19"))
    s = sentence("He said no more than 150 people were killed in the unrest.")
    assert is_tally(s, count(s, "no more than 150 people"))  # a bound, not an increment
    for text, figure in (
        ("The fever killed 40 people in 2019.", "40 people"),
        ("It killed 40 people in 12 days.", "40 people"),
        ("It killed 40 people in 12 countries.", "40 people"),
    ):
        s = sentence(text)
        assert is_tally(s, count(s, figure)), text


def test_a_place_after_outside_is_not_where_the_figure_holds() -> None:
    s = sentence("Outside Valdoria one death has been confirmed, in Ostmark.", ("Valdoria", "GPE"), ("Ostmark", "GPE"))
    assert places_of(s) == ("ostmark",)


def test_the_rest_of_a_total_or_a_figure_that_will_not_happen_is_not_a_tally() -> None:
    s = sentence("The other four recorded deaths in the region were in Ostmark.")
    assert not is_tally(s, count(s, "four recorded deaths"))
    s = sentence("There will not be 5 million deaths this time, the expert said.")
    assert not is_tally(s, count(s, "5 million deaths"))
    s = sentence("There have been 5 deaths, and the toll could rise.")
    assert is_tally(s, count(s, "5 deaths"))


def test_a_rise_of_is_an_increment_not_a_total() -> None:
    s = sentence("The ministry reported a rise of 4,100 cases and 18 deaths since its last report.")
    assert not is_tally(s, count(s, "18"))
    assert not is_tally(s, count(s, "4,100"))
    s = sentence("The toll has risen to 18 deaths.")
    assert is_tally(s, count(s, "18"))


def test_world_wide_in_two_words_is_the_world() -> None:
    assert places_of(sentence("About 150 people have died world wide.")) == (WORLD,)


def test_a_sentence_going_on_about_the_one_before_takes_its_place() -> None:
    before = sentence("Confirmed cases in Valdoria now stand at 1,500.", ("Valdoria", "GPE"))
    assert figure_places(sentence("There has been one death, a teacher in her forties."), before) == ("valdoria",)
    assert figure_places(sentence("Doctors have seen one death."), before) == ()
    own = sentence("There has been one death in Ostmark.", ("Ostmark", "GPE"))
    assert figure_places(own, before) == ("ostmark",)


def test_a_local_authority_s_figure_holds_for_the_place_named_just_before() -> None:
    before = sentence("Most roofs have fallen in Dunmore, a town west of the capital.", ("Dunmore", "GPE"))
    told = sentence("According to the local police, between 300 and 400 people have died.")
    assert figure_places(told, before, count(told, "between 300 and 400")) == ("dunmore",)
    officials = sentence("Local officials said 40 people were missing.")
    assert figure_places(officials, before, count(officials, "40")) == ("dunmore",)
    assert figure_places(sentence("The police said 40 people were missing."), before) == ()


def _report(*places: str) -> Document:
    text = " ".join(f"Rain fell on {p}." for p in places) or "Rain fell."
    s = sentence(text, *((p, "GPE") for p in places))
    return replace(build_document(text), sentences=(s,))


def test_a_side_place_s_smaller_count_is_part_of_the_whole_story_s() -> None:
    main = main_places([_report("Valdoria", "Ostmark"), _report("Valdoria"), _report("Valdoria"), _report("Kessel")])
    assert main == frozenset({"valdoria"})
    assert is_part(("ostmark",), (), main)  # "one death in Ostmark" against "the toll stands at 16"
    assert is_part(("ostmark",), (WORLD,), main)
    assert not is_part(("valdoria",), (), main)  # where the story happens: the whole
    assert not is_part((), (), main)
    assert not is_part(("ostmark",), ("kessel",), main)


def test_a_main_country_s_count_is_part_of_the_whole_in_a_story_told_over_the_world() -> None:
    main = frozenset({"valdoria", "ostmark", WORLD})
    assert is_part(("valdoria",), (), main)  # "66 deaths in Valdoria" against "72 have died"
    assert is_part(("ostmark",), (WORLD,), main)
    assert not is_part((WORLD,), (), main)
    assert not is_part(("valdoria",), ("ostmark",), main)
    assert not is_part(("valdoria",), (), frozenset({"valdoria", "ostmark"}))  # no world: the whole story's places


@pytest.mark.parametrize(
    ("text", "figure", "tally"),
    [
        ("In Valdoria 12 of the 140 reported deaths have been confirmed as fever.", "12", False),
        ("In Valdoria 12 of the 140 reported deaths have been confirmed as fever.", "140 reported deaths", True),
        ("Three of the 40 victims were children, the ministry said.", "Three", False),
        ("Rebels said 12 of the 30 soldiers were killed.", "12", True),  # a part of a group, which the toll may be
        ("The port, where most deaths occurred and home to some 3 million people, stayed shut.", "3 million people",
         False),
        ("The fever hit Kessel, a city of 900,000, hardest.", "900,000", False),
        ("The fever has killed some 300 people in the port.", "300 people", True),
    ],
)  # fmt: skip
def test_a_part_of_a_toll_told_with_it_or_a_place_s_people_is_not_a_tally(text: str, figure: str, tally: bool) -> None:
    s = sentence(text)
    assert is_tally(s, count(s, figure)) is tally


def test_each_figure_takes_the_place_phrase_nearest_it() -> None:
    text = "Outside of Valdoria 2 people have died, while in Valdoria there are 9 confirmed deaths and in Ostmark 4."
    at = [m.start() for m in re.finditer("Valdoria", text)]
    ents = (
        Entity(at[0], at[0] + 8, "Valdoria", "GPE"),
        Entity(at[1], at[1] + 8, "Valdoria", "GPE"),
        Entity(text.index("Ostmark"), text.index("Ostmark") + 7, "Ostmark", "GPE"),
    )
    s = Sentence(index=0, start=0, end=len(text), text=text, paragraph=0, entities=ents)
    assert figure_places(s, None, count(s, "2")) == ("outside valdoria",)
    assert figure_places(s, None, count(s, "9")) == ("valdoria",)
    assert figure_places(s, None, count(s, "4")) == ("ostmark",)


def test_places_listed_together_are_one_phrase_of_the_figure() -> None:
    s = sentence(
        "Cases in Valdoria, Ostmark and Lisk have reached 300.",
        ("Valdoria", "GPE"),
        ("Ostmark", "GPE"),
        ("Lisk", "GPE"),
    )
    assert figure_places(s, None, count(s, "300")) == ("lisk", "ostmark", "valdoria")


def test_a_figure_told_nationwide_holds_for_the_country_not_the_nearest_city() -> None:
    s = sentence(
        "Shots were heard near the port of Kessel overnight; the death toll nationwide has reached 140.",
        ("Kessel", "GPE"),
    )
    assert figure_places(s, None, count(s, "140")) == ()
    across = sentence("Riots spread from Kessel across the country, where 35 people have died.", ("Kessel", "GPE"))
    assert figure_places(across, None, count(across, "35")) == ()
    # without the word for the whole country, the city nearest still holds the figure
    plain = sentence("Shots were heard near the port of Kessel overnight, where 140 have died.", ("Kessel", "GPE"))
    assert figure_places(plain, None, count(plain, "140")) == ("kessel",)


def test_other_including_or_also_at_the_figure_adds_it_to_a_count_told_before() -> None:
    s = sentence("Two other reporters have been killed this year in the war.")
    assert not is_tally(s, count(s, "Two other reporters"))
    s = sentence("The survey said 1,400 villagers died, including 440 killed by mines.")
    assert is_tally(s, count(s, "1,400 villagers"))
    assert not is_tally(s, count(s, "440"))
    s = sentence("There are now 5,200 confirmed cases including 23 deaths in 40 countries.")
    assert is_tally(s, count(s, "23"))  # the whole of another measure
    s = sentence("One driver and two aid workers are also unaccounted for.")
    assert not is_tally(s, count(s, "One driver"))
    assert not is_tally(s, count(s, "two aid workers"))
    s = sentence("The storm also killed 12 people in the hills.")
    assert not is_tally(s, count(s, "12 people"))
    s = sentence("The league also said 370 people are missing in the hills.")
    assert is_tally(s, count(s, "370 people"))
    s = sentence("The storm killed 12 people in the hills, and also flooded the port.")
    assert is_tally(s, count(s, "12 people"))


def test_a_count_of_one_blow_of_several_is_not_a_tally() -> None:
    s = sentence("A nurse said two people were hurt by an initial shell, the rest by a second one.")
    assert not is_tally(s, count(s, "two people"))
    s = sentence("A nurse said 15 people were hurt by the shelling of the clinic.")
    assert is_tally(s, count(s, "15 people"))
    s = sentence("Valdorian forces retook about 900 km2 in the first days of the push.")
    assert is_tally(s, count(s, "about 900 km2"))


def test_a_figure_for_another_country_is_told_elsewhere_in_a_story_of_one_country() -> None:
    main = frozenset({"libya"})
    assert is_elsewhere(("afghanistan",), main)
    assert not is_elsewhere(("misrata",), main)  # a town of the story's country
    assert not is_elsewhere(("libya", "afghanistan"), main)
    assert not is_elsewhere((), main)
    assert not is_elsewhere(("afghanistan",), main | {WORLD})  # a world story: a part, not another story


def test_a_count_of_a_people_holds_for_that_people_s_country() -> None:
    main = frozenset({"libya"})
    s = sentence("The monitors said 318 Afghan villagers died in the first half of the year.")
    assert figure_places(s, None, count(s, "318")) == ("afghanistan",)
    assert is_elsewhere(figure_places(s, None, count(s, "318")), main)  # a round-up's count in a Libyan story
    guards = sentence("At least two Pakistani border guards were hurt.")
    assert figure_places(guards, None, count(guards, "two")) == ("pakistan",)
    own = sentence("Nine Libyan volunteers drowned off the coast.")
    assert not is_elsewhere(figure_places(own, None, count(own, "Nine")), main)  # the story's own people
    assert (
        figure_places(sentence("The flood took 900 lives."), None, count(sentence("The flood took 900 lives."), "900"))
        == ()
    )
    named = sentence("Some 210 Afghan workers were killed in Valdoria.", ("Valdoria", "GPE"))
    assert figure_places(named, None, count(named, "210")) == ("valdoria",)  # a place named wins


def test_a_total_told_with_where_most_of_it_is_holds_for_no_one_place() -> None:
    s = sentence(
        "Fever has sickened 90 people, including 40 in Ostmark, and at least 61 have died, all but one in Valdoria.",
        ("Ostmark", "GPE"),
        ("Valdoria", "GPE"),
    )
    assert figure_places(s, None, count(s, "61")) == ()
    assert figure_places(s, None, count(s, "40")) == ("ostmark",)
    most = sentence("Storms killed 35 people, most of them in Kessel, on Sunday.", ("Kessel", "GPE"))
    assert figure_places(most, None, count(most, "35")) == ()
    # a place the figure itself is told for still holds it
    own = sentence("Storms killed 35 people in Kessel, most of them children.", ("Kessel", "GPE"))
    assert figure_places(own, None, count(own, "35")) == ("kessel",)
    parts = sentence(
        "So far 30 deaths are confirmed -- 28 in Valdoria and two in Ostmark.", ("Valdoria", "GPE"), ("Ostmark", "GPE")
    )
    assert figure_places(parts, None, count(parts, "30")) == ()
    listed = sentence(
        "The fever has killed 28 people in Valdoria, two in Ostmark.", ("Valdoria", "GPE"), ("Ostmark", "GPE")
    )
    assert figure_places(listed, None, count(listed, "28")) == ("valdoria",)
    # what most of it is, not where
    how = sentence("A nurse in Kessel said 30 people died, most from gunshot wounds.", ("Kessel", "GPE"))
    assert figure_places(how, None, count(how, "30")) == ("kessel",)
