"""Decades and centuries: "the 1980s", "the '80s", "the mid-90s", "the nineties", "the 20th century",
"this century", with their TIMEX3 values ("198", "19"). A decade written without an apostrophe after a word for
temperature ("temperatures in the 80s") is degrees, not a decade."""

from __future__ import annotations

import re

from storyline.records import TimeExpression
from storyline.time import periods as pd
from storyline.time.context import Context, Rule, lower

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


ERA_RULES: tuple[Rule, ...] = (
    (("decade digits",), rf"\b(?:(?i:the)\s+)?(?:{_PRE}[- ])?(?P<dec>(?:1[89]|20)\d)0s\b", _decade),
    (
        ("decade",),
        rf"\b(?i:the)\s+(?:{_PRE}[- ])?"
        rf"(?:['’]?(?P<short>\d)0s|(?:(?P<century>(?i:nineteen|eighteen))[\s-]+)?(?P<word>{pd.DECADE_WORD}))\b",
        _decade,
    ),
    (("century",), rf"\b(?:(?i:the)\s+)?(?P<ord>{pd.CENTURY_ORDINAL})[- ](?i:century)\b", _century),
    (
        ("century",),
        r"\b(?:(?i:the)\s+(?=(?i:next)\s))?(?P<mod>(?i:this|next|last))\s+(?i:century)\b(?![- ](?i:old)\b)",
        _deictic_century,
    ),
)
