"""The second example corpus, the Kakhovka dam (``examples/kakhovka-2023``), end to end.

It was written before storyline ever ran on it; its expected story is in
``examples/kakhovka-2023/README.md`` ("Expected story"). The items the system gets right are asserted
here; the known misses are strict xfails, so that fixing one shows up. A compact golden summary is
pinned in ``tests/golden/kakhovka-2023.json``, made by the same helper as the Kharkiv one; when a
change moves it on purpose, regenerate it with
``STORYLINE_UPDATE_GOLDEN=1 pytest tests/test_example_kakhovka_2023.py -k golden`` and review the diff.
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
from storyline.build import build_story
from storyline.output.export import story_to_dict

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "examples" / "kakhovka-2023" / "manifest.csv"
GOLDEN = ROOT / "tests" / "golden" / "kakhovka-2023.json"
LEFT_BANK_OFFICIALS = "Russian-installed officials in the occupied part of the region"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def story() -> dict[str, Any]:
    return story_to_dict(build_story([], manifest=MANIFEST))


def _sentence(story: dict[str, Any], name: str, *words: str) -> dict[str, Any]:
    found = [s for s in _doc(story, name)["sentences"] if all(w in s["text"] for w in words)]
    assert len(found) == 1, (name, words, [s["text"] for s in found])
    return found[0]


def _series(story: dict[str, Any], measure: str) -> list[dict[str, Any]]:
    return [f for f in story["figures"] if f["measure"] == measure]


def test_every_report_is_read_and_nothing_is_skipped(story: dict[str, Any]) -> None:
    assert story["skipped"] == []
    assert len(story["documents"]) == 11


def test_publication_dates_come_from_manifest_html_header_and_records(story: dict[str, Any]) -> None:
    expected = {
        "01_compass_wire_dam.txt": ("2023-06-06", "manifest"),
        "03_bayside_telegraph_rewrite.txt": ("2023-06-06", "manifest"),
        "04_upland_record_kherson.html": ("2023-06-07", "html"),
        "05_northgate_journal_blame.txt": ("2023-06-08", "header"),
        "06_estuary_times_peak.txt": ("2023-06-09", "manifest"),
        "07_saltmarsh_review_satellite.txt": ("2023-06-10", "header"),
        "08_ironbridge_post_receding.txt": ("2023-06-13", "manifest"),
        "reports.jsonl#1": ("2023-06-16", "header"),
        "reports.jsonl#2": ("2023-06-26", "header"),
        "10_dunmore_gazette_undated.txt": (None, None),
    }
    for name, (date, origin) in expected.items():
        doc = _doc(story, name)
        assert (doc["published"], doc["published_from"]) == (date, origin), name
    assert _doc(story, "04_upland_record_kherson.html")["source"] == "The Upland Record"
    assert _doc(story, "reports.jsonl#1")["source"] == "Harrow Ledger"


def test_syndicated_copy_and_heavy_rewrite_are_found_with_the_added_claim(story: dict[str, Any]) -> None:
    wire = _doc(story, "01_compass_wire_dam.txt")
    copy = _doc(story, "02_fernhill_chronicle_copy.txt")
    rewrite = _doc(story, "03_bayside_telegraph_rewrite.txt")
    assert [(d["document"], d["relation"]) for d in copy["derived_from"]] == [(wire["id"], "duplicate")]
    assert [(d["document"], d["relation"]) for d in rewrite["derived_from"]] == [(wire["id"], "rewrite")]
    assert any("zoo" in s for s in rewrite["adds"])
    others = [d for d in story["documents"] if d["id"] not in {copy["id"], rewrite["id"]}]
    assert all(d["derived_from"] == [] for d in others)


def test_copies_never_count_as_independent_sources(story: dict[str, Any]) -> None:
    (event, _), *_ = _mentions_with(story, "destroyed early on Tuesday")
    outlets = {_doc_by_id(story, m["document"])["source"] for m in event["mentions"]}
    assert {"Compass Wire", "Fernhill Chronicle"} <= outlets
    assert event["independent_sources"] <= len(outlets) - 1  # the copy and its origin count once


def test_the_warning_of_last_october_and_last_autumn_is_one_event(story: dict[str, Any]) -> None:
    # "accused Russia" (03) and "tell Moscow" (01): a capital and its country are not disjoint places
    (october, _), *_ = _mentions_with(story, "warned last October")
    ((autumn, _),) = _mentions_with(story, "Last autumn")
    assert october is autumn and october["date"] == "2022-10"


def _doc_by_id(story: dict[str, Any], doc_id: str) -> dict[str, Any]:
    return next(d for d in story["documents"] if d["id"] == doc_id)


def test_web_junk_is_removed_and_never_reaches_an_event(story: dict[str, Any]) -> None:
    removed = _doc(story, "03_bayside_telegraph_rewrite.txt")["boilerplate_removed"]
    for junk in ("Listen to this story", "Play", "Font size", "Comments (12)", "Follow us on Facebook and Telegram"):
        assert junk in removed
    assert any(line.startswith("SEE ALSO") for line in removed)
    assert any("utm_campaign" in line for line in removed)
    assert any("subscriber" in line for line in removed)
    page = _doc(story, "04_upland_record_kherson.html")["boilerplate_removed"]
    assert sum("Photo: Upland Record staff" in line for line in page) == 2  # a credited caption, both times
    assert _doc(story, "07_saltmarsh_review_satellite.txt")["boilerplate_removed"] == ["Advertisement"] * 2
    caption = "Rescue workers help an elderly woman"  # unlabelled, printed twice: the first copy is kept
    junk_lines = {line for d in story["documents"] for line in d["boilerplate_removed"] if caption not in line}
    for event in story["events"]:
        for mention in event["mentions"]:
            assert not any(line in mention["text"] for line in junk_lines), mention["text"]


@pytest.mark.parametrize(
    ("words", "date"),
    [
        (("destroyed early on Tuesday",), "2023-06-06"),
        (("warned last October",), "2022-10"),
        (("Last autumn",), "2022"),  # a past season dates by its year, not the publication day
        (("Late Tuesday",), "2023-06-06"),
        (("rose by more than five metres", "overnight"), "2023-06-07"),
        (("highest point on Thursday morning",), "2023-06-08"),
        (("By Friday morning",), "2023-06-09"),
        (("48,000 hectares",), "2023-06-09"),
        (("late Monday",), "2023-06-12"),
        (("16 people had died",), "2023-06-15"),
        (("on June 18",), "2023-06-18"),
        (("peaked on June 8",), "2023-06-08"),
        (("earlier this week",), "2023-06"),
        (("about three weeks ago",), "2023-06"),  # an approximate week dates no day: its month
    ],
)
def test_relative_dates_resolve_to_the_right_days(story: dict[str, Any], words: tuple[str, ...], date: str) -> None:
    found = [s for d in story["documents"] for s in d["sentences"] if all(w in s["text"] for w in words)]
    assert found, words
    assert {(s["event_date"], s["event_date_fallback"]) for s in found} == {(date, False)}, words


def test_undated_report_keeps_its_date_unknown(story: dict[str, Any]) -> None:
    undated = _doc(story, "10_dunmore_gazette_undated.txt")
    assert undated["published"] is None
    assert all(s["event_date"] is None for s in undated["sentences"])


@pytest.mark.parametrize(
    ("name", "words", "status", "speaker"),
    [
        ("03_bayside_telegraph_rewrite.txt", ("who put the breach down",), "denied", "Kremlin spokesman Dmitry Peskov"),
        ("reports.jsonl#2", ("Kyiv rejects that",), "claimed", "Kyiv"),  # denies the sentence before: Kyiv's claim
        ("reports.jsonl#2", ("The Kremlin has repeatedly denied",), "denied", "The Kremlin"),
        ("05_northgate_journal_blame.txt", ("military denied",), "denied", "Ukraine's military"),
        ("05_northgate_journal_blame.txt", ("According to state media",), "claimed", "state media"),
        ("03_bayside_telegraph_rewrite.txt", ("zoo",), "claimed", "the zoo's owners"),
        ("07_saltmarsh_review_satellite.txt", ("verified the location",), "confirmed", "The Saltmarsh Review"),
        ("08_ironbridge_post_receding.txt", ("at 17",), "claimed", LEFT_BANK_OFFICIALS),
    ],
)
def test_claims_denials_and_checks_keep_who_said_them(
    story: dict[str, Any], name: str, words: tuple[str, ...], status: str, speaker: str
) -> None:
    sentence = _sentence(story, name, *words)
    assert (sentence["status"], sentence["attributed_to"]) == (status, speaker)


def test_partial_verification_says_what_was_and_was_not_checked(story: dict[str, Any]) -> None:
    detail = _sentence(story, "07_saltmarsh_review_satellite.txt", "verified the location")["status_detail"]
    assert detail and "location verified" in detail and "date not verified" in detail


def test_the_kremlin_denial_contests_the_claim_naming_russian_forces_not_the_breach(story: dict[str, Any]) -> None:
    ((breach, _),) = _mentions_with(story, "destroyed early on Tuesday")[:1]
    assert breach["contested"] is False  # a denial of who did it does not contest that it happened
    ((blame, _),) = _mentions_with(story, "Kyiv rejects that")
    assert blame["contested"] is True
    assert "The Kremlin" in {m["attributed_to"] for m in blame["mentions"] if m["status"] == "denied"}


def test_ukraines_denial_answers_the_russian_defence_ministry_claim(story: dict[str, Any]) -> None:
    denials = [e for e, m in _mentions_with(story, "military denied")]
    assert denials and any("defence ministry" in m["text"] for m in denials[0]["mentions"])


def test_each_denial_is_set_against_the_claim_of_who_did_it(story: dict[str, Any]) -> None:
    notes = {c["note"] for c in story["contradictions"] if c["kind"] == "status"}
    assert notes == {
        "who blew the dam up: Kyiv says Russian troops; The Kremlin denies it",
        # 03's Peskov denial meets 03's own "Kyiv's account is that Russian troops ... detonated it"
        "who detonated it: Kyiv says Russian troops; Kremlin spokesman Dmitry Peskov denies it",
        "who destroyed the Kakhovka dam: Russia's defence ministry says Ukrainian forces; Ukraine's military denies it",
    }


def test_a_figure_that_officials_gave_is_theirs(story: dict[str, Any]) -> None:
    (area,) = _series(story, "area")
    cited = [p for p in area["points"] if p["source"] == "The Saltmarsh Review" and round(p["value"]) == 600]
    assert [p["attributed_to"] for p in cited] == ["Ukrainian officials"]  # "the 600 ... that Ukrainian officials gave"


def test_no_party_is_shown_denying_its_own_claim(story: dict[str, Any]) -> None:
    for c in story["contradictions"]:
        assert "Kyiv denies" not in c["note"], c["note"]


def test_flooded_area_is_one_km2_series_from_hectares_and_square_kilometres(story: dict[str, Any]) -> None:
    (area,) = _series(story, "area")
    assert area["unit"] == "km2"
    points = {(p["date"], round(p["value"]), p["qualifier"], p["source"]) for p in area["points"]}
    assert ("2023-06-08", 600, "about", "Estuary Times") in points
    assert ("2023-06-09", 480, "about", "The Saltmarsh Review") in points  # 48,000 hectares
    assert all(p["value"] >= 1 for p in area["points"])  # "about a third of the flooded area" is a share


def test_death_toll_keeps_at_least_and_who_gave_it(story: dict[str, Any]) -> None:
    killed = [p for f in story["figures"] if f["measure"].startswith("killed") for p in f["points"]]
    points = {(p["date"], p["value"], p["qualifier"], p["attributed_to"]) for p in killed}
    assert ("2023-06-12", 10, "at least", "Ihor Klymenko") in points
    assert ("2023-06-15", 16, None, "Ukraine's interior ministry") in points
    assert ("2023-06-12", 17, None, LEFT_BANK_OFFICIALS) in points  # "put the number of dead ... at 17"


def test_story_json_follows_the_schema(story: dict[str, Any]) -> None:
    schema = json.loads((ROOT / "schema" / "story.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(story, schema)


def test_summary_and_timeline_read_in_date_order_with_claims_attributed(story: dict[str, Any]) -> None:
    summary = story["summary"]
    assert 1 <= len(summary) <= 5
    assert [s["date"] for s in summary] == sorted(s["date"] for s in summary)
    for s in summary:
        assert s["sources"] and s["independent_sources"] >= 1
        if s["status"] in ("claimed", "unverified", "denied"):
            assert s["attributed_to"] and s["attributed_to"].casefold() in s["text"].casefold(), s["text"]
    dates = [t["date"] for t in story["timeline"]]
    assert dates == sorted(dates) and 3 <= len(dates) <= 12 and "2023-06-06" in dates


def test_caption_printed_twice_without_a_credit_is_not_an_event(story: dict[str, Any]) -> None:
    # kept by the clean stage (it may be a pull quote), but told in the simple present with no date or
    # figure: a scene, not a happening (doc/generic_statements.py)
    assert not _mentions_with(story, "Rescue workers help an elderly woman")


# Known misses (examples/kakhovka-2023/README.md): strict, so that a fix shows up here.


def test_water_level_at_kherson_is_a_series_in_metres(story: dict[str, Any]) -> None:
    (level,) = _series(story, "water level at Kherson")
    assert level["unit"] == "m"
    points = [(p["date"], round(p["value"], 1), p["qualifier"]) for p in level["points"]]
    assert points == [
        ("2023-06-07", 5.0, "more than"),  # "(about 16 feet)" is the report's conversion, not a second point
        ("2023-06-08", 5.6, "about"),
        ("2023-06-08", 5.5, "more than"),  # "down from a peak of ... on Thursday": the earlier value's day
        ("2023-06-12", 3.5, "about"),
    ]  # "dropped by about 20 centimetres" is a change, not a level


def test_the_two_sides_tolls_are_two_series_named_by_who_gives_them(story: dict[str, Any]) -> None:
    killed = {f["measure"]: [p["value"] for p in f["points"]] for f in story["figures"] if "killed" in f["measure"]}
    assert killed == {
        "killed, Ukraine-held (Ihor Klymenko and Ukraine's interior ministry)": [10, 16],
        "killed, left bank (Russian-installed officials)": [17, 29],
    }
    latest = {s["measure"]: s["text"] for s in story["summary"] if s["measure"] and s["measure"].startswith("killed")}
    assert set(latest) == set(killed)  # "what we know" gives each side's latest toll and says whose
    assert "16 people" in latest["killed, Ukraine-held (Ihor Klymenko and Ukraine's interior ministry)"]
    assert "29 people" in latest["killed, left bank (Russian-installed officials)"]


def test_evacuees_are_a_series_for_each_bank(story: dict[str, Any]) -> None:
    evacuated = {f["measure"]: [p["value"] for p in f["points"]] for f in story["figures"] if "evacu" in f["measure"]}
    assert evacuated == {
        "evacuated, right bank (Oleksandr Prokudin and Ukrainian officials)": [2000, 2000],
        "evacuated, left bank (Russian-installed officials)": [4000],
    }


def test_what_we_know_gives_figures_of_two_measures_at_most_each_side_once(story: dict[str, Any]) -> None:
    labels = [s["measure"] for s in story["summary"] if s["measure"]]
    assert len({label.split(",")[0] for label in labels}) <= 2 and len(set(labels)) == len(labels)


def test_the_breach_keeps_its_place_in_what_we_know(story: dict[str, Any]) -> None:
    # the disputes over who destroyed the dam presuppose that it was destroyed, so their outlets back it
    first = story["summary"][0]
    assert "destroyed early on Tuesday" in first["text"] and first["status"] == "reported"


def test_the_breach_is_one_event_with_its_month_dated_tellings(story: dict[str, Any]) -> None:
    # 05's "earlier this week" and JSONL 2's "about three weeks ago" are dated 2023-06, a month that
    # holds the day of the breach, and tell the same deed without a doer ("the dam was destroyed")
    ((breach, _),) = _mentions_with(story, "destroyed early on Tuesday")[:1]
    texts = [m["text"] for m in breach["mentions"]]
    assert any("destroyed earlier this week" in t for t in texts)
    assert any("destroyed about three weeks ago" in t for t in texts)
    assert breach["date"] == "2023-06-06" and breach["independent_sources"] == 3 and not breach["contested"]
    assert story["summary"][0]["independent_sources"] == 3


def test_every_claim_of_who_destroyed_the_dam_is_in_one_dispute(story: dict[str, Any]) -> None:
    # Peskov's "said on Tuesday" and 05's defence ministry claim with Ukraine's denial join the dispute
    disputes = {
        e["id"]
        for words in ("Kyiv rejects that", "Ukrainian sabotage", "military denied", "defence ministry")
        for e, _ in _mentions_with(story, words)
    }
    assert len(disputes) == 1
    (dispute,) = [e for e in story["events"] if e["id"] in disputes]
    assert dispute["date"] == "2023-06-06" and dispute["contested"]
    assert not any("destroyed early on Tuesday" in m["text"] for m in dispute["mentions"])


def test_seismic_signal_is_dated_on_the_day_of_the_breach(story: dict[str, Any]) -> None:
    # 05 names the breach's day nowhere before "on the day it failed": the other reports give it
    ((_, mention),) = _mentions_with(story, "NORSAR")
    assert (mention["date"], mention["date_fallback"]) == ("2023-06-06", False)
    (source,) = [e for e in story["events"] if e["id"] == mention["date_from_event"]]
    assert source["date"] == "2023-06-06" and "dam" in source["summary"]


def test_story_matches_the_reviewed_golden_summary(story: dict[str, Any]) -> None:
    assert_matches_golden(story, GOLDEN)
