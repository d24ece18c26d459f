"""Whether a time is the day of a plan told in the past ("was due to begin on Tuesday", "said they would
light the landmarks on Monday night"): such a day is read from the plan's viewpoint, where it was coming."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.time.tense import TO_BE, TenseCue

# A plan told in the past, before the time it names: "was due to begin on Tuesday", "were set to meet Monday",
# "was scheduled to address ... Friday", "was to arrive on Monday", "were to be arranged for Friday", "was likely to
# vote on Friday", "planned to go to Haiti on Thursday", "hoped to put it to a vote by Friday", and what
# someone said would happen ("said they would light the landmarks on Monday night", "would not comment Friday
# night"; not "would have"). From the plan's own viewpoint the day was coming; from the report's it may be just
# past ("The case was due to start on Thursday, but the jury ..." in a Friday report) or still ahead ("The board
# was to meet on Monday" on a Sunday).
_PLANNED_IN_PAST = re.compile(
    r"\b(?:(?:(?i:was|were)\s+(?:(?i:not)\s+)?(?:(?i:due|set|scheduled|slated|expected|supposed|likely)\s+)?|"
    r"(?i:planned|hoped|intended|wanted)\s+)to\s+(?!(?i:date|blame)\b)[a-z]+\b"
    + TO_BE
    + r"|(?P<would>(?i:would))(?:\s+(?i:not|also|still|then|be))*\s+(?!have\b)[a-z]+\b)"
)
_PLAN_REACH = 120  # characters between the plan's verb and the time it names
# A weekday whose week is named after it ("Wednesday next week"), or that ends a range ("from Thursday to
# Saturday": ``ranges`` orders its ends from the start's day)
_WEEK_AFTER = re.compile(r"\s+(?:(?i:of)\s+)?(?i:next|this|last|the\s+following)\s+(?i:week)\b")
_RANGE_END_BEFORE = re.compile(r"\b(?:[A-Z][a-z]+day|\d{1,2})\s*(?:(?i:to|through|till|until|and)\s+|[-–]\s*)\Z")


def told_as_plan(text: str, cues: Sequence[TenseCue], start: int, end: int, today: str = "") -> bool:
    """Whether the time at ``start``-``end`` is the day of a plan told in the past (``_PLANNED_IN_PAST``): the
    plan leads the time and no other cue stands between them. A verb after the time does not undo the plan ("were
    due to sail ... early on Wednesday morning, an Egyptian official said"). What was said "today" (``today`` is
    the report's weekday) would happen is told from the report's day: "said on Wednesday that ... would travel
    to Maui on Monday" in a Wednesday report is a plain future."""
    reach = max(0, start - _PLAN_REACH)
    before = text[reach:start]
    if " to " not in before and "would" not in before.lower():  # a fast test: most times have no plan before them
        return _would_follows(text, cues, start, end, today)
    plan = None
    for m in _PLANNED_IN_PAST.finditer(text, reach, start):
        plan = m
    if plan is None:
        return _would_follows(text, cues, start, end, today)
    if _WEEK_AFTER.match(text, end) or _RANGE_END_BEFORE.search(text, reach, start):
        return False
    if plan.group("would") and _said_today(text[: plan.start()], today):
        return False
    return not any(plan.end() <= c.start and c.end <= start for c in cues)


def _would_follows(text: str, cues: Sequence[TenseCue], start: int, end: int, today: str) -> bool:
    """Whether the cue nearest the time (as ``tense_at`` measures) is a "would" after it: "anticipated that a
    session ... on Monday would focus on ..." tells a plan in the past too."""
    if "would" not in text[end:]:
        return False
    best, best_distance = None, float("inf")
    for cue in cues:
        distance = float(start - cue.end) if cue.end <= start else 2.0 * (cue.start - end) if cue.start >= end else None
        if distance is not None and distance < best_distance:
            best, best_distance = cue, distance
    if best is None or best.start < end or not text.startswith("would", best.start):
        return False
    return not (_WEEK_AFTER.match(text, end) or _said_today(text[:start], today))


def _said_today(before: str, today: str) -> bool:
    """Whether ``before`` dates its telling on the report's day: "today", "tonight" or the report's weekday."""
    lowered = before.lower()
    return "today" in lowered or "tonight" in lowered or (bool(today) and today in before)
