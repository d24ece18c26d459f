"""Find the sentences that report a happening and cluster them, across reports, into events.

Clustering is a small constrained agglomeration written here rather than a library call:
mentions are merged by descending similarity (single link), but a merge is refused when any pair
across the two clusters breaks a hard rule (different explicit dates, disjoint places). That
complete-link veto is what generic clustering libraries do not offer. A merge that would make a
group of ``events.chain_min_size`` mentions must also hold on average (``event_average``): the mean
similarity of the two groups' mentions reaches ``events.chain_mean_cosine``, or
``events.chain_far_cosine`` when their mean days lie over ``events.chain_far_days`` apart, so one
similar pair at a time does not chain different happenings that share a place into one event.
The similar pairs come from ``event_search``: every pair for stories of up to
``events.exact_search_limit`` mentions, a bounded
neighbour search (linear time) above. Copies of a mention (one vector, the same dates, places,
parties and denial) are searched and merged as one, and the smaller cluster joins the larger, so
the merge loop's time follows the pairs of distinct mentions.

Which sentences are mentions, and what ties each to others, is ``event_mentions``. A sentence that
tells two happenings, each dated by its own time expression, is a mention per clause
(``event_clauses``), whose text is its clause's words; a clause with no verb of action is none. A
capital and its country are not disjoint places, nor a town and a country named without a town of
its own there (``event_places``). Two mentions of one day whose main verbs tell one kind of
happening by one named actor ("would travel to ... on Monday", "toured ... on Monday") may join below
the similarity bar (``event_verbs``). Two mentions whose dates are both borrowed (publication, or the
narrative before them) and differ may be a few days apart and still be one event, as close
paraphrases; a mention with no date at all joins a dated one only as a close paraphrase. Background
lines of reports weeks apart, dated only by publication, do not chain into one event
(``event_dates.PublishedSpans``), nor do the running tallies of reports weeks apart, each dated by the day
it was told ("has killed up to 60 people in Mexico, officials said on Friday": ``event_tallies``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

import numpy as np

from storyline.config import Config, EventsConfig
from storyline.corpus import deeds as deed_reading
from storyline.corpus import denial_answers, denial_figures, denial_parties, happening_joins
from storyline.corpus.denial_content import common_names
from storyline.corpus.embeddings import Encoder, get_encoder
from storyline.corpus.entity_names import spelled_out
from storyline.corpus.event_average import AverageLink
from storyline.corpus.event_copies import NEAR, not_merged_first, ranked, stand_alone
from storyline.corpus.event_dates import (
    PublishedSpans,
    borrowed_apart,
    borrowed_near,
    dates_can_match,
    retold,
    window_days,
)
from storyline.corpus.event_mentions import Candidate, candidates
from storyline.corpus.event_places import in_country, overlapping
from storyline.corpus.event_records import make_event
from storyline.corpus.event_search import (
    Pairs,
    Rows,
    Vectors,
    day_numbers,
    duplicate_rows,
    exact_blocks,
    search,
)
from storyline.corpus.event_tallies import mark_tallies
from storyline.corpus.event_verbs import ActKey, VerbKey, one_happening, same_act, with_verb_pairs
from storyline.corpus.lineage import origin_map, outlet
from storyline.corpus.timeline import date_sort_key, strip_dateline
from storyline.pipeline import Stage
from storyline.records import Document, DocumentId, Event, IsoDate, Story

# 2. Which mentions may, and which should, be one event


def can_share_event(a: Candidate, b: Candidate, borrowed_days: int = 0) -> bool:
    """Hard rules: dates must be able to match (``dates_can_match``), or both be borrowed and at most
    ``borrowed_days`` apart; a claim of who did a deed is not told with a plain report of one
    (``deeds.told_as``); and places must not be disjoint (a city and its country are not)."""
    if not dates_can_match(a, b) and not borrowed_near(a, b, borrowed_days):
        return False
    if a.told is not None and b.told is not None and a.told != b.told:
        return False
    return not _disjoint_places(a, b)


def _disjoint_places(a: Candidate, b: Candidate) -> bool:
    if not (a.places and b.places):
        return False
    if not overlapping(a.places, a.within, b.places, b.within):
        return not _town_in_country(a, b)
    return False


def _town_in_country(a: Candidate, b: Candidate) -> bool:
    """One names a town of a country the other names alone (``event_places.in_country``), and both give
    a date of their own: a sentence dated by its report that names only a country ("the United States
    has 400 cases") tells the state of the story, not the happening in one of its towns."""
    if a.explicit is None or b.explicit is None or a.borrowed or b.borrowed:
        return False
    return in_country(a.places, a.towns_in, b.places, b.towns_in)


def should_link(a: Candidate, b: Candidate, cosine: float, config: EventsConfig) -> bool:
    """Soft evidence: similar enough, and sharing a place or party, or naming a town and its country
    (``event_places.in_country``), or very similar without names. Two
    mentions whose borrowed dates differ (two publication dates too) must be close paraphrases
    (``borrowed_date_cosine``), and
    so must a mention with no date at all and a dated one (``undated_cosine``), and a mention dated only by
    its publication and one whose own date ended ``retelling_days`` before (``retold``). Two mentions of one
    day, actor and kind of verb, or one verb done to one thing on one day (``event_verbs``), need only
    ``same_verb_cosine``; the latter share a party also when one names it by its initials and the
    other spells it out (``entity_names.spelled_out``)."""
    bar = config.same_event_cosine
    if (a.mention.status == "denied") != (b.mention.status == "denied"):
        bar -= config.denial_cosine_margin
    dates_match = dates_can_match(a, b)
    retelling = retold(a, b, config.retelling_days) or retold(b, a, config.retelling_days)
    if not dates_match or borrowed_apart(a, b) or retelling:
        bar = max(bar, config.borrowed_date_cosine)
    if (a.mention.date is None) != (b.mention.date is None):
        bar = max(bar, config.undated_cosine)
    acted = same_act(a.act, b.act)
    if one_happening(a.verb, b.verb) or acted:
        bar = min(bar, config.same_verb_cosine)
    if cosine < bar or _disjoint_places(a, b):
        return False
    if not dates_match and not borrowed_near(a, b, config.borrowed_date_days):
        return False
    if (a.places | a.parties) & (b.places | b.parties) or _town_in_country(a, b):
        return True
    if acted and spelled_out(a.parties, b.parties):  # "the WHO raised its alert", "The World Health Organization"
        return True
    return not (a.places | a.parties and b.places | b.parties) and cosine >= config.no_entity_cosine


def similar_pairs(vectors: np.ndarray, floor: float, block: int = 512) -> Iterator[tuple[float, int, int]]:
    """Pairs i < j with cosine >= floor, by the exact search, block by block."""
    for pairs in exact_blocks(vectors, floor, block):
        yield from zip(pairs.cosines.tolist(), pairs.left.tolist(), pairs.right.tolist(), strict=True)


def ranked_pairs(cands: Sequence[Candidate], vectors: Vectors, config: EventsConfig, block: int = 512) -> Pairs:
    """The pairs that pass the similarity bar of ``should_link``, most similar first (ties to the
    lower i, then j), found by the configured search (``event_search.search``). Pairs below their
    bar are dropped here, in bulk, rather than in the loop."""
    denied = np.array([c.mention.status == "denied" for c in cands], dtype=bool)
    days = day_numbers([c.mention.date for c in cands])  # explicit or publication date: one of them
    # a town's country too: should_link joins a town and its country (``_town_in_country``)
    names = [c.places | c.parties | c.towns_in for c in cands] if config.denial_search == "names" else None
    pairs = search(vectors, config, denied, block, days, names)
    if not len(pairs):
        return pairs
    # The same float64 arithmetic as should_link, so the kept pairs are exactly those it accepts.
    lowered = config.same_event_cosine - config.denial_cosine_margin
    bar = np.where(denied[pairs.left] != denied[pairs.right], lowered, config.same_event_cosine)
    pairs = pairs.select(pairs.cosines.astype(np.float64) >= bar)
    return pairs.select(np.lexsort((pairs.right, pairs.left, -pairs.cosines)))


def _in_chunks(pairs: Pairs, size: int = 65_536) -> Iterator[tuple[float, int, int]]:
    """The pairs as Python tuples, a chunk at a time, so the list of all of them is never made."""
    for start in range(0, len(pairs), size):
        part = pairs.select(slice(start, start + size))
        yield from zip(part.cosines.tolist(), part.left.tolist(), part.right.tolist(), strict=True)


_Rules = tuple[
    IsoDate | None, IsoDate | None, bool, frozenset[str], frozenset[str], frozenset[str], deed_reading.Told | None
]


def _rules(c: Candidate) -> _Rules:
    """All that ``can_share_event`` looks at: explicit date, publication date, whether the date is
    borrowed, places and the countries they lie in, how it tells a deed."""
    return c.explicit, c.published, c.borrowed, c.places, c.within, c.towns_in, c.told


_Link = tuple[
    bool,
    IsoDate | None,
    IsoDate | None,
    bool,
    IsoDate | None,
    frozenset[str],
    frozenset[str],
    frozenset[str],
    VerbKey | None,
    frozenset[str],
    deed_reading.Told | None,
    bool,
    ActKey | None,
]


def _link_key(c: Candidate) -> _Link:
    """All that ``should_link`` looks at besides the cosine: denied or not, the rules (places with the
    countries whose capitals they name, ``within``), the date itself (borrowed dates are compared by
    day, an undated mention has its own bar), the parties; and
    whether it is a running tally, which the publication window reads (``event_dates.PublishedSpans``).
    Two mentions with one vector and one key are linked to the same mentions by the same pairs; a
    new field read by ``should_link`` or ``can_share_event`` must be added here."""
    return (
        c.mention.status == "denied",
        c.explicit,
        c.published,
        c.borrowed,
        c.mention.date,
        c.places,
        c.within,  # the countries whose capitals it names, which place overlap reads
        c.parties,
        c.verb,
        c.towns_in,
        c.told,
        c.tally,
        c.act,
    )


def _duplicates(cands: Sequence[Candidate], vectors: np.ndarray, config: EventsConfig) -> tuple[np.ndarray, np.ndarray]:
    """Per candidate, the first with the same vector and ``_link_key`` (itself for the first): its
    copies; and the same where that first one links to its copies with ``NEAR`` to spare, the others
    standing alone: the groups merged first."""
    copies = duplicate_rows(vectors, [_link_key(c) for c in cands])
    first = copies.copy()
    shared = np.unique(first[first != np.arange(len(cands))])
    selves = np.einsum("ij,ij->i", vectors[shared], vectors[shared]).tolist()
    alone = [
        r
        for r, cosine in zip(shared.tolist(), selves, strict=True)
        if not should_link(cands[r], cands[r], cosine - NEAR, config)
    ]
    lone = np.isin(first, alone)
    first[lone] = np.flatnonzero(lone)
    return copies, first


def cluster(cands: Sequence[Candidate], vectors: np.ndarray, config: EventsConfig, block: int = 512) -> list[list[int]]:
    """Groups of candidate indexes, one per event (see the module docstring).

    Copies (one vector, one ``_link_key``) are searched and merged as one candidate, which gives
    the events of searching them all when the search is exact and pairs of equal cosine are met by
    the first copies of their rows (``event_copies.ranked``): the copies' own pair is the most
    similar of theirs (unit rows), so the loop over all rows merges them first, and from then on
    their tied pairs with another group come together and are one decision. A group with another
    pair within ``NEAR`` of its own is undone (``event_copies.stand_alone``). A bounded search sees
    more distinct rows in its windows: it may find more."""
    if config.search == "auto":  # chosen by all the mentions, as before copies were merged
        config = config.model_copy(update={"search": "exact" if len(cands) <= config.exact_search_limit else "lsh"})
    copies, first = _duplicates(cands, vectors, config)
    kept = np.flatnonzero(first == np.arange(len(cands)))
    view = Rows(vectors, kept)  # not vectors[kept]: a copy of every distinct row (1.2 GB at 100k reports)
    distinct = [cands[k] for k in kept.tolist()]
    pairs = ranked_pairs(distinct, view, config, block)
    pairs = with_verb_pairs([c.verb for c in distinct], view, pairs, config, [c.act for c in distinct])  # by verb
    to_rows(pairs, kept)  # kept is increasing: the same order
    published = window_days(cands) if config.borrowed_date_days > 0 else None
    alone = not_merged_first(first, pairs, vectors, NEAR, published=published, window=config.borrowed_date_days)
    if len(alone):
        first, pairs = stand_alone(first, pairs, alone, vectors, copies)
    elif not np.array_equal(first, copies):  # copies that do not link to each other: searched apart
        pairs = ranked(pairs, copies)
    return merge_pairs(cands, pairs, first, config, vectors)


def to_rows(pairs: Pairs, kept: np.ndarray, chunk: int = 1 << 20) -> None:
    """The pairs of the searched rows ``kept`` made pairs of all rows, in place, a chunk at a time
    (no second copy of the pair arrays)."""
    for ends in (pairs.left, pairs.right):
        for start in range(0, len(ends), chunk):
            ends[start : start + chunk] = kept[ends[start : start + chunk]]


_VETO_CACHE = 16  # a refused merge is remembered when its veto compared more rule pairs than this


def merge_pairs(
    cands: Sequence[Candidate],
    pairs: Pairs,
    first: np.ndarray,
    config: EventsConfig,
    vectors: np.ndarray | None = None,
) -> list[list[int]]:
    """The single-link merge of ``ranked_pairs`` with its complete-link veto, each candidate
    starting in the group of ``first`` (its copies), in time about linear in the pairs.

    With ``vectors`` (the candidates' unit rows), a merge whose group would reach
    ``events.chain_min_size`` mentions is refused when the mean cosine of every mention of one group
    with every mention of the other is below ``events.chain_mean_cosine`` (``event_average``): one
    similar pair at a time must not chain different happenings that share a place into one event.

    The veto is checked once per distinct ``_rules`` key of each cluster rather than once per
    member (the hard rules only see that key). The smaller
    cluster joins the larger, so a candidate changes cluster at most log2(n) times; the merged
    cluster keeps the name of the pair's first candidate's cluster, and clusters are returned in
    name order, as when the first always absorbed the second. A veto that compared many rule pairs
    is remembered for the two clusters: a refusal stands while they grow (more rules, more ways to
    break one), and a cluster that joins another is never looked up again."""
    owner = first.tolist()
    members: dict[int, list[int]] = {}
    for i, a in enumerate(owner):
        members.setdefault(a, []).append(i)
    names = {a: a for a in members}
    rules: dict[int, dict[_Rules, Candidate]] = {a: {_rules(cands[a]): cands[a]} for a in members}
    refused: set[tuple[int, int]] = set()
    days = day_numbers([c.mention.date for c in cands]) if vectors is not None else None
    own = np.array([c.explicit is not None and not c.borrowed for c in cands], dtype=bool)
    average = AverageLink(vectors, days, own, members, config) if vectors is not None and days is not None else None
    spans = PublishedSpans(cands, members, config.borrowed_date_days, config.chain_min_size)
    for cosine, i, j in _in_chunks(pairs):
        a, b = owner[i], owner[j]
        if a == b or (min(a, b), max(a, b)) in refused or not should_link(cands[i], cands[j], cosine, config):
            continue
        if average is not None and not average.holds(a, b):
            continue
        if not spans.holds(a, b, i, j):
            continue
        window = config.borrowed_date_days
        if not all(can_share_event(x, y, window) for x in rules[a].values() for y in rules[b].values()):
            if len(rules[a]) * len(rules[b]) > _VETO_CACHE:
                refused.add((min(a, b), max(a, b)))
            continue
        name = names[a]  # the name of the cluster of the pair's first candidate
        if len(members[a]) < len(members[b]):
            a, b = b, a
        if average is not None:
            average.merge(a, b)
        spans.merge(a, b)
        for x in members[b]:
            owner[x] = a
        members[a].extend(members.pop(b))
        kept, more = rules.pop(a), rules.pop(b)
        if len(kept) < len(more):
            kept, more = more, kept
        for key, c in more.items():
            kept.setdefault(key, c)
        rules[a], names[a] = kept, name
        del names[b]
    return [sorted(members[a]) for a in sorted(members, key=names.__getitem__)]


# 3. Events from clusters


def find_events(story: Story, encoder: Encoder, config: EventsConfig) -> tuple[Event, ...]:
    """The story's events, ordered by date then id."""
    cands = candidates(story, config.min_mention_words, config.split_dated_clauses)
    if not cands:
        return ()
    cands = mark_tallies(cands, {d.id: d for d in story.documents})
    texts = [strip_dateline(c.compared or c.mention.text) for c in cands]
    vectors = np.asarray(encoder.encode(texts), dtype=np.float32)
    groups = cluster(cands, vectors, config)
    roots, documents = origin_map(story.derivations), {d.id: d for d in story.documents}
    groups, deeds = _answer_denials(cands, vectors, groups, roots, documents, config, encoder)
    groups = happening_joins.join_candidates(cands, vectors, groups, deeds, documents, config, can_share_event)
    events = [make_event([cands[i].mention for i in g], roots, documents, config, deeds) for g in groups]
    return tuple(sorted(events, key=lambda e: (date_sort_key(e.date), e.id)))


def _answer_denials(
    cands: Sequence[Candidate],
    vectors: np.ndarray,
    groups: list[list[int]],
    roots: Mapping[DocumentId, DocumentId],
    documents: Mapping[DocumentId, Document],
    config: EventsConfig,
    encoder: Encoder,
) -> tuple[list[list[int]], dict[deed_reading.MentionKey, deed_reading.Deed]]:
    """The groups with each denial of who did something moved to the event of the claim it answers
    (``denial_answers``), each denial naming a figure that answers no claim of its event moved to the event
    of a claim telling that figure (``denial_figures``), and each denial still answering none moved to the event
    of a claim whose who, what and when fit it (``denial_parties``), and the deeds read for it."""
    mentions = [c.mention for c in cands]
    deeds = deed_reading.story_deeds(documents.values(), (denial_answers.key_of(m) for m in mentions))
    outlets = {doc_id: outlet(doc_id, documents) for doc_id in documents}

    def fits(i: int, group: Sequence[int]) -> bool:
        # The dates must fit; the places a denial names are mostly its parties ("Ukraine denied ...").
        unplaced = replace(cands[i], places=frozenset())
        return all(can_share_event(unplaced, cands[j]) for j in group)

    moved = denial_answers.answer_denials(
        groups, mentions, vectors, deeds, outlets, roots.keys(), config.denial_answer_cosine, fits
    )
    common = common_names(d.text for d in documents.values())
    moved = denial_figures.answer_by_figure(moved, mentions, deeds, outlets, roots.keys(), common, fits)
    joined = denial_parties.answer_by_parties(
        moved, mentions, vectors, encoder.encode, deeds, outlets, documents, common, fits
    )
    return joined, deeds


def build(config: Config, encoder: Encoder | None = None) -> Stage[Story]:
    """The ``events`` corpus stage; the configured encoder is used when none is given."""
    chosen = encoder if encoder is not None else get_encoder(config)

    def events(story: Story) -> Story:
        return replace(story, events=find_events(story, chosen, config.events))

    return Stage(name="events", func=events, requires=("derivation",), provides=("events",))
