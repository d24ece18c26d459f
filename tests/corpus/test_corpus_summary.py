"""The "what we know" summary (``storyline.corpus.summary``) on hand-built events and figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from storyline.config import Config, SummaryConfig
from storyline.corpus import summary as sm
from storyline.pipeline import run_story
from storyline.records import Attribution, Document, Entity, Event, FigurePoint, FigureSeries, Mention, Status, Story

CONFIG = SummaryConfig()

MakeDoc = Callable[..., Document]


def mention(
    doc: Document,
    index: int,
    status: Status = "reported",
    by: str | None = None,
    date: str = "2022-09-10",
    fallback: bool = False,
) -> Mention:
    return Mention(doc.id, index, doc.sentences[index].text, status, by, date, fallback)


def event(eid: str, date: str | None, *mentions: Mention, sources: int = 1, contested: bool = False) -> Event:
    summary = mentions[0].text if mentions else ""
    return Event(eid, date, summary, tuple(mentions), sources, contested)


def story(docs: list[Document], events: list[Event], figures: tuple[FigureSeries, ...] = ()) -> Story:
    return Story(id="s", title="t", documents=tuple(docs), events=tuple(events), figures=figures)


DAILY = (
    "Engineers in Izium repaired a bridge that shelling had damaged during the occupation.",
    "Rail crews in Balakliia reopened the station to passenger trains heading for Kharkiv.",
    "Firefighters in Kupiansk put out a blaze at a fuel depot near the river crossing.",
    "Teachers in Vovchansk moved lessons online after the school lost its roof and windows.",
    "Doctors in Lyman set up a field clinic inside a sports hall on the main square.",
    "Traders in Sviatohirsk reopened the market with goods brought from Slovyansk by van.",
    "A ferry began carrying cars across the Donets river at Shevchenkove for local farmers.",
    "Millers in Kozacha Lopan restarted grain deliveries to bakeries across the district.",
)


def daily_events(make_doc: MakeDoc, days: int) -> tuple[list[Document], list[Event]]:
    """One report a day, each on a different happening."""
    docs, events = [], []
    for i in range(days):
        day = f"2022-09-{i + 1:02d}"
        doc = make_doc(DAILY[i], day, f"Wire {i}")
        docs.append(doc)
        events.append(event(f"e{i}", day, mention(doc, 0, date=day)))
    return docs, events


def test_summary_has_at_most_five_sentences(make_doc: MakeDoc) -> None:
    docs, events = daily_events(make_doc, 8)
    chosen = sm.summarize_story(story(docs, events), CONFIG)
    assert len(chosen) == 5
    assert len(sm.summarize_story(story(docs, events), SummaryConfig(max_sentences=2))) == 2


def test_latest_events_are_preferred_and_read_in_date_order(make_doc: MakeDoc) -> None:
    docs, events = daily_events(make_doc, 8)
    chosen = sm.summarize_story(story(docs, events), CONFIG)
    assert [s.date for s in chosen] == ["2022-09-04", "2022-09-05", "2022-09-06", "2022-09-07", "2022-09-08"]


def test_an_event_dated_only_by_its_publication_weighs_less(make_doc: MakeDoc) -> None:
    docs, events = daily_events(make_doc, 3)
    analysis = make_doc(
        "Analysts in Kyiv expect the advance across the region to slow down soon.", "2022-09-04", "Desk"
    )
    late = event("late", "2022-09-04", mention(analysis, 0, date="2022-09-04", fallback=True))
    chosen = sm.summarize_story(story([*docs, analysis], [*events, late]), SummaryConfig(max_sentences=1))
    assert [s.event for s in chosen] == ["e2"]


def test_a_claim_is_quoted_from_a_sentence_that_names_who_makes_it(make_doc: MakeDoc) -> None:
    bare = make_doc("Ukrainian troops retook the bridge at Izium overnight on Saturday.", "2022-09-10", "Wire")
    said = make_doc("The army said Ukrainian troops retook the bridge at Izium on Saturday.", "2022-09-10", "Ledger")
    ev = event("e", "2022-09-10", mention(bare, 0, "claimed", "the army"), mention(said, 0, "claimed", "the army"))
    (chosen,) = sm.summarize_story(story([bare, said], [ev]), CONFIG)
    assert chosen.text.startswith("The army said")
    assert (chosen.status, chosen.attributed_to) == ("claimed", "the army")


def test_a_claim_no_sentence_attributes_is_left_out_rather_than_reworded(make_doc: MakeDoc) -> None:
    bare = make_doc("Ukrainian troops retook the bridge at Izium overnight on Saturday.", "2022-09-10", "Wire")
    ev = event("e", "2022-09-10", mention(bare, 0, "claimed", "the army"))
    assert sm.summarize_story(story([bare], [ev]), CONFIG) == ()


def test_a_plain_report_reads_as_one_and_a_denial_keeps_its_status(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "Firefighters put out a blaze at the Izium rail depot on Saturday. "
        "The Kremlin said on Monday that reports of a strike on the depot were false.",
        "2022-09-12",
        "Wire",
    )
    events = [
        event("fire", "2022-09-10", mention(doc, 0, date="2022-09-10")),
        event("denial", "2022-09-12", mention(doc, 1, "denied", "The Kremlin", date="2022-09-12")),
    ]
    chosen = {s.event: s for s in sm.summarize_story(story([doc], events), CONFIG)}
    assert (chosen["fire"].status, chosen["fire"].attributed_to) == ("reported", None)
    assert (chosen["denial"].status, chosen["denial"].attributed_to) == ("denied", "The Kremlin")


def test_near_duplicates_and_second_sentences_of_one_event_are_dropped(make_doc: MakeDoc) -> None:
    a = make_doc("Ukrainian forces entered the town of Kupiansk on Saturday after a fast advance.", "2022-09-11", "A")
    b = make_doc("Ukrainian forces entered the town of Kupiansk on Saturday after a rapid advance.", "2022-09-12", "B")
    c = make_doc(
        "Residents of Izium queued for bread on Sunday as the first aid trucks arrived. "
        "Volunteers handed out water to residents of Izium from the trucks on Sunday.",
        "2022-09-12",
        "C",
    )
    events = [
        event("k1", "2022-09-10", mention(a, 0)),
        event("k2", "2022-09-11", mention(b, 0, date="2022-09-11")),
        event("aid", "2022-09-12", mention(c, 0, date="2022-09-12"), mention(c, 1, date="2022-09-12")),
    ]
    chosen = sm.summarize_story(story([a, b, c], events), CONFIG)
    assert sorted(s.event or "" for s in chosen) == ["aid", "k2"]
    for x in chosen:
        for y in chosen:
            assert x is y or not sm.repeats(sm.content_words(x.text), sm.content_words(y.text), CONFIG.redundancy)


def test_two_events_of_one_day_give_one_summary_sentence(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "Investigators found a burial site in a forest near Izium on Thursday. "
        "A police investigator in Kharkiv said the site held more than 400 graves.",
        "2022-09-15",
        "Wire",
    )
    events = [
        event("found", "2022-09-15", mention(doc, 0, date="2022-09-15")),
        event("graves", "2022-09-15", mention(doc, 1, "claimed", "A police investigator", date="2022-09-15")),
    ]
    assert [s.event for s in sm.summarize_story(story([doc], events), CONFIG)] == ["found"]


def _point(doc: Document, date: str, value: float) -> FigurePoint:
    return FigurePoint(date, value, value, value, "about", doc.id, 0, doc.sentences[0].text, doc.source, "Kyiv")


def test_the_latest_figure_of_a_series_is_given_and_an_earlier_one_never(make_doc: MakeDoc) -> None:
    early = make_doc(
        "Kyiv said on Sunday that its troops had retaken about 3,000 square kilometres.", "2022-09-11", "A"
    )
    late = make_doc(
        "Kyiv said on Wednesday that its troops had retaken about 8,000 square kilometres.", "2022-09-14", "B"
    )
    other = make_doc("Crews reopened the road between Kharkiv and Izium to traffic on Thursday.", "2022-09-15", "C")
    series = FigureSeries("area retaken", "km2", (_point(early, "2022-09-11", 3000), _point(late, "2022-09-14", 8000)))
    events = [
        event("early", "2022-09-11", mention(early, 0, "claimed", "Kyiv", date="2022-09-11"), sources=3),
        event("late", "2022-09-14", mention(late, 0, "claimed", "Kyiv", date="2022-09-14")),
        event("road", "2022-09-15", mention(other, 0, date="2022-09-15")),
    ]
    chosen = sm.summarize_story(story([early, late, other], events, (series,)), CONFIG)
    by_event = {s.event: s for s in chosen}
    assert "early" not in by_event
    assert by_event["late"].measure == "area retaken"
    first = sm.summarize_story(story([early, late, other], events, (series,)), SummaryConfig(max_sentences=1))
    assert [s.event for s in first] == ["late"]  # the latest figure comes before a later event


def test_latest_figures_of_two_series_given_the_same_day_are_both_given(make_doc: MakeDoc) -> None:
    dead = make_doc("The province said on Thursday that the flood had killed about 40 people.", "2022-09-15", "A")
    missing = make_doc("Rescuers in the valley were searching for about 120 residents, police said.", "2022-09-15", "B")
    earlier = make_doc("The province said on Monday that the flood had killed about 25 people.", "2022-09-12", "C")
    killed = FigureSeries("killed", "count", (_point(earlier, "2022-09-12", 25), _point(dead, "2022-09-15", 40)))
    lost = FigureSeries("missing", "count", (_point(earlier, "2022-09-12", 300), _point(missing, "2022-09-15", 120)))
    events = [
        event("dead", "2022-09-15", mention(dead, 0, "claimed", "The province", date="2022-09-15")),
        event("missing", "2022-09-15", mention(missing, 0, "claimed", "police", date="2022-09-15")),
    ]
    chosen = sm.summarize_story(story([dead, missing, earlier], events, (killed, lost)), CONFIG)
    assert {(s.event, s.measure) for s in chosen} == {("dead", "killed"), ("missing", "missing")}


def test_every_sentence_names_its_sources_and_links_back_to_its_report(make_doc: MakeDoc) -> None:
    a = make_doc(
        "Ukrainian forces entered the town of Kupiansk on Saturday after a fast advance.", "2022-09-11", "Wire"
    )
    b = make_doc("Troops were seen raising a flag over the town hall in Kupiansk on Saturday.", "2022-09-11", "Ledger")
    ev = event("k", "2022-09-10", mention(a, 0), mention(b, 0), sources=2, contested=True)
    (chosen,) = sm.summarize_story(story([a, b], [ev]), CONFIG)
    assert chosen.sources == ("Ledger", "Wire") and chosen.independent_sources == 2
    assert chosen.contested
    doc = a if chosen.document == a.id else b
    assert doc.sentences[chosen.sentence].text == chosen.text


@pytest.mark.parametrize("opening", ["He said", "They entered", "The figure was"])
def test_a_sentence_that_leans_on_the_one_before_is_not_used(make_doc: MakeDoc, opening: str) -> None:
    doc = make_doc(f"{opening} the town of Kupiansk on Saturday after a fast advance.", "2022-09-11", "Wire")
    assert sm.summarize_story(story([doc], [event("k", "2022-09-10", mention(doc, 0))]), CONFIG) == ()


def test_a_line_that_introduces_a_list_is_not_used(make_doc: MakeDoc) -> None:
    doc = make_doc("Here is how the advance on Kupiansk unfolded since the start of the month:", "2022-09-11", "Wire")
    assert sm.summarize_story(story([doc], [event("k", "2022-09-10", mention(doc, 0))]), CONFIG) == ()
    assert sm.reads_alone("The advance on Kupiansk unfolded quickly since the start of the month.", CONFIG)


def test_the_stage_declares_what_it_needs_and_adds(make_doc: MakeDoc) -> None:
    docs, events = daily_events(make_doc, 2)
    built = run_story([sm.build(Config())], replace(story(docs, events), done=frozenset({"events", "figures"})))
    assert len(built.summary) == 2 and "summary" in built.done


def _series(measure: str, *points: tuple[Document, str, float]) -> FigureSeries:
    return FigureSeries(measure, "count", tuple(_point(doc, day, value) for doc, day, value in points))


def test_the_central_happening_keeps_its_place_and_figures_take_at_most_two_one_per_measure(
    make_doc: MakeDoc,
) -> None:
    breach = make_doc(
        "The Alder dam above Millbrook burst early on Monday, flooding the lower town.", "2024-03-04", "A"
    )
    lines = {
        "killed": "The council said on {} that the flood had killed {} people in the lower town.",
        "evacuated": "Rescue crews reported on {} moving {} residents out of riverside streets by boat.",
        "homes": "Insurers counted by {} some {} houses with water reaching upstairs rooms.",
    }
    docs, series = [breach], []
    events = [event("breach", "2024-03-04", mention(breach, 0, date="2024-03-04"), sources=3)]
    days = (("2024-03-05", "Tuesday"), ("2024-03-06", "Wednesday"), ("2024-03-07", "Thursday"))
    for measure, line in lines.items():
        points = []
        for i, (iso, day) in enumerate(days):
            doc = make_doc(line.format(day, 10 * (i + 1)), iso, f"{measure} {i}")
            docs.append(doc)
            points.append((doc, iso, 10.0 * (i + 1)))
            events.append(event(f"{measure}{i}", iso, mention(doc, 0, date=iso)))
        series.append(_series(measure, *points))
    other = _series("killed, east bank (The river board)", (docs[1], "2024-03-05", 4.0), (docs[2], "2024-03-06", 9.0))
    chosen = sm.summarize_story(story(docs, events, (*series, other)), CONFIG)
    assert chosen[0].event == "breach"
    assert len([s for s in chosen if s.measure]) == 2
    assert len({s.measure.split(",")[0] for s in chosen if s.measure}) == 2  # the sides' tolls take one place


def test_a_latest_figure_and_another_event_of_its_day_are_both_given(make_doc: MakeDoc) -> None:
    toll = make_doc("The county said on Thursday that the toll had risen to about 40 people.", "2024-03-07", "A")
    earlier = make_doc("The county said on Monday that the toll had risen to about 25 people.", "2024-03-04", "B")
    suit = make_doc("The town of Millbrook sued the dam's owner on Thursday over the flood.", "2024-03-07", "C")
    killed = _series("killed", (earlier, "2024-03-04", 25), (toll, "2024-03-07", 40))
    events = [
        event("toll", "2024-03-07", mention(toll, 0, "claimed", "The county", date="2024-03-07")),
        event("suit", "2024-03-07", mention(suit, 0, date="2024-03-07")),
    ]
    chosen = sm.summarize_story(story([toll, earlier, suit], events, (killed,)), CONFIG)
    assert {(s.event, s.measure) for s in chosen} == {("toll", "killed"), ("suit", None)}


def test_a_latest_figure_is_given_as_its_series_never_as_a_plain_event(make_doc: MakeDoc) -> None:
    docs = [
        make_doc(f"The council said on {day} that {n} homes in the lower town were under water.", iso, f"S{n}")
        for day, iso, n in (
            ("Monday", "2024-03-04", 10),
            ("Tuesday", "2024-03-05", 20),
            ("Wednesday", "2024-03-06", 30),
        )
    ]
    dead = [
        make_doc(f"The council said on {day} that {n} people had died.", iso, f"K{n}")
        for day, iso, n in (("Monday", "2024-03-04", 1), ("Tuesday", "2024-03-05", 2))
    ]
    figures = (
        _series("homes", *((d, d.published or "", 10.0 * (i + 1)) for i, d in enumerate(docs))),
        _series("killed", *((d, d.published or "", float(i + 1)) for i, d in enumerate(dead))),
    )
    events = [
        event(f"e{i}", d.published, mention(d, 0, "claimed", "The council", date=d.published or ""))
        for i, d in enumerate([*docs, *dead])
    ]
    chosen = sm.summarize_story(story([*docs, *dead], events, figures), SummaryConfig(max_figures=1, origin=False))
    assert [s.measure for s in chosen if s.document in {d.id for d in dead}] == []  # not given, not even as an event
    assert [s.measure for s in chosen if s.measure] == ["homes"]  # the newest, most reported measure


def _disputed(make_doc: MakeDoc, eid: str, source: str, doer: str) -> tuple[Document, Event]:
    """A report of Ostmark's claim that Valdorian ``doer`` destroyed the bridge and Valdoria's denial."""
    doc = make_doc(
        f"Ostmark said Valdorian {doer} destroyed the bridge. "
        f"Valdoria denied that its {doer} had destroyed the bridge.",
        "2024-05-06",
        source,
    )
    sentences = []
    for s, who, content, kind, status in (
        (doc.sentences[0], "Ostmark", f"Valdorian {doer} destroyed the bridge", "claim", "claimed"),
        (doc.sentences[1], "Valdoria", f"that its {doer} had destroyed the bridge", "denial", "denied"),
    ):
        at = s.start + s.text.index(content)
        att = Attribution((s.start, s.start + 1), (at, at + len(content)), None, who, kind)  # type: ignore[arg-type]
        party = "Valdoria" if kind == "denial" else "Valdorian"
        p = s.start + s.text.index(party)
        ent = Entity(p, p + len(party), party, "NORP")
        sentences.append(replace(s, status=status, attributed_to=who, attributions=(att,), entities=(ent,)))  # type: ignore[arg-type]
    doc = replace(doc, sentences=tuple(sentences))
    claims = (mention(doc, 0, "claimed", "Ostmark", "2024-05-06"), mention(doc, 1, "denied", "Valdoria", "2024-05-06"))
    return doc, event(eid, "2024-05-06", *claims, contested=True)


def test_a_happening_whose_doer_is_disputed_takes_the_first_place(make_doc: MakeDoc) -> None:
    text = "The Portmere bridge was destroyed early on Monday, cutting the coast road."
    bridge = make_doc(text, "2024-05-06", "Wire")
    (ledger, by_sappers), (post, by_gunners) = (
        _disputed(make_doc, "ledger", "Coast Ledger", "sappers"),
        _disputed(make_doc, "post", "Bay Post", "gunners"),
    )
    crossing = "Ferries began carrying cars across the estuary at Portmere on Tuesday."
    ferry = [make_doc(crossing, "2024-05-07", s) for s in "AB"]
    events = [
        event("bridge", "2024-05-06", mention(bridge, 0, date="2024-05-06")),
        by_sappers,
        by_gunners,
        event("ferry", "2024-05-07", *(mention(d, 0, date="2024-05-07") for d in ferry), sources=2),
    ]
    chosen = sm.summarize_story(story([bridge, ledger, post, *ferry], events), SummaryConfig(max_sentences=1))
    assert [s.event for s in chosen] == ["bridge"]  # backed by three outlets: its own and the two disputes'
    assert chosen[0].independent_sources == 1  # the sentence still says how many report it
    undisputed = [replace(e, contested=False) for e in events]
    chosen = sm.summarize_story(story([bridge, ledger, post, *ferry], undisputed), SummaryConfig(max_sentences=1))
    assert [s.event for s in chosen] == ["ferry"]


def test_each_side_of_a_measure_whose_givers_disagree_gives_its_latest_figure(make_doc: MakeDoc) -> None:
    line = "The {} said on {} that {} people had died in the flood on its side of the river."
    days = (("2024-03-05", "Tuesday"), ("2024-03-06", "Wednesday"))
    docs, events, series = [], [], []
    for side in ("east", "west"):
        points = []
        for i, (iso, day) in enumerate(days):
            doc = make_doc(line.format(f"{side} council", day, 10 * (i + 1) + (side == "west")), iso, f"{side} {i}")
            docs.append(doc)
            points.append((doc, iso, 10.0 * (i + 1)))
            events.append(event(f"{side}{i}", iso, mention(doc, 0, "claimed", f"The {side} council", date=iso)))
        series.append(_series(f"killed, {side} bank (The {side} council)", *points))
    homes = make_doc("The county said on Wednesday that 300 homes in the valley were under water.", "2024-03-06", "H")
    earlier = make_doc("The county said on Tuesday that 120 homes in the valley were under water.", "2024-03-05", "G")
    series.append(_series("homes", (earlier, "2024-03-05", 120.0), (homes, "2024-03-06", 300.0)))
    events += [
        event("homes0", "2024-03-05", mention(earlier, 0, "claimed", "The county", date="2024-03-05")),
        event("homes1", "2024-03-06", mention(homes, 0, "claimed", "The county", date="2024-03-06")),
    ]
    all_docs = [*docs, earlier, homes]
    chosen = sm.summarize_story(story(all_docs, events, tuple(series)), SummaryConfig(origin=False))
    given = {s.measure for s in chosen if s.measure}  # the figure lines, without a 03-05 line on how it began
    assert given == {"killed, east bank (The east council)", "killed, west bank (The west council)", "homes"}
    one = sm.summarize_story(story(all_docs, events, tuple(series)), SummaryConfig(max_figures=1, origin=False))
    assert {s.measure for s in one if s.measure} <= {
        "killed, east bank (The east council)",
        "killed, west bank (The west council)",
    }
    assert len([s for s in one if s.measure]) == 2  # one measure, both sides
    unscoped = tuple(replace(x, measure=x.measure.replace(" bank", "").replace(",", "")) for x in series)
    chosen = sm.summarize_story(story(all_docs, events, unscoped), SummaryConfig(max_figures=1, origin=False))
    assert len([s for s in chosen if s.measure]) == 1  # givers' counts of the same ground compete


def test_a_happening_dated_after_every_report_that_tells_it_is_not_what_we_know(make_doc: MakeDoc) -> None:
    docs, events = daily_events(make_doc, 3)
    plan = make_doc(
        "The council's 2026 transport budget for Millbrook totals about 40 million euros.", "2022-09-03", "P"
    )
    bio = make_doc(
        "Before moving to Lisbon in 2025, the columnist covered farming in Cork for a decade.", "2022-09-02", "Q"
    )
    events += [
        event("plan", "2026", mention(plan, 0, date="2026"), sources=4),
        event("bio", "2025", mention(bio, 0, date="2025"), sources=4),
    ]
    chosen = sm.summarize_story(story([*docs, plan, bio], events), CONFIG)
    assert {s.event for s in chosen} == {"e0", "e1", "e2"}


def test_a_coming_date_does_not_make_the_reported_days_look_old(make_doc: MakeDoc) -> None:
    docs, events = daily_events(make_doc, 6)
    plan = make_doc("Officials in Millbrook expect the new flood wall to open in March 2027.", "2022-09-06", "P")
    events.append(event("plan", "2027-03", mention(plan, 0, date="2027-03"), sources=2))
    chosen = sm.summarize_story(story([*docs, plan], events), CONFIG)
    assert [s.date for s in chosen] == ["2022-09-02", "2022-09-03", "2022-09-04", "2022-09-05", "2022-09-06"]


def test_a_later_report_of_a_once_coming_date_tells_it_as_past(make_doc: MakeDoc) -> None:
    early = make_doc("Officials in Millbrook said the new flood wall would open in October 2022.", "2022-09-01", "P")
    late = make_doc(
        "The new flood wall in Millbrook opened to walkers in October 2022 after delays.", "2022-11-02", "Q"
    )
    wall = event("wall", "2022-10", mention(early, 0, date="2022-10"), mention(late, 0, date="2022-10"))
    assert [s.event for s in sm.summarize_story(story([early, late], [wall]), CONFIG)] == ["wall"]


def test_a_latest_figure_dated_after_its_report_is_not_given(make_doc: MakeDoc) -> None:
    now = make_doc(
        "The province said on Thursday that about 40 schools had closed because of the flood.", "2022-09-15", "A"
    )
    earlier = make_doc(
        "The province said on Monday that about 25 schools had closed because of the flood.", "2022-09-12", "B"
    )
    coming = make_doc(
        "The province plans to spend about 90 million euros on school repairs in 2024.", "2022-09-14", "C"
    )
    schools = _series("schools closed", (earlier, "2022-09-12", 25.0), (now, "2022-09-15", 40.0))
    spending = _series("spending", (earlier, "2022-09-12", 10.0), (coming, "2024", 90.0))
    events = [event("now", "2022-09-15", mention(now, 0, date="2022-09-15"))]
    chosen = sm.summarize_story(story([now, earlier, coming], events, (schools, spending)), CONFIG)
    assert [s.measure for s in chosen] == ["schools closed"]


def test_a_season_or_a_week_is_never_read_as_a_coming_date(make_doc: MakeDoc) -> None:
    report = make_doc("The ferry service in Harwick resumed after the storms.", "2022-09-06", "P")
    assert not sm.told_as_future("2023-SU", [report]) and not sm.told_as_future("2023-W10", [report])
    assert sm.told_as_future("2023", [report]) and not sm.told_as_future("2022-09", [report])


def test_a_claimed_clause_is_quoted_only_when_its_own_words_name_who_makes_it(make_doc: MakeDoc) -> None:
    text = "Ukrainian troops retook the bridge at Izium overnight on Saturday, the army said in a statement at noon."
    doc = make_doc(text, "2022-09-10", "Wire")
    s = doc.sentences[0]
    cue = s.start + text.index("said")
    said = Attribution(cue=(cue, cue + 4), content=(s.start, cue), source=None, speaker="the army")
    doc = replace(doc, sentences=(replace(s, attributions=(said,)),))
    first = replace(mention(doc, 0, "claimed", "the army"), text=text[: text.index(",")], clause=0)
    ev = event("e", "2022-09-10", first)
    assert sm.summarize_story(story([doc], [ev]), CONFIG) == ()  # the cue is in the other part
    whole = mention(doc, 0, "claimed", "the army")
    (chosen,) = sm.summarize_story(story([doc], [event("e", "2022-09-10", whole)]), CONFIG)
    assert chosen.text == text


def test_undated_background_told_by_many_reports_is_never_the_central_happening(make_doc: MakeDoc) -> None:
    line = "The fever has sickened dozens of people in Calder Bay since it was first found in May."
    days = ("2024-05-20", "2024-05-21", "2024-05-22", "2024-05-23")
    background = [make_doc(line, day, f"Outlet {i}") for i, day in enumerate(days)]
    mentions = [mention(doc, 0, date=day, fallback=True) for doc, day in zip(background, days, strict=True)]
    mentions[0] = mention(background[0], 0, date="2024-05")  # one report dates it by its own words, to a month
    vote = "The Calder Bay council voted on Monday to close the harbour market for two weeks."
    votes = [make_doc(vote, "2024-05-20", "Bay Post"), make_doc(vote + " ", "2024-05-21", "Coast Wire")]
    events = [
        event("background", "2024-05", *mentions, sources=4),
        event("vote", "2024-05-20", *(mention(d, 0, date="2024-05-20") for d in votes), sources=2),
    ]
    chosen = sm.summarize_story(story([*background, *votes], events), SummaryConfig(max_sentences=1))
    assert [s.event for s in chosen] == ["vote"]
    assert sm.central_event(events) is events[0]  # counting every report, the background would be central


def test_the_figures_of_one_report_and_one_day_are_not_a_series_the_summary_follows(make_doc: MakeDoc) -> None:
    quote = make_doc(
        "A grain economist said about 15 million acres remain unplanted and guessed one million would stay bare.",
        "2024-05-20",
        "Farm Weekly",
    )
    toll = [
        make_doc(f"The health office said on {d} that {n} people had caught the fever.", iso, f"W{n}")
        for d, n, iso in (("Monday", 30, "2024-05-20"), ("Tuesday", 45, "2024-05-21"))
    ]
    area = FigureSeries("area", "km2", (_point(quote, "2024-05-20", 60_700.0), _point(quote, "2024-05-20", 4_050.0)))
    cases = _series("infected", (toll[0], "2024-05-20", 30.0), (toll[1], "2024-05-21", 45.0))
    events = [event("cases", "2024-05-21", mention(toll[1], 0, date="2024-05-21"))]
    chosen = sm.summarize_story(story([quote, *toll], events, (area, cases)), CONFIG)
    assert {s.measure for s in chosen if s.measure} == {"infected"}
    assert sm.tracked((area, cases)) == [cases]
    over_days = FigureSeries(
        "area", "km2", (_point(quote, "2024-05-18", 60_700.0), _point(quote, "2024-05-20", 4_050.0))
    )
    assert sm.tracked((over_days,)) == [over_days]  # one report's figures of two days: a measure it follows


def test_the_latest_figure_is_a_measured_one_not_a_later_projection(make_doc: MakeDoc) -> None:
    now = make_doc("The river at Harwick stood 1.2 metres above normal on Monday.", "2022-09-12", "A")
    worst = make_doc("The river at Harwick could rise 2 metres above normal by Wednesday.", "2022-09-12", "B")
    level = _series("water level at Harwick", (now, "2022-09-12", 1.2), (worst, "2022-09-14", 2.0))
    assert sm.latest_point(level).value == 2.0
    level = replace(level, points=(level.points[0], replace(level.points[1], projected=True)))
    assert sm.latest_point(level).value == 1.2
    only_forecast = replace(level, points=level.points[1:])
    assert sm.latest_point(only_forecast).value == 2.0


def test_the_central_happening_is_quoted_by_its_mention_that_names_the_storys_subject(make_doc: MakeDoc) -> None:
    titles = (
        "Calder Bay fever spreads to two towns",
        "Fever cases rise in Calder Bay",
        "Calder Bay fever: clinics fill",
        "Schools stay open as the fever slows",
    )
    reports = [
        make_doc("Clinics in Calder Bay treated more people for the fever this week.", f"2024-05-1{i}", f"Desk {i}")
        for i in range(4)
    ]
    reports = [replace(doc, title=title) for doc, title in zip(reports, titles, strict=True)]
    roads = make_doc(
        "The county board passed a budget on Tuesday that pays for new road works and a harbour wall.",
        "2024-05-14",
        "Bay Post",
        title="Calder Bay budget: roads, a harbour wall and fever money",  # a report on the fever's story
    )
    fever = make_doc(
        "The county budget passed on Tuesday also holds money for fever clinics across the county.",
        "2024-05-14",
        "Coast Wire",
    )
    budget = event(
        "budget", "2024-05-14", mention(roads, 0, date="2024-05-14"), mention(fever, 0, date="2024-05-14"), sources=2
    )
    chosen = sm.summarize_story(story([*reports, roads, fever], [budget]), SummaryConfig(max_sentences=1))
    assert [(s.event, s.document) for s in chosen] == [("budget", fever.id)]
    untitled = [replace(doc, title=None) for doc in reports]  # headlines are then the reports' first sentences
    assert "fever" in sm.subject_words(untitled)
    untitled_roads = replace(roads, title=None)
    plain = sm.summarize_story(story([untitled_roads, fever], [budget]), SummaryConfig(max_sentences=1))
    assert [s.document for s in plain] == [roads.id]  # no subject read from one report each: the usual order


def test_the_latest_figure_is_a_firm_one_not_a_later_suspected_toll(make_doc: MakeDoc) -> None:
    firm = make_doc("The clinic in Calder Bay said on Monday that 20 people had died of the fever.", "2024-05-20", "A")
    guess = make_doc("The fever may have killed 90 people in Calder Bay, a doctor said on Tuesday.", "2024-05-21", "B")
    killed = _series("killed", (firm, "2024-05-20", 20.0), (guess, "2024-05-21", 90.0))
    assert sm.latest_point(killed).value == 90.0
    killed = replace(killed, points=(killed.points[0], replace(killed.points[1], suspected=True)))
    assert sm.latest_point(killed).value == 20.0
