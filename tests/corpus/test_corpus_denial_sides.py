"""Claims a denial cannot answer because of who told them (``corpus/denial_sides.py``), on mentions of our own."""

from __future__ import annotations

from dataclasses import replace

from builders import build_document
from storyline.corpus.contradictions import status_contradictions
from storyline.corpus.denial_answers import may_answer
from storyline.corpus.denial_sides import (
    claim_owner,
    counsel_sides,
    office_sides,
    one_person,
    one_side,
    opens_on_his_counsel,
    org_roles,
    party_owner,
    pleads_his_own,
    speaker_line,
    speaker_of,
    surname,
    tells_the_denier,
    told_by_another,
    without_own_plea,
)
from storyline.corpus.lineage import Lineage
from storyline.records import Document, Entity, Event, Mention

OUTLETS = {"wire": "Harbour Wire", "paper": "Valley Post"}


def _mention(doc: str, n: int, text: str, status: str, who: str | None) -> Mention:
    return Mention(doc, n, text, status, who, "2024-05-06", False)  # type: ignore[arg-type]


def test_a_denial_names_whose_claim_it_rejects_by_its_owner_or_agent():
    assert claim_owner("Dockers in Port Wren dismissed Ivo Brand's truce declaration as a ruse.") == "Ivo Brand"
    assert claim_owner("Ana Roe said that Tomas al-Berg's claim of a secret deal was false.") == "Tomas al-Berg"
    assert claim_owner("She also denied an assertion by Brand's spokesman that ten guards were held.") == "Brand"
    assert claim_owner("The council dismissed the government's claims as lies.") is None
    assert claim_owner("The council denied that the port was closed.") is None
    assert claim_owner("Valdoria's version came from Berg, who dismissed claims that its navy did it.") is None


def test_a_denial_of_a_named_party_s_claim_does_not_answer_a_third_party_s_line():
    envoy = _mention(
        "wire", 2, "An Ostmark envoy said Brand's troops kept moving on the port despite a truce announcement.",
        "claimed", "An Ostmark envoy",
    )  # fmt: skip
    denial = _mention(
        "wire", 9, "Dockers in Port Wren dismissed Ivo Brand's truce declaration as a ruse.", "denied",
        "Dockers in Port Wren",
    )  # fmt: skip
    assert told_by_another(denial, envoy)
    assert not may_answer(denial, envoy, {}, OUTLETS)
    brand = replace(envoy, text="Ivo Brand announced a truce on all fronts.", attributed_to="Ivo Brand")
    assert may_answer(denial, brand, {}, OUTLETS)
    # a quote with no speaker may be the owner's own words
    assert may_answer(denial, replace(envoy, attributed_to=None), {}, OUTLETS)


def test_a_denial_of_a_party_s_claims_named_by_a_common_noun_does_not_answer_another_party_s_line():
    envoys = _mention(
        "wire", 2, "Ostmark envoys said Brand may be readying a last stand in the capital.", "claimed", "Ostmark envoys"
    )
    denial = _mention(
        "wire", 5, "Officials in the capital rejected rebel claims that Brand is seeking refuge abroad.", "denied",
        "Officials in the capital",
    )  # fmt: skip
    assert told_by_another(denial, envoys)
    rebels = replace(
        envoys, text="A rebel spokesman said Brand is seeking refuge abroad.", attributed_to="a rebel spokesman"
    )
    assert not told_by_another(denial, rebels)


def _doc_with_office(text: str, country: str, label: str = "NORP") -> Document:
    doc = build_document(text, published="2024-05-06", source="Harbour Wire")
    s = doc.sentences[0]
    at = s.text.index(country)
    entity = Entity(s.start + at, s.start + at + len(country), country, label)
    return replace(doc, sentences=(replace(s, entities=(entity,)), *doc.sentences[1:]))


def test_a_country_s_office_holder_speaks_for_the_country():
    doc = _doc_with_office("Valdorian Foreign Minister Tomas Berg arrived in Port Wren on Monday.", "Valdorian")
    other = _doc_with_office("Ostmark's envoy Ana Roe met him there.", "Ostmark", "GPE")
    sides = office_sides([doc, other])
    assert sides == {"berg": "vald", "roe": "ostm"}
    assert one_side("Valdoria", "Foreign Minister Tomas Berg", sides)
    assert one_side("the Valdorian government", "Tomas Berg", sides)
    assert not one_side("Ostmark", "Foreign Minister Tomas Berg", sides)
    assert not one_side("Valdoria", "Ana Roe", sides)
    assert not one_side("Foreign Minister Tomas Berg", "Tomas Berg", sides)  # one person: ``one_party``'s job


