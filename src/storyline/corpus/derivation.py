"""Find reports derived from earlier ones (copies, excerpts, rewrites) and point each at its origin.

Stages, in order (``find_derivations`` carries the same numbers):
  1. Shingle each report's normalized text into word k-grams and MinHash the shingle sets.
  2. Copy and excerpt candidates come from datasketch's LSH Ensemble, a containment index queried
     once per report, so no pair is compared unless it shares bands. It is queried at
     ``candidate_containment``, below the decision thresholds, because its tuned bands miss short
     excerpts of long reports at the decision threshold itself. Exact Jaccard and containment on
     the candidates' shingle sets (32-bit hashes) then decide: a copy at ``duplicate_jaccard``, an
     excerpt when the shorter report's shingles are in the longer at ``excerpt_containment`` and it
     is shorter by more than copies may differ (reports of one size that differ inside go to 4).
     Either needs the shorter report's shingles in the longer one's order, at ``copy_order_share``:
     a report that moved or reworded sentences is an edited copy, and goes to 4.
  3. Rewrite candidates are each report's ``rewrite_candidates`` nearest reports by mean sentence
     embedding (numpy top-k), plus the LSH candidates that were neither copy nor excerpt. A dated
     report is compared only with reports published within ``rewrite_window_days`` of it (and with
     the undated ones): a rewrite follows its origin within days, and the window keeps the search
     linear in a stream of reports rather than quadratic. Exact overlap (step 2) decides copies and
     excerpts on these pairs too: the LSH Ensemble is a filter, and misses a few short excerpts.
  4. Sentence alignment: sentences are paired one to one, closest first, down to
     ``rewrite_sentence_cosine``. A rewrite needs ``rewrite_share`` of its sentences paired; two
     articles on the same story share names and places but few whole sentences, so they stay apart.
     A copy stands for its first origin, and a pair is not aligned when the report it would make
     derived is already a copy or a part of another, since that link beats any rewrite (step 5): a
     syndicated story costs one alignment per rewrite, not one per copy.
  5. Each derived report keeps its best origin; chains are followed to the first origin, but not past
     a report that contains its origin and adds to it (its copies have what the origin lacks).

The origin of a pair is the report published earlier. When the dates are equal or unknown, it is
the wire report, one that others copied verbatim or that carries an agency dateline ("KYIV
(Meridian Wire) -"): a rewrite that slips in a claim is longer than its origin, so length alone
would point the wrong way. Failing that, it is the more complete one (more sentences, then more
text). Cycles, possible when only some dates are known, are cut at their most complete report.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSHEnsemble

from storyline.config import Config, DerivationConfig
from storyline.corpus.derivation_nearest import day_numbers, document_vectors, nearest_pairs, windowed_nearest_pairs
from storyline.corpus.derivation_order import keeps_order
from storyline.corpus.embeddings import Encoder, get_encoder
from storyline.pipeline import Stage
from storyline.records import Derivation, Document, IsoDate, Relation, Story

COMPLETENESS_NOTE = "origin chosen by completeness: publication dates unknown or equal"
WIRE_NOTE = (
    "origin chosen as the wire report (copied verbatim elsewhere, or with an agency dateline): dates unknown or equal"
)
_AGENCY_DATELINE = re.compile(r"\([^()]+\)")
_WORD = re.compile(r"\w+")
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STRENGTH: dict[Relation, int] = {"duplicate": 0, "excerpt": 1, "rewrite": 2}

Pair = tuple[int, int]


@dataclass(frozen=True)
class Report:
    """A document with what derivation needs: shingles, sentence units and their vectors.

    Shingles are kept as sorted 32-bit hashes and sentence vectors as rows of one matrix shared by
    all reports, each distinct sentence once: copies share their sentences, so a corpus of
    syndicated reports costs memory for its distinct text only.
    """

    doc: Document
    shingles: np.ndarray  # sorted unique uint32 hashes of the word shingles
    units: tuple[tuple[int, str], ...]  # (sentence index, text)
    rows: np.ndarray  # each unit's row in ``matrix``
    matrix: np.ndarray
    counted: np.ndarray  # True for units long enough to be added or dropped
    completeness: tuple[int, int]  # (sentence units, characters of text): kept when the rest is let go

    @property
    def vectors(self) -> np.ndarray:
        """The units' vectors, as an array of their own (a product of two views of one matrix is slow)."""
        return self.matrix[self.rows]


