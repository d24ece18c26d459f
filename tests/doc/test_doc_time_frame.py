"""Event dates from how a report tells its story: intervals, backstory and the lede (our own sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storyline.doc.time import tag_document
from storyline.records import Document

MakeDoc = Callable[..., Document]


def dates(doc: Document) -> list[tuple[str | None, bool]]:
    return [(s.event_date, s.event_date_fallback) for s in tag_document(doc).sentences]


def test_an_interval_after_a_dated_event_moves_the_event_by_it(make_doc: MakeDoc) -> None:
    doc = make_doc("The toll was given a day after the dam burst on Saturday.", published="2022-09-12")
    assert dates(doc) == [("2022-09-11", False)]
    earlier = make_doc("The warning came two days before the dam burst on Saturday.", published="2022-09-12")
    assert dates(earlier) == [("2022-09-08", False)]


def test_an_interval_after_the_dated_event_leaves_its_date_alone(make_doc: MakeDoc) -> None:
    doc = make_doc("The mayor toured the valley on Wednesday, four days after the dam burst.", published="2022-09-14")
    assert dates(doc) == [("2022-09-14", False)]


def test_a_time_in_a_past_perfect_clause_is_backstory_and_the_lede_frames_the_sentence(make_doc: MakeDoc) -> None:
    text = (
        "The mayor said late Monday that 40 homes were flooded.\n\n"
        "The count was double the one she had given on Sunday, and rain kept falling."
    )
    doc = tag_document(make_doc(text, published="2022-09-13"))
    second = doc.sentences[1]
    assert (second.event_date, second.event_date_fallback, second.event_date_anchor) == ("2022-09-12", False, 0)


def test_a_past_perfect_that_leads_the_sentence_keeps_its_date(make_doc: MakeDoc) -> None:
    doc = make_doc("Officials had said on Saturday that the road was open.", published="2022-09-13")
    assert dates(doc) == [("2022-09-10", False)]


def test_a_contrast_after_backstory_returns_to_the_lede(make_doc: MakeDoc) -> None:
    text = (
        "The strike that the union called earlier this month has closed every mill.\n\n"
        "Union leaders had talked last month about a walkout at the port, and the port hired extra staff "
        "in August. The walkout came instead at the mills."
    )
    doc = tag_document(make_doc(text, published="2022-09-20"))
    last = doc.sentences[-1]
    assert (last.event_date, last.event_date_fallback, last.event_date_anchor) == ("2022-09", False, 0)


def test_backstory_that_goes_on_without_a_contrast_takes_the_backstory_month(make_doc: MakeDoc) -> None:
    text = (
        "The mayor opened the rebuilt bridge on Wednesday.\n\n"
        "The old bridge was swept away in early April. Much of the town was flooded."
    )
    doc = tag_document(make_doc(text, published="2022-09-14"))
    last = doc.sentences[-1]
    assert (last.event_date, last.event_date_fallback, last.event_date_anchor) == ("2022-04", False, 1)


def parsed_dates(make_doc: MakeDoc, text: str, published: str) -> list[tuple[str | None, bool]]:
    from storyline.config import Config
    from storyline.doc import nlp

    return dates(nlp.build(Config())(make_doc(text, published=published)))


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The mayor voiced hope that the ferry service resumes next month.",
        "The council backed a plan that reopens the harbour next year.",
        "The flood spurred calls for new dams, with the council deciding to build two of them by 2030.",
        "Brokers warned that the deal was risky, with one of them fearing it could collapse next month.",
    ],
)
def test_a_later_time_in_a_clause_on_a_noun_does_not_date_a_past_event(make_doc: MakeDoc, text: str) -> None:
    assert parsed_dates(make_doc, text, "2022-09-13") == [("2022-09-13", True)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The council backed a plan that the mayor drew up on Monday.", "2022-09-12"),  # an earlier time
        ("The council will back a plan that reopens the harbour next year.", "2023"),  # not a past event
        ("The ferry service resumes next month.", "2022-10"),  # not in a clause on a noun
        ("The flood spurred calls for new dams, with the council meeting on Monday.", "2022-09-12"),  # earlier
    ],
)
def test_a_time_in_a_clause_on_a_noun_dates_the_event_otherwise(make_doc: MakeDoc, text: str, day: str) -> None:
    assert parsed_dates(make_doc, text, "2022-09-13") == [(day, False)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A new survey shows that most of the wells dug in March are dry.",
        "The ferry line has lost money since the old pier closed on Monday.",
        "The town has been cut off by a landslide that struck on Tuesday.",
        "Rescuers are still searching the hills after the storm struck the valley on Tuesday.",
        "The port is still shut, although the new crane will not be ready until August.",
        "Many of these rules are no different from the ones adopted in 1998.",
        "The mill is run by the daughter after her father retired last month.",
    ],
)
def test_a_time_in_the_background_of_a_present_sentence_does_not_date_it(make_doc: MakeDoc, text: str) -> None:
    assert parsed_dates(make_doc, text, "2023-06-10") == [("2023-06-10", True)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("There are three more ferries scheduled for Saturday.", "2023-06-10"),  # the clause tells the event
        ("A report released on Wednesday says most of the wells are dry.", "2023-06-07"),  # when it was told
        ("The mayor faces hard questions when she meets the council tomorrow.", "2023-06-11"),  # the same time
        ("The council backed a plan that the mayor drew up on Monday.", "2023-06-05"),  # a past sentence
        ("The strike that the dockers began on Monday has closed the port.", "2023-06-05"),  # on its subject
        ("The flooded area is below the 90 hectares that the council gave on Monday.", "2023-06-05"),  # a figure
        ("The harbour is closed to all ships, a coast guard officer confirmed Friday.", "2023-06-09"),
    ],
)
def test_a_time_in_a_clause_of_a_present_sentence_dates_it_otherwise(make_doc: MakeDoc, text: str, day: str) -> None:
    assert parsed_dates(make_doc, text, "2023-06-10") == [(day, False)]


@pytest.mark.model
def test_an_earlier_time_in_the_background_of_a_future_sentence_does_not_date_it(make_doc: MakeDoc) -> None:
    text = "The new rules will end the licences granted to the mines in 1998."
    assert parsed_dates(make_doc, text, "2023-06-10") == [("2023-06-10", True)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Investigators are still studying the May 3 blast at the mill.",
        "The firm was blamed for the May 3 blast at the mill.",
        "Police arrested two men over Tuesday's attack on the depot.",
        "Lawmakers are meeting ahead of Tuesday's vote.",
        "The firm paid a fine for its 2006 pipeline spill.",
        "Aid has poured into the valley since the Jan. 12 quake.",
        "Veterans of the 2004 boxing day tsunami are helping the rescuers.",
        "The new virus is as mild as the ones behind the 1957 and 1968 pandemics.",
    ],
)
def test_a_date_that_names_a_noun_does_not_date_another_event(make_doc: MakeDoc, text: str) -> None:
    assert parsed_dates(make_doc, text, "2023-06-10") == [("2023-06-10", True)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The May 3 blast killed four workers.", "2023-05-03"),  # the noun is the past verb's subject
        ("Tuesday's storm was the worst in a decade.", "2023-06-06"),
        ("In a May 3 statement, the company said the plant was safe.", "2023-05-03"),  # within the noun's event
        ("During the May 3 storm, the roof of the mill collapsed.", "2023-05-03"),
        ("Four days before the May 3 blast, an engineer sent a warning.", "2023-04-29"),  # counted from it
        ("April 30 - The mayor says the mill will reopen.", "2023-04-30"),  # a chronology's heading
        ("The mayor visited the site of the blast Wednesday.", "2023-06-07"),  # after its noun
        ("A plane crashed Wednesday southwest of the port.", "2023-06-07"),  # no noun phrase around it
        ("After Tuesday's storm, the crew fixed the roof of the mill on Friday.", "2023-06-09"),  # another time
    ],
)
def test_a_date_that_names_a_noun_dates_its_subject_or_frame(make_doc: MakeDoc, text: str, day: str) -> None:
    assert parsed_dates(make_doc, text, "2023-06-10") == [(day, False)]


@pytest.mark.parametrize(
    ("second", "day"),
    [
        ("Two days earlier, the envoy met the rebels in the port.", "2022-09-12"),
        ("A week later, the envoy flew to the capital.", "2022-09-21"),
        ("The envoy met the rebels in the port.", "2022-09-14"),  # no interval: the day before it
    ],
)
def test_an_interval_that_opens_a_sentence_counts_from_the_day_before_it(
    make_doc: MakeDoc, second: str, day: str
) -> None:
    text = "The envoy met the minister in the capital on Wednesday. " + second
    doc = tag_document(make_doc(text, published="2022-09-16"))
    assert (doc.sentences[1].event_date, doc.sentences[1].event_date_fallback) == (day, False)