def test_a_country_s_claim_and_its_minister_s_denial_are_no_contradiction():
    doc = _doc_with_office("Valdorian Foreign Minister Tomas Berg arrived in Port Wren on Monday.", "Valdorian")
    claim = _mention(
        "wire", 0, "Valdoria said on Tuesday it would send engineers to the border.", "claimed", "Valdoria"
    )
    denial = _mention(
        "wire", 3, "Foreign Minister Tomas Berg denied Valdoria was sending soldiers to the border.", "denied",
        "Foreign Minister Tomas Berg",
    )  # fmt: skip
    event = Event("e1", "2024-05-06", "", (claim, denial), 1, True)
    lineage = Lineage(roots={}, documents={"wire": doc}, copy_similarity=90)
    assert list(status_contradictions([event], lineage, {}, frozenset(), {})) != []
    assert list(status_contradictions([event], lineage, {}, frozenset(), office_sides([doc]))) == []


def test_a_voice_named_before_the_body_speaks_for_it():
    # a split left the name and the office as a sentence of their own
    split = _doc_with_office("Ada Vos, a Harbour spokeswoman.", "Harbour", "GPE")
    envoy = _doc_with_office("Ana Roe, the Ostmark envoy to the talks, arrived on Monday.", "Ostmark", "GPE")
    assert office_sides([split, envoy]) == {"vos": "harb", "roe": "ostm"}
    # a name before the body that tells no office of it, or a body's office with no name before it
    guest = _doc_with_office("Ada Vos, a Harbour resident, watched the ships.", "Harbour", "GPE")
    unnamed = _doc_with_office("A Harbour spokeswoman said nothing.", "Harbour", "GPE")
    day = _doc_with_office("On Friday, the Harbour envoy will ask for talks.", "Harbour", "GPE")
    assert office_sides([guest, unnamed, day]) == {}
    claim = _mention("wire", 2, "Harbour said Tuesday it lost contact with a patrol boat off the cape.", "claimed",
                     "Harbour")  # fmt: skip
    denial = _mention("wire", 8, "Vos denied that Harbour had lost any warships during the patrol.", "denied",
                      "Ada Vos")  # fmt: skip
    event = Event("e1", "2024-05-06", "", (claim, denial), 1, True)
    lineage = Lineage(roots={}, documents={"wire": split}, copy_similarity=90)
    assert list(status_contradictions([event], lineage, {}, frozenset(), office_sides([guest]))) != []
    assert list(status_contradictions([event], lineage, {}, frozenset(), office_sides([split]))) == []
    # she is no voice of another body: Ostmark's claim is still answered
    ostmark = replace(claim, text="Ostmark said Tuesday Harbour lost a warship off the cape.", attributed_to="Ostmark")
    other = Event("e2", "2024-05-06", "", (ostmark, denial), 1, True)
    assert list(status_contradictions([other], lineage, {}, frozenset(), office_sides([split]))) != []


def test_an_outlet_s_line_telling_what_the_denier_said_is_his_own_statement():
    line = _mention(
        "wire", 2, "In a first sign of strife among the victors, Ivo al-Brand also attacked groups he said were "
        "stirring unrest.", "claimed", None,
    )  # fmt: skip
    denial = _mention("wire", 12, "Brand denies any links to armed groups abroad.", "denied", "Brand")
    assert tells_the_denier(line, "Brand")
    assert tells_the_denier(
        replace(line, text="Without naming anyone, Brand blamed those he said sow unrest."), "Brand"
    )
    assert not may_answer(denial, line, {}, OUTLETS)
    call = "In a faint call to the radio on Monday, Brand called on his men to hold the port."
    assert tells_the_denier(replace(line, text=call), "Brand")
    dated = "May 3 - In a faint call to the radio, Brand calls on his men to hold the port."
    assert tells_the_denier(replace(line, text=dated), "Brand")
    # the outlet telling what the denier's forces did is no statement of his
    forces = replace(line, text="In the night, Brand's forces shelled the port, he said.")
    assert not tells_the_denier(forces, "Brand")
    # nor a line without his words
    assert not tells_the_denier(replace(line, text="In the night, Ivo Brand shelled the port."), "Brand")


