"""Tests for the handlers' context: the sentence's tense is read only when an answer depends on it."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.time import tag
from storyline.time.context import Context
from storyline.time.resolve import Tense


def _context(text: str, dct: date = date(2024, 3, 6)) -> Context:  # a Wednesday
    return Context(text, dct, "past", 60, (), 0)


def test_answer_the_same_in_every_tense_leaves_the_cues_unread() -> None:
    ctx = _context("The council will meet on Monday.")
    assert ctx.by_tense(25, 31, lambda tense: "2024-03-04") == "2024-03-04"
    assert ctx._cues is None


def test_answer_that_depends_on_the_tense_takes_the_tense_at_the_span() -> None:
    text = "Officials said the council will meet on Monday."
    ctx = _context(text)
    assert ctx.by_tense(text.index("Monday"), len(text) - 1, lambda tense: tense) == "future"
    assert ctx.by_tense(0, 9, lambda tense: tense) == "past"  # "said" is nearest


def test_answer_once_the_cues_are_read_is_the_tense_at_the_span() -> None:
    text = "The council will meet on Monday."
    ctx = _context(text)
    ctx.tense(0, 3)
    seen: list[Tense] = []

    def resolve(tense: Tense) -> str:
        seen.append(tense)
        return "same"

    assert ctx.by_tense(25, 31, resolve) == "same"
    assert seen == ["future"]  # no answer is tried for the other tenses


# Sentences whose times resolve by tense, and some whose answer is the same in every tense.
_SENTENCES = [
    "The council met on Monday and will vote on Friday.",
    "Sales rose in June, and the board expects a rebound in January.",
    "The payment is due March 3, officials said on Wednesday.",
    "Shares fell in the third quarter, and the firm plans to report fourth-quarter results in the quarter.",
    "Last June the river flooded; this coming Sunday the dam opens.",
    "The vote was held in the spring, and the count ends this summer, since March.",
    "Crews will work through March on the bridge, which closed at noon March 1.",
]


@pytest.mark.parametrize("text", _SENTENCES)
@pytest.mark.parametrize("dct", [date(2024, 3, 6), date(2024, 6, 30), date(2023, 12, 31), date(2024, 3, 4)])
def test_tagger_answers_as_when_every_time_reads_the_tense(
    text: str, dct: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    lazy = tag(text, dct)
    monkeypatch.setattr(Context, "by_tense", lambda ctx, start, end, resolve: resolve(ctx.tense(start, end)))
    assert lazy == tag(text, dct)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Since stepping down in October she would not comment on the race.", "October", "2023-10"),
        ("The tally is 40 permits since the June 12 flood, which is more than expected.", "June 12", "2023-06-12"),
        ("Since Friday the ferry will sail from the north quay.", "Friday", "2024-03-01"),
        ("Four crew remain missing since the collision about 11 p.m. Monday night.", "about 11 p.m. Monday night",
         "2024-03-04T23:00"),
    ],
)  # fmt: skip
def test_a_time_after_since_is_never_after_the_report_whatever_the_clauses_tense(
    text: str, span: str, value: str
) -> None:
    assert [(t.text, t.value) for t in tag(text, date(2024, 3, 6))] == [(span, value)]


def test_a_causal_since_before_a_clause_leaves_its_time_to_the_clause() -> None:
    text = "The pier stays shut, since the crane will arrive on Friday."
    assert [(t.text, t.value) for t in tag(text, date(2024, 3, 6))] == [("Friday", "2024-03-08")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The mayor toured the wards ahead of Tuesday's vote.", "Tuesday", "2024-03-12"),
        ("Turnout was seen as weak ahead of the June 4 runoff.", "June 4", "2024-06-04"),
        ("Stalls were cleared in advance of Saturday's parade.", "Saturday", "2024-03-09"),
    ],
)
def test_a_time_after_ahead_of_is_coming_even_in_a_past_sentence(text: str, span: str, value: str) -> None:
    assert [(t.text, t.value) for t in tag(text, date(2024, 3, 6))] == [(span, value)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The ribbon cutting was delayed until Friday.", "Friday", "2024-03-08"),
        ("The clerk said the board had voted to delay the count until Monday.", "Monday", "2024-03-11"),
        ("The ferry trial was postponed, probably until Tuesday, after a pump failed.", "Tuesday", "2024-03-12"),
        ("The opening of the wing was pushed back to May.", "May", "2024-05"),
        ("The county agreed to extend the curfew until Sunday.", "Sunday", "2024-03-10"),
        ("The clinic asked that its annex remain closed until Monday.", "Monday", "2024-03-11"),
        ("The pool was due to stay shut through Saturday.", "Saturday", "2024-03-09"),
        ("The schools have been closed until at least Monday after two cases.", "Monday", "2024-03-11"),
        ("A report said that growers have until Friday to claim their grants.", "Friday", "2024-03-08"),
    ],
)
def test_a_time_a_delay_runs_to_is_coming_even_in_a_past_sentence(text: str, span: str, value: str) -> None:
    assert [(t.text, t.value) for t in tag(text, date(2024, 3, 6))] == [(span, value)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The ferry operator delayed its report in February.", "February", "2024-02"),
        ("The annex remained closed until Monday, when crews finished.", "Monday", "2024-03-04"),
        ("The rebels had until Monday to surrender, and they did.", "Monday", "2024-03-04"),
    ],
)
def test_a_time_after_a_delay_without_until_or_after_remained_keeps_the_sentences_tense(
    text: str, span: str, value: str
) -> None:
    assert [(t.text, t.value) for t in tag(text, date(2024, 3, 6))] == [(span, value)]


def _value_of(text: str, span: str) -> str | None:
    """The value the tagger gives ``span`` in ``text`` in a Wednesday report (2024-03-06)."""
    return {t.text: t.value for t in tag(text, date(2024, 3, 6))}.get(span)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a time that opens what a verb of saying reports takes that clause's verb
        ("The clerk said that on Friday the board will vote on the levy.", "Friday", "2024-03-08"),
        ("Organisers told reporters that by Saturday the hall would be ready.", "Saturday", "2024-03-09"),
        ("Growers warned that in May the harvest would fail.", "May", "2024-05"),
        ("Growers said that in May the harvest failed.", "May", "2023-05"),
        # a bare or possessive day after "said", or a time before "that", keeps the nearest cue
        ("The clerk said Friday the board will vote on the levy.", "Friday", "2024-03-01"),
        ("The clerk said on Friday that Monday's count was too slow.", "Monday", "2024-03-04"),
        ("The coach said Monday's ruling will change how the league is run.", "Monday", "2024-03-04"),
        # a relative clause set off by commas tells the tense of its own times only
        ("Engineers expect the pier, which closed on Monday, to reopen on Friday.", "Friday", "2024-03-08"),
        ("The mayor, who will step down in May, said the budget was sound.", "May", "2024-05"),
        ("Crews plan to reopen the depot, which flooded in January, to traffic by April.", "April", "2024-04"),
        # ... except a clause on the time's own noun, and one the time may still be in (a place name's comma)
        ("The board is now reviewing the reports on the August 2 blast, which injured four.", "August 2", "2023-08-02"),
        (
            "The engineer, who told staff in Tarsa, Ohio, on Monday that the pier was safe, will retire.",
            "Monday",
            "2024-03-04",
        ),
    ],
)
def test_the_tense_of_a_time_is_read_in_its_own_clause(text: str, span: str, value: str) -> None:
    assert _value_of(text, span) == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a trailing attribution tells when it was said, not the time of the clause before it
        (
            "The minister will be opening two clinics in the north of the county on Tuesday, the ministry announced.",
            "Tuesday",
            "2024-03-12",
        ),
        (
            "Crews hope to finish laying the new deck on the second span of the bridge by Saturday, a spokesman said "
            "on Wednesday.",
            "Saturday",
            "2024-03-09",
        ),
        # ... unless the clause has no cue of its own before the time, or the day dates the noun before it
        ("The ferry off the harbour wall on Sunday, the coast guard said.", "Sunday", "2024-03-03"),
        (
            "The striker should get a real lift in confidence from the win Sunday, the coach said.",
            "Sunday",
            "2024-03-03",
        ),
        ("The ferry ran aground near the harbour on Sunday, the coast guard said.", "Sunday", "2024-03-03"),
    ],
)
def test_a_trailing_attribution_counts_only_when_the_clause_has_no_cue_before_the_time(
    text: str, span: str, value: str
) -> None:
    assert _value_of(text, span) == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # "come" before a time is a preposition: the time is coming, whatever the verb's tense
        ("She was the favourite to win the seat come November.", "November", "2024-11"),
        ("Backers she needed come September stayed home.", "September", "2024-09"),
        ("Come Monday, the ferry crews walked out.", "Monday", "2024-03-11"),
        # ... not the verb after its subject or an auxiliary
        ("The rain would come Wednesday, forecasters said.", "Wednesday", "2024-03-06"),
        ("Many did not come Thursday.", "Thursday", "2024-02-29"),
    ],
)
def test_a_time_after_come_as_a_preposition_is_coming(text: str, span: str, value: str) -> None:
    assert _value_of(text, span) == value
