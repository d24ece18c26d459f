"""The ``timeline`` stage (``storyline.corpus.key_dates``): key dates by the TLS ranking, linked to events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from storyline.config import Config, TimelineConfig
from storyline.corpus import key_dates as kd
from storyline.corpus.tls import TlsSettings
from storyline.pipeline import run_story
from storyline.records import Derivation, Document, Event, Mention, Story, TimeExpression

MakeDoc = Callable[..., Document]


def dated(doc: Document, index: int, word: str, day: str) -> Document:
    """The document with ``word`` in sentence ``index`` tagged as a mention of ``day``."""
    s = doc.sentences[index]
    start = s.start + s.text.index(word)
    times = (*s.times, TimeExpression(start, start + len(word), word, "DATE", day, day))
    sentence = replace(s, times=times, event_date=day, event_date_fallback=False)
    return replace(doc, sentences=tuple(sentence if x.index == index else x for x in doc.sentences))


def event(eid: str, day: str, *where: tuple[Document, int], sources: int = 1) -> Event:
    mentions = tuple(Mention(d.id, i, d.sentences[i].text, "reported", None, day, False) for d, i in where)
    return Event(eid, day, mentions[0].text, mentions, sources, False)


def test_a_datelines_date_is_not_a_mention_but_the_text_s_own_day_is(make_doc: MakeDoc) -> None:
    doc = make_doc("KHARKIV, Sept 11 (Wire) - Ukrainian forces entered Izium on Saturday.", "2022-09-11", "Wire")
    doc = dated(dated(doc, 0, "Sept 11", "2022-09-11"), 0, "Saturday", "2022-09-10")
    (s,) = kd.story_sentences(Story(id="s", title="t", documents=(doc,)))
    assert s.mentions == (date(2022, 9, 10),)
    assert s.plain == "Ukrainian forces entered Izium on Saturday." and s.first_mention == s.plain.index("Saturday")


def test_copies_and_undated_reports_do_not_vote(make_doc: MakeDoc) -> None:
    origin = make_doc("Ukrainian forces entered Izium on Saturday.", "2022-09-11", "Wire")
    copy = make_doc("Ukrainian forces entered Izium on Saturday.", "2022-09-11", "Herald")
    undated = make_doc("Ukrainian forces entered Izium on Saturday.", None, "Blog")
    link = Derivation(copy.id, origin.id, "duplicate", 1.0, (), ())
    story = Story(id="s", title="t", documents=(origin, copy, undated), derivations=(link,))
    assert [s.article for s in kd.story_sentences(story)] == [origin.id]


def reports(make_doc: MakeDoc, day: str, outlets: int, sentences: int, tag: str) -> list[Document]:
    """``outlets`` reports published on 2022-09-20, each with ``sentences`` sentences naming ``day``."""
    out = []
    for o in range(outlets):
        text = " ".join(
            f"Crews of team {tag}{o} repaired bridge number {i} over the river on {day}." for i in range(sentences)
        )
        doc = make_doc(text, "2022-09-20", f"Outlet {tag}{o}")
        for i in range(sentences):
            doc = dated(doc, i, day, day)
        out.append(doc)
    return out


def chosen(docs: list[Document], config: TimelineConfig | None = None) -> dict[str, float]:
    story = Story(id="s", title="t", documents=tuple(docs))
    keys = kd.key_dates(kd.story_sentences(story), kd.named_days(story), config or TimelineConfig(), TlsSettings())
    return {k.day.isoformat(): k.score for k in keys}


def test_a_date_stays_key_when_another_dates_score_doubles(make_doc: MakeDoc) -> None:
    others = [
        *reports(make_doc, "2022-09-12", 2, 2, "b"),
        *reports(make_doc, "2022-09-14", 2, 1, "d"),
        *reports(make_doc, "2022-09-15", 1, 2, "c"),
    ]
    before = chosen([*reports(make_doc, "2022-09-10", 3, 2, "a"), *others])
    after = chosen([*reports(make_doc, "2022-09-10", 6, 2, "a"), *others])
    assert after["2022-09-10"] == 2 * before["2022-09-10"]
    assert min(after.values()) < 0.2 * after["2022-09-10"]  # a share of the best date's score would drop it
    assert set(before) == set(after) == {"2022-09-10", "2022-09-12", "2022-09-14", "2022-09-15"}


def test_a_one_off_date_with_one_weak_mention_is_cut(make_doc: MakeDoc) -> None:
    story = [
        *reports(make_doc, "2022-09-10", 2, 2, "a"),
        *reports(make_doc, "2022-09-12", 2, 1, "b"),
        *reports(make_doc, "2022-09-14", 1, 2, "c"),
        *reports(make_doc, "2022-09-16", 1, 1, "e"),
    ]
    assert "2022-09-16" not in chosen(story)
    assert "2022-09-16" in chosen(story, TimelineConfig(min_date_mentions=1))


def test_a_day_carried_from_the_sentence_before_is_not_counted_again(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "The ministry said on Saturday that its troops were regrouping near the river. "
        "The ministry said the decision had been taken to reinforce the south.",
        "2022-09-11",
        "Post",
    )
    doc = dated(doc, 0, "Saturday", "2022-09-10")
    carried = replace(doc.sentences[1], event_date="2022-09-10", event_date_fallback=False)
    doc = replace(doc, sentences=(doc.sentences[0], carried))
    story = Story(id="s", title="t", documents=(doc,))
    assert [s.mentions for s in kd.story_sentences(story)] == [(date(2022, 9, 10),)] * 2  # both still vote
    assert kd.named_days(story) == {date(2022, 9, 10): 1}
    others = [*reports(make_doc, "2022-09-12", 2, 2, "b"), *reports(make_doc, "2022-09-14", 2, 2, "d")]
    assert "2022-09-10" not in chosen([doc, *others], TimelineConfig(min_dates=1))
    again = make_doc("Troops regrouped near the river on Saturday, the ministry said.", "2022-09-11", "Wire")
    assert "2022-09-10" in chosen([doc, dated(again, 0, "Saturday", "2022-09-10"), *others])


def test_key_dates_are_capped_by_score_and_filled_up_to_the_minimum(make_doc: MakeDoc) -> None:
    story = [
        *reports(make_doc, "2022-09-10", 3, 2, "a"),
        *reports(make_doc, "2022-09-12", 2, 2, "b"),
        *reports(make_doc, "2022-09-14", 1, 2, "c"),
        *reports(make_doc, "2022-09-16", 1, 1, "e"),
    ]
    assert list(chosen(story, TimelineConfig(min_dates=1, max_dates=2))) == ["2022-09-10", "2022-09-12"]
    filled = chosen(story, TimelineConfig(min_dates=5))
    # the publication day of the seven reports (7 x 0.5) and the one-off fill up to five, best score first
    assert list(filled) == ["2022-09-10", "2022-09-12", "2022-09-20", "2022-09-14", "2022-09-16"]
    assert list(filled.values()) == sorted(filled.values(), reverse=True)


def _two_day_story(make_doc: MakeDoc) -> Story:
    a = make_doc(
        "Ukrainian forces entered Izium on Saturday after a week of fighting. "
        "Russian troops left ammunition behind in Izium on Saturday as they withdrew. "
        "He said the advance on Izium was going well on Saturday.",
        "2022-09-10",
        "Wire",
    )
    b = make_doc(
        "Ukrainian forces entered Izium on Saturday and raised the flag over the town hall. "
        "Engineers began repairing the Izium bridge on Sunday morning.",
        "2022-09-11",
        "Ledger",
    )
    a = dated(dated(dated(a, 0, "Saturday", "2022-09-10"), 1, "Saturday", "2022-09-10"), 2, "Saturday", "2022-09-10")
    b = dated(dated(b, 0, "Saturday", "2022-09-10"), 1, "Sunday", "2022-09-11")
    events = (
        event("entered", "2022-09-10", (a, 0), (b, 0), sources=2),
        event("ammunition", "2022-09-10", (a, 1)),
        event("advance", "2022-09-10", (a, 2)),
        event("bridge", "2022-09-11", (b, 1)),
    )
    return Story(id="s", title="t", documents=(a, b), events=events)


def test_each_key_date_is_linked_to_its_events_sources_and_sentences(make_doc: MakeDoc) -> None:
    story = _two_day_story(make_doc)
    entries = kd.timeline_entries(story, Config())
    assert [e.date for e in entries] == ["2022-09-10", "2022-09-11"]
    first = entries[0]
    assert first.event == first.events[0] == first.sentences[0].event
    assert set(first.sources) <= {"Wire", "Ledger"} and first.independent_sources >= 1
    docs = {d.id: d for d in story.documents}
    events = {e.id: e for e in story.events}
    for entry in entries:
        for s in entry.sentences:
            assert docs[s.document].sentences[s.sentence].text == s.text
            assert events[s.event].date == entry.date
            assert (s.document, s.sentence) in {(m.document, m.sentence) for m in events[s.event].mentions}


def test_a_date_gets_one_sentence_per_event_and_more_only_for_widely_reported_events(make_doc: MakeDoc) -> None:
    story = _two_day_story(make_doc)
    saturday = kd.timeline_entries(story, Config())[0]
    assert saturday.events == ("entered",)  # the ammunition event has one outlet: no second sentence
    wide = kd.timeline_entries(story, Config(timeline=TimelineConfig(extra_sources=1, sentences_per_date=3)))[0]
    assert wide.events == ("entered", "ammunition")  # "He said ..." does not read on its own
    assert len(wide.sentences) == len(set(s.event for s in wide.sentences))


def test_the_stage_keeps_the_full_event_list_and_an_empty_story_has_no_key_dates(make_doc: MakeDoc) -> None:
    story = _two_day_story(make_doc)
    built = run_story([kd.build(Config())], replace(story, done=frozenset({"events"})))
    assert built.events == story.events and built.timeline and "timeline" in built.done
    empty = run_story([kd.build(Config())], Story(id="s", title="t", documents=(), done=frozenset({"events"})))
    assert empty.timeline == ()


def test_a_sentence_of_two_dated_clauses_links_to_its_first_clauses_event(make_doc: MakeDoc) -> None:
    doc = make_doc("The council approved the bridge on May 2, and it opened the bridge on May 9.", "2024-05-20", "A")
    first = Mention(doc.id, 0, doc.sentences[0].text, "reported", None, "2024-05-02", False, clause=0)
    second = replace(first, date="2024-05-09", clause=len("The council approved the bridge on May 2, and "))
    approved = Event("e1", "2024-05-02", first.text, (first,), 1, False)
    opened = Event("e2", "2024-05-09", second.text, (second,), 1, False)
    for events in ((approved, opened), (opened, approved)):
        assert kd.mention_index(events)[(doc.id, 0)] is approved


def _storm_reports(make_doc: MakeDoc, published: str, tag: str) -> list[Document]:
    """Two outlets' reports published on ``published``, each naming 2022-09-22 twice."""
    out = []
    for o in range(2):
        text = f"The storm {tag}{o} reaches the coast on Thursday. Ferries {tag}{o} stop sailing on Thursday."
        doc = make_doc(text, published, f"Outlet {tag}{o}")
        out.append(dated(dated(doc, 0, "Thursday", "2022-09-22"), 1, "Thursday", "2022-09-22"))
    return out


