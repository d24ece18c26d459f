"""The time stage: document offsets, event dates and the publication-date fallback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from storyline.config import Config
from storyline.corpus.event_clauses import is_subordinate
from storyline.doc.time import build, in_relative_clause, tag_document
from storyline.records import Attribution, Document

MakeDoc = Callable[..., Document]

TEXT = (
    "Heavy rain fell across the valley.\n\n"
    "The levee failed on Tuesday, the water board said. Crews will start repairs next Monday."
)


def test_stage_is_named_time_and_declares_its_needs() -> None:
    stage = build(Config())
    assert (stage.name, stage.requires, stage.provides) == ("time", ("nlp", "metadata"), ("time",))


def test_offsets_are_document_offsets(make_doc: MakeDoc) -> None:
    doc = build(Config())(make_doc(TEXT, published="2022-09-08"))
    times = [t for s in doc.sentences for t in s.times]
    assert [t.text for t in times] == ["Tuesday", "next Monday"]
    assert all(doc.text[t.start : t.end] == t.text for t in times)
    assert all(s.start <= t.start < t.end <= s.end for s in doc.sentences for t in s.times)


def test_event_date_comes_from_the_sentence(make_doc: MakeDoc) -> None:
    doc = tag_document(make_doc(TEXT, published="2022-09-08"))
    assert [(s.event_date, s.event_date_fallback) for s in doc.sentences] == [
        ("2022-09-08", True),
        ("2022-09-06", False),
        ("2022-09-12", False),
    ]


def test_sentence_without_a_date_falls_back_to_the_publication_date(make_doc: MakeDoc) -> None:
    doc = tag_document(make_doc("Crews worked for seven months.", published="2022-09-08"))
    assert (doc.sentences[0].event_date, doc.sentences[0].event_date_fallback) == ("2022-09-08", True)


def test_report_without_a_date_resolves_only_explicit_dates(make_doc: MakeDoc) -> None:
    doc = tag_document(make_doc("The levee failed on Tuesday. It was built on 4 May 1998."))
    first, second = doc.sentences
    assert (first.times[0].date, first.event_date, first.event_date_fallback) == (None, None, True)
    assert (second.event_date, second.event_date_fallback) == ("1998-05-04", False)


def test_date_of_the_telling_gives_way_to_the_date_of_the_event(make_doc: MakeDoc) -> None:
    doc = tag_document(make_doc("The board said on Thursday that the levee failed on Tuesday.", published="2022-09-09"))
    assert doc.sentences[0].event_date == "2022-09-06"


def test_date_of_the_telling_is_used_when_it_is_the_only_one(make_doc: MakeDoc) -> None:
    doc = tag_document(make_doc("The board said on Thursday that the levee failed.", published="2022-09-09"))
    assert doc.sentences[0].event_date == "2022-09-08"


def test_attribution_cue_spans_mark_the_date_of_the_telling(make_doc: MakeDoc) -> None:
    text = "The board insisted Thursday that the levee failed on Tuesday."
    doc = make_doc(text, published="2022-09-09")
    assert tag_document(doc).sentences[0].event_date == "2022-09-08"  # "insisted" is no known cue
    cue = (text.index("insisted"), text.index("insisted") + len("insisted"))
    attribution = Attribution(cue=cue, content=(28, len(text)), source=(0, 9), speaker="the board")
    sentence = replace(doc.sentences[0], attributions=(attribution,))
    tagged = tag_document(replace(doc, sentences=(sentence,)))
    assert tagged.sentences[0].event_date == "2022-09-06"


def test_default_tense_comes_from_the_config(make_doc: MakeDoc) -> None:
    config = Config.from_dict({"time": {"default_tense": "future"}})
    doc = build(config)(make_doc("Talks on Tuesday.", published="2022-09-08"))
    assert doc.sentences[0].event_date == "2022-09-13"


def test_since_the_start_of_a_month_does_not_date_the_event(make_doc) -> None:
    doc = make_doc(
        "Officials said on Sunday that troops had retaken 3,000 square kilometres since the start of September.",
        published="2022-09-13",
    )
    out = build(Config())(doc)
    assert out.sentences[0].event_date == "2022-09-11"


def test_the_dateline_date_does_not_date_the_lead_event(make_doc) -> None:
    doc = make_doc(
        "KHARKIV, Sept 11 (Meridian Wire) - Troops entered the town of Kupiansk on Saturday, officials said.",
        published="2022-09-11",
    )
    doc = replace(doc, dateline="KHARKIV, Sept 11 (Meridian Wire) -")
    out = build(Config())(doc)
    assert out.sentences[0].event_date == "2022-09-10"


@pytest.mark.parametrize(
    "stamp",
    [
        "PORT WREN | Mon Mar 3, 2025 9:12 am GMT PORT WREN (Harbour Wire) - ",
        "SAN JUAN, Puerto Rico | Mon Mar 3, 2025 10:05 pm EDT SAN JUAN, Puerto Rico (Harbour Wire) - ",
        "2025 03 3 22:54 JST PORT WREN (Harbour Wire) - ",
    ],
)
def test_a_wire_time_stamp_before_the_dateline_does_not_date_the_lead_event(make_doc, stamp: str) -> None:
    doc = tag_document(
        make_doc(stamp + "Fears of a long ferry strike grew as talks between crews and owners failed.", "2025-03-03")
    )
    assert (doc.sentences[0].event_date, doc.sentences[0].event_date_fallback) == ("2025-03-03", True)
    dated = tag_document(make_doc(stamp + "Ferry crews walked off the job at Port Wren on Sunday.", "2025-03-03"))
    assert dated.sentences[0].event_date == "2025-03-02"  # the lede's own day still dates it


def test_undated_past_sentence_takes_the_day_of_the_sentence_before_it_in_its_paragraph(make_doc) -> None:
    text = "Investigators found a burial site near the town on Thursday. The site held more than 400 graves."
    doc = tag_document(make_doc(text, published="2022-09-16"))
    second = doc.sentences[1]
    assert (second.event_date, second.event_date_fallback, second.event_date_anchor) == ("2022-09-15", False, 0)


def test_present_tense_sentence_does_not_inherit_a_date(make_doc) -> None:
    text = "Investigators found a burial site near the town on Thursday. Officials say more sites exist."
    doc = tag_document(make_doc(text, published="2022-09-16"))
    assert (doc.sentences[1].event_date, doc.sentences[1].event_date_fallback) == ("2022-09-16", True)


def test_a_day_carries_to_the_first_sentence_of_the_next_paragraph(make_doc) -> None:
    text = (
        "The army pulled out of the port on Saturday.\n\n"
        "Its officers abandoned their depots and left by boat, a local official said."
    )
    doc = tag_document(make_doc(text, published="2022-09-11"))
    second = doc.sentences[1]
    assert (second.event_date, second.event_date_fallback, second.event_date_anchor) == ("2022-09-10", False, 0)


def test_a_day_does_not_carry_past_the_first_sentence_of_the_next_paragraph(make_doc) -> None:
    text = (
        "The army pulled out of the port on Saturday.\n\nOfficials say the harbour is quiet. Its officers left by boat."
    )
    doc = tag_document(make_doc(text, published="2022-09-11"))
    assert [(s.event_date, s.event_date_fallback) for s in doc.sentences[1:]] == [
        ("2022-09-11", True),
        ("2022-09-11", True),
    ]


def test_backstory_in_the_past_perfect_does_not_take_the_day_before_it(make_doc) -> None:
    text = "The army pulled out of the port on Saturday. The port had been its main base for months."
    doc = tag_document(make_doc(text, published="2022-09-11"))
    assert (doc.sentences[1].event_date, doc.sentences[1].event_date_fallback) == ("2022-09-11", True)


def test_a_backstory_day_does_not_carry_into_the_next_paragraph(make_doc) -> None:
    text = (
        "Officials had said on Saturday that the port was retaken.\n\n"
        "Our reporters checked the location of a video from the port."
    )
    doc = tag_document(make_doc(text, published="2022-09-13"))
    assert (doc.sentences[1].event_date, doc.sentences[1].event_date_fallback) == ("2022-09-13", True)


def test_would_after_a_past_verb_still_narrates_the_past(make_doc) -> None:
    text = "The mayor toured the port on Wednesday. She said the ferries would return by spring."
    doc = tag_document(make_doc(text, published="2022-09-14"))
    assert (doc.sentences[1].event_date, doc.sentences[1].event_date_fallback) == ("2022-09-14", False)


def test_a_month_of_the_report_does_not_carry_over_to_the_next_sentence(make_doc) -> None:
    text = "The union called a strike earlier this month. The mills closed their gates."
    doc = tag_document(make_doc(text, published="2022-09-20"))
    assert (doc.sentences[1].event_date, doc.sentences[1].event_date_fallback) == ("2022-09-20", True)


def test_a_month_does_not_carry_over_a_word_of_contrast(make_doc) -> None:
    text = "Officials spoke of a push in the south in August. The thrust was launched near the city instead."
    doc = tag_document(make_doc(text, published="2022-09-20"))
    assert (doc.sentences[1].event_date, doc.sentences[1].event_date_fallback) == ("2022-09-20", True)


def test_inheriting_can_be_switched_off(make_doc) -> None:
    text = "Investigators found a burial site near the town on Thursday. The site held more than 400 graves."
    config = Config.from_dict({"time": {"inherit_in_paragraph": False}})
    doc = build(config)(make_doc(text, published="2022-09-16"))
    assert (doc.sentences[1].event_date, doc.sentences[1].event_date_fallback) == ("2022-09-16", True)


def test_a_time_of_a_known_day_dates_the_event(make_doc) -> None:
    texts = [
        "The levee failed on Tuesday evening.",
        "The pumps stopped at noon Wednesday",
        "The curfew starts at 8 pm",
    ]
    sentences = [tag_document(make_doc(text, published="2022-09-08")).sentences[0] for text in texts]
    assert [(s.times[0].type, s.event_date, s.event_date_fallback) for s in sentences] == [
        ("TIME", "2022-09-06", False),
        ("TIME", "2022-09-07", False),
        ("TIME", "2022-09-08", True),  # a clock time on no known day dates nothing
    ]


def test_a_week_inside_one_month_dates_the_event_to_that_month(make_doc: MakeDoc) -> None:
    doc = tag_document(make_doc("The strike began earlier this week.", published="2022-09-10"))
    assert (doc.sentences[0].event_date, doc.sentences[0].event_date_fallback) == ("2022-09", False)
    across = tag_document(make_doc("The strike began last week.", published="2022-09-08"))  # Aug 29 - Sept 4
    assert (across.sentences[0].event_date, across.sentences[0].event_date_fallback) == ("2022-09-08", True)


@pytest.mark.parametrize(
    "second",
    [
        "The Valley Courier could not independently confirm the figure.",
        "The port authority did not immediately comment on the closure.",
    ],
)
def test_what_the_reporters_could_not_do_keeps_the_publication_date(make_doc, second: str) -> None:
    doc = tag_document(make_doc(f"The army pulled out of the port on Saturday. {second}", published="2022-09-11"))
    assert (doc.sentences[1].event_date, doc.sentences[1].event_date_fallback) == ("2022-09-11", True)


def test_a_time_inside_a_who_or_which_clause_does_not_date_the_event(make_doc) -> None:
    doc = tag_document(
        make_doc("The port, which the army took in March, fell to the rebels on Saturday.", published="2022-09-11")
    )
    assert (doc.sentences[0].event_date, doc.sentences[0].event_date_fallback) == ("2022-09-10", False)


@pytest.mark.parametrize(
    "text",
    [
        "The council said on Saturday that the reservoir was 60 percent full, up from 45 percent on Thursday.",
        "Officials said on Saturday that 400 people were in shelters, compared with 900 on Thursday.",
    ],
)
def test_a_time_that_dates_the_earlier_value_of_a_change_does_not_date_the_event(make_doc, text: str) -> None:
    doc = tag_document(make_doc(text, published="2022-09-11"))
    assert (doc.sentences[0].event_date, doc.sentences[0].event_date_fallback) == ("2022-09-10", False)


def test_the_acronym_who_opens_no_relative_clause_and_its_time_dates_the_event(make_doc) -> None:
    doc = tag_document(
        make_doc("The WHO raised its outbreak alert on May 3 to the second-highest level.", published="2031-05-20")
    )
    assert (doc.sentences[0].event_date, doc.sentences[0].event_date_fallback) == ("2031-05-03", False)


def test_a_time_that_only_dates_a_who_clause_leaves_the_fallback(make_doc) -> None:
    doc = tag_document(
        make_doc("The mayor praised the pilot, who landed the plane in a field in August.", published="2022-09-11")
    )
    assert doc.sentences[0].event_date_fallback


def test_a_month_named_inside_a_paragraph_does_not_carry(make_doc) -> None:
    text = (
        "The mayor opened the bridge on Wednesday. The old one was swept away in April. Much of the town was flooded."
    )
    doc = tag_document(make_doc(text, published="2022-09-14"))
    assert (doc.sentences[2].event_date, doc.sentences[2].event_date_fallback) == ("2022-09-14", True)


def test_a_year_does_not_carry(make_doc) -> None:
    text = "The ferry line opened in 2015. Its first captain retired."
    doc = tag_document(make_doc(text, published="2022-09-14"))
    assert (doc.sentences[1].event_date, doc.sentences[1].event_date_fallback) == ("2022-09-14", True)


# A new paragraph's new speaker, and the lede speaker's statement (parsed: time_speaker reads the parse) ---------


def dated_parsed(make_doc: MakeDoc, text: str, published: str) -> list[tuple[str | None, bool]]:
    """(event date, fallback) of each sentence after the real nlp stage and the time stage."""
    from storyline.doc import nlp

    doc = tag_document(nlp.build(Config())(make_doc(text, published=published)))
    return [(s.event_date, s.event_date_fallback) for s in doc.sentences]


CRANE = (
    "The port authority said on Sunday that a crane had collapsed at the container terminal.\n\n"
    "The dockworkers' union sued the authority on Monday, saying the crane was unsafe.\n\n"
)


@pytest.mark.model
def test_a_new_paragraph_opened_by_a_new_speaker_does_not_take_the_day_before_it(make_doc: MakeDoc) -> None:
    text = (
        "The city council approved the new budget on Tuesday. The mayor said the vote was close.\n\n"
        "The transit agency said the new timetable would start in the spring."
    )
    assert dated_parsed(make_doc, text, "2025-03-07")[2] == ("2025-03-07", True)


@pytest.mark.model
def test_a_speaker_who_is_a_subject_of_the_paragraph_before_goes_on_with_its_day(make_doc: MakeDoc) -> None:
    text = "Crews reopened the mountain road on Monday.\n\nThe crews said rockfall had blocked it for a week."
    assert dated_parsed(make_doc, text, "2025-03-07")[1] == ("2025-03-03", False)


@pytest.mark.model
def test_an_undated_statement_by_the_ledes_speaker_takes_the_ledes_day(make_doc: MakeDoc) -> None:
    text = CRANE + "The authority said no one was hurt in the collapse."
    assert dated_parsed(make_doc, text, "2025-03-04")[2] == ("2025-03-02", False)


@pytest.mark.model
def test_a_denial_goes_on_with_the_claim_it_answers_and_it_said_with_the_ledes_speaker(make_doc: MakeDoc) -> None:
    text = CRANE + "The authority denied that the crane was unsafe. It said inspectors had passed the crane."
    assert dated_parsed(make_doc, text, "2025-03-04")[2:] == [("2025-03-03", False), ("2025-03-02", False)]


@pytest.mark.model
def test_a_new_paragraph_with_the_speaker_after_what_is_said_goes_on_with_the_day_before(make_doc: MakeDoc) -> None:
    text = (
        "Ferry crews rescued eleven people from the river on Friday.\n\n"
        "Two of them were taken to hospital, a coast guard officer said."
    )
    assert dated_parsed(make_doc, text, "2025-03-08")[1] == ("2025-03-07", False)


def test_overnight_in_a_new_paragraph_is_the_night_before_the_report(make_doc: MakeDoc) -> None:
    text = "Rebels seized the bridge on Saturday.\n\nShelling hit the town overnight, officials said."
    doc = tag_document(make_doc(text, published="2025-03-05"))
    (overnight,) = doc.sentences[1].times
    assert (overnight.value, doc.sentences[1].event_date) == ("2025-03-04TNI", "2025-03-05")


@pytest.mark.model
def test_a_new_paragraph_closed_by_its_speaker_does_not_take_another_speakers_day(make_doc: MakeDoc) -> None:
    text = (
        "An inquiry into the flood warnings will be led by a retired judge, the minister announced on Friday.\n\n"
        "Two families climbed onto a roof to escape the water, a fire brigade officer said."
    )
    assert dated_parsed(make_doc, text, "2025-03-08")[1] == ("2025-03-08", True)


# A statement that goes on with its speaker's dated statement, whatever the tense of what is said ---------------

BOARD = "Floodwater reached the old town on Monday.\n\nThe water board said on Tuesday that the levee was holding. "


@pytest.mark.model
@pytest.mark.parametrize(
    "second",
    [
        "“The river is falling and the pumps are working,” the board said.",
        "It said the pumps are working around the clock.",
    ],
)
def test_a_statement_by_the_same_speaker_takes_the_day_of_its_dated_statement(make_doc: MakeDoc, second: str) -> None:
    assert dated_parsed(make_doc, BOARD + second, "2025-03-07")[2] == ("2025-03-04", False)


@pytest.mark.model
@pytest.mark.parametrize(
    "second",
    [
        "A farmer said the fields are still under water.",  # another speaker
        "The river is falling, the board says.",  # said now, not then
    ],
)
def test_a_statement_by_another_speaker_or_in_the_present_keeps_the_fallback(make_doc: MakeDoc, second: str) -> None:
    assert dated_parsed(make_doc, BOARD + second, "2025-03-07")[2] == ("2025-03-07", True)


@pytest.mark.model
def test_a_word_of_contrast_in_what_the_same_speaker_says_keeps_the_day(make_doc: MakeDoc) -> None:
    text = BOARD + "“However, the pumps are working,” the board said."
    assert dated_parsed(make_doc, text, "2025-03-07")[2] == ("2025-03-04", False)


@pytest.mark.model
def test_a_statement_does_not_take_the_foretold_day_of_the_statement_before_it(make_doc: MakeDoc) -> None:
    text = (
        "Floodwater reached the old town on Monday.\n\n"
        "The water board said it will inspect the levee next Tuesday. “The pumps are working,” the board said."
    )
    dated = dated_parsed(make_doc, text, "2025-03-07")
    assert dated[1] == ("2025-03-11", False)
    assert dated[2] == ("2025-03-07", True)


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("The pier, which closed in March, reopened on Saturday.", True),
        ("Which boats sailed in March is unclear.", True),
        ("The WHO raised its alert in March.", False),
        ("The WHICH guide, read by many, named March.", False),
        ("The pilot, who landed the plane, was praised in March.", False),
    ],
)
def test_a_relative_clause_is_read_from_its_word_in_any_case_but_capitals(make_doc, text: str, inside: bool) -> None:
    sentence = tag_document(make_doc(text, published="2031-05-20")).sentences[0]
    march = next(t for t in sentence.times if t.text == "March")
    assert in_relative_clause(sentence, march) is inside


def test_relative_clauses_and_subordinate_parts_read_acronyms_alike(make_doc) -> None:
    for text in ["The WHO raised its alert in March.", "The agency, WHICH met in March, said so."]:
        sentence = tag_document(make_doc(text, published="2031-05-20")).sentences[0]
        march = next(t for t in sentence.times if t.text == "March")
        assert in_relative_clause(sentence, march) == is_subordinate(sentence, 0, march) is False


def test_the_undated_lines_of_a_chronology_entry_take_its_date(make_doc) -> None:
    text = (
        "Below is a timeline of the flood.\n\n"
        "March 3 - The river breaks its banks at Ashford.\n\n"
        "-- The mayor says every school will close.\n\n"
        "March 5 - Crews shore up the levee with sandbags. The water keeps rising. "
        "Comments on this story are closed."
    )
    doc = tag_document(make_doc(text, published="2031-03-20"))
    got = [(s.event_date, s.event_date_fallback) for s in doc.sentences]
    assert got[1:] == [
        ("2031-03-03", False),
        ("2031-03-03", False),  # the bulleted line under the entry, in a paragraph of its own
        ("2031-03-05", False),
        ("2031-03-05", False),  # an undated line right after the entry
        ("2031-03-20", True),  # after an undated line the list has ended
    ]


def test_a_bulleted_line_opening_the_next_paragraph_goes_under_the_entry_above(make_doc) -> None:
    text = "May 1998 - The old dam is finished.\n\n-- The valley's farms get water all year."
    doc = tag_document(make_doc(text, published="2031-03-20"))
    assert [(s.event_date, s.event_date_fallback) for s in doc.sentences] == [("1998-05", False), ("1998-05", False)]


def test_a_sentence_that_opens_with_a_date_but_no_dash_makes_no_chronology(make_doc) -> None:
    text = "March 3 was the wettest day of the year. The mayor says every school will close."
    doc = tag_document(make_doc(text, published="2031-03-20"))
    assert (doc.sentences[1].event_date, doc.sentences[1].event_date_fallback) == ("2031-03-20", True)


@pytest.mark.model
def test_a_quotation_without_a_speaker_goes_on_with_the_dated_statement_before_it(make_doc: MakeDoc) -> None:
    text = (
        "The harbour master said on Monday that the pier would stay shut. "
        "“We cannot risk another collapse.” "
        "But she said the ferries would run as usual."
    )
    assert dated_parsed(make_doc, text, "2025-03-12") == [("2025-03-10", False)] * 3


@pytest.mark.model
def test_a_quotation_after_an_undated_statement_keeps_the_publication_date(make_doc: MakeDoc) -> None:
    text = "The harbour master said the pier would stay shut. “We cannot risk another collapse.”"
    assert dated_parsed(make_doc, text, "2025-03-12") == [("2025-03-12", True)] * 2


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The harbour master said on Saturday that the pier had reopened over the weekend.", "2025-03-08"),
        ("The minister said on Friday that the talks would go on next week.", "2025-03-07"),
        ("The mayor said on Monday that the old bridge fell on Sunday.", "2025-03-09"),  # a day of its own
    ],
)
def test_a_wider_time_than_the_day_of_the_telling_gives_way_to_that_day(make_doc, text: str, day: str) -> None:
    doc = tag_document(make_doc(text, published="2025-03-10"))
    assert (doc.sentences[0].event_date, doc.sentences[0].event_date_fallback) == (day, False)
