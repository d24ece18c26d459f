"""The kinds of names the corpus stages read from a sentence's entities (places, parties) and the form in
which two names are matched ("the Kharkiv region's" is "kharkiv"), and a name told by its initials
("who" for "world health organization")."""

from __future__ import annotations

import re

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PARTY_LABELS = frozenset({"PERSON", "ORG", "NORP"})

_NAME_TAIL = re.compile(r"^the\s+|['’]s$|\s+(?:region|oblast|province)$")


def normalize_name(text: str) -> str:
    """Entity text for matching: lower case, without "the", a possessive or "region"."""
    return _NAME_TAIL.sub("", text.strip().lower()).strip()


_SMALL_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "de"})


def initials(name: str) -> str | None:
    """The initials of a normalized name of two or more words, without "of", "for", "and" ("world health
    organization" -> "who"); None for a one-word name."""
    words = [w for w in name.split() if w not in _SMALL_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def spelled_out(a: frozenset[str], b: frozenset[str]) -> bool:
    """One set of normalized names names by its initials what the other spells out: {"who"} and
    {"world health organization"}."""
    return any(initials(x) in b for x in a) or any(initials(y) in a for y in b)
