from __future__ import annotations

import pytest

from storyline.doc.quantities import extract_quantities


def read(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.unit, q.raw_unit, q.kind) for q in extract_quantities(text)]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("The panel is 40 square inches.", "square inches"),
        ("The flat has 90 sq yd of garden.", "sq yd"),
        ("A chip of 12 mm2 was found.", "mm2"),
        ("The wound covered 3 square centimetres.", "square centimetres"),
    ],
)
def test_small_areas_after_square_or_with_a_power_are_areas(text: str, raw: str) -> None:
    assert read(text)[0][:2] == ("km2", raw)


def test_the_word_in_after_square_is_no_area() -> None:
    assert all(unit != "km2" for unit, _, _ in read("They met at the 40 square in the old town."))


def test_ages_in_days_weeks_and_months_keep_their_unit() -> None:
    found = read("A 3-month-old girl, a 2-week-old calf and a man 70 years of age.")
    assert [(unit, kind) for unit, _, kind in found] == [("month", "age"), ("week", "age"), ("year", "age")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The temple stood for two millennia.", "millennium"),
        ("The talks lasted a fortnight and then 3 fortnights more.", "fortnight"),
        ("The call lasted 10 mins.", "minute"),
        ("He served 12 yrs in prison.", "year"),
    ],
)
def test_durations_in_long_or_short_forms_are_named_in_full(text: str, unit: str) -> None:
    assert (unit, "duration") in [(u, kind) for u, _, kind in read(text)]


def test_an_acre_foot_is_a_volume_not_an_area() -> None:
    assert read("The dam released 500 acre-feet.")[0][0] == "acre-foot"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The appeal raised twenty five thousand dollars.", 25_000),
        ("Forty two climbers reached the summit.", 42),
        ("The ferry carried ninety nine cars.", 99),
        ("Sixty five percent of members voted.", 65),
    ],
)
def test_tens_and_units_written_with_a_space_are_one_number(text, value):
    (q,) = extract_quantities(text)
    assert q.value == value


def test_a_tens_word_before_a_plural_noun_keeps_its_own_value():
    (q,) = extract_quantities("Twenty volunteers cleaned the beach.")
    assert (q.value, q.noun) == (20, "volunteers")


@pytest.mark.parametrize("text", ["In the twenty first century the town grew.", "It was her twenty-second title."])
def test_a_tens_word_before_an_ordinal_is_an_ordinal_not_a_count(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The probe counted 4.1e12 particles.", 4.1e12, "count"),
        ("Each vial held 7.5E-3 litres of serum.", 7.5e-3, "L"),
        ("The model was tuned to 2e+5 steps.", 2e5, "count"),
    ],
)
def test_a_number_with_e_and_an_exponent_joined_to_it_is_in_scientific_notation(text, value, unit):
    (q,) = extract_quantities(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text", ["Take exit 5E for the airport.", "Flat 12E was empty.", "Grade 3e, then 4."])
def test_a_letter_e_without_exponent_digits_makes_no_scientific_number(text):
    assert all(q.value < 1000 for q in extract_quantities(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [("Over 3K runners took part.", 3_000), ("He paid $40K for the boat.", 40_000), ("About 14K fans came.", 14_000)],
)
def test_a_capital_k_joined_to_a_number_is_thousands(text, value):
    assert [q.value for q in extract_quantities(text)] == [value]


@pytest.mark.parametrize(
    "text", ["The match streams in 4K on the new screen.", "A 401K plan helps savers.", "A 401k plan helps savers."]
)
def test_a_k_that_names_a_resolution_or_a_plan_is_no_amount(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("The sprinter ran 100m in under ten seconds.", 100),
        ("She swam 400m in the heat.", 400),
        ("He threw the javelin 80 m on his last try.", 80),
        ("He jumped 8.1m to win.", 8.1),
    ],
)
def test_a_bare_m_after_a_verb_of_running_or_throwing_is_metres(text, metres):
    [q] = [q for q in extract_quantities(text) if q.kind == "measure"]
    assert (q.unit, q.raw_unit, q.value) == ("km", "m", pytest.approx(metres / 1000))


@pytest.mark.parametrize("text", ["The firm made 100m last year.", "The club ran up 100m of debt."])
def test_a_bare_m_elsewhere_is_still_not_read(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The charity raised nearly $73million last year.", 73_000_000, "USD"),
        ("The club paid £3million for the striker.", 3_000_000, "GBP"),
        ("The scheme will cost £1.5billion in all.", 1_500_000_000, "GBP"),
        ("Around 3million people voted early.", 3_000_000, "count"),
    ],
)
def test_a_scale_word_joined_to_its_number_multiplies_it(text: str, value: float, unit: str) -> None:
    q = extract_quantities(text)[0]
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The app has 12m of its users in Europe.", 12_000_000),
        ("The quake left up to 3m affected.", 3_000_000),
        ("Some 2m were displaced by the floods.", 2_000_000),
    ],
)
def test_a_bare_m_before_a_verb_or_a_share_of_a_group_is_millions(text: str, value: float) -> None:
    assert [q.value for q in extract_quantities(text)] == [value]


