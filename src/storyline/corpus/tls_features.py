"""Features of a timeline's candidate sentences for one date, and the linear weights that score them.

A candidate's score is the dot product of its features with ``SENTENCE_WEIGHTS``; the weights were
fitted on Timeline17 (see the comment above them), and the evaluation uses the weights fitted
without the topic it scores (``SENTENCE_WEIGHTS_WITHOUT``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

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
)

Weights = tuple[float, ...]

# Fitted by ridge regression (alpha 1.0, no intercept) on the candidates (``tls.day_candidates``,
# default settings) of every reference date of Timeline17's 12 timelines that has two or more: the
# features and the target are centred within each date, and the target is a candidate's ROUGE-1 F1
# plus its ROUGE-2 F1 against that date's reference summary (``storyline.eval.rouge`` counts).
# SENTENCE_WEIGHTS: all five topics. SENTENCE_WEIGHTS_WITHOUT[topic]: the other four topics only,
# so that ``storyline eval timeline17`` scores each topic with weights that never saw it.
# The candidate settings (max_words 35, published_after 1) were chosen the same way, leave one
# topic out, among max_words 35 or 50 and published_after 1 or 2.
SENTENCE_WEIGHTS: Weights = (
    0.5798, 0.2008, -0.0288, -0.0257, 0.0162, -0.0087, -0.0055, -0.0223, -0.0236, -0.0073, 0.0207, 0.0073, 0.0142,
)  # fmt: skip
SENTENCE_WEIGHTS_WITHOUT: dict[str, Weights] = {
    "H1N1": (
        0.5973, 0.1987, -0.0341, -0.0272, 0.0186, -0.0101, -0.0065,
        -0.0259, -0.0284, -0.0108, 0.0242, 0.0081, 0.0125,
    ),
    "LibyaWar": (
        0.5240, 0.2416, -0.0272, -0.0165, 0.0098, -0.0043, -0.0034,
        -0.0022, -0.0047, -0.0080, 0.0236, 0.0079, 0.0133,
    ),
    "MJ": (
        0.5876, 0.1867, -0.0285, -0.0254, 0.0161, -0.0078, -0.0054,
        -0.0229, -0.0236, -0.0067, 0.0191, 0.0064, 0.0145,
    ),
    "bpoil": (
        0.6383, 0.1054, -0.0003, -0.0401, 0.0310, -0.0244, -0.0102,
        -0.0737, -0.0633, 0.0042, 0.0139, 0.0027, 0.0147,
    ),
    "haiti": (
        0.5955, 0.2100, -0.0317, -0.0304, 0.0175, -0.0073, -0.0060,
        -0.0266, -0.0285, -0.0071, 0.0178, 0.0077, 0.0154,
    ),
}  # fmt: skip

_QUOTE = re.compile(r"[\"“”]|``|''")


def sentence_features(
    day: date,
    candidates: Sequence[DatedSentence],
    rows: sparse.csr_matrix,
    topic_centroid: np.ndarray,
    pattern: re.Pattern[str] | None,
) -> np.ndarray:
    """One row of ``SENTENCE_FEATURES`` per candidate; ``rows`` are their unit TF-IDF vectors."""
    centroid = np.asarray(rows.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = rows @ centroid / norm if norm else np.zeros(len(candidates))
    topic_norm = np.linalg.norm(topic_centroid)
    topic = rows @ topic_centroid / topic_norm if topic_norm else np.zeros(len(candidates))
    out = np.zeros((len(candidates), len(SENTENCE_FEATURES)))
    out[:, 0] = centrality
    out[:, 1] = topic
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
        )
    return out
