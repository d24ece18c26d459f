"""Split mixed reports into stories, and each story into its distinct happenings.

``storyline cluster INPUT... --format json`` prints ``cluster_json(paths, config)``:
``[{"document": path, "story": n, "event": n}]``.

The cascade of ``cluster_documents``:
1. profile each report: its MiniLM vector (the mean of its sentence embeddings) and its features,
   the names it gives (people, organisations, places, events), the dates and the numbers it reports;
2. stories: average-link agglomeration of all reports on the embedding and the shared names
   (names weighted by how rare they are among all reports);
3. happenings, story by story: the same agglomeration on what tells two happenings of one story
   apart. The embedding is centred on the story's mean, and names, dates and numbers are weighted
   by how rare they are in the story, so that a place or a date every report of the story shares
   says nothing. Two reports that date their happening more than ``date_conflict_days`` apart get
   ``date_conflict_penalty`` added to their distance: two villages taken on different days are
   two events.
Thresholds live in ``StoriesConfig``; they were set on ECB+ odd-numbered topics only (``eval.ecbplus``).

Reports are clustered in the order of their content ids, so that the input order changes nothing.
``storyline build --split-stories`` separates stories with the same step 2 (``separate_stories``).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import AgglomerativeClustering

from storyline.config import Config, StoriesConfig
from storyline.corpus.embeddings import Encoder, get_encoder
from storyline.corpus.event_mentions import normalize_name
from storyline.errors import Errors, InputError
from storyline.records import Document, IsoDate, Sentence
from storyline.time.iso_dates import day_of

# Belong in storyline.errors.Errors (not ours to edit here); the codes are reserved for them.

NAME_WORDS = 8  # a story found by separation is named after the first words of a report's title
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


@dataclass(frozen=True)
class Assignment:
    """The story and the happening (numbered from 1, in order of first report) of one report."""

    document: str
    story: int
    event: int


@dataclass(frozen=True)
class StoryGroup:
    """One story found by separation: its reports in input order, and the most central one, whose
    title names the story."""

    documents: tuple[Document, ...]
    central: Document


@dataclass(frozen=True, eq=False)
class Profile:
    """What a report brings to clustering (step 1)."""

    key: str
    vector: np.ndarray
    names: Counter[str]
    features: Counter[str]  # names, dates ("d:", "m:", "y:") and numbers ("q:")
    words: Counter[str]  # lemmas of content words
    when: IsoDate | None  # the day (or month, or year) the report dates its happening to


# 1. Profiles


def document_key(doc: Document) -> str:
    return doc.path or doc.id


def name_features(sentence: Sentence) -> list[str]:
    """Normalized names; a person's surname counts as well, so that "Lohan" meets "Lindsay Lohan"."""
    found = []
    for e in sentence.entities:
        if e.label not in NAME_LABELS:
            continue
        name = normalize_name(e.text)
        if not name or not any(c.isalpha() for c in name):
            continue
        found.append(f"n:{name}")
        if e.label == "PERSON" and " " in name:
            found.append(f"n:{name.split()[-1]}")
    return found


def date_features(sentence: Sentence) -> list[str]:
    """Each calendar date the sentence names, at its own granularity and the coarser ones."""
    found = []
    for t in sentence.times:
        if t.date is None or t.type not in ("DATE", "TIME"):
            continue
        d = t.date
        if len(d) >= 10:
            found.append(f"d:{d[:10]}")
        if len(d) >= 7:
            found.append(f"m:{d[:7]}")
        found.append(f"y:{d[:4]}")
    return found


def number_features(sentence: Sentence) -> list[str]:
    """Every number the sentence gives, of any kind: an age ("Reid, 33"), a duration ("a 90-day stay") or
    "hundreds of" tells one happening from another as well as a figure does, though only measures are
    figures."""
    return [f"q:{q.value:g}:{q.noun.lower() if q.noun else q.unit}" for q in sentence.quantities]


def happening_date(doc: Document) -> IsoDate | None:
    """The publication date. The dates a report names are not used: without a publication date most
    of them are background ("in 2005 she ..."), and with one they stay within ``date_conflict_days``."""
    return doc.published


def profile(doc: Document, vector: np.ndarray) -> Profile:
    names: Counter[str] = Counter()
    features: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for s in doc.sentences:
        words.update(s.lemmas)  # content lemmas, read from the parse by ``doc.digest``
        found = name_features(s)
        names.update(found)
        features.update(found)
        features.update(date_features(s))
        features.update(number_features(s))
    if doc.published:
        features.update(date_features_of(doc.published))
    return Profile(document_key(doc), vector, names, features, words, happening_date(doc))


