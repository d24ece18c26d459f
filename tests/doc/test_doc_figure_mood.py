"""Figures told as projections, conditions, plans or targets told apart from measured ones, from a
hand-built parse and from spaCy's."""

from __future__ import annotations

import pytest

from storyline.doc.figure_mood import is_projected
from storyline.records import Quantity, Token

Word = tuple[str, str, str, int]  # text, pos, dep, head (index in the sentence)


def tokens_of(words: list[Word]) -> tuple[Token, ...]:
    tokens, at = [], 0
    for text, pos, dep, head in words:
        tokens.append(Token(at, at + len(text), text, text.lower(), pos, "", dep, head))
        at += len(text) + 1
    return tuple(tokens)


def quantity_at(tokens: tuple[Token, ...], index: int) -> Quantity:
    t = tokens[index]
    return Quantity(t.start, t.end, t.text, 2.0, 2.0, 2.0, "m", "m", None, None)


# "water could rise 2 m"
COULD_RISE = [("water", "NOUN", "nsubj", 2), ("could", "AUX", "aux", 2), ("rise", "VERB", "ROOT", 2),
              ("2", "NUM", "nummod", 4), ("m", "NOUN", "dobj", 2)]  # fmt: skip
# "water rose 2 m"
ROSE = [("water", "NOUN", "nsubj", 1), ("rose", "VERB", "ROOT", 1), ("2", "NUM", "nummod", 3),
        ("m", "NOUN", "dobj", 1)]  # fmt: skip


def test_a_modal_on_the_figures_verb_makes_it_a_projection() -> None:
    tokens = tokens_of(COULD_RISE)
    assert is_projected(tokens, quantity_at(tokens, 3))


def test_the_same_figure_without_the_modal_is_measured() -> None:
    tokens = tokens_of(ROSE)
    assert not is_projected(tokens, quantity_at(tokens, 2))


def test_a_figure_without_a_parse_is_measured() -> None:
    assert not is_projected((), Quantity(0, 1, "2", 2.0, 2.0, 2.0, "m", "m", None, None))


PROJECTED = [
    "If the dam fails, water could rise 2 meters above normal levels, the ministry said on Monday.",
    "If the dam fails, the water will rise 3 meters at Kherson.",
    "The death toll is expected to reach 50 by Friday.",
    "Up to 4,000 people could be displaced by the flood.",
    "The army plans to send 500 troops to the border.",
    "Officials gave a worst case of 900 deaths.",
    "The government aims to retake 20 villages this year.",
    "Officials said the toll might reach 70.",
    "Forecasters predict 30 centimetres of rain.",
    "Farmers are paid if the river rises above 6 meters at the Alder weir, which is 2 meters above its usual level.",
]
MEASURED = [
    "The water rose 2 meters above normal levels on Monday.",
    "The flood killed 12 people and forced 4,000 residents to leave.",
    "Officials said 50 people had died and warned the toll could rise.",
    "Rescuers evacuated 300 people on Tuesday, and more may follow.",
    "Police set fire to 20 houses.",
    "As many as 150 people may have died in the outbreak, the agency said.",
]


@pytest.mark.model
def test_spacys_parse_marks_conditions_forecasts_plans_and_targets_but_not_measured_or_hedged_past_figures(
    make_doc,
) -> None:
    from storyline.build import document_stages
    from storyline.config import Config

    doc = make_doc(" ".join(PROJECTED + MEASURED), "2031-03-07", "Wire")
    for stage in document_stages(Config(), until="digest"):
        doc = stage(doc)
    marks = {s.text: [q.projected for q in s.measures] for s in doc.sentences}
    assert {text: marks[text] for text in PROJECTED} == {text: [True] * len(marks[text]) for text in PROJECTED}
    assert all(marks[text] for text in PROJECTED)
    assert {text: marks[text] for text in MEASURED} == {text: [False] * len(marks[text]) for text in MEASURED} and all(
        marks[text] for text in MEASURED
    )
