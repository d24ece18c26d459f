"""Tests for fitting the timeline's sentence weights (``storyline.eval.timeline17_fit``), on made-up data."""

from __future__ import annotations

import ast

import numpy as np
import pytest

from storyline.corpus.tls_features import SENTENCE_FEATURES
from storyline.eval.timeline17_fit import (
    FIRST_FEATURES,
    Choice,
    DateExamples,
    candidate_target,
    fit_ridge,
    weights_module,
)


def test_a_sentence_equal_to_the_reference_scores_two() -> None:
    assert candidate_target("Floodwater closes the coastal road .", ["Floodwater closes the coastal road ."]) == 2.0


def test_a_sentence_equal_to_one_of_the_days_reference_sentences_scores_two_as_a_sentence_target() -> None:
    reference = ["Floodwater closes the coastal road .", "Schools shut for a week ."]
    assert candidate_target("Floodwater closes the coastal road .", reference, "sentence") == 2.0
    assert candidate_target("Floodwater closes the coastal road .", reference, "day") < 2.0


def test_a_sentence_sharing_no_word_with_the_reference_scores_zero() -> None:
    assert candidate_target("Apples are cheap .", ["Floodwater closes the coastal road ."]) == 0.0


def _examples(topic: str, weights: np.ndarray, seed: int) -> list[DateExamples]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(40):
        x = rng.normal(size=(6, len(SENTENCE_FEATURES)))
        out.append(DateExamples(topic, x, x @ weights))
    return out


def test_ridge_recovers_a_linear_target() -> None:
    truth = np.linspace(-0.5, 0.5, len(SENTENCE_FEATURES))
    fitted = fit_ridge(_examples("a", truth, 1) + _examples("b", truth, 2))
    assert fitted == pytest.approx(truth.tolist(), abs=0.01)


def test_features_left_out_of_a_fit_weigh_zero() -> None:
    truth = np.ones(len(SENTENCE_FEATURES))
    fitted = fit_ridge(_examples("a", truth, 3), FIRST_FEATURES)
    assert all(w == 0.0 for w in fitted[len(FIRST_FEATURES) :])


def test_the_generated_module_holds_the_weights_and_choices() -> None:
    weights = tuple(0.25 for _ in SENTENCE_FEATURES)
    best, flood = Choice(2, SENTENCE_FEATURES, 0.4), Choice(0, SENTENCE_FEATURES, 0.6)
    source = weights_module(weights, best, {"flood": weights}, {"flood": flood}, ["Without flood: ..."])
    names: dict[str, object] = {}
    exec(compile(ast.parse(source), "tls_weights", "exec"), names)
    assert names["FEATURES"] == SENTENCE_FEATURES
    assert names["SENTENCE_WEIGHTS"] == weights
    assert (names["ARTICLE_HITS"], names["ARTICLE_HITS_WITHOUT"]) == (2, {"flood": 0})
    assert (names["REDUNDANCY"], names["REDUNDANCY_WITHOUT"]) == (0.4, {"flood": 0.6})
