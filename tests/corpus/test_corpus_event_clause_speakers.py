"""``corpus/event_clause_speakers.py``: a claim whose two clauses are told by different voices gives a
clause per voice, each with its own status and speaker; one voice throughout is not split. Our own
sentences, read by the real per-document stages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.build import document_stages
from storyline.config import Config
from storyline.corpus.event_clause_speakers import speaker_clauses
from storyline.corpus.event_mentions import to_mention
from storyline.records import Document, Sentence

pytestmark = pytest.mark.model

_STAGES = ("nlp", "time", "quantities", "digest", "attribution")


def _read(make_doc, text: str) -> tuple[Document, Sentence]:
    doc = make_doc(text, published="2024-05-20", source="Lisk Herald")
    for stage in document_stages(Config()):
        if stage.name in _STAGES:
            doc = stage.func(doc)
    return doc, doc.sentences[0]


def test_the_outlets_clause_and_a_partys_warning_are_two_voices(make_doc):
    text = "Only a few streets of Orsk had been searched by Sunday, and officials warned that the toll would rise."
    doc, sentence = _read(make_doc, text)
    first, second = speaker_clauses(sentence)
    assert (first.text, first.own) == ("Only a few streets of Orsk had been searched by Sunday", ("reported", None))
    assert (second.text, second.own) == ("officials warned that the toll would rise", ("claimed", "officials"))
    assert [(m.status, m.attributed_to) for m in (to_mention(doc, sentence, c) for c in (first, second))] == [
        ("reported", None),
        ("claimed", "officials"),
    ]


def test_a_second_named_speaker_has_the_second_clause(make_doc):
    text = (
        "Around 30 villages may flood, regional officials warned, and the district governor, Ana Roe, "
        "told 900 residents of the low streets to leave."
    )
    _, sentence = _read(make_doc, text)
    first, second = speaker_clauses(sentence)
    assert first.own == ("claimed", "regional officials")
    assert second.own == ("claimed", "Ana Roe")


def test_one_speaker_for_both_clauses_is_not_split(make_doc):
    text = "The mayor said the bridge had reopened, and she said the ferry would run again on Friday."
    _, sentence = _read(make_doc, text)
    assert speaker_clauses(sentence) == ()


def test_a_report_of_the_outlet_alone_is_not_split(make_doc):
    text = "The river rose by two metres overnight, and crews closed the bridge to traffic on the east bank."
    _, sentence = _read(make_doc, text)
    assert speaker_clauses(sentence) == ()


def test_a_stored_projection_without_tokens_splits_the_same(make_doc):
    text = "Only a few streets of Orsk had been searched by Sunday, and officials warned that the toll would rise."
    _, sentence = _read(make_doc, text)
    projected = replace(sentence, tokens=())
    assert [c.own for c in speaker_clauses(projected)] == [c.own for c in speaker_clauses(sentence)]


def test_a_dated_clause_of_another_named_speaker_keeps_its_own_voice(make_doc):
    from storyline.corpus.event_clause_speakers import voiced
    from storyline.corpus.event_clauses import dated_clauses

    text = "The port chief put the number at about 60 on May 2, while the NTSB list released on May 9 named 41 people."
    _, sentence = _read(make_doc, text)
    first, second = voiced(sentence, dated_clauses(sentence))
    assert first.own == ("claimed", "the port chief")
    assert second.own == ("claimed", "the NTSB")


def test_a_reported_clause_after_a_saying_is_the_outlets_on_a_projection_too(make_doc):
    text = "The council had said for weeks that it was planning a new bridge, but most attention had been on the ferry."
    _, sentence = _read(make_doc, text)
    parsed = [c.own for c in speaker_clauses(sentence)]
    assert parsed == [("claimed", "the council"), ("reported", None)]
    assert [c.own for c in speaker_clauses(replace(sentence, tokens=()))] == parsed


def test_a_split_mention_shows_its_own_clauses_words_at_its_offset(make_doc):
    text = "Only a few streets of Orsk had been searched by Sunday, and officials warned that the toll would rise."
    doc, sentence = _read(make_doc, text)
    mentions = [to_mention(doc, sentence, c) for c in speaker_clauses(sentence)]
    assert [m.text for m in mentions] == [
        "Only a few streets of Orsk had been searched by Sunday",
        "officials warned that the toll would rise",
    ]
    assert all(m.clause is not None and sentence.text[m.clause :].startswith(m.text) for m in mentions)


def test_a_clause_with_no_verb_of_action_is_no_event_mention(make_doc):
    from storyline.corpus.event_mentions import candidates
    from storyline.records import Story

    text = (
        "The council of Orsk had said for weeks that it was planning a new bridge, "
        "but most attention had been on the ferry."
    )
    doc, _ = _read(make_doc, text)
    found = candidates(Story(id="s", title="t", documents=(doc,)))
    assert [(c.mention.text, c.mention.clause) for c in found] == [
        ("The council of Orsk had said for weeks that it was planning a new bridge", 0)
    ]
    projected = replace(doc, sentences=tuple(replace(s, tokens=()) for s in doc.sentences))
    assert [c.mention for c in candidates(Story(id="s", title="t", documents=(projected,)))] == [
        c.mention for c in found
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Norrel said on Tuesday that families were being moved out by bus, but they gave no figure "
        "for the number of people moved.",
        "The governor said the flooded area was shrinking every day, but he did not say how large it still was.",
        "Port officials said the ferry would run again on Friday, though they declined to give a time for it.",
    ],
)
def test_a_clause_that_only_says_what_was_withheld_is_not_split_off(make_doc, text):
    _, sentence = _read(make_doc, text)
    assert speaker_clauses(sentence) == ()


def test_a_clause_that_tells_a_happening_after_a_claim_is_still_split(make_doc):
    text = "Crews closed the bridge at Norrel to all traffic on Monday, and officials warned that the river would rise."
    _, sentence = _read(make_doc, text)
    first, second = speaker_clauses(sentence)
    assert first.own == ("reported", None)
    assert second.own == ("claimed", "officials")


_MISSING = (
    "The mayor said about 60 people were missing on May 2, while the NTSB list released on May 9 named 41 people. "
    "The Orsk Ledger could not independently confirm how many people are still missing."
)


def test_a_clause_told_by_the_role_the_story_resolved_to_the_sentences_speaker_keeps_the_outlets_hedge(make_doc):
    from storyline.corpus.event_mentions import candidates
    from storyline.corpus.role_holders import resolve_roles
    from storyline.records import Story

    named, _ = _read(make_doc, "Mayor Ilse Varga opened a shelter in the school hall of Norrel on Monday.")
    hedged, _ = _read(make_doc, _MISSING)
    story = resolve_roles(Story(id="s", title="t", documents=(named, hedged)))
    voices = {c.mention.text: (c.mention.status, c.mention.attributed_to) for c in candidates(story)}
    assert voices["The mayor said about 60 people were missing on May 2"] == ("unverified", "Ilse Varga")
    assert voices["the NTSB list released on May 9 named 41 people"] == ("claimed", "the NTSB")


def test_a_clause_told_by_a_role_resolved_to_another_person_keeps_its_own_voice(make_doc):
    from storyline.corpus.event_clause_speakers import voiced
    from storyline.corpus.event_clauses import dated_clauses

    _, sentence = _read(make_doc, _MISSING)
    resolved = replace(sentence, attributed_to="Ilse Varga")
    holders = {"the mayor": "Ilse Varga"}
    first = voiced(resolved, dated_clauses(resolved), lambda s: holders.get(s.lower()))[0]
    assert first.own == ("unverified", "Ilse Varga")
    first = voiced(resolved, dated_clauses(resolved), lambda s: "Ana Roe" if s.lower() == "the mayor" else None)[0]
    assert first.own == ("claimed", "the mayor")
