"""The pair search of the events stage (``storyline.corpus.event_search``): the exact search finds
every pair at or above the floor, the LSH search only real pairs and always the near-duplicates."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.config import Config, EventsConfig
from storyline.corpus import event_search as es
from storyline.errors import ConfigError


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def brute_force(vectors: np.ndarray, floor: float) -> dict[tuple[int, int], float]:
    sims = vectors @ vectors.T
    n = len(vectors)
    return {(i, j): float(sims[i, j]) for i in range(n) for j in range(i + 1, n) if sims[i, j] >= floor}


def as_dict(pairs: es.Pairs) -> dict[tuple[int, int], float]:
    return {
        (i, j): c for c, i, j in zip(pairs.cosines.tolist(), pairs.left.tolist(), pairs.right.tolist(), strict=True)
    }


random_sets = st.builds(
    lambda n, dim, seed: unit_rows(np.random.default_rng(seed).normal(size=(n, dim))),
    st.integers(0, 40),
    st.integers(1, 8),
    st.integers(0, 2**32 - 1),
)


@settings(max_examples=100, deadline=None)
@given(random_sets, st.sampled_from((-0.2, 0.3, 0.6)), st.integers(1, 17))
def test_exact_search_returns_the_pairs_of_the_all_pairs_product_in_any_block_size(vectors, floor, block):
    found = as_dict(es.exact_pairs(vectors, floor, block))
    expected = brute_force(vectors, floor)
    assert found.keys() == expected.keys()
    assert all(abs(found[k] - expected[k]) < 1e-5 for k in found)


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 24), st.integers(0, 2**32 - 1), st.integers(1, 30))
def test_exact_search_cosines_have_the_bits_of_the_all_pairs_product_in_any_block_size(n, seed, block):
    # Small-integer rows give many cosines equal in exact arithmetic; their order decides merges.
    # A single-row block once went to BLAS's matrix-vector product, which rounds them differently.
    vectors = unit_rows(np.random.default_rng(seed).integers(0, 3, size=(n, 4)).astype(np.float32))
    pairs = es.exact_pairs(vectors, 0.3, block)
    full = vectors @ vectors.T
    assert np.array_equal(pairs.cosines.view(np.uint32), full[pairs.left, pairs.right].view(np.uint32))


@settings(max_examples=100, deadline=None)
@given(random_sets, st.sampled_from((0.0, 0.5)), st.integers(1, 6), st.integers(1, 4))
def test_lsh_search_returns_only_real_pairs_each_once_in_order(vectors, floor, bands, window):
    pairs = es.lsh_pairs(vectors, floor, bands=bands, window=window)
    found = as_dict(pairs)
    expected = brute_force(vectors, floor)
    assert len(found) == len(pairs)
    assert found.keys() <= expected.keys()
    assert all(abs(found[k] - expected[k]) < 1e-5 for k in found)
    assert list(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)) == sorted(found)


def test_lsh_search_always_finds_near_duplicates():
    rng = np.random.default_rng(3)
    base = unit_rows(rng.normal(size=(2000, 64)))
    copies = unit_rows(base + rng.normal(scale=0.02, size=base.shape))  # cosine about 0.99
    vectors = np.vstack([base, copies])
    pairs = es.lsh_pairs(vectors, 0.5, bands=16, window=16)
    found = set(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True))
    assert all((i, i + 2000) in found for i in range(2000))


def test_lsh_search_links_a_bucket_larger_than_its_window_into_one_group():
    rng = np.random.default_rng(5)
    vectors = np.vstack(
        [np.repeat(unit_rows(rng.normal(size=(1, 32))), 50, axis=0), unit_rows(rng.normal(size=(30, 32)))]
    )
    pairs = es.lsh_pairs(vectors, 0.9, bands=4, window=3)
    parent = list(range(len(vectors)))

    def root(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, j in zip(pairs.left.tolist(), pairs.right.tolist(), strict=True):
        parent[root(j)] = root(i)
    assert len({root(i) for i in range(50)}) == 1
    assert len(pairs) < 50 * 49 // 2  # bounded by the window, not every pair of the bucket


def test_lsh_search_gives_the_same_pairs_on_every_run():
    vectors = unit_rows(np.random.default_rng(11).normal(size=(300, 16)))
    first = es.lsh_pairs(vectors, 0.3, bands=8, window=4)
    again = es.lsh_pairs(vectors.copy(), 0.3, bands=8, window=4)
    assert as_dict(first) == as_dict(again)


def test_auto_search_is_exact_up_to_the_limit_and_lsh_above():
    vectors = unit_rows(np.random.default_rng(2).normal(size=(60, 8)))
    exact = as_dict(es.exact_pairs(vectors, 0.5))
    at_limit = EventsConfig(exact_search_limit=60)
    above = EventsConfig(exact_search_limit=59, lsh_bands=1, lsh_window=1)
    nobody = np.zeros(60, dtype=bool)
    assert as_dict(es.search(vectors, at_limit, nobody)) == exact
    assert len(es.search(vectors, above, nobody)) < len(exact)


def test_bounded_search_finds_every_pair_of_a_denial_at_the_lowered_bar():
    vectors = unit_rows(np.random.default_rng(4).normal(size=(300, 6)))
    denied = np.zeros(300, dtype=bool)
    denied[[3, 150, 299]] = True
    config = EventsConfig(search="lsh", lsh_bands=1, lsh_window=1)  # finds little by itself
    found = as_dict(es.search(vectors, config, denied))
    lowered = config.same_event_cosine - config.denial_cosine_margin
    expected = brute_force(vectors, lowered)
    of_denials = {k for k in expected if denied[k[0]] or denied[k[1]]}
    assert of_denials <= found.keys() <= expected.keys()
    assert all(abs(found[k] - expected[k]) < 1e-5 for k in found)


def dated_story(n: int = 300, seed: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Low-dimensional rows (many pairs above the bar) with days over three weeks, a sixth undated."""
    rng = np.random.default_rng(seed)
    vectors = unit_rows(rng.normal(size=(n, 6)))
    days = 738_000 + rng.integers(0, 21, size=n)
    days[rng.random(n) < 1 / 6] = es.NO_DAY
    return vectors, days


