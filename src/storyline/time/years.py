"""Four-digit years and years in words: when "1990" is the year and not a count ("by 1900 votes"), and the
words that go with it into the extent ("fiscal 1989", "the end of 2024", "the year 2000")."""

from __future__ import annotations

import re

from storyline.records import TimeExpression
from storyline.time import resolve as rs
from storyline.time.context import Context, Rule, lower, start_of, starting_with
from storyline.time.tense import is_past_form
from storyline.time.words import MONTH_FULL, YEAR, YEAR_FOLLOWERS, YEAR_WORDS, month_number, parse_year_words


def _year(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    after = _NEXT_WORD.match(ctx.text, m.end())
    lead = lower(m, "lead") or ""
    # "fiscal 1989", "the year 2000", "circa 1776": a year whatever follows
    named = m.group("pre") or m.group("circa") or lead not in ("", "year")
    if after and after.group(1) not in YEAR_FOLLOWERS and not named and not _word_after_in(m, after[1], ctx):
        return None  # "by 1900 votes" counts something; "fiscal 1989 sales" is a year
    # "the end of 1990" is the year 1990, as TIMEX3 writes it; "the year 2000", "fiscal year 1990" are one expression
    start = start_of(m, "pre", "edge", "approx", "circa", "year") if lead in ("", "year") else m.start("lead")
    year = m.group("year")
    return ctx.make(start, m.end(), "DATE", (year, year))


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_IN_BEFORE = re.compile(r"\b(?i:in|since)\s+$")
# The end of a range of years: "from 2014 to 2017 rose", "between 2014 and 2017 came back".
_RANGE_BEFORE = re.compile(r"\b(?i:between|from)\s+(?:1[89]|20)\d\d\s+(?i:and|to|through|until)\s+$")
_RANGE_WORDS = frozenset(["and ", " to ", "ugh ", "til "])
# Plurals without an "-s": "one in 2000 people" counts them.
_PLURALS_WITHOUT_S = frozenset(["people", "men", "women", "children", "feet", "police", "staff", "personnel"])


def _word_after_in(m: re.Match[str], word: str, ctx: Context) -> bool:
    """ "which in 2014 annexed the peninsula", "won in 1984 by two lengths", "filed in 2013 alleging fraud", "since
    1990 managed", "from 2014 to 2017 rose": after "in" or "since", or at the end of a range of years, a year stands
    before any word but a plural noun ("in 1200 samples" counts them)."""
    year = m.start("year")
    if _IN_BEFORE.search(ctx.text, max(0, year - 6), year) is None and (
        ctx.text[year - 4 : year] not in _RANGE_WORDS or _RANGE_BEFORE.search(ctx.text, max(0, year - 32), year) is None
    ):
        return False
    if is_past_form(word):
        return True
    return word not in _PLURALS_WITHOUT_S and (not word.endswith("s") or word.endswith("ss"))


YEAR_RULE: Rule = (
    ("year",),
    starting_with(
        "elmfisbutdoaypc",
        rf"(?:\b(?P<pre>(?i:early|late|mid|fiscal))[- ]"
        rf"|\b(?P<edge>(?i:the\s+(?:end|start|beginning|middle)\s+of))\s+"
        rf"|\b(?P<lead>(?i:(?:the\s+)?(?:fiscal\s+)?year))\s+"  # "the year 2000", "fiscal year 1990"
        rf"|\b(?i:in|since|by|until|till|from|during|of|before|after"
        rf"|through|throughout|into|for|between|and|or|than|both|due|prior\s+to|born)\s+"
        # "in about 1850", "born around 1854", "built circa 1776": an approximate year, the word in the extent
        rf"(?:(?P<approx>(?i:about|around|circa|c\.|approximately|roughly))\s+)?"
        rf"|\b(?P<circa>(?i:circa))\s+"
        # "dates back to 1962", "extended the deadline to 2027": "to" after a verb of dating or delay
        rf"|\b(?i:back|dates|dated|dating|traced|extended|postponed|delayed|deferred|pushed)\s+(?:(?i:the\s+[a-z]+)\s+)?(?i:to)\s+"
        rf"|(?<=\d\d\d\d\s)(?i:to)\s+)(?P<year>{YEAR})(?!\s*(?:%|(?i:percent)))",  # "from 1990 to 1995"
    ),
    _year,
)


def _year_words(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """A year said in words: "nineteen ninety-six", "the year two thousand"."""
    words = m.group("yw")
    if words.lower().startswith("two") and not m.group("lead") and not _HYPHENATED_YEAR.match(words):
        return None  # "two thousand people"; "two-thousand-five" is a year
    year = str(parse_year_words(words))
    if m.group("month"):
        value = rs.iso_month(int(year), month_number(m.group("month")))
        return ctx.make(m.start(), m.end(), "DATE", (value, value))
    return ctx.make(m.start(), m.end(), "DATE", (year, year))


_HYPHENATED_YEAR = re.compile(r"(?i:two-thousand-[a-z])")


def _attributive_year(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """A year that qualifies a noun: "the 2019 election", "its 2021 report", "the company's 2020 profit",
    "his failed 1996 campaign"."""
    if not _DETERMINER_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return None
    year = m.group("year")
    return ctx.make(m.start("year"), m.end("year"), "DATE", (year, year))


# Found by looking back from the year (a pattern that starts at the determiner scans far slower).
# "the failed 1996 campaign", "the big-money 2016 donors", "whose 2005 book", "senators’ 2007 vote", and the second
# of two years joined before their noun ("the 2008 and 2012 cycles").
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?i:the|an?|its|his|her|their|our|this|that|these|those|whose|any|another|each)|\w['’]s|s['’])\s+"
    r"(?:[a-z]+(?:-[a-z]+)?\s+)?(?:(?:1[89]|20)\d\d\s+(?i:and|or)\s+)?$"
)


