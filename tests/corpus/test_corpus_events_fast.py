"""The fast clustering (upper-triangle blocks, bulk bar filter, veto per distinct rule key, copies
searched and merged once) gives exactly the clusters of the plain all-pairs reference, on random
unit vectors and candidates.

The spec the reference implements, ties included. Copies are rows with one vector (to the bit) and
one ``events._link_key``; a group of copies is named by its first row. The merge loop meets every
pair of rows at or above its bar once, by descending cosine; pairs of equal cosine by the first
copies of their two rows (the lower, then the higher), then by the rows themselves (the lower, then
the higher). So all the tied pairs between two groups of copies come one after the other: when each
group is in one cluster, the first of them decides for all (a refused pair is never retried by a
copy's pair after another merge has changed the average link), which is what ``events.cluster``
does by meeting the pair of the two first rows alone. The vectors are unit rows, as the encoder's
are: a copy's own cosine is then the highest of its pairs and its copies merge before any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from unittest.mock import patch

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.config import EventsConfig
from storyline.corpus import events as ev
from storyline.corpus.event_search import NO_DAY, Pairs, day_numbers
from storyline.records import Mention

_DATES = (None, "2022", "2022-05", "2022-05-01", "2022-05-02", "2022-06", "2022-06-03")
_PLACES = ("kharkiv", "izium", "kupiansk")


def first_copies(cands: Sequence[ev.Candidate], vectors: np.ndarray) -> list[int]:
    """Per row, the first row with the same vector bytes and the same ``_link_key``."""
    seen: dict[tuple[bytes, object], int] = {}
    return [seen.setdefault((vectors[k].tobytes(), ev._link_key(c)), k) for k, c in enumerate(cands)]


def reference_cluster(cands: Sequence[ev.Candidate], vectors: np.ndarray, config: EventsConfig) -> list[list[int]]:
    """The clustering as first written: every pair, sorted in Python, every member pair checked;
    ties by the first copies of the two rows, then by the rows (the module's spec)."""
    floor = config.same_event_cosine - config.denial_cosine_margin
    sims = vectors @ vectors.T
    first = first_copies(cands, vectors)
    pairs = [
        (float(sims[i, j]), i, j)
        for i in range(len(vectors))
        for j in range(i + 1, len(vectors))
        if sims[i, j] >= floor
    ]
    pairs.sort(key=lambda p: (-p[0], *sorted((first[p[1]], first[p[2]])), p[1], p[2]))
    ranked = Pairs(
        np.array([p[0] for p in pairs], dtype=np.float64),
        np.array([p[1] for p in pairs], dtype=np.int64),
        np.array([p[2] for p in pairs], dtype=np.int64),
    )
    return first_absorbs_second(cands, ranked, config, vectors)


candidate = st.builds(
    lambda date, fallback, narrative, status, places, parties, within, tally: ev.Candidate(
        Mention("d", 0, "t", status, None, date, fallback and date is not None),
        frozenset(places),
        frozenset(parties),
        frozenset(within) - frozenset(places),
        (fallback or narrative) and date is not None,
        tally=tally and date is not None,
    ),
    st.sampled_from(_DATES),
    st.booleans(),
    st.booleans(),
    st.sampled_from(("claimed", "denied", "reported")),
    st.sets(st.sampled_from((*_PLACES, "ukraine")), max_size=2),
    st.sets(st.sampled_from(("army", "mayor")), max_size=1),
    st.sets(st.sampled_from(("ukraine", *_PLACES)), max_size=1),
    st.booleans(),
)


def sign_rows(flips: Sequence[tuple[int, int]]) -> np.ndarray:
    """Per (a, b), a unit row of 16 signs of 1/4, the first a of its first half and the first b of
    its second half negative: the product of two rows is 1 - (|a - a'| + |b - b'|) / 8, exactly."""
    return np.array([[-1] * a + [1] * (8 - a) + [-1] * b + [1] * (8 - b) for a, b in flips], dtype=np.float32) / 4


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[ev.Candidate], np.ndarray, int, EventsConfig]:
    cands = draw(st.lists(candidate, min_size=1, max_size=24))
    if draw(st.booleans()):
        # Few distinct small-integer coordinates: many equal cosines, so the tie order is exercised.
        cells = draw(st.lists(st.integers(0, 2), min_size=4 * len(cands), max_size=4 * len(cands)))
        matrix = np.array(cells, dtype=np.float32).reshape(len(cands), 4)
        matrix[~matrix.any(axis=1), 0] = 1  # no zero row: every row is a unit vector
        vectors = (matrix / np.linalg.norm(matrix, axis=1, keepdims=True)).astype(np.float32)
        config = EventsConfig(same_event_cosine=0.6, no_entity_cosine=0.75, denial_cosine_margin=0.1)
    else:
        # Unit rows whose products are exact multiples of 1/8 that land on the bars themselves:
        # ">=" versus ">".
        flips = st.tuples(st.integers(0, 4), st.integers(0, 4))
        vectors = sign_rows(draw(st.lists(flips, min_size=len(cands), max_size=len(cands))))
        config = EventsConfig(same_event_cosine=0.5, no_entity_cosine=0.75, denial_cosine_margin=0.25)
    config = config.model_copy(update={"borrowed_date_days": draw(st.sampled_from((0, 3, 40)))})
    return cands, vectors, draw(st.integers(1, 30)), config


