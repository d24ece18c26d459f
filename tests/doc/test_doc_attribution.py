from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import parsed_sentence
from storyline.config import Config
from storyline.doc.attribution import (
    _ANY_ROLE,
    ROLES,
    SpeakerContext,
    attribute_document,
    build,
    is_outlet,
    judge_parsed,
    judge_sentence,
    learn_roles,
    normalize_source,
    resolve_speaker,
)
from storyline.doc.attribution_checks import find_hedges, verification_detail
from storyline.doc.attribution_cues import find_attributions
from storyline.doc.attribution_tree import lemma_of, quoted_spans
from storyline.records import Entity, Sentence, Token

OUTLET = "Meridian Wire"


def parts(text: str) -> tuple[str | None, str, str, str, str | None]:
    """(source, cue, content, kind, via) of the only attribution in ``text``."""
    found = find_attributions(text)
    assert len(found) == 1, found
    a = found[0]
    source = text[a.source[0] : a.source[1]] if a.source else None
    return source, text[a.cue[0] : a.cue[1]], text[a.content[0] : a.content[1]], a.kind, a.via


def statuses(make_doc, text: str) -> list[tuple[str, str | None]]:
    doc = attribute_document(make_doc(text, source=OUTLET))
    return [(s.status, s.attributed_to) for s in doc.sentences]


# 1. Reporting patterns on sentence strings --------------------------------------------------


def test_source_said_that_content_keeps_the_complementizer():
    got = parts("The regional council said that two bridges over the Vilna were closed.")
    assert got == ("The regional council", "said", "that two bridges over the Vilna were closed", "claim", None)


def test_source_putting_a_toll_at_a_number_is_a_claim():
    got = parts("Officials in the lower valley put the number of dead at 17.")
    assert got == ("Officials in the lower valley", "put", "the number of dead at 17", "claim", None)


def test_words_after_a_closing_cue_that_open_with_a_preposition_are_no_source():
    got = parts("“The quay is shut,” Oda Fenn, a pilot, said at the harbour on Monday.")
    assert got[:2] == ("Oda Fenn, a pilot", "said")


def test_a_speaker_after_a_closing_cue_is_the_source():
    assert parts("“The quay is shut,” said Oda Fenn.")[:2] == ("Oda Fenn", "said")


def test_putting_a_thing_somewhere_is_no_claim():
    assert find_attributions("The crew put the boat back in the water at dawn.") == []


def test_source_said_without_that():
    assert parts("Kestrel Army command said 14 drones were downed overnight.")[2] == "14 drones were downed overnight"


def test_trailing_source_said():
    got = parts("Fourteen drones were downed overnight, the air force command said.")
    assert got[:3] == ("the air force command", "said", "Fourteen drones were downed overnight")


def test_trailing_said_source():
    got = parts("The ferry crossing reopened at dawn, said the port authority.")
    assert got[:3] == ("the port authority", "said", "The ferry crossing reopened at dawn")


def test_trailing_with_day_after_cue():
    got = parts("The ferry crossing reopened, the port authority said on Monday.")
    assert got[:3] == ("the port authority", "said", "The ferry crossing reopened")


def test_quote_before_source():
    got = parts('"We will keep the depot running," the logistics chief said.')
    assert got[:3] == ("the logistics chief", "said", "We will keep the depot running")


def test_according_to_at_start():
    got = parts("According to the district police, nine cars were burned.")
    assert got[:3] == ("the district police", "According to", "nine cars were burned")


def test_according_to_at_end():
    got = parts("Nine cars were burned, according to the district police.")
    assert got[:3] == ("the district police", "according to", "Nine cars were burned")


def test_told_someone_that():
    got = parts("Valdoria's President Ana Rusk told reporters on Tuesday that the talks had stalled.")
    assert got[:3] == ("Valdoria's President Ana Rusk", "told", "that the talks had stalled")


def test_told_named_outlet_without_that():
    got = parts("The harbour master told Meridian Wire the pier was damaged.")
    assert got[:3] == ("The harbour master", "told", "the pier was damaged")


@pytest.mark.parametrize("cue", ["claimed", "announced", "reported", "stated", "added", "wrote", "insisted"])
def test_other_reporting_verbs(cue):
    got = parts(f"The separatist council {cue} that the checkpoint was abandoned.")
    assert got[:4] == ("The separatist council", cue, "that the checkpoint was abandoned", "claim")


def test_wrote_on_channel_that():
    assert parts("The mayor wrote on her channel that water was restored.")[2] == "that water was restored"


def test_appositive_source_is_kept_whole():
    got = parts("Ivo Marten, the regional governor, said two schools were hit.")
    assert got[0] == "Ivo Marten, the regional governor"


def test_nested_citing_before_cue():
    got = parts("State television, citing an unnamed official in the ministry, said the dam was breached.")
    assert got == (
        "State television",
        "said",
        "the dam was breached",
        "claim",
        "an unnamed official in the ministry",
    )


def test_nested_citing_after_trailing_cue():
    got = parts("The dam was breached, state television reported, citing an unnamed official in the ministry.")
    assert got == (
        "state television",
        "reported",
        "The dam was breached",
        "claim",
        "an unnamed official in the ministry",
    )


