from __future__ import annotations

import pytest

from storyline.doc.quantities import extract_quantities
from storyline.doc.quantity_units import is_counted, singular


def units(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in extract_quantities(text)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Rents there rose to 40 € a month.", "EUR/month"),
        ("The ticket was 300 Argentine pesos.", "ARS"),
        ("A loaf costs 2,000 Chilean pesos.", "CLP"),
        ("The fine was 50,000 Kenyan shillings.", "KES"),
        ("Bread rose to 90,000 Iranian rials.", "IRR"),
        ("The fee is 12 leva.", "BGN"),
        ("The stall took 500 taka.", "BDT"),
        ("The bill came to 300 Croatian kuna.", "HRK"),
        ("It sold for 40 kroner.", "DKK"),
        ("Fuel costs KES 180 a litre.", "KES/litre"),
        ("The stamp costs 45¢.", "cent"),
        ("The watchmaker booked SFr 1.4 billion in sales.", "CHF"),
        ("The pipeline will cost Can$6bn.", "CAD"),
        ("A kilo of tomatoes is now E£25.50.", "EGP"),
        ("The bridge toll rose to TL 120.", "TRY"),
    ],
)
def test_currency_words_signs_and_codes_name_their_currency(text: str, unit: str) -> None:
    assert units(text)[0][1] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The burner gave off 10 Btu of heat.", "Btu"),
        ("Gas traded at 2.5 dollars for 1 MMBtu.", "MMBtu"),
        ("The collider reached 13 TeV.", "TeV"),
        ("Pressure fell to 2 atmospheres.", "atm"),
        ("Her blood pressure was 120 mmHg.", "mmHg"),
        ("Workers received 250 millisieverts, or 0.25 Sv.", "Sv"),
        ("The delay was 40 milliseconds.", "ms"),
        ("The reservoir holds 12 acre-feet.", "acre-foot"),
        ("The engine displaces 250 cc.", "mL"),
        ("A 500 cubic centimetre flask broke.", "mL"),
        ("Crews hauled 30 cubic yards of gravel.", "cubic yard"),
        ("The drive stores 40 Gb.", "Gb"),
        ("The readings were 40 parts per trillion.", "ppt"),
        ("Salinity is 35 per mille.", "‰"),
        ("The ring weighs 5 g.", "g"),
        ("They drank 2 L of water.", "L"),
        ("It was 40 degrees Celcius.", "celsius"),
        ("The car has 150 metric horsepower.", "hp"),
        ("The central bank cut by 25 basis pts.", "basis point"),
    ],
)
def test_measure_forms_read_as_their_unit(text: str, unit: str) -> None:
    assert any(u == unit for _, u in units(text)), units(text)


@pytest.mark.parametrize(
    "text",
    [
        "The 40 L train was late.",  # a spaced "L" is litres only before "of" or punctuation
        "Hair gel 40 times a day.",  # "gel" is no sign of the lari
        "Police found 15 stone tools.",  # "stone" stays a counted noun, never a weight
        "He paid 20 pounds for 4 pounds of apples.",  # "pounds of" is a weight, else money
    ],
)
def test_common_words_are_not_read_as_units(text: str) -> None:
    found = units(text)
    assert all(u not in ("L", "GEL", "stone") for _, u in found), found
    if "apples" in text:
        assert [u for _, u in found] == ["GBP", "lb"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The kit ships with a 5 W charger.", "W"),
        ("Each lamp draws 60 W of power.", "W"),
        ("The seawall is 40 m wide.", "km"),
        ("The shaft is 2 m in diameter.", "km"),
        ("She won the 200 m freestyle.", "km"),
    ],
)
def test_spaced_watt_and_metre_symbols_read_when_a_measure_is_said(text: str, unit: str) -> None:
    assert units(text)[0][1] == unit


@pytest.mark.parametrize("text", ["The shop is at 120 W 42nd Street.", "He paid a 3 m fine.", "Only 3 m voters came."])
def test_spaced_watt_and_metre_letters_in_addresses_and_scales_are_no_units(text: str) -> None:
    assert all(unit not in ("W", "km") for _, unit in units(text))