@dataclass(frozen=True)
class Alignment:
    share: float  # share of the derived report's sentences matched in the origin
    matched: int
    adds: tuple[int, ...]
    drops: tuple[int, ...]


@dataclass(frozen=True)
class Link:
    derived: int
    origin: int
    relation: Relation
    score: float
    note: str | None
    expands: bool = False  # the derived report contains its origin and adds to it


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingle_set(text: str, size: int) -> frozenset[str]:
    """Word ``size``-grams of the lower-cased text without punctuation; a shorter text is one shingle."""
    tokens = words(text)
    if len(tokens) <= size:
        return frozenset({" ".join(tokens)}) if tokens else frozenset()
    return frozenset(" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def containment(part: frozenset[str], whole: frozenset[str]) -> float:
    """Share of ``part``'s shingles that are also in ``whole``."""
    return len(part & whole) / len(part) if part else 0.0


# Odd 64-bit multipliers, one per word position of a shingle (from splitmix64's constants).
_POSITION_KEYS = np.array([0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93], np.uint64)


def shingle_hashes(text: str, size: int) -> np.ndarray:
    """The hashes of ``shingle_set(text, size)`` as sorted unique uint32, computed without the strings.

    Each word is hashed once (crc32) and a shingle's hash mixes its words' hashes by position, so a
    long corpus needs neither millions of shingle strings nor a hash call per shingle.
    """
    tokens = words(text)
    if not tokens:
        return np.zeros(0, np.uint32)
    codes = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), np.uint64, len(tokens))
    width = min(size, len(tokens))
    keys = np.resize(_POSITION_KEYS, size) + np.arange(size, dtype=np.uint64) * np.uint64(2)
    mixed = np.zeros(len(tokens) - width + 1, np.uint64)
    with np.errstate(over="ignore"):
        for j in range(width):
            mixed = mixed * np.uint64(31) + codes[j : j + len(mixed)] * keys[j]
        mixed ^= mixed >> np.uint64(29)
        mixed *= np.uint64(0xBF58476D1CE4E5B9)
    return np.unique((mixed >> np.uint64(32)).astype(np.uint32))


def hashed_overlap(a: np.ndarray, b: np.ndarray) -> int:
    return len(np.intersect1d(a, b, assume_unique=True))


def sentence_units(doc: Document) -> tuple[tuple[int, str], ...]:
    """The document's sentences as (index, text); the whole text is one unit before sentencing."""
    if doc.sentences:
        return tuple((s.index, s.text) for s in doc.sentences)
    return ((0, doc.text),) if doc.text.strip() else ()


def make_reports(documents: Sequence[Document], encoder: Encoder, config: DerivationConfig) -> list[Report]:
    """Reports in document-id order, so that the result does not depend on the input order."""
    docs = sorted(documents, key=lambda d: d.id)
    units = [sentence_units(d) for d in docs]
    distinct: dict[str, int] = {}
    rows = [np.array([distinct.setdefault(t, len(distinct)) for _, t in u], dtype=np.int64) for u in units]
    texts = list(distinct)
    matrix = np.asarray(encoder.encode(texts), dtype=np.float32) if texts else np.zeros((0, 1), np.float32)
    return [
        Report(
            doc=doc,
            shingles=shingle_hashes(doc.text, config.shingle),
            units=doc_units,
            rows=doc_rows,
            matrix=matrix,
            counted=np.array([len(words(t)) >= config.min_sentence_words for _, t in doc_units], dtype=bool),
            completeness=(len(doc_units), len(doc.text)),
        )
        for doc, doc_units, doc_rows in zip(docs, units, rows, strict=True)
    ]


