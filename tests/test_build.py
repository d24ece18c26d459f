"""``build_stories``: mixed reports are read once, separated into stories, and each is built.

The reports are the flood and the ferry strike of ``conftest.MIXED_REPORTS``; spaCy runs the
per-document stages, and the hashing encoder stands in for MiniLM.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from storyline.build import (
    KnownStory,
    Stories,
    build_stories,
    build_story,
    name_stories,
    stored_stories,
    write_outputs,
    write_stories,
)
from storyline.config import Config
from storyline.corpus.stories import StoryGroup
from storyline.records import Document, Story
from storyline.store.store import open_store

FLOOD = ["flood1.txt", "flood2.txt", "flood3.txt"]
FERRY = ["ferry1.txt", "ferry2.txt", "ferry3.txt"]


@pytest.fixture
def config(hashing_config: Path) -> Config:
    return Config.from_file(hashing_config)


def _members(found: Stories) -> dict[str, list[str]]:
    return {story.id: [Path(d.path or "").name for d in story.documents] for story in found.stories}


@pytest.mark.model
def test_mixed_reports_build_one_story_per_cluster_with_its_reports(mixed_folder: Path, config: Config) -> None:
    found = build_stories([mixed_folder], config=config)
    assert _members(found) == {
        "ferry-crews-strike-at-port-wren": FERRY,
        "river-alder-bursts-its-banks-in-millbrook": FLOOD,
    }
    assert [s.title for s in found.stories] == [
        "Ferry crews strike at Port Wren",
        "River Alder bursts its banks in Millbrook",
    ]
    assert all(s.events and s.summary for s in found.stories)  # the corpus stages ran on each


@pytest.mark.model
def test_the_input_order_does_not_change_the_stories(mixed_folder: Path, config: Config) -> None:
    files = [mixed_folder / name for name in ("ferry2.txt", "flood3.txt", "ferry1.txt", "flood1.txt")]
    files += [mixed_folder / "ferry3.txt", mixed_folder / "flood2.txt"]
    forward = build_stories(files, config=config)
    backward = build_stories(files[::-1], config=config)
    assert {k: sorted(v) for k, v in _members(forward).items()} == {k: sorted(v) for k, v in _members(backward).items()}
    assert [s.id for s in forward.stories] == [s.id for s in backward.stories]


@pytest.mark.model
def test_skipped_inputs_belong_to_the_build_and_to_no_story(mixed_folder: Path, config: Config) -> None:
    (mixed_folder / "empty.txt").write_bytes(b"")
    found = build_stories([mixed_folder], config=config)
    assert [Path(s.path).name for s in found.skipped] == ["empty.txt"]
    assert all(not s.skipped for s in found.stories)


@pytest.mark.model
def test_each_story_is_written_to_its_folder_and_all_go_in_one_store(
    mixed_folder: Path, config: Config, tmp_path: Path
) -> None:
    from storyline.store.store import open_store

    out = tmp_path / "out"
    outputs = write_stories(build_stories([mixed_folder], config=config), out)
    assert [o.story_json for o in outputs] == [
        out / "ferry-crews-strike-at-port-wren" / "story.json",
        out / "river-alder-bursts-its-banks-in-millbrook" / "story.json",
    ]
    assert all(o.report_html.is_file() and o.report_md.is_file() for o in outputs)
    assert {o.db_url for o in outputs} == {f"sqlite:///{out / 'storyline.db'}"}
    with open_store(f"sqlite:///{out / 'storyline.db'}", create=False) as store:
        assert sorted((row.id, row.documents) for row in store.stories()) == [
            ("ferry-crews-strike-at-port-wren", 3),
            ("river-alder-bursts-its-banks-in-millbrook", 3),
        ]


@pytest.mark.model
def test_a_single_story_build_keeps_its_name_and_paths(mixed_folder: Path, config: Config, tmp_path: Path) -> None:
    for name in FERRY:
        (mixed_folder / name).unlink()
    story = build_story([mixed_folder], config=config)
    outputs = write_outputs(story, tmp_path / "out")
    assert (story.id, len(story.documents)) == ("inbox", 3)
    assert outputs.story_json == tmp_path / "out" / "story.json"
    assert json.loads(outputs.story_json.read_text(encoding="utf-8"))["story"]["id"] == "inbox"


@pytest.mark.model
def test_building_again_with_more_reports_updates_the_stored_stories(
    mixed_folder: Path, config: Config, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    url = f"sqlite:///{out / 'storyline.db'}"
    first = build_stories([mixed_folder / n for n in FLOOD[:2] + FERRY], config=config, known=stored_stories(url))
    write_stories(first, out)
    again = build_stories([mixed_folder], config=config, known=stored_stories(url))  # flood3.txt is new
    write_stories(again, out)
    assert [(s.id, s.title) for s in again.stories] == [(s.id, s.title) for s in first.stories]
    assert sorted((k.id, len(k.documents)) for k in stored_stories(url)) == sorted((s.id, 3) for s in first.stories)


def _group(make_doc: Callable[..., Document], *titles: str) -> StoryGroup:
    docs = tuple(make_doc(f"Report {t}.", path=f"{t}.txt", title=t) for t in titles)
    return StoryGroup(docs, docs[0])


def test_stories_are_named_after_their_central_report_and_never_take_a_stored_id(
    make_doc: Callable[..., Document],
) -> None:
    groups = [_group(make_doc, "Ferry strike", "b"), _group(make_doc, "Ferry strike", "c"), _group(make_doc, "Flood")]
    stored = KnownStory("flood", "Flood in Millbrook", frozenset({"unrelated"}))
    assert name_stories(groups, [stored]) == [
        ("ferry-strike", "Ferry strike"),
        ("ferry-strike-2", "Ferry strike"),
        ("flood-2", "Flood"),
    ]


def test_a_story_sharing_reports_with_a_stored_one_keeps_its_id_and_title(make_doc: Callable[..., Document]) -> None:
    group = _group(make_doc, "Ferry strike enters third day", "b", "c")
    ids = [d.id for d in group.documents]
    stored = [
        KnownStory("port-wren-strike", "Port Wren strike", frozenset(ids[:2])),
        KnownStory("ferry-talks", "Ferry talks", frozenset(ids[2:])),
    ]
    assert name_stories([group], stored) == [("port-wren-strike", "Port Wren strike")]


def test_write_outputs_writes_only_the_records_it_is_given(make_doc: Callable[..., Document], tmp_path: Path) -> None:
    docs = (make_doc("Crews reopened the bridge.", path="a.txt"), make_doc("The ferry ran again.", path="b.txt"))
    story = Story(id="s", title="s", documents=docs)
    narrowed = write_outputs(story, tmp_path / "narrowed", records=docs[1:])
    full = write_outputs(story, tmp_path / "full")
    ids = [d.id for d in docs]
    with open_store(narrowed.db_url) as store:
        assert list(store.load_documents(ids)) == [docs[1].id]
        assert [d["id"] for d in store.load("s")["documents"]] == ids
    with open_store(full.db_url) as store:
        assert sorted(store.load_documents(ids)) == sorted(ids)
