from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import pytest

from storyline.config import Config, FiguresConfig
from storyline.corpus import contradictions as ct
from storyline.corpus.deeds import Deed
from storyline.pipeline import run_story
from storyline.records import (
    Attribution,
    Derivation,
    Document,
    Entity,
    Event,
    FigurePoint,
    FigureSeries,
    Mention,
    Qualifier,
    Story,
)


def point(
    value: float, qualifier: Qualifier | None, doc: str, who: str | None = None, date: str = "2022-09-12"
) -> FigurePoint:
    return FigurePoint(date, value, value, value, qualifier, doc, 0, f"{doc} says {value}", doc.upper(), who)


def story_of(
    *docs: Document,
    figures: Sequence[FigureSeries] = (),
    events: Sequence[Event] = (),
    derivations: Sequence[Derivation] = (),
) -> Story:
    return Story(
        id="s",
        title="t",
        documents=docs,
        figures=tuple(figures),
        events=tuple(events),
        derivations=tuple(derivations),
    )


def find(story: Story) -> tuple[ct.Contradiction, ...]:
    return ct.find_contradictions(story, FiguresConfig())


def test_disjoint_figures_on_the_same_day_contradict():
    series = FigureSeries(
        "area retaken",
        "km2",
        (point(6000, "more than", "a", "Ukraine's President"), point(2000, "about", "b")),
    )
    (c,) = find(story_of(figures=[series]))
    assert c.kind == "figure"
    assert c.note == "area retaken on 2022-09-12: more than 6,000 km2 (Ukraine's President) vs about 2,000 km2 (B)"
    assert [m.document for m in c.mentions] == ["a", "b"]


def test_overlapping_figures_do_not_contradict():
    series = FigureSeries("area retaken", "km2", (point(3000, "about", "a"), point(2900, "more than", "b")))
    assert find(story_of(figures=[series])) == ()


def test_figures_on_different_days_do_not_contradict():
    series = FigureSeries("area retaken", "km2", (point(6000, None, "a"), point(2000, None, "b", date="2022-09-10")))
    assert find(story_of(figures=[series])) == ()


def test_qualifiers_widen_a_figure_into_a_range():
    assert ct.interval(point(1000, "about", "a")) == (900.0, 1100.0)
    assert ct.interval(point(1000, "more than", "a")) == (1000.0, math.inf)
    assert ct.interval(point(1000, "at least", "a")) == (1000.0, math.inf)
    assert ct.interval(point(1000, "up to", "a")) == (0.0, 1000.0)
    assert ct.interval(replace(point(3, None, "a"), high=5)) == (3.0, 5.0)


def test_a_figure_never_contradicts_its_own_copy(make_doc):
    a = make_doc("Ukraine has retaken 6,000 km2, Zelensky said.", source="A")
    b = make_doc("Ukraine has retaken 600 km2, Zelensky said.", source="B")
    pa = replace(point(6000, None, a.id), text=a.text)
    pb = replace(point(600, None, b.id), text=b.text)
    series = FigureSeries("area retaken", "km2", (pa, pb))
    derived = Derivation(b.id, a.id, "duplicate", 0.97, (), ())
    assert find(story_of(a, b, figures=[series], derivations=[derived])) == ()
    assert len(find(story_of(a, b, figures=[series]))) == 1


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
    lineage = ct.Lineage(roots={}, documents={}, copy_similarity=0.9)
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


def test_figures_for_disjoint_places_do_not_contradict():
    a = replace(point(103, None, "a"), places=("mexico",))
    b = replace(point(8, None, "b"), places=("united states",))
    assert find(story_of(figures=[FigureSeries("killed", "count", (a, b))])) == ()
    unscoped = replace(b, places=())
    assert len(find(story_of(figures=[FigureSeries("killed", "count", (a, unscoped))]))) == 1


