from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.config import Config
from storyline.doc.quantities import UNITS, build, convert, extract_quantities
from storyline.doc.quantity_words import SMALL, TENS, parse_number


def only(text: str):
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


def test_thousands_separator_and_counted_noun_with_modifier():
    q = only("About 6,000 Russian troops crossed the river.")
    assert (q.value, q.unit, q.noun, q.qualifier) == (6000, "count", "troops", "about")
    assert q.text == "About 6,000 Russian troops"


def test_scale_word_multiplies_value():
    q = only("The town once had 1.2 million people.")
    assert q.value == 1_200_000 and q.noun == "people"


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("Three villages were emptied.", 3, "villages"),
        ("The unit lost twelve soldiers.", 12, "soldiers"),
        ("A dozen tanks were seen.", 12, "tanks"),
        ("Officials counted twenty-five bodies.", 25, "bodies"),
        ("Two thousand residents left.", 2000, "residents"),
    ],
)
def test_number_words_before_counted_nouns(text, value, noun):
    q = only(text)
    assert (q.value, q.noun) == (value, noun)


def test_bare_number_words_are_skipped():
    assert extract_quantities("Two of them left and three stayed behind.") == []


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "noun"),
    [
        ("Hundreds of people fled the dam.", 100, 1000, "count", "people"),
        ("Dozens of boats waited.", 12, 120, "count", "boats"),
        ("Repairs cost tens of millions of dollars.", 1e7, 1e8, "USD", None),
        ("Thousands of them queued.", 1000, 10000, "count", None),
        ("Hundreds of thousands of homes lost power.", 1e5, 1e6, "count", "homes"),
        ("It cost hundreds of millions of dollars.", 1e8, 1e9, "USD", None),
    ],
)
def test_vague_amounts_are_one_order_of_magnitude_of_kind_vague(text, low, high, unit, noun):
    q = only(text)
    assert (q.low, q.high, q.unit, q.noun, q.kind, q.qualifier) == (low, high, unit, noun, "vague", "about")


def test_vague_years_are_not_quantities():
    assert extract_quantities("The wall stood for hundreds of years.") == []


def test_bare_decimal_is_a_count_without_noun():
    q = only("The index stood at 3.4 on Friday.")
    assert (q.value, q.unit, q.noun) == (3.4, "count", None)


@pytest.mark.parametrize(
    "text", ["over 80% of the area", "over 80 percent of the area", "over 80 per cent of the area"]
)
def test_percent_forms(text):
    q = only(text)
    assert (q.value, q.unit, q.qualifier, q.noun) == (80, "percent", "more than", "area")


@pytest.mark.parametrize(
    "unit_text",
    ["square kilometres", "square kilometers", "sq km", "km²", "km2", "square km"],
)
def test_area_units_normalize_to_km2(unit_text):
    q = only(f"The zone covers 1,368 {unit_text}.")
    assert (q.value, q.unit, q.raw_unit, q.noun) == (1368, "km2", unit_text, "area")


def test_square_miles_acres_hectares_convert_with_pint():
    found = extract_quantities("It spans 10 square miles, 500 acres and 30 hectares.")
    assert [q.unit for q in found] == ["km2"] * 3
    assert found[0].value == pytest.approx(25.89988, rel=1e-4)
    assert found[1].value == pytest.approx(2.023436, rel=1e-4)
    assert found[2].value == pytest.approx(0.3)


def test_distances_convert_to_km():
    found = extract_quantities("The column stopped 12 miles out, then 40km from the border.")
    assert [(q.unit, round(q.value, 3)) for q in found] == [("km", 19.312), ("km", 40.0)]


def test_parenthetical_conversion_is_one_measure_and_a_conversion():
    found = extract_quantities("Troops retook about 40 square kilometres (15 square miles) of land.")
    assert [q.kind for q in found] == ["measure", "conversion"]
    assert (found[0].value, found[0].qualifier, found[0].text) == (40, "about", "about 40 square kilometres")
    assert found[1].text == "15 square miles"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Lunch costs eight or nine euros.", [(8, "EUR", "eight"), (9, "EUR", "nine euros")]),
        ("It fits a 7- or 8-inch screen.", [(7, "inch", "7"), (8, "inch", "8-inch")]),
        ("Tickets cost $5 or $6.", [(5, "USD", "$5"), (6, "USD", "$6")]),
        ("Only one or two towns will vote.", [(1, "count", "one"), (2, "count", "two towns")]),  # "one" was lost
    ],
)
def test_alternatives_joined_by_or_are_two_values_in_one_unit(text, found):
    assert [(q.value, q.unit, q.text) for q in extract_quantities(text)] == found


@pytest.mark.parametrize(
    ("text", "value", "unit", "raw"),
    [
        ("Aid worth $3 billion was pledged.", 3e9, "USD", "$"),
        ("A US$2.5bn loan was agreed.", 2.5e9, "USD", "US$"),
        ("The fund holds €40 million.", 4e7, "EUR", "€"),
        ("They asked for 3 billion dollars.", 3e9, "USD", "dollars"),
        ("Repairs will cost 12 million euros.", 1.2e7, "EUR", "euros"),
        ("A grant of £5m was made.", 5e6, "GBP", "£"),
        ("Pensions of 900 hryvnias were paid.", 900, "UAH", "hryvnias"),
    ],
)
def test_currency_keeps_its_own_unit(text, value, unit, raw):
    q = only(text)
    assert (q.value, q.unit, q.raw_unit) == (value, unit, raw)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("around 300 civilians", "about"),
        ("roughly 300 civilians", "about"),
        ("an estimated 300 civilians", "about"),
        ("close to 300 civilians", "about"),
        ("nearly 300 civilians", "about"),
        ("more than 300 civilians", "more than"),
        ("at least 300 civilians", "at least"),
        ("no fewer than 300 civilians", "at least"),
        ("in excess of 300 civilians", "more than"),
        ("fewer than 300 civilians", "less than"),
        ("no more than 300 civilians", "less than"),
        ("under 300 civilians", "less than"),
        ("up to 300 civilians", "up to"),
        ("as many as 300 civilians", "up to"),
        ("300 civilians", None),
    ],
)
def test_qualifiers(text, qualifier):
    q = only(f"Officials said {text} were evacuated.")
    assert (q.value, q.qualifier, q.low, q.high) == (300, qualifier, 300, 300)


