"""story.json export: the shape of the dict, derived-from details, event sources and determinism."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

import pytest

from storyline import SCHEMA_VERSION
from storyline.output.export import ExportError, StoryExport, export_to_dict, story_to_dict, story_to_export
from storyline.records import (
    Attribution,
    Contradiction,
    Derivation,
    Document,
    Entity,
    Event,
    FigurePoint,
    FigureSeries,
    Mention,
    MentionRef,
    Quantity,
    Skipped,
    Story,
    TimeExpression,
    TimelineEntry,
)

ORIGIN_TEXT = "The bridge closed on Monday. Engineers found a crack. Traffic was diverted."
COPY_TEXT = "The bridge closed on Monday. Engineers found a crack. Repairs could take a month."


def build_story(make_doc: Callable[..., Document]) -> Story:
    origin = make_doc(ORIGIN_TEXT, published="2025-03-03", source="Harbour Wire", title="Bridge shut")
    copy = make_doc(COPY_TEXT, published="2025-03-04", source="Daily Ledger", title="Bridge closed")
    first = origin.sentences[0]
    annotated = replace(
        first,
        status="confirmed",
        attributed_to="the council",
        entities=(Entity(start=4, end=10, text="bridge", label="FAC"),),
        times=(TimeExpression(start=21, end=27, text="Monday", type="DATE", value="2025-03-03", date="2025-03-03"),),
        attributions=(Attribution(cue=(0, 3), content=(4, 27), source=None, speaker="the council"),),
    )
    origin = replace(origin, sentences=(annotated, *origin.sentences[1:]))
    month = Quantity(
        start=65,
        end=72,
        text="a month",
        value=1,
        low=1,
        high=1,
        unit="month",
        raw_unit="month",
        qualifier=None,
        noun=None,
    )
    copy = replace(copy, sentences=(*copy.sentences[:2], replace(copy.sentences[2], quantities=(month,))))
    mentions = (
        Mention(
            document=copy.id,
            sentence=0,
            text=copy.sentences[0].text,
            status="reported",
            attributed_to=None,
            date="2025-03-03",
            date_fallback=False,
        ),
        Mention(
            document=origin.id,
            sentence=0,
            text=origin.sentences[0].text,
            status="confirmed",
            attributed_to="the council",
            date="2025-03-03",
            date_fallback=False,
        ),
        Mention(
            document=origin.id,
            sentence=0,
            text=origin.sentences[0].text,
            status="confirmed",
            attributed_to="the council",
            date="2025-03-03",
            date_fallback=False,
        ),
    )
    point = FigurePoint(
        date="2025-03-04",
        value=1,
        low=1,
        high=1,
        qualifier="about",
        document=copy.id,
        sentence=2,
        text=copy.sentences[2].text,
        source="Daily Ledger",
        attributed_to=None,
    )
    return Story(
        id="story-bridge",
        title="Bridge closure",
        documents=(origin, copy),
        skipped=(Skipped(path="notes.bin", reason="E003: binary"),),
        derivations=(
            Derivation(
                document=copy.id,
                origin=origin.id,
                relation="rewrite",
                score=0.812345678,
                adds=(2,),
                drops=(2,),
            ),
        ),
        events=(
            Event(
                id="e1",
                date="2025-03-03",
                summary="The bridge closed.",
                mentions=mentions,
                independent_sources=1,
                contested=False,
            ),
        ),
        figures=(FigureSeries(measure="repair time", unit="month", points=(point,)),),
        contradictions=(
            Contradiction(
                kind="fact",
                mentions=(MentionRef(document=origin.id, sentence=2, text=origin.sentences[2].text),),
                note="one report only",
            ),
        ),
        timeline=(TimelineEntry(date="2025-03-03", event="e1", summary="The bridge closed."),),
    )


@pytest.fixture
def story(make_doc: Callable[..., Document]) -> Story:
    return build_story(make_doc)


def test_top_level_keys_follow_the_story_json_order(story: Story) -> None:
    data = story_to_dict(story)
    assert list(data) == [
        "schema_version",
        "story",
        "summary",
        "documents",
        "events",
        "figures",
        "contradictions",
        "timeline",
        "skipped",
    ]
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["story"] == {"id": "story-bridge", "title": "Bridge closure"}


def test_document_fields_follow_the_story_json_order(story: Story) -> None:
    doc = story_to_dict(story)["documents"][0]
    assert list(doc) == [
        "id",
        "path",
        "url",
        "source",
        "title",
        "byline",
        "dateline",
        "published",
        "published_from",
        "published_confidence",
        "boilerplate_removed",
        "derived_from",
        "adds",
        "drops",
        "text",
        "sentences",
    ]
    assert list(doc["sentences"][0]) == [
        "index",
        "start",
        "end",
        "text",
        "paragraph",
        "status",
        "attributed_to",
        "status_detail",
        "event_date",
        "event_date_fallback",
        "event_date_anchor",
        "entities",
        "times",
        "quantities",
        "attributions",
    ]


def test_sentence_annotations_are_plain_json(story: Story) -> None:
    sentence = story_to_dict(story)["documents"][0]["sentences"][0]
    assert sentence["attributions"] == [
        {
            "cue": [0, 3],
            "content": [4, 27],
            "source": None,
            "speaker": "the council",
            "kind": "claim",
            "via": None,
        }
    ]
    assert sentence["times"][0]["date"] == "2025-03-03"
    assert sentence["entities"] == [{"start": 4, "end": 10, "text": "bridge", "label": "FAC"}]
    assert "tokens" not in sentence


def test_derived_document_lists_origin_and_the_texts_it_adds_and_drops(story: Story) -> None:
    origin, copy = story_to_dict(story)["documents"]
    assert origin["derived_from"] == [] and origin["adds"] == [] and origin["drops"] == []
    assert copy["derived_from"] == [{"document": origin["id"], "relation": "rewrite", "score": 0.8123, "note": None}]
    assert copy["adds"] == ["Repairs could take a month."]
    assert copy["drops"] == ["Traffic was diverted."]


def test_event_sources_are_sorted_distinct_outlets(story: Story) -> None:
    event = story_to_dict(story)["events"][0]
    assert event["sources"] == ["Daily Ledger", "Harbour Wire"]
    assert len(event["mentions"]) == 3
    assert list(event["mentions"][0]) == [
        "document",
        "sentence",
        "text",
        "attributed_to",
        "status",
        "status_detail",
        "date",
        "date_fallback",
        "date_from_event",
    ]


def test_figures_contradictions_timeline_and_skipped_are_exported(story: Story) -> None:
    data = story_to_dict(story)
    assert data["figures"][0]["points"][0]["qualifier"] == "about"
    assert data["contradictions"][0]["mentions"][0]["text"] == "Traffic was diverted."
    assert data["timeline"] == [
        {
            "date": "2025-03-03",
            "event": "e1",
            "summary": "The bridge closed.",
            "sentences": [],
            "events": [],
            "sources": [],
            "independent_sources": 0,
            "score": 0.0,
        }
    ]
    assert data["skipped"] == [{"path": "notes.bin", "reason": "E003: binary"}]


def test_a_figure_point_s_own_day_is_read_by_contradictions_and_not_exported(story: Story) -> None:
    (series,) = story.figures
    dated = replace(story, figures=(replace(series, points=tuple(replace(p, own_day=True) for p in series.points)),))
    assert "own_day" not in story_to_dict(dated)["figures"][0]["points"][0]
    assert story_to_dict(dated) == story_to_dict(story)


def test_export_is_deterministic_and_round_trips_through_json(make_doc: Callable[..., Document]) -> None:
    first = json.dumps(story_to_dict(build_story(make_doc)))
    second = json.dumps(story_to_dict(build_story(make_doc)))
    assert first == second
    assert json.loads(first) == story_to_dict(build_story(make_doc))


def test_export_records_and_dict_agree(story: Story) -> None:
    export = story_to_export(story)
    assert isinstance(export, StoryExport)
    assert export_to_dict(export) == story_to_dict(story)


def test_derivation_naming_a_missing_sentence_is_an_export_error(story: Story) -> None:
    broken = replace(story, derivations=(replace(story.derivations[0], adds=(9,)),))
    with pytest.raises(ExportError, match="E061"):
        story_to_dict(broken)


def test_derivation_naming_a_missing_document_is_an_export_error(story: Story) -> None:
    broken = replace(story, derivations=(replace(story.derivations[0], origin="gone"),))
    with pytest.raises(ExportError, match="E060"):
        story_to_dict(broken)
