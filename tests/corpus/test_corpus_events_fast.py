"""The fast clustering (upper-triangle blocks, bulk bar filter, veto per distinct rule key) gives
exactly the clusters of the plain all-pairs reference, on random vectors and candidates."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.config import EventsConfig
from storyline.corpus import events as ev
from storyline.records import Mention

_DATES = (None, "2022", "2022-05", "2022-05-01", "2022-05-02", "2022-06", "2022-06-03")
_PLACES = ("kharkiv", "izium", "kupiansk")


def reference_cluster(cands: Sequence[ev.Candidate], vectors: np.ndarray, config: EventsConfig) -> list[list[int]]:
    """The clustering as first written: every pair, sorted in Python, every member pair checked."""
    floor = config.same_event_cosine - config.denial_cosine_margin
    sims = vectors @ vectors.T
    pairs = [
        (float(sims[i, j]), i, j)
        for i in range(len(vectors))
        for j in range(i + 1, len(vectors))
        if sims[i, j] >= floor
    ]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    owner = list(range(len(cands)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(cands))}
    for cosine, i, j in pairs:
        a, b = owner[i], owner[j]
        if a == b or not ev.should_link(cands[i], cands[j], cosine, config):
            continue
        window = config.borrowed_date_days
        if all(ev.can_share_event(cands[x], cands[y], window) for x in members[a] for y in members[b]):
            for x in members[b]:
                owner[x] = a
            members[a].extend(members.pop(b))
    return [sorted(group) for group in members.values()]


candidate = st.builds(
    lambda date, fallback, narrative, status, places, parties, within: ev.Candidate(
        Mention("d", 0, "t", status, None, date, fallback and date is not None),
        frozenset(places),
        frozenset(parties),
        frozenset(within) - frozenset(places),
        (fallback or narrative) and date is not None,
    ),
    st.sampled_from(_DATES),
    st.booleans(),
    st.booleans(),
    st.sampled_from(("claimed", "denied", "reported")),
    st.sets(st.sampled_from((*_PLACES, "ukraine")), max_size=2),
    st.sets(st.sampled_from(("army", "mayor")), max_size=1),
    st.sets(st.sampled_from(("ukraine", *_PLACES)), max_size=1),
)


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[ev.Candidate], np.ndarray, int, EventsConfig]:
    cands = draw(st.lists(candidate, min_size=1, max_size=24))
    if draw(st.booleans()):
        # Few distinct small-integer coordinates: many equal cosines, so the tie order is exercised.
        cells = draw(st.lists(st.integers(0, 2), min_size=4 * len(cands), max_size=4 * len(cands)))
        matrix = np.array(cells, dtype=np.float32).reshape(len(cands), 4)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        vectors = (matrix / np.where(norms == 0, 1.0, norms)).astype(np.float32)
        config = EventsConfig(same_event_cosine=0.6, no_entity_cosine=0.75, denial_cosine_margin=0.1)
    else:
        # Exact products (multiples of 1/4) that land on the bars themselves: ">=" versus ">".
        cells = draw(st.lists(st.sampled_from((0.0, 0.5, 1.0)), min_size=2 * len(cands), max_size=2 * len(cands)))
        vectors = np.array(cells, dtype=np.float32).reshape(len(cands), 2)
        config = EventsConfig(same_event_cosine=0.5, no_entity_cosine=0.75, denial_cosine_margin=0.25)
    config = config.model_copy(update={"borrowed_date_days": draw(st.sampled_from((0, 3, 40)))})
    return cands, vectors, draw(st.integers(1, 30)), config


@settings(max_examples=300, deadline=None)
@given(cases())
def test_fast_clustering_matches_the_all_pairs_reference(case):
    cands, vectors, block, config = case
    assert ev.cluster(cands, vectors, config, block=block) == reference_cluster(cands, vectors, config)


def test_pairs_are_the_upper_triangle_at_or_above_the_floor_across_blocks():
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(11, 3)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    sims = vectors @ vectors.T
    expected = {(i, j) for i in range(11) for j in range(i + 1, 11) if sims[i, j] >= 0.2}
    found = {(i, j) for _, i, j in ev.similar_pairs(vectors, 0.2, block=4)}
    assert found == expected
