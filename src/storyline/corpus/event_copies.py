"""Copies of an event mention (one vector, one link key), searched and merged as one.

``events.cluster`` searches only the first mention of each group of copies and maps its pairs back.
A group is safe to merge first only when its own cosine beats every other pair of its by ``NEAR``;
the groups that are not are undone here: their copies stand alone again, each with the first row's
pairs, as if every row had been searched. Pairs of equal cosine are met by the first copies of
their two rows, then by the rows (``ranked``): the tied pairs of two groups of copies come
together, so copies decide once, whether searched once or each on its own.
"""

from __future__ import annotations

import numpy as np

from storyline.corpus.event_search import NO_DAY, Pairs

NEAR = 1e-3  # a copy's own cosine must beat any other pair of its by this much to be merged first


def not_merged_first(
    first: np.ndarray,
    pairs: Pairs,
    vectors: np.ndarray,
    near: float = NEAR,
    chunk: int = 8192,
    published: np.ndarray | None = None,
    window: int = 0,
) -> np.ndarray:
    """The first rows of the groups of copies (``first``) that have another pair within ``near``
    of their own, with a different vector: the loop over all rows might meet it before it merged
    them, so they must stand alone. A pair with the same vector under another key (a date, a
    denial) ties with their own to the bit: the loop meets that tied clique by first copies
    (``ranked``), which decides for each group as for its first row, so it does not count; unless, given each row's
    ``published`` day (``NO_DAY`` when it has its own date), the two rows' days lie more than
    ``window`` apart: the publication window (``event_dates.PublishedSpans``) decides by the size a
    group has reached, so the order in which the clique is met matters."""
    shared = np.unique(first[first != np.arange(len(first))])
    if not len(shared) or not len(pairs):
        return np.zeros(0, np.int64)
    selves = np.full(len(first), np.inf, dtype=np.float64)
    selves[shared] = np.einsum("ij,ij->i", vectors[shared], vectors[shared])
    cosines = pairs.cosines.astype(np.float64)
    close = np.flatnonzero((cosines >= selves[pairs.left] - near) | (cosines >= selves[pairs.right] - near))
    differ = [np.zeros(0, np.int64)]
    for start in range(0, len(close), chunk):
        rows = close[start : start + chunk]
        same = np.all(vectors[pairs.left[rows]] == vectors[pairs.right[rows]], axis=1)
        if published is not None and window > 0:
            left, right = published[pairs.left[rows]], published[pairs.right[rows]]
            apart = (left != NO_DAY) & (right != NO_DAY) & (np.abs(left - right) > window)
            same &= ~apart
        differ.append(rows[~same])
    rows = np.concatenate(differ)
    return np.intersect1d(np.concatenate((pairs.left[rows], pairs.right[rows])), shared)


def ranked(pairs: Pairs, copies: np.ndarray) -> Pairs:
    """The pairs in the order the merge loop meets them: most similar first; ties by the first
    copies (``copies``, per row) of their two rows, the lower then the higher, then by the rows. So
    the tied pairs of two groups of copies come one after the other: when each group is one cluster,
    the first decides for all, and a refused pair is not met again through a copy after another
    merge has changed the clusters. With each row its own first copy, the order of ``ranked_pairs``."""
    ends = copies[pairs.left], copies[pairs.right]
    low, high = np.minimum(*ends), np.maximum(*ends)
    return pairs.select(np.lexsort((pairs.right, pairs.left, high, low, -pairs.cosines)))


def stand_alone(
    first: np.ndarray, pairs: Pairs, alone: np.ndarray, vectors: np.ndarray, copies: np.ndarray
) -> tuple[np.ndarray, Pairs]:
    """``first`` and ``pairs`` with the groups of ``alone`` (first rows) undone: each pair of their
    first row becomes a pair of each of its copies, with the same cosine, and the copies pair with
    each other at the first row's own cosine. Ranked again by ``copies`` (``ranked``)."""
    n = len(first)
    undone = np.isin(first, alone)
    order = np.argsort(first, kind="stable")
    low = np.searchsorted(first[order], np.arange(n), "left")
    size = np.where(undone, np.searchsorted(first[order], np.arange(n), "right") - low, 1)
    size[~np.isin(np.arange(n), alone)] = 1

    def widen(ends: np.ndarray, others: np.ndarray, cosines: np.ndarray) -> tuple[np.ndarray, ...]:
        pick = np.repeat(np.arange(len(ends)), size[ends])
        offset = np.arange(len(pick)) - np.repeat(np.cumsum(size[ends]) - size[ends], size[ends])
        wide = np.where(size[ends[pick]] > 1, order[low[ends[pick]] + offset], ends[pick])
        return wide, others[pick], cosines[pick]

    left, right, cosines = widen(pairs.left, pairs.right, pairs.cosines)
    right, left, cosines = widen(right, left, cosines)
    inside = [(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32))]
    for r in alone.tolist():
        rows = order[low[r] : low[r] + size[r]]
        i, j = np.triu_indices(len(rows), 1)
        own = np.einsum("ij,ij->i", vectors[r : r + 1], vectors[r : r + 1])  # as pair_cosines computes it
        inside.append((rows[i], rows[j], np.repeat(own, len(i)).astype(np.float32)))
    left = np.concatenate([left, *(x[0] for x in inside)])
    right = np.concatenate([right, *(x[1] for x in inside)])
    cosines = np.concatenate([cosines, *(x[2] for x in inside)])
    wide = Pairs(cosines, np.minimum(left, right), np.maximum(left, right))
    return np.where(undone, np.arange(n), first), ranked(wide, copies)
