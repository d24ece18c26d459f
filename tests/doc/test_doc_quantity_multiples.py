"""Multiples, "N times", are counts (``storyline.doc.quantity_multiples``), read through ``extract_quantities``."""

from __future__ import annotations

import pytest

from storyline.doc.quantities import extract_quantities
from storyline.doc.quantity_multiples import times_after
from storyline.doc.quantity_read import ATOM, atom_at
from storyline.eval.newsquant import unit_name
from storyline.records import Token


@pytest.mark.parametrize(
    ("text", "value", "written"),
    [
        ("The new dam holds 3 times more water than the old one.", 3, "3 times"),
        ("The ferry crossed the strait four times on Sunday.", 4, "four times"),
        ("Rents grew 2.5 times faster than wages.", 2.5, "2.5 times"),
        ("The upgraded chip runs five times as fast.", 5, "five times"),
        ("The singer has toured the country 12 times.", 12, "12 times"),
        ("Land there now sells for 10 times its price in 2015.", 10, "10 times"),
    ],
)
def test_a_number_before_times_is_a_count_of_times(text, value, written):
    (q,) = extract_quantities(text)
    assert (q.value, q.unit, q.text) == (value, "count", written)


def test_a_multiple_is_named_count_as_cqe_names_it_whatever_noun_the_parse_gives():
    text = "Land there now sells for 10 times its price in 2015."
    (q,) = extract_quantities(text)
    start = text.index("price")
    parsed = (("price", Token(start, start + 5, "price", "price", "NOUN", "NN", "npadvmod", 4)),)
    assert unit_name(q) == unit_name(q, parsed) == "count"


def test_times_with_a_period_after_it_is_a_rate_of_times():
    (q,) = extract_quantities("Patients take the tablet three times a day.")
    assert (q.value, q.unit) == (3, "count/day")


def test_capitalised_times_is_a_name_not_a_multiple():
    text = "The offices at 5 Times Square were sold."
    m = ATOM.search(text)
    assert m is not None
    atom = atom_at(text, m)
    assert atom is not None and times_after(text, atom) is None