def test_two_figures_of_one_report_do_not_contradict():
    series = FigureSeries("killed", "count", (point(8, None, "a"), point(150, None, "a")))
    assert find(story_of(figures=[series])) == ()


def test_figures_of_differently_named_subjects_do_not_contradict():
    a = replace(point(257, None, "a"), subject="H5N1 virus")
    b = replace(point(20, None, "b"), subject="the H1N1 strain")
    assert find(story_of(figures=[FigureSeries("killed", "count", (a, b))])) == ()
    unnamed = replace(b, subject="the new flu")
    assert len(find(story_of(figures=[FigureSeries("killed", "count", (a, unnamed))]))) == 1


def test_a_subject_named_by_another_year_is_another_happening():
    old = replace(point(2_000_000, "about", "a"), subject="1957 pandemic")
    new = replace(point(20, None, "b"), subject="the new flu")
    assert find(story_of(figures=[FigureSeries("killed", "count", (old, new))])) == ()


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


def test_a_projection_never_contradicts_a_measured_figure():
    measured = point(1.2, None, "a")
    projected = replace(point(2, None, "b"), projected=True)  # "water could rise 2 metres if the dam fails"
    assert find(story_of(figures=[FigureSeries("water level at Kelby", "m", (measured, projected))])) == ()
    told = replace(projected, projected=False)
    assert len(find(story_of(figures=[FigureSeries("water level at Kelby", "m", (measured, told))]))) == 1


def test_a_suspected_toll_never_contradicts_a_confirmed_one():
    confirmed = point(20, None, "a")  # "the clinic has confirmed 20 deaths"
    suspected = replace(point(48, None, "b"), suspected=True)  # "could be to blame for 48 deaths"
    assert find(story_of(figures=[FigureSeries("killed", "count", (confirmed, suspected))])) == ()
    told = replace(suspected, suspected=False)
    assert len(find(story_of(figures=[FigureSeries("killed", "count", (confirmed, told))]))) == 1


def test_a_place_named_at_the_end_of_what_is_held_is_held(make_doc):
    held = make_doc("Valdorian forces still hold the north bank of the river at Port Amsel.", source="A")
    hold = with_place(held, "Port Amsel", "2024-05-10")
    taken = with_place(make_doc("Rebels retook Port Amsel on Friday.", source="B"), "Port Amsel", "2024-05-10")
    assert [c.kind for c in find(story_of(hold, taken))] == ["fact"]


def test_counts_of_the_dead_told_on_different_days_are_the_toll_as_it_grew(make_doc):
    first = make_doc("The storm on Monday left 40 dead, officials said.", published="2031-03-04", source="A")
    later = make_doc("The storm on Monday killed 900 people.", published="2031-03-09", source="B")
    same_day = make_doc("The storm on Monday killed 300 people.", published="2031-03-04", source="C")
    toll = FigureSeries(
        "killed (officials)",
        "count",
        tuple(
            replace(point(v, None, d.id), date="2031-03-03") for v, d in ((40, first), (900, later), (300, same_day))
        ),
    )
    found = find(story_of(first, later, same_day, figures=[toll]))
    assert [{m.document for m in c.mentions} for c in found] == [{first.id, same_day.id}]


def test_sums_of_aid_from_different_donors_add_up_and_never_contradict(make_doc):
    docs = [make_doc(f"Report {i} on the aid.", published="2031-03-04", source=f"S{i}") for i in range(3)]
    fund = replace(point(2_000_000, None, docs[0].id), subject="The Harbour Fund")
    valdoria = replace(point(90_000_000, None, docs[1].id, who="Valdoria"), subject="it")
    fund_again = replace(point(50_000_000, None, docs[2].id), subject="Harbour Fund")
    aid = FigureSeries("aid", "USD", (fund, valdoria))
    assert find(story_of(*docs, figures=[aid])) == ()
    (c,) = find(story_of(*docs, figures=[replace(aid, points=(fund, valdoria, fund_again))]))
    assert {m.document for m in c.mentions} == {docs[0].id, docs[2].id}


