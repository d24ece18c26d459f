"""Routing by story separation: a report joins the stored story it is near, or starts a new one."""

from __future__ import annotations

from collections.abc import Callable

from storyline.config import Config
from storyline.corpus.embeddings import HashingEncoder
from storyline.follow.route import new_story_title, route_documents, unused_id
from storyline.records import Document

BRIDGE = "Crews lifted the last steel span of the harbour bridge into place. The bridge opens to cyclists in October."
BRIDGE_NEW = "The harbour bridge opens to cyclists in October after crews lifted the last steel span into place."
ORCHARD = "Apple growers began the harvest a week early. Pickers from three villages joined the orchards."

MakeDoc = Callable[..., Document]


def test_a_report_joins_the_story_it_is_near(make_doc: MakeDoc) -> None:
    stored = {"bridge": [make_doc(BRIDGE, path="a.txt")], "harvest": [make_doc(ORCHARD, path="b.txt")]}
    [route] = route_documents([make_doc(BRIDGE_NEW, path="c.txt")], stored, Config(), HashingEncoder())
    assert (route.story, route.new) == ("bridge", False)
    assert route.distance is not None and route.distance < Config().stories.story_distance
    assert route.line() == f"routed c.txt to story 'bridge' (distance {route.distance:.2f})"


def test_a_report_far_from_every_story_starts_a_new_one(make_doc: MakeDoc) -> None:
    stored = {"bridge": [make_doc(BRIDGE, path="a.txt")]}
    new = make_doc(ORCHARD, path="c.txt", title="Harvest starts a week early")
    [route] = route_documents([new], stored, Config(), HashingEncoder())
    assert (route.story, route.title, route.new) == ("harvest-starts-a-week-early", "Harvest starts a week early", True)
    assert route.nearest is not None and route.nearest >= Config().stories.story_distance


def test_later_reports_of_a_round_may_join_a_story_started_in_it(make_doc: MakeDoc) -> None:
    docs = [make_doc(ORCHARD, path="a.txt", title="Harvest"), make_doc(ORCHARD + " Prices fell.", path="b.txt")]
    first, second = route_documents(docs, {}, Config(), HashingEncoder())
    assert first.new and first.line() == "routed a.txt to a new story 'harvest' (no stored story)"
    assert (second.story, second.new) == ("harvest", False)


def test_a_report_a_story_has_stays_with_it(make_doc: MakeDoc) -> None:
    doc = make_doc(ORCHARD, path="a.txt")
    [route] = route_documents([doc], {"bridge": [make_doc(BRIDGE)], "harvest": [doc]}, Config(), HashingEncoder())
    assert (route.story, route.new, route.distance) == ("harvest", False, 0.0)


def test_a_new_story_gets_an_id_no_story_has() -> None:
    assert unused_id("harvest", {"harvest": 1, "harvest-2": 1}) == "harvest-3"
    assert unused_id("bridge", {"harvest": 1}) == "bridge"


def test_a_new_story_is_named_after_the_first_words_of_the_title(make_doc: MakeDoc) -> None:
    doc = make_doc(ORCHARD, title="Apple growers in the Kent valley began the harvest on Monday, early")
    assert new_story_title(doc) == "Apple growers in the Kent valley began the"
