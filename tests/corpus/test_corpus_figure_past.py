"""Figures about another, past incident recalled for comparison are no points of the story's measures
(``storyline.corpus.figure_past``), on our own sentences of a fever outbreak in Calder Bay, May 2031."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from storyline.corpus import figure_past as fp
from storyline.corpus import figures as fg
from storyline.records import Quantity, Sentence, Story, TimeExpression

FIRST = date(2031, 5, 20)


def sentence(text: str, figure: str, *times: tuple[str, str]) -> tuple[Sentence, Quantity]:
    """A sentence with the count ``figure`` of the dead and a time expression for each (words, date)."""
    start = text.index(figure)
    value = float(re.sub(r"[^\d]", "", figure))
    q = Quantity(start, start + len(figure), figure, value, value, value, "count", None, None, "people")
    found = []
    for words, when in times:
        at = text.index(words)
        found.append(TimeExpression(at, at + len(words), words, "DATE", when, when))
    return Sentence(0, 0, len(text), text, 0, times=tuple(found), quantities=(q,)), q


@pytest.mark.parametrize(
    ("text", "figure", "times", "when"),
    [
        ("The 1998 fever outbreak in the bay killed 40 people.", "40 people", [("1998", "1998")], "2031-05-20"),
        ("The last great fever, in 1998, killed 40 people.", "40 people", [("1998", "1998")], "2031-05-20"),
        ("The old harbour fire killed 12 people.", "12 people", [], "2012"),  # dated by its own words to 2012
    ],
)
def test_a_figure_of_an_incident_years_before_the_story_is_no_point(
    text: str, figure: str, times: list[tuple[str, str]], when: str
) -> None:
    s, q = sentence(text, figure, *times)
    assert fp.about_past_incident(s, q, when, FIRST, 365)


@pytest.mark.parametrize(
    ("text", "figure", "times"),
    [
        ("Since 1998 the fever has killed 400 people in the bay.", "400 people", [("1998", "1998")]),  # a running total
        ("Last June the fever killed 9 people in the bay.", "9 people", [("Last June", "2030-06")]),  # its own months
        ("The fever has killed 12 people; the 1998 outbreak killed 40 in one week.", "12 people", []),  # another clause
    ],
)
def test_a_running_total_or_the_storys_own_months_stay_points(
    text: str, figure: str, times: list[tuple[str, str]]
) -> None:
    s, q = sentence(text, figure, *times)
    assert not fp.about_past_incident(s, q, "2031-05-20", FIRST, 365)
    assert not fp.about_past_incident(s, q, "2031-05-20", None, 365)  # no dated report: no story window


@pytest.mark.parametrize(
    ("text", "figure", "words", "value", "long_run"),
    [
        ("A union has counted the deaths of 861 reporters over the past two decades.", "861", "the past two decades",
         "P2DE", True),
        ("Floods killed 300 people in the last 15 years.", "300", "the last 15 years", "P15Y", True),
        ("Floods killed 30 people in the past few years.", "30", "the past few years", "PXY", True),
        ("Floods killed 30 people in the past week.", "30", "the past week", "P1W", False),  # the story's own days
        ("The clinic treated 30 people for two years.", "30", "two years", "P2Y", False),  # no look back
        ("Over the past decade the dam held; the flood killed 30 people.", "30", "the past decade", "P1DE", False),
    ],
)  # fmt: skip
def test_a_count_over_a_long_span_looking_back_from_the_report_is_no_point(
    text: str, figure: str, words: str, value: str, long_run: bool
) -> None:
    s, q = sentence(text, figure)
    at = text.index(words)
    span = TimeExpression(at, at + len(words), words, "DURATION", value, None)
    s = replace(s, times=(span,))
    assert fp.over_long_look_back(s, q, 365) is long_run


def test_the_storys_series_leaves_out_a_past_incidents_toll(make_doc) -> None:

    text = "The fever has killed 12 people in the bay. The 1998 fever outbreak killed 40 people."
    doc = make_doc(text, "2031-05-20", "Harbor Daily")
    now, then = doc.sentences
    dated = []
    for s, figure, year in ((now, "12 people", None), (then, "40 people", "1998")):
        local, q = sentence(s.text, figure, *([(year, year)] if year else []))
        shift = s.start
        q = replace(q, start=q.start + shift, end=q.end + shift)
        times = tuple(replace(t, start=t.start + shift, end=t.end + shift) for t in local.times)
        dated.append(replace(s, quantities=(q,), times=times, event_date=year or "2031-05-20"))
    doc = replace(doc, sentences=tuple(dated))
    (series,) = fg.find_figures(Story(id="s", title="t", documents=(doc,)))
    assert [p.value for p in series.points] == [12]
    (both,) = fg.find_figures(Story(id="s", title="t", documents=(doc,)), past_days=100 * 365)
    assert [p.value for p in both.points] == [40, 12]  # with a century of margin, 1998 is the story's own


def test_a_bare_year_the_time_tagger_left_names_a_past_incident_but_a_count_is_no_year() -> None:
    s, q = sentence("In a 1998 harbour fever outbreak 40 people died.", "40 people")
    assert fp.about_past_incident(s, q, "2031-05-20", FIRST, 365)
    count, people = sentence("The fever has killed 1998 people in the bay.", "1998 people")
    assert not fp.about_past_incident(count, people, "2031-05-20", FIRST, 365)  # the figure's own digits


@pytest.mark.parametrize(
    ("text", "figure", "time", "started"),
    [
        ("Some 4,000 barrels a day have leaked since the rig burned on 3 March.", "4,000 barrels", "3 March", True),
        ("The firm has spent 900 dollars so far since the pier collapsed in March.", "900 dollars", "March", True),
        ("The rig burned on 3 March and since then 70,000 barrels have leaked.", "70,000 barrels", "3 March", True),
        ("Oil has leaked since the platform burned on 3 March, killing 14 workers.", "14 workers", "3 March", False),
        ("The platform burned on 3 March, and 14 workers died.", "14 workers", "3 March", False),
    ],
)
def test_a_total_dated_by_the_start_of_its_run_is_told_as_of_its_report(
    text: str, figure: str, time: str, started: bool
) -> None:

    s, q = sentence(text, figure, (time, "2031-03"))
    s = replace(s, event_date="2031-03")
    assert fp.dated_by_start(s, q) is started


@pytest.mark.parametrize(
    ("text", "figure", "final"),
    [
        (
            "The rig burned on 3 March, killing 14 workers, and ultimately leaking 90,000 barrels.",
            "90,000 barrels",
            True,
        ),
        ("The rig burned on 3 March, killing 14 workers, and ultimately leaking 90,000 barrels.", "14 workers", False),
        ("Some 90,000 barrels leaked into the bay over the course of 61 days.", "90,000 barrels", True),
        ("In all, 90,000 barrels leaked into the bay.", "90,000 barrels", True),
        ("Crews had collected 7,000 barrels in total.", "7,000 barrels", True),
        ("Spills were found in all 12 harbours, with 7,000 barrels on the beaches.", "7,000 barrels", False),
        ("Crews collected 7,000 barrels on 3 March.", "7,000 barrels", False),
    ],
)
def test_a_final_total_is_told_as_of_its_report(text: str, figure: str, final: bool) -> None:
    s, q = sentence(text, figure)
    assert fp.is_final_total(s, q) is final


@pytest.mark.parametrize(
    ("text", "time", "onset"),
    [
        ("The rig exploded off the coast of the southern bay in March, leaking 90,000 barrels.", "in March", True),
        (
            "Some 20,000 barrels have leaked from the well damaged in an explosion three weeks ago.",
            "three weeks ago",
            True,
        ),
        ("Crews collected 7,000 barrels of oil on 3 March.", "3 March", False),
    ],
)
def test_a_time_that_starts_a_run_is_an_onset(text: str, time: str, onset: bool) -> None:

    s, _ = sentence(text, re.search(r"[\d,]+ barrels", text).group(), (time, "2031-03"))  # type: ignore[union-attr]
    assert fp.dated_by_onset(replace(s, event_date="2031-03")) is onset
    assert not fp.dated_by_onset(replace(s, event_date="2031-05-20"))  # the time does not date the sentence


def test_a_leaks_final_total_is_dated_by_its_report_and_its_onsets_dead_keep_the_day(make_doc) -> None:

    text = "The rig burned on 3 March, killing 14 workers, and ultimately leaking 90,000 barrels of oil."
    doc = make_doc(text, "2031-05-20", "Harbor Daily")
    (s,) = doc.sentences
    at, words = text.index("90,000 barrels"), "90,000 barrels"
    oil = Quantity(at, at + len(words), words, 90000, 90000, 90000, "barrel", "barrels", None, None)
    _, dead = sentence(text, "14 workers")
    dead = replace(dead, noun="workers")
    day = TimeExpression(
        text.index("3 March"), text.index("3 March") + 7, "3 March", "DATE", "2031-03-03", "2031-03-03"
    )
    s = replace(s, quantities=(dead, oil), times=(day,), event_date="2031-03-03")
    found = {m: p.date for m, _, p in fg.points_of(replace(doc, sentences=(s,)))}
    assert found == {"killed": "2031-03-03", "spilled": "2031-05-20"}


@pytest.mark.parametrize(
    ("before", "text", "figure", "background"),
    [
        ("An outbreak of marsh fever in 1976 sickened 200 people.", "Only one died, but a serum killed 30.", "30",
         False),
        ("A marsh fever outbreak in 1976 sickened 200.", "Only one of them died, but a serum killed 30.", "30", True),
        ("The first great fever reached the bay in 1889.", "It spread along the coast until 1891, killing 9,000.",
         "9,000", True),
        ("In the 1957 outbreak, a duck strain joined a human one.", "The pandemic killed 90,000 people.",
         "90,000 people", True),
        ("The bay sees about two million fever cases each year.", "These cause 4,000 deaths.", "4,000", True),
        # the story's own: no past year, no yearly rate before it, or no word pointing back
        ("The fever reached the bay in May.", "It has killed 12 people.", "12 people", False),
        ("An outbreak of marsh fever in 1976 sickened 200 people.", "The new fever has killed 12 people.",
         "12 people", False),
    ],
)  # fmt: skip
def test_a_sentence_pointing_back_to_a_past_outbreak_or_a_yearly_rate_is_background(
    before: str, text: str, figure: str, background: bool
) -> None:
    assert _continues(before, text, figure) is background


def _continues(before: str, text: str, figure: str, dated_by_report: bool = False) -> bool:
    """``continues_background`` on a sentence after ``before``, dated by its report or by its own words."""
    s, _ = sentence(text, figure)
    previous = Sentence(0, 0, len(before), before, 0)
    return fp.continues_background(replace(s, event_date_fallback=dated_by_report), previous, FIRST, 365)


@pytest.mark.parametrize(
    ("before", "text", "figure", "background"),
    [
        ("The 1919 marsh fever is the worst case the planners use.", "About 2 million people died in 14 months.",
         "2 million people", True),
        ("There were two great fevers, in 1919 and 1957.", "Some 30,000 people died in the first, 9,000 in the second.",
         "30,000 people", True),
        # the story's own toll, still counting, or a sentence before that names no past year
        ("The 1919 marsh fever is the worst case the planners use.", "So far 40 people have died.", "40 people",
         False),
        ("The fever reached the bay in May.", "About 40 people died in two weeks.", "40 people", False),
    ],
)  # fmt: skip
def test_a_sentence_of_no_time_in_the_simple_past_after_a_past_year_is_background(
    before: str, text: str, figure: str, background: bool
) -> None:
    assert _continues(before, text, figure, dated_by_report=True) is background
    assert _continues(before, text, figure) is False  # a time of its own dates it
