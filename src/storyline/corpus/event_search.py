"""Find the pairs of event candidates whose sentence vectors are at least as close as a cosine
floor: exactly (every row against every row) or by a bounded neighbour search that grows linearly.

``exact_pairs`` multiplies each block of rows by all rows; its time grows with the square of the
story and is kept for stories of up to ``events.exact_search_limit`` candidates. ``lsh_pairs`` is a
random-hyperplane locality-sensitive hash (SimHash): each band of ``bits`` signs of random
projections is a bucket key, and each row is checked, exactly, against at most ``window`` rows of
its bucket in each band (those nearest along one more random direction). So the work is at most
``rows x bands x window`` dot products, and all pairs it returns are real (their cosine is computed),
but a pair whose vectors share no bucket is missed; near-duplicates share nearly every bucket.

Written here rather than taken from an approximate-nearest-neighbour library (faiss, annoy,
hnswlib): those answer "the k nearest of each row", not "all pairs above a floor", are not
dependencies, and their indexes are not guaranteed to give the same pairs on every machine. This
one is numpy only and seeded, so a story gives the same pairs wherever it is built.

Pairs are kept as numpy arrays (12 bytes a pair), never as a list of Python tuples.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from storyline.config import EventsConfig

_SEED = 20221  # fixed: the same story gives the same pairs on every run and machine


@dataclass(frozen=True)
class Pairs:
    """Pairs ``left[k] < right[k]`` of row indexes and their cosines, as parallel arrays."""

    cosines: np.ndarray  # float32
    left: np.ndarray  # int64
    right: np.ndarray  # int64

    def __len__(self) -> int:
        return len(self.cosines)

    def select(self, keep: np.ndarray | slice) -> Pairs:
        """The pairs where ``keep`` (a boolean mask, an index array or a slice) says so."""
        return Pairs(self.cosines[keep], self.left[keep], self.right[keep])

    @staticmethod
    def empty() -> Pairs:
        return Pairs(np.zeros(0, np.float32), np.zeros(0, np.int64), np.zeros(0, np.int64))

    @staticmethod
    def concat(parts: list[Pairs]) -> Pairs:
        if not parts:
            return Pairs.empty()
        return Pairs(
            np.concatenate([p.cosines for p in parts]),
            np.concatenate([p.left for p in parts]),
            np.concatenate([p.right for p in parts]),
        )


def search(vectors: np.ndarray, floor: float, config: EventsConfig, block: int = 512) -> Pairs:
    """The pairs at or above ``floor`` by the configured search (``events.search``); "auto" is exact
    up to ``events.exact_search_limit`` rows and the bounded LSH search above."""
    mode = config.search
    if mode == "auto":
        mode = "exact" if len(vectors) <= config.exact_search_limit else "lsh"
    if mode == "exact":
        return exact_pairs(vectors, floor, block)
    return lsh_pairs(vectors, floor, bands=config.lsh_bands, bits=config.lsh_bits, window=config.lsh_window)


# 1. The exact search


def exact_blocks(vectors: np.ndarray, floor: float, block: int) -> Iterator[Pairs]:
    """Per block of rows: the pairs (i < j) at or above ``floor``.

    Each block is multiplied by ALL vectors although only j > i is kept: multiplying by the upper
    triangle only (``vectors[start:]``) halves the work but BLAS then rounds some products
    differently in the last bit, which reorders near-ties and changed 8 of 31,043 events of a
    10,000-report story. Keep the full product so the events stay exactly the same."""
    for start in range(0, len(vectors), block):
        sims = vectors[start : start + block] @ vectors.T
        rows, cols = np.nonzero(sims >= floor)
        upper = cols > rows + start
        rows, cols = rows[upper], cols[upper]
        yield Pairs(sims[rows, cols], (rows + start).astype(np.int64), cols.astype(np.int64))


def exact_pairs(vectors: np.ndarray, floor: float, block: int = 512) -> Pairs:
    """Every pair at or above ``floor``: quadratic time, memory of one block plus the pairs kept."""
    return Pairs.concat(list(exact_blocks(vectors, floor, block)))


# 2. The bounded search: random-hyperplane LSH with a window per bucket


def band_codes(vectors: np.ndarray, bands: int, bits: int, block: int = 65_536) -> tuple[np.ndarray, np.ndarray]:
    """Per band and row: the bucket key (``bits`` signs of random projections, packed in an int64)
    and the row's place along one more random direction (its order within the bucket)."""
    rng = np.random.default_rng(_SEED)
    dim = vectors.shape[1]
    planes = rng.standard_normal((dim, bands * (bits + 1))).astype(np.float32)
    weights = np.left_shift(np.int64(1), np.arange(bits, dtype=np.int64))
    codes = np.empty((bands, len(vectors)), dtype=np.int64)
    along = np.empty((bands, len(vectors)), dtype=np.float32)
    for start in range(0, len(vectors), block):
        proj = (vectors[start : start + block] @ planes).reshape(-1, bands, bits + 1)
        codes[:, start : start + block] = ((proj[:, :, :bits] >= 0) @ weights).T
        along[:, start : start + block] = proj[:, :, bits].T
    return codes, along


def bucket_neighbours(codes: np.ndarray, along: np.ndarray, window: int) -> np.ndarray:
    """Keys ``i * n + j`` (i < j) of the rows of one band that share a bucket and lie at most
    ``window`` apart in it, ordered along the extra direction (ties by row index)."""
    n = len(codes)
    order = np.lexsort((np.arange(n), along, codes))
    ordered = codes[order]
    keys = []
    for step in range(1, min(window, n - 1) + 1):
        same = ordered[step:] == ordered[:-step]
        a, b = order[:-step][same], order[step:][same]
        keys.append(np.minimum(a, b) * n + np.maximum(a, b))
    return np.unique(np.concatenate(keys)) if keys else np.zeros(0, np.int64)


def pair_cosines(vectors: np.ndarray, left: np.ndarray, right: np.ndarray, chunk: int = 8192) -> np.ndarray:
    """The cosine of each pair (rows are unit length), computed in chunks to bound memory."""
    out = np.empty(len(left), dtype=np.float32)
    for start in range(0, len(left), chunk):
        a, b = vectors[left[start : start + chunk]], vectors[right[start : start + chunk]]
        out[start : start + chunk] = np.einsum("ij,ij->i", a, b)
    return out


def lsh_pairs(vectors: np.ndarray, floor: float, *, bands: int, bits: int, window: int) -> Pairs:
    """The pairs at or above ``floor`` among those that share a bucket within ``window`` in some band.

    Each distinct pair is checked once, however many bands bring it up; the checked keys are kept
    (8 bytes a pair) so later bands skip them."""
    n = len(vectors)
    if n < 2:
        return Pairs.empty()
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    codes, along = band_codes(vectors, bands, bits)
    seen = np.zeros(0, np.int64)
    found: list[Pairs] = []
    for band in range(bands):
        keys = bucket_neighbours(codes[band], along[band], window)
        keys = keys[~np.isin(keys, seen, assume_unique=True)]
        seen = np.union1d(seen, keys)
        left, right = keys // n, keys % n
        cosines = pair_cosines(vectors, left, right)
        found.append(Pairs(cosines, left, right).select(cosines >= floor))
    pairs = Pairs.concat(found)
    return pairs.select(np.lexsort((pairs.right, pairs.left)))
