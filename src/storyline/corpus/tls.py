"""Timeline summarization: pick a story's L most important dates and K sentences for each.

The method, a DATEWISE-like baseline that uses our time tagger instead of HeidelTime:
  1. date the sentences: each day-precision date that ``storyline.time.tag`` resolves in a
     sentence, against its article's publication date, is a mention of that day;
  2. rank the dates in [start, end]: score = on-topic sentences that mention the date + distinct
     articles that mention it + ``published_weight`` x articles published that day (the
     publication date is a weaker vote: many reports are published the day after);
  3. candidates for a date: the sentences of the pool (``candidate_pool``: the on-topic sentences,
     and every sentence of an article with ``article_hits`` or more of them) that mention it, and the
     pool's lead lines (the first ``lead_lines``) without a day mention of the articles published that
     day or up to ``published_after`` days later, each of ``min_words`` to ``max_words`` words;
  4. score each candidate by a linear model (``storyline.corpus.tls_features``: TF-IDF centrality
     to the date's candidates and to the topic, whether and how early it names the date, lead line,
     publication lag, length, quotation, keywords, support across articles, plans, figures, wire
     credits, timeline-style lines) and take the K best, greedily, skipping a
     sentence too close (cosine > ``redundancy``) to one already chosen for any date.
A sentence is on-topic when it contains one of the keywords, case-insensitively (all are when no
keywords are given). The sentence weights, ``article_hits`` and ``redundancy`` were fitted and
chosen on Timeline17 (``storyline.eval.timeline17_fit``) and ship as constants in ``tls_weights``; the
date ranking and the other settings are fixed defaults.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from storyline.corpus.tls_features import ARTICLE_HITS, REDUNDANCY, SENTENCE_WEIGHTS, Weights, sentence_features
from storyline.time import tag
from storyline.time.iso_dates import day_of

ArticleId = str


@dataclass(frozen=True)
class TlsSettings:
    published_weight: float = 0.5
    lead_lines: int = 5
    min_words: int = 5
    max_words: int = 35
    published_after: int = 1
    redundancy: float = REDUNDANCY
    article_hits: int = ARTICLE_HITS
    sentence_weights: Weights = SENTENCE_WEIGHTS


@dataclass(frozen=True)
class DatedSentence:
    """One sentence of an article: ``text`` is returned as is, ``plain`` is read (tagged, compared)."""

    text: str
    plain: str
    article: ArticleId
    published: date
    position: int
    mentions: tuple[date, ...]
    first_mention: int = -1  # offset in ``plain`` of the first day mention, -1 without one


@dataclass(frozen=True)
class TimelineDay:
    date: date
    sentences: tuple[str, ...]


def mentioned_days(plain: str, published: date) -> tuple[date, ...]:
    """The days that ``plain`` names at day precision, resolved against ``published``."""
    return _day_mentions(plain, published)[0]


def _day_mentions(plain: str, published: date) -> tuple[tuple[date, ...], int]:
    """(the days ``plain`` names at day precision, the offset of the first such mention or -1)."""
    days: list[date] = []
    first = -1
    for expr in tag(plain, published):
        if (day := day_of(expr.date, coarse=None)) is not None:
            days.append(day)
            first = expr.start if first < 0 else min(first, expr.start)
    return tuple(dict.fromkeys(days)), first


def date_article(
    article: ArticleId, published: date, lines: Sequence[str], plain: Sequence[str] | None = None
) -> list[DatedSentence]:
    """The sentences of one article (one a line), each with the days it mentions.

    ``plain`` are the same lines as the tagger should read them (detokenized); ``lines`` by default.
    """
    plain = plain if plain is not None else lines
    return [
        DatedSentence(text, read, article, published, i, *_day_mentions(read, published))
        for i, (text, read) in enumerate(zip(lines, plain, strict=True))
        if read.strip()
    ]


def keyword_filter(keywords: Iterable[str]) -> re.Pattern[str] | None:
    """A case-insensitive pattern that finds any keyword, or None (everything is on-topic)."""
    words = [re.escape(k.strip()) for k in keywords if k.strip()]
    return re.compile("|".join(words), re.IGNORECASE) if words else None


def summarize(
    sentences: Sequence[DatedSentence],
    n_dates: int,
    per_date: int,
    keywords: Iterable[str] = (),
    start: date | None = None,
    end: date | None = None,
    settings: TlsSettings | None = None,
) -> list[TimelineDay]:
    """A timeline of at most ``n_dates`` dates with at most ``per_date`` sentences each, by date."""
    settings = settings or TlsSettings()
    keywords = tuple(keywords)
    pattern = keyword_filter(keywords)
    on_topic = [s for s in sentences if pattern is None or pattern.search(s.plain)]
    pool = candidate_pool(sentences, pattern, settings.article_hits)
    # 1.-2. rank the dates
    ranked = rank_dates(sentences, on_topic, start, end, settings)[:n_dates]
    if not ranked or not on_topic:
        return []
    # 3.-4. pick each date's sentences
    topic = TopicSpace.of(on_topic)
    chosen: list[Any] = []
    timeline = []
    by_day = candidates_by_day(pool, settings)
    for day in sorted(ranked):
        candidates = by_day.get(day, [])
        if not candidates:
            continue
        rows, scores = topic.scored(day, candidates, pattern, settings)
        picked = select(candidates, rows, scores, per_date, chosen, settings.redundancy)
        if picked:
            timeline.append(TimelineDay(day, tuple(s.text for s in picked)))
    return timeline


@dataclass(frozen=True, eq=False)  # arrays: no field-wise equality
class TopicSpace:
    """The TF-IDF space of a story's sentences and their centroid (the story's topic), in which stage 3 scores a
    day's candidate sentences."""

    vectorizer: TfidfVectorizer
    centroid: np.ndarray

    @classmethod
    def of(cls, sentences: Sequence[DatedSentence]) -> TopicSpace:
        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(s.plain for s in sentences)
        return cls(vectorizer, np.asarray(vectorizer.transform([s.plain for s in sentences]).mean(axis=0)).ravel())

    def scored(
        self, day: date, candidates: Sequence[DatedSentence], pattern: re.Pattern[str] | None, settings: TlsSettings
    ) -> tuple[sparse.csr_matrix, np.ndarray]:
        """The candidates' TF-IDF rows and their scores by the fitted sentence weights."""
        rows = self.vectorizer.transform([s.plain for s in candidates]).tocsr()
        features = sentence_features(day, candidates, rows, self.centroid, pattern)
        return rows, features @ np.asarray(settings.sentence_weights)


