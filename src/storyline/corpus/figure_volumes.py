"""A leak's figures: how fast it flows, how much has spilled, and how much is collected, each a measure
of its own kept in barrels (a day), whatever unit the report used.

A volume per day ("5,000 barrels a day", "30,000 gallons per day", "900 bbl/day"), one whose clause tells the
day ("1,000 barrels (42,000 gallons) a day", "poured in each day", "the daily leak", "in the previous 24 hours"),
one a leak or collecting verb in the progressive governs with no total told ("said it was leaking 1,000 barrels",
"the amount being captured at 11,000 barrels", "11,000 barrels were being trapped"), or one its sentence adds to
a rate of the sentence before ("That's on top of the 500,000 gallons gushing out"), is a rate, and any other
volume a total; which measure it is comes from the verb or noun nearest to it in its clause (not a negated one,
"there was no leak"), or from a relative clause after "the" volume ("the 5,000 barrels per day the tube was
siphoning"): a leak ("leaking", "gushing", "spewing", "the flow at ...") makes "flow rate" or "spilled", a
collection ("siphoning", "collect", "skimmed", "capture", "trapped", "keeping ... from leaking") makes
"collection rate" or "collected". A volume that neither names (a field's output, a depot's stock) has no measure, nor
has one in a question, nor one that is the report's own conversion of the figure before it, anywhere in
the brackets after it or after its "or" ("4,000 barrels (168,000 gallons/636,000 litres)", "4,000 barrels
or 168,000 gallons"), nor a capacity ("can process 21 million gallons a day", "the capacity to collect
80,000 barrels", "would be able to siphon off 50,000", "designed to handle"), nor a plan (a collecting verb
under "could", "would" or an aim: "would capture and burn 420,000 gallons daily", "hoped to collect"), nor a
total over part of a day ("another 330,000 gallons by noon Tuesday"), nor another incident's volume told
where the leak is compared with it ("surpassing the 1979 blowout that gushed almost 3 million barrels").
Gallons, litres and cubic metres are converted to barrels (42 US gallons), so that one series holds
one unit and its ranges.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.records import Quantity, Sentence

BARREL = "barrel"
RATE_MEASURES = frozenset({"flow rate", "collection rate"})
LEAK_TOTALS = frozenset({"spilled", "collected"})  # running totals of a leak, no rates
VOLUME_MEASURES = RATE_MEASURES | LEAK_TOTALS
BARRELS_A_DAY = "barrel/day"
# A leak is told from its start: a volume dated a month before the story's first report is another, earlier
# leak's ("Last year Amnesty calculated that at least 9m barrels was spilled" in the delta), where a war's
# toll keeps a year of its own earlier months (``figures.PAST_DAYS``).
EARLIER_LEAK_DAYS = 30
# Barrels in one of each volume unit of ``doc.quantities`` (a barrel of oil is 42 US gallons).
PER_UNIT = {"barrel": 1.0, "barrel of oil": 1.0, "gallon": 1 / 42, "L": 1 / 158.987294928, "m3": 6.28981077}
_RATE_UNITS = {"bpd": 1.0} | {f"{unit}/day": factor for unit, factor in PER_UNIT.items()}
_LEAK = re.compile(
    r"\b(?:leak\w*|spew\w*|gush\w*|pour\w*|spill\w*|flow\w*|escap\w*|belch\w*|releas\w*|discharg\w*|seep\w*"
    r"|bleed\w*|bled|dump\w*)\b",
    re.IGNORECASE,
)
# Taking oil in, also by a device that catches or traps it ("caught in the dome", "trapped 441,000 gallons"),
# contains a figure ("had contained 14,800 barrels", "being contained"; not "a similar amount contained or
# evaporated") or keeps it from leaking ("keeping 462,000 gallons a day from leaking"; not "from reaching").
_COLLECT = re.compile(
    r"\b(?:collect\w*|siphon\w*|captur\w*|funnel\w*|recover\w*|skim\w*|suck\w*"
    r"|tapp\w*|pump\w*\s+(?:up|out|to)|clean(?:ed|ing)?\s+up|catch(?:es|ing)?\b|caught|trap(?:s|ped|ping)?\b"
    r"|contain(?:ed|ing)\b(?=\s+(?:(?:more|less)\s+than\s+|about\s+|some\s+|up\s+to\s+|nearly\s+|over\s+)?\d)"
    r"|(?:being|been)\s+contained\b"
    r"|(?:keep(?:s|ing)?|kept)\b(?=[^.;]{0,80}?\bfrom\s+(?:leak|spill|escap|gush|flow|pour|seep|spew)\w*))",
    re.IGNORECASE,
)
# What limits a device, no flow nor take: "doubles its capacity to 53,000 barrels a day from around 25,000", "a
# funnel to accommodate 800,000 gallons a day", "designed to handle up to 80,000 barrels a day".
_CAPACITY = re.compile(r"\b(?:capacity|accommodat(?:e|es|ed|ing)|handl(?:e|es|ed|ing))\b", re.IGNORECASE)
# A modal, a verb of aim or a capacity that makes the collecting verb after it a plan or a capacity ("would
# capture and burn", "could skim, suck up or otherwise remove", "would now be able to capture", "hoped to
# collect", "crews are under way to siphon", "had the capacity to skim and remove"), and a modal after
# the volume ("so that 50,000 barrels a day can be pumped to the surface").
_MODAL = re.compile(
    r"\b(?:could|would|might|can|(?:(?:hop|aim|plan|intend|want|attempt)\w*|seeks?|sought|tr(?:y|ies|ied|ying)"
    r"|under\s*way|designed|capacity)\s+to)\b",
    re.IGNORECASE,
)
_MODAL_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:could|would|might|can)\s+(?:now\s+|also\s+|soon\s+)?be\s+", re.IGNORECASE
)
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|says?|said)\b|\d", re.IGNORECASE)  # a clause of its own
# A total over part of a day, no day's: "7,541 barrels in the first 12 hours of Monday", "330,000 gallons by noon".
_PART_OF_DAY = re.compile(
    r"\b(?:in|during|over)\s+the\s+(?:first|last|past|previous)\s+(?:[1-9]|1\d|2[0-3]|one|two|three|four|five|six"
    r"|eight|ten|twelve)\s+hours\b|\bby\s+(?:noon|midday|mid-?morning|mid-?afternoon|\d{1,2}(?::\d\d)?\s*[ap]\.?m\b)",
    re.IGNORECASE,
)
# What a device or plan could take, not what flows or is taken: "can clean up to", "the capacity to collect",
# "would be able to siphon off", "the current limit of".
# "the capacity to collect oil from the well to" takes more words before its figure than "can process".
_WORD = r"\s+(?!and\b|but\b|is\b|are\b|was\b|were\b|has\b|have\b|had\b)[\w-]+"
_CAPACITY_BEFORE = re.compile(
    rf"(?:\b(?:capacity|limit)\b(?:{_WORD}){{0,7}}?|\b(?:can|(?:would|will|should|could|to)\s+be\s+able\s+to)\b"
    rf"(?:{_WORD}){{0,4}}?)\s+(?:(?:up\s+to|as\s+much\s+as|some|about|of)\s+)?$",
    re.IGNORECASE,
)
# A day named in the volume's clause makes it a rate: "(...) a day", "poured in each day", "the daily leak".
# Also hyphenated into a modifier: "BP's 5,000 barrels-a-day estimate", or after a slash: "900 bbl/day" (its
# slash escaped, "bbl\/day", as some feeds print it), or a day's 24 hours: "in the previous 24 hours", "over the
# 24 hours to midnight", "in the 24-hour period ended at noon".
_DAILY = re.compile(
    r"\b(?:(?:a|per|each|every)[\s-]+day|daily)\b|\\?/\s?day\b"
    r"|\b(?:in|over|during|for)\s+(?:the\s+|a\s+)?(?:(?:previous|past|last|first|latest)\s+)?(?:24|twenty-four)"
    r"(?:\s+hours\b|-hour\s+period\b)",
    re.IGNORECASE,
)
_LIQUID = re.compile(r"\b(?:oil|crude|fuel|gas|diesel|petrol|gasoline)\b", re.IGNORECASE)
# A leak word between a determiner and the liquid it describes: "the leaking oil", "of spilled crude" (not
# "was leaking oil", a verb and its object).
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|of|its|this|that|all|any)\s+$", re.IGNORECASE)
_LIQUID_AFTER = re.compile(r"\s+(?:oil|crude|fuel|diesel|petrol|gasoline)\b", re.IGNORECASE)
# Another incident a leak is set against, with a clause of its own that tells its volume: "surpassing the 1979
# Ixtoc well blowout that gushed almost 3 million barrels", "could eclipse the tanker spill -- which dumped 11
# million gallons", "the worst spill since the tanker ran aground, leaking 11 million gallons".
_COMPARED_INCIDENT = re.compile(
    r"\b(?:surpass\w*|eclips\w*|exceed\w*|outstrip\w*|overtak\w*|dwarf\w*|(?:greater|larger|bigger|worse)\s+than"
    r"|(?:worst|biggest|largest|greatest)\b[^.;]{0,40}?\bsince)"
    r"[^.;]{0,80}?\b(?:spill|blowout|disaster|leak|tanker|supertanker|accident|grounding)\b"
    r"[^.;]{0,60}?(?:,?\s*(?:--|—|–)?\s*\b(?:which|that|when|in\s+which)\b|,\s+\w+ing\b)",
    re.IGNORECASE,
)
_COMPARED_REACH = 100  # characters from the compared incident's clause to its volume
_OR_BEFORE = re.compile(r",?\s+or\s+(?:(?:about|some|roughly|nearly|around)\s+)?$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;?!]|\.\s|,\s+(?:and|but|while|which|when)\s", re.IGNORECASE)
_REACH = 60  # characters between a volume and the word that says what it measures
# "from the (damaged) leak", "(keeping it) from leaking"
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:the|its|a|an)\s+(?:[\w-]+\s+)?)?$", re.IGNORECASE)
# The day right after a volume: " a day", " per day", "-a-day", "/day".
DAY_AFTER = r"(?:[\s-]+(?:a|per|each|every)[\s-]+day\b|\\?/\s?day\b)"
# A leak word negated, which tells of no flow: "said there was no leak", "the pipe is not leaking".
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|never)\s+$", re.IGNORECASE)
# A leak or collecting verb in the progressive that governs a volume tells an ongoing flow or take, so a rate with its
# day left unsaid: active right before it ("said it was leaking 1,000 barrels", "the tanker is siphoning 900
# barrels"), passive right before it ("put the amount being captured at 11,000 barrels") or after it, the volume its
# subject ("some 11,000 barrels were being trapped by the cap"); not "has leaked" nor "was captured", totals ...
_ING = (
    r"(?:leak|spew|gush|pour|spill|belch|bleed|seep|releas|discharg|collect|siphon|captur|funnell?|recover|skimm"
    r"|suck|trapp|catch)ing"
)
_BEING = (
    r"being\s+(?:leaked|spilled|spilt|released|discharged|dumped|collected|siphoned|captured|funnell?ed|recovered"
    r"|skimmed|sucked\s+up|trapped|contained|caught)\b"
)
_PROGRESSIVE_BEFORE = re.compile(
    rf"(?:\b(?:is|are|was|were|['’]s|['’]re)\s+(?:still\s+|now\s+)?{_ING}\s+(?:out\s+|off\s+|up\s+)?"
    rf"|\b{_BEING}\s+at\s+)$",
    re.IGNORECASE,
)
_PROGRESSIVE_AFTER = re.compile(
    rf"(?:\s*\([^()]*\))?(?:\s+of\s+(?:oil|crude|fuel))?\s+(?:is|are|was|were)\s+(?:still\s+|now\s+)?{_BEING}",
    re.IGNORECASE,
)
# ... unless its clause tells a total: "was leaking 4 million barrels in all", "so far", "over 80 days".
_TOTAL_TOLD = re.compile(
    r"\b(?:so\s+far|already|in\s+all|in\s+total|altogether|to\s+date|since|total|until|by\s+then"
    r"|(?:over|in|during|for)\s+(?:the\s+)?(?:(?:past|last|first|previous)\s+)?(?:[\w-]+\s+)?(?:days|weeks|months))\b",
    re.IGNORECASE,
)
# A volume named with "the" and told by a relative clause after it (its conversion in brackets and its day between):
# "the 5,000 barrels per day the company said the tube was siphoning off", "the 900 barrels a day that crews
# skim". The clause's verb says what the volume measures, whatever word is nearer before it.
_THE_BEFORE = re.compile(r"\bthe\s+(?:[a-z-]+\s+)?$", re.IGNORECASE)
_BRACKETS_AND_DAY = re.compile(rf"(?:\s*\([^()]*\))?{DAY_AFTER}?", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\s+(?:(?:that|which)\s+)?"
    r"(?:(?!(?:from|into|in|on|onto|at|to|of|for|with|by|and|or|but|than|as)\b)[A-Za-z'’-]+\s+){1,8}",
    re.IGNORECASE,
)


def volume_measure(sentence: Sentence, quantity: Quantity) -> str | None:
    """ "flow rate", "collection rate", "spilled" or "collected" when a volume is a leak's figure, else None."""
    rate = quantity.unit in _RATE_UNITS
    if not (rate or quantity.unit in PER_UNIT) or is_conversion(sentence, quantity):
        return None
    if sentence.text.rstrip().rstrip("\"”'’").endswith("?") or of_compared_incident(sentence, quantity):
        return None
    left, right = _clause(sentence, quantity)
    if _CAPACITY_BEFORE.search(sentence.text, left, quantity.start - sentence.start):
        return None
    kind = _nearest_kind(sentence, quantity, left, right)
    if kind is None or kind == "capacity" or (kind == "collect" and _planned(sentence, quantity, left, right)):
        return None
    rate = rate or _told_nearest(_DAILY, sentence, quantity, left, right) or _ongoing(sentence, quantity, left, right)
    if not rate and _told_nearest(_PART_OF_DAY, sentence, quantity, left, right):
        return None
    if kind == "leak":
        return "flow rate" if rate else "spilled"
    return "collection rate" if rate else "collected"


