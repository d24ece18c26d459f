from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from builders import build_document
from corpus.contradiction_stories import find, point, story_of
from storyline.config import Config
from storyline.corpus import contradictions as ct
from storyline.corpus.deeds import Deed
from storyline.corpus.lineage import Lineage
from storyline.pipeline import run_story
from storyline.records import (
    Attribution,
    Document,
    Entity,
    Event,
    FigureSeries,
    Mention,
)


def mention(doc: str, status, who: str | None, text: str) -> Mention:
    return Mention(doc, 0, text, status, who, "2022-09-10", False)


def test_a_claim_and_its_denial_in_one_event_contradict():
    event = Event(
        "e1",
        "2022-09-10",
        "s",
        (
            mention("a", "claimed", "Ukraine", "Ukraine said its troops had retaken Izium."),
            mention("b", "denied", "Russia", "Russia denied that its troops had left Izium."),
        ),
        2,
        True,
    )
    (c,) = find(story_of(events=[event]))
    assert c.kind == "status"
    assert c.note == 'Ukraine claims "Ukraine said its troops had retaken Izium", Russia denies it'


def test_a_denial_is_set_against_the_claim_it_denies_not_a_nearer_claim_of_its_event():
    nearer = replace(
        mention("b", "claimed", "Ostmark", "Ostmark said Valdoria had recalled its ambassador."), sentence=0
    )
    denied = mention("a", "claimed", "Kessel", "Kessel said Valdorian gunboats shelled the lighthouse.")
    denial = replace(
        mention("b", "denied", "Valdoria", "Valdoria denied that its gunboats had shelled the lighthouse."),
        sentence=1,
    )
    (c,) = find(story_of(events=[Event("e1", "2022-09-10", "s", (nearer, denied, denial), 2, True)]))
    assert [m.text for m in c.mentions] == [denied.text, denial.text]
    alone = Event("e2", "2022-09-10", "s", (nearer, denial), 2, True)
    assert find(story_of(events=[alone])) == ()


def test_a_denial_of_who_did_it_needs_the_claim_s_words_only_in_another_report():
    claim = mention("a", "claimed", "Kessel", "Kessel said Valdorian gunboats opened the sluices.")
    denial = replace(
        mention("b", "denied", "Valdoria", "Valdoria dismissed claims that its navy was behind the flood."),
        sentence=3,
    )
    deed = Deed("valdo", "Valdorian gunboats", "opened the sluices", "opened", frozenset({"sluices"}))
    deeds = {("a", 0): deed, ("b", 3): replace(deed, doer_text="its navy"), ("b", 0): deed}
    lineage = Lineage(roots={}, documents={}, copy_similarity=0.9)
    event = Event("e1", "2022-09-10", "s", (claim, denial), 2, True)
    assert list(ct.status_contradictions([event], lineage, deeds)) == []
    same_report = replace(claim, document="b")
    event = Event("e2", "2022-09-10", "s", (same_report, denial), 1, True)
    assert len(list(ct.status_contradictions([event], lineage, deeds))) == 1


def test_an_event_without_a_denial_has_no_status_contradiction():
    event = Event(
        "e1",
        None,
        "s",
        (mention("a", "claimed", "Ukraine", "x"), mention("b", "reported", None, "y")),
        2,
        False,
    )
    assert find(story_of(events=[event])) == ()


def with_place(doc: Document, place: str, date: str, fallback: bool = False, **fields: object) -> Document:
    s = doc.sentences[0]
    at = s.start + s.text.index(place)
    s = replace(
        s,
        entities=(Entity(at, at + len(place), place, "GPE"),),
        event_date=date,
        event_date_fallback=fallback,
        **fields,  # type: ignore[arg-type]
    )
    return replace(doc, sentences=(s, *doc.sentences[1:]))


def test_still_holds_against_retaken_is_a_fact_contradiction(make_doc):
    hold = make_doc("Russian forces still hold Kupiansk, the defence ministry in Moscow said.", source="TASSish")
    taken = make_doc("Ukrainian troops fully retook Kupiansk on September 10.", source="Kyiv Wire")
    hold = with_place(hold, "Kupiansk", "2022-09-11", fallback=True)
    taken = with_place(taken, "Kupiansk", "2022-09-10")
    (c,) = find(story_of(hold, taken))
    assert c.kind == "fact"
    assert c.note == "Kupiansk: TASSish says it is still held, Kyiv Wire says it was retaken"