@pytest.mark.parametrize(
    "text", ["The tower is 300m tall.", "Rescuers dug through 4m of rubble.", "The wall was raised 2m higher."]
)
def test_a_bare_m_of_a_length_is_never_millions(text: str) -> None:
    assert all(q.value < 1000 for q in extract_quantities(text))


@pytest.mark.parametrize(
    ("text", "noun"),
    [("Two U.S. lawmakers asked for an inquiry.", "lawmakers"), ("Three U.K. banks failed the test.", "banks")],
)
def test_initials_with_dots_among_the_modifiers_keep_the_counted_noun(text: str, noun: str) -> None:
    [q] = extract_quantities(text)
    assert (q.value > 1, q.unit, q.noun) == (True, "count", noun)


def test_the_first_of_two_counts_joined_by_or_takes_the_second_ones_noun() -> None:
    found = extract_quantities("A woman was trapped under three or four floors of concrete.")
    assert [(q.value, q.unit, q.noun) for q in found] == [(3, "count", "floors"), (4, "count", "floors")]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("One US fluid ounce of syrup goes in each jar.", 1, "fl oz"),
        ("The tank takes 12 imperial gallons.", 12, "gallon"),
        ("Each box holds 2 U.S. cups of rice.", 2, "cup"),
    ],
)
def test_a_measure_system_between_number_and_unit_keeps_the_unit(text: str, value: float, unit: str) -> None:
    (q,) = extract_quantities(text)
    assert (q.value, q.unit) == (value, unit)


def test_a_country_before_a_counted_noun_is_no_measure_system() -> None:
    (q,) = extract_quantities("Five US engineers joined the crew.")
    assert (q.value, q.unit, q.noun) == (5, "count", "engineers")


def test_pounds_joined_to_a_number_weigh_unless_money_is_named_after() -> None:
    found = extract_quantities("Rangers freed a 150-pound turtle, then a 20-pound note was found.")
    assert [(q.value, q.unit) for q in found] == [(150, "lb"), (20, "GBP")]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The court handed him a 500-pound fine for the stunt.", 500, "GBP"),
        ("Each rider bought a 30-pound ticket at the gate.", 30, "GBP"),
        ("He dropped a 5-pound coin into the well.", 5, "GBP"),
        ("The keeper weighed a 40-pound tortoise before the show.", 40, "lb"),
        ("The couple sold a million-pound house by the river.", 1_000_000, "GBP"),
        ("The jet dropped a thousand-pound bomb on the bridge.", 1_000, "lb"),
        ("The firms signed a billion-dollar deal on Monday.", 1_000_000_000, "USD"),
        ("She bought a half-million-dollar flat downtown.", 500_000, "USD"),
        ("He found a 20-dollar bill under the seat.", 20, "USD"),
        ("Drivers face a 50-euro fine for parking there.", 50, "EUR"),
    ],
)
def test_a_currency_joined_to_its_number_is_a_price_and_a_pound_is_one_before_money_or_after_a_scale(
    text: str, value: float, unit: str
) -> None:
    # "a 500-pound fine", "a million-pound house" pay; "a 40-pound tortoise", "a thousand-pound bomb" weigh
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "count", "age"),
    [
        ("There were 30 20-year-olds at the party.", (30, "20-year-olds"), 20),
        ("Two 16-year-olds were questioned by police.", (2, "16-year-olds"), 16),
        ("The survey asked 600,000 11-year olds about sport.", (600_000, "11-year olds"), 11),
    ],
)
def test_a_number_before_people_of_an_age_counts_the_people_and_the_age_is_its_own(
    text: str, count: tuple[float, str], age: float
) -> None:
    found = extract_quantities(text)
    assert [(q.value, q.noun) for q in found if q.unit == "count"] == [count]
    assert [(q.value, q.unit, q.kind) for q in found if q.unit != "count"] == [(age, "year", "age")]


