"""Drop time words that, in their sentence, do not refer to a time: a name ("USA Today", the
programme "This Week", "Black Monday"), a lexicalised term ("the current account"), "soon" that
relates two events ("soon after the vote", "as soon as") or judges timing ("too soon to say"),
"today's" of an era ("today's world"), and a named march ("the March for Science"), a weekday in a
title ("the Sunday Times"), and a month or season in the name of a firm or a place ("May Department
Stores", "March Avenue", "Fall River", "Winter Park"), and a month that is a first name ("June Hollis").

TimeML (after the TIMEX2 guidelines) marks a time word only when it places something in time. A
capitalised "Today" in the middle of a sentence is part of a title; "current" in "current account"
names a kind of account; "soon after X" and "as soon as X" place an event relative to X, and X, not
"soon", is what TIMEX3 would anchor; "today's world" speaks of the present era, which TimeBank's
annotators leave unmarked. Each test looks only at the expression and a few characters around it,
so the tagger stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.records import TimeExpression
from storyline.time.holidays import NAME as HOLIDAY_NAME

# Time words English writes in lower case inside a sentence: with a capital there, they are part of a
# title ("USA Today", ABC's "This Week", CBS's "60 Minutes", "Person of the Year").
_COMMON_WORDS = frozenset(
    """today tonight tomorrow yesterday now week weeks weekend month months year years day days hour hours
    minute minutes decade decades century morning afternoon evening night""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[A-Za-z]+")
# A word, digit or possessive right before, or a word joined by a hyphen ("the Six-Day War"): the capital is
# not a sentence's first letter.
_INSIDE_SENTENCE = re.compile(r"(?:[A-Za-z0-9]|['’]s?)\s+$|[A-Za-z0-9]-$")
_QUOTES = tuple("\"“”'‘’`")
# Adjectives that make a weekday a named day whose date the report's date does not give.
_NAMED_DAY = re.compile(r"\b(?:Black|Bloody|Good|Holy|Ash|Palm|Easter|Maundy|Shrove|Super|Cyber)\s+$")
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
# "current" in terms of accounting and economics, where it names a kind, not the present.
_CURRENT_TERM = re.compile(r"\s+(?:account|accounts|assets|liabilities|ratio)\b")
# "soon" that relates an event to another one.
_SOON_AFTER = re.compile(r"\s+(?:after|afterwards?|thereafter|before|as)\b", re.IGNORECASE)
# "as soon as"; "too soon to say" judges timing, it names no time to come
_AS_BEFORE = re.compile(r"\b(?:as|too)\s+$", re.IGNORECASE)
# Nouns for the present era: "in today's world", "today's society".
_ERA = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:world|society|economy|age|era|generation|youth|culture|climate|environment)\b"
)


# "the March for Science", "a March on Washington": a named march, not the month ("the March 2020 figures" is).
_A_OR_THE = re.compile(r"\b(?:the|a)\s+$", re.IGNORECASE)
_MARCH_GOES = re.compile(r"\s+(?:for|on|against|to|through|from|of\s+the)\b")


# A month before the head of a firm's or a place's name ("May Department Stores", "March Avenue"); a season
# written with a capital inside a sentence before another capitalised word ("Fall River", "Winter Park").
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()  # noqa: SIM905
)
_NAME_HEAD = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+)?(?:Department|Stores?|Co|Corp|Inc|Group|Street|St|Avenue|Ave|Road|Square|Park|Hall)\b"
)
_SEASONS = frozenset(["Spring", "Summer", "Fall", "Autumn", "Winter"])
# Months that are also first names, before a capitalised surname inside a sentence; after a word that goes
# with a month ("in June Congress voted", "last May Smith left") they stay the month.
_FIRST_NAMES = frozenset(["april", "may", "june", "august"])
_MONTH_WORD_BEFORE = re.compile(
    r"\b(?i:in|on|of|since|until|till|by|from|to|through|during|before|after|last|next|this|that|early|late|mid|"
    r"each|every|between|for|the|an?|its|his|her|their|our|around|about)[\s-]+$|\d\s*$"
)
_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")


# A holiday's name spells "Day" or "Eve" with a capital ("Christmas Day", "New Year's Eve", "Labor Day"): no title.
_HOLIDAY_DAY = re.compile(rf"\b(?:{HOLIDAY_NAME})\b")
_CHECKED = _WEEKDAYS | {"current", "soon", "today"}