def within_days(expected: dict[tuple[int, int], float], days: np.ndarray, window: int) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in expected
        if days[i] != es.NO_DAY and days[j] != es.NO_DAY and abs(int(days[i]) - int(days[j])) <= window
    }


def test_bounded_search_always_finds_the_pairs_of_mentions_dated_within_the_day_window():
    vectors, days = dated_story()
    nobody = np.zeros(len(vectors), dtype=bool)
    config = EventsConfig(search="lsh", lsh_bands=1, lsh_window=1, lsh_day_window=3)  # LSH finds little
    pairs = es.search(vectors, config, nobody, days=days)
    found = as_dict(pairs)
    expected = brute_force(vectors, config.same_event_cosine)
    assert within_days(expected, days, 3) <= found.keys() <= expected.keys()
    assert len(found) < len(expected)  # the undated and the far apart are left to the LSH
    assert all(abs(found[k] - expected[k]) < 1e-5 for k in found)
    assert len(found) == len(pairs)
    assert list(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)) == sorted(found)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 5), st.integers(0, 7), st.integers(1, 17))
def test_day_window_pairs_are_the_same_whatever_order_the_mentions_come_in_in_any_block_size(
    seed, window, order_seed, block
):
    vectors, days = dated_story(60, seed)
    order = np.random.default_rng(order_seed).permutation(len(vectors))
    n = len(vectors)

    def pairs_of(v: np.ndarray, d: np.ndarray, rows: np.ndarray) -> set[tuple[int, int]]:
        keys = np.concatenate([np.zeros(0, np.int64), *es.day_window_pairs(v, d, window, 0.6, block)])
        found = [tuple(sorted((int(rows[k // n]), int(rows[k % n])))) for k in keys.tolist()]
        assert len(found) == len(set(found))  # each pair once
        return set(found)

    assert pairs_of(vectors, days, np.arange(n)) == pairs_of(vectors[order], days[order], order)
    assert pairs_of(vectors, days, np.arange(n)) == within_days(brute_force(vectors, 0.6), days, window)


def later_within_days(days: np.ndarray, window: int) -> int:
    """The most dated rows that come after one dated row, in (day, row) order, within ``window`` days."""
    d = np.sort(days[days != es.NO_DAY])
    return int((np.searchsorted(d, d + window, "right") - np.arange(len(d)) - 1).max(initial=0))


def day_window_keys(vectors: np.ndarray, days: np.ndarray, window: int, floor: float, block: int, most: int | None):
    return np.concatenate([np.zeros(0, np.int64), *es.day_window_pairs(vectors, days, window, floor, block, most)])


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 5), st.integers(1, 17), st.integers(0, 20))
def test_day_window_cap_leaves_the_pairs_of_a_sparse_story_unchanged(seed, window, block, spare):
    # Sparse: no mention has more than ``most`` mentions after it within the window.
    vectors, days = dated_story(120, seed)
    most = later_within_days(days, window) + spare
    capped = day_window_keys(vectors, days, window, 0.6, block, most)
    assert np.array_equal(np.sort(capped), np.sort(day_window_keys(vectors, days, window, 0.6, block, None)))


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 40), st.integers(1, 17), st.integers(0, 7))
def test_day_window_cap_compares_each_mention_of_a_dense_day_with_at_most_that_many_after_it(most, block, order_seed):
    # One day of 150 mentions and every pair above the floor: the cap alone decides the pairs.
    n = 150
    vectors = unit_rows(np.ones((n, 3)))
    days = np.full(n, 738_000)
    keys = day_window_keys(vectors, days, 3, 0.5, block, most)
    expected = {(i, j) for i in range(n) for j in range(i + 1, min(i + most, n - 1) + 1)}
    assert len(keys) == len(expected) == sum(min(most, n - 1 - i) for i in range(n))
    assert {(k // n, k % n) for k in keys.tolist()} == expected  # the nearest in (day, row) order
    order = np.random.default_rng(order_seed).permutation(n)
    assert len(day_window_keys(vectors[order], days[order], 3, 0.5, block, most)) == len(expected)


def test_bounded_search_caps_the_day_window_of_a_dense_day_and_leaves_the_rest_to_the_lsh():
    vectors, days = dated_story()
    days[days != es.NO_DAY] = 738_000  # every dated mention on one day
    nobody = np.zeros(len(vectors), dtype=bool)
    wide = EventsConfig(search="lsh", lsh_bands=1, lsh_window=1, lsh_day_window=3, lsh_day_window_mentions=1 << 20)
    capped = EventsConfig(search="lsh", lsh_bands=1, lsh_window=1, lsh_day_window=3, lsh_day_window_mentions=8)
    expected = brute_force(vectors, wide.same_event_cosine)
    assert within_days(expected, days, 3) <= as_dict(es.search(vectors, wide, nobody, days=days)).keys()
    found = as_dict(es.search(vectors, capped, nobody, days=days))
    assert found.keys() <= expected.keys()
    assert len(found) < len(within_days(expected, days, 3))


def test_bounded_search_with_day_window_zero_is_the_search_without_days():
    vectors, days = dated_story()
    nobody = np.zeros(len(vectors), dtype=bool)
    off = EventsConfig(search="lsh", lsh_bands=2, lsh_window=2, lsh_day_window=0)
    assert as_dict(es.search(vectors, off, nobody, days=days)) == as_dict(es.search(vectors, off, nobody))
    on = EventsConfig(search="lsh", lsh_bands=2, lsh_window=2, lsh_day_window=3)
    assert len(es.search(vectors, on, nobody, days=days)) > len(es.search(vectors, off, nobody, days=days))


def denial_keys(vectors: np.ndarray, denied: np.ndarray, days: np.ndarray | None, window: int, block: int = 512):
    keys = np.concatenate([np.zeros(0, np.int64), *es.denial_pairs(vectors, denied, days, window, 0.5, block)])
    return {(k // len(vectors), k % len(vectors)) for k in keys.tolist()}


def of_denials(expected: dict[tuple[int, int], float], denied: np.ndarray) -> set[tuple[int, int]]:
    return {(i, j) for i, j in expected if denied[i] or denied[j]}


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 17), st.integers(0, 3))
def test_denial_window_leaves_the_pairs_of_a_sparse_story_unchanged(seed, block, spare):
    # Every dated mention within ``window`` days of every other: the window leaves nothing out.
    vectors, days = dated_story(120, seed)
    denied = np.random.default_rng(seed).random(len(vectors)) < 0.1
    window = 20 + spare  # the story spans 21 days
    expected = of_denials(brute_force(vectors, 0.5), denied)
    assert denial_keys(vectors, denied, days, window, block) == expected
    assert denial_keys(vectors, denied, days, 0, block) == expected  # 0: all rows
    assert denial_keys(vectors, denied, None, window, block) == expected  # no days: all rows


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 10), st.integers(1, 17))
def test_denial_is_compared_only_with_mentions_within_its_window_and_the_undated(seed, window, block):
    vectors, days = dated_story(120, seed)
    days[days != es.NO_DAY] += np.random.default_rng(seed).integers(0, 60, size=int((days != es.NO_DAY).sum()))
    denied = np.random.default_rng(seed + 1).random(len(vectors)) < 0.15

    def compared(i: int, j: int) -> bool:
        undated = days[i] == es.NO_DAY or days[j] == es.NO_DAY
        return undated or abs(int(days[i]) - int(days[j])) <= window

    expected = {k for k in of_denials(brute_force(vectors, 0.5), denied) if compared(*k)}
    assert denial_keys(vectors, denied, days, window, block) == expected


def test_bounded_search_does_not_compare_a_denial_with_a_mention_far_in_time():
    # A denial a year after the claim, at cosine 0.55: above the lowered bar (0.5), below the
    # ordinary one (0.6), so only the denials' exact search can find the pair.
    rng = np.random.default_rng(9)
    vectors = unit_rows(rng.normal(size=(200, 64)))
    other = vectors[1] - (vectors[1] @ vectors[0]) * vectors[0]
    vectors[199] = 0.55 * vectors[0] + np.sqrt(1 - 0.55**2) * other / np.linalg.norm(other)
    days = np.full(200, 738_000)
    days[199] += 365
    denied = np.zeros(200, dtype=bool)
    denied[199] = True
    near = EventsConfig(search="lsh", lsh_day_window=3, denial_day_window=30)
    everyone = EventsConfig(search="lsh", lsh_day_window=3, denial_day_window=0)
    assert (0, 199) in as_dict(es.search(vectors, everyone, denied, days=days))
    assert (0, 199) in as_dict(es.search(vectors, near, denied))  # no days: every row
    assert (0, 199) not in as_dict(es.search(vectors, near, denied, days=days))
    days[0] = es.NO_DAY
    assert (0, 199) in as_dict(es.search(vectors, near, denied, days=days))  # undated: always compared


@settings(max_examples=200, deadline=None)
@given(st.dates(), st.sampled_from(("day", "month", "year", "none", "junk")))
def test_day_numbers_count_only_dates_given_to_the_day(day, granularity):
    iso = {
        "day": day.isoformat(),
        "month": day.isoformat()[:7],
        "year": day.isoformat()[:4],
        "none": None,
        "junk": day.isoformat()[:8] + "xx",
    }[granularity]
    expected = day.toordinal() if granularity == "day" else es.NO_DAY
    assert es.day_numbers([iso]).tolist() == [expected]


@pytest.mark.parametrize(
    "events",
    [
        {"search": "nearest"},
        {"lsh_bands": 0},
        {"lsh_window": 0},
        {"exact_search_limit": -1},
        {"lsh_day_window": -1},
        {"lsh_day_window": 1000},
        {"lsh_day_window_mentions": 0},
        {"denial_day_window": -1},
        {"denial_day_window": 40_000},
        {"denial_search": "window"},
    ],
)
def test_events_search_settings_are_validated(events):
    with pytest.raises(ConfigError):
        Config.from_dict({"events": events})


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 9), st.integers(0, 4), st.integers(1, 4), st.integers(1, 4))
def test_bounded_search_cosines_are_those_of_the_pairs_computed_afresh_to_the_bit(seed, dim, day_window, bands, window):
    # Cosines are computed once, when a pair is checked, and carried through: the same bits as
    # computing every returned pair's cosine again at the end (as the search once did).
    rng = np.random.default_rng(seed)
    n = 80
    vectors = unit_rows(rng.normal(size=(n, dim)))
    days = 738_000 + rng.integers(0, 10, size=n)
    denied = rng.random(n) < 0.05
    config = EventsConfig(search="lsh", lsh_bands=bands, lsh_window=window, lsh_day_window=day_window)
    pairs = es.search(vectors, config, denied, block=7, days=days)
    again = es.pair_cosines(vectors, pairs.left, pairs.right)
    assert np.array_equal(pairs.cosines.view(np.uint32), again.view(np.uint32))
    keys = pairs.left * n + pairs.right
    assert np.all(np.diff(keys) > 0)  # each pair once, ordered by (left, right)
    lsh = es.lsh_pairs(vectors, config.same_event_cosine, bands=bands, window=window)
    again = es.pair_cosines(vectors, lsh.left, lsh.right)
    assert np.array_equal(lsh.cosines.view(np.uint32), again.view(np.uint32))