def test_citing_before_the_source_is_the_via_of_its_report():
    got = parts("Citing a harbour official, the ferry company said the crossing was closed.")
    assert got == ("the ferry company", "said", "the crossing was closed", "claim", "a harbour official")


def test_according_to_citing_keeps_the_content_before_and_records_the_via():
    got = parts("The quay flooded overnight, according to port radio, citing the harbour master.")
    assert got == ("port radio", "according to", "The quay flooded overnight", "claim", "the harbour master")


def test_according_to_citing_at_the_start_takes_the_content_after_the_via():
    got = parts("According to port radio, citing the harbour master, the quay flooded overnight.")
    assert got == ("port radio", "According to", "the quay flooded overnight", "claim", "the harbour master")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The pilot quit on Friday, the ferry company said, citing health reasons.", "the ferry company"),
        ("The ferry company, citing high winds, said the crossing was closed.", "The ferry company"),
    ],
)
def test_citing_a_reason_is_no_via(text, source):
    got = parts(text)
    assert (got[0], got[4]) == (source, None)


def test_denied_is_a_denial():
    got = parts("The garrison denied that its gunners had fired on the market.")
    assert got[:4] == ("The garrison", "denied", "that its gunners had fired on the market", "denial")


@pytest.mark.parametrize(
    "text",
    [
        "The Valdorian foreign office rejected the accusations as false.",
        "The Valdorian foreign office dismissed the reports as invented.",
        "A Valdorian spokesman said the photographs were fake.",
        "A Valdorian spokesman said the story was untrue.",
        "The accusations were rejected by the Valdorian foreign office.",
    ],
)
def test_denial_shapes(text):
    assert parts(text)[3] == "denial"


def test_nouns_that_look_like_cues_are_not_cues():
    assert find_attributions("The claims were repeated across several channels.") == []
    assert find_attributions("The army called for calm in the square.") == []
    assert find_attributions("Shelling continued through the night.") == []


def test_offsets_are_shifted_by_offset():
    text = "Nine cars burned, the police said."
    a = find_attributions(text, offset=100)[0]
    assert a.cue == (100 + text.index("said"), 100 + text.index("said") + 4)


# 2. Statuses on sentence strings -------------------------------------------------------------


def test_plain_sentence_is_reported():
    v = judge_sentence("Shelling continued through the night.", outlet=OUTLET)
    assert (v.status, v.speaker) == ("reported", None)


def test_party_claim_is_claimed():
    v = judge_sentence("The garrison said 40 soldiers surrendered.", outlet=OUTLET)
    assert (v.status, v.speaker) == ("claimed", "The garrison")


def test_outlet_own_reporting_is_not_a_claim():
    assert judge_sentence("Meridian Wire reported that the depot burned.", outlet=OUTLET).status == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Meridian Wire could not independently verify the figures.",
        "Meridian Wire was not able to verify the account.",
        "The video, which is unverified, spread quickly.",
        "The casualty count could not be independently confirmed.",
    ],
)
def test_hedges_make_unverified(text):
    assert judge_sentence(text, outlet=OUTLET).status == "unverified"


def test_claim_with_own_hedge_is_unverified_and_keeps_speaker():
    v = judge_sentence("Officials said 300 people left, a figure Meridian Wire could not verify.", outlet=OUTLET)
    assert (v.status, v.speaker, v.refers_back) == ("unverified", "Officials", False)


def test_outlet_verification_is_confirmed():
    v = judge_sentence("Meridian Wire verified the authenticity of the recording.", outlet=OUTLET)
    assert (v.status, v.speaker, v.detail) == ("confirmed", OUTLET, "authenticity verified")


def test_satellite_images_reviewed_by_outlet_confirm():
    v = judge_sentence("Satellite images reviewed by Meridian Wire show the hangar destroyed.", outlet=OUTLET)
    assert v.status == "confirmed"


def test_partial_verification_keeps_detail():
    v = judge_sentence("Meridian Wire verified the location of the video but not the date.", outlet=OUTLET)
    assert (v.status, v.detail) == ("confirmed", "location verified, date not verified")


def test_geolocated_but_could_not_verify_when():
    text = "Meridian Wire geolocated the clip to the rail yard but could not verify when it was filmed."
    v = judge_sentence(text, outlet=OUTLET)
    assert (v.status, v.detail) == ("confirmed", "location verified, date not verified")
    assert verification_detail(text) == "location verified, date not verified"


def test_party_confirming_its_own_claim_stays_claimed():
    v = judge_sentence("The garrison later confirmed that 40 soldiers had surrendered.", outlet=OUTLET)
    assert (v.status, v.speaker) == ("claimed", "The garrison")


def test_denial_status_names_the_denier():
    v = judge_sentence("The Valdorian foreign office dismissed the reports as invented.", outlet=OUTLET)
    assert (v.status, v.speaker) == ("denied", "The Valdorian foreign office")


def test_hedge_content_is_what_was_not_verified():
    text = "Meridian Wire could not verify the report."
    h = find_hedges(text)[0]
    assert (text[h.content[0] : h.content[1]], h.speaker) == ("the report", OUTLET)


# 3. Whole documents --------------------------------------------------------------------------


def test_hedge_referring_back_marks_previous_sentence(make_doc):
    got = statuses(
        make_doc,
        "The depot burned, the Valdorian garrison said. The claim could not be independently verified.",
    )
    assert got == [("unverified", "the Valdorian garrison"), ("unverified", "the Valdorian garrison")]


