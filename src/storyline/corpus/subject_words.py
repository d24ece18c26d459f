"""The words that name a story's subject, read from its reports' headlines (a report's title, else its
first sentence of some words after its dateline): the content words most reports' headlines share
("flu", "h1n1" in a story on the 2009 pandemic), so that "what we know" quotes a mention of its central
happening that names what the story is about, not one that only shares the happening's day and people
with it (``summary.best_mention``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.doc.dateline import strip_dateline
from storyline.records import Document

_WORD = re.compile(r"[a-z][a-z0-9]*|[0-9]+[a-z][a-z0-9]*")  # words and codes ("h1n1"), never a bare number
MIN_REPORTS = 2  # a word in one report's headline names that report, not the story
MIN_SHARE = 1 / 3  # a story whose headlines share no word this widely has no subject words: each report its own
MIN_WORDS = 5  # a shorter first line is a dateline, a byline or a bullet, not the report's lede
# Words of any story's headlines: saying, days and months ("said on Tuesday"), no subject of one.
_NOT_SUBJECTS = frozenset(
    {"said", "says", "say", "told", "according", "reported", "reports", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
     "august", "september", "october", "november", "december"}
)  # fmt: skip


def headline_words(text: str) -> frozenset[str]:
    """Lower-case content words of a headline: no stop words, no bare numbers, none shorter than three letters."""
    words = _WORD.findall(text.lower())
    return frozenset(w for w in words if len(w) > 2 and w not in ENGLISH_STOP_WORDS and w not in _NOT_SUBJECTS)


def headline(doc: Document) -> str:
    """The report's title, else its first sentence of ``MIN_WORDS`` words or more without its dateline ("GENEVA
    (Reuters) -" alone is no lede), else nothing."""
    if doc.title:
        return doc.title
    ledes = (strip_dateline(s.text) for s in doc.sentences)
    return next((text for text in ledes if len(text.split()) >= MIN_WORDS), "")


def subject_words(documents: Iterable[Document], share: float = 0.5) -> frozenset[str]:
    """The headline words of at least ``share`` as many reports as the most shared one, and of two reports
    at least; empty for a story of one report, or when no word is in ``MIN_SHARE`` of the reports' headlines
    (a day's unrelated reports that two of them share a word with)."""
    docs = list(documents)
    counts = Counter(w for doc in docs for w in headline_words(headline(doc)))
    if not counts or max(counts.values()) < MIN_SHARE * len(docs):
        return frozenset()
    top = max(counts.values())
    return frozenset(w for w, n in counts.items() if n >= max(MIN_REPORTS, share * top))


def names_subject(text: str, subject: frozenset[str]) -> bool:
    """The text names one of the subject words (as a whole word, any case)."""
    return bool(subject) and not headline_words(text).isdisjoint(subject)