def candidate_pool(
    sentences: Sequence[DatedSentence], pattern: re.Pattern[str] | None, article_hits: int
) -> list[DatedSentence]:
    """The sentences a date's candidates come from: the on-topic ones and, when ``article_hits`` > 0,
    every sentence of an article with at least ``article_hits`` on-topic sentences."""
    on_topic = [s for s in sentences if pattern is None or pattern.search(s.plain) is not None]
    if article_hits < 1 or pattern is None:
        return on_topic
    hits: dict[ArticleId, int] = defaultdict(int)
    for s in on_topic:
        hits[s.article] += 1
    return [s for s in sentences if hits[s.article] >= article_hits or pattern.search(s.plain) is not None]


def in_span(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def rank_dates(
    sentences: Sequence[DatedSentence],
    on_topic: Sequence[DatedSentence],
    start: date | None,
    end: date | None,
    settings: TlsSettings,
) -> list[date]:
    """Dates by score (sentence mentions + mentioning articles + weighted publications), best first."""
    score = date_scores(sentences, on_topic, start, end, settings)
    return [day for day, _ in sorted(score.items(), key=lambda item: (-item[1], item[0]))]


def date_scores(
    sentences: Sequence[DatedSentence],
    on_topic: Sequence[DatedSentence],
    start: date | None,
    end: date | None,
    settings: TlsSettings,
) -> dict[date, float]:
    """Each date's score in [start, end], as ``rank_dates`` ranks them."""
    score: dict[date, float] = defaultdict(float)
    articles: dict[date, set[ArticleId]] = defaultdict(set)
    for s in on_topic:
        for day in s.mentions:
            if in_span(day, start, end):
                score[day] += 1.0
                articles[day].add(s.article)
    for day, ids in articles.items():
        score[day] += len(ids)
    published = {(s.article, s.published) for s in sentences}
    for _, day in published:
        if in_span(day, start, end):
            score[day] += settings.published_weight
    return dict(score)


def _fits(s: DatedSentence, settings: TlsSettings) -> bool:
    return settings.min_words <= len(s.plain.split()) <= settings.max_words


def day_candidates(
    day: date,
    on_topic: Sequence[DatedSentence],
    settings: TlsSettings,
) -> list[DatedSentence]:
    """On-topic sentences that mention ``day``, and the undated on-topic lead lines of the articles
    published that day or up to ``published_after`` days later."""
    return candidates_by_day(on_topic, settings).get(day, [])


def candidates_by_day(pool: Sequence[DatedSentence], settings: TlsSettings) -> dict[date, list[DatedSentence]]:
    """``day_candidates`` for every day at once, each in pool order and without repeated text."""
    found: dict[date, dict[str, DatedSentence]] = defaultdict(dict)
    for s in pool:
        if not _fits(s, settings):
            continue
        if s.mentions:
            days: Iterable[date] = s.mentions
        elif s.position < settings.lead_lines:
            days = (s.published - timedelta(days=k) for k in range(settings.published_after + 1))
        else:
            continue
        for day in days:
            found[day].setdefault(s.plain, s)
    return {day: list(unique.values()) for day, unique in found.items()}


def select(
    candidates: Sequence[DatedSentence],
    rows: sparse.csr_matrix,
    scores: np.ndarray,
    k: int,
    chosen: list[Any],
    redundancy: float,
) -> list[DatedSentence]:
    """Up to ``k`` best-scored candidates, none closer than ``redundancy`` to an earlier choice.

    ``rows`` are the candidates' unit-length TF-IDF rows; ``chosen`` holds the rows picked so far,
    for every date, and is extended in place.
    """
    if not candidates or k < 1:
        return []
    earlier = sparse.vstack(chosen) if chosen else None
    picked: list[DatedSentence] = []
    for i in np.argsort(-scores, kind="stable"):
        row = rows[i]
        if earlier is not None and (earlier @ row.T).max() > redundancy:
            continue
        picked.append(candidates[i])
        chosen.append(row)
        earlier = sparse.vstack([earlier, row]) if earlier is not None else row
        if len(picked) == k:
            break
    return picked
