"""A denial joins the event of the claim it rejects when who, what and when fit (``corpus/denial_parties.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from builders import build_document
from storyline.corpus.denial_parties import (
    answer_by_parties,
    denied_words,
    names_the_teller,
    owns_in_claim,
    points_back_first,
    rare_stems,
    shares_a_rare_word,
    tells_a_dispute,
)
from storyline.records import Mention

CLAIM_TEXT = "Divers from the coastal institute said they had filmed thick grey sludge from Portmere Shipping's hull."
DENIAL_TEXT = "Portmere Shipping denied the presence of any sludge near the wreck."
CLAIM_DOC = build_document(CLAIM_TEXT, "2025-03-02", "gazette")
DENIAL_DOC = build_document(DENIAL_TEXT, "2025-03-04", "courier")
# Reports on other things, so that "sludge" is a rare word of the story, and "Portmere" a common one.
FILLER = [
    build_document(f"Portmere harbour crews worked shift {k} on the quay.", "2025-03-03", "wire") for k in range(30)
]
DOCUMENTS = {d.id: d for d in (CLAIM_DOC, DENIAL_DOC, *FILLER)}
CLAIM = Mention(CLAIM_DOC.id, 0, CLAIM_TEXT, "claimed", "Divers from the coastal institute", "2025-03-02", False)
DENIAL = Mention(DENIAL_DOC.id, 0, DENIAL_TEXT, "denied", "Portmere Shipping", "2025-03-04", False)
OTHER = Mention(DENIAL_DOC.id, 1, "Portmere Shipping runs six ferries.", "reported", None, "2025-03-04", False)
OUTLETS = {CLAIM_DOC.id: "Harbour Gazette", DENIAL_DOC.id: "Valley Courier"}
NEAR, FAR = np.array([1.0, 0.0], dtype=np.float32), np.array([0.0, 1.0], dtype=np.float32)


def _join(claim: Mention, near: bool = True, fits: bool = True) -> list[list[int]]:
    mentions = [claim, OTHER, DENIAL]
    vectors = np.stack([NEAR, FAR, FAR])

    def encode(texts: Sequence[str]) -> np.ndarray:
        return np.stack([NEAR if near else FAR for _ in texts])

    groups = [[0], [1, 2]]
    return answer_by_parties(groups, mentions, vectors, encode, {}, OUTLETS, DOCUMENTS, frozenset(), lambda i, g: fits)


def test_a_claim_naming_what_the_denier_owns_tells_of_him():
    assert owns_in_claim("Portmere Shipping", CLAIM_TEXT)  # "Portmere Shipping's hull"
    assert owns_in_claim("Ivo Brand", "The fire spread from Brand's tanker to the pier.")
    assert not owns_in_claim("Ivo Brand", "Ivo Brand met the mayor on the pier.")  # named, owning nothing
    assert not owns_in_claim(None, CLAIM_TEXT)


def test_a_denial_names_the_teller_of_what_it_rejects():
    denial = "The ministry rejected the harbour board's claims that the dam leaked."
    assert names_the_teller(denial, "the harbour board")
    assert not names_the_teller(denial, "Ana Roe")
    assert not names_the_teller("The ministry denied that the dam leaked.", "the harbour board")  # names no teller


def test_the_words_compared_in_meaning_are_the_denied_ones_without_their_teller():
    assert denied_words("The ministry rejected the harbour board's claims that the dam leaked.") == (
        "claims that the dam leaked"
    )


def test_a_rare_content_word_of_what_is_denied_must_be_in_the_claim():
    rare = rare_stems(d.text for d in DOCUMENTS.values())
    assert shares_a_rare_word(DENIAL_TEXT, CLAIM_TEXT, rare)  # "sludge"
    common_only = "Portmere Shipping denied that crews worked on the quay."
    assert not shares_a_rare_word(common_only, "Crews worked on the quay all week, the union said.", rare)


def test_a_claim_negating_the_denied_word_agrees_with_the_denial():
    rare = rare_stems(d.text for d in DOCUMENTS.values())
    assert not shares_a_rare_word(DENIAL_TEXT, "Divers found no sludge of any kind.", rare)
    assert shares_a_rare_word(DENIAL_TEXT, "Divers found sludge, not oil, near the wreck.", rare)  # "oil" negated
    far = "Divers said there was no reason at all to think of any sludge."
    assert not shares_a_rare_word(DENIAL_TEXT, far, rare)  # negated to the end of its clause


def test_a_denial_pointing_back_answers_no_claim_of_another_event():
    assert points_back_first("The firm denied these claims, instead faulting its contractor for the sludge.")
    assert points_back_first("He denied it.")
    assert not points_back_first(DENIAL_TEXT)
    assert not points_back_first("The firm disputed the claims that the hull leaked sludge.")  # what is denied follows


def test_a_claim_retelling_a_dispute_is_none_a_denial_answers():
    assert tells_a_dispute("The firm reiterated disputes about the divers' findings.")
    assert not tells_a_dispute(CLAIM_TEXT)


def test_a_denial_joins_the_event_of_the_claim_whose_who_what_and_when_fit():
    assert _join(CLAIM) == [[0, 2], [1]]


def test_without_each_signal_the_denial_stays():
    assert _join(CLAIM, near=False) == [[0], [1, 2]]  # not near in meaning
    assert _join(CLAIM, fits=False) == [[0], [1, 2]]  # the event's hard rules
    later = replace(CLAIM, date="2025-03-09")
    assert _join(later) == [[0], [1, 2]]  # told after the denial
    not_his = replace(CLAIM, text=CLAIM_TEXT.replace("Portmere Shipping's hull", "the wreck"))
    assert _join(not_his) == [[0], [1, 2]]  # tells nothing of the denier's
    other_thing = replace(CLAIM, text=CLAIM_TEXT.replace("sludge", "divers"))
    assert _join(other_thing) == [[0], [1, 2]]  # no rare word of what is denied
    own = replace(CLAIM, attributed_to="Portmere Shipping")
    assert _join(own) == [[0], [1, 2]]  # the denier's own claim


def test_a_denial_answering_a_claim_of_its_own_event_stays():
    near = Mention(DENIAL_DOC.id, 1, "Divers said there was sludge near the wreck.", "claimed", "Divers", None, False)
    mentions = [CLAIM, near, DENIAL]
    vectors = np.stack([NEAR, FAR, FAR])
    groups = answer_by_parties(
        [[0], [1, 2]],
        mentions,
        vectors,
        lambda texts: np.stack([NEAR for _ in texts]),
        {},
        OUTLETS,
        DOCUMENTS,
        frozenset(),
        lambda i, g: True,
    )
    assert groups == [[0], [1, 2]]
