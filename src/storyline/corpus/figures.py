"""Collect the story's figures (area retaken, people killed, missing, evacuated or homeless, troops, aid, a
fire's containment, a water level) into dated series.

Each quantity found by the per-document stages is named after what it measures, from the verb
nearest to it ("retaken", "killed") and the counted noun; soldiers something befell (ill, infected,
arrested: "21 soldiers had flu") are no troops, a named group's dead ("four journalists died") are a series of
their own ("killed, journalists"), and troops are one series per side or place
(``figure_subjects``: "troops, Ardenian"). The verb and noun lists are small and written here: they
name the measures of a news story, which no general library does. A figure told as a projection,
condition, plan or target ("water could rise 2 metres if the dam fails": ``doc.figure_mood``) stays in
its series, marked ``projected``: it is no measured point, and nothing sets it against one; so does a past
count told as a possibility ("may have killed 90", "40 suspected deaths"), marked ``suspected``. A figure
about another, past incident recalled for comparison ("the 1918 pandemic killed 50 million":
``figure_past``) is no point of the story's measures.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from storyline.config import Config
from storyline.corpus.figure_casualties import (
    BURIED,
    QUALIFIER_BEFORE,
    counts_no_casualty,
    floor_of,
    group_of,
    is_body_s_own,
    is_buried,
    is_civil,
    own_predicate,
)
from storyline.corpus.figure_days import dated_by_twins, figure_day
from storyline.corpus.figure_givers import relative_giver, split_by_giver
from storyline.corpus.figure_headings import entry_date, in_capital_entry, is_heading_dated
from storyline.corpus.figure_history import estimate_measure, recalled
from storyline.corpus.figure_levels import in_metres, level_of
from storyline.corpus.figure_money import COST, money_measure
from storyline.corpus.figure_other import NAME_SHARE, is_other_disease
from storyline.corpus.figure_passages import in_other_leak, other_leak_passages
from storyline.corpus.figure_past import (
    about_past_incident,
    continues_background,
    dated_by_onset,
    dated_by_start,
    first_report,
    is_final_total,
    over_long_look_back,
)
from storyline.corpus.figure_scope import clause_span, figure_offsets, figure_places, is_tally, main_places
from storyline.corpus.figure_subjects import is_few_known, is_soldiers_fate, troops_measure
from storyline.corpus.figure_suppositions import supposed
from storyline.corpus.figure_volumes import (
    EARLIER_LEAK_DAYS,
    LEAK_TOTALS,
    RATE_MEASURES,
    VOLUME_MEASURES,
    added_to_rate,
    in_barrels,
    is_share_of_leak,
    volume_measure,
)
from storyline.corpus.lineage import ancestors, parent_map
from storyline.corpus.subject_words import subject_words
from storyline.corpus.timeline import date_sort_key
from storyline.pipeline import Stage
from storyline.records import Document, DocumentId, FigurePoint, FigureSeries, Quantity, Sentence, Story

_VERBS: dict[str, re.Pattern[str]] = {
    "retaken": re.compile(
        r"\b(?:retak\w*|retook|recaptur\w*|liberat\w*|regain\w*|reclaim\w*|freed|de-?occupied"
        r"|(?:took|taken|taking|won|winning)\s+back)\b",
        re.IGNORECASE,
    ),
    "captured": re.compile(
        r"\b(?:captur\w*|seiz\w*|occup(?:y|ies|ied|ying)|overr[au]n|(?:took|taken|seized)\s+control)\b",
        re.IGNORECASE,
    ),
    "killed": re.compile(r"\b(?:kill\w*|dead|died|deaths?|death\s+toll|lost\s+their\s+lives)\b", re.IGNORECASE),
    "injured": re.compile(r"\b(?:injur\w*|wounded|hurt)\b", re.IGNORECASE),
    "missing": re.compile(r"\b(?:missing|unaccounted)\b", re.IGNORECASE),
    "homeless": re.compile(r"\b(?:homeless|lost\s+their\s+homes)\b", re.IGNORECASE),
    "evacuated": re.compile(
        r"\b(?:evacuat(?:ed|ing|ion)|relocated|(?:moved|taken|brought|bused|bussed)\s+(?:out|away|to\s+safety|from))\b",
        re.IGNORECASE,
    ),
}
_NEXT_WORD = re.compile(r"\W*([A-Za-z-]+)")
SETTLEMENT_NOUNS = frozenset(
    {"settlement", "settlements", "village", "villages", "town", "towns", "locality", "localities",
     "community", "communities", "city", "cities", "hamlet", "hamlets"}
)  # fmt: skip
TROOP_NOUNS = frozenset({"troops", "soldiers", "servicemen", "personnel", "fighters", "reservists", "conscripts"})
# A casualty count counts people, or is itself a casualty word ("103 dead", "eight deaths").
PERSON_NOUNS = frozenset(
    {"people", "person", "persons", "civilians", "civilian", "soldiers", "soldier", "troops", "servicemen",
     "children", "child", "men", "women", "residents", "others", "officers", "police", "policemen",
     "journalists", "workers", "patients", "students", "militants", "fighters", "combatants", "sailors",
     "pilots", "prisoners", "hostages", "victims", "refugees", "passengers", "staff", "members", "personnel"}
)  # fmt: skip
CASUALTY_NOUNS = {
    "dead": "killed", "deaths": "killed", "death": "killed", "fatalities": "killed", "bodies": "killed",
    "killed": "killed", "wounded": "injured", "injured": "injured", "injuries": "injured", "hurt": "injured",
}  # fmt: skip
# Animals a count of the dead may count ("316 dead birds", "200 turtles found dead"), as the parse lemmatizes them.
ANIMAL_NOUNS = frozenset(
    {"animal", "bird", "turtle", "dolphin", "whale", "fish", "pelican", "seal", "mammal", "creature", "pig",
     "piglet", "cow", "cattle", "sheep", "goat", "chicken", "poultry", "duck", "dog", "cat", "horse", "deer",
     "otter", "shark", "livestock", "bat", "monkey", "elephant"}
)  # fmt: skip
# An organisation's own people: their dead or missing are a count of their own, not the toll of the
# disaster ("37 members of the mission", "16 personnel"), nor a rival of it.
STAFF_NOUNS = frozenset({"staff", "personnel", "members", "peacekeepers", "employees", "diplomats", "volunteers"})
STAFF = "staff and members"
_GROUP_COUNTS = frozenset({"killed", "injured", "missing"})
_IRREGULAR_PLURALS = {"person": "people", "child": "children", "personnel": "personnel", "staff": "staff"}
_LISTED = SETTLEMENT_NOUNS | TROOP_NOUNS | PERSON_NOUNS | STAFF_NOUNS | CASUALTY_NOUNS.keys()
# A bare number right after a casualty verb or tally: "killed 257", "death toll rose to 92", "put the
# number of dead in the south at 17".
_CASUALTY_BEFORE = re.compile(
    r"\b(?:killed|killing|kills|injured|injuring|wounded|wounding|death\s+toll\s+(?:\w+\s+){0,2}(?:to|at|of)"
    r"|(?:number|count|tally)\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities)\s+(?:[\w'’-]+\s+){0,5}?(?:to|at))\s+"
    + QUALIFIER_BEFORE,
    re.IGNORECASE,
)
# A bare number that a running casualty tally reaches, a few words after it: "the death toll from
# the fires rose to 89", "put the toll at 99", "the number of confirmed deaths rose to 106".
_TALLY_BEFORE = re.compile(
    r"(?:\b(?:(?:death|casualty)\s+)?toll|\bnumber\s+of\s+(?:\w+\s+){0,2}?(?:deaths|dead|fatalities|people\s+killed)\b"
    r")(?:\s+[^\d\s.;:]+){0,8}?\s+(?:to|at|of|reached|hit|passed|topped|exceeded)\s+" + QUALIFIER_BEFORE,
    re.IGNORECASE,
)
# A share of a fire's perimeter held: "85 percent contained", "containment reached 60 percent".
_CONTAINED_AFTER = re.compile(r"\s*(?:percent\s+|per\s+cent\s+|%\s*)?contain(?:ed|ment)\b", re.IGNORECASE)
_CONTAINMENT_BEFORE = re.compile(r"\bcontainment\b(?:\s+[^\d\s.;:]+){0,4}?\s+" + QUALIFIER_BEFORE, re.IGNORECASE)
_CHANGE_FROM = re.compile(r"\b(?:up|down|rising|falling)\s+from\s+$", re.IGNORECASE)
# The earlier value a figure is compared with, and the time right after it that dates it: "up from 80
# percent on Thursday", "down from a peak of more than five metres on Thursday", "compared with 40 in May".
_EARLIER_BEFORE = re.compile(
    r"\b(?:(?:up|down|rising|falling|climbing|dropping)\s+from|compared\s+(?:with|to))\b[^\d,;:()—–]*$", re.IGNORECASE
)
# A figure recalled as given before the report: "at the time", "initially said", "had put it at".
_TOLD_EARLIER = re.compile(
    r"\b(?:at\s+the\s+time|at\s+first|initially|originally|early\s+on|in\s+the\s+early\s+days"
    r"|original|initial|earlier|previous(?:ly)?"
    r"|had\s+(?:\w+\s+)?(?:estimated|put|said|reported|given|insisted|maintained|claimed|stuck\s+to))\b",
    re.IGNORECASE,
)
_TIME_RIGHT_AFTER = re.compile(r"[^\d,;:()—–]{0,12}")
# The fire a containment figure is about: the nearest named fire before it ("the Pulehu fire near Kihei").
_NAMED_FIRE = re.compile(r"\b((?:[A-Z][\w'-]*\s+)+)(?:wild)?fire\b")
# A bare count that the words right after it make homeless: "another 1.5 million were made homeless".
_HOMELESS_AFTER = re.compile(r"(?:\s+(?!and\b|but\b)[a-z-]+){0,5}?\s+homeless\b")
_NUMBER_BETWEEN = re.compile(r"\d")
_VERB_REACH = 80  # characters between a quantity and the verb that says what it measures


def nearest_verb(sentence: Sentence, quantity: Quantity, kinds: Iterable[str], same_clause: bool = False) -> str | None:
    """The kind of the verb nearest to the quantity in the sentence, if one is close enough.

    With ``same_clause``, a verb with another number between it and the quantity does not count:
    in "infected 421 people in 15 countries and killed 257", "killed" is not about the 421; and a verb
    of the quantity's own clause (``figure_scope.clause_span``) comes before a nearer one across a
    clause break: in "50 were wounded on Monday and one civilian was killed", the one was killed.
    """
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    left, right = (0, len(sentence.text))
    if same_clause:
        left, right = clause_span(sentence.text, start, end, figure_offsets(sentence))
    best: tuple[int, str] | None = None
    for kind in kinds:
        for m in _VERBS[kind].finditer(sentence.text):
            distance = max(start - m.end(), m.start() - end, 0)
            if distance > _VERB_REACH:
                continue
            if not (left <= m.start() and m.end() <= right):
                distance += _VERB_REACH + 1  # a verb of another clause only when the quantity's own has none
            if best is not None and distance >= best[0]:
                continue
            gap = sentence.text[m.end() : start] if m.end() <= start else sentence.text[end : m.start()]
            if same_clause and _NUMBER_BETWEEN.search(gap):
                continue
            best = (distance, kind)
    return best[1] if best else None


def casualty_of(sentence: Sentence, quantity: Quantity, noun: str) -> str | None:
    """ "killed", "injured", "missing", "evacuated" or "homeless" when a count counts casualties, evacuees
    or people left homeless, else None.

    The count must be a casualty word ("103 dead"), people near a casualty verb, "missing" or an
    evacuation in the same clause ("killed 5 people", "850 people were still missing", "2,000 people
    had been evacuated", "4,000 residents were moved from the coast"), a bare number right after a
    casualty verb ("killed 257"), or one a death toll reaches ("the toll from the fires rose to 89").
    "46 countries" or "25 piglets" near "deaths" are not casualties, nor is a count of several kinds at
    once ("killed, injured or homeless"). A count's own predicate after it ("100 people from the mission
    are still missing") wins over a nearer casualty word.
    """
    if counts_no_casualty(sentence, quantity):
        return None
    if (noun in CASUALTY_NOUNS or noun in PERSON_NOUNS) and is_buried(sentence, quantity):
        return BURIED
    if noun in CASUALTY_NOUNS:  # "40 dead", but "40 dead pelicans" (the parse's counted noun) are no people
        head = quantity.counted.split()[-1] if quantity.counted else ""
        return None if head in ANIMAL_NOUNS else CASUALTY_NOUNS[noun]
    if (noun in PERSON_NOUNS or quantity.noun is None) and _HOMELESS_AFTER.match(
        sentence.text, quantity.end - sentence.start
    ):
        return "homeless"  # "40,000 people have been left homeless", "1.5 million were made homeless"
    if noun in PERSON_NOUNS or noun in STAFF_NOUNS:
        kinds = ("killed", "injured", "missing", "evacuated", "homeless")
        return own_predicate(sentence, quantity) or nearest_verb(sentence, quantity, kinds, same_clause=True)
    before = sentence.text[: quantity.start - sentence.start]
    if quantity.noun is None and _CASUALTY_BEFORE.search(before):
        return nearest_verb(sentence, quantity, ("killed", "injured"), same_clause=True)
    if quantity.noun is None and _TALLY_BEFORE.search(before):
        return "killed"
    return None


# A person's own: "six of his children", "his wife and two young children", "her three sons".
_OWN_BEFORE = re.compile(r"\b(?:his|her|my|your)\s+(?:[\w-]+\s+){0,2}(?:and|&)\s+$", re.IGNORECASE)
_OWN_AFTER = re.compile(r"\s+of\s+(?:his|her|my|your|their)\s+", re.IGNORECASE)
_ONES_OWN_INSIDE = re.compile(r"\s+of\s+(?:his|her|my|your)\s+", re.IGNORECASE)


def is_personal(sentence: Sentence, quantity: Quantity) -> bool:
    """True when a count is one person's own people ("six of his children", "his wife and two young
    children"): a family's loss or search, no casualty count of the story."""
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    # "six of his children" read into the quantity; "five of their fighters" may be a group's, not a family's
    own = _OWN_AFTER.match(sentence.text, end) or _ONES_OWN_INSIDE.search(quantity.text)
    return bool(own or _OWN_BEFORE.search(sentence.text[:start]))


def containment_of(sentence: Sentence, quantity: Quantity) -> str | None:
    """ "<name> fire contained" (or "contained") when a percentage is a fire's containment, else None."""
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    before = sentence.text[:start]
    earlier = _CHANGE_FROM.search(before) and _CONTAINED_AFTER.search(before)  # "85% contained, up from 80%"
    if not (earlier or _CONTAINED_AFTER.match(sentence.text, end) or _CONTAINMENT_BEFORE.search(before)):
        return None
    names = [m.group(0).strip() for m in _NAMED_FIRE.finditer(sentence.text, 0, start)]
    name = names[-1] if names else ""
    words = name.split()
    if words and words[0] in ("The", "A"):
        words = words[1:]
    return f"{' '.join(words)} contained" if len(words) > 1 else "contained"


def counted_noun(sentence: Sentence, quantity: Quantity) -> str:
    """What a count counts: the quantity's noun; else the noun the parse hangs the number on
    (``Quantity.counted``: "12 of the 30 soldiers", "40 Ukrainian servicemen"), in the form the noun
    lists here spell it; else the word right after the number."""
    if quantity.noun:
        return quantity.noun.lower()
    if quantity.counted:
        return _listed_form(quantity.counted.split()[-1])
    m = _NEXT_WORD.match(sentence.text, quantity.end - sentence.start)
    return m.group(1).lower() if m else ""


def _listed_form(lemma: str) -> str:
    """A noun's lemma as the noun lists spell it, if they have it in any form ("soldier" -> "soldiers",
    "serviceman" -> "servicemen", "person" -> "people"), else the lemma."""
    # plurals first: every list has the plural, and some also the singular ("soldier" is a person)
    forms = [_IRREGULAR_PLURALS.get(lemma, ""), f"{lemma}s", f"{lemma}es"]
    if lemma.endswith("man"):
        forms.append(f"{lemma[:-3]}men")
    if lemma.endswith("y"):
        forms.append(f"{lemma[:-1]}ies")
    return next((f for f in forms if f in _LISTED), lemma)


def measure_of(sentence: Sentence, quantity: Quantity) -> str | None:
    """The measure a quantity belongs to ("area retaken", "killed", "missing", "evacuated", "troops",
    "aid", "loans", "Lahaina fire contained", "water level at Kherson", a leak's "flow rate"), or None.

    A leak's volumes and the story's cost to date come first: a rate per day is the leak's measure itself,
    and a running total's clause may tell the rate it grows by ("$5 million a day, bringing the total to
    ..."); either makes other figures no tally."""
    volume = volume_measure(sentence, quantity)
    if volume:
        return estimate_measure(sentence, quantity, volume)  # "the 5,000-barrel estimate" is none
    money = money_measure(sentence, quantity)
    if money == COST:
        return COST
    if not is_tally(sentence, quantity):
        return None
    level = level_of(sentence, quantity)
    if level:
        return level
    territory = nearest_verb(sentence, quantity, ("retaken", "captured"))
    if quantity.unit == "km2":
        return f"area {territory}" if territory else "area"
    if quantity.unit == "percent":  # only a share of territory or a fire's containment; others are unrelated
        if territory and is_share_of_leak(sentence, quantity):  # "capture 80 percent of the leaking oil"
            return None
        return f"area {territory}" if territory else containment_of(sentence, quantity)
    if quantity.unit == "count":
        noun = counted_noun(sentence, quantity)
        casualty = None if is_personal(sentence, quantity) else casualty_of(sentence, quantity, noun)
        if casualty in _GROUP_COUNTS and (noun in STAFF_NOUNS or is_body_s_own(sentence, quantity, noun)):
            return f"{casualty}, {STAFF}"  # a body's own people: "15 of the mission's staff were killed"
        if casualty in _GROUP_COUNTS and (group := group_of(noun)):
            return f"{casualty}, {group}"  # a group's own dead, no rival of all the dead: "four journalists died"
        if casualty:
            return casualty
        if noun in SETTLEMENT_NOUNS:  # "the two towns" is no tally; "retook 20 villages" is
            return f"settlements {territory}" if territory else None
        if noun in TROOP_NOUNS and not (
            is_soldiers_fate(sentence, quantity) or is_few_known(sentence, quantity) or is_civil(quantity)
        ):
            return troops_measure(sentence, quantity, noun)  # whose troops, or where: ``figure_subjects``
        return None
    return money  # "aid", "loans", "grants" only when the word names the sum


PAST_DAYS = 365  # ``FiguresConfig.past_incident_days``


def points_of(
    doc: Document,
    first: date | None = None,
    past_days: int = PAST_DAYS,
    names: frozenset[str] = frozenset(),
    other_leaks: frozenset[int] = frozenset(),
) -> list[tuple[str, str, FigurePoint]]:
    """(measure, unit, point) for each measured quantity of a document; with ``first`` (the story's first
    report's day), none about an incident that ended ``past_days`` before it (``figure_past``; for a leak's
    volume, ``EARLIER_LEAK_DAYS``); with the story's ``names``, none about another disease (``figure_other``); no
    volume of the sentences ``other_leaks`` tell about another leak (``figure_passages``)."""
    found = []
    for k, s in enumerate(doc.sentences):
        previous = doc.sentences[k - 1] if k else None
        for q in s.measures:
            measure = measure_of(s, q)
            if measure is None or supposed(s, q):  # "if the agency had released ... say 3,000": never told
                continue
            measure = added_to_rate(measure, s, q, previous)  # "That's on top of the 500,000 gallons" after a rate
            earlier = told_as_earlier(s) or recalled(s, q)  # "initially put at", "the 5,000-barrel estimate"
            when = earlier_value_date(s, q) or (None if earlier else s.event_date)
            when = figure_day(s, q, when, doc.published)  # the time that governs the figure
            if when == s.event_date and is_heading_dated(s):
                when = entry_date(previous, s, q)  # a timeline page's entry
            elif when == s.event_date and in_capital_entry(doc, s):
                when = None  # an entry of a page headed "16 MAY:", which its report does not date
            elif when == s.event_date and dated_by_report(s, q, measure):
                when = doc.published[:10] if doc.published else None  # "has leaked since 20 April": as of the report
            past = min(past_days, EARLIER_LEAK_DAYS) if measure in VOLUME_MEASURES else past_days
            if about_past_incident(s, q, when, first, past) or over_long_look_back(s, q, past_days):
                continue
            if is_other_disease(s, q, names, previous) or in_other_leak(s, measure, other_leaks):
                continue
            if continues_background(s, previous, first, past_days):
                continue
            if measure.startswith("water level"):
                q = in_metres(q)
            elif measure in VOLUME_MEASURES:
                q = in_barrels(q, per_day=measure in RATE_MEASURES)
            q = floor_of(s, q, measure)  # "1,500 bodies at the morgue", "the 150-plus deaths": at least
            point = FigurePoint(
                date=when,
                value=q.value,
                low=q.low,
                high=q.high,
                qualifier=q.qualifier,
                document=doc.id,
                sentence=s.index,
                text=s.text,
                source=doc.source,
                attributed_to=relative_giver(s, q) or s.attributed_to,
                places=figure_places(s, previous, q),
                subject=q.subject,
                projected=q.projected,
                suspected=q.suspected,
                own_day=names_its_day(s),
            )
            found.append((measure, q.unit, point))
    return found


def dated_by_report(sentence: Sentence, quantity: Quantity, measure: str) -> bool:
    """True when a figure dated by its sentence's time is a total as of its report (``figure_past``): one
    that time starts ("has leaked since 20 April"), a final total ("ultimately leaking 4.9 million barrels"),
    or a leak's total told with its onset ("exploded in April, ... leaking 4.9 million barrels")."""
    if dated_by_start(sentence, quantity) or is_final_total(sentence, quantity):
        return True
    return measure in LEAK_TOTALS and dated_by_onset(sentence)


# One day named by a sentence's own words: "four were killed Wednesday", "killed on Friday", "overnight".
_DAY_WORDS = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|overnight|last\s+night|this\s+morning"
    r"|on\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b)",
    re.IGNORECASE,
)