@pytest.mark.parametrize(
    "text",
    ["between 3,000 and 4,000 people", "3,000 to 4,000 people", "3,000-4,000 people", "3,000–4,000 people"],
)
def test_ranges(text):
    q = only(f"Officials said {text} fled.")
    assert (q.value, q.low, q.high, q.qualifier, q.noun) == (3000, 3000, 4000, None, "people")


def test_range_carries_scale_of_upper_end():
    q = only("Estimates ran from 3 to 4 million people.".replace("from ", ""))
    assert (q.low, q.high) == (3e6, 4e6)


@pytest.mark.parametrize(
    ("text", "value", "previous", "unit"),
    [
        ("The toll rose from 3,000 to 4,000 on Friday.", 4000, 3000, "count"),
        ("The toll rose to 4,000 from 3,000 on Friday.", 4000, 3000, "count"),
        ("Output fell from 8.5 to 7.9 percent.", 7.9, 8.5, "percent"),
        ("The queue shrank to 120 cars from 300 cars.", 120, 300, "count"),
        ("Fares were cut from $4 to $3.", 3, 4, "USD"),
        ("The estimate grew from 2 to 3 million people.", 3e6, 2e6, "count"),
    ],
)
def test_change_from_to_is_one_quantity_at_its_new_level(text, value, previous, unit):
    q = only(text)
    assert (q.value, q.low, q.high, q.previous, q.unit) == (value, value, value, previous, unit)


def test_change_between_ranges_keeps_both_ranges():
    found = extract_quantities("The forecast was cut from 5 to 7 per cent to 3 to 5 per cent.")
    assert [(q.low, q.high, q.unit, q.previous) for q in found] == [(5, 7, "percent", None), (3, 5, "percent", None)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Copper traded at $9,100 a tonne.", "USD/tonne"),
        ("The lease is $80 per sq m.", "USD/square metre"),
        ("Fees rose by up to £24 a-year.", "GBP/year"),
        ("Crews worked 12 hours a day.", "hour/day"),
    ],
)
def test_rates_per_period_or_per_measure(text, unit):
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "unit", "noun"),
    [
        ("The plant fills 4,000 bottles a day.", "count/day", "bottles"),
        ("The rotor turns 9,000 times a minute.", "count/minute", "times"),
        ("Break-ins ran at 15 per week.", "count/week", None),
    ],
)
def test_counts_per_period_are_rates_not_tallies(text, unit, noun):
    q = only(text)
    assert (q.unit, q.noun) == (unit, noun)


@pytest.mark.parametrize(
    "text", ["The shop is at 49 Harbour Lane.", "The flat at 22 Ave Marceau sold.", "It sits at 9 E 71st St."]
)
def test_street_numbers_are_skipped(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize("text", ["Men aged 18 to 34 were asked.", "Two men, aged 20 and 23, were held."])
def test_age_ranges_are_skipped_with_both_ends(text):
    assert all(q.value not in (18, 20, 23, 34) for q in extract_quantities(text))


def test_basketball_averages_per_game():
    found = extract_quantities("She averaged 21.4 ppg, 8.1 rpg and 5.5 apg.")
    assert [(q.value, q.unit) for q in found] == [(21.4, "ppg"), (8.1, "rpg"), (5.5, "apg")]


@pytest.mark.parametrize(("text", "km"), [("A 40m-long tunnel opened.", 0.04), ("The mast is 12m (39ft) tall.", 0.012)])
def test_bare_m_is_metres_when_a_length_is_said(text, km):
    q = extract_quantities(text)[0]
    assert (q.unit, q.raw_unit) == ("km", "m") and q.value == pytest.approx(km)


@pytest.mark.parametrize("text", ["They paid a 3m fine.", "The appeal raised 2m."])
def test_bare_m_without_a_length_is_not_metres(text):
    assert all(q.unit != "km" for q in extract_quantities(text))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The pool reached 31C at noon.", 31, "celsius"),
        ("It felt like 88F outside.", 88, "fahrenheit"),
        ("Gusts reached 45 knots.", 45, "knot"),
        ("The ferry sank 12 nautical miles out.", 12, "nautical mile"),
        ("The rear camera has 50 megapixels.", 50, "MP"),
        ("The motor spins at 3,000 rpm.", 3000, "rpm"),
        ("The ring holds a 2 carat stone.", 2, "carat"),
        ("The scheme costs Rs 40 crore.", 4e8, "INR"),
    ],
)
def test_more_measure_units(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The firm laid off 1,200 staff.", "staff"),
        ("About 40 fishermen stayed ashore.", "fishermen"),
        ("The herd had 300 cattle.", "cattle"),
    ],
)
def test_plural_nouns_without_s_are_counted(text, noun):
    assert only(text).noun == noun


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Only 20 million of the 90 million euros arrived.", (20e6, "EUR", None)),
        ("Rebels held 3 of the 12 villages.", (3, "count", "villages")),
    ],
)
def test_a_part_takes_the_unit_of_its_whole(text, first):
    q = extract_quantities(text)[0]
    assert (q.value, q.unit, q.noun) == first


