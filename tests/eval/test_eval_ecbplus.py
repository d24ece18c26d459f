"""Scoring story separation on ECB+: the clustering metrics by hand, the reader on a tiny file, the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.eval.ecbplus import (
    EcbFile,
    b_cubed,
    ceaf_e,
    conll_f1,
    ecbplus_report,
    evaluate_ecbplus,
    list_files,
    muc,
    plain_text,
    read_tokens,
)

# Gold {a b c d e} {f g}; system {a b c} {d e f g}.
GOLD = [frozenset("abcde"), frozenset("fg")]
SYSTEM = [frozenset("abc"), frozenset("defg")]


def test_b_cubed_matches_the_hand_count() -> None:
    # P: a,b,c 3/3; d,e 2/4; f,g 2/4 -> (3 + 1 + 1) / 7. R: a,b,c 3/5; d,e 2/5; f,g 2/2 -> (9/5 + 4/5 + 2) / 7.
    score = b_cubed(SYSTEM, GOLD)
    assert score.precision == pytest.approx(5 / 7)
    assert score.recall == pytest.approx((9 / 5 + 4 / 5 + 2) / 7)


def test_muc_counts_links() -> None:
    # R: gold {abcde} is cut in 2 parts -> (5-2)/(5-1); {fg} in 1 -> 1/1: 4/5.
    # P: {abc} is in 1 part -> 2/2; {defg} in 2 parts -> 2/3: 4/5.
    score = muc(SYSTEM, GOLD)
    assert (score.precision, score.recall) == (pytest.approx(4 / 5), pytest.approx(4 / 5))


def test_ceaf_e_aligns_clusters_one_to_one() -> None:
    # phi4: abcde~abc 2*3/8 = 0.75, fg~defg 2*2/6 = 2/3 (the best alignment) -> 17/12 over 2 clusters each.
    score = ceaf_e(SYSTEM, GOLD)
    assert score.precision == pytest.approx(17 / 24) and score.recall == pytest.approx(17 / 24)


def test_conll_is_the_mean_of_muc_b_cubed_and_ceaf_e() -> None:
    expected = (muc(SYSTEM, GOLD).f1 + b_cubed(SYSTEM, GOLD).f1 + ceaf_e(SYSTEM, GOLD).f1) / 3
    assert conll_f1(SYSTEM, GOLD) == pytest.approx(expected)


def test_a_perfect_clustering_scores_one_and_singletons_have_no_muc_links() -> None:
    assert conll_f1(GOLD, GOLD) == pytest.approx(1.0)
    singletons = [frozenset(x) for x in "abcdefg"]
    assert muc(singletons, GOLD).recall == 0.0
    assert b_cubed(singletons, GOLD).precision == 1.0


XML = """<Document doc_name="1_1ecbplus.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">http</token><token t_id="2" sentence="0" number="1">:</token>
<token t_id="3" sentence="0" number="2">/</token><token t_id="4" sentence="0" number="3">/</token>
<token t_id="5" sentence="0" number="4">a.example</token>
<token t_id="6" sentence="1" number="0">The</token><token t_id="7" sentence="1" number="1">ferry</token>
<token t_id="8" sentence="1" number="2">did</token><token t_id="9" sentence="1" number="3">n't</token>
<token t_id="10" sentence="1" number="4">sail</token><token t_id="11" sentence="1" number="5">.</token>
<Markables/></Document>
"""


def write_corpus(root: Path) -> Path:
    for topic in (1, 2):
        folder = root / str(topic)
        folder.mkdir(parents=True)
        for name in (f"{topic}_1ecb.xml", f"{topic}_1ecbplus.xml"):
            (folder / name).write_text(XML, encoding="utf-8")
    return root


def test_tokens_are_read_per_sentence_and_joined_like_a_report(tmp_path: Path) -> None:
    path = write_corpus(tmp_path) / "1" / "1_1ecbplus.xml"
    sentences = read_tokens(path)
    assert sentences[1] == ["The", "ferry", "did", "n't", "sail", "."]
    assert plain_text(sentences) == "http://a.example\n\nThe ferry did n't sail ."


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        ("a record of 4 , 051 yards", "a record of 4,051 yards"),  # a thousands group
        ("bail of $430 , 000 was set", "bail of $430,000 was set"),
        ("a fall of around 2 , 000ft", "a fall of around 2,000ft"),  # a unit glued to the group
        ("he averaged 14 . 4 points", "he averaged 14.4 points"),  # a decimal point
        ("at 4 : 59 PM on 12 / 23 / 12", "at 4:59 PM on 12/23/12"),  # a clock time and a date
        ("he had a . 38 caliber gun , ( . 538 )", "he had a .38 caliber gun , ( .538 )"),  # a leading point
        ("a 225 - pound man ran 45 - yard dashes", "a 225-pound man ran 45-yard dashes"),  # a number's compound
    ],
)
def test_a_number_the_tokens_split_is_joined_back(tokens: str, text: str) -> None:
    # was joined with spaces, "4, 051 yards" once detokenized, which the quantity rules read as 4 and 51
    assert plain_text([tokens.split()]) == text


@pytest.mark.parametrize(
    "tokens",
    [
        "on May 5 , 300 people marched",  # a day, then a count
        "in 2012 , 150 boats sailed",
        "won 3 , 12 lost",
        "held on Sept . 15 in No . 5 court",  # a point that ends an abbreviation
        "won 20 - 13 and lost 3 - to 4",  # a score and a dash before a function word
    ],
)
def test_numbers_apart_in_the_report_stay_apart(tokens: str) -> None:
    assert plain_text([tokens.split()]) == tokens


def test_a_height_then_a_weight_keep_their_comma_apart() -> None:
    assert plain_text([["the", "6", "-", "foot", "-", "9", ",", "260", "-", "pound", "center"]]) == (
        "the 6-foot - 9 , 260-pound center"
    )


def test_topics_split_into_odd_and_even_with_sub_topics(tmp_path: Path) -> None:
    root = write_corpus(tmp_path)
    odd = list_files(root, "odd")
    assert [(f.topic, f.subtopic) for f in odd] == [(1, "1ecb"), (1, "1ecbplus")]
    assert {f.topic for f in list_files(root, "even")} == {2}
    assert isinstance(odd[0], EcbFile) and len(list_files(root, "all")) == 4


def test_bad_inputs_get_numbered_messages(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E101"):
        list_files(tmp_path, "all")
    with pytest.raises(InputError, match="E103"):
        list_files(write_corpus(tmp_path / "c"), "some")  # type: ignore[arg-type]
    bad = tmp_path / "bad.xml"
    bad.write_text("<Document><token", encoding="utf-8")
    with pytest.raises(InputError, match="E102"):
        read_tokens(bad)
    with pytest.raises(InputError, match="E104"):
        ecbplus_report(tmp_path, "even", "yaml")  # type: ignore[arg-type]


# Measured with the default config on the even (held-out test) topics clustered together:
# happenings B³ F1 0.960 (CoNLL 0.936), stories B³ F1 0.885 (CoNLL 0.858). Pinned a little under.
HAPPENINGS_B3_FLOOR = 0.93
STORIES_B3_FLOOR = 0.85


@pytest.mark.data
@pytest.mark.model
def test_even_topics_clustered_together_stay_above_the_floor(shared_data: Path) -> None:
    directory = shared_data / "ecbplus"
    if not directory.is_dir():
        pytest.skip(f"ECB+ not found at {directory}")
    scores = evaluate_ecbplus(directory, "even")
    assert scores.happenings.b_cubed.f1 >= HAPPENINGS_B3_FLOOR
    assert scores.stories.b_cubed.f1 >= STORIES_B3_FLOOR
