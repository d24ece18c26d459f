"""Whose troops, and where: a series of troop numbers is one force, not the soldiers of every army or
base a story names in passing.

A count of troops belongs to the side named with it: a possessive before the number ("the navy's 900
sailors" is not a troop noun, but "Ardenia's 4,000 troops" is), names or side words between the number
and the noun ("2,000 Ardenian troops", "300 rebel fighters", "1,500 government soldiers"), or a name
after it ("troops from Ardenia", "soldiers of the Northern Alliance"). Without a side, the place named
nearest the number in its clause is where the troops are ("8,000 troops at Fort Amber"). A small
definite group ("the two fighters", fewer than ``MIN_FORCE``) is a few known people, not the size of a
force, and no troop count at all (``is_few_known``); nor are soldiers something befell, the subject of
an illness, a casualty, an arrest or a trial ("18 soldiers had flu", "12 soldiers were arrested") or its
object ("the virus infected 40 soldiers", "rebels captured 30 soldiers"): they are cases, casualties or
prisoners, not the size of a force (``is_soldiers_fate``). The figures stage files the
point under "troops, <side or places>", so that ``figure_givers`` makes each its own series, labelled
as a scope ("troops, Ardenian (the ministry)"); a count with neither stays in the plain "troops".
"""

from __future__ import annotations

import re

from storyline.corpus.event_mentions import PLACE_LABELS
from storyline.corpus.figure_casualties import ILLNESS, INFECTING, QUALIFIER_BEFORE
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
# What befalls soldiers that makes them no force: an illness, a casualty, an arrest, a trial.
# States and deeds of the soldiers themselves: "fell ill", "had flu", "died", "went missing", "defected".
_OWN_FATE = (
    r"(?:(?:fell|fall|falling|fallen|became|become|got|gotten|get|went|gone|taken)\s+(?:ill|sick)|ill|sick|dead"
    r"|missing|died|drowned|deserted|defected|surrendered|tested\s+positive"
    r"|(?:have|has|had|contracted|caught|developed|showed|shown|suffered|suffering|carried|carrying)"
    rf"\s+(?:\S+\s+){{0,3}}?{ILLNESS})\b"
)
_CAPTIVE = r"(?:taken|held)\s+(?:prisoner|hostage|captive)"
# What others did to them, told in the passive: "were infected", "have been arrested", "was court-martialled".
_DONE_TO = (
    r"(?:infected|hospitali[sz]ed|quarantined|isolated|diagnosed|treated|vaccinated|killed|injured|wounded|hurt"
    r"|poisoned|executed|arrested|detained|captured|seized|kidnapped|abducted|jailed|imprisoned|charged|convicted"
    rf"|sentenced|court-martiall?ed|disciplined|dismissed|suspended|punished|{_CAPTIVE})\b"
)
_ADVERBS = r"(?:(?:also|all|later|since|now|reportedly|confirmed|believed|feared|known|thought|said|to|be|been)\s+)*"
_TROOP_NOUN = r"(?:troops?|soldiers?|servicem[ae]n|personnel|fighters?|reservists?|conscripts?)"
# After the count: its troop noun (when the quantity stops at the number), a place or unit it belongs to
# ("in Kuwait", "aboard the carrier") or a participle phrase ("travelling with the team,"), then its predicate:
# "18 U.S. soldiers based in Kuwait had flu",
# "40 troops were arrested", "12 soldiers taken prisoner", "30 soldiers infected with the virus".
_FATE_AFTER = re.compile(
    rf"(?:(?:\s+\S+){{0,3}}?\s+{_TROOP_NOUN}\b)?"
    r"(?:,?\s+(?:(?:based|stationed|serving|deployed)\s+)?(?:in|at|on|aboard|from|of|with)\s+(?:[\w.'’-]+\s+){0,3}?"
    r"[\w.'’-]+)?"
    r"(?:,?\s+[a-z]+ing(?:\s+(?!(?:and|or|but)\b)[\w.'’-]+){1,4}?)?"  # "accompanying the group", "guarding the post"
    r",?\s+(?:(?:who|that)\s+)?"
    rf"(?:(?:ha(?:ve|s|d)\s+)?{_ADVERBS}{_OWN_FATE}"
    rf"|(?:ha(?:ve|s|d)\s+)?{_ADVERBS}(?:were|was|are|is|be|been|being|got|get)\s+{_ADVERBS}(?:{_DONE_TO}|{_OWN_FATE})"
    rf"|{_CAPTIVE}\b|{_DONE_TO}\s+(?:with|by)\b)",
    re.IGNORECASE,
)
_FATE_BEFORE = re.compile(
    rf"(?:{INFECTING}|\b(?:vaccinat(?:ed|es|ing)|arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|captur(?:ed|es|ing)"
    r"|kidnap(?:ped|s|ping)?|abduct(?:ed|s|ing)?|(?:took|taken|taking)\s+prisoner|jail(?:ed|s|ing)?"
    r"|imprison(?:ed|s|ing)?|charg(?:ed|es|ing)|convict(?:ed|s|ing)?|sentenc(?:ed|es|ing)|execut(?:ed|es|ing)"
    r"|poison(?:ed|s|ing)?|freed|releas(?:ed|es|ing)|swapp?(?:ed|s|ing)?|exchang(?:ed|es|ing)))\s+" + QUALIFIER_BEFORE,
    re.IGNORECASE,
)
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


def is_soldiers_fate(sentence: Sentence, quantity: Quantity) -> bool:
    """True when a count of soldiers counts those something befell, not a force: the subject of an illness,
    casualty, arrest or trial ("18 U.S. soldiers had flu", "40 troops at the camp were arrested") or its
    object ("the virus has infected 40 soldiers", "rebels captured 30 soldiers")."""
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    return bool(_FATE_AFTER.match(sentence.text, end) or _FATE_BEFORE.search(sentence.text[:start]))


def troops_measure(sentence: Sentence, quantity: Quantity, noun: str) -> str:
    """ "troops, <side>", else "troops, <place>", else "troops" (see the module docstring)."""
    whose = side_of(sentence, quantity, noun) or where_of(sentence, quantity)
    return f"troops, {whose}" if whose else "troops"
