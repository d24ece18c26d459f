"""The time that dates each figure of a sentence (``storyline.corpus.figure_days``), on our own sentences of an
oil slick and a pipeline leak off Calder Bay, March 2031 (reports of 2031-03-10)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from storyline.corpus import figure_days as fd
from storyline.corpus import figures as fg
from storyline.records import FigurePoint, IsoDate, Quantity, Sentence, TimeExpression

REPORT = "2031-03-10"


def sentence(text: str, figures: list[str], times: list[tuple[str, str]], event_date: str) -> Sentence:
    """A sentence of ``figures`` (counts) and ``times`` (words, date) dated ``event_date``."""
    quantities = []
    for words in figures:
        at = text.index(words)
        value = float(re.sub(r"[^\d]", "", re.split(" and | to ", words)[0]))
        quantities.append(Quantity(at, at + len(words), words, value, value, value, "count", None, None, None))
    found = []
    for words, when in times:
        at = text.index(words)
        found.append(TimeExpression(at, at + len(words), words, "DATE", when, when))
    return Sentence(0, 0, len(text), text, 0, times=tuple(found), quantities=tuple(quantities), event_date=event_date)


def days(s: Sentence) -> dict[str, IsoDate | None]:
    """Each figure's day, as ``figures.points_of`` reads it for a sentence dated by its own words."""
    return {q.text: fd.figure_day(s, q, s.event_date, REPORT) for q in s.quantities}


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the slick covered about 300 square miles, but by Tuesday's end it covered 900 square miles.",
        # a change from one day's value to another's: each dated by the time right after it
        "Satellite images showed the slick grew from about 300 square miles on Monday to 900 square miles by the "
        "end of Tuesday.",
    ],
)
def test_a_sentence_of_two_days_values_gives_each_its_own_day(text: str) -> None:
    figures, times = (
        ["about 300 square miles", "900 square miles"],
        [("Monday", "2031-03-02"), ("Tuesday", "2031-03-03")],
    )
    s = sentence(text, figures, times, "2031-03-02")
    assert days(s) == {"about 300 square miles": "2031-03-02", "900 square miles": "2031-03-03"}


def test_a_day_told_after_two_counts_and_a_time_of_saying_leave_both_counts_that_day() -> None:
    s = sentence(
        "At least 16 people were killed and 71 were wounded there Sunday, a nurse at the clinic said early Monday.",
        ["16 people", "71"], [("Sunday", "2031-03-08"), ("early Monday", "2031-03-09")], "2031-03-08",
    )  # fmt: skip
    assert days(s) == {"16 people": "2031-03-08", "71": "2031-03-08"}


@pytest.mark.parametrize(
    ("text", "figures", "time", "new"),
    [
        ("The new survey found oil over about 500 square miles, rather than the 800 square miles seen last Friday.",
         ["about 500 square miles", "800 square miles"], "last Friday", "about 500 square miles"),
        ("Engineers now put the flow at 20,000 to 30,000 barrels a day, a sharp rise on the estimate of a week ago.",
         ["20,000 to 30,000 barrels a day"], "a week ago", "20,000 to 30,000 barrels a day"),
    ],
)  # fmt: skip
def test_a_time_in_a_compared_values_phrase_dates_that_value_not_the_new_one(
    text: str, figures: list[str], time: str, new: str
) -> None:
    s = sentence(text, figures, [(time, "2031-03-06")], "2031-03-06")
    found = days(s)
    assert found[new] == REPORT  # told as the report's: the compared value's time is not its own
    assert all(found[f] == "2031-03-06" for f in figures if f != new)


def test_a_figure_told_after_a_since_clause_runs_to_its_report_and_the_onsets_dead_keep_the_day() -> None:
    s = sentence(
        "Since the pipeline burst on 3 March, killing 4 workers, it has leaked 6,000 barrels a day into the bay.",
        ["4 workers", "6,000 barrels a day"], [("3 March", "2031-03-03")], "2031-03-03",
    )  # fmt: skip
    assert days(s) == {"4 workers": "2031-03-03", "6,000 barrels a day": REPORT}


