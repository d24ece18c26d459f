"""Decades and centuries: "the 1980s", "the '80s", "the mid-90s", "the nineties", "the 20th century",
"this century", with their TIMEX3 values ("198", "19"), and spans of centuries ("for two centuries", "a century
ago"). A decade written without an apostrophe after a word for temperature ("temperatures in the 80s") is degrees,
not a decade."""

from __future__ import annotations

import re

from storyline.records import TimeExpression
from storyline.time import periods as pd
from storyline.time.context import Context, Rule, lower
from storyline.time.words import APPROX, parse_number

_PRE = r"(?P<pre>(?i:early|late|earlier|later|mid))"
_HEAT_BEFORE = re.compile(r"\b(?i:temperatures?|degrees|highs|lows|readings|thermometers?|fahrenheit|celsius)\b")


def _decade(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the 1980s", "the '80s", "the mid-90s", "the nineties", "the nineteen-eighties": the decade's TIMEX3
    value ("198")."""
    if m.groupdict().get("dec"):
        return ctx.make(m.start(), m.end(), "DATE", (m.group("dec"), None))
    if m.group("short") and ctx.text[m.start("short") - 1] not in "'’" and _HEAT_BEFORE.search(ctx.text, 0, m.start()):
        return None  # "temperatures in the 80s": degrees, not a decade
    digit = int(m.group("short")) if m.group("short") else pd.DECADE_WORDS[lower(m, "word") or ""]
    if m.group("century"):  # "the nineteen-sixties", as a transcript writes "the 1960s"
        return ctx.make(m.start(), m.end(), "DATE", (f"{19 if lower(m, 'century') == 'nineteen' else 18}{digit}", None))
    return ctx.make(m.start(), m.end(), "DATE", (pd.decade_value(ctx.dct, digit), None))


def _century(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "the 20th century", "the nineteenth century": TIMEX3 "19", "18"."""
    ordinal = lower(m, "ord") or ""
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else pd.CENTURY_ORDINALS[ordinal]
    return ctx.make(m.start(), m.end(), "DATE", (f"{number - 1:02d}", None))


def _deictic_century(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "this century", "the next century", "last century": counted from the report's century ("19" in 1998).
    "the past century" is left alone: TimeBank's dev half leaves it unmarked."""
    if ctx.dct is None:
        return ctx.make(m.start(), m.end(), "DATE", ("XX", None))
    shift = {"this": 0, "next": 1, "last": -1}[lower(m, "mod") or "this"]
    return ctx.make(m.start(), m.end(), "DATE", (f"{(ctx.dct.year - 1) // 100 + shift:02d}", None))


def _centuries(m: re.Match[str], ctx: Context) -> TimeExpression | None:
    """ "two centuries", "more than a century" (DURATION P2CE, P1CE, TIMEX3's century unit), "for centuries" (PXCE);
    "a century ago" is the century counted back, as "a decade ago" is the decade ("19" in 2024), "centuries ago"
    PAST_REF."""
    if _SCORED_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "scored a century": a hundred runs
    count = lower(m, "num")
    number = None if count is None or count == "many" else parse_number(count)  # "many centuries": PXCE
    if m.group("ago"):
        if number is None or ctx.dct is None:
            return ctx.make(m.start(), m.end(), "DATE", ("PAST_REF" if number is None else "XX", None))
        return ctx.make(m.start(), m.end(), "DATE", (f"{(ctx.dct.year - 100 * int(number) - 1) // 100:02d}", None))
    if m.group("bare") and not m.group("ago") and m.group("prep") is None:
        return None  # "centuries of tradition" names no span; "for centuries" does
    start = m.start("bare") if m.group("bare") else m.start()
    return ctx.make(start, m.end(), "DURATION", (f"P{int(number) if number else 'X'}CE", None))


_SCORED_BEFORE = re.compile(r"\b(?i:scored|scores|scoring|hit|hits|made|makes|smashed)\s+$")
_CENTURY_NUMBER = r"(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|many|(?:a\s+)?few|\d+)"
CENTURIES_RULE: Rule = (
    ("century",),
    rf"\b(?:(?:(?i:the\s+(?:past|last|next|previous|coming))\s+(?=\d|(?!an?\s)[a-z]))?"
    rf"(?:(?P<approx>{APPROX})\s+)?(?P<num>{_CENTURY_NUMBER})\s+(?i:centuries|century)"
    rf"|(?:(?P<prep>(?i:for|over))\s+)?(?P<bare>(?i:centuries)))\b"
    rf"(?![- ](?i:old|long)\b|-)(?P<ago>\s+(?i:ago))?",
    _centuries,
)

ERA_RULES: tuple[Rule, ...] = (
    (("decade digits",), rf"\b(?:(?i:the)\s+)?(?:{_PRE}(?:-|\s+))?(?P<dec>(?:1[89]|20)\d)0s\b", _decade),
    (
        ("decade",),
        rf"\b(?i:the)\s+(?:{_PRE}(?:-|\s+))?"
        rf"(?:['’]?(?P<short>\d)0s|(?:(?P<century>(?i:nineteen|eighteen))[\s-]+)?(?P<word>{pd.DECADE_WORD}))\b",
        _decade,
    ),
    (("century",), rf"\b(?:(?i:the)\s+)?(?P<ord>{pd.CENTURY_ORDINAL})[- ](?i:century)\b", _century),
    (
        ("century",),
        r"\b(?:(?i:the)\s+(?=(?i:next)\s))?(?P<mod>(?i:this|next|last))\s+(?i:century)\b(?![- ](?i:old)\b)",
        _deictic_century,
    ),
    CENTURIES_RULE,
)