@pytest.mark.parametrize(
    ("text", "count", "measure"),
    [
        ("The jets dropped two 500-pound bombs.", (2, "count", "bombs"), (500, "lb")),
        ("Police found 2 500-pound bombs in the van.", (2, "count", "bombs"), (500, "lb")),
        ("The crane lifted three 40-foot containers.", (3, "count", "containers"), (40, "foot")),
        ("A dozen 10-tonne trucks waited at the gate.", (12, "count", "trucks"), (10, "t")),
    ],
)
def test_a_number_before_a_hyphenated_measure_is_a_count_of_the_noun_and_the_measure_its_own(
    text: str, count: tuple[float, str, str], measure: tuple[float, str]
) -> None:
    found = extract_quantities(text)
    assert [(q.value, q.unit, q.noun) for q in found if q.unit == "count"] == [count]
    assert [(q.value, q.unit) for q in found if q.unit != "count"] == [measure]


def test_thousands_grouped_by_a_space_stay_one_number_before_strong() -> None:
    assert [(q.value, q.unit) for q in extract_quantities("A 10 000-strong crowd marched.")] == [(10_000, "count")]


def test_a_scale_word_joined_to_pound_is_a_price_not_a_weight() -> None:
    found = extract_quantities("The club paid for a 3 million-pound striker and a 200-pound keeper.")
    assert [(q.value, q.unit) for q in found][:1] == [(3_000_000, "GBP")]
    assert (200, "lb") in [(q.value, q.unit) for q in found]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The poll's margin of error is plus or minus 3 percentage points.", 3, "percent"),
        ("Its margin for error was plus-minus 2.5 points.", 2.5, "point"),
        ("The gauge reads within plus/minus 4 percent.", 4, "percent"),
    ],
)
def test_plus_or_minus_is_a_margin_not_a_negative_number(text: str, value: float, unit: str) -> None:
    # was -3 (and "plus-minus 2.5" nothing: the hyphen before the number read as a name's)
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [(value, unit)]


def test_minus_alone_still_makes_a_number_negative() -> None:
    assert [q.value for q in extract_quantities("Overnight it fell to minus 12 degrees.")] == [-12]


@pytest.mark.parametrize(
    ("text", "noun", "span"),
    [
        ("Nurses said 20 wounded soldiers were flown out.", "wounded", "20 wounded soldiers"),
        ("Divers found 14 dead seals on the beach.", "dead", "14 dead seals"),
        ("The search for 6 missing fishermen went on.", "missing", "6 missing fishermen"),
        ("A ferry carried 90 injured Ukrainians to the port.", "injured", "90 injured Ukrainians"),
    ],
)
def test_a_state_before_a_plural_noun_takes_the_noun_into_the_quantity(text: str, noun: str, span: str) -> None:
    # the noun was left out of the quantity; the state stays its noun, the measure figure stages read
    assert [(q.noun, q.text) for q in extract_quantities(text)] == [(noun, span)]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The flood left 150 dead and 20 injured.", ["dead", "injured"]),
        ("There were 200 wounded in the square on Friday.", ["wounded"]),
    ],
)
def test_a_state_alone_after_a_number_is_what_is_counted(text: str, noun: list[str]) -> None:
    assert [q.noun for q in extract_quantities(text)] == noun


def test_a_range_of_lengths_of_time_after_more_is_one_span():
    (q,) = extract_quantities("Sealing the shaft will take five to 8 more days.")
    assert (q.low, q.high, q.unit, q.kind) == (5, 8, "day", "duration")


@pytest.mark.parametrize("text", ["The 6.2 magnitude tremor shook the port.", "A 6.2-magnitude tremor shook the port."])
def test_a_magnitude_after_its_number_is_a_measure(text):
    # the spaced form was a bare number, the hyphenated one a count of "magnitude"
    assert [(q.value, q.unit, q.kind) for q in extract_quantities(text)] == [(6.2, "magnitude", "measure")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The wreck lies in 3,000 ft (900 m) of water.", 900),  # the report's conversion of a length
        ("Divers worked at depths of 1,200 m off the cape.", 1200),
        ("The probe reached a depth of about 4,000 m in the trench.", 4000),
    ],
)
def test_a_bare_m_after_a_length_in_brackets_or_a_depth_is_metres(text, value):
    # was a bare number: a lone "m" may be millions
    metres = [q for q in extract_quantities(text) if q.raw_unit == "m"]
    assert [(q.value, q.unit) for q in metres] == [(value / 1000, "km")]


