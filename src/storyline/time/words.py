"""The words time expressions are made of: month and weekday names, number words, units, and the
regular-expression pieces the tagger builds its patterns from."""

from __future__ import annotations

import re

from storyline.time.resolve import Modifier, Unit

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
_SMALL = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_VAGUE = {"a few", "few", "several", "some"}

_ONES = "|".join(_SMALL[:9])
# Years said in words, as transcripts of broadcasts write them: "nineteen ninety-six", "two thousand",
# also with hyphens ("nineteen-ninety-six", "two-thousand-five").
YEAR_WORDS = (
    rf"(?i:nineteen[\s-]+(?:hundred[\s-]+(?:and\s+)?)?(?:(?:{'|'.join(_TENS)})(?:[- ](?:{_ONES}))?|"
    rf"{'|'.join(sorted(_SMALL[9:], key=len, reverse=True))}|ten|oh[- ](?:{_ONES}))|"
    rf"two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{'|'.join(sorted(_SMALL, key=len, reverse=True))}))?)\b(?!-)"
)
MONTH_FULL = r"\b(?:" + "|".join(MONTHS) + r")\b"
MONTH_ANY = r"\b(?:" + "|".join(MONTHS) + "|(?:" + "|".join(_ABBR) + r")(?:\.|\b))"
WEEKDAY = r"\b(?:" + "|".join(WEEKDAYS) + r")\b"
# A weekday before the date it fell on, in full or abbreviated as datelines write it ("Tue., Feb. 27",
# "Wed Mar 2, 2011"), then an optional comma, spaced or not ("Wednesday , June 3" in tokenised text).
WEEKDAY_BEFORE_DATE = rf"(?:{WEEKDAY}|\b(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?)\s*,?\s+"
# A comma before a date's year, spaced or not as tokenised text writes it ("April 20 , 2010"), or a space.
YEAR_AFTER_DAY = r"(?:\s*,\s*|\s+)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?![:.,]?\d)"
YEAR = r"(?:1[89]|20)\d\d\b(?![-/:]?\d)"
NUM = (
    r"(?i:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|(?:a\s+)?couple\s+of|(?:a|one)\s+hundred|a\s+few|few|several|an?|"
    + "(?:"
    + "|".join(_TENS)
    + ")(?:[- ](?:"
    + "|".join(_SMALL[:9])
    + "))?|"
    + "|".join(sorted(_SMALL, key=len, reverse=True))
    + ")"
)
UNIT = r"(?i:minute|hour|day|week|fortnight|month|year|decade)s?"
APPROX = (
    r"(?i:about|around|nearly|almost|roughly|some|approximately|more\s+than|over|less\s+than|fewer\s+than|"
    r"just\s+over|just\s+under|at\s+least)"
)
MOD = r"(?i:this\s+past|this\s+coming|last|next|this|past|coming|previous|following|current)"
PART = r"(?i:morning|afternoon|evening|night)"
# TIMEX3 parts of the day: "Thursday evening" is the TIME 2022-09-08TEV.
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# Deictic days that name a part of the day, with its code.
DEICTIC_PARTS = {
    "tonight": "NI",
    "overnight": "NI",
    "this morning": "MO",
    "this afternoon": "AF",
    "this evening": "EV",
    "last night": "NI",
    "the previous night": "NI",
    "the night before": "NI",
}
# Time zones written after a clock time ("5 p.m. EST"); part of the expression.
ZONE = (
    r"(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|(?i:local\s+time)|"
    r"(?:Eastern|Central|Mountain|Pacific|Greenwich\s+Mean)\s+(?:(?i:standard|daylight)\s+)?(?i:time))\b"
)

# A word that places a clock time, right before "1800 hours" ("at 1800 hours"; "logged 1800 hours" is a span).
CLOCK_PLACE_BEFORE = re.compile(r"\b(?i:at|by|until|till|before|after|from)\s+$")

