"""Which attributions decide a sentence's status, and who surnames and released documents stand for."""

from __future__ import annotations

import pytest

from storyline.config import Config
from storyline.doc.attribution import attribute_document, judge_sentence
from storyline.doc.attribution_force import covers_more_than_one, remember_name, stands_for

OUTLET = "Lisk Herald"


def verdicts(make_doc, text: str) -> list[tuple[str, str | None]]:
    """(status, attributed_to) of every sentence after the real nlp and attribution stages."""
    from storyline.doc import nlp

    doc = attribute_document(nlp.build(Config())(make_doc(text, source=OUTLET)))
    return [(s.status, s.attributed_to) for s in doc.sentences]


# 1. Without the parse ------------------------------------------------------------------------


def test_a_surname_stands_for_the_name_the_document_gave_first():
    names: dict[str, str] = {}
    remember_name("Mayor Ilse Varga", names)
    assert stands_for("Varga", names) == "Mayor Ilse Varga"
    assert stands_for("Orsk", names) == "Orsk"


def test_a_released_document_stands_for_whoever_released_it_then_and_later():
    names: dict[str, str] = {}
    assert stands_for("A survey published on Monday by the port authority", names) == "the port authority"
    assert stands_for("Footage shared by the fire brigade", names) == "the fire brigade"
    assert stands_for("the survey", names) == "the port authority"
    assert stands_for("the list", names) == "the list"  # no list was released in this story


def test_either_and_both_cover_more_than_one_account():
    assert covers_more_than_one("either account")
    assert covers_more_than_one("both figures")
    assert not covers_more_than_one("the number of boats")


def test_neither_account_could_be_confirmed_is_a_hedge_not_a_confirmation():
    verdict = judge_sentence("Neither side's account of the night raid could be independently confirmed.", 0, OUTLET)
    assert (verdict.status, verdict.speaker) == ("unverified", None)


def test_no_deaths_were_confirmed_is_no_hedge():
    assert judge_sentence("No deaths were confirmed by the coroner on Monday.", 0, OUTLET).status != "unverified"


# 2. On the parse -------------------------------------------------------------------------------


@pytest.mark.model
def test_a_saying_that_did_not_happen_leaves_the_sentence_to_the_outlet(make_doc):
    text = "The port authority said the quay had reopened. The authority did not say how many ships had docked."
    assert verdicts(make_doc, text) == [("claimed", "the port authority"), ("reported", None)]


@pytest.mark.model
def test_a_saying_in_a_relative_clause_on_another_noun_leaves_the_sentence_to_the_outlet(make_doc):
    text = "Ferries resumed on Friday, the same day that the harbour board announced it was lifting the ban."
    assert verdicts(make_doc, text) == [("reported", None)]


@pytest.mark.model
def test_a_speaker_named_before_who_said_keeps_the_claim(make_doc):
    text = "Mayor Ilse Varga, who said the quay was safe, visited the harbour on Friday."
    assert verdicts(make_doc, text) == [("claimed", "Mayor Ilse Varga")]


@pytest.mark.model
def test_finding_things_untouched_is_no_saying(make_doc):
    text = "Fishermen who left the bay have started to come back, finding some boats untouched and others sunk."
    assert verdicts(make_doc, text) == [("reported", None)]


@pytest.mark.model
def test_an_accusation_is_the_accusers_claim(make_doc):
    assert verdicts(make_doc, "The union accused the port owner of cutting the safety budget.") == [
        ("claimed", "the union")
    ]
    assert verdicts(make_doc, "The mayor of Orsk, Pavel Drin, blamed a faulty valve for the spill.") == [
        ("claimed", "Pavel Drin")
    ]
    assert verdicts(make_doc, "The ministry described the closure of the bridge as a safety measure.") == [
        ("claimed", "the ministry")
    ]


@pytest.mark.model
def test_an_owned_account_is_the_owners_claim(make_doc):
    text = "Orsk's account is that the barge struck the pier in fog."
    assert verdicts(make_doc, text) == [("claimed", "Orsk")]


@pytest.mark.model
def test_a_later_surname_is_the_person_the_story_named_first(make_doc):
    text = "Governor Ivo Marten said on Monday that the levee held. Marten said more rain was due."
    assert verdicts(make_doc, text) == [("claimed", "Governor Ivo Marten"), ("claimed", "Governor Ivo Marten")]


@pytest.mark.model
def test_a_hedge_on_either_account_reaches_the_claim_before_it(make_doc):
    text = (
        "The rebels have said that 12 boats sank. Port officials say the real number is lower, "
        "and the Lisk Herald could not verify either account."
    )
    assert verdicts(make_doc, text) == [("unverified", "the rebels"), ("unverified", "Port officials")]


@pytest.mark.model
def test_images_released_by_a_party_are_its_claim(make_doc):
    text = "Images released by the navy showed a tug pulling the barge off the rocks. The images were blurred."
    assert verdicts(make_doc, text)[0] == ("claimed", "the navy")


@pytest.mark.model
def test_could_not_determine_from_the_images_is_the_outlets_hedge(make_doc):
    text = (
        "The images showed a burned pontoon below the bridge. "
        "The Lisk Herald could not determine from the images which side held the east bank."
    )
    assert verdicts(make_doc, text)[1] == ("unverified", None)
