"""What a figure is about, so that only figures of the same thing are set against each other.

Three checks, all on the figure's own sentence: is it a tally of the story at all (not a rate, "500,000
a year"; not a question; not an increment, "48 more deaths"); where it holds (the places the
sentence names, or the whole world); and its subject, the thing the figure counts for ("H5N1",
"the 1918 flu"), read from spaCy's dependency parse once per document (``Quantity.subject``, by
``doc.digest``). Written here because they are rules about news figures, which no library states.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from storyline.corpus.entity_names import PLACE_LABELS, normalize_name
from storyline.corpus.event_places import containing, towns_lie_in
from storyline.corpus.peoples import people_place
from storyline.records import Document, Quantity, Sentence

WORLD = "world"
# A rate in the figure's clause: "kills 500,000 people a year", "every year, seasonal flu causes ...".
_RATE = re.compile(
    r"\b(?:(?:a|an|each|every|per)\s+(?:average\s+|typical\s+|normal\s+|given\s+|single\s+)?(?:year|day|week|month|season)"
    r"|annually|yearly|year\s+after\s+year|year-round|on\s+average)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r";|,?\s+(?:and|but|while|whereas)\s+", re.IGNORECASE)
_BARE_AND = re.compile(r"\s+and\s+", re.IGNORECASE)  # no comma: it may join two figures
_NOT_FIGURES = frozenset({"duration", "age"})  # "and 3 days later" starts a clause
# "48 more deaths", "20 new cases", "another 12": an increment, not a running total.
_INCREMENT_AFTER = re.compile(r"\s+(?:more|additional|further|new|other|extra)\b", re.IGNORECASE)
# "another 12", "the other three deaths in the region" (the rest of a total told before, not the total),
# "a rise of 4,600 cases and 18 deaths since the last report": what was added, not the total.
_INCREMENT_BEFORE = re.compile(
    r"\b(?:another|an\s+additional|a\s+further|the\s+other)\s+$"
    r"|\b(?:rise|increase|jump|surge)\s+of\s+(?:[\d,.]+\s+[a-z]+\s+and\s+)?$",
    re.IGNORECASE,
)
# A figure told as what will not happen: "there will not be 20 million deaths", "it won't reach 1,000".
_DENIED_FIGURE = re.compile(
    r"\b(?:will|would|could|can|did|does|do|has|have)\s*(?:not|n['’]t)\s+(?:be|have|reach|kill|cause|top)\s+$",
    re.IGNORECASE,
)
# "three more deaths", "two other reporters" (not "no more than 150", "any more", "not more than": a bound).
_INCREMENT_INSIDE = re.compile(
    r"^(?!(?:no|not|any|nothing|none)\b)\S+\s+(?:more|additional|further|new|extra|other)\b(?!\s+than\b)",
    re.IGNORECASE,
)
# "1,400 died, including 440 killed by mines": a part of the total told before; not "5,000 cases including
# 23 deaths", the whole of another measure.
_INCLUDING = re.compile(r"\bincluding\s+$", re.IGNORECASE)
_OTHER_MEASURE = re.compile(r"\s*(?:deaths|fatalities|cases|infections|injuries|dead)\b", re.IGNORECASE)
# A count of one blow of several: "two were hurt by an initial blast", "three died in the second strike".
_ONE_OF_SEVERAL = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?:by|in)\s+(?:an?|the)\s+(?:initial|first|second|third|later|subsequent)\s+"
    r"(?:[\w-]+\s+)?(?:blast|explosion|strike|airstrike|shell|bomb|attack|round|volley|salvo|wave)s?\b",
    re.IGNORECASE,
)
# "also" at the figure's verb adds it to a count told before: "two aid workers are also missing", "the
# storm also killed 12".
_ALSO_BEFORE = re.compile(  # not of a verb of saying: "also said 370 are missing"
    r"\balso\s+(?!(?:said|says|say|told|added|noted|stated)\b)(?:[a-z]+\s+){0,2}$", re.IGNORECASE
)
_ALSO_AFTER = re.compile(r"(?:\s+[\w-]+){0,6}?\s+(?:are|were|is|was|have|has|had|been)\s+also\b", re.IGNORECASE)
# A ratio: "one death in 1,200 cases", "nine people out of millions" (not "in 2009", "in 10 days", "in 12 countries").
_RATIO_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:in|out\s+of)\s+(?:every\s+)?(?!(?:1[6-9]|20)\d\d\b)"
    r"(?:\d[\d,.]*(?![\d,.])|hundreds|thousands|millions)(?!\s*(?:[a-z]+\s+)?(?:days?|weeks?|months?|years?|hours?|countries"
    r"|states|cities|provinces|regions|places|hospitals)\b)",
    re.IGNORECASE,
)
# The base of a rate right before a figure: "four in every 1,000 infected people", "two out of every 100", "per 1,000".
_RATE_BASE_BEFORE = re.compile(r"\b(?:(?:in|out\s+of)\s+(?:every|each)|per)\s+$", re.IGNORECASE)
# A part of a toll told with it: "20 of the 149 reported deaths were confirmed", "three of the 40 victims were children"
# (not "12 of the 30 soldiers were killed": a part of a group, which may be the toll itself).
_PART_OF_TOLL = re.compile(
    r"\s+of\s+(?:the|these|those|its|their)\s+(?:[a-z]+\s+)?\d[\d,.]*\s+(?:[\w-]+\s+){0,2}?"
    r"(?:deaths|fatalities|dead|victims|casualties|cases|infections)\b",
    re.IGNORECASE,
)
# The people of a place: "home to some 20 million people", "a capital of 9 million", "a population of 40,000".
_POPULATION_BEFORE = re.compile(
    r"\b(?:home\s+to|population\s+of|(?:city|capital|town|country|nation|region|state|province|metropolis)\s+of)\s+"
    r"(?:(?:some|about|around|nearly|almost|over|roughly|more\s+than)\s+)?$",
    re.IGNORECASE,
)
# "daily" right after the figure ("killing four patients daily"), not of another verb ("with figures rising daily").
_DAILY_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}?\s+daily\b", re.IGNORECASE)
_OUTSIDE = re.compile(r"\b(?:outside|beyond)\s+(?:of\s+)?(?:the\s+)?$", re.IGNORECASE)  # "cases outside Mexico"
_WORLDWIDE = re.compile(
    r"\b(?:globally|world\s*-?\s*wide|global|around\s+the\s+world|across\s+the\s+world)\b", re.IGNORECASE
)
# The country's own scope next to a figure: "the toll nationwide", "across the country", "the national toll".
_NATIONWIDE = re.compile(
    r"\b(?:nation\s*-?\s*wide|(?:across|throughout)\s+the\s+(?:country|nation)"
    r"|national\s+(?:death\s+)?(?:toll|tally|total|count|figures?))\b",
    re.IGNORECASE,
)
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|ans)$")  # "Ukrainian", "Chinese": a people, not a place


def is_tally(sentence: Sentence, quantity: Quantity) -> bool:
    """True when the figure states a running total: not a rate ("daily"), a ratio ("one death in 1,200
    cases") or its base ("four in every 1,000 infected people"), a question, an increment ("three more deaths",
    "the other three", "two other reporters", "a rise of 18 deaths", "including 440 in the blasts", "two aid
    workers are also missing"), a count of one blow of several ("two were hurt by an initial blast"), what will
    not happen ("there will not be 20 million deaths"), a part of a toll told with it ("20 of the 149 deaths
    were confirmed") or the people of a place ("home to 20 million people")."""
    text = sentence.text
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    figures = figure_offsets(sentence)
    if _RATE.search(clause_of(text, start, end, figures)) or text.rstrip().rstrip("\"”'’").endswith("?"):
        return False
    if _INCREMENT_INSIDE.match(text[start:end]) or _RATIO_AFTER.match(text, end) or _DAILY_AFTER.match(text, end):
        return False
    if _RATE_BASE_BEFORE.search(text[:start]):
        return False
    if _DENIED_FIGURE.search(text[:start]) or _ALSO_BEFORE.search(text[:start]) or _ALSO_AFTER.match(text, end):
        return False
    if _ONE_OF_SEVERAL.match(text, end) or _PART_OF_TOLL.match(text, end) or _POPULATION_BEFORE.search(text[:start]):
        return False
    if _INCLUDING.search(text[:start]) and not _OTHER_MEASURE.search(text, start, end + 12):
        return False
    return not (_INCREMENT_AFTER.match(text, end) or _INCREMENT_BEFORE.search(text[:start]))


def figure_offsets(sentence: Sentence) -> frozenset[int]:
    """Where the sentence's figures start (not durations or ages), for ``clause_of``."""
    return frozenset(q.start - sentence.start for q in sentence.quantities if q.kind not in _NOT_FIGURES)


def clause_of(text: str, start: int, end: int, figures: frozenset[int] = frozenset()) -> str:
    left, right = clause_span(text, start, end, figures)
    return text[left:right].strip()


def clause_span(text: str, start: int, end: int, figures: frozenset[int] = frozenset()) -> tuple[int, int]:
    """The part of ``text`` around ``start:end`` between clause breaks (";", ", and", " but").

    An "and" without a comma right before another figure (one of the offsets ``figures``) joins two
    noun phrases, not two clauses, so a period after the second is the first's too: in "255 deaths
    and 9,000 hospital stays each year" both are rates. Only the clause's end is carried over such
    an "and": the figure after it keeps its own start ("kills 500 a year and 72 people died").
    """
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = next(
        (m.start() for m in _CLAUSE_BREAK.finditer(text, end) if not _joins_figures(m, figures)),
        len(text),
    )
    return left, right


def _joins_figures(brk: re.Match[str], figures: frozenset[int]) -> bool:
    """True when the break is a bare "and" followed by a figure: "255 deaths and 9,000 hospital stays"."""
    return brk.end() in figures and _BARE_AND.fullmatch(brk.group()) is not None


def places_of(sentence: Sentence) -> tuple[str, ...]:
    """The places a sentence names (normalized), plus "world" for "globally" or "worldwide"; sorted.

    A people's name tagged as a place ("Ukrainian troops") is left out: it names an actor; so is a place
    after "outside" ("one death outside Valdoria"): the figure holds elsewhere.
    """
    names = {name for start, _, name in _place_entities(sentence) if not _OUTSIDE.search(sentence.text[:start])}
    if _WORLDWIDE.search(sentence.text):
        names.add(WORLD)
    return tuple(sorted(names))


def _place_entities(sentence: Sentence) -> list[tuple[int, int, str]]:
    """The sentence's place entities as (start, end) in the sentence and normalized name; a people's name
    tagged as a place ("Ukrainian troops") is left out."""
    return [
        (e.start - sentence.start, e.end - sentence.start, normalize_name(e.text))
        for e in sentence.entities
        if e.label in PLACE_LABELS and not _DEMONYM.match(e.text.strip())
    ]


# A sentence that goes on about the one before it, and so about its place: "The UK has 1,500 cases. There
# has been one death."
_GOES_ON = re.compile(r"^\W*(?:It|There)\b")
# A figure told by the local authorities of the place just named: "Floods hit Dunmore. Local police say 40 died."
_LOCAL_TELLER = re.compile(
    r"\blocal\s+(?:police|officials?|authorities|officers|health\s+officials|hospitals?|mayor|council|government"
    r"|leaders|sources)\b",
    re.IGNORECASE,
)


def figure_places(sentence: Sentence, previous: Sentence | None, quantity: Quantity | None = None) -> tuple[str, ...]:
    """The places a figure holds for: none for a total told with where most of it is ("177 dead, all but one in
    Valdoria": the whole's, not a place named near it), else the place phrase of its sentence nearest the figure
    (``place_phrases``; all the sentence's, ``places_of``, with no figure given), else, for a sentence
    that goes on about the one before ("There has been one death") or tells a local authority's figure ("Local
    police say 40 died", after a sentence naming the town), that one's. A sentence naming no place
    whose figure counts a people ("1,462 Afghan civilians") holds for that people's country (``peoples``)."""
    phrases = place_phrases(sentence)
    if quantity is not None and _told_with_its_share(sentence.text, quantity.end - sentence.start, phrases):
        return ()
    if phrases and quantity is not None:
        return _nearest(phrases, quantity.start - sentence.start, quantity.end - sentence.start)
    people = people_place(sentence, quantity) if quantity is not None and not phrases else ()
    if people:
        return tuple(sorted(people))
    own = places_of(sentence)
    if own or previous is None or (_GOES_ON.match(sentence.text) is None and not _LOCAL_TELLER.search(sentence.text)):
        return own
    return places_of(previous)


# Places listed together: "Mexico, the US and Canada".
_LISTED = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$", re.IGNORECASE)
PlacePhrase = tuple[int, int, tuple[str, ...]]  # start, end in the sentence, places


def place_phrases(sentence: Sentence) -> list[PlacePhrase]:
    """The sentence's place phrases in order: a place, or places listed together, or a word for the
    world; a place after "outside" is a scope of its own ("outside mexico"), neither that place nor the world;
    a word for the whole country ("nationwide", "across the country") is a phrase of no place: the story's
    country as a whole, not the city named nearest ("gunfire in Kessel; the toll nationwide is 219")."""
    spans = _place_entities(sentence)
    spans += [(m.start(), m.end(), WORLD) for m in _WORLDWIDE.finditer(sentence.text)]
    spans += [(m.start(), m.end(), "") for m in _NATIONWIDE.finditer(sentence.text)]
    phrases: list[PlacePhrase] = []
    for start, end, name in sorted(spans):
        if not name:
            phrases.append((start, end, ()))
            continue
        if _OUTSIDE.search(sentence.text[:start]):
            name = f"outside {name}"
        if phrases and phrases[-1][2] and _LISTED.match(sentence.text[phrases[-1][1] : start]):
            first, _, names = phrases.pop()
            phrases.append((first, end, tuple(sorted({*names, name}))))
        else:
            phrases.append((start, end, (name,)))
    return phrases


def _nearest(phrases: list[PlacePhrase], start: int, end: int) -> tuple[str, ...]:
    """The places of the phrase nearest a figure at ``start:end`` (the one before it on a tie)."""
    return min(phrases, key=lambda p: (max(start - p[1], p[0] - end, 0), p[0] > start))[2]


# A total told with where most of it is: "at least 177 dead, all but one in Valdoria", "40 killed, most of them in
# Kessel", "300 cases, two of them in Lisk": the figure is the whole's, of several places.
_SHARE_AFTER = re.compile(
    r"[^,;.]{0,40}?(?P<gap>,|\s--|\s[—–]|\s?\()\s*(?:all\s+but\s+[\w,]+|most(?:ly)?|(?:almost|nearly)\s+all"
    r"|the\s+(?:vast\s+)?majority|(?:\w+|\d[\d,]*)\s+of\s+(?:them|whom|which)|\d[\d,]*|one|two|three|four|five)"
    r"(?:\s+of\s+(?:them|whom|which))?\s+(?:in|from)\s",
    re.IGNORECASE,
)  # also its parts by place after a dash or bracket: "27 deaths -- 26 in Valdoria and one in Ostmark"


def _told_with_its_share(text: str, end: int, phrases: list[PlacePhrase]) -> bool:
    """Whether the figure ending at ``end`` goes on with where most of it is, a place phrase after
    ``_SHARE_AFTER`` ("all but one in Valdoria"; not "most from gunshot wounds")."""
    m = _SHARE_AFTER.match(text, end)
    if m is None or any(end <= start < m.start("gap") for start, _, _ in phrases):
        return False  # "26 people in Valdoria, two in Ostmark": the figure has a place of its own
    at = m.end() + (4 if text[m.end() : m.end() + 4].lower() == "the " else 0)
    return any(start == at for start, _, places in phrases if places)


_MAIN_SHARE = 0.5  # a place named in at least half of a story's reports ...
_MAIN_MIN = 3  # ... and in at least this many is one of its main places


def main_places(documents: Iterable[Document]) -> frozenset[str]:
    """The places (``places_of``) named in at least half of the reports, and in at least three: where the
    story happens ("haiti"), or the world, whose figures are the story's whole, not a part of it."""
    counts: Counter[str] = Counter()
    n = 0
    for doc in documents:
        n += 1
        counts.update({p for s in doc.sentences for p in places_of(s)})
    floor = max(_MAIN_MIN, _MAIN_SHARE * n)
    return frozenset(p for p, k in counts.items() if k >= floor)


def is_part(part: tuple[str, ...], whole: tuple[str, ...], main: frozenset[str]) -> bool:
    """Whether figures for the places ``part`` may be a part of a figure for ``whole``: ``part`` names places,
    none of them the world nor, unless the world is one of the story's main places (``main_places``: a story told
    over the world, a pandemic's), a main place; and ``whole`` names none, or the world. "One death in Valdoria" is
    part of "the toll stands at 16" in a story that happens elsewhere; "66 deaths in Valdoria" is part of "72 have
    died" in a story of a fever spreading over the world."""
    if not part or WORLD in part or (WORLD not in main and set(part) & main):
        return False
    return not whole or WORLD in whole


def is_elsewhere(places: tuple[str, ...], main: frozenset[str]) -> bool:
    """Whether a figure is told for another country than the story's, in a story of one country (it has main
    places, ``main_places``, and the world is none of them): it names places, none of them a main place, a town or
    capital lying in one (``event_places``), or the world. "19 killed in Ostmark" in a story on Valdoria's
    war is another story's toll, told in a round-up."""
    if not places or not main or WORLD in main or WORLD in places or set(places) & main:
        return False
    return not (towns_lie_in(places) | containing(places)) & main


def marks(subject: str | None) -> frozenset[str]:
    """The distinctive words of a subject: names and codes ("H5N1", "SARS", "Spanish")."""
    if not subject:
        return frozenset()
    return frozenset(w.lower() for w in subject.split() if any(c.isdigit() for c in w) or w[:1].isupper())


def same_scope(
    places_a: tuple[str, ...], places_b: tuple[str, ...], subject_a: str | None, subject_b: str | None
) -> bool:
    """False when two figures name disjoint places, or subjects with disjoint names or codes."""
    if places_a and places_b and not set(places_a) & set(places_b):
        return False
    a, b = marks(subject_a), marks(subject_b)
    return not (a and b and not a & b)
