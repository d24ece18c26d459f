"""Take the words of a TIMEX3 ``mod`` into an expression's extent: "no more than sixty days",
"1994 or later", "the next year or so".

The TimeML guidelines mark such words with the ``mod`` attribute (EQUAL_OR_LESS, EQUAL_OR_MORE,
APPROX, ...) and keep them inside the TIMEX3, as they do "about" and "more than" (which the rules
take in themselves). The rules find the core ("more than sixty days", "1994", "next year"); this
step widens it over a "no"/"not" before a comparison and over an "or so", "or more", "or later",
"or earlier", "or longer" after it. The value does not change: the modifier says how exact it is.
"""

from __future__ import annotations

import re

from storyline.records import TimeExpression

# "no more than", "not less than", "no fewer than": the negation of a comparison
# the expression already starts with.
_COMPARISON = re.compile(r"(?i:more|less|fewer)\s+than\b")
_NEGATION_BEFORE = re.compile(r"\b[Nn]ot?\s+$")
_OR_AFTER = re.compile(r"\s+or\s+(?:so|more|later|earlier|longer|less)\b(?![-'’])")
_OR = re.compile(r"\sor\s")


def _may_have_mods(text: str) -> bool:
    """A fast test that must pass for ``widen`` to change anything: "than" and a "no", or an "or"."""
    if "than" in text and ("no" in text or "No" in text):
        return True
    return " or " in text or _OR.search(text) is not None  # "or" between any white space, as ``_OR_AFTER`` reads it


def widen(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """``found`` (in text order, not overlapping) with each extent widened over its mod words."""
    if not _may_have_mods(text):
        return found  # most sentences: no mod words to take in
    out: list[TimeExpression] = []
    for i, expr in enumerate(found):
        start, end = expr.start, expr.end
        if _COMPARISON.match(expr.text):
            before = _NEGATION_BEFORE.search(text, max(0, start - 5), start)
            if before and (not out or out[-1].end <= before.start()):
                start = before.start()
        after = _OR_AFTER.match(text, end) if expr.type in ("DATE", "DURATION") else None
        if after and (i + 1 == len(found) or found[i + 1].start >= after.end()):
            end = after.end()
        if (start, end) != (expr.start, expr.end):
            expr = TimeExpression(start, end, text[start:end], expr.type, expr.value, expr.date)
        out.append(expr)
    return out
