"""Scoring statuses and speakers on our own status set (``storyline.eval.status``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.eval.status import (
    ItemResult,
    StatusItem,
    confusion_matrix,
    evaluate_status,
    format_table,
    per_phenomenon,
    read_status_set,
    same_source,
    scores_of,
    status_report,
)

STATUS_SET = Path(__file__).resolve().parents[2] / "evaluation" / "status" / "status.jsonl"
# Measured on the test half when the set was written and the dev rules were done: status 0.962,
# attributed_to 0.969 (130 items). The floors leave room for about three items.
TEST_STATUS_FLOOR = 0.93
TEST_ATTRIBUTED_TO_FLOOR = 0.93


def row(id: str, status: str, who: str | None, phenomenon: str = "plain report", **extra: object) -> dict:
    item = {
        "id": id,
        "split": "dev",
        "phenomenon": phenomenon,
        "outlet": "Meridian Wire",
        "sentences": ["The ferry sank, the harbour police said."],
        "index": 0,
        "status": status,
        "attributed_to": who,
        "status_detail": None,
    }
    return {**item, **extra}


def write_set(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def result(tmp_path: Path, gold: dict, status: str, who: str | None, detail: str | None = None) -> ItemResult:
    item = read_status_set(write_set(tmp_path / f"{gold['id']}.jsonl", [gold]))[0]
    return ItemResult(item, status, who, detail)  # type: ignore[arg-type]


# Four hand-made verdicts: two right in status (one with the speaker written differently), one claim
# taken for a report, one denial taken for a claim.
@pytest.fixture
def results(tmp_path: Path) -> list[ItemResult]:
    return [
        result(tmp_path, row("a", "claimed", "the harbour police", "party claim"), "claimed", "Harbour Police"),
        result(tmp_path, row("b", "reported", None), "reported", None),
        result(tmp_path, row("c", "claimed", "the pilot", "party claim"), "reported", None),
        result(tmp_path, row("d", "denied", "the owners", "denial"), "claimed", "the owners"),
    ]


def test_speaker_match_ignores_case_and_a_leading_the():
    assert same_source("Harbour Police", "the harbour police")
    assert same_source(None, None)
    assert not same_source("the pilot", None) and not same_source("the pilot", "the owners")


def test_scores_count_status_and_speaker_accuracy(results):
    scores = scores_of(results, "dev")
    assert (scores.status.correct, scores.status.total) == (2, 4)
    assert (scores.attributed_to.correct, scores.attributed_to.total) == (3, 4)
    assert scores.status.accuracy == 0.5


def test_confusion_matrix_rows_are_gold_columns_system(results):
    matrix = confusion_matrix(results)
    assert matrix["claimed"] == {"reported": 1, "claimed": 1, "unverified": 0, "confirmed": 0, "denied": 0}
    assert matrix["denied"]["claimed"] == 1 and matrix["reported"]["reported"] == 1
    assert sum(sum(r.values()) for r in matrix.values()) == 4


def test_per_phenomenon_breakdown(results):
    got = per_phenomenon(results)
    assert list(got) == ["denial", "party claim", "plain report"]
    assert (got["party claim"]["status"].correct, got["party claim"]["status"].total) == (1, 2)
    assert got["denial"]["attributed_to"].accuracy == 1.0 and got["denial"]["status"].accuracy == 0.0


def test_detail_is_scored_only_where_gold_has_one(tmp_path):
    gold = row("e", "confirmed", "Meridian Wire", status_detail="location verified")
    scores = scores_of([result(tmp_path, gold, "confirmed", "Meridian Wire", None)], "dev")
    assert (scores.status_detail.correct, scores.status_detail.total) == (0, 1)


def test_table_shows_matrix_and_phenomena(results):
    table = format_table(scores_of(results, "dev", with_errors=True))
    assert "status           0.500  (2/4)" in table
    assert "confusion (rows gold, columns system):" in table and "party claim" in table
    assert "c [party claim]" in table


def test_judged_sentence_span_counts_the_joining_spaces():
    item = StatusItem("x", "dev", "p", None, ("One two.", "Three."), 1, "reported", None, None)
    assert item.text[slice(*item.span)] == "Three."


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        ([{"id": "a"}], "E112"),
        ([row("a", "claimed", None, index=3)], "E113"),
        ([row("a", "rumoured", None)], "E114"),
        ([row("a", "claimed", None), row("a", "claimed", None)], "E118"),
        ([row("a", "claimed", None, split="train")], "E119"),
    ],
)
def test_bad_items_name_the_line_and_the_problem(tmp_path, rows, code):
    with pytest.raises(InputError, match=code):
        read_status_set(write_set(tmp_path / "bad.jsonl", rows))


def test_bad_json_and_missing_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"E111: .* line 1"):
        read_status_set(bad)
    with pytest.raises(InputError, match="E110"):
        read_status_set(tmp_path / "missing.jsonl")


def test_unknown_split_and_format(tmp_path):
    path = write_set(tmp_path / "s.jsonl", [row("a", "claimed", None)])
    with pytest.raises(InputError, match="E115"):
        evaluate_status(path, "train")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="E116"):
        status_report(path, "dev", "csv")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="E117"):
        evaluate_status(path, "test")


def test_status_set_has_both_halves_and_every_status():
    items = read_status_set(STATUS_SET)
    assert len(items) >= 240
    assert {i.split for i in items} == {"dev", "test"}
    assert {i.status for i in items} == {"reported", "claimed", "unverified", "confirmed", "denied"}


@pytest.mark.model
def test_tiny_set_through_the_real_stages(tmp_path):
    path = write_set(
        tmp_path / "tiny.jsonl",
        [
            row("a", "claimed", "the harbour police", "party claim"),
            row("b", "reported", None, sentences=["The ferry sank at dawn."]),
        ],
    )
    data = json.loads(status_report(path, "dev", "json"))
    assert data["status"]["accuracy"] == 1.0 and data["attributed_to"]["accuracy"] == 1.0


@pytest.mark.model
def test_status_set_test_half_stays_above_its_floors():
    scores = evaluate_status(STATUS_SET, "test")
    assert scores.status.accuracy >= TEST_STATUS_FLOOR
    assert scores.attributed_to.accuracy >= TEST_ATTRIBUTED_TO_FLOOR
