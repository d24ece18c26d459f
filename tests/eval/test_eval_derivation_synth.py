from __future__ import annotations

import itertools
import random
from collections import Counter

from storyline.eval.derivation_set import BaseReport, generate, shingle_hashes, split_sentences
from storyline.eval.derivation_synth import SENTENCES, SYNTHETIC_TOPIC, story_of, synthetic_bases

STORIES = ("flood_north", "flood_south", "ferry_east", "harvest_west")


SYLLABLES = ("ka", "lo", "mer", "vin", "tas", "por", "eld", "quin", "ru", "sab", "te", "dov")


def _fake_bases(per_topic: int = 12, sentences: int = 8) -> list[BaseReport]:
    """Bases of made-up words; each sentence starts with its topic and article number."""
    rng = random.Random(0)
    bases = []
    for topic in STORIES:
        for a in range(per_topic):
            lines = [
                f"From {topic} {a} " + " ".join("".join(rng.choices(SYLLABLES, k=3)) for _ in range(12)) + "."
                for _ in range(sentences)
            ]
            bases.append(BaseReport(topic, "\n".join(lines), f"2011-0{1 + a % 9}-1{a % 10}", lines[0][:40]))
    return bases


def _source(sentence: str) -> tuple[str, str]:
    words = sentence.split()
    return words[1], words[2]  # topic, article number


def test_collage_takes_each_sentence_from_another_article_and_changes_story_every_line() -> None:
    bases = _fake_bases()
    made = synthetic_bases(bases, 40, random.Random(7))
    assert len(made) == 40
    for base in made:
        sources = [_source(s) for s in split_sentences(base.text)]
        assert SENTENCES[0] <= len(sources) <= SENTENCES[1]
        assert len(set(sources)) == len(sources)  # one sentence per article
        stories = [story_of(topic) for topic, _ in sources]
        assert all(a != b for a, b in itertools.pairwise(stories))
        assert base.topic == SYNTHETIC_TOPIC


def test_collage_sentences_are_used_once_per_round() -> None:
    bases = _fake_bases()
    pool = sum(len(split_sentences(b.text)) for b in bases)
    made = synthetic_bases(bases, 60, random.Random(3))
    used = Counter(s for b in made for s in split_sentences(b.text))
    rounds = -(-sum(used.values()) // pool)  # sentences dealt, over the pool, rounded up
    assert max(used.values()) <= rounds


def test_collages_share_too_little_with_their_sources_to_be_copies_or_excerpts() -> None:
    bases = _fake_bases()
    made = synthetic_bases(bases, 60, random.Random(5))
    shingles = [shingle_hashes(b.text) for b in bases + made]
    for i, own in enumerate(shingles[len(bases) :], start=len(bases)):
        shared = max(len(own & other) / len(own) for j, other in enumerate(shingles) if j != i)
        assert shared < 0.5


def test_collage_dates_fall_within_the_pool_dates() -> None:
    bases = _fake_bases()
    dates = sorted(b.published for b in bases)
    made = synthetic_bases(bases, 30, random.Random(1))
    assert all(dates[0] <= b.published <= dates[-1] for b in made)


def test_large_set_keeps_forty_percent_originals_by_adding_collages() -> None:
    bases = _fake_bases(per_topic=6)
    reports = generate(bases, 200, seed=9)
    originals = [r for r in reports if r.kind == "original"]
    assert len(originals) == 80 > len(bases)
    assert generate(bases, 200, seed=9) == reports  # still one set per seed


def test_set_with_enough_bases_has_no_collages() -> None:
    bases = _fake_bases(per_topic=12)
    reports = generate(bases, 100, seed=9)
    originals = {r.text for r in reports if r.kind == "original"}
    assert originals <= {b.text for b in bases}
