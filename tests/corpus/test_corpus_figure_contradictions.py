from __future__ import annotations

import math
from dataclasses import replace

import pytest

from corpus.contradiction_stories import find, point, story_of
from storyline.config import FiguresConfig
from storyline.corpus import figure_contradictions as fc
from storyline.corpus.lineage import Lineage
from storyline.records import Derivation, FigurePoint, FigureSeries


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
    assert fc.interval(point(1000, "about", "a")) == (900.0, 1100.0)
    assert fc.interval(point(1000, "more than", "a")) == (1000.0, math.inf)
    assert fc.interval(point(1000, "at least", "a")) == (1000.0, math.inf)
    assert fc.interval(point(1000, "up to", "a")) == (0.0, 1000.0)
    assert fc.interval(replace(point(3, None, "a"), high=5)) == (3.0, 5.0)


def test_a_figure_never_contradicts_its_own_copy(make_doc):
    a = make_doc("Ukraine has retaken 6,000 km2, Zelensky said.", source="A")
    b = make_doc("Ukraine has retaken 600 km2, Zelensky said.", source="B")
    pa = replace(point(6000, None, a.id), text=a.text)
    pb = replace(point(600, None, b.id), text=b.text)
    series = FigureSeries("area retaken", "km2", (pa, pb))
    derived = Derivation(b.id, a.id, "duplicate", 0.97, (), ())
    assert find(story_of(a, b, figures=[series], derivations=[derived])) == ()
    assert len(find(story_of(a, b, figures=[series]))) == 1


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


@pytest.mark.parametrize(
    ("measure", "first", "second"),
    [
        (
            "killed, staff and members",
            "Eleven of the mission's Valdorian peacekeepers died.",
            "Three of its staff died.",
        ),
    ],
)
def test_an_organisation_s_own_dead_told_by_part_are_no_rivals(make_doc, measure, first, second):
    a = make_doc(first, published="2031-03-04", source="A")
    b = make_doc(second, published="2031-03-04", source="B")
    own = FigureSeries(measure, "count", (point(11, None, a.id), point(3, None, b.id)))
    assert find(story_of(a, b, figures=[own])) == ()
    assert len(find(story_of(a, b, figures=[replace(own, measure="killed")]))) == 1


def test_two_counts_of_one_named_group_s_dead_on_one_day_are_rivals(make_doc):
    a = make_doc("Ostmark said 11 of its soldiers died at the pass.", published="2031-03-04", source="A")
    b = make_doc("Valdoria said 300 Ostmark soldiers died at the pass.", published="2031-03-04", source="B")
    soldiers = FigureSeries("killed, soldiers", "count", (point(11, None, a.id), point(300, None, b.id)))
    assert len(find(story_of(a, b, figures=[soldiers]))) == 1


def test_a_smaller_count_for_a_side_place_is_part_of_the_whole_not_its_rival():
    side = replace(point(1, None, "a"), places=("ostmark",))
    whole = point(16, None, "b")
    series = FigureSeries("killed", "count", (side, whole))
    lineage = Lineage(roots={}, documents={}, copy_similarity=90)
    assert list(fc.figure_contradictions([series], lineage, FiguresConfig(), frozenset({"valdoria"}))) == []
    main = replace(side, places=("valdoria",))  # the story's own place: the whole, a rival
    assert (
        len(
            list(
                fc.figure_contradictions(
                    [FigureSeries("killed", "count", (main, whole))], lineage, FiguresConfig(), frozenset({"valdoria"})
                )
            )
        )
        == 1
    )
    # more in a side place than in the whole: a rival in a world story; in a story of one country it is
    # another country's toll (``told_elsewhere``)
    larger = replace(side, value=40, low=40, high=40)
    assert (
        len(
            list(
                fc.figure_contradictions(
                    [FigureSeries("killed", "count", (larger, whole))],
                    lineage,
                    FiguresConfig(),
                    frozenset({"valdoria", "world"}),
                )
            )
        )
        == 1
    )
    one_country = [FigureSeries("killed", "count", (larger, whole))]
    assert list(fc.figure_contradictions(one_country, lineage, FiguresConfig(), frozenset({"valdoria"}))) == []