def test_ps_after_a_number_is_metric_horsepower():
    assert [(q.value, q.unit) for q in extract_quantities("It makes 300 PS and costs PS 40.")] == [
        (300, "PS"),
        (40, "GBP"),
    ]


def test_counts_before_capitalised_nationalities_stay():
    found = extract_quantities("Sailors held 12 Somali and 11 Yemeni suspects.")
    assert [q.value for q in found] == [12, 11]


def test_one_of_the_two_keeps_the_two():
    found = extract_quantities("She leads one of the two largest unions.")
    assert [(q.value, q.kind) for q in found] == [(1, "single"), (2, "measure")]


def test_a_thousands_group_after_a_comma_is_no_age():
    assert all(q.kind != "age" for q in extract_quantities("In Larkhaven, 10, 000 people marched."))


def test_an_age_between_commas_after_a_name():
    q = only("Dana Roe, 45, ran the ferry office.")
    assert (q.value, q.unit, q.kind) == (45, "year", "age")


def test_a_year_earlier_is_not_a_rate():
    found = extract_quantities("Profit was $40 million, against $31 million a year earlier.")
    assert [q.unit for q in found] == ["USD", "USD"]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("One of the ferries sank.", "ferries"),
        ("It was one of the oldest bridges in the region.", "bridges"),
        ("The council backed one proposal on Monday.", "proposal"),
        ("There is one particular problem with the plan.", "problem"),
        ("One of them left.", None),
        ("The crew made one more dive before dark.", "dive"),  # "more" between: was no quantity
    ],
)
def test_one_with_its_noun_is_a_single_count(text, noun):
    q = only(text)
    assert (q.value, q.unit, q.noun, q.kind) == (1, "count", noun, "single")


def test_one_before_a_counted_noun_stays_a_measure():
    assert only("One soldier was hurt.").kind == "measure"


@pytest.mark.parametrize(
    "text",
    [
        "No one came.",
        "The show aired on Channel One.",
        "He bought the one he liked.",
        "One said no.",
        "One occurred.",
        "Let us go over it one more time.",
        "She hoped one more would come.",
    ],
)
def test_one_that_counts_nothing_is_skipped(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The offensive began in 2022.",
        "It started on Sept. 10 and ended September 12, 2022.",
        "It was 10 September when shelling resumed at 8 am.",
        "A siren sounded at 08:30 local time.",
        "The third column and the 93rd Brigade moved.",
        "He was aged 52.",
        "An Su-25 and a T-72 tank were seen on Route 66.",
        "The 5th of May was quiet.",
    ],
)
def test_years_dates_times_ordinals_ages_names_are_not_quantities(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The fighting lasted 10 days and three weeks.", [(10, "day", "duration"), (3, "week", "duration")]),
        ("A 52-year-old man and a 7 year-old girl were hurt.", [(52, "year", "age"), (7, "year", "age")]),
        ("The guard is 30 years old.", [(30, "year", "age")]),
        (
            "The ferry docked 24 hours, 39 minutes and 5 seconds later.",
            [(24, "hour", "duration"), (39, "minute", "duration"), (5, "second", "duration")],
        ),
        ("Crews worked 40 to 50 hours a week.", [(40, "hour/week", "duration")]),
    ],
)
def test_durations_and_ages_are_quantities_of_their_own_kind(text, found):
    assert [(q.value, q.unit, q.kind) for q in extract_quantities(text)] == found


def test_adjective_durations_stay_out():
    assert extract_quantities("After a three-day visit and a 10-year plan, nothing changed.") == []


def test_sentence_measures_leave_out_durations_and_ages(make_doc):
    doc = build(Config())(make_doc("A 40-year-old driver waited 3 hours for 12 trucks."))
    sentence = doc.sentences[0]
    assert [q.kind for q in sentence.quantities] == ["age", "duration", "measure"]
    assert [q.value for q in sentence.measures] == [12]