@settings(max_examples=300, deadline=None)
@given(cases())
def test_fast_clustering_matches_the_all_pairs_reference(case):
    cands, vectors, block, config = case
    assert ev.cluster(cands, vectors, config, block=block) == reference_cluster(cands, vectors, config)


def test_rows_naming_other_capitals_are_no_copies_though_their_vector_and_places_match():
    # hypothesis found it: the copy key lacked ``within``, so the second Kharkiv row (which also names the capital
    # of Kupiansk's country) was merged as a copy of the first and kept out of the cluster Kupiansk's row is in
    def row(places=(), within=()):
        mention = Mention("d", 0, "t", "claimed", None, None, False)
        return ev.Candidate(mention, frozenset(places), frozenset(), frozenset(within), False)

    cands = [row() for _ in range(9)] + [row({"kupiansk"}), row({"kharkiv", "izium"})]
    cands.append(row({"kharkiv", "izium"}, {"kupiansk"}))
    vectors = sign_rows([(0, 0)] * len(cands))
    config = EventsConfig(same_event_cosine=0.5, no_entity_cosine=0.75, denial_cosine_margin=0.25)
    expected = [[*range(10), 11], [10]]
    assert reference_cluster(cands, vectors, config) == expected
    assert [ev.cluster(cands, vectors, config, block=block) for block in (1, 5, 30)] == [expected] * 3


def test_pairs_are_the_upper_triangle_at_or_above_the_floor_across_blocks():
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(11, 3)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    sims = vectors @ vectors.T
    expected = {(i, j) for i in range(11) for j in range(i + 1, 11) if sims[i, j] >= 0.2}
    found = {(i, j) for _, i, j in ev.similar_pairs(vectors, 0.2, block=4)}
    assert found == expected


@st.composite
def copied_cases(draw: st.DrawFn) -> tuple[list[ev.Candidate], np.ndarray, int, EventsConfig]:
    """A case whose candidates are repeated: copies in other reports, in any order among the rest."""
    cands, vectors, block, config = draw(cases())
    copies = draw(st.lists(st.integers(0, len(cands) - 1), max_size=3 * len(cands)))
    rows = draw(st.permutations(list(range(len(cands))) + copies))
    copied = [
        ev.Candidate(replace(cands[r].mention, document=f"d{k}"), cands[r].places, cands[r].parties)
        for k, r in enumerate(rows)
    ]
    return copied, vectors[rows], block, config


@settings(max_examples=300, deadline=None)
@given(copied_cases())
def test_copies_searched_once_give_the_clusters_of_the_all_pairs_reference(case):
    cands, vectors, block, config = case
    assert ev.cluster(cands, vectors, config, block=block) == reference_cluster(cands, vectors, config)