def _bracketed_year(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    year = m.group("year")
    return ctx.make(m.start("year"), m.end("year"), "DATE", (year, year))


def _listed_year(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """A year between years of a list: "in 1994, 1996, 1999 and 2002" (the first and last are read by ``YEAR_RULE``)."""
    if not _LIST_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start()):
        return None  # "scores of 1900, 1950 and 2000 points" lists counts
    year = m.group("year")
    return ctx.make(m.start("year"), m.end("year"), "DATE", (year, year))


# The list opens with a year after a preposition of time: "in 1994, 1996, ...", "since 2001, 2005, ...".
_LIST_BEFORE = re.compile(r"\b(?i:in|since|during|until|before|after|between|from)\s+(?:(?:1[89]|20)\d\d,\s+)+$")


YEAR_WORDS_RULE: Rule = (
    ("yearword",),
    rf"\b(?:(?P<month>{MONTH_FULL})\s+|(?P<lead>(?i:the\s+year))\s+)?(?P<yw>{YEAR_WORDS})",
    _year_words,
)
ATTRIBUTIVE_YEAR_RULE: Rule = (
    ("year",),
    rf"\b(?P<year>{YEAR})(?=\s+[A-Za-z])",
    _attributive_year,
)
BRACKETED_YEAR_RULE: Rule = (
    ("year",),
    # "a poster (2015)", "(Stop the tolls, 2003)": a year alone at the end of brackets dates what they follow
    rf"(?:\(|,\s)(?P<year>{YEAR})\)",
    _bracketed_year,
)
LISTED_YEAR_RULE: Rule = (
    ("year",),
    rf"(?<=\d,\s)(?P<year>{YEAR})(?=,\s|\s+(?i:and|or)\s)",
    _listed_year,
)


# A year and "the year" set off after it ("since 2005, the year of the great flood", "in 1979, the year his father
# left office"): "the year" is that year, not the report's.
_THE_YEAR_APPOSITION = re.compile(r"\s*,\s+(?i:the)\s+(?i:year)")
_YEAR_VALUE = re.compile(r"\d{4}")


def years_in_apposition(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """ "the year" set off by a comma right after a year names that year (``_THE_YEAR_APPOSITION``)."""
    out = list(found)
    for i in range(1, len(out)):
        year, the_year = out[i - 1], out[i]
        if (
            _YEAR_VALUE.fullmatch(year.value)
            and the_year.text.lower().split() == ["the", "year"]
            and _THE_YEAR_APPOSITION.fullmatch(text, year.end, the_year.end)
        ):
            out[i] = TimeExpression(the_year.start, the_year.end, the_year.text, "DATE", year.value, year.value)
    return out