@pytest.mark.parametrize(
    ("text", "value", "noun", "qualifier"),
    [
        ("A third of the bridges were closed.", 1 / 3, "bridges", None),
        ("Nearly two-thirds of the harbour froze.", 2 / 3, "harbour", "about"),
        ("More than half of the voters stayed home.", 0.5, "voters", "more than"),
        ("One in five ferries ran late.", 0.2, "ferries", None),
        ("One out of four clinics had power.", 0.25, "clinics", None),
        ("A quarter of them left.", 0.25, None, None),
        ("Half the voters stayed home.", 0.5, "voters", None),
        ("About two-thirds its fleet was grounded.", 2 / 3, "fleet", "about"),
        ("Two in five Albanians swim daily.", 0.4, "Albanians", None),
        ("A third of Norwegians skied.", 1 / 3, "Norwegians", None),
        ("Closures cut output by a third this year.", 1 / 3, None, None),  # when, not of what (was "year")
        ("Fares fell by more than one-fifth this winter.", 0.2, None, "more than"),
    ],
)
def test_fractions_in_words(text, value, noun, qualifier):
    q = only(text)
    assert (q.unit, q.noun, q.qualifier) == ("fraction", noun, qualifier)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "The second half of the match was dull.",
        "The second half the side played better.",
        "A third party joined.",
        "Flags flew at half-staff.",
        "He left half an hour later.",
    ],
)
def test_ordinals_and_halves_that_are_not_fractions(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Sales reached EUR50m last year.", 50e6, "EUR"),
        ("Gold traded at USD1,700.", 1700, "USD"),
        ("The yacht is listed at $A82,615.", 82615, "AUD"),
        ("A flat costs RM300,000 there.", 300000, "MYR"),
        ("The fee is Rs.400.", 400, "INR"),
    ],
)
def test_currency_codes_that_touch_their_number(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


def test_pence_with_a_space_and_hertz_in_capitals():
    found = extract_quantities("The stock fell 68 p while the grid ran at 49.5 HZ.")
    assert [(q.value, q.unit) for q in found] == [(68, "pence"), (49.5, "Hz")]


def test_stage_shifts_offsets_to_document_text(make_doc):
    doc = make_doc("The front was quiet. About 6,000 troops arrived.\n\nSome 40 km away, 12 villages burned.")
    out = build(Config())(doc)
    for sentence in out.sentences:
        for q in sentence.quantities:
            assert out.text[q.start : q.end] == q.text
    assert [len(s.quantities) for s in out.sentences] == [0, 1, 2]


def test_stage_declares_its_place():
    stage = build(Config())
    assert (stage.name, stage.requires, stage.provides) == ("quantities", ("nlp",), ("quantities",))


_WORDS = st.sampled_from(
    [
        "about",
        "over",
        "6,000",
        "troops",
        "in",
        "2022",
        "$3",
        "billion",
        "40",
        "sq",
        "km",
        "(",
        ")",
        "-",
        "80%",
        "of",
        "the",
        "Sept.",
        "10",
        "between",
        "and",
        "twelve",
        "soldiers",
        "a",
        "dozen",
        "Su-25",
        "to",
        ",",
        "one",
        "third",
        "half",
        "hundreds",
        "rose",
        "from",
        "in",
        "five",
        "days",
        "year-old",
        "$4",
        "a",
        "month",
    ]
)


@given(st.lists(_WORDS, max_size=25).map(" ".join))
def test_every_quantity_slices_to_its_text(text):
    for q in extract_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.low <= q.value <= q.high


_SMALL_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@given(st.integers(min_value=1, max_value=9), st.integers(min_value=2, max_value=9))
def test_n_in_d_is_the_fraction_n_over_d(n, d):
    found = extract_quantities(f"Officials said {_SMALL_WORDS[n - 1]} in {_SMALL_WORDS[d - 1]} homes lost power.")
    if n < d:
        assert [(q.unit, q.noun) for q in found] == [("fraction", "homes")]
        assert found[0].value == pytest.approx(n / d)
    else:
        assert all(q.unit != "fraction" for q in found)


@given(
    st.integers(min_value=1, max_value=9_999_999),
    st.integers(min_value=1, max_value=9_999_999),
    st.sampled_from(["rose", "fell", "was revised"]),
)
def test_change_from_a_to_b_keeps_both_levels(a, b, verb):
    q = only(f"The count {verb} from {a:,} to {b:,} shelters.")
    assert (q.previous, q.value, q.low, q.high, q.noun) == (a, b, b, b, "shelters")


@given(st.integers(min_value=0, max_value=99))
def test_number_words_parse_to_their_value(n):
    small = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
    ]
    small += ["sixteen", "seventeen", "eighteen", "nineteen"]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    word = small[n] if n < 20 else tens[n // 10 - 2] + (f"-{small[n % 10]}" if n % 10 else "")
    assert parse_number(word) == n


@given(st.floats(min_value=0.01, max_value=1e6, allow_nan=False))
def test_square_miles_round_trip_through_km2(value):
    km2, unit = convert(value, "square miles")
    back = UNITS.Quantity(km2, "km**2").to("mile**2").magnitude
    assert unit == "km2"
    assert back == pytest.approx(value, rel=1e-3)


@given(
    st.integers(min_value=1, max_value=999_999),
    st.sampled_from(["sq km", "square kilometres", "km2"]),
    st.sampled_from(["The area is", "Troops held", "It covers"]),
)
def test_about_n_sq_km_gives_about_and_n(n, unit, lead):
    q = only(f"{lead} about {n:,} {unit}.")
    assert (q.qualifier, q.value, q.unit) == ("about", n, "km2")


# Rules added for general news text (measured on the dev half of NewsQuant; sentences are our own).
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The boat carried 350kg of grain.", 350, "kg"),
        ("The engine makes 410 horsepower.", 410, "hp"),
        ("Gusts reached 70 mph overnight.", 70, "mph"),
        ("The convoy moved at 40 miles per hour.", 40, "mph"),
        ("The truck hit 90 km/h on the bridge.", 90, "km/h"),
        ("The tank holds 60 litres of fuel.", 60, "L"),
        ("The tablet ships with 128GB of storage.", 128, "GB"),
        ("The plant adds 400 MW to the grid.", 400, "MW"),
        ("The wall is 30 feet high.", 30, "foot"),
        ("The pass went 45 yards.", 45, "yard"),
        ("It was 12 degrees Celsius at dawn.", 12, "celsius"),
        ("The index fell 58.3 points.", 58.3, "point"),
        ("The shares closed at 164p.", 164, "pence"),
        ("Inflation eased to 2.1pc in May.", 2.1, "percent"),
    ],
)
def test_measure_units_keep_their_value_as_written(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The ticket costs 800 yuan.", 800, "CNY"),
        ("The deposit was 7 million Danish crowns.", 7e6, "DKK"),
        ("The flat sold for HK$5.4m last week.", 5.4e6, "HKD"),
        ("Debt reached $US113 billion.", 1.13e11, "USD"),
        ("The loan was A$20 million.", 2e7, "AUD"),
        ("The bid was 2,000,000 YEN.", 2e6, "JPY"),
        ("The fee was PS6m, the papers said.", 6e6, "GBP"),  # £ folded to ASCII
        ("Shares ended at Y=5,182.", 5182, "JPY"),  # ¥ folded to ASCII
    ],
)
def test_more_currencies_by_sign_word_and_code(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


def test_ps_before_a_console_number_is_not_pounds():
    assert extract_quantities("He bought a PS5 yesterday.") == []


def test_money_per_period_gets_a_rate_unit():
    q = only("They pay $1,500 a month in rent.")
    assert (q.value, q.unit, q.text) == (1500, "USD/month", "$1,500 a month")


def test_currency_conversion_in_brackets_is_a_quantity_of_its_own():
    found = extract_quantities("The fund holds 9 billion yuan (US$1.3 billion).")
    assert [(q.value, q.unit) for q in found] == [(9e9, "CNY"), (1.3e9, "USD")]


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("The firm has 59 engineers on site.", 59, "engineers"),
        ("They opened 1,100 public housing units.", 1100, "units"),
        ("The club made eight new signings.", 8, "signings"),
        ("The census counted 2m voters.", 2e6, "voters"),
    ],
)
def test_any_plural_noun_after_a_number_is_what_it_counts(text, value, noun):
    q = only(text)
    assert (q.value, q.unit, q.noun) == (value, "count", noun)


