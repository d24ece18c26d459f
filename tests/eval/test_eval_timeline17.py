"""Tests for the Timeline17 reader, the timeline metrics and the protocol, on tiny made-up timelines."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from storyline.corpus.tls import TlsSettings
from storyline.corpus.tls_features import ARTICLE_HITS_WITHOUT, REDUNDANCY_WITHOUT, SENTENCE_WEIGHTS_WITHOUT
from storyline.errors import InputError
from storyline.eval.rouge import (
    align_many_to_one,
    alignment_rouge,
    date_scores,
    macro_average,
)
from storyline.eval.scores import PRF
from storyline.eval.timeline17 import (
    evaluate_timeline17,
    format_table,
    held_out_settings,
    protocol,
    read_timeline17,
    timeline17_report,
)

D1, D3, D5 = date(2020, 1, 1), date(2020, 1, 3), date(2020, 1, 5)
REFERENCE = {D1: ["Flood destroys bridge ."], D5: ["Mayor resigns ."]}
SYSTEM = {D1: ["Flood destroys bridge ."], D3: ["Mayor resigns today ."]}


def test_each_date_aligns_to_its_cheapest_partner_by_date_and_content() -> None:
    to_ref, to_sys = align_many_to_one(SYSTEM, REFERENCE)
    # Jan 3 is two days from both reference dates; its words match Jan 5's.
    assert to_ref == {D1: D1, D3: D5}
    assert to_sys == {D1: D1, D5: D3}


def test_alignment_rouge1_weights_hits_by_date_distance() -> None:
    # Precision: (3 + 2/3) hits over 6 system unigrams; recall: (3 + 2/3) over 5 reference unigrams.
    score = alignment_rouge(SYSTEM, REFERENCE, 1)
    assert score.precision == pytest.approx(11 / 18)
    assert score.recall == pytest.approx(11 / 15)
    assert score.f1 == pytest.approx(2 / 3)


def test_alignment_rouge2_counts_bigrams_of_each_days_text() -> None:
    score = alignment_rouge(SYSTEM, REFERENCE, 2)
    assert score.precision == pytest.approx(7 / 12)
    assert score.recall == pytest.approx(7 / 9)


def test_an_empty_system_timeline_scores_zero() -> None:
    assert alignment_rouge({}, REFERENCE, 1) == PRF(0.0, 0.0, 0.0)


def test_date_f1_counts_only_equal_dates() -> None:
    assert date_scores(SYSTEM, REFERENCE) == PRF(0.5, 0.5, 0.5)


def test_average_is_f1_of_mean_precision_and_mean_recall() -> None:
    average = macro_average([PRF(0.5, 1.0, 2 / 3), PRF(1.0, 0.0, 0.0)])
    assert (average.precision, average.recall) == (0.75, 0.5)
    assert average.f1 == pytest.approx(0.6)


def _write_folder(root: Path, name: str, articles: list[dict[str, str]], timeline: list[object]) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles))
    (folder / "timelines.jsonl").write_text(json.dumps(timeline) + "\n")
    (folder / "keywords.json").write_text(json.dumps(["bridge"]))


@pytest.fixture
def tiny_t17(tmp_path: Path) -> Path:
    flood = {
        "id": "1",
        "time": "2020-01-02",
        "text": "A flood destroyed the bridge on Wednesday , officials said . \nThe river rose -LRB- fast -RRB- . ",
    }
    resign = {"id": "2", "time": "2020-01-05", "text": "The mayor resigned over the bridge today . "}
    _write_folder(tmp_path, "bridge_wire", [flood, resign], [["2020-01-01", ["Flood destroys bridge ."]]])
    _write_folder(tmp_path, "bridge_daily", [flood], [["2020-01-01", ["Flood ."]], ["2020-01-05", ["Mayor quits ."]]])
    return tmp_path


def test_folders_are_grouped_by_topic_and_shared_articles_read_once(tiny_t17: Path) -> None:
    (topic,) = read_timeline17(tiny_t17)
    assert topic.name == "bridge"
    assert [a.id for a in topic.articles] == ["1", "2"]
    assert [t.name for t in topic.timelines] == ["bridge_daily", "bridge_wire"]
    assert topic.keywords == ("bridge",)


def test_sentences_are_the_lines_as_given(tiny_t17: Path) -> None:
    (topic,) = read_timeline17(tiny_t17)
    assert topic.articles[0].lines[1] == "The river rose -LRB- fast -RRB- ."


def test_protocol_takes_the_span_number_of_dates_and_mean_sentences(tiny_t17: Path) -> None:
    (topic,) = read_timeline17(tiny_t17)
    assert protocol(topic.timelines[0]) == (D1, D5, 2, 1)


def test_tiny_collection_is_scored_with_its_mentioned_dates(tiny_t17: Path) -> None:
    report = evaluate_timeline17(tiny_t17)
    daily = report.timelines[0]
    # "on Wednesday" (Jan 1) and "today" (Jan 5) are both found, and are the reference dates.
    assert daily.date == PRF(1.0, 1.0, 1.0)
    assert "average" in format_table(report)


def test_a_topic_is_scored_with_the_weights_fitted_without_it() -> None:
    assert held_out_settings("haiti", None).sentence_weights == SENTENCE_WEIGHTS_WITHOUT["haiti"]
    assert held_out_settings("haiti", None).article_hits == ARTICLE_HITS_WITHOUT["haiti"]
    assert held_out_settings("haiti", None).redundancy == REDUNDANCY_WITHOUT["haiti"]
    assert held_out_settings("bridge", None) == TlsSettings()


def test_each_topic_reports_its_time_from_raw_articles_to_timelines_and_its_peak_memory(tiny_t17: Path) -> None:
    report = evaluate_timeline17(tiny_t17)
    (cost,) = report.topics
    assert (cost.name, cost.articles, cost.sentences) == ("bridge", 2, 3)
    assert cost.wall_seconds == pytest.approx(cost.read_seconds + cost.dating_seconds + cost.timeline_seconds)
    assert 0 < cost.peak_mib <= report.peak_mib
    table = format_table(report)
    assert "raw articles.jsonl to timelines, per topic" in table
    assert table.splitlines()[-2].startswith("bridge ")
    assert table.splitlines()[-1].startswith("peak resident memory of the run: ")


def test_a_folder_without_timeline17_data_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E090: no Timeline17 folders were found in " + str(tmp_path)):
        timeline17_report(tmp_path)


def test_an_unknown_report_format_is_an_error(tiny_t17: Path) -> None:
    with pytest.raises(InputError, match="E094"):
        timeline17_report(tiny_t17, "csv")


# Measured on the 12 timelines of ../shared/data/timeline17, each topic scored with the sentence
# weights, target and redundancy fitted and chosen without it, with ROUGE read as tilse's
# ROUGE-1.5.5 run reads it: R1 0.1493, R2 0.0482 (0.04824), date 0.6142.
FLOOR = {"rouge1": 0.149, "rouge2": 0.047, "date": 0.61}


@pytest.mark.data
def test_timeline17_scores_stay_above_the_pinned_floor(shared_data: Path) -> None:
    folder = shared_data / "timeline17"
    if not folder.is_dir():
        pytest.skip(f"Timeline17 not found at {folder}; see ../shared/data/README.md")
    report = evaluate_timeline17(folder)
    assert len(report.timelines) == 12
    assert report.rouge1.f1 >= FLOOR["rouge1"]
    assert report.rouge2.f1 >= FLOOR["rouge2"]
    assert report.date.f1 >= FLOOR["date"]
