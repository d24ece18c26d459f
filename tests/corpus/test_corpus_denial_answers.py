"""Which claim a denial answers (``corpus/denial_answers.py``), on mentions of our own."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from corpus.test_corpus_events import WordEncoder
from storyline.config import EventsConfig
from storyline.corpus.deeds import Deed
from storyline.corpus.denial_answers import answer_denials, is_conditional_denial, is_contested, may_answer
from storyline.corpus.events import find_events
from storyline.records import Attribution, Entity, Mention, Story

SANK = Deed("valdo", "Valdorian warships", "sank the ferry", "sank", frozenset({"ferry"}))
REPORT = Mention("wire", 0, "The ferry was sunk off the breakwater on Monday.", "reported", None, "2024-05-06", False)
CLAIM = Mention("wire", 1, "Ostmark said Valdorian warships sank the ferry.", "claimed", "Ostmark", "2024-05-06", False)
DENIAL = Mention(
    "wire", 2, "Valdoria denied that its navy had sunk the ferry.", "denied", "Valdoria", "2024-05-06", False
)
DEEDS = {
    ("wire", 0): Deed(None, "", "sunk The ferry", "sunk", frozenset({"ferry"}), agentive=False),
    ("wire", 1): SANK,
    ("wire", 2): Deed("valdo", "Valdoria", "sunk the ferry", "sunk", frozenset({"ferry"})),
}
OUTLETS = {"wire": "Harbour Wire"}


def test_a_denial_of_who_did_it_answers_the_claim_naming_that_doer_not_the_report_of_the_happening():
    assert may_answer(DENIAL, CLAIM, DEEDS, OUTLETS)
    assert not may_answer(DENIAL, REPORT, DEEDS, OUTLETS)
    assert not is_contested([REPORT, DENIAL], DEEDS, OUTLETS)
    assert is_contested([REPORT, CLAIM, DENIAL], DEEDS, OUTLETS)


def test_a_denial_of_what_happened_answers_any_claim_of_another_party():
    plain = Mention(
        "paper", 3, "The port authority denied that the ferry sank.", "denied", "The port authority", None, False
    )
    assert may_answer(plain, REPORT, {}, OUTLETS)
    assert may_answer(plain, CLAIM, {}, OUTLETS)


def test_a_party_never_answers_its_own_claim():
    own = Mention(
        "paper", 4, "Valdoria's navy said Valdorian mines sank the ferry.", "claimed", "Valdoria's navy", None, False
    )
    deeds = {**DEEDS, ("paper", 4): SANK}
    assert not may_answer(DENIAL, own, deeds, OUTLETS)


def test_a_thing_doing_the_same_act_to_the_same_object_is_the_doer_denied():
    lines = Deed(None, "the company's cables", "started the blaze", "started", frozenset({"blaze"}))
    denied = Deed("coast", "Coastline Power", "started the blaze", "started", frozenset({"blaze"}))
    claim = Mention(
        "a", 0, "The county said the company's cables started the blaze.", "claimed", "The county", None, False
    )
    denial = Mention(
        "b", 0, "Coastline Power denied that its cables started the blaze.", "denied", "Coastline Power", None, False
    )
    assert may_answer(denial, claim, {("a", 0): lines, ("b", 0): denied}, {})


def test_a_denial_moves_to_the_group_of_the_claim_it_answers_in_its_own_report_first():
    mentions = [REPORT, CLAIM, DENIAL]
    vectors = np.eye(3, dtype=np.float32)  # nothing alike: the shared object "ferry" ties them
    groups = answer_denials([[0, 2], [1]], mentions, vectors, DEEDS, OUTLETS, set(), 0.5, lambda i, g: True)
    assert groups == [[0], [1, 2]]
    kept = answer_denials([[0, 2], [1]], mentions, vectors, DEEDS, OUTLETS, set(), 0.5, lambda i, g: False)
    assert kept == [[0, 2], [1]]  # the hard rules of the event refuse it


def test_the_events_stage_puts_a_denial_of_who_did_it_with_the_claim_it_answers(make_doc):
    doc = make_doc(
        "The ferry Northwind was sunk off the breakwater of Portmere on Monday. "
        "Ostmark said Valdorian warships sank the ferry Northwind near Portmere. "
        "Valdoria denied that its navy had fired on the ferry Northwind.",
        published="2024-05-07",
        source="Harbour Wire",
    )

    def said(index: int, who: str, content: str, status: str, party: str) -> None:
        nonlocal doc
        s = doc.sentences[index]
        at, p = s.text.index(content), s.text.index(party)
        kind = "denial" if status == "denied" else "claim"
        att = Attribution((s.start, s.start + 1), (s.start + at, s.start + at + len(content)), None, who, kind)  # type: ignore[arg-type]
        ent = Entity(s.start + p, s.start + p + len(party), party, "NORP")
        new = replace(s, status=status, attributed_to=who, attributions=(att,), entities=(ent,))  # type: ignore[arg-type]
        doc = replace(doc, sentences=tuple(new if x.index == index else x for x in doc.sentences))

    said(1, "Ostmark", "Valdorian warships sank the ferry Northwind near Portmere", "claimed", "Valdorian")
    said(2, "Valdoria", "that its navy had fired on the ferry Northwind", "denied", "Valdoria")
    events = find_events(
        Story(id="s", title="t", documents=(doc,)), WordEncoder(), EventsConfig(same_event_cosine=0.99)
    )
    with_denial = next(e for e in events if any(m.status == "denied" for m in e.mentions))
    assert sorted(m.sentence for m in with_denial.mentions) == [1, 2]
    assert with_denial.contested
    assert not any(e.contested for e in events if e is not with_denial)


def test_a_refusal_of_a_plan_offer_or_request_answers_no_claim():
    claim = Mention(
        "a", 0, "Ostmark's envoy said the Valdorian premier had accepted the truce plan.", "claimed", "Ostmark's envoy",
        None, False,
    )  # fmt: skip
    for text in (
        "The harbour council rejected the truce plan, saying it ignored the blockade.",
        "The harbour council swiftly rejected an Ostmark peace initiative on Monday.",
        "The harbour council dismissed calls for the premier to step down.",
        "The harbour council had rejected any form of foreign intervention.",
        "The harbour council rejected Valdorian cease-fire offers that left the blockade in place.",
        "The harbour council has rejected the name marsh fever, and opted for coast fever.",
        "The harbour council dismissed the label rebels for the strikers.",
        "The harbour council rejected the engineers' recommendation to close the lock gates.",
        "The harbour council turned down its own surveyors' advice on dredging.",
    ):
        refusal = Mention("b", 0, text, "denied", "The harbour council", None, False)
        assert not may_answer(refusal, claim, {}, OUTLETS), text
        assert not is_contested([claim, refusal], {}, OUTLETS)


def test_a_rejection_of_what_someone_said_still_answers_the_claim():
    claim = Mention(
        "a", 0, "Ostmark's envoy said the premier had fled to the coast.", "claimed", "Ostmark's envoy", None, False
    )
    for text in (
        "The harbour council rejected the envoy's account of the talks.",
        "The harbour council dismissed the truce announcement as a ruse.",
        "The harbour council rejected the idea that the premier had fled.",
        "The harbour council rejected the plan, and denied that the premier had fled.",
    ):
        denial = Mention("b", 0, text, "denied", "The harbour council", None, False)
        assert may_answer(denial, claim, {}, OUTLETS), text


def test_a_claim_told_only_as_a_condition_is_answered_by_no_denial():
    hypothetical = Mention(
        "a", 0, "If the strikes on the depot are confirmed, Ostmark could face new sanctions.", "claimed",
        "analysts", None, False,
    )  # fmt: skip
    denial = Mention("b", 0, "Ostmark denied striking the depot.", "denied", "Ostmark", None, False)
    assert not may_answer(denial, hypothetical, {}, OUTLETS)
    plain = replace(hypothetical, text="Analysts said Ostmark struck the depot, and if so it could face sanctions.")
    assert may_answer(denial, plain, {}, OUTLETS)


def test_a_party_and_its_acronym_are_one_party():
    claim = Mention("a", 0, "The NHC insisted the ferry line stay closed.", "claimed", "The NHC", None, False)
    denial = Mention(
        "b", 0, "The rebel Northern Harbour Council (NHC) denied holding talks with Valdoria.", "denied",
        "The rebel Northern Harbour Council (NHC)", None, False,
    )  # fmt: skip
    assert not may_answer(denial, claim, {}, OUTLETS)
    spelled = replace(denial, attributed_to="Ostmark's rebel Northern Harbour Council")
    assert not may_answer(spelled, claim, {}, OUTLETS)
    after_the = replace(denial, attributed_to="The Northern Harbour Council")  # "The" is no initial
    assert not may_answer(after_the, claim, {}, OUTLETS)
    other = replace(claim, attributed_to="The NRA")
    assert may_answer(denial, other, {}, OUTLETS)


def test_a_denial_of_the_claim_in_its_own_sentence_answers_no_other_claim():
    other = Mention("a", 3, "Ostmark said its gunboats had left the harbour.", "claimed", "Ostmark", None, False)
    for text in (
        "Fighting for the lighthouse was under way, a guard said, although a Valdorian source denied the report.",
        "Ostmark officials say Valdorian shells hit 40 homes, and Valdoria denies them.",
    ):
        denial = Mention("a", 5, text, "denied", "a Valdorian source", None, False)
        assert not may_answer(denial, other, {}, OUTLETS), text
    plain = Mention("a", 5, "Valdoria denied the report.", "denied", "Valdoria", None, False)
    assert may_answer(plain, other, {}, OUTLETS)


def test_a_claim_told_with_no_speaker_that_opens_on_the_denier_is_the_denier_s_own():
    own = Mention(
        "wire", 7, "The Valdorian navy has blamed smugglers for sinking the ferry.", "claimed", None, None, False
    )
    denial = Mention(
        "paper", 2, "The Valdorian navy denied sinking the ferry.", "denied", "The Valdorian navy", None, False
    )
    assert not may_answer(denial, own, {}, OUTLETS)
    assert may_answer(denial, replace(own, text="Smugglers have blamed the Valdorian navy."), {}, OUTLETS)


def test_a_refusal_of_an_offer_told_before_the_refusing_verb_answers_no_claim():
    claim = Mention(
        "a", 0, "Ostmark's envoy said the premier would visit the harbour in June.", "claimed", "Ostmark's envoy",
        None, False,
    )  # fmt: skip
    for text in (
        "The premier offered a truce to the council on Monday and the council rejected it.",
        "The premier proposed new talks, but the council turned them down.",
        "The premier wants the blockade lifted first, terms the council rejects.",
        "The council dismissed the conditions that the premier set for a truce.",
    ):
        refusal = Mention("b", 0, text, "denied", "the council", None, False)
        assert not may_answer(refusal, claim, {}, OUTLETS), text
    said = Mention(
        "b",
        0,
        "The premier's aide announced the port was open, and the council dismissed it.",
        "denied",
        "the council",
        None,
        False,
    )
    assert may_answer(said, claim, {}, OUTLETS)
    told = Mention(
        "b", 0, "Ostmark reported the premier had fled; the council rejected it.", "denied", "the council", None, False
    )
    assert may_answer(told, claim, {}, OUTLETS)


def test_a_body_and_its_own_spokesman_or_council_under_a_shorter_name_are_one_party():
    spokesman = Mention(
        "wire", 4, "Government spokesman Ivo Brand said the blast was staged to hide a raid.", "claimed",
        "Government spokesman Ivo Brand", None, False,
    )  # fmt: skip
    denial = Mention(
        "wire", 3, "Valdoria's government denied a rebel report that the general had been killed.", "denied",
        "Valdoria's government", None, False,
    )  # fmt: skip
    assert not may_answer(denial, spokesman, {}, OUTLETS)
    council = Mention(
        "wire", 2, "Ostmark's rebel Northern Harbour Council said it was holding no talks.", "claimed",
        "Ostmark's rebel Northern Harbour Council", None, False,
    )  # fmt: skip
    short = Mention(
        "paper", 1, "The rebel council denied holding talks in the port.", "denied", "The rebel council", None, False
    )
    assert not may_answer(short, council, {}, OUTLETS)


def test_bodies_of_one_kind_named_for_different_parties_stay_apart():
    claim = Mention(
        "wire", 4, "The Ostmark government said the blast was staged.", "claimed", "The Ostmark government", None, False
    )
    denial = Mention(
        "wire",
        3,
        "Valdoria's government denied that the blast was staged.",
        "denied",
        "Valdoria's government",
        None,
        False,
    )
    assert may_answer(denial, claim, {}, OUTLETS)
    # a bare "the government" is the report's own one, not another report's government
    bare = Mention("paper", 4, "The government said the blast was staged.", "claimed", "The government", None, False)
    assert may_answer(denial, bare, {}, OUTLETS)
    assert not may_answer(denial, replace(bare, document="wire"), {}, OUTLETS)
    council = Mention("paper", 1, "The city council said talks were held.", "claimed", "The city council", None, False)
    rebel = Mention("wire", 1, "The rebel council denied holding talks.", "denied", "The rebel council", None, False)
    assert may_answer(rebel, council, {}, OUTLETS)


def test_a_claim_of_what_would_happen_on_a_condition_is_answered_by_no_denial():
    denial = Mention(
        "b", 0, "The port authority denied that any of the admiral's officers were in the city.", "denied",
        "The port authority", None, False,
    )  # fmt: skip
    for text in (
        "A ministry spokesman said the city would detain any of the admiral's officers should they arrive.",
        "The envoy said the officers could be handed over if they were found in the city.",
    ):
        conditional = Mention("a", 0, text, "claimed", "A ministry spokesman", None, False)
        assert not may_answer(denial, conditional, {}, OUTLETS), text
    plain = Mention(
        "a", 0, "A ministry spokesman said the admiral's officers were hiding in the city.", "claimed",
        "A ministry spokesman", None, False,
    )  # fmt: skip
    assert may_answer(denial, plain, {}, OUTLETS)


def test_a_rejection_that_holds_only_on_a_condition_answers_no_claim():
    claim = Mention(
        "a", 0, "The harbour board said new rules forced ferries to cut crews.", "claimed", None, None, False
    )
    for text in (
        "The port office checks each ferry and rejects it if its papers are late.",
        "Inspectors deny boarding unless the crew list is signed.",
    ):
        assert not may_answer(Mention("b", 3, text, "denied", "The port office", None, False), claim, {}, OUTLETS), text
    plain = Mention("b", 3, "The port office denied that rules forced cuts.", "denied", "The port office", None, False)
    assert may_answer(plain, claim, {}, OUTLETS)


def test_a_refusal_of_an_act_told_with_its_gerund_answers_no_claim():
    claim = Mention(
        "a", 0, "Dr Roe testified that the patient had asked her for sedatives to sleep.", "claimed", "Dr Roe", None,
        False,
    )  # fmt: skip
    for text in (
        "Other doctors rejected using sedatives to help the patient sleep.",
        "The council refused sending more sedatives to the clinic.",
    ):
        refusal = Mention("a", 1, text, "denied", "Other doctors", None, False)
        assert not may_answer(refusal, claim, {}, OUTLETS), text
    denial = Mention("a", 1, "The clinic denied giving the patient sedatives.", "denied", "The clinic", None, False)
    assert may_answer(denial, claim, {}, OUTLETS)
    ruling = Mention("a", 1, "The clinic rejected the ruling on sedatives.", "denied", "The clinic", None, False)
    assert may_answer(ruling, claim, {}, OUTLETS)


def test_a_denial_calling_untrue_the_claim_told_first_in_its_sentence_answers_no_other_claim():
    own = Mention(
        "a", 3, "The army said its troops had retaken Kessel but a rebel spokesman said the claims were false.",
        "denied", "The army", None, False,
    )  # fmt: skip
    other = Mention("b", 0, "Medics said four fighters died in a battle near Kessel.", "claimed", "Medics", None, False)
    assert not may_answer(own, other, {}, OUTLETS)


def test_denying_a_request_or_access_is_a_refusal_that_answers_no_claim():
    text = "The government has not answered requests from reporters to visit."
    claim = Mention("a", 0, text, "claimed", None, None, False)
    refusal = Mention(
        "a", 5, "It also curbed the press, denying repeated requests from reporters to enter the country.", "denied",
        None, None, False,
    )  # fmt: skip
    assert not may_answer(refusal, claim, {}, OUTLETS)
    denial = Mention("b", 1, "The ministry denied that reporters were kept out.", "denied", "The ministry", None, False)
    assert may_answer(denial, claim, {}, OUTLETS)


def test_a_punishment_asked_for_or_faced_is_no_claim_a_plea_denial_answers():
    denial = Mention(
        "paper", 4, "Dr Ivo Brand, who denies the charges, faces six years in prison if convicted.", "denied",
        "Ivo Brand", "2024-05-06", False,
    )  # fmt: skip
    for text in (
        "Prosecutors have asked the court to sentence Ivo Brand to six years in prison.",
        "The state sought a six-year prison term for Dr Brand.",
        "Relatives of the patient called for the surgeon to be jailed.",
        "Dr Brand faces up to six years in prison if he is found guilty.",
    ):
        assert not may_answer(denial, Mention("wire", 1, text, "claimed", None, "2024-05-07", False), {}, OUTLETS)
    fact = Mention("wire", 1, "Prosecutors say Ivo Brand gave the patient a fatal dose.", "claimed", "Prosecutors",
                   "2024-05-07", False)  # fmt: skip
    assert may_answer(denial, fact, {}, OUTLETS)


def test_a_rejection_of_an_authority_or_of_a_quoted_proposal_is_a_refusal_that_answers_no_claim():
    claim = Mention(
        "a", 0, "The premier has made clear he would not recognize the tribunal's authority.", "claimed", None,
        None, False,
    )  # fmt: skip
    for text in (
        "The premier's cabinet has rejected the tribunal's authority.",
        "The harbour council rejected a “peace ladder” proposal by the river league.",
    ):
        refusal = Mention("b", 0, text, "denied", "The harbour council", None, False)
        assert not may_answer(refusal, claim, {}, OUTLETS), text
    denial = Mention("b", 0, "The cabinet rejected the tribunal's findings.", "denied", "The cabinet", None, False)
    # a rejection of findings is a denial; it answers the tribunal's line (``denial_sides.party_owner``)
    found = replace(claim, text="The tribunal found that the premier's men seized the docks.")
    assert may_answer(denial, found, {}, OUTLETS)


def test_declining_to_confirm_or_deny_answers_no_claim():
    claim = Mention("a", 0, "The guard said the alliance spared the mill.", "claimed", "The guard", None, False)
    for text in (
        "The alliance's press office said it would not confirm or deny any reports.",
        "A spokesman declined to confirm or deny the raid.",
        "The ministry has neither confirmed nor denied the figures.",
        "The surveyor would not confirm the mill was spared, but she did not dispute it.",
        "The alliance never denied sparing the mill.",
    ):
        silent = Mention("b", 0, text, "denied", "The alliance", None, False)
        assert not may_answer(silent, claim, {}, OUTLETS), text
    denial = Mention("b", 0, "The alliance denied sparing the mill.", "denied", "The alliance", None, False)
    assert may_answer(denial, claim, {}, OUTLETS)


def test_only_the_verbs_that_make_a_denial_count_when_telling_a_negated_one():
    # "rebuff" makes no sentence a denial (attribution_cues.DENIAL_LEMMAS), so beside a negated "deny" it
    # does not make one, and negated it does not undo a denial told by calling something false.
    assert is_conditional_denial("The alliance never denied sparing the mill but rebuffed calls for an inquiry.")
    assert is_conditional_denial("The warden did not dispute the count, though he rebuffed the union.")
    assert not is_conditional_denial("The warden did not rebuff the union, and called its count of the cells false.")
    assert not is_conditional_denial("The alliance denied sparing the mill and rebuffed calls for an inquiry.")


def test_what_a_proposal_says_or_a_condition_after_said_that_is_answered_by_no_denial():
    denial = Mention("b", 0, "The premier denied entering talks with the rebels.", "denied", "The premier", None, False)
    for text, who in (
        ("The proposal states that the premier will not be part of the talks.", "the proposal"),
        ("The league's road map says the premier would leave office.", "The league's road map"),
        ("The envoy said that if the league agreed, the rebels would get fuel for the talks.", "The envoy"),
    ):
        claim = Mention("a", 0, text, "claimed", who, None, False)
        assert not may_answer(denial, claim, {}, OUTLETS), text
    told = Mention(
        "a", 0, "The envoy said the premier was in talks with the rebels.", "claimed", "The envoy", None, False
    )
    assert may_answer(denial, told, {}, OUTLETS)


def test_turning_down_a_count_of_filed_items_is_a_refusal_that_answers_no_claim():
    # "rejected 4,120 claims": the fund acted on claims filed with it, it denied no one's statement
    claim = Mention("a", 0, "Mara Lind received 91,300 damage claims, but paid only 2,050 of them in full.",
                    "claimed", None, None, False)  # fmt: skip
    for text in (
        "Mara Lind and her staff have rejected 4,120 claims.",
        "Mara Lind turned down more than 300 applications for payment last year.",
        "Mara Lind dismissed about 40 damage claims against the fund.",
    ):
        refusal = Mention("a", 1, text, "denied", "Mara Lind and her staff", None, False)
        assert not may_answer(refusal, claim, {}, OUTLETS)
    # a count inside what is denied is still a denial ("denied that 12 people were killed"), and so is another
    # denial word beside the refusal
    for text in (
        "The auditors denied that 91,300 damage claims had been received.",
        "The auditors denied 91,300 damage claims were received.",
        "The auditors rejected 4,120 claims and disputed that 91,300 damage claims had been received.",
    ):
        assert may_answer(Mention("a", 1, text, "denied", "The auditors", None, False), claim, {}, OUTLETS)


def test_denying_a_suit_or_rejecting_an_effort_filed_against_one_is_a_refusal_that_answers_no_claim():
    claim = Mention("a", 0, "Since the flood the river board has fought every claim for damages from Kessel farmers.",
                    "reported", None, None, False)  # fmt: skip
    for text, who in (
        ("The state court has denied a federal class action lawsuit against the river board.", "The state court"),
        ("The judges denied the farmers' petition for a new hearing.", "The judges"),
        (
            "An appeals court rejected the board's effort to restore its ban on fishing in the river.",
            "An appeals court",
        ),
    ):
        refusal = Mention("b", 2, text, "denied", who, None, False)
        assert not may_answer(refusal, claim, {}, OUTLETS), text
    # rejecting an attempt to lay blame still denies the blame
    blame = Mention("b", 2, "The board rejected attempts to blame it for the flood damage.", "denied", "The board",
                    None, False)  # fmt: skip
    assert may_answer(blame, claim, {}, OUTLETS)


def test_disputing_what_someone_demanded_is_a_refusal_that_answers_no_claim():
    claim = Mention("a", 0, "The councillors insisted the $4m fund should only pay for repairs to the quay.",
                    "claimed", "The councillors", None, False)  # fmt: skip
    refusal = Mention("b", 3, "The harbour firm was still disputing the $4m sum that 12 councillors demanded it pay.",
                      "denied", "The harbour firm", None, False)  # fmt: skip
    assert not may_answer(refusal, claim, {}, OUTLETS)
    for text in (
        "The harbour firm denied the reports that the councillors had demanded a bribe.",
        "The harbour firm denied the councillors had demanded a bribe.",
    ):
        assert may_answer(Mention("b", 3, text, "denied", "The harbour firm", None, False), claim, {}, OUTLETS), text


def test_a_later_clause_rejecting_those_claims_answers_the_claim_told_first_in_its_sentence():
    other = Mention("a", 1, "The port authority said Ada Vos will head the new harbour clean-up office.", "claimed",
                    "The port authority", None, False)  # fmt: skip
    whole = Mention(
        "a", 4, "Some fishermen contend the harm from the spill has been overblown, but Ada Vos, who heads the "
        "clean-up, rejected those claims.", "denied", "Ada Vos", None, False,
    )  # fmt: skip
    assert not may_answer(whole, other, {}, OUTLETS)
    clause = replace(whole, text="Ada Vos, who heads the clean-up, rejected those claims", clause=72)
    assert not may_answer(clause, other, {}, OUTLETS)
    assert may_answer(replace(clause, clause=0), other, {}, OUTLETS)


def test_belittling_a_thing_or_calling_it_untrue_only_inside_a_condition_denies_nothing():
    claim = Mention("a", 0, "The mayor said there was something worrying about the tone of the port's letters.",
                    "claimed", "The mayor", None, False)  # fmt: skip
    for text in (
        "This was a neat way of not denying there was a hostile tone, but dismissing it as trivial.",
        "The minister dismissed the row over the letters as a sideshow.",
        "Prosecutors could bring other charges if they find the port made false statements about the letters.",
    ):
        silent = Mention("b", 2, text, "denied", "The minister", None, False)
        assert not may_answer(silent, claim, {}, OUTLETS), text
    for text in ("The minister dismissed the letters as forgeries.", "The minister said the letters were false."):
        assert may_answer(Mention("b", 2, text, "denied", "The minister", None, False), claim, {}, OUTLETS), text


def test_a_feed_of_headlines_stamped_with_their_age_is_neither_a_claim_nor_a_denial():
    feed = Mention(
        "a", 9, "Mayor opens flood inquiry - 44 mins ago Daily Wire Harbour firm denies botched clean-up - 2 hrs ago",
        "denied", "Harbour firm", None, False,
    )  # fmt: skip
    claim = Mention(
        "b", 0, "Inspectors said the harbour firm botched the clean-up.", "claimed", "Inspectors", None, False
    )
    assert not may_answer(feed, claim, {}, OUTLETS)
    single = replace(feed, text="Harbour firm denies botched clean-up - 2 hrs ago")
    assert may_answer(single, claim, {}, OUTLETS)


def test_a_claim_doubting_what_it_tells_or_told_depending_on_an_outcome_is_answered_by_no_denial():
    denial = Mention("b", 1, "The harbour firm has denied that bankruptcy is an option.", "denied", "The harbour firm",
                     None, False)  # fmt: skip
    for text in (
        "Lawyers say there is little likelihood that the harbour firm will need protection from creditors.",
        "A takeover of the harbour firm is unlikely, analysts say.",
        "Depending on the inquiry's outcome, the harbour firm could face bankruptcy.",
    ):
        claim = Mention("a", 0, text, "claimed", "Lawyers", None, False)
        assert not may_answer(denial, claim, {}, OUTLETS), text
    plain = Mention("a", 0, "Lawyers say the harbour firm is preparing to file for bankruptcy.", "claimed", "Lawyers",
                    None, False)  # fmt: skip
    assert may_answer(denial, plain, {}, OUTLETS)


def test_a_denial_pointing_back_to_what_its_speaker_was_asked_about_answers_no_other_claim():
    briefing = Mention(
        "a", 4, "On Monday the admiral was briefed by harbour pilots about the storm season and plans to keep the "
        "dredging going.", "reported", None, None, False,
    )  # fmt: skip
    for text in (
        "Asked about suggestions that storms could actually speed up the dredging, the admiral dismissed the notion.",
        "Pressed on whether storms would help the dredging, she denied it.",
    ):
        denial = Mention("a", 9, text, "denied", "the admiral", None, False)
        assert not may_answer(denial, briefing, {}, OUTLETS), text
    # the same pointer with no question before it still answers a claim told nearby
    plain = Mention("a", 9, "The admiral dismissed the notion.", "denied", "the admiral", None, False)
    assert may_answer(plain, briefing, {}, OUTLETS)


def test_a_denial_calling_a_figure_too_low_beside_its_own_figure_is_left_to_the_figure_kind():
    captured = Mention(
        "a", 0, "The operator said its new funnel had captured 8,200 barrels of fuel from the leak in a day.",
        "claimed", "The operator", None, False,
    )  # fmt: skip
    rival = Mention(
        "b", 3, "Engineers dismiss the first 3,000 barrel estimate of the leaking fuel as far too low and say the "
        "flow could be 40,000 barrels a day.", "denied", "Engineers", None, False,
    )  # fmt: skip
    assert not may_answer(rival, captured, {}, OUTLETS)
    # with no figure of its own the dismissal still answers the claim
    bare = replace(rival, text="Engineers dismiss the first 3,000 barrel estimate of the leaking fuel as far too low.")
    assert may_answer(bare, captured, {}, OUTLETS)


def test_a_line_telling_people_removed_from_their_posts_answers_no_claim():
    said = Mention(
        "gazette", 0, "The ministry said the judges would be back on the bench.", "claimed", "The ministry", None, False
    )
    removed = Mention(
        "post", 0, "Lawyers want the judges dismissed by the old regime back.", "denied", "Lawyers", None, False
    )
    assert not may_answer(removed, said, {}, OUTLETS)
    denied = replace(removed, text="Lawyers denied that the judges would be back on the bench.")
    assert may_answer(denied, said, {}, OUTLETS)