@pytest.mark.parametrize("text", ["The 2019 elections were close.", "He waited 40 to 50 hours there."])
def test_plural_nouns_do_not_make_years_or_durations_counts(text):
    assert all(q.noun is None for q in extract_quantities(text))
    assert all(q.value != 2019 for q in extract_quantities(text))


def test_leading_decimal_point_and_negative_numbers():
    found = extract_quantities("The rate fell to .25 per cent; the team lost -5 yards at minus 10 degrees.")
    assert [(q.value, q.unit) for q in found] == [(0.25, "percent"), (-5, "yard"), (-10, "degree")]


def test_no_range_across_different_units():
    found = extract_quantities("The stock rose 9.4 per cent to $84.")
    assert [(q.low, q.high, q.unit) for q in found] == [(9.4, 9.4, "percent"), (84, 84, "USD")]


@pytest.mark.parametrize(
    ("text", "unit", "conversions"),
    [
        (
            "Engineers said between 3,000 barrels (477 cubic metres) and 5,000 barrels (795 cubic metres) a day "
            "escaped from the cracked pipe.",
            "barrel/day",
            [(477, "m3", "conversion"), (795, "m3", "measure")],
        ),
        (
            "The pipe lost 3,000 barrels (126,000 gallons) to 5,000 barrels in a week.",
            "barrel",
            [(126000, "gallon", "conversion")],
        ),
        ("The panel put the leak at between 3,000 barrels and 5,000 barrels a day.", "bpd", []),
        (
            "The repair will cost between $3 million (2.4 million euros) and $5 million.",
            "USD",
            [(2.4e6, "EUR", "conversion")],
        ),
    ],
)
def test_a_range_with_its_unit_and_a_bracketed_conversion_on_each_end_is_one_range(text, unit, conversions):
    first, *rest = extract_quantities(text)
    assert (first.low, first.high, first.unit) == (3000 if unit != "USD" else 3e6, 5000 if unit != "USD" else 5e6, unit)
    assert [(q.value, q.unit, q.kind) for q in rest] == conversions


def test_a_bracketed_figure_before_another_unit_keeps_the_first_figure_apart():
    found = extract_quantities("The tank lost 3,000 barrels (477 cubic metres) and 60 workers left the site.")
    assert [(q.low, q.high, q.unit, q.kind) for q in found] == [
        (3000, 3000, "barrel", "measure"),
        (477, 477, "m3", "measure"),
        (60, 60, "count", "measure"),
    ]


def test_change_by_then_new_level_is_two_values():
    found = extract_quantities("The deficit grew by $43 billion to $419 billion.")
    assert [(q.low, q.high) for q in found] == [(43e9, 43e9), (419e9, 419e9)]


def test_from_to_without_a_change_verb_is_a_range():
    q = only("Fines run from $250,000 to $1 million.")
    assert (q.low, q.high, q.unit) == (250_000, 1e6, "USD")


@pytest.mark.parametrize(
    "text",
    [
        "The match ended 2-2 after extra time.",
        "Quarterback Smith (4) ran for a score.",
        "The S&P 500 slipped at the open.",
        "She bought an iPhone 14 on Friday.",
    ],
)
def test_scores_bracketed_numbers_and_product_names_are_not_quantities(text):
    assert extract_quantities(text) == []