def test_outlet_hedge_naming_the_report_refers_back(make_doc):
    got = statuses(make_doc, "The garrison said the depot burned. Meridian Wire could not verify the report.")
    assert [s for s, _ in got] == ["unverified", "unverified"]


def test_hedge_does_not_cross_paragraphs(make_doc):
    got = statuses(make_doc, "The garrison said the depot burned.\n\nThe claim could not be verified.")
    assert [s for s, _ in got] == ["claimed", "unverified"]


def test_hedge_with_its_own_content_does_not_refer_back(make_doc):
    text = "The garrison said the depot burned. Meridian Wire could not verify that three trucks were lost."
    assert [s for s, _ in statuses(make_doc, text)] == ["claimed", "unverified"]


def test_pronoun_resolves_to_last_named_speaker_without_entities(make_doc):
    got = statuses(make_doc, "Ivo Marten said the road was open. He added that buses would run on Monday.")
    assert got[1] == ("claimed", "Ivo Marten")


def test_pronoun_resolves_to_last_person_entity(make_doc):
    doc = make_doc("Ivo Marten met Lena Dorsk in the port. She said the pier was safe.", source=OUTLET)
    first = doc.sentences[0]
    people = (
        Entity(0, 10, "Ivo Marten", "PERSON"),
        Entity(first.text.index("Lena"), first.text.index("Lena") + 10, "Lena Dorsk", "PERSON"),
    )
    doc = replace(doc, sentences=(replace(first, entities=people), doc.sentences[1]))
    out = attribute_document(doc)
    assert out.sentences[1].attributed_to == "Lena Dorsk"


def test_the_governor_resolves_to_titled_name(make_doc):
    text = "Governor Ivo Marten said the road was open. Later, the governor said it was closed again."
    assert statuses(make_doc, text)[1] == ("claimed", "Ivo Marten")


def test_the_governor_resolves_to_appositive_name(make_doc):
    text = "Ivo Marten, the regional governor, said the road was open. The governor said buses would run."
    assert statuses(make_doc, text) == [("claimed", "Ivo Marten"), ("claimed", "Ivo Marten")]


def test_unknown_role_stays_as_written():
    assert resolve_speaker("The mayor", SpeakerContext()) == "the mayor"


def test_learn_roles_from_both_shapes():
    roles: dict[str, str] = {}
    learn_roles("Mayor Lena Dorsk met Ivo Marten, the regional governor, on Friday.", roles)
    assert roles == {"mayor": "Lena Dorsk", "governor": "Ivo Marten"}


def test_normalize_source_keeps_possessive_names():
    assert normalize_source("Valdoria's  defence ministry") == "Valdoria's defence ministry"
    assert normalize_source("The garrison") == "the garrison"


def test_is_outlet():
    assert is_outlet("Meridian Wire", OUTLET) and is_outlet("we") and not is_outlet("the garrison", OUTLET)


def test_a_party_cited_by_the_outlet_is_not_the_outlet():
    assert not is_outlet("Harbour engineers cited by Meridian Wire", OUTLET)
    assert not is_outlet("two pilots quoted by Meridian Wire", OUTLET)
    assert is_outlet("Meridian Wire, citing port officials", OUTLET)


def test_a_saying_by_a_party_the_outlet_cites_is_that_partys_claim(make_doc):
    doc = attribute_document(
        make_doc("Harbour engineers cited by Meridian Wire said the quay wall would hold.", source=OUTLET)
    )
    assert (doc.sentences[0].status, doc.sentences[0].attributed_to) == ("claimed", "Harbour engineers")


def test_stage_sets_attribution_spans_into_document_text(make_doc):
    doc = make_doc("Calm returned.\n\nNine cars burned, the district police said.", source=OUTLET)
    out = build(Config())(doc)
    a = out.sentences[1].attributions[0]
    assert out.text[a.source[0] : a.source[1]] == "the district police"
    assert out.text[a.content[0] : a.content[1]] == "Nine cars burned"
    assert [s.status for s in out.sentences] == ["reported", "claimed"]


def test_stage_declares_its_place():
    stage = build(Config())
    assert (stage.name, stage.requires, stage.provides) == ("attribution", ("nlp",), ("attribution",))


def test_dependency_parse_is_used_when_tokens_exist(make_doc):
    text = "Officials insist troops withdrew."
    doc = make_doc(text, source=OUTLET)
    tokens = (
        Token(0, 9, "Officials", "official", "NOUN", "NNS", "nsubj", 1),
        Token(10, 16, "insist", "insist", "VERB", "VBP", "ROOT", 1),
        Token(17, 23, "troops", "troop", "NOUN", "NNS", "nsubj", 3),
        Token(24, 32, "withdrew", "withdraw", "VERB", "VBD", "ccomp", 1),
    )
    out = attribute_document(replace(doc, sentences=(replace(doc.sentences[0], tokens=tokens),)))
    a = out.sentences[0].attributions[0]
    assert (out.sentences[0].status, out.sentences[0].attributed_to) == ("claimed", "Officials")
    assert text[a.content[0] : a.content[1]] == "troops withdrew"