def names_its_day(sentence: Sentence) -> bool:
    """True when a sentence dates what it tells to one day by its own words ("four were killed Wednesday",
    "overnight", "on March 3"): its figures' ``FigurePoint.own_day``."""
    return _DAY_WORDS.search(sentence.text) is not None


def told_as_earlier(sentence: Sentence) -> bool:
    """True when a sentence dated only by its report recalls a figure given before: "at the time, the
    ministry said 40", "initially said", "had put the toll at", "an original estimate of". Such a figure
    is not the report day's, so it has no date rather than a wrong one (it is set against no figure of
    that day)."""
    return sentence.event_date_fallback and _TOLD_EARLIER.search(sentence.text) is not None


def earlier_value_date(sentence: Sentence, quantity: Quantity) -> str | None:
    """The date of an earlier value a figure is compared with, from the time right after it: in
    "85 percent contained, up from 80 percent on Thursday" the 80 is Thursday's, whatever day the
    sentence's event is; None for any other figure."""
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    if not _EARLIER_BEFORE.search(sentence.text[:start]):
        return None
    for t in sorted(sentence.times, key=lambda t: t.start):
        gap = sentence.text[end : t.start - sentence.start]
        if t.start >= quantity.end and t.date and _TIME_RIGHT_AFTER.fullmatch(gap):
            return t.date
    return None


