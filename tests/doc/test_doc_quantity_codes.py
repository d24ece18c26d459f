"""Telephone numbers and web addresses hold no quantities (``storyline.doc.quantity_codes``)."""

from __future__ import annotations

import pytest

from storyline.doc.quantities import extract_quantities
from storyline.doc.quantity_codes import code_spans


@pytest.mark.parametrize(
    "text",
    [
        "Readers can call the helpline on 0800 555 0199 until midnight.",
        "The shop's number is 212-555-0147, the owner said.",
        "Tickets are sold on 1-800-555-0100 and at the gate.",
        "Dial +44 20 7946 0958 to reach the embassy.",
        "The desk answers on (020) 7946 0958 at weekends.",
        "The clinic took calls on 617.555.0123 all week.",
    ],
)
def test_a_telephone_number_is_not_a_quantity(text):
    assert extract_quantities(text) == []


def test_quantities_around_a_telephone_number_are_still_read():
    found = extract_quantities("Some 40 volunteers staffed the 0800 555 0199 line for 3 days.")
    assert [(q.value, q.unit) for q in found] == [(40, "count"), (3, "day")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The fund holds 10 000 000 shares.", 10_000_000),
        ("The county has 212,555 residents.", 212_555),
        ("Output rose to 1.555 million barrels.", 1_555_000),
    ],
)
def test_amounts_grouped_like_a_telephone_number_are_still_amounts(text, value):
    (q,) = extract_quantities(text)
    assert q.value == value


def test_code_spans_cover_the_address_and_the_phone_number():
    text = "See www.example.org/2019-05-03 or ring 0161 496 0000."
    spans = [text[a:b] for a, b in code_spans(text)]
    assert spans == ["www.example.org/2019-05-03", "0161 496 0000"]


@pytest.mark.parametrize(
    "text",
    [
        '<post post-id="881200345566778899"></post>.',
        '<item author="jroe" stamp="1500000123" ref="73">The ferry sailed.</item>',
    ],
)
def test_numbers_inside_a_markup_tag_are_no_quantities(text):
    # each number of a tag's attributes was read as a bare count
    assert extract_quantities(text) == []


def test_quantities_between_markup_tags_are_still_read():
    found = extract_quantities('<item ref="73">The ferry carried 40 cars.</item>')
    assert [(q.value, q.noun) for q in found] == [(40, "cars")]


def test_a_less_than_sign_before_a_number_opens_no_tag():
    assert [q.value for q in extract_quantities("Flows stayed < 40 tonnes > in the dry season.")] == [40]


@pytest.mark.parametrize(
    "text",
    [
        "The worm loads a script from bad-host4.com/2.js on each visit.",
        "The page moved to harbourtimes.co.uk/news/7 last week.",
        "A copy sits at mirror.example.org/v3/files/12 for now.",
    ],
)
def test_the_digits_of_a_web_address_without_its_scheme_are_no_quantity(text):
    assert extract_quantities(text) == []


def test_a_number_beside_a_site_named_in_a_sentence_is_still_read():
    found = extract_quantities("Shoppers on Amazon.com bought 40 kettles.")
    assert [(q.value, q.noun) for q in found] == [(40, "kettles")]