def test_holding_a_place_before_it_was_retaken_is_no_contradiction(make_doc):
    hold = with_place(
        make_doc("Russian forces still held Kupiansk on September 8.", source="A"), "Kupiansk", "2022-09-08"
    )
    taken = with_place(
        make_doc("Ukrainian troops retook Kupiansk on September 10.", source="B"), "Kupiansk", "2022-09-10"
    )
    assert find(story_of(hold, taken)) == ()


def test_a_negated_retaking_is_no_fact(make_doc):
    hold = with_place(
        make_doc("Russian forces still hold Kupiansk, Moscow said.", source="A"), "Kupiansk", "2022-09-10"
    )
    denied = make_doc("Officials said Ukrainian troops had not entered Kupiansk yet.", source="B")
    assert find(story_of(hold, with_place(denied, "Kupiansk", "2022-09-10"))) == ()


def test_a_retaking_told_as_a_condition_or_a_later_step_is_no_fact(make_doc):
    held = make_doc("Valdorian forces still control Port Amsel, the ministry said.", source="A")
    hold = with_place(held, "Port Amsel", "2024-05-10")
    for text in (
        "Rebel leaders said they would march on Port Amsel once it is liberated from within.",
        "The premier said that if the northern brigades or their allies entered Port Amsel they would be crushed.",
        "In a few weeks, when Port Amsel is liberated, the shops will open again.",
    ):
        later = with_place(make_doc(text, source="B"), "Port Amsel", "2024-05-10")
        assert find(story_of(hold, later)) == (), text


def test_a_place_is_retaken_only_as_the_object_or_the_passive_subject_of_the_verb(make_doc):
    held = make_doc("Valdorian forces still control Port Amsel, the ministry said.", source="A")
    hold = with_place(held, "Port Amsel", "2024-05-10")
    for text in (
        "The council in Port Amsel said its guards had liberated the northern villages.",
        "Donors freed up millions of dollars to help Port Amsel rebuild.",
        "Two sailors freed by Port Amsel flew home on Friday.",
        "Every liberated village in Port Amsel is thanking the brigades.",
    ):
        other = with_place(make_doc(text, source="B"), "Port Amsel", "2024-05-10")
        assert find(story_of(hold, other)) == (), text
    for text in (
        "Port Amsel was retaken by rebel brigades on Friday.",
        "Rebel brigades retook the port of Port Amsel.",
    ):
        taken = with_place(make_doc(text, source="B"), "Port Amsel", "2024-05-10")
        assert [c.kind for c in find(story_of(hold, taken))] == ["fact"], text


def test_a_place_after_by_is_who_holds_not_what_is_held(make_doc):
    held = make_doc("Hill villages still held by brigades loyal to Port Amsel are cut off.", source="A")
    hold = with_place(held, "Port Amsel", "2024-05-10")
    taken = with_place(make_doc("Rebels retook Port Amsel on Friday.", source="B"), "Port Amsel", "2024-05-10")
    assert find(story_of(hold, taken)) == ()


def test_contradictions_stage_runs_after_events_and_figures():
    series = FigureSeries("killed", "count", (point(5, None, "a"), point(50, None, "b")))
    start = replace(story_of(figures=[series]), done=frozenset({"events", "figures"}))
    story = run_story([ct.build(Config())], start)
    assert [c.kind for c in story.contradictions] == ["figure"]
    assert story.contradictions[0].note == "killed on 2022-09-12: 5 (A) vs 50 (B)"


def _said(doc: Document, index: int, who: str, content: str, status: str, parties: Sequence[str]) -> Document:
    """Give one sentence of a document its speaker, status, attribution and party entities."""
    s = doc.sentences[index]
    at = s.text.index(content)
    ents = tuple(Entity(s.start + s.text.index(p), s.start + s.text.index(p) + len(p), p, "NORP") for p in parties)
    kind = "denial" if status == "denied" else "claim"
    att = Attribution((s.start, s.start + 1), (s.start + at, s.start + at + len(content)), None, who, kind)  # type: ignore[arg-type]
    new = replace(s, status=status, attributed_to=who, attributions=(att,), entities=ents)  # type: ignore[arg-type]
    return replace(doc, sentences=tuple(new if x.index == index else x for x in doc.sentences))


