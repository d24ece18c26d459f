"""Whose troops, and where: a series of troop numbers is one force, not the soldiers of every army or
base a story names in passing.

A count of troops belongs to the side named with it: a possessive before the number ("the navy's 900
sailors" is not a troop noun, but "Ardenia's 4,000 troops" is), names or side words between the number
and the noun ("2,000 Ardenian troops", "300 rebel fighters", "1,500 government soldiers"), or a name
after it ("troops from Ardenia", "soldiers of the Northern Alliance"). Without a side, the place named
nearest the number in its clause is where the troops are ("8,000 troops at Fort Amber"). A small
definite group ("the two fighters", fewer than ``MIN_FORCE``) is a few known people, not the size of a
force, and no troop count at all (``is_few_known``). The figures stage files the
point under "troops, <side or places>", so that ``figure_givers`` makes each its own series, labelled
as a scope ("troops, Ardenian (the ministry)"); a count with neither stays in the plain "troops".
"""

from __future__ import annotations

import re

from storyline.corpus.event_mentions import PLACE_LABELS
from storyline.corpus.figure_scope import clause_of
from storyline.records import Quantity, Sentence

# Side words that say whose soldiers they are, in lower case ("rebel fighters", "government troops").
SIDE_WORDS = frozenset({"rebel", "rebels", "government", "opposition", "loyalist", "militia", "insurgent", "coalition"})
MIN_FORCE = 10  # "the two fighters", "the three soldiers": known people, not a force
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\b((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)['’]s\s+(?:\w+\s+)?$")
_AFTER = re.compile(r"^\s*\w+\s+(?:from|of)\s+(?:the\s+)?((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)")
# Words of the number and its qualifier ("at least 14", "some 2,000", "a dozen"), and words that are no side.
_NOT_SIDES = frozenset(
    {"some", "about", "around", "nearly", "almost", "over", "up", "to", "at", "least", "most", "more", "than", "a",
     "an", "the", "of", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "additional",
     "extra", "new", "other", "armed", "foreign", "active", "regular"}
)  # fmt: skip
_NUMBERISH = re.compile(r"^[\d.,%-]+$|^(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty)$", re.I)


def side_of(sentence: Sentence, quantity: Quantity, noun: str) -> str | None:
    """The side a count of ``noun`` (a troop noun) belongs to, as the sentence names it, or None."""
    text = sentence.text
    start = quantity.start - sentence.start
    if m := _POSSESSIVE.search(text[:start]):
        return m.group(1)
    at = text.lower().find(noun, start)
    if at >= 0:
        words = [w for w in text[start:at].split() if not _NUMBERISH.match(w) and w.lower() not in _NOT_SIDES]
        named = [w for w in words if w[:1].isupper() or w.lower() in SIDE_WORDS or w.lower().startswith("pro-")]
        if named and len(named) == len(words):
            return " ".join(named)
        if m := _AFTER.match(text[at:]):
            return m.group(1)
    return None


def where_of(sentence: Sentence, quantity: Quantity) -> str | None:
    """The place named nearest the number in the figure's clause, as the text spells it without "the";
    None when the clause names none."""
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    clause = clause_of(sentence.text, start, end)
    left = sentence.text.find(clause)
    places = [
        e
        for e in sentence.entities
        if e.label in PLACE_LABELS and left <= e.start - sentence.start and e.end - sentence.start <= left + len(clause)
    ]
    if not places:
        return None
    nearest = min(places, key=lambda e: min(abs(e.start - quantity.end), abs(quantity.start - e.end)))
    return re.sub(r"^the\s+", "", nearest.text.strip(), flags=re.IGNORECASE)


def is_few_known(sentence: Sentence, quantity: Quantity) -> bool:
    """True for a small definite group: "the two fighters" (fewer than ``MIN_FORCE``, after "the")."""
    return quantity.value < MIN_FORCE and bool(_THE_BEFORE.search(sentence.text[: quantity.start - sentence.start]))


def troops_measure(sentence: Sentence, quantity: Quantity, noun: str) -> str:
    """ "troops, <side>", else "troops, <place>", else "troops" (see the module docstring)."""
    whose = side_of(sentence, quantity, noun) or where_of(sentence, quantity)
    return f"troops, {whose}" if whose else "troops"
