"""Events are one happening each: the merge loop's average link keeps a chain of different
happenings that share a country (each neighbouring pair similar enough) apart, and still lets a
later retelling join the happening it tells."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from storyline.config import EventsConfig
from storyline.corpus import events as ev
from storyline.records import Mention


def _unit(*cells: float) -> np.ndarray:
    vector = np.array(cells, dtype=np.float64)
    return vector / np.linalg.norm(vector)


def _published(document: str, text: str, day: str) -> ev.Candidate:
    """A mention dated only by its report's publication day, in one made-up country."""
    mention = Mention(document, 0, text, "reported", None, day, True)
    return ev.Candidate(mention, frozenset({"ruritania"}), frozenset(), borrowed=True)


# Three happenings (a port flood, a strike, an election), two reports each, weeks apart. The second
# report of each borrows a few words of the next happening: similar enough to link, pair by pair.
_CHAIN = [
    _published("a1", "Floodwater closed the main harbour of Ruritania and halted grain shipments.", "2031-03-02"),
    _published("a2", "Ruritania's harbour stayed shut after the flood as dock workers met.", "2031-03-03"),
    _published("b1", "Dock workers in Ruritania walked out, saying the flood had cost them wages.", "2031-03-20"),
    _published("b2", "The Ruritania dock strike spread to rail crews before the vote.", "2031-03-21"),
    _published("c1", "Ruritania voted in a snap election called after the rail strike.", "2031-04-15"),
    _published("c2", "Polls closed across Ruritania and the count of ballots began.", "2031-04-16"),
]
_T = 0.4  # the share of the next happening a bridging report borrows
_CHAIN_VECTORS = np.array(
    [
        _unit(1, 0, 0),
        _unit(1, _T, 0),
        _unit(_T, 1, 0),
        _unit(0, 1, _T),
        _unit(0, _T, 1),
        _unit(0, 0, 1),
    ],
    dtype=np.float32,
)


# The reports' publication days differ, so their pairs need ``borrowed_date_cosine`` (``should_link``):
# at the plain bar, as here, the bridging pairs (0.69) link and only the average link keeps them apart.
_PLAIN_BAR = EventsConfig().same_event_cosine


def test_single_links_alone_would_chain_the_three_happenings_into_one_event():
    # borrowed_date_days=0: nor is the publication window asked (event_dates.PublishedSpans)
    config = EventsConfig(chain_mean_cosine=-1, borrowed_date_cosine=_PLAIN_BAR, borrowed_date_days=0)
    assert ev.cluster(_CHAIN, _CHAIN_VECTORS, config) == [[0, 1, 2, 3, 4, 5]]


def test_a_chain_of_three_happenings_sharing_a_country_stays_three_events():
    sims = _CHAIN_VECTORS @ _CHAIN_VECTORS.T
    assert sims[1, 2] >= EventsConfig().same_event_cosine  # each neighbouring pair is close enough
    assert sims[3, 4] >= EventsConfig().same_event_cosine
    assert ev.cluster(_CHAIN, _CHAIN_VECTORS, EventsConfig(borrowed_date_cosine=_PLAIN_BAR)) == [[0, 1], [2, 3], [4, 5]]


def test_a_retelling_weeks_later_joins_the_happening_it_tells_only_when_a_report_dates_it():
    told = [
        _published("r1", "A rockslide buried the mountain road into Ruritania's capital overnight.", "2031-05-01"),
        _published("r2", "Crews in Ruritania began clearing the rockslide from the capital road.", "2031-05-01"),
        _published("r3", "The rockslide on Ruritania's capital road trapped two buses.", "2031-05-02"),
        _published("r4", "Weeks after the rockslide buried the capital road, Ruritania reopened it.", "2031-05-24"),
    ]
    vectors = np.array(
        [_unit(1, 0, 0, 0), _unit(1, 0.3, 0, 0), _unit(1, 0, 0.3, 0), _unit(1, 0, 0, 0.9)], dtype=np.float32
    )
    # Session 20: no report dates the rockslide by its own words, so the reports of May 1-2 and of May 24
    # tell the story at two times (event_dates.PublishedSpans); one own date anchors it.
    assert ev.cluster(told, vectors, EventsConfig()) == [[0, 1, 2], [3]]
    first = told[0]
    dated = replace(first, mention=replace(first.mention, date_fallback=False), borrowed=False)
    assert ev.cluster([dated, *told[1:]], vectors, EventsConfig()) == [[0, 1, 2, 3]]