def test_a_denial_of_who_did_it_is_set_against_the_claim_naming_the_doer_and_says_what_is_disputed(make_doc):
    doc = make_doc(
        "The ferry was sunk off the breakwater on Monday. "
        "Ostmark said Valdorian warships sank the ferry. "
        "Valdoria denied that its navy had sunk the ferry.",
        source="Harbour Wire",
    )
    doc = _said(doc, 1, "Ostmark", "Valdorian warships sank the ferry", "claimed", ["Ostmark", "Valdorian"])
    doc = _said(doc, 2, "Valdoria", "that its navy had sunk the ferry", "denied", ["Valdoria"])
    report, claim, denial = (
        Mention(doc.id, s.index, s.text, s.status, s.attributed_to, None, False) for s in doc.sentences
    )
    event = Event("e1", None, "s", (report, claim, denial), 1, True)
    (c,) = find(story_of(doc, events=[event]))
    assert c.note == "who sank the ferry: Ostmark says Valdorian warships; Valdoria denies it"
    assert [m.sentence for m in c.mentions] == [1, 2]
    alone = Event("e2", None, "s", (report, denial), 1, True)  # the happening, and a denial of who did it
    assert find(story_of(doc, events=[alone])) == ()


@pytest.mark.parametrize(
    ("who", "says", "denies"),
    [
        ("Regional officials", "say", "deny"),
        ("the army and the police", "say", "deny"),
        ("Harbor County", "says", "denies"),
        ("The Ministry", "says", "denies"),
        ("the port's press", "says", "denies"),
        ("Coastal News", "says", "denies"),
    ],
)
def test_a_note_verb_agrees_with_its_speaker(who: str, says: str, denies: str) -> None:
    assert (ct.verb_for(who, "says"), ct.verb_for(who, "denies")) == (says, denies)


def test_a_place_named_at_the_end_of_what_is_held_is_held(make_doc):
    held = make_doc("Valdorian forces still hold the north bank of the river at Port Amsel.", source="A")
    hold = with_place(held, "Port Amsel", "2024-05-10")
    taken = with_place(make_doc("Rebels retook Port Amsel on Friday.", source="B"), "Port Amsel", "2024-05-10")
    assert [c.kind for c in find(story_of(hold, taken))] == ["fact"]


def test_a_denial_a_live_page_repeats_is_set_against_a_claim_once():
    claim = mention("a", "claimed", "Ostmark officials", "Ostmark officials said Valdorian jets bombed the depot.")
    first_entry = replace(
        mention("a", "denied", "A Valdorian source", "A Valdorian source denied that its jets bombed the depot."),
        sentence=4,
    )
    again = replace(first_entry, sentence=9, text="The source also denied that its jets bombed the depot.")
    other = replace(first_entry, document="b", attributed_to="The Valdorian army")
    event = Event("e1", "2022-09-10", "s", (claim, first_entry, again, other), 2, True)
    lineage = Lineage(roots={}, documents={}, copy_similarity=90)
    found = list(ct.status_contradictions([event], lineage))
    assert [(c.mentions[1].document, c.mentions[1].sentence) for c in found] == [("a", 4), ("b", 4)]


def test_a_denier_s_denial_told_in_the_highlights_and_again_in_the_body_is_set_against_a_claim_once():
    claim = mention("a", "claimed", "a baker", "Soldiers fired on marchers near the mill, a baker says")
    highlight = replace(
        mention("a", "denied", "the ministry", "The ministry denies soldiers fired on marchers"), sentence=1
    )
    body = replace(
        highlight,
        sentence=20,
        text="The ministry has repeatedly denied that its soldiers opened fire on any marchers near the old mill.",
    )
    other = replace(body, sentence=22, attributed_to="the mayor", text="The mayor denied that there were marches.")
    event = Event("e1", "2022-09-10", "s", (claim, highlight, body, other), 1, True)
    lineage = Lineage(roots={}, documents={}, copy_similarity=90)
    found = list(ct.status_contradictions([event], lineage))
    assert [c.mentions[1].sentence for c in found] == [1, 22]
    named = replace(highlight, attributed_to="Kessel's Harbour Defence Ministry (HDM)")
    short = replace(body, attributed_to="The HDM")
    event = Event("e1", "2022-09-10", "s", (claim, named, short), 1, True)
    assert [c.mentions[1].sentence for c in ct.status_contradictions([event], lineage)] == [1]