@pytest.mark.parametrize(
    ("text", "figures", "times", "expected"),
    [
        # the ", which" clause has a time of its own: the main clause's "last month" is not the sum's day
        ("Norvik Oil, which said on Monday it had spent about $40 million so far on the clean-up, agreed last month "
         "to set up a $200 million fund.", ["about $40 million", "$200 million"],
         [("last month", "2031-02"), ("Monday", "2031-03-09")],
         {"about $40 million": "2031-03-09", "$200 million": "2031-02"}),
        # a value the clause says was reached since: not the fitting's day, but as of the report
        ("On March 4, crews fitted a second collar, which had raised the daily catch to about 3,000 barrels.",
         ["about 3,000 barrels"], [("March 4", "2031-03-04")], {"about 3,000 barrels": REPORT}),
        # the clause's own time, past a bare "and" inside it, dates its dead; not the meeting's day
        ("Ministers met on Monday to discuss the leak, which began on 3 March with a blast and fire that killed 4 "
         "workers.", ["4 workers"], [("Monday", "2031-03-09"), ("3 March", "2031-03-03")], {"4 workers": "2031-03-03"}),
        # a clause that only tells of its noun keeps the noun's time
        ("Inspectors returned to the site of the blast on 3 March, which killed 4 workers.", ["4 workers"],
         [("3 March", "2031-03-03")], {"4 workers": "2031-03-03"}),
        ("Crews fitted a collar on March 4, which collected 900 barrels.", ["900 barrels"],
         [("March 4", "2031-03-04")], {"900 barrels": "2031-03-04"}),
    ],
)  # fmt: skip
def test_a_figure_of_a_which_clause_with_a_time_of_its_own_takes_that_clauses_time(
    text: str, figures: list[str], times: list[tuple[str, str]], expected: dict[str, str | None]
) -> None:
    assert days(sentence(text, figures, times, times[0][1])) == expected  # the first time dates the sentence


@pytest.mark.parametrize(
    ("text", "figures", "times", "expected"),
    [
        ("The harbour office first put the leak at 800 barrels a day before revising it upwards to 4,000 barrels.",
         ["800 barrels a day", "4,000 barrels"], [], {"800 barrels a day": None, "4,000 barrels": "2031-03-10"}),
        ("The official estimate of 800 barrels a day, a figure the company repeated, was raised last week to "
         "4,000 barrels.", ["800 barrels a day", "4,000 barrels"], [("last week", "2031-03")],
         {"800 barrels a day": None, "4,000 barrels": "2031-03"}),
        ("The toll stood at 40 on Monday, then officials revised that number to 52.", ["40", "52"],
         [("Monday", "2031-03-09")], {"40": "2031-03-09", "52": "2031-03-09"}),
        # no revision of the figure: the number of something else is raised
        ("Crews moved 300 people, raising the number of shelters to 12.", ["300 people", "12"], [],
         {"300 people": "2031-03-10", "12": "2031-03-10"}),
    ],
)  # fmt: skip
def test_a_value_a_revision_replaces_has_no_day_unless_a_time_right_after_it_gives_one(
    text: str, figures: list[str], times: list[tuple[str, str]], expected: dict[str, str | None]
) -> None:
    event_date = times[0][1] if times else REPORT
    assert days(sentence(text, figures, times, event_date)) == expected


def test_an_amount_told_over_a_period_right_after_it_is_the_periods_ends() -> None:
    s = sentence(
        "Norvik said it caught 900 barrels on Friday and 1,100 barrels on Saturday, with 3,200 barrels caught "
        "between March 5, when the collar was fitted, and March 8.",
        ["900 barrels", "1,100 barrels", "3,200 barrels"],
        [("Friday", "2031-03-06"), ("Saturday", "2031-03-07"), ("March 5", "2031-03-05"), ("March 8", "2031-03-08")],
        "2031-03-06",
    )
    assert days(s) == {"900 barrels": "2031-03-06", "1,100 barrels": "2031-03-07", "3,200 barrels": "2031-03-08"}


def _caught(doc: str, value: float, text: str, day: str, own_day: bool, measure: str = "collected") -> fd.Found:
    point = FigurePoint(day, value, value, value, None, doc, 0, text, None, "Norvik", own_day=own_day)
    return (measure, "barrel", point)


@pytest.mark.parametrize(
    ("value", "undated", "twin", "day", "moved"),
    [
        # told without its day by a report of Sunday: Saturday's, as another report tells it
        (10500, "Norvik said its collar caught 10,500 barrels in 24 hours.", "It caught 10,500 barrels on Saturday.",
         "2031-03-08", True),
        (11100, "Norvik put the catch at 466,200 gallons.", "It caught 11,100 barrels Saturday.", "2031-03-08", True),
        # a round figure is told for many days; a twin too long before the report is another day's
        (2200, "The tube drew 2,200 barrels in 24 hours.", "It drew 2,200 barrels on Saturday.", "2031-03-08", False),
        (200000 / 42, "The well spews 200,000 gallons.", "It spewed 200,000 gallons on Saturday.", "2031-03-08", False),
        (10500, "Norvik said it caught 10,500 barrels.", "It caught 10,500 barrels Thursday.", "2031-03-05", False),
    ],
)  # fmt: skip
def test_a_figure_told_without_its_day_takes_the_day_another_report_gives_the_same_precise_figure(
    value: float, undated: str, twin: str, day: str, moved: bool
) -> None:
    a, b = _caught("a", value, undated, REPORT, False), _caught("b", value, twin, day, True)
    found = fd.dated_by_twins({"a": [a], "b": [b]})
    assert found["a"][0][2].date == (day if moved else REPORT)
    assert found["b"] == [b]  # the dated twin keeps its day