def test_one_person_under_two_names_or_his_lawyers_is_one_side():
    assert surname("Dr Ivo Brand") == surname("Ivo Brand's legal team") == surname("Dr Brand's lawyers") == "brand"
    assert surname("the mayor's doctor") is None
    assert surname("The Port Authority") is None
    # a headline's word glued before his titled name is still he
    assert surname("sedative Dr Brand") == "brand"
    claim = _mention("wire", 3, "Dr Brand has pleaded not guilty, arguing he did nothing wrong.", "claimed", "Dr Brand")
    denial = _mention("paper", 2, "Ivo Brand denies the charge of fraud.", "denied", "Ivo Brand")
    assert one_person(claim.attributed_to, denial)
    assert not may_answer(denial, claim, {}, OUTLETS)
    lawyers = _mention("wire", 4, "Ivo Brand's legal team says it expects a charge of fraud.", "claimed",
                       "Ivo Brand's legal team")  # fmt: skip
    by_role = _mention("paper", 5, "The mayor's adviser, Ivo Brand, has denied a charge of fraud.", "denied",
                       "The mayor's adviser")  # fmt: skip
    assert not may_answer(by_role, lawyers, {}, OUTLETS)
    widow = "The mayor's widow"
    accuser = _mention("wire", 6, f"{widow} accused Dr Brand of fraud in a lawsuit.", "claimed", widow)
    assert not one_person(accuser.attributed_to, denial)


def test_a_relative_pronoun_names_no_speaker():
    claim = _mention("wire", 3, "Dr Brand is not expected to give evidence", "claimed", "who")
    denial = _mention("paper", 2, "Dr Brand denies the charge of fraud.", "denied", "Dr Brand")
    assert speaker_of(claim) is None
    assert not may_answer(denial, claim, {}, OUTLETS)


def test_a_claim_opening_on_the_denier_s_own_plea_is_his_own():
    glued = "Dr Brand has pleaded not guilty to fraud Dr Roe said records were found in the office."
    claim = _mention("wire", 3, glued, "claimed", "Dr Roe")
    denial = _mention("paper", 2, "Ivo Brand denies fraud.", "denied", "Ivo Brand")
    assert pleads_his_own(claim, denial)
    assert not may_answer(denial, claim, {}, OUTLETS)
    by_role = _mention("paper", 4, "The mayor's adviser, Ivo Brand, has denied fraud.", "denied", "The mayor's adviser")
    assert pleads_his_own(claim, by_role)
    charged = replace(claim, text="Dr Brand is charged with fraud, Dr Roe said.")
    assert not pleads_his_own(charged, denial)


def test_a_claim_of_several_lines_is_its_speaker_s_line():
    text = "The harbour board says he broke no rule in doing so.\n4 May 2031 Dr Brand is charged with fraud."
    claim = _mention("wire", 3, text, "claimed", "The harbour board")
    assert speaker_line(claim).text == "The harbour board says he broke no rule in doing so."
    one = _mention("wire", 4, "Dr Brand is charged with fraud.", "claimed", None)
    assert speaker_line(one) == one


def test_a_relative_clause_telling_the_denier_s_plea_is_not_the_claim_s():
    denial = _mention("paper", 2, "Dr Brand denies fraud.", "denied", "Dr Brand")
    hearing = _mention("wire", 3, "The audit was read at a hearing for Dr Brand, who has pleaded not guilty to fraud.",
                       "claimed", None)  # fmt: skip
    assert without_own_plea(hearing, denial).text == "The audit was read at a hearing for Dr Brand."
    accusation = _mention("wire", 4, "Auditors say Dr Brand, who denies it, moved the funds.", "claimed", "Auditors")
    assert without_own_plea(accusation, denial).text == "Auditors say Dr Brand, moved the funds."


def test_an_unattributed_line_of_another_report_is_the_named_owner_s_only_when_it_names_him():
    denial = _mention(
        "paper", 9, "A rebel commander rejected Ibrahim's assertions that the militia held the port.", "denied",
        "A rebel commander",
    )  # fmt: skip
    line = _mention("wire", 2, "The speech followed reports that the militia had taken the port.", "reported", None)
    assert claim_owner(denial.text) == "Ibrahim"
    assert told_by_another(denial, line)
    assert not told_by_another(denial, replace(line, text="Ibrahim said the militia held the port."))
    assert not told_by_another(denial, replace(line, document="paper"))  # his words, quoted in the denial's report
    # a party named by a common noun: another report's line must name it too
    rebels = replace(denial, text="Officials rejected rebel claims that the premier had fled.")
    assert told_by_another(rebels, replace(line, text="The premier had fled the capital by Monday."))
    assert not told_by_another(rebels, replace(line, text="Rebels said the premier had fled the capital."))


def test_a_denial_of_a_party_s_remarks_names_its_owner():
    assert claim_owner("Many traders rejected the younger Brand's remarks during the strike.") == "Brand"