def test_copies_are_searched_and_merged_as_one_candidate(monkeypatch):
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(4, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    base = [
        ev.Candidate(Mention("d", k, "t", "reported", None, None, False), frozenset({"kharkiv"}), frozenset())
        for k in range(4)
    ]
    rows = [0, 1, 0, 2, 0, 3, 1]
    cands = [
        ev.Candidate(replace(base[r].mention, document=f"d{k}"), base[r].places, base[r].parties)
        for k, r in enumerate(rows)
    ]
    searched = []
    real = ev.ranked_pairs
    monkeypatch.setattr(ev, "ranked_pairs", lambda c, *a, **k: searched.append(len(c)) or real(c, *a, **k))
    groups = ev.cluster(cands, vectors[rows], EventsConfig())
    assert searched == [4]
    assert [0, 2, 4] in groups and [1, 6] in groups


def test_copies_with_different_dates_are_not_one_candidate():
    vector = np.ones((1, 4), dtype=np.float32) / 2
    day_one = ev.Candidate(
        Mention("a", 0, "t", "reported", None, "2022-05-01", False), frozenset({"kharkiv"}), frozenset()
    )
    day_two = ev.Candidate(replace(day_one.mention, document="b", date="2022-05-02"), day_one.places, day_one.parties)
    assert ev.cluster([day_one, day_two, day_one], np.repeat(vector, 3, axis=0), EventsConfig()) == [[0, 2], [1]]


def _average_link_holds(
    cands: Sequence[ev.Candidate], vectors: np.ndarray, a: list[int], b: list[int], config: EventsConfig
) -> bool:
    """The average link, by every pair of members and every member's day."""
    if config.chain_mean_cosine <= -1 or len(a) + len(b) < config.chain_min_size:
        return True
    bar = config.chain_mean_cosine
    days = [
        [d for d in day_numbers([cands[x].mention.date for x in group]).tolist() if d != NO_DAY] for group in (a, b)
    ]
    if days[0] and days[1] and abs(sum(days[0]) / len(days[0]) - sum(days[1]) / len(days[1])) > config.chain_far_days:
        bar = max(bar, config.chain_far_cosine)
        if not any(cands[x].explicit is not None and not cands[x].borrowed for x in a + b):
            bar = max(bar, config.borrowed_date_cosine)
    left, right = vectors[a].astype(np.float64), vectors[b].astype(np.float64)
    return float((left @ right.T).mean()) >= bar


def _published_window_holds(
    cands: Sequence[ev.Candidate], a: list[int], b: list[int], i: int, j: int, config: EventsConfig
) -> bool:
    """The publication window (``event_dates.PublishedSpans``), from every member's publication day (a
    running tally's own day), crossed only by a pair with a mention dated to a day by its own words or naming
    who did a deed, that is no running tally."""
    if config.borrowed_date_days <= 0 or len(a) + len(b) < config.chain_min_size:
        return True
    sides = [[d for d in day_numbers([cands[x].window_day for x in group]).tolist() if d != NO_DAY] for group in (a, b)]
    days = sides[0] + sides[1]
    if not sides[0] or not sides[1] or max(days) - min(days) <= config.borrowed_date_days:
        return True
    return any(
        not c.tally and ((c.explicit is not None and not c.borrowed and len(c.explicit) == 10) or c.told == "doer")
        for c in (cands[i], cands[j])
    )


def first_absorbs_second(
    cands: Sequence[ev.Candidate], pairs: Pairs, config: EventsConfig, vectors: np.ndarray | None = None
) -> list[list[int]]:
    """The merge loop as it was before union by size: the pair's first cluster takes the second;
    with ``vectors``, the average link checked by every pair of members."""
    owner = list(range(len(cands)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(cands))}
    for cosine, i, j in zip(pairs.cosines.tolist(), pairs.left.tolist(), pairs.right.tolist(), strict=True):
        a, b = owner[i], owner[j]
        if a == b or not ev.should_link(cands[i], cands[j], cosine, config):
            continue
        if vectors is not None and not _average_link_holds(cands, vectors, members[a], members[b], config):
            continue
        if not _published_window_holds(cands, members[a], members[b], i, j, config):
            continue
        window = config.borrowed_date_days
        if all(ev.can_share_event(cands[x], cands[y], window) for x in members[a] for y in members[b]):
            for x in members[b]:
                owner[x] = a
            members[a].extend(members.pop(b))
    return [sorted(group) for group in members.values()]


@st.composite
def many_pairs(draw: st.DrawFn) -> tuple[list[ev.Candidate], Pairs]:
    """Up to 80 candidates and up to 400 pairs in a random order, either row first: large
    clusters that meet many times, joined and refused."""
    cands = draw(st.lists(candidate, min_size=2, max_size=80))
    n = len(cands)
    drawn = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=400))
    links = [(i, j) for i, j in drawn if i != j]
    cosines = np.array(draw(st.lists(st.sampled_from((0.7, 0.8, 0.9)), min_size=len(links), max_size=len(links))))
    left = np.array([i for i, _ in links], dtype=np.int64)
    right = np.array([j for _, j in links], dtype=np.int64)
    return cands, Pairs(cosines.astype(np.float32), left, right)