# 2. Copy and excerpt candidates


def copy_candidates(
    reports: Sequence[Report],
    config: DerivationConfig,
    members: Sequence[int] | None = None,
    queries: Iterable[int] | None = None,
    signatures: dict[int, LeanMinHash] | None = None,
) -> set[Pair]:
    """Pairs whose shingle sets may contain one another, from one LSH Ensemble query per report.

    ``members`` (all reports when None) are indexed, and those of ``queries`` (all members when
    None) are asked about: a streamed derivation indexes its window and asks about one span of it,
    keeping the reports' MinHash ``signatures`` from one window to the next.
    """
    entries = []
    signatures = {} if signatures is None else signatures
    for i in range(len(reports)) if members is None else members:
        report = reports[i]
        if len(report.shingles):
            if i not in signatures:
                mh = MinHash(num_perm=config.minhash_perm, seed=1, hashfunc=int)  # shingles are hashed already
                mh.update_batch(report.shingles.tolist())
                signatures[i] = LeanMinHash(mh)
            entries.append((i, signatures[i], len(report.shingles)))
    if len(entries) < 2:
        return set()
    index = empty_ensemble(config.candidate_containment, config.minhash_perm)
    index.index(entries)
    pairs: set[Pair] = set()
    asked = None if queries is None else set(queries)
    for i, mh, size in entries if asked is None else [e for e in entries if e[0] in asked]:
        pairs.update((min(i, j), max(i, j)) for j in index.query(mh, size) if j != i)
    return pairs


_TUNED: dict[tuple[float, int, int, tuple[float, ...]], tuple[set[int], np.ndarray, np.ndarray]] = {}


class TunedOnce(MinHashLSHEnsemble):
    """An LSH Ensemble whose band settings are tuned once per threshold and size, not per index.

    Tuning integrates false-positive and false-negative curves (about 0.3 s); a streamed derivation
    makes one index per window, all with the same settings. Overrides a private method of
    datasketch (pinned in pyproject.toml): the results are the ones it computes.
    """

    xqs: np.ndarray
    params: np.ndarray

    def _init_optimal_params(self, weights: tuple[float, float]) -> set[int]:
        key = (self.threshold, self.h, self.m, tuple(weights))
        if key not in _TUNED:
            rs = super()._init_optimal_params(weights)
            _TUNED[key] = (set(rs), self.xqs, self.params)
        rs, xqs, params = _TUNED[key]
        self.xqs, self.params = xqs, params
        return set(rs)


def empty_ensemble(threshold: float, num_perm: int) -> MinHashLSHEnsemble:
    """A new, empty LSH Ensemble, its band settings tuned once per process."""
    return TunedOnce(threshold=threshold, num_perm=num_perm)


# 3. Rewrite candidates: the nearest reports come from ``derivation_nearest``


def copy_roots(links: Iterable[Link], reports: Sequence[Report]) -> dict[int, int]:
    """Each report a copy link explains (not one that contains its origin), mapped to its first origin."""
    best = break_cycles(best_links([link for link in links if not link.expands], reports), reports)
    return {derived: chain(best, derived)[-1] for derived in best}


def rewrite_pairs(
    pairs: Iterable[Pair],
    links: Sequence[Link],
    reports: Sequence[Report],
    wire: frozenset[int],
    held: Callable[[int], bool] | None = None,
) -> list[Pair]:
    """The candidate pairs worth a sentence alignment, in a stable order.

    A copy stands for its first origin, so that a rewrite is aligned once with a syndicated story,
    not once per copy of it; and a pair whose derived side is a copy or a part of another report is
    dropped, since that link beats any rewrite (step 5). A streamed derivation passes ``held``: a
    copy whose first origin has left the window stands for itself.
    """
    roots = copy_roots(links, reports)
    stand = roots if held is None else {d: r for d, r in roots.items() if held(r)}
    linked = {(min(link.derived, link.origin), max(link.derived, link.origin)) for link in links}
    out: set[Pair] = set()
    for i, j in pairs:
        a, b = stand.get(i, i), stand.get(j, j)
        pair = (min(a, b), max(a, b))
        if a != b and pair not in linked and orient(reports, *pair, wire)[0] not in roots:
            out.add(pair)
    return sorted(out)