# 3. Rules on the dependency parse (issue 4, measured on PolNeAR train) -------------------------


def parsed(make_doc, text: str):
    """The document after the real nlp and attribution stages."""
    from storyline.doc import nlp

    return attribute_document(nlp.build(Config())(make_doc(text, source=OUTLET)))


def found(make_doc, text: str) -> list[tuple[str | None, str, str]]:
    doc = parsed(make_doc, text)
    cut = doc.text.__getitem__
    return [
        (cut(slice(*a.source)) if a.source else None, cut(slice(*a.cue)), cut(slice(*a.content)))
        for s in doc.sentences
        for a in s.attributions
    ]


@pytest.mark.model
def test_every_reporting_verb_of_a_parsed_sentence_is_an_attribution(make_doc):
    got = found(make_doc, "Smith believes the bridge will reopen, but Jones thinks it will not.")
    assert [(s, c) for s, c, _ in got] == [("Smith", "believes"), ("Jones", "thinks")]
    assert got[0][2] == "the bridge will reopen"


@pytest.mark.model
def test_stance_verb_without_a_clause_is_recorded_but_the_sentence_stays_reported(make_doc):
    doc = parsed(make_doc, "Officials hinted at delays on the ferry line.")
    assert found(make_doc, "Officials hinted at delays on the ferry line.") == [
        ("Officials", "hinted", "at delays on the ferry line")
    ]
    assert (doc.sentences[0].status, doc.sentences[0].attributed_to) == ("reported", None)


@pytest.mark.model
def test_told_someone_that_takes_the_clause_not_the_listener(make_doc):
    got = found(make_doc, "The mayor told reporters that the ferry would run on Sunday.")
    assert got == [("The mayor", "told", "that the ferry would run on Sunday")]


@pytest.mark.model
def test_gerund_cue_borrows_the_subject_of_its_verb(make_doc):
    got = found(make_doc, "The mayor issued a statement saying the bridge would reopen in May.")
    assert got == [("The mayor", "saying", "the bridge would reopen in May")]


@pytest.mark.model
def test_first_person_inside_a_quote_is_not_a_new_source(make_doc):
    got = found(make_doc, "“I think the ferry will run,” the harbour master said.")
    assert [(s, c) for s, c, _ in got] == [("the harbour master", "said")]


@pytest.mark.model
def test_a_cue_that_is_only_possible_reports_nothing(make_doc):
    assert found(make_doc, "Tomorrow the council can say the bridge is safe.") == []


@pytest.mark.model
def test_pattern_cue_that_the_parse_calls_a_noun_is_dropped(make_doc):
    assert found(make_doc, "The senator won several small states, including Alaska and Hawaii.") == []


@pytest.mark.model
def test_a_participle_used_as_an_adjective_is_not_a_cue(make_doc):
    text = (
        "The number of confirmed deaths from the floods rose to 41 on Sunday, Governor Tom Avery said, "
        "with only a few of the victims identified so far."
    )
    assert [(s, c) for s, c, _ in found(make_doc, text)] == [("Governor Tom Avery", "said")]
    assert parsed(make_doc, text).sentences[0].attributed_to == "Governor Tom Avery"


@pytest.mark.model
def test_a_past_tense_verb_the_parse_hangs_on_a_noun_is_still_a_cue(make_doc):
    text = (
        "The account came from the harbour master, who blamed the storm for the damage and dismissed "
        "claims that the crew had ignored the warnings."
    )
    assert "dismissed" in [c for _, c, _ in found(make_doc, text)]
    assert parsed(make_doc, text).sentences[0].status == "denied"


@pytest.mark.model
def test_a_passive_cue_does_not_take_the_subject_it_shares_as_its_source(make_doc):
    text = (
        "The blaze started early on Tuesday, was reported contained that morning and flared up again in the "
        "afternoon, according to the county."
    )
    assert [(s, c) for s, c, _ in found(make_doc, text)] == [("the county", "according to")]
    assert parsed(make_doc, text).sentences[0].attributed_to == "the county"


@pytest.mark.model
def test_source_and_cue_alone_after_a_quote_take_the_quote_as_content(make_doc):
    doc = parsed(make_doc, "“Will the ferry run on Sunday?” Okafor asked. The board did not answer.")
    a = doc.sentences[1].attributions[0]
    assert (doc.text[slice(*a.source)], doc.text[slice(*a.cue)]) == ("Okafor", "asked")
    assert doc.text[slice(*a.content)] == "“Will the ferry run on Sunday?”"
    assert doc.sentences[1].attributed_to == "Okafor"


# 4. Rules from the status set's dev half (issue 4, item 5); new sentences, not the set's -------


@pytest.mark.parametrize(
    "text",
    [
        "Meridian Wire has not verified the audio clip posted on Sunday.",
        "It was not possible to verify the toll given by the harbour police.",
        "Meridian Wire could not immediately confirm the ferry operator's account.",
        "Meridian Wire could not establish who fired the flare.",
    ],
)
def test_more_hedge_shapes_make_unverified(text):
    assert judge_sentence(text, outlet=OUTLET).status == "unverified"


def test_hedge_not_verified_is_not_a_confirmation():
    v = judge_sentence("Meridian Wire has not verified the audio clip posted on Sunday.", outlet=OUTLET)
    assert v.status == "unverified" and not any(a.kind == "confirmation" for a in v.attributions)