MODIFIERS: dict[str, Modifier | None] = {
    "last": "last",
    "past": "last",
    "this past": "last",
    "previous": "last",
    "next": "next",
    "following": "next",
    "this": "this",
    "current": "this",
    "this coming": None,
    "coming": None,
}
DEICTIC_DAYS = {
    "today": 0,
    "tonight": 0,
    "overnight": -1,  # the night before the report: "fighting raged overnight"
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "the previous day": -1,
    "the day before": -1,
    "the previous night": -1,
    "the night before": -1,
    "the day after": 1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
REFS = {
    "recently": "PAST_REF",
    "the other day": "PAST_REF",
    "the past": "PAST_REF",
    "a long time ago": "PAST_REF",
    "currently": "PRESENT_REF",
    "now": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "soon": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "a later date": "FUTURE_REF",
}
_UNITS: dict[str, tuple[Unit, int]] = {
    "minute": ("minute", 1),
    "hour": ("hour", 1),
    "day": ("day", 1),
    "week": ("week", 1),
    "fortnight": ("week", 2),
    "month": ("month", 1),
    "year": ("year", 1),
    "decade": ("decade", 1),
}
# Words that may follow a bare year ("in 2019 and", "by 2030 the"); another word means the number
# counts something ("by 1900 votes").
YEAR_FOLLOWERS = frozenset(
    [
        "and",
        "or",
        "to",
        "when",
        "as",
        "after",
        "before",
        "but",
        "while",
        "the",
        "a",
        "an",
        "that",
        "with",
        "for",
        "in",
        "on",
        "at",
        "amid",
        "until",
        "since",
        "was",
        "were",
        "is",
        "are",
        "had",
        "has",
        "alone",
        "will",
        "would",
        "it",
        "he",
        "she",
        "they",
        "we",
        # words that open a new phrase or clause, never a counted noun ("from 2019 through 2021", "in 2022
        # because ...", "in 2016 despite ...")
        "through",
        "thru",
        "till",
        "because",
        "though",
        "although",
        "despite",
        "during",
        "under",
        "than",
        "if",
        "so",
        "where",
        "which",
        "who",
        "there",
        "this",
        "these",
        "its",
        "his",
        "her",
        "their",
        "our",
    ]
)
SET_WORDS: dict[str, Unit] = {
    "hourly": "hour",
    "daily": "day",
    "nightly": "day",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
    "biweekly": "week",
    "bi-weekly": "week",
    "fortnightly": "week",
    "quarterly": "month",
    "semiannually": "month",
    "semi-annually": "month",
}
# How many units apart a SET word's times are, when not one: "biweekly" is every two weeks (P2W).
SET_EVERY: dict[str, int] = {"biweekly": 2, "bi-weekly": 2, "fortnightly": 2, "semiannually": 6, "semi-annually": 6}


def month_number(name: str) -> int:
    """1-12 from a month name or abbreviation ("Sept." -> 9)."""
    return [m[:3].lower() for m in MONTHS].index(name[:3].lower()) + 1


def weekday_number(name: str) -> int:
    """0-6 (Monday=0) from a weekday name."""
    return [w.lower() for w in WEEKDAYS].index(name.lower()[:-1] if name.endswith("s") else name.lower())


def parse_number(text: str) -> float | None:
    """The number in "three", "twenty-one", "12", "a"; None for vague amounts ("a few", "several")."""
    words = " ".join(text.lower().split())
    if words in _VAGUE:
        return None
    if words in ("a", "an"):
        return 1
    if words in ("a couple of", "couple of"):
        return 2
    if words in ("a hundred", "one hundred"):
        return 100
    if words[0].isdigit():
        return float(words.replace(",", ""))  # "1,000"
    parts = re.split(r"[- ]", words)
    total = 0
    for part in parts:
        total += (_SMALL.index(part) + 1) if part in _SMALL else (_TENS.index(part) + 2) * 10
    return total


def parse_year_words(text: str) -> int:
    """1996 from "nineteen ninety-six", 1905 from "nineteen oh five", 2003 from "two thousand and three"."""
    words = [w for w in re.split(r"[- \s]+", text.lower()) if w not in ("and", "hundred", "oh")]
    if words[:2] == ["two", "thousand"]:
        return 2000 + (int(parse_number(" ".join(words[2:])) or 0) if words[2:] else 0)
    rest = parse_number("-".join(words[1:])) if words[1:] else 0
    return 1900 + int(rest or 0)


def parse_unit(text: str) -> tuple[Unit, int]:
    """The unit and a multiplier: "weeks" -> ("week", 1), "fortnight" -> ("week", 2)."""
    return _UNITS[text.lower().removesuffix("s")]


_Node = dict[str, "_Node"]  # a trie node: the next character -> its node ("" marks a word's end)


def trie(words: list[str]) -> str:
    """A pattern that matches, where one of ``words`` starts, the longest word that starts there.

    The words sharing a prefix share its branch ("da(?:y(?:break|s)?|wn|...)"), so that the engine
    tests each character once instead of each word in turn.
    """
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: _Node) -> str:
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{body})?" if "" in node else body  # greedy: a longer word first

    return branch(root)