def test_an_organisation_s_own_dead_told_by_part_are_no_rivals(make_doc):
    a = make_doc("Eleven of the mission's Valdorian peacekeepers died.", published="2031-03-04", source="A")
    b = make_doc("Three of the mission's Ostmark staff died.", published="2031-03-04", source="B")
    staff = FigureSeries("killed, staff and members", "count", (point(11, None, a.id), point(3, None, b.id)))
    assert find(story_of(a, b, figures=[staff])) == ()
    assert len(find(story_of(a, b, figures=[replace(staff, measure="killed")]))) == 1


def test_a_smaller_count_for_a_side_place_is_part_of_the_whole_not_its_rival():
    side = replace(point(1, None, "a"), places=("ostmark",))
    whole = point(16, None, "b")
    series = FigureSeries("killed", "count", (side, whole))
    lineage = ct.Lineage(roots={}, documents={}, copy_similarity=90)
    assert list(ct.figure_contradictions([series], lineage, FiguresConfig(), frozenset({"valdoria"}))) == []
    main = replace(side, places=("valdoria",))  # the story's own place: the whole, a rival
    assert (
        len(
            list(
                ct.figure_contradictions(
                    [FigureSeries("killed", "count", (main, whole))], lineage, FiguresConfig(), frozenset({"valdoria"})
                )
            )
        )
        == 1
    )
    larger = replace(side, value=40, low=40, high=40)  # more in a side place than in the whole: a rival
    assert (
        len(
            list(
                ct.figure_contradictions(
                    [FigureSeries("killed", "count", (larger, whole))],
                    lineage,
                    FiguresConfig(),
                    frozenset({"valdoria"}),
                )
            )
        )
        == 1
    )


def test_a_denial_a_live_page_repeats_is_set_against_a_claim_once():
    claim = mention("a", "claimed", "Ostmark officials", "Ostmark officials said Valdorian jets bombed the depot.")
    first_entry = replace(
        mention("a", "denied", "A Valdorian source", "A Valdorian source denied that its jets bombed the depot."),
        sentence=4,
    )
    again = replace(first_entry, sentence=9, text="The source also denied that its jets bombed the depot.")
    other = replace(first_entry, document="b", attributed_to="The Valdorian army")
    event = Event("e1", "2022-09-10", "s", (claim, first_entry, again, other), 2, True)
    lineage = ct.Lineage(roots={}, documents={}, copy_similarity=90)
    found = list(ct.status_contradictions([event], lineage))
    assert [(c.mentions[1].document, c.mentions[1].sentence) for c in found] == [("a", 4), ("b", 4)]


def test_a_denial_that_something_could_happen_needs_the_claim_s_words_in_its_own_report():
    claim = mention("a", "claimed", "the envoy", "The envoy said Valdoria's premier has only days left in power.")
    denial = replace(
        mention("a", "denied", "a nurse", "A nurse disputed his assertion that Valdoria could split apart."),
        sentence=3,
    )
    done = Deed("valdo", "Valdoria's premier", "only days left in power", "only", frozenset({"day", "power"}))
    rejected = Deed("valdo", "Valdoria", "split apart", "split", frozenset({"apart"}), possible=True)
    deeds = {("a", 0): done, ("a", 3): rejected}
    lineage = ct.Lineage(roots={}, documents={}, copy_similarity=90)
    event = Event("e1", "2022-09-10", "s", (claim, denial), 1, True)
    common = frozenset({"valdo"})  # the story's main name: sharing it tells nothing
    assert list(ct.status_contradictions([event], lineage, deeds, common)) == []
    deeds[("a", 3)] = replace(rejected, possible=False)  # a denial of who did it: the doer is enough
    assert len(list(ct.status_contradictions([event], lineage, deeds, common))) == 1
