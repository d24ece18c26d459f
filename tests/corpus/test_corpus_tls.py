"""Tests for timeline summarization (``storyline.corpus.tls``) and the ``timeline`` command's JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from storyline.corpus import tls_weights
from storyline.corpus.tls import (
    TlsSettings,
    candidate_pool,
    date_article,
    day_candidates,
    keyword_filter,
    mentioned_days,
    rank_dates,
    summarize,
)
from storyline.corpus.tls_features import (
    SENTENCE_FEATURES,
    SENTENCE_WEIGHTS,
    SENTENCE_WEIGHTS_WITHOUT,
    sentence_features,
)
from storyline.errors import InputError
from storyline.output.timeline_json import split_sentences, timeline_json

PUB = date(2022, 9, 12)  # a Monday


def test_weekday_and_explicit_dates_resolve_against_the_publication_date() -> None:
    days = mentioned_days("Troops entered the town on Saturday, after the attack of September 6, 2022.", PUB)
    assert days == (date(2022, 9, 10), date(2022, 9, 6))


def test_months_and_durations_are_not_day_mentions() -> None:
    assert mentioned_days("Fighting went on for three weeks in August.", PUB) == ()


def _collection() -> list:
    a = date_article(
        "a",
        PUB,
        [
            "Ukrainian troops retook Izium on Saturday after days of fighting in the region.",
            "Ukrainian troops entered Izium on Saturday and raised the flag over the town hall.",
            "The weather in the region was mild on Sunday for the farmers of the valley.",
        ],
    )
    b = date_article("b", date(2022, 9, 11), ["Ukrainian forces took Izium on Saturday, officials said in Kyiv today."])
    return a + b


def test_the_date_most_mentioned_by_sentences_and_articles_ranks_first() -> None:
    sentences = _collection()
    ranked = rank_dates(sentences, sentences, None, None, TlsSettings())
    assert ranked[0] == date(2022, 9, 10)


def test_dates_outside_the_span_are_not_ranked() -> None:
    sentences = _collection()
    ranked = rank_dates(sentences, sentences, date(2022, 9, 11), None, TlsSettings())
    assert date(2022, 9, 10) not in ranked


def test_keywords_keep_only_on_topic_sentences() -> None:
    timeline = summarize(_collection(), n_dates=5, per_date=1, keywords=["izium"])
    assert all("Izium" in s for day in timeline for s in day.sentences)
    assert not any("weather" in s for day in timeline for s in day.sentences)


def test_summary_has_at_most_l_dates_in_order_and_k_sentences_each() -> None:
    timeline = summarize(_collection(), n_dates=2, per_date=2)
    assert len(timeline) <= 2
    assert [d.date for d in timeline] == sorted(d.date for d in timeline)
    assert all(1 <= len(d.sentences) <= 2 for d in timeline)


def test_a_near_copy_of_a_chosen_sentence_is_not_chosen_again() -> None:
    line = "Ukrainian troops retook Izium on Saturday after days of fighting in the region."
    sentences = date_article("a", PUB, [line]) + date_article("b", PUB, [line + " "])
    (day,) = summarize(sentences, n_dates=1, per_date=2)
    assert day.sentences == (line,)


def test_sentences_are_returned_as_given_not_as_read() -> None:
    raw = ["Troops retook Izium -LRB- a key town -RRB- on Saturday , officials said ."]
    plain = ["Troops retook Izium (a key town) on Saturday, officials said."]
    (day,) = summarize(date_article("a", PUB, raw, plain), n_dates=1, per_date=1)
    assert day.sentences == tuple(raw)


def test_lines_are_cut_into_sentences_at_sentence_punctuation() -> None:
    assert split_sentences("Izium fell on Saturday. Kyiv said so. 3 towns remain.") == [
        "Izium fell on Saturday.",
        "Kyiv said so.",
        "3 towns remain.",
    ]


def test_timeline_json_reads_ordinary_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "published: 2022-09-12\n\nUkrainian troops retook Izium on Saturday after days of fighting. "
        "The flag was raised in Izium on Sunday by soldiers of the brigade.\n"
    )
    out = json.loads(timeline_json([tmp_path], dates=2, per_date=1, keywords="izium"))
    assert out == [
        {"date": "2022-09-10", "sentences": ["Ukrainian troops retook Izium on Saturday after days of fighting."]},
        {"date": "2022-09-11", "sentences": ["The flag was raised in Izium on Sunday by soldiers of the brigade."]},
    ]


def test_timeline_json_rejects_a_bad_number_of_dates(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E095"):
        timeline_json([tmp_path], dates=0, per_date=1)


def test_timeline_json_rejects_a_start_that_is_not_a_date(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E096"):
        timeline_json([tmp_path], dates=1, per_date=1, start="yesterday")


def test_timeline_json_without_readable_reports_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(InputError, match="E097"):
        timeline_json([tmp_path], dates=1, per_date=1)


def test_each_candidate_gets_one_value_per_named_feature() -> None:
    sentences = _collection()
    day = date(2022, 9, 10)
    candidates = day_candidates(day, sentences, TlsSettings())
    vectorizer = TfidfVectorizer().fit(s.plain for s in sentences)
    rows = vectorizer.transform([s.plain for s in candidates]).tocsr()
    features = sentence_features(day, candidates, rows, np.ones(rows.shape[1]), keyword_filter(["izium"]))
    assert features.shape == (len(candidates), len(SENTENCE_FEATURES))
    assert features[:, SENTENCE_FEATURES.index("mentions_day")].tolist() == [1.0] * len(candidates)


def test_an_undated_lead_line_published_the_next_day_is_a_candidate() -> None:
    lead = date_article("c", date(2022, 9, 11), ["Ukrainian troops hold the recaptured town of Izium after fighting."])
    late = date_article("d", date(2022, 9, 13), ["Ukrainian troops hold the recaptured town of Izium after fighting!"])
    candidates = day_candidates(date(2022, 9, 10), _collection() + lead + late, TlsSettings())
    assert lead[0] in candidates
    assert late[0] not in candidates


def test_the_shipped_weights_name_every_feature() -> None:
    assert len(SENTENCE_WEIGHTS) == len(SENTENCE_FEATURES)
    assert all(len(w) == len(SENTENCE_FEATURES) for w in SENTENCE_WEIGHTS_WITHOUT.values())


def test_the_generated_weights_follow_the_feature_list() -> None:
    assert tls_weights.FEATURES == SENTENCE_FEATURES
    assert set(tls_weights.ARTICLE_HITS_WITHOUT) == set(SENTENCE_WEIGHTS_WITHOUT)


def _ferry_articles() -> list:
    busy = date_article(
        "busy",
        PUB,
        [
            "The ferry ran aground near the harbour on Saturday.",
            "Passengers waited on deck for four hours.",
            "The ferry company apologised on Sunday.",
        ],
    )
    aside = date_article("aside", PUB, ["A ferry was mentioned once.", "The council met on Saturday."])
    return busy + aside


def test_every_sentence_of_an_article_with_enough_on_topic_sentences_is_a_candidate_source() -> None:
    pool = candidate_pool(_ferry_articles(), keyword_filter(["ferry"]), article_hits=2)
    assert "Passengers waited on deck for four hours." in [s.text for s in pool]
    # "aside" has one on-topic sentence: its other lines stay out.
    assert "The council met on Saturday." not in [s.text for s in pool]


def test_without_article_hits_the_pool_is_the_on_topic_sentences() -> None:
    pool = candidate_pool(_ferry_articles(), keyword_filter(["ferry"]), article_hits=0)
    assert all("ferry" in s.text.lower() for s in pool)
    assert len(pool) == 3


def _features_of(lines: list[str], day: date) -> np.ndarray:
    sentences = [s for i, line in enumerate(lines) for s in date_article(f"a{i}", PUB, [line])]
    candidates = day_candidates(day, sentences, TlsSettings())
    assert len(candidates) == len(lines)
    rows = TfidfVectorizer().fit_transform(s.plain for s in candidates).tocsr()
    return sentence_features(day, candidates, rows, np.ones(rows.shape[1]), None)


def test_plans_wire_credits_figures_and_timeline_style_lines_are_flagged() -> None:
    day = date(2022, 9, 10)
    lines = [
        "Sept 10: Engineers close the damaged lock on the canal after a barge hit it.",
        "The minister will speak about the canal lock damaged on September 10, 2022.",
        "LONDON (Reuters) - A barge struck a canal lock on Saturday, the operator said.",
        "Some 40 boats were stuck behind the canal lock on Saturday evening.",
    ]
    features = _features_of(lines, day)

    def column(name: str) -> list[float]:
        return features[:, SENTENCE_FEATURES.index(name)].tolist()

    assert column("timeline_entry") == [1.0, 0.0, 0.0, 0.0]
    assert column("future") == [0.0, 1.0, 0.0, 0.0]
    assert column("wire_credit") == [0.0, 0.0, 1.0, 0.0]
    assert column("number") == [1.0, 1.0, 0.0, 1.0]


def test_support_counts_other_articles_with_a_near_same_candidate() -> None:
    day = date(2022, 9, 10)
    lines = [
        "The old stone bridge over the river collapsed on Saturday morning.",
        "The old stone bridge over the river collapsed on Saturday, witnesses said.",
        "Farmers in the valley sold apples at the Saturday market.",
    ]
    support = _features_of(lines, day)[:, SENTENCE_FEATURES.index("support")]
    assert support.tolist() == pytest.approx([np.log(2), np.log(2), 0.0])


def test_a_timeline_line_counts_as_one_only_for_the_date_it_opens_with() -> None:
    lines = [
        "Sept 12: The canal lock reopens, two days after a barge hit it on Sept 10.",
        "Sept 10: A barge hits the canal lock and traffic stops for the day.",
    ]
    features = _features_of(lines, date(2022, 9, 10))
    assert features[:, SENTENCE_FEATURES.index("timeline_entry")].tolist() == [0.0, 1.0]