# A quarter of a game ("tied the game heading into the fourth quarter", "a 2-yard touchdown in the second quarter",
# "fourth-quarter comebacks"): an ordinal quarter with no year or "last"/"this"/"next", a word of a game within
# ``_GAME_BEFORE`` characters before it or ``_GAME_AFTER`` after, and no word of money, markets or trade in the
# sentence. A plan beside a game word still loses its quarter ("hosts 20 games a year, will reopen in the third
# quarter"); none such was seen in 300 hand-read news sentences, where 9 of 9 game quarters were read as the year's.
_GAME_QUARTER = re.compile(
    r"(?i:(?:the|an?|his|her|its|their)\s+)?(?i:first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarters?\Z"
)
_GAME_WORDS = re.compile(
    r"\b(?i:games?|touchdowns?|field\s+goals?|yards?|yd|halftime|half-time|overtime|quarterbacks?|interceptions?|"
    r"fumbled?|innings?|rookie|comebacks?|buzzer|free\s+throws?|rebounds?|kickoff|punts?|to\s+play|victory|lead|"
    r"scor(?:e|ed|ing)|playoffs?|end\s+zone)\b"
)
_MONEY_WORDS = re.compile(
    r"[$%€£]|\b(?i:percent|profits?|earnings|sales|revenues?|income|net\s+loss|losses|growth|economy|gdp|fiscal|"
    r"results|shares?|stocks?|billion|million|dividends?|output|orders|deficit|prices?|rates?|markets?|"
    r"sold|sells?|selling|bought|buys?|shipped|spent|paid|earned)\b"
)
_GAME_BEFORE = 100
_GAME_AFTER = 30


def keep(found: Sequence[TimeExpression], text: str) -> list[TimeExpression]:
    """The expressions of ``found`` (offsets into ``text``) that refer to a time."""
    if not any(e.text.lower() in _CHECKED or not e.text.islower() or "quarter" in e.text for e in found):
        return list(found)
    return [e for e in found if not refers_to_no_time(e, text)]


def refers_to_no_time(expr: TimeExpression, text: str) -> bool:
    """True when ``expr`` is a name, a lexicalised term, a relating "soon" or an era's "today's"."""
    word = expr.text.lower()
    before = text[max(0, expr.start - 12) : expr.start]
    after = text[expr.end : expr.end + 24]
    if not expr.text.islower() and _is_title(expr, text, before, after):
        return True
    if word in _WEEKDAYS:
        return bool(_NAMED_DAY.search(before))
    if word in _MONTHS and _NAME_HEAD.match(after):
        return True
    if word == "march":
        return bool(_A_OR_THE.search(before) and _MARCH_GOES.match(after))
    if expr.text in _SEASONS:
        return bool(_INSIDE_SENTENCE.search(before) and _CAPITAL_AFTER.match(after)) and not _title_case(text)
    if word in _FIRST_NAMES and _CAPITAL_AFTER.match(after):  # "old June Spencer", "and April Lee as the nurse"
        return bool(_INSIDE_SENTENCE.search(before)) and not _MONTH_WORD_BEFORE.search(before)
    if word == "current":
        return bool(_CURRENT_TERM.match(after))
    if word == "soon":
        return bool(_SOON_AFTER.match(after) or _AS_BEFORE.search(before))
    if word == "today":
        return bool(_ERA.match(after))
    if "quarter" in word:
        return is_game_quarter(expr, text)
    return False


def is_game_quarter(expr: TimeExpression, text: str) -> bool:
    """A quarter of a game (``_GAME_QUARTER``): a game's word near it, no word of money, markets or trade."""
    if not _GAME_QUARTER.match(expr.text):
        return False
    near = _GAME_WORDS.search(text, max(0, expr.start - _GAME_BEFORE), expr.end + _GAME_AFTER)
    return near is not None and not _MONEY_WORDS.search(text)


def _is_title(expr: TimeExpression, text: str, before: str, after: str) -> bool:
    """A time word written with a capital inside a sentence ("wrote for USA Today", "on 60 Minutes"),
    or in quotes of its own ("speaking on 'This Week,'"), unless the sentence is a headline in title case."""
    capitals = [m for m in _WORD.finditer(expr.text) if m.group()[0].isupper() and m.group().lower() in _COMMON_WORDS]
    if not capitals or _HOLIDAY_DAY.search(expr.text):
        return False
    if before.rstrip().endswith(_QUOTES) and after.lstrip(",.").startswith(_QUOTES):
        return True
    inside = any(
        _INSIDE_SENTENCE.search(text, max(0, expr.start + m.start() - 12), expr.start + m.start()) for m in capitals
    )
    return inside and not _title_case(text)


def _title_case(text: str) -> bool:
    """Most words start with a capital: a headline, where any word may."""
    words = re.findall(r"[A-Za-z]+", text)
    return len(words) > 1 and sum(w[0].isupper() for w in words) > 0.6 * len(words)
