from __future__ import annotations

from storyline.corpus.figure_scope import WORLD, clause_of, is_tally, places_of, same_scope
from storyline.records import Entity, Quantity, Sentence


def sentence(text: str, *entities: tuple[str, str]) -> Sentence:
    ents = tuple(Entity(text.index(t), text.index(t) + len(t), t, label) for t, label in entities)
    return Sentence(index=0, start=0, end=len(text), text=text, paragraph=0, entities=ents)


def count(s: Sentence, number: str) -> Quantity:
    at = s.text.index(number)
    value = float(number.replace(",", ""))
    return Quantity(at, at + len(number), number, value, value, value, "count", None, None, None)


def test_a_rate_in_the_figures_clause_is_not_a_tally() -> None:
    s = sentence("Seasonal flu kills 500,000 people a year, and the new strain has killed 72 people.")
    assert not is_tally(s, count(s, "500,000"))
    assert is_tally(s, count(s, "72"))
    s = sentence("Every year, seasonal flu causes 300,000 deaths.")
    assert not is_tally(s, count(s, "300,000"))


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