@pytest.mark.parametrize(
    "hedge",
    [
        "There was no independent confirmation of the figure.",
        "The results have not yet been verified by the port inspectors.",
        "The count could not be confirmed independently.",
        "It was not possible to verify the number.",
    ],
)
def test_more_hedges_refer_back(make_doc, hedge):
    got = statuses(make_doc, f"The harbour police said 70 boats sank. {hedge}")
    assert got[0] == ("unverified", "the harbour police")


def test_independent_party_confirmation_is_confirmed():
    v = judge_sentence("Red Cross staff confirmed that the ferry had docked at Lisk.", outlet=OUTLET)
    assert (v.status, v.speaker) == ("confirmed", "Red Cross staff")
    v = judge_sentence("An independent laboratory verified that the grain was safe.", outlet=OUTLET)
    assert (v.status, v.speaker) == ("confirmed", "An independent laboratory")


def test_passive_confirmation_names_its_agent():
    v = judge_sentence("The sinking was later confirmed by maritime inspectors.", outlet=OUTLET)
    assert (v.status, v.speaker) == ("confirmed", "maritime inspectors")


def test_imagery_checked_by_the_outlet_is_confirmed():
    v = judge_sentence("Video geolocated by Meridian Wire shows a barge burning at the quay.", outlet=OUTLET)
    assert (v.status, v.speaker, v.detail) == ("confirmed", OUTLET, "location verified")


def test_outlet_check_is_attributed_to_the_outlet_by_name():
    v = judge_sentence("A Meridian Wire photographer at the quay confirmed that the barge sank.", outlet=OUTLET)
    assert (v.status, v.speaker) == ("confirmed", OUTLET)


def test_another_outlets_report_is_a_claim_when_our_outlet_is_known():
    v = judge_sentence("The Lisk Evening News reported that the quay had collapsed.", outlet=OUTLET)
    assert (v.status, v.speaker) == ("claimed", "The Lisk Evening News")
    assert is_outlet("The Lisk Evening News") and not is_outlet("The Lisk Evening News", OUTLET)


def test_passive_hedge_detail_takes_the_clause_before_it():
    text = "Meridian Wire confirmed the authenticity of the logbook; the day it was written could not be verified."
    assert verification_detail(text) == "authenticity verified, date not verified"


def test_normalize_source_keeps_the_person_of_an_appositive():
    assert normalize_source("Oda Fenn, the harbour pilot") == "Oda Fenn"
    assert normalize_source("the ferry line's owner, Oda Fenn") == "Oda Fenn"
    assert normalize_source("the skipper, a 60-year-old from Lisk") == "the skipper"


def test_normalize_source_drops_the_relay_and_the_honorific():
    assert normalize_source("Dock workers quoted by a local radio station") == "Dock workers"
    assert normalize_source("Dr Oda Fenn") == "Oda Fenn"


def test_role_comma_name_is_learned():
    roles: dict[str, str] = {}
    learn_roles("The harbour director, Oda Fenn, closed the quay.", roles)
    assert roles == {"director": "Oda Fenn"}


def test_role_comma_name_resolves_according_to_source(make_doc):
    got = statuses(make_doc, "Two barges sank, according to the harbour director, Oda Fenn.")
    assert got == [("claimed", "Oda Fenn")]


def test_pronoun_continues_the_previous_speaker(make_doc):
    doc = make_doc("Oda Fenn said the quay near Lisk was shut. She added that it would reopen.", source=OUTLET)
    first = doc.sentences[0]
    people = (
        Entity(0, 8, "Oda Fenn", "PERSON"),
        Entity(first.text.index("Lisk"), first.text.index("Lisk") + 4, "Lisk", "PERSON"),
    )
    doc = replace(doc, sentences=(replace(first, entities=people), doc.sentences[1]))
    assert attribute_document(doc).sentences[1].attributed_to == "Oda Fenn"


def test_quotation_continued_in_next_sentence_keeps_the_speaker(make_doc):
    got = statuses(make_doc, "“The quay is shut,” the harbour pilot said. “Nothing will sail before Monday.”")
    assert got == [("claimed", "the harbour pilot"), ("claimed", "the harbour pilot")]


def test_quotation_after_a_plain_sentence_stays_reported(make_doc):
    got = statuses(make_doc, "The quay was shut on Friday. “Nothing will sail before Monday.”")
    assert got[1] == ("reported", None)


@pytest.mark.model
def test_speaker_outside_the_quotation_marks_comes_first(make_doc):
    doc = parsed(make_doc, "“The owners have always insisted the barge was sound,” the pilot said.")
    assert (doc.sentences[0].status, doc.sentences[0].attributed_to) == ("claimed", "the pilot")


# 5. Stances from the parse (issue 4, recall on PolNeAR train); they leave the status alone -------


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The senator accused the mayor of hiding the report.",
            ("The senator", "accused", "the mayor of hiding the report"),
        ),
        ("She called the plan a disaster.", ("She", "called", "the plan a disaster")),
        ("The pilot declined to comment on the closure.", ("The pilot", "declined", "to comment on the closure")),
    ],
)
def test_stance_verb_takes_everything_after_it_as_content(make_doc, text, expected):
    assert found(make_doc, text) == [expected]