def _figure_key(measure: str, unit: str, p: FigurePoint) -> tuple[str, str, float, float, float, str | None]:
    return (measure, unit, p.value, p.low, p.high, p.qualifier)


def drop_copies(
    found: Mapping[DocumentId, list[tuple[str, str, FigurePoint]]], parent: Mapping[DocumentId, DocumentId]
) -> list[tuple[str, str, FigurePoint]]:
    """All points except those of derived reports that repeat a figure of one of their origins."""
    kept: list[tuple[str, str, FigurePoint]] = []
    for doc_id, points in found.items():
        earlier = {_figure_key(*f) for origin in ancestors(doc_id, parent) for f in found.get(origin, [])}
        kept.extend(f for f in same_figure_once(points) if _figure_key(*f) not in earlier)
    return kept


def same_figure_once(points: list[tuple[str, str, FigurePoint]]) -> list[tuple[str, str, FigurePoint]]:
    """A report that gives one figure twice (in km2, later in square miles) counts it once.

    Two points of one measure and date within 1% of each other are the same figure.
    """
    kept: list[tuple[str, str, FigurePoint]] = []
    for measure, unit, point in points:
        if not any(
            m == measure and u == unit and p.date == point.date and abs(p.value - point.value) <= 0.01 * p.value
            for m, u, p in kept
        ):
            kept.append((measure, unit, point))
    return kept


