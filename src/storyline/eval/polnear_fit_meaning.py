"""The word-meaning columns of the cue model's fit: each sample's lemma and object vectors from the
MiniLM input table (``doc/attribution_meaning``), reduced to the table's top principal directions, and
the fitted weights of those columns turned back into directions in the table's space.

The reduction is fitted on the table alone (no PolNeAR word), so a word unseen in train gets a vector
like any other. ``polnear_fit`` adds these columns to the named features of its logistic regression.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.doc.attribution_meaning import WordMeaning, meaning_words, model_folder, read_table, word_vectors

DIMS = 64  # principal directions of the table kept per role


@dataclass(frozen=True)
class MeaningBasis:
    """The table, its top ``DIMS`` principal directions (384 x DIMS) and the mean norm of its
    centred rows, which scales each column near 1."""

    pieces: list[str]
    table: np.ndarray
    basis: np.ndarray
    scale: float


def meaning_basis(dims: int = DIMS) -> MeaningBasis:
    """The basis of the installed model's table."""
    pieces, table = read_table(model_folder())
    centred = table - table.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    scale = float(np.linalg.norm(centred, axis=1).mean())
    return MeaningBasis(pieces, table, vt[:dims].T.copy(), scale)


def meaning_columns(features: Iterable[Sequence[str]], basis: MeaningBasis) -> np.ndarray:
    """One row per sample: its lemma's reduced vector, then its object's (zeros when it has none)."""
    words = [meaning_words(f) for f in features]
    lemma = word_vectors([w[0] for w in words], basis.pieces, basis.table)
    obj = word_vectors([w[1] for w in words], basis.pieces, basis.table)
    return np.hstack([lemma @ basis.basis, obj @ basis.basis]) / basis.scale


def fitted_meaning(coefficients: Sequence[float], basis: MeaningBasis) -> WordMeaning:
    """The word meaning of the fitted weights of the meaning columns (lemma's, then object's)."""
    dims = basis.basis.shape[1]
    coef = np.asarray(coefficients, dtype=np.float64)
    lemma, obj = (basis.basis @ coef[k * dims : (k + 1) * dims] / basis.scale for k in (0, 1))
    return WordMeaning.of(basis.pieces, basis.table, _rounded(lemma), _rounded(obj))


def _rounded(direction: np.ndarray) -> tuple[float, ...]:
    return tuple(float(f"{x:.6g}") for x in direction)
