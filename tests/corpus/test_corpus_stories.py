"""Story separation: mixed reports into stories, and a story into its distinct happenings.

Small hand-built reports with the hashing encoder; only the ``cluster_json`` test loads spaCy.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from storyline.config import Config, StoriesConfig
from storyline.corpus.embeddings import HashingEncoder
from storyline.corpus.stories import (
    cluster_documents,
    cluster_json,
    date_conflicts,
    number_features,
    profile,
    separate_stories,
    story_title,
    weighted_cosines,
)
from storyline.doc.quantities import annotate_quantities
from storyline.errors import InputError
from storyline.records import Document, Entity, Quantity, TimeExpression

MakeDoc = Callable[..., Document]

# Names the tests mark as entities, with their labels.
NAMES = {
    "Kupiansk": "GPE", "Balakliia": "GPE", "Kharkiv": "GPE", "Oleh Syniehubov": "PERSON",
    "Hanna Maliar": "PERSON", "Izium": "GPE", "Port Wren": "GPE", "Harbor Ferries": "ORG",
    "Dockers Union": "ORG", "Mara Quill": "PERSON",
}  # fmt: skip
DATES = {"September 8": "2022-09-08", "September 10": "2022-09-10", "March 3": "2023-03-03"}
_DEAD = re.compile(r"(\d+) (people|civilians|soldiers)")


def annotate(doc: Document) -> Document:
    """Mark the names, dates and death tolls of the test reports as the nlp, time and quantities stages would."""
    sentences = []
    for s in doc.sentences:
        entities = tuple(
            Entity(s.start + m.start(), s.start + m.end(), name, label)
            for name, label in NAMES.items()
            for m in re.finditer(re.escape(name), s.text)
        )
        times = tuple(
            TimeExpression(s.start + m.start(), s.start + m.end(), text, "DATE", iso, iso)
            for text, iso in DATES.items()
            for m in re.finditer(text, s.text)
        )
        quantities = tuple(
            Quantity(m.start(), m.end(), m.group(), float(m.group(1)), float(m.group(1)), float(m.group(1)),
                     "count", None, None, m.group(2))
            for m in _DEAD.finditer(s.text)
        )  # fmt: skip
        sentences.append(replace(s, entities=entities, times=times, quantities=quantities))
    return replace(doc, sentences=tuple(sentences))


KUPIANSK = [
    "Ukrainian forces retook Kupiansk on September 10, Hanna Maliar said. Troops raised the flag over the town "
    "hall of Kupiansk in Kharkiv region after Russian units withdrew across the river. 12 civilians were found dead.",
    "Kupiansk in Kharkiv region was retaken by Ukrainian troops on September 10, according to Hanna Maliar. "
    "Russian units pulled back across the river from Kupiansk, and 12 civilians were found dead in the town.",
    "Hanna Maliar confirmed that Kupiansk in Kharkiv region was back under Ukrainian control on September 10. "
    "The flag flies over Kupiansk again; 12 civilians were found dead after the Russian withdrawal across the river.",
]
BALAKLIIA = [
    "Ukrainian forces retook Balakliia on September 8, Oleh Syniehubov said. Troops entered Balakliia in "
    "Kharkiv region after a two-day battle. 3 soldiers were killed.",
    "Balakliia in Kharkiv region was retaken by Ukrainian troops on September 8, said Oleh Syniehubov. "
    "The battle for Balakliia lasted two days and 3 soldiers were killed.",
    "Oleh Syniehubov said Ukrainian troops entered Balakliia on September 8 after two days of fighting "
    "in Kharkiv region; 3 soldiers were killed.",
]
FERRY = [
    "Harbor Ferries cancelled all sailings from Port Wren on March 3 as the Dockers Union began a strike "
    "over pay. Mara Quill, the union's leader, said the walkout would last a week.",
    "No ferries left Port Wren on March 3: the Dockers Union strike over pay halted Harbor Ferries, and "
    "Mara Quill said the walkout would go on for a week.",
    "The Dockers Union strike stopped every Harbor Ferries sailing at Port Wren on March 3. Mara Quill "
    "told reporters the pay dispute walkout would last a week.",
]


@pytest.fixture
def reports(make_doc: MakeDoc) -> list[Document]:
    texts = [*KUPIANSK, *BALAKLIIA, *FERRY]
    return [annotate(make_doc(t, path=f"r{i}.txt")) for i, t in enumerate(texts)]


def test_mixed_reports_split_into_stories_and_happenings(reports: list[Document]) -> None:
    # The hashing encoder sees no paraphrase, so reports sit further apart than with MiniLM.
    found = cluster_documents(reports, HashingEncoder(), StoriesConfig(story_distance=0.9))
    stories = [a.story for a in found]
    events = [a.event for a in found]
    assert [a.document for a in found] == [f"r{i}.txt" for i in range(9)]
    assert stories[:6] == [1] * 6 and stories[6:] == [2] * 3  # the war, then the strike
    assert events == [1, 1, 1, 2, 2, 2, 3, 3, 3]  # two villages taken on different days are two events


def test_the_clusters_do_not_depend_on_the_input_order(reports: list[Document]) -> None:
    config = StoriesConfig(story_distance=0.9)
    forward = cluster_documents(reports, HashingEncoder(), config)
    backward = cluster_documents(reports[::-1], HashingEncoder(), config)
    assert [(a.document, a.story, a.event) for a in backward] == [
        (a.document, 3 - a.story, 4 - a.event) for a in forward[::-1]
    ]  # the same groups, numbered in the new order of first report


def _groups(reports: list[Document], config: StoriesConfig) -> list[tuple[list[str], str]]:
    found = separate_stories(reports, HashingEncoder(), config)
    return [([d.path for d in g.documents], story_title(g.central)) for g in found]


def test_separated_stories_come_largest_first_with_their_reports_in_input_order(reports: list[Document]) -> None:
    titled = [replace(d, title=f"Report {d.path}") for d in reports]
    [war, strike] = _groups(titled, StoriesConfig(story_distance=0.9))
    assert war[0] == [f"r{i}.txt" for i in range(6)] and strike[0] == ["r6.txt", "r7.txt", "r8.txt"]


def test_separated_stories_and_their_names_do_not_depend_on_the_input_order(reports: list[Document]) -> None:
    titled = [replace(d, title=f"Report {d.path}") for d in reports]
    config = StoriesConfig(story_distance=0.9)
    forward = _groups(titled, config)
    shuffled = _groups([titled[i] for i in (4, 8, 0, 6, 2, 7, 5, 1, 3)], config)
    assert [(sorted(paths), title) for paths, title in shuffled] == [(sorted(p), t) for p, t in forward]


def test_a_story_is_named_after_its_most_central_titled_report(make_doc: MakeDoc) -> None:
    hub = "Harbor Ferries sailings from Port Wren stopped as the Dockers Union strike over pay began."
    texts = [
        "Harbor Ferries sailings from Port Wren stopped as the Dockers Union strike began.",
        hub,
        "The Dockers Union strike over pay began at Port Wren.",
    ]
    docs = [annotate(make_doc(t, path=f"{i}.txt", title=f"Title {i}")) for i, t in enumerate(texts)]
    docs.append(annotate(make_doc(hub + " ", path="untitled.txt")))  # as central, but without a title
    [group] = separate_stories(docs, HashingEncoder(), StoriesConfig(story_distance=0.9))
    assert group.central.path == "1.txt"


def test_no_reports_give_no_stories() -> None:
    assert separate_stories([], HashingEncoder(), StoriesConfig()) == []


def test_a_place_every_report_shares_does_not_tell_happenings_apart() -> None:
    bags = [{"n:kharkiv": 1, "n:kupiansk": 1}, {"n:kharkiv": 1, "n:balakliia": 1}, {"n:kharkiv": 1, "n:kupiansk": 2}]
    from collections import Counter

    sims = weighted_cosines([Counter(b) for b in bags])
    assert sims[0, 1] < 0.1  # only the shared region: it weighs log(4/3) against log(4/2)
    assert sims[0, 2] > 0.9


def test_reports_published_far_apart_conflict_only_when_both_are_dated() -> None:
    conflicts = date_conflicts(["2022-09-10", "2022-09-12", "2022-12-01", None, "2022"], days=31)
    assert conflicts[0, 1] == 0 and conflicts[0, 2] == 1 and conflicts[2, 0] == 1
    assert not conflicts[3].any()
    assert conflicts[4, 0] == 0  # a year holds the day


def test_a_date_conflict_penalty_separates_otherwise_identical_reports(make_doc: MakeDoc) -> None:
    text = "Ukrainian forces shelled the bridge near the river crossing at dawn, officials said."
    docs = [make_doc(text, published=p, path=f"{p}.txt") for p in ("2022-09-01", "2022-09-02", "2022-11-20")]
    docs[1] = replace(docs[1], text=docs[1].text + " ")
    same = cluster_documents(docs, HashingEncoder(), StoriesConfig())
    assert len({a.event for a in same}) == 1
    apart = cluster_documents(docs, HashingEncoder(), StoriesConfig(date_conflict_penalty=1.0, date_conflict_days=31))
    assert [a.event for a in apart] == [1, 1, 2]


def test_a_profile_counts_surnames_dates_and_tolls(reports: list[Document]) -> None:
    p = profile(reports[3], np.zeros(4, dtype=np.float32))
    assert (
        p.names["n:syniehubov"] == p.names["n:oleh syniehubov"] == 1
        and p.features["d:2022-09-08"] == 1
        and p.features["y:2022"] == 1
    )
    assert p.features["q:3:soldiers"] == 1


def test_no_reports_give_no_assignments() -> None:
    assert cluster_documents([], HashingEncoder(), StoriesConfig()) == []


def test_weights_that_add_up_past_one_are_a_config_error() -> None:
    from storyline.errors import ConfigError

    with pytest.raises(ConfigError, match="stories"):
        Config.from_dict({"stories": {"event_embedding_weight": 0.8, "event_word_weight": 0.5}})


@pytest.mark.model
def test_cluster_json_with_no_readable_report_names_the_inputs(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="E100: no readable reports were found in " + str(tmp_path)):
        cluster_json([tmp_path])


@pytest.mark.model
def test_cluster_json_prints_path_story_and_event_per_report(tmp_path: Path) -> None:
    for i, text in enumerate([*KUPIANSK[:2], *FERRY[:2]]):
        (tmp_path / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
    config = Config.from_dict({"derivation": {"embedding_model": "hashing"}})
    rows = cluster_json([tmp_path], config)
    assert json.loads(json.dumps(rows)) == rows
    assert [Path(str(r["document"])).name for r in rows] == ["0.txt", "1.txt", "2.txt", "3.txt"]
    assert rows[0]["story"] == rows[1]["story"] != rows[2]["story"] == rows[3]["story"]
    assert rows[0]["event"] == rows[1]["event"] != rows[2]["event"]


def test_ages_and_durations_tell_happenings_apart_as_figures_do(make_doc: MakeDoc) -> None:
    doc = annotate_quantities(make_doc("Dana Roe, 33, spent 90 days in a clinic after 12 people fell ill."))
    assert number_features(doc.sentences[0]) == ["q:33:year", "q:90:day", "q:12:people"]
