"""Scoring the tagger on our own news time set (``storyline.eval.times_set``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from storyline.cli import cli
from storyline.errors import InputError
from storyline.eval.times_set import (
    evaluate_items,
    item_json,
    parse_line,
    parse_marked,
    read_marked,
    read_set,
    split_of_id,
    times_report,
    write_set,
)

FOLDER = Path(__file__).resolve().parents[2] / "evaluation" / "time"
# Measured on the test half at the end of session 22: value F1 0.940, relaxed extent F1 0.980 (144 items,
# 147 gold). The floors leave room for about two expressions.
TEST_VALUE_FLOOR = 0.92
TEST_RELAXED_FLOOR = 0.965


def test_marked_sentence_gives_plain_text_and_gold_offsets() -> None:
    text, gold = parse_marked("Talks resume [next week|DATE|2024-W12] in Oslo's hall.")
    assert text == "Talks resume next week in Oslo's hall."
    assert [(text[g.start : g.end], g.type, g.value) for g in gold] == [("next week", "DATE", "2024-W12")]


def test_unknown_type_in_a_mark_names_the_line() -> None:
    with pytest.raises(InputError, match=r"E204: sentences.txt:3: .*unknown type 'DAY'"):
        parse_marked("on [Friday|DAY|2024-03-15]", "sentences.txt:3")


def test_stray_bracket_is_an_error() -> None:
    with pytest.raises(InputError, match="E204"):
        parse_marked("on [Friday|DATE|2024-03-15] and [Saturday")


_plain = st.text(alphabet=st.sampled_from("abc .,'-0123456789"), max_size=12)
_extent = st.text(alphabet=st.sampled_from("abcXY 0123"), min_size=1, max_size=8)
_value = st.text(alphabet=st.sampled_from("0123456789-WPXTQ"), min_size=1, max_size=8)


_type = st.sampled_from(["DATE", "TIME", "DURATION", "SET"])


@given(st.lists(st.tuples(_plain, _extent, _type, _value), max_size=4), _plain)
def test_marks_round_trip_to_offsets_into_the_plain_text(pieces: list[tuple[str, str, str, str]], tail: str) -> None:
    marked = "".join(f"{p}[{e}|{k}|{v}]" for p, e, k, v in pieces) + tail
    text, gold = parse_marked(marked)
    assert text == "".join(p + e for p, e, _, _ in pieces) + tail
    assert [(text[g.start : g.end], g.type, g.value) for g in gold] == [(e, k, v) for _, e, k, v in pieces]


def test_split_is_fixed_by_the_id_alone() -> None:
    assert split_of_id("tm001") == split_of_id("tm001")
    halves = {split_of_id(f"tm{n:03d}") for n in range(1, 30)}
    assert halves == {"dev", "test"}


def test_line_without_a_dct_is_an_error() -> None:
    with pytest.raises(InputError, match="E204"):
        parse_line("tm900 | yesterday | weekday | on [Friday|DATE|2024-03-15]", "x:1")


def test_written_set_reads_back_the_same_items(tmp_path: Path) -> None:
    marked = tmp_path / "s.txt"
    marked.write_text("# comment\ntm900 | 2024-03-12 | weekday | Talks ended [Friday|DATE|2024-03-08].\n")
    out = tmp_path / "s.jsonl"
    assert write_set(marked, out) == 1
    assert read_set(out) == read_marked(marked)


def test_item_whose_offsets_miss_its_text_names_the_line(tmp_path: Path) -> None:
    item = parse_line("tm900 | 2024-03-12 | weekday | Talks ended [Friday|DATE|2024-03-08].", "x")
    row = item_json(item)
    row["timexes"][0]["start"] = 0  # type: ignore[index]
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(row) + "\n")
    with pytest.raises(InputError, match=r"E205: .*bad.jsonl:1 .*extent"):
        read_set(path)


def test_right_and_wrong_values_are_counted_per_phenomenon() -> None:
    items = [
        parse_line("tm900 | 2024-03-12 | weekday | Talks ended [Friday|DATE|2024-03-08].", "a"),
        parse_line("tm901 | 2024-03-12 | weekday | Talks ended [Friday|DATE|2024-03-01].", "b"),
        parse_line("tm902 | 2024-03-12 | not a date | The ferry sank near the pier.", "c"),
    ]
    counts, phenomena = evaluate_items(items, "all")
    scores = counts.scores()
    assert (scores.gold, scores.system, counts.same_value) == (2, 2, 1)
    assert [(p.phenomenon, p.items, p.gold, p.system, p.right) for p in phenomena] == [
        ("weekday", 2, 2, 2, 1),
        ("not a date", 1, 0, 0, 0),
    ]


def test_unknown_split_is_an_error() -> None:
    with pytest.raises(InputError, match="E206"):
        evaluate_items([], "train")  # type: ignore[arg-type]


def test_bundled_set_is_generated_from_its_source(tmp_path: Path) -> None:
    out = tmp_path / "times.jsonl"
    write_set(FOLDER / "sentences.txt", out)
    assert out.read_text(encoding="utf-8") == (FOLDER / "times.jsonl").read_text(encoding="utf-8")


def test_bundled_set_has_both_halves_and_enough_items() -> None:
    items = read_set(FOLDER / "times.jsonl")
    assert len(items) >= 120
    assert {i.split for i in items} == {"dev", "test"}
    assert len({i.id for i in items}) == len(items)


def test_report_prints_scores_and_phenomena_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    write_set(FOLDER / "sentences.txt", path)
    result = CliRunner().invoke(cli, ["eval", "times-set", str(path), "--split", "dev"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Our news time set (dev): ")
    assert "value accuracy" in result.output and "phenomenon" in result.output
    data = json.loads(times_report(path, "dev", "json"))
    assert data["split"] == "dev" and data["phenomena"]


def test_quality_gate_on_the_test_half() -> None:
    counts, _ = evaluate_items(read_set(FOLDER / "times.jsonl"), "test")
    scores = counts.scores()
    assert scores.value.f1 >= TEST_VALUE_FLOOR
    assert scores.relaxed.f1 >= TEST_RELAXED_FLOOR