def test_duplicate_rows_point_each_copy_at_the_first_row_with_its_vector_and_key():
    vectors = np.array([[1, 0], [0, 1], [1, 0], [1, 0], [0, 1]], dtype=np.float32)
    keys = ["a", "a", "a", "b", "a"]
    assert es.duplicate_rows(vectors, keys).tolist() == [0, 1, 0, 3, 1]


def test_duplicate_rows_keep_vectors_that_differ_in_the_last_bit_apart():
    vectors = np.array([[0.6, 0.8], [0.6, np.nextafter(np.float32(0.8), np.float32(1))]], dtype=np.float32)
    assert es.duplicate_rows(vectors, [None, None]).tolist() == [0, 1]


def bits(pairs: es.Pairs) -> tuple[list[int], list[int], list[int]]:
    return pairs.cosines.view(np.uint32).tolist(), pairs.left.tolist(), pairs.right.tolist()


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from(("exact", "lsh")),
    st.sampled_from(("exact", "lsh")),
    st.integers(0, 4),
    st.integers(1, 17),
)
def test_search_over_a_view_of_some_rows_gives_the_pairs_of_their_copy_to_the_bit(
    seed, mode, denial_search, denial_window, block
):
    # cluster() searches the distinct mentions through a view rather than a copy of their vectors.
    rng = np.random.default_rng(seed)
    vectors, days = dated_story(90, seed)
    rows = np.flatnonzero(rng.random(len(vectors)) < 0.7)
    denied = rng.random(len(rows)) < 0.1
    config = EventsConfig(
        search=mode, lsh_bands=3, lsh_window=3, denial_search=denial_search, denial_day_window=denial_window
    )
    viewed = es.search(es.Rows(vectors, rows), config, denied, block, days[rows])
    copied = es.search(vectors[rows], config, denied, block, days[rows])
    assert bits(viewed) == bits(copied)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 17), st.sampled_from((64, 300, 4096)))