def test_a_day_named_ahead_of_its_report_is_foretold_and_not_evidence(make_doc: MakeDoc) -> None:
    others = [*reports(make_doc, "2022-09-12", 2, 2, "b"), *reports(make_doc, "2022-09-14", 2, 2, "d")]
    ahead = _storm_reports(make_doc, "2022-09-20", "a")
    assert kd.named_days(Story(id="s", title="t", documents=tuple(ahead))) == {}
    assert "2022-09-22" not in chosen([*ahead, *others], TimelineConfig(min_dates=1))
    after = _storm_reports(make_doc, "2022-09-23", "a")
    assert "2022-09-22" in chosen([*after, *others], TimelineConfig(min_dates=1))


def test_a_key_dates_sentence_comes_from_a_report_of_that_day_or_later(make_doc: MakeDoc) -> None:
    ahead = _storm_reports(make_doc, "2022-09-20", "a")[0]
    after = _storm_reports(make_doc, "2022-09-23", "z")[0]
    storm = event("storm", "2022-09-22", (ahead, 0), (after, 0), sources=2)
    story = Story(id="s", title="t", documents=(ahead, after), events=(storm,))
    (entry,) = kd.timeline_entries(story, Config(timeline=TimelineConfig(min_date_mentions=1)))
    assert [s.document for s in entry.sentences] == [after.id]
