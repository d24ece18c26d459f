"""Tests for ``storyline.time.plans``: the day of a plan told in the past."""

from __future__ import annotations

import pytest

from storyline.time.plans import told_as_plan
from storyline.time.tense import tense_cues


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("The vote was due to take place on Friday", True),
        ("The envoys were set to meet on Friday", True),
        ("The minister was to arrive on Friday", True),
        ("More flights were to be arranged for Friday", True),
        ("The mayor said she would speak on Friday", True),
        ("The envoys planned to meet on Friday", True),
        ("The mayor hoped to sign the deal by Friday", True),
        ("The assembly was likely to vote on Friday", True),
        ("The ferry was not likely to sail until Friday", True),
        ("The mayor would have spoken on Friday", False),
        ("The envoys said they would meet from Thursday to Friday", False),  # a range's end
        ("The envoys said they would meet on Friday next week", False),
        ("The vote is due to take place on Friday", False),  # told in the present: a plain future
        ("The vote was due to take place when the hall flooded on Friday", False),
        ("The goal was to date the wreck from Friday", False),
        ("The vote was held on Friday", False),
    ],
)
def test_a_plan_told_in_the_past_leads_its_day_with_no_other_verb_between(text: str, plan: bool) -> None:
    start = text.index("Friday")
    assert told_as_plan(text, tense_cues(text), start, start + 6) is plan