def test_a_bare_m_after_money_stays_millions():
    assert [(q.value, q.unit) for q in extract_quantities("The fund raised £2.5 m for the town.")] == [(2.5e6, "GBP")]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The mayor met two Democrats and a banker.", "democrats"),
        ("The checker gave the claim three Pinocchios.", "pinocchios"),
        ("The panel heard five Hispanic-Americans speak.", "hispanic-americans"),
        ("Officials questioned 4 Baptists from the town.", "baptists"),
    ],
)
def test_a_capitalized_plural_after_a_number_is_what_is_counted(text, noun):
    # "two Democrats" was dropped as a number word with nothing counted; "4 Baptists" left bare
    (q,) = extract_quantities(text)
    assert (q.unit, q.noun) == ("count", noun)


@pytest.mark.parametrize(
    "text",
    [
        "They booked a room at the Four Seasons in town.",
        "She ate lunch at Five Guys near the station.",
        "FIVE THINGS TO KNOW TODAY.",
    ],
)
def test_a_capitalized_number_word_inside_a_name_counts_no_capitalized_plural(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The plant will move 700 United Steelworks jobs abroad.", "jobs"),
        ("The party seated five Greens supporters on the panel.", "supporters"),
        ("Tar reached two Texas beaches on Monday.", "beaches"),
    ],
)
def test_a_capitalized_plural_after_other_words_or_before_a_noun_is_a_modifier(text, noun):
    assert [q.noun for q in extract_quantities(text)] == [noun]


def test_digits_at_a_sentence_head_count_no_capitalized_plural():
    # a live report's time stamp before a clause: no count of churches
    assert all(q.noun is None for q in extract_quantities("1315 Churches in the city have collected food."))


@pytest.mark.parametrize(
    ("text", "values"),
    [("Her 61%-35% lead held.", [61, 35]), ("By 52%-40%, members said yes.", [52, 40])],
)
def test_a_hyphen_right_after_a_percent_sign_joins_two_shares_and_makes_no_minus(text, values):
    # the second share was read as negative, "-35%"
    assert [q.value for q in extract_quantities(text)] == values


def test_a_minus_sign_after_a_space_still_makes_a_share_negative():
    assert [q.value for q in extract_quantities("Growth was -5% last year.")] == [-5]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Entry costs 30€ at the door.", 30, "EUR"),
        ("A VIP seat is 60,000₩ tonight.", 60_000, "KRW"),
        ("The kit sold for 45£ online.", 45, "GBP"),
        ("Lunch was 800 ¥ and tea extra.", 800, "JPY"),
        ("The stall charged 250₹ for it.", 250, "INR"),
        ("Fees rose to 12$ last year.", 12, "USD"),
    ],
)
def test_a_currency_sign_written_after_its_amount_is_the_currency(text, value, unit):
    # each was a bare number: only words ("30 euros") and a spaced euro sign were read after the amount
    (q,) = [q for q in extract_quantities(text) if q.value == value]
    assert q.unit == unit


def test_a_sign_before_the_next_amount_is_not_read_after_a_number():
    assert [(q.value, q.unit) for q in extract_quantities("He paid 20 $30 bills.")] == [(20, "count"), (30, "USD")]


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("Get the Cloud City 2,812-Piece Set, Now $240", 2812, "piece"),
        ("Deal: a 500-Piece Puzzle for kids", 500, "piece"),
        ("Sale on the 4-Pack Charging Cables", 4, "pack"),
    ],
)
def test_a_title_cased_noun_joined_to_digits_is_counted_as_a_lower_case_one(text, value, noun):
    # shop pages and headlines capitalize each word; "2,812-Piece" was a bare number or lost
    assert (value, "count", noun) in [(q.value, q.unit, q.noun) for q in extract_quantities(text)]


@pytest.mark.parametrize("text", ["He works at the 7-Eleven on Main Street.", "The Six-Day War ended."])
def test_a_title_cased_number_word_or_a_name_joined_to_a_number_is_no_count(text):
    assert all(q.noun is None for q in extract_quantities(text))
