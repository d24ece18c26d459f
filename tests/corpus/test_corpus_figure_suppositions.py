"""Figures a sentence only supposes (``storyline.corpus.figure_suppositions``), on our own sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.corpus import figure_suppositions as fs
from storyline.corpus import figures as fg
from storyline.records import Quantity, Sentence

REPORT = "2031-05-12"


def sentence(text: str, words: str, unit: str = "bpd") -> tuple[Sentence, Quantity]:
    """A sentence with one figure at ``words``, its value read from the words' first number."""
    start = text.index(words)
    value = float(next(w for w in words.split() if w[0].isdigit()).replace(",", ""))
    q = Quantity(start, start + len(words), words, value, value, value, unit, "barrels", None, None)
    return Sentence(0, 0, len(text), text, 0, quantities=(q,), event_date=REPORT), q


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # an example set off by dashes, inside a condition contrary to fact
        (
            "If the agency had published a range -- say 2,000 to 20,000 barrels a day -- reporters would have "
            "quoted the top of it.",
            "2,000 to 20,000 barrels a day",
        ),
        # the consequence of such a condition
        (
            "Had the agency released its upper figure, the papers would have written of 20,000 barrels a day.",
            "20,000 barrels a day",
        ),
        ("If the valve hadn't failed, the well could have lost only 500 barrels a day.", "500 barrels a day"),
        # an example alone, after a comma
        ("Pick a figure, say 8,000 barrels a day, and the fines follow from it.", "8,000 barrels a day"),
    ],
)
def test_a_figure_of_a_condition_contrary_to_fact_or_an_example_is_supposed(text: str, words: str) -> None:
    s, q = sentence(text, words)
    assert fs.supposed(s, q)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Officials say 3,000 barrels a day are leaking from the well.", "3,000 barrels a day"),  # "say", a verb
        ("If the cap holds, the flow will drop below 1,000 barrels a day.", "1,000 barrels a day"),  # open condition
        # a past perfect without a condition, and a figure told before the condition
        ("The crew had measured 4,000 barrels a day before the storm.", "4,000 barrels a day"),
        (
            "The well leaked 6,000 barrels a day, and if crews had acted sooner it would have leaked less.",
            "6,000 barrels a day",
        ),
    ],
)
def test_a_reported_figure_is_not_supposed(text: str, words: str) -> None:
    s, q = sentence(text, words)
    assert not fs.supposed(s, q)


def test_points_of_leave_out_a_supposed_figure(make_doc) -> None:
    text = (
        "If the agency had given a range -- say 2,000 to 20,000 barrels a day leaking -- the papers would have led"
        " with it."
    )
    s, q = sentence(text, "2,000 to 20,000 barrels a day")
    doc = make_doc(text, REPORT, "Bay Courier")
    assert fg.measure_of(s, q) == "flow rate"
    assert fg.points_of(replace(doc, sentences=(s,))) == []