def test_a_denial_that_something_could_happen_needs_the_claim_s_words_in_its_own_report():
    claim = mention("a", "claimed", "the envoy", "The envoy said Valdoria's premier has only days left in power.")
    denial = replace(
        mention("a", "denied", "a nurse", "A nurse disputed his assertion that Valdoria could split apart."),
        sentence=3,
    )
    done = Deed("valdo", "Valdoria's premier", "only days left in power", "only", frozenset({"day", "power"}))
    rejected = Deed("valdo", "Valdoria", "split apart", "split", frozenset({"apart"}), possible=True)
    deeds = {("a", 0): done, ("a", 3): rejected}
    lineage = Lineage(roots={}, documents={}, copy_similarity=90)
    event = Event("e1", "2022-09-10", "s", (claim, denial), 1, True)
    common = frozenset({"valdo"})  # the story's main name: sharing it tells nothing
    assert list(ct.status_contradictions([event], lineage, deeds, common)) == []
    deeds[("a", 3)] = replace(rejected, possible=False)  # a denial of who did it: the doer is enough
    assert len(list(ct.status_contradictions([event], lineage, deeds, common))) == 1


def test_a_denial_the_same_denier_tells_again_in_another_report_is_set_against_a_claim_once():
    claim = mention("a", "claimed", "Ostmark officials", "Ostmark officials said the alliance's jets hit the depot.")
    first = replace(
        mention(
            "b", "denied", "the alliance", "On Saturday, the alliance denied earlier claims its jets hit the depot."
        ),
        sentence=4,
    )
    update = replace(
        first, document="c", text="On Saturday, the alliance denied earlier allegations its jets hit the depot."
    )
    other = replace(
        update, attributed_to="The Valdorian army", text="The Valdorian army denied its jets hit the depot."
    )
    event = Event("e1", "2022-09-10", "s", (claim, first, update, other), 3, True)
    lineage = Lineage(roots={}, documents={}, copy_similarity=90)
    found = list(ct.status_contradictions([event], lineage))
    assert [(c.mentions[1].document, c.mentions[1].text) for c in found] == [("b", first.text), ("c", other.text)]


def test_a_denial_naming_whose_claim_it_rejects_answers_that_speaker_s_line_of_its_report_in_another_event():
    argued = replace(
        mention("b", "claimed", "The Ostmark Shipping Company",
                "The Ostmark Shipping Company argues that the port was grossly negligent in dredging the channel."),
        sentence=4,
    )  # fmt: skip
    rejected = replace(
        mention("b", "denied", "The port", "The port will pay every fair bill, and it rejected Ostmark's claims."),
        sentence=9,
    )
    lineage = Lineage(roots={}, documents={}, copy_similarity=0.9)
    apart = [Event("e1", "2022-09-10", "s", (argued,), 1, False), Event("e2", "2022-09-10", "s", (rejected,), 1, True)]
    (c,) = ct.status_contradictions(apart, lineage)
    assert [m.text for m in c.mentions] == [argued.text, rejected.text]
    # a denial that names no owner answers only the claims of its own event
    plain = replace(rejected, text="The port will pay every fair bill, and it rejected the claims of negligence.")
    unnamed = [apart[0], Event("e2", "2022-09-10", "s", (plain,), 1, True)]
    assert list(ct.status_contradictions(unnamed, lineage)) == []
    # nor does the owner's line of another report answer it across events
    elsewhere = [Event("e1", "2022-09-10", "s", (replace(argued, document="a"),), 1, False), apart[1]]
    assert list(ct.status_contradictions(elsewhere, lineage)) == []