def date_features_of(value: IsoDate) -> list[str]:
    """A date gives its day, month and year, e.g. 2022-09-10: d:2022-09-10, m:2022-09, y:2022."""
    return [f"{kind}:{value[:n]}" for kind, n in (("d", 10), ("m", 7), ("y", 4)) if len(value) >= n]


def document_vectors(docs: Sequence[Document], encoder: Encoder, max_sentences: int) -> np.ndarray:
    """Each report's mean sentence embedding, at unit length (its text's when it has no sentences)."""
    texts = [[s.text for s in d.sentences[:max_sentences]] or [d.text] for d in docs]
    flat = [t for group in texts for t in group]
    encoded = np.asarray(encoder.encode(flat), dtype=np.float32)
    bounds = np.cumsum([0, *(len(g) for g in texts)])
    means = np.stack([encoded[a:b].mean(axis=0) for a, b in itertools.pairwise(bounds)])
    return normalize(means)


def normalize(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.asarray(matrix / np.where(norms == 0, 1.0, norms), dtype=np.float32)


# Similarities


def weighted_cosines(bags: Sequence[Counter[str]]) -> np.ndarray:
    """Cosine of bags of features weighted by (1 + log count) * log((n + 1) / document frequency).

    A feature every bag has weighs little (log(1 + 1/n)): it hardly tells the bags apart, but two
    bags with nothing else are still alike.
    """
    n = len(bags)
    df = Counter(f for bag in bags for f in bag)
    vocab = {f: i for i, f in enumerate(df)}
    rows, cols, vals = [], [], []
    for r, bag in enumerate(bags):
        for f, count in bag.items():
            if f in vocab:
                rows.append(r)
                cols.append(vocab[f])
                vals.append((1 + math.log(count)) * math.log((n + 1) / df[f]))
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)), dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = sparse.diags(1 / np.where(norms == 0, 1.0, norms)) @ matrix
    return np.asarray((matrix @ matrix.T).todense(), dtype=np.float64)


def date_conflicts(whens: Sequence[IsoDate | None], days: int) -> np.ndarray:
    """1 where two reports date their happening more than ``days`` apart (at the coarser granularity)."""
    n = len(whens)
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            a, b = whens[i], whens[j]
            if a is None or b is None:
                continue
            k = min(len(a), len(b))  # at the coarser of the two: both cut to a month or a year, read from its first day
            first, second = day_of(a[:k], coarse="first"), day_of(b[:k], coarse="first")
            apart = first is not None and second is not None and abs((first - second).days) > days
            out[i, j] = out[j, i] = float(apart)
    return out


def agglomerate(distances: np.ndarray, threshold: float) -> list[int]:
    """Average-link clusters of a precomputed distance matrix cut at ``threshold``."""
    if len(distances) < 2:
        return [0] * len(distances)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return [int(label) for label in model.fit_predict(np.clip(distances, 0.0, None))]


# 2. Stories, 3. happenings


def story_distances(profiles: Sequence[Profile], config: StoriesConfig) -> np.ndarray:
    vectors = np.stack([p.vector for p in profiles])
    names = weighted_cosines([p.names for p in profiles])
    words = weighted_cosines([p.words for p in profiles])
    wn, ww = config.story_name_weight, config.story_word_weight
    return 1.0 - ((1 - wn - ww) * (vectors @ vectors.T) + wn * names + ww * words)


def event_distances(profiles: Sequence[Profile], config: StoriesConfig) -> np.ndarray:
    vectors = np.stack([p.vector for p in profiles])
    # Centred on the story's mean, shrunk by (n - 1) / n so that a small story is not pulled apart
    # (two reports centred on their full mean always point in opposite directions).
    n = len(profiles)
    centred = normalize(vectors - vectors.mean(axis=0) * (n - 1) / n)
    features = weighted_cosines([p.features for p in profiles])
    words = weighted_cosines([p.words for p in profiles])
    w, ww = config.event_embedding_weight, config.event_word_weight
    similarity = w * (centred @ centred.T) + ww * words + (1 - w - ww) * features
    conflicts = date_conflicts([p.when for p in profiles], config.date_conflict_days)
    return 1.0 - similarity + config.date_conflict_penalty * conflicts


def stories_of(profiles: Sequence[Profile], config: StoriesConfig) -> tuple[list[int], np.ndarray]:
    """Step 2: a story label for each profile, and the story distances it was cut from."""
    distances = story_distances(profiles, config)
    return agglomerate(distances, config.story_distance), distances


