"""Rewrite candidates for derivation: each report's nearest reports by mean sentence embedding.

Step 3 of ``storyline.corpus.derivation``: numpy top-k over normalized mean vectors, in blocks, and
with a window of publication days so that the work grows with the reports of a few days.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from storyline.corpus.embeddings import normalize_rows
from storyline.time.iso_dates import day_number

if TYPE_CHECKING:
    from storyline.corpus.derivation import Report

Pair = tuple[int, int]


def document_vectors(reports: Sequence[Report]) -> np.ndarray:
    """Each report's mean sentence vector, normalized; zero for a report without sentences."""
    dim = reports[0].matrix.shape[1] if reports else 1
    rows = [r.vectors.mean(axis=0) if len(r.rows) else np.zeros(dim, np.float32) for r in reports]
    return normalize_rows(np.stack(rows) if rows else np.zeros((0, dim), np.float32))


def nearest_pairs(vectors: np.ndarray, k: int, block: int = 512) -> set[Pair]:
    """Each row with its ``k`` most similar other rows (by dot product), as unordered pairs."""
    return top_k(vectors, np.arange(len(vectors)), np.arange(len(vectors)), k, block)


def day_numbers(reports: Sequence[Report]) -> np.ndarray:
    """Each report's publication day as a day number, or -1 when it has no full date."""
    return np.array([day_number(r.doc.published, coarse=None, missing=-1) for r in reports], dtype=np.int64)


def windowed_nearest_pairs(vectors: np.ndarray, days: np.ndarray, k: int, window: int, block: int = 512) -> set[Pair]:
    """``nearest_pairs`` where a dated row only meets rows dated within ``window`` days, and undated ones.

    Dated rows are taken in date order, a block at a time, against the contiguous run of rows whose
    dates fall within the window of the block's dates: the work grows with the number of reports
    times the reports of a few days, not with the square of the corpus. Undated rows meet every row.
    """
    undated = np.flatnonzero(days < 0)
    dated = np.flatnonzero(days >= 0)
    dated = dated[np.argsort(days[dated], kind="stable")]
    dated_days = days[dated]
    pairs = top_k(vectors, undated, np.arange(len(vectors)), k, block)
    for start in range(0, len(dated), block):
        rows = dated[start : start + block]
        lo = np.searchsorted(dated_days, dated_days[start] - window, side="left")
        hi = np.searchsorted(dated_days, dated_days[min(start + block, len(dated)) - 1] + window, side="right")
        pairs |= top_k(vectors, rows, np.concatenate([dated[lo:hi], undated]), k, block, window, days)
    return pairs


def top_k(
    vectors: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    k: int,
    block: int,
    window: int | None = None,
    days: np.ndarray | None = None,
) -> set[Pair]:
    """Each of ``rows`` with its ``k`` most similar ``cols`` (never itself, and within ``window`` days)."""
    pairs: set[Pair] = set()
    k = min(k, len(cols) - 1)
    if k <= 0 or not len(rows):
        return pairs
    col_vectors = vectors[cols].T
    for start in range(0, len(rows), block):
        part = rows[start : start + block]
        sims = vectors[part] @ col_vectors
        sims[part[:, None] == cols[None, :]] = -np.inf
        if window is not None and days is not None:
            gap = np.abs(days[part][:, None] - days[cols][None, :])
            sims[(gap > window) & (days[cols][None, :] >= 0)] = -np.inf
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for row, picks in zip(range(len(part)), top, strict=True):
            i = int(part[row])
            pairs.update((min(i, int(cols[j])), max(i, int(cols[j]))) for j in picks if sims[row, j] > 0)
    return pairs