def find_figures(story: Story, past_days: int = PAST_DAYS) -> tuple[FigureSeries, ...]:
    """One series per measure and unit, points sorted by event date; a measure whose givers disagree
    is one series per giver, labelled by who gives it ("killed, left bank (the regional council)"). A figure
    about an incident that ended ``past_days`` before the first report is left out (``figure_past``)."""
    first = first_report(story.documents)
    names = subject_words(story.documents, share=NAME_SHARE)
    others = other_leak_passages(story.documents, names, main_places(story.documents))
    points = {d.id: points_of(d, first, past_days, names, others.get(d.id, frozenset())) for d in story.documents}
    # a report's repeat of its figure ("10,500 barrels (439,950 gallons)") is dropped first: one figure, one day
    found = dated_by_twins({doc: same_figure_once(told) for doc, told in points.items()})
    groups: dict[tuple[str, str], list[FigurePoint]] = defaultdict(list)
    for measure, unit, point in drop_copies(found, parent_map(story.derivations)):
        groups[(measure, unit)].append(point)
    series = [
        FigureSeries(measure=label, unit=unit, points=sort_points(points))
        for (measure, unit), all_points in groups.items()
        for label, points in split_by_giver(measure, sort_points(all_points))
    ]
    return tuple(sorted(series, key=lambda s: (s.measure, s.unit)))


def sort_points(points: Sequence[FigurePoint]) -> tuple[FigurePoint, ...]:
    return tuple(sorted(points, key=lambda p: (date_sort_key(p.date), p.document, p.sentence, p.value)))


def build(config: Config) -> Stage[Story]:
    """The ``figures`` corpus stage."""

    def figures(story: Story) -> Story:
        return replace(story, figures=find_figures(story, config.figures.past_incident_days))

    return Stage(name="figures", func=figures, requires=("derivation",), provides=("figures",))