def test_square_metres_and_square_feet_convert_to_km2():
    found = extract_quantities("The office has 570 sq m, and the store 10,000 square feet.")
    assert [q.unit for q in found] == ["km2", "km2"]
    assert found[0].value == pytest.approx(570e-6)
    assert found[1].value == pytest.approx(10_000 * 0.3048**2 * 1e-6)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The lorry carried 3 tonnes of grain.", 3, "t"),
        ("The barge carried 4 tons of coal.", 4, "ton"),
        ("The field pumps 1.2 million barrels per day.", 1_200_000, "bpd"),
        ("Gusts reached 30 m/s overnight.", 30, "m/s"),
        ("The plant made 5 MWh in an hour.", 5, "MWh"),
        ("The tank holds 3 cubic metres of water.", 3, "m3"),
        ("She drank 2 pints of milk.", 2, "pint"),
        ("The line carries 10 kV.", 10, "kV"),
        ("A bar has 250 calories.", 250, "cal"),
        ("The star is 4 light years away.", 4, "ly"),
        ("Operators rolled out 5G across the county.", 5, "G"),
        ("Police seized 20 pounds of cocaine.", 20, "lb"),
    ],
)
def test_units_of_cqe_dictionary_are_read(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("There are twenty-eight thousand six hundred forty-two students enrolled.", 28_642),
        ("The skeleton has two hundred and six bones.", 206),
        ("One hundred twenty volunteers came.", 120),
        ("Three million two hundred thousand voters were registered.", 3_200_000),
    ],
)
def test_compound_number_words_are_one_number(text, value):
    assert only(text).value == value


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_compound_number_words_round_trip(thousands, rest):
    def spell(n: int) -> str:
        ones, tens = ["", *SMALL[1:]], TENS
        parts = []
        if n >= 100:
            parts.append(f"{ones[n // 100]} hundred")
            n %= 100
        if n >= 20:
            parts.append(tens[n // 10 - 2] + (f"-{ones[n % 10]}" if n % 10 else ""))
        elif n:
            parts.append(ones[n])
        return " ".join(parts)

    assert parse_number(f"{spell(thousands)} thousand {spell(rest)}") == thousands * 1000 + rest


def test_a_fraction_in_digits_takes_the_unit_after_it():
    found = extract_quantities("A fluid ounce is 1/16 of a US pint, and the dough needs 1/2 pound of butter.")
    assert [(q.value, q.unit) for q in found] == [(1 / 16, "pint"), (0.5, "lb")]


@pytest.mark.parametrize("text", ["The shop is open 24/7 now.", "They met on 3/4 in the old hall."])
def test_digits_around_a_slash_without_a_unit_are_not_fractions(text):
    assert all(q.unit != "fraction" and q.value >= 1 for q in extract_quantities(text))


def test_a_bare_number_compared_with_a_quantity_takes_its_unit():
    found = extract_quantities("Sales reached 3.9 million headsets, up from 2.4 million a year before.")
    assert [(q.value, q.noun) for q in found] == [(3_900_000, "headsets"), (2_400_000, "headsets")]


@pytest.mark.parametrize(
    "text",
    [
        "Updated 4: 08 p. m. ET",
        "The call came in at 3: 33 a. m. on Tuesday.",
        "Read it at http://news.example/2009/04/28/story-091.html today.",
    ],
)
def test_clock_times_split_by_a_tokenizer_and_web_addresses_hold_no_quantities(text):
    assert extract_quantities(text) == []


def test_a_number_after_a_colon_is_still_a_quantity():
    assert only("In 2019: 45 people died.").value == 45


def test_a_fraction_of_a_number_does_not_count_the():
    q = extract_quantities("More than half of the 288 candidates ran.")[0]
    assert (q.unit, q.noun) == ("fraction", None)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Sea levels could rise 11 feet per century.", 11, "foot/century"),
        ("The glacier thins 5 mm a year.", 5, "mm/year"),
        ("The field reached 10 kV/cm.", 10, "kV/centimetre"),
    ],
)
def test_a_measure_per_period_or_per_unit_is_a_rate(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [("The cell weighs 2.998×10−8 grams.", 2.998e-8), ("A mole holds 6.02 x 10^23 atoms.", 6.02e23)],
)
def test_scientific_notation_is_one_number(text, value):
    assert only(text).value == pytest.approx(value)


def test_a_room_of_three_by_ten_is_not_scientific_notation():
    assert all(q.value in (3, 0.01) for q in extract_quantities("They rented a 3 x 10 metre room."))


def test_names_joined_by_and_before_a_counted_noun_are_its_modifiers():
    q = only("About 460 Kia and Hyundai vehicles were stolen.")
    assert (q.value, q.noun, q.text) == (460, "vehicles", "About 460 Kia and Hyundai vehicles")


def test_a_peoples_name_is_what_a_number_counts():
    q = only("The records of millions of Americans leaked.")
    assert (q.noun, q.kind) == ("americans", "vague")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("It was one of the proudest moments in her career, she said.", "one of the proudest moments in her career"),
        ("It is one of the oldest bridges to ever stand there.", "one of the oldest bridges to ever stand there"),
        ("It was one of the worst storms that anyone recalls.", "one of the worst storms"),
    ],
)
def test_one_of_the_keeps_the_phrases_on_its_noun_up_to_a_clause(text, phrase):
    assert only(text).text == phrase


def test_one_of_the_stops_before_a_phrase_that_holds_a_quantity_of_its_own():
    talks = extract_quantities("It was one of our strangest talks in the ten years since.")
    assert [q.text for q in talks] == ["one of our strangest talks", "ten years"]
    players = extract_quantities("She is one of the best players on 3 teams.")
    assert [q.text for q in players] == ["one of the best players", "3 teams"]


def test_a_bare_level_before_a_change_takes_the_change_unit_but_not_a_percentage():
    points = extract_quantities("The index ended at 16369.03, up 58.06 points.")
    assert [q.unit for q in points] == ["point", "point"]
    shares = extract_quantities("The index ended at 7,100, down 2.5%.")
    assert [q.unit for q in shares] == ["count", "percent"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [("It was 35 C in the shade.", "celsius"), ("It was 95 F by noon.", "fahrenheit"), ("It costs ₩5,000.", "KRW")],
)
def test_temperature_letters_after_a_space_and_more_currency_signs(text, unit):
    assert only(text).unit == unit


def test_a_letter_in_a_name_after_a_number_is_no_temperature():
    assert all(q.unit == "count" for q in extract_quantities("The 2 C-130 planes landed."))


