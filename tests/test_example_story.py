"""The bundled example corpus, end to end: its expected story is written down here.

The expectations come from ``examples/README.md`` ("Expected story"). A compact golden summary of
the whole story is also pinned in ``tests/golden/kharkiv-2022.json``; when a change moves it on
purpose, regenerate it with ``STORYLINE_UPDATE_GOLDEN=1 pytest tests/test_example_story.py`` and
review the diff by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from example_stories import assert_matches_golden
from example_stories import document as _doc
from example_stories import mentions_with as _mentions_with
from storyline.build import build_story, write_outputs
from storyline.output.export import story_to_dict

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "examples" / "kharkiv-2022" / "manifest.csv"
GOLDEN = ROOT / "tests" / "golden" / "kharkiv-2022.json"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def story() -> dict[str, Any]:
    return story_to_dict(build_story([], manifest=MANIFEST))


def test_every_report_is_read_and_nothing_is_skipped(story: dict[str, Any]) -> None:
    assert story["skipped"] == []
    assert len(story["documents"]) == 11


def test_publication_dates_and_where_they_came_from(story: dict[str, Any]) -> None:
    expected = {
        "01_meridian_wire_kupiansk.txt": ("2022-09-11", "manifest"),
        "02_harbor_daily_rewrite.txt": ("2022-09-11", "manifest"),
        "04_eastern_ledger_balakliia.html": ("2022-09-09", "html"),
        "05_civic_post_regrouping.txt": ("2022-09-10", "header"),
        "07_eastern_ledger_satellite.txt": ("2022-09-13", "header"),
        "reports.jsonl#1": ("2022-09-16", "header"),
        "reports.jsonl#2": ("2022-09-20", "header"),
        "10_plainview_undated.txt": (None, None),
    }
    for name, (date, origin) in expected.items():
        doc = _doc(story, name)
        assert (doc["published"], doc["published_from"]) == (date, origin), name


def test_outlets_come_from_manifest_html_and_records(story: dict[str, Any]) -> None:
    assert _doc(story, "04_eastern_ledger_balakliia.html")["source"] == "The Eastern Ledger"
    assert _doc(story, "reports.jsonl#1")["source"] == "Civic Post"


def test_syndicated_copy_and_rewrite_are_found_with_what_the_rewrite_adds(story: dict[str, Any]) -> None:
    wire = _doc(story, "01_meridian_wire_kupiansk.txt")
    copy = _doc(story, "03_meridian_wire_copy.txt")
    rewrite = _doc(story, "02_harbor_daily_rewrite.txt")
    assert [(d["document"], d["relation"]) for d in copy["derived_from"]] == [(wire["id"], "duplicate")]
    assert [(d["document"], d["relation"]) for d in rewrite["derived_from"]] == [(wire["id"], "rewrite")]
    assert any("helicopter" in s for s in rewrite["adds"])
    assert wire["derived_from"] == []
    others = [d for d in story["documents"] if d["id"] not in {copy["id"], rewrite["id"]}]
    assert all(d["derived_from"] == [] for d in others)


def test_copies_are_never_counted_as_independent_sources(story: dict[str, Any]) -> None:
    derived = {d["id"] for d in story["documents"] if d["derived_from"]}
    for event in story["events"]:
        origins = {m["document"] for m in event["mentions"] if m["document"] not in derived}
        assert event["independent_sources"] <= max(len(origins), 1), event["summary"]
    kupiansk = _mentions_with(story, "Kupiansk", "Izium", "Saturday")
    assert kupiansk
    event = kupiansk[0][0]
    assert {m["document"] for m in event["mentions"]} >= {
        _doc(story, n)["id"] for n in ("01_meridian_wire_kupiansk.txt", "03_meridian_wire_copy.txt")
    }


def test_relative_dates_resolve_to_the_right_days(story: dict[str, Any]) -> None:
    expected = [
        (("Balakliia", "late Thursday"), "2022-09-08"),
        (("Kupiansk", "Saturday"), "2022-09-10"),
        (("3,000",), "2022-09-11"),
        (("6,000", "late Monday"), "2022-09-12"),
        (("Izium", "Wednesday"), "2022-09-14"),
        (("graves",), "2022-09-15"),
    ]
    for words, date in expected:
        found = [(e, m) for e, m in _mentions_with(story, *words) if "a day after" not in m["text"]]
        assert found, words
        assert {m["date"] for _, m in found} == {date}, (words, [m["text"] for _, m in found])


def test_events_told_against_other_events_or_after_backstory_get_their_own_day(story: dict[str, Any]) -> None:
    expected = [
        (("a day after", "Saturday"), "2022-09-11"),  # the 3,000 figure came a day after Saturday's push
        (("twice the one", "had given on Sunday"), "2022-09-12"),  # Monday's figure, compared with Sunday's
        (("thrust came instead",), "2022-09"),  # the counteroffensive of the lede, launched earlier this month
    ]
    for words, date in expected:
        found = _mentions_with(story, *words)
        assert found, words
        assert {m["date"] for _, m in found} == {date}, (words, [m["text"] for _, m in found])


def test_undated_narrative_goes_on_with_the_day_or_backstory_month_before_it(story: dict[str, Any]) -> None:
    expected = [
        (("fled Izium by helicopter",), "2022-09-10"),  # a new paragraph goes on with Saturday's withdrawal
        (("Much of the town was damaged",), "2022-04"),  # backstory: goes on from "captured in early April"
        (("flag had returned to Izium",), "2022-09-14"),  # "would return": reported speech of the visit
    ]
    for words, date in expected:
        found = _mentions_with(story, *words)
        assert found, words
        assert {(m["date"], m["date_fallback"]) for _, m in found} == {(date, False)}, words


def test_undated_report_keeps_its_date_unknown(story: dict[str, Any]) -> None:
    undated = _doc(story, "10_plainview_undated.txt")
    assert undated["published"] is None
    for sentence in undated["sentences"]:
        assert sentence["event_date"] is None


def test_area_series_is_in_one_unit_dated_by_event(story: dict[str, Any]) -> None:
    series = [f for f in story["figures"] if f["unit"] == "km2" and "area" in f["measure"]]
    assert series, [f["measure"] for f in story["figures"]]
    points = {(p["date"], round(p["value"]), p["qualifier"]) for s in series for p in s["points"]}
    assert {
        ("2022-09-08", 1000, "more than"),
        ("2022-09-11", 3000, "about"),
        ("2022-09-12", 6000, "more than"),
        ("2022-09-12", 2000, "about"),
        ("2022-09-14", 8000, "about"),
    } <= points


def test_figure_contradiction_is_found(story: dict[str, Any]) -> None:
    figure = [c for c in story["contradictions"] if c["kind"] == "figure"]
    texts = [" | ".join(m["text"] for m in c["mentions"]) for c in figure]
    assert any("6,000" in t and "2,000" in t for t in texts), texts


def test_claim_and_denial_make_a_contested_event(story: dict[str, Any]) -> None:
    denials = _mentions_with(story, "denied")
    assert denials
    event = denials[0][0]
    statuses = {m["status"] for m in event["mentions"]}
    assert "denied" in statuses and statuses & {"claimed", "reported"}
    assert event["contested"] is True


def test_no_junk_line_appears_in_any_event_and_every_junk_line_is_listed(story: dict[str, Any]) -> None:
    rewrite = _doc(story, "02_harbor_daily_rewrite.txt")
    removed = rewrite["boilerplate_removed"]
    for junk in ("Listen to this story", "Play", "Font size", "Comments (7)"):
        assert junk in removed
    assert any(line.startswith("SEE ALSO") for line in removed)
    assert any("utm_source" in line for line in removed)
    assert any(line.lower().startswith("follow us") for line in removed)
    junk_lines = {line for d in story["documents"] for line in d["boilerplate_removed"]}
    for event in story["events"]:
        for mention in event["mentions"]:
            for line in junk_lines:
                assert line not in mention["text"], (line, mention["text"])


def test_state_media_citing_an_official_is_the_source_with_the_official_nested(story: dict[str, Any]) -> None:
    report = _doc(story, "05_civic_post_regrouping.txt")
    sentence = next(s for s in report["sentences"] if "citing" in s["text"])
    text = report["text"]
    found = {
        text[slice(*a["cue"])]: (text[slice(*a["source"])] if a["source"] else None, a["via"])
        for a in sentence["attributions"]
    }
    official = "an unnamed official in the Russian-installed administration"
    assert found == {"citing": ("Russian state media", None), "said": ("Russian state media", official)}


def test_story_json_follows_the_schema(story: dict[str, Any]) -> None:
    schema = json.loads((ROOT / "schema" / "story.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(story, schema)


def test_the_summary_gives_the_latest_state_sourced_with_claims_as_claims(story: dict[str, Any]) -> None:
    summary = story["summary"]
    assert 1 <= len(summary) <= 5
    assert len({s["event"] for s in summary}) == len({s["date"] for s in summary}) == len(summary)
    latest = [s for s in summary if s["measure"] == "area retaken"]
    assert len(latest) == 1 and "8,000" in latest[0]["text"]  # the series' latest figure, not 1,000 or 6,000
    for s in summary:
        assert s["sources"] and s["independent_sources"] >= 1
        if s["status"] in ("claimed", "unverified", "denied"):
            # the speaker is named in the sentence, if only by the surname the story resolved ("Zelensky said")
            assert s["attributed_to"] and s["attributed_to"].split()[-1].casefold() in s["text"].casefold(), s["text"]
    assert [s["date"] for s in summary] == sorted(s["date"] for s in summary)  # read as the story so far


def test_the_timeline_holds_key_dates_each_linked_to_events_of_that_day(story: dict[str, Any]) -> None:
    dates = [t["date"] for t in story["timeline"]]
    assert dates == sorted(dates) and 3 <= len(dates) <= 12 and "2022-09-10" in dates
    events = {e["id"]: e for e in story["events"]}
    for entry in story["timeline"]:
        assert entry["sentences"] and entry["event"] == entry["sentences"][0]["event"]
        assert all(events[s["event"]]["date"] == entry["date"] for s in entry["sentences"])


def test_story_matches_the_reviewed_golden_summary(story: dict[str, Any]) -> None:
    assert_matches_golden(story, GOLDEN)


def test_building_twice_adds_nothing_twice(tmp_path: Path) -> None:
    story = build_story([], manifest=MANIFEST)
    first = write_outputs(story, tmp_path)
    second = write_outputs(story, tmp_path)
    assert first.documents_added == 11
    assert second.documents_added == 0
    assert {p.name for p in tmp_path.iterdir()} >= {"story.json", "report.md", "report.html", "storyline.db"}