def test_a_count_for_another_country_is_no_rival_of_the_story_s_toll():
    roundup = replace(point(19, None, "a"), places=("afghanistan",))
    toll = point(2, None, "b")
    lineage = Lineage(roots={}, documents={}, copy_similarity=90)
    main = frozenset({"libya"})
    series = FigureSeries("killed", "count", (roundup, toll))
    assert list(fc.figure_contradictions([series], lineage, FiguresConfig(), main)) == []
    town = replace(roundup, places=("misrata",))  # a town of the story's country: a rival
    both = replace(toll, places=("afghanistan",))  # two counts of that country: rivals
    for a, b in ((town, toll), (roundup, both)):
        pair = FigureSeries("killed", "count", (a, b))
        assert len(list(fc.figure_contradictions([pair], lineage, FiguresConfig(), main))) == 1


def _rivals_found(*points: FigurePoint) -> int:
    lineage = Lineage(roots={}, documents={}, copy_similarity=90)
    series = FigureSeries("killed", "count", points)
    return len(list(fc.figure_contradictions([series], lineage, FiguresConfig(), frozenset({"valdoria"}))))


def test_one_day_s_toll_is_part_of_a_running_total_not_its_rival():
    day = replace(
        point(3, None, "a"),
        text="Three people were killed on Tuesday when shells hit the harbour, a council member said.",
        own_day=True,
    )
    total = replace(
        point(31, "at least", "b"),
        text="Gunners have been shelling the port town for weeks, killing at least 31 people, a doctor said.",
    )
    assert _rivals_found(day, total) == 0
    since = replace(total, text="At least 31 people have died since the siege of the port town began.")
    assert _rivals_found(day, since) == 0
    # a larger count that runs no total, one dated to the same day, or a day's toll above the total: rivals
    plain = replace(total, text="Shells killed at least 31 people in the port town, a doctor said.")
    assert _rivals_found(day, plain) == 1
    same_day = replace(
        total, text="Gunners have been shelling the port town, killing at least 31 on Tuesday.", own_day=True
    )
    assert _rivals_found(day, same_day) == 1
    above = replace(day, value=40, low=40, high=40)
    assert _rivals_found(above, replace(total, qualifier=None)) == 1


def test_a_figure_of_an_opinion_piece_has_no_rival(make_doc):
    column = make_doc("Jo Lin is a columnist. The views expressed are his own. Saying 300 are dead is hype.")
    report = make_doc("The fever has killed 40 people in Valdoria, the ministry said.")
    a = replace(point(300, None, column.id), text=column.sentences[-1].text)
    b = replace(point(40, None, report.id), text=report.text)
    series = FigureSeries("killed", "count", (a, b))
    assert find(story_of(column, report, figures=[series])) == ()
    plain = make_doc("Jo Lin writes that 300 are dead.")
    c = replace(point(300, None, plain.id), text=plain.text)
    assert len(find(story_of(plain, report, figures=[FigureSeries("killed", "count", (c, b))]))) == 1


def test_a_figure_of_a_readers_reply_has_no_rival_but_the_page_s_own_does(make_doc):
    page = make_doc(
        "Ferries stopped on Monday and 40 sailings were cancelled. A selection of your comments appear below. "
        "Honestly, 300 sailings were cancelled, not 40."
    )
    report = make_doc("The operator cancelled 90 sailings on Monday, the port said.")
    reply = replace(point(300, None, page.id), sentence=2, text=page.sentences[2].text)
    own = replace(point(40, None, page.id), sentence=0, text=page.sentences[0].text)
    told = replace(point(90, None, report.id), text=report.text)
    assert find(story_of(page, report, figures=[FigureSeries("cancelled", "count", (reply, told))])) == ()
    assert len(find(story_of(page, report, figures=[FigureSeries("cancelled", "count", (own, told))]))) == 1


def test_a_count_told_as_confirmed_is_the_verified_part_of_a_larger_toll():
    confirmed = replace(point(20, None, "a"), text="Officials have confirmed 20 deaths and are checking dozens more.")
    toll = replace(point(81, None, "b"), text="The fever has killed 81 people in Valdoria.")
    assert find(story_of(figures=[FigureSeries("killed", "count", (confirmed, toll))])) == ()
    smaller = replace(point(12, None, "b"), text="The fever has killed 12 people in Valdoria.")
    assert len(find(story_of(figures=[FigureSeries("killed", "count", (confirmed, smaller))]))) == 1
    other = replace(point(81, None, "b"), text="Officials have confirmed 81 deaths.")
    assert len(find(story_of(figures=[FigureSeries("killed", "count", (confirmed, other))]))) == 1


