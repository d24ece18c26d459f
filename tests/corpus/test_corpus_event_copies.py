"""Groups of copies undone when a near pair could be met before their own (``corpus/event_copies.py``)."""

from __future__ import annotations

import numpy as np

from storyline.corpus.event_copies import not_merged_first, ranked, stand_alone
from storyline.corpus.event_search import Pairs


def unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_a_group_with_a_near_pair_of_another_vector_is_undone_and_its_copies_get_its_pairs() -> None:
    a, b = unit(1, 0), unit(1, 1e-4)  # b is another vector almost as close to a as a's copy
    vectors = np.stack([a, a, b])
    first = np.array([0, 0, 2])  # rows 0 and 1 are copies, searched as row 0
    pairs = Pairs(np.array([float(a @ b)], dtype=np.float32), np.array([0]), np.array([2]))
    alone = not_merged_first(first, pairs, vectors)
    assert alone.tolist() == [0]
    undone, wide = stand_alone(first, pairs, alone, vectors, first)
    assert undone.tolist() == [0, 1, 2]
    assert sorted(zip(wide.left.tolist(), wide.right.tolist(), strict=True)) == [(0, 1), (0, 2), (1, 2)]
    assert wide.cosines[0] == max(wide.cosines)  # the copies' own pair still ranks first


def test_a_group_whose_own_pair_stands_clear_is_kept() -> None:
    a, c = unit(1, 0), unit(0, 1)
    vectors = np.stack([a, a, c])
    first = np.array([0, 0, 2])
    pairs = Pairs(np.array([0.1], dtype=np.float32), np.array([0]), np.array([2]))
    assert not_merged_first(first, pairs, vectors).tolist() == []


def test_tied_pairs_of_two_groups_of_copies_are_ranked_together_by_their_first_copies() -> None:
    copies = np.array([0, 1, 2, 1])  # rows 1 and 3 are copies
    pairs = Pairs(np.array([0.5, 0.5, 0.5, 0.9], dtype=np.float32), np.array([0, 0, 0, 2]), np.array([1, 2, 3, 3]))
    order = ranked(pairs, copies)
    assert list(zip(order.left.tolist(), order.right.tolist(), strict=True)) == [(2, 3), (0, 1), (0, 3), (0, 2)]
    alone = ranked(pairs, np.arange(4))  # every row its own first copy: by the rows
    assert list(zip(alone.left.tolist(), alone.right.tolist(), strict=True)) == [(2, 3), (0, 1), (0, 2), (0, 3)]