def test_denials_against_all_rows_a_slice_of_columns_at_a_time_give_every_pair(seed, block, cells):
    vectors, _ = dated_story(120, seed)
    denied = np.random.default_rng(seed).random(len(vectors)) < 0.1
    expected = of_denials(brute_force(vectors, 0.5), denied)
    with patch.object(es, "_BLOCK_CELLS", cells):  # slices of a few columns
        assert denial_keys(vectors, denied, None, 0, block) == expected
        assert denial_keys(es.Rows(vectors, np.arange(len(vectors))), denied, None, 0, block) == expected


def at_their_bars(pairs: es.Pairs, denied: np.ndarray, config: EventsConfig) -> set[tuple[int, int, int]]:
    """The pairs that pass ``should_link``'s similarity bar, with their cosines' bits."""
    lowered = config.same_event_cosine - config.denial_cosine_margin
    bar = np.where(denied[pairs.left] != denied[pairs.right], lowered, config.same_event_cosine)
    keep = pairs.cosines.astype(np.float64) >= bar
    return set(zip(*bits(pairs.select(keep)), strict=True))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 17), st.integers(1, 4), st.integers(1, 4))
def test_denial_lsh_search_gives_the_pairs_of_the_exact_denial_search_where_the_day_window_reaches_all(
    seed, block, bands, window
):
    # Every mention dated within the day window of every other, and no cap: the day window alone
    # finds every pair, so the bounded denial search must give exactly what the exact one gives.
    vectors, days = dated_story(100, seed)
    days[days == es.NO_DAY] = 738_010
    denied = np.random.default_rng(seed + 7).random(len(vectors)) < 0.12
    settings_ = {"search": "lsh", "lsh_bands": bands, "lsh_window": window, "lsh_day_window": 21}
    settings_["lsh_day_window_mentions"] = 1 << 20
    exact = EventsConfig(**settings_, denial_search="exact")
    bounded = EventsConfig(**settings_, denial_search="lsh")
    found = at_their_bars(es.search(vectors, bounded, denied, block, days), denied, bounded)
    assert found == at_their_bars(es.search(vectors, exact, denied, block, days), denied, exact)
    lowered = exact.same_event_cosine - exact.denial_cosine_margin
    of_one = {(i, j) for i, j in brute_force(vectors, lowered) if denied[i] != denied[j]}
    assert of_one <= {(i, j) for _, i, j in found}


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 4), st.integers(1, 4))
def test_denial_lsh_search_returns_only_real_pairs_at_their_bars_and_every_ordinary_lsh_pair(seed, bands, window):
    rng = np.random.default_rng(seed)
    vectors = unit_rows(rng.normal(size=(80, 5)))
    denied = rng.random(80) < 0.15
    config = EventsConfig(search="lsh", lsh_bands=bands, lsh_window=window, lsh_day_window=0, denial_search="lsh")
    lowered = es.Lowered(denied, config.same_event_cosine - config.denial_cosine_margin)
    pairs = es.lsh_pairs(vectors, config.same_event_cosine, bands=bands, window=window, lowered=lowered)
    expected = brute_force(vectors, lowered.floor)
    found = as_dict(pairs)
    assert found.keys() <= expected.keys()
    assert all(found[k] >= config.same_event_cosine or denied[k[0]] != denied[k[1]] for k in found)
    plain = es.lsh_pairs(vectors, config.same_event_cosine, bands=bands, window=window)
    assert as_dict(plain).keys() <= found.keys()