@pytest.mark.parametrize(
    "text", ["The temple was built in 1260 by masons.", "The shop at 16-18 Mill Lane has let its first floor."]
)
def test_years_of_other_centuries_and_street_number_ranges_are_not_counts(text):
    assert extract_quantities(text) == []


def test_a_noun_joined_by_a_hyphen_is_counted_and_shared_along_a_list():
    found = extract_quantities("It offers four-, five- and six-cylinder engines and a three-judge panel.")
    assert [(q.value, q.noun) for q in found] == [(4, "cylinder"), (5, "cylinder"), (6, "cylinder"), (3, "judge")]


@pytest.mark.parametrize("text", ["A 300-strong crowd met a two-pronged charge.", "Some 20-odd boats sailed."])
def test_adjectives_joined_to_a_number_count_nothing(text):
    assert all(q.noun is None for q in extract_quantities(text))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [('It has a 6.1" screen.', 6.1, "inch"), ("It reaches 1,000 nits.", 1000, "nit"), ("A 50Wh cell.", 50, "Wh")],
)
def test_screen_and_battery_units(text, value, unit):
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


def test_a_closing_quotation_mark_after_a_number_is_not_inches():
    assert all(q.unit != "inch" for q in extract_quantities('He said "I paid 5" and left.'))


def test_an_age_between_a_full_name_and_its_verb_needs_no_commas():
    q = only("Nick Hague 44 has spent the last year in orbit.")
    assert (q.value, q.unit, q.kind) == (44, "year", "age")
    assert extract_quantities("Microsoft Windows 10 is out.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The museum showed the 1987 silent film twice.",
        "Its 2021 budget was late.",
        "A 2019 survey of the coast found nothing.",
    ],
)
def test_a_year_between_a_determiner_and_a_singular_noun_names_a_thing_and_is_no_count(text):
    assert [q for q in extract_quantities(text) if q.unit == "count"] == []


@pytest.mark.parametrize(
    ("text", "noun"),
    [("The 2000 people who marched stayed calm.", "people"), ("They printed the 1500 tickets overnight.", "tickets")],
)
def test_a_year_like_number_before_a_plural_noun_is_still_a_count(text, noun):
    assert (only(text).unit, only(text).noun) == ("count", noun)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ferry captain turned 61 on Sunday.", 61),
        ("Life expectancy for men on the island is around 77 now.", 77),
    ],
)
def test_a_bare_number_after_turned_or_life_expectancy_is_an_age(text, value):
    q = only(text)
    assert (q.value, q.unit, q.kind) == (value, "year", "age")


def test_turned_before_a_large_number_or_a_unit_is_no_age():
    assert [q.kind for q in extract_quantities("The wheel turned 3000 times and prices turned 4% higher.")] == [
        "measure",
        "measure",
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Two of the deputies were fired.", ("Two of the deputies", 2, "deputies")),
        ("Three of Mayor Garcia’s aides resigned on Friday.", ("Three of Mayor Garcia’s aides", 3, "aides")),
        ("Four of their trawlers sank.", ("Four of their trawlers", 4, "trawlers")),
    ],
)
def test_a_number_of_the_plural_noun_counts_that_noun(text, found):
    q = only(text)
    assert (q.text, q.value, q.noun) == found and q.unit == "count"


def test_a_number_of_the_whole_keeps_the_whole_unit():
    found = extract_quantities("Rebels held 3 of the 12 villages.")
    assert [(q.value, q.noun) for q in found] == [(3, "villages"), (12, "villages")]


@pytest.mark.parametrize(
    ("text", "count", "measure"),
    [
        ("The depot sent three 40-tonne trucks north.", (3, "trucks"), (40, "t")),
        ("The plant will fill six million 330ml cans this year.", (6_000_000, "cans"), (330, "mL")),
        ("The carrier grounded two new 787 Dreamliner jets.", (2, "jets"), None),
        ("The ministry bought 12 Airbus A321 planes.", (12, "planes"), None),
        ("The navy ordered two F-35 jets.", (2, "jets"), None),
        ("Rebels said they hit 3 MiG-29 planes.", (3, "planes"), None),
        ("The ward admitted four COVID-19 patients.", (4, "patients"), None),
    ],
)
def test_a_count_whose_noun_follows_a_measure_or_a_model_name(text, count, measure):
    found = extract_quantities(text)
    assert (found[0].value, found[0].noun) == count
    assert [(q.value, q.unit) for q in found[1:]] == ([measure] if measure else [])


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The fine was 900 kronor.", "SEK"),
        ("A coffee costs 4,500 won in the city.", "KRW"),
        ("Rooms start at AED 350 a night.", "AED/night"),
        ("The stall sold it for Rp 15,000.", "IDR"),
        ("He paid 12 francs for the map.", "CHF"),
        ("A ticket is 2,400 forints.", "HUF"),
        ("They owe 60 riyals.", "SAR"),
        ("The bike cost 700 reais.", "BRL"),
        ("They asked 300 SEK for it.", "SEK"),
        ("The levy raised 200 billion Pakistani rupees.", "PKR"),
        ("A taxi costs 80 Egyptian pounds.", "EGP"),
        ("The rent is ₱20,000 a month.", "PHP/month"),
        ("The fare was 2,000 Philippine pesos.", "PHP"),
        ("The fine was NT$1 million.", "TWD"),
        ("The deal is worth 3 billion Qatari riyals.", "QAR"),
        ("Salaries start at 900 Kuwaiti dinars.", "KWD"),
        ("The fee was 30 Jordanian dinars.", "JOD"),
        ("A bowl of soup costs 40,000 dong.", "VND"),
        ("The ticket cost 50 zł at the gate.", "PLN"),
        ("Taxi fares start at KSh 300.", "KES"),
        ("The loan is 12 million Romanian lei.", "RON"),
    ],
)
def test_currency_words_and_codes_of_more_countries(text, unit):
    assert only(text).unit == unit