# A sentence that adds its volume to the one before it: "That's on top of the estimated 500,000 gallons gushing out",
# "This comes in addition to the 2,000 barrels".
_ADDED_TO = re.compile(
    r"^[\W_]*(?:that|this|it)(?:['’]s|\s+(?:is|was|comes|came|would\s+be|will\s+be))\s+"
    r"(?:on\s+top\s+of|in\s+addition\s+to|over\s+and\s+above|besides)\s+(?:(?:the|an?)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_AS_RATE = {"spilled": "flow rate", "collected": "collection rate"}
# Each rate and the total that, told for one day, is that day's rate: "10,500 barrels on Saturday" and "10,500 barrels
# in 24 hours" are one figure (``figure_days.dated_by_twins``).
DAY_TOTAL = {rate: (total, BARREL) for total, rate in _AS_RATE.items()}


def added_to_rate(measure: str, sentence: Sentence, quantity: Quantity, previous: Sentence | None) -> str:
    """A leak's total ``measure`` read as the rate it is when its sentence adds it to a rate of the sentence before
    (``_ADDED_TO``): after "... at least 100,000 gallons more a day.", "That's on top of the estimated 500,000 to 1
    million gallons gushing out already" tells gallons a day. Any other measure as it is."""
    if measure not in _AS_RATE or previous is None:
        return measure
    if not _ADDED_TO.search(sentence.text, 0, quantity.start - sentence.start):
        return measure
    volumes = [volume_measure(previous, q) for q in previous.measures]
    told = [m for m in volumes if m is not None]
    return _AS_RATE[measure] if told and told[-1] in RATE_MEASURES else measure


def _ongoing(sentence: Sentence, quantity: Quantity, left: int, right: int) -> bool:
    """True when a leak or collecting verb in the progressive governs the volume (``_PROGRESSIVE_BEFORE``,
    ``_PROGRESSIVE_AFTER``) and its clause tells no total ("said it was leaking 1,000 barrels", "the amount being
    captured at 11,000 barrels": rates; "was leaking 4 million barrels in all": none)."""
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    before = _PROGRESSIVE_BEFORE.search(sentence.text, left, start)
    if before is None and _PROGRESSIVE_AFTER.match(sentence.text, end, right) is None:
        return False
    return _TOTAL_TOLD.search(sentence.text, left, right) is None


def of_compared_incident(sentence: Sentence, quantity: Quantity) -> bool:
    """True when a volume is told in the clause of another incident the story's leak is compared with
    (``_COMPARED_INCIDENT``: "would be greater than the Ixtoc leak, which gushed 3.3 million barrels"), not when the
    comparison governs the volume itself ("the leak has surpassed 100 million gallons")."""
    start = quantity.start - sentence.start
    for compared in _COMPARED_INCIDENT.finditer(sentence.text, 0, start):
        gap = sentence.text[compared.end() : start]
        if len(gap) <= _COMPARED_REACH and ";" not in gap:
            return True
    return False


def _planned(sentence: Sentence, quantity: Quantity, left: int, right: int) -> bool:
    """True when a modal makes the collecting verb nearest a volume a plan or a capacity: the last "could", "would",
    "might" or "can" before it in its clause heads a verb chain with a collecting verb and no clause of its own
    ("would capture and burn about 420,000 gallons", "could skim, suck up or otherwise remove 20 million
    gallons"), or the volume is the subject of one ("so that 50,000 barrels a day can be pumped to the surface")."""
    text = sentence.text
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    modal = next(reversed(list(_MODAL.finditer(text, left, start))), None)
    if modal is not None and start - modal.end() <= _REACH:
        chain = text[modal.end() : start]
        if _COLLECT.search(chain) and not _FINITE.search(chain):
            return True
    after = _MODAL_AFTER.match(text, end, right)
    return after is not None and _COLLECT.match(text, after.end()) is not None


def _told_nearest(words: re.Pattern[str], sentence: Sentence, quantity: Quantity, left: int, right: int) -> bool:
    """True when ``words`` of the clause, a day ("a day", "each day", "daily") or a part of one ("by noon"), are
    nearer to this volume than to any other volume of the sentence that is no conversion: in "900 barrels (...) a
    day since May 1, the total is 27,000 barrels" only the 900 are per day. Linear in the sentence's quantities:
    their ends are gathered once for every conversion test."""
    ends = _ends(sentence)
    volumes = [
        q
        for q in sentence.quantities
        if (q.unit in PER_UNIT or q.unit in _RATE_UNITS)
        and not _converts(sentence.text, q.start - sentence.start, ends)
    ]
    for day in words.finditer(sentence.text, left, right):
        nearest = min(volumes, key=lambda q: _gap(sentence, q, day.start(), day.end()), default=None)
        if nearest is quantity:
            return True
    return False


def _gap(sentence: Sentence, quantity: Quantity, start: int, end: int) -> int:
    q_start, q_end = quantity.start - sentence.start, quantity.end - sentence.start
    return max(start - q_end, q_start - end, 0)


def is_share_of_leak(sentence: Sentence, quantity: Quantity) -> bool:
    """True when a percentage's clause tells a leak or names oil, crude, fuel or gas: "capture about 80
    percent of the leaking oil" is a share of a volume, no territory captured."""
    left, right = _clause(sentence, quantity)
    return (
        _LEAK.search(sentence.text, left, right) is not None or _LIQUID.search(sentence.text, left, right) is not None
    )


def is_conversion(sentence: Sentence, quantity: Quantity) -> bool:
    """True when the volume is the report's conversion of the one before it: anywhere in the brackets right
    after it ("1,000 barrels (42,000 gallons/159,000 litres)") or after its "or" ("1,000 barrels or 42,000
    gallons")."""
    return _converts(sentence.text, quantity.start - sentence.start, _ends(sentence))


def _ends(sentence: Sentence) -> frozenset[int]:
    """Where the sentence's quantities end, in its text."""
    return frozenset(q.end - sentence.start for q in sentence.quantities)


def _converts(text: str, start: int, ends: frozenset[int]) -> bool:
    """``is_conversion`` for the quantity at ``start`` of ``text``, given where the sentence's quantities end
    (only ends before ``start`` can be the figure converted: the bracket or "or" lies between them)."""
    opening = text.rfind("(", 0, start)
    if opening >= 0 and ")" not in text[opening:start] and len(text[:opening].rstrip()) in ends:
        return True
    before = _OR_BEFORE.search(text, 0, start)
    return before is not None and before.start() in ends


def _clause(sentence: Sentence, quantity: Quantity) -> tuple[int, int]:
    """The quantity's clause in its sentence's text, between clause ends."""
    text = sentence.text
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_END.finditer(text, end)), len(text))
    return left, right


def _nearest_kind(sentence: Sentence, quantity: Quantity, left: int, right: int) -> str | None:
    """ "leak", "collect" or "capacity", from the nearest such word in the quantity's clause, within ``_REACH``
    ("capacity to 53,000 barrels a day from around 25,000": both are the device's limit). A leak
    word that only names the oil ("the leaking oil", "spilled crude") counts when no other word does: in "a
    fifth of the leaking oil - around 800,000 barrels - was captured", the 800,000 were captured. With a
    collecting word in the clause, a leak word after "from" names where the oil is taken from ("sucked 2,200
    barrels from the leak"), not what the volume measures."""
    text = sentence.text
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    relative = _relative_kind(text, start, end, right)
    if relative is not None:
        return relative
    collects = _COLLECT.search(text, left, right) is not None
    best: tuple[bool, int, str] | None = None
    for kind, pattern in (("leak", _LEAK), ("collect", _COLLECT), ("capacity", _CAPACITY)):
        for m in pattern.finditer(text, left, right):
            if kind == "leak" and collects and _FROM_BEFORE.search(text, left, m.start()):
                continue
            if kind == "leak" and _NEGATED_BEFORE.search(text, left, m.start()):
                continue  # "there was no leak -- I guess 42,000 gallons a day is hard to hide"
            distance = max(start - m.end(), m.start() - end, 0)
            naming = kind == "leak" and _names_the_oil(text, m.start(), m.end())
            if distance <= _REACH and (best is None or (naming, distance) < best[:2]):
                best = (naming, distance, kind)
    return best[2] if best else None


def _relative_kind(text: str, start: int, end: int, right: int) -> str | None:
    """ "leak" or "collect" when the volume at ``start:end`` of ``text`` is named with "the" and a relative clause
    after it, ending in its clause before ``right``, tells it with a leaking or collecting verb (``_RELATIVE``:
    "the 5,000 barrels per day the company had said the tube was siphoning off"); else None."""
    if not _THE_BEFORE.search(text, 0, start):
        return None
    after = _BRACKETS_AND_DAY.match(text, end, right)
    begin = after.end() if after else end
    verbs = [
        (m.start(), kind)
        for kind, p in (("collect", _COLLECT), ("leak", _LEAK))
        for m in p.finditer(text, begin, right)
    ]
    if not verbs:
        return None
    at, kind = min(verbs)
    return kind if _RELATIVE.fullmatch(text, begin, at) else None


def _names_the_oil(text: str, start: int, end: int) -> bool:
    """Whether the leak word at ``start:end`` of ``text`` only describes the liquid after it ("the leaking oil")."""
    return _LIQUID_AFTER.match(text, end) is not None and _DETERMINER_BEFORE.search(text, 0, start) is not None


def in_barrels(quantity: Quantity, per_day: bool = False) -> Quantity:
    """The quantity with its value, range and unit in barrels, or barrels a day for a rate (or ``per_day``:
    a volume whose clause tells the day, "1,000 barrels (...) a day")."""
    rate = per_day or quantity.unit in _RATE_UNITS
    factor = _RATE_UNITS.get(quantity.unit) or PER_UNIT[quantity.unit]
    return replace(
        quantity,
        value=quantity.value * factor,
        low=quantity.low * factor,
        high=quantity.high * factor,
        unit=BARRELS_A_DAY if rate else BARREL,
    )
