"""Fit the timeline's sentence weights on Timeline17, leave one topic out, and write them as code.

``python -m storyline.eval.timeline17_fit DIR`` regenerates ``src/storyline/corpus/tls_weights.py`` (then
``ruff format`` it; about 13 minutes on a loaded 2-core machine, most of it scoring the choices):
  1. examples: for every reference date of every timeline that has two or more candidates
     (``tls.day_candidates`` from ``tls.candidate_pool``, the articles of the timeline's span), each
     candidate's ``tls_features.sentence_features`` and its target, ROUGE-1 F1 + ROUGE-2 F1
     (``storyline.eval.rouge`` n-grams) against that date's reference summary ("day") or against the
     summary's sentence it matches best ("sentence": each chosen sentence should tell one of the
     day's events); features and target are centred within each date (only the order within a date
     matters);
  2. weights: ridge regression (``ALPHA``, no intercept, every candidate weighted equally);
  3. two choices, from ``GRID``: the target ("day" or "sentence") and ``redundancy`` (the cosine
     above which a sentence repeats one chosen for any date). For a
     held-out topic T, each choice is scored on every other topic U with weights fitted on the three
     topics that are neither T nor U; the choice with the best mean ROUGE-1 F1 + ROUGE-2 F1 (news-tls
     averages) wins, and T's weights are then fitted on the four other topics
     (``SENTENCE_WEIGHTS_WITHOUT[T]``, ``ARTICLE_HITS_WITHOUT[T]``, ``REDUNDANCY_WITHOUT[T]``). T is
     never seen, neither by its weights nor by its choice. (The first method's 13 features and
     ``article_hits`` 0 used to be choices too; every topic chose all the features and
     ``article_hits`` 2 in every fit, and a smaller grid keeps the fit near 10 minutes.)
  4. the shipped defaults (``SENTENCE_WEIGHTS``, ``ARTICLE_HITS``, ``REDUNDANCY``) take the choice
     with the best leave-one-topic-out score over all five topics, fitted on all of them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from storyline.corpus.tls import DatedSentence, TlsSettings, candidate_pool, day_candidates, keyword_filter
from storyline.corpus.tls_features import SENTENCE_FEATURES, Weights, sentence_features
from storyline.eval.rouge import macro_average, rouge_counts
from storyline.eval.timeline17 import TimelineScore, Topic, dated_sentences, protocol, read_timeline17, score_timeline

Target = Literal["day", "sentence"]
ALPHA = 1.0
FIRST_FEATURES = SENTENCE_FEATURES[:13]  # the first method's features
WEIGHTS_MODULE = Path(__file__).resolve().parent.parent / "corpus" / "tls_weights.py"


@dataclass(frozen=True)
class Choice:
    """One setting the fit chooses among: where candidates come from, and which features weigh."""

    article_hits: int
    features: tuple[str, ...]
    redundancy: float = TlsSettings.redundancy
    target: Target = "day"

    def label(self) -> str:
        return (
            f"article_hits={self.article_hits}, {len(self.features)} features, "
            f"redundancy={self.redundancy}, target={self.target}"
        )


GRID = tuple(
    Choice(2, SENTENCE_FEATURES, redundancy, target) for target in ("day", "sentence") for redundancy in (0.4, 0.5, 0.6)
)


@dataclass(frozen=True)
class DateExamples:
    """The centred features and targets of one reference date's candidates."""

    topic: str
    features: np.ndarray
    target: np.ndarray


def _f1(hits: int, system: int, reference: int) -> float:
    return 2 * hits / (system + reference) if system + reference else 0.0


def candidate_target(sentence: str, reference: Sequence[str], target: Target = "day") -> float:
    """ROUGE-1 F1 + ROUGE-2 F1 of one sentence against one date's reference summary ("day"), or
    against the summary's sentence it matches best ("sentence")."""
    if target == "sentence":
        return max((candidate_target(sentence, [line]) for line in reference), default=0.0)
    total = 0.0
    for n in (1, 2):
        c = rouge_counts([sentence], reference, n)
        total += _f1(c.hits, c.system, c.reference)
    return total


def topic_examples(
    topic: Topic, sentences: Sequence[DatedSentence], settings: TlsSettings, target: Target = "day"
) -> list[DateExamples]:
    """One ``DateExamples`` for each reference date (of each timeline) with two or more candidates."""
    pattern = keyword_filter(topic.keywords)
    out = []
    for reference in topic.timelines:
        start, end, _, _ = protocol(reference)
        span = [s for s in sentences if start <= s.published <= end]
        on_topic = [s for s in span if pattern is None or pattern.search(s.plain)]
        if not on_topic:
            continue
        pool = candidate_pool(span, pattern, settings.article_hits)
        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(s.plain for s in on_topic)
        centroid = np.asarray(vectorizer.transform([s.plain for s in on_topic]).mean(axis=0)).ravel()
        for day, summary in sorted(reference.days.items()):
            candidates = day_candidates(day, pool, settings)
            if len(candidates) < 2:
                continue
            rows = vectorizer.transform([s.plain for s in candidates]).tocsr()
            x = sentence_features(day, candidates, rows, centroid, pattern)
            y = np.array([candidate_target(s.text, summary, target) for s in candidates])
            out.append(DateExamples(topic.name, x - x.mean(axis=0), y - y.mean()))
    return out


