from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.doc.quantities import extract_quantities
from storyline.doc.quantity_names import index_before, initial_name, year_partner, year_span
from storyline.doc.quantity_read import atom_from


@pytest.mark.parametrize(
    "text",
    [
        "the sp 500 slipped 1.4% while bonds gained.",
        "The Fortune 500 list grew longer.",
        "Traders watched the ftse 100 all morning.",
    ],
)
def test_a_number_ending_an_index_name_is_no_count_in_any_case(text):
    assert all(q.unit == "percent" for q in extract_quantities(text))


@pytest.mark.parametrize(
    "text",
    [
        "Formula 1 returns to the coast in May.",
        "Windows 11 shipped on a Tuesday.",
        "Apollo 11 carried three men.",
        "iPod 4, iPod 4 Nano and iPod 5 are on sale.",  # a name with an inner capital (was a bare 4)
        "eReader 3 is out in May.",
    ],
)
def test_a_name_opening_the_sentence_makes_its_number_part_of_the_name(text):
    assert [q.value for q in extract_quantities(text)] in ([], [3])


@pytest.mark.parametrize(
    ("text", "value"),
    [("About 200 were arrested.", 200), ("Some 30,000 troops marched.", 30_000), ("Nearly 70 turned up.", 70)],
)
def test_a_count_after_an_opening_word_is_still_a_count(text, value):
    assert [q.value for q in extract_quantities(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Between 1600 and 1900 river levels fell sharply.",
        "The fort was held from 1350 to 1420 by the duke.",
        "The town grew between A.D. 1000 and 1260 and then emptied.",
        "From 1998 to 2004, she ran the agency.",
    ],
)
def test_a_span_of_years_is_not_a_range_of_counts(text):
    assert extract_quantities(text) == []


def test_a_range_of_round_thousands_before_a_plural_noun_is_a_count():
    (q,) = extract_quantities("The firm is going from 1000 to 2000 hires this year.")
    assert (q.low, q.high, q.unit) == (1000, 2000, "count")


@given(st.integers(min_value=1000, max_value=2098), st.integers(min_value=1, max_value=500))
def test_rising_four_digit_numbers_after_between_are_years_and_the_partner_is_skipped(low, step):
    high = min(low + step, 2099)
    if high <= low:
        return
    rising, falling, sold = (f"between {a} and {b} the" for a, b in ((low, high), (high, low), (low, high)))
    sold = sold.replace("between", "sold")
    assert year_span(rising, atom_from(rising, 8), atom_from(rising, 17))
    assert not year_span(falling, atom_from(falling, 8), atom_from(falling, 17))
    assert not year_span(sold, atom_from(sold, 5), atom_from(sold, 14))
    text = f"in {low} and {high} the"
    assert year_partner(text, 7, str(low)) == len(text) - 4


@given(st.text(alphabet="abcdefghij ", max_size=30))
def test_index_and_initial_name_checks_never_fail_on_lower_case_text(before):
    assert isinstance(index_before(before), bool)
    assert not initial_name(before)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Shares rose 4 cents to 98 cents.", [(4, 4), (98, 98)]),
        ("Gold climbed $12.40 to $1,815.30 an ounce.", [(12.4, 12.4), (1815.3, 1815.3)]),
        ("Prices rose 5 to 7 percent.", [(5, 7)]),
        ("Prices rose 5% to 7% last year.", [(5, 7)]),
    ],
)
def test_a_change_then_the_new_level_is_two_values_but_a_close_range_stays_a_range(text, values):
    assert [(q.low, q.high) for q in extract_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [("Five of the six judges agreed.", 5, "judges"), ("4 of the 9 boats sank.", 4, "boats")],
)
def test_a_part_of_a_counted_whole_counts_the_whole_noun(text, value, noun):
    first = extract_quantities(text)[0]
    assert (first.value, first.unit, first.noun) == (value, "count", noun)


@pytest.mark.parametrize(
    "text",
    [
        "The figures are on page 12 of the council's report.",
        "Ferry passengers boarded at gate 7 before dawn.",
        "The alert moved from phase 5 to phase 6 overnight.",
        "The storm is a category 4 hurricane now.",
        "She scored in game 7 of the finals.",
        "The trial is in week 3 and the jury is out.",
        "The crew took flight 447 to the coast.",
        "Pupils in grade 9 sat the test.",
        "Rule changes under section 12 were voted down.",
        "Write to the club at P.O. Box 4417, Leeds.",  # a mail box's number (was a bare 4417)
        "Letters go to PO Box 90 in the town.",
        "Wire: UPDATE 2-Ferry strike ends after talks",  # a wire story's version number
        "Wire: WRAPUP 4-Floods close roads in the north",
        "Envoys cited U.N. resolution 338 in the talks.",  # a resolution's number (was a bare 338)
        "The council's Resolution 2199 was passed unanimously.",
    ],
)
def test_a_number_after_a_word_that_designates_an_item_names_it(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The mill paid 12 workers on page rates.", 12),
        ("A day 300 people queued was the worst.", 300),
        ("Sales in the week rose 7 percent.", 7),
        ("The level rose 7 percent in a day.", 7),
        ("Each game 3 players sat out.", 3),
        ("Movers box 40 crates a day.", 40),  # "box" the verb
        ("The firm will box 600 parcels.", 600),
    ],
)
def test_a_count_or_measure_near_such_a_word_is_still_a_quantity(text, value):
    assert value in [q.value for q in extract_quantities(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [("The hall was built to seat 1,200 people.", 1200), ("The band will stage 50 concerts.", 50)],
)
def test_such_a_word_used_as_a_verb_keeps_its_count(text, value):
    assert [q.value for q in extract_quantities(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "The talks start at 10.30 tonight.",
        "The polls close at 21.45 GMT.",
        "He first ran for office in '08.",
        "The '08 election was close.",
    ],
)
def test_a_clock_time_with_a_dot_or_a_year_after_an_apostrophe_is_no_quantity(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The shares closed at 10.30 on Monday.", 10.3),
        ("'30 people died,' she said.", 30),
        ("The fare rose to 12.45 this year.", 12.45),
    ],
)
def test_a_price_or_a_quoted_count_is_still_a_quantity(text, value):
    assert [q.value for q in extract_quantities(text)] == [value]


@pytest.mark.parametrize(
    "text",
    ["Updated Sunday 30 May 2010 19.56 BST Crews battled the fire.", "Last modified 08.15 GMT, the page said."],
)
def test_a_dotted_clock_time_before_a_zone_code_is_no_quantity(text: str) -> None:
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The Nasdaq 100 slid 85 points by the close.", [(85, "85 points")]),
        ("Madrid's IBEX 35 added 60 points to 9,400.", [(60, "60 points"), (9400, "9,400")]),
    ],
)
def test_the_number_of_an_index_name_takes_no_noun_from_the_change_after_it(text, found):
    assert [(q.value, q.text) for q in extract_quantities(text)] == found


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The maker shipped 4 million iPhone 15 handsets.", "4 million iPhone 15 handsets"),
        ("The shop sold 300 eBook 7 readers.", "300 eBook 7 readers"),
    ],
)
def test_a_model_name_in_lower_camel_case_is_no_count_of_its_own(text, span):
    assert [q.text for q in extract_quantities(text)] == [span]


def test_a_count_after_a_name_with_a_model_code_before_its_noun_stays():
    (q,) = extract_quantities("Bulletin: Peru 17 H5N1 cases this week")
    assert (q.value, q.noun) == (17, "cases")


@pytest.mark.parametrize(
    "text",
    [
        "The 717 Vega was grounded after the fault.",
        "The carrier's 797 Skyliner fleet stayed in the hangars.",
        "Listeners of the 4 Radio breakfast show wrote in.",
        "Engineers of the 912 Commission met again.",
    ],
)
def test_a_number_between_a_determiner_and_a_capitalized_name_names_a_model(text: str) -> None:
    # was a bare count, named by the parse's noun ("vega", "skyliner fleet")
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The 40 Labour MPs voted against the bill.", 40),
        ("Police said the 3 Americans were freed.", 3),
        ("Its 27 EU partners agreed to the plan.", 27),
        ("Officials said that 36 UN staff were missing.", 36),
        ("The 18 U.S. and Canadian inventors showed their machines.", 18),
        ("Storms killed 12 Monday in the valley.", 12),
    ],
)
def test_a_count_of_capitalized_people_or_before_a_clause_is_still_a_count(text: str, value: float) -> None:
    assert [q.value for q in extract_quantities(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Ring the desk on 0300 123 4567 for news.",  # a phone number
        "The shares of the carrier (0772) fell.",  # a stock code
        "Crews met at 0630 on the quay.",  # a clock time
        "1315 The mayor says the bridge is shut.",  # a live report's time stamp
        "12 As for the ferries, none sailed.",  # a list's label
        "3) Close the port.",
        "2. Mayors did not spend in the north.",  # a numbered list's label with a full stop
        "9. Dana Roe.",
        "4. FERRIES HALTED IN THE STORM.",
    ],
)
def test_a_number_with_a_leading_zero_or_a_label_at_a_sentence_head_is_no_quantity(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1500 Marines landed on the beach.", 1500),  # a capitalized noun, no clause opener
        ("12 people died in The Hague.", 12),
        ("The count reached 0.5 percent.", 0.5),
        ("2.5 million people voted.", 2.5e6),
        ("40 died. Rescuers kept digging.", 40),
    ],
)
def test_a_count_at_a_sentence_head_or_a_decimal_below_one_stays(text, value):
    assert [q.value for q in extract_quantities(text)] == [value]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Hawks are 7-3-2 in their last twelve games.", [12]),
        ("Rovers went 4-1-3 on the road.", []),
        ("A 12-4-1 side met a 9-8 side.", []),
    ],
)
def test_a_record_of_three_numbers_is_no_quantity_at_all(text, expected):
    # the third number of "7-3-2" was a bare count 2 once the first two were left out as a score
    assert [q.value for q in extract_quantities(text)] == expected


def test_a_number_after_a_resolution_with_a_is_a_count():
    (q,) = extract_quantities("It was a resolution 120 countries backed.")
    assert (q.value, q.noun) == (120, "countries")