def test_small_groups_merge_by_their_most_similar_pair_as_before():
    # Below chain_min_size mentions the average is not asked: a pair of one day and verb may join
    # at a low similarity (event_verbs), which an average bar would undo.
    config = EventsConfig(chain_min_size=4, borrowed_date_cosine=_PLAIN_BAR)
    assert ev.cluster(_CHAIN[:3], _CHAIN_VECTORS[:3], config) == [[0, 1, 2]]


def _two_groups(second_day: str) -> list[ev.Candidate]:
    return [
        _published("x1", "Ruritania's central bank raised its lending rate by half a point.", "2031-03-02"),
        _published("x2", "The Ruritania rate rise surprised traders, who sold the currency.", "2031-03-02"),
        _published("y1", "Ruritania's currency fell as traders sold after the bank's move.", second_day),
        _published("y2", "Traders in Ruritania kept selling the currency on the second day.", second_day),
    ]


_TWO_GROUP_VECTORS = np.array([_unit(1, 0), _unit(1, 0.5), _unit(0.5, 1), _unit(0.3, 1)], dtype=np.float32)


def test_groups_days_apart_join_on_a_moderate_average_similarity():
    assert ev.cluster(_two_groups("2031-03-03"), _TWO_GROUP_VECTORS, EventsConfig()) == [[0, 1, 2, 3]]


def test_groups_weeks_apart_need_a_higher_average_similarity_to_join():
    sims = (_TWO_GROUP_VECTORS[:2] @ _TWO_GROUP_VECTORS[2:].T).mean()
    config = EventsConfig()
    assert config.chain_mean_cosine <= sims < config.chain_far_cosine
    assert ev.cluster(_two_groups("2031-03-30"), _TWO_GROUP_VECTORS, config) == [[0, 1], [2, 3]]


_RETOLD_VECTORS = np.array([_unit(1, 0), _unit(1, 0.5), _unit(0.7, 1), _unit(0.4, 1)], dtype=np.float32)


def _retold(first_dated_by_its_words: bool) -> list[ev.Candidate]:
    first = _published("p1", "Ruritania's parliament passed the water bill on Sunday by nine votes.", "2031-03-02")
    if first_dated_by_its_words:
        own = Mention("p1", 0, first.mention.text, "reported", None, "2031-03-01", False)
        first = ev.Candidate(own, first.places, first.parties)
    return [
        first,
        _published("p2", "Ruritania's water bill cleared parliament after a long night.", "2031-03-02"),
        _published("p3", "Four weeks after Ruritania's parliament passed the water bill, rates rose.", "2031-03-30"),
        _published("p4", "Since parliament passed the water bill, Ruritania's rates have risen.", "2031-03-30"),
    ]


def test_groups_dated_only_by_publication_weeks_apart_need_close_paraphrase_on_average():
    config = EventsConfig()
    mean = (_RETOLD_VECTORS[:2] @ _RETOLD_VECTORS[2:].T).mean()
    assert config.chain_far_cosine <= mean < config.borrowed_date_cosine
    assert ev.cluster(_retold(False), _RETOLD_VECTORS, config) == [[0, 1], [2, 3]]


def test_a_retelling_weeks_later_joins_a_group_through_its_mention_dated_by_its_own_words():
    # Session 20 (event_dates.PublishedSpans): reports weeks apart join only through a mention with a
    # day of its own; here the closest link runs through p2, dated only by its report.
    assert ev.cluster(_retold(True), _RETOLD_VECTORS, EventsConfig()) == [[0, 1], [2, 3]]
    told = _retold(False)
    own = replace(told[1].mention, date="2031-03-01", date_fallback=False)
    dated_link = [told[0], ev.Candidate(own, told[1].places, told[1].parties), *told[2:]]
    assert ev.cluster(dated_link, _RETOLD_VECTORS, EventsConfig()) == [[0, 1, 2, 3]]
