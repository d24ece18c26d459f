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
     ``rewrite_sentence_cosine``. A rewrite needs ``rewrite_share`` of its sentences paired, or,
     when it merged and split sentences, ``rewrite_core_share`` paired and ``rewrite_reworded_share``
     with a looser counterpart (``is_rewrite``); two articles on the same story share names and
     places but few whole sentences, so they stay apart.
     A copy stands for its first origin, and a pair is not aligned when the report it would make
     derived is already a copy or a part of another, since that link beats any rewrite (step 5): a
     syndicated story costs one alignment per rewrite, not one per copy.
  5. Each derived report keeps its best origin; chains are followed to the first origin, but not past
     a report that contains its origin and adds to it (its copies have what the origin lacks).

The decisions of steps 2, 4 and 5 are in ``derivation_relation``: how a pair is related, which of
it is the origin (the earlier, else the wire report, else the more complete), and chains.
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
from storyline.corpus.derivation_relation import (
    COMPLETENESS_NOTE,
    OWN_DATELINE_NOTE,
    WIRE_NOTE,
    Alignment,
    Link,
    Pair,
    align,
    best_links,
    break_cycles,
    chain,
    chained_score,
    compare_dates,
    copy_link,
    derivation_record,
    hashed_overlap,
    is_part,
    is_rewrite,
    match_sentences,
    orient,
    rewrite_link,
    wire_reports,
)
from storyline.corpus.embeddings import Encoder, get_encoder
from storyline.pipeline import Stage
from storyline.records import Derivation, Document, Story

# Re-exported: the names of ``derivation_relation`` stay importable from here, where they were first.
__all__ = [
    "COMPLETENESS_NOTE",
    "OWN_DATELINE_NOTE",
    "WIRE_NOTE",
    "Alignment",
    "Link",
    "Pair",
    "Report",
    "align",
    "best_links",
    "break_cycles",
    "build",
    "chain",
    "chained_score",
    "compare_dates",
    "containment",
    "copy_candidates",
    "copy_link",
    "copy_roots",
    "derivation_record",
    "empty_ensemble",
    "find_derivations",
    "hashed_overlap",
    "is_part",
    "is_rewrite",
    "jaccard",
    "make_reports",
    "match_sentences",
    "orient",
    "rewrite_link",
    "rewrite_pairs",
    "sentence_units",
    "shingle_hashes",
    "shingle_set",
    "wire_reports",
    "words",
]

_WORD = re.compile(r"\w+")


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
