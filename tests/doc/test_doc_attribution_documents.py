"""``doc/attribution_documents.py``: what a released or issued document shows or names is its issuer's
claim; a document with no issuer stays the outlet's report. Our own sentences, real parse."""

from __future__ import annotations

import pytest

from storyline.config import Config
from storyline.doc.attribution import attribute_document
from storyline.doc.attribution_documents import issuer_before
from storyline.doc.attribution_force import stands_for

OUTLET = "Lisk Herald"


def verdicts(make_doc, text: str) -> list[tuple[str, str | None]]:
    from storyline.doc import nlp

    doc = attribute_document(nlp.build(Config())(make_doc(text, source=OUTLET)))
    return [(s.status, s.attributed_to) for s in doc.sentences]


def test_an_issuer_named_before_the_document_is_its_speaker():
    assert issuer_before("the FBI list released on Thursday") == "the FBI"
    assert issuer_before("the Harbor Authority estimate") == "the Harbor Authority"
    assert stands_for("the FBI list released on Thursday", {}) == "the FBI"


def test_a_nationality_before_the_document_names_no_issuer():
    assert issuer_before("the Ukrainian images") is None
    assert issuer_before("the list") is None


@pytest.mark.model
def test_video_released_by_his_office_is_the_claim_of_the_office_holder(make_doc):
    text = (
        "Mayor Ilse Varga toured the flooded quarter on Monday. "
        "Varga said the pumps would run all week. "
        "Video released by his office showed boats moving along the main street."
    )
    # "his" is resolved as "he" would be: the person the sentence before named
    assert verdicts(make_doc, text)[2] == ("claimed", "Ilse Varga")


@pytest.mark.model
def test_a_list_that_names_people_is_the_claim_of_its_issuer(make_doc):
    text = "The Coast Guard list released on Friday named 41 people still missing at sea."
    assert verdicts(make_doc, text) == [("claimed", "the Coast Guard")]


@pytest.mark.model
def test_an_issued_list_beside_another_speakers_figure_is_a_claim_of_its_own(make_doc):
    from storyline.doc import nlp

    text = "The port chief put the number at 60 on Monday, while the NTSB list released on Friday named 41 people."
    doc = attribute_document(nlp.build(Config())(make_doc(text, source=OUTLET)))
    speakers = [stands_for(a.speaker, {}) for a in doc.sentences[0].attributions if a.speaker]
    assert "the NTSB" in speakers


@pytest.mark.model
def test_images_with_no_issuer_stay_the_outlets_report(make_doc):
    assert verdicts(make_doc, "The images showed a burned pontoon below the bridge.") == [("reported", None)]


@pytest.mark.model
def test_pictures_they_released_are_the_claim_of_who_they_are(make_doc):
    text = (
        "Port officials said on Monday that the quay had reopened, and pictures they released showed "
        "cranes loading a ship."
    )
    assert verdicts(make_doc, text) == [("claimed", "Port officials")]
