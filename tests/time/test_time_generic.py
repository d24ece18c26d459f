"""Time words that do not refer to a time are not tagged (``storyline.time.generic``); our own sentences."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.time import tag

THURSDAY = date(2022, 9, 8)


def texts(sentence: str) -> list[str]:
    return [t.text for t in tag(sentence, THURSDAY)]


@pytest.mark.parametrize(
    "sentence",
    [
        "A columnist for USA Today said the ferry would run.",
        "The mayor spoke on NBC's Today show about the flood.",
        "The minister, speaking on ABC's This Week program, defended the budget.",
        'The minister, speaking on "This Week," defended the budget.',
        "The mayor was interviewed on 60 Minutes about the flood.",
        "The ferry captain was named Person of the Year by the town.",
    ],
)
def test_a_time_word_in_a_title_is_not_a_time(sentence: str) -> None:
    assert texts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Today, the council meets in the old hall.", ["Today"]),
        ('The mayor said, "Today we open the bridge."', ["Today"]),
        ("Now officials are counting the ballots.", ["Now"]),
        ("Ferry Service Resumes Today After Storm", ["Today"]),
        ("The council meets today and the ferry runs again tomorrow.", ["today", "tomorrow"]),
    ],
)
def test_a_deictic_word_that_starts_a_sentence_or_a_headline_is_a_time(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


def test_a_named_day_is_not_the_weekday_of_the_report_week() -> None:
    assert texts("Traders still talk of Black Monday and of Super Tuesday.") == []


def test_a_weekday_after_a_place_name_is_still_a_date() -> None:
    assert [(t.text, t.value) for t in tag("Shares fell in Tokyo Monday.", THURSDAY)] == [("Monday", "2022-09-05")]


@pytest.mark.parametrize(
    "sentence",
    ["The current account deficit widened.", "Current assets rose while current liabilities fell."],
)
def test_current_in_an_accounting_term_is_not_the_present(sentence: str) -> None:
    assert texts(sentence) == []


def test_current_before_an_ordinary_noun_is_the_present() -> None:
    assert [(t.text, t.value) for t in tag("Its current owner bought the mill.", THURSDAY)] == [
        ("current", "PRESENT_REF")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The guard was freed soon after the raid.",
        "Soon afterwards the pier collapsed.",
        "The crew will sail as soon as the storm passes.",
        "Officials said it was too soon to judge the policy.",
    ],
)
def test_soon_that_relates_two_events_is_not_the_future(sentence: str) -> None:
    assert texts(sentence) == []


def test_soon_alone_is_the_future() -> None:
    assert [(t.text, t.value) for t in tag("The crew will soon sail.", THURSDAY)] == [("soon", "FUTURE_REF")]


@pytest.mark.parametrize(
    "sentence",
    ["Farming in today's world needs less labour.", "Today's society expects more of its ports."],
)
def test_today_of_an_era_is_not_the_report_day(sentence: str) -> None:
    assert texts(sentence) == []


def test_today_before_an_event_noun_is_the_report_day() -> None:
    assert [(t.text, t.value) for t in tag("Today's vote was close.", THURSDAY)] == [("Today", "2022-09-08")]


def test_an_age_of_one_year_is_not_the_report_year() -> None:
    assert "The year" not in texts("The year-old tram line closed.")


def test_a_duration_inside_a_hyphenated_name_is_not_a_time_expression() -> None:
    assert texts("Historians of the Seven-Year War met in Vienna on Monday.") == ["Monday"]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Shares of May Department Stores rose on Monday.", ["Monday"]),
        ("The store on March Avenue closed.", []),
        ("The plant in Fall River will close in December.", ["December"]),
        ("The couple moved to Winter Park after the flood.", []),
    ],
)
def test_a_month_or_season_in_the_name_of_a_firm_or_place_is_no_time(sentence: str, kept: list[str]) -> None:
    assert texts(sentence) == kept


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [("In May Congress passed the bill.", ["May"]), ("Prices rose in the fall.", ["the fall"])],
)
def test_a_month_before_a_capitalised_subject_and_a_season_in_lower_case_stay_times(
    sentence: str, kept: list[str]
) -> None:
    assert texts(sentence) == kept


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The ninety-year-old June Hollis still plays the postmistress.", []),
        ("The cast has Tom Reed as the vicar and April Lowe as his wife.", []),
        ("In June Congress passed the bill.", ["June"]),
        ("Last May Harris left the board.", ["Last May"]),
        ("The mill closed on 4 June Thomas said.", ["4 June"]),
        ("At a June Harbor Board meeting, she spoke.", ["June"]),
    ],
)
def test_a_month_that_is_a_first_name_before_a_surname_inside_a_sentence_is_no_time(
    sentence: str, kept: list[str]
) -> None:
    assert texts(sentence) == kept


@pytest.mark.parametrize(
    "sentence",
    [
        "The Hawks drew level 21-21 late in the game heading into the fourth quarter.",
        "Her 3-yard touchdown run in the second quarter gave the visitors the lead.",
        "Her field goal tied the score with little left to play in the third quarter.",
        "The rookie holds the club record for fourth-quarter comebacks.",
        "The home side lost to a fourth quarter touchdown.",
        "The visitors took the lead late in the third quarter.",
    ],
)
def test_a_quarter_of_a_game_is_not_a_time(sentence: str) -> None:
    assert texts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The toy maker sold fewer game consoles in the fourth quarter.", ["the fourth quarter"]),
        ("Ticket sales for the team's games rose in the third quarter.", ["the third quarter"]),
        ("The league expects to sign its new television deal in the second quarter.", ["the second quarter"]),
        ("The club posted its first overtime win in the fourth quarter of 2021.", ["the fourth quarter of 2021"]),
    ],
)
def test_a_quarter_of_the_year_stays_beside_game_words(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected
