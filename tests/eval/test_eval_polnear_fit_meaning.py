"""The word-meaning columns of the cue model's fit, on a small hand-built table (no MiniLM, no PolNeAR)."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.eval.polnear_fit_meaning import MeaningBasis, fitted_meaning, meaning_columns

PIECES = ["[UNK]", "say", "warn", "evi", "##sc", "##erate", "question", "support"]


def _basis() -> MeaningBasis:
    rng = np.random.default_rng(3)
    table = rng.normal(size=(len(PIECES), 5)).astype(np.float32)
    basis, _ = np.linalg.qr(rng.normal(size=(5, 3)))
    return MeaningBasis(PIECES, table, basis, 1.7)


def test_the_run_time_score_is_the_fitted_weights_on_the_fit_columns() -> None:
    basis = _basis()
    coef = np.array([0.4, -1.2, 0.7, 2.0, 0.3, -0.5])
    samples = [
        ["lemma=say", "dobj=question"],
        ["lemma=eviscerate"],
        ["rule=cue", "no_candidate"],
        ["lemma=warn", "lemma=warn|acomp=support", "acomp=support"],
    ]
    columns = meaning_columns(samples, basis)
    meaning = fitted_meaning(coef, basis)
    for row, features in zip(columns, samples, strict=True):
        assert meaning.score(features) == pytest.approx(float(row @ coef), abs=1e-4)


def test_a_sample_without_words_has_zero_columns() -> None:
    assert not meaning_columns([["rule=cue"]], _basis()).any()
