"""The words that name a story's subject, read from its reports' headlines (a report's title, else its first
sentence): the content words most reports' headlines share ("flu", "h1n1" in a story on the 2009
pandemic), so that "what we know" quotes a mention of its central happening that names what the story is
about, not one that only shares the happening's day and people with it (``summary.best_mention``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.records import Document

_WORD = re.compile(r"[a-z][a-z0-9]*|[0-9]+[a-z][a-z0-9]*")  # words and codes ("h1n1"), never a bare number
MIN_REPORTS = 2  # a word in one report's headline names that report, not the story


def headline_words(text: str) -> frozenset[str]:
    """Lower-case content words of a headline: no stop words, no bare numbers, none shorter than three letters."""
    return frozenset(w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in ENGLISH_STOP_WORDS)


def headline(doc: Document) -> str:
    """The report's title, else its first sentence, else nothing."""
    if doc.title:
        return doc.title
    return doc.sentences[0].text if doc.sentences else ""


def subject_words(documents: Iterable[Document], share: float = 0.5) -> frozenset[str]:
    """The headline words of at least ``share`` as many reports as the most shared one, and of two reports
    at least; empty for a story of one report."""
    counts = Counter(w for doc in documents for w in headline_words(headline(doc)))
    if not counts:
        return frozenset()
    top = max(counts.values())
    return frozenset(w for w, n in counts.items() if n >= max(MIN_REPORTS, share * top))


def names_subject(text: str, subject: frozenset[str]) -> bool:
    """The text names one of the subject words (as a whole word, any case)."""
    return bool(subject) and not headline_words(text).isdisjoint(subject)
