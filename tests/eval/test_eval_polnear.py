"""Scoring attribution against PolNeAR-style brat files: our own small texts, scores counted by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.eval.brat import parse_ann
from storyline.eval.polnear import (
    FileResult,
    PolnearFile,
    find_polnear,
    format_scores,
    gold_spans,
    join_fragments,
    overlap_matches,
    score_polnear,
    score_results,
)

TEXT = (
    "The harbour board said that the ferry would run on Sunday.\n\n"
    "The bridge, the mayor said, will stay closed until May.\n\n"
    "Officials hinted at delays.\n"
)


def _at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def _t(n: int, kind: str, *spans: tuple[int, int]) -> str:
    offsets = ";".join(f"{a} {b}" for a, b in spans)
    return f"T{n}\t{kind} {offsets}\t{TEXT[spans[0][0] : spans[0][1]]}"


def _ann() -> str:
    bridge, closed = _at(TEXT, "The bridge"), _at(TEXT, "will stay closed until May")
    lines = [
        _t(1, "Source", _at(TEXT, "The harbour board")),
        _t(2, "Cue", _at(TEXT, "said")),
        _t(3, "Content", _at(TEXT, "that the ferry would run on Sunday")),
        _t(4, "Attribution", _at(TEXT, "said")),
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        _t(5, "Source", _at(TEXT, "the mayor")),
        _t(6, "Cue", _at(TEXT, "said", 1)),
        _t(7, "Content", bridge, closed),  # discontinuous: the attribution sits inside the content
        _t(8, "Attribution", _at(TEXT, "said", 1)),
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
        _t(9, "Source", _at(TEXT, "Officials")),
        _t(10, "Cue", _at(TEXT, "hinted at")),
        _t(11, "Content", _at(TEXT, "delays")),
        _t(12, "Attribution", _at(TEXT, "hinted at")),
        "E3\tAttribution:T12 Source:T9 Cue:T10 Content:T11",
        "#1\tAnnotatorNotes T3\ta note, which is not scored",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def split(tmp_path: Path) -> Path:
    """A PolNeAR-shaped split: attributions/NAME_ab12.ann beside text/NAME.txt."""
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions" / "harbour_ab12.ann").write_text(_ann(), encoding="utf-8")
    (tmp_path / "text" / "harbour.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def _spans(*words: tuple[str, int]) -> frozenset[tuple[tuple[int, int], ...]]:
    return frozenset((_at(TEXT, w, n),) for w, n in words)


def test_each_role_is_scored_exactly_and_by_overlap_on_a_hand_counted_file(split: Path) -> None:
    file = find_polnear(split)[0]
    gold = gold_spans(parse_ann(_ann()), TEXT, file)
    system = {
        "source": _spans(("The harbour board", 0), ("the mayor", 0)),
        "cue": _spans(("said", 0), ("said", 1)),
        # no "that"; only the second part of the discontinuous content; a span matching nothing
        "content": _spans(("the ferry would run on Sunday", 0), ("will stay closed until May", 0), ("Officials", 0)),
    }
    scores = score_results([FileResult(file, TEXT, gold, system)])  # type: ignore[arg-type]

    # Officials / hinted at / delays is missed: recall 2/3 on every role.
    assert (scores["source"].gold, scores["source"].system) == (3, 2)
    exact = scores["source"].exact
    assert (exact.precision, exact.recall, exact.f1) == pytest.approx((1.0, 2 / 3, 0.8))
    assert scores["cue"].overlap.f1 == pytest.approx(0.8)
    # Content: nothing is exact; two of three found spans overlap a gold one, one to one.
    assert scores["content"].exact.f1 == 0.0
    assert (scores["content"].overlap.precision, scores["content"].overlap.recall) == pytest.approx((2 / 3, 2 / 3))


def test_discontinuous_gold_span_keeps_its_fragments_unless_only_white_space_separates_them() -> None:
    text = "The bridge, the mayor said, will stay\nclosed."
    split_by_words = ((0, 10), (28, 37))
    split_by_line_break = ((28, 37), (38, 44))
    assert join_fragments(split_by_words, text) == split_by_words
    assert join_fragments(split_by_line_break, text) == ((28, 44),)


def test_overlap_matching_is_one_to_one_and_finds_the_largest_matching() -> None:
    wide, narrow = ((0, 20),), ((0, 3),)
    first, second = ((0, 5),), ((10, 15),)
    assert overlap_matches([wide], [first, second]) == 1
    # Taking the first overlap greedily would pair wide with first and leave narrow unmatched.
    assert overlap_matches([wide, narrow], [first, second]) == 2


def test_continuation_lines_and_notes_are_skipped_and_content2_counts_as_content() -> None:
    text = "Quote one.\nQuote two, she said."
    ann = (
        "T1\tContent 0 10;11 20\tQuote one.\nQuote two\n"
        "T2\tCue 26 30\tsaid\nT3\tSource 22 25\tshe\nT4\tAttribution 26 30\tsaid\nT5\tContent 0 5\tQuote\n"
        "E1\tAttribution:T4 Cue:T2 Source:T3 Content:T1 Content2:T5\n"
    )
    gold = gold_spans(parse_ann(ann), text, PolnearFile(Path("a.ann"), Path("a.txt")))
    assert gold["content"] == {((0, 20),), ((0, 5),)}
    assert gold["source"] == {((22, 25),)}


def test_malformed_line_names_the_file_and_line() -> None:
    with pytest.raises(InputError, match=r"E071: x\.ann line 2 .*expected 'Type start end'"):
        parse_ann("T1\tCue 0 4\tsaid\nT2\tCue zero four\tsaid\n", "x.ann")


def test_event_naming_an_undefined_span_is_an_error() -> None:
    with pytest.raises(InputError, match=r"E071: x\.ann line 1 .*T9 is not defined"):
        parse_ann("E1\tAttribution:T9 Cue:T2\n", "x.ann")


def test_folder_without_ann_files_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E070: no brat .ann files were found in " + str(tmp_path)):
        find_polnear(tmp_path)


def test_ann_without_its_text_names_both(split: Path) -> None:
    (split / "text" / "harbour.txt").unlink()
    with pytest.raises(InputError, match=r"E072: .*harbour_ab12\.ann has no text file; looked for .*harbour\.txt"):
        find_polnear(split)


@pytest.mark.model
def test_polnear_scores_of_our_finder_on_a_small_split(split: Path) -> None:
    scores = score_polnear(split)
    assert (scores.files, scores.texts, scores.skipped) == (1, 1, ())
    # Found: all three sources; the stance cue is "hinted" where the gold says "hinted at". Our content
    # keeps "that" as PolNeAR does, so the board's is exact; the mayor's is only the part after the cue,
    # and "at delays" keeps the preposition.
    assert (scores.source.exact.recall, scores.source.exact.precision) == pytest.approx((1.0, 1.0))
    assert (scores.cue.exact.recall, scores.cue.overlap.recall) == pytest.approx((2 / 3, 1.0))
    assert (scores.content.exact.f1, scores.content.overlap.recall) == pytest.approx((1 / 3, 1.0))
    assert "source" in format_scores(scores) and json.loads(format_scores(scores, "json"))["files"] == 1


@pytest.mark.model
@pytest.mark.data
def test_polnear_dev_scores_stay_above_their_floors(shared_data: Path) -> None:
    folder = shared_data / "polnear" / "dev"
    if not folder.is_dir():
        pytest.skip(f"PolNeAR dev split not found at {folder}")
    scores = score_polnear(folder)
    assert scores.files == 94 and not scores.skipped
    assert scores.source.overlap.f1 >= FLOORS["source"]
    assert scores.cue.overlap.f1 >= FLOORS["cue"]
    assert scores.content.overlap.f1 >= FLOORS["content"]


# Overlap F1 on PolNeAR dev, a little under what was measured once at the end of issue 4.
# measured 0.818 (P 0.852 / R 0.786), 0.798, 0.805 with the span model's sources hung on attributions
# without one, after whole attributions built around the tagger's sources that no attribution can take
# (session 17; each alone:
# 0.817 (P 0.864 / R 0.775), 0.797, 0.804 for the span model; 0.814 (P 0.853 / R 0.779), 0.798, 0.805
# for the orphans); 0.814 (P 0.866 / R 0.768), 0.797, 0.804 with the tagger's sources hung on
# attributions without one and the object of "according to" never dropped (session 16); 0.814
# (P 0.867 / R 0.766), 0.797, 0.804 with the token tagger that drops rejected sources (session 15; 0.811,
# 0.797, 0.804 with the word meaning of the cue's lemma and object, session 14; 0.806,
# 0.795, 0.800 with context features, the veto over rule claims and the source model; 0.789, 0.786,
# 0.794 with the learned cue layer of session 11; 0.759, 0.741, 0.760 with the rules alone)
FLOORS = {"source": 0.815, "cue": 0.79, "content": 0.80}