def test_denial_lsh_search_finds_a_denial_that_restates_a_claim_far_in_time():
    # As in the test above with the exact denial search: a year apart, cosine 0.55, only found at the
    # lowered bar; the LSH brings the two together whatever their days.
    rng = np.random.default_rng(9)
    vectors = unit_rows(rng.normal(size=(200, 64)))
    other = vectors[1] - (vectors[1] @ vectors[0]) * vectors[0]
    vectors[199] = 0.55 * vectors[0] + np.sqrt(1 - 0.55**2) * other / np.linalg.norm(other)
    days = np.full(200, 738_000)
    days[199] += 365
    denied = np.zeros(200, dtype=bool)
    denied[199] = True
    config = EventsConfig(search="lsh", lsh_bands=16, lsh_window=16, denial_search="lsh")
    assert (0, 199) in as_dict(es.search(vectors, config, denied, days=days))
    plain = config.model_copy(update={"denial_search": "exact", "denial_day_window": 30})
    assert (0, 199) not in as_dict(es.search(vectors, plain, denied, days=days))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 17), st.sampled_from((64, 4096, 1 << 24)))
def test_denials_searched_by_name_find_every_pair_with_a_shared_name_or_a_row_naming_nothing(seed, block, cells):
    rng = np.random.default_rng(seed)
    vectors, _ = dated_story(120, seed)
    denied = rng.random(len(vectors)) < 0.15
    pool = ("kharkiv", "izium", "army", "mayor")
    names = [frozenset(x for x in pool if rng.random() < 0.3) for _ in range(len(vectors))]
    with patch.object(es, "_BLOCK_CELLS", cells):
        keys = np.concatenate([np.zeros(0, np.int64), *es.named_denial_pairs(vectors, denied, names, 0.5, block)])
    n = len(vectors)
    found = {(k // n, k % n) for k in keys.tolist()}
    # a pair whose cosine is within float noise of the bar may fall either side (blocked products)
    every = of_denials(brute_force(vectors, 0.5 - 1e-6), denied)
    sure = of_denials(brute_force(vectors, 0.5 + 1e-6), denied)
    linkable = {(i, j) for i, j in sure if not names[i] or not names[j] or names[i] & names[j]}
    assert linkable <= found <= every