def test_a_line_telling_how_the_denier_appeared_is_his_own_stance():
    line = _mention(
        "wire", 3, "Valdorian leader Ivo Brand appeared not to know that crowds were calling for his exit.",
        "claimed", "excerpts from the interview",
    )  # fmt: skip
    assert tells_the_denier(line, "Embattled Valdorian leader Ivo Brand")
    assert not tells_the_denier(replace(line, attributed_to="Ana Roe"), "Ivo Brand")  # a named party's line
    # "he said" in a line with a speaker is the speaker's words, not the denier's
    witness = replace(line, text="Ivo Brand ordered the shelling, he said.", attributed_to="a witness")
    assert not tells_the_denier(witness, "Ivo Brand")


def test_a_lawyer_the_story_names_for_the_denier_speaks_for_him():
    doc = build_document(
        "Ada Vos, one of Dr Ivo Brand's lawyers, spoke to reporters. The hearing resumes on Monday.",
        published="2024-05-06",
        source="Harbour Wire",
    )
    counsel = counsel_sides([doc])
    assert counsel == {"vos": "brand"}
    claim = _mention("wire", 3, "Ms Vos said Dr Brand injected the sedative at night.", "claimed", "Ms Vos")
    denial = _mention("paper", 2, "The surgeon denies giving an overdose of the sedative.", "denied", "Ivo Brand")
    assert one_person(claim.attributed_to, denial, counsel)
    assert not one_person(claim.attributed_to, denial)
    assert not one_person("Noor Adler", denial, counsel)


def test_a_line_opening_on_the_deniers_lawyers_is_his_own_side():
    denial = _mention("paper", 2, "The surgeon denies giving an overdose of the sedative.", "denied", "Ivo Brand")
    for text in (
        "Lawyers for Dr Ivo Brand have dropped the claim that the patient took the sedative himself.",
        "Dr Brand's defence team argued that the patient took the sedative himself.",
    ):
        assert opens_on_his_counsel(_mention("wire", 1, text, "claimed", None), denial)
    other = _mention("wire", 1, "Lawyers for the hospital said the sedative was given at night.", "claimed", None)
    assert not opens_on_his_counsel(other, denial)


def test_the_defense_is_the_side_of_the_storys_one_defendant():
    docs = [
        build_document("Dr Ivo Brand has pleaded not guilty to fraud.", published="2024-05-06", source="Harbour Wire"),
        build_document(
            "The trial of Dr Ivo Brand opened on Monday. The clinic's owner Noor Adler is charged with nothing.",
            published="2024-05-07",
            source="Valley Post",
        ),
    ]
    counsel = counsel_sides(docs)
    denial = _mention("paper", 2, "Dr Brand denies taking the money.", "denied", "Dr Brand")
    assert one_person("the defense", denial, counsel)
    assert one_person("The defence team", denial, counsel)
    # named as charged in one report only: no defendant of the story
    assert not one_person("the defense", denial, counsel_sides(docs[:1]))
    assert not one_person("the prosecution", denial, counsel)


def test_a_lawyers_name_stops_before_a_common_word_a_caption_glued_on():
    doc = build_document(
        "Dr Ivo Brand's lawyer, Ada Vos Any questions about the clinic went unanswered.",
        published="2024-05-06",
        source="Harbour Wire",
    )
    assert counsel_sides([doc]) == {"vos": "brand"}


def test_a_denial_names_an_owner_before_its_noun_of_saying_or_after_by_some_of():
    assert claim_owner("The reporter rejected a Harbour Wire report that crews were used as shields.") == (
        "Harbour Wire"
    )
    assert claim_owner("It denies the accusation by some members of the Senate that the premier broke the law.") == (
        "Senate"
    )


def test_the_outlets_own_line_in_the_denials_report_is_not_the_named_owners_claim():
    denial = Mention(
        "wire", 4, "The reporter rejected a Harbour Wire report that crews were used as shields by the guards.",
        "denied", "The reporter", None, False,
    )  # fmt: skip
    line = Mention(
        "wire", 5, "Guards brought the crews to the yard to see a damaged shed.", "claimed", None, None, False
    )
    assert told_by_another(denial, line)
    quoted = replace(line, text="“The crews were shields,” a guard said.")
    assert not told_by_another(denial, quoted)
    named = replace(line, text="Harbour Wire said the guards used the crews as shields.")
    assert not told_by_another(denial, named)