# 4. Sentence alignment


def match_sentences(sims: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """One-to-one matching of rows to columns at ``threshold`` or above, closest pairs first.

    Greedy rather than scipy's optimal assignment: scipy is not a dependency of ours, and only the
    few pairs above the threshold compete. Returns which rows and which columns are matched.
    """
    rows, cols = np.nonzero(sims >= threshold)
    order = np.argsort(-sims[rows, cols], kind="stable")
    used_rows = np.zeros(sims.shape[0], dtype=bool)
    used_cols = np.zeros(sims.shape[1], dtype=bool)
    for r, c in zip(rows[order], cols[order], strict=True):
        if not used_rows[r] and not used_cols[c]:
            used_rows[r] = used_cols[c] = True
    return used_rows, used_cols


def align(derived: Report, origin: Report, config: DerivationConfig) -> Alignment:
    """Pair sentences one to one by cosine; the unpaired long sentences are the adds and drops.

    One to one, so that a new claim on the same topic as a paraphrased sentence cannot borrow that
    sentence's match in the origin. The sentences left over are then paired among themselves at
    ``leftover_cosine``: such loose pairs are rewordings, not new claims, but do not count as shared.
    """
    if not derived.units or not origin.units:
        return Alignment(0.0, 0, (), ())
    sims = derived.vectors @ origin.vectors.T
    matched_d, matched_o = match_sentences(sims, config.rewrite_sentence_cosine)
    counted = derived.counted if derived.counted.any() else np.ones_like(derived.counted)
    matched = int((matched_d & counted).sum())
    rest_d, rest_o = np.flatnonzero(~matched_d), np.flatnonzero(~matched_o)
    loose_d, loose_o = match_sentences(sims[np.ix_(rest_d, rest_o)], config.leftover_cosine)
    matched_d[rest_d[loose_d]] = True
    matched_o[rest_o[loose_o]] = True
    return Alignment(
        share=matched / int(counted.sum()),
        matched=matched,
        adds=_unmatched(derived, matched_d),
        drops=_unmatched(origin, matched_o),
    )


def _unmatched(report: Report, matched: np.ndarray) -> tuple[int, ...]:
    return tuple(idx for (idx, _), m, ok in zip(report.units, matched, report.counted, strict=True) if ok and not m)


# Orientation and classification


def compare_dates(a: IsoDate | None, b: IsoDate | None) -> int:
    """-1 when ``a`` is earlier, 1 when later, 0 when equal, unknown, or one is a prefix of the other."""
    if not a or not b:
        return 0
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def orient(
    reports: Sequence[Report], i: int, j: int, wire: frozenset[int] = frozenset()
) -> tuple[int, int, str | None]:
    """(derived, origin, note): the earlier report is the origin, else the wire one, else the more complete."""
    a, b = reports[i], reports[j]
    order = compare_dates(a.doc.published, b.doc.published)
    if order:
        return (j, i, None) if order < 0 else (i, j, None)
    if (i in wire) != (j in wire):
        return (j, i, WIRE_NOTE) if i in wire else (i, j, WIRE_NOTE)
    if a.completeness == b.completeness:
        first, second = (i, j) if a.doc.id <= b.doc.id else (j, i)
        return second, first, f"{COMPLETENESS_NOTE}; equal length, so the first by id"
    return (j, i, COMPLETENESS_NOTE) if a.completeness > b.completeness else (i, j, COMPLETENESS_NOTE)


def copy_link(reports: Sequence[Report], pair: Pair, config: DerivationConfig) -> Link | None:
    """A duplicate or excerpt link for the pair, from exact shingle overlap and word order, or None."""
    derived, origin, note = orient(reports, *pair)
    a, b = reports[derived].shingles, reports[origin].shingles
    shared = hashed_overlap(a, b)
    score = shared / (len(a) + len(b) - shared) if len(a) or len(b) else 0.0
    relation: Relation = "duplicate"
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if score < config.duplicate_jaccard:
        relation, score = "excerpt", shared / len(short) if len(short) else 0.0
        if score < config.excerpt_containment or not is_part(len(short), len(long_), config):
            return None
    texts = (reports[derived].doc.text, reports[origin].doc.text)
    if not keeps_order(*(texts if short is a else texts[::-1]), config.shingle, config.copy_order_share):
        return None  # sentences moved or reworded: an edited copy, which step 4 aligns
    expands = relation == "excerpt" and short is b
    if expands:
        note = "; ".join(filter(None, [note, "the later report contains the origin and adds to it"]))
    return Link(derived, origin, relation, score, note, expands=expands)


def is_part(short: int, long_: int, config: DerivationConfig) -> bool:
    """True when the shorter report is shorter by more than copies may differ: it can be a part.

    Two reports of nearly one size that overlap above ``excerpt_containment`` but below
    ``duplicate_jaccard`` differ inside, not at an end: that is an edited copy, and sentence
    alignment decides whether it is a rewrite.
    """
    return short <= config.duplicate_jaccard * long_


def wire_reports(reports: Sequence[Report], copies: Iterable[Link]) -> frozenset[int]:
    """Reports that others copied verbatim, or with an agency dateline: the likely originals."""
    copied = {i for link in copies if link.relation == "duplicate" for i in (link.derived, link.origin)}
    dated = {i for i, r in enumerate(reports) if r.doc.dateline and _AGENCY_DATELINE.search(r.doc.dateline)}
    return frozenset(copied | dated)


def rewrite_link(
    reports: Sequence[Report], pair: Pair, config: DerivationConfig, wire: frozenset[int] = frozenset()
) -> Link | None:
    derived, origin, note = orient(reports, *pair, wire)
    alignment = align(reports[derived], reports[origin], config)
    if alignment.share < config.rewrite_share or alignment.matched < config.rewrite_min_sentences:
        return None
    return Link(derived, origin, "rewrite", alignment.share, note)


# 5. Best origins and chains


def best_links(links: Iterable[Link], reports: Sequence[Report]) -> dict[int, Link]:
    """For each derived report, its strongest link: copy over excerpt over rewrite, then score.

    A report that contains a shorter earlier one takes that link last: the origin explains only a
    part of it, and a rewrite of a whole report, say, explains more.
    """
    best: dict[int, Link] = {}
    for link in sorted(links, key=lambda x: (x.expands, _STRENGTH[x.relation], -x.score, reports[x.origin].doc.id)):
        best.setdefault(link.derived, link)
    return best


def break_cycles(
    best: dict[int, Link], reports: Sequence[Report], starts: Iterable[int] | None = None
) -> dict[int, Link]:
    """Drop the link of the most complete report on each cycle; it becomes that chain's origin.

    With ``starts``, only cycles through those reports are looked for, and only their links dropped:
    a streamed derivation adds the links of one span to ones already given out.
    """
    best = dict(best)
    fixed = None if starts is None else set(best) - set(starts)
    for start in sorted(best) if starts is None else sorted(starts):
        path: list[int] = []
        node: int | None = start
        while node is not None and node in best and node not in path:
            path.append(node)
            node = best[node].origin
        if node is not None and node in path:
            cycle = [n for n in path[path.index(node) :] if fixed is None or n not in fixed]
            top = min(cycle, key=lambda n: (*(-x for x in reports[n].completeness), reports[n].doc.id))
            del best[top]
    return best


def chain(best: dict[int, Link], derived: int) -> list[int]:
    """The origins from the direct one up to the first; ``best`` must have no cycles.

    A chain stops at a report that contains its origin and adds to it: what is derived from that
    report has its additions, which the earlier origin never had, so it is the first origin.
    """
    out = [best[derived].origin]
    while out[-1] in best and not best[out[-1]].expands:
        out.append(best[out[-1]].origin)
    return out


def derivation_record(
    reports: Sequence[Report],
    best: dict[int, Link],
    derived: int,
    config: DerivationConfig,
    wire: frozenset[int] = frozenset(),
) -> Derivation:
    """The Derivation of ``derived`` from its first origin, re-measured when reached through a chain."""
    link, origins = best[derived], chain(best, derived)
    root = origins[-1]
    relation, score, note = link.relation, link.score, link.note
    if root != link.origin:
        steps = [link.relation, *(best[o].relation for o in origins[:-1])]
        relation = max(steps, key=lambda r: _STRENGTH[r])
        score = chained_score(reports[derived], reports[root], relation, config)
        via = ", ".join(reports[o].doc.id for o in origins[:-1])
        note = "; ".join(filter(None, [orient(reports, derived, root, wire)[2], f"derived through {via}"]))
    alignment = align(reports[derived], reports[root], config)
    return Derivation(
        document=reports[derived].doc.id,
        origin=reports[root].doc.id,
        relation=relation,
        score=float(score),
        adds=alignment.adds,
        drops=alignment.drops,
        note=note,
    )


def chained_score(derived: Report, root: Report, relation: Relation, config: DerivationConfig) -> float:
    shared = hashed_overlap(derived.shingles, root.shingles)
    sizes = sorted((len(derived.shingles), len(root.shingles)))
    if relation == "duplicate":
        return shared / (sum(sizes) - shared) if sum(sizes) else 0.0
    if relation == "excerpt":
        return shared / sizes[0] if sizes[0] else 0.0
    return align(derived, root, config).share


def find_derivations(story: Story, encoder: Encoder, config: DerivationConfig) -> tuple[Derivation, ...]:
    """Every derived report of the story with its first origin, ordered by document id."""
    # 1. shingles, sentence units and their vectors
    reports = make_reports(story.documents, encoder, config)
    # 2. copy and excerpt candidates; 3. rewrite candidates
    candidates = copy_candidates(reports, config)
    vectors = document_vectors(reports)
    if config.rewrite_window_days is None:
        nearest = nearest_pairs(vectors, config.rewrite_candidates)
    else:
        nearest = windowed_nearest_pairs(
            vectors, day_numbers(reports), config.rewrite_candidates, config.rewrite_window_days
        )
    # exact overlap decides copies and excerpts on every pair compared, however it was found
    compared = candidates | nearest
    links = [link for pair in sorted(compared) if (link := copy_link(reports, pair, config)) is not None]
    wire = wire_reports(reports, links)
    # 4. sentence alignment decides, unless a copy link already explains the report
    for pair in rewrite_pairs(compared, links, reports, wire):
        rewrite = rewrite_link(reports, pair, config, wire)
        if rewrite is not None:
            links.append(rewrite)
    # 5. best origin per report, chains followed to the first origin
    best = break_cycles(best_links(links, reports), reports)
    return tuple(derivation_record(reports, best, d, config, wire) for d in sorted(best))


def build(config: Config, encoder: Encoder | None = None) -> Stage[Story]:
    """The ``derivation`` corpus stage. The encoder is loaded on first use when not given."""
    loaded: list[Encoder] = [encoder] if encoder is not None else []

    def derive(story: Story) -> Story:
        if not loaded:
            loaded.append(get_encoder(config))
        if config.derivation.streamed:
            from storyline.corpus.derivation_stream import find_derivations_streamed  # it imports this module

            found = find_derivations_streamed(story.documents, loaded[0], config.derivation)
            return replace(story, derivations=found)
        return replace(story, derivations=find_derivations(story, loaded[0], config.derivation))

    return Stage(name="derivation", func=derive, requires=(), provides=("derivation",))
