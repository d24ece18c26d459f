"""What a denial denies and whether a claim says it (``corpus/denial_content.py``), on sentences of our own."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.corpus.denial_content import (
    answers_content,
    common_names,
    denied_content,
    denied_object,
    denies_a_charge,
    judges_a_figure,
    points_to_what_precedes,
    removes_from_post,
    shares_content,
    tells_the_rejection,
)
from storyline.records import Mention


def test_what_a_denial_denies_is_the_object_of_its_verb_to_the_end_of_the_clause():
    text = "Valdoria denied reports that its navy had sunk the ferry, saying the ship hit a rock."
    assert denied_content(text) == ["navy", "sunk", "ferry"]
    assert denied_content("Valdoria dismissed the claims.") == []
    assert denied_content("Valdoria said the ferry was never there.") is None


def test_a_denial_answers_a_claim_that_says_what_it_denies_not_another_claim_of_its_event():
    denial = "Valdoria denied that its navy had sunk the ferry off the breakwater."
    assert shares_content(denial, "Ostmark said Valdorian warships sank the ferry near the breakwater.")
    assert not shares_content(denial, "Ostmark said Valdoria had closed its embassy in the capital.")
    dismissal = "The minister dismissed the importance of the strike that has shut the mines."
    assert not shares_content(dismissal, "Analysts say the minister believes the unions will tire first.")


def test_a_denial_that_only_points_back_may_answer_any_claim():
    assert shares_content("Valdoria denied the report.", "Ostmark said Valdorian warships sank the ferry.")
    assert shares_content("Valdoria has denied it.", "Ostmark said the ferry was seized.")


def test_names_found_in_most_reports_of_a_story_do_not_make_a_denial_answer_a_claim():
    texts = [f"Valdoria and Ostmark met on day {k}." for k in range(6)] + ["The Kessel dam burst.", "Kessel flooded."]
    common = common_names(texts)
    assert {"valdo", "ostma"} <= common
    assert "kesse" not in common
    denial = "Valdoria denied that Ostmark envoys were expelled."
    assert not shares_content(denial, "Ostmark said Valdoria would hold elections.", common)
    assert shares_content(denial, "Ostmark said Valdoria would hold elections.")
    assert shares_content("Valdoria denied flooding Kessel.", "Ostmark said Valdoria flooded Kessel.", common)


def test_a_short_denial_answers_the_claim_told_just_before_it_in_its_report():
    claim = Mention("wire", 4, "The gravest charges were laid at the admiral's door.", "claimed", None, None, False)
    denial = Mention("wire", 5, "His staff denied responsibility.", "denied", "His staff", None, False)
    assert answers_content(denial, claim)
    assert not answers_content(denial, replace(claim, sentence=2))


def test_a_denial_told_as_a_passive_headline_before_the_dateline_denies_what_comes_before_its_verb():
    headline = (
        "No talks with the premier, says council * Report of harbour meeting denied PORTVILLE, May 3 (Wire) - "
        "The council is not holding talks."
    )
    assert denied_content(headline) == ["harbour", "meeting"]
    assert denied_content("Valdoria denied.") == []
    assert not shares_content(headline, "A loyalist said the province will stay in chaos while the council rules.")
    assert shares_content(headline, "An envoy said a harbour meeting was held with both sides.")


def test_a_denial_told_in_a_relative_clause_denies_what_it_points_back_to():
    denial = "Brand faces ten years in jail if convicted of bribery, which he denies."
    assert denied_content(denial) == ["bribery"]
    relative = "Ostmark accused the navy of sinking the ferry, claims Valdoria denies."
    assert denied_content(relative) == ["sinking", "ferry"]
    assert not shares_content(denial, "The auditors say he has broken no rules in doing so.")
    assert shares_content(denial, "Prosecutors say Brand took bribery payments from the builders.")
    # "which" as the subject of the denial verb is the denier, not what is denied
    assert denied_content("It came from the ministry, which denied the report.") == []


def test_a_denial_of_a_negative_statement_answers_only_a_negative_claim():
    denial = "The minister dismissed criticism that food was not leaving the port and reaching the villages."
    assert not shares_content(denial, "She said the food convoys would now be leaving the port for the villages.")
    assert shares_content(denial, "Aid workers say food is not leaving the port and villages go hungry.")
    assert shares_content(denial, "Aid workers say food has failed to leave the port for the villages.")
    # a negation after the object's first comma is another clause's
    later = "The mayor, who denies taking bribes, was not questioned by the police."
    assert shares_content(later, "The mayor is charged with taking bribes from builders.")


def test_a_denial_with_no_denial_verb_denies_what_it_calls_untrue():
    text = "The ministry said reports that the navy shelled the fuel depots at Kessel were false."
    assert denied_content(text) == ["navy", "shelled", "fuel", "depots", "Kessel"]
    assert not shares_content(text, "The premier said the councils had asked the fishermen to hand in their guns.")
    assert shares_content(text, "Ostmark says the navy shelled the depots overnight.")
    assert denied_content("The army said the reports were false.") == []  # points back
    quote = "'Lies, all lies,' he said when asked about the cheering crowds shown on state television."
    assert not shares_content(quote, "'All the man has left is his lies,' a trader said of the premier.")


def test_who_told_what_a_denial_rejects_is_no_content_of_it():
    assert denied_content("Port officials reject rebel claims that Brand is hiding in the hills.") == [
        "Brand",
        "hiding",
        "hills",
    ]
    assert denied_content("Many traders rejected the younger Brand's remarks about the harbour.") == ["harbour"]
    assert denied_content("She denied claims by Berg's aides that the vote was rigged.") == ["vote", "rigged"]
    assert denied_content("Dockers dismissed Ivo Brand's truce declaration as a ruse.") == ["truce", "declaration"]
    # a rebel line sharing only "rebel" and a common name is not what was denied
    common = frozenset({"brand"})
    denial = "Port officials reject rebel claims that Brand is hiding in the hills."
    assert not shares_content(denial, "Rebel fighters said Brand's men had fled the town.", common)
    assert shares_content(denial, "A rebel spokesman said Brand was hiding in the hills.", common)


def test_a_quotation_calling_something_untrue_denies_what_its_speaker_was_asked_about():
    text = "“All made up,” he said when I asked him about the cheering crowds shown nightly on Valdorian state TV."
    assert denied_content(text.replace("All made up", "Lies, all lies")) == ["cheering", "crowds"]
    presenter = "The presenter broadcast from a cellar, serving up nightly attacks on Ostmark and the press."
    assert not shares_content(text.replace("All made up", "Lies, all lies"), presenter)


def test_where_a_rejected_thing_was_told_and_words_of_time_are_no_content_of_a_denial():
    text = "The council denied reports aired on rebel radio that its guards beat strikers on Friday."
    assert denied_content(text) == ["guards", "beat", "strikers"]
    texts = [f"Valdoria and Kessel met on day {k}." for k in range(6)]
    denial = (
        "The council has repeatedly denied any anti-council marches in Kessel in recent weeks, including on Friday."
    )
    caption = Mention("a", 0, "Supporters of the council march in Kessel on Friday.", "reported", None, None, False)
    assert not answers_content(
        replace(caption, document="b", text=denial, status="denied"), caption, common_names(texts)
    )


def test_a_denial_of_its_own_part_alone_answers_no_claim_of_another_report():
    denial = Mention(
        "b", 4, "The alliance denied responsibility, saying the blame was a ploy.", "denied", None, None, False
    )
    other = Mention("a", 2, "The league's response has been slow.", "reported", None, None, False)
    assert not answers_content(denial, other)
    before = replace(other, document="b", sentence=3, text="Villagers said alliance jets hit the mill.")
    assert answers_content(denial, before)
    named = replace(denial, text="The alliance denied responsibility for the mill strike.")
    assert answers_content(named, replace(other, text="Villagers said jets hit the mill in a strike."))


def test_a_denial_of_the_charges_answers_only_a_claim_that_charges_someone():
    denial = Mention(
        "wire",
        3,
        "The Ardenian premier denies the charges and accuses the rebels of lying.",
        "denied",
        None,
        None,
        False,
    )
    charge = Mention(
        "other", 9, "Rebels said they found footage of soldiers torturing prisoners.", "claimed", None, None, False
    )
    no_charge = Mention(
        "other", 4, "The singers say the rebels have rifles, but they are no bandits.", "claimed", None, None, False
    )
    assert answers_content(denial, charge)
    assert not answers_content(denial, no_charge)


def test_a_denial_of_charges_it_names_is_no_bare_pointer():
    assert denies_a_charge("Valdoria rejected the allegations.")
    assert not denies_a_charge("He denied the allegations that he stole the funds.")
    assert not denies_a_charge("Valdoria dismissed the claims.")


def test_a_place_a_denial_tells_as_where_alone_does_not_make_it_answer_a_claim():
    denial = "Harbour officials deny shelling homes in Kessel, saying they fight armed gangs."
    assert not shares_content(denial, "Families fleeing Kessel, the last rebel town, called it a nightmare.")
    assert shares_content(denial, "Residents said army guns were shelling homes in Kessel all night.")
    # a place that is what was denied still counts
    assert shares_content("The navy denied shelling Kessel.", "Ostmark said the navy pounded Kessel.")


def test_what_a_claim_tells_only_as_a_purpose_to_prevent_is_not_what_it_says():
    denial = Mention("b", 3, "The army denies it is shelling villages.", "denied", "The army", None, False)
    plan = "Ostmark sent monitors to the border last spring, aiming to prevent the army from shelling villages."
    assert not answers_content(denial, Mention("a", 1, plan, "claimed", "Ostmark", None, False))
    done = "Ostmark said the army was shelling villages along the border."
    assert answers_content(denial, Mention("a", 1, done, "claimed", "Ostmark", None, False))


def test_a_denial_pointing_back_with_those_answers_only_a_claim_of_its_own_report():
    denial = Mention("b", 4, "But the harbour chairman later dismissed those comments.", "denied", "the chairman",
                     None, False)  # fmt: skip
    other = Mention("a", 2, "The river league said it was weighing legal remedies against the harbour.", "claimed",
                    "The river league", None, False)  # fmt: skip
    assert not answers_content(denial, other)
    own = replace(other, document="b", sentence=2)
    assert answers_content(denial, own)


def test_a_clause_describing_a_noun_or_an_as_phrase_is_not_what_a_denial_denies():
    text = "The firm denied plans to sell its northern mills, which include a stake in the Kessel refinery."
    assert denied_content(text) == ["plans", "sell", "northern", "mills"]
    assert denied_content("The firm denied a report that Ada Vos is leaving, as its costs rose.") == [
        "Ada", "Vos", "leaving"
    ]  # fmt: skip
    assert denied_content("Experts dismiss the early estimate of the flood as ridiculously low.") == [
        "early", "estimate", "flood"
    ]  # fmt: skip
    # an "as" right after the verb opens the object ("dismissing as unlikely any plan to ...")
    assert "plan" in denied_content("He spoke, dismissing as unlikely any plan to close the port.")


# A denial, a claim that only shares its names or topic, and a claim that says what it denies.
_NEEDS_MORE_THAN_NAMES = [
    (  # a relation denied between two things needs a claim telling the relation
        "The harbour chief denied any link between the quay collapse in May and earlier repair lapses at the port.",
        "May 3 - The quay collapsed at the port, and two repair workers were hurt.",
        "Engineers said the earlier repair lapses at the port caused the quay collapse.",
    ),
    (
        "She denied there was tension between her and the port's new chairman, Ivo Brand.",
        "The port's chairman Ivo Brand says he needs to hear the unions out.",
        "Staff describe a rift between her and the new chairman, Ivo Brand.",
    ),
    (  # a claim naming only the subject of a denied clause does not answer it
        "The firm denied a report that chairman Ivo Brand is resigning.",
        "Chairman Ivo Brand praised the divers who shut the valve.",
        "Chairman Ivo Brand is resigning, two board members said.",
    ),
    (
        "He rejected the notion that Portwell, one of the largest harbour firms, was ill-prepared for the flood.",
        "Portwell, the largest harbour firm, faced a political crisis this spring.",
        "Critics say Portwell was ill-prepared for a flood of this size.",
    ),
]


@pytest.mark.parametrize(("denial", "other", "told"), _NEEDS_MORE_THAN_NAMES)
def test_a_denied_relation_or_what_is_said_of_a_named_subject_must_be_told_by_the_claim(denial, other, told):
    assert not shares_content(denial, other)
    assert shares_content(denial, told)


def test_a_line_telling_how_the_rejected_thing_was_received_is_the_rejection_told_again():
    denial = "Some families of the drowned crew rejected the comparison."
    assert tells_the_rejection(denial, "The comparison drew some angry responses from families of the crew.")
    assert tells_the_rejection(denial, "His comparison has sparked protests in the port.")
    # a reaction telling a charge of its own is a claim
    assert not tells_the_rejection(denial, "The comparison drew fire from a senator who accused the mayor of lying.")
    assert not tells_the_rejection(denial, "The mayor compared the storm to the great flood of 1953.")
    assert not tells_the_rejection("The firm denied the report.", "The report drew angry responses from the crew.")


def test_a_denial_judges_a_figure_when_it_calls_one_too_low_or_high_and_gives_its_own():
    assert judges_a_figure(
        "Engineers dismiss the first 3,000 barrel estimate -- long cited by the operator -- as ridiculously low and "
        "say the flow could be 40,000 barrels a day."
    )
    assert judges_a_figure("Putting the toll at 90, the council rejected the army's count of 12 as too small.")
    assert not judges_a_figure("The council rejected the army's count of 12 dead as too small.")  # no own figure
    assert not judges_a_figure("The council rejected the army's claim as a lie, saying 90 had died.")  # no size
    assert not judges_a_figure("In 2024 the council dismissed the plan as too costly.")  # no figure judged


def test_a_denial_s_object_ends_before_the_label_it_gives_in_quotes():
    assert denied_object("The dock workers' union rejected the port report as “self-serving”").strip() == (
        "the port report"
    )
    assert denied_object("The union dismissed the plan as 'a ruse'").strip() == "the plan"


def test_a_denial_points_back_by_its_whole_object_or_a_pro_form_in_it():
    assert points_to_what_precedes("Harbour officials deny that any clerk told Venn such a thing.")
    assert points_to_what_precedes("The clerk denied saying anything of the sort.")
    assert points_to_what_precedes("The mayor later dismissed those remarks.")
    assert points_to_what_precedes("The mayor denied it.")
    assert points_to_what_precedes("The mayor denied the report, saying it was invented.")
    assert points_to_what_precedes("The mayor rejected the accusations.")
    assert not points_to_what_precedes("The mayor rejected the accusations of bribery.")
    assert not points_to_what_precedes("The mayor denied that the booms had failed.")
    assert not points_to_what_precedes("The mayor said the booms had held.")


def test_dismissing_people_from_a_post_is_a_removal_not_a_denial():
    assert removes_from_post("Lawyers want the judges dismissed by the old regime reinstated.")
    assert removes_from_post("The premier dismissed his harbour minister on Monday.")
    assert removes_from_post("The port dismissed 120 workers after the strike.")
    assert removes_from_post("She was dismissed from her post in 2019.")
    assert removes_from_post("Two officers were dismissed after the inquiry.")


def test_dismissing_what_people_said_is_still_a_denial():
    assert not removes_from_post("The premier dismissed the minister's claims.")
    assert not removes_from_post("Officials dismissed the report as false.")
    assert not removes_from_post("The charges, which officials dismissed, were filed again.")
    assert not removes_from_post("The army denied that the officers were dismissed.")
    assert not removes_from_post("He dismissed the judges and denied any wrongdoing.")


def test_a_claim_saying_no_to_what_a_denial_denies_agrees_with_it():
    denial = "The harbour board denies holding secret talks with the dredgers."
    assert not shares_content(denial, "The harbour board is not holding any talks with the dredgers, its head said.")
    assert not shares_content(denial, "There are no talks with the dredgers, the board's head said.")
    assert shares_content(denial, "The dredgers said the board was holding secret talks with them.")
    assert shares_content(denial, "The dredgers said the board did not stop holding talks with them.")
