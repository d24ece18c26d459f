"""``doc/attribution_hedge_links.py``: a closing hedge of the outlet reaches the earlier claim whose head
noun it names, however far before it stands; one that names no claim's noun reaches none."""

from __future__ import annotations

import pytest

from storyline.config import Config
from storyline.doc.attribution import attribute_document

OUTLET = "Lisk Herald"

pytestmark = pytest.mark.model


def verdicts(make_doc, text: str) -> list[tuple[str, str | None]]:
    from storyline.doc import nlp

    doc = attribute_document(nlp.build(Config())(make_doc(text, source=OUTLET)))
    return [(s.status, s.attributed_to) for s in doc.sentences]


def test_a_closing_hedge_on_the_damage_reaches_the_claim_about_the_damage(make_doc):
    text = (
        "Governor Ivo Marten returned on Monday and said the damage in Orsk was severe. "
        "Crews cleared roads overnight.\n\n"
        "The Lisk Herald could not independently verify the extent of the damage in Orsk."
    )
    assert verdicts(make_doc, text) == [
        ("unverified", "Governor Ivo Marten"),
        ("reported", None),
        ("unverified", "Governor Ivo Marten"),
    ]


def test_a_count_of_buildings_names_the_claim_that_counts_structures_not_a_later_toll(make_doc):
    text = (
        "About 900 structures in Orsk burned, according to Governor Ivo Marten. "
        "Mayor Ana Roe said the toll rose to 12.\n\n"
        "The Lisk Herald has not been able to confirm the count of destroyed buildings on its own."
    )
    assert verdicts(make_doc, text) == [
        ("unverified", "Governor Ivo Marten"),
        ("claimed", "Mayor Ana Roe"),
        ("unverified", "Governor Ivo Marten"),
    ]


def test_a_closing_hedge_that_names_no_claims_noun_reaches_none(make_doc):
    text = (
        "Mayor Ana Roe said the ferry would run again on Friday.\n\n"
        "The Lisk Herald could not independently verify the extent of the damage in Orsk."
    )
    assert verdicts(make_doc, text) == [("claimed", "Mayor Ana Roe"), ("unverified", None)]


def test_a_hedge_on_a_count_names_the_claim_that_gives_a_number_not_a_nearer_one(make_doc):
    text = (
        "Volunteers said they had carried more than 80 animals to a barn outside Orsk. "
        "A vet at the barn said the animals were tired but well.\n\n"
        "The Lisk Herald could not independently verify the number of animals rescued."
    )
    assert verdicts(make_doc, text) == [
        ("unverified", "Volunteers"),
        ("claimed", "a vet at the barn"),
        ("unverified", "Volunteers"),
    ]


def test_a_hedge_whose_nouns_only_modify_a_measure_word_names_no_claim(make_doc):
    text = (
        "Mayor Ana Roe said the water supply would be cut on Friday.\n\n"
        "The Lisk Herald could not independently verify the water level figures."
    )
    assert verdicts(make_doc, text) == [("claimed", "Mayor Ana Roe"), ("unverified", None)]
