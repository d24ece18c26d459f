"""What a sum of money measures: aid, loans or grants, only when that word names the sum itself; or the
story's cost to date.

A series measures one thing, so a sum joins "aid" only when an aid word is the noun of the sum's own
phrase: right after it, through "in", "of" or "on" and at most two modifiers ("$1.4 billion in foreign aid",
"a $40 million aid package", "900 million crowns (about $85 million) in aid"), or right before it
through "worth", "of", "totalling" ("assistance worth $250 million", "grants totalling $15 million").
An aid word elsewhere in the sentence names something else: "swapped $12 billion of bonds ... to keep
state support", "$50 billion for the war and more foreign aid", "$5 billion to aid its towns" (a verb
of purpose). A sum in brackets right after another is the report's conversion of it ("900 million
crowns (about $85 million)"), not a second point. Loans and grants are measures of their own, and so is the story's
"cost to date": a sum it "has cost" or someone "has spent" so far, or a running total it is brought to
("has so far cost the company $930 million", "bringing the total so far to $2.6 billion"); a sum spent over a
period its own clause names ("had spent $300 million in the past three days") is that period's, not a total to
date. Any other sum
has no measure: a budget, a stimulus, a forecast or a debt swap is no running figure of the story.
Money figures carry no parse (``Quantity.counted`` is None for them), so the sum's phrase is read
from the words around it.
"""

from __future__ import annotations

import re

from storyline.records import Quantity, Sentence

_CURRENCY = re.compile(r"[A-Z]{3}")
COST = "cost to date"
# The noun of an aid sum and the measure it names.
MONEY_NOUNS = {
    "aid": "aid", "assistance": "aid", "relief": "aid",
    "loan": "loans", "loans": "loans", "grant": "grants", "grants": "grants",
}  # fmt: skip
_NOUN = r"(aid|assistance|relief|loans?|grants?)"
# Words that end the sum's phrase, so an aid word after them names something else: "$5 billion to aid".
_NOT_MODIFIERS = (
    r"(?!(?:to|for|and|or|but|with|from|by|on|at|as|that|which|who|while|than|its|their|his|her|the|a|an)\b)"
)
# A modifier of the aid noun: "foreign", "U.N.", "emergency", "medical and other".
_MODIFIER = _NOT_MODIFIERS + r"[A-Za-z.-]+\s+(?:(?:and|or)\s+other\s+)?"
# After the sum: an optional bracketed conversion, "in"/"of"/"on", up to two modifiers, then the noun.
_NOUN_AFTER = re.compile(
    r"\s*\)?\s*(?:\([^()]*\)\s*)?(?:(?:in|of|on)\s+)?(?:" + _MODIFIER + r"){0,2}?" + _NOUN + r"\b", re.IGNORECASE
)
# Before the sum: the noun (with "package" or "programme"), then "worth", "of", "totalling" ..., then a qualifier.
_NOUN_BEFORE = re.compile(
    r"\b" + _NOUN + r"(?:\s+(?:package|programme|program|deal))?\s+"
    r"(?:worth|of|total(?:l)?ing|amounting\s+to|valued\s+at)\s+"
    r"(?:(?:up\s+to|at\s+least|more\s+than|over|about|some|nearly|almost|around)\s+)?\$?$",
    re.IGNORECASE,
)
_QUALIFIER = r"(?:(?:up\s+to|at\s+least|more\s+than|over|about|some|nearly|almost|around|roughly)\s+)?"
# A sum the story has cost so far: "has so far cost the company $930 million", "bringing the total so far to
# $2.6 billion", "the total cost of the response so far stands at $2.5 billion".
_COST_BEFORE = re.compile(
    r"(?:\b(?:ha[sd]|have|having)\s+(?:(?:already|so\s+far|now|thus\s+far)\s+)*(?:cost|spent)\s+(?:[\w'’-]+\s+){0,2}?"
    r"|\b(?:bringing|brought|brings|taking|took|pushing|pushed)\s+(?:the\s+|its\s+)?(?:total|tally|bill|costs?)"
    r"(?:\s+[\w'’-]+){0,3}?\s+to\s+"
    r"|\btotal\s+(?:costs?|bill|spending)(?:\s+[\w'’-]+){0,5}?\s+(?:stands?\s+at|stood\s+at|is|was|reached|rose\s+to|hit)\s+)"
    + _QUALIFIER
    + r"\$?$",
    re.IGNORECASE,
)
# A period a sum was spent over, named in the sum's own clause after it: "in the past three days", "over the last
# week", "during the previous 24 hours", "within the past month".
_PERIOD_AFTER = re.compile(
    r"[^,;:()—–]*?\b(?:in|over|during|within)\s+(?:the\s+)?(?:past|last|previous|preceding)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
_TO_DATE = re.compile(r"\b(?:so\s+far|to\s+date|already|thus\s+far)\b", re.IGNORECASE)
# An opening bracket and a qualifier right before a sum: "(about $85 million)".
_IN_BRACKETS = re.compile(r"\(\s*(?:(?:about|some|around|roughly|nearly|almost|over|more\s+than|up\s+to)\s+)?$", re.I)


def is_conversion(sentence: Sentence, quantity: Quantity) -> bool:
    """True when the sum stands in brackets right after another sum, as the report's conversion of it."""
    start = quantity.start - sentence.start
    bracket = _IN_BRACKETS.search(sentence.text[:start])
    if bracket is None:
        return False
    before = sentence.text[: bracket.start()].rstrip()
    return any(
        _CURRENCY.fullmatch(q.unit) and q.end - sentence.start == len(before)
        for q in sentence.quantities
        if q is not quantity
    )


def money_measure(sentence: Sentence, quantity: Quantity) -> str | None:
    """ "aid", "loans" or "grants" when that noun names the sum ``quantity`` (a currency amount), else None."""
    if not _CURRENCY.fullmatch(quantity.unit) or is_conversion(sentence, quantity):
        return None
    start, end = quantity.start - sentence.start, quantity.end - sentence.start
    m = _NOUN_AFTER.match(sentence.text, end) or _NOUN_BEFORE.search(sentence.text[:start])
    if m:
        return MONEY_NOUNS[m.group(1).lower()]
    return COST if is_cost_to_date(sentence, quantity) else None


def is_cost_to_date(sentence: Sentence, quantity: Quantity) -> bool:
    """True when the sum is what the story has cost so far: a perfect "has cost" or "has spent", or a
    running total ("bringing the total to"), right before it, with "so far", "to date" or "already" in the
    sentence; "could cost $4 billion" is a forecast, "spent $900 million on a refinery" other spending, and "had
    spent $300 million in the past three days" the spending of a period (``_PERIOD_AFTER``), not a total."""
    before = sentence.text[: quantity.start - sentence.start]
    if _PERIOD_AFTER.match(sentence.text, quantity.end - sentence.start):
        return False
    return _COST_BEFORE.search(before) is not None and _TO_DATE.search(sentence.text) is not None