def test_won_as_a_verb_is_no_currency():
    assert [q.unit for q in extract_quantities("The club won 3 titles.")] == ["count"]


def test_a_year_of_the_next_century_after_by_is_a_deadline_not_a_count():
    assert extract_quantities("The coast could be lost by 2110, the survey warns.") == []
    assert only("Output rose by 2100 tonnes.").unit == "t"


@pytest.mark.parametrize(
    "text", ["The driver, 54, was unhurt.", "Her son, 12, and a neighbour were rescued.", "A pilot, 61, died."]
)
def test_an_age_set_off_by_commas_after_a_person_noun_is_an_age(text: str) -> None:
    q = extract_quantities(text)[0]
    assert q.kind == "age"
    assert f"{q.value:.0f}" in text


def test_a_number_set_off_by_commas_after_a_thing_is_no_age() -> None:
    assert all(q.kind != "age" for q in extract_quantities("Of the boats, 54, or nearly all, sank."))


@pytest.mark.parametrize(
    "text", ["The boy was 15 when he left school.", "They counted 30 while we waited for the buses."]
)
def test_a_counted_noun_is_not_found_past_a_clause_word_or_pronoun(text: str) -> None:
    assert extract_quantities(text)[0].noun is None


def test_a_counted_noun_is_found_past_its_modifiers() -> None:
    assert extract_quantities("Some 6,000 Russian troops moved.")[0].noun == "troops"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Police said 3 may have fled by boat.", 3),
        ("Officials said 12 could face charges.", 12),
        ("About 300 would lose their jobs.", 300),
    ],
)
def test_a_count_before_a_modal_verb_stands_alone(text, value):
    assert [(q.value, q.noun) for q in extract_quantities(text)] == [(value, None)]


@pytest.mark.parametrize("text", ["It opened on 3 May in the rain.", "It opened on 3 may 2019 in the rain."])
def test_a_day_before_may_the_month_is_no_count(text):
    assert extract_quantities(text) == []


def test_a_name_opening_the_sentence_before_a_modal_verb_is_no_count():
    assert extract_quantities("Windows 11 will ship on new laptops.") == []


@pytest.mark.parametrize(
    ("text", "previous", "value", "unit"),
    [
        ("The price fell from $75 per barrel to $45 in two months.", 75, 45, "USD/barrel"),
        ("Fares went from $3 a ride to $5 a ride.", 3, 5, "USD/ride"),
        ("Fees rose to $9 per visit from $7.", 7, 9, "USD/visit"),
    ],
)
def test_a_change_whose_old_level_is_a_rate_is_one_change_at_that_rate(text, previous, value, unit):
    [q] = [q for q in extract_quantities(text) if q.kind == "measure"]
    assert (q.previous, q.value, q.unit) == (previous, value, unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The gauge read 6,800 pounds per square inch at noon.", "psi"),
        ("The heavy mud weighs 13 pounds per gallon.", "lb/gallon"),
        ("The farmers were paid 900 pounds per cow.", "GBP/cow"),
    ],
)
def test_pounds_per_square_inch_or_per_gallon_are_pressure_or_weight_not_money(text, unit):
    assert only(text).unit == unit


def test_dinars_of_the_maghreb_are_their_countries_currencies():
    found = extract_quantities("Rebels spent 100 million Libyan dinars and 20 Tunisian dinars.")
    assert [q.unit for q in found] == ["LYD", "TND"]


@pytest.mark.parametrize("text", ['"We stayed," said Mara Quist, 34.', "The last to leave was Dev Arlo, 71!"])
def test_an_age_after_a_full_name_that_ends_the_sentence_is_an_age(text: str) -> None:
    (q,) = extract_quantities(text)
    assert q.kind == "age" and q.value in (34, 71)


def test_a_number_ending_the_sentence_after_a_place_or_a_figure_is_no_age() -> None:
    assert all(q.kind != "age" for q in extract_quantities("Sales reached 3,450, up 24."))
    assert all(q.kind != "age" for q in extract_quantities("The toll in the north rose to 40, officials said."))


@pytest.mark.parametrize(
    ("text", "value", "unit", "noun"),
    [
        ("The airline flies 300-plus jets from the hub.", 300, "count", "jets"),
        ("The newsletter reached its 20,000-plus readers on Friday.", 20_000, "count", "readers"),
        ("The 60-plus minor groups met in the hall.", 60, "count", "groups"),
        ("Nurses work 50-plus hours a week there.", 50, "hour/week", None),
    ],
)
def test_a_number_then_plus_counts_or_measures_what_follows(text, value, unit, noun):
    q = only(text)
    assert (q.value, q.unit, q.noun) == (value, unit, noun)


def test_plus_before_another_number_or_with_no_noun_after_adds_no_unit():
    assert [(q.value, q.noun) for q in extract_quantities("The cost was 12 plus tax.")] in ([], [(12, None)])
    assert only("She gave 5 plus 3 more apples.").value == 5


@pytest.mark.parametrize(
    ("text", "value"),
    [("The scheme cost a trillion dollars in all.", 1e12), ("The scheme cost a billion dollars in all.", 1e9)],
)
def test_a_before_a_scale_word_is_one_of_that_scale(text, value):
    q = only(text)
    assert (q.value, q.unit) == (value, "USD")
