"""``corpus/event_places.py``: a capital may stand for its country, and a town for its country when that
country is named without a town of its own; two towns never overlap."""

from __future__ import annotations

from storyline.corpus.event_places import containing, in_country, overlapping, towns_lie_in


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


def test_a_town_lies_in_its_country_unless_written_as_a_river():
    assert towns_lie_in(["kharkiv"]) == {"ukraine"}
    assert towns_lie_in(["dnipro"], "The dam on the Dnipro river was destroyed.") == frozenset()
    assert towns_lie_in(["dnipro"], "Shelling hit Dnipro overnight.") == {"ukraine"}
    assert towns_lie_in(["harbor point", "ukraine"]) == frozenset()


def test_a_town_and_its_country_named_alone_overlap():
    kharkiv, ukraine = frozenset({"kharkiv"}), frozenset({"ukraine"})
    assert in_country(kharkiv, towns_lie_in(kharkiv), ukraine, towns_lie_in(ukraine))
    assert overlapping(ukraine, frozenset(), kharkiv, frozenset(), towns_lie_in(ukraine), towns_lie_in(kharkiv))
    assert not overlapping(kharkiv, frozenset(), frozenset({"poland"}), frozenset(), towns_lie_in(kharkiv))


def test_a_country_named_beside_its_own_town_is_only_the_setting():
    kharkiv, izium = frozenset({"kharkiv"}), frozenset({"izium", "ukraine"})
    assert not overlapping(kharkiv, frozenset(), izium, frozenset(), towns_lie_in(kharkiv), towns_lie_in(izium))
