"""``corpus/event_places.py``: a capital may stand for its country; other places never overlap."""

from __future__ import annotations

from storyline.corpus.event_places import containing, overlapping


def test_a_capital_lies_in_its_country():
    assert containing(["moscow"]) == {"russia"}
    assert containing(["paris", "lyon"]) == {"france"}


def test_a_town_that_is_no_capital_lies_in_no_country_here():
    assert containing(["kharkiv"]) == frozenset()
    assert containing(["harbor point"]) == frozenset()


def test_places_overlap_when_shared_or_when_one_names_the_country_of_the_others_capital():
    moscow, russia = frozenset({"moscow"}), frozenset({"russia"})
    assert overlapping(moscow, containing(moscow), russia, containing(russia))
    assert overlapping(russia, containing(russia), moscow | {"tula"}, containing(moscow))
    kyiv, kharkiv = frozenset({"kyiv"}), frozenset({"kharkiv"})
    assert not overlapping(kyiv, containing(kyiv), kharkiv, containing(kharkiv))
    assert not overlapping(kharkiv, containing(kharkiv), frozenset({"ukraine"}), frozenset())
