"""The kinds of names the corpus stages read from a sentence's entities (places, parties) and the form in
which two names are matched ("the Kharkiv region's" is "kharkiv")."""

from __future__ import annotations

import re

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PARTY_LABELS = frozenset({"PERSON", "ORG", "NORP"})

_NAME_TAIL = re.compile(r"^the\s+|['’]s$|\s+(?:region|oblast|province)$")


def normalize_name(text: str) -> str:
    """Entity text for matching: lower case, without "the", a possessive or "region"."""
    return _NAME_TAIL.sub("", text.strip().lower()).strip()
