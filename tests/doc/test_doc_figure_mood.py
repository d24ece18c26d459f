"""Figures told as projections, conditions, plans or targets told apart from measured ones, from a
hand-built parse and from spaCy's."""

from __future__ import annotations

import pytest

from storyline.doc.figure_mood import is_projected, is_suspected
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


# "fever may have killed 90 people"
MAY_HAVE_KILLED = [("fever", "NOUN", "nsubj", 3), ("may", "AUX", "aux", 3), ("have", "AUX", "aux", 3),
                   ("killed", "VERB", "ROOT", 3), ("90", "NUM", "nummod", 5),
                   ("people", "NOUN", "dobj", 3)]  # fmt: skip


def test_a_modal_of_the_past_makes_a_count_suspected_not_projected() -> None:
    tokens = tokens_of(MAY_HAVE_KILLED)
    assert is_suspected(tokens, quantity_at(tokens, 4)) and not is_projected(tokens, quantity_at(tokens, 4))
    plain = tokens_of([w for w in MAY_HAVE_KILLED if w[0] not in ("may",)])  # "fever have killed 90 people"
    assert not is_suspected(plain, quantity_at(plain, 3))
    assert not is_suspected((), Quantity(0, 1, "2", 2.0, 2.0, 2.0, "count", None, None, None))


SUSPECTED = [
    "The fever may have killed up to 90 people in Calder Bay, officials said.",
    "The fever could be to blame for 30 more deaths, the clinic said.",
    "The fever may also be responsible for 12 other deaths in the valley.",
    "Clinics in Calder Bay counted 40 suspected deaths on Friday.",
    "More than 50 people are suspected to have died of the fever in Calder Bay.",
    "Twelve sailors are feared dead after the storm off Harbor Point.",
    "As many as 150 people may have died in the outbreak, the agency said.",
]
FIRM = [
    "The clinic has confirmed 20 deaths from the fever in Calder Bay.",
    "Nine suspected smugglers were arrested at the harbour on Friday.",
    "The flood killed 12 people and forced 4,000 residents to leave.",
    "Officials said 50 people had died and warned the toll could rise.",
    "Up to 4,000 people could be displaced by the flood.",
]


@pytest.mark.model
def test_spacys_parse_marks_past_counts_told_as_possibilities_suspected(make_doc) -> None:
    from storyline.build import document_stages
    from storyline.config import Config

    doc = make_doc(" ".join(SUSPECTED + FIRM), "2031-03-07", "Wire")
    for stage in document_stages(Config(), until="digest"):
        doc = stage(doc)
    marks = {s.text: [q.suspected for q in s.measures] for s in doc.sentences}
    assert {text: marks[text] for text in SUSPECTED} == {text: [True] for text in SUSPECTED}
    assert {text: marks[text] for text in FIRM} == {text: [False] * len(marks[text]) for text in FIRM}
    assert all(marks[text] for text in FIRM)
    assert not any(q.projected for s in doc.sentences if s.text in SUSPECTED for q in s.measures)
