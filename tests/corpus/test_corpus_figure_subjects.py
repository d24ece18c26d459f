"""Whose troops, and where: one series per side or place, and a few known soldiers are no force."""

from __future__ import annotations

import re

import pytest

from storyline.corpus import figure_subjects as fs
from storyline.corpus import figures as fg
from storyline.records import Document, Entity, Quantity, Sentence, Story

_NUMBER = re.compile(r"\d[\d,]*|\b(?:two|three)\b")
_WORDS = {"two": 2.0, "three": 3.0}


def sentence(text: str, places: tuple[str, ...] = (), start: int = 40) -> tuple[Sentence, Quantity]:
    """A sentence starting at ``start`` in its document, its first number a count, ``places`` tagged GPE."""
    m = _NUMBER.search(text)
    assert m is not None
    value = _WORDS.get(m.group()) or float(m.group().replace(",", ""))
    q = Quantity(start + m.start(), start + m.end(), m.group(), value, value, value, "count", None, None, None)
    entities = tuple(Entity(start + text.index(p), start + text.index(p) + len(p), p, "GPE") for p in places)
    s = Sentence(0, start, start + len(text), text, 0, entities=entities, quantities=(q,))
    return s, q


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Ardenia's 4,000 troops crossed the border.", "Ardenia"),
        ("The ministry sent 2,000 Ardenian troops north.", "Ardenian"),
        ("Some 300 rebel fighters held the ridge.", "rebel"),
        ("At least 14 government soldiers were seen at the depot.", "government"),
        ("About 900 soldiers from Borvania joined the exercise.", "Borvania"),
        ("The army moved 5,000 troops to the coast.", None),
    ],
)
def test_the_side_of_a_troop_count_is_named_with_it(text: str, side: str | None) -> None:
    s, q = sentence(text)
    noun = next(n for n in ("troops", "soldiers", "fighters") if n in text)
    assert fs.side_of(s, q, noun) == side


def test_without_a_side_the_place_nearest_the_number_in_its_clause_is_where() -> None:
    s, q = sentence("Fort Amber in Westland is the largest base with some 8,000 troops.", ("Fort Amber", "Westland"))
    assert fs.where_of(s, q) == "Westland"
    alone, q2 = sentence("Some 6,000 troops have been sent across the country.")
    assert fs.where_of(alone, q2) is None


def test_a_small_definite_group_is_a_few_known_people_not_a_force() -> None:
    s, q = sentence("The popularity of the two fighters drew a large crowd.")
    assert fs.is_few_known(s, q)
    big, q2 = sentence("The 3,000 troops left the port.")
    assert not fs.is_few_known(big, q2)


def _doc(text: str, places: tuple[str, ...], date: str) -> Document:
    s, q = sentence(text, places, start=0)
    from storyline.textmap import TextMap

    return Document(
        id=f"d{date}", path=None, raw_text=text, text=text, text_map=TextMap.identity(len(text)),
        source="Wire", sentences=(Sentence(0, 0, len(text), text, 0, entities=s.entities, quantities=(q,),
                                           event_date=date),),
    )  # fmt: skip


def test_troops_of_different_sides_or_places_are_different_series() -> None:
    docs = (
        _doc("Ardenia's 4,000 troops crossed the border.", (), "2031-03-01"),
        _doc("Ardenia's 6,000 troops reached the river.", (), "2031-03-04"),
        _doc("Borvania keeps 30,000 troops at its bases.", ("Borvania",), "2031-03-02"),
        _doc("The popularity of the two fighters drew a large crowd.", (), "2031-03-03"),
    )
    series = {s.measure: [p.value for p in s.points] for s in fg.find_figures(Story(id="s", title="t", documents=docs))}
    assert series == {"troops, Ardenia": [4000.0, 6000.0], "troops, Borvania": [30000.0]}


def counted(text: str, phrase: str, noun: str) -> tuple[Sentence, Quantity]:
    """A sentence whose quantity spans ``phrase`` and its noun, as the reader gives it ("18 U.S. soldiers")."""
    at = text.index(phrase)
    value = float(_NUMBER.search(phrase).group().replace(",", ""))  # type: ignore[union-attr]
    q = Quantity(at, at + len(phrase), phrase, value, value, value, "count", noun, None, noun, subject=phrase)
    return Sentence(0, 0, len(text), text, 0, quantities=(q,)), q


@pytest.mark.parametrize(
    ("text", "phrase", "measure"),
    [
        ("Officials said on Sunday that 18 U.S. soldiers had the flu.", "18 U.S. soldiers", None),
        ("Doctors said 25 Ardenian soldiers based at the port had contracted the virus.", "25 Ardenian soldiers", None),
        ("By Friday 40 troops had fallen ill.", "40 troops", None),
        ("The camp said 30 soldiers infected with the virus were isolated.", "30 soldiers", None),
        ("The virus has sickened 22 soldiers at the camp.", "22 soldiers", None),
        ("Police said 40 soldiers were arrested after the riot.", "40 soldiers", None),
        ("Rebels captured 35 government soldiers near the pass.", "35 government soldiers", None),
        ("Some 15 fighters were taken prisoner on the ridge.", "15 fighters", None),
        ("A court said 11 soldiers were convicted of looting.", "11 soldiers", None),
        ("12 soldiers were killed in the ambush.", "12 soldiers", "killed, soldiers"),  # a group's own dead
        ("3,000 troops crossed the border on Monday.", "3,000 troops", "troops"),
        ("3,000 Ardenian troops captured the town.", "3,000 Ardenian troops", "troops, Ardenian"),
        ("About 200 soldiers arrested the looters.", "200 soldiers", "troops"),
        ("The army sent 2,000 troops to fight the flu outbreak.", "2,000 troops", "troops"),
        ("Some 2,000 troops were sent to the quarantined town.", "2,000 troops", "troops"),
        ("The alarm rose when 16 soldiers travelling with the team, tested positive.", "16 soldiers", None),
        ("Doctors said 30 soldiers guarding the border post had fallen ill.", "30 soldiers", None),
        ("Officials said 3,000 troops guarding the border crossed the river.", "3,000 troops", "troops"),
    ],
)
def test_soldiers_something_befell_are_no_troop_count(text: str, phrase: str, measure: str | None) -> None:
    noun = next(n for n in ("troops", "soldiers", "fighters") if n in phrase)
    s, q = counted(text, phrase, noun)
    assert fg.measure_of(s, q) == measure


def test_soldiers_something_befell_are_read_when_the_quantity_stops_at_the_number() -> None:
    s, q = sentence("Officials said 18 Ardenian soldiers had the flu and 40 soldiers were arrested.")
    assert fs.is_soldiers_fate(s, q)
    crossing, q2 = sentence("Officials said 18 Ardenian soldiers crossed the river.")
    assert not fs.is_soldiers_fate(crossing, q2)
