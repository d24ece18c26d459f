"""Fractions of a scale and mixed numbers (``storyline.doc.quantity_words``), read through
``extract_quantities``: "half a million" is 500,000, not a million (issue 5). Sentences are our own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.doc.quantities import extract_quantities
from storyline.doc.quantity_words import parse_number


def only(text: str):
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "noun"),
    [
        ("A new vaccine could avert half a million infant deaths.", 500_000, "count", "deaths"),
        ("A half million commuters use the line.", 500_000, "count", "commuters"),
        ("The dam cost half a billion dollars.", 500_000_000, "USD", None),
        ("A quarter of a million people marched on Sunday.", 250_000, "count", "people"),
        ("Three quarters of a million homes lost power.", 750_000, "count", "homes"),
        ("Three-quarters of a million homes lost power.", 750_000, "count", "homes"),
        ("One and a half million voters turned out.", 1_500_000, "count", "voters"),
        ("A million and a half voters turned out.", 1_500_000, "count", "voters"),
        ("Two million and a half tourists came in the summer.", 2_500_000, "count", "tourists"),
        ("The port handled 1.5 million containers.", 1_500_000, "count", "containers"),
        ("Half a dozen boats sank in the storm.", 6, "count", "boats"),
        ("A half-dozen soldiers guarded the gate.", 6, "count", "soldiers"),
        ("Two and a half thousand runners took part.", 2_500, "count", "runners"),
        ("Two-and-a-half thousand runners took part.", 2_500, "count", "runners"),
        ("A third of a million tonnes of grain was stored.", 1e6 / 3, "t", None),
        ("The fund raised a quarter million euros.", 250_000, "EUR", None),
        ("The fund raised 1½ million euros.", 1_500_000, "EUR", None),
        ("Two thirds of a billion dollars went unspent.", 2e9 / 3, "USD", None),
    ],
)
def test_a_fraction_of_a_scale_is_that_fraction_of_the_scale(text, value, unit, noun):
    q = only(text)
    assert q.value == pytest.approx(value)
    assert (q.unit, q.noun) == (unit, noun)


def test_a_fraction_of_a_scale_keeps_its_qualifier_and_whole_text():
    q = only("Nearly half a million children were vaccinated.")
    assert (q.text, q.qualifier, q.value) == ("Nearly half a million children", "about", 500_000)


def test_a_fraction_of_a_scale_ends_a_range():
    q = only("Crowds grew from 300,000 to half a million people.")
    assert (q.value, q.previous, q.noun) == (500_000, 300_000, "people")
    q = only("The repairs will cost between half a million and a million dollars.")
    assert (q.low, q.high, q.unit) == (500_000, 1_000_000, "USD")


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("The talks lasted two and a half years.", 2.5, "year", "duration"),
        ("Crews waited 2 and a half hours at the border.", 2.5, "hour", "duration"),
        ("The trial took 2½ years.", 2.5, "year", "duration"),
    ],
)
def test_a_mixed_number_without_a_scale_is_read_whole(text, value, unit, kind):
    q = only(text)
    assert (q.value, q.unit, q.kind) == (value, unit, kind)


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("A quarter of the area is forest.", 0.25, "area"),
        ("Half of the workers were sent home.", 0.5, "workers"),
        ("A third of a century has passed.", 1 / 3, None),
    ],
)
def test_a_fraction_of_a_thing_stays_a_fraction(text, value, noun):
    q = only(text)
    assert (q.unit, q.noun) == ("fraction", noun)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["Half the population lives in the capital.", "The army lost half its tanks.", "We walked half a mile."]
)
def test_half_of_a_thing_is_not_a_count_of_it(text):
    assert all(q.unit != "count" for q in extract_quantities(text))


def test_and_a_part_of_something_else_does_not_join_the_scale():
    found = extract_quantities("Spending rose by $2 billion and a third of it went to roads.")
    assert [(q.value, q.unit) for q in found] == [(2e9, "USD"), (pytest.approx(1 / 3), "fraction")]


_FRACTIONS = {
    "half a": 1 / 2,
    "a half": 1 / 2,
    "a third of a": 1 / 3,
    "one third of a": 1 / 3,
    "a quarter of a": 1 / 4,
    "three quarters of a": 3 / 4,
    "three-quarters of a": 3 / 4,
    "two thirds of a": 2 / 3,
    "a fifth of a": 1 / 5,
    "one half of a": 1 / 2,
}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


@given(st.sampled_from(sorted(_FRACTIONS)), st.sampled_from(sorted(_SCALES)), st.booleans())
def test_every_fraction_of_every_scale_is_their_product(fraction, scale, capital):
    words = fraction.capitalize() if capital else fraction
    q = only(f"{words} {scale} tickets were sold.")
    assert q.value == pytest.approx(_FRACTIONS[fraction] * _SCALES[scale])
    assert (q.unit, q.noun) == ("count", "tickets")


@given(
    st.integers(min_value=1, max_value=9),
    st.sampled_from([("a half", 0.5), ("a quarter", 0.25), ("three quarters", 0.75)]),
    st.sampled_from(sorted(_SCALES)),
    st.booleans(),
)
def test_a_whole_and_a_part_of_a_scale_is_their_sum_times_the_scale(whole, part, scale, digits):
    number = (
        str(whole) if digits else ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][whole - 1]
    )
    q = only(f"Officials counted {number} and {part[0]} {scale} ballots.")
    assert q.value == pytest.approx((whole + part[1]) * _SCALES[scale])


@given(st.integers(min_value=1, max_value=9), st.sampled_from(sorted(_SCALES)))
def test_a_scale_and_a_half_is_one_and_a_half_of_it(whole, scale):
    q = only(f"Officials counted {whole} {scale} and a half ballots.")
    assert q.value == pytest.approx((whole + 0.5) * _SCALES[scale])


@pytest.mark.parametrize(
    ("num", "scale", "value"),
    [
        ("half a", "million", 5e5),
        ("a quarter of a", "billion", 2.5e8),
        ("two and a half", None, 2.5),
        ("2½", None, 2.5),
    ],
)
def test_parse_number_reads_fractions_and_mixed_numbers(num, scale, value):
    assert parse_number(num, scale) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "noun", "total"),
    [("She was one of 12 nominees.", "nominees", 12), ("He is one of 3,000 new recruits.", "recruits", 3000)],
)
def test_one_of_a_number_is_a_count_of_one_and_the_number_a_count_of_its_own(text, noun, total):
    one, whole = extract_quantities(text)
    assert (one.value, one.noun, one.text) == (1, noun, "one of")
    assert (whole.value, whole.noun) == (total, noun)


@pytest.mark.parametrize(
    ("text", "value"),
    [("The town's population is 8.9m.", 8_900_000), ("Viewers rose to 4.5m, up from 3.1m.", 4_500_000)],
)
def test_a_decimal_with_m_and_nothing_after_is_millions(text, value):
    assert extract_quantities(text)[0].value == value


@pytest.mark.parametrize("text", ["The wall is 3.5m high.", "The mast is 3.7m (12ft) tall.", "It is 1.5m wide."])
def test_a_decimal_with_m_before_a_word_of_size_stays_metres(text):
    assert extract_quantities(text)[0].unit == "km"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The crowd numbered 10 000.", 10_000),
        ("The works took 3 1/2 years.", 3.5),
        ("The fund has $1.2tr in assets.", 1.2e12),
        ("It passed with a two-thirds majority.", 2 / 3),
        ("He sold a one-third stake in the firm.", 1 / 3),
    ],
)
def test_numbers_written_in_other_newswire_forms(text, value):
    assert extract_quantities(text)[0].value == pytest.approx(value)


@given(st.integers(min_value=1000, max_value=999_999_999))
def test_thousands_grouped_by_spaces_read_as_one_number(n):
    written = f"{n:,}".replace(",", " ")
    (q,) = extract_quantities(f"Officials counted {written} ballots.")
    assert q.value == n


@given(st.integers(min_value=0, max_value=99), st.sampled_from([(1, 2), (1, 4), (3, 4), (2, 3), (5, 8)]))
def test_a_whole_number_and_a_fraction_in_digits_is_their_sum(whole, fraction):
    num, den = fraction
    (q,) = extract_quantities(f"The trip took {whole} {num}/{den} hours.")
    assert q.value == pytest.approx(whole + num / den)


def test_a_year_then_a_count_is_not_read_as_thousands_grouped_by_spaces():
    assert [q.value for q in extract_quantities("In 2019 100 people died.")] == [100]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The rand fell to R15.20.", 15.2, "ZAR"),
        ("Tickets cost Dh500 each.", 500, "AED"),
        ("It cost R1.2bn.", 1.2e9, "ZAR"),
    ],
)
def test_rand_and_dirham_signs_before_an_amount_are_money(text, value, unit):
    (q,) = extract_quantities(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text", ["The R2 droid beeped.", "He took the R7 bus.", "Route r3 closed."])
def test_a_short_sign_before_a_small_number_is_a_name(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Five were killed in the attack.", [5]),
        ("Police said three died and eleven were hurt.", [3, 11]),
        ("At least nine died.", [9]),
        ("The toll rose to twelve.", [12]),
        ("The side scored a total of four on the day.", [4]),
        ("There were six in the boat.", [6]),
        ("They have won five in a row.", [5]),
    ],
)
def test_a_number_word_alone_before_a_verb_or_after_a_qualifier_is_a_count(text, values):
    assert [q.value for q in extract_quantities(text)] == values


@pytest.mark.parametrize("text", ["She won two of them.", "The court ruled seven to two.", "He was one of two."])
def test_a_number_word_alone_elsewhere_is_not_read(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ministry set aside 500 mln euros for ferries.", 500e6),
        ("The port spent 2.1 bln yuan on cranes.", 2.1e9),
        ("The state owes 3 trln won to lenders.", 3e12),
        ("The club paid 40 mio. francs for the site.", 40e6),
        ("Exports reached 7.5bln dollars.", 7.5e9),
    ],
)
def test_wire_service_scale_abbreviations_multiply_the_number(text, value):
    assert extract_quantities(text)[0].value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Rates rose by a quarter of a percentage point.", 0.25, "percent"),
        ("Yields fell half a percentage point.", 0.5, "percent"),
        ("The crew laid a third of a tonne of gravel.", 1 / 3, "t"),
        ("She poured half a litre of milk.", 0.5, "L"),
    ],
)
def test_a_fraction_of_a_unit_is_a_quantity_in_that_unit(text, value, unit):
    q = only(text)
    assert q.unit == unit
    assert q.value == pytest.approx(value)


def test_half_a_thing_that_is_no_unit_is_no_quantity():
    assert extract_quantities("He ate half a sandwich.") == []


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("Profits fell by a third in the spring.", 1 / 3, None),
        ("The council cut the fare by half.", 0.5, None),
        ("Water use dropped by a quarter last year.", 0.25, None),
        ("Ticket sales grew by more than a fifth.", 0.2, "more than"),
        ("The queue shrank by two-thirds after noon.", 2 / 3, None),
    ],
)
def test_a_fraction_after_by_is_the_size_of_a_change(text, value, qualifier):
    [q] = extract_quantities(text)
    assert (q.unit, q.qualifier) == ("fraction", qualifier)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("Prices rose by half a million euros.", 500_000), ("Costs rose by half a percentage point.", 0.5)],
)
def test_a_fraction_after_by_of_a_scale_or_unit_is_read_with_it(text, value):
    assert [q.value for q in extract_quantities(text)] == [pytest.approx(value)]


def test_by_and_an_ordinal_is_no_fraction():
    assert extract_quantities("The bill passed by a third vote in the spring.") == []


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Hundreds of thousands are seeking shelter.", 100_000, 1_000_000),
        ("Tens of thousands marched in the capital.", 10_000, 100_000),
        ("The bill could reach hundreds of millions.", 100_000_000, 1_000_000_000),
    ],
)
def test_two_vague_scales_with_no_noun_after_are_one_amount(text: str, low: float, high: float) -> None:
    [q] = extract_quantities(text)
    assert (q.low, q.high, q.unit, q.noun, q.kind) == (low, high, "count", None, "vague")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor will not need one any longer than the last mayor did.",
        "They plan to dig one along the riverbank next spring.",
        "She hoped for a quiet one rather than a loud party.",
        "He was the last one because the rest had gone home.",
        "Critics said one easily missed the small print.",
        "The rest arrived late and one never came at all.",
    ],
)
def test_the_pronoun_one_before_an_adverb_preposition_or_conjunction_counts_nothing(text: str) -> None:
    assert [q for q in extract_quantities(text) if q.value == 1] == []


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The council called it one really costly mistake.", "mistake"),
        ("The kiosk sells one daily paper to each guest.", "paper"),
        ("It was one family from the valley.", "family"),
    ],
)
def test_one_before_a_word_in_ly_counts_the_noun_after_it_unless_the_word_is_the_noun(text: str, noun: str) -> None:
    (one,) = [q for q in extract_quantities(text) if q.value == 1]
    assert one.noun == noun


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The mayor drew thousands to rallies in the east.", 1e3, 1e4),
        ("Millions lost their savings in the crash.", 1e6, 1e7),
        ("The crowd cheered while dozens who opposed him left.", 12, 120),
        ("She won the backing of hundreds by the end of May.", 100, 1000),
    ],
)
def test_a_bare_plural_scale_word_is_a_vague_count(text, low, high):
    # was no quantity: only "thousands of ..." with its "of" was read
    q = only(text)
    assert (q.low, q.high, q.unit, q.kind) == (low, high, "count", "vague")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Tens of thousands fled the floods.", [(1e4, 1e5)]),
        ("Hundreds of thousands queued for bread.", [(1e5, 1e6)]),
    ],
)
def test_a_plural_scale_word_after_another_scale_stays_one_amount(text, values):
    assert [(q.low, q.high) for q in extract_quantities(text)] == values


def test_a_capitalized_scale_word_after_a_capitalized_word_is_a_name():
    assert extract_quantities("She played the Euro Millions draw.") == []


def test_a_plural_scale_word_alone_counts_no_noun_after_its_verb():
    assert only("Millions lost their homes in the flood.").noun is None


def test_a_plural_scale_word_after_a_number_is_no_vague_amount():
    assert all(q.kind != "vague" for q in extract_quantities("The toll rose to 5 thousands by May."))


@pytest.mark.parametrize(
    ("text", "value", "unit", "span"),
    [
        ("The kit has four (4) size options.", 4, "count", "four (4) size options"),
        ("Pay within ten (10) days of the notice.", 10, "day", "ten (10) days"),
        ("The lease binds two (2) tenants.", 2, "count", "two (2) tenants"),
    ],
)
def test_a_number_word_with_its_digits_restated_in_brackets_is_one_quantity(text, value, unit, span):
    # the quantity was lost: the digits in brackets stood between the word and its noun
    q = only(text)
    assert (q.value, q.unit, q.text) == (value, unit, span)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Of the 90 staff, just over half were female.", 0.5),
        ("About a third are under 30 in the town.", 1 / 3),
        ("Roughly two-thirds say the plan works.", 2 / 3),
    ],
)
def test_a_fraction_that_stands_alone_before_a_plural_verb_is_a_fraction(text, value):
    # was lost: a fraction was read only before "of", a determiner or "points"
    assert value in [pytest.approx(q.value) for q in extract_quantities(text) if q.unit == "fraction"]


@pytest.mark.parametrize("text", ["A third was found on Monday.", "A third said no to the plan."])
def test_a_lone_third_before_a_singular_or_past_verb_stays_an_ordinal(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The new bonds pay 11 5/8% until they mature.", 11.625, "percent"),
        ("Its preferred stock yields 7 1/2 percent.", 7.5, "percent"),
        ("Yields rose 1 1/4 points over the week.", 1.25, "point"),
    ],
)
def test_a_fraction_after_a_whole_number_and_a_space_is_one_mixed_number(text, value, unit):
    (q,) = extract_quantities(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Each warrant buys one-half share of the new stock.", "fraction"),
        ("Stir in one-half cup of milk.", "cup"),
    ],
)
def test_one_half_joined_by_a_hyphen_before_its_noun_is_a_half(text, unit):
    # was a count of one "half"
    (q,) = extract_quantities(text)
    assert (q.value, q.unit) == (0.5, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Sales fell through the first two quarters of 2031.",  # was 0.5, a fraction
        "The mill lost money in the past three quarters of the fiscal year.",
        "Growth slowed over the last three quarters.",
    ],
)
def test_a_run_of_a_years_quarters_is_a_count_of_quarters(text):
    (q,) = extract_quantities(text)
    assert (q.value >= 2, q.unit, q.noun) == (True, "count", "quarters")


def test_quarters_of_something_other_than_a_year_stay_a_fraction():
    (q,) = extract_quantities("The last three quarters of the cake went quickly.")
    assert (q.value, q.unit) == (0.75, "fraction")