def cluster_profiles(profiles: Sequence[Profile], config: StoriesConfig) -> list[Assignment]:
    """Steps 2 and 3 on profiles; stories and events are numbered in order of first report."""
    stories, _ = stories_of(profiles, config)
    local: dict[int, tuple[int, int]] = {}
    for label in dict.fromkeys(stories):
        members = [i for i, s in enumerate(stories) if s == label]
        sub = agglomerate(event_distances([profiles[i] for i in members], config), config.event_distance)
        local.update({i: (label, e) for i, e in zip(members, sub, strict=True)})
    return numbered([(p.key, local[i][0], local[i]) for i, p in enumerate(profiles)])


def numbered(labels: Sequence[tuple[str, int, tuple[int, int]]]) -> list[Assignment]:
    """Assignments from (key, story label, event label), numbered from 1 in order of first report."""
    story_number: dict[int, int] = {}
    event_number: dict[tuple[int, int], int] = {}
    return [
        Assignment(
            key,
            story_number.setdefault(story, len(story_number) + 1),
            event_number.setdefault(event, len(event_number) + 1),
        )
        for key, story, event in labels
    ]


def canonical(docs: Sequence[Document]) -> list[int]:
    """The indices of ``docs`` in content-id order: what the clustering sees, whatever the input order."""
    return sorted(range(len(docs)), key=lambda i: (docs[i].id, document_key(docs[i])))


def profiles_of(docs: Sequence[Document], encoder: Encoder, config: StoriesConfig) -> list[Profile]:
    """Step 1 for each report, in the order given."""
    vectors = document_vectors(docs, encoder, config.max_sentences)
    return [profile(d, v) for d, v in zip(docs, vectors, strict=True)]


def cluster_documents(docs: Sequence[Document], encoder: Encoder, config: StoriesConfig) -> list[Assignment]:
    """The story and happening of each annotated report (it needs sentences, entities, times and
    quantities), in input order; numbers follow the input order, the clusters do not depend on it."""
    if not docs:
        return []
    order = canonical(docs)
    # 1. profiles
    profiles = profiles_of([docs[i] for i in order], encoder, config)
    # 2. stories and 3. happenings
    found = cluster_profiles(profiles, config)
    back = dict(zip(order, found, strict=True))
    return numbered([(back[i].document, back[i].story, (back[i].story, back[i].event)) for i in range(len(docs))])


def separate_stories(docs: Sequence[Document], encoder: Encoder, config: StoriesConfig) -> list[StoryGroup]:
    """Steps 1 and 2 for ``storyline build --split-stories``: the stories of the reports, the largest
    first (ties by the central report's content id), each report in input order.

    The central report is the one nearest on average to the others of its story, preferring one
    with a title; ties go to the lower content id. Nothing depends on the input order.
    """
    if not docs:
        return []
    order = canonical(docs)
    ordered = [docs[i] for i in order]
    labels, distances = stories_of(profiles_of(ordered, encoder, config), config)
    groups = []
    for label in dict.fromkeys(labels):
        members = [i for i, found in enumerate(labels) if found == label]
        spread = {i: float(distances[i, members].sum() - distances[i, i]) / max(len(members) - 1, 1) for i in members}
        central = min(members, key=lambda i: (not ordered[i].title, round(spread[i], 9), ordered[i].id))
        in_input_order = sorted(members, key=lambda i: order[i])
        groups.append(StoryGroup(tuple(ordered[i] for i in in_input_order), ordered[central]))
    return sorted(groups, key=lambda g: (-len(g.documents), g.central.id))


def story_title(doc: Document) -> str:
    """The first words of the report's title (or text): what a story found by separation is called."""
    words = re.findall(r"\w[\w'-]*", doc.title or doc.text)[:NAME_WORDS]
    return " ".join(words) or "story"


def cluster_json(paths: Sequence[Path], config: Config | None = None) -> list[dict[str, object]]:
    """``storyline cluster INPUT... --format json``: read, annotate and cluster the reports."""
    from storyline.build import annotate, unique

    config = config or Config()
    # up to "digest": separation reads the content lemmas it takes from the parse
    docs, _skipped = annotate(paths, until="digest", config=config)
    docs = unique(docs)
    if not docs:
        raise InputError(Errors.E100.format(paths=", ".join(str(p) for p in paths)))
    found = cluster_documents(docs, get_encoder(config), config.stories)
    return [{"document": a.document, "story": a.story, "event": a.event} for a in found]