def test_a_denial_pointing_back_answers_the_line_right_before_it_not_one_further_up():
    began = replace(
        mention("b", "reported", None, "It began when Ada Venn phoned the harbour office about the booms."), sentence=3
    )
    told = replace(
        mention("b", "claimed", "Ada Venn", "“The clerk said the slick was nothing to worry about,” Venn said."),
        sentence=4,
    )
    denied = replace(
        mention("b", "denied", "Harbour officials", "Harbour officials deny that any clerk told Venn such a thing."),
        sentence=5,
    )
    lineage = Lineage(roots={}, documents={}, copy_similarity=0.9)
    events = [
        Event("e1", "2022-09-10", "s", (began, denied), 2, True),
        Event("e2", "2022-09-10", "s", (told,), 1, False),
    ]
    (c,) = ct.status_contradictions(events, lineage)
    assert [m.text for m in c.mentions] == [told.text, denied.text]
    # with no line right before it, it answers no line of its report further up
    alone = [
        Event("e1", "2022-09-10", "s", (replace(began, status="claimed", attributed_to="Ada Venn"), denied), 2, True)
    ]
    assert list(ct.status_contradictions(alone, lineage)) == []


def test_a_denial_of_the_report_answers_the_line_right_before_it_or_its_own_sentence_not_another_report():
    accused = replace(
        mention("b", "claimed", "The inspectors", "The inspectors accused the yard of welding the hull badly."),
        sentence=4,
    )
    denied = replace(mention("b", "denied", "The yard", "The yard denied the accusation."), sentence=5)
    lineage = Lineage(roots={}, documents={}, copy_similarity=0.9)
    events = [Event("e1", "2022-09-10", "s", (denied,), 1, True), Event("e2", "2022-09-10", "s", (accused,), 1, False)]
    (c,) = ct.status_contradictions(events, lineage)
    assert [m.text for m in c.mentions] == [accused.text, denied.text]
    # a clause denying "the report" its own sentence told answers that one, not another report's older line
    told = replace(
        mention("c", "claimed", "State radio", "State radio said the navy hit a tanker off the cape"), sentence=7
    )
    clause = replace(
        mention("c", "denied", "The navy", "the navy denied the report, saying it was invented."), sentence=7, clause=55
    )
    older = mention("a", "claimed", "State radio", "State radio said the navy shelled the harbour of the cape.")
    assert (
        list(ct.status_contradictions([Event("e3", "2022-09-10", "s", (older, told, clause), 3, True)], lineage)) == []
    )


def test_a_denial_joining_the_line_before_it_with_also_does_not_answer_it():
    accused = replace(
        mention("b", "claimed", "The dredgers", "The dredgers accused the port of hiding its own mistakes."), sentence=4
    )
    joined = replace(mention("b", "denied", "Two senators", "Two senators also dismissed it."), sentence=5)
    lineage = Lineage(roots={}, documents={}, copy_similarity=0.9)
    events = [Event("e1", "2022-09-10", "s", (joined,), 1, True), Event("e2", "2022-09-10", "s", (accused,), 1, False)]
    assert list(ct.status_contradictions(events, lineage)) == []
    alone = replace(joined, text="Two senators dismissed it.")
    (c,) = ct.status_contradictions([Event("e1", "2022-09-10", "s", (alone,), 1, True), events[1]], lineage)
    assert [m.text for m in c.mentions] == [accused.text, alone.text]


def test_a_denial_out_a_season_before_a_claim_answers_it_only_when_its_happening_was_told_before():
    denial_doc = build_document("The shipper denied that it cut corners on its hulls to save money.", "2024-03-10")
    finding_doc = build_document("The final report said the shipper cut corners on its hulls.", "2024-11-02")
    early_doc = build_document("The insurer said the shipper cut corners on its hulls.", "2024-03-01")
    docs = {d.id: d for d in (denial_doc, finding_doc, early_doc)}
    denial = Mention(denial_doc.id, 0, denial_doc.text, "denied", "The shipper", "2024-03-10", False)
    finding = Mention(finding_doc.id, 0, finding_doc.text, "claimed", "The final report", "2024-11-02", False)
    lineage = Lineage(roots={}, documents=docs, copy_similarity=0.9)
    alone = Event("e1", "2024-03-10", "s", (denial, finding), 2, True)
    assert list(ct.status_contradictions([alone], Lineage(roots={}, documents={}, copy_similarity=0.9)))  # undated
    assert list(ct.status_contradictions([alone], lineage)) == []
    # the happening's claim first told before the denial: the later telling may be the one it answers
    early = Mention(early_doc.id, 0, early_doc.text, "reported", None, "2024-03-01", False)
    (c,) = ct.status_contradictions([replace(alone, mentions=(denial, finding, early))], lineage)
    assert c.mentions[1].text == denial.text
