"""Rates after a quantity (``storyline.doc.quantity_rates``), read through ``extract_quantities``."""

from __future__ import annotations

import pytest

from storyline.doc.quantities import extract_quantities
from storyline.doc.quantity_rates import rate_after
from storyline.eval.newsquant import unit_name


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The board paid 7 cents a share.", "cent/share"),
        ("Tickets sell for $12 per person.", "USD/person"),
        ("Cherries fetched €6 a kilo.", "EUR/kilogram"),
        ("Households pay 14 cents per kilowatt hour.", "cent/kilowatt hour"),
        ("The job pays $48k/yr.", "USD/year"),
        ("Rooms go for $90/night.", "USD/night"),
        ("She averaged 3 goals a game.", "count/game"),
    ],
)
def test_money_per_thing_and_counts_per_game_are_rates(text, unit):
    (q,) = extract_quantities(text)
    assert q.unit == unit


def test_no_rate_leaves_the_unit_and_end_as_they_were():
    assert rate_after("It cost $5 yesterday.", 10, None) == (None, 10)


def test_a_time_word_after_the_period_is_no_rate():
    (q,) = extract_quantities("Sales were $40 a year earlier.")
    assert q.unit == "USD"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The mill bought oats at 30 cents per bushel.", "cent/bushel"),
        ("The island has 800 goats per square mile.", "count/square mile"),
        ("Each guide earns $25 per tour.", "USD/tour"),
    ],
)
def test_money_or_a_count_per_any_named_thing_is_a_rate(text, unit):
    (q,) = extract_quantities(text)
    assert q.unit == unit


@pytest.mark.parametrize("text", ["Sales grew 4 per cent last year.", "The club sold 40 shirts per se."])
def test_per_cent_and_per_se_make_no_rate(text):
    q = extract_quantities(text)[0]
    assert "/" not in q.unit


def test_a_rate_after_a_conversion_in_brackets_is_the_rate_of_the_amount_before_them():
    text = "The port earns 40 million rand ($2.2 million) a month from fees."
    rand, dollars = extract_quantities(text)
    assert (rand.unit, rand.text) == ("ZAR/month", "40 million rand")
    assert (dollars.unit, dollars.low) == ("USD", 2_200_000)


def test_a_bracket_then_a_time_word_makes_no_rate():
    (q, _) = extract_quantities("Profit was $4 million ($3 million) a year earlier.")
    assert q.unit == "USD"


@pytest.mark.parametrize(
    ("text", "unit", "name"),
    [
        ("The stall sold plums at 80 cents a dozen.", "cent/dozen", "cent per dozen"),
        ("The caterer charged $14 a plate, wine included.", "USD/plate", "dollar per plate"),
        ("Lockers rent for €3 a locker in summer.", "EUR/locker", "euro per locker"),
    ],
)
def test_money_a_thing_is_money_per_that_thing(text, unit, name):
    (q,) = extract_quantities(text)
    assert (q.unit, unit_name(q)) == (unit, name)


@pytest.mark.parametrize(
    "text",
    [
        "The charity raised $2 million a record sum.",  # the word goes on to a noun of its own
        "She paid $7 a fresh loaf.",  # an adjective, not the thing
        "The firm paid $6 million a decade ago.",  # a period with "ago" is no rate
    ],
)
def test_money_a_word_that_does_not_end_its_phrase_is_no_rate(text):
    assert [q.unit for q in extract_quantities(text)] == ["USD"]


@pytest.mark.parametrize(
    ("text", "unit", "name"),
    [
        ("Smog reached 300 micrograms per cubic metre downtown.", "µg/cubic metre", "microgram per cubic metre"),
        ("Growers got 4 tonnes per hectare this season.", "t/hectare", "metric ton per hectare"),
        ("Each pack holds 3 grams per serving.", "g/serving", "gram per serving"),
    ],
)
def test_a_measure_per_any_named_thing_is_a_rate(text, unit, name):
    (q,) = extract_quantities(text)
    assert (q.unit, unit_name(q)) == (unit, name)


