from __future__ import annotations

import pytest

from storyline.doc.quantities import extract_quantities
from storyline.doc.quantity_states import verb_state


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The raid left 22 killed and 40 wounded.", [(22, "killed"), (40, "wounded")]),
        ("Medics said at least 9 killed, most of them farmers.", [(9, "killed")]),
        ("Up to 600 killed in the floods, a report says.", [(600, "killed")]),
        ("The bus crash left 14 dead and 31 hurt.", [(14, "dead"), (31, "hurt")]),  # 31 took "dead" before
        ("Officials counted 8 more killed on Sunday.", [(8, "killed")]),
    ],
)
def test_a_participle_of_harm_right_after_a_number_is_what_it_counts(text, found):
    assert [(q.value, q.noun) for q in extract_quantities(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "The 3 hurt their backs lifting crates.",  # an object follows: a verb
        "Weak orders in 2019 hurt the maker's profits.",  # a year, then a verb
        "The 2 killed a guard before they fled.",
    ],
)
def test_a_participle_of_harm_with_an_object_is_a_verb_not_a_count(text):
    assert all(q.noun is None for q in extract_quantities(text))


def test_a_verb_state_ends_where_the_clause_goes_on_without_an_object():
    text = "22 killed in the blast"
    assert verb_state(text, 9, "killed") == (9, "killed")
    assert verb_state("2 killed a guard", 8, "killed") is None
    assert verb_state("the 3 dead", 10, "dead") is None  # "dead" is a state word of its own, no verb
