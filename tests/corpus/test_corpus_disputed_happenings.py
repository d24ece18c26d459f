"""Which happening a dispute over who did it presupposes (``corpus/disputed_happenings.py``), on our own sentences."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from storyline.corpus.deeds import Deed
from storyline.corpus.disputed_happenings import happening_backing, not_before, object_head, same_deed, verb_stem
from storyline.corpus.summary import central_event
from storyline.records import Attribution, Derivation, Document, Entity, Event, Mention, Story

MakeDoc = Callable[..., Document]


def said(doc: Document, index: int, who: str, content: str, status: str, party: str) -> Document:
    """The document with sentence ``index`` made ``who``'s claim or denial of ``content``, naming ``party``."""
    s = doc.sentences[index]
    at, p = s.text.index(content), s.text.index(party)
    kind = "denial" if status == "denied" else "claim"
    att = Attribution((s.start, s.start + 1), (s.start + at, s.start + at + len(content)), None, who, kind)  # type: ignore[arg-type]
    ent = Entity(s.start + p, s.start + p + len(party), party, "NORP")
    new = replace(s, status=status, attributed_to=who, attributions=(att,), entities=(ent,))  # type: ignore[arg-type]
    return replace(doc, sentences=tuple(new if x.index == index else x for x in doc.sentences))


def mention(doc: Document, index: int, date: str) -> Mention:
    s = doc.sentences[index]
    return Mention(doc.id, index, s.text, s.status, s.attributed_to, date, False)


def event(eid: str, date: str, *mentions: Mention, sources: int = 1, contested: bool = False) -> Event:
    return Event(eid, date, mentions[0].text, tuple(mentions), sources, contested)


def _bridge(make_doc: MakeDoc) -> Document:
    return make_doc("The Portmere bridge was destroyed early on Monday, cutting the coast road.", "2024-05-06", "Wire")


def _dispute(
    make_doc: MakeDoc, source: str, day: str, doer: str = "sappers", act: str = "destroyed the bridge"
) -> Document:
    doc = make_doc(
        f"Ostmark said Valdorian {doer} {act} at Portmere. Valdoria denied that its {doer} had {act}.", day, source
    )
    doc = said(doc, 0, "Ostmark", f"Valdorian {doer} {act} at Portmere", "claimed", "Valdorian")
    return said(doc, 1, "Valdoria", f"that its {doer} had {act}", "denied", "Valdoria")


def _disputed(doc: Document, eid: str, day: str) -> Event:
    return event(eid, day, mention(doc, 0, day), mention(doc, 1, day), contested=True)


def test_a_dispute_over_who_did_it_backs_the_happening_it_presupposes(make_doc: MakeDoc) -> None:
    bridge = _bridge(make_doc)
    ledger = _dispute(make_doc, "Coast Ledger", "2024-05-07")
    post = _dispute(make_doc, "Bay Post", "2024-05-08", doer="gunners")
    events = (
        event("bridge", "2024-05-06", mention(bridge, 0, "2024-05-06")),
        _disputed(ledger, "ledger", "2024-05-07"),
        _disputed(post, "post", "2024-05-08"),
    )
    story = Story(id="s", title="t", documents=(bridge, ledger, post), events=events)
    assert happening_backing(story) == {"bridge": 3}
    assert [e.independent_sources for e in story.events] == [1, 1, 1]  # the event records keep their own count


def test_a_copy_of_a_dispute_backs_the_happening_as_its_origin(make_doc: MakeDoc) -> None:
    bridge = _bridge(make_doc)
    ledger = _dispute(make_doc, "Coast Ledger", "2024-05-07")
    copy = replace(ledger, id="copy", source="Reprint Daily")
    events = (
        event("bridge", "2024-05-06", mention(bridge, 0, "2024-05-06")),
        event("ledger", "2024-05-07", *(mention(d, i, "2024-05-07") for d in (ledger, copy) for i in (0, 1))),
    )
    events = (events[0], replace(events[1], contested=True))
    derived = Derivation(document="copy", origin=ledger.id, relation="duplicate", score=1.0, adds=(), drops=())
    story = Story(id="s", title="t", documents=(bridge, ledger, copy), events=events, derivations=(derived,))
    assert happening_backing(story) == {"bridge": 2}


def test_a_dispute_over_another_act_or_another_thing_backs_nothing(make_doc: MakeDoc) -> None:
    bridge = _bridge(make_doc)
    shelled = _dispute(make_doc, "Coast Ledger", "2024-05-07", act="shelled the bridge")
    harbour = _dispute(make_doc, "Bay Post", "2024-05-07", act="destroyed the harbour cranes")
    events = (
        event("bridge", "2024-05-06", mention(bridge, 0, "2024-05-06")),
        _disputed(shelled, "shelled", "2024-05-07"),
        _disputed(harbour, "harbour", "2024-05-07"),
    )
    assert happening_backing(Story(id="s", title="t", documents=(bridge, shelled, harbour), events=events)) == {}


