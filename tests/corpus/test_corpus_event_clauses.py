"""``corpus/event_clauses.py``: a sentence that tells two happenings, each with its own date, gives
a clause per happening; other sentences are not split. Sentences are dated by the real time stage."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.corpus.event_clauses import dated_clauses
from storyline.doc.time import tag_document
from storyline.records import Attribution, Entity, Sentence


def _dated(make_doc, text: str, names: tuple[tuple[str, str], ...] = ()) -> Sentence:
    """The first sentence of a report of 20 May 2024, dated by the time stage, with ``names``
    ((text, label)) as its entities."""
    doc = tag_document(make_doc(text, published="2024-05-20", source="A"))
    sentence = doc.sentences[0]
    entities = tuple(Entity(text.index(t), text.index(t) + len(t), t, label) for t, label in names)
    return replace(sentence, entities=entities)


def test_two_coordinated_clauses_with_their_own_dates_are_two_clauses(make_doc):
    text = "The council approved the new bridge on May 2, and it opened the bridge to traffic on May 9."
    first, second = dated_clauses(_dated(make_doc, text))
    assert (first.date, second.date) == ("2024-05-02", "2024-05-09")
    assert first.text == "The council approved the new bridge on May 2"
    assert second.text == "it opened the bridge to traffic on May 9"
    assert second.offset == text.index("it opened")


def test_a_leading_pronoun_is_compared_as_the_sentence_subject(make_doc):
    text = "Mayor Dana Kovacs signed the budget on May 2, and she opened the new library on May 9."
    _, second = dated_clauses(_dated(make_doc, text, (("Dana Kovacs", "PERSON"),)))
    assert second.compared == "Mayor Dana Kovacs opened the new library on May 9"
    assert second.text == "she opened the new library on May 9"
    assert [e.text for e in second.entities] == ["Dana Kovacs"]


def test_a_sentence_with_one_date_is_not_split(make_doc):
    text = "The council approved the new bridge on May 2, and the mayor welcomed the vote."
    assert dated_clauses(_dated(make_doc, text)) == ()


def test_two_times_in_one_clause_do_not_split_it(make_doc):
    text = "The council met on May 2 to plan the opening of the bridge on May 9 with the mayor."
    assert dated_clauses(_dated(make_doc, text)) == ()


def test_the_same_date_twice_is_not_split(make_doc):
    text = "The river rose on May 9, and the council closed the bridge on May 9 as a precaution."
    assert dated_clauses(_dated(make_doc, text)) == ()


def test_a_time_that_opens_a_period_does_not_make_a_clause(make_doc):
    text = "The council approved the new bridge on May 2, and it has been closed to traffic since May 9."
    assert dated_clauses(_dated(make_doc, text)) == ()


def test_a_short_part_is_not_a_clause(make_doc):
    text = "The council met to discuss the new bridge on May 2, and again on May 9."
    assert dated_clauses(_dated(make_doc, text)) == ()


def test_an_undated_sentence_is_not_split(make_doc):
    text = "The council approved the new bridge, and it opened the bridge to traffic soon after."
    assert dated_clauses(_dated(make_doc, text)) == ()


def test_a_time_in_a_subordinate_clause_does_not_date_a_part(make_doc):
    text = "The mayor praised the crews on May 9, and she compared the flood with what was seen after a storm in March."
    assert dated_clauses(_dated(make_doc, text)) == ()


def test_the_acronym_who_opens_no_subordinate_clause(make_doc):
    text = "The WHO raised its alert level to phase 4 on May 2, and it raised the level to phase 5 on May 9."
    first, second = dated_clauses(_dated(make_doc, text, (("WHO", "ORG"),)))
    assert (first.date, second.date) == ("2024-05-02", "2024-05-09")
    assert first.text == "The WHO raised its alert level to phase 4 on May 2"


def test_a_lower_case_who_still_opens_a_relative_clause(make_doc):
    text = "The council approved the new bridge on May 2, and it thanked the crews who had built it on May 9."
    assert dated_clauses(_dated(make_doc, text)) == ()


_PARTS = (
    "The council approved the new bridge",
    "it opened the old road to buses",
    "the river rose above the wall",
    "crews cleared mud from the school",
    "who lived near the mill",
    "after the storm",
)
_TIMES = ("", " on May 2", " on May 9", " last week", " since May 3", " in March", " on Monday")
_JOINS = (", and ", ", while ", "; ", " and ", ", then ", ", but ")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.sampled_from(_PARTS), st.sampled_from(_TIMES), st.sampled_from(_JOINS)), min_size=1, max_size=4
    )
)
def test_clauses_are_ordered_pieces_of_the_sentence_with_distinct_dates(make_doc, pieces):
    text = "".join(p + t + (j if i < len(pieces) - 1 else ".") for i, (p, t, j) in enumerate(pieces))
    text = text[0].upper() + text[1:]
    sentence = _dated(make_doc, text)
    clauses = dated_clauses(sentence)
    assert len(clauses) != 1
    if clauses:
        assert clauses[0].date == sentence.event_date and not sentence.event_date_fallback
        assert len({c.date for c in clauses}) == len(clauses)
        assert [c.offset for c in clauses] == sorted({c.offset for c in clauses})
        for c in clauses:
            assert text[c.offset : c.offset + len(c.text)] == c.text
            assert len(c.text.split()) >= 5


def test_a_part_that_the_speaker_does_not_reach_is_the_reports_own(make_doc):
    text = "The mayor put the toll at 85 on May 2, while the list released on May 9 named 38 people."
    sentence = replace(_dated(make_doc, text), status="claimed", attributed_to="The mayor")
    first, second = dated_clauses(sentence)
    assert first.attributed and not second.attributed


def test_an_attribution_that_spans_both_parts_reaches_both(make_doc):
    text = "The river rose on May 2, and the council closed the old bridge on May 9, officials said."
    sentence = _dated(make_doc, text)
    said = Attribution(
        cue=(text.index("said"), len(text) - 1),
        content=(0, text.index(", officials")),
        source=None,
        speaker="officials",
    )
    sentence = replace(sentence, status="claimed", attributed_to="officials", attributions=(said,))
    assert [c.attributed for c in dated_clauses(sentence)] == [True, True]
    only_first = replace(said, cue=(0, 0), content=(0, text.index(", and")))
    assert [c.attributed for c in dated_clauses(replace(sentence, attributions=(only_first,)))] == [True, False]


def test_there_in_a_later_clause_is_compared_as_the_place_named_before(make_doc):
    from storyline.corpus.event_clauses import clause_of, parts

    text = (
        "Rebel fighters still hold the west bank of the river at Orsk, "
        "and rebel leaders said their men are dug in there."
    )
    sentence = _dated(make_doc, text, (("Orsk", "GPE"),))
    start, end = parts(sentence)[1]
    clause = clause_of(sentence, start, end, "2024-05-20")
    assert clause.text == "rebel leaders said their men are dug in there"  # the words shown stay the report's
    assert clause.compared == "rebel leaders said their men are dug in at Orsk"
    assert [e.text for e in clause.entities] == ["Orsk"]


def test_there_of_there_are_is_no_place(make_doc):
    from storyline.corpus.event_clauses import clause_of, parts

    text = "Rebel fighters still hold the west bank of the river at Orsk, and there were no reports of fighting today."
    sentence = _dated(make_doc, text, (("Orsk", "GPE"),))
    start, end = parts(sentence)[1]
    clause = clause_of(sentence, start, end, "2024-05-20")
    assert clause.compared == clause.text == "there were no reports of fighting today"
    assert clause.entities == ()
