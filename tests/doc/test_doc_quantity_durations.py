"""Lengths of time after their number (storyline.doc.quantity_durations), read directly and through
``extract_quantities`` on made-up sentences."""

import pytest

from storyline.doc.quantities import extract_quantities
from storyline.doc.quantity_durations import duration_after


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("The ferry sailed for 3 days.", "3", ("day", "days")),
        ("The mill ran 2 more weeks.", "2", ("week", "more weeks")),
        ("It was 4 yrs ago.", "4", ("year", "yrs")),
        ("They had three remarkable weeks.", "three", ("week", "remarkable weeks")),
        ("Staff worked 14 hour days.", "14", ("hour", "hour")),  # a period is no describing word
    ],
)
def test_a_length_of_time_after_its_number_is_read_with_its_words(text, number, expected):
    pos = text.index(number) + len(number)
    end, unit, raw = duration_after(text, pos, number)
    assert (unit, raw) == expected
    assert text[pos:end].strip() == raw


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("A 3-day visit ended.", "3"),  # joined by a hyphen: a modifier
        ("She hosted 500,000 people year after year.", "500,000"),  # a noun before the period
        ("It was the 2016 election year.", "2016"),  # a year names, it lasts none
        ("Tickets cost 30 per day.", "30"),  # a function word
    ],
)
def test_no_length_of_time_when_the_words_after_the_number_are_no_duration(text, number):
    pos = text.index(number) + len(number)
    assert duration_after(text, pos, number) is None


@pytest.mark.parametrize(
    ("text", "value", "unit", "span"),
    [
        # were bare numbers: "more" stood between the number and its unit
        ("The dig may last 12 more days.", 12, "day", "12 more days"),
        ("Talks could go on for up to three more years.", 3, "year", "up to three more years"),
        ("The pump needs 36 extra hours to drain the pit.", 36, "hour", "36 extra hours"),
        ("Crews asked for 2 additional weeks.", 2, "week", "2 additional weeks"),
        ("The ferry will run four further months.", 4, "month", "four further months"),
        # a number word was dropped and a digit left bare: the describing word between hid the unit
        ("The rally capped off three remarkable weeks for the club.", 3, "week", "three remarkable weeks"),
        ("She spent 2 long years at sea.", 2, "year", "2 long years"),
        ("The strike went on for five straight days.", 5, "day", "five straight days"),
        ("It took four hard-fought months to agree.", 4, "month", "four hard-fought months"),
    ],
)
def test_a_length_of_time_after_more_extra_or_one_describing_word_is_a_duration(text, value, unit, span):
    (q,) = extract_quantities(text)
    assert (q.value, q.unit, q.kind, q.text) == (value, unit, "duration", span)


@pytest.mark.parametrize(
    "text",
    [
        "Output rose 30 per day in the mill.",
        "The shop sold 2,000 last year.",
        "They sent 12 each week.",
        "A star 40 light years away was seen.",
        "The index gained 150 this month.",
        "Floods kill 20,000 people year after year.",
        "The strike caused 1,000 room night cancellations.",
        "The 2016 election year was long.",
        "She had 3,000 followers second only to him.",
    ],
)
def test_a_function_word_a_noun_or_a_year_before_a_period_makes_no_duration_of_the_number(text):
    assert all(q.kind != "duration" for q in extract_quantities(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Cover rose to 90 million, up from 60 million two years ago.", [(9e7, "count"), (6e7, "count"), (2, "year")]),
        ("Nurses work 14 hour days in the ward.", [(14, "hour")]),
    ],
)
def test_a_number_or_a_period_before_a_period_is_no_describing_word(text, found):
    # "60 million two years" was read as one duration, "14 hour days" as 14 days
    assert [(q.value, q.unit) for q in extract_quantities(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The plan costs a $4.99 monthly fee.", [(4.99, "USD", "$4.99")]),
        ("Police shut 3 nightclubs on Friday.", [(3, "count", "3 nightclubs")]),
        ("The town has 12 secondary schools.", [(12, "count", "12 secondary schools")]),
        ("They worked 2 weekends in a row.", [(2, "count", "2 weekends")]),
        ("Staff got 40 hourly breaks.", [(40, "count", "40 hourly breaks")]),
        ("She keeps 3 yearbooks at home.", [(3, "count", "3 yearbooks")]),
    ],
)
def test_a_word_that_only_begins_with_a_period_makes_no_duration_of_the_number(text, found):
    # each number was dropped whole: "monthly", "nightclubs", "secondary" were read as the period they begin with
    assert [(q.value, q.unit, q.text) for q in extract_quantities(text)] == found


@pytest.mark.parametrize(
    "text",
    ["A 3-day visit ended.", "It was a two-centuries-old house.", "A 2-millennia span began.", "Son Tom, 2 monthsAll"],
)
def test_a_period_joined_to_its_number_or_run_into_a_capital_is_still_no_quantity(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "unit", "span"),
    [
        ("A minute and a half later the alarm rang again.", "minute", "A minute and a half"),
        ("The vote took about an hour and a half.", "hour", "about an hour and a half"),
        ("The ferry was a day and a half late.", "day", "a day and a half"),
    ],
)
def test_a_period_and_a_half_is_one_and_a_half_of_it(text, unit, span):
    (q,) = extract_quantities(text)
    assert (q.value, q.unit, q.kind, q.text) == (1.5, unit, "duration", span)


def test_a_period_and_a_half_joined_by_a_hyphen_stays_out():
    assert extract_quantities("It was a year and a half-long wait.") == []
