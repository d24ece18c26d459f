"""Features of a timeline's candidate sentences for one date, and the linear weights that score them.

A candidate's score is the dot product of its features with ``SENTENCE_WEIGHTS``; the weights were
fitted on Timeline17 (``storyline.eval.timeline17_fit`` writes them into ``tls_weights``), and the
evaluation uses the weights fitted without the topic it scores (``SENTENCE_WEIGHTS_WITHOUT``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from storyline.corpus import tls_weights

if TYPE_CHECKING:
    from storyline.corpus.tls import DatedSentence

SENTENCE_FEATURES = (
    "centrality",  # TF-IDF cosine to the centroid of the date's candidates
    "topic_centrality",  # TF-IDF cosine to the centroid of every on-topic sentence
    "mentions_day",  # the sentence names the date
    "other_days",  # how many other days it names (at most 3)
    "early_mention",  # it names a day within its first 40 characters
    "lead",  # it is its article's first line
    "position",  # log(1 + its line number in the article)
    "published_on_day",  # its article was published on the date
    "published_next_days",  # ... one or two days after it
    "length_band",  # 12 to 40 words
    "log_words",  # log(words)
    "quote_or_question",  # a question, or a quotation mark in the sentence
    "keywords",  # how many keywords it contains (at most 3)
    "support",  # log(1 + other articles with a near-same candidate: TF-IDF cosine > 0.5)
    "future",  # a plan, not a happening: "will", "is due to", "is expected to", "plans to"
    "number",  # it has a figure (a digit)
    "wire_credit",  # a wire credit or page furniture: "(AP)", "(Reuters)", a bar "|"
    "timeline_entry",  # it opens with this date then a colon or dash, like a timeline's line
)

Weights = tuple[float, ...]

# SENTENCE_WEIGHTS (all five topics) and SENTENCE_WEIGHTS_WITHOUT[topic] (the other four only, so
# that ``storyline eval timeline17`` scores each topic with weights that never saw it), with the
# ``TlsSettings.article_hits`` and ``TlsSettings.redundancy`` chosen alongside them, are fitted by
# ``storyline.eval.timeline17_fit`` (ridge on each candidate's ROUGE-1 F1 + ROUGE-2 F1) and generated
# into ``tls_weights``.
SENTENCE_WEIGHTS: Weights = tls_weights.SENTENCE_WEIGHTS
SENTENCE_WEIGHTS_WITHOUT: dict[str, Weights] = tls_weights.SENTENCE_WEIGHTS_WITHOUT
ARTICLE_HITS: int = tls_weights.ARTICLE_HITS
ARTICLE_HITS_WITHOUT: dict[str, int] = tls_weights.ARTICLE_HITS_WITHOUT
REDUNDANCY: float = tls_weights.REDUNDANCY
REDUNDANCY_WITHOUT: dict[str, float] = tls_weights.REDUNDANCY_WITHOUT

_QUOTE = re.compile(r"[\"“”]|``|''")
_FUTURE = re.compile(r"\b(will|won't|is due to|are due to|is expected to|are expected to|plans? to)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_WIRE = re.compile(r"\((AP|Reuters|AFP)\)|\|")
_ENTRY = re.compile(r"^\W{0,3}[^:;,.]{0,25}?\d[^:;.]{0,12}?\s?(:|-|–|—)\s")


def sentence_features(
    day: date,
    candidates: Sequence[DatedSentence],
    rows: sparse.csr_matrix,
    topic_centroid: np.ndarray,
    pattern: re.Pattern[str] | None,
) -> np.ndarray:
    """One row of ``SENTENCE_FEATURES`` per candidate; ``rows`` are their unit TF-IDF vectors."""
    centroid = np.asarray(rows.mean(axis=0)).ravel()
    norm = _norm(centroid)
    centrality = rows @ centroid / norm if norm else np.zeros(len(candidates))
    topic_norm = _norm(topic_centroid)
    topic = rows @ topic_centroid / topic_norm if topic_norm else np.zeros(len(candidates))
    out = np.zeros((len(candidates), len(SENTENCE_FEATURES)))
    out[:, 0] = centrality
    out[:, 1] = topic
    support = _support(candidates, rows)
    for i, s in enumerate(candidates):
        words = len(s.plain.split())
        delta = (s.published - day).days
        out[i, 2:] = (
            day in s.mentions,
            min(len(s.mentions) - (day in s.mentions), 3),
            0 <= s.first_mention < 40,
            s.position == 0,
            np.log1p(s.position),
            delta == 0,
            1 <= delta <= 2,
            12 <= words <= 40,
            np.log(max(words, 1)),
            s.plain.rstrip().endswith("?") or bool(_QUOTE.search(s.text)),
            min(len(pattern.findall(s.plain)), 3) if pattern is not None else 0,
            np.log1p(support[i]),
            bool(_FUTURE.search(s.plain)),
            bool(_DIGIT.search(s.plain)),
            bool(_WIRE.search(s.plain)),
            s.first_mention >= 0 and s.mentions[0] == day and bool(_ENTRY.match(s.plain)),
        )
    return out


def _norm(vector: np.ndarray) -> float:
    """The Euclidean norm, summed in numpy rather than by BLAS (whose threads stall on a busy machine)."""
    return float(np.sqrt(np.square(vector).sum()))


def _support(candidates: Sequence[DatedSentence], rows: sparse.csr_matrix, near: float = 0.5) -> list[int]:
    """For each candidate, how many other articles have a candidate closer than ``near`` (cosine)."""
    similar = (rows @ rows.T).tocoo()
    others: list[set[str]] = [set() for _ in candidates]
    for i, j, v in zip(similar.row, similar.col, similar.data, strict=True):
        if v > near and candidates[i].article != candidates[j].article:
            others[i].add(candidates[j].article)
    return [len(o) for o in others]