def test_a_days_rate_told_without_its_day_takes_the_day_another_report_gives_that_days_total() -> None:
    rate = _caught("a", 10500, "Norvik said its collar caught 10,500 barrels in 24 hours.", REPORT, False)
    rate = ("collection rate", "barrel/day", rate[2])
    total = _caught("b", 10500, "It caught 10,500 barrels on Saturday.", "2031-03-08", True)
    assert fd.dated_by_twins({"a": [rate], "b": [total]})["a"][0][2].date == "2031-03-08"
    spilled = _caught("b", 10500, "It spilled 10,500 barrels on Saturday.", "2031-03-08", True, "spilled")
    assert fd.dated_by_twins({"a": [rate], "b": [spilled]})["a"] == [rate]  # another measure's total


@pytest.mark.parametrize(
    ("text", "figures", "times", "expected"),
    [
        # the earlier value a change is told from, with no day of its own
        ("Norvik caught 1,580 barrels on Wednesday, slightly up on the 1,501 barrels caught in the previous 24 "
         "hours.", ["1,580 barrels", "1,501 barrels"], [("Wednesday", "2031-03-04")],
         {"1,580 barrels": "2031-03-04", "1,501 barrels": None}),
        ("On Monday 40 were dead, up from 31.", ["40", "31"], [("On Monday", "2031-03-09")],
         {"40": "2031-03-09", "31": None}),
        # a time after the compared value is its own
        ("The slick covered 500 square miles, rather than the 800 square miles seen on Friday.",
         ["500 square miles", "800 square miles"], [("on Friday", "2031-03-06")],
         {"500 square miles": "2031-03-10", "800 square miles": "2031-03-06"}),
    ],
)  # fmt: skip
def test_the_earlier_value_a_change_is_told_from_has_no_day_unless_a_time_after_it_gives_one(
    text: str, figures: list[str], times: list[tuple[str, str]], expected: dict[str, str | None]
) -> None:
    assert days(sentence(text, figures, times, times[0][1])) == expected


def test_a_figure_of_its_own_day_of_the_twins_report_or_of_the_dead_keeps_its_day() -> None:
    twin = _caught("b", 10500, "Norvik caught 10,500 barrels on Saturday.", "2031-03-08", True)
    own = _caught("a", 10500, "Norvik caught 10,500 barrels on Sunday.", REPORT, True)
    assert fd.dated_by_twins({"a": [own], "b": [twin]})["a"] == [own]
    undated = _caught("b", 10500, "Norvik said it had caught 10,500 barrels.", REPORT, False)
    assert fd.dated_by_twins({"b": [undated, twin]})["b"] == [undated, twin]
    toll = _caught("a", 137, "The toll stands at 137.", REPORT, False, "killed")
    dead = _caught("b", 137, "The blast killed 137 on Saturday.", "2031-03-08", True, "killed")
    assert fd.dated_by_twins({"a": [toll], "b": [dead]})["a"] == [toll]


def test_points_of_date_a_leaks_rate_by_the_time_that_governs_it(make_doc) -> None:
    text = "Since the pipeline burst on 3 March, it has leaked 6,000 barrels a day into the bay."
    doc = make_doc(text, REPORT, "Bay Courier")
    at, words = text.index("6,000 barrels a day"), "6,000 barrels a day"
    rate = Quantity(at, at + len(words), words, 6000, 6000, 6000, "bpd", "barrels", None, None)
    day = TimeExpression(
        text.index("3 March"), text.index("3 March") + 7, "3 March", "DATE", "2031-03-03", "2031-03-03"
    )
    s = Sentence(0, 0, len(text), text, 0, times=(day,), quantities=(rate,), event_date="2031-03-03")
    ((measure, _, point),) = fg.points_of(replace(doc, sentences=(s,)))
    assert (measure, point.date) == ("flow rate", REPORT)