def test_the_holder_of_a_named_body_s_office_is_one_person_with_that_office():
    docs = [
        build_document(f"Portwell chairman Ivo Brand spoke on day {k}. The firm's shares fell.", source="Wire")
        for k in range(4)
    ]
    docs.append(build_document("Portwell's new chairman, Ivo Brand, met the mayor.", source="Post"))
    docs.append(build_document("Portwell chairman Noor Adler retired in 1998.", source="Gazette"))  # one slip
    roles = org_roles(docs)
    assert roles["portwell chairman"] == "brand"
    claim = _mention("wire", 5, "Mr Brand said Portwell remained a strong company.", "claimed", "Mr Brand")
    denial = _mention("paper", 2, "But the Portwell chairman rejected that the firm was near collapse.", "denied",
                      "the Portwell chairman")  # fmt: skip
    assert one_person(claim.attributed_to, denial, roles)
    assert one_person(denial.attributed_to, replace(claim, status="denied"), roles)
    assert not one_person(claim.attributed_to, denial)
    assert not one_person("Ada Vos", denial, roles)
    committee = _mention("paper", 2, "The committee chairman rejected it.", "denied", "the committee chairman")
    assert not one_person(claim.attributed_to, committee, {"committee chairman": "brand"})


def test_a_speaker_named_only_in_a_fronted_phrase_does_not_keep_a_line_from_being_the_denier_s_own():
    claim = _mention(
        "wire", 6, "Under questioning from the panel's chair, Ada Vos, Brand revised down his count of the "
        "barrels spilled to 4,000.", "claimed", "Ada Vos",
    )  # fmt: skip
    assert tells_the_denier(claim, "Ivo Brand")
    said = replace(claim, text="Ada Vos said Brand had revised down his count of the barrels spilled to 4,000.")
    assert not tells_the_denier(said, "Ivo Brand")


def test_a_heading_glued_into_a_line_with_no_speaker_telling_the_denier_says_is_his_own_words():
    block = _mention(
        "paper", 0, "Harbour fire: inspector retracts report Port Authority's Ada Vos says most of the fuel is still "
        "in the bay Ada Vos, a senior inspector, appeared before the council.", "reported", None,
    )  # fmt: skip
    denial = _mention(
        "wire", 8, "Ada Vos disputes council claims that the worst of the fire is over.", "denied", "Ada Vos"
    )
    assert tells_the_denier(block, "Ada Vos")
    assert not may_answer(denial, block, {}, OUTLETS)
    # another's words in the heading are a claim she may answer
    other = replace(block, text="Harbour fire: Mayor Ivo Brand says the worst of the fire is over.")
    assert not tells_the_denier(other, "Ada Vos")
    assert may_answer(denial, other, {}, OUTLETS)
    # a line with a speaker is the speaker's, whoever it quotes
    assert not tells_the_denier(replace(block, attributed_to="Ivo Brand"), "Ada Vos")


def test_a_line_another_tells_that_quotes_the_owner_of_the_denied_claim_is_the_owner_s_claim():
    denial = _mention(
        "paper", 6, "Divers disputed the claim by Ana Roe, the port's envoy, that “the fuel is gone”.", "denied",
        "Divers",
    )  # fmt: skip
    quoted = _mention(
        "wire", 3, "The inquiry faulted the port's envoy, Ana Roe, who went on radio in May and said: “The fuel is "
        "gone.”", "claimed", "the inquiry",
    )  # fmt: skip
    assert not told_by_another(denial, quoted)
    # a line of the same speaker that names the owner only as its object is still another's
    named = replace(quoted, text="The inquiry faulted the port's envoy, Ana Roe, for the slow clean-up.")
    assert told_by_another(denial, named)


def test_a_denial_of_a_body_s_findings_answers_the_body_s_lines_not_the_outlet_s_own():
    denial = _mention("paper", 7, "The harbour board disputed the inquiry's findings.", "denied", "The harbour board")
    assert party_owner(denial.text) == "inquiry"
    own = _mention("paper", 9, "The inquiry report does not say why the board hid the soundings.", "reported", None)
    assert told_by_another(denial, own)
    assert not told_by_another(denial, replace(own, text="The inquiry found that the board hid the soundings."))
    assert not told_by_another(denial, replace(own, text="According to the inquiry, the board hid the soundings."))
    found = replace(own, text="The board hid the soundings, the report said.", attributed_to="An inquiry report")
    assert not told_by_another(denial, found)
    # an inquiry by another of its names is the same body; a speaker who is none of them is another
    assert not told_by_another(denial, replace(found, attributed_to="the panel"))
    assert told_by_another(denial, replace(found, attributed_to="the harbour master"))