def test_an_uncontested_claim_or_an_earlier_dispute_backs_nothing(make_doc: MakeDoc) -> None:
    bridge = _bridge(make_doc)
    earlier = _dispute(make_doc, "Coast Ledger", "2024-05-01")
    claim = _dispute(make_doc, "Bay Post", "2024-05-07")
    events = (
        event("bridge", "2024-05-06", mention(bridge, 0, "2024-05-06")),
        _disputed(earlier, "earlier", "2024-05-01"),
        event("claim", "2024-05-07", mention(claim, 0, "2024-05-07")),  # one side's claim, not disputed
    )
    assert happening_backing(Story(id="s", title="t", documents=(bridge, earlier, claim), events=events)) == {}


def test_a_happening_told_twice_is_backed_once_on_its_best_dated_event(make_doc: MakeDoc) -> None:
    bridge = _bridge(make_doc)
    text = "The bridge at Portmere was destroyed some weeks ago and is still closed."
    look_back = make_doc(text, "2024-05-28", "Post")
    ledger = _dispute(make_doc, "Coast Ledger", "2024-05-07")
    events = (
        event("month", "2024-05", mention(look_back, 0, "2024-05")),
        event("bridge", "2024-05-06", mention(bridge, 0, "2024-05-06")),
        _disputed(ledger, "ledger", "2024-05-07"),
    )
    story = Story(id="s", title="t", documents=(bridge, look_back, ledger), events=events)
    assert happening_backing(story) == {"bridge": 3}  # one happening: two events of it would tie


def test_a_claim_is_no_plain_report_of_the_happening(make_doc: MakeDoc) -> None:
    bridge = said(_bridge(make_doc), 0, "Ostmark", "The Portmere bridge was destroyed", "claimed", "Portmere")
    ledger = _dispute(make_doc, "Coast Ledger", "2024-05-07")
    events = (
        event("bridge", "2024-05-06", mention(bridge, 0, "2024-05-06")),
        _disputed(ledger, "ledger", "2024-05-07"),
    )
    assert happening_backing(Story(id="s", title="t", documents=(bridge, ledger), events=events)) == {}


def test_deeds_of_one_act_share_the_verb_stem_and_the_head_noun_of_the_object() -> None:
    happening = Deed(None, "", "destroyed The Portmere bridge on the coast road", "destroyed", agentive=False)
    assert same_deed(Deed("valdo", "Valdorian sappers", "destroying the bridge", "destroying"), happening)
    assert same_deed(Deed("valdo", "Valdorian sappers", "blew the bridge up", "blew"), replace(happening, verb="blew"))
    assert not same_deed(Deed("valdo", "Valdorian sappers", "destroyed the pier", "destroyed"), happening)
    assert not same_deed(Deed("valdo", "Valdorian sappers", "destroyed the road", "destroyed"), happening)
    assert object_head(Deed("valdo", "", "damaged the upper deck of the bridge", "damaged")) == "deck"
    assert verb_stem("destroys") == verb_stem("destroyed") == "destroy"


def test_a_date_not_before_another_may_be_coarser_or_unknown() -> None:
    assert not_before("2024-05-07", "2024-05-06") and not_before("2024-05", "2024-05-06")
    assert not_before(None, "2024-05-06") and not not_before("2024-05-01", "2024-05-06")


@given(st.text(max_size=120))
def test_the_object_head_is_a_word_of_the_act_or_none(act: str) -> None:
    head = object_head(Deed(None, "", act, act.split()[0] if act.split() else ""))
    assert head is None or head in act.lower() or f"{head}s" in act.lower()


def test_a_dispute_told_by_as_many_outlets_as_its_happening_ranks_below_it(make_doc: MakeDoc) -> None:
    bridge = _bridge(make_doc)
    text = "The Portmere bridge was destroyed on Monday, and the coast road is shut."
    retold = make_doc(text, "2024-05-07", "Bay Post")
    wire, post = _dispute(make_doc, "Wire", "2024-05-06"), _dispute(make_doc, "Bay Post", "2024-05-07")
    happening = event("bridge", "2024-05-06", mention(bridge, 0, "2024-05-06"), mention(retold, 0, "2024-05-06"))
    dispute = event("dispute", "2024-05-06", *(mention(d, i, "2024-05-06") for d in (wire, post) for i in (0, 1)))
    events = (replace(happening, independent_sources=2), replace(dispute, independent_sources=2, contested=True))
    story = Story(id="s", title="t", documents=(bridge, retold, wire, post), events=events)
    backing = happening_backing(story)
    assert backing == {"dispute": 1}  # its outlets are the happening's backers
    assert central_event(story.events, backing) is events[0]
    assert central_event(story.events) is None  # without the rule: a tie, no central happening
