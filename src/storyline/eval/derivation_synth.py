"""Synthesize unrelated base reports for large generated derivation sets, from Timeline17 sentences.

Timeline17 gives about 2,600 unrelated articles; a set of 100,000 reports with 40% originals needs
40,000. The missing bases are collages: each is ``SENTENCES`` sentences, one per line, every
sentence from a different article, and no two neighbouring sentences from the same story (the
story is the topic folder's name before ``_``: ``bpoil_bbc`` and ``bpoil_guardian`` are one story).
Sentences are dealt in rounds: within a round every sentence of the pool is used at most once, so a
sentence appears in at most as many synthetic bases as there are rounds, and two bases share more
than one sentence only by chance. A synthetic base therefore shares about one sentence (about 10%
of its shingles) with its source articles and with other bases: far below the 80% at which an
excerpt or copy is called, so an excerpt of three or more sentences of one base is never an excerpt
of another. Each base gets a new date, drawn uniformly between the pool's first and last dates, and
a title from its first sentence; the generator gives it an outlet as it does every original.
"""

from __future__ import annotations

import heapq
import random
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from storyline.eval.derivation_set import MIN_WORDS, BaseReport, split_sentences, title_from

SENTENCES = (7, 10)  # fewest and most sentences of a synthetic base
SYNTHETIC_TOPIC = "synthetic"
_WORD = re.compile(r"\w+")

Entry = tuple[int, str]  # (article number in the pool, sentence)


def story_of(topic: str) -> str:
    """The story of a Timeline17 topic folder: ``bpoil_bbc`` -> ``bpoil``."""
    return topic.split("_")[0]


def sentence_pool(bases: Sequence[BaseReport]) -> dict[str, list[Entry]]:
    """Every sentence of the non-example bases, by story, with the number of its article."""
    pool: dict[str, list[Entry]] = defaultdict(list)
    for number, base in enumerate(b for b in bases if not b.example):
        pool[story_of(base.topic)].extend((number, s) for s in split_sentences(base.text))
    return dict(sorted(pool.items()))


def synthetic_bases(bases: Sequence[BaseReport], count: int, rng: random.Random) -> list[BaseReport]:
    """``count`` collage bases made from the sentences of ``bases`` (see the module docstring)."""
    pool = sentence_pool(bases)
    if len(pool) < 2 or count <= 0:
        return []
    dated = sorted(b.published for b in bases if not b.example)
    first, span = date.fromisoformat(dated[0]), (date.fromisoformat(dated[-1]) - date.fromisoformat(dated[0])).days
    out: list[BaseReport] = []
    deal = _Deal(pool, rng)
    while len(out) < count:
        sentences = deal.base(rng.randint(*SENTENCES))
        text = "\n".join(sentences)
        if len(_WORD.findall(text)) < MIN_WORDS:
            continue
        published = (first + timedelta(days=rng.randint(0, span))).isoformat()
        out.append(BaseReport(SYNTHETIC_TOPIC, text, published, title_from(text)))
    return out


class _Deal:
    """Deals the pool's sentences, one round after another, each round a new shuffle."""

    def __init__(self, pool: dict[str, list[Entry]], rng: random.Random) -> None:
        self.pool = pool
        self.rng = rng
        self.left: dict[str, list[Entry]] = {}
        self.heap: list[tuple[int, str]] = []
        self.rounds = 0

    def _new_round(self) -> None:
        self.rounds += 1
        self.left = {story: self.rng.sample(entries, len(entries)) for story, entries in self.pool.items()}
        self.heap = [(-len(entries), story) for story, entries in self.left.items()]
        heapq.heapify(self.heap)

    def base(self, size: int) -> list[str]:
        """``size`` sentences from different articles, the story changing at every sentence.

        The story with the most sentences left goes next (other than the last one used), so that
        the large stories are spread over the round rather than left over at its end.
        """
        out: list[str] = []
        articles: set[int] = set()
        last = ""
        while len(out) < size:
            if sum(1 for entries in self.left.values() if entries) < 2:
                self._new_round()
            story = self._next_story(last)
            entry = self._take(story, articles)
            if entry is not None:
                articles.add(entry[0])
                out.append(entry[1])
            last = story
        return out

    def _next_story(self, last: str) -> str:
        held = []
        while True:
            negative, story = heapq.heappop(self.heap)
            if story != last and self.left[story]:
                break
            held.append((negative, story))
        for item in held:
            heapq.heappush(self.heap, item)
        heapq.heappush(self.heap, (-(len(self.left[story]) - 1), story))
        return story

    def _take(self, story: str, articles: set[int]) -> Entry | None:
        """The next sentence of the story from an article not yet in the base (looking a few ahead)."""
        entries = self.left[story]
        for back in range(1, min(8, len(entries)) + 1):
            if entries[-back][0] not in articles:
                return entries.pop(-back)
        entries.pop()  # every sentence near the top is from an article in use: drop one, keep counts moving
        return None
