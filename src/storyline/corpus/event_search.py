"""Find the pairs of event candidates whose sentence vectors are at least as close as a cosine
floor: exactly (every row against every row) or by a bounded neighbour search that grows linearly.

``exact_pairs`` multiplies each block of rows by all rows; its time grows with the square of the
story and is kept for stories of up to ``events.exact_search_limit`` candidates (the default
"auto"). ``bounded_pairs`` is used above: a random-hyperplane locality-sensitive hash (SimHash,
``lsh_pairs``) sorts the rows ``bands`` times, each time by 64 signs of random projections, and
compares each row with its ``window`` neighbours in each order, first by 2,048 signs (whose
agreement estimates the cosine) and then, for the few that may reach the bar, exactly. So the work
is ``rows x bands x window`` signature comparisons, every pair it returns is real (its cosine is
computed), but a pair that never comes within the window is missed; near-duplicates share nearly
all signs and always come close. Denials, whose bar is lower, are few: their pairs are found
exactly (``denial_pairs``), with all mentions or, with ``events.denial_day_window`` > 0, with the
undated and those dated at most that many days from the denial. So are the pairs of mentions dated
(to the day) at most ``events.lsh_day_window`` days apart (``day_window_pairs``): reports of one
event cluster in time, and the product of each day's rows with the rows of the next few days is
small next to the all-pairs one. On a dense story it is not small: ten times the reports over the
same days is ten times the mentions a day, and the window's product grows with the square of that.
So each mention is compared there with at most ``events.lsh_day_window_mentions`` (K) mentions
after it in (day, row) order: the window's work is at most ``rows x (K + block)`` products, linear
in the story, and a story with at most K mentions after any one within the window gives the same
pairs as without the cap. K = 1024 was chosen on two generated 10k stories (512 lost 0.0024 of B³
F1 against the exact search on one); at 100k it cut the window from 99 to 29 CPU s. The window was
not the main cost there: the LSH, the denials' exact search and the merge loop over the pairs found
were (see BENCHMARKS.md).

Written here rather than taken from an approximate-nearest-neighbour library (faiss, annoy,
hnswlib): those answer "the k nearest of each row", not "all pairs above a floor", are not
dependencies, and their indexes are not guaranteed to give the same pairs on every machine. This
one is numpy only and seeded, so a story gives the same pairs wherever it is built.

Pairs are kept as numpy arrays (12 bytes a pair), never as a list of Python tuples.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.config import EventsConfig
from storyline.time.iso_dates import day_number

_SEED = 20221  # fixed: the same story gives the same pairs on every run and machine
_CHECK_WORDS = 32  # signature words (2,048 signs) compared before a pair is checked exactly
_BLOCK_CELLS = 1 << 24  # float32 cells of one block of a product: 64 MB
_PAIR_CHUNK = 1 << 17  # neighbour pairs whose signatures are compared at once (32 MB of words)
NO_DAY = -1  # in a ``day_numbers`` array: the row is not dated to a day


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


@dataclass(frozen=True)
class Rows:
    """The rows ``rows`` of a matrix of unit vectors, gathered only a block at a time, when indexed:
    the bounded search's view of the distinct mentions without a copy of all their vectors (at 100k
    reports, 287,696 rows of 1,024 floats: 1.2 GB). Indexing gives the same values as indexing the
    copy, so the search gives the same pairs."""

    matrix: np.ndarray
    rows: np.ndarray

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows), self.matrix.shape[1]

    def __getitem__(self, index: np.ndarray | slice) -> np.ndarray:
        return self.matrix[self.rows[index]]


Vectors = np.ndarray | Rows  # unit rows, whole or viewed


def gathered(vectors: Vectors) -> np.ndarray:
    """The rows as one array (a copy of a view's rows)."""
    return vectors if isinstance(vectors, np.ndarray) else vectors[slice(None)]


@dataclass(frozen=True)
class Lowered:
    """The rows of denials (``denied``) and the lowered floor of a pair of a denial and a mention
    that is not one (``should_link`` lowers the bar only for such a pair): what the LSH and the day
    window need to find a denial's pairs themselves."""

    denied: np.ndarray  # bool, one a row
    floor: float

    def floors(self, left: np.ndarray, right: np.ndarray, floor: float) -> np.ndarray:
        """Per pair, ``self.floor`` where exactly one of the two is a denial, else ``floor``."""
        return np.where(self.denied[left] != self.denied[right], np.float32(self.floor), np.float32(floor))


Names = Sequence[frozenset[str]]  # per row, the place and party names it may share with another


def search(
    vectors: Vectors,
    config: EventsConfig,
    denied: np.ndarray,
    block: int = 512,
    days: np.ndarray | None = None,
    names: Names | None = None,
) -> Pairs:
    """The pairs that may pass ``should_link``'s bar, by the configured search (``events.search``):
    "auto" is exact up to ``events.exact_search_limit`` rows and bounded above. ``denied`` marks
    the rows of denials, whose bar is lower (``events.denial_cosine_margin``); ``days`` (from
    ``day_numbers``, or None: no row dated) feeds the bounded search's day window, ``names`` its
    denials' search by name (None: every row may share a name with every other)."""
    floor = config.same_event_cosine - config.denial_cosine_margin
    mode = config.search
    if mode == "auto":
        mode = "exact" if len(vectors) <= config.exact_search_limit else "lsh"
    if mode == "exact":  # the whole product: up to events.exact_search_limit rows, gathered
        return exact_pairs(gathered(vectors), floor, block)
    return bounded_pairs(vectors, config, denied, block, days, names)


def bounded_pairs(
    vectors: Vectors,
    config: EventsConfig,
    denied: np.ndarray,
    block: int = 512,
    days: np.ndarray | None = None,
    names: Names | None = None,
) -> Pairs:
    """The LSH search at the ordinary bar, every pair of rows dated at most
    ``events.lsh_day_window`` days apart exactly (``day_window_pairs``; ``days`` from
    ``day_numbers``), and the pairs of a denial at the lowered bar exactly, with all rows or the
    rows within ``events.denial_day_window`` days of it (``denial_pairs``); or, with
    ``events.denial_search = "lsh"``, by the LSH and the day window themselves, at the lowered bar
    for a pair of a denial and a mention that is not one (``Lowered``); or, with "names", exactly
    with the rows that share a name with it and those that name none (``named_denial_pairs``). A
    lower floor for all rows would let far more unrelated pairs through the signature check, for the
    few pairs a denial needs. Pairs are returned once each, ordered by (left, right)."""
    n = len(vectors)
    floor = config.same_event_cosine - config.denial_cosine_margin
    lowered = Lowered(denied, floor) if config.denial_search == "lsh" else None
    found = lsh_pairs(
        vectors, config.same_event_cosine, bands=config.lsh_bands, window=config.lsh_window, lowered=lowered
    )
    keys = [np.zeros(0, np.int64)]
    if days is not None and config.lsh_day_window > 0:
        window, most = config.lsh_day_window, config.lsh_day_window_mentions
        keys.extend(day_window_pairs(vectors, days, window, config.same_event_cosine, block, most, lowered))
    if config.denial_search == "names" and names is not None:
        keys.extend(named_denial_pairs(vectors, denied, names, floor, block))
    elif lowered is None:
        keys.extend(denial_pairs(vectors, denied, days, config.denial_day_window, floor, block))
    # The LSH pairs keep the cosines computed when they were checked; only the others are computed.
    # Their products' values are not reused: BLAS may round them differently in the last bit.
    lsh_keys = found.left * n + found.right
    others = _sorted_unique(np.concatenate(keys))
    others = others[~np.isin(others, lsh_keys, assume_unique=True)]
    merged, cosines = _merge_sorted(lsh_keys, found.cosines, others, pair_cosines(vectors, others // n, others % n))
    return Pairs(cosines, merged // n, merged % n)


def duplicate_rows(vectors: np.ndarray, keys: Sequence[Hashable]) -> np.ndarray:
    """Per row, the first row whose vector is the same to the bit and whose key (``keys``, one a
    row) is equal: the row itself when it is the first. Copies of a sentence and its syndicated
    repeats have one vector; the caller's key says what else must agree for them to be one row."""
    vectors = np.ascontiguousarray(vectors)
    first: dict[tuple[bytes, Hashable], int] = {}
    out = np.arange(len(vectors), dtype=np.int64)
    for i, key in enumerate(keys):
        seen = first.setdefault((hashlib.blake2b(vectors[i].tobytes(), digest_size=16).digest(), key), i)
        if seen != i and np.array_equal(vectors[seen], vectors[i]):  # a hash collision stays apart
            out[i] = seen
    return out


def day_numbers(dates: Sequence[str | None]) -> np.ndarray:
    """Per row, the day number (proleptic Gregorian ordinal) of an ISO date "YYYY-MM-DD", or
    ``NO_DAY`` for None, a month ("YYYY-MM"), a year ("YYYY") or anything else that is not a day."""
    return np.array([day_number(iso, coarse=None, missing=NO_DAY) for iso in dates], dtype=np.int64)


def day_window_pairs(
    vectors: Vectors,
    days: np.ndarray,
    window: int,
    floor: float,
    block: int = 512,
    most: int | None = None,
    lowered: Lowered | None = None,
) -> Iterator[np.ndarray]:
    """Keys ``i * n + j`` (i < j) of the pairs at or above ``floor`` among rows whose days (from
    ``day_numbers``) are at most ``window`` apart and, with ``most``, at most ``most`` places apart
    in (day, row) order, found exactly, a block of rows at a time.

    The dated rows are sorted by (day, row); each block of ``block`` of them (fewer if the product
    would pass about 64 MB) is multiplied by the sorted rows from its first to the last one dated
    within ``window`` days of its last (and at most ``most`` after it), and a pair is kept when its
    second row comes later in that order, no more than ``most`` places later, and its days are
    close enough. Few, large products: a product per day was as much work, but its many small
    products cost 20 more CPU seconds at 10k reports when BLAS threads wait on a loaded machine.
    Each pair is yielded once; the keys are the same whatever order the rows come in. With
    ``lowered``, a pair of a denial and a mention that is not one is kept at its lowered floor."""
    n = len(vectors)
    dated = np.flatnonzero(days != NO_DAY)
    dated = dated[np.lexsort((dated, days[dated]))]
    sorted_days = days[dated]
    reach = len(dated) if most is None else most  # places after a row that it may be compared with
    start = 0
    while start < len(dated) - 1:
        last = min(start + block, len(dated)) - 1
        stop = min(int(np.searchsorted(sorted_days, sorted_days[last] + window, "right")), last + 1 + reach)
        end = min(start + block, start + _rows_per_block(stop - start), len(dated))
        stop = min(int(np.searchsorted(sorted_days, sorted_days[end - 1] + window, "right")), end + reach)
        rows, columns = dated[start:end], dated[start:stop]
        r, c = np.nonzero(_above(vectors[rows] @ vectors[columns].T, rows, columns, floor, lowered))
        keep = (c > r) & (c - r <= reach) & (sorted_days[start + c] - sorted_days[start + r] <= window)
        r, c = rows[r[keep]], columns[c[keep]]
        yield np.minimum(r, c) * n + np.maximum(r, c)
        start = end


def denial_pairs(
    vectors: Vectors, denied: np.ndarray, days: np.ndarray | None, window: int, floor: float, block: int = 512
) -> Iterator[np.ndarray]:
    """Keys ``i * n + j`` (i < j) of the pairs at or above ``floor`` that have a denial (``denied``)
    in them, found exactly: a denial dated to a day (``days`` from ``day_numbers``) is compared
    with the rows dated at most ``window`` days from it and with every row not dated to a day; an
    undated denial, or every denial when ``days`` is None or ``window`` is 0, with all rows.

    All rows would cost ``denials x rows`` products, quadratic in the story (155.6 CPU s at 100k
    reports against 1.0 at 10k); a window costs ``denials x (rows within it + undated rows)``.
    The denials are sorted by day, and each block of them spans at most ``window`` days, so it is
    multiplied by the rows of at most ``3 x window`` days. A pair may be yielded twice (two
    denials); the caller keeps each once. ``events.denial_day_window`` is 0 (all rows) by default:
    on two generated 10k stories even 365 days changed some events (B³ F1 0.9986 on one against all
    rows), as denials there reach mentions months and years away. At 100k, 60 days cut the denials'
    search with the pair merging after it from 153.6 to 63.3 CPU s (the search itself: 53.6) and
    kept 0.9975 of the events identical."""
    n = len(vectors)
    rows = np.flatnonzero(denied)
    if days is None or window == 0:
        days = np.full(n, NO_DAY, dtype=np.int64)
    loose = rows[days[rows] == NO_DAY]
    step = min(block, _rows_per_block(n))
    for start in range(0, len(loose), step):
        yield from _keys_above_all(vectors, loose[start : start + step], floor, block)
    dated = np.flatnonzero(days != NO_DAY)
    dated = dated[np.argsort(days[dated], kind="stable")]
    sorted_days, undated = days[dated], np.flatnonzero(days == NO_DAY)
    denials = dated[denied[dated]]
    denial_days = days[denials]
    start = 0
    while start < len(denials):
        end = min(start + block, int(np.searchsorted(denial_days, denial_days[start] + window, "right")))
        low = int(np.searchsorted(sorted_days, denial_days[start] - window, "left"))
        high = int(np.searchsorted(sorted_days, denial_days[end - 1] + window, "right"))
        columns = np.concatenate((dated[low:high], undated))
        part = denials[start : min(end, start + _rows_per_block(len(columns)))]
        keys = _keys_above(vectors, part, columns, floor)
        left, right = keys // n, keys % n
        near = (days[left] == NO_DAY) | (days[right] == NO_DAY) | (np.abs(days[left] - days[right]) <= window)
        yield keys[near]
        start += len(part)


def named_denial_pairs(
    vectors: Vectors, denied: np.ndarray, names: Names, floor: float, block: int = 512
) -> Iterator[np.ndarray]:
    """Keys ``i * n + j`` (i < j) of the pairs at or above ``floor`` of a denial (``denied``) and a
    row that shares one of its names (``names``, one set a row) or names nothing, found exactly; a
    denial that names nothing, with all rows. ``should_link`` joins two mentions that both name
    something only when they share a name, so these are all the denials' pairs it can accept: the
    events are those of the search against all rows (``denial_pairs`` with no window), for about a
    fifth of its products on a generated 10k story (per name, its denials by the rows naming it).
    A pair may be yielded more than once (two shared names); the caller keeps each once."""
    nameless = np.array([not x for x in names], dtype=bool)
    loose = np.flatnonzero(denied & nameless)
    for start in range(0, len(loose), block):
        yield from _keys_above_all(vectors, loose[start : start + block], floor, block)
    named = np.flatnonzero(denied & ~nameless)
    wanted = {name for i in named.tolist() for name in names[i]}
    rows_of: dict[str, list[int]] = {name: [] for name in wanted}
    for i, row_names in enumerate(names):
        for name in row_names & wanted:
            rows_of[name].append(i)
    others = np.flatnonzero(nameless)
    for start in range(0, len(named), block):
        yield _keys_above(vectors, named[start : start + block], others, floor)
    for name in sorted(wanted):
        rows = np.array(rows_of[name], dtype=np.int64)
        ours = rows[denied[rows]]
        step = min(block, _rows_per_block(len(rows)))
        for start in range(0, len(ours), step):
            yield _keys_above(vectors, ours[start : start + step], rows, floor)


def _above(
    product: np.ndarray, rows: np.ndarray, columns: np.ndarray, floor: float, lowered: Lowered | None
) -> np.ndarray:
    """Where the product of ``rows`` by ``columns`` reaches the floor (with ``lowered``: the lowered
    one for a denial and a mention that is not one)."""
    if lowered is None:
        return product >= floor
    one_denied = lowered.denied[rows][:, None] != lowered.denied[columns][None, :]
    return (product >= floor) | (one_denied & (product >= lowered.floor))


def _keys_above_all(vectors: Vectors, rows: np.ndarray, floor: float, block: int) -> Iterator[np.ndarray]:
    """``_keys_above`` with every row as a column, a slice of columns at a time (of about 64 MB), so
    that all the rows are never gathered at once."""
    step = min(_rows_per_block(len(rows)), _rows_per_block(vectors.shape[1]))
    for start in range(0, len(vectors), step):
        yield _keys_above(vectors, rows, np.arange(start, min(start + step, len(vectors))), floor)


def _keys_above(vectors: Vectors, rows: np.ndarray, columns: np.ndarray, floor: float) -> np.ndarray:
    """Keys ``i * n + j`` (i < j) of the pairs of a row of ``rows`` and a different one of
    ``columns`` whose product is at or above ``floor``."""
    r, c = np.nonzero(vectors[rows] @ vectors[columns].T >= floor)
    r, c = rows[r].astype(np.int64), columns[c].astype(np.int64)
    return (np.minimum(r, c) * len(vectors) + np.maximum(r, c))[r != c]


def _rows_per_block(columns: int) -> int:
    """Rows of a float32 product with ``columns`` columns that fit in about 64 MB."""
    return max(1, _BLOCK_CELLS // max(columns, 1))


# 1. The exact search


def exact_blocks(vectors: np.ndarray, floor: float, block: int) -> Iterator[Pairs]:
    """Per block of rows: the pairs (i < j) at or above ``floor``.

    Each block is multiplied by ALL vectors although only j > i is kept: multiplying by the upper
    triangle only (``vectors[start:]``) halves the work but BLAS then rounds some products
    differently in the last bit, which reorders near-ties and changed 8 of 31,043 events of a
    10,000-report story. Keep the full product so the events stay exactly the same. For the same
    reason a block of one row is multiplied as two (``_rows_times``)."""
    for start in range(0, len(vectors), block):
        sims = _rows_times(vectors[start : start + block], vectors)
        rows, cols = np.nonzero(sims >= floor)
        upper = cols > rows + start
        rows, cols = rows[upper], cols[upper]
        yield Pairs(sims[rows, cols], (rows + start).astype(np.int64), cols.astype(np.int64))


def _rows_times(rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """``rows @ columns.T``, with the same bits for a row whatever the number of rows: numpy sends a
    single row to BLAS's matrix-vector product, whose sums round differently in the last bit from
    the matrix product's (about two single-row products in three differ on small vectors), which
    reorders ties and changed the clusters of the block-size property test once in ~2,000 cases."""
    if len(rows) == 1:
        return (np.concatenate((rows, rows)) @ columns.T)[:1]
    return rows @ columns.T


def exact_pairs(vectors: np.ndarray, floor: float, block: int = 512) -> Pairs:
    """Every pair at or above ``floor``: quadratic time, memory of one block plus the pairs kept."""
    return Pairs.concat(list(exact_blocks(vectors, floor, block)))


# 2. The bounded search: sorted random-hyperplane signatures, a window of neighbours in each order


def signatures(vectors: Vectors, words: int) -> np.ndarray:
    """Per row, ``64 * words`` signs of random projections packed in ``words`` unsigned 64-bit
    words (the same on every machine: the planes are seeded, the bytes read little-endian)."""
    planes = np.random.default_rng(_SEED).standard_normal((vectors.shape[1], 64 * words)).astype(np.float32)
    out = np.empty((len(vectors), words), dtype=np.uint64)
    block = _rows_per_block(64 * words)
    for start in range(0, len(vectors), block):
        signs = vectors[start : start + block] @ planes >= 0
        out[start : start + block] = np.packbits(signs, axis=1).view("<u8")
    return out


def max_hamming(floor: float, bits: int, z: float = 3.0) -> int:
    """The most signature bits two rows at cosine ``floor`` differ in, with ``z`` standard
    deviations to spare: each bit differs with chance angle / pi, independently."""
    p = float(np.arccos(np.clip(floor, -1.0, 1.0)) / np.pi)
    return int(np.ceil(bits * p + z * np.sqrt(bits * p * (1 - p))))


def window_pairs(key: np.ndarray, window: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Rows (a, b) at most ``window`` apart when sorted by ``key`` (ties by row index), one step
    apart at a time (so at most ``rows`` pairs are held)."""
    order = np.lexsort((np.arange(len(key)), key))
    for step in range(1, min(window, len(key) - 1) + 1):
        yield order[:-step], order[step:]


def pair_cosines(vectors: Vectors, left: np.ndarray, right: np.ndarray, chunk: int = 8192) -> np.ndarray:
    """The cosine of each pair (rows are unit length), computed in chunks to bound memory."""
    out = np.empty(len(left), dtype=np.float32)
    for start in range(0, len(left), chunk):
        a, b = vectors[left[start : start + chunk]], vectors[right[start : start + chunk]]
        out[start : start + chunk] = np.einsum("ij,ij->i", a, b)
    return out


def lsh_pairs(vectors: Vectors, floor: float, *, bands: int, window: int, lowered: Lowered | None = None) -> Pairs:
    """The pairs at or above ``floor`` among rows at most ``window`` apart in some band's order.

    Each band sorts the rows by one 64-bit word of their signatures, so rows whose signs agree
    on a long prefix come close. A neighbour pair is checked exactly only when the first 2,048
    signs of the two signatures say it may reach the floor (``max_hamming``) and no earlier band
    has kept it. Work: ``rows x bands x window`` signature comparisons; memory: the signatures,
    one band's candidate keys and the pairs kept. With ``lowered``, a pair of a denial and a mention
    that is not one is checked, and kept, at its lowered floor."""
    n = len(vectors)
    if n < 2:
        return Pairs.empty()
    if isinstance(vectors, np.ndarray):
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    sig = signatures(vectors, max(bands, _CHECK_WORDS))
    words = _CHECK_WORDS
    limit = max_hamming(floor, 64 * words)
    low_limit = limit if lowered is None else max_hamming(lowered.floor, 64 * words)
    found = np.zeros(0, np.int64)  # keys i * n + j of the pairs kept so far, sorted
    found_cosines = np.zeros(0, np.float32)  # their cosines, computed once, when they were checked
    for band in range(bands):
        near = []
        for step_a, step_b in window_pairs(sig[:, band], window):
            for start in range(0, n, _PAIR_CHUNK):
                a, b = step_a[start : start + _PAIR_CHUNK], step_b[start : start + _PAIR_CHUNK]
                differ = np.bitwise_count(sig[a, :words] ^ sig[b, :words]).sum(axis=1, dtype=np.int64)
                close = differ <= limit
                if lowered is not None:
                    close |= (differ <= low_limit) & (lowered.denied[a] != lowered.denied[b])
                near.append(np.minimum(a[close], b[close]) * n + np.maximum(a[close], b[close]))
        keys = _sorted_unique(np.concatenate(near))
        keys = keys[~np.isin(keys, found, assume_unique=True)]
        cosines = pair_cosines(vectors, keys // n, keys % n)
        kept = cosines >= (floor if lowered is None else lowered.floors(keys // n, keys % n, floor))
        found, found_cosines = _merge_sorted(found, found_cosines, keys[kept], cosines[kept])
    return Pairs(found_cosines, found // n, found % n)


def _merge_sorted(
    keys: np.ndarray, values: np.ndarray, more_keys: np.ndarray, more_values: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Two sorted arrays of distinct keys (no key in both), each with its values, as one sorted
    array and its values (a stable sort of two sorted runs is a linear merge)."""
    merged = np.concatenate((keys, more_keys))
    order = np.argsort(merged, kind="stable")
    return merged[order], np.concatenate((values, more_values))[order]


def _sorted_unique(keys: np.ndarray) -> np.ndarray:
    """``np.unique`` by sorting: far faster here than its hashing on millions of int64 keys."""
    keys = np.sort(keys)
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys
