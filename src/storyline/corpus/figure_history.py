"""A figure's place in an estimate's history as a report tells it: the first value ("officials initially put
the flow at 5,000 barrels a day"), the values it was later raised to ("a 1,000-barrel-a-day flow was upped to
5,000 barrels", in the first one's unit), an estimate named by its size ("the 5,000-barrel estimate"), a known
value a figure is compared with ("5,768 barrels, close to the 5,000-barrel estimate"), one named as told before
("the leak isn't the announced 42,000 gallons"), one cited in quotation marks of its own ('siphoning off "3000
barrels/day" (...)') and a claim said to have been known wrong ("said it was 1,000 when they knew it was more").

A sentence tells such a history in steps, split at words that move it on ("then", "later", "but", "raised",
"upped"): only a time of a figure's own step dates it, and a step recalled as the first one, or one told before
the step that the sentence's time dates, holds a figure given before, on a day the report does not tell.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from storyline.corpus.figure_volumes import DAY_AFTER, RATE_MEASURES, volume_measure
from storyline.records import Quantity, Sentence

# Words that tell an estimate as the first one: "initially", "at first", "an early estimate" (not "first", which
# also names the first estimate ever made, news on the day it is released: "the first official estimate").
_FIRST = re.compile(
    r"\b(?:initially|originally|at\s+first|at\s+the\s+outset|in\s+the\s+beginning"
    r"|(?:initial|original|early|earliest)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:estimates?|figures?|counts?|tolls?|assessments?|forecasts?|projections?|reports?))\b",
    re.IGNORECASE,
)
_SEGMENT_BREAK = re.compile(r",(?!\d)|[;()—–]")  # not the comma of "5,000"
_OPENING = re.compile(r"[\W_]*")  # what may come before a sentence's first word: quotes, a dash
# A verb of revision, in any form: "raised", "upped that", "revises it upwards", "lowering the estimate", "hiked";
# also read by ``figure_days`` for a value a revision replaces.
REVISION = (
    r"\b(?:(?:revis|rais|increas|reduc|decreas|downgrad|upgrad|doubl|tripl|hik)(?:e[sd]?|ing)"
    r"|(?:lift|boost|bump|lower)(?:s|ed|ing)?|upp(?:ed|ing)|cut(?:s|ting)?)\b"
)
# Where a history moves on to its next step: a word of sequence, a revision, or the value's own change ("the flow
# eased to"). Not "until", which ends the step it is in ("53,000 barrels a day until the well was capped July 15").
_STEP_BREAK = re.compile(
    r";|\b(?:then|later|but|before|after|now|since|eased|slowed|fell|dropped|declined|rose|grew|climbed)\b|" + REVISION,
    re.IGNORECASE,
)
# A value a figure is revised to, right before it: "was upped to", "then soon raised that to".
_REVISED_TO = re.compile(
    REVISION + r"(?:\s+(?:it|that|this|them|the\s+\w+|its\s+\w+|up(?:wards?)?|down(?:wards?)?|sharply|again)){0,3}"
    r"\s+to\s+$",
    re.IGNORECASE,
)
# The next value of a list of revisions: ", then 12,000", ", and then, just last week to 20,000".
_THEN_TO = re.compile(
    r"[\s,]*(?:and\s+)?then[\s,]+(?:(?:just\s+)?(?:last|this|early|late)\s+\w+\s+)?(?:to\s+)?", re.IGNORECASE
)
_REVISION_REACH = 40  # characters between a rate and the value it is revised to
# What turns a list of revisions into a total: "and the total spilled has been raised to 2 million barrels".
_TOTAL_WORDS = re.compile(r"\b(?:total|in\s+all|so\s+far|altogether|cumulative|spilled|leaked|since)\b", re.I)
_CLAUSE_END = re.compile(r";|\.\s")
# An estimate named by its size ("the 5,000-barrel estimate", "the 1,000- and 5,000-barrel figures", "the 5,000
# barrel-per-day estimate"): a unit joined to its number by a hyphen, or in the singular, then the estimate's noun.
_SIZE_NAMED = re.compile(
    r"\d(?:\s*-\s*(?:barrel|gallon|litre|liter|ton|tonne)s?|\s+(?:barrel|gallon|litre|liter|ton|tonne))$"
)
_ESTIMATE_AFTER = re.compile(
    r"(?:[\s-]+(?:a|per)[\s-]+day)?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:estimates?|figures?|numbers?|projections?|forecasts?|assessments?|calculations?)\b",
    re.IGNORECASE,
)
# A known value a figure is compared with, named with a determiner right before it: "5,768 barrels, close to the
# 5,000 estimate", "in line with the ministry's 50", "more than the 1,000 barrels first estimated" (never the
# qualifier of "close to 5,000 people", "more than 40 dead"; nor "rather than", an alternative).
_COMPARED_BEFORE = re.compile(
    r"\b(?i:close\s+to|in\s+line\s+with|consistent\s+with|similar\s+to|not\s+far\s+(?:from|off)|comparable\s+(?:to|with)"
    r"|on\s+a\s+par\s+with|roughly\s+(?:matching|the\s+same\s+as)|matching"
    r"|(?:more|less|fewer|greater|larger|bigger|smaller|higher|lower)\s+than|far\s+(?:above|below))\s+"
    r"(?:(?i:the|an?|its|their|his|her|this|that)|[A-Z][\w.&-]*['’]s?)\s+(?:[^\W\d][\w'’-]*\s+){0,4}?$",
)

# A value named as told before, its telling a participle between a determiner and the figure: "the announced
# 42,000 gallons", "BP's stated 5,000 barrels", "the previously reported 300 deaths".
_TOLD_BEFORE = re.compile(
    r"\b(?:(?i:the|its|their|his|her|this|that)|[A-Z][\w.&-]*['’]s?)\s+"
    r"(?i:(?:(?:previously|originally|initially|earlier|first|once|widely|officially)\s+)?"
    r"(?:announced|reported|stated|quoted|published|claimed|cited|touted|advertised|publici[sz]ed))\s+"
    r"(?i:(?:about|some|around|roughly|nearly|almost)\s+)?\$?$",
)


# A figure in quotation marks of its own, cited inside a sentence: 'siphoning off "3000 barrels/day" (which is
# ...)'. Its quote opens right before it and closes right after its unit and day, with no sentence's end inside.
_QUOTE_OPENS = re.compile(r"[\"“‘]$")
_QUOTE_CLOSES = re.compile(rf"{DAY_AFTER}?[\"”’](?=\s*[\w(,;–—-])", re.IGNORECASE)


# A claim its sentence says was known to be wrong when it was made: "said it was leaking 1,000 barrels when I think
# they knew it was more", "put it at 40, though they must have known it was far higher".
_KNOWN_WRONG_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:when|while|though|although|but)\s+(?:(?:I|we)\s+(?:think|believe|bet|guess|suspect)\s+)?"
    r"(?:they|he|she|it|the\s+\w+)\s+(?:knew|know|knows|must\s+have\s+known|had\s+known)\s+(?:that\s+)?"
    r"(?:it|this|that|the\s+\w+)\s+(?:was|is|were|had\s+been)\s+(?:(?:much|far|a\s+lot|many\s+times)\s+)?"
    r"(?:more|higher|bigger|larger|greater|worse|less|lower|smaller|fewer)\b",
    re.IGNORECASE,
)


def recalled(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a figure is recalled from an estimate's history rather than told as of its sentence's day: a first
    estimate or a step before the dated one (``told_as_first``), a known value compared with (``compared_with``)
    or named as told before (``named_as_told``), an estimate named by its size (``names_an_estimate``), a figure
    cited in quotation marks of its own (``quoted``), a claim said to have been known wrong (``known_wrong``). Such a
    figure has no day."""
    return (
        told_as_first(sentence, quantity)
        or compared_with(sentence, quantity)
        or named_as_told(sentence, quantity)
        or names_an_estimate(sentence, quantity)
        or quoted(sentence, quantity)
        or known_wrong(sentence, quantity)
    )


def told_as_first(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a figure is an estimate's earlier value and its sentence's day is not its own: its step holds a word
    of the first estimate ("Officials initially put the flow at 5,000 barrels a day", dated by the sentence
    before or by its report; "Originally ... 1,000 barrels a day, then ... last week to 20,000") and no time, or
    it is a step of such a history told before the step of the time that dates the sentence ("then soon raised
    that to 5,000" before "just last week to 20,000")."""
    firsts = _first_words(sentence)
    if not firsts:
        return False
    left, right = _step(sentence.text, quantity.start - sentence.start, quantity.end - sentence.start)
    dated = [t for t in sentence.times if t.date]
    if any(left <= t.start - sentence.start < right for t in dated):
        return False  # a time of its own step dates it: "On March 2 the ministry initially said 40"
    borrowed = sentence.event_date_fallback or sentence.event_date_anchor is not None
    if any(left <= at < right for at in firsts):
        return borrowed or bool(dated)  # else the sentence's own time is not known here: keep its day
    return min(firsts) < left and any(
        t.date == sentence.event_date and t.start - sentence.start >= right for t in dated
    )


def _first_words(sentence: Sentence) -> list[int]:
    """Where the sentence's words of a first estimate (``_FIRST``) start, those only that open the sentence or share
    their stretch between commas with a figure: not "The virus, originally found in pigs, has killed 80"."""
    text = sentence.text
    cuts = [m.start() for m in _SEGMENT_BREAK.finditer(text)]
    stretches = {bisect_left(cuts, q.start - sentence.start) for q in sentence.measures}
    return [
        m.start()
        for m in _FIRST.finditer(text)
        if _OPENING.fullmatch(text, 0, m.start()) or bisect_left(cuts, m.start()) in stretches
    ]


def _step(text: str, start: int, end: int) -> tuple[int, int]:
    """The step of a told history around ``start:end`` of ``text``, between ``_STEP_BREAK`` words."""
    left = max((m.start() for m in _STEP_BREAK.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _STEP_BREAK.finditer(text, end)), len(text))
    return left, right


def compared_with(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a figure is a known value its sentence compares with (``_COMPARED_BEFORE``): "5,768 barrels, close to
    the 5,000-barrel estimate", "52 deaths, in line with the ministry's 50", "the leak is more than the 1,000 barrels
    first estimated". It was given before, on a day the sentence does not tell: no figure of the sentence's day."""
    return _COMPARED_BEFORE.search(sentence.text, 0, quantity.start - sentence.start) is not None


def named_as_told(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a figure is named as a value told before (``_TOLD_BEFORE``): "the leak isn't the announced 42,000
    gallons a day", "BP's stated 5,000 barrels". The sentence talks about it; it was told on a day it does not
    tell."""
    return _TOLD_BEFORE.search(sentence.text, 0, quantity.start - sentence.start) is not None


def quoted(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a figure stands in quotation marks of its own inside its sentence ('siphoning off "3000 barrels/day"
    (which is probably a high estimate)'): a value cited as someone's words, told on a day the sentence does not
    tell. Not a quote that ends the sentence ('He said: "5,000 barrels a day."'), which may be the day's figure."""
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    if not _QUOTE_OPENS.search(sentence.text, 0, start):
        return False
    return _QUOTE_CLOSES.match(sentence.text, end) is not None


def known_wrong(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether its sentence tells a figure as a claim its givers knew to be wrong when they made it
    (``_KNOWN_WRONG_AFTER``: "they said it was leaking 1,000 barrels when I think they knew it was more"): a claim
    recalled to be charged, on a day the sentence does not tell."""
    return _KNOWN_WRONG_AFTER.match(sentence.text, quantity.end - sentence.start) is not None


def names_an_estimate(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a volume only names an estimate by its size ("the 5,000-barrel estimate", "the 1,000- and 5,000-barrel
    figures", "the 5,000 barrel-per-day estimate"), or is in the brackets right after such a name, its conversion
    ("the 5,000-barrel figure (210,000 gallons)"). It talks about an estimate given before, on a day the sentence
    does not tell; without a day, it leaves out whether it is a rate or a total (``estimate_measure``)."""
    text, start = sentence.text, quantity.start - sentence.start
    opening = text.rfind("(", 0, start)
    if opening >= 0 and ")" not in text[opening:start]:
        named = (_estimate_name_end(sentence, q) for q in sentence.measures if q.end - sentence.start <= opening)
        if len(text[:opening].rstrip()) in named:
            return True
    return _estimate_name_end(sentence, quantity) is not None


def _estimate_name_end(sentence: Sentence, quantity: Quantity) -> int | None:
    """Where the name of an estimate that a volume names by its size ends ("5,000-barrel figures"), else None."""
    if not _SIZE_NAMED.search(quantity.text):
        return None
    after = _ESTIMATE_AFTER.match(sentence.text, quantity.end - sentence.start)
    return after.end() if after else None


def estimate_measure(sentence: Sentence, quantity: Quantity, measure: str) -> str | None:
    """A leak's volume ``measure`` (``figure_volumes.volume_measure``) as its told history reads it: None for an
    estimate named by its size with no day (``names_an_estimate``), the rate for a value a rate was revised to
    (``revised_from_rate``: "a 1,000-barrel-a-day flow was upped to 5,000 barrels"), else ``measure``."""
    if measure not in RATE_MEASURES and names_an_estimate(sentence, quantity):
        return None
    if measure not in RATE_MEASURES and revised_from_rate(sentence, quantity):
        return "flow rate" if measure == "spilled" else "collection rate"
    return measure


def revised_from_rate(sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a volume with no day of its own is a step of a rate's revisions: right after a rate of its
    sentence, told as what the rate was raised or cut to ("a 1,000-barrel-a-day flow was upped to 5,000
    barrels"), or as the next value of such a list ("pegged it at 1,000 barrels a day, then raised that to 5,000
    barrels, then 12,000"). A total told after it ("and the total spilled has been raised to 2 million") is none."""
    text, previous_end = sentence.text, None  # where the last rate or revised value of the sentence ends
    for q in sorted(sentence.measures, key=lambda x: x.start):
        start = q.start - sentence.start
        if q is quantity:
            return previous_end is not None and _revised(text, previous_end, start)
        measure = volume_measure(sentence, q)
        if measure is None:
            continue  # a conversion in brackets, or no volume
        if measure in RATE_MEASURES or (previous_end is not None and _revised(text, previous_end, start)):
            previous_end = q.end - sentence.start
        else:
            previous_end = None
    return False


def _revised(text: str, previous_end: int, start: int) -> bool:
    """Whether ``text[previous_end:start]`` tells the figure at ``start`` as a revision of the one before it."""
    gap = text[previous_end:start]
    if len(gap) > _REVISION_REACH or _CLAUSE_END.search(gap) or _TOTAL_WORDS.search(gap):
        return False
    return _REVISED_TO.search(gap) is not None or _THEN_TO.fullmatch(gap) is not None