@pytest.mark.model
def test_stance_does_not_make_the_sentence_a_claim(make_doc):
    # an accusation ("accused the mayor of hiding the report") is a claim: test_doc_attribution_force.py
    doc = parsed(make_doc, "The senator praised the mayor for publishing the report.")
    assert (doc.sentences[0].status, doc.sentences[0].attributed_to) == ("reported", None)


@pytest.mark.model
def test_any_verb_with_a_subject_and_a_clause_after_it_is_a_stance(make_doc):
    got = found(make_doc, "The engineers learned that the pier was cracked.")
    assert got == [("The engineers", "learned", "that the pier was cracked")]


@pytest.mark.model
def test_verb_whose_clause_is_a_purpose_is_not_a_stance(make_doc):
    assert found(make_doc, "The crews made sure that the pier was closed.") == []


@pytest.mark.model
def test_owned_cue_noun_with_a_that_clause_is_a_nested_source(make_doc):
    got = found(make_doc, "Dock workers rejected the mayor's claim that the ferry was safe.")
    assert ("the mayor", "claim", "that the ferry was safe") in got
    assert got[0][:2] == ("Dock workers", "rejected")


@pytest.mark.model
def test_relative_pronoun_is_the_source_of_its_clause(make_doc):
    assert found(make_doc, "The pilot, who praised the crew, left the quay.") == [("who", "praised", "the crew")]


@pytest.mark.model
def test_name_before_a_colon_is_a_headline_speaker(make_doc):
    got = found(make_doc, "Mayor Oda Fenn: The bridge will reopen in May")
    assert got == [("Mayor Oda Fenn", ":", "The bridge will reopen in May")]


@pytest.mark.model
def test_label_before_a_colon_is_not_a_speaker(make_doc):
    assert found(make_doc, "Question: when will the ferry run?") == []


@pytest.mark.model
def test_first_person_stance_inside_a_quote_is_not_a_new_source(make_doc):
    got = found(make_doc, "“We condemn the closure,” the pilot said.")
    assert [(s, c) for s, c, _ in got] == [("the pilot", "said")]


@pytest.mark.model
def test_stance_inside_a_quotation_is_part_of_the_quote(make_doc):
    got = found(make_doc, "“The crews accused the owners of neglect,” the harbour master said.")
    assert [(s, c) for s, c, _ in got] == [("the harbour master", "said")]


@pytest.mark.model
def test_first_person_report_outside_quotes_is_kept_as_a_stance(make_doc):
    doc = parsed(make_doc, "I told the judge that the ferry was late.")
    assert found(make_doc, "I told the judge that the ferry was late.") == [("I", "told", "that the ferry was late")]
    assert doc.sentences[0].status == "reported"


@pytest.mark.model
def test_as_clause_report_takes_the_main_clause_as_content(make_doc):
    doc = parsed(make_doc, "As the harbour master said, the quay is closed until Monday.")
    assert found(make_doc, "As the harbour master said, the quay is closed until Monday.") == [
        ("the harbour master", "said", "the quay is closed until Monday")
    ]
    assert (doc.sentences[0].status, doc.sentences[0].attributed_to) == ("claimed", "the harbour master")


@pytest.mark.model
def test_passive_report_names_its_agent_as_source(make_doc):
    got = found(make_doc, "The closure was first reported by a local radio station.")
    assert got == [("a local radio station", "reported", "The closure")]


@pytest.mark.model
def test_interview_answer_after_a_colon_is_attributed_to_its_letter(make_doc):
    got = found(make_doc, "A: The ferry never ran on time that winter.")
    assert got == [("A", ":", "The ferry never ran on time that winter")]


@pytest.mark.model
def test_quoted_content_keeps_its_quotation_marks(make_doc):
    got = found(make_doc, "“The quay is shut,” the harbour pilot said.")
    assert got == [("the harbour pilot", "said", "“The quay is shut,”")]


def test_quoted_spans_carry_an_open_quotation_into_the_next_sentence():
    assert quoted_spans("“The quay is shut. ") == ([(0, 19)], True)
    assert quoted_spans("Nothing sails,” she said.", inside=True) == ([(0, 15)], False)
    assert quoted_spans('He said "no" twice.') == ([(8, 12)], False)


@pytest.mark.model
def test_passive_subject_is_not_the_source(make_doc):
    doc = parsed(make_doc, "The board was told that the ferry would run.")
    assert found(make_doc, "The board was told that the ferry would run.") == [
        (None, "told", "that the ferry would run")
    ]
    assert (doc.sentences[0].status, doc.sentences[0].attributed_to) == ("reported", None)


@pytest.mark.model
def test_owned_criticism_of_something_is_a_nested_stance(make_doc):
    got = found(make_doc, "Dock workers welcomed the mayor's criticism of the owners.")
    assert ("the mayor", "criticism", "of the owners") in got


@pytest.mark.model
def test_report_inside_a_quotation_gives_way_to_the_speaker_outside_it(make_doc):
    doc = parsed(make_doc, "“The pilots said the quay was shut,” the harbour master told reporters.")
    got = found(make_doc, "“The pilots said the quay was shut,” the harbour master told reporters.")
    assert [(s, c) for s, c, _ in got] == [("the harbour master", "told")]
    assert doc.sentences[0].attributed_to == "the harbour master"


