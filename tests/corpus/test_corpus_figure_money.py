"""What a sum of money measures (``storyline.corpus.figure_money``), on our own sentences."""

from __future__ import annotations

import pytest

from storyline.corpus import figure_money as fm
from storyline.corpus import figures as fg
from storyline.records import Quantity, Sentence


def money(text: str, words: str, unit: str = "USD") -> tuple[Sentence, Quantity]:
    """A sentence with one sum of money at ``words``."""
    start = text.index(words)
    q = Quantity(start, start + len(words), words, 1.0, 1.0, 1.0, unit, None, None, None)
    return Sentence(0, 0, len(text), text, 0, quantities=(q,)), q


@pytest.mark.parametrize(
    ("text", "words", "measure"),
    [
        ("Ardenia pledged $1.2 billion in military aid to its neighbour.", "$1.2 billion", "aid"),
        ("The council approved a $40 million aid package for the valley.", "$40 million", "aid"),
        ("Donors sent $3 million of emergency relief to Millbrook.", "$3 million", "aid"),
        ("The fund offered humanitarian assistance worth $250 million.", "$250 million", "aid"),
        ("Brantia announced aid of up to 4 billion euros for farmers.", "4 billion euros", "aid"),
        ("The new supplies come on top of some $12 million in U.N. emergency relief.", "some $12 million", "aid"),
        ("Brantia has spent $30 million on medical and other aid since May.", "$30 million", "aid"),
        ("The bank agreed $600 million in loans to the port authority.", "$600 million", "loans"),
        ("The ministry handed out grants totalling $15 million.", "$15 million", "grants"),
        ("Kelby will give 900 million crowns (about $85 million) in aid.", "900 million crowns", "aid"),
    ],
)
def test_sum_is_aid_loans_or_grants_when_that_word_names_the_sum_itself(text, words, measure):
    s, q = money(text, words)
    assert fm.money_measure(s, q) == measure
    assert fg.measure_of(s, q) == measure


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # an aid word elsewhere in the sentence, about something else
        ("The carmaker swapped $12 billion of bonds for shares to keep winning state support.", "$12 billion"),
        ("Brantia set out 3 trillion crowns to support its trading partners.", "3 trillion crowns"),
        ("The senate first asked for $50 billion for the border war and more foreign aid for Kelby.", "$50 billion"),
        ("The law adds $90 billion to a fund for countries that need financial aid.", "$90 billion"),
        ("The navy budget totals $310 billion, not counting funding for the two missions.", "$310 billion"),
        # a list of sums: only the one the aid word follows is aid
        ("The bill holds $20 billion for the war, $2 billion for the flu, and $1 billion in aid.", "$20 billion"),
        ("The bill holds $20 billion for the war, $2 billion for the flu, and $1 billion in aid.", "$2 billion"),
        # "to aid" is a verb of purpose, not what the sum is
        ("Ardenia set aside $5 billion to aid its fishing towns.", "$5 billion"),
        # a stimulus or rescue package is no aid
        ("Parliament passed a $700 billion stimulus package on Friday.", "$700 billion"),
    ],
)
def test_sum_near_an_aid_word_that_does_not_name_it_has_no_measure(text, words):
    s, q = money(text, words)
    assert fm.money_measure(s, q) is None
    assert fg.measure_of(s, q) is None


def test_last_sum_of_a_list_is_aid_when_the_aid_word_follows_it():
    text = "The bill holds $20 billion for the war, $2 billion for the flu, and $1 billion in aid."
    s, q = money(text, "$1 billion")
    assert fm.money_measure(s, q) == "aid"


def test_sum_in_brackets_after_another_is_its_conversion_not_a_second_point():
    text = "Kelby will give 900 million crowns (about $85 million) in aid."
    crowns, dollars = text.index("900 million crowns"), text.index("$85 million")
    quantities = tuple(
        Quantity(at, at + len(words), words, 1.0, 1.0, 1.0, unit, None, None, None)
        for at, words, unit in ((crowns, "900 million crowns", "SEK"), (dollars, "$85 million", "USD"))
    )
    s = Sentence(0, 0, len(text), text, 0, quantities=quantities)
    assert [fm.money_measure(s, q) for q in quantities] == ["aid", None]


def test_a_count_is_never_a_sum_of_money():
    s, q = money("Donors sent 300 tonnes of food aid.", "300 tonnes", unit="count")
    assert fm.money_measure(s, q) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Harwick Oil said the leak had cost it $300 million so far.", "$300 million"),
        ("The company says the flood has so far cost the port $45 million.", "$45 million"),
        ("Harwick says the clean-up has already cost about $1 billion.", "about $1 billion"),
        ("Harwick is spending $5 million a day, bringing the total so far to $410 million.", "$410 million"),
        ("Harwick has spent $90 million to date on the clean-up.", "$90 million"),
        ("The total cost of the response so far stands at $2.5 billion, Harwick said.", "$2.5 billion"),
    ],
)
def test_a_sum_the_story_has_cost_so_far_is_the_cost_to_date(text, words):
    s, q = money(text, words)
    assert fm.money_measure(s, q) == "cost to date"
    assert fg.measure_of(s, q) == "cost to date"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Analysts say the clean-up could cost Harwick $4 billion.", "$4 billion"),  # a forecast, no perfect
        ("The bridge cost $40 million to build in 1990.", "$40 million"),  # a price, not the story's running cost
        ("Harwick spent $900 million on a new refinery last year.", "$900 million"),
        ("The leak has cost Harwick a third of its value, or $20 billion, analysts said.", "$20 billion"),
    ],
)
def test_a_price_forecast_or_other_spending_is_no_cost_to_date(text, words):
    s, q = money(text, words)
    assert fm.money_measure(s, q) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Harwick said it had spent $80 million on the clean-up in the past four days, bringing its bill to"
            " $700 million so far.",
            "$80 million",
        ),
        ("The port has spent $12 million over the last two weeks and $60 million so far.", "$12 million"),
        ("Harwick has already spent $9 million during the previous 48 hours.", "$9 million"),
    ],
)
def test_a_sum_spent_over_a_named_period_is_no_total_to_date(text, words):
    s, q = money(text, words)
    assert fm.money_measure(s, q) is None


def test_a_total_to_date_beside_a_period_s_sum_is_still_the_cost_to_date():
    text = "Harwick said it had spent $80 million in the past four days, bringing its bill to $700 million so far."
    s, q = money(text, "$700 million")
    assert fm.money_measure(s, q) == "cost to date"
