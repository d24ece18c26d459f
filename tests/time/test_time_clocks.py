"""Clock times: TIMEX3 TIME values on the day written with them or the one day their sentence names (our own
sentences)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.time import tag

THURSDAY = date(2022, 9, 8)


def found(text: str, dct: date | None = THURSDAY) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.date) for t in tag(text, dct)]


def test_midnight_is_a_clock_time_not_a_night() -> None:
    assert found("The offer lapsed at midnight Friday.") == [
        ("midnight Friday", "TIME", "2022-09-02T24:00", "2022-09-02")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The shop was robbed at 10 p.m. Wednesday, police said.", ("10 p.m. Wednesday", "2022-09-07T22:00")),
        ("Talks broke down at noon Tuesday.", ("noon Tuesday", "2022-09-06T12:00")),
        ("The bids close at 5 p.m. EST Sept. 12.", ("5 p.m. EST Sept. 12", "2022-09-12T17:00")),
        ("The bids close at 5 p.m. EST, Sept. 12.", ("5 p.m. EST, Sept. 12", "2022-09-12T17:00")),
        ("The train left at 6:40 a.m. yesterday.", ("6:40 a.m. yesterday", "2022-09-07T06:40")),
    ],
)
def test_a_clock_time_with_its_day_is_one_time(text: str, expected: tuple[str, str]) -> None:
    span, value = expected
    assert found(text) == [(span, "TIME", value, value[:10])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trading was halted at 1535 GMT.", ("1535 GMT", "2022-09-08T15:35", None)),
        (
            "The first tremor came at 0342 local time on Tuesday.",
            ("0342 local time on Tuesday", "2022-09-06T03:42", "2022-09-06"),
        ),
        ("The curfew starts at 2100 hours.", ("2100 hours", "2022-09-08T21:00", None)),
        ("The gates shut at 0600 UTC Friday.", ("0600 UTC Friday", "2022-09-02T06:00", "2022-09-02")),
    ],
)
def test_four_digits_with_a_zone_or_hours_are_a_wire_clock_time(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    span, value, day = expected
    assert found(text) == [(span, "TIME", value, day)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The co-pilot had logged 2000 hours in the air.", [("2000 hours", "DURATION", "PT2000H", None)]),
        ("The repairs took 1200 hours of labour.", [("1200 hours", "DURATION", "PT1200H", None)]),
        ("Rebels have held the town since 1995 and 2400 GMT means nothing there.", [("1995", "DATE", "1995", "1995")]),
    ],
)
def test_four_digits_without_a_clock_place_or_a_valid_hour_are_no_clock_time(
    text: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert found(text) == expected


def test_a_clock_time_takes_the_one_day_its_sentence_names() -> None:
    assert found("On Tuesday the crowd gathered around 7:15 p.m. outside the hall.") == [
        ("Tuesday", "DATE", "2022-09-06", "2022-09-06"),
        ("around 7:15 p.m.", "TIME", "2022-09-06T19:15", "2022-09-06"),
    ]


def test_a_clock_time_without_a_day_is_read_on_the_report_day_in_its_value_only() -> None:
    assert found("The curfew starts at 8 pm.") == [("8 pm", "TIME", "2022-09-08T20:00", None)]
    assert found("The curfew starts at 8 pm.", None)[0][2] == "XXXX-XX-XXT20:00"


# Thursday 2022-09-08: Tuesday's is the 6th, Wednesday's the 7th.
@pytest.mark.parametrize(
    "text",
    [
        "The recount of Tuesday's ballots will begin at noon.",
        "Judges will hear appeals against Wednesday’s results at 10 a.m.",
    ],
)
def test_a_clock_time_told_in_the_future_does_not_take_a_past_day_named_in_a_possessive(text: str) -> None:
    assert found(text)[-1][2].startswith("2022-09-08T")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tuesday's recount of the ballots began at noon.", "2022-09-06T12:00"),  # told in the past
        ("The recount will begin on Tuesday at noon.", "2022-09-13T12:00"),  # no possessive
        ("The recount of Saturday's ballots will begin at noon.", "2022-09-10T12:00"),  # a coming day
    ],
)
def test_a_clock_time_keeps_a_possessive_day_told_in_the_past_or_coming_and_a_plain_day(text: str, value: str) -> None:
    assert found(text)[-1][2] == value


def test_a_clock_time_after_two_days_takes_the_day_named_last() -> None:
    text = "The polls opened on Monday and closed on Tuesday at 9 p.m."
    assert found(text)[-1] == ("9 p.m.", "TIME", "2022-09-06T21:00", "2022-09-06")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The hearing resumes at nine o'clock this morning.", ("nine o'clock this morning", "2022-09-08T09:00")),
        ("The envoys meet at seven o'clock tonight.", ("seven o'clock tonight", "2022-09-08T19:00")),
        ("The ferry sails at ten thirty a.m. tomorrow.", ("ten thirty a.m. tomorrow", "2022-09-09T10:30")),
        ("Polls will close at eight p.m. Eastern time Friday.", ("eight p.m. Eastern time Friday", "2022-09-09T20:00")),
        ("The dam was opened at 6 a.m. Tuesday morning.", ("6 a.m. Tuesday morning", "2022-09-06T06:00")),
        ("The count began at 9 a.m. this morning.", ("9 a.m. this morning", "2022-09-08T09:00")),
    ],
)
def test_a_clock_time_said_in_words_is_a_time_as_in_a_broadcast_transcript(
    text: str, expected: tuple[str, str]
) -> None:
    """TIMEX3 values a spoken clock time ("nine o'clock", "eight p.m.") as it does "9:00 a.m."; a day
    written after it (a part of the day included) is part of the one TIME."""
    span, value = expected
    assert found(text) == [(span, "TIME", value, value[:10])]


def test_a_spoken_clock_time_without_a_day_is_read_on_the_report_day() -> None:
    assert found("The siren sounds at twelve o'clock.") == [("twelve o'clock", "TIME", "2022-09-08T12:00", None)]


def test_a_bare_number_word_is_no_clock_time() -> None:
    assert found("Two of the nine crew left at one and the rest at two.") == []


@given(st.integers(min_value=1, max_value=12), st.sampled_from(["", " thirty", "-fifteen", " forty-five"]))
def test_a_spoken_hour_reads_as_the_same_time_as_its_digits(hour: int, minutes: str) -> None:
    words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"][
        hour - 1
    ]
    minute = {"": 0, " thirty": 30, "-fifteen": 15, " forty-five": 45}[minutes]
    spoken = found(f"The vote opens at {words}{minutes} p.m. Tuesday.")
    written = found(f"The vote opens at {hour}:{minute:02d} p.m. Tuesday.")
    assert [(v, d) for _, _, v, d in spoken] == [(v, d) for _, _, v, d in written]


@pytest.mark.parametrize(
    "text",
    [
        "The home side scored with 5:33 to play.",
        "The visitors punted with 2:34 remaining.",
        "She hit the winner with 0:41 left.",
    ],
)
def test_minutes_and_seconds_left_on_a_game_clock_are_no_clock_time(text: str) -> None:
    assert found(text) == []


def test_a_clock_time_before_left_as_a_verb_stays_a_time() -> None:
    assert [t[0] for t in found("The ferry left at 7:40 and docked at 9:15.")] == ["7:40", "9:15"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The council meets at 7.30pm in the hall.", "7.30pm", "2022-09-08T19:30"),
        ("Polls close at 10.15 am.", "10.15 am", "2022-09-08T10:15"),
    ],
)
def test_a_clock_time_written_with_a_stop_before_am_or_pm_is_a_time(text: str, span: str, value: str) -> None:
    assert [(t[0], t[2]) for t in found(text)] == [(span, value)]


def test_a_decimal_number_without_am_or_pm_is_no_clock_time() -> None:
    assert found("Shares rose 7.30 percent to 10.45.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("At 21:05 6th Sep 2022, a listener wrote: the show last night was a joy.", "2022-09-06T21:05"),
        ("At 9:40 pm on 6 September 2022 she wrote that the talk the day before was dull.", "2022-09-06T21:40"),
        ("The note posted at 08:12, 2 Sep 2022 said the concert on Monday was the best.", "2022-09-02T08:12"),
    ],
)
def test_a_clock_time_right_before_a_date_takes_it_when_the_sentence_names_other_days(text: str, value: str) -> None:
    assert found(text)[0][2:] == (value, value[:10])


def test_a_clock_time_not_right_before_a_date_still_takes_the_day_named_last() -> None:
    text = "On Monday at 21:05 a listener wrote that the show on 6 September 2022 ran late."
    assert found(text)[1][2] == "2022-09-05T21:05"


def test_a_clock_time_before_the_same_day_keeps_the_day_written_before_it() -> None:
    text = "It airs at 0100 GMT on Saturday, 10th September, and again at 0900 GMT the same day."
    assert [t[2] for t in found(text)][-2:] == ["2022-09-10T09:00", "2022-09-10"]


def test_a_clock_time_before_a_weekday_and_its_date_takes_the_date() -> None:
    found_here = found("The repeat airs at 11.50 am on Friday 9 September.")
    expected = [("11.50 am", "2022-09-09T11:50"), ("Friday 9 September", "2022-09-09")]
    assert [(t[0], t[2]) for t in found_here] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clock time converted into another zone right after the first is the same instant: more than twelve
        # hours apart, it is on the next day (or the day before)
        ("TARSA, 10:40 p.m. ET, 5:40 a.m. local: Shelling resumed.", ["2022-09-08T22:40", "2022-09-09T05:40"]),
        ("6:15 p.m. ET (1:15 a.m. in Tarsa): The curfew began.", ["2022-09-08T18:15", "2022-09-09T01:15"]),
        ("The launch, 7 a.m. GMT, 11 p.m. Pacific time, was delayed.", ["2022-09-08T07:00", "2022-09-07T23:00"]),
        # ... within twelve hours, the same day; and a second time with its own day keeps it
        ("TARSA, 11:45 a.m. ET, 6:45 p.m. local: Talks opened.", ["2022-09-08T11:45", "2022-09-08T18:45"]),
        ("(8:10 p.m. Monday ET, 2:10 a.m. Tuesday in Tarsa)", ["2022-09-05T20:10", "2022-09-06T02:10"]),
        # two times of a list, with no zone, are two times of one day
        ("Trains left at 11 p.m., 5 a.m. and noon.", ["2022-09-08T23:00", "2022-09-08T05:00", "2022-09-08T12:00"]),
    ],
)
def test_a_clock_time_converted_into_another_zone_crosses_midnight_with_it(text: str, expected: list[str]) -> None:
    assert [value for _, kind, value, _ in found(text) if kind == "TIME"] == expected