@pytest.mark.parametrize(
    ("text", "unit", "name"),
    [
        ("The van burns 9 litres per 100 km on the motorway.", "L/100 kilometre", "litre per 100 kilometre"),
        ("The hatchback needs 5.5 litres per 100 kilometres.", "L/100 kilometre", "litre per 100 kilometre"),
        ("The town counts 12 deaths per 100,000 people.", "count/100000 people", "death per 100000 people"),
        ("Water costs $2 per 1,000 gallons there.", "USD/1000 gallon", "dollar per 1000 gallon"),
        ("The clinic saw 6 deaths per 1,000 live births.", "count/1000 live birth", "death per 1000 live birth"),
        ("The survey found 40 clinics per 100 cities.", "count/100 city", "clinic per 100 city"),
        ("The ward logs 9 cases per 10,000 women.", "count/10000 woman", "case per 10000 woman"),
        (
            "Gas sold at $3 per million British thermal units.",
            "USD/million british thermal unit",
            "dollar per million british thermal unit",
        ),
    ],
)
def test_a_rate_per_a_number_of_things_is_one_rate_with_its_number(text, unit, name):
    (q,) = extract_quantities(text)
    assert (q.unit, unit_name(q)) == (unit, name)


def test_a_bare_number_after_per_makes_no_rate():
    assert [q.value for q in extract_quantities("The mill scored 5 per 100 in the audit.")] == [5, 100]
    assert [q.value for q in extract_quantities("Some 5 per 100 was the rate.")] == [5, 100]


def test_per_square_before_an_abbreviation_makes_no_rate_of_square():
    (q,) = extract_quantities("The seal holds 98 kg per square cm of pressure.")
    assert q.unit == "kg"


@pytest.mark.parametrize(
    ("text", "unit", "written"),
    [
        ("The trust paid $3 U.S. per unit to its holders.", "USD/unit", "$3 U.S. per unit"),
        ("Copper fell to $9,100 US a tonne.", "USD/tonne", "$9,100 US a tonne"),
        ("The club paid $40 U.S. to each member.", "USD", "$40"),
        # joined to the amount by hyphens
        ("Guests paid for $250-a-night suites.", "USD/night", "$250-a-night"),
        ("It was a $9-an-hour shift.", "USD/hour", "$9-an-hour"),
        ("She gave up a 30-a-day habit.", "count/day", "30-a-day"),
    ],
)
def test_a_rate_after_the_country_of_the_dollars_or_joined_by_hyphens_is_the_amounts(text, unit, written):
    (q,) = extract_quantities(text)
    assert (q.unit, q.text) == (unit, written)


@pytest.mark.parametrize(
    ("text", "unit", "previous", "value"),
    [
        ("Diesel rose from $4 to $6 a gallon.", "USD/gallon", 4, 6),
        ("Rents went up from $900 to $1,200 a month.", "USD/month", 900, 1200),
    ],
)
def test_a_rate_after_the_new_level_of_a_change_is_the_changes_rate(text, unit, previous, value):
    (q,) = extract_quantities(text)
    assert (q.unit, q.previous, q.value) == (unit, previous, value)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Platinum closed at $980 per troy ounce.", "USD/troy ounce"),
        ("Platinum closed at $980 a troy ounce on Tuesday.", "USD/troy ounce"),
        ("Thermal coal sold at $90 per short ton.", "USD/short ton"),  # short and long only before a ton
        ("Iron ore fetched $120 per long ton.", "USD/long ton"),
        ("Diesel hit $5.10/gallon in May.", "USD/gallon"),  # money per thing after a slash
        ("Crude traded near $82/barrel.", "USD/barrel"),
        ("The new model emits 104 grams of CO2 per kilometre.", "g/kilometre"),  # after what it is of
        ("Refugees were given 12 kg of flour per person.", "kg/person"),
        ("The smelter releases 1.5 million tonnes of CO2 a year.", "t/year"),
        ("The guard averaged 21.4 points a game.", "point/game"),  # a measure a game
        ("The back gained 96 yards a game.", "yard/game"),
        ("She finished with 31 points, a game-high.", "point"),
        ("The bank earned $2.31 per diluted share.", "USD/share"),  # the kind of share is no part of it
        ("Profit came to $1.10 per adjusted share.", "USD/share"),
        ("The notes convert at $21.40 a common share.", "USD/share"),  # after "a" too
        ("The mill earned 36 cents a diluted share.", "cent/share"),
    ],
)
def test_rate_forms_read_as_their_rate_unit(text: str, unit: str) -> None:
    (q,) = extract_quantities(text)
    assert q.unit == unit


def test_money_before_a_slash_and_other_money_is_no_rate() -> None:
    first, *_ = extract_quantities("Entry is $5/£4 at the door.")
    assert first.unit == "USD"


@pytest.mark.parametrize(
    ("text", "unit"),
    [("The fund paid $90 per each claimant.", "USD/claimant"), ("Donors gave $500 per every village.", "USD/village")],
)
def test_each_or_every_after_per_is_no_part_of_the_rate(text, unit):
    # were "USD/each" and "USD/every"
    assert [q.unit for q in extract_quantities(text)] == [unit]