@pytest.mark.model
def test_as_reported_by_names_the_agent_as_source(make_doc):
    doc = parsed(make_doc, "As reported by the Lisk Herald, the quay was shut on Monday.")
    a = doc.sentences[0].attributions[0]
    assert (doc.text[slice(*a.source)], doc.text[slice(*a.content)]) == (
        "the Lisk Herald",
        "the quay was shut on Monday",
    )
    assert (doc.sentences[0].status, doc.sentences[0].attributed_to) == ("claimed", "the Lisk Herald")


# 6. Stances in one construction, spaCy's "hop", inverted reports (issue 4, PolNeAR train) ----------


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("The harbour board seeks to close the quay.", ("The harbour board", "seeks", "to close the quay")),
        ("The pilots see the closure as a mistake.", ("The pilots", "see", "the closure as a mistake")),
        ("The ferry union talked about the new timetable.", ("The ferry union", "talked", "about the new timetable")),
        ("Most pilots prefer to sail at dawn.", ("Most pilots", "prefer", "to sail at dawn")),
    ],
)
def test_verb_in_its_stance_construction_with_someone_as_subject_is_a_stance(make_doc, text, expected):
    assert found(make_doc, text) == [expected]


@pytest.mark.model
@pytest.mark.parametrize("text", ["The pilots sought shelter in the harbour.", "The pilots saw the bridge at dawn."])
def test_same_verb_outside_its_construction_is_not_a_stance(make_doc, text):
    assert found(make_doc, text) == []


@pytest.mark.model
def test_construction_stance_needs_someone_as_subject(make_doc):
    assert found(make_doc, "It seeks to explain the closure.") == []


@pytest.mark.model
def test_hoped_is_a_stance_even_when_the_lemma_is_hop(make_doc):
    got = found(make_doc, "The ferry owners had hoped to reopen the quay by June.")
    assert got == [("The ferry owners", "hoped", "to reopen the quay by June")]


def test_lemma_of_mends_hop_only_for_forms_of_hope():
    assert lemma_of(Token(0, 5, "hoped", "hop", "VERB", "VBD", "ROOT", 0)) == "hope"
    assert lemma_of(Token(0, 7, "hopping", "hop", "VERB", "VBG", "ROOT", 0)) == "hop"


@pytest.mark.model
def test_inverted_report_takes_the_long_description_into_the_source(make_doc):
    text = "Every single ferry,” said Oda Fenn, a pilot who has sailed there for years."
    got = found(make_doc, text)
    assert got == [("Oda Fenn, a pilot who has sailed there for years", "said", "Every single ferry")]


@pytest.mark.model
def test_gerund_that_modifies_a_noun_is_said_by_that_noun(make_doc):
    got = found(make_doc, "A photo of the old pilot denouncing the owners hung in the office.")
    assert ("the old pilot", "denouncing", "the owners") in got


@pytest.mark.model
def test_report_after_a_verb_of_going_on_is_real(make_doc):
    got = found(make_doc, "The harbour master continues to insist that the quay is safe.")
    assert got[0] == ("The harbour master", "insist", "that the quay is safe")


def test_two_apostrophes_are_a_quotation_mark():
    assert quoted_spans("''The quay is shut,'' she said.") == ([(0, 21)], False)
    assert quoted_spans("''The quay is shut. ") == ([(0, 20)], True)


@pytest.mark.model
def test_stance_inside_a_quotation_in_apostrophes_is_part_of_the_quote(make_doc):
    got = found(make_doc, "''The crews accused the owners of neglect,'' the harbour master said.")
    assert [(s, c) for s, c, _ in got] == [("the harbour master", "said")]


@pytest.mark.model
def test_thought_inside_what_someone_said_is_part_of_the_content(make_doc):
    got = found(make_doc, "The pilot told reporters that he believes the quay will reopen.")
    assert [(s, c) for s, c, _ in got] == [("The pilot", "told")]


@pytest.mark.model
def test_saying_inside_what_someone_said_stays_a_nested_source(make_doc):
    got = found(make_doc, "The pilot said the harbour master told him the quay was shut.")
    assert [(s, c) for s, c, _ in got] == [("The pilot", "said"), ("the harbour master", "told")]


@pytest.mark.model
def test_according_to_inside_what_someone_said_stays_a_nested_source(make_doc):
    got = found(make_doc, "The pilot said that, according to the harbour log, the ferry left at noon.")
    assert ("the harbour log", "according to") in [(s, c) for s, c, _ in got]


@pytest.mark.model
def test_be_and_an_adjective_of_stance_with_a_complement_is_a_stance(make_doc):
    got = found(make_doc, "The pilots were quick to blame the owners.")
    assert got == [("The pilots", "were quick", "to blame the owners")]


@pytest.mark.model
def test_adjective_of_stance_without_a_complement_is_not_a_stance(make_doc):
    assert found(make_doc, "The pilots were quick.") == []


@pytest.mark.model
def test_want_with_a_named_subject_is_a_stance(make_doc):
    assert found(make_doc, "Senator Oda Fenn wants a new bridge.") == [("Senator Oda Fenn", "wants", "a new bridge")]


@pytest.mark.model
def test_want_with_an_unnamed_subject_is_not_a_stance(make_doc):
    assert found(make_doc, "The pilots want a new bridge.") == []