def test_the_same_two_figures_told_again_by_other_reports_are_one_contradiction():
    series = FigureSeries(
        "homeless",
        "count",
        (
            point(600_000, None, "a"),
            point(1_500_000, "about", "b"),
            point(1_500_000, "about", "c"),
            point(2_000_000, None, "d"),
        ),
    )
    found = find(story_of(figures=[series]))
    pairs = [tuple(m.document for m in c.mentions) for c in found]
    assert pairs == [("a", "b"), ("a", "d"), ("b", "d")]  # not ("a", "c") nor ("c", "d") again
    other_day = replace(series, points=(*series.points[:2], replace(series.points[2], date="2022-09-13")))
    assert len(find(story_of(figures=[other_day]))) == 1


def test_two_figures_each_report_tells_both_of_are_no_disagreement():
    # two reports each say "the cap collected 9,200 barrels on Monday, up on 8,700 the day before"
    series = FigureSeries(
        "collected",
        "barrel",
        (point(8_700, None, "a"), point(9_200, None, "a"), point(8_700, None, "b"), point(9_200, None, "b")),
    )
    assert find(story_of(figures=[series])) == ()
    # when only one report tells both, the other's lone figure still disagrees with one of them
    one_sided = replace(series, points=series.points[:3])
    pairs = [tuple(m.document for m in c.mentions) for c in find(story_of(figures=[one_sided]))]
    assert pairs == [("a", "b")]


def test_a_count_the_larger_floor_s_report_tells_as_an_earlier_floor_is_no_rival():
    early = point(15, None, "a", "a ward nurse")  # "A nurse reported 15 deaths."
    first = point(15, "at least", "b", "one doctor")  # "At least 15 died, according to one doctor."
    later = replace(point(40, "at least", "b", "the doctor"), sentence=9)  # "At least 40 were killed, the doctor said."
    series = FigureSeries("killed", "count", (early, first, later))
    assert find(story_of(figures=[series])) == ()
    # without the earlier floor in its report, the larger count is a rival
    alone = FigureSeries("killed", "count", (early, later))
    assert len(find(story_of(figures=[alone]))) == 1


def _written(value: float, doc: str, text: str) -> FigurePoint:
    return replace(point(value, None, doc), text=text)


@pytest.mark.parametrize(("other", "clashes"), [(2.9e6, 0), (2.5e6, 1)])
def test_a_round_figure_holds_a_precise_one_within_its_rounding_only(other, clashes):
    series = FigureSeries(
        "spilled",
        "barrel",
        (
            _written(3e6, "a", "The tanker lost 3m barrels of crude off the cape, the ministry said."),
            _written(other, "b", f"The owners said {other / 1e6} m barrels were lost off the cape."),
        ),
    )
    assert len(find(story_of(figures=[series]))) == clashes


def test_round_thousands_do_not_hide_a_tenth_apart():
    a = _written(10_000, "a", "The ship is catching 10 thousand barrels a day, engineers said.")
    b = _written(11_000, "b", "The ship is catching 11 thousand barrels a day.")
    assert len(find(story_of(figures=[FigureSeries("collected", "barrel", (a, b))]))) == 1


def test_counts_of_the_dead_are_never_read_as_round():
    a = _written(2e6, "a", "The famine has killed 2 million people, the agency said.")
    b = _written(1.95e6, "b", "The famine has killed 1.95 million people.")
    assert len(find(story_of(figures=[FigureSeries("killed", "count", (a, b))]))) == 1


@pytest.mark.parametrize(
    ("date", "clashes"),
    [("2031-03", 0), ("2031", 0), ("2031-03-10", 1)],  # a month cannot tell early from late; one day still can
)
def test_a_change_and_the_value_its_sentence_tells_it_changed_from_are_no_rivals_within_a_month(date, clashes):
    a = replace(_written(900, "a", "Early in March the harbour office still cited 900 barrels a day."), date=date)
    b = replace(
        _written(7_000, "b", "Officials kept raising it from 900 barrels a day to 7,000 by late March."), date=date
    )
    assert len(find(story_of(figures=[FigureSeries("flow rate", "barrel/day", (a, b))]))) == clashes


def test_a_change_from_another_value_still_contradicts():
    a = replace(_written(900, "a", "Early in March the harbour office cited 900 barrels a day."), date="2031-03")
    b = replace(_written(7_000, "b", "Officials raised the flow from 3,000 barrels a day to 7,000."), date="2031-03")
    assert len(find(story_of(figures=[FigureSeries("flow rate", "barrel/day", (a, b))]))) == 1