def fit_ridge(examples: Sequence[DateExamples], features: Sequence[str] = SENTENCE_FEATURES) -> Weights:
    """Ridge weights (no intercept, every candidate weighted equally); unused features weigh 0."""
    used = [SENTENCE_FEATURES.index(f) for f in features]
    x = np.vstack([e.features[:, used] for e in examples])
    y = np.concatenate([e.target for e in examples])
    fitted = np.linalg.solve(x.T @ x + ALPHA * np.eye(len(used)), x.T @ y)
    weights = np.zeros(len(SENTENCE_FEATURES))
    weights[used] = fitted
    return tuple(round(float(v), 4) for v in weights)


@dataclass(frozen=True)
class FitData:
    """The topics with their dated sentences, and each choice's examples (by ``article_hits``)."""

    topics: tuple[tuple[Topic, tuple[DatedSentence, ...]], ...]
    examples: dict[tuple[int, Target], tuple[DateExamples, ...]]

    def fit(self, choice: Choice, without: set[str]) -> Weights:
        examples = self.examples[choice.article_hits, choice.target]
        return fit_ridge([e for e in examples if e.topic not in without], choice.features)


def score_topic(
    topic: Topic, sentences: Sequence[DatedSentence], choice: Choice, weights: Weights
) -> list[TimelineScore]:
    settings = replace(
        TlsSettings(), article_hits=choice.article_hits, sentence_weights=weights, redundancy=choice.redundancy
    )
    return [score_timeline(topic, reference, sentences, settings)[0] for reference in topic.timelines]


def criterion(scores: Sequence[TimelineScore]) -> float:
    """news-tls's averaged ROUGE-1 F1 + ROUGE-2 F1."""
    return macro_average([s.rouge1 for s in scores]).f1 + macro_average([s.rouge2 for s in scores]).f1


def choose(data: FitData, held_out: str | None) -> tuple[Choice, dict[Choice, float]]:
    """The choice with the best score on the topics other than ``held_out``, each scored with weights
    fitted on neither it nor ``held_out``; and every choice's score."""
    marks: dict[Choice, float] = {}
    for choice in GRID:
        scores: list[TimelineScore] = []
        for topic, sentences in data.topics:
            if topic.name != held_out:
                weights = data.fit(choice, {topic.name} | ({held_out} if held_out else set()))
                scores += score_topic(topic, sentences, choice, weights)
        marks[choice] = criterion(scores)
    return max(GRID, key=lambda c: marks[c]), marks


def _format(weights: Weights) -> str:
    return "(" + ", ".join(f"{v:.4f}" for v in weights) + ")"


def weights_module(
    everything: Weights, best: Choice, without: dict[str, Weights], chosen: dict[str, Choice], notes: Sequence[str]
) -> str:
    """The source of ``storyline.corpus.tls_weights``."""
    lines = [
        '"""The timeline\'s sentence weights (one per ``tls_features.SENTENCE_FEATURES``) and its choices.',
        "",
        "Generated by ``python -m storyline.eval.timeline17_fit DIR`` on Timeline17: ridge on each candidate's",
        "ROUGE-1 F1 + ROUGE-2 F1; ``*_WITHOUT[topic]`` were fitted and chosen without that topic. Do not edit.",
        "",
        *notes,
        '"""',
        "",
        f"FEATURES = {tuple(SENTENCE_FEATURES)!r}",
        f"SENTENCE_WEIGHTS: tuple[float, ...] = {_format(everything)}",
        f"ARTICLE_HITS = {best.article_hits}",
        f"REDUNDANCY = {best.redundancy}",
        "SENTENCE_WEIGHTS_WITHOUT: dict[str, tuple[float, ...]] = {",
        *(f"    {topic!r}: {_format(w)}," for topic, w in without.items()),
        "}",
        f"ARTICLE_HITS_WITHOUT: dict[str, int] = { {t: c.article_hits for t, c in chosen.items()}!r}",
        f"REDUNDANCY_WITHOUT: dict[str, float] = { {t: c.redundancy for t, c in chosen.items()}!r}",
        "",
    ]
    return "\n".join(lines)


def load(root: Path) -> FitData:
    topics = tuple((topic, tuple(dated_sentences(topic))) for topic in read_timeline17(root))
    examples: dict[tuple[int, Target], tuple[DateExamples, ...]] = {}
    for hits, target in sorted({(c.article_hits, c.target) for c in GRID}):
        settings = replace(TlsSettings(), article_hits=hits)
        examples[hits, target] = tuple(
            e for topic, sents in topics for e in topic_examples(topic, sents, settings, target)
        )
    return FitData(topics, examples)


def fit(root: Path) -> str:
    """Fit and choose on the Timeline17 folder ``root``; the source of ``tls_weights``."""
    data = load(root)
    notes: list[str] = []
    without: dict[str, Weights] = {}
    chosen: dict[str, Choice] = {}
    for topic, _ in data.topics:
        best, marks = choose(data, topic.name)
        without[topic.name] = data.fit(best, {topic.name})
        chosen[topic.name] = best
        notes += [f"Without {topic.name}: {best.label()}, of", *_marks(marks)]
    best, marks = choose(data, None)
    notes += [f"All topics: {best.label()}, of", *_marks(marks)]
    return weights_module(data.fit(best, set()), best, without, chosen, notes)


def _marks(marks: dict[Choice, float]) -> list[str]:
    return [f"    {c.label()}: {v:.4f}" for c, v in marks.items()]


def main(argv: Sequence[str] = tuple(sys.argv[1:])) -> None:
    """Fit on the Timeline17 folder given (default ``../shared/data/timeline17``); rewrite ``tls_weights``."""
    root = Path(argv[0]) if argv else Path("../shared/data/timeline17")
    WEIGHTS_MODULE.write_text(fit(root), encoding="utf-8")
    print(f"wrote {WEIGHTS_MODULE}")


if __name__ == "__main__":
    main()