@pytest.mark.model
def test_gerund_after_a_preposition_borrows_the_subject_of_its_verb(make_doc):
    got = found(make_doc, "The mayor ended the meeting by saying that the quay would reopen.")
    assert ("The mayor", "saying", "that the quay would reopen") in got


@pytest.mark.model
def test_cue_closing_a_sentence_with_a_colon_says_the_next_sentences_of_an_open_quote(make_doc):
    text = "The harbour master said:\n\n“The quay is shut. Nobody may moor there.” Boats left at noon."
    doc = parsed(make_doc, text)
    a = next(a for s in doc.sentences for a in s.attributions if doc.text[a.cue[0] : a.cue[1]] == "said")
    assert doc.text[a.source[0] : a.source[1]] == "The harbour master"
    assert doc.text[a.content[0] : a.content[1]] == "“The quay is shut. Nobody may moor there.”"
    assert doc.sentences[0].status == "reported"  # the colon lead adds an attribution, not a status


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The warning came from harbour master Ines Varga, who closed the quay and rejected claims that it was"
            " safe.",
            "harbour master Ines Varga",
        ),
        ("The ferry board, which met on Monday and denied that fares would rise, has six members.", "the ferry board"),
    ],
)
def test_speaker_of_a_relative_clause_is_the_noun_it_hangs_on(make_doc, text, speaker):
    (sentence,) = parsed(make_doc, text).sentences
    assert sentence.status == "denied"
    assert sentence.attributed_to is not None and sentence.attributed_to.casefold() == speaker.casefold()
    sources = {
        sentence.text[a.source[0] - sentence.start : a.source[1] - sentence.start]
        for a in sentence.attributions
        if a.source
    }
    assert sources & {"who", "which"}  # the source as written is the pronoun; the speaker is what it stands for


@pytest.mark.model
def test_denial_of_that_followed_by_a_claim_of_its_own_is_the_speakers_claim(make_doc):
    doc = parsed(make_doc, "The union rejects that and says the drivers were never consulted.")
    assert (doc.sentences[0].status, doc.sentences[0].attributed_to) == ("claimed", "the union")


@pytest.mark.model
def test_denial_of_a_stated_claim_stays_a_denial_with_a_claim_after_it(make_doc):
    doc = parsed(make_doc, "The council denied that the bridge was unsafe and said it would reopen on Monday.")
    assert doc.sentences[0].status == "denied"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*ROLES, "GOVERNOR", "Mayor", "ſecretary", "İ", "\u212a", "x", " ", ",", "s"]), max_size=8)
)
def test_role_search_kept_to_first_letters_finds_what_the_plain_pattern_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = re.compile(rf"\b(?i:{'|'.join(ROLES)})\b")
    assert [m.span() for m in _ANY_ROLE.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.model
def test_someone_confident_of_a_clause_holds_it_as_a_stance(make_doc):
    doc = parsed(make_doc, "Senator Ana Rusk is confident that the ferry will run again in May.")
    assert found(make_doc, "Senator Ana Rusk is confident that the ferry will run again in May.") == [
        ("Senator Ana Rusk", "is confident", "that the ferry will run again in May")
    ]
    assert (doc.sentences[0].status, doc.sentences[0].attributed_to) == ("reported", None)


@pytest.mark.model
def test_it_is_clear_that_has_no_holder(make_doc):
    assert found(make_doc, "It is clear that the ferry will run again in May.") == []


@pytest.mark.model
def test_an_owned_view_opened_by_be_is_its_owners_stance(make_doc):
    got = found(make_doc, "The harbour master's view is that the quay must be rebuilt.")
    assert got == [("The harbour master", "view is", "that the quay must be rebuilt")]


def _late(subject: list[tuple[str, str, str, str, str, int]], verb: tuple[str, str]) -> Sentence:
    """ "<subject> <verb> the ferry is late.", the verb the root after the subject's words."""
    n = len(subject)
    text = " ".join(w[0] for w in subject) + f" {verb[0]} the ferry is late."
    rest = [
        (verb[0], verb[1], "VERB", "VBZ", "ROOT", n),
        ("the", "the", "DET", "DT", "det", n + 2),
        ("ferry", "ferry", "NOUN", "NN", "nsubj", n + 3),
        ("is", "be", "AUX", "VBZ", "ccomp", n),
        ("late", "late", "ADJ", "JJ", "acomp", n + 3),
        (".", ".", "PUNCT", ".", "punct", n),
    ]
    return parsed_sentence(text, [*subject, *rest])


def test_a_demonstrative_subject_names_no_speaker_and_the_sentence_stays_a_report() -> None:
    that = judge_parsed(_late([("That", "that", "PRON", "DT", "nsubj", 1)], ("suggests", "suggest")), None)
    assert that.status == "reported" and that.speaker is None
    assert [(a.cue, a.source, a.speaker) for a in that.attributions] == [((5, 13), None, None)]
    named = [("Nia", "Nia", "PROPN", "NNP", "compound", 1), ("Roe", "Roe", "PROPN", "NNP", "nsubj", 2)]
    roe = judge_parsed(_late(named, ("said", "say")), None)
    assert roe.status == "claimed" and [a.source for a in roe.attributions] == [(0, 7)]