@pytest.mark.parametrize("text", ["The tablet has a 10.9in display.", "Snow lay 6in deep.", "He stood 6ft 2in tall."])
def test_in_joined_to_a_number_is_inches(text: str) -> None:
    assert units(text)[-1][1] == "inch"


def test_in_after_a_spaced_number_is_no_inch() -> None:
    assert all(unit != "inch" for _, unit in units("She scored 3 in the second half."))


@pytest.mark.parametrize("text", ["The bank cut rates by 25bp on Thursday.", "Gilt yields rose 12 bp to 4.1%."])
def test_a_lowercase_bp_after_a_number_is_basis_points(text: str) -> None:
    assert units(text)[0][1] == "basis point"


def test_bp_in_capitals_is_no_unit() -> None:
    assert all(unit != "basis point" for _, unit in units("Shares of 40 BP stations were sold."))


def test_kms_is_kilometres() -> None:
    (q,) = extract_quantities("The cable runs 40 kms under the sea.")
    assert (q.unit, q.raw_unit) == ("km", "kms")


@pytest.mark.parametrize(
    ("text", "value"),
    [("A ferry ticket to the island was 96 kn.", 96), ("Lunch by the harbour cost us 210 kn, drinks included.", 210)],
)
def test_kn_after_an_amount_is_the_kuna(text: str, value: float) -> None:
    assert units(text) == [(value, "HRK")]


def test_kn_in_capitals_is_no_kuna() -> None:
    assert units("Route 44 KN was shut.") != [(44, "HRK")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The crews will try 3 routes.", [(3, "count")]), ("A kebab there costs TRY 90.", [(90, "TRY")])],
)
def test_try_is_the_lira_only_in_capitals(text, expected) -> None:
    # "try 3" was 3 Turkish lira
    assert units(text) == expected


def test_tl_before_a_short_number_is_no_lira() -> None:
    assert units("The TL 2 trim sold well.") == []


@pytest.mark.parametrize(
    ("text", "unit"), [("The repair cost him 300 bucks.", "USD"), ("A pint there is 6 quid.", "GBP")]
)
def test_slang_money_words_are_their_currency(text, unit):
    # were a count of "bucks" and a bare number
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [(float(text.split()[-2]), unit)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The bakery chain earned 14 Canadian cents a share.", "cent/share"),  # was a count of "cents", no rate
        ("Its shares slipped 35 Australian cents on Friday.", "cent"),
    ],
)
def test_cents_named_with_their_country_are_cents(text, unit):
    (q,) = extract_quantities(text)
    assert q.unit == unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The miners asked for a bonus of dlrs 2.5 million.", 2_500_000),
        ("Kovia's dlrs 700 million loan falls due in May.", 700_000_000),
        ("The port handled cargo worth 40 million dlrs.", 40_000_000),
    ],
)
def test_newswire_dlrs_are_dollars_before_or_after_the_amount(text, value):
    # were a bare number, or a count named "dlrs" and the noun after it
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [(value, "USD")]


@pytest.mark.parametrize(
    "word",
    ["soldiers", "Bodies", "cities", "casualties", "men", "policemen", "children", "people", "persons", "captives",
     "houses", "dead", "personnel", "aircraft"],
)  # fmt: skip
def test_a_counted_noun_is_counted_in_the_singular_or_the_plural(word: str):
    assert is_counted(word)


@pytest.mark.parametrize("word", ["cats", "series", "bus", "firemen", "launches", "wolves", "crosses", "news"])
def test_a_noun_a_conflict_story_does_not_count_is_not_counted(word: str):
    assert not is_counted(word)


@pytest.mark.parametrize(
    ("word", "one"),
    [("plates", "plate"), ("cities", "city"), ("women", "woman"), ("firemen", "fireman"), ("churches", "church"),
     ("dishes", "dish"), ("classes", "class"), ("bus", "bus"), ("crisis", "crisis"), ("People", "people"),
     ("species", "species"), ("series", "series"), ("news", "news"), ("headquarters", "headquarters")],
)  # fmt: skip
def test_a_plural_s_singular_is_read_by_its_ending(word: str, one: str):
    assert singular(word) == one
