"""A bare number takes the unit of the quantity it is set against (``storyline.doc.quantity_carry``)."""

from __future__ import annotations

import pytest

from storyline.doc.quantities import extract_quantities


def units(text: str) -> list[tuple[float, str, str | None]]:
    return [(q.value, q.unit, q.noun) for q in extract_quantities(text)]


def test_a_bare_number_right_after_a_comparison_takes_the_unit_before_it():
    assert units("Sales reached 3.9 million headsets, up from 2.4 million.")[1] == (2_400_000, "count", "headsets")


def test_a_bare_number_compared_at_the_end_of_a_short_clause_takes_the_counted_noun():
    found = units("About 310 bicycles were reported stolen this spring compared with 45 in the same weeks of 2021.")
    assert found[:2] == [(310, "count", "bicycles"), (45, "count", "bicycles")]


def test_a_bare_number_far_from_the_comparison_or_after_a_bare_number_keeps_no_unit():
    far = units("Some 90 trawlers left port; the harbour master, who kept the books for years, compared with 12.")
    assert far[1] == (12, "count", None)
    assert units("The score was 7 compared with 3.")[1][2] is None


def test_a_bare_level_before_a_change_in_points_takes_the_points():
    assert units("The index closed at 8412.5 up 31.2 points.")[0][1] == "point"


@pytest.mark.parametrize(
    ("text", "unit", "noun"),
    [
        ("Ohio logged 3120 while Iowa came second with 2875 tornado reports.", "count", "reports"),
        ("The base model costs 1,950,000 yen and the sport trim 2,100,000 for buyers.", "JPY", None),
        ("A crate holds 24 bottles whilst a pallet holds 60.", "count", "bottles"),
    ],
)
def test_a_bare_figure_set_beside_one_of_its_size_takes_its_unit(text, unit, noun):
    bare = next(q for q in extract_quantities(text) if q.text.strip(" ,").replace(",", "").isdigit())
    assert (bare.unit, bare.noun) == (unit, noun)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sales hit 90 kg. The index was up at 95 and rising.", 95),  # another sentence
        ("The price was 3 dollars and the queue held 900.", 900),  # not of its size
        ("They built 4 bridges and scored 17.", 17),  # more than three times the size
        ("Output jumped from 240 to 275, and fuel use climbed to 240 mpg.", 275),  # a change has its own subject
    ],
)
def test_a_bare_figure_keeps_no_unit_across_sentences_sizes_or_from_a_change(text, value):
    bare = next(q for q in extract_quantities(text) if q.value == value)
    assert (bare.unit, bare.noun) == ("count", None)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("The tablet measures 160.5 x 75 mm.", [(160.5, "mm"), (75, "mm")]),
        ("Each crate is 40 x 30 x 25 cm.", [(40, "cm"), (30, "cm"), (25, "cm")]),
        ("The rug is 6 × 9 feet.", [(6, "foot"), (9, "foot")]),
        ("The rug is 6 x 9 feet.", [(6, "foot"), (9, "foot")]),
    ],
)
def test_each_side_of_a_size_takes_the_unit_written_after_the_last(text, sides):
    assert [(q.value, q.unit) for q in extract_quantities(text)] == sides


def test_a_count_after_a_side_is_read_on_its_own():
    assert units("The hall seats 12 x 20 guests.") == [(12, "count", None), (20, "count", "guests")]


def test_a_bare_number_does_not_take_the_noun_of_a_count_after_a_preposition_it_lacks():
    found = units("The fever reached 4,020 people in 26 districts and killed 58.")
    assert found[2] == (58, "count", None)
    # set after the same preposition, the count's noun carries: "in 11 states and ... in 9"
    assert units("The mayor campaigned in 14 towns and her rival in 9.")[1] == (9, "count", "towns")


@pytest.mark.parametrize(
    ("text", "unit", "noun"),
    [
        ("The Hang Seng slid 210 points to 17,850 on Monday.", "point", None),
        ("Confirmed infections jumped by 340 cases to 2,900.", "count", "cases"),
        ("The Nikkei added 60 points to 9,400 in late trade.", "point", None),
        ("The blue-chip gauge gained 112 points to 33,870 by the close.", "point", None),
        ("The benchmark lost 85 points to 7,210 on Friday.", "point", None),
        ("The carmaker shed 300 jobs to 4,100 this spring.", "count", "jobs"),
        ("The rower lost 4 kg to 72 before the race.", "kg", None),
        ("The Kospi shed 31.4 points to close at 2,214.9.", "point", None),  # these four were bare
        ("The Sensex dropped 96.10 points Tuesday to 5120.55.", "point", None),
        ("The gauge rose 12 points yesterday to 1,906.", "point", None),
        ("The small-cap index ended 18.3 points lower at 1544.2.", "point", None),  # the direction, then "at"
    ],
)
def test_the_level_after_a_change_takes_the_change_unit(text, unit, noun):
    _change, level = extract_quantities(text)
    assert (level.unit, level.noun) == (unit, noun)


def test_the_level_after_a_percentage_change_is_no_percentage():
    change, level = extract_quantities("Revenue rose 8% to 3.1 million last year.")
    assert (change.unit, level.unit, level.noun) == ("percent", "count", None)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The harbour bill passed by 218 votes to 210 on Thursday.", "votes"),
        ("The motion was carried by 312 votes to 189 in the chamber.", "votes"),
        ("The visitors won by 3 goals to 1 in the rain.", "goals"),
    ],
)
def test_the_other_side_of_a_tally_takes_its_noun(text, noun):
    first, other = extract_quantities(text)
    assert (first.noun, other.unit, other.noun) == (noun, "count", noun)


def test_a_number_after_a_count_of_other_things_is_no_side_of_a_tally():
    assert units("The charity gave 300 books to 20 schools.")[1] == (20, "count", "schools")
    assert units("The council voted 7 to 2 for the plan.") == [(7, "count", None), (2, "count", None)]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Medics said 35 were killed and 80 injured in the raid.", None),
        ("The brigade reported 18 killed and 33 wounded over the weekend.", "killed"),  # its own state (session 29)
        ("The clinic counted 60 injured, while 40 died on the road.", None),
    ],
)
def test_a_bare_number_with_a_state_of_its_own_takes_no_other_state(text: str, noun: str | None) -> None:
    # the injured or wounded are not the killed: the number keeps no noun of theirs (was "injured", "wounded")
    bare = [q for q in extract_quantities(text) if q.value in (35, 18, 40)]
    assert [(q.unit, q.noun) for q in bare] == [("count", noun)]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The storm left 12 dead in the hills and 9 in the town.", "dead"),
        ("Guards said 20 protesters were held and 15 were freed.", "protesters"),
    ],
)
def test_a_bare_number_beside_a_count_still_takes_its_noun(text: str, noun: str) -> None:
    assert [q.noun for q in extract_quantities(text)] == [noun, noun]


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("There are a dozen ballots I doubt, out of about 9,000.", (9000, "count", "ballots")),
        ("The firm will cut 2.5 million coal jobs out of a total of nearly 7 million.", (7e6, "count", "jobs")),
        ("She won 40 percent of the seats, out of 62 last time.", (62, "count", None)),
    ],
)
def test_a_bare_whole_after_out_of_takes_the_unit_of_its_part(text, last):
    # the whole was a bare count; a share's whole is no share
    assert units(text)[-1] == last
