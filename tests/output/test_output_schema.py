"""The JSON Schema of story.json: the checked-in copy is current, and exported stories validate."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from storyline import SCHEMA_VERSION
from storyline.output.export import story_to_dict
from storyline.output.schema import schema_text, story_schema
from storyline.records import (
    Attribution,
    Contradiction,
    Derivation,
    Document,
    Event,
    FigurePoint,
    FigureSeries,
    Mention,
    MentionRef,
    Quantity,
    Skipped,
    Story,
    SummarySentence,
    TimelineEntry,
    TimelineSentence,
)

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "story.schema.json"


def hand_made_story(make_doc: Callable[..., Document]) -> Story:
    wire = make_doc("Floodwater reached the square. About 300 homes were evacuated.", "2025-06-01", "Wire")
    ledger = make_doc("Floodwater reached the square. More than 400 homes emptied.", "2025-06-02", "Ledger")
    homes = Quantity(
        start=31,
        end=40,
        text="About 300",
        value=300,
        low=300,
        high=300,
        unit="count",
        raw_unit=None,
        qualifier="about",
        noun="homes",
    )
    said = Attribution(cue=(0, 4), content=(5, 20), source=(0, 4), speaker="police", kind="hedge", via="radio")
    wire = replace(
        wire,
        url="https://wire.example/flood",
        sentences=(wire.sentences[0], replace(wire.sentences[1], quantities=(homes,), attributions=(said,))),
    )
    points = tuple(
        FigurePoint(
            date=d,
            value=v,
            low=v,
            high=v,
            qualifier=q,
            document=doc.id,
            sentence=1,
            text=doc.sentences[1].text,
            source=doc.source,
            attributed_to=None,
        )
        for d, v, q, doc in (("2025-06-01", 300.0, "about", wire), ("2025-06-02", 400.0, "more than", ledger))
    )
    mention = Mention(
        document=wire.id,
        sentence=0,
        text=wire.sentences[0].text,
        status="unverified",
        attributed_to=None,
        date=None,
        date_fallback=True,
        status_detail="place verified",
    )
    return Story(
        id="flood",
        title="Flood",
        documents=(wire, ledger),
        skipped=(Skipped(path="x.pdf", reason="not a report"),),
        derivations=(
            Derivation(
                document=ledger.id,
                origin=wire.id,
                relation="excerpt",
                score=0.9,
                adds=(1,),
                drops=(),
                note="shorter",
            ),
        ),
        events=(
            Event(
                id="e1",
                date="2025-06",
                summary="Floodwater reached the square.",
                mentions=(mention,),
                independent_sources=1,
                contested=True,
            ),
        ),
        figures=(FigureSeries(measure="homes evacuated", unit="count", points=points),),
        contradictions=(
            Contradiction(
                kind="figure",
                mentions=tuple(MentionRef(document=p.document, sentence=1, text=p.text) for p in points),
                note="300 against more than 400",
            ),
        ),
        timeline=(
            TimelineEntry(
                date="2025-06-01",
                event="e1",
                summary="Floodwater reached the square.",
                sentences=(
                    TimelineSentence(
                        document=wire.id,
                        sentence=0,
                        text=wire.sentences[0].text,
                        event="e1",
                        status="unverified",
                        attributed_to=None,
                    ),
                ),
                events=("e1",),
                sources=("Wire",),
                independent_sources=1,
                score=2.5,
            ),
        ),
        summary=(
            SummarySentence(
                text=ledger.sentences[1].text,
                document=ledger.id,
                sentence=1,
                event=None,
                date="2025-06-02",
                status="reported",
                attributed_to=None,
                sources=("Ledger",),
                independent_sources=1,
                measure="homes evacuated",
            ),
        ),
    )


def test_checked_in_schema_matches_the_export_records() -> None:
    checked_in = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert checked_in == story_schema(), (
        "schema/story.schema.json is stale. Regenerate it with: "
        "python -m storyline.output.schema > schema/story.schema.json"
    )
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


def test_schema_names_its_version() -> None:
    schema = story_schema()
    assert schema["title"] == f"storyline story.json {SCHEMA_VERSION}"
    assert schema["version"] == SCHEMA_VERSION
    assert SCHEMA_VERSION in schema["$id"]
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION, "title": "Schema Version"}


def test_schema_1_7_has_the_summary_and_its_slots_the_key_date_timeline_quantity_kinds_days_from_events_and_moods() -> (
    None
):
    schema = story_schema()
    assert SCHEMA_VERSION == "1.7.0"
    assert "slot" in schema["$defs"]["SummarySentenceExport"]["required"]
    assert {"origin", "escalation", "central"} <= set(json.dumps(schema["$defs"]["SummarySentenceExport"]).split('"'))
    assert "date_from_event" in schema["$defs"]["MentionExport"]["required"]
    assert list(schema["properties"])[:3] == ["schema_version", "story", "summary"]
    assert schema["properties"]["summary"]["maxItems"] == 5
    assert set(schema["$defs"]["TimelineEntryExport"]["required"]) >= {"sentences", "events", "sources", "score"}
    assert {"kind", "previous"} <= set(schema["$defs"]["QuantityExport"]["properties"])
    assert schema["$defs"]["FigurePointExport"]["properties"]["projected"]["type"] == "boolean"
    assert schema["$defs"]["FigurePointExport"]["properties"]["suspected"]["type"] == "boolean"
    assert "at least" in json.dumps(schema["$defs"]["QuantityExport"]["properties"]["qualifier"])


def test_exported_story_validates(make_doc: Callable[..., Document]) -> None:
    data = story_to_dict(hand_made_story(make_doc))
    assert data["summary"][0]["measure"] == "homes evacuated"
    assert data["timeline"][0]["sentences"][0]["status"] == "unverified"
    jsonschema.Draft202012Validator.check_schema(story_schema())
    jsonschema.validate(data, story_schema(), cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(schema_version="0.9"), "schema_version"),
        (lambda d: d["events"][0]["mentions"][0].update(status="rumoured"), "events"),
        (lambda d: d["story"].update(editor="someone"), "story"),
        (lambda d: d["figures"][0]["points"][0].update(qualifier="roughly"), "figures"),
        (lambda d: d["documents"][0].pop("derived_from"), "documents"),
        (lambda d: d["documents"][0]["sentences"][1]["attributions"][0].update(cue=[1]), "documents"),
        (lambda d: d["summary"][0].update(status="rumoured"), "summary"),
        (lambda d: d["summary"][0].pop("sources"), "summary"),
        (lambda d: d.update(summary=d["summary"] * 6), "summary"),
        (lambda d: d["timeline"][0]["sentences"][0].pop("event"), "timeline"),
        (lambda d: d["timeline"][0].update(score="high"), "timeline"),
    ],
)
def test_schema_rejects_a_story_that_breaks_the_shape(
    make_doc: Callable[..., Document], change: Callable[[dict[str, Any]], None], path: str
) -> None:
    data = story_to_dict(hand_made_story(make_doc))
    change(data)
    with pytest.raises(jsonschema.ValidationError) as caught:
        jsonschema.validate(data, story_schema(), cls=jsonschema.Draft202012Validator)
    assert list(caught.value.absolute_path)[:1] == [path]