@settings(max_examples=300, deadline=None)
@given(many_pairs())
def test_merge_by_size_with_remembered_refusals_gives_the_clusters_of_the_first_absorbing_the_second(case):
    cands, pairs = case
    config = EventsConfig(same_event_cosine=0.6, no_entity_cosine=0.85, denial_cosine_margin=0.1)
    expected = first_absorbs_second(cands, pairs, config)
    for remembered in (0, ev._VETO_CACHE):  # 0: every refusal is remembered
        with patch.object(ev, "_VETO_CACHE", remembered):
            assert ev.merge_pairs(cands, pairs, np.arange(len(cands)), config) == expected


def test_auto_search_is_chosen_by_all_the_mentions_not_the_distinct_ones(monkeypatch):
    vector = np.ones((1, 4), dtype=np.float32) / 2
    cand = ev.Candidate(Mention("a", 0, "t", "reported", None, None, False), frozenset({"kharkiv"}), frozenset())
    used = []
    real = ev.search
    monkeypatch.setattr(ev, "search", lambda v, config, *a: used.append(config.search) or real(v, config, *a))
    ev.cluster([cand] * 3, np.repeat(vector, 3, axis=0), EventsConfig(exact_search_limit=2))
    assert used == ["lsh"]


@settings(max_examples=300, deadline=None)
@given(copied_cases(), st.integers(1, 3), st.integers(1, 3))
def test_denials_searched_by_name_give_the_clusters_of_denials_searched_against_all_rows(case, bands, window):
    # should_link never joins two mentions that both name something and share no name, so leaving
    # those pairs out of the denials' search leaves the events as they were.
    cands, vectors, block, config = case
    lsh = config.model_copy(update={"search": "lsh", "lsh_bands": bands, "lsh_window": window})
    by_name = lsh.model_copy(update={"denial_search": "names"})
    assert ev.cluster(cands, vectors, by_name, block=block) == ev.cluster(cands, vectors, lsh, block=block)


def test_copies_with_tied_neighbours_decide_once_by_their_first_copies():
    # Rows 1 and 4 are copies. Row 0 ties at 0.5 with 1, 2 and 4; the average link (0.5) refuses
    # 0 with {1, 3, 4} (mean 0.458) but, once 0 has merged with 2, holds for {0, 2} with {1, 3, 4}
    # (mean 0.5). Met in row order, (0, 4) would come after (0, 2) and join all five; met by first
    # copies, (0, 4) comes right after (0, 1) and is refused with it: copies decide once.
    def cand(k: int, places: set[str], parties: set[str]) -> ev.Candidate:
        mention = Mention(f"d{k}", 0, "t", "claimed", None, None, False)
        return ev.Candidate(mention, frozenset(places), frozenset(parties))

    cands = [
        cand(0, {"kharkiv"}, {"army"}),
        cand(1, {"kharkiv"}, set()),
        cand(2, set(), {"army"}),
        cand(3, set(), set()),
        cand(4, {"kharkiv"}, set()),
    ]
    vectors = sign_rows([(4, 0), (0, 0), (2, 2), (0, 1), (0, 0)])
    config = EventsConfig(same_event_cosine=0.5, denial_cosine_margin=0.25, chain_mean_cosine=0.5, borrowed_date_days=0)
    clusters = ev.cluster(cands, vectors, config, block=1)
    assert clusters == reference_cluster(cands, vectors, config) == [[0, 2], [1, 3, 4]]


def test_copies_published_far_from_a_same_vector_row_stay_together_when_they_stand_alone():
    # Rows 0, 2 and 3 are copies; row 1 has their vector but a publication day 33 days later, so
    # the group stands alone (event_copies.not_merged_first). Met by first copies, the copies merge
    # first and the publication window then keeps row 1 out; met in row order, row 1 would join 0
    # and 2 and leave 3 alone.
    def cand(k: int, published: str) -> ev.Candidate:
        return ev.Candidate(Mention(f"d{k}", 0, "t", "claimed", None, published, True), frozenset(), frozenset())

    cands = [cand(0, "2022-05-01"), cand(1, "2022-06-03"), cand(2, "2022-05-01"), cand(3, "2022-05-01")]
    vectors = np.full((4, 16), 0.25, dtype=np.float32)
    config = EventsConfig(same_event_cosine=0.5, denial_cosine_margin=0.25, borrowed_date_days=3)
    clusters = ev.cluster(cands, vectors, config, block=1)
    assert clusters == reference_cluster(cands, vectors, config) == [[0, 2, 3], [1]]
